//! Typed response bodies: the decoders generated `send()` methods pass to the runtime, and
//! `DecodeError`, which names the endpoint, status and JSON path and keeps the body.

use std::fmt;

use bytes::Bytes;
use serde::de::DeserializeOwned;

use super::error::{ApiError, Error, Result};
use super::response::Response;
use super::typed::ResponseValue;

/// How a generated method turns the outcome of a request into its return value; the
/// `&'static str` is the endpoint (`repos.get`), for errors.
pub type Decoder<T> = fn(Result<Response>, &'static str) -> Result<ResponseValue<T>>;

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

impl Error {
    /// The details of an [`Error::Decode`].
    pub fn decode_error(&self) -> Option<&DecodeError> {
        match self {
            Error::Decode(e) => Some(e),
            _ => None,
        }
    }
}

/// Decode `input` (a JSON document, or part of `body`) as `T`, tracking the path.
pub(crate) fn from_json<'a, T: serde::Deserialize<'a>>(
    input: &'a [u8],
    endpoint: Option<&'static str>,
    status: u16,
    body: &Bytes,
) -> Result<T> {
    // Path tracking costs about as much as the decode itself, and decoding is deterministic:
    // decode plainly, and only on failure decode again to learn where it failed.
    match serde_json::from_slice(input) {
        Ok(value) => Ok(value),
        Err(plain) => {
            let mut de = serde_json::Deserializer::from_slice(input);
            let (path, source) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(e) => (e.path().to_string(), e.into_inner()),
                // Only trailing characters can fail the plain decode but not this one.
                Ok(_) => (".".to_owned(), plain),
            };
            Err(decode_error(endpoint, status, path, source, body))
        }
    }
}

/// Not generic, so each decoded type adds no error-building code.
pub(crate) fn decode_error(
    endpoint: Option<&'static str>,
    status: u16,
    path: String,
    source: serde_json::Error,
    body: &Bytes,
) -> Error {
    Error::Decode(Box::new(DecodeError::new(
        endpoint,
        status,
        path,
        source,
        body.clone(),
    )))
}

/// A JSON body as `T` (an empty body is `null`, so only `Option`-like types accept it).
pub fn json<T: DeserializeOwned>(
    result: Result<Response>,
    endpoint: &'static str,
) -> Result<ResponseValue<T>> {
    let resp = result?;
    let value = from_json(resp.json_input(), Some(endpoint), resp.status(), resp.body_bytes())?;
    Ok(ResponseValue::new(value, resp))
}

/// A JSON body as `T`, or `None` for an empty (or `null`) body.
pub fn json_or_none<T: DeserializeOwned>(
    result: Result<Response>,
    endpoint: &'static str,
) -> Result<ResponseValue<Option<T>>> {
    json(result, endpoint)
}

/// No body expected: whatever came is ignored (still reachable as bytes).
pub fn unit(result: Result<Response>, _endpoint: &'static str) -> Result<ResponseValue<()>> {
    Ok(ResponseValue::new((), result?))
}

/// The raw body (archives, release assets).
pub fn bytes(result: Result<Response>, _endpoint: &'static str) -> Result<ResponseValue<Bytes>> {
    let resp = result?;
    Ok(ResponseValue::new(resp.body_bytes().clone(), resp))
}

/// The body as text (invalid UTF-8 replaced by U+FFFD).
pub fn text(result: Result<Response>, _endpoint: &'static str) -> Result<ResponseValue<String>> {
    let resp = result?;
    Ok(ResponseValue::new(resp.text(), resp))
}

/// A status check: any 2xx is `true`, 404 is `false`, anything else an error.
pub fn check(result: Result<Response>, _endpoint: &'static str) -> Result<ResponseValue<bool>> {
    match result {
        Ok(resp) if (200..300).contains(&resp.status()) => Ok(ResponseValue::new(true, resp)),
        Ok(resp) => {
            let err = ApiError::new(resp.status(), resp.headers().clone(), resp.bytes());
            Err(Error::Api(Box::new(err)))
        }
        Err(Error::Api(e)) if e.status == 404 => {
            let e = *e;
            Ok(ResponseValue::from_parts(
                false,
                e.status,
                e.headers,
                Bytes::from(e.body.into_bytes()),
            ))
        }
        Err(e) => Err(e),
    }
}
