//! When a failed attempt is retried and how long to wait first.

use std::time::Duration;

use super::client::RetryPolicy;
use super::error::ApiError;

/// GitHub asks to wait at least a minute after a secondary rate limit without `retry-after`.
const SECONDARY_DEFAULT_WAIT: Duration = Duration::from_secs(60);

/// Exponential backoff: `base * 2^attempt`, capped at `max_wait`.
pub(crate) fn backoff(p: &RetryPolicy, attempt: u32) -> Duration {
    let factor = 1u32 << attempt.min(16);
    p.base_delay.saturating_mul(factor).min(p.max_wait)
}

/// The wait before retrying after an error response, or `None` to give up.
pub(crate) fn after_status(p: &RetryPolicy, attempt: u32, err: &ApiError) -> Option<Duration> {
    if attempt >= p.max_retries {
        return None;
    }
    let wait = if err.is_rate_limited() {
        err.wait_hint().unwrap_or(SECONDARY_DEFAULT_WAIT)
    } else if (500..600).contains(&err.status) && !matches!(err.status, 501 | 505) {
        err.retry_after.unwrap_or_else(|| backoff(p, attempt))
    } else {
        // 400, 401, 403 (not rate-limited), 404, 410, 422, 451 and the rest of 4xx: final.
        return None;
    };
    // A wait longer than allowed is not shortened (that would just fail again): give up.
    (wait <= p.max_wait).then_some(wait)
}

/// The wait before retrying after a transport error, or `None` to give up. Requests that
/// may have reached the server are retried only for idempotent methods.
pub(crate) fn after_transport(
    p: &RetryPolicy,
    attempt: u32,
    idempotent: bool,
    err: &reqwest::Error,
) -> Option<Duration> {
    if attempt >= p.max_retries || err.is_builder() || err.is_redirect() {
        return None;
    }
    (idempotent || err.is_connect()).then(|| backoff(p, attempt))
}
