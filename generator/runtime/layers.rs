//! What wraps the request loop of `send.rs`: the call's one deadline, choosing the
//! `Authorization` (a fixed token or GitHub App credentials), then the conditional cache.

use std::future::Future;
use std::time::{Duration, Instant};

use super::error::Result;
use super::request::Request;
use super::response::Response;
use super::send::{self, Download};

/// The deadline of one call: every layer's sends, waits and token mints fit inside it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    pub(crate) at: Instant,
    /// The call's total time limit (errors report it).
    pub(crate) limit: Duration,
}

impl Deadline {
    /// The deadline of a call of `req` starting now.
    pub(crate) fn of(req: &Request<'_>) -> Deadline {
        let limit = req.timeout.unwrap_or(req.client.inner.timeout);
        Deadline {
            at: Instant::now() + limit,
            limit,
        }
    }

    /// Whether a wait of `wait` from now ends before the deadline.
    #[cfg(feature = "github-app")]
    pub(crate) fn allows(&self, wait: Duration) -> bool {
        Instant::now() + wait < self.at
    }

    /// A timeout of `req` while `reason`, outside `send.rs`'s loop (waiting for a token).
    #[cfg(feature = "github-app")]
    pub(crate) fn timeout(&self, req: &Request<'_>, reason: &'static str) -> super::Error {
        let mut request = super::RequestInfo::new(req.method, req.path.as_str(), req.route);
        request.deadline = self.limit;
        super::Error::Timeout(Box::new(super::TimeoutError {
            request,
            reason: reason.into(),
            wait: None,
            rate_limited: false,
            idle: None,
        }))
    }
}

/// Send `req` (the body of every `send()`).
///
/// An `async` block, not an `async fn`: an `async fn` moves its arguments into locals, so
/// the request would be held (and copied) twice; the block borrows the one it captured.
#[allow(clippy::manual_async_fn)] // on purpose: see above
pub(crate) fn execute(req: Request<'_>) -> impl Future<Output = Result<Response>> + Send + '_ {
    async move {
        let req = &req;
        let deadline = Deadline::of(req);
        // The app and cache layers are boxed: their futures are larger, and a client that
        // has the features compiled in but does not use them keeps the small one.
        #[cfg(feature = "github-app")]
        if let Some(app) = &req.client.inner.app {
            return Box::pin(super::app_auth::execute(req, app, deadline)).await;
        }
        let auth = req.client.inner.auth.as_ref();
        // `with_auth`, inline: one layer less to hold the arguments.
        #[cfg(feature = "http-cache")]
        if let Some(store) = &req.client.inner.cache {
            return Box::pin(super::cache::execute(req, auth, store, deadline)).await;
        }
        send::execute(req, auth, deadline).await
    }
}

/// Send `req` with `auth` as its default `Authorization`, through the cache when one is set.
#[cfg(feature = "github-app")]
pub(crate) async fn with_auth(
    req: &Request<'_>,
    auth: Option<&reqwest::header::HeaderValue>,
    deadline: Deadline,
) -> Result<Response> {
    #[cfg(feature = "http-cache")]
    if let Some(store) = &req.client.inner.cache {
        return super::cache::execute(req, auth, store, deadline).await;
    }
    send::execute(req, auth, deadline).await
}

/// Stream `req`'s body into `writer` (the body of every `download_to()`): the same
/// credentials as `send()`, no cache (the body is not kept).
pub(crate) async fn download(
    req: Request<'_>,
    writer: &mut (dyn tokio::io::AsyncWrite + Unpin + Send),
    cap: Option<u64>,
) -> Result<Download> {
    let deadline = Deadline::of(&req);
    #[cfg(feature = "github-app")]
    if let Some(app) = &req.client.inner.app {
        let auth = super::app_auth::authorization(&req, app, deadline).await?;
        return send::download(&req, auth.as_ref(), deadline, writer, cap).await;
    }
    let auth = req.client.inner.auth.as_ref();
    send::download(&req, auth, deadline, writer, cap).await
}
