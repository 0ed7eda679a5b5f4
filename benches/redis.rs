//! The shared Redis state's cost: per-call time of a client with the throttle and the
//! conditional cache kept in Redis (a `redis-server` on loopback) against the same client
//! with its in-memory state, and the write throughput of four worker processes sharing
//! `Throttle::github()`'s write spacing. Not a test: it asserts nothing about time.
//!
//! ```text
//! cargo bench -p github-client-suite --bench redis -- [--calls N] [--writes W]
//! ```
//!
//! The two clients alternate call by call (GETs answered `200` with an `ETag`, so each call
//! also looks up and stores a cache entry); medians and their ratio are printed. Then four
//! copies of this binary (run again with `REDIS_BENCH_WORKER` set) each send W writes as
//! fast as the shared spacing lets them; printed are the writes per second that reached the
//! server and the smallest and median gaps between two arrivals.

#[path = "../tests/support/redis_server.rs"]
mod redis_server;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use github_rest_client::runtime::{Client, MemoryCache, Method, RedisState, Request, Throttle};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const BODY: &str = r#"{"id":1,"name":"hello-world","full_name":"octocat/hello-world"}"#;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(default)
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    if let Ok(role) = std::env::var("REDIS_BENCH_WORKER") {
        rt.block_on(worker(&role));
        return;
    }
    let redis = redis_server::RedisServer::start();
    let (base, arrivals) = rt.block_on(start_server());
    rt.block_on(per_call(&redis, &base, arg("--calls", 2000)));
    four_workers(&redis, &base, &arrivals, arg("--writes", 3));
}

async fn per_call(redis: &redis_server::RedisServer, base: &str, calls: usize) {
    let client = |shared: Option<RedisState>| {
        let mut b = Client::builder()
            .base_url(base)
            .token("ghp_bench")
            .throttle(Throttle::github())
            .cache(MemoryCache::default());
        if let Some(state) = shared {
            b = b.redis(state);
        }
        b.build().unwrap()
    };
    let local = client(None);
    let shared = client(Some(RedisState::new(&redis.url(), "bench").unwrap()));
    let (mut t_local, mut t_shared) = (Vec::new(), Vec::new());
    for i in 0..calls + 100 {
        // Rotate the order so neither client always runs first.
        let order: [(&Client, bool); 2] = match i % 2 {
            0 => [(&local, false), (&shared, true)],
            _ => [(&shared, true), (&local, false)],
        };
        for (c, is_shared) in order {
            let start = Instant::now();
            let r = Request::new(c, Method::Get, format!("/repos/o/r{}", i % 50))
                .send()
                .await;
            let took = start.elapsed();
            r.expect("the bench server answers");
            if i >= 100 {
                match is_shared {
                    true => t_shared.push(took),
                    false => t_local.push(took),
                }
            }
        }
    }
    let (l, s) = (median(&mut t_local), median(&mut t_shared));
    println!("per call ({calls} GETs each, throttle + conditional cache, loopback):");
    println!("  in-memory state      median {:>8.1} µs", micros(l));
    println!("  Redis state          median {:>8.1} µs", micros(s));
    println!(
        "  ratio Redis / memory {:.2} (+{:.1} µs per call)",
        micros(s) / micros(l),
        micros(s) - micros(l)
    );
}

fn four_workers(
    redis: &redis_server::RedisServer,
    base: &str,
    arrivals: &Arc<Mutex<Vec<Instant>>>,
    writes: usize,
) {
    arrivals.lock().unwrap().clear();
    let start = Instant::now();
    let children: Vec<_> = (0..4)
        .map(|i| {
            std::process::Command::new(std::env::current_exe().unwrap())
                .env("REDIS_BENCH_WORKER", format!("w{i}"))
                .env("B_REDIS", redis.url())
                .env("B_BASE", base)
                .env("B_WRITES", writes.to_string())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a bench worker failed");
    }
    let took = start.elapsed();
    let mut at = arrivals.lock().unwrap().clone();
    at.sort_unstable();
    let mut gaps: Vec<Duration> = at.windows(2).map(|w| w[1] - w[0]).collect();
    let n = at.len();
    let span = at
        .last()
        .zip(at.first())
        .map_or(Duration::ZERO, |(l, f)| *l - *f);
    println!("four worker processes, Throttle::github() shared, {writes} writes each:");
    println!(
        "  {n} writes in {:.2} s (first to last arrival {:.2} s): {:.3} writes/s (the spacing allows 1/s)",
        took.as_secs_f64(),
        span.as_secs_f64(),
        (n.saturating_sub(1)) as f64 / span.as_secs_f64().max(1e-9)
    );
    let min = gaps.iter().min().copied().unwrap_or_default();
    println!(
        "  gap between arrivals: min {:.1} ms, median {:.1} ms",
        micros(min) / 1000.0,
        micros(median(&mut gaps)) / 1000.0
    );
}

async fn worker(name: &str) {
    let env = |k: &str| std::env::var(k).unwrap();
    let state = RedisState::new(&env("B_REDIS"), "bench-writes").unwrap();
    let client = Client::builder()
        .base_url(env("B_BASE"))
        .token("ghp_bench")
        .throttle(Throttle::github())
        .redis(state)
        .build()
        .unwrap();
    let writes: usize = env("B_WRITES").parse().unwrap();
    let calls = (0..writes).map(|i| {
        let path = format!("/repos/o/r/issues/{name}-{i}");
        Request::new(&client, Method::Post, path).send()
    });
    for r in futures_util::future::join_all(calls).await {
        r.expect("a write");
    }
}

/// A keep-alive HTTP/1.1 server answering every request with `BODY` and an `ETag`; the
/// arrival time of each `POST`.
async fn start_server() -> (String, Arc<Mutex<Vec<Instant>>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let arrivals: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let seen = arrivals.clone();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            tokio::spawn(serve(sock, seen.clone()));
        }
    });
    (base, arrivals)
}

async fn serve(mut sock: tokio::net::TcpStream, arrivals: Arc<Mutex<Vec<Instant>>>) {
    sock.set_nodelay(true).ok();
    let reply = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\netag: \"v1\"\r\ncontent-length: {}\r\n\r\n{BODY}",
        BODY.len()
    );
    let mut buf = Vec::with_capacity(8192);
    let mut chunk = [0u8; 8192];
    loop {
        let (end, len, post) = loop {
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                let len = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                break (end + 4, len, head.starts_with("post"));
            }
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        if post {
            arrivals.lock().unwrap().push(Instant::now());
        }
        while buf.len() < end + len {
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf.drain(..end + len);
        if sock.write_all(reply.as_bytes()).await.is_err() {
            return;
        }
    }
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
