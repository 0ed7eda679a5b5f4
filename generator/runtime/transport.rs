//! The transport's configuration: the HTTP client, hosts and the origins trusted with
//! credentials, default headers, limits, retry policy, throttle and hooks.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::Url;

use super::error::{Error, Result};
use super::hook::Hook;
use super::retry::RetryPolicy;
use super::throttle::Pacer;

/// What every send of a client shares (built by `ClientBuilder::build`).
pub(crate) struct Transport {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) uploads_url: String,
    /// `base_url` and `uploads_url` parsed once: most requests only set path and query.
    pub(crate) parsed: [Url; 2],
    /// `Accept`, `User-Agent`, `X-GitHub-Api-Version`: copied into every request.
    pub(crate) default_headers: HeaderMap,
    /// The client's token as an `Authorization` value (marked sensitive); sent only to
    /// trusted origins.
    pub(crate) auth: Option<HeaderValue>,
    /// The whole header map of a plain first attempt with `auth` to a trusted host, without
    /// and with a JSON body: most calls copy one instead of assembling it (`assemble.rs`).
    pub(crate) ready_headers: [HeaderMap; 2],
    pub(crate) trusted: [Origin; 2],
    pub(crate) retry: RetryPolicy,
    pub(crate) max_redirects: u8,
    pub(crate) max_response_bytes: usize,
    /// The deadline of a whole call.
    pub(crate) timeout: Duration,
    /// Time limit of one attempt (`None`: only the call's deadline).
    pub(crate) attempt_timeout: Option<Duration>,
    /// Longest silence of the server while a call waits for or reads a response (`None`:
    /// only the deadline); kept by the call's one timer (`timer.rs`), not by reqwest.
    pub(crate) read_timeout: Option<Duration>,
    pub(crate) pacer: Option<Pacer>,
    pub(crate) hooks: Box<[Arc<dyn Hook>]>,
}

/// Scheme, host and port: where credentials may be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    scheme: Box<str>,
    host: Box<str>,
    port: u16,
}

impl Origin {
    pub(crate) fn of(url: &Url) -> Option<Origin> {
        Some(Origin {
            scheme: url.scheme().into(),
            host: url.host_str()?.to_ascii_lowercase().into(),
            port: url.port_or_known_default()?,
        })
    }

    pub(crate) fn matches(&self, url: &Url) -> bool {
        url.scheme() == &*self.scheme
            && url
                .host_str()
                .is_some_and(|h| h.eq_ignore_ascii_case(&self.host))
            && url.port_or_known_default() == Some(self.port)
    }
}

/// Validate an absolute http(s) base URL and drop trailing slashes.
pub(crate) fn base(url: &str, what: &'static str) -> Result<String> {
    let trimmed = url.trim_end_matches('/');
    match Url::parse(trimmed) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
            if !u.username().is_empty() || u.password().is_some() {
                return Err(Error::invalid(format!(
                    "{what} must not contain credentials (user:password@); use `.token()`"
                )));
            }
            if u.query().is_some() || u.fragment().is_some() {
                return Err(Error::invalid(format!(
                    "{what} must not have a query or fragment"
                )));
            }
            Ok(trimmed.to_owned())
        }
        _ => Err(Error::invalid(format!(
            "{what} is not an absolute http(s) URL"
        ))),
    }
}

pub(crate) fn origin(base: &str) -> Result<Origin> {
    Url::parse(base)
        .ok()
        .as_ref()
        .and_then(Origin::of)
        .ok_or_else(|| Error::invalid("URL has no host"))
}

