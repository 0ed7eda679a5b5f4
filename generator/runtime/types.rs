//! Small value types used by generated signatures: media types and integer-or-string.

use std::fmt;

/// A GitHub media type for `Accept` (see "Media types" in the REST docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MediaType {
    /// `application/vnd.github+json` (the default).
    Json,
    /// `application/vnd.github.raw`: file contents, raw markdown.
    Raw,
    /// `application/vnd.github.html`: rendered HTML.
    Html,
    /// `application/vnd.github.diff`.
    Diff,
    /// `application/vnd.github.patch`.
    Patch,
    /// `application/vnd.github.sha`: just the commit SHA.
    Sha,
    /// `application/vnd.github.raw+json`: JSON with `body` as raw markdown.
    RawJson,
    /// `application/vnd.github.text+json`: JSON with `body_text`.
    TextJson,
    /// `application/vnd.github.html+json`: JSON with `body_html`.
    HtmlJson,
    /// `application/vnd.github.full+json`: JSON with `body`, `body_text` and `body_html`.
    FullJson,
    /// `application/vnd.github.object+json`: directory listings as an object.
    ObjectJson,
    /// `application/octet-stream`: binary downloads (release assets).
    OctetStream,
}

impl MediaType {
    /// The `Accept` value asking for it.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Json => "application/vnd.github+json",
            MediaType::Raw => "application/vnd.github.raw",
            MediaType::Html => "application/vnd.github.html",
            MediaType::Diff => "application/vnd.github.diff",
            MediaType::Patch => "application/vnd.github.patch",
            MediaType::Sha => "application/vnd.github.sha",
            MediaType::RawJson => "application/vnd.github.raw+json",
            MediaType::TextJson => "application/vnd.github.text+json",
            MediaType::HtmlJson => "application/vnd.github.html+json",
            MediaType::FullJson => "application/vnd.github.full+json",
            MediaType::ObjectJson => "application/vnd.github.object+json",
            MediaType::OctetStream => "application/octet-stream",
        }
    }
}

impl fmt::Display for MediaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A parameter GitHub accepts as an integer or a string (e.g. a label id or name).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IntOrString {
    /// An integer (`42`).
    Int(i64),
    /// A string (`"bug"`).
    String(String),
}

impl From<i64> for IntOrString {
    fn from(v: i64) -> Self {
        IntOrString::Int(v)
    }
}

impl From<i32> for IntOrString {
    fn from(v: i32) -> Self {
        IntOrString::Int(v.into())
    }
}

impl From<&str> for IntOrString {
    fn from(v: &str) -> Self {
        IntOrString::String(v.to_owned())
    }
}

impl From<String> for IntOrString {
    fn from(v: String) -> Self {
        IntOrString::String(v)
    }
}

impl fmt::Display for IntOrString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntOrString::Int(v) => fmt::Display::fmt(v, f),
            IntOrString::String(v) => f.write_str(v),
        }
    }
}

impl serde::Serialize for IntOrString {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            IntOrString::Int(v) => s.serialize_i64(*v),
            IntOrString::String(v) => s.serialize_str(v),
        }
    }
}

impl<'de> serde::Deserialize<'de> for IntOrString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = IntOrString;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer or a string")
            }
            fn visit_i64<E>(self, v: i64) -> Result<IntOrString, E> {
                Ok(IntOrString::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<IntOrString, E> {
                i64::try_from(v)
                    .map(IntOrString::Int)
                    .map_err(|_| E::custom("integer out of range"))
            }
            fn visit_str<E>(self, v: &str) -> Result<IntOrString, E> {
                Ok(IntOrString::String(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<IntOrString, E> {
                Ok(IntOrString::String(v))
            }
        }
        d.deserialize_any(V)
    }
}
