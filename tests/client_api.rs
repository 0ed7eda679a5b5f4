//! The generated client's public API against a local wiremock server: what each method sends
//! (HTTP method, percent-encoded path, query string, headers, JSON or raw body).

use github_rest_client::Client;
use serde_json::{json, Value};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// A server answering `200 {"ok":true}` to everything, and a client pointed at it. No model
/// matches that body, so calls with a typed answer go through `.build().send()` (the raw
/// response): these tests check the request on the wire.
async fn setup() -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .uploads_url(format!("{}/not-used-uploads", server.uri()))
        .build()
        .unwrap();
    (server, client)
}

/// The single request the server received.
async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn body_json(req: &Request) -> Value {
    serde_json::from_slice(&req.body).unwrap_or_else(|e| {
        panic!(
            "body is not JSON ({e}): {:?}",
            String::from_utf8_lossy(&req.body)
        )
    })
}

#[tokio::test]
async fn path_parameters_are_percent_encoded_segments() {
    let (server, client) = setup().await;
    let resp = client
        .packages()
        .get_package_version_for_organization(
            "my org",
            github_rest_client::packages::get_package_version_for_organization::PackageType::Npm,
            "@scope/pkg?x#y",
            42,
        )
        .build()
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.json::<Value>().unwrap(), json!({"ok": true}));
    let req = only_request(&server).await;
    assert_eq!(req.method.as_str(), "GET");
    assert_eq!(
        req.url.path(),
        "/orgs/my%20org/packages/npm/%40scope%2Fpkg%3Fx%23y/versions/42"
    );
    assert_eq!(req.url.query(), None);
    assert!(req.body.is_empty());
}

#[tokio::test]
async fn slash_carrying_parameters_keep_their_slashes() {
    let (server, client) = setup().await;
    client
        .repos()
        .get_content("octo", "hello", "docs/a b.md")
        .r#ref("feature/x")
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.url.path(), "/repos/octo/hello/contents/docs/a%20b.md");
    assert_eq!(req.url.query(), Some("ref=feature%2Fx"));
}

#[tokio::test]
async fn hyphenated_path_parameter() {
    let (server, client) = setup().await;
    client
        .enterprise_team_memberships()
        .add("acme", "core-team", "mona")
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.method.as_str(), "PUT");
    assert_eq!(
        req.url.path(),
        "/enterprises/acme/teams/core-team/memberships/mona"
    );
}

#[tokio::test]
async fn query_parameters_only_when_set_and_enums_by_wire_value() {
    let (server, client) = setup().await;
    use github_rest_client::issues::list_for_repo::{Direction, State};
    client
        .issues()
        .list_for_repo("octo", "hello")
        .state(State::Closed)
        .direction(Direction::Asc)
        .labels("bug,ui")
        .per_page(5)
        .build()
        .send()
        .await
        .unwrap();
    client
        .issues()
        .list_for_repo("octo", "hello")
        .build()
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].url.path(), "/repos/octo/hello/issues");
    assert_eq!(
        requests[0].url.query(),
        Some("state=closed&labels=bug%2Cui&direction=asc&per_page=5")
    );
    assert_eq!(
        requests[1].url.query(),
        None,
        "no default per_page or other query"
    );
}

#[tokio::test]
async fn json_body_uses_wire_names_and_skips_unset_fields() {
    let (server, client) = setup().await;
    client
        .issues()
        .create("octo", "hello", "Found a bug")
        .labels(["bug", "p1"])
        .milestone(Some(3.into()))
        .r#type(Some("Bug".into()))
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.method.as_str(), "POST");
    assert_eq!(req.url.path(), "/repos/octo/hello/issues");
    assert_eq!(
        req.headers.get("content-type").unwrap(),
        "application/json; charset=utf-8"
    );
    assert_eq!(
        body_json(&req),
        json!({"title": "Found a bug", "milestone": 3, "labels": ["bug", "p1"], "type": "Bug"})
    );
}

#[tokio::test]
async fn delete_with_query_and_delete_with_body() {
    let (server, client) = setup().await;
    client
        .actions()
        .delete_actions_cache_by_key("octo", "hello", "npm cache")
        .r#ref("refs/heads/main")
        .build()
        .send()
        .await
        .unwrap();
    client
        .issues()
        .remove_assignees("octo", "hello", 7, ["mona"])
        .build()
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].method.as_str(), "DELETE");
    assert_eq!(requests[0].url.path(), "/repos/octo/hello/actions/caches");
    assert_eq!(
        requests[0].url.query(),
        Some("key=npm%20cache&ref=refs%2Fheads%2Fmain")
    );
    assert_eq!(requests[1].method.as_str(), "DELETE");
    assert_eq!(
        requests[1].url.path(),
        "/repos/octo/hello/issues/7/assignees"
    );
    assert_eq!(body_json(&requests[1]), json!({"assignees": ["mona"]}));
}

#[tokio::test]
async fn nested_objects_and_maps_in_bodies() {
    let (server, client) = setup().await;
    use github_rest_client::repos::create_or_update_file_contents::Committer;
    client
        .repos()
        .create_or_update_file_contents("octo", "hello", "src/lib.rs", "Add lib", "Zm9v")
        .committer(Committer {
            name: "Mona".into(),
            email: "mona@example.com".into(),
            date: None,
        })
        .build()
        .send()
        .await
        .unwrap();
    let inputs = [("env".to_owned(), "prod".to_owned())]
        .into_iter()
        .collect();
    client
        .actions()
        .create_workflow_dispatch("octo", "hello", "ci.yml", "main")
        .inputs(inputs)
        .build()
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        requests[0].url.path(),
        "/repos/octo/hello/contents/src/lib.rs"
    );
    assert_eq!(
        body_json(&requests[0]),
        json!({"message": "Add lib", "content": "Zm9v",
               "committer": {"name": "Mona", "email": "mona@example.com"}})
    );
    assert_eq!(
        requests[1].url.path(),
        "/repos/octo/hello/actions/workflows/ci.yml/dispatches"
    );
    assert_eq!(
        body_json(&requests[1]),
        json!({"ref": "main", "inputs": {"env": "prod"}})
    );
}

#[tokio::test]
async fn nullable_parameters_send_explicit_null() {
    let (server, client) = setup().await;
    client
        .repos()
        .update_branch_protection("octo", "hello", "release/1.x", None, Some(true), None, None)
        .allow_force_pushes(None)
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(
        req.url.path(),
        "/repos/octo/hello/branches/release/1.x/protection"
    );
    assert_eq!(
        body_json(&req),
        json!({"required_status_checks": null, "enforce_admins": true,
               "required_pull_request_reviews": null, "restrictions": null,
               "allow_force_pushes": null})
    );
}

#[tokio::test]
async fn uploads_send_raw_bytes_to_the_given_origin() {
    let (server, client) = setup().await;
    let req = client
        .repos()
        .upload_release_asset(
            "octo",
            "hello",
            9,
            "app v1.zip",
            vec![0u8, 159, 146, 150],
            "application/zip",
        )
        .label("App")
        .origin(server.uri())
        .build();
    req.send().await.unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.method.as_str(), "POST");
    assert_eq!(req.url.path(), "/repos/octo/hello/releases/9/assets");
    assert_eq!(req.url.query(), Some("name=app%20v1.zip&label=App"));
    assert_eq!(req.headers.get("content-type").unwrap(), "application/zip");
    assert_eq!(req.body, vec![0u8, 159, 146, 150]);
}

#[tokio::test]
async fn uploads_default_to_the_uploads_host() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(201))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url("http://127.0.0.1:9/unused")
        .uploads_url(format!("{}/uploads", server.uri()))
        .build()
        .unwrap();
    client
        .repos()
        .upload_release_asset("o", "r", 1, "a.txt", "hello", "text/plain")
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.url.path(), "/uploads/repos/o/r/releases/1/assets");
    assert_eq!(req.body, b"hello");
}

#[tokio::test]
async fn raw_markdown_body_and_enum_body_field() {
    let (server, client) = setup().await;
    client.markdown().render_raw("# Hi").send().await.unwrap();
    use github_rest_client::markdown::render::Mode;
    client
        .markdown()
        .render("**x**")
        .mode(Mode::Gfm)
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests[0].url.path(), "/markdown/raw");
    assert_eq!(requests[0].body, b"# Hi");
    // The media type the docs name for the raw body is sent without being asked for.
    assert_eq!(
        requests[0].headers.get("content-type").unwrap(),
        "text/plain"
    );
    assert_eq!(requests[1].url.path(), "/markdown");
    assert_eq!(
        body_json(&requests[1]),
        json!({"text": "**x**", "mode": "gfm"})
    );
}

#[tokio::test]
#[allow(deprecated)]
async fn renamed_method_forwards_to_its_target() {
    let (server, client) = setup().await;
    client.repos().accept_invitation(12).send().await.unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.method.as_str(), "PATCH");
    assert_eq!(req.url.path(), "/user/repository_invitations/12");
}

#[tokio::test]
async fn api_errors_carry_status_and_body() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(404).set_body_string("{\"message\":\"Not Found\"}"))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let err = client.orgs().get("nope").send().await.unwrap_err();
    assert_eq!(err.status(), Some(404), "{err:?}");
    let api = err.api().expect("an API error");
    assert_eq!(api.message.as_deref(), Some("Not Found"));
}

#[tokio::test]
async fn odd_enum_values_are_sent_as_written() {
    use github_rest_client::reactions::create_for_issue::Content;
    let (server, client) = setup().await;
    client
        .reactions()
        .create_for_issue("o", "r", 7, Content::MinusOne)
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.url.path(), "/repos/o/r/issues/7/reactions");
    assert_eq!(req.body, br#"{"content":"-1"}"#);
}

#[tokio::test]
async fn union_ids_take_a_number_or_a_name() {
    let (server, client) = setup().await;
    let actions = client.actions();
    actions
        .create_workflow_dispatch("o", "r", 42, "main")
        .send()
        .await
        .unwrap();
    actions
        .create_workflow_dispatch("o", "r", "ci build.yaml", "main")
        .send()
        .await
        .unwrap();
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/repos/o/r/actions/workflows/42/dispatches",
            "/repos/o/r/actions/workflows/ci%20build.yaml/dispatches"
        ]
    );
}
