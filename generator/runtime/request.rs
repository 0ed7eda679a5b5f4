//! `Request`: what generated builders produce; headers, media type, body, then `send()`.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;

use super::client::Client;
use super::error::Result;
use super::response::Response;
use super::send::Download;
use super::types::MediaType;

/// The future returned by every generated `send()`: one boxed type, not one per method.
pub type ResponseFuture<'c> = Pin<Box<dyn Future<Output = Result<Response>> + Send + 'c>>;

/// HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// reqwest's method (a `'static`: a call keeps a reference, not a copy).
    pub(crate) fn to_reqwest(self) -> &'static reqwest::Method {
        static METHODS: [reqwest::Method; 5] = [
            reqwest::Method::GET,
            reqwest::Method::POST,
            reqwest::Method::PUT,
            reqwest::Method::PATCH,
            reqwest::Method::DELETE,
        ];
        &METHODS[match self {
            Method::Get => 0,
            Method::Post => 1,
            Method::Put => 2,
            Method::Patch => 3,
            Method::Delete => 4,
        }]
    }
}

/// A compact JSON object written field by field, in insertion order.
#[derive(Debug, Clone)]
pub struct JsonObject {
    buf: Vec<u8>,
    /// Why a field did not serialise; `send()` then fails instead of sending other JSON.
    error: Option<String>,
}

impl Default for JsonObject {
    fn default() -> Self {
        JsonObject::new()
    }
}

impl JsonObject {
    pub fn new() -> Self {
        let mut buf = Vec::with_capacity(64);
        buf.push(b'{');
        JsonObject { buf, error: None }
    }

    /// Add a field.
    pub fn field<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        let start = self.buf.len();
        if start > 1 {
            self.buf.push(b',');
        }
        let written = serde_json::to_writer(&mut self.buf, name).and_then(|()| {
            self.buf.push(b':');
            serde_json::to_writer(&mut self.buf, value)
        });
        if let Err(e) = written {
            self.buf.truncate(start);
            self.error
                .get_or_insert_with(|| format!("body field `{name}`: {e}"));
        }
    }

    /// Add every field of a value that serialises as a JSON object: the chosen alternative
    /// of a body whose alternatives are groups of its own fields.
    pub fn merge<T: serde::Serialize + ?Sized>(&mut self, value: &T) {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::Object(fields)) => {
                for (name, value) in &fields {
                    self.field(name, value);
                }
            }
            Ok(_) => {
                self.error
                    .get_or_insert_with(|| "body alternative is not a JSON object".to_owned());
            }
            Err(e) => {
                self.error
                    .get_or_insert_with(|| format!("body alternative: {e}"));
            }
        }
    }

    /// Add a field only when it is set.
    pub fn opt<T: serde::Serialize>(&mut self, name: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.field(name, v);
        }
    }

    /// No field was added (not even one that failed to serialise). Generated methods whose
    /// body fields are all optional send no body at all in that case, as Octokit does
    /// (a bodyless `PUT`/`PATCH` then goes out with `Content-Length: 0`).
    pub fn is_empty(&self) -> bool {
        self.buf.len() == 1 && self.error.is_none()
    }

    /// The finished object as bytes.
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.buf.push(b'}');
        self.buf
    }
}

/// Where the path of a request is resolved.
#[derive(Debug, Clone)]
pub(crate) enum Base {
    Api,
    Uploads,
    /// An absolute base URL given with [`Request::origin`].
    Origin(String),
    /// `path` is already an absolute URL (a pagination link).
    Absolute,
}

#[derive(Debug, Clone)]
pub(crate) enum Body {
    None,
    Json(Bytes),
    Raw(Bytes),
    /// A JSON body that failed to serialise: `send()` reports it.
    Invalid(String),
}

/// A request about to be sent; built by the endpoint methods (`.build()`), adjustable before
/// `send()`, `page()`, `pages()` or `paginate()`.
///
/// ```no_run
/// use std::time::Duration;
/// use github_rest_client::runtime::Method;
/// use github_rest_client::{Client, MediaType, Request};
///
/// # async fn run(client: Client) -> github_rest_client::Result<()> {
/// let diff = Request::new(&client, Method::Get, "/repos/octocat/hello-world/commits/main".into())
///     .media_type(MediaType::Diff)
///     .header("x-trace", "docs-example")
///     .timeout(Duration::from_secs(10))
///     .send()
///     .await?
///     .text();
/// println!("{diff}");
/// # Ok(())
/// # }
/// ```
#[must_use = "a request does nothing until sent"]
#[derive(Clone)]
pub struct Request<'c> {
    pub(crate) client: &'c Client,
    pub(crate) method: Method,
    pub(crate) base: Base,
    pub(crate) path: String,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Body,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) accept: Option<String>,
    pub(crate) timeout: Option<Duration>,
    /// The route template (`/repos/{owner}/{repo}`), for traces, hooks and errors.
    pub(crate) route: Option<&'static str>,
    /// The endpoint triggers notifications: the throttle spaces such calls.
    pub(crate) notifies: bool,
    pub(crate) retry_non_idempotent: Option<bool>,
    pub(crate) max_pages: Option<usize>,
    pub(crate) max_download_bytes: Option<u64>,
}

impl<'c> Request<'c> {
    /// A request to `path` (already encoded, starting with `/`) on the API host.
    pub fn new(client: &'c Client, method: Method, path: String) -> Self {
        Request {
            client,
            method,
            base: Base::Api,
            path,
            query: Vec::new(),
            body: Body::None,
            headers: Vec::new(),
            accept: None,
            timeout: None,
            route: None,
            notifies: false,
            retry_non_idempotent: None,
            max_pages: None,
            max_download_bytes: None,
        }
    }

    /// A request to `route` (`/repos/{owner}/{repo}`) on the API host, its placeholders
    /// filled with `values` in order, each encoded so that no value can change the route.
    /// The route is kept as the request's [`route_template`](Request::route_template).
    pub fn at(
        client: &'c Client,
        method: Method,
        route: &'static str,
        values: &[super::encode::PathValue<'_>],
    ) -> Self {
        let mut r = Request::new(client, method, super::encode::fill(route, values));
        r.route = Some(route);
        r
    }

    /// A request to an absolute URL (e.g. [`Page::next`](super::Page::next)); credentials
    /// are sent only if it is on the API or uploads host.
    pub fn from_url(client: &'c Client, method: Method, url: String) -> Self {
        let mut r = Request::new(client, method, url);
        r.base = Base::Absolute;
        r
    }

    /// Send to the uploads host instead of the API host (`{origin}` routes).
    pub fn uploads(mut self) -> Self {
        self.base = Base::Uploads;
        self
    }

    /// Send to this absolute base URL (e.g. the origin of a release's `upload_url`);
    /// overrides [`Request::uploads`]. Credentials are sent to it.
    pub fn origin(mut self, origin: String) -> Self {
        self.base = Base::Origin(origin);
        self
    }

    /// Add a query parameter.
    pub fn query(mut self, name: &'static str, value: String) -> Self {
        self.query.push((name, value));
        self
    }

    /// Set a JSON body (sent compact with `Content-Type: application/json; charset=utf-8`).
    pub fn json(mut self, mut body: JsonObject) -> Self {
        self.body = match body.error.take() {
            Some(e) => Body::Invalid(e),
            None => Body::Json(Bytes::from(body.into_bytes())),
        };
        self
    }

    /// Set any serialisable value (an array, a string, a whole struct) as the JSON body.
    pub fn json_value<T: serde::Serialize + ?Sized>(mut self, body: &T) -> Self {
        self.body = match serde_json::to_vec(body) {
            Ok(bytes) => Body::Json(Bytes::from(bytes)),
            Err(e) => Body::Invalid(format!("body: {e}")),
        };
        self
    }

    /// Set a raw body (uploads, raw markdown); set its `Content-Type` with [`Request::header`].
    pub fn raw(mut self, bytes: Vec<u8>) -> Self {
        self.body = Body::Raw(Bytes::from(bytes));
        self
    }

    /// Add a request header; it replaces a default of the same name (`Accept`,
    /// `Authorization`, `User-Agent`, ...).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Override the `Accept` header for this request.
    pub fn accept(mut self, accept: impl Into<String>) -> Self {
        self.accept = Some(accept.into());
        self
    }

    /// Ask for a GitHub media type (raw, html, diff, patch, ...).
    pub fn media_type(self, media_type: MediaType) -> Self {
        self.accept(media_type.as_str())
    }

    /// Time limit for the whole call: every attempt, retry wait, redirect and throttle
    /// wait, and reading the body (overrides the client's [`timeout`](super::ClientBuilder::timeout)).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The route template of the endpoint (`/repos/{owner}/{repo}`); generated methods set
    /// it. Shown in traces, hooks and errors instead of the concrete path.
    pub fn route(mut self, template: &'static str) -> Self {
        self.route = Some(template);
        self
    }

    /// Mark the request as one that triggers notifications (generated code does this for
    /// endpoints documented so): a [`Throttle`](super::Throttle) spaces such calls.
    pub fn triggers_notifications(mut self) -> Self {
        self.notifies = true;
        self
    }

    /// Whether a `POST`/`PATCH` answered 5xx or cut off after sending may be sent again
    /// (overrides the client's [`retry_non_idempotent`](super::ClientBuilder::retry_non_idempotent)).
    /// Only when the request is safe to repeat (it creates nothing twice).
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.retry_non_idempotent = Some(allow);
        self
    }

    /// Most pages [`paginate`](Request::paginate) and [`pages`](Request::pages) fetch
    /// before failing with [`Error::Pagination`](super::Error::Pagination) (overrides the
    /// client's [`max_pages`](super::ClientBuilder::max_pages)).
    pub fn max_pages(mut self, n: usize) -> Self {
        self.max_pages = Some(n);
        self
    }

    /// Largest body [`download_to`](Request::download_to) writes (default: no limit; the
    /// call's deadline still applies, so raise [`timeout`](Request::timeout) for big files).
    pub fn max_download_bytes(mut self, limit: u64) -> Self {
        self.max_download_bytes = Some(limit);
        self
    }

    /// The route template, if set.
    pub fn route_template(&self) -> Option<&'static str> {
        self.route
    }

    pub fn method(&self) -> Method {
        self.method
    }

    /// The path as given (or the absolute URL of a pagination link).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Send the request.
    pub fn send(self) -> ResponseFuture<'c> {
        Box::pin(super::layers::execute(self))
    }

    /// Send the request and stream a successful body into `writer` instead of memory
    /// (archives, release assets, logs). Retries and redirects happen before the first
    /// byte is written; a body cut off midway is an error, not retried.
    pub async fn download_to<W>(self, writer: &mut W) -> Result<Download>
    where
        W: tokio::io::AsyncWrite + Unpin + Send,
    {
        let cap = self.max_download_bytes;
        super::layers::download(self, writer, cap).await
    }

    /// A copy of this request aimed at an absolute URL (a `Link` target), without query.
    pub(crate) fn to_url(&self, url: String) -> Request<'c> {
        Request {
            client: self.client,
            method: self.method,
            base: Base::Absolute,
            path: url,
            query: Vec::new(),
            body: self.body.clone(),
            headers: self.headers.clone(),
            accept: self.accept.clone(),
            timeout: self.timeout,
            route: self.route,
            notifies: self.notifies,
            retry_non_idempotent: self.retry_non_idempotent,
            max_pages: self.max_pages,
            max_download_bytes: self.max_download_bytes,
        }
    }
}

impl fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                let secret = ["authorization", "proxy-authorization", "cookie"]
                    .iter()
                    .any(|s| k.eq_ignore_ascii_case(s));
                (k.as_str(), if secret { "<redacted>" } else { v.as_str() })
            })
            .collect();
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("base", &self.base)
            .field("path", &self.path)
            .field("route", &self.route)
            .field("query", &self.query)
            .field("headers", &headers)
            .field("accept", &self.accept)
            .finish_non_exhaustive()
    }
}
