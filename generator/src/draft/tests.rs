//! The converter on small hand-written OpenAPI descriptions: type mapping, naming,
//! responses, and the files `draft` writes (idempotent, `--force`, `--dry-run`, `--only`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::convert::Converter;
use super::openapi::Doc;
use super::{draft, emit, responses, Action, DraftOptions};

fn api() -> Value {
    json!({
        "openapi": "3.0.3",
        "paths": {
            "/repos/{owner}/{repo}": {"get": {"operationId": "repos/get", "responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/full-repo"}}}},
                "404": {"$ref": "#/components/responses/not_found"}
            }}},
            "/repos/{owner}/{repo}/things": {"get": {"operationId": "repos/list-things", "responses": {
                "200": {"content": {"application/json": {"schema": {"type": "object", "required": ["total_count", "items"], "properties": {
                    "total_count": {"type": "integer"},
                    "items": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "number"}}}}
                }}}}}
            }}},
            "/repos/{owner}/{repo}/collaborators/{username}": {"get": {"operationId": "repos/check-collaborator", "responses": {
                "204": {"description": "x"}, "404": {"description": "y"}
            }}},
            "/markdown": {"post": {"operationId": "markdown/render", "responses": {
                "200": {"content": {"text/html": {"schema": {"type": "string"}}}}
            }}},
            "/repos/{owner}/{repo}/tarball/{ref}": {"get": {"operationId": "repos/download-tarball-archive", "responses": {
                "302": {"description": "z"}
            }}},
            "/assets/{id}": {"get": {"operationId": "repos/get-asset", "responses": {
                "200": {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}
            }}},
            "/user": {"get": {"operationId": "users/get-authenticated", "responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/nullable-simple-user"}}}}
            }}},
            "/mixed": {"post": {"operationId": "repos/mixed", "responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/file"}}}},
                "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/dir"}}}}
            }}},
            "/clash": {"get": {"operationId": "repos/clash", "responses": {
                "200": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                    "c": {"$ref": "#/components/schemas/clash"},
                    "r": {"$ref": "#/components/schemas/clash-state"}
                }}}}}
            }}},
            "/contents/{path}": {"get": {"operationId": "repos/get-content", "responses": {
                "200": {"content": {"application/json": {"schema": {
                    "oneOf": [{"$ref": "#/components/schemas/file"}, {"$ref": "#/components/schemas/dir"}, {"type": "array", "items": {"type": "string"}}],
                    "discriminator": {"propertyName": "type"}
                }}}}
            }}}
        },
        "components": {
            "responses": {"not_found": {"content": {"application/json": {"schema": {"type": "object"}}}}},
            "schemas": {
                "simple-user": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}},
                "nullable-simple-user": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string", "description": "prose differs"}}, "nullable": true},
                "state": {"type": "string", "enum": ["open", "closed"]},
                "full-repo": {"allOf": [{"$ref": "#/components/schemas/repo"}, {"type": "object", "required": ["more"], "properties": {"more": {"type": "integer"}}}]},
                "repo": {"type": "object", "required": ["id", "owner", "org", "visibility", "note", "+1"], "properties": {
                    "id": {"type": "integer", "format": "int64"},
                    "owner": {"$ref": "#/components/schemas/simple-user"},
                    "org": {"$ref": "#/components/schemas/nullable-simple-user"},
                    "visibility": {"type": "string", "enum": ["public", "private", null], "nullable": true},
                    "note": {"type": ["string", "null"]},
                    "created_at": {"type": "string", "format": "date-time"},
                    "labels": {"type": "object", "additionalProperties": {"type": "string", "nullable": true}},
                    "users": {"type": "array", "items": {"$ref": "#/components/schemas/nullable-simple-user"}},
                    "props": {"type": "object"},
                    "anything": {},
                    "state": {"$ref": "#/components/schemas/state"},
                    "count": {"$ref": "#/components/schemas/count"},
                    "+1": {"type": "integer"},
                    "Extra": {"type": "integer"},
                    "owner_or_org": {"oneOf": [{"$ref": "#/components/schemas/simple-user"}, {"$ref": "#/components/schemas/file"}]}
                }},
                "count": {"type": "integer"},
                "clash-state": {"type": "string", "enum": ["z"]},
                "clash": {"type": "object", "properties": {
                    "state": {"type": "object", "properties": {"a": {"type": "string"}}}
                }},
                "file": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["file"]}}},
                "dir": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "enum": ["dir"]}}}
            }
        }
    })
}

fn doc() -> Vec<Doc> {
    vec![Doc::new("api.json".into(), api())]
}

/// What one route drafts: the `responses:` block, rendered models by name, notes.
struct Drafts {
    block: String,
    models: BTreeMap<String, String>,
    notes: BTreeSet<String>,
}

fn declared(docs: &[Doc], route: &str, method_id: &str) -> Drafts {
    let mut conv = Converter::new(docs);
    let op = docs[0]
        .operation(route, "repos", method_id)
        .expect("operation found");
    let name = format!("{}Response", heck::AsUpperCamelCase(method_id));
    let method = route.split(' ').next().unwrap();
    let r = responses::declare(&mut conv, docs, 0, op, method, &name);
    conv.finish();
    Drafts {
        block: emit::responses_block(&r),
        models: conv
            .models
            .iter()
            .map(|(n, d)| (n.clone(), emit::model_file(d)))
            .collect(),
        notes: conv.notes.clone(),
    }
}

impl Drafts {
    fn model(&self, name: &str) -> &str {
        self.models
            .get(name)
            .unwrap_or_else(|| panic!("no model {name}: {:?}", self.models.keys()))
    }
}

#[test]
fn components_become_named_models_with_mapped_fields() {
    let got = declared(&doc(), "GET /repos/{owner}/{repo}", "get");
    assert_eq!(got.block, "responses:\n  200: FullRepo\n");
    let names: Vec<&String> = got.models.keys().collect();
    assert_eq!(names, ["File", "FullRepo", "Repo", "SimpleUser", "State"]);
    assert!(
        got.notes.iter().any(|n| n.contains("`extra` was left out")),
        "{:?}",
        got.notes
    );
    assert!(got
        .model("FullRepo")
        .ends_with("extends: Repo\nfields:\n  more: integer\n"));
    let repo = got.model("Repo");
    let body = repo.split_once('\n').unwrap().1;
    assert_eq!(
        body,
        "fields:\n  \"+1\": integer\n  anything?: any\n  count?: integer\n  created_at?: timestamp\n  id: integer\n  labels?: map<string>\n  note: string | null\n  org: SimpleUser | null\n  owner: SimpleUser\n  owner_or_org?:\n    one_of: [SimpleUser, File]\n  props?: map<any>\n  state?: State\n  users?: SimpleUser[]\n  visibility:\n    enum: [public, private]\n    nullable: true\n"
    );
    assert!(got.model("State").ends_with("enum: [open, closed]\n"));
    // The YAML reads back with the wire names intact.
    let yaml: serde_yaml::Value = serde_yaml::from_str(repo).unwrap();
    assert!(yaml["fields"].get("+1").is_some());
    assert_eq!(yaml["fields"]["visibility"]["enum"][1], "private");
}

#[test]
fn inline_bodies_get_names_from_the_method() {
    let got = declared(&doc(), "GET /repos/{owner}/{repo}/things", "listThings");
    assert_eq!(got.block, "responses:\n  200: ListThingsResponse\n");
    assert!(got.model("ListThingsResponse").ends_with(
        "fields:\n  items:\n    items:\n      fields:\n        n?: number\n  total_count: integer\n"
    ));
}

#[test]
fn one_of_bodies_keep_object_alternatives_and_a_fixed_discriminator() {
    let got = declared(&doc(), "GET /contents/{path}", "getContent");
    assert_eq!(got.block, "responses:\n  200: GetContentResponse\n");
    assert!(got
        .model("GetContentResponse")
        .ends_with("one_of: [File, Dir]\ndiscriminator: type\n"));
    assert_eq!(
        got.notes.len(),
        1,
        "the array alternative is reported: {:?}",
        got.notes
    );
}

#[test]
fn status_only_text_and_binary_responses() {
    let docs = doc();
    let check =
        |route, id, want: &str| assert_eq!(declared(&docs, route, id).block, want, "{route}");
    check(
        "GET /repos/{owner}/{repo}/collaborators/{username}",
        "checkCollaborator",
        "responses:\n  204: ~\n  404: ~\n",
    );
    check("POST /markdown", "render", "responses:\n  200: text\n");
    // A component that is nullable for its field uses is no nullable body.
    check(
        "GET /user",
        "getAuthenticated",
        "responses:\n  200: SimpleUser\n",
    );
    check(
        "GET /assets/{id}",
        "getAsset",
        "responses:\n  200: binary\n",
    );
    check(
        "GET /repos/{owner}/{repo}/tarball/{ref}{?x}",
        "downloadTarballArchive",
        "responses:\n  200: binary\n",
    );
}

#[test]
fn a_second_2xx_body_is_dropped_and_reported() {
    let got = declared(&doc(), "POST /mixed", "mixed");
    assert_eq!(got.block, "responses:\n  200: File\n  201: ~\n");
    assert!(
        got.notes.iter().any(|n| n.contains("201 has another body")),
        "{:?}",
        got.notes
    );
}

#[test]
fn inline_types_whose_hoisted_name_is_taken_become_models() {
    let got = declared(&doc(), "GET /clash", "clash");
    // `Clash.state` would be hoisted as `ClashState`, the name of a component model.
    assert!(
        got.model("ClashState").ends_with("enum: [z]\n"),
        "{:?}",
        got.models
    );
    assert!(
        got.model("Clash").contains("  state?: ClashState2\n"),
        "{}",
        got.model("Clash")
    );
    assert!(got
        .model("ClashState2")
        .ends_with("fields:\n  a?: string\n"));
}

#[test]
fn emitted_scalars_round_trip_through_yaml() {
    for s in [
        "+1",
        "-1",
        "true",
        "null",
        "on",
        "a b",
        "x: y",
        "1.0",
        "plain",
        "with-dash?",
    ] {
        let text = format!("k: {}", emit::scalar(s));
        let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(v["k"].as_str(), Some(s), "{text}");
    }
}

/// A temporary specs tree with two specs and the description beside it.
fn tree() -> (tempfile::TempDir, DraftOptions) {
    let dir = tempfile::tempdir().unwrap();
    let specs = dir.path().join("specs");
    std::fs::create_dir_all(specs.join("repos")).unwrap();
    let spec = |name: &str, route: &str| {
        format!("---\nname: {name}\nexample: octokit.rest.repos.{name}()\nroute: {route}\nscope: repos\ntype: API method\n---\n\n# {name}\n\nText.\n")
    };
    std::fs::write(
        specs.join("repos/get.md"),
        spec("get", "GET /repos/{owner}/{repo}"),
    )
    .unwrap();
    std::fs::write(
        specs.join("repos/unknown.md"),
        spec("unknown", "GET /nowhere"),
    )
    .unwrap();
    let openapi = dir.path().join("api.json");
    std::fs::write(&openapi, api().to_string()).unwrap();
    let opts = DraftOptions {
        openapi: vec![openapi],
        specs,
        ..DraftOptions::default()
    };
    (dir, opts)
}

#[test]
fn draft_writes_specs_and_models_once_and_keeps_edits() {
    let (_dir, opts) = tree();
    let get = opts.specs.join("repos/get.md");
    let before = std::fs::read_to_string(&get).unwrap();

    let dry = draft(&DraftOptions {
        dry_run: true,
        ..opts.clone()
    })
    .unwrap();
    assert_eq!(dry.models_written(), 5);
    assert_eq!(
        std::fs::read_to_string(&get).unwrap(),
        before,
        "dry run writes nothing"
    );
    assert!(!opts.specs.join("models").exists());

    let first = draft(&opts).unwrap();
    assert_eq!(first.models_written(), 5);
    let unknown = first
        .specs
        .iter()
        .find(|e| e.path.ends_with("unknown.md"))
        .unwrap();
    assert_eq!(unknown.action, Action::Skipped);
    let after = std::fs::read_to_string(&get).unwrap();
    assert_eq!(
        after,
        before.replace(
            "type: API method\n",
            "type: API method\nresponses:\n  200: FullRepo\n"
        )
    );

    let second = draft(&opts).unwrap();
    assert_eq!(second.models_written(), 0);
    assert!(second.models.iter().all(|e| e.action == Action::Unchanged));
    assert_eq!(std::fs::read_to_string(&get).unwrap(), after, "idempotent");

    let state = opts.specs.join("models/State.yaml");
    let drafted = std::fs::read_to_string(&state).unwrap();
    let edited = drafted.replace("closed]", "closed, merged]");
    std::fs::write(&state, &edited).unwrap();
    let kept = draft(&opts).unwrap();
    assert!(kept
        .models
        .iter()
        .any(|e| e.path == state && e.action == Action::Kept));
    assert_eq!(std::fs::read_to_string(&state).unwrap(), edited);
    // A hand-written file (no drafted-from line) is kept even with `--force`.
    let user = opts.specs.join("models/SimpleUser.yaml");
    std::fs::write(&user, "fields:\n  login: string\n  name?: string\n").unwrap();
    draft(&DraftOptions {
        force: true,
        ..opts.clone()
    })
    .unwrap();
    assert_eq!(std::fs::read_to_string(&state).unwrap(), drafted);
    assert_eq!(
        std::fs::read_to_string(&user).unwrap(),
        "fields:\n  login: string\n  name?: string\n"
    );
}

#[test]
fn only_limits_the_specs_and_rejects_unknown_names() {
    let (_dir, opts) = tree();
    let only = DraftOptions {
        only: vec!["repos/unknown".into()],
        ..opts.clone()
    };
    let report = draft(&only).unwrap();
    assert_eq!(report.specs.len(), 1);
    assert_eq!(report.models_written(), 0);
    let bad = DraftOptions {
        only: vec!["repos/nope".into()],
        ..opts
    };
    let err = draft(&bad).unwrap_err().to_string();
    assert!(err.contains("`--only repos/nope`: no such spec"), "{err}");
}

#[test]
fn unreadable_description_is_a_diagnostic() {
    let (dir, mut opts) = tree();
    opts.openapi = vec![dir.path().join("missing.json")];
    let err = draft(&opts).unwrap_err().to_string();
    assert!(err.contains("cannot read the OpenAPI description"), "{err}");
}

#[test]
fn names_avoid_model_files_drafted_from_something_else() {
    let docs = doc();
    let mut conv = Converter::new(&docs);
    conv.reserve([
        (
            "state".to_string(),
            Some("the 2xx response of other/op".to_string()),
        ),
        (
            "SimpleUser".to_string(),
            Some("components/schemas/simple-user".to_string()),
        ),
        ("File".to_string(), None),
    ]);
    let op = docs[0]
        .operation("GET /repos/{owner}/{repo}", "repos", "get")
        .unwrap();
    responses::declare(&mut conv, &docs, 0, op, "GET", "GetResponse");
    conv.finish();
    let names: Vec<&String> = conv.models.keys().collect();
    assert_eq!(names, ["File", "FullRepo", "Repo", "SimpleUser", "State2"]);
    let text = emit::model_file(&conv.models["State2"]);
    assert_eq!(
        emit::origin_of(&text).as_deref(),
        Some("components/schemas/state")
    );
}
