//! Helpers shared by the `fixtures_raw_runtime*` tests, which drive the recorded scenarios
//! through `runtime::Request` directly.
//!
//! Include after `fixtures`:
//! `#[path = "support/fixtures.rs"] mod fixtures;` then
//! `#[path = "support/raw_requests.rs"] mod raw_requests;`.
#![allow(dead_code)]

use github_rest_client::runtime::{Client, Method, Request, Response};
use serde_json::Value;

pub use crate::fixtures::scenario;

/// A request for `path` (relative to the scenario's API base URL).
pub fn req<'c>(c: &'c Client, method: Method, path: &str) -> Request<'c> {
    Request::new(c, method, path.to_owned())
}

/// A `GET` of `path`.
pub fn get<'c>(c: &'c Client, path: &str) -> Request<'c> {
    req(c, Method::Get, path)
}

/// The answer to `r`, which the recording answers with a success status.
pub async fn send(r: Request<'_>) -> Response {
    r.send().await.unwrap()
}

/// The decoded JSON of the answer to `r`.
pub async fn json(r: Request<'_>) -> Value {
    send(r).await.json().unwrap()
}

/// The recorded upload of both release scenarios added to `r` (a `POST …/releases/<id>/assets`
/// aimed at the uploads host): `name=test-upload.txt`, `label=test`, a 14-byte `text/plain`
/// body.
pub fn test_upload(r: Request<'_>) -> Request<'_> {
    r.query("name", "test-upload.txt".into())
        .query("label", "test".into())
        .header("Content-Type", "text/plain")
        .raw(b"Hello, world!\n".to_vec())
}
