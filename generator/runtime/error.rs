//! The one error type of the client, GitHub's error body and rate-limit information.

use std::borrow::Cow;
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;

pub use super::context::RequestInfo;
use super::context::{Bounded, Secs};
use super::decode_error::DecodeError;

/// Result of a request.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong making a request. Errors from sending name the request
/// (method, path without query, attempts) in their `Display`.
///
///
/// GitHub's own answers (404, 422, rate limits) are [`Error::Api`], with the error body
/// parsed:
///
/// ```no_run
/// use github_rest_client::runtime::Method;
/// use github_rest_client::{Client, Error, Request};
///
/// # async fn run(client: Client) {
/// match Request::new(&client, Method::Get, "/repos/octocat/no-such-repo".into()).send().await {
///     Ok(response) => println!("found: {}", response.status()),
///     Err(Error::Api(e)) if e.status == 404 => println!("not found: {:?}", e.message),
///     Err(e) if e.is_rate_limited() => println!("rate limited; retry in {:?}", e.retry_after()),
///     Err(e) => println!("failed: {e}"),
/// }
/// # }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// GitHub answered with a non-success status (including rate limits).
    Api(Box<ApiError>),
    /// The request could not be sent or the response not read (connection, TLS, an
    /// attempt's time limit, truncated body, a reply that is not HTTP).
    Transport(Box<TransportError>),
    /// The call's deadline passed, a wait it needed (a retry, a rate-limit reset, a
    /// throttle slot) would have passed it, or the server sent nothing for longer than the
    /// idle read limit.
    Timeout(Box<TimeoutError>),
    /// The response body did not decode into the requested type (names the endpoint,
    /// status and JSON path, and keeps the body).
    Decode(Box<DecodeError>),
    /// The request could not be built: bad base URL or origin, invalid header name or value.
    InvalidRequest(Cow<'static, str>),
    /// More redirects than allowed, or a redirect to somewhere not followable.
    Redirect(Cow<'static, str>),
    /// Pagination stopped on a bad `Link` header: a cycle, a link to another host, a
    /// malformed header, or more pages than allowed.
    Pagination(Cow<'static, str>),
    /// A successful response body was larger than allowed (`max_response_bytes`, or the
    /// cap of a download).
    TooLarge {
        /// The limit in bytes.
        limit: u64,
        /// The request whose response it was.
        request: Option<Box<RequestInfo>>,
    },
    /// Writing a download to the caller's writer failed.
    Write(std::io::Error),
}

impl Error {
    pub(crate) fn invalid(msg: impl Into<Cow<'static, str>>) -> Error {
        Error::InvalidRequest(msg.into())
    }

    /// The HTTP status, for [`Error::Api`].
    pub fn status(&self) -> Option<u16> {
        self.api().map(|e| e.status)
    }

    /// The details of an [`Error::Decode`].
    pub fn decode_error(&self) -> Option<&DecodeError> {
        match self {
            Error::Decode(e) => Some(e),
            _ => None,
        }
    }

    /// GitHub's error details, for [`Error::Api`].
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The request this error is about (method, path, attempts), when it came from sending.
    pub fn request(&self) -> Option<&RequestInfo> {
        match self {
            Error::Api(e) => e.request.as_ref(),
            Error::Transport(e) => Some(&e.request),
            Error::Timeout(e) => Some(&e.request),
            Error::TooLarge { request, .. } => request.as_deref(),
            _ => None,
        }
    }

    /// Whether this is a primary or secondary rate limit (a response, or a call refused
    /// because a known rate-limit reset is past its deadline).
    pub fn is_rate_limited(&self) -> bool {
        match self {
            Error::Timeout(t) => t.rate_limited,
            _ => self.api().is_some_and(ApiError::is_rate_limited),
        }
    }

    /// Rate-limit headers of the failed response, if any were sent.
    pub fn rate_limit(&self) -> Option<&RateLimit> {
        self.api().and_then(|e| e.rate_limit.as_ref())
    }

    /// How long GitHub asked to wait (`retry-after`, or until `x-ratelimit-reset`).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Timeout(t) if t.rate_limited => t.wait,
            _ => self.api().and_then(ApiError::wait_hint),
        }
    }

    /// Whether the call's deadline, an attempt's time limit or the idle read limit passed.
    pub fn is_timeout(&self) -> bool {
        match self {
            Error::Timeout(_) => true,
            Error::Transport(e) => e.source.is_timeout(),
            _ => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(e) => e.fmt(f),
            Error::Transport(e) => e.fmt(f),
            Error::Timeout(e) => e.fmt(f),
            Error::Decode(e) => e.fmt(f),
            Error::InvalidRequest(m) => write!(f, "invalid request: {m}"),
            Error::Redirect(m) => write!(f, "redirect error: {m}"),
            Error::Pagination(m) => write!(f, "pagination error: {m}"),
            Error::TooLarge { limit, request } => {
                f.write_str("response body larger than the limit of ")?;
                write!(f, "{limit} bytes")?;
                if let Some(r) = request {
                    write!(f, " for {r}")?;
                }
                Ok(())
            }
            Error::Write(e) => write!(f, "could not write the download: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => Some(&e.source),
            Error::Decode(e) => Some(&**e),
            Error::Write(e) => Some(e),
            _ => None,
        }
    }
}

/// A request that could not be sent or whose response could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub struct TransportError {
    /// The request.
    pub request: RequestInfo,
    /// reqwest's error, with the URL (and so any query values) removed.
    pub source: reqwest::Error,
}

impl TransportError {
    pub(crate) fn new(request: RequestInfo, source: reqwest::Error) -> TransportError {
        TransportError {
            request,
            source: source.without_url(),
        }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "transport error for {}: {}", self.request, self.source)?;
        let mut source = std::error::Error::source(&self.source);
        // A bounded chain: a hostile peer cannot make the message long.
        for _ in 0..8 {
            let Some(s) = source else { break };
            write!(f, ": {}", Bounded(&s.to_string(), 300))?;
            source = s.source();
        }
        Ok(())
    }
}

/// The call's deadline passed, a needed wait would pass it, or the server sent nothing for
/// longer than the idle read limit (`idle`).
///
/// ```no_run
/// # async fn run(request: github_rest_client::Request<'_>) {
/// use github_rest_client::Error;
///
/// match request.send().await {
///     Err(Error::Timeout(t)) if t.idle.is_some() => println!("the server stalled: {t}"),
///     Err(Error::Timeout(t)) => println!("out of time: {t}"),
///     other => println!("{other:?}"),
/// }
/// # }
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TimeoutError {
    /// The request.
    pub request: RequestInfo,
    /// What the call was doing or would have waited for (for a stall: "waiting for the
    /// response" or "reading the response body").
    pub reason: Cow<'static, str>,
    /// The wait that was refused, if the call gave up before waiting.
    pub wait: Option<Duration>,
    /// The wait was for a rate limit (its reset, or a secondary limit's pause).
    pub rate_limited: bool,
    /// `Some(limit)`: not the deadline but a silence: the server sent nothing for `limit`
    /// (`ClientBuilder::read_timeout`). A `POST`/`PATCH` is not sent again after one: it
    /// may have been processed.
    pub idle: Option<Duration>,
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(idle) = self.idle {
            return write!(
                f,
                "timeout for {}: no data for {} while {} (the idle read limit)",
                self.request,
                Secs(idle),
                Bounded(&self.reason, 300)
            );
        }
        write!(
            f,
            "timeout for {}: {}",
            self.request,
            Bounded(&self.reason, 300)
        )?;
        match self.wait {
            Some(w) => write!(
                f,
                "; waiting {} would pass the call's deadline of {}",
                Secs(w),
                Secs(self.request.deadline)
            ),
            None => write!(
                f,
                " (the call's deadline of {} passed)",
                Secs(self.request.deadline)
            ),
        }
    }
}

/// A non-success response, with GitHub's error body parsed when it is JSON.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status (4xx, 5xx).
    pub status: u16,
    /// `message` of the error body.
    pub message: Option<String>,
    /// `documentation_url` of the error body.
    pub documentation_url: Option<String>,
    /// `errors[]` of the error body (validation failures).
    pub errors: Vec<ErrorDetail>,
    /// The body as text, lossy and cut at [`ApiError::MAX_BODY`] bytes.
    pub body: String,
    /// `x-ratelimit-*` headers, when sent.
    pub rate_limit: Option<RateLimit>,
    /// `retry-after` (seconds or an HTTP date), when sent and readable.
    pub retry_after: Option<Duration>,
    /// `x-github-request-id`, for support requests.
    pub request_id: Option<String>,
    /// The response headers.
    pub headers: HeaderMap,
    /// The request that failed, when the error came from sending one.
    pub request: Option<RequestInfo>,
}

/// One entry of `errors[]` in GitHub's error body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorDetail {
    /// The kind of object (`Issue`, `Label`).
    pub resource: Option<String>,
    /// The field at fault.
    pub field: Option<String>,
    /// What is wrong (`missing`, `missing_field`, `invalid`, `already_exists`, `custom`).
    pub code: Option<String>,
    /// Text for a `custom` code.
    pub message: Option<String>,
}

/// Longest server text (message, body excerpt, each detail) shown in `Display`.
const SHOWN: usize = 200;
/// Most `errors[]` entries shown in `Display`.
const SHOWN_DETAILS: usize = 5;

impl ApiError {
    /// At most this many bytes of an error body are read.
    pub const MAX_BODY: usize = 64 * 1024;

    pub(crate) fn new(status: u16, headers: HeaderMap, body: &[u8]) -> ApiError {
        let body = &body[..body.len().min(Self::MAX_BODY)];
        let mut err = ApiError {
            status,
            message: None,
            documentation_url: None,
            errors: Vec::new(),
            body: String::from_utf8_lossy(body).into_owned(),
            rate_limit: RateLimit::from_headers(&headers),
            retry_after: retry_after(&headers),
            request_id: header_str(&headers, "x-github-request-id").map(str::to_owned),
            headers,
            request: None,
        };
        if let Ok(serde_json::Value::Object(mut obj)) = serde_json::from_slice(body) {
            err.message = take_string(obj.get_mut("message"));
            err.documentation_url = take_string(obj.get_mut("documentation_url"));
            if let Some(serde_json::Value::Array(items)) = obj.get_mut("errors") {
                err.errors = items.iter_mut().map(ErrorDetail::from_value).collect();
            }
        }
        err
    }

    /// 429, or 403 with an exhausted quota, a `retry-after`, or a rate-limit message.
    pub fn is_rate_limited(&self) -> bool {
        match self.status {
            429 => true,
            403 => {
                self.is_primary_exhausted()
                    || self.headers.contains_key("retry-after")
                    || self
                        .message
                        .as_deref()
                        .is_some_and(|m| m.to_ascii_lowercase().contains("rate limit"))
            }
            _ => false,
        }
    }

    pub(crate) fn is_primary_exhausted(&self) -> bool {
        self.rate_limit.as_ref().and_then(|r| r.remaining) == Some(0)
    }

    /// The wait GitHub asks for: `retry-after`, else the time until `x-ratelimit-reset`
    /// when the quota is exhausted.
    pub fn wait_hint(&self) -> Option<Duration> {
        if let Some(d) = self.retry_after {
            return Some(d);
        }
        if self.is_primary_exhausted() {
            return self.rate_limit.as_ref().and_then(RateLimit::until_reset);
        }
        None
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GitHub API error {}", self.status)?;
        if let Some(r) = &self.request {
            write!(f, " for {r}")?;
        }
        match &self.message {
            Some(m) => write!(f, ": {}", Bounded(m, SHOWN))?,
            None if !self.body.is_empty() => write!(f, ": {}", Bounded(&self.body, SHOWN))?,
            None => {}
        }
        for (i, e) in self.errors.iter().take(SHOWN_DETAILS).enumerate() {
            f.write_str(if i == 0 { " [" } else { "; " })?;
            let path = [&e.resource, &e.field].into_iter().flatten();
            let mut started = false;
            for (j, part) in path.enumerate() {
                write!(
                    f,
                    "{}{}",
                    if j > 0 { "." } else { "" },
                    Bounded(part, SHOWN)
                )?;
                started = true;
            }
            for part in [&e.code, &e.message].into_iter().flatten() {
                write!(
                    f,
                    "{}{}",
                    if started { " " } else { "" },
                    Bounded(part, SHOWN)
                )?;
                started = true;
            }
        }
        if self.errors.len() > SHOWN_DETAILS {
            write!(f, "; {} more", self.errors.len() - SHOWN_DETAILS)?;
        }
        if !self.errors.is_empty() {
            f.write_str("]")?;
        }
        if self.is_rate_limited() {
            f.write_str(" (rate limited")?;
            if let Some(d) = self.wait_hint() {
                write!(f, "; retry after {}s", d.as_secs())?;
            }
            f.write_str(")")?;
        }
        if let Some(u) = &self.documentation_url {
            write!(f, " <{}>", Bounded(u, SHOWN))?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

impl ErrorDetail {
    fn from_value(v: &mut serde_json::Value) -> ErrorDetail {
        match v {
            serde_json::Value::String(s) => ErrorDetail {
                message: Some(std::mem::take(s)),
                ..ErrorDetail::default()
            },
            serde_json::Value::Object(o) => ErrorDetail {
                resource: take_string(o.get_mut("resource")),
                field: take_string(o.get_mut("field")),
                code: take_string(o.get_mut("code")),
                message: take_string(o.get_mut("message")),
            },
            _ => ErrorDetail::default(),
        }
    }
}

/// The `x-ratelimit-*` headers of a response; each field is `None` when absent or invalid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimit {
    /// Requests allowed per window (`x-ratelimit-limit`).
    pub limit: Option<u64>,
    /// Requests left in this window (`x-ratelimit-remaining`).
    pub remaining: Option<u64>,
    /// Requests used in this window (`x-ratelimit-used`).
    pub used: Option<u64>,
    /// Unix time (seconds) at which the quota resets.
    pub reset: Option<u64>,
    /// The quota counted against (`core`, `search`, `graphql`, ...).
    pub resource: Option<String>,
}

impl RateLimit {
    /// `None` when the response carries no `x-ratelimit-*` header at all.
    pub fn from_headers(headers: &HeaderMap) -> Option<RateLimit> {
        let r = RateLimit {
            limit: header_u64(headers, "x-ratelimit-limit"),
            remaining: header_u64(headers, "x-ratelimit-remaining"),
            used: header_u64(headers, "x-ratelimit-used"),
            reset: header_u64(headers, "x-ratelimit-reset"),
            resource: header_str(headers, "x-ratelimit-resource").map(str::to_owned),
        };
        (r != RateLimit::default()).then_some(r)
    }

    /// Time left until `reset`, zero when it has passed.
    pub fn until_reset(&self) -> Option<Duration> {
        let reset = self.reset?;
        Some(Duration::from_secs(reset.saturating_sub(unix_now())))
    }
}

pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `retry-after` as delay-seconds or an HTTP date (a date in the past is no wait).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = header_str(headers, "retry-after")?;
    if let Ok(secs) = v.parse() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(v).ok()?;
    Some(
        at.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

pub(crate) fn header_str<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name)?.to_str().ok().map(str::trim)
}

pub(crate) fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    header_str(headers, name)?.parse().ok()
}

fn take_string(v: Option<&mut serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(std::mem::take(s)),
        _ => None,
    }
}
