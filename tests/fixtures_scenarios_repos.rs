//! The recorded @octokit/fixtures scenarios about repositories: collaborators, branch
//! protection, files, statuses, renames and release assets.
//!
//! Driven through the GENERATED client (`client.repos().get(..).send()`) against
//! `@octokit/fixtures-server`, which rejects any request that differs from the recording (path,
//! query, Accept, Authorization, compact JSON body and its Content-Length). The only raw-request
//! use is the runtime's pagination (`pages`/`paginate` on a generated request) and `.build()`
//! adjustments (Accept, headers). Each test makes the recorded calls in order, asserts on the
//! answers and ends with `check()`: every recorded request was consumed. The 22 scenarios are
//! split by theme over `fixtures_scenarios_{repos,issues,misc}.rs`; helpers are in
//! `support/scenarios.rs`.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/scenarios.rs"]
mod scenarios;

use futures_util::TryStreamExt;
use scenarios::{
    api_error, delete_asset, json, release_v1, scenario, strings, upload_test_asset, ORG,
};
use serde_json::Value;

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
    assert!(!strings(&after, "login").contains(&user), "{after}");
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
async fn release_assets() {
    let (s, c) = scenario("release-assets").await;
    let repo = "release-assets";
    let (release_id, origin) = release_v1(&c, repo).await;
    assert_eq!(origin, s.host_url("uploads.github.com"));
    let asset = json(
        upload_test_asset(&c, repo, release_id, &origin)
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
    delete_asset(&c, repo, asset_id).await;
    s.check().await.unwrap();
}

#[tokio::test]
async fn release_assets_conflict() {
    let (s, c) = scenario("release-assets-conflict").await;
    let repo = "release-assets-conflict";
    let (release_id, origin) = release_v1(&c, repo).await;
    let err = upload_test_asset(&c, repo, release_id, &origin)
        .await
        .unwrap_err();
    let api = api_error(err, 422);
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
    delete_asset(&c, repo, existing["id"].as_i64().unwrap()).await;
    let asset = json(
        upload_test_asset(&c, repo, release_id, &origin)
            .await
            .unwrap(),
        201,
    );
    assert_eq!(asset["name"], "test-upload.txt");
    s.check().await.unwrap();
}
