//! The URL and headers of a request: base + encoded path + query, defaults, media type,
//! body headers and the caller's headers.

use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE,
};
use reqwest::Url;

use super::client::{self, Inner};
use super::encode;
use super::error::{Error, Result};
use super::request::{Base, Body, Method, Request};

const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// Base + path + query, parsed once. The path must start with `/` so it cannot change host.
pub(crate) fn build_url(inner: &Inner, req: &Request<'_>) -> Result<Url> {
    // Common case: an API or uploads path without `?`/`#`: a copy of the base parsed once,
    // then only the path and query parsers run (no scheme, host or IDNA work per call).
    let parsed = match req.base {
        Base::Api => Some(&inner.parsed[0]),
        Base::Uploads => Some(&inner.parsed[1]),
        _ => None,
    };
    if let Some(base) =
        parsed.filter(|_| req.path.starts_with('/') && !req.path.contains(['?', '#']))
    {
        let mut url = base.clone();
        let prefix = base.path().trim_end_matches('/');
        if prefix.is_empty() {
            url.set_path(&req.path);
        } else {
            url.set_path(&[prefix, req.path.as_str()].concat());
        }
        if !req.query.is_empty() {
            let mut q = String::new();
            write_query(&mut q, req, '?');
            url.set_query(Some(&q[1..]));
        }
        return Ok(url);
    }
    let origin;
    let base = match &req.base {
        Base::Api => inner.base_url.as_str(),
        Base::Uploads => inner.uploads_url.as_str(),
        Base::Origin(o) => {
            origin = client::base(o, "origin")?;
            origin.as_str()
        }
        Base::Absolute => "",
    };
    if !base.is_empty() && !req.path.is_empty() && !req.path.starts_with('/') {
        return Err(Error::invalid("request path must start with `/`"));
    }
    let query_len: usize = req
        .query
        .iter()
        .map(|(k, v)| k.len() + v.len() * 3 + 2)
        .sum();
    let mut s = String::with_capacity(base.len() + req.path.len() + query_len);
    s.push_str(base);
    s.push_str(&req.path);
    let sep = if s.contains('?') { '&' } else { '?' };
    write_query(&mut s, req, sep);
    let url = Url::parse(&s).map_err(|_| Error::invalid("request URL is not valid"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Error::invalid("request URL is not an absolute http(s) URL"));
    }
    Ok(url)
}

/// Request headers (defaults, then media type, body headers, then the caller's) and the
/// `Authorization` value to add on trusted hops: the caller's, else `auth` (which
/// `layers.rs` chose: the client's token or an app credential).
pub(crate) fn build_headers(
    inner: &Inner,
    req: &Request<'_>,
    auth: Option<HeaderValue>,
) -> Result<(HeaderMap, Option<HeaderValue>)> {
    // Room for the defaults, Accept, a body header, Authorization and the caller's headers:
    // no growth while the request is assembled.
    let mut headers = HeaderMap::with_capacity(inner.default_headers.len() + 3 + req.headers.len());
    headers.extend(
        inner
            .default_headers
            .iter()
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    if let Some(accept) = &req.accept {
        let v = HeaderValue::from_str(accept).map_err(|_| Error::invalid("invalid Accept"))?;
        headers.insert(ACCEPT, v);
    }
    match &req.body {
        Body::Json(_) => {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON_CONTENT_TYPE));
        }
        Body::None if matches!(req.method, Method::Post | Method::Put | Method::Patch) => {
            headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
        }
        _ => {}
    }
    let mut auth = auth;
    for (name, value) in &req.headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::invalid(format!("invalid header name {name:?}")))?;
        // Bytes, not `from_str`: non-ASCII (obs-text) is allowed, CR/LF/NUL are not.
        let mut value = HeaderValue::from_bytes(value.as_bytes())
            .map_err(|_| Error::invalid(format!("invalid value for header `{name}`")))?;
        if name == AUTHORIZATION {
            value.set_sensitive(true);
            auth = Some(value);
            continue;
        }
        headers.insert(name, value);
    }
    Ok((headers, auth))
}

fn write_query(s: &mut String, req: &Request<'_>, mut sep: char) {
    for (name, value) in &req.query {
        s.push(sep);
        sep = '&';
        encode::query_component(s, name);
        s.push('=');
        if *name == "q" {
            // Octokit keeps `+` in search queries (GitHub reads it as a space).
            for (i, part) in value.split('+').enumerate() {
                if i > 0 {
                    s.push('+');
                }
                encode::query_component(s, part);
            }
        } else {
            encode::query_component(s, value);
        }
    }
}
