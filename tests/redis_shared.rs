//! Many workers, one token: four worker processes sharing pacing, rate-limit pauses,
//! installation tokens and conditional-cache entries through a real `redis-server`.
//!
//! Its own `main` (`harness = false`): the binary is also the worker, run again with
//! `REDIS_WORKER` set. A missing `redis-server` fails the run.

#[path = "support/redis_server.rs"]
mod redis_server;
#[path = "support/redis_workers.rs"]
mod redis_workers;

use std::time::{Duration, Instant};

use redis_server::RedisServer;
use redis_workers::{ok_after, report, response, unix_ms, Answer, Job, Recorder};

const WORKERS: usize = 4;

/// One scenario: it panics when what it proves does not hold.
type Scenario = fn(&RedisServer, &tokio::runtime::Runtime);

fn main() {
    redis_workers::run_if_worker();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let redis = RedisServer::start();
    let tests: [(&str, Scenario); 5] = [
        ("the_readme_quotes_the_compiled_example", readme_example),
        ("writes_are_spaced_and_the_cap_holds_across_workers", pacing),
        ("a_rate_limit_seen_by_one_worker_pauses_all", rate_limit),
        ("four_workers_of_one_installation_mint_one_token", one_token),
        ("a_304_is_answered_from_another_workers_entry", shared_304),
    ];
    for (name, test) in tests {
        let start = Instant::now();
        println!("test {name} ...");
        test(&redis, &rt);
        println!(
            "test {name} ... ok ({:.1} s)",
            start.elapsed().as_secs_f64()
        );
    }
}

fn job(redis: &RedisServer, namespace: &str, base: &str, calls: &str) -> Job {
    Job {
        redis: redis.url(),
        namespace: namespace.into(),
        base: base.into(),
        calls: calls.into(),
        ..Job::default()
    }
}

/// Run `WORKERS` copies of `job` at once; their reports.
fn run_workers(job: &Job) -> Vec<std::collections::HashMap<String, String>> {
    let children: Vec<_> = (0..WORKERS).map(|i| job.spawn(&format!("w{i}"))).collect();
    children.into_iter().map(report).collect()
}

/// `Throttle::github()` with a cap of 3: eight writes from four processes arrive at least
/// 1 s apart, and the server never holds more than three requests at once.
fn pacing(redis: &RedisServer, rt: &tokio::runtime::Runtime) {
    // Answers take 400 ms, so the GETs of one worker overlap even on a loaded machine.
    let server = rt.block_on(Recorder::start(|_, _| ok_after(Duration::from_millis(400))));
    let mut job = job(
        redis,
        "pace",
        &server.base,
        "POST /w,POST /w,GET /r,GET /r,GET /r,GET /r",
    );
    job.max_concurrent = Some(3);
    for r in run_workers(&job) {
        assert_eq!(r["ok"], "6", "every call succeeds: {r:?}");
        assert_eq!(r["redis_failures"], "0", "{r:?}");
    }
    let arrivals = server.arrivals();
    let mut writes: Vec<u64> = arrivals
        .iter()
        .filter(|a| a.method == "POST")
        .map(|a| a.at_ms)
        .collect();
    writes.sort_unstable();
    assert_eq!(writes.len(), 2 * WORKERS);
    for pair in writes.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(gap >= 1000, "two writes arrived {gap} ms apart: {writes:?}");
    }
    let most = server.most_in_flight();
    assert!(most <= 3, "{most} requests in flight at once, cap 3");
    assert!(most >= 2, "the workers did run concurrently ({most})");
}

/// The first write gets `403` with `x-ratelimit-remaining: 0` and a reset at least 2 s
/// ahead: no request from any worker arrives after it and before the reset.
fn rate_limit(redis: &RedisServer, rt: &tokio::runtime::Runtime) {
    let reset = std::sync::Arc::new(std::sync::Mutex::new(0u64));
    let seen = reset.clone();
    let server = rt.block_on(Recorder::start(move |n, _| {
        if n > 0 {
            return ok_after(Duration::ZERO);
        }
        let at = unix_ms() / 1000 + 3;
        *seen.lock().unwrap() = at;
        let at = at.to_string();
        let headers = [
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", at.as_str()),
            ("x-ratelimit-resource", "core"),
        ];
        Answer::After(
            Duration::ZERO,
            response(
                "403 Forbidden",
                &headers,
                r#"{"message":"API rate limit exceeded"}"#,
            ),
        )
    }));
    let job = job(redis, "limit", &server.base, "POST /w");
    for r in run_workers(&job) {
        assert_eq!(
            r["ok"], "1",
            "every call succeeds (the limited one after the reset): {r:?}"
        );
    }
    let reset_ms = *reset.lock().unwrap() * 1000;
    let arrivals = server.arrivals();
    assert_eq!(
        arrivals.len(),
        WORKERS + 1,
        "four writes and one retry: {arrivals:?}"
    );
    let first = arrivals[0].at_ms;
    assert!(reset_ms >= first + 2000, "the reset is at least 2 s ahead");
    for a in &arrivals[1..] {
        assert!(
            a.at_ms >= reset_ms,
            "a request arrived {} ms before the reset",
            reset_ms - a.at_ms
        );
    }
}

/// Four processes acting as one installation, started at once, mint one token, and Redis
/// holds it sealed (not in clear text).
fn one_token(redis: &RedisServer, rt: &tokio::runtime::Runtime) {
    const TOKEN: &str = "ghs_SharedInstallationToken42";
    let server = rt.block_on(Recorder::start(|_, a| {
        if a.path == "/app/installations/42/access_tokens" {
            let body = format!(r#"{{"token":"{TOKEN}","expires_at":"2099-01-01T00:00:00Z"}}"#);
            return Answer::After(
                Duration::from_millis(300),
                response("201 Created", &[], &body),
            );
        }
        match a.header("authorization") == Some(&format!("token {TOKEN}")) {
            true => ok_after(Duration::ZERO),
            false => Answer::After(Duration::ZERO, response("401 Unauthorized", &[], "{}")),
        }
    }));
    let mut job = job(redis, "tok", &server.base, "GET /installation/repositories");
    job.app = true;
    for r in run_workers(&job) {
        assert_eq!(r["ok"], "1", "{r:?}");
    }
    let mints = server
        .arrivals()
        .iter()
        .filter(|a| a.path.ends_with("/access_tokens"))
        .count();
    assert_eq!(mints, 1, "four workers, one token");
    let stored = redis.keys("tok:token:*:value");
    assert_eq!(stored.len(), 1, "{stored:?}");
    let value = redis.cli(&["GET", &stored[0]]);
    assert!(value.len() > 16, "a sealed value is stored: {value:?}");
    assert!(
        !value.contains(TOKEN),
        "the token is not stored in clear text"
    );
}

/// Worker A stores a `200` with an `ETag`; worker B, another process, revalidates with it
/// and gets the body from A's entry on the `304`.
fn shared_304(redis: &RedisServer, rt: &tokio::runtime::Runtime) {
    let server = rt.block_on(Recorder::start(|_, a| {
        let headers = [("etag", "\"v1\"")];
        match a.header("if-none-match") {
            Some("\"v1\"") => {
                Answer::After(Duration::ZERO, response("304 Not Modified", &headers, ""))
            }
            _ => Answer::After(Duration::ZERO, response("200 OK", &headers, r#"{"n":1}"#)),
        }
    }));
    let mut job = job(redis, "cache", &server.base, "GET /repos/o/r");
    job.cache = true;
    let a = report(job.spawn("a"));
    assert_eq!(
        (a["ok"].as_str(), a["from_cache"].as_str()),
        ("1", "0"),
        "{a:?}"
    );
    let b = report(job.spawn("b"));
    assert_eq!(b["ok"], "1", "{b:?}");
    assert_eq!(
        b["from_cache"], "1",
        "B's 304 is answered from A's entry: {b:?}"
    );
    assert_eq!(b["bodies"], r#"{"n":1}"#);
    let arrivals = server.arrivals();
    assert_eq!(arrivals[1].header("if-none-match"), Some("\"v1\""));
}

/// The README's "Many workers, one token" example is `examples/many_workers.rs` (which
/// `cargo test` compiles) between its markers, unindented.
fn readme_example(_: &RedisServer, _: &tokio::runtime::Runtime) {
    let root = env!("CARGO_MANIFEST_DIR");
    let example = std::fs::read_to_string(format!("{root}/examples/many_workers.rs")).unwrap();
    let quoted = example
        .split("    // README: start\n")
        .nth(1)
        .and_then(|rest| rest.split("    // README: end\n").next())
        .expect("the README markers in examples/many_workers.rs");
    let unindented: String = quoted
        .lines()
        .map(|l| format!("{}\n", l.strip_prefix("    ").unwrap_or(l)))
        .collect();
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let section = readme
        .split("### Many workers, one token")
        .nth(1)
        .expect("the README's \"Many workers, one token\" section");
    assert!(
        section.contains(&unindented),
        "the README's example differs from examples/many_workers.rs:\n{unindented}"
    );
}
