//! Drafting from several descriptions and their examples: merged required-ness, nullability,
//! enums and `one_of` variants, the evidence comments, the `--openapi-dir` order.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::convert::Converter;
use super::openapi::Doc;
use super::{emit, responses};

/// One description (`<platform>.json`) with `GET /teams/{id}` answering a `team`, its
/// example, and `GET /hooks` answering an inline one_of.
fn platform(name: &str, team: Value, example: Value, variants: Value) -> Doc {
    let api = json!({
        "paths": {
            "/teams/{id}": {"get": {"operationId": "teams/get", "responses": {"200": {"content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/team"},
                "examples": {"default": {"$ref": "#/components/examples/team"}}
            }}}}}},
            "/hooks": {"get": {"operationId": "repos/list-hooks", "responses": {"200": {"content": {"application/json": {
                "schema": {"oneOf": variants}
            }}}}}}
        },
        "components": {
            "examples": {"team": {"value": example}},
            "schemas": {
                "team": team,
                "web": {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}},
                "app": {"type": "object", "required": ["app_id"], "properties": {"app_id": {"type": "integer"}}},
                "email": {"type": "object", "required": ["to"], "properties": {"to": {"type": "string"}}}
            }
        }
    });
    Doc::new(format!("{name}.json").into(), api)
}

/// Drafts both routes from every description in order, as `draft` does.
fn merged(docs: &[Doc]) -> BTreeMap<String, String> {
    let mut conv = Converter::new(docs);
    for (route, id, name) in [
        ("GET /teams/{id}", "get", "GetResponse"),
        ("GET /hooks", "listHooks", "ListHooksResponse"),
    ] {
        for (d, doc) in docs.iter().enumerate() {
            let op = doc.operation(route, "teams", id).expect("operation");
            responses::declare(&mut conv, docs, d, op, "GET", name);
        }
    }
    conv.finish();
    conv.models
        .iter()
        .map(|(n, d)| {
            (
                n.clone(),
                emit::model_file(d).split_once('\n').unwrap().1.to_string(),
            )
        })
        .collect()
}

fn team(props: Value, required: &[&str]) -> Value {
    json!({"type": "object", "required": required, "properties": props})
}

#[test]
fn evidence_of_every_description_and_example_is_merged() {
    let dotcom = platform(
        "api.github.com",
        team(
            json!({
                "id": {"type": "integer"},
                "type": {"type": "string", "enum": ["enterprise", "organization"]},
                "slug": {"type": "string"},
                "parent": {"type": "string"},
                "name": {"type": "string"},
                "size": {"type": "integer"}
            }),
            &["id", "type", "slug", "parent", "name", "size"],
        ),
        json!({"id": 1, "type": "organization", "slug": "a", "parent": "p", "size": 3}),
        json!([{"$ref": "#/components/schemas/web"}, {"$ref": "#/components/schemas/app"}]),
    );
    let ghes = platform(
        "ghes-3.14",
        team(
            json!({
                "id": {"type": "integer"},
                "slug": {"type": "string", "enum": ["x", "y"]},
                "parent": {"type": "string", "nullable": true},
                "name": {"type": "string"},
                "size": {"type": "number"},
                "old": {"type": "boolean"}
            }),
            &["id", "slug", "parent", "name", "old"],
        ),
        json!({"id": 2, "slug": "x", "parent": "p", "name": null, "size": 1.5, "old": "not a bool"}),
        json!([{"$ref": "#/components/schemas/app"}, {"$ref": "#/components/schemas/email"}]),
    );
    let got = merged(&[dotcom, ghes]);
    assert_eq!(
        got["Team"],
        "fields:
  id: integer
  # optional: missing in an example in api.github.com
  # nullable: null in an example in ghes-3.14
  name?: string | null
  # optional: absent in api.github.com
  old?: boolean
  # nullable: nullable in ghes-3.14
  parent: string | null
  # optional: not required in ghes-3.14
  size?: number
  slug:
    enum: [x, \"y\"]
  # optional: absent in ghes-3.14; missing in an example in ghes-3.14
  type?:
    enum: [enterprise, organization]
",
        "{got:#?}"
    );
    assert_eq!(got["ListHooksResponse"], "one_of: [Web, App, Email]\n");
}

#[test]
fn one_description_alone_gets_no_evidence_comments() {
    let only = platform(
        "ghec",
        team(
            json!({"id": {"type": "integer"}, "note": {"type": "string", "nullable": true}}),
            &["id"],
        ),
        json!({"id": 1, "note": null}),
        json!([{"$ref": "#/components/schemas/web"}, {"$ref": "#/components/schemas/app"}]),
    );
    let got = merged(&[only]);
    assert_eq!(
        got["Team"],
        "fields:\n  id: integer\n  note?: string | null\n"
    );
}

#[test]
fn platform_lists_fold_consecutive_ghes_versions() {
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        super::merge::platforms(&set(&[
            "ghec",
            "ghes-3.14",
            "ghes-3.15",
            "ghes-3.16",
            "ghes-3.18",
            "api.github.com"
        ])),
        "api.github.com, ghec, ghes-3.14 to 3.16, ghes-3.18"
    );
}

#[test]
fn an_openapi_folder_lists_dotcom_ghec_then_ghes_by_version() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "ghes-3.9.json",
        "ghes-3.14.json",
        "ghec.json",
        "api.github.com.json",
        "api.github.com.deref.json",
        "README.md",
    ] {
        std::fs::write(dir.path().join(f), "{}").unwrap();
    }
    let got: Vec<String> = super::descriptions_in(dir.path())
        .unwrap()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        got,
        [
            "api.github.com.json",
            "ghec.json",
            "ghes-3.9.json",
            "ghes-3.14.json"
        ]
    );
    let empty = tempfile::tempdir().unwrap();
    assert!(super::descriptions_in(empty.path()).is_err());
}

#[test]
fn inline_alternatives_are_matched_by_shape_not_position() {
    // api.github.com lists three inline rules, GHES two of them in another order.
    let rule = |tag: &str, extra: &str| {
        json!({"type": "object", "required": ["type"], "properties": {
            "type": {"type": "string", "enum": [tag]},
            extra: {"type": "integer"}
        }})
    };
    let doc = |name: &str, alts: Value| {
        Doc::new(
            format!("{name}.json").into(),
            json!({"paths": {"/rules": {"get": {"operationId": "repos/get-rules", "responses": {"200": {
                "content": {"application/json": {"schema": {"type": "array", "items": {"oneOf": alts}}}}
            }}}}}}),
        )
    };
    let docs = [
        doc(
            "api.github.com",
            json!([
                rule("creation", "a"),
                rule("update", "b"),
                rule("merge_queue", "c")
            ]),
        ),
        doc(
            "ghes-3.14",
            json!([rule("merge_queue", "c"), rule("deletion", "d")]),
        ),
    ];
    let mut conv = Converter::new(&docs);
    for d in 0..2 {
        let op = docs[d]
            .operation("GET /rules", "repos", "getRules")
            .unwrap();
        responses::declare(&mut conv, &docs, d, op, "GET", "GetRulesResponse");
    }
    conv.finish();
    let model = |n: &str| {
        emit::model_file(&conv.models[n])
            .split_once('\n')
            .unwrap()
            .1
            .to_string()
    };
    assert_eq!(
        model("GetRulesResponseItem"),
        "one_of: [GetRulesResponseItemCreation, GetRulesResponseItemUpdate, GetRulesResponseItemMergeQueue, GetRulesResponseItemDeletion]\n"
    );
    // Named after their tag, so `merge_queue` is one model though its place differs.
    assert!(model("GetRulesResponseItemMergeQueue").contains("enum: [merge_queue]"));
    assert!(model("GetRulesResponseItemMergeQueue").contains("  c?: integer\n"));
    assert!(model("GetRulesResponseItemDeletion").contains("enum: [deletion]"));
    assert!(!model("GetRulesResponseItemCreation").contains("  d?"));
}

#[test]
fn an_example_of_another_shape_is_no_evidence() {
    let props = json!({
        "id": {"type": "integer"}, "login": {"type": "string"}, "url": {"type": "string"},
        "type": {"type": "string"}, "avatar_url": {"type": "string"}, "site_admin": {"type": "boolean"}
    });
    let required = ["id", "login", "url", "type", "avatar_url", "site_admin"];
    let with_example = |example: Value| {
        let doc = platform(
            "api.github.com",
            team(props.clone(), &required),
            example,
            json!([{"$ref": "#/components/schemas/web"}, {"$ref": "#/components/schemas/app"}]),
        );
        merged(&[doc])["Team"].clone()
    };
    // Only `login` left out: the same shape, so the example is evidence that it may be absent.
    let lacks_one = with_example(
        json!({"id": 1, "url": "u", "type": "User", "avatar_url": "a", "site_admin": false}),
    );
    assert!(lacks_one.contains("login?: string"), "{lacks_one}");
    // A team where the schema says user (5 of 6 required fields missing): another shape.
    let other = with_example(json!({"id": 1, "name": "team", "slug": "t"}));
    assert!(!other.contains('?'), "{other}");
}

#[test]
fn a_date_time_in_any_description_drafts_a_timestamp() {
    let hooks =
        || json!([{"$ref": "#/components/schemas/web"}, {"$ref": "#/components/schemas/app"}]);
    let props = |format: Option<&str>| {
        let mut at = json!({"type": "string"});
        if let Some(f) = format {
            at["format"] = json!(f);
        }
        team(json!({"id": {"type": "integer"}, "at": at}), &["id", "at"])
    };
    let example = || json!({"id": 1, "at": "2024-01-01T00:00:00Z"});
    // Either order: the description that says `date-time` decides.
    for (first, second) in [(Some("date-time"), None), (None, Some("date-time"))] {
        let docs = [
            platform("api.github.com", props(first), example(), hooks()),
            platform("ghes-3.14", props(second), example(), hooks()),
        ];
        let got = merged(&docs);
        assert_eq!(
            got["Team"], "fields:\n  at: timestamp\n  id: integer\n",
            "{got:#?}"
        );
    }
    // Another format (`date`) stays a string.
    let docs = [platform("ghec", props(Some("date")), example(), hooks())];
    assert_eq!(
        merged(&docs)["Team"],
        "fields:\n  at: string\n  id: integer\n"
    );
}
