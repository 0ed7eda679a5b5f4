//! One call across its attempts: headers per attempt, redirects, error statuses, retry
//! waits and the errors that name the request (the state of `send.rs`'s loop).

use std::time::{Duration, Instant};

use reqwest::header::{
    HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, LOCATION,
};
use reqwest::Url;
use tracing::field::Empty;
use tracing::Instrument;

use super::assemble::{build_headers, ready_for};
use super::body::read_capped;
use super::error::{ApiError, Error, RequestInfo, Result, TimeoutError, TransportError};
use super::hook::{Attempt, AttemptRequest};
use super::method::Method;
use super::prepared::{Base, Body, Prepared};
use super::redirect::{self, Redirect};
use super::retry::{self, Why};
use super::throttle::{Class, Permit};
use super::timer::{Deadline, Silence};
use super::transport::{Origin, Transport};

/// What a call is doing when its deadline passes (the timeout error says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    Sending,
    Waiting,
    Reading,
}

impl Phase {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Phase::Sending => "sending the request",
            Phase::Waiting => "waiting for the response",
            Phase::Reading => "reading the response body",
        }
    }
}

/// A rare path of an attempt (an error body and retry wait, a transport retry), boxed.
type Rare<'a> = std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send + 'a>>;

/// What a response head led to.
enum Settled {
    Done(reqwest::Response),
    Redirected,
    Failed(reqwest::Response),
}

/// One call across its attempts.
pub(crate) struct Call<'r> {
    req: &'r Prepared,
    pub(crate) inner: &'r Transport,
    /// The call's deadline (referenced, not copied: the call's future stays small).
    deadline: &'r Deadline,
    pub(crate) url: Url,
    /// The first URL, kept once a redirect replaces `url` (errors name it).
    original: Option<Box<Url>>,
    /// An explicit origin (`Request::origin`): trusted with credentials like the configured
    /// hosts (boxed: rare).
    extra_trusted: Option<Box<Origin>>,
    /// `url` is on a trusted origin (checked once per URL, not per attempt).
    url_trusted: bool,
    /// `Authorization` for trusted hops: what the auth layer chose until the first attempt
    /// resolves it (a caller-set header wins); `None` once a redirect left the origin.
    auth: Option<HeaderValue>,
    /// A redirect turned the request into a `GET` without a body.
    to_get_done: bool,
    /// A 5xx or a cut-off exchange may be sent again.
    resend: bool,
    /// Attempts sent (retries + 1; redirect hops are not attempts).
    pub(crate) attempts: u32,
    /// The next send starts a new attempt (false right after a redirect).
    new_attempt: bool,
    redirects: u8,
    /// What the call is doing.
    pub(crate) phase: Phase,
    /// The `github.call` span (disabled, and free, without a subscriber).
    span: &'r tracing::Span,
    /// How long the server has been silent (the call's timer ends a silence too long).
    pub(crate) silence: &'r Silence<'r>,
}

impl<'r> Call<'r> {
    pub(crate) fn new(
        inner: &'r Transport,
        req: &'r Prepared,
        auth: Option<&HeaderValue>,
        deadline: &'r Deadline,
        silence: &'r Silence<'r>,
        span: &'r tracing::Span,
        url: Url,
    ) -> Result<Self> {
        // An explicit origin is trusted with credentials like the configured hosts.
        let extra_trusted = match req.base {
            Base::Origin(_) => Origin::of(&url).map(Box::new),
            _ => None,
        };
        if let Body::Invalid(e) = &req.body {
            return Err(Error::invalid(e.clone()));
        }
        let idempotent = !matches!(req.method, Method::Post | Method::Patch);
        let mut call = Call {
            span,
            req,
            inner,
            deadline,
            url,
            original: None,
            extra_trusted,
            url_trusted: false,
            auth: auth.cloned(),
            to_get_done: false,
            resend: idempotent
                || req
                    .retry_non_idempotent
                    .unwrap_or(inner.retry.non_idempotent),
            attempts: 0,
            new_attempt: true,
            redirects: 0,
            phase: Phase::Sending,
            silence,
        };
        // A path on the API or uploads base starts with `/` (`build_url` checks), so the
        // URL keeps that configured origin: no need to compare.
        call.url_trusted = matches!(req.base, Base::Api | Base::Uploads) || call.is_trusted(&call.url);
        Ok(call)
    }

    fn is_trusted(&self, url: &Url) -> bool {
        self.inner.trusted.iter().any(|o| o.matches(url))
            || self.extra_trusted.as_ref().is_some_and(|o| o.matches(url))
    }

    /// Wait for the throttle (if configured) before the first attempt.
    pub(crate) async fn admit(&self) -> Result<Option<Permit<'r>>> {
        let Some(pacer) = &self.inner.pacer else {
            return Ok(None);
        };
        let class = Class {
            write: self.req.method != Method::Get,
            search: self
                .req
                .route
                .unwrap_or(self.req.path.as_str())
                .starts_with("/search/"),
            notifies: self.req.notifies,
        };
        let path = self.req.route.unwrap_or(&self.req.path);
        let admitted = pacer.admit(
            class,
            path,
            self.deadline.at,
            #[cfg(feature = "redis")]
            self.credential(),
        );
        match admitted.await {
            Ok(p) => Ok(Some(p)),
            Err(b) => Err(Error::Timeout(Box::new(TimeoutError {
                request: self.info(),
                reason: b.reason.into(),
                wait: b.wait,
                rate_limited: b.rate_limited,
                idle: None,
            }))),
        }
    }

    /// The `Authorization` the call goes out with (the caller's wins), to name its
    /// credential in shared state.
    #[cfg(feature = "redis")]
    fn credential(&self) -> Option<&[u8]> {
        match self.req.header(AUTHORIZATION.as_str()) {
            Some(a) => Some(a.as_bytes()),
            None => self.auth.as_ref().map(HeaderValue::as_bytes),
        }
    }

    /// Headers of the next attempt: `Authorization` (the caller's, or what the auth layer
    /// chose: a token, an app JWT, an installation token) on trusted hosts only, then hooks.
    fn attempt_headers(&mut self) -> Result<HeaderMap> {
        let trusted = self.url_trusted;
        let first = self.attempts == 1 && self.redirects == 0;
        // Most calls: a copy of the client's ready map, `Authorization` included.
        let ready = match first && trusted {
            true => ready_for(self.inner, self.req, self.auth.as_ref()),
            false => None,
        };
        let mut headers = match ready {
            Some(h) => h,
            None => self.assemble_headers(first, trusted)?,
        };
        if !self.inner.hooks.is_empty() {
            let mut ar = AttemptRequest {
                attempt: self.attempt_info(),
                headers: &mut headers,
                trusted,
            };
            for h in self.inner.hooks.iter() {
                h.on_request(&mut ar);
            }
        }
        Ok(headers)
    }

    /// The headers of an attempt that [`ready_for`] does not cover.
    fn assemble_headers(&mut self, first: bool, trusted: bool) -> Result<HeaderMap> {
        let mut headers = if first {
            // The first build decides the `Authorization` (a caller-set one wins); later
            // ones keep that decision (a redirect off the origin may have dropped it).
            let (h, auth) = build_headers(self.inner, self.req, self.auth.take())?;
            self.auth = auth;
            h
        } else {
            let (mut h, _) = build_headers(self.inner, self.req, None)?;
            if self.to_get_done {
                h.remove(CONTENT_TYPE);
                h.remove(CONTENT_LENGTH);
            }
            h
        };
        if let Some(a) = self.auth.as_ref().filter(|_| trusted) {
            headers.insert(AUTHORIZATION, a.clone());
        }
        Ok(headers)
    }

    /// The next attempt's request. (Not inline in `until_success`: a local that is borrowed
    /// there would keep its bytes in the call's future.)
    fn attempt_request(&mut self, limit: Option<Duration>) -> Result<reqwest::Request> {
        let headers = self.attempt_headers()?;
        let mut rq = reqwest::Request::new(self.wire_method().clone(), self.url.clone());
        *rq.headers_mut() = headers;
        *rq.body_mut() = match &self.req.body {
            Body::Json(b) | Body::Raw(b) if !self.to_get_done => Some(b.clone().into()),
            _ => None,
        };
        if limit.is_some() {
            // Only then: the first `timeout_mut` allocates the request's extension map.
            *rq.timeout_mut() = limit;
        }
        Ok(rq)
    }

    /// The method sent: the request's, or `GET` after a redirect that asked for it.
    fn wire_method(&self) -> &'static reqwest::Method {
        match self.to_get_done {
            true => Method::Get.to_reqwest(),
            false => self.req.method.to_reqwest(),
        }
    }

    fn attempt_info(&self) -> Attempt<'_> {
        Attempt {
            method: self.req.method,
            wire_method: self.wire_method(),
            url: &self.url,
            route: self.req.route,
            attempt: self.attempts,
            redirects: self.redirects,
        }
    }

    /// Send attempts (retries, redirects) until a 2xx or 304 response head arrives.
    pub(crate) async fn until_success(&mut self) -> Result<reqwest::Response> {
        loop {
            if self.new_attempt {
                self.attempts += 1;
            }
            self.new_attempt = true;
            self.phase = Phase::Sending;
            // After a retry wait the server's silence counts from now.
            self.silence.resume();
            // The call's deadline is the timer of `within`; reqwest arms a timer of its own only
            // for a per-attempt limit shorter than what is left.
            let attempt_limit = match self.inner.attempt_timeout {
                Some(t) => {
                    let now = Instant::now();
                    if now >= self.deadline.at {
                        return Err(self.timeout(Phase::Sending.as_str().into(), None, false));
                    }
                    (t < self.deadline.at - now).then_some(t)
                }
                None => None,
            };
            let rq = self.attempt_request(attempt_limit)?;
            self.phase = Phase::Waiting;
            let span = tracing::debug_span!(
                "github.attempt",
                attempt = self.attempts,
                redirects = self.redirects,
                status = Empty,
            );
            // The span lives in the pinned future (read back for the status), not twice.
            let mut sending = std::pin::pin!(self.inner.http.execute(rq).instrument(span));
            let sent = sending.as_mut().await;
            // Whatever needs a wait (an error body, a retry) is a boxed future: the rare
            // path's locals do not make every call's future (moved and copied per layer)
            // larger, and `sent` is not held across it.
            let rare: Rare<'_> = match sent {
                Ok(resp) => {
                    self.silence.heard();
                    let status = resp.status().as_u16();
                    sending.span().record("status", status);
                    self.span.record("status", status);
                    match self.settle(status, resp)? {
                        Settled::Done(resp) => return Ok(resp),
                        Settled::Redirected => continue,
                        Settled::Failed(resp) => Box::pin(self.status_error(status, resp)),
                    }
                }
                Err(e) => {
                    for h in self.inner.hooks.iter() {
                        h.on_error(&self.attempt_info(), &e);
                    }
                    Box::pin(self.retry_transport(e))
                }
            };
            rare.await?;
        }
    }

    /// What a response head means: a success (2xx, or a 304 that `cache.rs` answers from
    /// its store), a redirect followed, or an error status.
    fn settle(&mut self, status: u16, resp: reqwest::Response) -> Result<Settled> {
        for h in self.inner.hooks.iter() {
            h.on_response(&self.attempt_info(), status, resp.headers());
        }
        if (300..400).contains(&status) && status != 304 {
            let location = resp.headers().get(LOCATION).map(HeaderValue::as_bytes);
            match redirect::decide(status, self.wire_method(), &self.url, location) {
                Ok(Redirect::To { url, to_get }) => {
                    self.follow(url, to_get)?;
                    return Ok(Settled::Redirected);
                }
                Ok(Redirect::No) => {}
                Err(e) => return Err(self.named(e)),
            }
        }
        if (200..300).contains(&status) || status == 304 {
            if let Some(p) = &self.inner.pacer {
                p.observe(
                    resp.headers(),
                    None,
                    #[cfg(feature = "redis")]
                    self.credential(),
                );
            }
            return Ok(Settled::Done(resp));
        }
        Ok(Settled::Failed(resp))
    }

    /// An error status: read (a prefix of) its body, then wait and try again (`Ok`) when
    /// the retry policy and the deadline allow, else the [`ApiError`].
    async fn status_error(&mut self, status: u16, mut resp: reqwest::Response) -> Result<()> {
        let headers = std::mem::take(resp.headers_mut());
        self.phase = Phase::Reading;
        let bytes = read_capped(resp, ApiError::MAX_BODY, self.silence).await;
        let mut err = ApiError::new(status, headers, &bytes);
        let decision = retry::after_status(&self.inner.retry, self.attempts - 1, self.resend, &err);
        if let Some(p) = &self.inner.pacer {
            let secondary = (err.is_rate_limited() && !err.is_primary_exhausted())
                .then(|| err.retry_after.unwrap_or(retry::SECONDARY_DEFAULT_WAIT));
            p.observe(
                &err.headers,
                secondary,
                #[cfg(feature = "redis")]
                self.credential(),
            );
        }
        let refused = match decision {
            Some((wait, why)) => match self.pause(wait, why).await {
                Ok(()) => return Ok(()),
                Err(wait) => Some(wait),
            },
            None => None,
        };
        let mut info = self.info();
        info.retry_refused = refused;
        err.request = Some(info);
        Err(Error::Api(Box::new(err)))
    }

    /// Retry after a transport error when allowed and the deadline permits, else the error
    /// (boxed by its callers: a rare path).
    pub(crate) async fn retry_transport(&mut self, e: reqwest::Error) -> Result<()> {
        let refused =
            match retry::after_transport(&self.inner.retry, self.attempts - 1, self.resend, &e) {
                Some(wait) => match self.pause(wait, Why::Transport).await {
                    Ok(()) => return Ok(()),
                    Err(wait) => Some(wait),
                },
                None => None,
            };
        Err(self.transport(e, refused))
    }

    /// The server sent nothing for the idle limit: wait and try again (`Ok`) when `allowed`
    /// and the policy for an exchange cut off after sending permits it (a `POST` may have
    /// been processed), else the [`TimeoutError`] saying what stalled.
    pub(crate) async fn retry_stalled(&mut self, allowed: bool) -> Result<()> {
        let policy = &self.inner.retry;
        let attempt = self.attempts.saturating_sub(1);
        let wait = retry::after_stall(policy, attempt, self.resend).filter(|_| allowed);
        let refused = match wait {
            Some(wait) => match self.pause(wait, Why::Stalled).await {
                Ok(()) => return Ok(()),
                Err(wait) => Some(wait),
            },
            None => None,
        };
        let mut request = self.info();
        request.retry_refused = refused;
        Err(Error::Timeout(Box::new(TimeoutError {
            request,
            reason: self.phase.as_str().into(),
            wait: None,
            rate_limited: false,
            idle: self.silence.limit(),
        })))
    }

    /// Sleep `wait` before the next attempt when the deadline allows; else `Err(wait)`.
    async fn pause(&mut self, wait: Duration, why: Why) -> std::result::Result<(), Duration> {
        if Instant::now() + wait >= self.deadline.at {
            return Err(wait);
        }
        // Not waiting on the server: its silence counts again from the next attempt.
        self.silence.pause();
        tracing::debug!(
            attempt = self.attempts,
            wait_ms = wait.as_millis() as u64,
            reason = why.as_str(),
            "retrying"
        );
        tokio::time::sleep(wait).await;
        Ok(())
    }

    /// Go to a redirect target: method and body rewritten, credentials dropped off-origin.
    fn follow(&mut self, next: Url, to_get: bool) -> Result<()> {
        if self.redirects >= self.inner.max_redirects {
            let msg = format!(
                "too many redirects (more than {})",
                self.inner.max_redirects
            );
            return Err(self.named(Error::Redirect(msg.into())));
        }
        self.redirects += 1;
        if to_get {
            self.resend = true;
            self.to_get_done = true;
        }
        // Credentials (also a caller-set Authorization) never follow to another origin,
        // and are not restored if a later hop comes back.
        self.url_trusted = self.is_trusted(&next);
        if !self.url_trusted {
            self.auth = None;
        }
        let previous = std::mem::replace(&mut self.url, next);
        self.original.get_or_insert_with(|| Box::new(previous));
        self.new_attempt = false;
        Ok(())
    }

    /// The request, for errors: first path, attempts, deadline.
    fn info(&self) -> RequestInfo {
        let first = self.original.as_deref().unwrap_or(&self.url);
        let mut info = RequestInfo::new(self.req.method, first.path(), self.req.route);
        info.attempts = self.attempts;
        info.deadline = self.deadline.limit;
        info
    }

    pub(crate) fn timeout(&self, reason: String, wait: Option<Duration>, rate_limited: bool) -> Error {
        Error::Timeout(Box::new(TimeoutError {
            request: self.info(),
            reason: reason.into(),
            wait,
            rate_limited,
            idle: None,
        }))
    }

    pub(crate) fn transport(&self, e: reqwest::Error, refused: Option<Duration>) -> Error {
        let mut info = self.info();
        info.retry_refused = refused;
        Error::Transport(Box::new(TransportError::new(info, e)))
    }

    pub(crate) fn too_large(&self, limit: u64) -> Error {
        Error::TooLarge {
            limit,
            request: Some(Box::new(self.info())),
        }
    }

    /// A redirect or request error with the request named in front.
    fn named(&self, e: Error) -> Error {
        match e {
            Error::Redirect(m) => Error::Redirect(format!("{}: {m}", self.info()).into()),
            other => other,
        }
    }
}
