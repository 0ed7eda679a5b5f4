//! The remaining recorded scenarios through `runtime::Request` directly, so that every one of
//! the 22 is known to be satisfiable by the runtime before generated methods drive them.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/raw_requests.rs"]
mod raw_requests;

use futures_util::TryStreamExt;
use github_rest_client::runtime::__private::{JsonObject, RequestExt as _};
use github_rest_client::runtime::Method;
use raw_requests::{get, json, req, scenario, send, test_upload};
use serde_json::{json, Value};

#[tokio::test]
async fn add_and_remove_repository_collaborator() {
    let (s, c) = scenario("add-and-remove-repository-collaborator").await;
    let repo = "/repos/octokit-fixture-org/add-and-remove-repository-collaborator";
    let user = format!("{repo}/collaborators/octokit-fixture-user-b");
    let invite = json(req(&c, Method::Put, &user)).await;
    let invitations = json(get(&c, &format!("{repo}/invitations"))).await;
    assert_eq!(invitations[0]["id"], invite["id"]);
    let id = invitations[0]["id"].as_i64().unwrap();
    // The invitee accepts with the second token.
    let accepted = req(
        &c,
        Method::Patch,
        &format!("/user/repository_invitations/{id}"),
    )
    .header("Authorization", format!("token {}", fixtures::TOKEN_B))
    .send()
    .await
    .unwrap();
    assert_eq!(accepted.status(), 204);
    let list: Vec<Value> = get(&c, &format!("{repo}/collaborators"))
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert!(list.iter().any(|u| u["login"] == "octokit-fixture-user-b"));
    send(req(&c, Method::Delete, &user)).await;
    let list = json(get(&c, &format!("{repo}/collaborators"))).await;
    assert!(!list
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["login"] == "octokit-fixture-user-b"));
    s.check().await.unwrap();
}

#[tokio::test]
async fn add_labels_to_issue() {
    let (s, c) = scenario("add-labels-to-issue").await;
    let repo = "/repos/octokit-fixture-org/add-labels-to-issue";
    let mut body = JsonObject::new();
    body.field("title", "Issue without a label");
    let issue = json(req(&c, Method::Post, &format!("{repo}/issues")).json(body)).await;
    let n = issue["number"].as_u64().unwrap();
    let mut body = JsonObject::new();
    body.field("labels", &["Foo", "bAr", "baZ"]);
    let labels = json(req(&c, Method::Post, &format!("{repo}/issues/{n}/labels")).json(body)).await;
    assert_eq!(labels.as_array().unwrap().len(), 3);
    s.check().await.unwrap();
}

#[tokio::test]
async fn branch_protection_with_explicit_nulls() {
    let (s, c) = scenario("branch-protection").await;
    let path = "/repos/octokit-fixture-org/branch-protection/branches/main/protection";
    let err = get(&c, path).send().await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(
        err.api().unwrap().message.as_deref(),
        Some("Branch not protected")
    );
    let mut body = JsonObject::new();
    body.field("required_status_checks", &None::<Value>);
    body.field("required_pull_request_reviews", &None::<Value>);
    body.field("restrictions", &None::<Value>);
    body.field("enforce_admins", &false);
    send(req(&c, Method::Put, path).json(body)).await;
    let mut body = JsonObject::new();
    body.field(
        "required_status_checks",
        &json!({"strict": true, "contexts": ["foo/bar"]}),
    );
    body.field(
        "required_pull_request_reviews",
        &json!({
            "dismissal_restrictions": {"users": ["octokit-fixture-user-a"], "teams": []},
            "dismiss_stale_reviews": true,
            "require_code_owner_reviews": false
        }),
    );
    body.field(
        "restrictions",
        &json!({"users": ["octokit-fixture-user-a"], "teams": ["a-team"]}),
    );
    body.field("enforce_admins", &true);
    send(req(&c, Method::Put, path).json(body)).await;
    let del = send(req(&c, Method::Delete, path)).await;
    assert_eq!(del.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn create_file() {
    let (s, c) = scenario("create-file").await;
    let mut body = JsonObject::new();
    body.field("message", "create test.txt");
    body.field("content", "VGVzdCBjb250ZW50");
    let path = "/repos/octokit-fixture-org/create-file/contents/test.txt";
    let created = json(req(&c, Method::Put, path).json(body)).await;
    assert_eq!(created["content"]["path"], "test.txt");
    s.check().await.unwrap();
}

#[tokio::test]
async fn create_status() {
    let (s, c) = scenario("create-status").await;
    let repo = "/repos/octokit-fixture-org/create-status";
    let sha = "0000000000000000000000000000000000000001";
    for (state, n) in [("failure", 1), ("success", 2)] {
        let mut body = JsonObject::new();
        body.field("state", state);
        body.field("target_url", "https://example.com");
        body.field("description", &format!("create-status {state} test"));
        body.field("context", &format!("example/{n}"));
        json(req(&c, Method::Post, &format!("{repo}/statuses/{sha}")).json(body)).await;
    }
    let statuses = json(req(
        &c,
        Method::Get,
        &format!("{repo}/commits/{sha}/statuses"),
    ))
    .await;
    assert_eq!(statuses.as_array().unwrap().len(), 2);
    let combined = json(req(
        &c,
        Method::Get,
        &format!("{repo}/commits/{sha}/status"),
    ))
    .await;
    assert_eq!(combined["state"], "failure");
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_organization() {
    let (s, c) = scenario("get-organization").await;
    let org = json(get(&c, "/orgs/octokit-fixture-org")).await;
    assert_eq!(org["login"], "octokit-fixture-org");
    s.check().await.unwrap();
}

#[tokio::test]
async fn git_refs_with_trailing_slash_and_slashed_ref() {
    let (s, c) = scenario("git-refs").await;
    let repo = "/repos/octokit-fixture-org/git-refs";
    let refs = json(get(&c, &format!("{repo}/git/refs/"))).await;
    assert!(!refs.as_array().unwrap().is_empty());
    let mut body = JsonObject::new();
    body.field("ref", "refs/heads/test");
    body.field("sha", "0000000000000000000000000000000000000002");
    json(req(&c, Method::Post, &format!("{repo}/git/refs")).json(body)).await;
    let r = github_rest_client::runtime::__private::encode::slashed("heads/test");
    let mut body = JsonObject::new();
    body.field("sha", "0000000000000000000000000000000000000001");
    json(req(&c, Method::Patch, &format!("{repo}/git/refs/{r}")).json(body)).await;
    json(get(&c, &format!("{repo}/git/refs/"))).await;
    let del = send(req(&c, Method::Delete, &format!("{repo}/git/refs/{r}"))).await;
    assert_eq!(del.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn labels() {
    let (s, c) = scenario("labels").await;
    let repo = "/repos/octokit-fixture-org/labels";
    json(get(&c, &format!("{repo}/labels"))).await;
    let mut body = JsonObject::new();
    body.field("name", "test-label");
    body.field("color", "663399");
    json(req(&c, Method::Post, &format!("{repo}/labels")).json(body)).await;
    json(get(&c, &format!("{repo}/labels/test-label"))).await;
    let mut body = JsonObject::new();
    body.field("new_name", "test-label-updated");
    body.field("color", "BADA55");
    let updated =
        json(req(&c, Method::Patch, &format!("{repo}/labels/test-label")).json(body)).await;
    assert_eq!(updated["name"], "test-label-updated");
    let path = format!("{repo}/labels/test-label-updated");
    send(req(&c, Method::Delete, &path)).await;
    s.check().await.unwrap();
}

#[tokio::test]
async fn project_cards() {
    let (s, c) = scenario("project-cards").await;
    let mut ids = vec![];
    for n in 1..=2 {
        let mut body = JsonObject::new();
        body.field("note", &format!("Example card {n}"));
        let card = json(req(&c, Method::Post, "/projects/columns/1000/cards").json(body)).await;
        ids.push(card["id"].as_i64().unwrap());
    }
    let cards = json(get(&c, "/projects/columns/1000/cards")).await;
    assert_eq!(cards.as_array().unwrap().len(), 2);
    let card = format!("/projects/columns/cards/{}", ids[0]);
    json(get(&c, &card)).await;
    let mut body = JsonObject::new();
    body.field("note", "Example card 1 updated");
    json(req(&c, Method::Patch, &card).json(body)).await;
    let moves: [(i64, &str, Option<i64>); 3] = [
        (ids[0], "top", Some(1001)),
        (ids[1], "bottom", Some(1001)),
        (ids[0], "after:1001", None),
    ];
    for (id, position, column) in moves {
        let mut body = JsonObject::new();
        body.field("position", position);
        body.opt("column_id", &column);
        let path = format!("/projects/columns/cards/{id}/moves");
        req(&c, Method::Post, &path)
            .json(body)
            .send()
            .await
            .unwrap();
    }
    send(req(&c, Method::Delete, &card)).await;
    s.check().await.unwrap();
}

#[tokio::test]
async fn release_assets_conflict() {
    let (s, c) = scenario("release-assets-conflict").await;
    let repo = "/repos/octokit-fixture-org/release-assets-conflict";
    let release = json(get(&c, &format!("{repo}/releases/tags/v1.0.0"))).await;
    let id = release["id"].as_i64().unwrap();
    let upload = || {
        let upload = req(&c, Method::Post, &format!("{repo}/releases/{id}/assets"));
        test_upload(upload.uploads()).send()
    };
    let err = upload().await.unwrap_err();
    assert_eq!(err.status(), Some(422));
    assert_eq!(
        err.api().unwrap().errors[0].code.as_deref(),
        Some("already_exists")
    );
    let assets = json(get(&c, &format!("{repo}/releases/{id}/assets"))).await;
    let asset = assets[0]["id"].as_i64().unwrap();
    let path = format!("{repo}/releases/assets/{asset}");
    send(req(&c, Method::Delete, &path)).await;
    assert_eq!(upload().await.unwrap().status(), 201);
    s.check().await.unwrap();
}
