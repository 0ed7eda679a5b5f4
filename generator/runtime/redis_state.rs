//! `RedisState`: one Redis connection shared by a process's clients, with short timeouts
//! bounded by each call's deadline; when Redis fails, calls go on with local state.

use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use redis::aio::MultiplexedConnection;
use redis::RedisResult;
use sha2::{Digest, Sha256};

use super::error::{Error, Result};

/// After a failure, Redis is left alone this long (calls use local state meanwhile).
const BACKOFF: Duration = Duration::from_secs(1);
/// At most one warning about Redis per this interval (the others are counted).
const WARNING_INTERVAL: Duration = Duration::from_secs(10);

/// State shared through Redis by every client (in any process) built with the same server and
/// namespace: the throttle's pacing and concurrency cap, rate-limit pauses, conditional-cache
/// entries and GitHub App installation tokens. Give it to
/// [`ClientBuilder::redis`](super::ClientBuilder::redis); clones share one connection.
///
/// Redis is an aid, never a dependency: each Redis step has a short time limit (default
/// 250 ms, and at most half the time left to the call's deadline); when Redis fails or is
/// slow, calls go on with the client's local state, a warning is logged (at most one per
/// 10 s), and Redis is tried again a second later.
#[derive(Clone)]
pub struct RedisState {
    pub(crate) config: Config,
    link: Arc<Link>,
}

/// Settings of a [`RedisState`].
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) namespace: Arc<str>,
    pub(crate) timeout: Duration,
    pub(crate) lease_ttl: Duration,
    pub(crate) cache_entry_limit: usize,
    pub(crate) cache_ttl: Duration,
    pub(crate) plain_tokens: bool,
}

/// The connection, and what is known of Redis's health.
struct Link {
    client: redis::Client,
    live: Mutex<Option<MultiplexedConnection>>,
    /// One connect at a time; the others wait for its result.
    connecting: tokio::sync::Mutex<()>,
    health: Mutex<Health>,
}

#[derive(Default)]
struct Health {
    /// Redis is not tried before this (after a failure).
    retry_at: Option<Instant>,
    last_warning: Option<Instant>,
    suppressed: u64,
    failures: u64,
}

impl fmt::Debug for RedisState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The URL may hold a password: only the namespace is shown.
        f.debug_struct("RedisState")
            .field("namespace", &self.config.namespace)
            .field("timeout", &self.config.timeout)
            .field("connected", &self.is_connected())
            .finish_non_exhaustive()
    }
}

impl RedisState {
    /// State kept on the Redis server at `url` (`redis://host:port/db`, with
    /// `redis://:password@host` for a password), under keys starting with `namespace:`.
    /// Nothing is connected yet: the first call that needs Redis connects. Fails only if the
    /// URL is not a Redis URL (the error does not quote it).
    pub fn new(url: &str, namespace: impl Into<String>) -> Result<RedisState> {
        let client = redis::Client::open(url)
            .map_err(|_| Error::invalid("the Redis URL is not valid (redis://host:port/db)"))?;
        let namespace: String = namespace.into();
        if namespace.is_empty() || namespace.chars().any(|c| c.is_whitespace()) {
            return Err(Error::invalid(
                "the Redis namespace must be non-empty and without spaces",
            ));
        }
        Ok(RedisState {
            config: Config {
                namespace: namespace.into(),
                timeout: Duration::from_millis(250),
                lease_ttl: Duration::from_secs(60),
                cache_entry_limit: 1 << 20,
                cache_ttl: Duration::from_secs(24 * 3600),
                plain_tokens: false,
            },
            link: Arc::new(Link {
                client,
                live: Mutex::new(None),
                connecting: tokio::sync::Mutex::new(()),
                health: Mutex::default(),
            }),
        })
    }

    /// Time limit of each Redis step (default 250 ms; a call's deadline cuts it shorter).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.config.timeout = timeout;
        self
    }

    /// Longest time a concurrency slot is held (default 60 s, and never past the call's
    /// deadline): a worker killed mid-call frees its slot after this.
    pub fn lease_ttl(mut self, ttl: Duration) -> Self {
        self.config.lease_ttl = ttl.max(Duration::from_millis(1));
        self
    }

    /// Largest conditional-cache entry shared (body and headers; default 1 MiB): larger
    /// ones stay in the client's local cache only.
    pub fn cache_entry_limit(mut self, bytes: usize) -> Self {
        self.config.cache_entry_limit = bytes;
        self
    }

    /// How long a shared conditional-cache entry lives (default 24 h).
    pub fn cache_ttl(mut self, ttl: Duration) -> Self {
        self.config.cache_ttl = ttl.max(Duration::from_millis(1));
        self
    }

    /// Store installation tokens in Redis in clear text (default: encrypted, with a key
    /// derived from the app's private key, so only holders of that key can read them).
    pub fn plain_tokens(mut self, plain: bool) -> Self {
        self.config.plain_tokens = plain;
        self
    }

    /// Whether a connection to Redis is open and not known to have failed.
    pub fn is_connected(&self) -> bool {
        self.link
            .live
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Times a Redis step failed or timed out since this state was made.
    pub fn failures(&self) -> u64 {
        self.link.health().failures
    }

    /// `namespace:part`.
    pub(crate) fn key(&self, part: &str) -> String {
        format!("{}:{part}", self.config.namespace)
    }

    /// Run `step` on the connection within the Redis time limit and half of what is left
    /// before `deadline` (the call keeps time to go on without Redis); `None` when Redis is
    /// unavailable (down, slow, failing: local state is used instead).
    pub(crate) async fn run<T, F, Fut>(&self, deadline: Instant, what: &str, step: F) -> Option<T>
    where
        F: FnOnce(MultiplexedConnection) -> Fut,
        Fut: Future<Output = RedisResult<T>>,
    {
        let now = Instant::now();
        let bound = now
            + self
                .config
                .timeout
                .min(deadline.saturating_duration_since(now) / 2);
        let conn = self.connection(bound, what).await?;
        match tokio::time::timeout_at(bound.into(), step(conn)).await {
            Ok(Ok(v)) => Some(v),
            Ok(Err(e)) => {
                let reason = if e.is_unrecoverable_error() || e.is_io_error() {
                    "connection lost"
                } else {
                    "error reply"
                };
                self.failed(what, reason);
                None
            }
            Err(_) => {
                self.failed(what, "timed out");
                None
            }
        }
    }

    /// The open connection, or a new one made by `bound`; `None` while Redis is backed off.
    async fn connection(&self, bound: Instant, what: &str) -> Option<MultiplexedConnection> {
        if let Some(c) = self.link.live() {
            return Some(c);
        }
        if self.link.backed_off() {
            return None;
        }
        let _one = tokio::time::timeout_at(bound.into(), self.link.connecting.lock())
            .await
            .ok()?;
        if let Some(c) = self.link.live() {
            return Some(c);
        }
        if self.link.backed_off() {
            return None;
        }
        let connect = self.link.client.get_multiplexed_async_connection();
        match tokio::time::timeout_at(bound.into(), connect).await {
            Ok(Ok(c)) => {
                *self
                    .link
                    .live
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner) = Some(c.clone());
                let mut h = self.link.health();
                if h.retry_at.take().is_some() {
                    tracing::info!(
                        namespace = &*self.config.namespace,
                        "Redis reachable again: shared state resumes"
                    );
                }
                Some(c)
            }
            _ => {
                self.failed(what, "cannot connect");
                None
            }
        }
    }

    /// Redis failed: drop the connection, back off, warn (rate-limited).
    fn failed(&self, what: &str, reason: &str) {
        *self
            .link
            .live
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = None;
        let now = Instant::now();
        let mut h = self.link.health();
        h.failures += 1;
        h.retry_at = Some(now + BACKOFF);
        if h.last_warning.is_some_and(|w| now < w + WARNING_INTERVAL) {
            h.suppressed += 1;
            return;
        }
        let suppressed = std::mem::take(&mut h.suppressed);
        h.last_warning = Some(now);
        tracing::warn!(
            namespace = &*self.config.namespace,
            step = what,
            reason,
            suppressed,
            "Redis unavailable: going on with local state"
        );
    }
}

impl Link {
    fn live(&self) -> Option<MultiplexedConnection> {
        self.live
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn health(&self) -> std::sync::MutexGuard<'_, Health> {
        self.health.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn backed_off(&self) -> bool {
        self.health().retry_at.is_some_and(|at| Instant::now() < at)
    }
}

/// A short, stable name for a credential (hex of the first 16 bytes of its SHA-256): keys
/// name the token this way, never by the token.
pub(crate) fn identity(secret: Option<&[u8]>) -> String {
    let Some(secret) = secret else {
        return "anonymous".to_owned();
    };
    let digest = Sha256::digest(secret);
    let mut hex = String::with_capacity(32);
    for b in &digest[..16] {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}
