//! The transport: sends a `Prepared` request with a chosen `Authorization` inside the call's
//! deadline (throttle, hooks, redirects, retries, error bodies), in one attempt loop that
//! buffered responses and streamed downloads share.

use std::future::Future;

use reqwest::header::HeaderValue;
use reqwest::Url;
use tracing::field::Empty;
use tracing::Instrument;

use super::assemble::build_url;
use super::body::{Buffered, Download, Read, Sink, ToWriter};
use super::call::{Call, Phase};
use super::error::Result;
use super::prepared::Prepared;
use super::response::Response;
use super::timer::{within, Deadline, Expired, Silence};
use super::transport::Transport;

/// Send `req`, following redirects and retrying as configured, with `auth` as the
/// `Authorization` unless the request sets its own; the body is read whole (at most
/// `max_response_bytes`). The layers above decide `auth` and the call's `deadline`.
pub(crate) fn execute<'r>(
    t: &'r Transport,
    req: &'r Prepared,
    auth: Option<&'r HeaderValue>,
    deadline: Deadline,
) -> impl Future<Output = Result<Response>> + Send + 'r {
    exchange(t, req, auth, deadline, Buffered)
}

/// Send `req` and stream a successful body into `writer` (at most `cap` bytes). A body
/// cut off midway is not retried: part of it was written.
pub(crate) fn download<'r>(
    t: &'r Transport,
    req: &'r Prepared,
    auth: Option<&'r HeaderValue>,
    deadline: Deadline,
    writer: &'r mut (dyn tokio::io::AsyncWrite + Unpin + Send),
    cap: Option<u64>,
) -> impl Future<Output = Result<Download>> + Send + 'r {
    exchange(t, req, auth, deadline, ToWriter { writer, cap })
}

/// The attempt loop: the throttle, then attempts under the call's one timer until a
/// response whose body `sink` reads, or an error.
///
/// An `async` block, not an `async fn`: an `async fn` keeps a second copy of its arguments.
#[allow(clippy::manual_async_fn)] // on purpose: see above
fn exchange<'r, S: Sink + 'r>(
    t: &'r Transport,
    req: &'r Prepared,
    auth: Option<&'r HeaderValue>,
    deadline: Deadline,
    mut sink: S,
) -> impl Future<Output = Result<S::Output>> + Send + 'r {
    async move {
        let silence = Silence::new(t.read_timeout.as_ref(), &deadline);
        let (url, span) = url_and_span(t, req)?;
        let mut call = Call::new(t, req, auth, &deadline, &silence, &span, url)?;
        // The throttle's wait (bounded by the deadline itself) is boxed: only a client with a
        // throttle pays for it.
        let _permit = match t.pacer {
            Some(_) => Box::pin(call.admit().instrument(span.clone())).await?,
            None => None,
        };
        let result = loop {
            let work = async {
                loop {
                    let resp = call.until_success().await?;
                    call.phase = Phase::Reading;
                    let cut_off = match sink.read(resp, call.inner, call.silence).await {
                        Read::Done(body) => return Ok(body),
                        Read::TooLarge(limit) => return Err(call.too_large(limit)),
                        Read::Cut(e) if S::RETRY_READ => e,
                        Read::Cut(e) => return Err(call.transport(e, None)),
                        Read::Failed(e) => return Err(e),
                    };
                    Box::pin(call.retry_transport(cut_off)).await?;
                }
            };
            let expired = {
                // Pinned where it is: the timer holds a pointer, so the work is not copied into it.
                let work = std::pin::pin!(work);
                match within(&silence, &span, work).await {
                    Ok(result) => break result,
                    Err(expired) => expired,
                }
            };
            if expired == Expired::Deadline {
                break Err(call.timeout(call.phase.as_str().into(), None, false));
            }
            // The silent exchange was dropped (its connection closed); it is retried like one
            // cut off after sending, in a new turn of the timer (not once part of a body was
            // handed on).
            let allowed = S::RETRY_READ || call.phase != Phase::Reading;
            let retry = call.retry_stalled(allowed).instrument(span.clone());
            if let Err(e) = Box::pin(retry).await {
                break Err(e);
            }
        };
        span.record("attempts", call.attempts);
        // The URL moves into the result: no copy on the common path.
        result.map(|body| S::finish(body, call.url))
    }
}

/// The URL of `req` and its `github.call` span (disabled, and free, without a subscriber).
/// (Not inline: a local that is borrowed would keep its bytes in the call's future.)
fn url_and_span(t: &Transport, req: &Prepared) -> Result<(Url, tracing::Span)> {
    let url = build_url(t, req)?;
    let span = tracing::debug_span!(
        "github.call",
        method = req.method.as_str(),
        route = req.route.unwrap_or(""),
        path = url.path(),
        status = Empty,
        attempts = Empty,
    );
    Ok((url, span))
}
