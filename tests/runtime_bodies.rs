//! Bounded memory: the default body cap, an endless chunked body, downloads streamed into a
//! writer with their own cap, and gzip decompression (the cap counts decompressed bytes).

#[path = "support/raw_server.rs"]
mod raw_server;

use std::time::Duration;

use github_rest_client::runtime::{Client, Error, Method, Request};
use raw_server::{response, RawServer, Reply};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Resident set size of this process in KiB (Linux).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/self/status")
}

/// A server sending a chunked 200 that never ends (up to `max_mib` MiB, then it stops),
/// returning its base URL.
async fn endless_chunked(max_mib: usize) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut head = [0u8; 4096];
                let _ = sock.read(&mut head).await;
                let chunk = format!("100000\r\n{}\r\n", "x".repeat(0x10_0000));
                let _ = sock
                    .write_all(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
                    .await;
                for _ in 0..max_mib {
                    if sock.write_all(chunk.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    base
}

#[tokio::test]
async fn endless_chunked_body_stops_at_the_default_cap() {
    let base = endless_chunked(1024).await;
    let client = Client::builder().base_url(&base).build().unwrap();
    let before = rss_kib();
    let err = Request::new(&client, Method::Get, "/repos/o/r".into())
        .send()
        .await
        .unwrap_err();
    let grown = rss_kib().saturating_sub(before);
    assert!(
        matches!(err, Error::TooLarge { limit, .. } if limit == 32 << 20),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("33554432 bytes for GET /repos/o/r (1 attempt)"),
        "{err}"
    );
    assert!(grown < 128 * 1024, "RSS grew by {grown} KiB");
}

#[tokio::test]
async fn download_streams_into_a_writer_beyond_the_memory_cap() {
    let body: Vec<u8> = (0..3 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect();
    let expected = body.clone();
    let server = RawServer::start(move |n, _| {
        Reply::Raw(match n {
            0 => response("302 Found", &[("location", "/asset")], b""),
            _ => response(
                "200 OK",
                &[("content-type", "application/octet-stream")],
                &body,
            ),
        })
    })
    .await;
    let client = Client::builder()
        .base_url(&server.base)
        .max_response_bytes(1024 * 1024)
        .build()
        .unwrap();
    let mut out: Vec<u8> = Vec::new();
    let done = Request::new(&client, Method::Get, "/repos/o/r/tarball".into())
        .download_to(&mut out)
        .await
        .unwrap();
    assert_eq!(done.status, 200);
    assert_eq!(done.bytes, expected.len() as u64);
    assert!(done.url.ends_with("/asset"), "{}", done.url);
    assert_eq!(out, expected);
}

#[tokio::test]
async fn download_has_its_own_cap() {
    let base = endless_chunked(64).await;
    let client = Client::builder().base_url(&base).build().unwrap();
    let mut sink = tokio::io::sink();
    let err = Request::new(&client, Method::Get, "/big".into())
        .max_download_bytes(4 << 20)
        .download_to(&mut sink)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { limit, .. } if limit == 4 << 20),
        "{err:?}"
    );
    // Announced too large: refused before reading.
    let server = RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], &[b'z'; 2048]))).await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let mut out = Vec::new();
    let err = Request::new(&client, Method::Get, "/big".into())
        .max_download_bytes(1024)
        .download_to(&mut out)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::TooLarge { .. }), "{err:?}");
    assert!(out.is_empty());
}

#[tokio::test]
async fn download_errors_are_api_errors_and_writer_errors_are_reported() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response("404 Not Found", &[], br#"{"message":"Not Found"}"#),
            _ => response("200 OK", &[], b"data"),
        })
    })
    .await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let mut out = Vec::new();
    let err = Request::new(&client, Method::Get, "/x".into())
        .download_to(&mut out)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert!(out.is_empty());

    struct Broken;
    impl tokio::io::AsyncWrite for Broken {
        fn poll_write(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
            _: &[u8],
        ) -> std::task::Poll<std::io::Result<usize>> {
            std::task::Poll::Ready(Err(std::io::Error::other("disk full")))
        }
        fn poll_flush(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            std::task::Poll::Ready(Ok(()))
        }
        fn poll_shutdown(
            self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            std::task::Poll::Ready(Ok(()))
        }
    }
    let err = Request::new(&client, Method::Get, "/x".into())
        .download_to(&mut Broken)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Write(_)), "{err:?}");
    assert!(err.to_string().contains("disk full"), "{err}");
}

#[cfg(feature = "gzip")]
#[tokio::test]
async fn gzip_is_asked_for_and_decompressed_with_the_cap_on_the_decompressed_size() {
    let json = format!(r#"{{"items":["{}"]}}"#, "a".repeat(200_000));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, json.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    assert!(gz.len() < 10_000);
    let server = RawServer::start(move |_, _| {
        Reply::Raw(response(
            "200 OK",
            &[
                ("content-type", "application/json"),
                ("content-encoding", "gzip"),
            ],
            &gz,
        ))
    })
    .await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let resp = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.bytes(), json.as_bytes());
    let sent = &server.requests()[0];
    assert!(
        sent.header("accept-encoding")
            .unwrap_or("")
            .contains("gzip"),
        "{sent:?}"
    );
    // A small compressed body that decompresses past the cap is refused.
    let client = Client::builder()
        .base_url(&server.base)
        .max_response_bytes(100_000)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let err = Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::TooLarge { limit, .. } if limit == 100_000),
        "{err:?}"
    );
}
