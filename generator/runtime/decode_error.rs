//! `DecodeError`: a successful response whose body did not decode (a leaf: the error type
//! holds one).

use std::fmt;

use bytes::Bytes;

/// A successful response whose body did not decode into the expected type.
#[derive(Debug)]
pub struct DecodeError {
    endpoint: Option<&'static str>,
    status: u16,
    path: String,
    source: serde_json::Error,
    body: Bytes,
}

impl DecodeError {
    pub(crate) fn new(
        endpoint: Option<&'static str>,
        status: u16,
        path: String,
        source: serde_json::Error,
        body: Bytes,
    ) -> DecodeError {
        DecodeError {
            endpoint,
            status,
            path,
            source,
            body,
        }
    }

    /// The endpoint whose response this was (`repos.get`), when known.
    pub fn endpoint(&self) -> Option<&str> {
        self.endpoint
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Where in the body decoding failed (`owner.login`, `[3].labels[0].name`; `.` for the
    /// whole body).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What serde found wrong (`missing field \`login\``, `invalid type: …`).
    pub fn message(&self) -> String {
        self.source.to_string()
    }

    /// The serde_json error.
    pub fn json_error(&self) -> &serde_json::Error {
        &self.source
    }

    /// The whole response body as received.
    pub fn body(&self) -> &[u8] {
        &self.body
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("could not decode the response")?;
        if let Some(e) = self.endpoint {
            write!(f, " of `{e}`")?;
        }
        write!(f, " (status {})", self.status)?;
        if self.path != "." {
            write!(f, " at `{}`", self.path)?;
        }
        write!(f, ": {}", self.source)
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}
