//! Hooks: user code that sees every attempt of every call (retries and redirect hops too),
//! registered with [`ClientBuilder::hook`](super::ClientBuilder::hook).

use reqwest::header::HeaderMap;
use reqwest::Url;

use super::method::Method;

/// Called around each attempt. Both methods default to doing nothing; keep them cheap and
/// non-blocking (they run on the request's task). A hook must not log `Authorization`.
pub trait Hook: Send + Sync + 'static {
    /// Before an attempt is sent: may add or change headers. `Authorization` is already
    /// set when the URL is a trusted host; a hook that sets it itself must check
    /// [`AttemptRequest::trusted`] first (credentials only to configured hosts).
    fn on_request(&self, attempt: &mut AttemptRequest<'_>) {
        let _ = attempt;
    }

    /// After the response head of an attempt arrived (any status, also redirects and
    /// errors that will be retried).
    fn on_response(&self, attempt: &Attempt<'_>, status: u16, headers: &HeaderMap) {
        let _ = (attempt, status, headers);
    }

    /// After an attempt failed without a response (connection, an attempt's time limit,
    /// broken reply). A server silent past the idle read limit is not a reqwest error: that
    /// attempt ends without this call, and the call's [`Error::Timeout`](super::Error::Timeout)
    /// (or the next attempt) follows.
    fn on_error(&self, attempt: &Attempt<'_>, error: &reqwest::Error) {
        let _ = (attempt, error);
    }
}

/// What an attempt is: shared by every hook call.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Attempt<'a> {
    /// The method of the call as built (a redirect may send a `GET` instead).
    pub method: Method,
    /// The method actually sent on this attempt.
    pub wire_method: &'a reqwest::Method,
    /// The URL of this attempt (after redirects).
    pub url: &'a Url,
    /// The route template given by generated code, if any.
    pub route: Option<&'static str>,
    /// 1 for the first attempt; retries count up, redirect hops do not.
    pub attempt: u32,
    /// Redirects followed so far in this call.
    pub redirects: u8,
}

/// An attempt about to be sent, with its headers to adjust.
#[derive(Debug)]
#[non_exhaustive]
pub struct AttemptRequest<'a> {
    /// The attempt.
    pub attempt: Attempt<'a>,
    /// Its headers, to add to or change.
    pub headers: &'a mut HeaderMap,
    /// The URL is a host credentials may be sent to.
    pub trusted: bool,
}
