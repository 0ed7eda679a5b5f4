//! Reading a response body: whole but capped (successful answers), streamed to a writer
//! (downloads), or a capped prefix (error bodies); each chunk tells the call's timer that data
//! came.

use std::future::Future;

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::Url;

use super::error::Error;
use super::timer::Silence;
use super::transport::Transport;

/// A finished download: the response head and how many body bytes were written.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Download {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The final URL, after redirects.
    pub url: String,
    /// Bytes written to the writer (after decompression).
    pub bytes: u64,
}

/// How reading a successful body ended.
pub(crate) enum Read<T> {
    Done(T),
    /// Larger than the limit (announced or found while reading).
    TooLarge(u64),
    /// The body was cut off (retried if [`Sink::RETRY_READ`]).
    Cut(reqwest::Error),
    /// Anything else (a failed write).
    Failed(Error),
}

/// Where the transport's loop puts a successful body: memory or a writer.
pub(crate) trait Sink: Send {
    /// What reading gives.
    type Body: Send;
    /// What the call returns, given the body and the final URL.
    type Output;
    /// A body cut off (or silent) while read may be fetched again: nothing was handed on.
    const RETRY_READ: bool;

    /// Read `resp`'s body; each chunk tells `silence` that data came.
    fn read<'a>(
        &'a mut self,
        resp: reqwest::Response,
        t: &'a Transport,
        silence: &'a Silence<'_>,
    ) -> impl Future<Output = Read<Self::Body>> + Send + 'a;

    fn finish(body: Self::Body, url: Url) -> Self::Output;
}

/// The whole body in memory, at most the client's `max_response_bytes`.
pub(crate) struct Buffered;

impl Sink for Buffered {
    type Body = (u16, HeaderMap, Bytes);
    type Output = super::response::Response;
    const RETRY_READ: bool = true;

    fn read<'a>(
        &'a mut self,
        resp: reqwest::Response,
        t: &'a Transport,
        silence: &'a Silence<'_>,
    ) -> impl Future<Output = Read<Self::Body>> + Send + 'a {
        read_limited(resp, t.max_response_bytes, silence)
    }

    fn finish((status, headers, body): Self::Body, url: Url) -> Self::Output {
        super::response::Response::new(status, headers, body, url)
    }
}

/// Status, headers and the whole body of at most `limit` bytes; [`Read::TooLarge`] when the
/// body is larger (announced by `Content-Length` or found while reading), so a huge body is
/// refused, not buffered. With gzip, chunks are decompressed: the limit applies to the
/// decompressed size. Each chunk tells `silence` that data came.
///
/// An `async` block, not an `async fn`: the response is used where it was captured, not
/// copied into a second place in the future.
fn read_limited<'s>(
    mut resp: reqwest::Response,
    limit: usize,
    silence: &'s Silence<'_>,
) -> impl Future<Output = Read<(u16, HeaderMap, Bytes)>> + Send + 's {
    async move {
        if resp.content_length().is_some_and(|n| n > limit as u64) {
            return Read::TooLarge(limit as u64);
        }
        let announced = resp.content_length();
        // A body that comes in one chunk (most JSON answers) is kept as it is: no copy.
        let mut first: Option<Bytes> = None;
        let mut buf = Vec::new();
        let mut len = 0;
        loop {
            let chunk = match resp.chunk().await {
                Ok(Some(chunk)) => chunk,
                Ok(None) => break,
                Err(e) => return Read::Cut(e),
            };
            if chunk.len() > limit - len {
                return Read::TooLarge(limit as u64);
            }
            len += chunk.len();
            // Data came; no need to note it (a clock read) when the body is complete.
            if announced != Some(len as u64) {
                silence.heard();
            }
            match first.take() {
                None if buf.is_empty() => first = Some(chunk),
                Some(one) => {
                    buf.reserve(len);
                    buf.extend_from_slice(&one);
                    buf.extend_from_slice(&chunk);
                }
                None => buf.extend_from_slice(&chunk),
            }
        }
        let body = first.unwrap_or_else(|| Bytes::from(buf));
        let status = resp.status().as_u16();
        Read::Done((status, std::mem::take(resp.headers_mut()), body))
    }
}

/// The body streamed into `writer`, at most `cap` bytes.
pub(crate) struct ToWriter<'w> {
    pub(crate) writer: &'w mut (dyn tokio::io::AsyncWrite + Unpin + Send),
    pub(crate) cap: Option<u64>,
}

impl Sink for ToWriter<'_> {
    type Body = (u16, HeaderMap, u64);
    type Output = Download;
    const RETRY_READ: bool = false;

    async fn read(
        &mut self,
        mut resp: reqwest::Response,
        _: &Transport,
        silence: &Silence<'_>,
    ) -> Read<Self::Body> {
        use tokio::io::AsyncWriteExt;
        let cap = self.cap;
        let too_large = |n: u64| cap.is_some_and(|c| n > c);
        if resp.content_length().is_some_and(too_large) {
            return Read::TooLarge(cap.unwrap_or(u64::MAX));
        }
        let status = resp.status().as_u16();
        let headers = std::mem::take(resp.headers_mut());
        let mut written = 0u64;
        loop {
            let chunk = match resp.chunk().await {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => return Read::Cut(e),
            };
            written += chunk.len() as u64;
            if too_large(written) {
                return Read::TooLarge(cap.unwrap_or(u64::MAX));
            }
            // A slow writer is not a silent server.
            silence.pause();
            if let Err(e) = self.writer.write_all(&chunk).await {
                return Read::Failed(Error::Write(e));
            }
            silence.resume();
        }
        if let Err(e) = self.writer.flush().await {
            return Read::Failed(Error::Write(e));
        }
        Read::Done((status, headers, written))
    }

    fn finish((status, headers, bytes): Self::Body, url: Url) -> Download {
        Download {
            status,
            headers,
            url: url.to_string(),
            bytes,
        }
    }
}

/// Read at most `cap` bytes of a body; read errors end the body early. Unlike
/// [`read_limited`] it keeps a prefix of an over-long body: error bodies are only shown.
pub(super) async fn read_capped(mut resp: reqwest::Response, cap: usize, silence: &Silence<'_>) -> Bytes {
    let mut buf = Vec::new();
    while let Ok(Some(chunk)) = resp.chunk().await {
        silence.heard();
        let room = cap - buf.len();
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if buf.len() >= cap {
            break;
        }
    }
    Bytes::from(buf)
}
