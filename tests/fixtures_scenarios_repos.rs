//! The recorded @octokit/fixtures scenarios about repositories: collaborators, branch
//! protection, files, statuses, renames and release assets.
//!
//! Driven through the GENERATED client and its typed answers (`send_with_response()`: the
//! decoded model with status and headers) against
//! `@octokit/fixtures-server`, which rejects any request that differs from the recording (path,
//! query, Accept, Authorization, compact JSON body and its Content-Length). Raw requests (`.build()`) are
//! used only where the wire is what a test checks (the final URL after a redirect) and for
//! typed pagination of endpoints without a `paginate()`. Each test makes the recorded calls in order, asserts on the
//! answers and ends with `check()`: every recorded request was consumed. The 22 scenarios are
//! split by theme over `fixtures_scenarios_{repos,issues,misc}.rs`; helpers are in
//! `support/scenarios.rs`.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/scenarios.rs"]
mod scenarios;

use futures_util::TryStreamExt;
use github_rest_client::models;
use scenarios::{api_error, delete_asset, ok, release_v1, scenario, upload_test_asset, ORG};

#[tokio::test]
async fn add_and_remove_repository_collaborator() {
    let (s, c) = scenario("add-and-remove-repository-collaborator").await;
    let repo = "add-and-remove-repository-collaborator";
    let user = "octokit-fixture-user-b";
    let invite = ok(
        c.repos()
            .add_collaborator(ORG, repo, user)
            .send_with_response()
            .await
            .unwrap(),
        201,
    )
    .expect("a 201 carries the invitation");
    let invitations = ok(
        c.repos()
            .list_invitations(ORG, repo)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(invitations[0].id, invite.id);
    assert_eq!(
        invitations[0].invitee.as_ref().unwrap().login.as_deref(),
        Some(user)
    );
    let id = invitations[0].id;
    // The invitee accepts with their own client (the second user's token).
    let invitee = s.client().token(fixtures::TOKEN_B).build().unwrap();
    let accepted = invitee
        .repos()
        .accept_invitation_for_authenticated_user(id)
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(accepted.status(), 204);
    let collaborators: Vec<models::Collaborator> = c
        .repos()
        .list_collaborators(ORG, repo)
        .build()
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert!(collaborators.iter().any(|u| u.login == user));
    let removed = c
        .repos()
        .remove_collaborator(ORG, repo, user)
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(removed.status(), 204);
    let after = ok(
        c.repos()
            .list_collaborators(ORG, repo)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    let logins: Vec<&str> = after.iter().map(|u| u.login.as_str()).collect();
    assert!(!logins.contains(&user), "{logins:?}");
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
    let off = ok(
        c.repos()
            .update_branch_protection(ORG, repo, "main", None, Some(false), None, None)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert!(!off.enforce_admins.unwrap().enabled);
    let user = "octokit-fixture-user-a";
    let on = ok(
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
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert!(on.enforce_admins.as_ref().unwrap().enabled);
    assert_eq!(
        on.required_status_checks.as_ref().unwrap().contexts[0],
        "foo/bar"
    );
    let deleted = c
        .repos()
        .delete_branch_protection(ORG, repo, "main")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn create_file() {
    let (s, c) = scenario("create-file").await;
    let created = ok(
        c.repos()
            .create_or_update_file_contents(
                ORG,
                "create-file",
                "test.txt",
                "create test.txt",
                "VGVzdCBjb250ZW50",
            )
            .send_with_response()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(created.content.unwrap().path.as_deref(), Some("test.txt"));
    assert_eq!(created.commit.message.as_deref(), Some("create test.txt"));
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
        let status = ok(
            c.repos()
                .create_commit_status(ORG, repo, sha, state)
                .target_url(Some("https://example.com".into()))
                .description(Some(format!("create-status {name} test")))
                .context(format!("example/{n}"))
                .send_with_response()
                .await
                .unwrap(),
            201,
        );
        assert_eq!(status.state, name);
        assert_eq!(status.context, format!("example/{n}"));
    }
    let statuses = ok(
        c.repos()
            .list_commit_statuses_for_ref(ORG, repo, sha)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(statuses.len(), 2);
    let combined = ok(
        c.repos()
            .get_combined_status_for_ref(ORG, repo, sha)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(combined.state, "failure");
    assert_eq!(combined.total_count, 2);
    s.check().await.unwrap();
}

#[tokio::test]
async fn rename_repository() {
    let (s, c) = scenario("rename-repository").await;
    let old = "rename-repository";
    let new = "rename-repository-newname";
    let renamed = ok(
        c.repos()
            .update(ORG, old)
            .name(new)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(renamed.name, new);
    // 301 to /repositories/1000, followed by the runtime. The final URL is on the raw response.
    let moved = c.repos().get(ORG, old).build().send().await.unwrap();
    assert!(
        moved.url().ends_with("/repositories/1000"),
        "{}",
        moved.url()
    );
    assert_eq!(moved.status(), 200);
    assert_eq!(moved.json::<models::FullRepository>().unwrap().name, new);
    // 307: the same PATCH with its body re-sent to the new location.
    let patched = c
        .repos()
        .update(ORG, old)
        .name(new)
        .description("test description")
        .build()
        .send()
        .await
        .unwrap();
    assert!(
        patched.url().ends_with("/repositories/1000"),
        "{}",
        patched.url()
    );
    assert_eq!(patched.status(), 200);
    let patched: models::FullRepository = patched.json().unwrap();
    assert_eq!(patched.description.as_deref(), Some("test description"));
    s.check().await.unwrap();
}

#[tokio::test]
async fn release_assets() {
    let (s, c) = scenario("release-assets").await;
    let repo = "release-assets";
    let (release_id, origin) = release_v1(&c, repo).await;
    assert_eq!(origin, s.host_url("uploads.github.com"));
    let asset = ok(
        upload_test_asset(&c, repo, release_id, &origin)
            .await
            .unwrap(),
        201,
    );
    assert_eq!(asset.name, "test-upload.txt");
    assert_eq!(asset.label.as_deref(), Some("test"));
    assert_eq!(asset.size, 14);
    let asset_id = asset.id;
    let assets: Vec<models::ReleaseAsset> = c
        .repos()
        .list_release_assets(ORG, repo, release_id)
        .build()
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(assets.len(), 1);
    assert_eq!(assets[0].id, asset_id);
    let got = ok(
        c.repos()
            .get_release_asset(ORG, repo, asset_id)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(got.name, "test-upload.txt");
    let updated = ok(
        c.repos()
            .update_release_asset(ORG, repo, asset_id)
            .name("new-filename.txt")
            .label("new label")
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(updated.name, "new-filename.txt");
    assert_eq!(updated.label.as_deref(), Some("new label"));
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
    let assets = ok(
        c.repos()
            .list_release_assets(ORG, repo, release_id)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    let existing = &assets[0];
    assert_eq!(existing.name, "test-upload.txt");
    delete_asset(&c, repo, existing.id).await;
    let asset = ok(
        upload_test_asset(&c, repo, release_id, &origin)
            .await
            .unwrap(),
        201,
    );
    assert_eq!(asset.name, "test-upload.txt");
    s.check().await.unwrap();
}
