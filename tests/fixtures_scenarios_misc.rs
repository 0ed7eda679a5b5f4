//! The other recorded @octokit/fixtures scenarios: repository reads (content, archive, git
//! refs), organisation, root, notifications, markdown and project cards.
//!
//! Driven through the GENERATED client and its typed answers (`send_with_response()`: the
//! decoded model with status and headers) against
//! `@octokit/fixtures-server`, which rejects any request that differs from the recording (path,
//! query, Accept, Authorization, compact JSON body and its Content-Length). Raw requests (`.build()`) are
//! used where the recording asks for another media type or header (raw file, HTML, gzip
//! archive); a directory listing is the typed `GetContentResponse::Directory`. Each test
//! makes the recorded calls in order, asserts on the answers and ends with `check()`: every recorded request was consumed. The 22 scenarios are
//! split by theme over `fixtures_scenarios_{repos,issues,misc}.rs`; helpers are in
//! `support/scenarios.rs`.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/scenarios.rs"]
mod scenarios;

use github_rest_client::models;
use scenarios::{ok, scenario, ORG};

#[tokio::test]
async fn get_repository() {
    let (s, c) = scenario("get-repository").await;
    let repo = ok(
        c.repos()
            .get(ORG, "hello-world")
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(repo.full_name, "octokit-fixture-org/hello-world");
    assert_eq!(repo.owner.login.as_deref(), Some(ORG));
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_content() {
    let (s, c) = scenario("get-content").await;
    let repo = "hello-world";
    // An empty path lists the root: `contents/` with its trailing slash. A listing is a JSON
    // array: the `Directory` variant of `GetContentResponse`.
    let listing = c
        .repos()
        .get_content(ORG, repo, "")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(listing.status(), 200);
    let models::GetContentResponse::Directory(listing) = listing.into_inner() else {
        panic!("a directory listing decodes into the Directory variant")
    };
    let names: Vec<&str> = listing.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"README.md"), "{names:?}");
    let readme = listing.iter().find(|e| e.name == "README.md").unwrap();
    assert_eq!(readme.r#type, models::ContentDirectoryEntryType::File);
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

fn refs(list: &[models::GitRef]) -> Vec<&str> {
    list.iter().map(|r| r.r#ref.as_str()).collect()
}

#[tokio::test]
async fn git_refs() {
    let (s, c) = scenario("git-refs").await;
    let repo = "git-refs";
    // An empty namespace: `GET …/git/refs/` with the trailing slash.
    let before = ok(
        c.git()
            .list_refs(ORG, repo, "")
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert!(!refs(&before).contains(&"refs/heads/test"));
    let created = ok(
        c.git()
            .create_ref(
                ORG,
                repo,
                "refs/heads/test",
                "0000000000000000000000000000000000000002",
            )
            .send_with_response()
            .await
            .unwrap(),
        201,
    );
    assert_eq!(created.r#ref, "refs/heads/test");
    // `heads/test` keeps its slash in the path.
    let updated = ok(
        c.git()
            .update_ref(
                ORG,
                repo,
                "heads/test",
                "0000000000000000000000000000000000000001",
            )
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(
        updated.object.sha,
        "0000000000000000000000000000000000000001"
    );
    let after = ok(
        c.git()
            .list_refs(ORG, repo, "")
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert!(refs(&after).contains(&"refs/heads/test"));
    let deleted = c
        .git()
        .delete_ref(ORG, repo, "heads/test")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_organization() {
    let (s, c) = scenario("get-organization").await;
    let org = ok(c.orgs().get(ORG).send_with_response().await.unwrap(), 200);
    assert_eq!(org.login, ORG);
    assert_eq!(org.r#type, "Organization");
    s.check().await.unwrap();
}

#[tokio::test]
async fn get_root() {
    let (s, c) = scenario("get-root").await;
    let root = ok(c.meta().root().send_with_response().await.unwrap(), 200);
    assert!(
        root.current_user_url.ends_with("/user"),
        "{}",
        root.current_user_url
    );
    s.check().await.unwrap();
}

#[tokio::test]
async fn mark_notifications_as_read() {
    let (s, c) = scenario("mark-notifications-as-read").await;
    let resp = c
        .activity()
        .mark_notifications_as_read()
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(resp.status(), 205);
    // 205 Reset Content has no body: `None`, not a `MarkNotificationsAsReadResponse`.
    assert!(resp.is_none());
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
        let card = ok(
            c.projects()
                .create_card(
                    1000,
                    github_rest_client::projects::create_card::NoteOrContentId::Note {
                        note: Some(format!("Example card {n}")),
                    },
                )
                .send_with_response()
                .await
                .unwrap(),
            201,
        );
        assert_eq!(card.note, Some(format!("Example card {n}")));
        ids.push(card.id);
    }
    assert_eq!(ids, [1000, 1001]);
    let cards = ok(
        c.projects()
            .list_cards(1000)
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(cards.len(), 2);
    let card = ok(
        c.projects()
            .get_card(ids[0])
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(card.id, ids[0]);
    let updated = ok(
        c.projects()
            .update_card(ids[0])
            .note(Some("Example card 1 updated".into()))
            .send_with_response()
            .await
            .unwrap(),
        200,
    );
    assert_eq!(updated.note.as_deref(), Some("Example card 1 updated"));
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
        assert_eq!(mv.send_with_response().await.unwrap().status(), 201);
    }
    let deleted = c
        .projects()
        .delete_card(ids[0])
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    s.check().await.unwrap();
}
