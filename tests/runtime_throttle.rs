//! Throttling to GitHub's limits: concurrency cap, spacing of writes, searches and
//! notification-triggering calls, exhausted primary quotas and secondary-limit pauses.
//! Spacings are shortened so the suite stays fast.

#[path = "support/raw_server.rs"]
mod raw_server;

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use futures_util::future::join_all;
use github_rest_client::runtime::{Client, Error, Method, Request, Throttle};
use raw_server::{response, RawServer, Reply};

const MS: Duration = Duration::from_millis(1);

fn throttle() -> Throttle {
    Throttle::github()
        .write_spacing(150 * MS)
        .search_spacing(100 * MS)
        .notification_spacing(300 * MS)
}

fn client(server: &RawServer, throttle: Throttle) -> Client {
    Client::builder()
        .base_url(&server.base)
        .throttle(throttle)
        .build()
        .unwrap()
}

async fn ok_server() -> RawServer {
    RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], b"{}"))).await
}

/// Run the calls `make(i)` for `i in 0..n` concurrently; each must succeed.
async fn run_all<'c>(n: usize, make: impl Fn(usize) -> Request<'c>) {
    let calls = (0..n).map(|i| {
        let req = make(i);
        async move {
            req.send().await.unwrap();
        }
    });
    join_all(calls).await;
}

#[tokio::test]
async fn throttle_defaults_follow_githubs_guidance() {
    let shown = format!("{:?}", Throttle::default());
    assert!(shown.contains("max_concurrent: 10"), "{shown}");
    assert!(shown.contains("write_spacing: 1s"), "{shown}");
    assert!(shown.contains("search_spacing: 2s"), "{shown}");
    assert!(shown.contains("notification_spacing: 3s"), "{shown}");
}

#[tokio::test]
async fn writes_are_spaced_and_reads_are_not() {
    let server = ok_server().await;
    let c = client(&server, throttle());
    let start = Instant::now();
    run_all(4, |_| Request::new(&c, Method::Get, "/x".into())).await;
    assert!(start.elapsed() < 100 * MS, "reads are not spaced");
    let start = Instant::now();
    run_all(4, |_| Request::new(&c, Method::Post, "/x".into())).await;
    let took = start.elapsed();
    assert!(took >= 450 * MS, "3 gaps of 150 ms: {took:?}");
    assert!(took < 1500 * MS, "{took:?}");
    // Without a throttle nothing is spaced.
    let plain = Client::builder().base_url(&server.base).build().unwrap();
    let start = Instant::now();
    run_all(4, |_| Request::new(&plain, Method::Post, "/x".into())).await;
    assert!(start.elapsed() < 150 * MS);
}

#[tokio::test]
async fn searches_and_notifying_calls_are_spaced() {
    let server = ok_server().await;
    let c = client(&server, throttle());
    let start = Instant::now();
    run_all(3, |_| {
        Request::new(&c, Method::Get, "/search/issues".into()).route("/search/issues")
    })
    .await;
    let took = start.elapsed();
    assert!(took >= 200 * MS, "2 gaps of 100 ms: {took:?}");
    let start = Instant::now();
    run_all(3, |_| {
        Request::new(&c, Method::Post, "/repos/o/r/issues".into()).triggers_notifications()
    })
    .await;
    let took = start.elapsed();
    assert!(took >= 600 * MS, "2 gaps of 300 ms: {took:?}");
    assert!(took < 2 * 1000 * MS, "{took:?}");
}

#[tokio::test]
async fn concurrent_calls_are_capped() {
    // Each answer takes 60 ms: 8 calls, 2 at a time, need 4 rounds.
    let server =
        RawServer::start(|_, _| Reply::Delayed(60 * MS, response("200 OK", &[], b"{}"))).await;
    let c = client(&server, throttle().max_concurrent(2));
    let start = Instant::now();
    run_all(8, |_| Request::new(&c, Method::Get, "/x".into())).await;
    let took = start.elapsed();
    assert!(took >= 230 * MS, "{took:?}");
    assert_eq!(server.requests().len(), 8);
    let c = client(&server, throttle().max_concurrent(8));
    let start = Instant::now();
    run_all(8, |_| Request::new(&c, Method::Get, "/x".into())).await;
    assert!(start.elapsed() < 200 * MS, "{:?}", start.elapsed());
}

fn unix_in(secs: u64) -> String {
    (SystemTime::now() + Duration::from_secs(secs))
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string()
}

#[tokio::test]
async fn exhausted_primary_quota_fails_later_calls_at_once_past_the_deadline() {
    let server = RawServer::start(|n, _| {
        let reset = unix_in(3600);
        Reply::Raw(match n {
            0 => response(
                "200 OK",
                &[
                    ("x-ratelimit-remaining", "0"),
                    ("x-ratelimit-reset", &reset),
                    ("x-ratelimit-resource", "core"),
                ],
                b"{}",
            ),
            _ => response("200 OK", &[], b"{}"),
        })
    })
    .await;
    let c = client(&server, throttle());
    Request::new(&c, Method::Get, "/x".into())
        .send()
        .await
        .unwrap();
    let start = Instant::now();
    let err = Request::new(&c, Method::Get, "/y".into())
        .send()
        .await
        .unwrap_err();
    assert!(start.elapsed() < 200 * MS);
    assert_eq!(server.requests().len(), 1, "not sent: the quota is used up");
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert!(err.is_rate_limited());
    let wait = err.retry_after().unwrap();
    assert!(wait > Duration::from_secs(3500), "{wait:?}");
    let shown = err.to_string();
    assert!(
        shown.contains("the primary rate limit of `core` is used up until"),
        "{shown}"
    );
    assert!(
        shown.contains("would pass the call's deadline of 60s"),
        "{shown}"
    );
    // Another resource (search) is not blocked.
    Request::new(&c, Method::Get, "/search/code".into())
        .route("/search/code")
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn exhausted_primary_quota_is_waited_for_when_the_deadline_allows() {
    let server = RawServer::start(|n, _| {
        let reset = unix_in(1);
        Reply::Raw(match n {
            0 => response(
                "200 OK",
                &[
                    ("x-ratelimit-remaining", "0"),
                    ("x-ratelimit-reset", &reset),
                ],
                b"{}",
            ),
            _ => response("200 OK", &[], b"{}"),
        })
    })
    .await;
    let c = client(&server, throttle());
    Request::new(&c, Method::Get, "/x".into())
        .send()
        .await
        .unwrap();
    let start = Instant::now();
    Request::new(&c, Method::Get, "/y".into())
        .send()
        .await
        .unwrap();
    let took = start.elapsed();
    assert!(took < Duration::from_millis(2500), "{took:?}");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn secondary_limit_pauses_every_call() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response(
                "403 Forbidden",
                &[("retry-after", "1")],
                br#"{"message":"You have exceeded a secondary rate limit"}"#,
            ),
            _ => response("200 OK", &[], b"{}"),
        })
    })
    .await;
    let c = Client::builder()
        .base_url(&server.base)
        .throttle(throttle())
        .max_retries(0)
        .build()
        .unwrap();
    let err = Request::new(&c, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(err.is_rate_limited());
    // The next call (another path) waits out the pause, or fails at once if it cannot.
    let err = Request::new(&c, Method::Get, "/y".into())
        .timeout(300 * MS)
        .send()
        .await
        .unwrap_err();
    assert!(err.is_rate_limited(), "{err:?}");
    assert!(err.to_string().contains("secondary rate limit"), "{err}");
    let start = Instant::now();
    Request::new(&c, Method::Get, "/y".into())
        .send()
        .await
        .unwrap();
    assert!(start.elapsed() >= 500 * MS, "{:?}", start.elapsed());
    assert_eq!(server.requests().len(), 2);
}
