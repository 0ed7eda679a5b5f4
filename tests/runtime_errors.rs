//! Error parsing and Display, rate limits, retries, timeouts, hostile servers, secrecy.

#[path = "support/raw_server.rs"]
mod raw_server;

use std::time::{Duration, Instant};

use github_rest_client::runtime::{ApiError, Client, ClientBuilder, Error, Method, Request};
use raw_server::{response, RawServer, Reply};

const TOKEN: &str = "ghp_SUPERSECRETTOKEN0123456789";

fn builder(server: &RawServer) -> ClientBuilder {
    Client::builder()
        .base_url(&server.base)
        .token(TOKEN)
        .retry_base_delay(Duration::from_millis(10))
}

async fn get(client: &Client) -> Result<github_rest_client::Response, Error> {
    Request::new(client, Method::Get, "/repos/o/r".into())
        .send()
        .await
}

fn assert_no_token(s: &str) {
    assert!(
        !s.contains(TOKEN) && !s.contains("SUPERSECRET"),
        "token leaked: {s}"
    );
}

#[tokio::test]
async fn validation_error_is_parsed_and_displayed() {
    let body = br#"{"message":"Validation Failed","errors":[{"resource":"Issue","field":"title","code":"missing_field"},"free text"],"documentation_url":"https://docs.github.com/rest/issues#create"}"#;
    let server = RawServer::start(move |_, _| {
        Reply::Raw(response(
            "422 Unprocessable Entity",
            &[
                ("content-type", "application/json"),
                ("x-github-request-id", "AB:CD"),
            ],
            body,
        ))
    })
    .await;
    let client = builder(&server).build().unwrap();
    let err = get(&client).await.unwrap_err();
    assert_eq!(err.status(), Some(422));
    assert!(!err.is_rate_limited());
    let api = err.api().unwrap();
    assert_eq!(api.message.as_deref(), Some("Validation Failed"));
    assert_eq!(api.errors.len(), 2);
    assert_eq!(api.errors[0].resource.as_deref(), Some("Issue"));
    assert_eq!(api.errors[0].field.as_deref(), Some("title"));
    assert_eq!(api.errors[0].code.as_deref(), Some("missing_field"));
    assert_eq!(api.errors[1].message.as_deref(), Some("free text"));
    assert_eq!(api.request_id.as_deref(), Some("AB:CD"));
    let shown = err.to_string();
    assert_eq!(
        shown,
        "GitHub API error 422 for GET /repos/o/r (1 attempt): Validation Failed [Issue.title missing_field; free text] \
         <https://docs.github.com/rest/issues#create>"
    );
    assert_eq!(server.requests().len(), 1, "422 is not retried");
    assert_no_token(&shown);
    assert_no_token(&format!("{err:?}"));
}

#[tokio::test]
async fn non_json_and_huge_error_bodies() {
    let huge = vec![b'x'; 1024 * 1024];
    let server = RawServer::start(move |n, _| {
        Reply::Raw(match n {
            0 => response("404 Not Found", &[], b"<html>\x1b[31mnot found</html>"),
            _ => response("400 Bad Request", &[], &huge),
        })
    })
    .await;
    let client = builder(&server).build().unwrap();
    let err = get(&client).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.api().unwrap().message, None);
    assert_eq!(
        err.to_string(),
        "GitHub API error 404 for GET /repos/o/r (1 attempt): <html>\\u{1b}[31mnot found</html>"
    );
    let err = get(&client).await.unwrap_err();
    assert_eq!(err.api().unwrap().body.len(), ApiError::MAX_BODY);
    assert!(err.to_string().len() < 300, "Display is bounded");
}

#[tokio::test]
async fn primary_rate_limit_is_reported_with_reset() {
    let reset = (std::time::SystemTime::now() + Duration::from_secs(3600))
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    let server = RawServer::start(move |_, _| {
        Reply::Raw(response(
            "403 Forbidden",
            &[
                ("x-ratelimit-limit", "5000"),
                ("x-ratelimit-remaining", "0"),
                ("x-ratelimit-used", "5000"),
                ("x-ratelimit-reset", &reset),
                ("x-ratelimit-resource", "core"),
            ],
            br#"{"message":"API rate limit exceeded for user ID 1."}"#,
        ))
    })
    .await;
    let client = builder(&server).max_retries(3).build().unwrap();
    let start = Instant::now();
    let err = get(&client).await.unwrap_err();
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "an hour's wait is not waited for"
    );
    assert_eq!(server.requests().len(), 1);
    assert!(err.is_rate_limited());
    let rl = err.rate_limit().unwrap();
    assert_eq!(
        (rl.limit, rl.remaining, rl.used),
        (Some(5000), Some(0), Some(5000))
    );
    assert_eq!(rl.resource.as_deref(), Some("core"));
    let wait = err.retry_after().unwrap();
    assert!(
        wait > Duration::from_secs(3500) && wait <= Duration::from_secs(3600),
        "{wait:?}"
    );
    assert!(
        err.to_string().contains("(rate limited; retry after"),
        "{err}"
    );
}

#[tokio::test]
async fn primary_rate_limit_waits_until_reset_then_retries() {
    let server = RawServer::start(|n, _| {
        let reset = (std::time::SystemTime::now() + Duration::from_secs(1))
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            .to_string();
        Reply::Raw(match n {
            0 => response(
                "403 Forbidden",
                &[
                    ("x-ratelimit-remaining", "0"),
                    ("x-ratelimit-reset", &reset),
                ],
                br#"{"message":"API rate limit exceeded"}"#,
            ),
            _ => response("200 OK", &[("x-ratelimit-remaining", "4999")], b"{}"),
        })
    })
    .await;
    let client = builder(&server)
        .max_retry_wait(Duration::from_secs(5))
        .build()
        .unwrap();
    let start = Instant::now();
    let resp = get(&client).await.unwrap();
    assert_eq!(resp.rate_limit().unwrap().remaining, Some(4999));
    assert!(
        start.elapsed() < Duration::from_millis(2500),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn secondary_rate_limit_with_retry_after_too_long_is_returned() {
    let server = RawServer::start(|_, _| {
        Reply::Raw(response(
            "429 Too Many Requests",
            &[("retry-after", "30")],
            br#"{"message":"You have exceeded a secondary rate limit."}"#,
        ))
    })
    .await;
    let client = builder(&server)
        .max_retry_wait(Duration::from_secs(5))
        .build()
        .unwrap();
    let err = get(&client).await.unwrap_err();
    assert_eq!(server.requests().len(), 1);
    assert!(err.is_rate_limited());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(
        err.to_string(),
        "GitHub API error 429 for GET /repos/o/r (1 attempt): You have exceeded a secondary rate limit. \
         (rate limited; retry after 30s)"
    );
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response(
                "403 Forbidden",
                &[("retry-after", "1")],
                br#"{"message":"secondary rate limit"}"#,
            ),
            _ => response("200 OK", &[], b"{}"),
        })
    })
    .await;
    let client = builder(&server).build().unwrap();
    let start = Instant::now();
    get(&client).await.unwrap();
    let took = start.elapsed();
    assert!(took >= Duration::from_secs(1), "{took:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn server_errors_are_retried_with_bounded_backoff() {
    let server =
        RawServer::start(|_, _| Reply::Raw(response("502 Bad Gateway", &[], b"oops"))).await;
    let client = builder(&server).max_retries(2).build().unwrap();
    let start = Instant::now();
    let err = get(&client).await.unwrap_err();
    // Backoff 10 ms then 20 ms, each jittered into its upper half.
    assert!(
        start.elapsed() >= Duration::from_millis(15),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(err.status(), Some(502));
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn retry_then_success_resends_the_body() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response("500 Internal Server Error", &[], b""),
            1 => response("503 Service Unavailable", &[("retry-after", "0")], b""),
            _ => response("201 Created", &[], b"{\"ok\":true}"),
        })
    })
    .await;
    let client = builder(&server).retry_non_idempotent(true).build().unwrap();
    let resp = Request::new(&client, Method::Post, "/x".into())
        .header("Content-Type", "text/plain")
        .raw(b"payload".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    let rs = server.requests();
    assert_eq!(rs.len(), 3);
    assert!(rs
        .iter()
        .all(|r| r.body == b"payload" && r.method == "POST"));
}

#[tokio::test]
async fn zero_retries_disables_retrying() {
    let server = RawServer::start(|_, _| Reply::Raw(response("500 Oops", &[], b""))).await;
    let client = builder(&server).max_retries(0).build().unwrap();
    assert_eq!(get(&client).await.unwrap_err().status(), Some(500));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    for status in [
        "400 Bad",
        "401 Unauthorized",
        "403 Forbidden",
        "404 Not Found",
        "410 Gone",
        "422 Unprocessable",
        "451 Unavailable",
        "501 Not Implemented",
        "999 Weird",
    ] {
        let server =
            RawServer::start(move |_, _| Reply::Raw(response(status, &[], br#"{"message":"no"}"#)))
                .await;
        let client = builder(&server).max_retries(3).build().unwrap();
        let err = get(&client).await.unwrap_err();
        assert_eq!(err.status().unwrap().to_string(), status[..3]);
        assert_eq!(server.requests().len(), 1, "{status} must not be retried");
    }
}

#[tokio::test]
async fn timeouts() {
    let server = RawServer::start(|_, _| {
        Reply::Delayed(Duration::from_secs(3), response("200 OK", &[], b"{}"))
    })
    .await;
    let client = builder(&server)
        .timeout(Duration::from_millis(200))
        .max_retries(0)
        .build()
        .unwrap();
    let start = Instant::now();
    let err = get(&client).await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert!(start.elapsed() < Duration::from_secs(2));
    assert_no_token(&err.to_string());
    // Per-request timeout: the whole call, so no time is left for the retry.
    let client = builder(&server).max_retries(1).build().unwrap();
    let err = Request::new(&client, Method::Get, "/slow".into())
        .timeout(Duration::from_millis(100))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout());
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn read_timeout_catches_a_stalled_body() {
    // Headers arrive, then the body stalls: only the idle read timeout ends it.
    let server = RawServer::start(|_, _| {
        Reply::Stall(
            b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n{".to_vec(),
            Duration::from_secs(3),
        )
    })
    .await;
    let client = builder(&server)
        .read_timeout(Duration::from_millis(200))
        .max_retries(0)
        .build()
        .unwrap();
    let start = Instant::now();
    let err = get(&client).await.unwrap_err();
    // The runtime's own idle limit (not reqwest's): a timeout that says what stalled.
    assert!(
        matches!(&err, Error::Timeout(t) if t.idle == Some(Duration::from_millis(200))),
        "{err:?}"
    );
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn malformed_json_and_invalid_utf8() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response("200 OK", &[], br#"{"id": 1, "name": "#),
            _ => response("200 OK", &[], b"\"ab\xff\xfe\""),
        })
    })
    .await;
    let client = builder(&server).build().unwrap();
    let r = get(&client).await.unwrap();
    let err = r.json::<serde_json::Value>().unwrap_err();
    assert!(matches!(err, Error::Decode(_)));
    assert!(
        err.to_string()
            .starts_with("could not decode the response (status 200) at `name`: "),
        "{err}"
    );
    let decode = err.decode_error().expect("decode details");
    assert_eq!(decode.endpoint(), None, "Response::json knows no endpoint");
    assert_eq!(decode.body(), br#"{"id": 1, "name": "#);
    let r = get(&client).await.unwrap();
    assert!(matches!(r.json::<String>(), Err(Error::Decode(_))));
    assert_eq!(r.text_utf8(), None);
    assert_eq!(r.text(), "\"ab\u{fffd}\u{fffd}\"");
    assert_eq!(r.bytes(), b"\"ab\xff\xfe\"");
}

#[tokio::test]
async fn truncated_body_is_a_transport_error() {
    let server = RawServer::start(|_, _| {
        Reply::Raw(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"id\":".to_vec())
    })
    .await;
    let client = builder(&server).max_retries(1).build().unwrap();
    let err = get(&client).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert_eq!(server.requests().len(), 2, "GET retried once");
    let err = Request::new(&client, Method::Post, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport(_)));
    assert_eq!(
        server.requests().len(),
        3,
        "POST that reached the server is not retried"
    );
}

#[tokio::test]
async fn garbage_from_the_server_never_panics() {
    let server = RawServer::start(|n, _| {
        let headers: &[(&str, &str)] = &[
            ("retry-after", "soon"),
            ("x-ratelimit-remaining", "-1"),
            ("x-ratelimit-reset", "abc"),
            ("x-ratelimit-limit", "99999999999999999999999"),
            ("link", "garbage, <>; rel=next, <:::>; rel=\"next\""),
        ];
        Reply::Raw(match n {
            0 => response("429 Too Many", headers, b"[1,2"),
            1 => response("200 OK", headers, b"[1,2]"),
            2 => b"HTTP/1.1 200 OK\r\ncontent-length: nope\r\n\r\n{}".to_vec(),
            3 => b"NOT HTTP AT ALL\r\n\r\n".to_vec(),
            4 => response("999 Weird", &[], b"{}"),
            _ => response("200 OK", &[("link", "<http://[::1>; rel=\"next\"")], b"[]"),
        })
    })
    .await;
    let client = builder(&server).max_retries(0).build().unwrap();
    let err = get(&client).await.unwrap_err();
    assert!(err.is_rate_limited());
    assert_eq!(err.retry_after(), None);
    assert_eq!(err.rate_limit(), None, "all x-ratelimit values invalid");
    let _ = err.to_string();
    let err = Request::new(&client, Method::Get, "/p".into())
        .page::<u32>()
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("the next page is this page"),
        "an empty target resolves to this page: an error, not a loop: {err}"
    );
    assert!(get(&client).await.is_err());
    assert!(matches!(
        get(&client).await.unwrap_err(),
        Error::Transport(_)
    ));
    let err = get(&client).await.unwrap_err();
    assert_eq!(err.status(), Some(999));
    let err = Request::new(&client, Method::Get, "/p".into())
        .page::<u32>()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Pagination(_)),
        "a broken next link: {err:?}"
    );
}

#[tokio::test]
async fn connection_refused_is_transport_and_retried() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::builder()
        .base_url(base)
        .token(TOKEN)
        .max_retries(2)
        .retry_base_delay(Duration::from_millis(20))
        .build()
        .unwrap();
    let start = Instant::now();
    let err = get(&client).await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)));
    assert!(
        start.elapsed() >= Duration::from_millis(30),
        "backed off twice: 20 ms then 40 ms, each jittered into its upper half"
    );
    assert_no_token(&err.to_string());
    assert_no_token(&format!("{err:?}"));
}

#[tokio::test]
async fn token_never_shows() {
    let b = Client::builder().token(TOKEN);
    assert_no_token(&format!("{b:?}"));
    let client = b.build().unwrap();
    assert_no_token(&format!("{client:?}"));
    let client = Client::builder().bearer_token(TOKEN).build().unwrap();
    assert_no_token(&format!("{client:?}"));
    let req = Request::new(&client, Method::Get, "/x".into()).header("Authorization", TOKEN);
    assert_no_token(&format!("{req:?}"));
    let secret = github_rest_client::runtime::Secret::new(TOKEN);
    assert_no_token(&format!("{secret:?}"));
    assert_eq!(secret.expose(), TOKEN);
    let err = Client::builder()
        .token(format!("{TOKEN}\n"))
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)));
    assert_no_token(&err.to_string());
    assert_no_token(&format!("{err:?}"));
}
