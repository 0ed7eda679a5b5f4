use super::error::{Error, Result};

/// A successful response: status, headers and the body, decoded on demand.
#[derive(Debug, Clone)]
pub struct Response {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Response {
    pub(crate) fn new(status: u16, headers: reqwest::header::HeaderMap, body: Vec<u8>) -> Self {
        Response { status, headers, body }
    }

    pub fn status(&self) -> u16 {
        self.status
    }

    pub fn headers(&self) -> &reqwest::header::HeaderMap {
        &self.headers
    }

    /// Decode the body as JSON into `T` (use `serde_json::Value` for untyped access).
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T> {
        serde_json::from_slice(&self.body).map_err(Error::Decode)
    }

    /// The body as text (lossy for invalid UTF-8).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The raw body bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.body
    }
}
