//! What wraps the request loop of `send.rs`: choosing the `Authorization` (a fixed token or
//! GitHub App credentials), then answering GETs through the conditional-request cache.

use reqwest::header::HeaderValue;

use super::error::Result;
use super::request::Request;
use super::response::Response;

/// Send `req` (the body of every `send()`).
pub(crate) async fn execute(req: Request<'_>) -> Result<Response> {
    #[cfg(feature = "github-app")]
    if let Some(app) = &req.client.inner.app {
        return super::app_auth::execute(&req, app).await;
    }
    let auth = req.client.inner.auth.clone();
    with_auth(&req, auth).await
}

/// Send `req` with `auth` as its default `Authorization`, through the cache when one is set.
pub(crate) async fn with_auth(req: &Request<'_>, auth: Option<HeaderValue>) -> Result<Response> {
    #[cfg(feature = "http-cache")]
    if let Some(store) = &req.client.inner.cache {
        return super::cache::execute(req, auth, store).await;
    }
    super::send::execute(req, auth).await
}
