//! The recorded @octokit/fixtures scenarios about issues: labels, locking, validation errors,
//! pagination and search.
//!
//! Driven through the GENERATED client and its typed answers (`send_with_response()`: the
//! decoded model with status and headers) against
//! `@octokit/fixtures-server`, which rejects any request that differs from the recording (path,
//! query, Accept, Authorization, compact JSON body and its Content-Length). Raw requests (`.build()`) are
//! used only for page-by-page pagination into typed items (`pages::<models::Issue>()`). Each test makes the recorded calls in order, asserts on the
//! answers and ends with `check()`: every recorded request was consumed. The 22 scenarios are
//! split by theme over `fixtures_scenarios_{repos,issues,misc}.rs`; helpers are in
//! `support/scenarios.rs`.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/scenarios.rs"]
mod scenarios;

use github_rest_client::models;
use scenarios::{api_error, ok, scenario, ORG};

#[tokio::test]
async fn add_labels_to_issue() {
    let (s, c) = scenario("add-labels-to-issue").await;
    let repo = "add-labels-to-issue";
    let issue = ok(
        c.issues()
            .create(ORG, repo, "Issue without a label")
            .send_with_response()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(issue.title, "Issue without a label");
    assert!(issue.labels.is_empty());
    let labels = ok(
        c.issues()
            .add_labels(ORG, repo, issue.number)
            .labels(["Foo", "bAr", "baZ"])
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    let names: Vec<&str> = labels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Foo", "bAr", "baZ"]);
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
async fn labels() {
    let (s, c) = scenario("labels").await;
    let repo = "labels";
    let all: Vec<models::Label> = ok(
        c.issues()
            .list_labels_for_repo(ORG, repo)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert!(all.iter().all(|l| !l.name.is_empty()), "{all:?}");
    let created = ok(
        c.issues()
            .create_label(ORG, repo, "test-label")
            .color("663399")
            .send_with_response()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(created.name, "test-label");
    let got = ok(
        c.issues()
            .get_label(ORG, repo, "test-label")
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(got.color, "663399");
    let updated = ok(
        c.issues()
            .update_label(ORG, repo, "test-label")
            .new_name("test-label-updated")
            .color("BADA55")
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(updated.name, "test-label-updated");
    assert_eq!(updated.color, "BADA55");
    let deleted = c
        .issues()
        .delete_label(ORG, repo, "test-label-updated")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn lock_issue() {
    let (s, c) = scenario("lock-issue").await;
    // Bodyless PUT: no optional field set, so `Content-Length: 0` and no `{}`.
    let locked = c
        .issues()
        .lock(ORG, "lock-issue", 1)
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(locked.status(), 204);
    assert!(locked.bytes().is_empty());
    let unlocked = c
        .issues()
        .unlock(ORG, "lock-issue", 1)
        .send_with_response()
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
async fn paginate_issues() {
    let (s, c) = scenario("paginate-issues").await;
    let mut pages = c
        .issues()
        .list_for_repo(ORG, "paginate-issues")
        .per_page(3)
        .build()
        .pages::<models::Issue>();
    let mut sizes = vec![];
    let mut numbers = vec![];
    while let Some(page) = pages.next_page().await.unwrap() {
        if let Some(next) = &page.next {
            assert!(next.contains("/repositories/1000/issues"), "{next}");
        }
        sizes.push(page.items.len());
        numbers.extend(page.items.iter().map(|i| i.number));
    }
    assert_eq!(sizes, [3, 3, 3, 3, 1]);
    let mut unique = numbers.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 13, "{numbers:?}");
    s.check().await.unwrap();
}

#[tokio::test]
async fn search_issues() {
    let (s, c) = scenario("search-issues").await;
    let found = c
        .search()
        .issues_and_pull_requests("sesame repo:octokit-fixture-org/search-issues")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(found.status(), 200);
    assert!(!found.items.is_empty());
    assert_eq!(found.total_count, found.items.len() as i64);
    // One page: no `Link: rel="next"`.
    assert!(
        !found
            .header("link")
            .is_some_and(|l| l.contains("rel=\"next\"")),
        "{:?}",
        found.header("link")
    );
    assert!(found
        .items
        .iter()
        .all(|i| i.repository_url.ends_with("/search-issues")));
    s.check().await.unwrap();
}
