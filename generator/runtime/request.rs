//! `Request`: what generated builders produce; headers, media type, body, then `send()`.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use bytes::Bytes;

use super::client::Client;
use super::error::Result;
use super::layers;
use super::timer::Deadline;
use super::method::Method;
use super::prepared::{Base, Body, Prepared};
use super::response::Response;
use super::body::Download;
use super::types::MediaType;

/// The future returned by every generated `send()`: one boxed type, not one per method.
pub type ResponseFuture<'c> = Pin<Box<dyn Future<Output = Result<Response>> + Send + 'c>>;

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
    /// An object without fields.
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
    /// What the transport sends.
    pub(crate) prepared: Prepared,
    pub(crate) timeout: Option<Duration>,
    /// Pagination and download limits of this request (boxed: rarely set, and every call's
    /// future holds the request).
    pub(crate) limits: Option<Box<Limits>>,
}

/// Limits a request may set instead of the client's.
#[derive(Debug, Clone, Default)]
pub(crate) struct Limits {
    pub(crate) max_pages: Option<usize>,
    pub(crate) max_download_bytes: Option<u64>,
}

impl<'c> Request<'c> {
    /// A request to `path` (already encoded, starting with `/`) on the API host.
    pub fn new(client: &'c Client, method: Method, path: String) -> Self {
        Request {
            client,
            prepared: Prepared::new(method, Base::Api, path),
            timeout: None,
            limits: None,
        }
    }

    /// A request to `route` (`/repos/{owner}/{repo}`) on the API host, its placeholders
    /// filled with `values` in order, each encoded so that no value can change the route.
    /// The route is kept as the request's [`route_template`](Request::route_template).
    /// Generated builders call it as `RequestExt::at`.
    pub(crate) fn at_route(
        client: &'c Client,
        method: Method,
        route: &'static str,
        values: &[super::encode::PathValue<'_>],
    ) -> Self {
        let mut r = Request::new(client, method, super::encode::fill(route, values));
        r.prepared.route = Some(route);
        r
    }

    /// A request to an absolute URL (e.g. [`Page::next`](super::Page::next)); credentials
    /// are sent only if it is on the API or uploads host.
    pub fn from_url(client: &'c Client, method: Method, url: String) -> Self {
        let mut r = Request::new(client, method, url);
        r.prepared.base = Base::Absolute;
        r
    }

    /// Send to the uploads host instead of the API host (`{origin}` routes).
    pub fn uploads(mut self) -> Self {
        self.prepared.base = Base::Uploads;
        self
    }

    /// Send to this absolute base URL (e.g. the origin of a release's `upload_url`);
    /// overrides [`Request::uploads`]. Credentials are sent to it.
    pub fn origin(mut self, origin: String) -> Self {
        self.prepared.base = Base::Origin(origin);
        self
    }

    /// Add a query parameter.
    pub fn query(mut self, name: &'static str, value: String) -> Self {
        self.prepared.query.push((name, value));
        self
    }

    /// Set a JSON body (sent compact with `Content-Type: application/json; charset=utf-8`).
    /// Generated builders call it as `RequestExt::json`.
    pub(crate) fn json_object(mut self, mut body: JsonObject) -> Self {
        self.prepared.body = match body.error.take() {
            Some(e) => Body::Invalid(e),
            None => Body::Json(Bytes::from(body.into_bytes())),
        };
        self
    }

    /// Set any serialisable value (an array, a string, a whole struct) as the JSON body.
    pub fn json_value<T: serde::Serialize + ?Sized>(mut self, body: &T) -> Self {
        self.prepared.body = match serde_json::to_vec(body) {
            Ok(bytes) => Body::Json(Bytes::from(bytes)),
            Err(e) => Body::Invalid(format!("body: {e}")),
        };
        self
    }

    /// Set a raw body (uploads, raw markdown); set its `Content-Type` with [`Request::header`].
    pub fn raw(mut self, bytes: Vec<u8>) -> Self {
        self.prepared.body = Body::Raw(Bytes::from(bytes));
        self
    }

    /// Add a request header; it replaces a default of the same name (`Accept`,
    /// `Authorization`, `User-Agent`, ...).
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.prepared.headers.push((name.into(), value.into()));
        self
    }

    /// Override the `Accept` header for this request.
    pub fn accept(mut self, accept: impl Into<String>) -> Self {
        self.prepared.accept = Some(accept.into());
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
        self.prepared.route = Some(template);
        self
    }

    /// Mark the request as one that triggers notifications (generated code does this for
    /// endpoints documented so): a [`Throttle`](super::Throttle) spaces such calls.
    pub fn triggers_notifications(mut self) -> Self {
        self.prepared.notifies = true;
        self
    }

    /// Whether a `POST`/`PATCH` answered 5xx or cut off after sending may be sent again
    /// (overrides the client's [`retry_non_idempotent`](super::ClientBuilder::retry_non_idempotent)).
    /// Only when the request is safe to repeat (it creates nothing twice).
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.prepared.retry_non_idempotent = Some(allow);
        self
    }

    /// Most pages [`paginate`](Request::paginate) and [`pages`](Request::pages) fetch
    /// before failing with [`Error::Pagination`](super::Error::Pagination) (overrides the
    /// client's [`max_pages`](super::ClientBuilder::max_pages)).
    pub fn max_pages(mut self, n: usize) -> Self {
        self.limits.get_or_insert_with(Box::default).max_pages = Some(n);
        self
    }

    /// Largest body [`download_to`](Request::download_to) writes (default: no limit; the
    /// call's deadline still applies, so raise [`timeout`](Request::timeout) for big files).
    pub fn max_download_bytes(mut self, limit: u64) -> Self {
        self.limits.get_or_insert_with(Box::default).max_download_bytes = Some(limit);
        self
    }

    /// The route template, if set.
    pub fn route_template(&self) -> Option<&'static str> {
        self.prepared.route
    }

    /// The HTTP method.
    pub fn method(&self) -> Method {
        self.prepared.method
    }

    /// The path as given (or the absolute URL of a pagination link).
    pub fn path(&self) -> &str {
        &self.prepared.path
    }

    /// Send the request.
    pub fn send(self) -> ResponseFuture<'c> {
        Box::pin(self.execute())
    }

    /// The body of every `send()`: the call's deadline, then the layers of the client.
    ///
    /// An `async` block, not an `async fn`: an `async fn` moves its arguments into locals, so
    /// the request would be held (and copied) twice; the block borrows the one it captured.
    #[allow(clippy::manual_async_fn)] // on purpose: see above
    fn execute(self) -> impl Future<Output = Result<Response>> + Send + 'c {
        async move {
            let req = &self;
            let layers = &req.client.inner.layers;
            let installation = req.client.acts_as();
            layers::execute(layers, installation, &req.prepared, req.deadline()).await
        }
    }

    /// Send the request and stream a successful body into `writer` instead of memory
    /// (archives, release assets, logs). Retries and redirects happen before the first
    /// byte is written; a body cut off midway is an error, not retried.
    pub async fn download_to<W>(self, writer: &mut W) -> Result<Download>
    where
        W: tokio::io::AsyncWrite + Unpin + Send,
    {
        let deadline = self.deadline();
        let cap = self.limits.as_ref().and_then(|l| l.max_download_bytes);
        let installation = self.client.acts_as();
        layers::download(&self.client.inner.layers, installation, &self.prepared, deadline, writer, cap).await
    }

    /// The deadline of a call of this request starting now.
    pub(crate) fn deadline(&self) -> Deadline {
        let transport = &self.client.inner.layers.transport;
        Deadline::new(self.timeout.unwrap_or(transport.timeout))
    }

    /// A copy of this request aimed at an absolute URL (a `Link` target), without query.
    pub(crate) fn to_url(&self, url: String) -> Request<'c> {
        Request {
            client: self.client,
            prepared: self.prepared.to_url(url),
            timeout: self.timeout,
            limits: self.limits.clone(),
        }
    }
}

impl fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.prepared;
        let headers: Vec<(&str, &str)> = p
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
            .field("method", &p.method)
            .field("base", &p.base)
            .field("path", &p.path)
            .field("route", &p.route)
            .field("query", &p.query)
            .field("headers", &headers)
            .field("accept", &p.accept)
            .finish_non_exhaustive()
    }
}
