//! A raw HTTP/1.1 server on 127.0.0.1 for byte-exact and hostile-server tests.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One request as received.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// The request target exactly as sent (path and query).
    pub target: String,
    /// Header names lowercased, in order received.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What to do with a request.
pub enum Reply {
    /// Write these bytes, then close the connection.
    Raw(Vec<u8>),
    /// Wait, then write the bytes and close.
    Delayed(Duration, Vec<u8>),
    /// Write the bytes, then keep the connection open (silent) for a while.
    Stall(Vec<u8>, Duration),
    /// Write the head (first bytes), then the body one byte at a time, each after the
    /// interval; then close.
    Trickle(Vec<u8>, Vec<u8>, Duration),
}

pub struct RawServer {
    pub base: String,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
}

impl RawServer {
    /// Start a server answering the `n`-th request (0-based) with `reply(n, &request)`.
    pub async fn start<F>(reply: F) -> RawServer
    where
        F: Fn(usize, &Recorded) -> Reply + Send + Sync + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let requests: Arc<Mutex<Vec<Recorded>>> = Arc::default();
        let (reqs, reply) = (requests.clone(), Arc::new(reply));
        tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                let (reqs, reply) = (reqs.clone(), reply.clone());
                tokio::spawn(async move {
                    let Some(rec) = read_request(&mut sock).await else {
                        return;
                    };
                    let n = {
                        let mut r = reqs.lock().unwrap();
                        r.push(rec.clone());
                        r.len() - 1
                    };
                    let (bytes, stall) = match reply(n, &rec) {
                        Reply::Raw(b) => (b, None),
                        Reply::Delayed(d, b) => {
                            tokio::time::sleep(d).await;
                            (b, None)
                        }
                        Reply::Stall(b, d) => (b, Some(d)),
                        Reply::Trickle(head, body, every) => {
                            let _ = sock.write_all(&head).await;
                            for byte in body {
                                tokio::time::sleep(every).await;
                                if sock.write_all(&[byte]).await.is_err() {
                                    return;
                                }
                            }
                            (Vec::new(), None)
                        }
                    };
                    let _ = sock.write_all(&bytes).await;
                    if let Some(d) = stall {
                        tokio::time::sleep(d).await;
                    }
                    let _ = sock.shutdown().await;
                });
            }
        });
        RawServer { base, requests }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }
}

async fn read_request(sock: &mut tokio::net::TcpStream) -> Option<Recorded> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let (method, target) = (first.next()?.to_owned(), first.next()?.to_owned());
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let len: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < len {
        let n = sock.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Recorded {
        method,
        target,
        headers,
        body,
    })
}

/// A complete response with `Content-Length` and `Connection: close`.
pub fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nconnection: close\r\ncontent-length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}
