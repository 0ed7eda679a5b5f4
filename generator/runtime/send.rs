//! The one, non-generic request path: URL and headers, redirects, retries, error bodies.

use bytes::Bytes;
use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE,
    LOCATION,
};
use reqwest::Url;

use super::client::{self, Inner, Origin};
use super::encode;
use super::error::{ApiError, Error, Result};
use super::redirect::{self, Redirect};
use super::request::{Base, Body, Method, Request};
use super::response::Response;
use super::retry;

const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// Send `req`, following redirects and retrying as configured, with `auth` as the
/// `Authorization` unless the request sets its own (`layers.rs` decides `auth`).
pub(crate) async fn execute(req: &Request<'_>, auth: Option<HeaderValue>) -> Result<Response> {
    let inner: &Inner = &req.client.inner;
    let mut url = build_url(inner, req)?;
    // An explicit origin is trusted with credentials like the configured hosts.
    let extra_trusted = match req.base {
        Base::Origin(_) => Origin::of(&url),
        _ => None,
    };
    let is_trusted = |url: &Url| {
        inner.trusted.iter().any(|o| o.matches(url))
            || extra_trusted.as_ref().is_some_and(|o| o.matches(url))
    };
    // The first attempt takes the headers built here; only a retry or a redirect (rare)
    // builds them again, so the common case clones no header map.
    let (headers, mut auth) = build_headers(inner, req, auth)?;
    let mut fresh_headers = Some(headers);
    let mut to_get_done = false;
    let mut method = req.method.to_reqwest();
    let mut idempotent = !matches!(req.method, Method::Post | Method::Patch);
    let mut body = match &req.body {
        Body::None => None,
        Body::Json(b) | Body::Raw(b) => Some(b.clone()),
        Body::Invalid(e) => return Err(Error::invalid(e.clone())),
    };
    let timeout = req.timeout.or(inner.timeout);
    let (mut attempt, mut redirects) = (0u32, 0u8);

    loop {
        let mut headers = match fresh_headers.take() {
            Some(h) => h,
            None => {
                let (mut h, _) = build_headers(inner, req, None)?;
                if to_get_done {
                    h.remove(CONTENT_TYPE);
                    h.remove(CONTENT_LENGTH);
                }
                h
            }
        };
        if let Some(a) = auth.as_ref().filter(|_| is_trusted(&url)) {
            headers.insert(AUTHORIZATION, a.clone());
        }
        let mut rq = reqwest::Request::new(method.clone(), url.clone());
        *rq.headers_mut() = headers;
        *rq.body_mut() = body.clone().map(reqwest::Body::from);
        *rq.timeout_mut() = timeout;

        let mut resp = match inner.http.execute(rq).await {
            Ok(resp) => resp,
            Err(e) => match retry::after_transport(&inner.retry, attempt, idempotent, &e) {
                Some(wait) => {
                    attempt += 1;
                    tokio::time::sleep(wait).await;
                    continue;
                }
                None => return Err(Error::Transport(e)),
            },
        };
        let status = resp.status().as_u16();

        if (300..400).contains(&status) && status != 304 {
            let location = resp.headers().get(LOCATION).map(HeaderValue::as_bytes);
            if let Redirect::To { url: next, to_get } =
                redirect::decide(status, &method, &url, location)?
            {
                if redirects >= inner.max_redirects {
                    return Err(Error::Redirect(
                        format!("too many redirects (more than {})", inner.max_redirects).into(),
                    ));
                }
                redirects += 1;
                if to_get {
                    method = reqwest::Method::GET;
                    idempotent = true;
                    body = None;
                    to_get_done = true;
                }
                // Credentials (also a caller-set Authorization) never follow to another
                // origin, and are not restored if a later hop comes back.
                if !is_trusted(&next) {
                    auth = None;
                }
                url = next;
                continue;
            }
        }

        let headers_in = std::mem::take(resp.headers_mut());
        if (200..300).contains(&status) || status == 304 {
            match read_limited(resp, inner.max_response_bytes).await {
                Ok(Some(bytes)) => return Ok(Response::new(status, headers_in, bytes, url)),
                Ok(None) => {
                    return Err(Error::TooLarge {
                        limit: inner.max_response_bytes,
                    })
                }
                Err(e) => match retry::after_transport(&inner.retry, attempt, idempotent, &e) {
                    Some(wait) => {
                        attempt += 1;
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    None => return Err(Error::Transport(e)),
                },
            }
        }

        let bytes = read_capped(resp, ApiError::MAX_BODY).await;
        let err = ApiError::new(status, headers_in, &bytes);
        match retry::after_status(&inner.retry, attempt, &err) {
            Some(wait) => {
                attempt += 1;
                tokio::time::sleep(wait).await;
            }
            None => return Err(Error::Api(Box::new(err))),
        }
    }
}

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
        let mut path = String::with_capacity(prefix.len() + req.path.len());
        path.push_str(prefix);
        path.push_str(&req.path);
        url.set_path(&path);
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
/// `Authorization` value to add on trusted hops: the caller's, else `auth`.
fn build_headers(
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

/// Read a whole body of at most `limit` bytes; `None` when it is larger (announced by
/// `Content-Length` or found while reading), so a huge body is refused, not buffered.
async fn read_limited(
    mut resp: reqwest::Response,
    limit: usize,
) -> std::result::Result<Option<Bytes>, reqwest::Error> {
    if resp.content_length().is_some_and(|n| n > limit as u64) {
        return Ok(None);
    }
    let mut buf = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        if chunk.len() > limit - buf.len() {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(Some(Bytes::from(buf)))
}

/// Read at most `cap` bytes of a body; read errors end the body early. Unlike
/// [`read_limited`] it keeps a prefix of an over-long body: error bodies are only shown.
async fn read_capped(mut resp: reqwest::Response, cap: usize) -> Bytes {
    let mut buf = Vec::new();
    while let Ok(Some(chunk)) = resp.chunk().await {
        let room = cap - buf.len();
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if buf.len() >= cap {
            break;
        }
    }
    Bytes::from(buf)
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
