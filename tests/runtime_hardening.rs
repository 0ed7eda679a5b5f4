//! Hardening against hostile or failing servers: no re-sending of non-idempotent requests,
//! one deadline per call, readable `Retry-After`, final errors not retried, errors that name
//! the request, credentials in the base URL refused.

#[path = "support/raw_server.rs"]
mod raw_server;

use std::time::{Duration, Instant, SystemTime};

use github_rest_client::runtime::{Client, ClientBuilder, Error, Method, Request};
use raw_server::{response, RawServer, Reply};

fn builder(server: &RawServer) -> ClientBuilder {
    Client::builder()
        .base_url(&server.base)
        .token("tok")
        .retry_base_delay(Duration::from_millis(5))
}

fn post(client: &Client) -> Request<'_> {
    Request::new(client, Method::Post, "/repos/o/r/issues".into())
        .header("Content-Type", "text/plain")
        .raw(b"x".to_vec())
}

async fn server_500() -> RawServer {
    RawServer::start(|_, _| Reply::Raw(response("500 Internal Server Error", &[], b"{}"))).await
}

#[tokio::test]
async fn post_answered_500_is_sent_once_by_default() {
    let server = server_500().await;
    let client = builder(&server).max_retries(3).build().unwrap();
    let err = post(&client).send().await.unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(
        server.requests().len(),
        1,
        "a POST that got 500 is not re-sent"
    );
    assert_eq!(err.request().unwrap().attempts, 1);
    // PATCH likewise; PUT and DELETE are idempotent and retried.
    let patch = Request::new(&client, Method::Patch, "/x".into())
        .send()
        .await;
    assert_eq!(patch.unwrap_err().status(), Some(500));
    assert_eq!(server.requests().len(), 2);
    let put = Request::new(&client, Method::Put, "/x".into()).send().await;
    assert_eq!(put.unwrap_err().request().unwrap().attempts, 4);
    assert_eq!(server.requests().len(), 6);
}

#[tokio::test]
async fn re_sending_non_idempotent_requests_can_be_allowed() {
    let server = server_500().await;
    let client = builder(&server)
        .max_retries(3)
        .retry_non_idempotent(true)
        .build()
        .unwrap();
    post(&client).send().await.unwrap_err();
    assert_eq!(server.requests().len(), 4, "allowed per client");
    post(&client)
        .retry_non_idempotent(false)
        .send()
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 5, "refused per request");
    let client = builder(&server).max_retries(2).build().unwrap();
    post(&client)
        .retry_non_idempotent(true)
        .send()
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 8, "allowed per request");
    assert!(server.requests().iter().all(|r| r.body == b"x"));
}

#[tokio::test]
async fn post_answered_with_a_rate_limit_is_retried() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response(
                "429 Too Many Requests",
                &[("retry-after", "0")],
                br#"{"message":"secondary rate limit"}"#,
            ),
            _ => response("201 Created", &[], b"{}"),
        })
    })
    .await;
    let client = builder(&server).build().unwrap();
    assert_eq!(post(&client).send().await.unwrap().status(), 201);
    assert_eq!(
        server.requests().len(),
        2,
        "a rate-limited POST was not processed"
    );
}

#[tokio::test]
async fn post_cut_off_after_sending_is_not_re_sent() {
    // The server reads the request, then closes without answering.
    let server = RawServer::start(|_, _| Reply::Raw(Vec::new())).await;
    let client = builder(&server).max_retries(3).build().unwrap();
    let err = post(&client).send().await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(server.requests().len(), 1);
    // A GET is retried.
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.request().unwrap().attempts, 4, "{err}");
    assert_eq!(server.requests().len(), 5);
}

#[tokio::test]
async fn default_deadline_is_sane() {
    let client = Client::builder().build().unwrap();
    let shown = format!("{client:?}");
    assert!(shown.contains("timeout: 60s"), "{shown}");
}

#[tokio::test]
async fn one_deadline_bounds_attempts_and_retry_waits_on_a_silent_server() {
    // Answers after 10 s: every attempt times out.
    let server = RawServer::start(|_, _| {
        Reply::Delayed(Duration::from_secs(10), response("200 OK", &[], b"{}"))
    })
    .await;
    let client = builder(&server)
        .max_retries(3)
        .timeout(Duration::from_millis(400))
        .build()
        .unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/repos/o/r".into())
        .send()
        .await
        .unwrap_err();
    let took = start.elapsed();
    assert!(took < Duration::from_millis(900), "{took:?}");
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    assert!(err.is_timeout());
    let shown = err.to_string();
    assert!(
        shown.starts_with("timeout for GET /repos/o/r (1 attempt)"),
        "{shown}"
    );
    assert!(shown.contains("deadline of 0.400s passed"), "{shown}");

    // With a per-attempt limit the call retries within its deadline, then stops.
    let client = builder(&server)
        .max_retries(10)
        .attempt_timeout(Duration::from_millis(100))
        .timeout(Duration::from_millis(700))
        .build()
        .unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    let took = start.elapsed();
    assert!(took < Duration::from_millis(1200), "{took:?}");
    assert!(err.is_timeout(), "{err:?}");
    let attempts = err.request().unwrap().attempts;
    assert!((2..=7).contains(&attempts), "{attempts}: {err}");

    // The per-request timeout overrides the client's: the whole call, not each attempt.
    let client = builder(&server).max_retries(3).build().unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/x".into())
        .timeout(Duration::from_millis(300))
        .send()
        .await
        .unwrap_err();
    assert!(start.elapsed() < Duration::from_millis(800));
    assert!(err.is_timeout());
}

#[tokio::test]
async fn the_deadline_bounds_reading_the_body_too() {
    // The head arrives at once, then the body stalls well inside the idle read timeout:
    // only the call's deadline ends it, whatever phase the call is in.
    let server = RawServer::start(|_, _| {
        Reply::Stall(
            b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{\"a\"".to_vec(),
            Duration::from_secs(5),
        )
    })
    .await;
    let client = builder(&server)
        .read_timeout(Duration::from_secs(30))
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/repos/o/r".into())
        .send()
        .await
        .unwrap_err();
    let took = start.elapsed();
    assert!(took < Duration::from_millis(1500), "{took:?}");
    assert!(matches!(err, Error::Timeout(_)), "{err:?}");
    let shown = err.to_string();
    assert!(shown.contains("reading the response body"), "{shown}");
    assert!(shown.contains("deadline of 0.300s passed"), "{shown}");
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_retry_wait_past_the_deadline_fails_at_once() {
    let server = RawServer::start(|_, _| {
        Reply::Raw(response("503 Unavailable", &[("retry-after", "5")], b"{}"))
    })
    .await;
    let client = builder(&server)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(start.elapsed() < Duration::from_millis(500));
    assert_eq!(err.status(), Some(503));
    assert_eq!(server.requests().len(), 1);
    assert_eq!(
        err.request().unwrap().retry_refused,
        Some(Duration::from_secs(5))
    );
    let shown = err.to_string();
    assert!(
        shown.contains("a retry in 5s would pass the call's deadline of 2s"),
        "{shown}"
    );
}

#[tokio::test]
async fn unreadable_retry_after_falls_back_to_a_minute_within_the_deadline() {
    let server = RawServer::start(|_, _| {
        Reply::Raw(response(
            "429 Too Many Requests",
            &[("retry-after", "soon-ish")],
            br#"{"message":"You have exceeded a secondary rate limit."}"#,
        ))
    })
    .await;
    // Default timeout (60 s): a 60 s fallback wait would pass it, so no waiting at all.
    let client = builder(&server).build().unwrap();
    let start = Instant::now();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(start.elapsed() < Duration::from_secs(1));
    assert!(err.is_rate_limited());
    assert_eq!(server.requests().len(), 1);
    assert_eq!(
        err.request().unwrap().retry_refused,
        Some(Duration::from_secs(60))
    );
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_understood() {
    let server = RawServer::start(|n, _| {
        let at = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
        Reply::Raw(match n {
            0 => response("503 Unavailable", &[("retry-after", &at)], b"{}"),
            _ => response("200 OK", &[], b"{}"),
        })
    })
    .await;
    let client = builder(&server).build().unwrap();
    let start = Instant::now();
    Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap();
    let took = start.elapsed();
    // Whole seconds: the date is 1 to 2 s ahead when read.
    assert!(took >= Duration::from_millis(900), "{took:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert_eq!(server.requests().len(), 2);
    // A date in the past means no wait.
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response(
                "503 Unavailable",
                &[("retry-after", "Sun, 06 Nov 1994 08:49:37 GMT")],
                b"{}",
            ),
            _ => response("200 OK", &[], b"{}"),
        })
    })
    .await;
    let client = builder(&server).build().unwrap();
    let start = Instant::now();
    Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap();
    assert!(start.elapsed() < Duration::from_millis(500));
}

#[tokio::test]
async fn backoff_has_jitter_and_stays_bounded() {
    let server = server_500().await;
    let client = Client::builder()
        .base_url(&server.base)
        .retry_base_delay(Duration::from_millis(40))
        .max_retries(2)
        .build()
        .unwrap();
    let start = Instant::now();
    Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    // 40 ms then 80 ms, each cut to a random point in its upper half: 60..120 ms.
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(60), "{took:?}");
    assert!(took < Duration::from_millis(600), "{took:?}");
}

#[tokio::test]
async fn replies_a_retry_cannot_fix_are_not_retried() {
    let huge_header = format!("x-junk: {}\r\n", "a".repeat(1024 * 1024));
    let server = RawServer::start(move |n, _| {
        Reply::Raw(match n {
            0 => b"NOT HTTP AT ALL\r\n\r\n".to_vec(),
            _ => format!("HTTP/1.1 200 OK\r\n{huge_header}content-length: 2\r\n\r\n{{}}")
                .into_bytes(),
        })
    })
    .await;
    let client = builder(&server).max_retries(3).build().unwrap();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(
        server.requests().len(),
        1,
        "a non-HTTP reply is final: {err}"
    );
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(
        server.requests().len(),
        2,
        "oversized headers are final: {err}"
    );
}

#[tokio::test]
async fn errors_name_the_request_without_query_values() {
    let server = RawServer::start(|_, _| {
        Reply::Raw(response(
            "502 Bad Gateway",
            &[],
            br#"{"message":"upstream"}"#,
        ))
    })
    .await;
    let client = builder(&server).max_retries(2).build().unwrap();
    let err = Request::new(&client, Method::Get, "/repos/o/r/issues".into())
        .route("/repos/{owner}/{repo}/issues")
        .query("secret_query", "hunter2".into())
        .send()
        .await
        .unwrap_err();
    let shown = err.to_string();
    assert_eq!(
        shown,
        "GitHub API error 502 for GET /repos/o/r/issues (3 attempts): upstream"
    );
    let info = err.request().unwrap();
    assert_eq!(info.route, Some("/repos/{owner}/{repo}/issues"));
    assert!(!format!("{err:?}").contains("hunter2"));

    // Transport errors too, without the URL's query.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::builder()
        .base_url(base)
        .max_retries(0)
        .build()
        .unwrap();
    let err = Request::new(&client, Method::Delete, "/gists/1".into())
        .query("token", "hunter2".into())
        .send()
        .await
        .unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.starts_with("transport error for DELETE /gists/1 (1 attempt): "),
        "{shown}"
    );
    assert!(!shown.contains("hunter2") && !format!("{err:?}").contains("hunter2"));
}

#[tokio::test]
async fn error_text_is_bounded_and_escaped() {
    let message = format!("\u{202e}evil\u{200b}{}", "m".repeat(20_000));
    let body = serde_json::json!({
        "message": message,
        "errors": (0..50).map(|i| format!("detail {i}")).collect::<Vec<_>>(),
        "documentation_url": "https://docs\u{2066}.example",
    })
    .to_string();
    let server = RawServer::start(move |_, _| {
        Reply::Raw(response("422 Unprocessable", &[], body.as_bytes()))
    })
    .await;
    let client = builder(&server).build().unwrap();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    let shown = err.to_string();
    assert!(shown.len() < 2_000, "{} bytes", shown.len());
    assert!(shown.contains("\\u{202e}evil\\u{200b}mmm"), "{shown}");
    assert!(shown.contains("; 45 more]"), "{shown}");
    assert!(shown.contains("docs\\u{2066}.example"), "{shown}");
    assert!(
        !shown
            .chars()
            .any(|c| matches!(c, '\u{202e}' | '\u{200b}' | '\u{2066}')),
        "{shown}"
    );
}

#[tokio::test]
async fn base_url_with_credentials_is_refused() {
    for url in [
        "https://user:hunter2@api.example.com",
        "https://ghp_token@api.example.com/api/v3",
    ] {
        let err = Client::builder().base_url(url).build().unwrap_err();
        let shown = format!("{err} {err:?}");
        assert!(matches!(err, Error::InvalidRequest(_)), "{shown}");
        assert!(shown.contains("must not contain credentials"), "{shown}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("ghp_token"),
            "{shown}"
        );
    }
    let err = Client::builder()
        .uploads_url("https://u:p@uploads.example.com")
        .build()
        .unwrap_err();
    assert!(err
        .to_string()
        .contains("uploads URL must not contain credentials"));
}

#[tokio::test]
async fn redirect_to_a_url_with_credentials_is_refused() {
    let server = RawServer::start(|_, _| {
        Reply::Raw(response(
            "302 Found",
            &[("location", "http://user:pw@127.0.0.1:1/x")],
            b"",
        ))
    })
    .await;
    let client = builder(&server).build().unwrap();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Redirect(_)), "{err:?}");
    let shown = err.to_string();
    assert!(shown.contains("GET /x (1 attempt)"), "{shown}");
    assert!(!shown.contains("pw@"), "{shown}");
}
