//! The one timer of a call: its deadline and the idle read limit (the server silent for too
//! long), as one tokio timer that is registered once and re-armed only when it fires early.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::task::{ready, Context, Poll};
use std::time::Duration;

use tokio::time::{Instant, Sleep};

use super::layers::Deadline;

/// How long the server has been silent, shared by a call's work (which says when data came)
/// and its [`Timer`] (which fails the call when the silence lasts longer than the limit).
///
/// Data arriving only moves the end of the silence later and does not touch the timer: when
/// the timer fires before the silence has lasted the limit, it is set again for the rest.
pub(crate) struct Silence {
    /// Longest silence allowed (`None`: only the deadline bounds the call).
    limit: Option<Duration>,
    /// The time the counts in `since` are measured from.
    base: Instant,
    /// When the current silence began, in nanoseconds after `base`, plus one; 0 while the call
    /// is not waiting on the server (a retry wait, writing a download to the caller).
    since: AtomicU64,
    /// A silence began after a pause: the timer may be set later than its end.
    restarted: AtomicBool,
}

impl Silence {
    /// The call of `deadline` (starting now), allowing `limit` without data from the server.
    pub(crate) fn new(limit: Option<Duration>, deadline: Deadline) -> Silence {
        // The call's start, without reading the clock again.
        let start = deadline.at.checked_sub(deadline.limit).unwrap_or(deadline.at);
        Silence {
            limit,
            base: Instant::from_std(start),
            since: AtomicU64::new(1),
            restarted: AtomicBool::new(false),
        }
    }

    /// The longest silence allowed, if any.
    pub(crate) fn limit(&self) -> Option<Duration> {
        self.limit
    }

    /// Data (a response head, a body chunk) arrived: a new silence starts now.
    pub(crate) fn heard(&self) {
        if self.limit.is_some() {
            self.since.store(self.nanos_now(), Relaxed);
        }
    }

    /// The call stops waiting on the server (a retry wait, a slow writer): no limit until
    /// [`Silence::resume`].
    pub(crate) fn pause(&self) {
        if self.limit.is_some() {
            self.since.store(0, Relaxed);
        }
    }

    /// The call waits on the server again (a new attempt): a silence starts now if it was
    /// paused. Cheap when it was not (the common first attempt).
    pub(crate) fn resume(&self) {
        if self.limit.is_some() && self.since.load(Relaxed) == 0 {
            self.since.store(self.nanos_now(), Relaxed);
            self.restarted.store(true, Relaxed);
        }
    }

    fn nanos_now(&self) -> u64 {
        let nanos = Instant::now().saturating_duration_since(self.base).as_nanos();
        u64::try_from(nanos).unwrap_or(u64::MAX - 1) + 1
    }

    /// When the current silence reaches the limit (`None`: no limit, or paused).
    fn ends(&self) -> Option<Instant> {
        let limit = self.limit?;
        match self.since.load(Relaxed) {
            0 => None,
            n => Some(self.base + Duration::from_nanos(n - 1) + limit),
        }
    }
}

/// Why a [`Timer`] ended its call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expired {
    /// The call's deadline passed.
    Deadline,
    /// The server sent nothing for longer than the idle limit.
    Silence,
}

pin_project_lite::pin_project! {
    /// `fut` bounded by the call's deadline and by `silence`: `Err` if either ran out first.
    ///
    /// A plain future type, not an `async fn`: an `async fn` that awaits a future it was given
    /// holds it twice, and the call's future is moved (copied) once per layer. The timer lives
    /// inside the call's future (no allocation) and is registered once, on the first wait.
    pub(crate) struct Timer<'s, F> {
        #[pin]
        fut: F,
        #[pin]
        sleep: Sleep,
        deadline: Instant,
        silence: &'s Silence,
    }
}

/// `fut` under the call's one timer. (Inline: the caller's future is built in place.)
#[inline(always)]
pub(crate) fn within<F: Future>(deadline: Deadline, silence: &Silence, fut: F) -> Timer<'_, F> {
    let deadline = Instant::from_std(deadline.at);
    let due = silence.ends().map_or(deadline, |end| end.min(deadline));
    Timer {
        fut,
        sleep: tokio::time::sleep_until(due),
        deadline,
        silence,
    }
}

impl<F: Future> Future for Timer<'_, F> {
    type Output = Result<F::Output, Expired>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        if let Poll::Ready(out) = this.fut.poll(cx) {
            return Poll::Ready(Ok(out));
        }
        let due = |silence: &Silence, deadline: Instant| {
            silence.ends().map_or(deadline, |end| end.min(deadline))
        };
        // A silence that began after a pause may end before the time the timer is set for.
        if this.silence.restarted.swap(false, Relaxed) {
            let due = due(this.silence, *this.deadline);
            if due < this.sleep.deadline() {
                this.sleep.as_mut().reset(due);
            }
        }
        // At most two turns: a reset moves the timer past the time it fired at, and if it
        // fires again at once, that time is the deadline or the end of the silence.
        for _ in 0..3 {
            ready!(this.sleep.as_mut().poll(cx));
            let fired = this.sleep.deadline();
            if fired >= *this.deadline {
                return Poll::Ready(Err(Expired::Deadline));
            }
            let next = due(this.silence, *this.deadline);
            if next <= fired {
                return Poll::Ready(Err(Expired::Silence));
            }
            // Data came since the timer was set: wait for the rest of the new silence.
            this.sleep.as_mut().reset(next);
        }
        Poll::Ready(Err(Expired::Silence))
    }
}
