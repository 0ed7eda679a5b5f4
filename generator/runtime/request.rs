use std::future::Future;
use std::pin::Pin;

use super::client::Client;
use super::error::{Error, Result};
use super::response::Response;

/// The future returned by every generated `send()`: one boxed type, not one per method.
pub type ResponseFuture<'c> = Pin<Box<dyn Future<Output = Result<Response>> + Send + 'c>>;

/// HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// A compact JSON object written field by field, in insertion order.
#[derive(Debug, Default, Clone)]
pub struct JsonObject {
    buf: Vec<u8>,
}

impl JsonObject {
    pub fn new() -> Self {
        JsonObject { buf: vec![b'{'] }
    }

    /// Add a field.
    pub fn field<T: serde::Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if self.buf.len() > 1 {
            self.buf.push(b',');
        }
        // Serialising a &str key and a Serialize value into a Vec cannot fail except for
        // maps with non-string keys, which generated types never contain.
        let _ = serde_json::to_writer(&mut self.buf, name);
        self.buf.push(b':');
        let _ = serde_json::to_writer(&mut self.buf, value);
    }

    /// Add a field only when it is set.
    pub fn opt<T: serde::Serialize>(&mut self, name: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.field(name, v);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.buf.push(b'}');
        self.buf
    }
}

enum Body {
    None,
    Json(Vec<u8>),
    Raw(Vec<u8>),
}

/// A request about to be sent; built by generated methods, adjustable before `send()`.
#[must_use = "a request does nothing until sent"]
pub struct Request<'c> {
    client: &'c Client,
    method: Method,
    uploads: bool,
    /// Absolute base URL overriding the host (`{origin}` routes); see [`Request::origin`].
    origin: Option<String>,
    path: String,
    query: Vec<(&'static str, String)>,
    body: Body,
    headers: Vec<(String, String)>,
    accept: Option<String>,
}

impl<'c> Request<'c> {
    /// A request to `path` (already encoded, starting with `/`) on the API host.
    pub fn new(client: &'c Client, method: Method, path: String) -> Self {
        Request {
            client,
            method,
            uploads: false,
            origin: None,
            path,
            query: Vec::new(),
            body: Body::None,
            headers: Vec::new(),
            accept: None,
        }
    }

    /// Send to the uploads host instead of the API host (`{origin}` routes).
    pub fn uploads(mut self) -> Self {
        self.uploads = true;
        self
    }

    /// Send to this absolute base URL (scheme, host, optional port and path prefix) instead,
    /// e.g. the origin of a release's `upload_url`. Takes precedence over [`Request::uploads`].
    pub fn origin(mut self, base: String) -> Self {
        self.origin = Some(base.trim_end_matches('/').to_owned());
        self
    }

    /// Add a query parameter.
    pub fn query(mut self, name: &'static str, value: String) -> Self {
        self.query.push((name, value));
        self
    }

    /// Set a JSON body.
    pub fn json(mut self, body: JsonObject) -> Self {
        self.body = Body::Json(body.finish());
        self
    }

    /// Set a raw body (uploads, raw markdown); set its `Content-Type` with [`Request::header`].
    pub fn raw(mut self, bytes: Vec<u8>) -> Self {
        self.body = Body::Raw(bytes);
        self
    }

    /// Add a request header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Override the `Accept` header for this request.
    pub fn accept(mut self, accept: impl Into<String>) -> Self {
        self.accept = Some(accept.into());
        self
    }

    /// Send the request.
    pub fn send(self) -> ResponseFuture<'c> {
        Box::pin(self.execute())
    }

    async fn execute(self) -> Result<Response> {
        let inner = &self.client.inner;
        let base = match &self.origin {
            Some(origin) => origin,
            None if self.uploads => &inner.uploads_url,
            None => &inner.base_url,
        };
        let url = format!("{base}{}", self.path);
        let method = match self.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut rb = inner.http.request(method, url);
        if !self.query.is_empty() {
            rb = rb.query(&self.query);
        }
        rb = rb.header("Accept", self.accept.as_deref().unwrap_or(&inner.accept));
        if let Some(token) = &inner.token {
            rb = rb.header("Authorization", format!("token {token}"));
        }
        for (k, v) in &self.headers {
            rb = rb.header(k.as_str(), v.as_str());
        }
        rb = match self.body {
            Body::None => rb,
            Body::Json(bytes) => rb
                .header("Content-Type", "application/json; charset=utf-8")
                .body(bytes),
            Body::Raw(bytes) => rb.body(bytes),
        };
        let resp = rb.send().await.map_err(Error::Transport)?;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = resp.bytes().await.map_err(Error::Transport)?.to_vec();
        if status >= 400 {
            return Err(Error::Api {
                status,
                body: String::from_utf8_lossy(&body).into_owned(),
            });
        }
        Ok(Response::new(status, headers, body))
    }
}
