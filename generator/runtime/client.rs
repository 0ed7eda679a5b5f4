//! `Client` and its builder: hosts, authentication, default headers, deadline, retry policy,
//! throttle, hooks and the HTTP client.

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, USER_AGENT};
use reqwest::Url;

use super::assemble;
use super::error::{Error, Result};
use super::hook::Hook;
use super::layers::Layers;
use super::retry::RetryPolicy;
use super::secret::{Auth, Secret};
use super::throttle::{Pacer, Throttle};
use super::transport::{self, Transport};

const DEFAULT_BASE_URL: &str = "https://api.github.com";
const DEFAULT_UPLOADS_URL: &str = "https://uploads.github.com";
const DEFAULT_ACCEPT: &str = "application/vnd.github+json";
const DEFAULT_API_VERSION: &str = "2022-11-28";
/// Successful bodies above this many bytes are refused (32 MiB: GitHub's largest JSON
/// answers are a few MiB; use `Request::download_to` for archives and assets).
const DEFAULT_MAX_RESPONSE_BYTES: usize = 32 << 20;
/// Default time limit of a whole call (attempts, waits, redirects, body).
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Default longest silence of the server while a call waits for or reads a response.
const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// Default most pages one pagination fetches.
const DEFAULT_MAX_PAGES: usize = 10_000;
const DEFAULT_USER_AGENT: &str = concat!("github-rest-client/", env!("CARGO_PKG_VERSION"));

/// A GitHub REST client. Cheap to clone; share one per application.
///
/// Endpoint methods hang off it by scope (`client.repos().get(owner, repo)`); a [`Request`]
/// reaches any endpoint by path, also one without a method:
///
/// ```no_run
/// use github_rest_client::runtime::Method;
/// use github_rest_client::{Client, Request};
///
/// # async fn run() -> github_rest_client::Result<()> {
/// let client = Client::builder().token("ghp_your_token").build()?;
/// let response = Request::new(&client, Method::Get, "/rate_limit".into()).send().await?;
/// println!("{} {}", response.status(), response.text());
/// # Ok(())
/// # }
/// ```
///
/// [`Request`]: super::Request
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
    /// The installation this client acts as (`None`: the app itself, with its JWT).
    #[cfg(feature = "github-app")]
    pub(crate) installation: Option<u64>,
}

pub(crate) struct Inner {
    /// Auth, cache and transport: what a call goes through.
    pub(crate) layers: Layers,
    auth_kind: &'static str,
    pub(crate) max_pages: usize,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = &self.inner.layers.transport;
        let mut d = f.debug_struct("Client");
        d.field("base_url", &t.base_url)
            .field("uploads_url", &t.uploads_url)
            .field("auth", &self.inner.auth_kind);
        #[cfg(feature = "github-app")]
        d.field("installation", &self.installation);
        d.field("retry", &t.retry)
            .field("max_redirects", &t.max_redirects)
            .field("timeout", &t.timeout)
            .field("throttle", &t.pacer.is_some())
            .field("hooks", &t.hooks.len())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for `https://api.github.com` without authentication.
    pub fn new() -> Result<Client> {
        Client::builder().build()
    }

    /// A builder with the defaults: `https://api.github.com`, no credentials.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The API base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.layers.transport.base_url
    }

    /// The uploads base URL, without a trailing `/`.
    pub fn uploads_url(&self) -> &str {
        &self.inner.layers.transport.uploads_url
    }

    /// The installation this client acts as (`None`: no app, or the app itself).
    pub(crate) fn acts_as(&self) -> Option<u64> {
        #[cfg(feature = "github-app")]
        return self.installation;
        #[cfg(not(feature = "github-app"))]
        None
    }
}

/// Configures a [`Client`]: hosts, credentials, timeouts, retries.
///
/// ```no_run
/// use std::time::Duration;
/// use github_rest_client::Client;
///
/// # fn run() -> github_rest_client::Result<()> {
/// // GitHub Enterprise Server: the API and uploads URLs of your host.
/// let client = Client::builder()
///     .base_url("https://github.example.com/api/v3")
///     .uploads_url("https://github.example.com/api/uploads")
///     .token(std::env::var("GHE_TOKEN").unwrap_or_default())
///     .timeout(Duration::from_secs(30))
///     .max_retries(2)
///     .build()?;
/// # let _ = client;
/// # Ok(())
/// # }
/// ```
#[derive(Default)]
pub struct ClientBuilder {
    base_url: Option<String>,
    uploads_url: Option<String>,
    accept: Option<String>,
    auth: Option<Auth>,
    user_agent: Option<String>,
    api_version: Option<Option<String>>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    read_timeout: Option<Duration>,
    max_retries: Option<u32>,
    retry_base_delay: Option<Duration>,
    max_retry_wait: Option<Duration>,
    max_redirects: Option<u8>,
    max_response_bytes: Option<usize>,
    /// Set by `ClientBuilder::app` (`app_auth.rs`).
    #[cfg(feature = "github-app")]
    pub(crate) app: Option<Arc<super::app_auth::AppAuth>>,
    /// Set by `ClientBuilder::cache` (`cache.rs`).
    #[cfg(feature = "http-cache")]
    pub(crate) cache: Option<super::cache::SharedStore>,
    /// Set by `ClientBuilder::redis` (`client_redis.rs`).
    #[cfg(feature = "redis")]
    pub(crate) redis: Option<super::redis_state::RedisState>,
    attempt_timeout: Option<Duration>,
    retry_non_idempotent: bool,
    max_pages: Option<usize>,
    throttle: Option<Throttle>,
    hooks: Vec<Arc<dyn Hook>>,
    http_client: Option<reqwest::Client>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("uploads_url", &self.uploads_url)
            .field("auth", &self.auth)
            .field("timeout", &self.timeout)
            .field("max_retries", &self.max_retries)
            .field("throttle", &self.throttle)
            .field("hooks", &self.hooks.len())
            .field("http_client", &self.http_client.is_some())
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// API base URL (default `https://api.github.com`); a GitHub Enterprise Server URL such
    /// as `https://github.example.com/api/v3` keeps its path prefix.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Base URL for `{origin}` upload routes. Default: `https://uploads.github.com` for
    /// github.com, `https://host/api/uploads` for a base URL `https://host/api/v3`, else the
    /// base URL itself.
    pub fn uploads_url(mut self, url: impl Into<String>) -> Self {
        self.uploads_url = Some(url.into());
        self
    }

    /// Default `Accept` header (default `application/vnd.github+json`).
    pub fn accept(mut self, accept: impl Into<String>) -> Self {
        self.accept = Some(accept.into());
        self
    }

    /// Token sent as `Authorization: token …`.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.auth = Some(Auth::Token(Secret::new(token)));
        self
    }

    /// Token sent as `Authorization: Bearer …` (GitHub App JWTs).
    pub fn bearer_token(mut self, token: impl Into<String>) -> Self {
        self.auth = Some(Auth::Bearer(Secret::new(token)));
        self
    }

    /// Authentication, or `None` for anonymous requests.
    pub fn auth(mut self, auth: Option<Auth>) -> Self {
        self.auth = auth;
        self
    }

    /// `User-Agent` (GitHub requires one; default `github-rest-client/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// `X-GitHub-Api-Version` (default `2022-11-28`); `None` omits the header.
    pub fn api_version(mut self, version: Option<String>) -> Self {
        self.api_version = Some(version);
        self
    }

    /// Time limit of a whole call (default 60 s): every attempt, retry wait, redirect and
    /// throttle wait, and reading the body. A retry whose wait would pass it is not
    /// waited for: the call fails at once with an error saying so.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Time limit of one attempt, so a hung attempt leaves time for a retry (default: only
    /// the call's [`timeout`](ClientBuilder::timeout)).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// Send `POST`/`PATCH` again after a 5xx or a connection cut after sending (default
    /// false: the first may have been processed, and a retry could create twice). Rate-limit
    /// answers (not processed) are retried for every method regardless.
    pub fn retry_non_idempotent(mut self, allow: bool) -> Self {
        self.retry_non_idempotent = allow;
        self
    }

    /// Most pages one pagination fetches before failing (default 10,000).
    pub fn max_pages(mut self, n: usize) -> Self {
        self.max_pages = Some(n);
        self
    }

    /// Pace calls to GitHub's documented limits (default: no pacing); see [`Throttle`].
    pub fn throttle(mut self, throttle: Throttle) -> Self {
        self.throttle = Some(throttle);
        self
    }

    /// Register a [`Hook`] that sees every attempt (retries and redirect hops too); hooks
    /// run in the order registered.
    pub fn hook(mut self, hook: impl Hook) -> Self {
        self.hooks.push(Arc::new(hook));
        self
    }

    /// Use this `reqwest::Client` (proxies, custom TLS roots, connection pool settings).
    /// Build it with `.redirect(reqwest::redirect::Policy::none())`: this client follows
    /// redirects itself (credentials only to configured hosts). It keeps its own settings:
    /// the builder's `connect_timeout` does not apply to it, and the idle
    /// [`read_timeout`](ClientBuilder::read_timeout) only when set explicitly; the call
    /// deadline does.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Time limit for connecting (default 10 s; within the call's deadline).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Longest silence of the server while a call waits for the response head or reads the
    /// body, counted again from every chunk (default 30 s; within the call's deadline). A
    /// call that stalls that long fails with an [`Error::Timeout`](super::Error::Timeout)
    /// whose `idle` is set, or is retried like an exchange cut off after sending (so not a
    /// `POST`/`PATCH` unless allowed). With [`http_client`](ClientBuilder::http_client) it
    /// applies only when set.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// Retries after 5xx, rate limits and connection failures (default 3; 0 disables); all
    /// within the call's deadline.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = Some(n);
        self
    }

    /// First backoff delay, doubled on each retry, with jitter: each wait is a random point
    /// in the upper half of the doubled delay (default 1 s).
    pub fn retry_base_delay(mut self, delay: Duration) -> Self {
        self.retry_base_delay = Some(delay);
        self
    }

    /// Longest wait before a retry (default: whatever ends before the call's deadline); a
    /// rate limit asking for longer is returned as an error instead of waited for.
    pub fn max_retry_wait(mut self, wait: Duration) -> Self {
        self.max_retry_wait = Some(wait);
        self
    }

    /// Largest successful response body read into memory (default 32 MiB, after
    /// decompression); a larger one is
    /// [`Error::TooLarge`](super::Error::TooLarge) instead of unbounded memory use.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// Redirects followed per request (default 10; 0 returns redirects as errors).
    pub fn max_redirects(mut self, n: u8) -> Self {
        self.max_redirects = Some(n);
        self
    }

    /// The client, or [`Error::InvalidRequest`] for a URL or setting that cannot work.
    pub fn build(self) -> Result<Client> {
        let base_url = transport::base(
            self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL),
            "base URL",
        )?;
        let uploads_url = match &self.uploads_url {
            Some(u) => transport::base(u, "uploads URL")?,
            None => default_uploads_url(&base_url),
        };
        let trusted = [transport::origin(&base_url)?, transport::origin(&uploads_url)?];
        // Parsed once: a request only sets path and query on a copy (`assemble::build_url`).
        let parse = |u: &str| Url::parse(u).map_err(|_| Error::invalid("URL is not valid"));
        let parsed = [parse(&base_url)?, parse(&uploads_url)?];

        let mut default_headers = HeaderMap::with_capacity(4);
        let value = |v: &str, what: &'static str| {
            HeaderValue::from_str(v).map_err(|_| Error::invalid(format!("invalid {what}")))
        };
        let accept = self.accept.as_deref().unwrap_or(DEFAULT_ACCEPT);
        default_headers.insert(ACCEPT, value(accept, "Accept")?);
        let ua = self.user_agent.as_deref().unwrap_or(DEFAULT_USER_AGENT);
        default_headers.insert(USER_AGENT, value(ua, "User-Agent")?);
        let api_version = match &self.api_version {
            None => Some(DEFAULT_API_VERSION),
            Some(v) => v.as_deref(),
        };
        if let Some(v) = api_version {
            default_headers.insert("x-github-api-version", value(v, "API version")?);
        }

        #[cfg(feature = "github-app")]
        if self.app.is_some() && self.auth.is_some() {
            return Err(Error::invalid(
                "both a token and GitHub App credentials are configured; choose one",
            ));
        }
        let (auth, auth_kind) = match &self.auth {
            #[cfg(feature = "github-app")]
            None if self.app.is_some() => (None, "github-app"),
            None => (None, "none"),
            Some(Auth::Token(t)) => (Some(auth_value("token ", t)?), "token"),
            Some(Auth::Bearer(t)) => (Some(auth_value("Bearer ", t)?), "bearer"),
        };

        // The idle read limit is the runtime's (one timer per call, `timer.rs`): reqwest's
        // would arm three more timers per call.
        let (http, read_timeout) = match self.http_client {
            Some(c) => (c, self.read_timeout),
            None => (
                reqwest::Client::builder()
                    .redirect(reqwest::redirect::Policy::none())
                    .connect_timeout(self.connect_timeout.unwrap_or(Duration::from_secs(10)))
                    .build()
                    .map_err(|_| {
                        Error::invalid("the HTTP client could not be built (TLS set-up)")
                    })?,
                Some(self.read_timeout.unwrap_or(DEFAULT_READ_TIMEOUT)),
            ),
        };
        let ready_headers = assemble::ready_headers(&default_headers, auth.as_ref());
        let pacer = self.throttle.map(Pacer::new);
        #[cfg(feature = "redis")]
        let (pacer, cache, app) = super::layers::share(self.redis, pacer, self.cache, self.app)?;
        let transport = Transport {
            http,
            parsed,
            base_url,
            uploads_url,
            default_headers,
            auth,
            ready_headers,
            trusted,
            retry: RetryPolicy {
                max_retries: self.max_retries.unwrap_or(3),
                base_delay: self.retry_base_delay.unwrap_or(Duration::from_secs(1)),
                max_wait: self.max_retry_wait,
                non_idempotent: self.retry_non_idempotent,
            },
            max_redirects: self.max_redirects.unwrap_or(10),
            max_response_bytes: self
                .max_response_bytes
                .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
            timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
            attempt_timeout: self.attempt_timeout,
            read_timeout,
            pacer,
            hooks: self.hooks.into(),
        };
        Ok(Client {
            inner: Arc::new(Inner {
                layers: Layers {
                    transport,
                    #[cfg(all(feature = "github-app", not(feature = "redis")))]
                    app: self.app,
                    #[cfg(all(feature = "http-cache", not(feature = "redis")))]
                    cache: self.cache,
                    #[cfg(feature = "redis")]
                    app,
                    #[cfg(feature = "redis")]
                    cache,
                },
                auth_kind,
                max_pages: self.max_pages.unwrap_or(DEFAULT_MAX_PAGES),
            }),
            #[cfg(feature = "github-app")]
            installation: None,
        })
    }
}

#[cfg(feature = "http-cache")]
impl ClientBuilder {
    /// Revalidate GET requests with conditional headers and answer a `304 Not Modified`
    /// from `store`, e.g. `MemoryCache::new(1_000, 32 << 20)` (keep an `Arc` of it to inspect
    /// it later). GitHub does not count an authorized `304` against the rate limit. Such a
    /// response reports the stored status (`200`) and [`Response::from_cache`](super::Response::from_cache); its headers
    /// are the stored ones updated with the `304`'s (fresh `x-ratelimit-*`).
    ///
    /// Requests that set `If-None-Match` or `If-Modified-Since` themselves bypass the cache.
    pub fn cache(mut self, store: impl super::cache::CacheStore + 'static) -> Self {
        self.cache = Some(super::cache::SharedStore(
            Arc::new(store),
            #[cfg(feature = "redis")]
            None,
        ));
        self
    }
}

fn default_uploads_url(base_url: &str) -> String {
    if base_url == DEFAULT_BASE_URL {
        DEFAULT_UPLOADS_URL.to_owned()
    } else if let Some(host) = base_url.strip_suffix("/api/v3") {
        format!("{host}/api/uploads")
    } else {
        base_url.to_owned()
    }
}

fn auth_value(scheme: &str, token: &Secret) -> Result<HeaderValue> {
    let mut v = HeaderValue::from_str(&format!("{scheme}{}", token.expose()))
        .map_err(|_| Error::invalid("token contains characters not allowed in a header"))?;
    v.set_sensitive(true);
    Ok(v)
}
