//! Odd cases of the real Octokit corpus (test data, read in place): bodies whose table
//! flattens alternatives, and values whose type only the wording (or the endpoint's text)
//! gives. Each is decided by a general rule; these tests pin the outcome on the real files
//! and on the code generated for them.

use client_generator::codegen::endpoint_source;
use client_generator::model::{build_api, Api, Endpoint, Param, Type};
use client_generator::parse::parse_dir;

mod corpus_dir;
use corpus_dir::corpus_dir;

fn api() -> Api {
    let specs = parse_dir(&corpus_dir()).unwrap_or_else(|d| panic!("corpus does not parse:\n{d}"));
    build_api(&specs).unwrap_or_else(|d| panic!("corpus does not build:\n{d}"))
}

fn endpoint<'a>(api: &'a Api, scope: &str, id: &str) -> &'a Endpoint {
    api.endpoints
        .iter()
        .find(|e| e.scope == scope && e.id == id)
        .unwrap_or_else(|| panic!("{scope}.{id} not in the corpus"))
}

/// A parameter by spec name (`rules[].parameters.workflows`), looked up through nesting.
fn param<'a>(e: &'a Endpoint, spec_name: &str) -> &'a Param {
    fn find<'a>(params: &'a [Param], name: &str) -> Option<&'a Param> {
        params.iter().find_map(|p| {
            if p.spec_name == name {
                return Some(p);
            }
            let mut ty = &p.ty;
            while let Type::Array { items: inner } | Type::Map { values: inner } = ty {
                ty = inner;
            }
            match ty {
                Type::Object { fields } => find(fields, name),
                _ => None,
            }
        })
    }
    find(&e.params, spec_name)
        .unwrap_or_else(|| panic!("{}.{}: no parameter `{spec_name}`", e.scope, e.id))
}

/// `(name, field wire names)` of each alternative of a parameter.
fn alternatives(p: &Param) -> Vec<(String, Vec<String>)> {
    let Type::OneOf { alternatives, .. } = &p.ty else {
        panic!("`{}` is not a choice: {:?}", p.spec_name, p.ty)
    };
    alternatives
        .iter()
        .map(|a| match &a.ty {
            Type::Object { fields } => (
                a.name.clone(),
                fields.iter().map(|f| f.wire_name.clone()).collect(),
            ),
            other => panic!("alternative {} is {other:?}", a.name),
        })
        .collect()
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn project_fields_are_one_of_their_kinds() {
    let api = api();
    let e = endpoint(&api, "projects", "addFieldForOrg");
    let top: Vec<&str> = e.params.iter().map(|p| p.wire_name.as_str()).collect();
    assert_eq!(top, ["org", "project_number", "field"]);
    let field = param(e, "field");
    assert!(field.required);
    assert!(matches!(field.ty, Type::OneOf { merged: true, .. }));
    assert_eq!(
        alternatives(field),
        [
            ("issue_field_id".into(), strings(&["issue_field_id"])),
            ("name_and_data_type".into(), strings(&["name", "data_type"])),
            (
                "single_select".into(),
                strings(&["name", "data_type", "single_select_options"])
            ),
            (
                "iteration".into(),
                strings(&["name", "data_type", "iteration_configuration"])
            ),
        ]
    );
    // The user-owned variant has no issue-field alternative.
    let user = endpoint(&api, "projects", "addFieldForUser");
    let names: Vec<String> = alternatives(param(user, "field"))
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["name_and_data_type", "single_select", "iteration"]);
    // Generated: one enum argument; each variant carries only what that kind sends.
    let code = endpoint_source(&api, e);
    for line in [
        "field: add_field_for_org::Field,",
        "pub(super) field: Field,",
        "pub enum Field {",
        "IssueFieldId {",
        "NameAndDataType {",
        "SingleSelect {",
        "Iteration {",
        "body.merge(&self.field);",
    ] {
        assert!(code.contains(line), "missing `{line}` in:\n{code}");
    }
}

#[test]
fn ruleset_rule_parameters_depend_on_the_rule_type() {
    let api = api();
    for (scope, id) in [
        ("repos", "updateRepoRuleset"),
        ("repos", "createRepoRuleset"),
        ("repos", "createOrgRuleset"),
        ("repos", "updateOrgRuleset"),
    ] {
        let e = endpoint(&api, scope, id);
        assert!(param(e, "rules[].type").required, "{id}: the type is sent");
        let Type::Object { fields } = &param(e, "rules[].parameters").ty else {
            panic!("{id}: rule parameters are an object")
        };
        assert!(fields.len() > 20, "{id}: every type's fields are there");
        let required: Vec<&str> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| f.wire_name.as_str())
            .collect();
        assert!(required.is_empty(), "{id}: required {required:?}");
        // Inside a field, requiredness is the row's own.
        assert!(param(e, "rules[].parameters.required_status_checks[].context").required);
    }
    // Generated: every field of the parameters struct is optional, so the struct has
    // `Default` and sends only what is set.
    let code = endpoint_source(&api, endpoint(&api, "repos", "updateRepoRuleset"));
    let at = code
        .find("pub struct RulesParameters {")
        .expect("a RulesParameters struct");
    let derive = code[..at].rfind("#[derive(").unwrap();
    assert!(
        code[derive..at].contains("Default"),
        "{}",
        &code[derive..at]
    );
    let body = &code[at..at + code[at..].find("\n    }\n").unwrap()];
    assert!(!body.contains("pub update_allows_fetch_and_merge: bool,"));
    assert!(body.contains("pub update_allows_fetch_and_merge: Option<bool>,"));
}

#[test]
fn scalar_types_read_from_the_wording() {
    let api = api();
    let snapshot = endpoint(&api, "dependencyGraph", "createRepositorySnapshot");
    assert_eq!(param(snapshot, "version").ty, Type::Integer);
    assert_eq!(param(snapshot, "detector.version").ty, Type::String);
    let deployment = endpoint(&api, "repos", "createDeployment");
    assert_eq!(
        param(deployment, "payload").ty,
        Type::Union {
            types: vec![Type::Object { fields: Vec::new() }, Type::String]
        }
    );
    let gist = endpoint(&api, "gists", "create");
    assert_eq!(param(gist, "public").ty, Type::Boolean);
    // Already right before: a value of several kinds, null included.
    let item = endpoint(&api, "projects", "updateItemForOrg");
    let value = param(item, "fields[].value");
    assert_eq!(
        value.ty,
        Type::Union {
            types: vec![Type::String, Type::Number]
        }
    );
    assert!(value.nullable);
    let code = endpoint_source(&api, deployment);
    assert!(code.contains("pub enum Payload {"), "{code}");
    assert!(
        code.contains("Object(Map<String, Value>)")
            && code.contains("use serde_json::{Map, Value};"),
        "{code}"
    );
}

#[test]
fn attestations_are_deleted_by_digests_or_by_ids() {
    let api = api();
    for scope in ["orgs", "users"] {
        let e = endpoint(&api, scope, "deleteAttestationsBulk");
        let choice = param(e, "subject_digests_or_attestation_ids");
        assert!(choice.required);
        assert_eq!(
            alternatives(choice),
            [
                ("subject_digests".into(), strings(&["subject_digests"])),
                ("attestation_ids".into(), strings(&["attestation_ids"])),
            ]
        );
    }
}
