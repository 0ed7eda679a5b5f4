//! Typed response bodies: the decoders generated `send()` methods pass to the typed sends
//! (`RequestExt::send_into`, `RequestExt::send_with` of the hidden `__private` module).

use bytes::Bytes;
use serde::de::DeserializeOwned;

use super::error::{ApiError, Error, Result};
use super::response::{from_json, Response};
use super::typed::ResponseValue;

/// How a generated method turns the outcome of a request into its return value; the
/// `&'static str` is the endpoint (`repos.get`), for errors.
pub type Decoder<T> = fn(Result<Response>, &'static str) -> Result<ResponseValue<T>>;

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
