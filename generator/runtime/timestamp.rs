//! Date-times of fields and parameters: [`Timestamp`], the text GitHub sends unless the
//! `timestamps` feature is on, then a parsed `chrono` date-time that keeps text it cannot read.

/// A date-time as GitHub writes it (RFC 3339, `2011-01-26T19:01:12Z`).
///
/// Without the `timestamps` feature this is the text itself (`String`). With it, it is an
/// enum holding the parsed instant, or the text when that is not an RFC 3339 date-time, so
/// one odd value never fails the decode of a whole answer.
#[cfg(not(feature = "timestamps"))]
pub type Timestamp = String;

#[cfg(feature = "timestamps")]
pub use typed::Timestamp;

#[cfg(feature = "timestamps")]
mod typed {
    use std::fmt;

    use chrono::{DateTime, SecondsFormat, Utc};

    /// RFC 3339 text with an offset (`Z`, `+02:00`) as an instant in UTC.
    fn read(text: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|at| at.with_timezone(&Utc))
    }

    /// `2011-01-26T19:01:12Z` (fractional seconds only when there are some).
    fn rfc3339(at: &DateTime<Utc>) -> String {
        at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }

    /// A date-time as GitHub writes it (RFC 3339, `2011-01-26T19:01:12Z`): the parsed instant,
    /// or the text as it came when it is not an RFC 3339 date-time with an offset (a field
    /// never fails the decode of a whole answer because of its date).
    ///
    /// Parsed values order by time, before any unparsed text; they are written back (in a
    /// request, or when a model is serialised) as RFC 3339 in UTC, unparsed ones as they came.
    /// A `&str` or `String` converts with [`From`] (parsed when it can be), a
    /// [`DateTime<Utc>`](chrono::DateTime) too, so a setter taking `impl Into<Timestamp>`
    /// accepts all three.
    #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Timestamp {
        /// An instant read from RFC 3339 text (any offset, kept in UTC).
        At(DateTime<Utc>),
        /// Text that is not an RFC 3339 date-time, kept exactly as sent.
        Unparsed(String),
    }

    impl Timestamp {
        /// Reads RFC 3339 text (`2011-01-26T19:01:12Z`, `…+02:00`); other text is kept as
        /// [`Timestamp::Unparsed`].
        pub fn parse(text: &str) -> Self {
            match read(text) {
                Some(at) => Timestamp::At(at),
                None => Timestamp::Unparsed(text.to_owned()),
            }
        }

        /// The instant, or `None` when the text did not parse.
        pub fn get(&self) -> Option<DateTime<Utc>> {
            match self {
                Timestamp::At(at) => Some(*at),
                Timestamp::Unparsed(_) => None,
            }
        }

        /// The text as sent when it did not parse, else `None`.
        pub fn unparsed(&self) -> Option<&str> {
            match self {
                Timestamp::At(_) => None,
                Timestamp::Unparsed(text) => Some(text),
            }
        }
    }

    impl From<DateTime<Utc>> for Timestamp {
        fn from(at: DateTime<Utc>) -> Self {
            Timestamp::At(at)
        }
    }

    impl From<&str> for Timestamp {
        fn from(text: &str) -> Self {
            Timestamp::parse(text)
        }
    }

    impl From<String> for Timestamp {
        fn from(text: String) -> Self {
            match read(&text) {
                Some(at) => Timestamp::At(at),
                None => Timestamp::Unparsed(text),
            }
        }
    }

    impl From<Timestamp> for String {
        /// RFC 3339 in UTC for a parsed value, the text as sent otherwise.
        fn from(t: Timestamp) -> Self {
            match t {
                Timestamp::At(at) => rfc3339(&at),
                Timestamp::Unparsed(text) => text,
            }
        }
    }

    impl fmt::Display for Timestamp {
        /// RFC 3339 in UTC (`2011-01-26T19:01:12Z`), or the unparsed text.
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Timestamp::At(at) => f.write_str(&rfc3339(at)),
                Timestamp::Unparsed(text) => f.write_str(text),
            }
        }
    }

    impl serde::Serialize for Timestamp {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Timestamp::At(at) => s.serialize_str(&rfc3339(at)),
                Timestamp::Unparsed(text) => s.serialize_str(text),
            }
        }
    }

    impl<'de> serde::Deserialize<'de> for Timestamp {
        /// A string (parsed when it can be); a number or boolean is kept as its text. Other
        /// JSON (an object, an array) is an error, as for a `String` field.
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(Visitor)
        }
    }

    struct Visitor;

    impl serde::de::Visitor<'_> for Visitor {
        type Value = Timestamp;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a date-time string")
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
            Ok(Timestamp::parse(v))
        }

        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Timestamp, E> {
            Ok(Timestamp::from(v))
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Timestamp, E> {
            Ok(Timestamp::Unparsed(v.to_string()))
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Timestamp, E> {
            Ok(Timestamp::Unparsed(v.to_string()))
        }

        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Timestamp, E> {
            Ok(Timestamp::Unparsed(v.to_string()))
        }

        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Timestamp, E> {
            Ok(Timestamp::Unparsed(v.to_string()))
        }
    }
}
