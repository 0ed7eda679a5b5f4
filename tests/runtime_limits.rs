//! Bounded resources: huge response bodies are refused, and many concurrent requests through
//! one client finish without errors or memory growth.

#[path = "support/raw_server.rs"]
mod raw_server;

use futures_util::stream::{self, StreamExt};
use github_rest_client::runtime::{Client, Error, Method, Request};
use raw_server::{response, RawServer, Reply};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const LIMIT: usize = 64 * 1024;

async fn get(client: &Client) -> Result<github_rest_client::Response, Error> {
    Request::new(client, Method::Get, "/repos/o/r/tarball".into())
        .send()
        .await
}

fn limited(base: &str) -> Client {
    Client::builder()
        .base_url(base)
        .max_response_bytes(LIMIT)
        .max_retries(0)
        .build()
        .unwrap()
}

#[tokio::test]
async fn body_announced_larger_than_the_limit_is_refused() {
    let server =
        RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], &vec![b'x'; LIMIT + 1]))).await;
    let err = get(&limited(&server.base)).await.unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { limit, .. } if limit == LIMIT as u64),
        "{err:?}"
    );
    assert!(err.to_string().contains("65536 bytes"), "{err}");
}

#[tokio::test]
async fn body_without_length_is_cut_off_at_the_limit() {
    // No Content-Length: the body runs until the connection closes.
    let server = RawServer::start(|_, _| {
        let mut raw = b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n".to_vec();
        raw.extend(std::iter::repeat_n(b'y', 4 * LIMIT));
        Reply::Raw(raw)
    })
    .await;
    let err = get(&limited(&server.base)).await.unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err:?}");
}

#[tokio::test]
async fn body_at_the_limit_is_read_whole() {
    let server =
        RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], &vec![b'z'; LIMIT]))).await;
    let resp = get(&limited(&server.base)).await.unwrap();
    assert_eq!(resp.bytes().len(), LIMIT);
}

/// Resident set size of this process in KiB (Linux).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/self/status")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn many_concurrent_requests_share_one_client_without_errors_or_growth() {
    const ROUNDS: usize = 6;
    const PER_ROUND: usize = 400;
    const CONCURRENCY: usize = 64;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/repos/o/r"))
        .respond_with(ResponseTemplate::new(200).set_body_string(format!(
            r#"{{"full_name":"o/r","description":"{}"}}"#,
            "d".repeat(2048)
        )))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();

    let mut rss_after = Vec::new();
    for _ in 0..ROUNDS {
        let results: Vec<_> = stream::iter(0..PER_ROUND)
            .map(|_| {
                let client = &client;
                async move {
                    let resp = Request::new(client, Method::Get, "/repos/o/r".into())
                        .send()
                        .await?;
                    resp.json::<serde_json::Value>()
                }
            })
            .buffer_unordered(CONCURRENCY)
            .collect()
            .await;
        let failures: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
        assert!(
            failures.is_empty(),
            "{} failed, first: {:?}",
            failures.len(),
            failures[0]
        );
        assert!(results
            .iter()
            .all(|r| r.as_ref().unwrap()["full_name"] == "o/r"));
        rss_after.push(rss_kib());
    }
    // Wiremock records every request, so allow for its log; the client itself must not
    // grow per request: the last rounds may add at most a few MiB over the second.
    let growth = rss_after[ROUNDS - 1].saturating_sub(rss_after[1]);
    assert!(
        growth < 16 * 1024,
        "RSS grew by {growth} KiB over {} requests: {rss_after:?}",
        (ROUNDS - 2) * PER_ROUND
    );
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        ROUNDS * PER_ROUND
    );
}
