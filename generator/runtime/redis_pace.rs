//! The throttle counted across processes: spacing, pauses and the concurrency cap kept in
//! Redis by atomic Lua scripts (the client never reads then writes), keyed by token identity.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use redis::Script;

use super::redis_state::RedisState;

/// Takes a concurrency lease and reserves the start of a call, atomically, in Redis time.
/// KEYS: write, search, notify (next start, ms), pause (ms), exhausted resource (Unix s),
/// leases (sorted set: id → expiry ms). ARGV: three class flags, three spacings (ms), the
/// time left to the deadline (ms), the cap, the lease TTL (ms), the lease id.
/// Returns `{status, wait_ms, rate_limited}`: status 0 admitted, -1 no slot, -2 too late.
const ADMIT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local left = tonumber(ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', now)
if redis.call('ZCARD', KEYS[6]) >= tonumber(ARGV[8]) then
  local first = redis.call('ZRANGE', KEYS[6], 0, 0, 'WITHSCORES')
  return {-1, math.max(0, tonumber(first[2]) - now), 0}
end
local start = now
local limited = 0
local pause = tonumber(redis.call('GET', KEYS[4]) or '0') or 0
if pause > start then start = pause; limited = 1 end
local reset = (tonumber(redis.call('GET', KEYS[5]) or '0') or 0) * 1000
if reset > start then start = reset; limited = 1 end
for i = 1, 3 do
  if ARGV[i] == '1' then
    local n = tonumber(redis.call('GET', KEYS[i]) or '0') or 0
    if n > start then start = n end
  end
end
if start - now > left then return {-2, start - now, limited} end
for i = 1, 3 do
  if ARGV[i] == '1' then
    local next = start + tonumber(ARGV[3 + i])
    redis.call('SET', KEYS[i], next, 'PX', next - now + 1000)
  end
end
local expires = math.min(start + tonumber(ARGV[9]), now + left + 1000)
redis.call('ZADD', KEYS[6], expires, ARGV[10])
redis.call('PEXPIRE', KEYS[6], expires - now + 1000)
return {0, start - now, limited}
";

/// Records a secondary limit's pause (ms, 0: none) and an exhausted resource's reset (Unix
/// s, 0: none), keeping the later of the stored and the new value.
/// KEYS: pause, exhausted resource. ARGV: pause ms, reset s.
const OBSERVE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(ARGV[1])
if pause > 0 then
  local until_ms = now + pause
  if until_ms > (tonumber(redis.call('GET', KEYS[1]) or '0') or 0) then
    redis.call('SET', KEYS[1], until_ms, 'PX', pause + 1000)
  end
end
local reset = tonumber(ARGV[2])
if reset > 0 and reset * 1000 > now then
  if reset > (tonumber(redis.call('GET', KEYS[2]) or '0') or 0) then
    redis.call('SET', KEYS[2], reset, 'PX', math.min(reset * 1000 - now + 1000, 3600000))
  end
end
return 1
";

/// After waiting for its start, a call checks for a pause another worker learnt meanwhile.
/// KEYS: pause, exhausted resource. Returns the ms still to wait (0: go).
const GATE: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local reset = (tonumber(redis.call('GET', KEYS[2]) or '0') or 0) * 1000
return math.max(0, pause - now, reset - now)
";

/// Added to each shared spacing: calls admitted in different processes reach the server
/// with different delays, and the gap must hold where they arrive.
const ARRIVAL_MARGIN: Duration = Duration::from_millis(50);

/// Longest sleep between two tries for a concurrency slot.
const SLOT_POLL: Duration = Duration::from_millis(50);

fn script(cell: &'static OnceLock<Script>, text: &str) -> &'static Script {
    cell.get_or_init(|| Script::new(text))
}

static ADMIT_SCRIPT: OnceLock<Script> = OnceLock::new();
static OBSERVE_SCRIPT: OnceLock<Script> = OnceLock::new();
static GATE_SCRIPT: OnceLock<Script> = OnceLock::new();

/// A concurrency slot held in Redis; freed when dropped (or by its TTL if the process dies).
pub(crate) struct Lease {
    state: RedisState,
    key: String,
    id: String,
}

impl Drop for Lease {
    fn drop(&mut self) {
        let Ok(rt) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let (state, key, id) = (
            self.state.clone(),
            std::mem::take(&mut self.key),
            std::mem::take(&mut self.id),
        );
        rt.spawn(async move {
            let deadline = Instant::now() + state.config.timeout;
            let _: Option<i64> = state
                .run(deadline, "freeing a concurrency slot", |mut c| async move {
                    redis::cmd("ZREM")
                        .arg(&key)
                        .arg(&id)
                        .query_async(&mut c)
                        .await
                })
                .await;
        });
    }
}

/// Keys of the shared pacing state of one credential.
fn keys(state: &RedisState, identity: &str, resource: &str) -> [String; 6] {
    let k = |part: &str| state.key(&format!("pace:{identity}:{part}"));
    [
        k("write"),
        k("search"),
        k("notify"),
        k("pause"),
        k(&format!("exhausted:{resource}")),
        k("leases"),
    ]
}

/// What a call asks of the shared throttle.
pub(crate) struct Ask<'a> {
    /// Write, search, notifying call.
    pub(crate) classes: [bool; 3],
    /// Spacing of writes, searches and notifying calls.
    pub(crate) spacing: [Duration; 3],
    pub(crate) max_concurrent: usize,
    /// GitHub's rate-limit resource of the call (`core`, `search`, ...).
    pub(crate) resource: &'a str,
    /// The credential's [`identity`](super::redis_state::identity).
    pub(crate) identity: &'a str,
}

/// Why the shared throttle refused a call.
pub(crate) enum Refused {
    /// No concurrency slot freed before the deadline.
    NoSlot,
    /// The call could start only after its deadline (`limited`: because of a rate limit).
    TooLate { wait: Duration, limited: bool },
}

/// Admit a call through Redis: `None` when Redis is unavailable (the caller paces locally),
/// else the lease after waiting for the call's start, or why it cannot start in time.
pub(crate) async fn admit(
    state: &RedisState,
    ask: &Ask<'_>,
    deadline: Instant,
) -> Option<Result<Lease, Refused>> {
    let keys = keys(state, ask.identity, ask.resource);
    let flag = |b: bool| if b { "1" } else { "0" };
    loop {
        let id = lease_id();
        let left = ms(deadline.saturating_duration_since(Instant::now()));
        let ttl = ms(state.config.lease_ttl);
        let answer: (i64, u64, i64) = state
            .run(deadline, "admitting a call", |mut c| {
                let mut inv = script(&ADMIT_SCRIPT, ADMIT).prepare_invoke();
                for k in &keys {
                    inv.key(k);
                }
                for on in ask.classes {
                    inv.arg(flag(on));
                }
                for gap in ask.spacing {
                    let margin = if gap.is_zero() {
                        Duration::ZERO
                    } else {
                        ARRIVAL_MARGIN
                    };
                    inv.arg(ms(gap + margin));
                }
                inv.arg(left).arg(ask.max_concurrent).arg(ttl).arg(&id);
                async move { inv.invoke_async(&mut c).await }
            })
            .await?;
        let (status, wait, limited) = answer;
        let wait = Duration::from_millis(wait);
        match status {
            0 => {
                let lease = Lease {
                    state: state.clone(),
                    key: keys[5].clone(),
                    id,
                };
                if !wait.is_zero() {
                    tracing::debug!(wait_ms = wait.as_millis() as u64, "shared throttle wait");
                    tokio::time::sleep(wait).await;
                    // A pause published meanwhile: queue again behind it (the lease is freed),
                    // so the calls it held back keep their spacing when it ends.
                    if paused(state, &keys, deadline).await {
                        drop(lease);
                        continue;
                    }
                }
                return Some(Ok(lease));
            }
            -1 => {
                let pause = wait.clamp(Duration::from_millis(5), SLOT_POLL);
                if Instant::now() + pause >= deadline {
                    return Some(Err(Refused::NoSlot));
                }
                tokio::time::sleep(pause).await;
            }
            _ => {
                let limited = limited == 1;
                return Some(Err(Refused::TooLate { wait, limited }));
            }
        }
    }
}

/// Whether a pause or an exhausted quota was published while this call waited for its
/// start (Redis unavailable: no).
async fn paused(state: &RedisState, keys: &[String; 6], deadline: Instant) -> bool {
    let left: Option<u64> = state
        .run(deadline, "checking for a shared pause", |mut c| {
            let mut inv = script(&GATE_SCRIPT, GATE).prepare_invoke();
            inv.key(&keys[3]).key(&keys[4]);
            async move { inv.invoke_async(&mut c).await }
        })
        .await;
    left.is_some_and(|ms| ms > 0)
}

fn ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// Tell every worker of the credential about a pause or an exhausted resource. Returns
/// whether Redis took it.
pub(crate) async fn observe(
    state: &RedisState,
    identity: &str,
    resource: &str,
    pause: Option<Duration>,
    reset: Option<u64>,
    deadline: Instant,
) -> bool {
    let keys = keys(state, identity, resource);
    let pause_ms = pause.map_or(0, ms);
    let reset = reset.unwrap_or(0);
    let shared: Option<i64> = state
        .run(deadline, "sharing a rate limit", |mut c| {
            let mut inv = script(&OBSERVE_SCRIPT, OBSERVE).prepare_invoke();
            inv.key(&keys[3]).key(&keys[4]).arg(pause_ms).arg(reset);
            async move { inv.invoke_async(&mut c).await }
        })
        .await;
    shared.is_some()
}

/// A lease id unique across processes: process id, time and a counter.
fn lease_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{}-{nanos}-{n}", std::process::id())
}
