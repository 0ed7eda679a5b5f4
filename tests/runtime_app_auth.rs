//! GitHub App authentication against a local server emulating GitHub's JWT checks and
//! token endpoint: RS256 JWTs, installation tokens minted once and refreshed, concurrency,
//! the 401-after-mint retry, clock skew, and secrets kept out of `Debug` and errors.
//! The key pair under `tests/keys/` is TEST-ONLY.
#![cfg(feature = "github-app")]

#[path = "support/raw_server.rs"]
mod raw_server;

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use github_rest_client::runtime::{Client, ClientBuilder, Method, Request};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use raw_server::{response, RawServer, Recorded, Reply};

const KEY_PKCS1: &str = include_str!("keys/TEST-ONLY-app-key.pkcs1.pem");
const KEY_PKCS8: &str = include_str!("keys/TEST-ONLY-app-key.pkcs8.pem");
const PUBLIC_KEY: &str = include_str!("keys/TEST-ONLY-app-key.pub.pem");
const APP_ID: u64 = 4242;

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// `(year, month, day, hour, minute, second, weekday 0 = Sunday)` of Unix seconds.
fn civil(t: i64) -> (i64, u32, u32, i64, i64, i64, usize) {
    let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    let weekday = (days + 4).rem_euclid(7) as usize;
    (
        year,
        month,
        day,
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        weekday,
    )
}

fn http_date(t: i64) -> String {
    let (y, mo, d, h, mi, s, wd) = civil(t);
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {d:02} {} {y} {h:02}:{mi:02}:{s:02} GMT",
        days[wd],
        months[mo as usize - 1]
    )
}

fn rfc3339(t: i64) -> String {
    let (y, mo, d, h, mi, s, _) = civil(t);
    format!("{y}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

#[test]
fn test_date_helpers_match_known_dates() {
    assert_eq!(http_date(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT");
    assert_eq!(rfc3339(1_468_275_250), "2016-07-11T22:14:10Z");
}

#[derive(Debug, serde::Deserialize)]
struct Claims {
    iat: i64,
    exp: i64,
    iss: serde_json::Value,
}

/// Verify an RS256 JWT with the public key; the time checks use the server's clock.
fn verify_jwt(auth: Option<&str>, server_now: i64) -> Result<Claims, &'static str> {
    let jwt = auth
        .and_then(|a| a.strip_prefix("Bearer "))
        .ok_or("A JSON web token could not be decoded")?;
    let mut validation = Validation::new(Algorithm::RS256);
    validation.validate_exp = false;
    validation.required_spec_claims.clear();
    let key = DecodingKey::from_rsa_pem(PUBLIC_KEY.as_bytes()).unwrap();
    let claims = jsonwebtoken::decode::<Claims>(jwt, &key, &validation)
        .map_err(|_| "A JSON web token could not be decoded")?
        .claims;
    if claims.iat > server_now {
        return Err("'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued");
    }
    if claims.exp <= server_now {
        return Err("'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires");
    }
    if claims.exp > server_now + 600 {
        return Err("'Expiration time' claim ('exp') is too far in the future");
    }
    Ok(claims)
}

/// What the emulated GitHub does; tests adjust it before or between calls.
#[derive(Default)]
struct Behaviour {
    /// Server clock minus real clock, seconds.
    clock_offset: AtomicI64,
    mints: AtomicUsize,
    /// `expires_at` of successive tokens, seconds from the server's now (the last repeats;
    /// empty: one hour).
    lifetimes: Mutex<Vec<i64>>,
    /// How many more `401`s each token gets before it works.
    unauthorized: Mutex<HashMap<String, usize>>,
    mint_delay_ms: AtomicUsize,
    /// Token value of the next mint instead of `ghs_test_<n>` (to test odd responses).
    next_token_json: Mutex<Option<String>>,
}

struct FakeGitHub {
    server: RawServer,
    behaviour: Arc<Behaviour>,
}

fn json(status: &str, date: i64, body: &str) -> Vec<u8> {
    response(
        status,
        &[
            ("content-type", "application/json"),
            ("date", &http_date(date)),
        ],
        body.as_bytes(),
    )
}

impl FakeGitHub {
    async fn start() -> FakeGitHub {
        let behaviour = Arc::new(Behaviour::default());
        let b = behaviour.clone();
        let server = RawServer::start(move |_, r| reply(&b, r)).await;
        FakeGitHub { server, behaviour }
    }

    fn builder(&self) -> ClientBuilder {
        Client::builder().base_url(&self.server.base).max_retries(0)
    }

    fn app_client(&self) -> Client {
        self.builder()
            .app(APP_ID, KEY_PKCS1)
            .unwrap()
            .build()
            .unwrap()
    }

    fn mints(&self) -> usize {
        self.behaviour.mints.load(Ordering::SeqCst)
    }

    fn requests_to(&self, target: &str) -> Vec<Recorded> {
        self.server
            .requests()
            .into_iter()
            .filter(|r| r.target == target)
            .collect()
    }
}

fn reply(b: &Behaviour, r: &Recorded) -> Reply {
    let server_now = now() + b.clock_offset.load(Ordering::SeqCst);
    let unauthorized = |m: &str| {
        Reply::Raw(json(
            "401 Unauthorized",
            server_now,
            &serde_json::json!({ "message": m }).to_string(),
        ))
    };
    if r.target == "/app" || r.target.ends_with("/access_tokens") {
        if let Err(m) = verify_jwt(r.header("authorization"), server_now) {
            return unauthorized(m);
        }
    }
    if r.target == "/app" {
        return Reply::Raw(json("200 OK", server_now, r#"{"id":4242}"#));
    }
    if r.method == "POST" && r.target.ends_with("/access_tokens") {
        let n = b.mints.fetch_add(1, Ordering::SeqCst) + 1;
        let lifetime = {
            let mut l = b.lifetimes.lock().unwrap();
            match l.len() {
                0 => 3600,
                1 => l[0],
                _ => l.remove(0),
            }
        };
        let token = b
            .next_token_json
            .lock()
            .unwrap()
            .take()
            .unwrap_or_else(|| format!("\"ghs_test_{n}\""));
        let body = format!(
            r#"{{"token":{token},"expires_at":"{}","permissions":{{}}}}"#,
            rfc3339(server_now + lifetime)
        );
        let bytes = json("201 Created", server_now, &body);
        let delay = b.mint_delay_ms.load(Ordering::SeqCst) as u64;
        return Reply::Delayed(Duration::from_millis(delay), bytes);
    }
    let Some(token) = r
        .header("authorization")
        .and_then(|a| a.strip_prefix("token "))
        .filter(|t| t.starts_with("ghs_"))
    else {
        return unauthorized("Bad credentials");
    };
    if let Some(left) = b.unauthorized.lock().unwrap().get_mut(token) {
        if *left > 0 {
            *left -= 1;
            return unauthorized("Bad credentials");
        }
    }
    Reply::Raw(json("200 OK", server_now, r#"{"ok":true}"#))
}

async fn get(client: &Client, path: &str) -> github_rest_client::Result<u16> {
    let resp = Request::new(client, Method::Get, path.into())
        .send()
        .await?;
    Ok(resp.status())
}

#[tokio::test]
async fn the_app_client_sends_an_rs256_jwt_verifiable_with_the_public_key() {
    let gh = FakeGitHub::start().await;
    for key in [KEY_PKCS1, KEY_PKCS8] {
        let client = gh.builder().app(APP_ID, key).unwrap().build().unwrap();
        assert_eq!(get(&client, "/app").await.unwrap(), 200);
    }
    let requests = gh.requests_to("/app");
    assert_eq!(requests.len(), 2);
    let t = now();
    for r in &requests {
        let jwt = r
            .header("authorization")
            .unwrap()
            .strip_prefix("Bearer ")
            .unwrap();
        let header = jsonwebtoken::decode_header(jwt).unwrap();
        assert_eq!(header.alg, Algorithm::RS256);
        let claims = verify_jwt(r.header("authorization"), t).unwrap();
        assert_eq!(claims.iss, serde_json::json!(APP_ID));
        assert!((t - 65..=t - 55).contains(&claims.iat), "{claims:?} at {t}");
        assert_eq!(claims.exp - claims.iat, 600, "{claims:?}");
        assert!(claims.exp - t <= 600);
    }
    // A tampered signature does not verify (the check above can fail).
    let jwt = requests[0].header("authorization").unwrap();
    let tampered = format!("{}A", &jwt[..jwt.len() - 1].replace('A', "B"));
    assert!(verify_jwt(Some(&tampered), t).is_err());
}

#[tokio::test]
async fn the_jwt_is_reused_and_the_client_id_can_be_the_issuer() {
    let gh = FakeGitHub::start().await;
    let client = gh.app_client();
    get(&client, "/app").await.unwrap();
    get(&client.clone(), "/app").await.unwrap();
    let by_id = gh
        .builder()
        .app_client_id("Iv1.0123456789abcdef", KEY_PKCS1)
        .unwrap()
        .build()
        .unwrap();
    get(&by_id, "/app").await.unwrap();
    let r = gh.requests_to("/app");
    assert_eq!(r[0].header("authorization"), r[1].header("authorization"));
    let claims = verify_jwt(r[2].header("authorization"), now()).unwrap();
    assert_eq!(claims.iss, serde_json::json!("Iv1.0123456789abcdef"));
}

#[tokio::test]
async fn an_installation_token_is_minted_once_and_shared_by_clones() {
    let gh = FakeGitHub::start().await;
    let app = gh.app_client();
    let inst = app.installation(7).unwrap();
    assert_eq!(inst.installation_id(), Some(7));
    get(&inst, "/repos/o/r").await.unwrap();
    get(&inst.clone(), "/repos/o/r").await.unwrap();
    get(&app.clone().installation(7).unwrap(), "/repos/o/r")
        .await
        .unwrap();
    assert_eq!(gh.mints(), 1);
    let mint = &gh.requests_to("/app/installations/7/access_tokens")[0];
    assert_eq!(mint.method, "POST");
    assert_eq!(mint.header("content-length"), Some("0"));
    assert!(mint.header("authorization").unwrap().starts_with("Bearer "));
    for r in gh.requests_to("/repos/o/r") {
        assert_eq!(r.header("authorization"), Some("token ghs_test_1"));
    }
    // Another installation has its own token; the app client still uses its JWT.
    get(&app.installation(8).unwrap(), "/repos/o/r")
        .await
        .unwrap();
    assert_eq!(gh.mints(), 2);
    assert_eq!(
        gh.requests_to("/app/installations/8/access_tokens").len(),
        1
    );
    get(&app, "/app").await.unwrap();
    assert!(gh.requests_to("/app")[0]
        .header("authorization")
        .unwrap()
        .starts_with("Bearer "));
    assert_eq!(
        app.installation_token(7).await.unwrap().expose(),
        "ghs_test_1"
    );
    assert_eq!(gh.mints(), 2);
}

#[tokio::test]
async fn a_token_close_to_expiry_is_refreshed_before_it_expires() {
    let gh = FakeGitHub::start().await;
    // First token: one minute left (inside the five-minute margin); then an hour.
    *gh.behaviour.lifetimes.lock().unwrap() = vec![60, 3600];
    let inst = gh.app_client().installation(1).unwrap();
    for _ in 0..3 {
        get(&inst, "/user/repos").await.unwrap();
    }
    assert_eq!(gh.mints(), 2);
    let used: Vec<String> = gh
        .requests_to("/user/repos")
        .iter()
        .map(|r| r.header("authorization").unwrap().to_owned())
        .collect();
    assert_eq!(
        used,
        ["token ghs_test_1", "token ghs_test_2", "token ghs_test_2"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_concurrent_calls_make_exactly_one_token_request() {
    let gh = FakeGitHub::start().await;
    gh.behaviour.mint_delay_ms.store(200, Ordering::SeqCst);
    let inst = gh.app_client().installation(99).unwrap();
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let c = inst.clone();
            tokio::spawn(async move { get(&c, "/installation/repositories").await })
        })
        .collect();
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), 200);
    }
    assert_eq!(gh.mints(), 1);
    let calls = gh.requests_to("/installation/repositories");
    assert_eq!(calls.len(), 100);
    assert!(calls
        .iter()
        .all(|r| r.header("authorization") == Some("token ghs_test_1")));
}

#[tokio::test]
async fn a_401_right_after_minting_is_retried_briefly() {
    let gh = FakeGitHub::start().await;
    gh.behaviour
        .unauthorized
        .lock()
        .unwrap()
        .insert("ghs_test_1".into(), 1);
    let inst = gh.app_client().installation(3).unwrap();
    let start = Instant::now();
    assert_eq!(get(&inst, "/repos/o/r").await.unwrap(), 200);
    assert!(start.elapsed() >= Duration::from_millis(250));
    assert_eq!(gh.requests_to("/repos/o/r").len(), 2);
    assert_eq!(gh.mints(), 1);
}

#[tokio::test]
async fn a_lasting_401_gives_up_within_seconds_and_drops_the_token() {
    let gh = FakeGitHub::start().await;
    gh.behaviour
        .unauthorized
        .lock()
        .unwrap()
        .insert("ghs_test_1".into(), usize::MAX);
    let inst = gh.app_client().installation(3).unwrap();
    let start = Instant::now();
    let err = get(&inst, "/repos/o/r").await.unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert!(
        start.elapsed() < Duration::from_secs(6),
        "{:?}",
        start.elapsed()
    );
    let tries = gh.requests_to("/repos/o/r").len();
    assert!((2..=5).contains(&tries), "{tries} tries");
    // The refused token was dropped: the next call mints a new one, which works.
    assert_eq!(get(&inst, "/repos/o/r").await.unwrap(), 200);
    assert_eq!(gh.mints(), 2);
    let last = gh.requests_to("/repos/o/r").pop().unwrap();
    assert_eq!(last.header("authorization"), Some("token ghs_test_2"));
}

#[tokio::test]
async fn clock_skew_is_corrected_from_the_server_date() {
    for offset in [3600, -3600] {
        let gh = FakeGitHub::start().await;
        gh.behaviour.clock_offset.store(offset, Ordering::SeqCst);
        let app = gh.app_client();
        assert_eq!(get(&app, "/app").await.unwrap(), 200, "offset {offset}");
        let r = gh.requests_to("/app");
        assert_eq!(
            r.len(),
            2,
            "one refused JWT, one accepted (offset {offset})"
        );
        let server_now = now() + offset;
        assert!(verify_jwt(r[0].header("authorization"), server_now).is_err());
        let claims = verify_jwt(r[1].header("authorization"), server_now).unwrap();
        assert!((server_now - 65..=server_now - 55).contains(&claims.iat));
        // Later JWTs (here for minting a token) use the corrected clock at once.
        get(&app.installation(5).unwrap(), "/repos/o/r")
            .await
            .unwrap();
        assert_eq!(
            gh.requests_to("/app/installations/5/access_tokens").len(),
            1,
            "offset {offset}"
        );
    }
}

#[tokio::test]
async fn a_401_without_skew_is_not_retried() {
    let gh = FakeGitHub::start().await;
    let app = gh.app_client();
    // The app's JWT is refused here (only installation tokens are accepted): no skew in
    // `Date`, no claim complaint, so one request and the error.
    let err = get(&app, "/repos/o/r").await.unwrap_err();
    assert_eq!(err.status(), Some(401));
    assert_eq!(gh.requests_to("/repos/o/r").len(), 1);
    // A caller-set Authorization is sent as is, also on an installation client.
    let inst = app.installation(2).unwrap();
    let err = Request::new(&inst, Method::Get, "/repos/o/r".into())
        .header("authorization", "token not-a-ghs-token")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(401));
    let r = gh.requests_to("/repos/o/r");
    assert_eq!(r.len(), 2);
    assert_eq!(r[1].header("authorization"), Some("token not-a-ghs-token"));
    assert_eq!(gh.mints(), 0);
}

#[tokio::test]
async fn keys_jwts_and_tokens_stay_out_of_debug_and_errors() {
    let gh = FakeGitHub::start().await;
    let builder = gh.builder().app(APP_ID, KEY_PKCS1).unwrap();
    let mut shown = vec![format!("{builder:?}")];
    let app = builder.build().unwrap();
    let inst = app.installation(11).unwrap();
    get(&inst, "/repos/o/r").await.unwrap();
    let token = app.installation_token(11).await.unwrap();
    shown.push(format!("{app:?} {inst:?} {token:?}"));

    // Errors: a refused token, a missing installation, a bad key, a token that is no header.
    gh.behaviour
        .unauthorized
        .lock()
        .unwrap()
        .insert("ghs_test_1".into(), usize::MAX);
    let err = get(&inst, "/refused").await.unwrap_err();
    shown.push(format!("{err} {err:?}"));
    *gh.behaviour.next_token_json.lock().unwrap() = Some("\"ghs_leak\\u0000ed\"".into());
    let err = get(&app.installation(12).unwrap(), "/x").await.unwrap_err();
    shown.push(format!("{err} {err:?}"));
    assert!(err.to_string().contains("installation token"), "{err}");
    let truncated = &KEY_PKCS1[..200];
    let err = Client::builder().app(1, truncated).unwrap_err();
    shown.push(format!("{err} {err:?}"));

    let mut secrets: Vec<String> = gh
        .server
        .requests()
        .iter()
        .filter_map(|r| r.header("authorization"))
        .flat_map(|a| a.split(' ').nth(1).map(str::to_owned))
        .collect();
    secrets.push("ghs_leak".into());
    assert!(
        secrets.iter().any(|s| s.starts_with("eyJ")),
        "a JWT was sent"
    );
    assert!(secrets.iter().any(|s| s == "ghs_test_1"));
    // Every line of the key's base64 body (the truncated one included).
    secrets.extend(
        KEY_PKCS1
            .lines()
            .filter(|l| !l.starts_with("-----"))
            .map(|l| l[..16].to_owned()),
    );
    for text in &shown {
        for s in &secrets {
            assert!(!text.contains(s.as_str()), "{s:?} shown in {text}");
        }
    }
}

#[tokio::test]
async fn misconfigurations_are_errors() {
    assert!(Client::new().unwrap().installation(1).is_err());
    assert!(Client::new().unwrap().installation_token(1).await.is_err());
    let both = Client::builder()
        .token("ghp_x")
        .app(1, KEY_PKCS1)
        .unwrap()
        .build();
    assert!(both.is_err());
    assert!(Client::builder().app(1, "not a key").is_err());
}

#[tokio::test]
async fn a_post_mint_401_retry_cannot_outlive_the_call_deadline() {
    let gh = FakeGitHub::start().await;
    gh.behaviour
        .unauthorized
        .lock()
        .unwrap()
        .insert("ghs_test_1".into(), usize::MAX);
    let inst = gh.app_client().installation(3).unwrap();
    // Waits are 250 ms, then 500 ms: the second would end after the 600 ms deadline.
    let start = Instant::now();
    let err = Request::new(&inst, Method::Get, "/repos/o/r".into())
        .timeout(Duration::from_millis(600))
        .send()
        .await
        .unwrap_err();
    let took = start.elapsed();
    assert_eq!(err.status(), Some(401), "{err}");
    assert!(took < Duration::from_millis(600), "{took:?}");
    assert_eq!(gh.requests_to("/repos/o/r").len(), 2);
    let info = err.request().expect("the error names the request");
    assert_eq!(info.retry_refused, Some(Duration::from_millis(500)));
    assert_eq!(info.deadline, Duration::from_millis(600));
    assert!(!format!("{err} {err:?}").contains("ghs_test_1"));
}
