//! Per-call cost of the generated client against the same requests hand-written with reqwest,
//! on a local HTTP/1.1 server (127.0.0.1, keep-alive, a fixed JSON answer). Not a test: it
//! asserts nothing about time.
//!
//! ```text
//! cargo bench -p github-client-suite --bench request -- [--iters N] [--block B] [--cpu] [--quick] [--only VARIANT]
//! ```
//!
//! The four variants (generated; plain reqwest; reqwest with only a 60 s limit on the whole
//! request, the least any client with a deadline per call pays; reqwest with the generated
//! client's default timeouts) take turns in rotating order, so a slow patch of the machine
//! hits all alike: one call each per turn, or `--block B` calls in a row (each variant then
//! runs with its own code warm in the CPU caches, as one client making calls does, instead of
//! just after the others); reported are per-call medians, their ratios, and heap allocations
//! per call (a counting global allocator). `build()` alone (path encoding, query, JSON body)
//! is timed in batches. `--cpu` times each call by the CPU time of the client's thread
//! instead of wall time: what the client itself spends, without the server's thread or idle
//! waits. `--only gen|reqwest|timeouts|total` runs just that variant's calls (N of each of
//! the three requests, after a warm-up) and prints nothing else: for a profiler, e.g.
//! `valgrind --tool=callgrind` at two values of N, whose difference is the cost of the calls.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

use github_rest_client::runtime::__private::{decode, RequestExt as _};
use github_rest_client::Client;
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const BODY: &[u8] = br#"{"id":1,"number":1347,"title":"Found a bug","state":"open","labels":[{"name":"bug"}],"user":{"login":"octocat","id":1}}"#;

/// A keep-alive HTTP/1.1 server on its own thread answering every request with `BODY`.
fn start_server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            while let Ok((sock, _)) = listener.accept().await {
                tokio::spawn(serve(sock));
            }
        });
    });
    base
}

async fn serve(mut sock: tokio::net::TcpStream) {
    sock.set_nodelay(true).ok();
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: {}\r\n\r\n",
        BODY.len()
    );
    let reply = [head.as_bytes(), BODY].concat();
    let mut buf = Vec::with_capacity(8192);
    let mut chunk = [0u8; 8192];
    loop {
        // One request: headers up to the blank line, then `content-length` bytes of body.
        let (end, len) = loop {
            if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                let len = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                break (end + 4, len);
            }
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        while buf.len() < end + len {
            match sock.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        buf.drain(..end + len);
        if sock.write_all(&reply).await.is_err() {
            return;
        }
    }
}

const OWNER: &str = "octo cat";
const REPO: &str = "hello-world";
const TOKEN: &str = "ghp_0123456789abcdef0123456789abcdef0123";

/// The hand-written equivalent: what a user would write with reqwest alone.
struct Hand {
    http: reqwest::Client,
    base: reqwest::Url,
    /// A time limit for the whole request (`RequestBuilder::timeout`), if any.
    timeout: Option<Duration>,
}

impl Hand {
    fn url(&self, segments: &[&str]) -> reqwest::Url {
        let mut url = self.base.clone();
        url.path_segments_mut().unwrap().extend(segments);
        url
    }

    fn headers(&self, rb: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        rb.header(
            ACCEPT,
            HeaderValue::from_static("application/vnd.github+json"),
        )
        .header(USER_AGENT, HeaderValue::from_static("bench/0.1"))
        .header(
            "x-github-api-version",
            HeaderValue::from_static("2022-11-28"),
        )
        .header(AUTHORIZATION, format!("Bearer {TOKEN}"))
    }

    fn get_repo(&self) -> reqwest::RequestBuilder {
        self.headers(self.http.get(self.url(&["repos", OWNER, REPO])))
    }

    fn list_issues(&self) -> reqwest::RequestBuilder {
        self.headers(self.http.get(self.url(&["repos", OWNER, REPO, "issues"])))
            .query(&[("state", "open"), ("labels", "bug,ui"), ("per_page", "100")])
    }

    fn create_issue(&self) -> reqwest::RequestBuilder {
        #[derive(serde::Serialize)]
        struct NewIssue<'a> {
            title: &'a str,
            body: &'a str,
            labels: &'a [&'a str],
        }
        let body = serde_json::to_vec(&NewIssue {
            title: "Found a bug",
            body: "I'm having a problem with this.",
            labels: &["bug"],
        })
        .unwrap();
        self.headers(self.http.post(self.url(&["repos", OWNER, REPO, "issues"])))
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .body(body)
    }

    async fn send(&self, rb: reqwest::RequestBuilder) -> serde_json::Value {
        let rb = match self.timeout {
            Some(t) => rb.timeout(t),
            None => rb,
        };
        let resp = rb.send().await.unwrap().error_for_status().unwrap();
        let bytes = resp.bytes().await.unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }
}

fn get_repo(c: &Client) -> github_rest_client::Request<'_> {
    c.repos().get(OWNER, REPO).build()
}

fn list_issues(c: &Client) -> github_rest_client::Request<'_> {
    use github_rest_client::issues::list_for_repo::State;
    c.issues()
        .list_for_repo(OWNER, REPO)
        .state(State::Open)
        .labels("bug,ui")
        .per_page(100)
        .build()
}

fn create_issue(c: &Client) -> github_rest_client::Request<'_> {
    c.issues()
        .create(OWNER, REPO, "Found a bug")
        .body("I'm having a problem with this.")
        .labels(vec!["bug".to_owned()])
        .build()
}

async fn send_generated(req: github_rest_client::Request<'_>) -> serde_json::Value {
    req.send().await.unwrap().json().unwrap()
}

/// One row of the per-call table: generated, reqwest, +deadline, +timeouts, and ratios.
fn print_row(name: &str, [g, h, hd, ht]: [Duration; 4], allocs: Option<[u64; 4]>) {
    let r = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64();
    print!(
        "{:<38} {:>9.1} {:>9.1} {:>7.3} {:>9.1} {:>7.3} {:>9.1} {:>7.3}",
        name,
        us(g),
        us(h),
        r(g, h),
        us(hd),
        r(hd, h),
        us(ht),
        r(g, ht)
    );
    match allocs {
        Some(a) => println!(" {:>6} {:>5} {:>5} {:>5}", a[0], a[1], a[2], a[3]),
        None => println!(),
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Time `f` once, counting allocations.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, u64) {
    let a = ALLOCS.load(Relaxed);
    let t = Instant::now();
    let out = f();
    let d = t.elapsed();
    (out, d, ALLOCS.load(Relaxed) - a)
}

/// `--cpu`: calls are timed by the CPU time of the client's thread (user + system, from
/// `CLOCK_THREAD_CPUTIME_ID`), not by wall time: the server's thread and idle waits are left out.
static CPU_CLOCK: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The CPU time this thread has used.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable `timespec`; the clock id is a constant of libc.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

async fn timed_async<T>(f: impl std::future::Future<Output = T>) -> (T, Duration, u64) {
    let a = ALLOCS.load(Relaxed);
    if CPU_CLOCK.load(Relaxed) {
        let t = thread_cpu_time();
        let out = f.await;
        let d = thread_cpu_time() - t;
        return (out, d, ALLOCS.load(Relaxed) - a);
    }
    let t = Instant::now();
    let out = f.await;
    let d = t.elapsed();
    (out, d, ALLOCS.load(Relaxed) - a)
}

fn main() {
    let mut iters = 5_000usize;
    let mut block = 1usize;
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--iters" => iters = args.next().and_then(|n| n.parse().ok()).unwrap_or(iters),
            "--quick" => iters = 50,
            "--block" => {
                block = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .unwrap_or(block)
            }
            "--only" => only = args.next(),
            "--cpu" => CPU_CLOCK.store(true, Relaxed),
            _ => {}
        }
    }
    let base = start_server();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let ours = Client::builder()
        .base_url(&base)
        .bearer_token(TOKEN)
        .user_agent("bench/0.1")
        .build()
        .unwrap();
    let hand = Hand {
        http: reqwest::Client::builder().build().unwrap(),
        base: reqwest::Url::parse(&base).unwrap(),
        timeout: None,
    };

    // The same requests with the timeouts the generated client sets by default (connect 10 s,
    // idle read 30 s, the whole request 60 s): what equal-featured hand-written code costs.
    let hand_timeouts = Hand {
        http: reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(Duration::from_secs(30))
            .build()
            .unwrap(),
        base: reqwest::Url::parse(&base).unwrap(),
        timeout: Some(Duration::from_secs(60)),
    };

    // Plain reqwest with only the 60 s limit of the whole request: the least any client
    // with a deadline per call pays, done reqwest's own way.
    let hand_total = Hand {
        http: reqwest::Client::builder().build().unwrap(),
        base: reqwest::Url::parse(&base).unwrap(),
        timeout: Some(Duration::from_secs(60)),
    };

    if let Some(variant) = only {
        // Profiling: one variant alone, no timing.
        let hand = match variant.as_str() {
            "gen" => None,
            "reqwest" => Some(&hand),
            "timeouts" => Some(&hand_timeouts),
            "total" => Some(&hand_total),
            other => panic!("--only {other}: expected gen, reqwest, timeouts or total"),
        };
        rt.block_on(async {
            for n in [iters.min(50), iters] {
                for _ in 0..n {
                    match hand {
                        None => {
                            std::hint::black_box(send_generated(get_repo(&ours)).await);
                            std::hint::black_box(send_generated(list_issues(&ours)).await);
                            std::hint::black_box(send_generated(create_issue(&ours)).await);
                        }
                        Some(h) => {
                            std::hint::black_box(h.send(h.get_repo()).await);
                            std::hint::black_box(h.send(h.list_issues()).await);
                            std::hint::black_box(h.send(h.create_issue()).await);
                        }
                    }
                }
            }
        });
        return;
    }

    println!(
        "request: {} calls per variant, rotating order in turns of {block} call(s); {}; server {base} (keep-alive, {} byte JSON answer); generated send() future: {} bytes",
        iters.div_ceil(block) * block,
        match CPU_CLOCK.load(Relaxed) {
            true => "times are the client thread's CPU time (--cpu)",
            false => "times are wall time",
        },
        BODY.len(),
        std::mem::size_of_val(&*get_repo(&ours).send())
    );
    println!(
        "{:<38} {:>9} {:>9} {:>7} {:>9} {:>7} {:>9} {:>7} {:>6} {:>5} {:>5} {:>5}",
        "call (build + send + decode), us",
        "generated",
        "reqwest",
        "ratio",
        "+deadline",
        "floor",
        "+timeouts",
        "ratio",
        "allocs",
        "hand",
        "+dl",
        "+tmo"
    );
    type Case = (
        &'static str,
        fn(&Client) -> github_rest_client::Request<'_>,
        fn(&Hand) -> reqwest::RequestBuilder,
    );
    let cases: [Case; 3] = [
        ("GET /repos/{owner}/{repo}", get_repo, Hand::get_repo),
        (
            "GET .../issues?state&labels&per_page",
            list_issues,
            Hand::list_issues,
        ),
        (
            "POST .../issues (JSON body)",
            create_issue,
            Hand::create_issue,
        ),
    ];
    // Variant 0 is the generated call, 1.. the hand-written ones.
    let hands = [&hand, &hand_total, &hand_timeouts];
    const VARIANTS: usize = 4;
    let mut all: [Vec<Duration>; VARIANTS] = Default::default();
    for (name, gen, hand_fn) in cases {
        rt.block_on(async {
            // Warm up every connection and code path.
            for _ in 0..iters.min(200) {
                send_generated(gen(&ours)).await;
                for h in hands {
                    h.send(hand_fn(h)).await;
                }
            }
            let mut times: [Vec<Duration>; VARIANTS] = Default::default();
            let mut allocs = [0u64; VARIANTS];
            for i in 0..iters.div_ceil(block) {
                for k in (0..VARIANTS * block).map(|j| j / block) {
                    let v = (i + k) % VARIANTS;
                    let (d, a) = match v {
                        0 => {
                            let (out, d, a) = timed_async(send_generated(gen(&ours))).await;
                            std::hint::black_box(out);
                            (d, a)
                        }
                        _ => {
                            let h = hands[v - 1];
                            let (out, d, a) = timed_async(h.send(hand_fn(h))).await;
                            std::hint::black_box(out);
                            (d, a)
                        }
                    };
                    times[v].push(d);
                    allocs[v] = a;
                }
            }
            for (a, t) in all.iter_mut().zip(&times) {
                a.extend_from_slice(t);
            }
            print_row(name, times.map(median), Some(allocs));
        });
    }
    print_row("all calls", all.map(median), None);
    println!("(ratio: generated / reqwest; floor: reqwest with only a 60 s deadline / plain reqwest, the least a deadline per call costs; last ratio: generated / reqwest with the generated client's default timeouts)");

    // Construction alone: batches of 1,000 builds, median per build.
    println!();
    println!(
        "{:<34} {:>12} {:>12} {:>7} {:>10} {:>10}",
        "construction only", "generated ns", "reqwest ns", "ratio", "gen alloc", "hand alloc"
    );
    let batches = (iters / 50).max(5);
    for (name, gen, hand_fn) in cases {
        let (mut g, mut h) = (Vec::new(), Vec::new());
        let (_, _, ga) = timed(|| std::hint::black_box(gen(&ours)));
        let (_, _, ha) = timed(|| std::hint::black_box(hand_fn(&hand).build().unwrap()));
        for _ in 0..batches {
            let (_, d, _) = timed(|| {
                for _ in 0..1000 {
                    let _ = std::hint::black_box(gen(&ours));
                }
            });
            g.push(d / 1000);
            let (_, d, _) = timed(|| {
                for _ in 0..1000 {
                    std::hint::black_box(hand_fn(&hand).build().unwrap());
                }
            });
            h.push(d / 1000);
        }
        let (mg, mh) = (median(g), median(h));
        println!(
            "{:<34} {:>12.0} {:>12.0} {:>7.3} {:>10} {:>10}",
            name,
            mg.as_nanos(),
            mh.as_nanos(),
            mg.as_secs_f64() / mh.as_secs_f64(),
            ga,
            ha
        );
    }
    println!("(generated `build()` encodes the path and serialises the body; the URL is parsed and headers are set in `send()`; reqwest's `build()` parses the URL and sets headers)");

    // Typed decode (the path generated typed `send()` takes: `send_into` + `decode::json`)
    // against the untyped `send()` + `json::<Value>()`, per call, alternating.
    println!();
    println!(
        "{:<34} {:>9} {:>9} {:>7} {:>10} {:>10}",
        "per call, typed vs Value", "typed µs", "Value µs", "ratio", "typed alc", "Value alc"
    );
    rt.block_on(async {
        let (mut t, mut v) = (Vec::new(), Vec::new());
        let (mut ta, mut va) = (0, 0);
        for i in 0..iters {
            let typed = || get_repo(&ours).send_into("repos.get", decode::json::<Issue>);
            let untyped = || send_generated(get_repo(&ours));
            if i % 2 == 0 {
                let (x, d, a) = timed_async(typed()).await;
                assert_eq!(x.unwrap().number, 1347);
                t.push(d);
                ta = a;
                let (_, d, a) = timed_async(untyped()).await;
                v.push(d);
                va = a;
            } else {
                let (_, d, a) = timed_async(untyped()).await;
                v.push(d);
                va = a;
                let (x, d, a) = timed_async(typed()).await;
                assert_eq!(x.unwrap().number, 1347);
                t.push(d);
                ta = a;
            }
        }
        let (mt, mv) = (median(t), median(v));
        println!(
            "{:<34} {:>9.1} {:>9.1} {:>7.3} {:>10} {:>10}",
            "GET issue-shaped body",
            us(mt),
            us(mv),
            mt.as_secs_f64() / mv.as_secs_f64(),
            ta,
            va
        );
    });
}

/// The typed body of the per-call comparison (the fields of `BODY`; derive, like a model).
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Issue {
    id: i64,
    number: i64,
    title: String,
    state: String,
    labels: Vec<Label>,
    user: User,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct Label {
    name: String,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct User {
    login: String,
    id: i64,
}
