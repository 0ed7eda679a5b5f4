//! Which request an error belongs to (method, path, attempts) and the bounded, escaped text
//! every error uses to show what a server sent.

use std::fmt;
use std::time::Duration;

use super::method::Method;

/// Longest path shown in an error (characters); longer ones end in `…`.
const MAX_PATH: usize = 200;

/// The request a [`super::Error`] is about. The query is left out (it may hold values
/// the caller would not log); the path is percent-encoded, so it prints safely.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestInfo {
    /// The HTTP method.
    pub method: Method,
    /// The URL path of the first attempt, without query, cut at 200 characters.
    pub path: String,
    /// The route template given by generated code (`/repos/{owner}/{repo}`), if any.
    pub route: Option<&'static str>,
    /// Attempts sent (a redirect hop is not an extra attempt).
    pub attempts: u32,
    /// A retry was due after this wait, but it would have passed the call's deadline.
    pub retry_refused: Option<Duration>,
    /// The call's deadline (its total time limit).
    pub deadline: Duration,
}

impl RequestInfo {
    pub(crate) fn new(method: Method, path: &str, route: Option<&'static str>) -> RequestInfo {
        let end = path
            .char_indices()
            .nth(MAX_PATH)
            .map_or(path.len(), |(i, _)| i);
        let mut shown = path[..end].to_owned();
        if end < path.len() {
            shown.push('…');
        }
        RequestInfo {
            method,
            path: shown,
            route,
            attempts: 0,
            retry_refused: None,
            deadline: Duration::ZERO,
        }
    }
}

impl fmt::Display for RequestInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} ({} attempt{}",
            self.method.as_str(),
            Printable(&self.path),
            self.attempts,
            if self.attempts == 1 { "" } else { "s" }
        )?;
        if let Some(wait) = self.retry_refused {
            write!(
                f,
                "; a retry in {} would pass the call's deadline of {}",
                Secs(wait),
                Secs(self.deadline)
            )?;
        }
        f.write_str(")")
    }
}

/// A duration as seconds, with millisecond precision below ten seconds.
pub(crate) struct Secs(pub(crate) Duration);

impl fmt::Display for Secs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        if d >= Duration::from_secs(10) || d.subsec_millis() == 0 {
            write!(f, "{}s", d.as_secs())
        } else {
            write!(f, "{:.3}s", d.as_secs_f64())
        }
    }
}

/// Server-sent text with control, bidi and zero-width characters escaped (no terminal or
/// display injection), cut at `max` characters with `…`.
pub(crate) struct Bounded<'a>(pub(crate) &'a str, pub(crate) usize);

impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.chars();
        for c in chars.by_ref().take(self.1) {
            write_char(f, c)?;
        }
        if chars.next().is_some() {
            f.write_str("…")?;
        }
        Ok(())
    }
}

/// [`Bounded`] without a length limit (for text already bounded).
pub(crate) struct Printable<'a>(pub(crate) &'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.chars().try_for_each(|c| write_char(f, c))
    }
}

fn write_char(f: &mut fmt::Formatter<'_>, c: char) -> fmt::Result {
    if is_hidden(c) {
        write!(f, "{}", c.escape_default())
    } else {
        fmt::Write::write_char(f, c)
    }
}

/// Controls, bidi overrides and isolates, and invisible formatting characters.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}
