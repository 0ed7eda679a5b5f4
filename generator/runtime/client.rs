use std::sync::Arc;

use super::error::{Error, Result};

const DEFAULT_BASE_URL: &str = "https://api.github.com";
const DEFAULT_UPLOADS_URL: &str = "https://uploads.github.com";
const DEFAULT_ACCEPT: &str = "application/vnd.github+json";

/// A GitHub REST client. Cheap to clone; share one per application.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) uploads_url: String,
    pub(crate) accept: String,
    pub(crate) token: Option<String>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("uploads_url", &self.inner.uploads_url)
            .field("token", &self.inner.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl Client {
    /// A client for `https://api.github.com` without authentication.
    pub fn new() -> Result<Client> {
        Client::builder().build()
    }

    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }
}

/// Configures a [`Client`].
#[derive(Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    uploads_url: Option<String>,
    accept: Option<String>,
    token: Option<String>,
}

impl ClientBuilder {
    /// API base URL, e.g. `https://github.example.com/api/v3` (the path prefix is kept).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Base URL for `{origin}` upload routes.
    pub fn uploads_url(mut self, url: impl Into<String>) -> Self {
        self.uploads_url = Some(url.into());
        self
    }

    /// Default `Accept` header.
    pub fn accept(mut self, accept: impl Into<String>) -> Self {
        self.accept = Some(accept.into());
        self
    }

    /// Token sent as `Authorization: token …`.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    pub fn build(self) -> Result<Client> {
        let http = reqwest::Client::builder()
            .user_agent(concat!("github-rest-client/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(Error::Transport)?;
        let trim = |s: String| s.trim_end_matches('/').to_owned();
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url: trim(self.base_url.unwrap_or_else(|| DEFAULT_BASE_URL.into())),
                uploads_url: trim(self.uploads_url.unwrap_or_else(|| DEFAULT_UPLOADS_URL.into())),
                accept: self.accept.unwrap_or_else(|| DEFAULT_ACCEPT.into()),
                token: self.token,
            }),
        })
    }
}
