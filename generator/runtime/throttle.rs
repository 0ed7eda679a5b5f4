//! Opt-in pacing to GitHub's documented limits: a cap on concurrent calls, spacing of
//! writes, searches and notification-triggering calls, and waiting out exhausted quotas.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use reqwest::header::HeaderMap;
use tokio::sync::{Semaphore, SemaphorePermit};

use super::error::{header_str, header_u64, unix_now};
#[cfg(feature = "redis")]
use super::redis_pace::{self, Ask, Lease, Refused};
#[cfg(feature = "redis")]
use super::redis_state::{identity, RedisState};

/// What an admitted call holds until it ends: a local slot.
#[cfg(not(feature = "redis"))]
pub(crate) type Permit<'a> = SemaphorePermit<'a>;

/// What an admitted call holds until it ends: a local slot, and a slot shared through Redis
/// when Redis admitted the call.
#[cfg(feature = "redis")]
pub(crate) struct Permit<'a> {
    _local: SemaphorePermit<'a>,
    /// Boxed: the permit lives in every call's future (see `runtime_requests.rs`, the call
    /// future's size).
    _lease: Option<Box<Lease>>,
}

/// Pacing settings for [`ClientBuilder::throttle`](super::ClientBuilder::throttle).
/// [`Throttle::github`] (also `Default`) follows GitHub's best practices for integrators.
#[derive(Debug, Clone)]
pub struct Throttle {
    pub(crate) max_concurrent: usize,
    pub(crate) write_spacing: Duration,
    pub(crate) search_spacing: Duration,
    pub(crate) notification_spacing: Duration,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle::github()
    }
}

impl Throttle {
    /// At most 10 calls in flight; writes (`POST`, `PATCH`, `PUT`, `DELETE`) at least 1 s
    /// apart; searches 2 s apart (30 a minute); calls that trigger notifications 3 s apart.
    pub fn github() -> Self {
        Throttle {
            max_concurrent: 10,
            write_spacing: Duration::from_secs(1),
            search_spacing: Duration::from_secs(2),
            notification_spacing: Duration::from_secs(3),
        }
    }

    /// Calls in flight at once (at least 1).
    pub fn max_concurrent(mut self, n: usize) -> Self {
        self.max_concurrent = n.clamp(1, Semaphore::MAX_PERMITS);
        self
    }

    /// Least time between the starts of two write calls.
    pub fn write_spacing(mut self, d: Duration) -> Self {
        self.write_spacing = d;
        self
    }

    /// Least time between the starts of two `/search/…` calls.
    pub fn search_spacing(mut self, d: Duration) -> Self {
        self.search_spacing = d;
        self
    }

    /// Least time between the starts of two calls that trigger notifications (marked by
    /// generated code with [`Request::triggers_notifications`](super::Request::triggers_notifications)).
    pub fn notification_spacing(mut self, d: Duration) -> Self {
        self.notification_spacing = d;
        self
    }
}

/// What kind of call is being admitted.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Class {
    pub(crate) write: bool,
    pub(crate) search: bool,
    pub(crate) notifies: bool,
}

impl Class {
    /// GitHub's rate-limit resource for the call (`x-ratelimit-resource`).
    fn resource(self, path: &str) -> &'static str {
        match () {
            _ if path.starts_with("/search/code") => "code_search",
            _ if self.search => "search",
            _ => "core",
        }
    }
}

/// Why a call cannot start before its deadline.
pub(crate) struct Blocked {
    pub(crate) reason: String,
    pub(crate) wait: Option<Duration>,
    pub(crate) rate_limited: bool,
}

/// The shared state of a client's throttle.
#[derive(Debug)]
pub(crate) struct Pacer {
    config: Throttle,
    permits: Semaphore,
    state: Mutex<State>,
    /// Pacing shared with other processes (`ClientBuilder::redis`).
    #[cfg(feature = "redis")]
    pub(crate) shared: Option<RedisState>,
}

#[derive(Debug, Default)]
struct State {
    /// Earliest start of the next write, search and notifying call.
    next: [Option<Instant>; 3],
    /// After a secondary rate limit: no call starts before this.
    paused_until: Option<Instant>,
    /// Exhausted primary quotas: resource and reset (Unix seconds).
    exhausted: Vec<(String, u64)>,
}

impl Pacer {
    pub(crate) fn new(config: Throttle) -> Pacer {
        Pacer {
            permits: Semaphore::new(config.max_concurrent),
            config,
            state: Mutex::default(),
            #[cfg(feature = "redis")]
            shared: None,
        }
    }

    /// Wait for a slot for a call of `class` to `path`, or fail at once when the wait
    /// would pass `deadline`. The permit is held for the whole call.
    pub(crate) async fn admit(
        &self,
        class: Class,
        path: &str,
        deadline: Instant,
        #[cfg(feature = "redis")] credential: Option<&[u8]>,
    ) -> Result<Permit<'_>, Blocked> {
        let permit = match tokio::time::timeout_at(deadline.into(), self.permits.acquire()).await {
            Ok(Ok(p)) => p,
            _ => {
                return Err(Blocked {
                    reason: format!(
                        "waiting for one of the {} concurrent call slots",
                        self.config.max_concurrent
                    ),
                    wait: None,
                    rate_limited: false,
                })
            }
        };
        #[cfg(feature = "redis")]
        if let Some(state) = &self.shared {
            let admitted = self.admit_shared(state, class, path, credential, deadline).await;
            if let Some(admitted) = admitted {
                return admitted.map(|lease| Permit {
                    _local: permit,
                    _lease: Some(Box::new(lease)),
                });
            }
        }
        let now = Instant::now();
        let start = {
            let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
            let resource = class.resource(path);
            let now_unix = unix_now();
            s.exhausted.retain(|(_, reset)| *reset > now_unix);
            if let Some((_, reset)) = s.exhausted.iter().find(|(r, _)| r == resource) {
                let wait = Duration::from_secs(reset - now_unix);
                if now + wait > deadline {
                    return Err(Blocked {
                        reason: format!(
                            "the primary rate limit of `{resource}` is used up until {reset} (Unix time)"
                        ),
                        wait: Some(wait),
                        rate_limited: true,
                    });
                }
            }
            let mut start = now;
            let mut rate_limited = false;
            if let Some(p) = s.paused_until.filter(|p| *p > start) {
                start = p;
                rate_limited = true;
            }
            if let Some((_, reset)) = s.exhausted.iter().find(|(r, _)| r == resource) {
                start = start.max(now + Duration::from_secs(reset - now_unix));
                rate_limited = true;
            }
            let spacing = [
                (class.write, self.config.write_spacing),
                (class.search, self.config.search_spacing),
                (class.notifies, self.config.notification_spacing),
            ];
            for (i, (applies, _)) in spacing.iter().enumerate() {
                if *applies {
                    start = start.max(s.next[i].unwrap_or(now));
                }
            }
            if start > deadline {
                return Err(Blocked {
                    reason: if rate_limited {
                        "a secondary rate limit asked to pause".to_owned()
                    } else {
                        "the throttle's spacing of writes, searches or notifications".to_owned()
                    },
                    wait: Some(start - now),
                    rate_limited,
                });
            }
            for (i, (applies, gap)) in spacing.into_iter().enumerate() {
                if applies {
                    s.next[i] = Some(start + gap);
                }
            }
            start
        };
        if start > now {
            tracing::debug!(wait_ms = (start - now).as_millis() as u64, "throttle wait");
            tokio::time::sleep_until(start.into()).await;
        }
        #[cfg(feature = "redis")]
        let permit = Permit {
            _local: permit,
            _lease: None,
        };
        Ok(permit)
    }

    /// Admission through Redis (`None`: Redis unavailable, pace locally). The local spacing
    /// is moved along too, so a fall-back to local pacing keeps this process's own gaps.
    #[cfg(feature = "redis")]
    async fn admit_shared(
        &self,
        state: &RedisState,
        class: Class,
        path: &str,
        credential: Option<&[u8]>,
        deadline: Instant,
    ) -> Option<Result<Lease, Blocked>> {
        let identity = identity(credential);
        let c = &self.config;
        let ask = Ask {
            classes: [class.write, class.search, class.notifies],
            spacing: [c.write_spacing, c.search_spacing, c.notification_spacing],
            max_concurrent: c.max_concurrent,
            resource: class.resource(path),
            identity: &identity,
        };
        let result = redis_pace::admit(state, &ask, deadline).await?;
        Some(match result {
            Ok(lease) => {
                let now = Instant::now();
                let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
                for (i, on) in ask.classes.into_iter().enumerate() {
                    if on {
                        s.next[i] = Some(now + ask.spacing[i]);
                    }
                }
                Ok(lease)
            }
            Err(Refused::NoSlot) => Err(Blocked {
                reason: format!(
                    "waiting for one of the {} concurrent call slots shared through Redis",
                    c.max_concurrent
                ),
                wait: None,
                rate_limited: false,
            }),
            Err(Refused::TooLate { wait, limited }) => Err(Blocked {
                reason: if limited {
                    "a rate limit shared through Redis asks to wait".to_owned()
                } else {
                    "the shared throttle's spacing of writes, searches or notifications".to_owned()
                },
                wait: Some(wait),
                rate_limited: limited,
            }),
        })
    }

    /// Learn from a response: an exhausted quota, or a secondary limit's pause.
    pub(crate) fn observe(
        &self,
        headers: &HeaderMap,
        secondary: Option<Duration>,
        #[cfg(feature = "redis")] credential: Option<&[u8]>,
    ) {
        let exhausted = header_u64(headers, "x-ratelimit-remaining") == Some(0);
        if !exhausted && secondary.is_none() {
            return;
        }
        #[cfg(feature = "redis")]
        if let Some(state) = &self.shared {
            self.share(state, headers, exhausted, secondary, credential);
        }
        let mut s = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(wait) = secondary {
            let until = Instant::now() + wait;
            s.paused_until = Some(s.paused_until.map_or(until, |p| p.max(until)));
        }
        if let (true, Some(reset)) = (exhausted, header_u64(headers, "x-ratelimit-reset")) {
            let resource = header_str(headers, "x-ratelimit-resource").unwrap_or("core");
            // Bounded: GitHub has a handful of resources; a hostile server cannot grow this.
            s.exhausted.retain(|(r, _)| r != resource);
            if s.exhausted.len() < 16 && resource.len() <= 64 {
                s.exhausted.push((resource.to_owned(), reset));
            }
        }
    }
}

#[cfg(feature = "redis")]
impl Pacer {
    /// Publish a pause or an exhausted quota to the other workers (in the background: the
    /// call that saw it is not held up; a failure is logged by the Redis state).
    fn share(
        &self,
        state: &RedisState,
        headers: &HeaderMap,
        exhausted: bool,
        secondary: Option<Duration>,
        credential: Option<&[u8]>,
    ) {
        let Ok(rt) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let reset = header_u64(headers, "x-ratelimit-reset").filter(|_| exhausted);
        let resource = header_str(headers, "x-ratelimit-resource")
            .filter(|r| r.len() <= 64 && r.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
            .unwrap_or("core")
            .to_owned();
        let (state, identity) = (state.clone(), identity(credential));
        rt.spawn(async move {
            let deadline = Instant::now() + state.config.timeout;
            redis_pace::observe(&state, &identity, &resource, secondary, reset, deadline).await;
        });
    }
}
