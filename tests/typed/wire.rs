//! Run inside the crate generated from `tests/support/typed_api.rs` (see
//! `tests/typed_responses.rs`), against a local wiremock server: the typed-response contract.

use futures_util::TryStreamExt;
use github_rest_client::models::{
    Actor, Content, ContentType, Repository, RepositoryVisibility, SimpleUser,
};
use github_rest_client::{Client, Error};
use serde_json::{json, Value};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server_with(route: &str, status: u16, body: Value) -> (MockServer, Client) {
    let server = MockServer::start().await;
    Mock::given(path(route))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .max_retries(0)
        .build()
        .unwrap();
    (server, client)
}

fn repo_json() -> Value {
    json!({
        "id": 1,
        "full_name": "octo/hello",
        "description": null,
        "owner": {"login": "octocat", "id": 7, "new_user_field": [1, 2]},
        "license": {"key": "mit", "name": "MIT", "spdx_id": "MIT"},
        "visibility": "secret-ish",
        "type": "repo",
        "+1": 3,
        "extra": "a known field named extra",
        "stargazers_count": 80,
        "custom_properties": {"team": "core"},
        "brand_new": {"nested": true}
    })
}

#[tokio::test]
async fn unknown_fields_and_values_are_kept_and_round_trip() {
    let (_server, client) = server_with("/repos/octo/hello", 200, repo_json()).await;
    let repo: Repository = client.repos().get("octo", "hello").send().await.unwrap();
    assert_eq!(repo.id, 1);
    assert_eq!(repo.full_name, "octo/hello");
    assert_eq!(repo.description, None, "null in a nullable field");
    assert_eq!(repo.homepage, None, "absent optional field");
    assert_eq!(repo.topics, None);
    assert_eq!(repo.r#type, "repo");
    assert_eq!(repo.plus_one, Some(3));
    assert_eq!(repo.extra.as_deref(), Some("a known field named extra"));
    assert_eq!(
        repo.visibility,
        Some(RepositoryVisibility::Other("secret-ish".into())),
        "unknown enum value kept"
    );
    assert_eq!(repo.owner.login, "octocat");
    // Unknown fields at every level.
    assert_eq!(
        repo.extra_2.get("brand_new"),
        Some(&json!({"nested": true}))
    );
    assert_eq!(repo.extra_2.len(), 1);
    assert_eq!(repo.owner.extra.get("new_user_field"), Some(&json!([1, 2])));
    let license = repo.license.as_ref().unwrap();
    assert_eq!(license.extra.get("spdx_id"), Some(&json!("MIT")));
    // Serialize writes everything back: the same JSON (absent optionals stay absent).
    assert_eq!(serde_json::to_value(&repo).unwrap(), repo_json());
    let again: Repository = serde_json::from_value(serde_json::to_value(&repo).unwrap()).unwrap();
    // Models have no `PartialEq` unless the `model-eq` feature is on: compare as JSON.
    assert_eq!(serde_json::to_value(&again).unwrap(), repo_json());
}

#[tokio::test]
async fn known_enum_values_decode_into_variants() {
    let mut body = repo_json();
    body["visibility"] = json!("internal");
    let (_server, client) = server_with("/repos/octo/hello", 200, body).await;
    let repo = client.repos().get("octo", "hello").send().await.unwrap();
    assert_eq!(repo.visibility, Some(RepositoryVisibility::Internal));
    assert_eq!(RepositoryVisibility::Internal.as_str(), "internal");
}

#[tokio::test]
async fn a_mistyped_required_field_names_endpoint_status_and_path() {
    let mut body = repo_json();
    body["owner"]["login"] = json!(42);
    let (_server, client) = server_with("/repos/octo/hello", 200, body.clone()).await;
    let err = client
        .repos()
        .get("octo", "hello")
        .send()
        .await
        .unwrap_err();
    let Error::Decode(d) = &err else {
        panic!("expected a decode error, got {err:?}");
    };
    assert_eq!(d.endpoint(), Some("repos.get"));
    assert_eq!(d.status(), 200);
    assert_eq!(d.path(), "owner.login");
    assert!(d.message().contains("invalid type"), "{}", d.message());
    assert_eq!(serde_json::from_slice::<Value>(d.body()).unwrap(), body);
    let text = err.to_string();
    for needle in ["repos.get", "200", "owner.login"] {
        assert!(text.contains(needle), "{needle} not in {text}");
    }
    assert!(std::error::Error::source(&err).is_some());
}

#[tokio::test]
async fn a_missing_required_field_is_named() {
    let mut body = repo_json();
    body["owner"].as_object_mut().unwrap().remove("login");
    let (_server, client) = server_with("/repos/octo/hello", 200, body).await;
    let err = client
        .repos()
        .get("octo", "hello")
        .send()
        .await
        .unwrap_err();
    let d = err.decode_error().expect("decode error");
    assert_eq!(d.path(), "owner");
    assert!(
        d.message().contains("missing field `login`"),
        "{}",
        d.message()
    );
}

#[tokio::test]
async fn a_null_in_a_required_non_nullable_field_is_an_error() {
    let mut body = repo_json();
    body["stargazers_count"] = Value::Null;
    let (_server, client) = server_with("/repos/octo/hello", 200, body).await;
    let err = client
        .repos()
        .get("octo", "hello")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.decode_error().unwrap().path(), "stargazers_count");
}

#[tokio::test]
async fn status_checks_are_booleans() {
    let server = MockServer::start().await;
    Mock::given(path("/repos/o/r/collaborators/yes"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(path("/repos/o/r/collaborators/no"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({"message": "Not Found"})))
        .mount(&server)
        .await;
    Mock::given(path("/repos/o/r/collaborators/forbidden"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "Nope"})))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .max_retries(0)
        .build()
        .unwrap();
    let repos = client.repos();
    assert!(repos
        .check_collaborator("o", "r", "yes")
        .send()
        .await
        .unwrap());
    assert!(!repos
        .check_collaborator("o", "r", "no")
        .send()
        .await
        .unwrap());
    let no = repos
        .check_collaborator("o", "r", "no")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!((no.status(), *no), (404, false));
    let err = repos
        .check_collaborator("o", "r", "forbidden")
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(403));
}

#[tokio::test]
async fn send_with_response_exposes_status_headers_rate_limit_and_bytes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/repos/o/r/merges"))
        .respond_with(
            ResponseTemplate::new(201)
                .insert_header("x-ratelimit-remaining", "41")
                .insert_header("x-ratelimit-limit", "60")
                .insert_header("x-github-request-id", "ABC")
                .set_body_json(json!({"login": "merger", "id": 3})),
        )
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let resp = client
        .repos()
        .merge("o", "r")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(resp.status(), 201);
    assert_eq!(resp.header("x-github-request-id"), Some("ABC"));
    let rate = resp.rate_limit().unwrap();
    assert_eq!((rate.remaining, rate.limit), (Some(41), Some(60)));
    assert_eq!(
        serde_json::from_slice::<Value>(resp.bytes()).unwrap(),
        json!({"login": "merger", "id": 3})
    );
    // Deref to the value, then take it apart.
    assert_eq!(resp.as_ref().map(|u| u.login.as_str()), Some("merger"));
    let (user, parts) = resp.into_parts();
    assert_eq!(user.map(|u: SimpleUser| u.id), Some(3));
    assert_eq!(parts.status, 201);
}

#[tokio::test]
async fn a_body_on_some_success_statuses_is_an_option() {
    let server = MockServer::start().await;
    Mock::given(path("/repos/o/r/merges"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    assert!(client.repos().merge("o", "r").send().await.unwrap().is_none());
}

#[tokio::test]
async fn no_body_binary_and_text() {
    let server = MockServer::start().await;
    Mock::given(path("/repos/o/r"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(path("/repos/o/r/tarball"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(vec![0u8, 159, 146, 150]))
        .mount(&server)
        .await;
    Mock::given(path("/markdown"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<p>hi</p>"))
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let () = client.repos().delete("o", "r").send().await.unwrap();
    let bytes = client
        .repos()
        .download_tarball("o", "r")
        .send()
        .await
        .unwrap();
    assert_eq!(&bytes[..], &[0u8, 159, 146, 150]);
    let html: String = client.markdown().render().send().await.unwrap();
    assert_eq!(html, "<p>hi</p>");
}

#[tokio::test]
async fn one_of_dispatches_on_the_discriminator_and_keeps_unknown_kinds() {
    let server = MockServer::start().await;
    let bodies = [
        (
            "/repos/o/r/contents/a",
            json!({"type": "file", "path": "a", "size": 3}),
        ),
        (
            "/repos/o/r/contents/d",
            json!({"type": "dir", "path": "d", "entries": []}),
        ),
        (
            "/repos/o/r/contents/s",
            json!({"type": "symlink", "path": "s", "size": 1}),
        ),
        (
            "/repos/o/r/contents/bad",
            json!({"type": "file", "path": "bad"}),
        ),
        (
            "/repos/o/r/contents/list",
            json!([
                {"type": "file", "path": "a", "size": 3, "mode": "100644"},
                {"type": "submodule", "path": "m", "size": 0}
            ]),
        ),
        (
            "/repos/o/r/contents/badlist",
            json!([{"type": "file", "path": "a", "size": 3}, {"type": "file", "path": "b"}]),
        ),
        ("/repos/o/r/contents/empty", json!([])),
    ];
    for (p, body) in &bodies {
        Mock::given(path(*p))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
    }
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let get = |p: &'static str| client.repos().get_content("o", "r", p).send();
    match get("a").await.unwrap() {
        Content::ContentFile(f) => {
            assert_eq!((f.r#type.clone(), f.size), (ContentType::File, 3))
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        get("d").await.unwrap(),
        Content::ContentDirectory(_)
    ));
    match get("s").await.unwrap() {
        Content::Other(v) => assert_eq!(v, bodies[2].1),
        other => panic!("a kind no variant claims stays Other: {other:?}"),
    }
    let err = get("bad").await.unwrap_err();
    assert!(err.to_string().contains("missing field `size`"), "{err}");
    // A JSON array is the array variant, whatever the discriminator says about its elements;
    // unknown element fields and enum values are kept, and it serialises back as sent.
    let listing = get("list").await.unwrap();
    let Content::Listing(files) = &listing else {
        panic!("an array is the Listing variant: {listing:?}")
    };
    assert_eq!(files.len(), 2);
    assert_eq!(files[0].extra.get("mode"), Some(&json!("100644")));
    assert_eq!(files[1].r#type, ContentType::Other("submodule".into()));
    assert_eq!(serde_json::to_value(&listing).unwrap(), bodies[4].1);
    assert!(matches!(get("empty").await.unwrap(), Content::Listing(v) if v.is_empty()));
    // An element that does not decode fails the call (not `Other`), naming what is missing.
    let err = get("badlist").await.unwrap_err();
    assert!(err.to_string().contains("missing field `size`"), "{err}");
    assert!(matches!(err, Error::Decode(_)), "{err:?}");
}

#[tokio::test]
async fn one_of_without_discriminator_tries_variants_in_order() {
    let server = MockServer::start().await;
    for (name, body) in [
        ("u", json!({"login": "a", "id": 1})),
        ("l", json!({"key": "mit", "name": "MIT"})),
        ("x", json!([1, 2])),
    ] {
        Mock::given(path(format!("/actors/{name}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(&server)
            .await;
    }
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let users = client.users();
    assert!(matches!(
        users.get_actor("u").send().await.unwrap(),
        Actor::SimpleUser(_)
    ));
    assert!(matches!(
        users.get_actor("l").send().await.unwrap(),
        Actor::License(_)
    ));
    assert!(matches!(
        users.get_actor("x").send().await.unwrap(),
        Actor::Other(v) if v == json!([1, 2])
    ));
}

#[tokio::test]
async fn boxed_recursive_models_decode() {
    let body =
        json!({"name": "c", "parent": {"name": "b", "parent": {"name": "a", "parent": null}}});
    let (_server, client) = server_with("/trees/c", 200, body).await;
    let node = client.repos().get_tree("c").send().await.unwrap();
    let parent = node.parent.as_ref().unwrap();
    assert_eq!(parent.name, "b");
    assert!(parent.parent.as_ref().unwrap().parent.is_none());
}

#[tokio::test]
async fn paginate_yields_typed_items_across_pages() {
    let server = MockServer::start().await;
    let item = |id: i64| {
        let mut r = repo_json();
        r["id"] = json!(id);
        r
    };
    Mock::given(path("/orgs/o/repos"))
        .and(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([item(3)])))
        .with_priority(1)
        .mount(&server)
        .await;
    let next = format!("<{}/orgs/o/repos?page=2>; rel=\"next\"", server.uri());
    Mock::given(path("/orgs/o/repos"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("link", next.as_str())
                .set_body_json(json!([item(1), item(2)])),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let repos: Vec<Repository> = client
        .repos()
        .list_for_org("o")
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(repos.iter().map(|r| r.id).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(
        repos[0].extra_2.get("brand_new"),
        Some(&json!({"nested": true}))
    );
}

#[tokio::test]
async fn paginate_unwraps_total_count_wrappers() {
    let mut bad = repo_json();
    bad["full_name"] = json!(false);
    let body =
        json!({"total_count": 2, "incomplete_results": false, "items": [repo_json(), repo_json()]});
    let (_server, client) = server_with("/search/repositories", 200, body).await;
    let items: Vec<Repository> = client
        .search()
        .repos()
        .paginate()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 2);
    // `send()` gives the wrapper itself.
    let page = client.search().repos().send().await.unwrap();
    assert_eq!((page.total_count, page.items.len()), (2, 2));

    let body = json!({"total_count": 1, "incomplete_results": false, "items": [bad]});
    let (_server, client) = server_with("/search/repositories", 200, body).await;
    let err = client
        .search()
        .repos()
        .paginate()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(err.decode_error().unwrap().path(), "[0].full_name");
}

#[tokio::test]
async fn untyped_endpoints_still_return_responses() {
    let (_server, client) = server_with("/untyped", 200, json!({"a": 1})).await;
    let resp = client.users().untyped().send().await.unwrap();
    assert_eq!(resp.json::<Value>().unwrap(), json!({"a": 1}));
}
