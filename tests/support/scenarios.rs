//! Helpers shared by the `fixtures_scenarios_*` tests, which drive the recorded
//! @octokit/fixtures scenarios through the GENERATED client.
//!
//! Include after `fixtures`:
//! `#[path = "support/fixtures.rs"] mod fixtures;` then
//! `#[path = "support/scenarios.rs"] mod scenarios;`.
#![allow(dead_code)]

use github_rest_client::runtime::{ApiError, Client, Error, Response};
use serde_json::Value;

pub use crate::fixtures::scenario;

/// The organisation every scenario was recorded in.
pub const ORG: &str = "octokit-fixture-org";

/// The decoded JSON of a successful answer, with its status checked.
pub fn json(resp: Response, status: u16) -> Value {
    assert_eq!(resp.status(), status, "{}", resp.text());
    resp.json().unwrap()
}

/// The API error of a call the recording answers with an error status.
pub fn api_error(err: Error, status: u16) -> ApiError {
    assert_eq!(err.status(), Some(status), "{err}");
    err.api()
        .cloned()
        .unwrap_or_else(|| panic!("not an API error: {err}"))
}

/// The string field `key` of every element of a JSON array (`login`s, `name`s, `ref`s).
pub fn strings<'v>(v: &'v Value, key: &str) -> Vec<&'v str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| e[key].as_str().unwrap())
        .collect()
}

/// `{origin}` of a release's `upload_url` (`{origin}/repos/…/assets{?name,label}`).
pub fn upload_origin(release: &Value) -> String {
    let url = release["upload_url"].as_str().unwrap();
    url[..url.find("/repos/").unwrap()].to_owned()
}

/// The first step of both release scenarios: release `v1.0.0` of `repo`, as its id and the
/// origin of its `upload_url`.
pub async fn release_v1(c: &Client, repo: &str) -> (i64, String) {
    let release = json(
        c.repos()
            .get_release_by_tag(ORG, repo, "v1.0.0")
            .send()
            .await
            .unwrap(),
        200,
    );
    (release["id"].as_i64().unwrap(), upload_origin(&release))
}

/// The recorded upload of both release scenarios: `test-upload.txt` (label `test`,
/// `text/plain`, 14 bytes) to `origin`.
pub async fn upload_test_asset(
    c: &Client,
    repo: &str,
    release_id: i64,
    origin: &str,
) -> Result<Response, Error> {
    c.repos()
        .upload_release_asset(
            ORG,
            repo,
            release_id,
            "test-upload.txt",
            b"Hello, world!\n".to_vec(),
            "text/plain",
        )
        .label("test")
        .origin(origin.to_owned())
        .send()
        .await
}

/// Deletes release asset `asset_id` of `repo`, which the recording answers with 204.
pub async fn delete_asset(c: &Client, repo: &str, asset_id: i64) {
    let deleted = c
        .repos()
        .delete_release_asset(ORG, repo, asset_id)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
}
