//! Percent-encoding of path parameters so that no value can change the route.

use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but unreserved characters (RFC 3986) is encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encode a value as one path segment (`/`, `?`, `#`, `%` and dot segments are encoded).
pub fn segment(value: &str) -> Segment<'_> {
    Segment {
        value,
        slashed: false,
    }
}

/// Encode a value that may contain `/` (a git ref, a file path): each `/`-separated part
/// is encoded as by [`segment`].
pub fn slashed(value: &str) -> Segment<'_> {
    Segment {
        value,
        slashed: true,
    }
}

/// An encoded path value; write it with `format!`/`write!`.
#[derive(Debug, Clone, Copy)]
pub struct Segment<'a> {
    value: &'a str,
    slashed: bool,
}

impl fmt::Display for Segment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.slashed {
            return write_part(f, self.value);
        }
        for (i, part) in self.value.split('/').enumerate() {
            if i > 0 {
                f.write_str("/")?;
            }
            write_part(f, part)?;
        }
        Ok(())
    }
}

/// One value of a route's `{name}` placeholder, in the order of the placeholders
/// ([`Request::at`](super::Request::at) fills the route with them).
#[derive(Debug, Clone, Copy)]
pub enum PathValue<'a> {
    /// Encoded as one path segment, as by [`segment`].
    Segment(&'a str),
    /// Encoded part by part, keeping `/`, as by [`slashed`].
    Slashed(&'a str),
    /// A number, written in decimal.
    Integer(i64),
}

/// The route with each `{name}` replaced by the next value, encoded; a placeholder without
/// a value is kept as written.
pub fn fill(route: &str, values: &[PathValue<'_>]) -> String {
    use fmt::Write as _;
    let mut out = String::with_capacity(route.len() + 16 * values.len());
    let mut values = values.iter();
    let mut rest = route;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        // Writing to a `String` cannot fail.
        let _ = match values.next() {
            Some(PathValue::Segment(v)) => write!(out, "{}", segment(v)),
            Some(PathValue::Slashed(v)) => write!(out, "{}", slashed(v)),
            Some(PathValue::Integer(n)) => write!(out, "{n}"),
            None => {
                out.push_str(&rest[open..=close]);
                Ok(())
            }
        };
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Everything but RFC 3986 unreserved characters is encoded. A part that is exactly `.` or
/// `..` would be removed by URL normalisation, and so would `%2E`/`%2E%2E` (WHATWG treats
/// them as dot segments), so their dots are sent as `%252E`: the server sees a literal
/// `%2E`, never a parent directory.
fn write_part(f: &mut fmt::Formatter<'_>, part: &str) -> fmt::Result {
    match part {
        "." => f.write_str("%252E"),
        ".." => f.write_str("%252E%252E"),
        _ => fmt::Display::fmt(&utf8_percent_encode(part, SEGMENT), f),
    }
}

/// Encode a query component like JavaScript's `encodeURIComponent` (as Octokit does).
pub(crate) fn query_component(out: &mut String, value: &str) {
    const QUERY: &AsciiSet = &SEGMENT
        .remove(b'!')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')')
        .remove(b'*');
    out.extend(utf8_percent_encode(value, QUERY));
}
