//! The conditional cache shared through Redis: entries (headers and body) under a hash of
//! their key, each at most `cache_entry_limit` bytes, expiring after `cache_ttl`.

use std::time::Instant;

use bytes::{BufMut, Bytes, BytesMut};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::redis_state::{identity, RedisState};

/// The first bytes of a stored entry (format version 1).
const MAGIC: &[u8; 4] = b"GRC1";

/// A stored response: its headers and body.
pub(crate) type Entry = (HeaderMap, Bytes);

fn redis_key(state: &RedisState, key: &str) -> String {
    // The identity part is already a hash; the whole key is hashed again to bound its length.
    state.key(&format!("cache:{}", identity(Some(key.as_bytes()))))
}

/// The entry stored under `key` (a `CacheKey`'s text): `None` when Redis is unavailable (use
/// the local store), `Some(None)` when Redis has none.
pub(crate) async fn get(state: &RedisState, key: &str, deadline: Instant) -> Option<Option<Entry>> {
    let rkey = redis_key(state, key);
    let stored: Option<Vec<u8>> = state
        .run(deadline, "reading a cache entry", |mut c| async move {
            redis::cmd("GET").arg(&rkey).query_async(&mut c).await
        })
        .await?;
    Some(stored.and_then(|b| decode(&b)))
}

/// Share the entry (`size` bytes as the cache counts them) under `key` unless it is larger
/// than the limit.
pub(crate) async fn put(
    state: &RedisState,
    key: &str,
    (headers, body): (&HeaderMap, &[u8]),
    size: usize,
    deadline: Instant,
) {
    if size > state.config.cache_entry_limit {
        return;
    }
    let rkey = redis_key(state, key);
    let value = encode(headers, body, size);
    let ttl = u64::try_from(state.config.cache_ttl.as_millis()).unwrap_or(u64::MAX);
    let _: Option<()> = state
        .run(deadline, "storing a cache entry", |mut c| async move {
            redis::cmd("SET")
                .arg(&rkey)
                .arg(value.as_ref())
                .arg("PX")
                .arg(ttl)
                .query_async(&mut c)
                .await
        })
        .await;
}

/// `MAGIC`, the header count, each header's name and value with their lengths, the body.
fn encode(headers: &HeaderMap, body: &[u8], size: usize) -> Bytes {
    let mut out = BytesMut::with_capacity(size + 64);
    out.put_slice(MAGIC);
    out.put_u32(headers.len() as u32);
    for (name, value) in headers {
        out.put_u16(name.as_str().len() as u16);
        out.put_slice(name.as_str().as_bytes());
        out.put_u32(value.len() as u32);
        out.put_slice(value.as_bytes());
    }
    out.put_slice(body);
    out.freeze()
}

/// An entry back from its bytes; `None` if they are not one (another version, corruption):
/// the call then goes out without validators, which costs a full response, never a wrong one.
fn decode(bytes: &[u8]) -> Option<Entry> {
    let mut rest = bytes.strip_prefix(MAGIC)?;
    let mut take = |n: usize| -> Option<&[u8]> {
        let (head, tail) = (rest.get(..n)?, rest.get(n..)?);
        rest = tail;
        Some(head)
    };
    let count = u32::from_be_bytes(take(4)?.try_into().ok()?);
    let mut headers = HeaderMap::new();
    for _ in 0..count {
        let len = u16::from_be_bytes(take(2)?.try_into().ok()?);
        let name = HeaderName::from_bytes(take(usize::from(len))?).ok()?;
        let len = u32::from_be_bytes(take(4)?.try_into().ok()?);
        let value = HeaderValue::from_bytes(take(len as usize)?).ok()?;
        headers.append(name, value);
    }
    Some((headers, Bytes::copy_from_slice(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_comes_back_as_stored_and_garbage_is_no_entry() {
        let mut headers = HeaderMap::new();
        headers.insert("etag", HeaderValue::from_static("\"abc\""));
        headers.append("vary", HeaderValue::from_static("Accept"));
        headers.append("vary", HeaderValue::from_static("Authorization"));
        let body = b"{\"id\":1}";
        let (back_headers, back_body) = decode(&encode(&headers, body, 64)).unwrap();
        assert_eq!(back_headers, headers);
        assert_eq!(&back_body[..], body);
        assert!(decode(b"GRC1\0\0\0\x05").is_none());
        assert!(decode(b"nope").is_none());
    }
}
