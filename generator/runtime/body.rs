//! Reading a response body: whole but capped (successful answers), or a capped prefix (error
//! bodies); each chunk tells the call's timer that data came.

use bytes::Bytes;
use reqwest::header::HeaderMap;

use super::timer::Silence;

/// Status, headers and the whole body of at most `limit` bytes; `None` when the body is
/// larger (announced by `Content-Length` or found while reading), so a huge body is refused,
/// not buffered. With gzip, chunks are decompressed: the limit applies to the decompressed
/// size. Each chunk tells `silence` that data came.
///
/// An `async` block, not an `async fn`: the response is used where it was captured, not
/// copied into a second place in the future.
pub(super) fn read_limited<'s>(
    mut resp: reqwest::Response,
    limit: usize,
    silence: &'s Silence<'_>,
) -> impl std::future::Future<
    Output = std::result::Result<Option<(u16, HeaderMap, Bytes)>, reqwest::Error>,
> + Send
       + 's {
    async move {
        if resp.content_length().is_some_and(|n| n > limit as u64) {
            return Ok(None);
        }
        let announced = resp.content_length();
        // A body that comes in one chunk (most JSON answers) is kept as it is: no copy.
        let mut first: Option<Bytes> = None;
        let mut buf = Vec::new();
        let mut len = 0;
        while let Some(chunk) = resp.chunk().await? {
            if chunk.len() > limit - len {
                return Ok(None);
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
        Ok(Some((status, std::mem::take(resp.headers_mut()), body)))
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
