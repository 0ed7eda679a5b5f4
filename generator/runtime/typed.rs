//! `ResponseValue<T>`: a decoded body with the response's status, headers and bytes, and
//! `ValueFuture`, the one boxed future type of every typed `send()`.

use std::future::Future;
use std::ops::{Deref, DerefMut};
use std::pin::Pin;

use bytes::Bytes;
use reqwest::header::HeaderMap;

use super::error::{header_str, RateLimit, Result};
use super::response::Response;

/// The future of every typed generated `send()` / `send_with_response()`.
pub type ValueFuture<'c, T> = Pin<Box<dyn Future<Output = Result<T>> + Send + 'c>>;

/// A decoded response body together with the response it came from.
#[derive(Debug, Clone)]
pub struct ResponseValue<T> {
    value: T,
    parts: ResponseParts,
}

/// Status, headers and raw body of a response (from [`ResponseValue::into_parts`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ResponseParts {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The raw body.
    pub body: Bytes,
}

impl<T> ResponseValue<T> {
    pub(crate) fn new(value: T, resp: Response) -> Self {
        let (status, headers, body) = resp.into_parts();
        Self::from_parts(value, status, headers, body)
    }

    pub(crate) fn from_parts(value: T, status: u16, headers: HeaderMap, body: Bytes) -> Self {
        ResponseValue {
            value,
            parts: ResponseParts {
                status,
                headers,
                body,
            },
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.parts.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.parts.headers
    }

    /// A header as text (`None` if absent or not visible ASCII).
    pub fn header(&self, name: &str) -> Option<&str> {
        header_str(&self.parts.headers, name)
    }

    /// `x-ratelimit-*` headers, when sent.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_headers(&self.parts.headers)
    }

    /// The raw body as received.
    pub fn bytes(&self) -> &[u8] {
        &self.parts.body
    }

    /// The decoded value.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The decoded value, dropping the rest.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The decoded value and the response's status, headers and body.
    pub fn into_parts(self) -> (T, ResponseParts) {
        (self.value, self.parts)
    }

    /// The same response with its value transformed.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ResponseValue<U> {
        ResponseValue {
            value: f(self.value),
            parts: self.parts,
        }
    }
}

impl<T> Deref for ResponseValue<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for ResponseValue<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}
