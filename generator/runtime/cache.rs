//! Conditional requests: GETs carry `If-None-Match` / `If-Modified-Since` from a stored
//! `200`, and a `304 Not Modified` is answered with the stored body. The store is pluggable.

use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CACHE_CONTROL, CONNECTION,
    CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH,
    LAST_MODIFIED, SET_COOKIE, TRANSFER_ENCODING,
};
use reqwest::Url;
use sha2::{Digest, Sha256};

use super::assemble::build_url;
use super::error::Result;
use super::method::Method;
use super::prepared::Prepared;
#[cfg(feature = "redis")]
use super::redis_cache;
#[cfg(feature = "redis")]
use super::redis_state::RedisState;
use super::response::Response;
use super::send;
use super::timer::Deadline;
use super::transport::Transport;

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Where conditional-request entries live. [`MemoryCache`](super::MemoryCache) is the
/// in-memory default; implement this to keep entries elsewhere (shared, on disk, ...).
///
/// An entry is only ever used after the server confirmed it with a `304`, so a store may
/// drop, keep or return stale entries freely: that costs a full response, never a wrong one.
pub trait CacheStore: Send + Sync {
    /// The entry stored under `key`, if any. It is owned by the caller from here on, so
    /// evicting it afterwards cannot affect the request that looked it up.
    fn get(&self, key: &CacheKey) -> Option<CachedResponse>;
    /// Store (or replace) the entry under `key`. Called only for `200` responses to GETs
    /// that carry an `ETag` or `Last-Modified`.
    fn put(&self, key: CacheKey, response: CachedResponse);
}

impl<T: CacheStore + ?Sized> CacheStore for Arc<T> {
    fn get(&self, key: &CacheKey) -> Option<CachedResponse> {
        (**self).get(key)
    }

    fn put(&self, key: CacheKey, response: CachedResponse) {
        (**self).put(key, response)
    }
}

/// What an entry is stored under: the identity of the credentials (a SHA-256 of the
/// `Authorization` value, never the value itself: GitHub's ETags differ per token), the
/// `Accept` header and the full URL.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CacheKey {
    /// `identity \n accept \n url`: one allocation, hashed and compared as a whole.
    text: Arc<str>,
    accept_at: usize,
    url_at: usize,
}

impl CacheKey {
    /// A key for a request to `url` with this `Accept` and `Authorization` (if any).
    pub fn new(url: &str, accept: &str, authorization: Option<&[u8]>) -> CacheKey {
        let identity = match authorization {
            Some(auth) => {
                let digest = Sha256::digest(auth);
                let mut hex = String::with_capacity(64);
                for b in digest {
                    hex.push(HEX_DIGITS[usize::from(b >> 4)] as char);
                    hex.push(HEX_DIGITS[usize::from(b & 15)] as char);
                }
                hex
            }
            None => "anonymous".to_owned(),
        };
        let accept_at = identity.len() + 1;
        let url_at = accept_at + accept.len() + 1;
        CacheKey {
            text: format!("{identity}\n{accept}\n{url}").into(),
            accept_at,
            url_at,
        }
    }

    /// The whole key as one string (for stores keyed by strings).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `anonymous`, or the hex SHA-256 of the `Authorization` value.
    pub fn identity(&self) -> &str {
        &self.text[..self.accept_at - 1]
    }

    /// The `Accept` value the response was asked with.
    pub fn accept(&self) -> &str {
        &self.text[self.accept_at..self.url_at - 1]
    }

    /// The URL of the request.
    pub fn url(&self) -> &str {
        &self.text[self.url_at..]
    }
}

impl fmt::Debug for CacheKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CacheKey")
            .field("identity", &self.identity())
            .field("accept", &self.accept())
            .field("url", &self.url())
            .finish()
    }
}

/// A stored `200` response: its headers and body (cheap to clone: the body is shared).
#[derive(Debug, Clone)]
pub struct CachedResponse {
    headers: HeaderMap,
    body: Bytes,
}

impl CachedResponse {
    /// An entry from a `200` response's headers and body (connection-level headers and
    /// `Set-Cookie` are dropped).
    pub fn new(mut headers: HeaderMap, body: Bytes) -> CachedResponse {
        for name in [CONNECTION, TRANSFER_ENCODING, SET_COOKIE] {
            headers.remove(name);
        }
        headers.remove("keep-alive");
        CachedResponse { headers, body }
    }

    /// The stored headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The stored body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The `ETag` validator, if the response had a usable one.
    pub fn etag(&self) -> Option<&str> {
        self.headers.get(ETAG)?.to_str().ok()
    }

    /// The `Last-Modified` validator, if the response had a usable one.
    pub fn last_modified(&self) -> Option<&str> {
        self.headers.get(LAST_MODIFIED)?.to_str().ok()
    }

    /// Bytes this entry accounts for: body, header names and values.
    pub fn size(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len())
            .sum();
        self.body.len() + headers
    }
}

/// The store a client was configured with, and the Redis state sharing its entries
/// (`ClientBuilder::redis`); the local store serves while Redis is unavailable.
#[derive(Clone)]
pub(crate) struct SharedStore(
    pub(crate) Arc<dyn CacheStore>,
    #[cfg(feature = "redis")] pub(crate) Option<RedisState>,
);

impl fmt::Debug for SharedStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CacheStore")
    }
}

/// Send `req` through `store`: conditional headers from the entry held since lookup, the
/// entry's body on a `304`, a cacheable `200` stored.
pub(crate) async fn execute(
    transport: &Transport,
    req: &Prepared,
    auth: Option<&HeaderValue>,
    store: &SharedStore,
    deadline: Deadline,
) -> Result<Response> {
    if req.method != Method::Get
        || req.header(IF_NONE_MATCH.as_str()).is_some()
        || req.header(IF_MODIFIED_SINCE.as_str()).is_some()
    {
        return send::execute(transport, req, auth, deadline).await;
    }
    let key = key_for(transport, req, auth)?;
    // The entry is owned from here to the end: eviction in the store cannot touch it.
    #[cfg(not(feature = "redis"))]
    let entry = store.0.get(&key);
    #[cfg(feature = "redis")]
    let entry = match &store.1 {
        Some(state) => match redis_cache::get(state, key.as_str(), deadline.at).await {
            Some(shared) => shared.map(|(headers, body)| CachedResponse::new(headers, body)),
            None => store.0.get(&key),
        },
        None => store.0.get(&key),
    };
    let conditional;
    let to_send = match entry.as_ref().and_then(validators) {
        Some((etag, modified)) => {
            let mut r = req.clone();
            if let Some(etag) = etag {
                r.headers.push((IF_NONE_MATCH.as_str().to_owned(), etag));
            }
            if let Some(modified) = modified {
                r.headers.push((IF_MODIFIED_SINCE.as_str().to_owned(), modified));
            }
            conditional = r;
            &conditional
        }
        None => req,
    };
    let resp = send::execute(transport, to_send, auth, deadline).await?;
    match (resp.status(), entry) {
        (304, Some(entry)) => Ok(from_entry(entry, &resp).unwrap_or(resp)),
        (200, _) if storable(resp.headers()) => {
            let body = resp.clone().into_bytes();
            let entry = CachedResponse::new(resp.headers().clone(), body);
            #[cfg(feature = "redis")]
            if let Some(state) = &store.1 {
                let parts = (entry.headers(), &entry.body()[..]);
                redis_cache::put(state, key.as_str(), parts, entry.size(), deadline.at).await;
            }
            store.0.put(key, entry);
            Ok(resp)
        }
        _ => Ok(resp),
    }
}

/// The key of `req`: its URL, the `Accept` it goes out with, and the identity of the
/// `Authorization` it goes out with (the caller's header wins, as in the transport).
fn key_for(t: &Transport, req: &Prepared, auth: Option<&HeaderValue>) -> Result<CacheKey> {
    let url = build_url(t, req)?;
    let default_accept = t
        .default_headers
        .get(ACCEPT)
        .and_then(|v| v.to_str().ok());
    let accept = req
        .header(ACCEPT.as_str())
        .or(req.accept.as_deref())
        .or(default_accept)
        .unwrap_or("");
    let authorization = match req.header(AUTHORIZATION.as_str()) {
        Some(a) => Some(a.as_bytes()),
        None => auth.map(HeaderValue::as_bytes),
    };
    Ok(CacheKey::new(url.as_str(), accept, authorization))
}

fn validators(entry: &CachedResponse) -> Option<(Option<String>, Option<String>)> {
    let etag = entry.etag().map(str::to_owned);
    let modified = entry.last_modified().map(str::to_owned);
    (etag.is_some() || modified.is_some()).then_some((etag, modified))
}

/// A `200` worth storing: it has a validator and does not forbid storing.
fn storable(headers: &HeaderMap) -> bool {
    let no_store = headers
        .get_all(CACHE_CONTROL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("no-store"));
    !no_store && (headers.contains_key(ETAG) || headers.contains_key(LAST_MODIFIED))
}

/// The stored `200` with its headers updated by the `304`'s; `None` only if the `304`'s URL
/// does not parse again (then the `304` itself is returned).
fn from_entry(entry: CachedResponse, not_modified: &Response) -> Option<Response> {
    let url = Url::parse(not_modified.url()).ok()?;
    let CachedResponse { mut headers, body } = entry;
    let skip = |n: &HeaderName| {
        [
            CONTENT_LENGTH,
            CONTENT_TYPE,
            CONTENT_ENCODING,
            TRANSFER_ENCODING,
            CONNECTION,
            SET_COOKIE,
        ]
        .contains(n)
    };
    for name in not_modified.headers().keys().filter(|n| !skip(n)) {
        headers.remove(name);
    }
    for (name, value) in not_modified.headers().iter().filter(|(n, _)| !skip(n)) {
        headers.append(name.clone(), value.clone());
    }
    Some(Response::new(200, headers, body, url).cached())
}
