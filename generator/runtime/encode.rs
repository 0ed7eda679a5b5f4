//! Percent-encoding of path parameters so that no value can change the route.

use std::fmt;

/// Bytes a path segment keeps: RFC 3986 unreserved characters; all others are encoded.
const SEGMENT: Keep = keep(b"-._~");

/// Bytes a query component keeps: those JavaScript's `encodeURIComponent` keeps.
const QUERY: Keep = keep(b"-._~!'()*");

/// Which bytes are written as they are (a lookup per byte: encoding runs on every call).
type Keep = [bool; 256];

/// ASCII letters and digits, and `extra`.
const fn keep(extra: &[u8]) -> Keep {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let mut i = 0;
    while i < extra.len() {
        table[extra[i] as usize] = true;
        i += 1;
    }
    table
}

/// `value` with every byte not in `keep` written as `%XX` (upper-case hex, UTF-8 bytes).
fn percent_encode(out: &mut impl fmt::Write, value: &str, keep: &Keep) -> fmt::Result {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut run = 0;
    for (i, &b) in value.as_bytes().iter().enumerate() {
        if keep[b as usize] {
            continue;
        }
        // A kept run is ASCII, so `run..i` lies on character boundaries.
        if run < i {
            out.write_str(&value[run..i])?;
        }
        out.write_char('%')?;
        out.write_char(HEX[usize::from(b >> 4)] as char)?;
        out.write_char(HEX[usize::from(b & 15)] as char)?;
        run = i + 1;
    }
    match run < value.len() {
        true => out.write_str(&value[run..]),
        false => Ok(()),
    }
}

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
        match self.slashed {
            false => write_part(f, self.value),
            true => write_slashed(f, self.value),
        }
    }
}

/// One value of a route's `{name}` placeholder, in the order of the placeholders
/// (`RequestExt::at` fills the route with them).
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
    // Byte scans, not `str::find`: this runs on every call.
    let find = |s: &str, c: u8| s.bytes().position(|b| b == c);
    while let Some(open) = find(rest, b'{') {
        let Some(close) = find(&rest[open..], b'}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        // Writing to a `String` cannot fail.
        let _ = match values.next() {
            Some(PathValue::Segment(v)) => write_part(&mut out, v),
            Some(PathValue::Slashed(v)) => write_slashed(&mut out, v),
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
///
/// Chunk by chunk into any writer, not through `Display`: `fill` runs on every call.
fn write_part(out: &mut impl fmt::Write, part: &str) -> fmt::Result {
    match part {
        "." => out.write_str("%252E"),
        ".." => out.write_str("%252E%252E"),
        _ => percent_encode(out, part, &SEGMENT),
    }
}

/// Each `/`-separated part of `value` as by [`write_part`], the slashes kept.
fn write_slashed(out: &mut impl fmt::Write, value: &str) -> fmt::Result {
    for (i, part) in value.split('/').enumerate() {
        if i > 0 {
            out.write_str("/")?;
        }
        write_part(out, part)?;
    }
    Ok(())
}

/// Encode a query component like JavaScript's `encodeURIComponent` (as Octokit does).
pub(crate) fn query_component(out: &mut String, value: &str) {
    // Writing to a `String` cannot fail.
    let _ = percent_encode(out, value, &QUERY);
}
