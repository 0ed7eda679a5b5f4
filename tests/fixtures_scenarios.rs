//! The 22 recorded @octokit/fixtures scenarios driven through the GENERATED client
//! (`client.repos().get(..).send()`), against `@octokit/fixtures-server`, which rejects any
//! request that differs from the recording (path, query, Accept, Authorization, compact JSON
//! body and its Content-Length). The only raw-request use is the runtime's pagination
//! (`pages`/`paginate` on a generated request) and `.build()` adjustments (Accept, headers).
//!
//! Each test makes the recorded calls in order, asserts on the answers and ends with
//! `check()`: every recorded request was consumed.

#[path = "support/fixtures.rs"]
mod fixtures;

use futures_util::TryStreamExt;
use github_rest_client::runtime::{Client, Error, Response};
use serde_json::Value;

const ORG: &str = "octokit-fixture-org";

async fn scenario(name: &str) -> (fixtures::Scenario, Client) {
    let s = fixtures::server().load(name).await;
    let client = s.client().build().unwrap();
    (s, client)
}

/// The decoded JSON of a successful answer, with its status checked.
fn json(resp: Response, status: u16) -> Value {
    assert_eq!(resp.status(), status, "{}", resp.text());
    resp.json().unwrap()
}

/// The API error of a call the recording answers with an error status.
fn api_error(err: Error, status: u16) -> github_rest_client::runtime::ApiError {
    assert_eq!(err.status(), Some(status), "{err}");
    err.api()
        .cloned()
        .unwrap_or_else(|| panic!("not an API error: {err}"))
}

fn logins(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|u| u["login"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn add_and_remove_repository_collaborator() {
    let (s, c) = scenario("add-and-remove-repository-collaborator").await;
    let repo = "add-and-remove-repository-collaborator";
    let user = "octokit-fixture-user-b";
    let invite = json(
        c.repos()
            .add_collaborator(ORG, repo, user)
            .send()
            .await
            .unwrap(),
        201,
    );
    let invitations = json(
        c.repos().list_invitations(ORG, repo).send().await.unwrap(),
        200,
    );
    assert_eq!(invitations[0]["id"], invite["id"]);
    assert_eq!(invitations[0]["invitee"]["login"], user);
    let id = invitations[0]["id"].as_i64().unwrap();
    // The invitee accepts with their own client (the second user's token).
    let invitee = s.client().token(fixtures::TOKEN_B).build().unwrap();
    let accepted = invitee
        .repos()
        .accept_invitation_for_authenticated_user(id)
        .send()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 204);
    let collaborators: Vec<Value> = c
        .repos()
        .list_collaborators(ORG, repo)
        .build()
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert!(collaborators.iter().any(|u| u["login"] == user));
    let removed = c
        .repos()
        .remove_collaborator(ORG, repo, user)
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 204);
    let after = json(
        c.repos()
            .list_collaborators(ORG, repo)
            .send()
            .await
            .unwrap(),
        200,
    );
    assert!(!logins(&after).contains(&user), "{after}");
    s.check().await.unwrap();
}

#[tokio::test]
async fn add_labels_to_issue() {
    let (s, c) = scenario("add-labels-to-issue").await;
    let repo = "add-labels-to-issue";
    let issue = json(
        c.issues()
            .create(ORG, repo, "Issue without a label")
            .send()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(issue["title"], "Issue without a label");
    let number = issue["number"].as_i64().unwrap();
    let labels = json(
        c.issues()
            .add_labels(ORG, repo, number)
            .labels(vec!["Foo".into(), "bAr".into(), "baZ".into()])
            .send()
            .await
            .unwrap(),
        200,
    );
    let names: Vec<&str> = labels
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Foo", "bAr", "baZ"]);
    s.check().await.unwrap();
}

#[tokio::test]
async fn branch_protection() {
    use github_rest_client::repos::update_branch_protection::{
        RequiredPullRequestReviews, RequiredPullRequestReviewsDismissalRestrictions,
        RequiredStatusChecks, Restrictions,
    };
    let (s, c) = scenario("branch-protection").await;
    let repo = "branch-protection";
    let err = c
        .repos()
        .get_branch_protection(ORG, repo, "main")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        api_error(err, 404).message.as_deref(),
        Some("Branch not protected")
    );
    // Required but nullable: sent as explicit nulls.
    let off = json(
        c.repos()
            .update_branch_protection(ORG, repo, "main", None, Some(false), None, None)
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(off["enforce_admins"]["enabled"], false);
    let user = "octokit-fixture-user-a";
    let on = json(
        c.repos()
            .update_branch_protection(
                ORG,
                repo,
                "main",
                Some(RequiredStatusChecks {
                    strict: true,
                    contexts: vec!["foo/bar".into()],
                    checks: None,
                }),
                Some(true),
                Some(RequiredPullRequestReviews {
                    dismissal_restrictions: Some(RequiredPullRequestReviewsDismissalRestrictions {
                        users: Some(vec![user.into()]),
                        teams: Some(vec![]),
                        apps: None,
                    }),
                    dismiss_stale_reviews: Some(true),
                    require_code_owner_reviews: Some(false),
                    ..Default::default()
                }),
                Some(Restrictions {
                    users: vec![user.into()],
                    teams: vec!["a-team".into()],
                    apps: None,
                }),
            )
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(on["enforce_admins"]["enabled"], true);
    assert_eq!(on["required_status_checks"]["contexts"][0], "foo/bar");
    let deleted = c
        .repos()
        .delete_branch_protection(ORG, repo, "main")
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn create_file() {
    let (s, c) = scenario("create-file").await;
    let created = json(
        c.repos()
            .create_or_update_file_contents(
                ORG,
                "create-file",
                "test.txt",
                "create test.txt",
                "VGVzdCBjb250ZW50",
            )
            .send()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(created["content"]["path"], "test.txt");
    assert_eq!(created["commit"]["message"], "create test.txt");
    s.check().await.unwrap();
}

#[tokio::test]
async fn create_status() {
    use github_rest_client::repos::create_commit_status::State;
    let (s, c) = scenario("create-status").await;
    let repo = "create-status";
    let sha = "0000000000000000000000000000000000000001";
    for (state, name, n) in [
        (State::Failure, "failure", 1),
        (State::Success, "success", 2),
    ] {
        let status = json(
            c.repos()
                .create_commit_status(ORG, repo, sha, state)
                .target_url("https://example.com")
                .description(format!("create-status {name} test"))
                .context(format!("example/{n}"))
                .send()
                .await
                .unwrap(),
            201,
        );
        assert_eq!(status["state"], name);
    }
    let statuses = json(
        c.repos()
            .list_commit_statuses_for_ref(ORG, repo, sha)
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(statuses.as_array().unwrap().len(), 2);
    let combined = json(
        c.repos()
            .get_combined_status_for_ref(ORG, repo, sha)
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(combined["state"], "failure");
    assert_eq!(combined["total_count"], 2);
    s.check().await.unwrap();
}

#[tokio::test]
async fn errors_422_validation_failed() {
    let (s, c) = scenario("errors").await;
    let err = c
        .issues()
        .create_label(ORG, "errors", "foo")
        .color("invalid")
        .send()
        .await
        .unwrap_err();
    assert!(!err.to_string().contains(fixtures::TOKEN));
    let api = api_error(err, 422);
    assert_eq!(api.message.as_deref(), Some("Validation Failed"));
    assert_eq!(api.errors.len(), 1);
    assert_eq!(api.errors[0].resource.as_deref(), Some("Label"));
    assert_eq!(api.errors[0].code.as_deref(), Some("invalid"));
    assert_eq!(api.errors[0].field.as_deref(), Some("color"));
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_archive() {
    let (s, c) = scenario("get-archive").await;
    let resp = c
        .repos()
        .download_tarball_archive(ORG, "get-archive", "main")
        .build()
        .header("Accept-Encoding", "gzip, compress, deflate, br")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.url().contains("/codeload.github.com/"),
        "{}",
        resp.url()
    );
    assert_eq!(resp.header("content-type"), Some("application/x-gzip"));
    // Raw gzip bytes, not decompressed.
    assert!(resp.bytes().len() > 2);
    assert_eq!(&resp.bytes()[..2], [0x1f, 0x8b]);
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_content() {
    let (s, c) = scenario("get-content").await;
    let repo = "hello-world";
    // An empty path lists the root: `contents/` with its trailing slash.
    let listing = json(
        c.repos().get_content(ORG, repo, "").send().await.unwrap(),
        200,
    );
    let names: Vec<&str> = listing
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"README.md"), "{names:?}");
    let readme = c
        .repos()
        .get_content(ORG, repo, "README.md")
        .build()
        .accept("application/vnd.github.v3.raw")
        .send()
        .await
        .unwrap();
    assert_eq!(readme.status(), 200);
    assert!(
        readme.text().starts_with("# hello-world"),
        "{}",
        readme.text()
    );
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_organization() {
    let (s, c) = scenario("get-organization").await;
    let org = json(c.orgs().get(ORG).send().await.unwrap(), 200);
    assert_eq!(org["login"], ORG);
    assert_eq!(org["type"], "Organization");
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_repository() {
    let (s, c) = scenario("get-repository").await;
    let repo = json(c.repos().get(ORG, "hello-world").send().await.unwrap(), 200);
    assert_eq!(repo["full_name"], "octokit-fixture-org/hello-world");
    assert_eq!(repo["owner"]["login"], ORG);
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_root() {
    let (s, c) = scenario("get-root").await;
    let root = json(c.meta().root().send().await.unwrap(), 200);
    assert!(root["current_user_url"]
        .as_str()
        .unwrap()
        .ends_with("/user"));
    s.check().await.unwrap();
}

#[tokio::test]
async fn git_refs() {
    let (s, c) = scenario("git-refs").await;
    let repo = "git-refs";
    let refs_of = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["ref"].as_str().unwrap().to_owned())
            .collect()
    };
    // An empty namespace: `GET …/git/refs/` with the trailing slash.
    let before = json(c.git().list_refs(ORG, repo, "").send().await.unwrap(), 200);
    assert!(!refs_of(&before).contains(&"refs/heads/test".to_owned()));
    let created = json(
        c.git()
            .create_ref(
                ORG,
                repo,
                "refs/heads/test",
                "0000000000000000000000000000000000000002",
            )
            .send()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(created["ref"], "refs/heads/test");
    // `heads/test` keeps its slash in the path.
    let updated = json(
        c.git()
            .update_ref(
                ORG,
                repo,
                "heads/test",
                "0000000000000000000000000000000000000001",
            )
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(
        updated["object"]["sha"],
        "0000000000000000000000000000000000000001"
    );
    let after = json(c.git().list_refs(ORG, repo, "").send().await.unwrap(), 200);
    assert!(refs_of(&after).contains(&"refs/heads/test".to_owned()));
    let deleted = c
        .git()
        .delete_ref(ORG, repo, "heads/test")
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn labels() {
    let (s, c) = scenario("labels").await;
    let repo = "labels";
    let all = json(
        c.issues()
            .list_labels_for_repo(ORG, repo)
            .send()
            .await
            .unwrap(),
        200,
    );
    assert!(all.is_array());
    let created = json(
        c.issues()
            .create_label(ORG, repo, "test-label")
            .color("663399")
            .send()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(created["name"], "test-label");
    let got = json(
        c.issues()
            .get_label(ORG, repo, "test-label")
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(got["color"], "663399");
    let updated = json(
        c.issues()
            .update_label(ORG, repo, "test-label")
            .new_name("test-label-updated")
            .color("BADA55")
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(updated["name"], "test-label-updated");
    assert_eq!(updated["color"], "BADA55");
    let deleted = c
        .issues()
        .delete_label(ORG, repo, "test-label-updated")
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn lock_issue() {
    let (s, c) = scenario("lock-issue").await;
    // Bodyless PUT: no optional field set, so `Content-Length: 0` and no `{}`.
    let locked = c.issues().lock(ORG, "lock-issue", 1).send().await.unwrap();
    assert_eq!(locked.status(), 204);
    locked.json::<()>().unwrap();
    let unlocked = c
        .issues()
        .unlock(ORG, "lock-issue", 1)
        .send()
        .await
        .unwrap();
    assert_eq!(unlocked.status(), 204);
    s.check().await.unwrap();
}

/// The server is strict, so these tests can fail: a generated call that differs from the
/// recording (here a `{"lock_reason":…}` body on a recorded bodyless PUT) is refused, and
/// `check` then reports the scenario incomplete.
#[tokio::test]
async fn a_deviating_generated_request_is_refused() {
    use github_rest_client::issues::lock::LockReason;
    let (s, c) = scenario("lock-issue").await;
    let err = c
        .issues()
        .lock(ORG, "lock-issue", 1)
        .lock_reason(LockReason::Resolved)
        .send()
        .await
        .unwrap_err();
    let api = api_error(err, 404);
    assert!(api.body.contains("No match for request"), "{}", api.body);
    let pending = s.check().await.unwrap_err();
    assert!(pending.contains("/issues/1/lock"), "{pending}");
}

#[tokio::test]
async fn mark_notifications_as_read() {
    let (s, c) = scenario("mark-notifications-as-read").await;
    let resp = c
        .activity()
        .mark_notifications_as_read()
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 205);
    resp.json::<()>().unwrap();
    s.check().await.unwrap();
}

#[tokio::test]
async fn markdown() {
    use github_rest_client::markdown::render::Mode;
    let (s, c) = scenario("markdown").await;
    let text = "### Hello\n\nb597b5d";
    let html = c
        .markdown()
        .render(text)
        .context("octokit-fixture-org/hello-world")
        .mode(Mode::Gfm)
        .build()
        .accept("text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(html.status(), 200);
    assert!(html.text().contains("<h3"), "{}", html.text());
    assert!(html.text().contains("b597b5d"), "{}", html.text());
    let raw = c
        .markdown()
        .render_raw(text.as_bytes().to_vec())
        .build()
        .accept("text/html")
        .header("Content-Type", "text/plain; charset=utf-8")
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status(), 200);
    assert!(raw.text().contains("<h3"), "{}", raw.text());
    s.check().await.unwrap();
}

#[tokio::test]
async fn paginate_issues() {
    let (s, c) = scenario("paginate-issues").await;
    let mut pages = c
        .issues()
        .list_for_repo(ORG, "paginate-issues")
        .per_page(3)
        .build()
        .pages::<Value>();
    let mut sizes = vec![];
    let mut numbers = vec![];
    while let Some(page) = pages.next_page().await.unwrap() {
        if let Some(next) = &page.next {
            assert!(next.contains("/repositories/1000/issues"), "{next}");
        }
        sizes.push(page.items.len());
        numbers.extend(page.items.iter().map(|i| i["number"].as_u64().unwrap()));
    }
    assert_eq!(sizes, [3, 3, 3, 3, 1]);
    let mut unique = numbers.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 13, "{numbers:?}");
    s.check().await.unwrap();
}

#[tokio::test]
async fn project_cards() {
    let (s, c) = scenario("project-cards").await;
    let mut ids = vec![];
    for n in 1..=2 {
        let card = json(
            c.projects()
                .create_card(1000)
                .note(Some(format!("Example card {n}")))
                .send()
                .await
                .unwrap(),
            201,
        );
        assert_eq!(card["note"], format!("Example card {n}"));
        ids.push(card["id"].as_i64().unwrap());
    }
    assert_eq!(ids, [1000, 1001]);
    let cards = json(c.projects().list_cards(1000).send().await.unwrap(), 200);
    assert_eq!(cards.as_array().unwrap().len(), 2);
    let card = json(c.projects().get_card(ids[0]).send().await.unwrap(), 200);
    assert_eq!(card["id"], ids[0]);
    let updated = json(
        c.projects()
            .update_card(ids[0])
            .note(Some("Example card 1 updated".into()))
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(updated["note"], "Example card 1 updated");
    let moves = [
        (ids[0], "top", Some(1001)),
        (ids[1], "bottom", Some(1001)),
        (ids[0], "after:1001", None),
    ];
    for (id, position, column) in moves {
        let mut mv = c.projects().move_card(id, position);
        if let Some(column) = column {
            mv = mv.column_id(column);
        }
        assert_eq!(mv.send().await.unwrap().status(), 201);
    }
    let deleted = c.projects().delete_card(ids[0]).send().await.unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}

/// `{origin}` of a release's `upload_url` (`{origin}/repos/…/assets{?name,label}`).
fn upload_origin(release: &Value) -> String {
    let url = release["upload_url"].as_str().unwrap();
    url[..url.find("/repos/").unwrap()].to_owned()
}

#[tokio::test]
async fn release_assets() {
    let (s, c) = scenario("release-assets").await;
    let repo = "release-assets";
    let release = json(
        c.repos()
            .get_release_by_tag(ORG, repo, "v1.0.0")
            .send()
            .await
            .unwrap(),
        200,
    );
    let release_id = release["id"].as_i64().unwrap();
    let origin = upload_origin(&release);
    assert_eq!(origin, s.host_url("uploads.github.com"));
    let asset = json(
        c.repos()
            .upload_release_asset(
                ORG,
                repo,
                release_id,
                "test-upload.txt",
                b"Hello, world!\n".to_vec(),
            )
            .label("test")
            .origin(origin)
            .build()
            .header("Content-Type", "text/plain")
            .send()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(asset["name"], "test-upload.txt");
    assert_eq!(asset["label"], "test");
    assert_eq!(asset["size"], 14);
    let asset_id = asset["id"].as_i64().unwrap();
    let assets: Vec<Value> = c
        .repos()
        .list_release_assets(ORG, repo, release_id)
        .build()
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(assets.len(), 1);
    assert_eq!(assets[0]["id"], asset_id);
    let got = json(
        c.repos()
            .get_release_asset(ORG, repo, asset_id)
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(got["name"], "test-upload.txt");
    let updated = json(
        c.repos()
            .update_release_asset(ORG, repo, asset_id)
            .name("new-filename.txt")
            .label("new label")
            .send()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(updated["name"], "new-filename.txt");
    assert_eq!(updated["label"], "new label");
    let deleted = c
        .repos()
        .delete_release_asset(ORG, repo, asset_id)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn release_assets_conflict() {
    let (s, c) = scenario("release-assets-conflict").await;
    let repo = "release-assets-conflict";
    let release = json(
        c.repos()
            .get_release_by_tag(ORG, repo, "v1.0.0")
            .send()
            .await
            .unwrap(),
        200,
    );
    let release_id = release["id"].as_i64().unwrap();
    let origin = upload_origin(&release);
    let upload = || {
        c.repos()
            .upload_release_asset(
                ORG,
                repo,
                release_id,
                "test-upload.txt",
                b"Hello, world!\n".to_vec(),
            )
            .label("test")
            .origin(origin.clone())
            .build()
            .header("Content-Type", "text/plain")
            .send()
    };
    let api = api_error(upload().await.unwrap_err(), 422);
    assert_eq!(api.message.as_deref(), Some("Validation Failed"));
    assert_eq!(api.errors[0].code.as_deref(), Some("already_exists"));
    let assets = json(
        c.repos()
            .list_release_assets(ORG, repo, release_id)
            .send()
            .await
            .unwrap(),
        200,
    );
    let existing = &assets.as_array().unwrap()[0];
    assert_eq!(existing["name"], "test-upload.txt");
    let deleted = c
        .repos()
        .delete_release_asset(ORG, repo, existing["id"].as_i64().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    let asset = json(upload().await.unwrap(), 201);
    assert_eq!(asset["name"], "test-upload.txt");
    s.check().await.unwrap();
}

#[tokio::test]
async fn rename_repository() {
    let (s, c) = scenario("rename-repository").await;
    let old = "rename-repository";
    let new = "rename-repository-newname";
    let renamed = json(
        c.repos().update(ORG, old).name(new).send().await.unwrap(),
        200,
    );
    assert_eq!(renamed["name"], new);
    // 301 to /repositories/1000, followed by the runtime.
    let moved = c.repos().get(ORG, old).send().await.unwrap();
    assert!(
        moved.url().ends_with("/repositories/1000"),
        "{}",
        moved.url()
    );
    assert_eq!(json(moved, 200)["name"], new);
    // 307: the same PATCH with its body re-sent to the new location.
    let patched = c
        .repos()
        .update(ORG, old)
        .name(new)
        .description("test description")
        .send()
        .await
        .unwrap();
    assert!(
        patched.url().ends_with("/repositories/1000"),
        "{}",
        patched.url()
    );
    assert_eq!(json(patched, 200)["description"], "test description");
    s.check().await.unwrap();
}

#[tokio::test]
async fn search_issues() {
    let (s, c) = scenario("search-issues").await;
    let page = c
        .search()
        .issues_and_pull_requests("sesame repo:octokit-fixture-org/search-issues")
        .build()
        .page::<Value>()
        .await
        .unwrap();
    assert!(!page.items.is_empty());
    assert_eq!(page.total_count, Some(page.items.len() as u64));
    assert!(page.next.is_none());
    assert!(page.items.iter().all(|i| i["repository_url"]
        .as_str()
        .unwrap()
        .ends_with("/search-issues")));
    s.check().await.unwrap();
}
