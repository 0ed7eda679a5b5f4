//! Helpers shared by the `fixtures_scenarios_*` tests, which drive the recorded
//! @octokit/fixtures scenarios through the GENERATED client and its typed answers.
//!
//! Include after `fixtures`:
//! `#[path = "support/fixtures.rs"] mod fixtures;` then
//! `#[path = "support/scenarios.rs"] mod scenarios;`.
#![allow(dead_code)]

use github_rest_client::models;
use github_rest_client::runtime::{ApiError, Client, Error, ResponseValue};

pub use crate::fixtures::scenario;

/// The organisation every scenario was recorded in.
pub const ORG: &str = "octokit-fixture-org";

/// The decoded value of a successful answer (from `send_with_response()`), its status checked.
pub fn ok<T>(resp: ResponseValue<T>, status: u16) -> T {
    assert_eq!(
        resp.status(),
        status,
        "{}",
        String::from_utf8_lossy(resp.bytes())
    );
    resp.into_inner()
}

/// The API error of a call the recording answers with an error status.
pub fn api_error(err: Error, status: u16) -> ApiError {
    assert_eq!(err.status(), Some(status), "{err}");
    err.api()
        .cloned()
        .unwrap_or_else(|| panic!("not an API error: {err}"))
}

/// `{origin}` of a release's `upload_url` (`{origin}/repos/…/assets{?name,label}`).
pub fn upload_origin(release: &models::Release) -> String {
    let url = &release.upload_url;
    url[..url.find("/repos/").unwrap()].to_owned()
}

/// The first step of both release scenarios: release `v1.0.0` of `repo`, as its id and the
/// origin of its `upload_url`.
pub async fn release_v1(c: &Client, repo: &str) -> (i64, String) {
    let release = ok(
        c.repos()
            .get_release_by_tag(ORG, repo, "v1.0.0")
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(release.tag_name, "v1.0.0");
    (release.id, upload_origin(&release))
}

/// The recorded upload of both release scenarios: `test-upload.txt` (label `test`,
/// `text/plain`, 14 bytes) to `origin`.
pub async fn upload_test_asset(
    c: &Client,
    repo: &str,
    release_id: i64,
    origin: &str,
) -> Result<ResponseValue<models::ReleaseAsset>, Error> {
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
        .send_with_response()
        .await
}

/// Deletes release asset `asset_id` of `repo`, which the recording answers with 204.
pub async fn delete_asset(c: &Client, repo: &str, asset_id: i64) {
    let deleted = c
        .repos()
        .delete_release_asset(ORG, repo, asset_id)
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
}
