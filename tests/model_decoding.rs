//! The shared model code of the generated crate (`runtime/model.rs`) on a large real answer:
//! `FullRepository` (90 fields on the wire, more in the model, so its field tuples nest)
//! decoded from the recorded `repos.get` answer of `@octokit/fixtures`. Every field lands in
//! the right place, removing any required field is an error naming exactly that field,
//! nothing is lost on a round trip, and `Debug` shows models and builders readably.

use github_client_suite::workspace_root;
use github_rest_client::{models, runtime::Client};
use serde_json::{Map, Value};

fn recorded_repository() -> Map<String, Value> {
    let path = workspace_root().join(
        "tests/fixtures-server/node_modules/@octokit/fixtures/scenarios/api.github.com/\
         get-repository/normalized-fixture.json",
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run `npm ci --prefix tests/fixtures-server`)",
            path.display()
        )
    });
    let calls: Value = serde_json::from_str(&text).unwrap();
    match &calls[0]["response"] {
        Value::Object(map) => map.clone(),
        other => panic!("not an object: {other}"),
    }
}

#[test]
fn every_field_of_a_large_model_lands_where_it_belongs() {
    let json = recorded_repository();
    assert!(json.len() > 24, "the answer must span several field tuples");
    let repo: models::FullRepository = serde_json::from_value(Value::Object(json.clone())).unwrap();
    // Fields from the start, the middle and the end of the (sorted) name table.
    assert_eq!(
        Some(&Value::from(repo.archive_url.clone())),
        json.get("archive_url")
    );
    assert_eq!(
        Some(&Value::from(repo.full_name.clone())),
        json.get("full_name")
    );
    assert_eq!(Some(&Value::from(repo.id)), json.get("id"));
    assert_eq!(
        Some(&Value::from(repo.owner.login.clone())),
        json.get("owner").and_then(|o| o.get("login"))
    );
    assert_eq!(
        Some(&Value::from(repo.watchers_count)),
        json.get("watchers_count")
    );
    assert_eq!(Some(&Value::from(repo.url.clone())), json.get("url"));
    // Serialised again, every key comes back with its value (optional fields that were
    // `null` are left out, as absent ones are); nothing is added.
    let back = match serde_json::to_value(&repo).unwrap() {
        Value::Object(map) => map,
        other => panic!("{other}"),
    };
    for (key, value) in &json {
        match back.get(key) {
            Some(again) => assert_eq!(again, value, "{key}"),
            None => assert!(value.is_null(), "{key} was lost"),
        }
    }
    for key in back.keys() {
        assert!(json.contains_key(key), "{key} was invented");
    }
}

#[test]
fn a_missing_required_field_is_named_wherever_it_sits_in_the_model() {
    let json = recorded_repository();
    let mut named = Vec::new();
    for key in json.keys() {
        let mut without = json.clone();
        without.remove(key);
        match serde_json::from_value::<models::FullRepository>(Value::Object(without)) {
            Ok(_) => {}
            Err(e) => {
                let want = format!("missing field `{key}`");
                assert!(e.to_string().contains(&want), "removed {key}, got: {e}");
                named.push(key.clone());
            }
        }
    }
    // Required fields are spread over the whole table, so the mapping from slot to name
    // is checked in every nested tuple, not just the first.
    assert!(
        named.len() > 40,
        "only {} required fields: {named:?}",
        named.len()
    );
    for key in ["archive_url", "full_name", "owner", "url", "watchers_count"] {
        assert!(
            named.iter().any(|k| k == key),
            "{key} should be required: {named:?}"
        );
    }
}

#[test]
fn debug_shows_the_model_name_and_its_fields_by_wire_name() {
    let repo: models::FullRepository =
        serde_json::from_value(Value::Object(recorded_repository())).unwrap();
    let one_line = format!("{repo:?}");
    assert!(one_line.starts_with("FullRepository {"), "{one_line}");
    assert!(
        one_line.contains(r#""full_name": "octokit-fixture-org/hello-world""#),
        "{one_line}"
    );
    assert!(!one_line.contains('\n'));
    let pretty = format!("{repo:#?}");
    assert!(pretty.lines().count() > 90, "{pretty}");
    // Unknown fields show too: they are part of what was received.
    let mut json = recorded_repository();
    json.insert("brand_new_field".into(), Value::from(7));
    let repo: models::FullRepository = serde_json::from_value(Value::Object(json)).unwrap();
    assert!(format!("{repo:?}").contains(r#""brand_new_field": 7"#));
}

#[test]
fn a_request_builder_shows_the_request_it_would_send_without_the_token() {
    let client = Client::builder()
        .token("ghp_builderdebugsecret")
        .build()
        .unwrap();
    let shown = format!(
        "{:?}",
        client
            .issues()
            .list_for_repo("octo", "hello world")
            .state(github_rest_client::issues::list_for_repo::State::Closed)
    );
    assert!(
        shown.contains("/repos/octo/hello%20world/issues"),
        "{shown}"
    );
    assert!(shown.contains("closed"), "{shown}");
    assert!(!shown.contains("builderdebugsecret"), "{shown}");
    let state = format!(
        "{:?}",
        github_rest_client::issues::list_for_repo::State::Closed
    );
    assert_eq!(state, "Closed");
    let other = github_rest_client::issues::list_for_repo::State::Other("merged".into());
    assert_eq!(format!("{other:?}"), r#"Other("merged")"#);
}
