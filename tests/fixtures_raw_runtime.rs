//! Recorded @octokit/fixtures scenarios driven through `runtime::Request` directly: proves
//! the runtime meets the fixtures server's strict matching (Accept, Authorization, compact
//! JSON with exact Content-Length, Content-Length 0 on bodyless PUT, raw paths, redirects,
//! uploads, binary downloads, pagination) before any generated method uses it.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/raw_requests.rs"]
mod raw_requests;

use futures_util::TryStreamExt;
use github_rest_client::runtime::__private::{encode, JsonObject, RequestExt as _};
use github_rest_client::runtime::Method;
use raw_requests::{get, json, req, scenario, send, test_upload};
use serde_json::Value;

#[tokio::test]
async fn get_repository() {
    let (s, c) = scenario("get-repository").await;
    let path = format!(
        "/repos/{}/{}",
        encode::segment("octokit-fixture-org"),
        encode::segment("hello-world")
    );
    let repo: Value = json(get(&c, &path)).await;
    assert_eq!(repo["full_name"], "octokit-fixture-org/hello-world");
    s.check().await.unwrap();
}

#[tokio::test]
async fn check_reports_unmade_requests() {
    let s = fixtures::server()
        .load("api.github.com/get-repository")
        .await;
    let err = s.check().await.unwrap_err();
    assert!(
        err.contains("/repos/octokit-fixture-org/hello-world"),
        "{err}"
    );
}

#[tokio::test]
async fn get_root_with_api_version_header_tolerated() {
    let s = fixtures::server().load("get-root").await;
    // The recorded requests had no X-GitHub-Api-Version; an extra header is fine.
    let c = s.client().build().unwrap();
    let root: Value = json(get(&c, "/")).await;
    assert!(root["current_user_url"].as_str().unwrap().contains("/user"));
    s.check().await.unwrap();
}

#[tokio::test]
async fn markdown_json_and_raw() {
    let (s, c) = scenario("markdown").await;
    let mut body = JsonObject::new();
    body.field("text", "### Hello\n\nb597b5d");
    body.field("context", "octokit-fixture-org/hello-world");
    body.field("mode", "gfm");
    let html = req(&c, Method::Post, "/markdown")
        .accept("text/html")
        .json(body)
        .send()
        .await
        .unwrap();
    assert!(html.text().contains("<h3"), "{}", html.text());
    let raw = req(&c, Method::Post, "/markdown/raw")
        .accept("text/html")
        .header("Content-Type", "text/plain; charset=utf-8")
        .raw(b"### Hello\n\nb597b5d".to_vec())
        .send()
        .await
        .unwrap();
    assert!(raw.text().contains("<h3"));
    s.check().await.unwrap();
}

#[tokio::test]
async fn paginate_issues_as_a_stream() {
    let (s, c) = scenario("paginate-issues").await;
    let issues: Vec<Value> = get(&c, "/repos/octokit-fixture-org/paginate-issues/issues")
        .query("per_page", 3.to_string())
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(issues.len(), 13);
    assert!(issues.iter().all(|i| i["number"].is_u64()));
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_archive_redirect_to_codeload_returns_raw_gzip() {
    let (s, c) = scenario("get-archive").await;
    let resp = get(&c, "/repos/octokit-fixture-org/get-archive/tarball/main")
        .header("Accept-Encoding", "gzip, compress, deflate, br")
        .send()
        .await
        .unwrap();
    assert!(
        resp.url().contains("/codeload.github.com/"),
        "{}",
        resp.url()
    );
    assert_eq!(resp.header("content-type"), Some("application/x-gzip"));
    assert_eq!(
        &resp.bytes()[..2],
        [0x1f, 0x8b],
        "gzip bytes, not decompressed"
    );
    s.check().await.unwrap();
}

#[tokio::test]
async fn lock_issue_bodyless_put_and_delete() {
    let (s, c) = scenario("lock-issue").await;
    let path = "/repos/octokit-fixture-org/lock-issue/issues/1/lock";
    let put = send(req(&c, Method::Put, path)).await;
    assert_eq!(put.status(), 204);
    put.json::<()>().unwrap();
    let del = send(req(&c, Method::Delete, path)).await;
    assert_eq!(del.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn mark_notifications_as_read_205() {
    let (s, c) = scenario("mark-notifications-as-read").await;
    let resp = send(req(&c, Method::Put, "/notifications")).await;
    assert_eq!(resp.status(), 205);
    s.check().await.unwrap();
}

#[tokio::test]
async fn rename_repository_follows_301_and_307() {
    let (s, c) = scenario("rename-repository").await;
    let old = "/repos/octokit-fixture-org/rename-repository";
    let mut body = JsonObject::new();
    body.field("name", "rename-repository-newname");
    send(req(&c, Method::Patch, old).json(body)).await;
    let moved = send(get(&c, old)).await;
    assert!(
        moved.url().ends_with("/repositories/1000"),
        "{}",
        moved.url()
    );
    let mut body = JsonObject::new();
    body.field("name", "rename-repository-newname");
    body.field("description", "test description");
    let patched = json(req(&c, Method::Patch, old).json(body)).await;
    assert_eq!(patched["description"], "test description");
    s.check().await.unwrap();
}

#[tokio::test]
async fn release_assets_upload_through_origin() {
    let (s, c) = scenario("release-assets").await;
    let repo = "/repos/octokit-fixture-org/release-assets";
    let release: Value = json(get(&c, &format!("{repo}/releases/tags/v1.0.0"))).await;
    // `upload_url` is `{origin}/repos/.../assets{?name,label}`: take its origin.
    let upload_url = release["upload_url"].as_str().unwrap();
    let origin = &upload_url[..upload_url.find("/repos/").unwrap()];
    assert_eq!(origin, s.host_url("uploads.github.com"));
    let upload = req(&c, Method::Post, &format!("{repo}/releases/1000/assets"));
    let asset = json(test_upload(upload.origin(origin.to_owned()))).await;
    assert_eq!(asset["name"], "test-upload.txt");
    let list: Vec<Value> = get(&c, &format!("{repo}/releases/1000/assets"))
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    send(get(&c, &format!("{repo}/releases/assets/1000"))).await;
    let mut body = JsonObject::new();
    body.field("name", "new-filename.txt");
    body.field("label", "new label");
    let asset = format!("{repo}/releases/assets/1000");
    send(req(&c, Method::Patch, &asset).json(body)).await;
    let del = send(req(&c, Method::Delete, &asset)).await;
    assert_eq!(del.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn search_issues_unwraps_items() {
    let (s, c) = scenario("search-issues").await;
    let page = get(&c, "/search/issues")
        .query("q", "sesame repo:octokit-fixture-org/search-issues".into())
        .page::<Value>()
        .await
        .unwrap();
    assert_eq!(page.total_count, Some(page.items.len() as u64));
    assert!(!page.items.is_empty());
    s.check().await.unwrap();
}

#[tokio::test]
async fn errors_422_is_parsed() {
    let (s, c) = scenario("errors").await;
    let mut body = JsonObject::new();
    body.field("name", "foo");
    body.field("color", "invalid");
    let err = req(&c, Method::Post, "/repos/octokit-fixture-org/errors/labels")
        .json(body)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(422));
    let api = err.api().unwrap();
    assert_eq!(api.message.as_deref(), Some("Validation Failed"));
    assert_eq!(api.errors[0].field.as_deref(), Some("color"));
    assert!(!err.to_string().contains(fixtures::TOKEN));
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_content_empty_path_and_raw_media_type() {
    let (s, c) = scenario("get-content").await;
    let base = "/repos/octokit-fixture-org/hello-world/contents";
    let root = get(&c, &format!("{base}/{}", encode::slashed("")));
    let listing: Vec<Value> = send(root).await.json().unwrap();
    assert!(listing.iter().any(|e| e["name"] == "README.md"));
    let readme = get(&c, &format!("{base}/{}", encode::slashed("README.md")));
    let readme = send(readme.accept("application/vnd.github.v3.raw")).await;
    assert!(
        readme.text().starts_with("# hello-world"),
        "{}",
        readme.text()
    );
    s.check().await.unwrap();
}
