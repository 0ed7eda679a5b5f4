//! The one error type of the client, GitHub's error body and rate-limit information.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use reqwest::header::HeaderMap;

/// Result of a request.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong making a request.
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
    /// The request could not be sent or the response not read (connection, TLS, timeout,
    /// truncated body).
    Transport(reqwest::Error),
    /// The response body did not decode into the requested type (names the endpoint,
    /// status and JSON path, and keeps the body).
    Decode(Box<super::decode::DecodeError>),
    /// The request could not be built: bad base URL or origin, invalid header name or value.
    InvalidRequest(Cow<'static, str>),
    /// More redirects than allowed, or a redirect to somewhere not followable.
    Redirect(Cow<'static, str>),
    /// A successful response body was larger than the client's `max_response_bytes`.
    TooLarge { limit: usize },
}

impl Error {
    pub(crate) fn invalid(msg: impl Into<Cow<'static, str>>) -> Error {
        Error::InvalidRequest(msg.into())
    }

    /// The HTTP status, for [`Error::Api`].
    pub fn status(&self) -> Option<u16> {
        self.api().map(|e| e.status)
    }

    /// GitHub's error details, for [`Error::Api`].
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// Whether this is a primary or secondary rate limit.
    pub fn is_rate_limited(&self) -> bool {
        self.api().is_some_and(ApiError::is_rate_limited)
    }

    /// Rate-limit headers of the failed response, if any were sent.
    pub fn rate_limit(&self) -> Option<&RateLimit> {
        self.api().and_then(|e| e.rate_limit.as_ref())
    }

    /// How long GitHub asked to wait (`retry-after`, or until `x-ratelimit-reset`).
    pub fn retry_after(&self) -> Option<Duration> {
        self.api().and_then(ApiError::wait_hint)
    }

    /// Whether the request or reading the response timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Transport(e) if e.is_timeout())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(e) => e.fmt(f),
            Error::Transport(e) => {
                write!(f, "transport error: {e}")?;
                let mut source = std::error::Error::source(e);
                while let Some(s) = source {
                    write!(f, ": {s}")?;
                    source = s.source();
                }
                Ok(())
            }
            Error::Decode(e) => e.fmt(f),
            Error::InvalidRequest(m) => write!(f, "invalid request: {m}"),
            Error::Redirect(m) => write!(f, "redirect error: {m}"),
            Error::TooLarge { limit } => {
                write!(f, "response body larger than the limit of {limit} bytes")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => Some(e),
            Error::Decode(e) => Some(&**e),
            _ => None,
        }
    }
}

/// A non-success response, with GitHub's error body parsed when it is JSON.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
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
    /// `retry-after`, when sent and valid.
    pub retry_after: Option<Duration>,
    /// `x-github-request-id`, for support requests.
    pub request_id: Option<String>,
    pub headers: HeaderMap,
}

/// One entry of `errors[]` in GitHub's error body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ErrorDetail {
    pub resource: Option<String>,
    pub field: Option<String>,
    pub code: Option<String>,
    pub message: Option<String>,
}

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
            retry_after: header_u64(&headers, "retry-after").map(Duration::from_secs),
            request_id: header_str(&headers, "x-github-request-id").map(str::to_owned),
            headers,
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
                    || self.retry_after.is_some()
                    || self
                        .message
                        .as_deref()
                        .is_some_and(|m| m.to_ascii_lowercase().contains("rate limit"))
            }
            _ => false,
        }
    }

    fn is_primary_exhausted(&self) -> bool {
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
        match &self.message {
            Some(m) => write!(f, ": {}", Printable(m))?,
            None if !self.body.is_empty() => {
                let end = floor_char_boundary(&self.body, 200);
                write!(f, ": {}", Printable(&self.body[..end]))?;
                if end < self.body.len() {
                    f.write_str("…")?;
                }
            }
            None => {}
        }
        for (i, e) in self.errors.iter().enumerate() {
            f.write_str(if i == 0 { " [" } else { "; " })?;
            let path = [&e.resource, &e.field].into_iter().flatten();
            let mut started = false;
            for (j, part) in path.enumerate() {
                write!(f, "{}{}", if j > 0 { "." } else { "" }, Printable(part))?;
                started = true;
            }
            for part in [&e.code, &e.message].into_iter().flatten() {
                write!(f, "{}{}", if started { " " } else { "" }, Printable(part))?;
                started = true;
            }
            if i + 1 == self.errors.len() {
                f.write_str("]")?;
            }
        }
        if self.is_rate_limited() {
            f.write_str(" (rate limited")?;
            if let Some(d) = self.wait_hint() {
                write!(f, "; retry after {}s", d.as_secs())?;
            }
            f.write_str(")")?;
        }
        if let Some(u) = &self.documentation_url {
            write!(f, " <{}>", Printable(u))?;
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
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    pub used: Option<u64>,
    /// Unix time (seconds) at which the quota resets.
    pub reset: Option<u64>,
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
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_secs();
        Some(Duration::from_secs(reset.saturating_sub(now)))
    }
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

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Writes server-sent text with control characters escaped (no terminal injection).
struct Printable<'a>(&'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}
