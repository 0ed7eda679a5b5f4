//! Installation tokens shared through Redis: one process mints under a lock with a TTL, the
//! others read its token, sealed with a key derived from the app's private key.

use std::time::{Duration, Instant};

use redis::Script;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use ring::hkdf::{Salt, HKDF_SHA256};
use ring::rand::{SecureRandom, SystemRandom};

use super::redis_state::{identity, RedisState};

/// A minting process that dies frees the lock after this.
const LOCK_TTL: Duration = Duration::from_secs(10);
/// Sleep between two looks for the token another process is minting.
const POLL: Duration = Duration::from_millis(25);

/// KEYS: token, lock. ARGV: lock id, lock TTL (ms). `{1, value}`: a token is stored;
/// `{2, ''}`: the caller holds the lock and mints; `{0, ''}`: another process is minting.
const CLAIM: &str = r"
local v = redis.call('GET', KEYS[1])
if v then return {1, v} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {2, ''} end
return {0, ''}
";

/// KEYS: lock. ARGV: lock id. Frees the lock only if the caller still holds it.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
";

/// The key sealing tokens at rest: ChaCha20-Poly1305, derived (HKDF-SHA256) from the app's
/// private key, so only processes holding that key (which can mint anyway) can read them.
pub(crate) struct Sealer(LessSafeKey);

impl Sealer {
    /// `None` only if HKDF refuses the output length (it cannot: it is the algorithm's own).
    pub(crate) fn from_pem(pem: &[u8]) -> Option<Sealer> {
        let salt = Salt::new(HKDF_SHA256, b"github-rest-client installation tokens v1");
        let info: &[&[u8]] = &[b"chacha20-poly1305"];
        let prk = salt.extract(pem);
        let okm = prk.expand(info, &CHACHA20_POLY1305).ok()?;
        Some(Sealer(LessSafeKey::new(UnboundKey::from(okm))))
    }
}

/// What Redis says about an installation's token.
pub(crate) enum Claim {
    /// A token another process minted: the secret and its expiry (Unix seconds).
    Found(String, i64),
    /// This process holds the lock (its id) and mints.
    Mint(String),
    /// Redis is unavailable: mint locally.
    Unavailable,
}

/// One app's installation tokens in Redis.
pub(crate) struct SharedTokens {
    state: RedisState,
    sealer: Sealer,
    /// Names the app in keys: a hash of its issuer.
    app: String,
}

impl SharedTokens {
    pub(crate) fn new(state: RedisState, sealer: Sealer, issuer: &str) -> SharedTokens {
        let app = identity(Some(issuer.as_bytes()));
        SharedTokens { state, sealer, app }
    }

    fn keys(&self, installation: u64) -> [String; 2] {
        let k = |part: &str| {
            self.state
                .key(&format!("token:{}:{installation}:{part}", self.app))
        };
        [k("value"), k("lock")]
    }

    /// The stored token, else the lock to mint one; waits (by `deadline`) while another
    /// process mints.
    pub(crate) async fn claim(&self, installation: u64, deadline: Instant) -> Claim {
        let keys = self.keys(installation);
        let lock = lock_id();
        let script = Script::new(CLAIM);
        loop {
            let answer: Option<(i64, Vec<u8>)> = self
                .state
                .run(deadline, "reading an installation token", |mut c| {
                    let mut inv = script.prepare_invoke();
                    inv.key(&keys[0]).key(&keys[1]);
                    inv.arg(&lock).arg(LOCK_TTL.as_millis() as u64);
                    async move { inv.invoke_async(&mut c).await }
                })
                .await;
            match answer {
                None => return Claim::Unavailable,
                Some((1, value)) => match self.open(&keys[0], value) {
                    Some((token, expires_at)) => return Claim::Found(token, expires_at),
                    // Sealed with another key (another app's PEM?) or damaged: replace it.
                    None => return Claim::Unavailable,
                },
                Some((2, _)) => return Claim::Mint(lock),
                Some(_) if Instant::now() + POLL < deadline => tokio::time::sleep(POLL).await,
                Some(_) => return Claim::Unavailable,
            }
        }
    }

    /// Store the token this process minted (until `valid_for` from now), and free the lock.
    pub(crate) async fn publish(
        &self,
        installation: u64,
        token: &str,
        expires_at: i64,
        valid_for: Duration,
        lock: &str,
        deadline: Instant,
    ) {
        let keys = self.keys(installation);
        if !valid_for.is_zero() {
            if let Some(value) = self.seal(&keys[0], token, expires_at) {
                let ms = u64::try_from(valid_for.as_millis()).unwrap_or(u64::MAX);
                let _: Option<()> = self
                    .state
                    .run(
                        deadline,
                        "storing an installation token",
                        |mut c| async move {
                            redis::cmd("SET")
                                .arg(&keys[0])
                                .arg(value)
                                .arg("PX")
                                .arg(ms)
                                .query_async(&mut c)
                                .await
                        },
                    )
                    .await;
            }
        }
        self.release(installation, lock, deadline).await;
    }

    /// Free the lock (the mint failed, or after publishing).
    pub(crate) async fn release(&self, installation: u64, lock: &str, deadline: Instant) {
        let [_, lock_key] = self.keys(installation);
        let script = Script::new(RELEASE);
        let _: Option<i64> = self
            .state
            .run(deadline, "freeing an installation token lock", |mut c| {
                let mut inv = script.prepare_invoke();
                inv.key(&lock_key).arg(lock);
                async move { inv.invoke_async(&mut c).await }
            })
            .await;
    }

    /// Drop the stored token (GitHub refused it), in the background.
    pub(crate) fn forget(&self, installation: u64) {
        let Ok(rt) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let [value_key, _] = self.keys(installation);
        let state = self.state.clone();
        rt.spawn(async move {
            let deadline = Instant::now() + state.config.timeout;
            let _: Option<i64> =
                state
                    .run(
                        deadline,
                        "dropping an installation token",
                        |mut c| async move {
                            redis::cmd("DEL").arg(&value_key).query_async(&mut c).await
                        },
                    )
                    .await;
        });
    }

    /// `E` + nonce + sealed `expires_at \n token` (bound to its key), or `P` + the plain text
    /// when the user opted in.
    fn seal(&self, key: &str, token: &str, expires_at: i64) -> Option<Vec<u8>> {
        let plain = format!("{expires_at}\n{token}");
        if self.state.config.plain_tokens {
            return Some([b"P", plain.as_bytes()].concat());
        }
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new().fill(&mut nonce).ok()?;
        let mut sealed = plain.into_bytes();
        let aad = Aad::from(key.as_bytes());
        let n = Nonce::assume_unique_for_key(nonce);
        self.sealer
            .0
            .seal_in_place_append_tag(n, aad, &mut sealed)
            .ok()?;
        Some([b"E".as_slice(), &nonce, &sealed].concat())
    }

    fn open(&self, key: &str, value: Vec<u8>) -> Option<(String, i64)> {
        let plain = match value.split_first()? {
            (b'P', rest) => rest.to_vec(),
            (b'E', rest) if rest.len() > NONCE_LEN => {
                let (nonce, sealed) = rest.split_at(NONCE_LEN);
                let n = Nonce::try_assume_unique_for_key(nonce).ok()?;
                let mut buf = sealed.to_vec();
                let aad = Aad::from(key.as_bytes());
                self.sealer.0.open_in_place(n, aad, &mut buf).ok()?.to_vec()
            }
            _ => return None,
        };
        let text = String::from_utf8(plain).ok()?;
        let (expires_at, token) = text.split_once('\n')?;
        Some((token.to_owned(), expires_at.parse().ok()?))
    }
}

/// A lock id unique across processes.
fn lock_id() -> String {
    let mut bytes = [0u8; 12];
    let _ = SystemRandom::new().fill(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{hex}", std::process::id())
}
