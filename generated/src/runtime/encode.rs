//! Percent-encoding of path parameters so that no value can change the route.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but unreserved characters (RFC 3986) is encoded in a path segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
/// Like [`SEGMENT`] but `/` is kept, for values documented to carry slashes (refs, paths).
const SLASHED: &AsciiSet = &SEGMENT.remove(b'/');

/// Encode a value as one path segment.
pub fn segment(value: &str) -> impl std::fmt::Display + '_ {
    utf8_percent_encode(value, SEGMENT)
}

/// Encode a value that may contain `/` (a git ref, a file path).
pub fn slashed(value: &str) -> impl std::fmt::Display + '_ {
    utf8_percent_encode(value, SLASHED)
}
