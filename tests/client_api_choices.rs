//! The generated client's API for alternatives, unions, deprecated names, struct constructors
//! and server parameters, against a local wiremock server: what each call sends.

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
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    (server, client)
}

async fn only_request(server: &MockServer) -> Request {
    let mut requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 1, "expected exactly one request");
    requests.remove(0)
}

fn body_json(req: &Request) -> Value {
    serde_json::from_slice(&req.body).expect("JSON body")
}

#[tokio::test]
async fn top_level_alternatives_send_only_the_chosen_fields() {
    use github_rest_client::codespaces::create_for_authenticated_user::{
        PullRequest, RepositoryIdOrPullRequest,
    };
    let (server, client) = setup().await;
    let choice = RepositoryIdOrPullRequest::PullRequest {
        pull_request: PullRequest::new(7, 42),
    };
    client
        .codespaces()
        .create_for_authenticated_user(choice)
        .machine("basicLinux32gb")
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(
        body_json(&req),
        json!({"pull_request": {"pull_request_number": 7, "repository_id": 42},
               "machine": "basicLinux32gb"})
    );
}

#[tokio::test]
#[allow(deprecated)]
async fn closing_down_parameters_still_send() {
    use github_rest_client::codespaces::create_for_authenticated_user::RepositoryIdOrPullRequest;
    let (server, client) = setup().await;
    client
        .codespaces()
        .create_for_authenticated_user(RepositoryIdOrPullRequest::RepositoryId { repository_id: 3 })
        .location("EastUs")
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(
        body_json(&req),
        json!({"repository_id": 3, "location": "EastUs"})
    );
}

#[tokio::test]
async fn nested_alternatives_are_a_string_or_an_object() {
    use github_rest_client::repos::update_information_about_pages_site::Source;
    for (source, sent) in [
        (Source::String("gh-pages".into()), json!("gh-pages")),
        (
            Source::Branch {
                branch: "main".into(),
                path: Some(github_rest_client::repos::update_information_about_pages_site::SourcePath::Docs),
            },
            json!({"branch": "main", "path": "/docs"}),
        ),
    ] {
        let (server, client) = setup().await;
        client
            .repos()
            .update_information_about_pages_site("o", "r")
            .source(source)
            .cname(None)
            .send()
            .await
            .unwrap();
        let req = only_request(&server).await;
        assert_eq!(body_json(&req), json!({"source": sent, "cname": null}));
    }
}

#[tokio::test]
async fn union_values_take_any_member_type() {
    use github_rest_client::projects::update_item_for_org::FieldsItem;
    let (server, client) = setup().await;
    let fields = vec![
        FieldsItem::new(1, Some("text".into())),
        FieldsItem::new(2, Some(2.5.into())),
        FieldsItem::new(3, None),
    ];
    client
        .projects()
        .update_item_for_org("org", 5, 9, fields)
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(
        body_json(&req),
        json!({"fields": [{"id": 1, "value": "text"}, {"id": 2, "value": 2.5},
                          {"id": 3, "value": null}]})
    );
}

#[tokio::test]
async fn deployment_payload_is_an_object_or_its_text() {
    use github_rest_client::repos::create_deployment::Payload;
    let object = json!({"region": "eu", "replicas": 2});
    let map = object.as_object().cloned().unwrap();
    for (payload, sent) in [
        (Payload::from(map), object.clone()),
        (
            Payload::from(r#"{"region":"eu"}"#),
            json!(r#"{"region":"eu"}"#),
        ),
    ] {
        let (server, client) = setup().await;
        client
            .repos()
            .create_deployment("o", "r", "main")
            .payload(payload)
            .build()
            .send()
            .await
            .unwrap();
        let req = only_request(&server).await;
        assert_eq!(body_json(&req), json!({"ref": "main", "payload": sent}));
    }
}

#[tokio::test]
async fn milestone_takes_a_number_or_a_name() {
    let (server, client) = setup().await;
    client
        .issues()
        .create("o", "r", "Bug")
        .milestone(Some(4.into()))
        .labels(["bug", "p1"])
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(
        body_json(&req),
        json!({"title": "Bug", "milestone": 4, "labels": ["bug", "p1"]})
    );
}

#[tokio::test]
#[allow(deprecated)]
async fn renamed_parameters_set_their_replacement() {
    let (server, client) = setup().await;
    client
        .code_scanning()
        .get_alert("o", "r", 1)
        .alert_id(17)
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.url.path(), "/repos/o/r/code-scanning/alerts/17");
    assert_eq!(req.url.query(), None, "the old name is never sent");
}

#[tokio::test]
async fn an_origin_without_default_is_a_required_argument() {
    let (server, client) = setup().await;
    // The API base URL is elsewhere: the request goes to the given origin.
    let client = Client::builder()
        .base_url("http://127.0.0.1:9/unused")
        .build()
        .unwrap_or(client);
    client
        .enterprise_admin()
        .get_manage_version(server.uri())
        .build()
        .send()
        .await
        .unwrap();
    let req = only_request(&server).await;
    assert_eq!(req.url.path(), "/manage/v1/version");
}
