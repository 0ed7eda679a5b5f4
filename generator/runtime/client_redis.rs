//! The Redis side of the `Client` front: `ClientBuilder::redis`, and handing the shared state
//! to the throttle, the cache and the App token cache when the client is built.

use std::sync::Arc;

use super::app_auth::AppAuth;
use super::cache::SharedStore;
use super::client::ClientBuilder;
use super::error::{Error, Result};
use super::redis_state::RedisState;
use super::throttle::Pacer;

impl ClientBuilder {
    /// Share this client's throttle, rate-limit pauses, conditional cache and GitHub App
    /// installation tokens with every client (in any process) built with the same Redis
    /// server and namespace. What is shared is what the client is configured with: pacing
    /// needs [`throttle`](ClientBuilder::throttle), the cache needs
    /// [`cache`](ClientBuilder::cache) (its local store serves while Redis is unavailable),
    /// tokens need [`app`](ClientBuilder::app).
    ///
    /// Pacing and rate-limit state are kept per credential (a hash of the `Authorization`
    /// value, never the value); the concurrency cap is the throttle's `max_concurrent`,
    /// counted across all workers.
    pub fn redis(mut self, state: RedisState) -> Self {
        self.redis = Some(state);
        self
    }
}

/// The client's throttle, cache and App credentials, each set to share through `redis`.
pub(crate) fn share(
    redis: Option<RedisState>,
    mut pacer: Option<Pacer>,
    mut cache: Option<SharedStore>,
    mut app: Option<Arc<AppAuth>>,
) -> Result<(Option<Pacer>, Option<SharedStore>, Option<Arc<AppAuth>>)> {
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
