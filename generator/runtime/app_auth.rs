//! GitHub App authentication, the auth layer's app half: the app client sends its JWT; an
//! installation client sends a token minted once, shared by clones, refreshed before expiry.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::time::{Duration, Instant};

use reqwest::header::{HeaderValue, AUTHORIZATION};

use super::app_jwt::{AppKey, Issuer};
use super::clock;
use super::error::{Error, Result};
use super::method::Method;
use super::prepared::{Base, Prepared};
#[cfg(feature = "redis")]
use super::redis_state::RedisState;
#[cfg(feature = "redis")]
use super::redis_tokens::{Claim, Sealer, SharedTokens};
use super::response::{decode_error, Response};
use super::secret::Secret;
use super::send;
use super::timer::Deadline;
use super::transport::Transport;

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
    /// The key that seals tokens shared through Redis (until `share_through` takes it).
    #[cfg(feature = "redis")]
    sealer: Option<Sealer>,
    /// Tokens shared with other processes (`ClientBuilder::redis`).
    #[cfg(feature = "redis")]
    shared: Option<SharedTokens>,
    /// The issuer as text (names the app in shared keys).
    #[cfg(feature = "redis")]
    issuer: String,
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

fn caller_sets_auth(req: &Prepared) -> bool {
    req.header(AUTHORIZATION.as_str()).is_some()
}

/// Send `req` as the app (JWT) or as `installation` (installation token), each send through
/// `send` (the cache layer, with the `Authorization` to use). The retries here (clock skew, a
/// token not yet known everywhere) and the mint all run inside `deadline`; each send is a full
/// transport call, seen by hooks and spans.
pub(crate) async fn execute<F, Fut>(
    app: &AppAuth,
    transport: &Transport,
    installation: Option<u64>,
    req: &Prepared,
    deadline: Deadline,
    send: F,
) -> Result<Response>
where
    F: Fn(Option<HeaderValue>) -> Fut,
    Fut: Future<Output = Result<Response>>,
{
    match installation {
        _ if caller_sets_auth(req) => send(None).await,
        None => app.with_jwt(send).await,
        Some(id) => {
            let mut retries = 0;
            loop {
                let token = app.token(transport, req, id, deadline).await?;
                let mut result = send(Some(token.value.clone())).await;
                let Err(Error::Api(e)) = &mut result else {
                    return result;
                };
                // A `401` within seconds of minting is retried a few times (GitHub may not
                // know the new token everywhere yet) if the wait ends before the deadline; a
                // later `401` drops the token, so the next request mints a new one.
                if e.status != 401 {
                    return result;
                }
                let wait = REPLICATION_FIRST_WAIT * 2u32.pow(retries);
                if retries >= REPLICATION_RETRIES
                    || token.minted.elapsed() + wait > REPLICATION_WINDOW
                {
                    app.slot(id).forget(&token);
                    #[cfg(feature = "redis")]
                    if let Some(shared) = &app.shared {
                        shared.forget(id);
                    }
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
    }
}

impl AppAuth {
    /// The app of `app_id` or client ID, with its private key (PEM).
    pub(crate) fn new(issuer: Issuer, pem: &[u8]) -> Result<AppAuth> {
        #[cfg(feature = "redis")]
        let issuer_text = serde_json::to_string(&issuer).unwrap_or_default();
        Ok(AppAuth {
            key: AppKey::new(issuer, pem)?,
            installations: Mutex::default(),
            #[cfg(feature = "redis")]
            sealer: Some(Sealer::from_pem(pem).ok_or_else(|| {
                Error::invalid("no token sealing key could be derived from the private key")
            })?),
            #[cfg(feature = "redis")]
            shared: None,
            #[cfg(feature = "redis")]
            issuer: issuer_text,
        })
    }

    /// Share installation tokens through `state` (when the client is built).
    #[cfg(feature = "redis")]
    pub(crate) fn share_through(&mut self, state: RedisState) {
        if let Some(sealer) = self.sealer.take() {
            self.shared = Some(SharedTokens::new(state, sealer, &self.issuer));
        }
    }

    /// The `Authorization` `req` goes out with (for downloads, which have no retry layer):
    /// the JWT, or `installation`'s current token, minted within `deadline` if needed.
    pub(crate) async fn authorization(
        &self,
        transport: &Transport,
        installation: Option<u64>,
        req: &Prepared,
        deadline: Deadline,
    ) -> Result<Option<HeaderValue>> {
        match installation {
            _ if caller_sets_auth(req) => Ok(None),
            None => Ok(Some(self.key.authorization()?)),
            Some(id) => Ok(Some(self.token(transport, req, id, deadline).await?.value)),
        }
    }

    /// The current token of installation `id`, e.g. to clone over HTTPS; `req` (the mint
    /// request) names the call in a timeout.
    pub(crate) async fn installation_token(
        &self,
        transport: &Transport,
        req: &Prepared,
        id: u64,
        deadline: Deadline,
    ) -> Result<Secret> {
        Ok(self.token(transport, req, id, deadline).await?.secret)
    }

    /// Send with the JWT; after a `401` caused by clock skew, once more with a JWT made for
    /// the server's clock (inside the same deadline: a spent deadline fails the second send at
    /// once).
    async fn with_jwt<F, Fut>(&self, send: F) -> Result<Response>
    where
        F: Fn(Option<HeaderValue>) -> Fut,
        Fut: Future<Output = Result<Response>>,
    {
        let first = send(Some(self.key.authorization()?)).await;
        match &first {
            Err(Error::Api(e)) if self.key.adjust_to_server(e) => {
                send(Some(self.key.authorization()?)).await
            }
            _ => first,
        }
    }

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
    async fn token(
        &self,
        transport: &Transport,
        req: &Prepared,
        id: u64,
        deadline: Deadline,
    ) -> Result<Token> {
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
        #[cfg(feature = "redis")]
        let token = self.shared_or_mint(transport, id, deadline).await?;
        #[cfg(not(feature = "redis"))]
        let token = self.mint(transport, id, deadline).await?;
        *slot.current.write().unwrap_or_else(PoisonError::into_inner) = Some(token.clone());
        Ok(token)
    }

    /// `POST /app/installations/{id}/access_tokens` as the app (straight to the transport:
    /// the cache layer passes a `POST` through).
    async fn mint(&self, transport: &Transport, id: u64, deadline: Deadline) -> Result<Token> {
        let path = format!("/app/installations/{id}/access_tokens");
        let mint = Prepared::new(Method::Post, Base::Api, path);
        let send = |auth: Option<HeaderValue>| {
            let mint = &mint;
            async move { send::execute(transport, mint, auth.as_ref(), deadline).await }
        };
        let resp = self.with_jwt(send).await?;
        // Decode errors are replaced, and the body is not kept: both may quote the token.
        let status = resp.status();
        let unreadable = || {
            decode_error(
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
        let expires_at = body
            .expires_at
            .as_deref()
            .and_then(clock::parse_rfc3339)
            .unwrap_or_else(|| clock::unix_now() + self.key.skew() + FALLBACK_LIFETIME);
        Token::new(body.token, expires_at).ok_or_else(unreadable)
    }

    /// Installation `id`'s token from Redis, else minted here: by this process alone while
    /// it holds the shared lock (the others wait for its token), or without Redis when Redis
    /// is unavailable.
    #[cfg(feature = "redis")]
    async fn shared_or_mint(
        &self,
        transport: &Transport,
        id: u64,
        deadline: Deadline,
    ) -> Result<Token> {
        let Some(shared) = &self.shared else {
            return self.mint(transport, id, deadline).await;
        };
        match shared.claim(id, deadline.at).await {
            Claim::Found(secret, expires_at) => match Token::new(secret, expires_at) {
                Some(t) => Ok(t),
                None => self.mint(transport, id, deadline).await,
            },
            Claim::Unavailable => self.mint(transport, id, deadline).await,
            Claim::Mint(lock) => match self.mint(transport, id, deadline).await {
                Ok(token) => {
                    let left = token.expires_at - (clock::unix_now() + self.key.skew());
                    let valid_for =
                        Duration::from_secs(u64::try_from(left - REFRESH_MARGIN).unwrap_or(0));
                    let secret = token.secret.expose();
                    let expires = token.expires_at;
                    shared.publish(id, secret, expires, valid_for, &lock, deadline.at).await;
                    Ok(token)
                }
                Err(e) => {
                    shared.release(id, &lock, deadline.at).await;
                    Err(e)
                }
            },
        }
    }
}

#[derive(serde::Deserialize)]
struct TokenBody {
    token: String,
    expires_at: Option<String>,
}

impl Token {
    /// A token minted now (or just read from a peer): `None` if it cannot be a header value.
    fn new(secret: String, expires_at: i64) -> Option<Token> {
        let mut value = HeaderValue::try_from(format!("token {secret}")).ok()?;
        value.set_sensitive(true);
        Some(Token {
            secret: Secret::new(secret),
            value,
            expires_at,
            minted: Instant::now(),
        })
    }
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
