//! Shared parameter enums: one type per idea and value set, names, spec-given names, output.

use super::*;
use crate::codegen::tests::{api, endpoint, has, param};
use crate::model::{HttpMethod, Location};
use crate::schema::Model;

fn values(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| (*s).to_owned()).collect()
}

fn enum_ty(v: &[&str]) -> Type {
    Type::Enum {
        values: values(v),
        name: None,
    }
}

/// `scope.id` with one query enum parameter `name` of `v`.
fn taking(scope: &str, id: &str, name: &str, ty: Type) -> Endpoint {
    let route = format!("/{id}");
    endpoint(
        scope,
        id,
        HttpMethod::Get,
        &route,
        vec![param(name, Location::Query, ty, false)],
    )
}

fn names(plan: &ParamEnums) -> Vec<&str> {
    plan.enums.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn one_value_set_of_one_idea_is_one_type_named_after_it() {
    let api = api(vec![
        taking(
            "issues",
            "listForRepo",
            "direction",
            enum_ty(&["asc", "desc"]),
        ),
        // The same set in another order is the same type.
        taking("pulls", "list", "direction", enum_ty(&["desc", "asc"])),
        taking(
            "repos",
            "listForOrg",
            "direction",
            enum_ty(&["asc", "desc"]),
        ),
    ]);
    let plan = ParamEnums::new(&api);
    assert_eq!(names(&plan), ["Direction"]);
    let d = &plan.enums[0];
    assert_eq!(d.values, values(&["asc", "desc"]), "first use's order");
    assert_eq!(
        d.scopes.iter().collect::<Vec<_>>(),
        ["issues", "pulls", "repos"]
    );
    assert_eq!(
        d.uses,
        [
            "client.issues().list_for_repo()",
            "client.pulls().list()",
            "client.repos().list_for_org()"
        ]
    );
    let found = plan.get("direction", &values(&["desc", "asc"]), None);
    assert_eq!(found.map(|e| e.name.as_str()), Some("Direction"));
    assert_eq!(
        found.unwrap().path(&quote!(crate)).to_string(),
        "crate :: params :: Direction"
    );
}

#[test]
fn different_value_sets_are_different_types_with_spelled_names() {
    let api = api(vec![
        taking(
            "issues",
            "list",
            "state",
            enum_ty(&["open", "closed", "all"]),
        ),
        taking(
            "pulls",
            "list",
            "state",
            enum_ty(&["open", "closed", "all"]),
        ),
        taking("issues", "update", "state", enum_ty(&["open", "closed"])),
        taking("pulls", "update", "state", enum_ty(&["open", "closed"])),
        // Used once: stays in its endpoint's module.
        taking("repos", "x", "state", enum_ty(&["open"])),
        // A long set: the first two values and a count.
        taking(
            "checks",
            "a",
            "status",
            enum_ty(&["queued", "a", "b", "c", "d"]),
        ),
        taking(
            "checks",
            "b",
            "status",
            enum_ty(&["queued", "a", "b", "c", "d"]),
        ),
        taking("checks", "c", "status", enum_ty(&["queued"])),
        taking("checks", "d", "status", enum_ty(&["queued"])),
    ]);
    let plan = ParamEnums::new(&api);
    assert_eq!(
        names(&plan),
        [
            "StateAllClosedOpen",
            "StateClosedOpen",
            "StatusABAnd3More",
            "StatusQueued"
        ]
    );
    assert!(plan.get("state", &values(&["open"]), None).is_none());
    assert_ne!(
        plan.get("state", &values(&["open", "closed"]), None),
        plan.get("state", &values(&["open", "closed", "all"]), None)
    );
}

#[test]
fn the_same_values_under_another_idea_are_another_type() {
    let api = api(vec![
        taking("issues", "list", "direction", enum_ty(&["asc", "desc"])),
        taking("pulls", "list", "direction", enum_ty(&["asc", "desc"])),
        taking("search", "code", "order", enum_ty(&["asc", "desc"])),
        taking("search", "users", "order", enum_ty(&["asc", "desc"])),
    ]);
    assert_eq!(names(&ParamEnums::new(&api)), ["Direction", "Order"]);
}

#[test]
fn spec_given_names_win_and_may_name_a_model_enum() {
    let named = |name: &str, v: &[&str]| Type::Enum {
        values: values(v),
        name: Some(name.to_owned()),
    };
    let mut api = api(vec![
        // Named once: still shared (the name is crate-wide), apart from the unnamed uses.
        taking(
            "issues",
            "a",
            "sort",
            named("IssueSort", &["created", "updated"]),
        ),
        taking("pulls", "a", "sort", enum_ty(&["created", "updated"])),
        taking("repos", "a", "sort", enum_ty(&["created", "updated"])),
        // A spec takes the idea's own name for another set: the unnamed set is spelled.
        taking("gists", "a", "state", named("State", &["open"])),
        taking("gists", "b", "state", enum_ty(&["open", "closed"])),
        taking("gists", "c", "state", enum_ty(&["open", "closed"])),
        taking(
            "reactions",
            "a",
            "content",
            named("ReactionContent", &["+1", "-1"]),
        ),
        // As a type of an array's items.
        taking(
            "reactions",
            "b",
            "content",
            Type::Array {
                items: Box::new(named("ReactionContent", &["-1", "+1"])),
            },
        ),
    ]);
    api.models.push(Model {
        name: "ReactionContent".into(),
        doc: String::new(),
        kind: ModelKind::Enum {
            values: values(&["+1", "-1"]),
        },
        source: "specs/models/x.yaml".into(),
        line: 1,
    });
    let plan = ParamEnums::new(&api);
    assert_eq!(
        names(&plan),
        [
            "IssueSort",
            "ReactionContent",
            "Sort",
            "State",
            "StateClosedOpen"
        ]
    );
    let model = plan
        .get("", &values(&["+1", "-1"]), Some("ReactionContent"))
        .unwrap();
    assert!(model.model);
    assert_eq!(
        model.path(&quote!(crate)).to_string(),
        "crate :: models :: ReactionContent"
    );
    let e = api
        .endpoints
        .iter()
        .find(|e| e.id == "b" && e.scope == "reactions");
    assert_eq!(plan.models_of(&api, e.unwrap()), ["ReactionContent"]);
    // The model is compiled with the features of the endpoints taking it.
    let models = crate::codegen::model_plan::ModelPlan::new(&api);
    assert_eq!(
        models
            .scopes
            .get("ReactionContent")
            .map(|s| s.iter().map(String::as_str).collect::<Vec<_>>()),
        Some(vec!["reactions"])
    );
}

#[test]
fn names_do_not_depend_on_the_order_of_specs_or_unrelated_specs() {
    let uses = vec![
        taking("issues", "list", "sort", enum_ty(&["created", "updated"])),
        taking("pulls", "list", "sort", enum_ty(&["updated", "created"])),
        taking(
            "issues",
            "listComments",
            "sort",
            enum_ty(&["created", "updated", "comments"]),
        ),
        taking(
            "pulls",
            "listComments",
            "sort",
            enum_ty(&["comments", "created", "updated"]),
        ),
    ];
    let plan = ParamEnums::new(&api(uses.clone()));
    let mut reversed = uses.clone();
    reversed.reverse();
    let mut more = uses;
    // Unrelated: another idea, and a set of this idea used once.
    more.push(taking(
        "orgs",
        "list",
        "direction",
        enum_ty(&["asc", "desc"]),
    ));
    more.push(taking(
        "orgs",
        "list2",
        "direction",
        enum_ty(&["asc", "desc"]),
    ));
    more.push(taking("repos", "list", "sort", enum_ty(&["pushed"])));
    let expected = ["SortCommentsCreatedUpdated", "SortCreatedUpdated"];
    assert_eq!(names(&plan), expected);
    assert_eq!(names(&ParamEnums::new(&api(reversed))), expected);
    assert_eq!(
        names(&ParamEnums::new(&api(more))),
        [
            "Direction",
            "SortCommentsCreatedUpdated",
            "SortCreatedUpdated"
        ]
    );
    assert_eq!(
        spelled_name("Sort", &values(&["+1", "-1", "long-running"])),
        "SortPlusOneMinusOneLongRunning"
    );
    assert_eq!(
        spelled_name("Filter", &values(&["2fa_disabled", "all"])),
        "Filter2faDisabledAll"
    );
}

#[test]
fn endpoints_name_the_shared_type_and_re_export_it_under_their_own_name() {
    let nested = Type::Object {
        fields: vec![crate::model::Param {
            spec_name: "options.direction".into(),
            ..param(
                "direction",
                Location::Body,
                enum_ty(&["asc", "desc"]),
                false,
            )
        }],
    };
    let api = api(vec![
        taking(
            "issues",
            "listForRepo",
            "direction",
            enum_ty(&["asc", "desc"]),
        ),
        endpoint(
            "pulls",
            "create",
            HttpMethod::Post,
            "/pulls",
            vec![param("options", Location::Body, nested, false)],
        ),
        taking("issues", "other", "direction", enum_ty(&["up"])),
    ]);
    let plan = ParamEnums::new(&api);
    // `options.direction` is another idea (`OptionsDirection`) than `direction`: used once each.
    assert!(plan.enums.is_empty(), "{:?}", names(&plan));
    let api = crate::codegen::tests::api(vec![
        taking(
            "issues",
            "listForRepo",
            "direction",
            enum_ty(&["asc", "desc"]),
        ),
        taking("pulls", "list", "direction", enum_ty(&["asc", "desc"])),
    ]);
    let src = crate::codegen::endpoint_source(&api, &api.endpoints[0]);
    has(
        &src,
        &[
            "pub fn direction(mut self, direction: Direction) -> Self",
            "pub use crate::params::Direction;",
        ],
    );
    assert!(!src.contains("pub enum"), "{src}");
    let files = crate::codegen::generate_crate(&api);
    let shared = files
        .iter()
        .find(|f| f.path == std::path::Path::new("src/params/shared.rs"))
        .expect("a params file for enums of several scopes");
    has(
        &shared.contents,
        &[
            "pub enum Direction { /// `asc` Asc, /// `desc` Desc,",
            "Other(String)",
            "The `direction` parameter of `client.issues().list_for_repo()`, `client.pulls().list()`.",
        ],
    );
    assert!(!shared.contents.contains("cfg"), "{}", shared.contents);
    let lib = files
        .iter()
        .find(|f| f.path == std::path::Path::new("src/lib.rs"))
        .unwrap();
    has(&lib.contents, &["pub mod params;"]);
}

#[test]
fn an_enum_of_one_scope_is_behind_its_feature_and_keeps_its_local_alias() {
    let api = api(vec![
        taking("packages", "a", "package_type", enum_ty(&["npm", "maven"])),
        taking("packages", "b", "package_type", enum_ty(&["npm", "maven"])),
    ]);
    let files = crate::codegen::generate_crate(&api);
    let module = files
        .iter()
        .find(|f| f.path == std::path::Path::new("src/params/mod.rs"))
        .unwrap();
    has(
        &module.contents,
        &["#[cfg(feature = \"packages\")] mod packages; #[cfg(feature = \"packages\")] pub use packages::*;"],
    );
    // Two parameters of one endpoint naming the same idea: the second local name is suffixed.
    let mut e = taking("packages", "c", "package_type", enum_ty(&["npm", "maven"]));
    e.params.push(crate::model::Param {
        spec_name: "package_type".into(),
        ..param("kind", Location::Query, enum_ty(&["npm", "maven"]), false)
    });
    let mut endpoints = api.endpoints.clone();
    endpoints.push(e);
    let api = crate::codegen::tests::api(endpoints);
    let c = api.endpoints.iter().find(|e| e.id == "c").unwrap();
    let src = crate::codegen::endpoint_source(&api, c);
    has(
        &src,
        &[
            "pub use crate::params::PackageType;",
            "pub use crate::params::PackageType as PackageType2;",
        ],
    );
}
