//! The idle read limit (`read_timeout`), kept by the call's one timer: a silent server is a
//! timeout that says what stalled, a slow but steady one is not, and a stalled `POST` is not
//! sent again.

#[path = "support/raw_server.rs"]
mod raw_server;

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use github_rest_client::runtime::{Client, ClientBuilder, Error, Method, Request};
use raw_server::{RawServer, Reply};

fn builder(server: &RawServer) -> ClientBuilder {
    Client::builder()
        .base_url(&server.base)
        .token("tok")
        .retry_base_delay(Duration::from_millis(5))
}

/// A head announcing `len` body bytes.
fn head(len: usize) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: {len}\r\n\r\n").into_bytes()
}

/// Headers, one body byte, then silence.
async fn stalling_body() -> RawServer {
    RawServer::start(|_, _| {
        let mut bytes = head(10);
        bytes.push(b'{');
        Reply::Stall(bytes, Duration::from_secs(3))
    })
    .await
}

fn timeout_of(err: &Error) -> &github_rest_client::runtime::TimeoutError {
    match err {
        Error::Timeout(t) => t,
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[tokio::test]
async fn a_stalled_body_is_a_timeout_that_says_what_stalled() {
    let server = stalling_body().await;
    let client = builder(&server)
        .read_timeout(Duration::from_millis(200))
        .timeout(Duration::from_secs(5))
        .max_retries(0)
        .build()
        .unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/repos/o/r".into())
        .send()
        .await
        .unwrap_err();
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(190), "{took:?}");
    assert!(took < Duration::from_millis(1500), "{took:?}");
    assert!(err.is_timeout());
    let t = timeout_of(&err);
    assert_eq!(t.idle, Some(Duration::from_millis(200)));
    assert_eq!(t.reason, "reading the response body");
    assert_eq!(
        err.to_string(),
        "timeout for GET /repos/o/r (1 attempt): no data for 0.200s while reading the \
         response body (the idle read limit)"
    );
    assert!(!err.to_string().contains("tok"));
}

#[tokio::test]
async fn a_silent_server_before_the_head_is_a_timeout_too() {
    let server = RawServer::start(|_, _| Reply::Stall(Vec::new(), Duration::from_secs(3))).await;
    let client = builder(&server)
        .read_timeout(Duration::from_millis(200))
        .max_retries(0)
        .build()
        .unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(start.elapsed() < Duration::from_millis(1500));
    let t = timeout_of(&err);
    assert_eq!(t.idle, Some(Duration::from_millis(200)));
    assert_eq!(t.reason, "waiting for the response");
}

#[tokio::test]
async fn a_trickling_body_does_not_trip_the_idle_limit() {
    // One byte every 100 ms for 0.8 s: never 300 ms of silence, so the call succeeds, well
    // inside its deadline.
    let body = br#"{"a":12}"#.to_vec();
    let server = RawServer::start(move |_, _| {
        Reply::Trickle(head(body.len()), body.clone(), Duration::from_millis(100))
    })
    .await;
    let client = builder(&server)
        .read_timeout(Duration::from_millis(300))
        .timeout(Duration::from_secs(5))
        .max_retries(0)
        .build()
        .unwrap();
    let start = Instant::now();
    let resp = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap();
    assert!(start.elapsed() >= Duration::from_millis(700));
    assert_eq!(resp.text(), r#"{"a":12}"#);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_stalled_post_is_not_sent_again_but_a_get_is() {
    let server = stalling_body().await;
    let client = builder(&server)
        .read_timeout(Duration::from_millis(150))
        .timeout(Duration::from_secs(5))
        .max_retries(2)
        .build()
        .unwrap();
    let err = Request::new(&client, Method::Post, "/repos/o/r/issues".into())
        .raw(br#"{"title":"t"}"#.to_vec())
        .send()
        .await
        .unwrap_err();
    assert_eq!(timeout_of(&err).idle, Some(Duration::from_millis(150)));
    assert_eq!(err.request().unwrap().attempts, 1);
    assert_eq!(
        server.requests().len(),
        1,
        "a stalled POST may have been processed"
    );

    // A GET is retried like an exchange cut off after sending, then fails the same way.
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert_eq!(timeout_of(&err).idle, Some(Duration::from_millis(150)));
    assert_eq!(err.request().unwrap().attempts, 3);
    assert_eq!(server.requests().len(), 4);

    // Allowed per request, the POST is retried too.
    let err = Request::new(&client, Method::Post, "/repos/o/r/issues".into())
        .retry_non_idempotent(true)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.request().unwrap().attempts, 3);
    assert_eq!(server.requests().len(), 7);
}

#[tokio::test]
async fn a_retry_after_a_stall_can_succeed() {
    let server = RawServer::start(|n, _| match n {
        0 => Reply::Stall(head(2), Duration::from_secs(3)),
        _ => Reply::Raw([head(2), b"{}".to_vec()].concat()),
    })
    .await;
    let client = builder(&server)
        .read_timeout(Duration::from_millis(150))
        .max_retries(1)
        .build()
        .unwrap();
    let resp = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.text(), "{}");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn the_deadline_wins_when_it_comes_first() {
    let server = stalling_body().await;
    let client = builder(&server)
        .read_timeout(Duration::from_secs(2))
        .timeout(Duration::from_millis(250))
        .build()
        .unwrap();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    let t = timeout_of(&err);
    assert_eq!(t.idle, None);
    assert!(
        err.to_string().contains("deadline of 0.250s passed"),
        "{err}"
    );
}

#[tokio::test]
async fn an_explicit_idle_limit_applies_to_a_custom_http_client() {
    let server = stalling_body().await;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let client = builder(&server)
        .http_client(http)
        .read_timeout(Duration::from_millis(200))
        .max_retries(0)
        .build()
        .unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(start.elapsed() < Duration::from_millis(1500));
    assert_eq!(timeout_of(&err).idle, Some(Duration::from_millis(200)));
}

#[tokio::test]
async fn a_download_stalled_midway_is_not_retried() {
    let server = stalling_body().await;
    let client = builder(&server)
        .read_timeout(Duration::from_millis(150))
        .max_retries(3)
        .build()
        .unwrap();
    let mut out = Vec::new();
    let err = Request::new(&client, Method::Get, "/archive".into())
        .download_to(&mut out)
        .await
        .unwrap_err();
    let t = timeout_of(&err);
    assert_eq!(t.idle, Some(Duration::from_millis(150)));
    assert_eq!(t.reason, "reading the response body");
    assert_eq!(server.requests().len(), 1, "part of the body was written");
    assert_eq!(out, b"{");
}

/// A writer that takes `delay` for every write: the client is busy, not the server silent.
struct SlowWriter {
    out: Vec<u8>,
    delay: Duration,
    sleep: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl tokio::io::AsyncWrite for SlowWriter {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let delay = self.delay;
        let sleep = self
            .sleep
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(delay)));
        if sleep.as_mut().poll(cx).is_pending() {
            return Poll::Pending;
        }
        self.sleep = None;
        self.out.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

#[tokio::test]
async fn a_slow_writer_is_not_a_silent_server() {
    // Bytes every 50 ms; each write takes 250 ms, longer than the 150 ms idle limit.
    let server = RawServer::start(|_, _| {
        Reply::Trickle(head(3), b"abc".to_vec(), Duration::from_millis(50))
    })
    .await;
    let client = builder(&server)
        .read_timeout(Duration::from_millis(150))
        .timeout(Duration::from_secs(5))
        .max_retries(0)
        .build()
        .unwrap();
    let mut writer = SlowWriter {
        out: Vec::new(),
        delay: Duration::from_millis(250),
        sleep: None,
    };
    let done = Request::new(&client, Method::Get, "/archive".into())
        .download_to(&mut writer)
        .await
        .unwrap();
    assert_eq!(done.bytes, 3);
    assert_eq!(writer.out, b"abc");
}
