//! The shared Redis state under faults: `redis-server` killed mid-run and restarted, a worker
//! killed while it holds a concurrency lease, and a Redis that accepts but never answers.
//!
//! Its own `main` (`harness = false`): the binary is also the worker, run again with
//! `REDIS_WORKER` set. A missing `redis-server` fails the run.

#[path = "support/redis_server.rs"]
mod redis_server;
#[path = "support/redis_workers.rs"]
mod redis_workers;

use std::time::{Duration, Instant};

use github_rest_client::runtime::{Client, Method, RedisState, Request, Throttle};
use redis_server::RedisServer;
use redis_workers::{ok_after, report, response, Answer, Job, Recorder};

/// One scenario: it panics when what it proves does not hold.
type Scenario = fn(&tokio::runtime::Runtime);

fn main() {
    redis_workers::run_if_worker();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let tests: [(&str, Scenario); 3] = [
        ("redis_killed_mid_run_then_restarted", killed_and_restarted),
        (
            "a_worker_killed_holding_a_lease_frees_it_after_the_ttl",
            killed_worker,
        ),
        (
            "a_redis_that_never_answers_costs_one_short_timeout",
            black_hole,
        ),
    ];
    for (name, test) in tests {
        let start = Instant::now();
        println!("test {name} ...");
        test(&rt);
        println!(
            "test {name} ... ok ({:.1} s)",
            start.elapsed().as_secs_f64()
        );
    }
}

/// A worker writes and reads in sequence; `redis-server` is killed after ~1 s and started
/// again (empty) ~1 s later. Every call completes, the worker warned, and once Redis is back
/// the worker uses it again: its cache entries appear in the new server.
fn killed_and_restarted(rt: &tokio::runtime::Runtime) {
    let mut redis = RedisServer::start();
    let server = rt.block_on(Recorder::start(|_, a| {
        let body = if a.method == "GET" {
            r#"{"n":1}"#
        } else {
            "{}"
        };
        Answer::After(
            Duration::ZERO,
            response("200 OK", &[("etag", "\"e\"")], body),
        )
    }));
    let calls = vec!["POST /w,GET /r"; 24].join(",");
    let job = Job {
        redis: redis.url(),
        namespace: "faults".into(),
        base: server.base.clone(),
        calls,
        sequential: true,
        gap_ms: 100,
        write_spacing_ms: Some(100),
        cache: true,
        ..Job::default()
    };
    let worker = job.spawn("w");
    std::thread::sleep(Duration::from_millis(1000));
    redis.kill();
    std::thread::sleep(Duration::from_millis(1000));
    redis.restart();
    let r = report(worker);
    assert_eq!(r["ok"], "48", "every call completes: {r:?}");
    assert_ne!(r["redis_failures"], "0", "the worker saw Redis fail: {r:?}");
    assert_ne!(r["warnings"], "0", "and said so: {r:?}");
    assert_eq!(r["connected"], "true", "it is connected again: {r:?}");
    let after = redis.keys("faults:cache:*");
    assert!(!after.is_empty(), "entries written after the restart");
    // Every call arrived (none was lost or sent twice).
    assert_eq!(server.arrivals().len(), 48);
}

/// Worker A takes the only concurrency slot (cap 1, lease TTL 2 s) on a request the server
/// never answers, and is killed. Worker B waits for the lease to expire, then goes on.
fn killed_worker(rt: &tokio::runtime::Runtime) {
    let redis = RedisServer::start();
    let server = rt.block_on(Recorder::start(|_, a| match a.path.as_str() {
        "/hang" => Answer::Hang,
        _ => ok_after(Duration::ZERO),
    }));
    let job = |calls: &str| Job {
        redis: redis.url(),
        namespace: "lease".into(),
        base: server.base.clone(),
        calls: calls.into(),
        max_concurrent: Some(1),
        lease_ttl_ms: Some(2000),
        timeout_ms: Some(20_000),
        ..Job::default()
    };
    let mut a = job("GET /hang").spawn("a");
    let start = Instant::now();
    while server.arrivals().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "worker A never sent"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    a.kill().unwrap();
    a.wait().unwrap();
    let b = report(job("GET /fast").spawn("b"));
    assert_eq!(b["ok"], "1", "{b:?}");
    let arrivals = server.arrivals();
    let (hang, fast) = (arrivals[0].at_ms, arrivals[1].at_ms);
    assert!(
        fast >= hang + 1500,
        "B waited for A's lease: {} ms after A's request",
        fast - hang
    );
    assert!(
        fast < hang + 5000,
        "B went on after the TTL: {} ms",
        fast - hang
    );
}

/// A "Redis" that accepts connections and never answers: each call goes on with local state
/// after at most one short Redis timeout, and Redis is left alone for a while after.
fn black_hole(rt: &tokio::runtime::Runtime) {
    rt.block_on(async {
        let hole = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("redis://{}/", hole.local_addr().unwrap());
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((sock, _)) = hole.accept().await {
                held.push(sock);
            }
        });
        let server = Recorder::start(|_, _| ok_after(Duration::ZERO)).await;
        let state = RedisState::new(&url, "hole")
            .unwrap()
            .timeout(Duration::from_millis(200));
        let client = Client::builder()
            .base_url(&server.base)
            .throttle(Throttle::github())
            .redis(state.clone())
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        let start = Instant::now();
        for _ in 0..5 {
            let call = Instant::now();
            Request::new(&client, Method::Get, "/r".into())
                .send()
                .await
                .unwrap();
            let took = call.elapsed();
            assert!(took < Duration::from_millis(400), "a call took {took:?}");
        }
        let took = start.elapsed();
        assert!(
            took < Duration::from_millis(600),
            "five calls took {took:?}"
        );
        assert!(
            state.failures() >= 1,
            "the silent Redis counted as a failure"
        );
        assert!(!state.is_connected());
        // A call whose deadline is shorter than the Redis timeout gives Redis half of it at
        // most, and goes on without it.
        let short = Client::builder()
            .base_url(&server.base)
            .throttle(Throttle::github())
            .redis(
                RedisState::new(&url, "hole2")
                    .unwrap()
                    .timeout(Duration::from_secs(5)),
            )
            .timeout(Duration::from_millis(300))
            .build()
            .unwrap();
        let call = Instant::now();
        let result = Request::new(&short, Method::Get, "/r".into()).send().await;
        let took = call.elapsed();
        assert!(result.is_ok(), "the call went on without Redis: {result:?}");
        assert!(
            took < Duration::from_millis(250),
            "Redis held the call {took:?}"
        );
    });
}
