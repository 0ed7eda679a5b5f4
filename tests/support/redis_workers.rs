//! Worker processes for the Redis tests (the test binary run again with `REDIS_WORKER` set)
//! and the loopback server that records when each of their requests arrives.
#![allow(dead_code)]

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures_util::future::join_all;
use github_rest_client::runtime::{Client, MemoryCache, Method, RedisState, Request, Throttle};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub const APP_KEY: &str = include_str!("../keys/TEST-ONLY-app-key.pkcs1.pem");

/// Unix time in milliseconds.
pub fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// A worker's settings, passed in its environment.
#[derive(Clone, Default)]
pub struct Job {
    pub redis: String,
    pub namespace: String,
    pub base: String,
    /// `METHOD /path` calls, `,`-separated; run concurrently unless `sequential`.
    pub calls: String,
    pub sequential: bool,
    /// Overrides of `Throttle::github()`.
    pub max_concurrent: Option<usize>,
    pub write_spacing_ms: Option<u64>,
    pub lease_ttl_ms: Option<u64>,
    pub timeout_ms: Option<u64>,
    /// Act as installation 42 of the test App.
    pub app: bool,
    /// Keep a local conditional cache (shared through Redis).
    pub cache: bool,
    /// Pause between sequential calls.
    pub gap_ms: u64,
}

impl Job {
    /// Start the worker process.
    pub fn spawn(&self, name: &str) -> Child {
        let mut cmd = Command::new(std::env::current_exe().unwrap());
        cmd.env("REDIS_WORKER", name)
            .env("W_REDIS", &self.redis)
            .env("W_NS", &self.namespace)
            .env("W_BASE", &self.base)
            .env("W_CALLS", &self.calls)
            .env("W_SEQ", if self.sequential { "1" } else { "0" })
            .env("W_GAP", self.gap_ms.to_string())
            .env("W_APP", if self.app { "1" } else { "0" })
            .env("W_CACHE", if self.cache { "1" } else { "0" });
        let opt = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
        cmd.env("W_CAP", opt(self.max_concurrent.map(|c| c as u64)))
            .env("W_SPACING", opt(self.write_spacing_ms))
            .env("W_LEASE", opt(self.lease_ttl_ms))
            .env("W_TIMEOUT", opt(self.timeout_ms))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        cmd.spawn().expect("the test binary runs again as a worker")
    }
}

/// What a worker reports on its last line: `key=value` pairs.
pub fn report(child: Child) -> HashMap<String, String> {
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "worker failed: {text}");
    let line = text
        .lines()
        .rev()
        .find(|l| l.starts_with("RESULT "))
        .unwrap_or_else(|| panic!("no RESULT line in the worker's output: {text}"));
    line["RESULT ".len()..]
        .split('\t')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// If this process is a worker: do the job, print the report and exit.
pub fn run_if_worker() {
    if std::env::var_os("REDIS_WORKER").is_none() {
        return;
    }
    let warnings = Arc::new(AtomicUsize::new(0));
    let _ = tracing::subscriber::set_global_default(Warnings(warnings.clone()));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let line = rt.block_on(work(warnings));
    println!("RESULT {line}");
    std::process::exit(0);
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}

fn env_u64(name: &str) -> Option<u64> {
    env(name).parse().ok()
}

async fn work(warnings: Arc<AtomicUsize>) -> String {
    let mut state = RedisState::new(&env("W_REDIS"), env("W_NS")).unwrap();
    if let Some(ms) = env_u64("W_LEASE") {
        state = state.lease_ttl(Duration::from_millis(ms));
    }
    let mut throttle = Throttle::github();
    if let Some(cap) = env_u64("W_CAP") {
        throttle = throttle.max_concurrent(cap as usize);
    }
    if let Some(ms) = env_u64("W_SPACING") {
        throttle = throttle.write_spacing(Duration::from_millis(ms));
    }
    let mut builder = Client::builder()
        .base_url(env("W_BASE"))
        .throttle(throttle)
        .redis(state.clone());
    if let Some(ms) = env_u64("W_TIMEOUT") {
        builder = builder.timeout(Duration::from_millis(ms));
    }
    if env("W_CACHE") == "1" {
        builder = builder.cache(MemoryCache::default());
    }
    let client = if env("W_APP") == "1" {
        let app = builder.app(7, APP_KEY).unwrap().build().unwrap();
        app.installation(42).unwrap()
    } else {
        builder.token("ghp_worker_token").build().unwrap()
    };
    let calls: Vec<(Method, String)> = env("W_CALLS")
        .split(',')
        .filter(|c| !c.is_empty())
        .map(|c| {
            let (m, p) = c.split_once(' ').unwrap();
            let m = if m == "GET" {
                Method::Get
            } else {
                Method::Post
            };
            (m, p.to_owned())
        })
        .collect();
    let one = |m: Method, p: String| {
        let client = &client;
        async move {
            let started = Instant::now();
            let r = Request::new(client, m, p).send().await;
            (r, started.elapsed())
        }
    };
    let results = if env("W_SEQ") == "1" {
        let mut out = Vec::new();
        for (m, p) in calls {
            out.push(one(m, p).await);
            tokio::time::sleep(Duration::from_millis(env_u64("W_GAP").unwrap_or(0))).await;
        }
        out
    } else {
        join_all(calls.into_iter().map(|(m, p)| one(m, p))).await
    };
    let (mut ok, mut failed, mut cached) = (0, 0, 0);
    let (mut errors, mut bodies, mut took) = (Vec::new(), Vec::new(), Vec::new());
    for (r, elapsed) in results {
        took.push(elapsed.as_millis().to_string());
        match r {
            Ok(resp) => {
                ok += 1;
                cached += usize::from(resp.from_cache());
                bodies.push(resp.text().replace(['\t', '\n'], " "));
            }
            Err(e) => {
                failed += 1;
                errors.push(e.to_string().replace(['\t', '\n'], " "));
            }
        }
    }
    format!(
        "ok={ok}\tfailed={failed}\tfrom_cache={cached}\tredis_failures={}\twarnings={}\tconnected={}\tbodies={}\ttook_ms={}\terrors={}",
        state.failures(),
        warnings.load(Ordering::Relaxed),
        state.is_connected(),
        bodies.join("|"),
        took.join("|"),
        errors.join("|"),
    )
}

/// Counts `WARN` events (the Redis state's warnings).
struct Warnings(Arc<AtomicUsize>);

impl tracing::Subscriber for Warnings {
    fn enabled(&self, m: &tracing::Metadata<'_>) -> bool {
        *m.level() == tracing::Level::WARN
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, _: &tracing::Event<'_>) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

/// One request as it arrived.
#[derive(Debug, Clone)]
pub struct Arrival {
    /// Unix ms when its head was read.
    pub at_ms: u64,
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Arrival {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the server answers: the bytes after a delay, or nothing (the connection hangs).
pub enum Answer {
    After(Duration, Vec<u8>),
    Hang,
}

/// A loopback HTTP/1.1 server recording each request's arrival and the most requests in
/// flight at once.
pub struct Recorder {
    pub base: String,
    arrivals: Arc<Mutex<Vec<Arrival>>>,
    in_flight: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
}

impl Recorder {
    pub async fn start<F>(answer: F) -> Recorder
    where
        F: Fn(usize, &Arrival) -> Answer + Send + Sync + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let arrivals: Arc<Mutex<Vec<Arrival>>> = Arc::default();
        let (in_flight, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let (a, f, m, answer) = (
            arrivals.clone(),
            in_flight.clone(),
            most.clone(),
            Arc::new(answer),
        );
        tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                let (a, f, m, answer) = (a.clone(), f.clone(), m.clone(), answer.clone());
                tokio::spawn(async move {
                    let Some(arrival) = read_head(&mut sock).await else {
                        return;
                    };
                    let now = f.fetch_add(1, Ordering::SeqCst) + 1;
                    m.fetch_max(now, Ordering::SeqCst);
                    let n = {
                        let mut list = a.lock().unwrap();
                        list.push(arrival.clone());
                        list.len() - 1
                    };
                    match answer(n, &arrival) {
                        Answer::After(delay, bytes) => {
                            tokio::time::sleep(delay).await;
                            f.fetch_sub(1, Ordering::SeqCst);
                            let _ = sock.write_all(&bytes).await;
                            let _ = sock.shutdown().await;
                        }
                        Answer::Hang => {
                            tokio::time::sleep(Duration::from_secs(60)).await;
                            f.fetch_sub(1, Ordering::SeqCst);
                        }
                    }
                });
            }
        });
        Recorder {
            base,
            arrivals,
            in_flight,
            most,
        }
    }

    pub fn arrivals(&self) -> Vec<Arrival> {
        self.arrivals.lock().unwrap().clone()
    }

    /// The most requests the server held at once.
    pub fn most_in_flight(&self) -> usize {
        self.most.load(Ordering::SeqCst)
    }
}

/// Read a request head (the tests' requests have no body that matters; a body is drained).
async fn read_head(sock: &mut tokio::net::TcpStream) -> Option<Arrival> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let at_ms = unix_ms();
    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let (method, path) = (first.next()?.to_owned(), first.next()?.to_owned());
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let len: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf.len() - end - 4;
    while body < len {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        body += n;
    }
    Some(Arrival {
        at_ms,
        method,
        path,
        headers,
    })
}

/// An HTTP/1.1 response that closes the connection.
pub fn response(status: &str, headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(body);
    out.into_bytes()
}

/// `{}` with `200 OK` after `delay`.
pub fn ok_after(delay: Duration) -> Answer {
    Answer::After(delay, response("200 OK", &[], "{}"))
}
