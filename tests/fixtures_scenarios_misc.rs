//! The other recorded @octokit/fixtures scenarios: repository reads (content, archive, git
//! refs), organisation, root, notifications, markdown and project cards.
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

use scenarios::{json, scenario, strings, ORG};

#[tokio::test]
async fn get_repository() {
    let (s, c) = scenario("get-repository").await;
    let repo = json(c.repos().get(ORG, "hello-world").send().await.unwrap(), 200);
    assert_eq!(repo["full_name"], "octokit-fixture-org/hello-world");
    assert_eq!(repo["owner"]["login"], ORG);
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
    let names = strings(&listing, "name");
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
async fn git_refs() {
    let (s, c) = scenario("git-refs").await;
    let repo = "git-refs";
    // An empty namespace: `GET …/git/refs/` with the trailing slash.
    let before = json(c.git().list_refs(ORG, repo, "").send().await.unwrap(), 200);
    assert!(!strings(&before, "ref").contains(&"refs/heads/test"));
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
    assert!(strings(&after, "ref").contains(&"refs/heads/test"));
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
async fn get_organization() {
    let (s, c) = scenario("get-organization").await;
    let org = json(c.orgs().get(ORG).send().await.unwrap(), 200);
    assert_eq!(org["login"], ORG);
    assert_eq!(org["type"], "Organization");
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
