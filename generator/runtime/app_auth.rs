//! GitHub App authentication: the app client sends its JWT; `client.installation(id)` sends
//! an installation token, minted once, shared by clones and refreshed before it expires.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use reqwest::header::{HeaderValue, AUTHORIZATION};

use super::app_jwt::{AppKey, Issuer};
use super::client::{Client, ClientBuilder};
use super::clock;
use super::error::{Error, Result};
use super::layers::{self, Deadline};
use super::request::{Method, Request};
use super::response::Response;
use super::secret::Secret;

/// An installation token is replaced once it has less than this left.
const REFRESH_MARGIN: i64 = 5 * 60;
/// Assumed lifetime when GitHub's `expires_at` is missing or unreadable (tokens last 1 h).
const FALLBACK_LIFETIME: i64 = 30 * 60;
/// A `401` this soon after minting may be GitHub not yet knowing the token everywhere.
const REPLICATION_WINDOW: Duration = Duration::from_secs(5);
/// First wait before retrying such a `401`, doubled each time, at most this many times.
const REPLICATION_FIRST_WAIT: Duration = Duration::from_millis(250);
const REPLICATION_RETRIES: u32 = 4;

/// The app's key and JWT, and one token slot per installation; shared by every clone of
/// the client and every installation client made from it.
pub(crate) struct AppAuth {
    key: AppKey,
    installations: Mutex<HashMap<u64, Arc<Slot>>>,
}

/// One installation's token: read without waiting while fresh; refreshed by one task at a
/// time (`refresh`), the others waiting for and then using its result.
#[derive(Default)]
struct Slot {
    current: RwLock<Option<Token>>,
    refresh: tokio::sync::Mutex<()>,
}

#[derive(Clone)]
struct Token {
    secret: Secret,
    /// `token <secret>`, marked sensitive.
    value: HeaderValue,
    /// Unix seconds, server time.
    expires_at: i64,
    minted: Instant,
}

impl fmt::Debug for AppAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let installations = self
            .installations
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        f.debug_struct("AppAuth")
            .field("key", &self.key)
            .field("installations", &installations)
            .finish()
    }
}

impl ClientBuilder {
    /// Authenticate as the GitHub App `app_id` with its private key (the PEM file GitHub
    /// generates; PKCS#1 or PKCS#8). The client sends a short-lived RS256 JWT;
    /// [`Client::installation`] gives clients acting as one of its installations.
    /// Fails if the key is not a usable RSA key; the error never quotes it.
    pub fn app(self, app_id: u64, private_key_pem: impl AsRef<[u8]>) -> Result<Self> {
        self.app_as(Issuer::AppId(app_id), private_key_pem.as_ref())
    }

    /// Like [`ClientBuilder::app`], naming the app by its client ID (`Iv1.…`) instead.
    pub fn app_client_id(
        self,
        client_id: impl Into<String>,
        private_key_pem: impl AsRef<[u8]>,
    ) -> Result<Self> {
        let issuer = Issuer::ClientId(client_id.into().into_boxed_str());
        self.app_as(issuer, private_key_pem.as_ref())
    }

    fn app_as(mut self, issuer: Issuer, pem: &[u8]) -> Result<Self> {
        self.app = Some(Arc::new(AppAuth {
            key: AppKey::new(issuer, pem)?,
            installations: Mutex::default(),
        }));
        Ok(self)
    }
}

impl Client {
    /// A client acting as installation `id` of this GitHub App client: a cheap handle
    /// sharing connections, configuration and the token cache with `self`. Its token is
    /// minted on first use, reused by every clone, and refreshed five minutes before it
    /// expires. Fails if the client was not built with [`ClientBuilder::app`].
    pub fn installation(&self, id: u64) -> Result<Client> {
        if self.inner.app.is_none() {
            return Err(Error::invalid(
                "installation() needs a client built with ClientBuilder::app",
            ));
        }
        Ok(Client {
            inner: self.inner.clone(),
            installation: Some(id),
        })
    }

    /// The installation this client acts as, if it is an installation client.
    pub fn installation_id(&self) -> Option<u64> {
        self.installation
    }

    /// The current token of installation `id` (minted or refreshed if needed), e.g. to
    /// clone over HTTPS. The same token the installation client sends.
    pub async fn installation_token(&self, id: u64) -> Result<Secret> {
        let app = self.inner.app.as_ref().ok_or_else(|| {
            Error::invalid("installation_token() needs a client built with ClientBuilder::app")
        })?;
        // The deadline of the mint request, as if it were sent on its own.
        let mint = Request::new(
            self,
            Method::Post,
            format!("/app/installations/{id}/access_tokens"),
        );
        let deadline = Deadline::of(&mint);
        Ok(app.token(&mint, id, deadline).await?.secret)
    }
}

fn caller_sets_auth(req: &Request<'_>) -> bool {
    req.headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case(AUTHORIZATION.as_str()))
}

/// Send `req` as the app (JWT) or as the client's installation (installation token). The
/// retries here (clock skew, a token not yet known everywhere) and the mint all run inside
/// `deadline`; each send is a full `send.rs` call, seen by hooks and spans.
pub(crate) async fn execute(
    req: &Request<'_>,
    app: &AppAuth,
    deadline: Deadline,
) -> Result<Response> {
    match req.client.installation {
        _ if caller_sets_auth(req) => layers::with_auth(req, None, deadline).await,
        None => with_jwt(req, app, deadline).await,
        Some(id) => with_installation_token(req, app, id, deadline).await,
    }
}

/// The `Authorization` `req` goes out with (for downloads, which have no retry layer):
/// the JWT, or installation `id`'s current token, minted within `deadline` if needed.
pub(crate) async fn authorization(
    req: &Request<'_>,
    app: &AppAuth,
    deadline: Deadline,
) -> Result<Option<HeaderValue>> {
    match req.client.installation {
        _ if caller_sets_auth(req) => Ok(None),
        None => Ok(Some(app.key.authorization()?)),
        Some(id) => Ok(Some(app.token(req, id, deadline).await?.value)),
    }
}

/// Send with the JWT; after a `401` caused by clock skew, once more with a JWT made for the
/// server's clock (inside the same deadline: a spent deadline fails the second send at once).
async fn with_jwt(req: &Request<'_>, app: &AppAuth, deadline: Deadline) -> Result<Response> {
    let first = layers::with_auth(req, Some(&app.key.authorization()?), deadline).await;
    match &first {
        Err(Error::Api(e)) if app.key.adjust_to_server(e) => {
            layers::with_auth(req, Some(&app.key.authorization()?), deadline).await
        }
        _ => first,
    }
}

/// Send with installation `id`'s token. A `401` within seconds of minting is retried a few
/// times (GitHub may not know the new token everywhere yet) if the wait ends before the
/// deadline; a later `401` drops the token, so the next request mints a new one.
async fn with_installation_token(
    req: &Request<'_>,
    app: &AppAuth,
    id: u64,
    deadline: Deadline,
) -> Result<Response> {
    let mut retries = 0;
    loop {
        let token = app.token(req, id, deadline).await?;
        let mut result = layers::with_auth(req, Some(&token.value), deadline).await;
        let Err(Error::Api(e)) = &mut result else {
            return result;
        };
        if e.status != 401 {
            return result;
        }
        let wait = REPLICATION_FIRST_WAIT * 2u32.pow(retries);
        if retries >= REPLICATION_RETRIES || token.minted.elapsed() + wait > REPLICATION_WINDOW {
            app.slot(id).forget(&token);
            return result;
        }
        if !deadline.allows(wait) {
            // The retry would outlive the call: fail now, saying which wait was refused.
            if let Some(info) = e.request.as_mut() {
                info.retry_refused = Some(wait);
            }
            return result;
        }
        retries += 1;
        tokio::time::sleep(wait).await;
    }
}

impl AppAuth {
    fn slot(&self, id: u64) -> Arc<Slot> {
        let mut map = self
            .installations
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        map.entry(id).or_default().clone()
    }

    /// Installation `id`'s token: the current one while fresh, else one new token minted by
    /// the first caller while the others wait for it.
    /// Waiting for the lock and minting end by `deadline`.
    async fn token(&self, req: &Request<'_>, id: u64, deadline: Deadline) -> Result<Token> {
        let slot = self.slot(id);
        let skew = self.key.skew();
        if let Some(t) = slot.fresh(skew) {
            return Ok(t);
        }
        let locked = tokio::time::timeout_at(deadline.at.into(), slot.refresh.lock()).await;
        let Ok(_refreshing) = locked else {
            return Err(deadline.timeout(req, "waiting for an installation token"));
        };
        // Whoever held the lock before may have minted one meanwhile.
        if let Some(t) = slot.fresh(skew) {
            return Ok(t);
        }
        let token = self.mint(req.client, id, deadline).await?;
        *slot.current.write().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        Ok(token)
    }

    /// `POST /app/installations/{id}/access_tokens` as the app.
    async fn mint(&self, client: &Client, id: u64, deadline: Deadline) -> Result<Token> {
        let app_client = Client {
            inner: client.inner.clone(),
            installation: None,
        };
        let path = format!("/app/installations/{id}/access_tokens");
        let mint = Request::new(&app_client, Method::Post, path);
        let resp = with_jwt(&mint, self, deadline).await?;
        // Decode errors are replaced, and the body is not kept: both may quote the token.
        let status = resp.status();
        let unreadable = || {
            super::decode::decode_error(
                None,
                status,
                String::from("."),
                serde::de::Error::custom(
                    "the installation token response is not the expected JSON object",
                ),
                &bytes::Bytes::new(),
            )
        };
        let body: TokenBody = resp.json().map_err(|_| unreadable())?;
        let mut value =
            HeaderValue::try_from(format!("token {}", body.token)).map_err(|_| unreadable())?;
        value.set_sensitive(true);
        let expires_at = body
            .expires_at
            .as_deref()
            .and_then(clock::parse_rfc3339)
            .unwrap_or_else(|| clock::unix_now() + self.key.skew() + FALLBACK_LIFETIME);
        Ok(Token {
            secret: Secret::new(body.token),
            value,
            expires_at,
            minted: Instant::now(),
        })
    }
}

#[derive(serde::Deserialize)]
struct TokenBody {
    token: String,
    expires_at: Option<String>,
}

impl Slot {
    /// The current token if it has more than [`REFRESH_MARGIN`] left (in server time).
    fn fresh(&self, skew: i64) -> Option<Token> {
        let current = self.current.read().unwrap_or_else(PoisonError::into_inner);
        let now = clock::unix_now() + skew;
        current
            .as_ref()
            .filter(|t| t.expires_at - now > REFRESH_MARGIN)
            .cloned()
    }

    /// Drop `token` if it is still the current one (not one minted since).
    fn forget(&self, token: &Token) {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        if current.as_ref().is_some_and(|t| t.minted == token.minted) {
            *current = None;
        }
    }
}
