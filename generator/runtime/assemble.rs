//! The URL and headers of a request: base + encoded path + query, defaults, media type,
//! body headers and the caller's headers.

use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE,
};
use reqwest::Url;

use super::encode;
use super::error::{Error, Result};
use super::method::Method;
use super::prepared::{Base, Body, Prepared};
use super::transport::{self, Transport};

const JSON_CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// Base + path + query, parsed once. The path must start with `/` so it cannot change host.
pub(crate) fn build_url(t: &Transport, req: &Prepared) -> Result<Url> {
    // Common case: an API or uploads path without `?`/`#`: a copy of the base parsed once,
    // then only the path and query parsers run (no scheme, host or IDNA work per call).
    let parsed = match req.base {
        Base::Api => Some(&t.parsed[0]),
        Base::Uploads => Some(&t.parsed[1]),
        _ => None,
    };
    // A byte scan, not `contains(['?', '#'])`: this runs on every call.
    let plain = |p: &str| p.starts_with('/') && !p.bytes().any(|b| b == b'?' || b == b'#');
    if let Some(base) = parsed.filter(|_| plain(&req.path)) {
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
        Base::Api => t.base_url.as_str(),
        Base::Uploads => t.uploads_url.as_str(),
        Base::Origin(o) => {
            origin = transport::base(o, "origin")?;
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
/// the auth layer chose: the client's token or an app credential).
pub(crate) fn build_headers(
    t: &Transport,
    req: &Prepared,
    auth: Option<HeaderValue>,
) -> Result<(HeaderMap, Option<HeaderValue>)> {
    // Room for the defaults, Accept, a body header, Authorization and the caller's headers:
    // no growth while the request is assembled.
    let mut headers = HeaderMap::with_capacity(t.default_headers.len() + 3 + req.headers.len());
    headers.extend(
        t
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

/// The maps of [`Transport::ready_headers`]: what [`build_headers`] and a trusted hop's
/// `Authorization` make of a request without `Accept` or headers of its own, with no body
/// (a `GET` or `DELETE`) or a JSON one.
pub(crate) fn ready_headers(defaults: &HeaderMap, auth: Option<&HeaderValue>) -> [HeaderMap; 2] {
    let ready = |json: bool| {
        let mut h = HeaderMap::with_capacity(defaults.len() + 2);
        h.extend(defaults.iter().map(|(k, v)| (k.clone(), v.clone())));
        if json {
            h.insert(CONTENT_TYPE, HeaderValue::from_static(JSON_CONTENT_TYPE));
        }
        if let Some(a) = auth {
            h.insert(AUTHORIZATION, a.clone());
        }
        h
    };
    [ready(false), ready(true)]
}

/// A copy of the client's ready map for the first attempt of `req` to a trusted host with
/// `auth`, if one fits (one copy instead of assembling the map): no `Accept` or headers of
/// its own, `auth` the client's own, and no body (not on a `POST`, `PUT` or `PATCH`, which
/// send `Content-Length: 0`) or a JSON one.
pub(crate) fn ready_for(
    t: &Transport,
    req: &Prepared,
    auth: Option<&HeaderValue>,
) -> Option<HeaderMap> {
    if req.accept.is_some() || !req.headers.is_empty() || auth != t.auth.as_ref() {
        return None;
    }
    let json = match (&req.body, req.method) {
        (Body::Json(_), _) => true,
        (Body::None, Method::Get | Method::Delete) => false,
        _ => return None,
    };
    Some(t.ready_headers[usize::from(json)].clone())
}

fn write_query(s: &mut String, req: &Prepared, mut sep: char) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{Client, Request};

    /// The map the general path builds: `build_headers`, then the trusted `Authorization`.
    fn assembled(inner: &Transport, req: &Prepared) -> HeaderMap {
        let (mut h, auth) = build_headers(inner, req, inner.auth.clone()).unwrap();
        if let Some(a) = auth {
            h.insert(AUTHORIZATION, a);
        }
        h
    }

    /// Names, values, order and sensitivity: what goes on the wire and what `Debug` hides.
    fn entries(h: &HeaderMap) -> Vec<(String, Vec<u8>, bool)> {
        h.iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec(), v.is_sensitive()))
            .collect()
    }

    #[test]
    fn a_ready_map_is_the_map_the_general_path_builds() {
        for client in [
            Client::builder().build().unwrap(),
            Client::builder().token("t0k3n").build().unwrap(),
            Client::builder()
                .bearer_token("b")
                .user_agent("ua/1")
                .api_version(None)
                .build()
                .unwrap(),
        ] {
            let inner = &client.inner.layers.transport;
            for (method, json) in [
                (Method::Get, false),
                (Method::Delete, false),
                (Method::Get, true),
                (Method::Post, true),
                (Method::Patch, true),
                (Method::Put, true),
                (Method::Delete, true),
            ] {
                let mut req = Request::new(&client, method, "/x".into());
                if json {
                    req = req.json_value(&serde_json::json!({ "a": 1 }));
                }
                let ready = ready_for(inner, &req.prepared, inner.auth.as_ref()).expect("a ready map");
                assert_eq!(entries(&ready), entries(&assembled(inner, &req.prepared)));
            }
        }
    }

    #[test]
    fn requests_of_their_own_are_assembled() {
        let client = Client::builder().token("t0k3n").build().unwrap();
        let inner = &client.inner.layers.transport;
        let req = |m| Request::new(&client, m, "/x".into());
        let other = HeaderValue::from_static("token other");
        let cases = [
            // `Content-Length: 0` on a write without a body.
            (req(Method::Post), inner.auth.clone()),
            (req(Method::Put), inner.auth.clone()),
            (req(Method::Get).accept("application/vnd.github.raw"), inner.auth.clone()),
            (req(Method::Get).header("x-a", "1"), inner.auth.clone()),
            (req(Method::Put).raw(b"bytes".to_vec()), inner.auth.clone()),
            // Another credential (an app's JWT or installation token), or none.
            (req(Method::Get), Some(other)),
            (req(Method::Get), None),
        ];
        for (r, auth) in &cases {
            assert!(ready_for(inner, &r.prepared, auth.as_ref()).is_none(), "{r:?}");
        }
    }
}
