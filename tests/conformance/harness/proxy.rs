//! A small HTTP/1.1 proxy on 127.0.0.1 between the client and Prism, for two things Prism
//! cannot do for a local client:
//! - **Pagination.** Prism answers lists with the description's example `Link` header (where
//!   there is one), whose URLs point at `https://api.github.com/resource?page=2`, another
//!   host the client rightly refuses to follow. For a request marked with [`PAGES_HEADER`]
//!   the proxy answers with a link to the same request with `page=2` on the proxy; the answer
//!   to `page=2` has no next link, so `paginate()` reads exactly two pages. Other answers
//!   keep no `Link`.
//! - **Redirects.** A `3xx` (archive downloads) points at another host, or nowhere; the
//!   proxy points its `Location` at its own `/__redirected` path, answered `200` with an
//!   empty body, so a redirect is followed without leaving the machine.
//!
//! Everything else is passed through unchanged: method, path, query, headers, body.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// Request header (set by the harness's hook during `paginate()`) asking for two pages; it
/// is not passed on to Prism.
pub const PAGES_HEADER: &str = "x-conformance-pages";

/// Path the proxy answers itself, for rewritten redirects.
pub const REDIRECTED: &str = "/__redirected";

/// Most bytes of a request head or body the proxy accepts.
const MAX_REQUEST: usize = 16 << 20;

/// Start the proxy in front of `upstream` (`http://127.0.0.1:<port>`); returns its base URL.
/// It runs until the runtime it was started on ends.
pub async fn start(upstream: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binding the proxy");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let shared = Arc::new((http, upstream, base.clone()));
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let shared = shared.clone();
            tokio::spawn(async move {
                let (http, upstream, base) = &*shared;
                let _ = serve(sock, http, upstream, base).await;
            });
        }
    });
    base
}

struct Head {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
}

/// Serve requests on one connection until the client closes it.
async fn serve(
    sock: TcpStream,
    http: &reqwest::Client,
    upstream: &str,
    base: &str,
) -> std::io::Result<()> {
    let (read, mut write) = sock.into_split();
    let mut read = BufReader::new(read);
    loop {
        let Some(head) = read_head(&mut read).await? else {
            return Ok(());
        };
        let length = header(&head.headers, "content-length")
            .map(|v| v.trim().parse::<usize>().unwrap_or(usize::MAX))
            .unwrap_or(0);
        if length > MAX_REQUEST || header(&head.headers, "transfer-encoding").is_some() {
            write
                .write_all(&response(501, &[], b"unsupported request body"))
                .await?;
            return Ok(());
        }
        let mut body = vec![0u8; length];
        read.read_exact(&mut body).await?;
        let reply = if head.target.starts_with(REDIRECTED) {
            response(
                200,
                &[("content-type".into(), "application/octet-stream".into())],
                b"",
            )
        } else {
            match forward(http, upstream, base, &head, body).await {
                Ok(bytes) => bytes,
                Err(e) => response(502, &[], format!("proxy: {e}").as_bytes()),
            }
        };
        write.write_all(&reply).await?;
    }
}

/// Read a request head; `None` when the connection closed before one started.
async fn read_head<R: tokio::io::AsyncBufRead + Unpin>(
    read: &mut R,
) -> std::io::Result<Option<Head>> {
    use tokio::io::AsyncBufReadExt;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let mut line = String::new();
        let n = read.read_line(&mut line).await?;
        if n == 0 {
            return Ok(None);
        }
        total += n;
        if total > MAX_REQUEST {
            return Err(std::io::Error::other("request head too large"));
        }
        let line = line.trim_end_matches(['\r', '\n']).to_owned();
        if line.is_empty() {
            if lines.is_empty() {
                continue;
            }
            break;
        }
        lines.push(line);
    }
    let mut request_line = lines[0].split(' ');
    let method = request_line.next().unwrap_or_default().to_owned();
    let target = request_line.next().unwrap_or_default().to_owned();
    let headers = lines[1..]
        .iter()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    Ok(Some(Head {
        method,
        target,
        headers,
    }))
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Send the request to Prism; the answer as bytes to write back, links and redirects fixed.
async fn forward(
    http: &reqwest::Client,
    upstream: &str,
    base: &str,
    head: &Head,
    body: Vec<u8>,
) -> Result<Vec<u8>, reqwest::Error> {
    let method =
        reqwest::Method::from_bytes(head.method.as_bytes()).unwrap_or(reqwest::Method::GET);
    let mut req = http.request(method, format!("{upstream}{}", head.target));
    for (k, v) in &head.headers {
        if !matches!(
            k.as_str(),
            "host" | "content-length" | "connection" | "keep-alive" | PAGES_HEADER
        ) {
            req = req.header(k.as_str(), v.as_str());
        }
    }
    if !body.is_empty() || matches!(head.method.as_str(), "POST" | "PUT" | "PATCH") {
        req = req.body(body);
    }
    let resp = req.send().await?;
    let status = resp.status().as_u16();
    let mut headers: Vec<(String, String)> = Vec::new();
    for (k, v) in resp.headers() {
        let k = k.as_str().to_ascii_lowercase();
        if matches!(
            k.as_str(),
            "content-length" | "transfer-encoding" | "connection" | "keep-alive"
        ) {
            continue;
        }
        let v = String::from_utf8_lossy(v.as_bytes()).into_owned();
        match k.as_str() {
            "link" => {}
            "location" if (300..400).contains(&status) => {
                headers.push((k, format!("{base}{REDIRECTED}?status={status}")));
            }
            _ => headers.push((k, v)),
        }
    }
    // Prism's redirects carry the description's example `Location`, or none.
    if (300..400).contains(&status) && !headers.iter().any(|(k, _)| k == "location") {
        headers.push((
            "location".into(),
            format!("{base}{REDIRECTED}?status={status}"),
        ));
    }
    let paged = header(&head.headers, PAGES_HEADER).is_some();
    if let Some(next) = next_link(base, &head.target).filter(|_| paged && status < 300) {
        headers.push(("link".into(), next));
    }
    let bytes = resp.bytes().await?;
    Ok(response(status, &headers, &bytes))
}

/// A `Link` to the same request with `page` one higher on the first page; `None` (no
/// header) on the second.
pub fn next_link(base: &str, target: &str) -> Option<String> {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut page = 1;
    let mut pairs: Vec<String> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.strip_prefix("page=") {
            Some(n) => page = n.parse().unwrap_or(1),
            None => pairs.push(pair.to_owned()),
        }
    }
    if page >= 2 {
        return None;
    }
    pairs.push(format!("page={}", page + 1));
    Some(format!("<{base}{path}?{}>; rel=\"next\"", pairs.join("&")))
}

/// An HTTP/1.1 response with a `Content-Length`, kept alive.
fn response(status: u16, headers: &[(String, String)], body: &[u8]) -> Vec<u8> {
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Unknown");
    let mut out = format!("HTTP/1.1 {status} {reason}\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}
