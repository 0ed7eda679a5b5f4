//! Aliases of same-shaped models, and the features that compile each model.

use super::*;
use crate::codegen::tests::endpoint;
use crate::model::HttpMethod;
use crate::schema::{Field, ResponseDecl};

fn field(wire: &str, schema: Schema) -> Field {
    Field {
        wire_name: wire.into(),
        rust_name: wire.into(),
        schema,
        required: true,
        nullable: false,
        doc: String::new(),
        line: 1,
    }
}

fn object(name: &str, fields: Vec<Field>) -> Model {
    Model {
        name: name.into(),
        doc: String::new(),
        kind: ModelKind::Object { fields },
        source: "specs/models/x.yaml".into(),
        line: 1,
    }
}

fn to(name: &str) -> Schema {
    Schema::Ref {
        name: name.into(),
        boxed: false,
    }
}

/// `scope.get` answers `model`.
fn answering(scope: &str, model: &str) -> crate::model::Endpoint {
    let mut e = endpoint(scope, "get", HttpMethod::Get, "/x", vec![]);
    e.responses = vec![ResponseDecl {
        status: 200,
        body: Some(to(model)),
        nullable: false,
        line: 1,
    }];
    e
}

/// Two parents whose `_links` objects were drafted apart but have the same fields.
fn api() -> Api {
    let href = || vec![field("href", Schema::String)];
    Api {
        endpoints: vec![answering("repos", "Repo"), answering("users", "User")],
        models: vec![
            object(
                "Repo",
                vec![
                    field("links", to("RepoLinks")),
                    field("id", Schema::Integer),
                ],
            ),
            object(
                "User",
                vec![
                    field("links", to("UserLinksX")),
                    field("id", Schema::Integer),
                ],
            ),
            object("RepoLinks", href()),
            object("UserLinksX", href()),
            object("Other", vec![field("id", Schema::String)]),
        ],
    }
}

#[test]
fn same_shapes_become_aliases_of_the_shortest_name_once_references_agree() {
    let plan = ModelPlan::new(&api());
    // The links are equal at once; the parents only once their links are known equal.
    assert_eq!(
        plan.alias_of.get("UserLinksX").map(String::as_str),
        Some("RepoLinks")
    );
    assert_eq!(plan.alias_of.get("User").map(String::as_str), Some("Repo"));
    assert_eq!(plan.alias_of.len(), 2, "{:?}", plan.alias_of);
    // A different type of one field keeps a model apart.
    assert!(!plan.alias_of.contains_key("Other"));
}

#[test]
fn a_model_compiles_wherever_an_alias_of_it_is_used() {
    let plan = ModelPlan::new(&api());
    let features = |name: &str| plan.scopes.get(name).cloned().unwrap_or_default();
    let both: BTreeSet<String> = ["repos".to_owned(), "users".to_owned()].into();
    // `Repo` is the type behind `User`, so `users` needs it, and what it refers to.
    assert_eq!(features("Repo"), both);
    assert_eq!(features("RepoLinks"), both);
    assert_eq!(features("User"), ["users".to_owned()].into());
}

/// Over our own specs: every model a compiled model needs (field types, variants, the
/// model an alias names) is compiled under at least the same features. This is what keeps
/// each scope feature building on its own.
#[test]
fn every_model_of_our_specs_has_what_it_needs_under_its_features() {
    let specs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let api = crate::Config::new()
        .specs(&specs)
        .load()
        .unwrap_or_else(|d| panic!("{d}"));
    let plan = ModelPlan::new(&api);
    assert!(plan.alias_of.len() > 50, "{} aliases", plan.alias_of.len());
    // `None`: always compiled.
    let features = |name: &str| plan.scopes.get(name);
    let covers =
        |need: Option<&BTreeSet<String>>, have: Option<&BTreeSet<String>>| match (need, have) {
            (_, None) => true,
            (None, Some(_)) => false,
            (Some(need), Some(have)) => need.is_subset(have),
        };
    for m in &api.models {
        let mut needed: Vec<&str> = Vec::new();
        referenced(m, &mut needed);
        needed.extend(plan.alias_of.get(&m.name).map(String::as_str));
        for n in needed {
            assert!(
                covers(features(&m.name), features(n)),
                "{} (features {:?}) needs {n} (features {:?})",
                m.name,
                features(&m.name),
                features(n)
            );
        }
    }
}
