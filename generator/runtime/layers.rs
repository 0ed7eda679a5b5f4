//! The layers between the `Request` front and the transport: the auth layer picks the
//! `Authorization` (the client's token, or GitHub App credentials), then the cache layer.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
#[cfg(any(feature = "github-app", feature = "redis"))]
use std::sync::Arc;

#[cfg(feature = "github-app")]
use reqwest::header::HeaderValue;

#[cfg(feature = "github-app")]
use super::app_auth::{self, AppAuth};
#[cfg(feature = "http-cache")]
use super::cache::{self, SharedStore};
#[cfg(feature = "redis")]
use super::error::Error;
use super::error::Result;
use super::prepared::Prepared;
#[cfg(feature = "redis")]
use super::redis_state::RedisState;
use super::response::Response;
use super::body::Download;
use super::send;
#[cfg(feature = "redis")]
use super::throttle::Pacer;
use super::timer::Deadline;
use super::transport::Transport;

/// What a client's calls go through, top to bottom.
pub(crate) struct Layers {
    /// GitHub App credentials: JWTs and installation tokens (`app_auth.rs`).
    #[cfg(feature = "github-app")]
    pub(crate) app: Option<Arc<AppAuth>>,
    /// Store of conditional-request entries (`cache.rs`).
    #[cfg(feature = "http-cache")]
    pub(crate) cache: Option<SharedStore>,
    pub(crate) transport: Transport,
}

pin_project_lite::pin_project! {
    /// The future of a call through the layers: the transport's own, or a boxed auth or
    /// cache layer (their futures are larger, and a client that has the features compiled in
    /// but does not use them keeps the small one).
    ///
    /// A future type, not an `async` block: the choice is made before the first poll, so the
    /// call's future holds no arguments of this layer, only the transport's future.
    #[project = LayeredProj]
    pub(crate) enum Layered<'a, F> {
        Transport { #[pin] fut: F },
        Boxed { fut: Pin<Box<dyn Future<Output = Result<Response>> + Send + 'a>> },
    }
}

impl<F: Future<Output = Result<Response>>> Future for Layered<'_, F> {
    type Output = Result<Response>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            LayeredProj::Transport { fut } => fut.poll(cx),
            LayeredProj::Boxed { fut } => fut.as_mut().poll(cx),
        }
    }
}

/// Send `req` (the body of every `send()`) as the client, or as `installation` of its app.
pub(crate) fn execute<'a>(
    layers: &'a Layers,
    installation: Option<u64>,
    req: &'a Prepared,
    deadline: Deadline,
) -> Layered<'a, impl Future<Output = Result<Response>> + Send + 'a> {
    #[cfg(feature = "github-app")]
    if let Some(app) = &layers.app {
        let send = move |auth: Option<HeaderValue>| async move {
            layers.cached(req, auth.as_ref(), deadline).await
        };
        let t = &layers.transport;
        let fut = app_auth::execute(app, t, installation, req, deadline, send);
        return Layered::Boxed { fut: Box::pin(fut) };
    }
    #[cfg(not(feature = "github-app"))]
    let _ = installation;
    let transport = &layers.transport;
    let auth = transport.auth.as_ref();
    // `cached`, inline: one layer less to hold the arguments.
    #[cfg(feature = "http-cache")]
    if let Some(store) = &layers.cache {
        let fut = cache::execute(transport, req, auth, store, deadline);
        return Layered::Boxed { fut: Box::pin(fut) };
    }
    Layered::Transport {
        fut: send::execute(transport, req, auth, deadline),
    }
}

/// Stream `req`'s body into `writer` (the body of every `download_to()`): the same
/// credentials as `send()`, no cache (the body is not kept).
pub(crate) async fn download(
    layers: &Layers,
    installation: Option<u64>,
    req: &Prepared,
    deadline: Deadline,
    writer: &mut (dyn tokio::io::AsyncWrite + Unpin + Send),
    cap: Option<u64>,
) -> Result<Download> {
    let transport = &layers.transport;
    #[cfg(feature = "github-app")]
    if let Some(app) = &layers.app {
        let auth = app.authorization(transport, installation, req, deadline).await?;
        return send::download(transport, req, auth.as_ref(), deadline, writer, cap).await;
    }
    #[cfg(not(feature = "github-app"))]
    let _ = installation;
    let auth = transport.auth.as_ref();
    send::download(transport, req, auth, deadline, writer, cap).await
}

impl Layers {
    /// Send `req` with `auth` as its default `Authorization`, through the cache when one is
    /// set.
    #[cfg(feature = "github-app")]
    async fn cached(
        &self,
        req: &Prepared,
        auth: Option<&HeaderValue>,
        deadline: Deadline,
    ) -> Result<Response> {
        #[cfg(feature = "http-cache")]
        if let Some(store) = &self.cache {
            return cache::execute(&self.transport, req, auth, store, deadline).await;
        }
        send::execute(&self.transport, req, auth, deadline).await
    }
}

#[cfg(feature = "redis")]
/// What `share` sets up: the client's throttle, cache and App credentials.
type Parts = (Option<Pacer>, Option<SharedStore>, Option<Arc<AppAuth>>);

#[cfg(feature = "redis")]
/// The client's throttle, cache and App credentials, each set to share through `redis`.
pub(crate) fn share(
    redis: Option<RedisState>,
    mut pacer: Option<Pacer>,
    mut cache: Option<SharedStore>,
    mut app: Option<Arc<AppAuth>>,
) -> Result<Parts> {
    let Some(state) = redis else {
        return Ok((pacer, cache, app));
    };
    if let Some(p) = pacer.as_mut() {
        p.shared = Some(state.clone());
    }
    if let Some(c) = cache.as_mut() {
        c.1 = Some(state.clone());
    }
    if let Some(a) = app.as_mut() {
        // The builder holds the only handle until `build`.
        let a = Arc::get_mut(a)
            .ok_or_else(|| Error::invalid("the GitHub App credentials are already in use"))?;
        a.share_through(state);
    }
    Ok((pacer, cache, app))
}
