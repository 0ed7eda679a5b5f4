//! `Prepared`: what the transport sends, a request with its client left out (the `Request`
//! front builds one; the auth and cache layers pass it down).

use bytes::Bytes;

use super::method::Method;

/// Where the path of a request is resolved.
#[derive(Debug, Clone)]
pub(crate) enum Base {
    Api,
    Uploads,
    /// An absolute base URL given with `Request::origin`.
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

/// A request as the transport sends it: method, target, query, body, the caller's headers and
/// the options the attempt loop reads.
/// (No `Debug`: the caller's headers may hold credentials; `Request`'s redacts them.)
#[derive(Clone)]
pub(crate) struct Prepared {
    pub(crate) method: Method,
    pub(crate) base: Base,
    pub(crate) path: String,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Body,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) accept: Option<String>,
    /// The route template (`/repos/{owner}/{repo}`), for traces, hooks and errors.
    pub(crate) route: Option<&'static str>,
    /// The endpoint triggers notifications: the throttle spaces such calls.
    pub(crate) notifies: bool,
    pub(crate) retry_non_idempotent: Option<bool>,
}

impl Prepared {
    /// A request to `path` on `base`, nothing else set.
    pub(crate) fn new(method: Method, base: Base, path: String) -> Prepared {
        Prepared {
            method,
            base,
            path,
            query: Vec::new(),
            body: Body::None,
            headers: Vec::new(),
            accept: None,
            route: None,
            notifies: false,
            retry_non_idempotent: None,
        }
    }

    /// The last value the caller set for header `name` (the one the transport keeps).
    #[cfg(any(feature = "github-app", feature = "http-cache"))]
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .rev()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A copy aimed at an absolute URL (a `Link` target), without query.
    pub(crate) fn to_url(&self, url: String) -> Prepared {
        Prepared {
            method: self.method,
            base: Base::Absolute,
            path: url,
            query: Vec::new(),
            body: self.body.clone(),
            headers: self.headers.clone(),
            accept: self.accept.clone(),
            route: self.route,
            notifies: self.notifies,
            retry_non_idempotent: self.retry_non_idempotent,
        }
    }
}
