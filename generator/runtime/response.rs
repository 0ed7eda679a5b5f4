//! `Response`: status, headers and body, decoded on demand as JSON (naming the JSON path
//! where decoding failed), text or bytes.

use bytes::Bytes;
use reqwest::header::HeaderMap;
use reqwest::Url;

use super::decode_error::DecodeError;
use super::error::{header_str, Error, RateLimit, Result};

/// A successful (2xx or 304) response.
#[derive(Debug, Clone)]
pub struct Response {
    status: u16,
    headers: HeaderMap,
    body: Bytes,
    url: Url,
    from_cache: bool,
}

impl Response {
    pub(crate) fn new(status: u16, headers: HeaderMap, body: Bytes, url: Url) -> Self {
        Response {
            status,
            headers,
            body,
            url,
            from_cache: false,
        }
    }

    /// Mark a response answered from the conditional-request cache (`cache.rs`).
    #[cfg(feature = "http-cache")]
    pub(crate) fn cached(mut self) -> Self {
        self.from_cache = true;
        self
    }

    /// Whether the body came from the client's cache after a `304 Not Modified` (the
    /// status is then the cached `200`). Always `false` without a cache.
    pub fn from_cache(&self) -> bool {
        self.from_cache
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// A header as text (`None` if absent or not visible ASCII).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_str(&self.headers, name)
    }

    /// The final URL, after redirects.
    pub fn url(&self) -> &str {
        self.url.as_str()
    }

    /// `x-ratelimit-*` headers, when sent.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.headers)
    }

    /// Decode the body as JSON into `T` (use `serde_json::Value` for untyped access). An
    /// empty body (204, 205) decodes as `null`: fine for `()`, `Option<_>` and `Value`.
    /// A decode error names the JSON path ([`Error::decode_error`](super::Error::decode_error)).
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T> {
        from_json(self.json_input(), None, self.status, &self.body)
    }

    pub(crate) fn json_input(&self) -> &[u8] {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            b"null"
        } else {
            &self.body
        }
    }

    /// The body as text (lossy for invalid UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as text, or `None` if it is not valid UTF-8.
    pub fn text_utf8(&self) -> Option<&str> {
        std::str::from_utf8(&self.body).ok()
    }

    /// The raw body bytes (binary downloads: archives, release assets).
    pub fn bytes(&self) -> &[u8] {
        &self.body
    }

    /// The body, without copying.
    pub fn into_bytes(self) -> Bytes {
        self.body
    }

    pub(crate) fn body_bytes(&self) -> &Bytes {
        &self.body
    }

    pub(crate) fn into_parts(self) -> (u16, HeaderMap, Bytes) {
        (self.status, self.headers, self.body)
    }
}

/// Decode `input` (a JSON document, or part of `body`) as `T`, tracking the path.
pub(crate) fn from_json<'a, T: serde::Deserialize<'a>>(
    input: &'a [u8],
    endpoint: Option<&'static str>,
    status: u16,
    body: &Bytes,
) -> Result<T> {
    // Path tracking costs about as much as the decode itself, and decoding is deterministic:
    // decode plainly, and only on failure decode again to learn where it failed.
    match serde_json::from_slice(input) {
        Ok(value) => Ok(value),
        Err(plain) => {
            let mut de = serde_json::Deserializer::from_slice(input);
            let (path, source) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(e) => (e.path().to_string(), e.into_inner()),
                // Only trailing characters can fail the plain decode but not this one.
                Ok(_) => (".".to_owned(), plain),
            };
            Err(decode_error(endpoint, status, path, source, body))
        }
    }
}

/// Not generic, so each decoded type adds no error-building code.
pub(crate) fn decode_error(
    endpoint: Option<&'static str>,
    status: u16,
    path: String,
    source: serde_json::Error,
    body: &Bytes,
) -> Error {
    Error::Decode(Box::new(DecodeError::new(
        endpoint,
        status,
        path,
        source,
        body.clone(),
    )))
}
