//! The Redis side of the `Client` front: `ClientBuilder::redis` (`layers::share` hands the
//! state to the throttle, the cache and the App token cache when the client is built).

use super::client::ClientBuilder;
use super::redis_state::RedisState;

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
