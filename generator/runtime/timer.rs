//! A call's `Deadline`, and its one timer: the deadline and the idle read limit (the server
//! silent for too long) as one tokio timer, registered once, re-armed only when it fires early.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::task::{ready, Context, Poll};
use std::time::Duration;

use tokio::time::{Instant, Sleep};

#[cfg(feature = "github-app")]
use super::error::{Error, RequestInfo, TimeoutError};
#[cfg(feature = "github-app")]
use super::prepared::Prepared;

/// The deadline of one call: every layer's sends, waits and token mints fit inside it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    pub(crate) at: std::time::Instant,
    /// The call's total time limit (errors report it).
    pub(crate) limit: Duration,
}

impl Deadline {
    /// The deadline of a call limited to `limit`, starting now.
    pub(crate) fn new(limit: Duration) -> Deadline {
        Deadline {
            at: std::time::Instant::now() + limit,
            limit,
        }
    }

    /// Whether a wait of `wait` from now ends before the deadline.
    #[cfg(feature = "github-app")]
    pub(crate) fn allows(&self, wait: Duration) -> bool {
        std::time::Instant::now() + wait < self.at
    }

    /// A timeout of `req` while `reason`, outside the transport's loop (waiting for a token).
    #[cfg(feature = "github-app")]
    pub(crate) fn timeout(&self, req: &Prepared, reason: &'static str) -> Error {
        let mut request = RequestInfo::new(req.method, req.path.as_str(), req.route);
        request.deadline = self.limit;
        Error::Timeout(Box::new(TimeoutError {
            request,
            reason: reason.into(),
            wait: None,
            rate_limited: false,
            idle: None,
        }))
    }
}

/// How long the server has been silent, shared by a call's work (which says when data came)
/// and its [`Timer`] (which fails the call when the silence lasts longer than the limit).
///
/// Data arriving only moves the end of the silence later and does not touch the timer: when
/// the timer fires before the silence has lasted the limit, it is set again for the rest.
pub(crate) struct Silence<'d> {
    /// Longest silence allowed (`None`: only the deadline bounds the call); the client's,
    /// by reference (8 bytes less in every call's future).
    limit: Option<&'d Duration>,
    /// The call's deadline; the counts in `since` are measured from the call's start.
    deadline: &'d Deadline,
    /// When the current silence began, in nanoseconds after the call's start, plus one; 0 while the call
    /// is not waiting on the server (a retry wait, writing a download to the caller).
    since: AtomicU64,
    /// A silence began after a pause: the timer may be set later than its end.
    restarted: AtomicBool,
}

impl<'d> Silence<'d> {
    /// The call of `deadline` (starting now), allowing `limit` without data from the server.
    pub(crate) fn new(limit: Option<&'d Duration>, deadline: &'d Deadline) -> Silence<'d> {
        Silence {
            limit,
            deadline,
            since: AtomicU64::new(1),
            restarted: AtomicBool::new(false),
        }
    }

    /// The longest silence allowed, if any.
    pub(crate) fn limit(&self) -> Option<Duration> {
        self.limit.copied()
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

    /// The call's start, without reading the clock again.
    fn base(&self) -> Instant {
        let at = self.deadline.at;
        Instant::from_std(at.checked_sub(self.deadline.limit).unwrap_or(at))
    }

    fn nanos_now(&self) -> u64 {
        let nanos = Instant::now().saturating_duration_since(self.base()).as_nanos();
        u64::try_from(nanos).unwrap_or(u64::MAX - 1) + 1
    }

    /// When the current silence reaches the limit (`None`: no limit, or paused).
    fn ends(&self) -> Option<Instant> {
        let limit = *self.limit?;
        match self.since.load(Relaxed) {
            0 => None,
            n => Some(self.base() + Duration::from_nanos(n - 1) + limit),
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
    /// `fut` bounded by the call's deadline and by `silence`: `Err` if either ran out first;
    /// `fut` runs inside the call's span.
    ///
    /// A plain future type, not an `async fn`: an `async fn` that awaits a future it was given
    /// holds it twice, and the call's future is moved (copied) once per layer. The timer lives
    /// inside the call's future (no allocation) and is registered once, on the first wait.
    pub(crate) struct Timer<'s, 'd, F> {
        #[pin]
        fut: F,
        #[pin]
        sleep: Sleep,
        silence: &'s Silence<'d>,
        span: &'s tracing::Span,
    }
}

/// `fut` under the call's one timer, in `span`. (Inline: the caller's future is built in
/// place.)
#[inline(always)]
pub(crate) fn within<'s, 'd, F: Future>(
    silence: &'s Silence<'d>,
    span: &'s tracing::Span,
    fut: F,
) -> Timer<'s, 'd, F> {
    Timer {
        fut,
        sleep: tokio::time::sleep_until(silence.due()),
        silence,
        span,
    }
}

impl Silence<'_> {
    /// When the call's timer must fire next: the deadline, or the end of the silence.
    fn due(&self) -> Instant {
        let deadline = Instant::from_std(self.deadline.at);
        self.ends().map_or(deadline, |end| end.min(deadline))
    }
}

impl<F: Future> Future for Timer<'_, '_, F> {
    type Output = Result<F::Output, Expired>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        let polled = {
            let _entered = this.span.enter();
            this.fut.poll(cx)
        };
        if let Poll::Ready(out) = polled {
            return Poll::Ready(Ok(out));
        }
        // A silence that began after a pause may end before the time the timer is set for.
        if this.silence.restarted.swap(false, Relaxed) {
            let due = this.silence.due();
            if due < this.sleep.deadline() {
                this.sleep.as_mut().reset(due);
            }
        }
        // At most two turns: a reset moves the timer past the time it fired at, and if it
        // fires again at once, that time is the deadline or the end of the silence.
        let deadline = Instant::from_std(this.silence.deadline.at);
        for _ in 0..3 {
            ready!(this.sleep.as_mut().poll(cx));
            let fired = this.sleep.deadline();
            if fired >= deadline {
                return Poll::Ready(Err(Expired::Deadline));
            }
            let next = this.silence.due();
            if next <= fired {
                return Poll::Ready(Err(Expired::Silence));
            }
            // Data came since the timer was set: wait for the rest of the new silence.
            this.sleep.as_mut().reset(next);
        }
        Poll::Ready(Err(Expired::Silence))
    }
}
