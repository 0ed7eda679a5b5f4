//! When a failed attempt is retried and how long to wait first (before the call's deadline
//! is checked by the caller).

use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use super::error::ApiError;

/// When and how long to wait before retrying.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RetryPolicy {
    pub(crate) max_retries: u32,
    pub(crate) base_delay: Duration,
    /// Longest single wait; `None`: any wait that ends before the call's deadline.
    pub(crate) max_wait: Option<Duration>,
    /// `POST`/`PATCH` may be sent again after a 5xx or a cut-off exchange.
    pub(crate) non_idempotent: bool,
}

/// GitHub asks to wait at least a minute after a secondary rate limit without a readable
/// `retry-after` (or an exhausted quota without a readable reset).
pub(crate) const SECONDARY_DEFAULT_WAIT: Duration = Duration::from_secs(60);

/// Longest backoff between retries of a failing server.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Why an attempt is retried (for traces and hooks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    RateLimit,
    Server,
    Transport,
    Stalled,
}

impl Why {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Why::RateLimit => "rate limit",
            Why::Server => "server error",
            Why::Transport => "transport error",
            Why::Stalled => "server silent",
        }
    }
}

/// Exponential backoff with jitter: a random point in the upper half of
/// `base * 2^attempt`, capped. The randomness spreads clients that failed together.
pub(crate) fn backoff(p: &RetryPolicy, attempt: u32) -> Duration {
    let factor = 1u32 << attempt.min(16);
    let full = p.base_delay.saturating_mul(factor).min(MAX_BACKOFF);
    full / 2 + full.mul_f64(jitter() / 2.0)
}

/// A number in `[0, 1)`: std's per-instance random hasher keys, no RNG dependency.
fn jitter() -> f64 {
    let bits = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    (bits >> 11) as f64 / (1u64 << 53) as f64
}

/// The wait before retrying after an error response, or `None` to give up. Rate-limit
/// answers were not processed, so any method may be retried after them; a 5xx only when
/// `resend` (idempotent method, or retrying non-idempotent requests was allowed).
pub(crate) fn after_status(
    p: &RetryPolicy,
    attempt: u32,
    resend: bool,
    err: &ApiError,
) -> Option<(Duration, Why)> {
    if attempt >= p.max_retries {
        return None;
    }
    let (wait, why) = if err.is_rate_limited() {
        (
            err.wait_hint().unwrap_or(SECONDARY_DEFAULT_WAIT),
            Why::RateLimit,
        )
    } else if resend && (500..600).contains(&err.status) && !matches!(err.status, 501 | 505) {
        let wait = match err.retry_after {
            Some(w) => w.min(MAX_BACKOFF),
            None => backoff(p, attempt),
        };
        (wait, Why::Server)
    } else {
        // 400, 401, 403 (not rate-limited), 404, 410, 422, 451 and the rest of 4xx: final.
        return None;
    };
    // A wait longer than allowed is not shortened (that would just fail again): give up.
    if p.max_wait.is_some_and(|max| wait > max) {
        return None;
    }
    Some((wait, why))
}

/// The wait before retrying after a transport error, or `None` to give up. A connection
/// that was never made is retried for any method; a request that may have reached the
/// server only when `resend`. Replies that are not HTTP, oversized headers and request
/// errors are final: sending again would not help.
pub(crate) fn after_transport(
    p: &RetryPolicy,
    attempt: u32,
    resend: bool,
    err: &reqwest::Error,
) -> Option<Duration> {
    if attempt >= p.max_retries || err.is_builder() || err.is_redirect() || is_bad_reply(err) {
        return None;
    }
    (resend || err.is_connect()).then(|| backoff(p, attempt))
}

/// The wait before retrying after the server sent nothing for the idle limit, or `None` to
/// give up. The request may have been processed: only when `resend`, as after a cut-off.
pub(crate) fn after_stall(p: &RetryPolicy, attempt: u32, resend: bool) -> Option<Duration> {
    (attempt < p.max_retries && resend).then(|| backoff(p, attempt))
}

/// The server answered something that is not HTTP, or headers too large to read.
fn is_bad_reply(err: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    for _ in 0..8 {
        let Some(s) = source else { break };
        let hyper_error: Option<&hyper::Error> = s.downcast_ref();
        if let Some(h) = hyper_error {
            // Parse errors include a head too large to read.
            return h.is_parse() || h.is_parse_status();
        }
        source = s.source();
    }
    false
}
