//! `MemoryCache`: the in-memory [`CacheStore`], bounded in entries and bytes, least recently
//! used entries evicted first.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::cache::{CacheKey, CacheStore, CachedResponse};

/// An in-memory [`CacheStore`] holding at most `max_entries` entries and `max_bytes` bytes
/// (bodies, headers and keys); the least recently used entries go first. Entries are
/// handed out as clones sharing the body, so eviction never affects a request in flight.
pub struct MemoryCache {
    max_entries: usize,
    max_bytes: usize,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    entries: HashMap<CacheKey, Slot>,
    /// Last use (a counter) → key: the first entry is the least recently used.
    by_use: BTreeMap<u64, CacheKey>,
    clock: u64,
    bytes: usize,
}

struct Slot {
    response: CachedResponse,
    last_use: u64,
    size: usize,
}

impl MemoryCache {
    /// A cache of at most `max_entries` entries and `max_bytes` bytes. An entry larger than
    /// `max_bytes` on its own is not stored.
    pub fn new(max_entries: usize, max_bytes: usize) -> MemoryCache {
        MemoryCache {
            max_entries,
            max_bytes,
            state: Mutex::default(),
        }
    }

    /// Entries held.
    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    /// No entry held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes held (bodies, headers, keys).
    pub fn total_bytes(&self) -> usize {
        self.lock().bytes
    }

    /// Drop every entry.
    pub fn clear(&self) {
        *self.lock() = State::default();
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere while holding the lock leaves consistent data (every update
        // below completes before it can panic), so a poisoned lock is simply taken over.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for MemoryCache {
    /// 1,000 entries, 32 MiB.
    fn default() -> Self {
        MemoryCache::new(1_000, 32 << 20)
    }
}

impl std::fmt::Debug for MemoryCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.lock();
        f.debug_struct("MemoryCache")
            .field("entries", &state.entries.len())
            .field("bytes", &state.bytes)
            .field("max_entries", &self.max_entries)
            .field("max_bytes", &self.max_bytes)
            .finish()
    }
}

impl CacheStore for MemoryCache {
    fn get(&self, key: &CacheKey) -> Option<CachedResponse> {
        let mut state = self.lock();
        let state = &mut *state;
        state.clock += 1;
        let slot = state.entries.get_mut(key)?;
        state.by_use.remove(&slot.last_use);
        slot.last_use = state.clock;
        state.by_use.insert(slot.last_use, key.clone());
        Some(slot.response.clone())
    }

    fn put(&self, key: CacheKey, response: CachedResponse) {
        let size = response.size() + key.as_str().len();
        let mut state = self.lock();
        let state = &mut *state;
        if let Some(old) = state.entries.remove(&key) {
            state.by_use.remove(&old.last_use);
            state.bytes -= old.size;
        }
        if size > self.max_bytes || self.max_entries == 0 {
            return;
        }
        while state.entries.len() >= self.max_entries || state.bytes + size > self.max_bytes {
            let Some((_, oldest)) = state.by_use.pop_first() else {
                break;
            };
            if let Some(old) = state.entries.remove(&oldest) {
                state.bytes -= old.size;
            }
        }
        state.clock += 1;
        state.by_use.insert(state.clock, key.clone());
        state.bytes += size;
        let last_use = state.clock;
        state.entries.insert(
            key,
            Slot {
                response,
                last_use,
                size,
            },
        );
    }
}
