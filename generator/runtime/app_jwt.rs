//! The GitHub App's own credential: an RS256 JWT signed with the app's private key, reused
//! until near expiry and corrected for a server clock that differs from ours.

use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Mutex, PoisonError};

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::header::HeaderValue;

use super::clock;
use super::error::{ApiError, Error, Result};
use super::rsa_pem;

/// `iat` is set this far in the past, so a server clock slightly behind ours accepts it.
const ISSUED_BACK: i64 = 60;
/// `exp - iat`: GitHub refuses JWTs valid for more than ten minutes.
const LIFETIME: i64 = 600;
/// A cached JWT is replaced once it has less than this left.
const REUSE_MARGIN: i64 = 120;
/// A server `Date` this far from our clock counts as skew even if the message is unknown.
const SKEW_THRESHOLD: i64 = 30;

/// Who the JWT says issued it: the numeric app ID, or the app's client ID.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(untagged)]
pub(crate) enum Issuer {
    AppId(u64),
    ClientId(Box<str>),
}

#[derive(serde::Serialize)]
struct Claims<'a> {
    iat: i64,
    exp: i64,
    iss: &'a Issuer,
}

/// The app's key and its current JWT.
pub(crate) struct AppKey {
    issuer: Issuer,
    key: EncodingKey,
    /// Server time minus our time, in seconds, as learnt from a rejected JWT.
    skew: AtomicI64,
    jwt: Mutex<Option<Jwt>>,
}

struct Jwt {
    /// `Bearer <jwt>`, marked sensitive.
    value: HeaderValue,
    exp: i64,
    skew: i64,
}

impl fmt::Debug for AppKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppKey")
            .field("issuer", &self.issuer)
            .field("private_key", &"<redacted>")
            .field("skew_seconds", &self.skew.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl AppKey {
    /// Parse an RSA private key in PEM form (PKCS#1 `RSA PRIVATE KEY`, as GitHub hands them
    /// out, or PKCS#8 `PRIVATE KEY`). The error never quotes the key.
    pub(crate) fn new(issuer: Issuer, private_key_pem: &[u8]) -> Result<AppKey> {
        let der = rsa_pem::pkcs1_der(private_key_pem).ok_or_else(|| {
            Error::invalid("the GitHub App private key is not an RSA private key in PEM form")
        })?;
        let key = EncodingKey::from_rsa_der(&der);
        let app = AppKey {
            issuer,
            key,
            skew: AtomicI64::new(0),
            jwt: Mutex::new(None),
        };
        // Sign once now: a key ring cannot use (too small, malformed) fails at build time.
        app.authorization().map_err(|_| {
            Error::invalid("the GitHub App private key is not a usable RSA private key")
        })?;
        Ok(app)
    }

    /// `Bearer <jwt>` for the next request: the cached JWT while it has more than two
    /// minutes left under the current clock correction, else a new one.
    pub(crate) fn authorization(&self) -> Result<HeaderValue> {
        let skew = self.skew.load(Ordering::Relaxed);
        let now = clock::unix_now().saturating_add(skew);
        let mut cached = self.jwt.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(jwt) = cached.as_ref() {
            if jwt.skew == skew && jwt.exp - now > REUSE_MARGIN {
                return Ok(jwt.value.clone());
            }
        }
        let iat = now - ISSUED_BACK;
        let claims = Claims {
            iat,
            exp: iat + LIFETIME,
            iss: &self.issuer,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::RS256), &claims, &self.key)
            .map_err(|_| Error::invalid("could not sign the GitHub App JWT with its key"))?;
        let mut value = HeaderValue::try_from(format!("Bearer {token}"))
            .map_err(|_| Error::invalid("the GitHub App JWT is not a valid header value"))?;
        value.set_sensitive(true);
        *cached = Some(Jwt {
            value: value.clone(),
            exp: claims.exp,
            skew,
        });
        Ok(value)
    }

    /// After a `401` to a JWT-authenticated request: if it looks like clock skew (GitHub
    /// complains about `iat`/`exp`, or its `Date` is far from our clock), adopt the server's
    /// time from `Date` and say that a retry with a new JWT is worth it.
    pub(crate) fn adjust_to_server(&self, err: &ApiError) -> bool {
        if err.status != 401 {
            return false;
        }
        let Some(server_now) = err
            .headers
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(clock::parse_http_date)
        else {
            return false;
        };
        let skew = server_now - clock::unix_now();
        let old = self.skew.load(Ordering::Relaxed);
        let claims_refused = err
            .message
            .as_deref()
            .is_some_and(|m| m.contains("('exp')") || m.contains("('iat')"));
        if skew == old || (!claims_refused && (skew - old).abs() < SKEW_THRESHOLD) {
            return false;
        }
        self.skew.store(skew, Ordering::Relaxed);
        true
    }

    /// Server time minus our time, in seconds, as currently assumed.
    pub(crate) fn skew(&self) -> i64 {
        self.skew.load(Ordering::Relaxed)
    }
}
