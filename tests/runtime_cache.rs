//! Conditional requests: the headers sent, the `304` answered from the cache, key separation
//! by token and `Accept`, bounded memory, eviction while a request is in flight, user stores.
#![cfg(feature = "http-cache")]

#[path = "support/raw_server.rs"]
mod raw_server;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use github_rest_client::runtime::{
    CacheKey, CacheStore, CachedResponse, Client, MediaType, MemoryCache, Method, Request,
};
use raw_server::{response, RawServer, Recorded, Reply};

/// The ETag of `target`'s content.
fn etag_of(target: &str) -> String {
    format!(
        "\"etag-{}\"",
        target.len() * 31 + target.bytes().map(usize::from).sum::<usize>()
    )
}

/// The body of `target`: its own path, padded to `pad` bytes.
fn body_of(target: &str, pad: usize) -> String {
    format!("{{\"path\":\"{target}\",\"pad\":\"{}\"}}", "x".repeat(pad))
}

/// A server with an ETag and `Last-Modified` per URL: `304` (with a fresh rate limit) when
/// the request's `If-None-Match` matches, else `200` with the body.
async fn etag_server(pad: usize) -> RawServer {
    RawServer::start(move |n, r: &Recorded| {
        let etag = etag_of(&r.target);
        let remaining = (5000 - n).to_string();
        if r.header("if-none-match") == Some(etag.as_str()) {
            return Reply::Raw(response(
                "304 Not Modified",
                &[("etag", &etag), ("x-ratelimit-remaining", &remaining)],
                b"",
            ));
        }
        Reply::Raw(response(
            "200 OK",
            &[
                ("content-type", "application/json; charset=utf-8"),
                ("etag", &etag),
                ("last-modified", "Tue, 01 Sep 2026 10:00:00 GMT"),
                ("x-ratelimit-remaining", &remaining),
                ("link", "<https://api.github.com/x?page=2>; rel=\"next\""),
            ],
            body_of(&r.target, pad).as_bytes(),
        ))
    })
    .await
}

fn client(server: &RawServer, token: &str, store: impl CacheStore + 'static) -> Client {
    Client::builder()
        .base_url(&server.base)
        .token(token)
        .max_retries(0)
        .cache(store)
        .build()
        .unwrap()
}

async fn get(client: &Client, path: &str) -> github_rest_client::Response {
    Request::new(client, Method::Get, path.into())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_304_returns_the_cached_body_after_sending_exact_validators() {
    let server = etag_server(0).await;
    let c = client(&server, "ghp_one", MemoryCache::default());
    let first = get(&c, "/repos/o/r").await;
    assert_eq!((first.status(), first.from_cache()), (200, false));
    let second = get(&c, "/repos/o/r").await;
    assert_eq!((second.status(), second.from_cache()), (200, true));
    assert_eq!(second.bytes(), first.bytes());
    assert_eq!(second.text(), body_of("/repos/o/r", 0));
    // Stored headers, updated by the 304's: the fresh rate limit, the stored Link.
    assert_eq!(second.header("x-ratelimit-remaining"), Some("4999"));
    assert_eq!(second.header("link"), first.header("link"));
    assert_eq!(
        second.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    let v: serde_json::Value = second.json().unwrap();
    assert_eq!(v["path"], "/repos/o/r");

    let r = server.requests();
    assert_eq!(r[0].header("if-none-match"), None);
    assert_eq!(r[0].header("if-modified-since"), None);
    assert_eq!(
        r[1].header("if-none-match"),
        Some(etag_of("/repos/o/r").as_str())
    );
    assert_eq!(
        r[1].header("if-modified-since"),
        Some("Tue, 01 Sep 2026 10:00:00 GMT")
    );
    // Otherwise the same request: same headers, same order.
    let names = |r: &Recorded| -> Vec<String> {
        r.headers
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| !k.starts_with("if-"))
            .collect()
    };
    assert_eq!(names(&r[0]), names(&r[1]));
    assert_eq!(r[1].header("authorization"), Some("token ghp_one"));
}

#[tokio::test]
async fn only_plain_gets_with_validators_are_cached() {
    let server = RawServer::start(|_, r: &Recorded| {
        let with_etag = r.target.starts_with("/tagged");
        let headers: &[(&str, &str)] = if with_etag { &[("etag", "\"t\"")] } else { &[] };
        Reply::Raw(response("200 OK", headers, b"{}"))
    })
    .await;
    let c = client(&server, "ghp_x", MemoryCache::default());
    get(&c, "/untagged").await;
    get(&c, "/untagged").await;
    Request::new(&c, Method::Post, "/tagged".into())
        .send()
        .await
        .unwrap();
    Request::new(&c, Method::Post, "/tagged".into())
        .send()
        .await
        .unwrap();
    get(&c, "/tagged/get").await;
    // The caller's own validator: sent as is, the cache stays out of it.
    let own = Request::new(&c, Method::Get, "/tagged/get".into())
        .header("If-None-Match", "\"mine\"")
        .send()
        .await
        .unwrap();
    assert!(!own.from_cache());
    get(&c, "/tagged/get").await;
    let inm: Vec<Option<String>> = server
        .requests()
        .iter()
        .map(|r| r.header("if-none-match").map(str::to_owned))
        .collect();
    assert_eq!(
        inm,
        [
            None,
            None,
            None,
            None,
            None,
            Some("\"mine\"".into()),
            Some("\"t\"".into())
        ]
    );
}

/// A store recording every key it sees, backed by a map (a user-written store).
#[derive(Default)]
struct MapStore {
    entries: Mutex<HashMap<CacheKey, CachedResponse>>,
    gets: AtomicUsize,
    puts: Mutex<Vec<CacheKey>>,
}

impl CacheStore for MapStore {
    fn get(&self, key: &CacheKey) -> Option<CachedResponse> {
        self.gets.fetch_add(1, Ordering::SeqCst);
        self.entries.lock().unwrap().get(key).cloned()
    }

    fn put(&self, key: CacheKey, response: CachedResponse) {
        self.puts.lock().unwrap().push(key.clone());
        self.entries.lock().unwrap().insert(key, response);
    }
}

#[tokio::test]
async fn the_key_separates_tokens_and_accept_and_never_holds_the_token() {
    let server = etag_server(0).await;
    let store = Arc::new(MapStore::default());
    let one = client(&server, "ghp_token_one", store.clone());
    let two = client(&server, "ghp_token_two", store.clone());
    get(&one, "/repos/o/r").await;
    let other_token = get(&two, "/repos/o/r").await;
    assert!(!other_token.from_cache());
    let raw = Request::new(&one, Method::Get, "/repos/o/r".into())
        .media_type(MediaType::Raw)
        .send()
        .await
        .unwrap();
    assert!(!raw.from_cache());
    assert!(get(&one, "/repos/o/r").await.from_cache());
    assert!(get(&two, "/repos/o/r").await.from_cache());

    let inm: Vec<bool> = server
        .requests()
        .iter()
        .map(|r| r.header("if-none-match").is_some())
        .collect();
    assert_eq!(inm, [false, false, false, true, true]);

    let puts = store.puts.lock().unwrap().clone();
    assert_eq!(puts.len(), 3);
    assert_ne!(puts[0].identity(), puts[1].identity());
    assert_eq!(puts[0].identity(), puts[2].identity());
    assert_ne!(puts[0].accept(), puts[2].accept());
    assert_eq!(puts[0].accept(), "application/vnd.github+json");
    assert_eq!(puts[0].url(), format!("{}/repos/o/r", server.base));
    for key in &puts {
        assert_eq!(key.identity().len(), 64, "{key:?}");
        assert!(key.identity().bytes().all(|b| b.is_ascii_hexdigit()));
        let shown = format!("{} {key:?}", key.as_str());
        assert!(!shown.contains("ghp_token"), "{shown}");
    }
    assert_eq!(store.gets.load(Ordering::SeqCst), 5);

    // Anonymous requests have their own identity.
    let anon = Client::builder()
        .base_url(&server.base)
        .cache(store.clone())
        .build()
        .unwrap();
    get(&anon, "/zen").await;
    let last = store.puts.lock().unwrap().last().unwrap().clone();
    assert_eq!(last.identity(), "anonymous");
}

#[tokio::test]
async fn memory_stays_bounded_under_many_urls() {
    let server = etag_server(1000).await;
    let cache = Arc::new(MemoryCache::new(16, 8 * 1024));
    let c = client(&server, "ghp_x", cache.clone());
    for i in 0..200 {
        get(&c, &format!("/repos/o/r{i}")).await;
        assert!(cache.len() <= 16, "{} entries", cache.len());
        assert!(
            cache.total_bytes() <= 8 * 1024,
            "{} bytes",
            cache.total_bytes()
        );
    }
    // Entries of ~1.3 KiB: the byte limit binds before the entry limit.
    assert!((4..=8).contains(&cache.len()), "{cache:?}");
    // The most recent URL is still cached, the first was evicted.
    assert!(get(&c, "/repos/o/r199").await.from_cache());
    assert!(!get(&c, "/repos/o/r0").await.from_cache());
    // An entry larger than the whole cache is not stored.
    let tiny = Arc::new(MemoryCache::new(16, 512));
    let c = client(&server, "ghp_x", tiny.clone());
    get(&c, "/big").await;
    assert!(tiny.is_empty());
}

#[test]
fn memory_cache_evicts_the_least_recently_used() {
    let cache = MemoryCache::new(3, 1 << 20);
    let key = |u: &str| CacheKey::new(u, "a", Some(b"token x"));
    let entry = || {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert("etag", "\"e\"".parse().unwrap());
        CachedResponse::new(h, bytes::Bytes::from_static(b"body"))
    };
    for u in ["a", "b", "c"] {
        cache.put(key(u), entry());
    }
    assert!(cache.get(&key("a")).is_some()); // a is now the most recent
    cache.put(key("d"), entry()); // evicts b
    assert!(cache.get(&key("b")).is_none());
    for u in ["a", "c", "d"] {
        assert!(cache.get(&key(u)).is_some(), "{u}");
    }
    cache.put(key("a"), entry()); // replacing does not grow
    assert_eq!(cache.len(), 3);
    let sizes = cache.total_bytes();
    cache.clear();
    assert_eq!((cache.len(), cache.total_bytes()), (0, 0));
    assert!(sizes > 0);
}

/// Evicts everything right after each lookup, as a full cache under load would.
struct EvictAfterLookup(Arc<MemoryCache>);

impl CacheStore for EvictAfterLookup {
    fn get(&self, key: &CacheKey) -> Option<CachedResponse> {
        let entry = self.0.get(key);
        self.0.clear();
        entry
    }

    fn put(&self, key: CacheKey, response: CachedResponse) {
        self.0.put(key, response)
    }
}

#[tokio::test]
async fn eviction_between_lookup_and_use_never_fails_a_call() {
    let server = etag_server(10).await;
    let inner = Arc::new(MemoryCache::default());
    let c = client(&server, "ghp_x", EvictAfterLookup(inner.clone()));
    get(&c, "/repos/o/r").await;
    let second = get(&c, "/repos/o/r").await;
    assert!(second.from_cache());
    assert!(inner.is_empty(), "evicted while the request was in flight");
    assert_eq!(second.text(), body_of("/repos/o/r", 10));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tiny_cache_under_concurrent_load_serves_every_call_correctly() {
    let server = etag_server(100).await;
    let cache = Arc::new(MemoryCache::new(2, 1 << 20));
    let c = client(&server, "ghp_x", cache.clone());
    let tasks: Vec<_> = (0..64)
        .map(|i| {
            let c = c.clone();
            tokio::spawn(async move {
                let path = format!("/repos/o/r{}", i % 8);
                let resp = get(&c, &path).await;
                (resp.text() == body_of(&path, 100), resp.from_cache())
            })
        })
        .collect();
    let mut hits = 0;
    for t in tasks {
        let (right_body, hit) = t.await.unwrap();
        assert!(right_body);
        hits += usize::from(hit);
    }
    assert!(cache.len() <= 2);
    assert_eq!(server.requests().len(), 64);
    // Some revalidations happened, and every 304 (in the server log) was answered.
    let not_modified = server
        .requests()
        .iter()
        .filter(|r| r.header("if-none-match").is_some())
        .count();
    assert_eq!(hits, not_modified);
}

#[tokio::test]
async fn a_user_store_is_used_for_lookups_and_stores() {
    let server = etag_server(0).await;
    let store = Arc::new(MapStore::default());
    let c = client(&server, "ghp_x", store.clone());
    get(&c, "/orgs/o").await;
    assert_eq!(store.entries.lock().unwrap().len(), 1);
    let entry = store
        .entries
        .lock()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .clone();
    assert_eq!(entry.etag(), Some(etag_of("/orgs/o").as_str()));
    assert_eq!(entry.last_modified(), Some("Tue, 01 Sep 2026 10:00:00 GMT"));
    assert_eq!(entry.body().as_ref(), body_of("/orgs/o", 0).as_bytes());
    assert!(get(&c, "/orgs/o").await.from_cache());
    assert_eq!(store.gets.load(Ordering::SeqCst), 2);
    // The 304 does not replace the stored entry.
    assert_eq!(store.puts.lock().unwrap().len(), 1);
}

/// One attempt as a hook saw it: the `If-None-Match` sent, whether `Authorization` was set
/// on a trusted host, and the status that came back.
type Seen = (Option<String>, bool, Option<u16>);

/// Records every attempt.
#[derive(Default, Clone)]
struct SeenAttempts(Arc<Mutex<Vec<Seen>>>);

impl github_rest_client::runtime::Hook for SeenAttempts {
    fn on_request(&self, a: &mut github_rest_client::runtime::AttemptRequest<'_>) {
        let inm = a
            .headers
            .get("if-none-match")
            .map(|v| v.to_str().unwrap().to_owned());
        let auth = a.trusted && a.headers.contains_key("authorization");
        self.0.lock().unwrap().push((inm, auth, None));
    }

    fn on_response(
        &self,
        _: &github_rest_client::runtime::Attempt<'_>,
        status: u16,
        _: &reqwest::header::HeaderMap,
    ) {
        self.0.lock().unwrap().last_mut().unwrap().2 = Some(status);
    }
}

#[tokio::test]
async fn a_cached_304_goes_through_the_send_loop_and_its_hooks() {
    let server = etag_server(0).await;
    let seen = SeenAttempts::default();
    let c = Client::builder()
        .base_url(&server.base)
        .token("ghp_one")
        .cache(MemoryCache::default())
        .hook(seen.clone())
        .build()
        .unwrap();
    let first = get(&c, "/repos/o/r").await;
    let second = get(&c, "/repos/o/r").await;
    assert_eq!((second.status(), second.from_cache()), (200, true));
    assert_eq!(second.bytes(), first.bytes());
    let etag = etag_of("/repos/o/r");
    assert_eq!(
        *seen.0.lock().unwrap(),
        vec![(None, true, Some(200)), (Some(etag), true, Some(304))]
    );
}
