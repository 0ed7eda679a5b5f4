//! `build_api` on hand-made spec files: ordering, nesting, locations, bodies, diagnostics.

use std::path::PathBuf;

use super::*;
use crate::parse::{ExplicitParam, ParamRow, Route, SpecFile};

fn route(method: HttpMethod, text: &str, query: &[&str]) -> Route {
    let mut path = Vec::new();
    for (i, piece) in text.split(['{', '}']).enumerate() {
        if piece.is_empty() {
            continue;
        }
        path.push(if i % 2 == 1 {
            PathPart::Param(piece.into())
        } else {
            PathPart::Literal(piece.into())
        });
    }
    Route {
        method,
        origin: false,
        path,
        query: query.iter().map(|q| q.to_string()).collect(),
    }
}

fn row(name: &str, required: bool, description: &str, line: usize) -> ParamRow {
    ParamRow {
        name: name.into(),
        required,
        description: description.into(),
        line,
    }
}

fn spec(scope: &str, id: &str, route: Route, params: Vec<ParamRow>) -> SpecFile {
    SpecFile {
        path: PathBuf::from(format!("specs/{scope}/{id}.md")),
        scope_dir: scope.into(),
        method_id: id.into(),
        name: id.into(),
        example: String::new(),
        scope: scope.into(),
        kind: "API method".into(),
        route,
        route_line: 4,
        explicit: Vec::new(),
        title: id.into(),
        deprecated: false,
        renamed_to: None,
        renamed_line: 0,
        description: String::new(),
        params,
        docs_url: None,
        responses: Vec::new(),
    }
}

fn file_contents() -> SpecFile {
    spec(
        "repos",
        "createOrUpdateFileContents",
        route(
            HttpMethod::Put,
            "/repos/{owner}/{repo}/contents/{path}",
            &[],
        ),
        vec![
            row("message", true, "The commit message.", 10),
            row("owner", true, "The account owner.", 11),
            row("repo", true, "The name of the repository.", 12),
            row("path", true, "path parameter", 13),
            row(
                "committer",
                false,
                "The person that committed the file.",
                14,
            ),
            row("committer.name", true, "The name of the committer.", 15),
            row("type", false, "The type.", 16),
            row("files[].path", false, "The file path.", 17),
            row("files[].size", false, "", 18),
        ],
    )
}

fn one(s: SpecFile) -> Endpoint {
    build_api(&[s]).expect("builds").endpoints.remove(0)
}

#[test]
fn path_params_first_then_table_order() {
    let e = one(file_contents());
    let names: Vec<_> = e.params.iter().map(|p| p.wire_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "owner",
            "repo",
            "path",
            "message",
            "committer",
            "type",
            "files"
        ]
    );
    assert_eq!(e.rust_name, "create_or_update_file_contents");
    assert_eq!(e.params[5].rust_name, "r#type");
    assert_eq!(e.body, BodyKind::Json);
    assert_eq!(e.route, "PUT /repos/{owner}/{repo}/contents/{path}");
    assert!(e.params[2].allows_slash);
    assert!(!e.params[0].allows_slash);
}

#[test]
fn nesting_builds_objects_and_arrays() {
    let e = one(file_contents());
    let Type::Object { fields } = &e.params[4].ty else {
        panic!("committer is {:?}", e.params[4].ty)
    };
    assert_eq!(fields[0].spec_name, "committer.name");
    assert_eq!(fields[0].wire_name, "name");
    assert!(fields[0].required);
    let Type::Array { items } = &e.params[6].ty else {
        panic!("files is {:?}", e.params[6].ty)
    };
    let Type::Object { fields } = &**items else {
        panic!()
    };
    assert_eq!(fields[1].ty, Type::Integer);
}

#[test]
fn maps_from_star_rows() {
    let s = spec(
        "actions",
        "createWorkflowDispatch",
        route(HttpMethod::Post, "/x/{owner}", &[]),
        vec![
            row("owner", true, "", 1),
            row("inputs", false, "Input keys and values.", 2),
            row("inputs.*", false, "", 3),
        ],
    );
    let e = one(s);
    assert_eq!(
        e.params[1].ty,
        Type::Map {
            values: Box::new(Type::Any)
        }
    );
}

#[test]
fn locations_by_method_and_template() {
    let g = one(spec(
        "issues",
        "list",
        route(HttpMethod::Get, "/issues", &[]),
        vec![row("per_page", false, "The number of results.", 1)],
    ));
    assert_eq!(g.params[0].location, Location::Query);
    assert_eq!(g.params[0].ty, Type::Integer);
    assert_eq!(g.body, BodyKind::None);
    let d = one(spec(
        "actions",
        "deleteCaches",
        route(HttpMethod::Delete, "/caches", &["key"]),
        vec![
            row("key", true, "A key.", 1),
            row("assignees", false, "Usernames to remove.", 2),
        ],
    ));
    assert_eq!(d.params[0].location, Location::Query);
    assert_eq!(d.params[1].location, Location::Body);
}

#[test]
fn origin_row_is_not_a_param_and_data_is_raw() {
    let mut r = route(HttpMethod::Post, "/repos/{owner}/assets", &["name"]);
    r.origin = true;
    let e = one(spec(
        "repos",
        "uploadReleaseAsset",
        r,
        vec![
            row("owner", true, "", 1),
            row("name", true, "", 2),
            row("data", true, "The raw file data", 3),
            row("origin", false, "The URL origin", 4),
        ],
    ));
    assert!(e.origin);
    assert!(e.params.iter().all(|p| p.wire_name != "origin"));
    assert_eq!(
        e.body,
        BodyKind::Raw {
            param: "data".into(),
            content_type: None,
        }
    );
    assert_eq!(e.params[2].ty, Type::Bytes);
    assert_eq!(e.route, "POST {origin}/repos/{owner}/assets{?name}");
}

#[test]
fn data_alone_in_the_body_is_raw() {
    let e = one(spec(
        "markdown",
        "renderRaw",
        route(HttpMethod::Post, "/markdown/raw", &[]),
        vec![row(
            "data",
            true,
            "The Markdown source, sent as the body.",
            1,
        )],
    ));
    assert_eq!(
        e.body,
        BodyKind::Raw {
            param: "data".into(),
            content_type: None,
        }
    );
    let json = one(spec(
        "x",
        "create",
        route(HttpMethod::Post, "/x", &[]),
        vec![
            row("data", true, "The payload.", 1),
            row("name", true, "", 2),
        ],
    ));
    assert_eq!(json.body, BodyKind::Json);
}

#[test]
fn markdown_text_stays_json() {
    let e = one(spec(
        "markdown",
        "render",
        route(HttpMethod::Post, "/markdown", &[]),
        vec![row("text", true, "The Markdown text to render in HTML.", 1)],
    ));
    assert_eq!(e.body, BodyKind::Json);
    assert_eq!(e.params[0].ty, Type::String);
}

#[test]
fn explicit_entries_override_inference() {
    let mut s = spec(
        "issues",
        "create",
        route(HttpMethod::Post, "/issues", &[]),
        vec![
            row("milestone", false, "The milestone.", 9),
            row("labels", false, "Labels.", 10),
        ],
    );
    s.explicit = vec![
        ExplicitParam {
            name: "milestone".into(),
            location: Some("query".into()),
            ty: Some("integer".into()),
            items: None,
            values: None,
            nullable: Some(true),
            required: Some(true),
            description: None,
            line: 5,
            one_of: None,
            enum_name: None,
        },
        ExplicitParam {
            name: "labels".into(),
            location: None,
            ty: None,
            items: None,
            values: Some(vec!["+1".into(), "won't fix".into()]),
            nullable: None,
            required: None,
            description: Some("Reactions.".into()),
            line: 6,
            one_of: None,
            enum_name: None,
        },
    ];
    let e = one(s);
    let m = &e.params[0];
    assert_eq!(
        (m.location, &m.ty, m.required, m.nullable),
        (Location::Query, &Type::Integer, true, true)
    );
    assert_eq!(
        e.params[1].ty,
        Type::Enum {
            values: vec!["+1".into(), "won't fix".into()],
            name: None,
        }
    );
    assert_eq!(e.params[1].description, "Reactions.");
}

#[test]
fn endpoints_sorted_by_scope_and_id() {
    let a = spec("repos", "get", route(HttpMethod::Get, "/r", &[]), vec![]);
    let b = spec("issues", "list", route(HttpMethod::Get, "/i", &[]), vec![]);
    let c = spec(
        "issues",
        "create",
        route(HttpMethod::Post, "/i", &[]),
        vec![],
    );
    let api = build_api(&[a, b, c]).unwrap();
    let ids: Vec<_> = api
        .endpoints
        .iter()
        .map(|e| format!("{}.{}", e.scope, e.id))
        .collect();
    assert_eq!(ids, ["issues.create", "issues.list", "repos.get"]);
}

fn errors(specs: &[SpecFile]) -> Vec<Diagnostic> {
    build_api(specs).expect_err("should fail").0
}

#[test]
fn all_problems_are_reported_with_file_and_line() {
    let mut bad = spec(
        "repos",
        "get",
        route(HttpMethod::Get, "/repos/{owner}", &[]),
        vec![
            row("owner", false, "", 7),
            row("foo-bar", false, "", 8),
            row("foo_bar", false, "", 9),
        ],
    );
    bad.explicit = vec![ExplicitParam {
        name: "nope".into(),
        location: Some("cookie".into()),
        ty: Some("float".into()),
        items: None,
        values: None,
        nullable: None,
        required: None,
        description: None,
        line: 3,
        one_of: None,
        enum_name: None,
    }];
    bad.renamed_to = Some(("repos".into(), "missing".into()));
    bad.renamed_line = 12;
    let dup = spec("repos", "get", route(HttpMethod::Get, "/x", &[]), vec![]);
    let errs = errors(&[bad, dup]);
    let lines: Vec<_> = errs.iter().map(|d| (d.line, d.message.clone())).collect();
    let has =
        |line: usize, needle: &str| lines.iter().any(|(l, m)| *l == line && m.contains(needle));
    assert!(has(3, "not in the parameters table"), "{lines:?}");
    assert!(has(3, "unknown `in: cookie`"), "{lines:?}");
    assert!(has(3, "unknown `type: float`"), "{lines:?}");
    assert!(has(7, "marked optional"), "{lines:?}");
    assert!(has(9, "both map to the Rust name `foo_bar`"), "{lines:?}");
    assert!(has(12, "does not exist"), "{lines:?}");
    assert!(
        lines.iter().any(|(_, m)| m.contains("duplicate method")),
        "{lines:?}"
    );
    assert!(errs
        .iter()
        .all(|d| d.file.to_string_lossy().starts_with("specs/repos/")));
    assert!(errs.iter().all(|d| d.hint.is_some()));
}

#[test]
fn inspect_flattens_nested_params() {
    let api = build_api(&[file_contents()]).unwrap();
    let v = inspect_json(&api);
    let params = v["endpoints"][0]["params"].as_array().unwrap();
    let find = |n: &str| {
        params
            .iter()
            .find(|p| p["name"] == n)
            .unwrap_or_else(|| panic!("{n} missing"))
    };
    assert_eq!(find("committer.name")["type"], "string");
    assert_eq!(find("committer")["type"], "object");
    assert_eq!(find("files")["items"], "object");
    assert_eq!(find("files[].size")["type"], "integer");
    assert_eq!(find("owner")["in"], "path");
    assert_eq!(v["endpoints"][0]["method"], "PUT");
}

#[test]
fn explicit_entries_must_agree_with_route_and_nesting() {
    let mut s = spec(
        "repos",
        "get",
        route(HttpMethod::Post, "/repos/{owner}", &[]),
        vec![
            row("owner", true, "", 6),
            row("title", false, "", 7),
            row("author", false, "", 8),
            row("author.name", false, "", 9),
        ],
    );
    let entry = |name: &str, location: Option<&str>, ty: Option<&str>, line: usize| ExplicitParam {
        name: name.into(),
        location: location.map(Into::into),
        ty: ty.map(Into::into),
        items: None,
        values: None,
        nullable: None,
        required: None,
        description: None,
        line,
        one_of: None,
        enum_name: None,
    };
    s.explicit = vec![
        entry("owner", Some("query"), None, 1),
        entry("title", Some("path"), None, 2),
        entry("author", None, Some("string"), 3),
        entry("author.name", Some("query"), None, 4),
    ];
    let errs = errors(&[s]);
    let lines: Vec<_> = errs.iter().map(|d| d.line).collect();
    assert_eq!(lines, [1, 2, 3, 4], "{errs:?}");
}

#[test]
fn explicit_enum_values_are_distinct() {
    let mut s = spec(
        "issues",
        "create",
        route(HttpMethod::Post, "/i", &[]),
        vec![row("state", false, "", 9)],
    );
    s.explicit = vec![ExplicitParam {
        name: "state".into(),
        location: None,
        ty: Some("string".into()),
        items: None,
        values: Some(vec!["open".into(), "closed".into(), "open".into()]),
        nullable: None,
        required: None,
        description: None,
        line: 5,
        one_of: None,
        enum_name: None,
    }];
    let errs = errors(&[s]);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].message.contains("`open`") && errs[0].line == 5,
        "{errs:?}"
    );
}

#[test]
fn nesting_up_to_seven_levels() {
    let seven = "a.b[].c.d.e[].f.g";
    let ok = spec(
        "x",
        "deep",
        route(HttpMethod::Post, "/x", &[]),
        vec![row(seven, false, "", 3)],
    );
    let e = one(ok);
    let v = inspect_json(&Api {
        endpoints: vec![e],
        models: Vec::new(),
    });
    assert!(v["endpoints"][0]["params"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == seven));
    let eight = spec(
        "x",
        "deeper",
        route(HttpMethod::Post, "/x", &[]),
        vec![row("a.b[].c.d.e[].f.g.h", false, "", 3)],
    );
    let errs = errors(&[eight]);
    assert!(
        errs[0].message.contains("more than 7 levels") && errs[0].line == 3,
        "{errs:?}"
    );
}

#[test]
fn renames_must_not_loop() {
    let mut a = spec(
        "repos",
        "oldName",
        route(HttpMethod::Get, "/a", &[]),
        vec![],
    );
    a.renamed_to = Some(("repos".into(), "oldName".into()));
    a.renamed_line = 8;
    let errs = errors(&[a]);
    assert!(
        errs[0].message.contains("leads back") && errs[0].line == 8,
        "{errs:?}"
    );
    let mut b = spec("repos", "old", route(HttpMethod::Get, "/b", &[]), vec![]);
    b.renamed_to = Some(("repos".into(), "new".into()));
    let c = spec("repos", "new", route(HttpMethod::Get, "/b", &[]), vec![]);
    let api = build_api(&[b, c]).unwrap();
    assert!(api
        .endpoints
        .iter()
        .any(|e| e.renamed_to.is_some() && e.deprecated));
}

#[test]
fn route_params_need_rows() {
    let s = spec(
        "repos",
        "get",
        route(HttpMethod::Post, "/repos/{owner}", &["page"]),
        vec![],
    );
    let errs = errors(&[s]);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(errs
        .iter()
        .all(|d| d.line == 4 && d.message.contains("has no row")));
}

#[test]
fn optional_route_param_tolerated_only_with_a_body() {
    let rows = || vec![row("name", false, "The name of the variable.", 5)];
    let patch = one(spec(
        "actions",
        "updateVar",
        route(HttpMethod::Patch, "/v/{name}", &[]),
        rows(),
    ));
    assert!(patch.params[0].required);
    assert_eq!(patch.params[0].location, Location::Path);
    let get = spec(
        "actions",
        "getVar",
        route(HttpMethod::Get, "/v/{name}", &[]),
        rows(),
    );
    assert!(errors(&[get])[0].message.contains("marked optional"));
}

#[test]
fn scopes_differing_in_case_are_one_module() {
    let get = |scope: &str| spec(scope, "getThing", route(HttpMethod::Get, "/x", &[]), vec![]);
    let errs = errors(&[get("things"), get("Things")]);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0]
        .message
        .contains("duplicate method `things.getThing`"));
    assert!(build_api(&[get("things"), get("otherThings")]).is_ok());
}

#[test]
fn notification_triggering_endpoints_are_flagged_and_inspected() {
    let mut notifying = spec(
        "issues",
        "create",
        route(HttpMethod::Post, "/repos/{owner}/{repo}/issues", &[]),
        vec![
            row("owner", true, "The account owner.", 10),
            row("repo", true, "The name of the repository.", 11),
            row("title", true, "The title.", 12),
        ],
    );
    notifying.description =
        "Creates an issue.\n\nThis endpoint triggers [notifications](https://docs.github.com/x)."
            .into();
    let api = build_api(&[notifying, file_contents()]).unwrap();
    let flags: Vec<_> = api
        .endpoints
        .iter()
        .map(|e| (e.id.as_str(), e.triggers_notifications))
        .collect();
    assert_eq!(
        flags,
        [("create", true), ("createOrUpdateFileContents", false)]
    );
    let v = inspect_json(&api);
    let find = |id: &str| {
        v["endpoints"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(find("create")["triggers_notifications"], true);
    assert!(find("createOrUpdateFileContents")
        .get("triggers_notifications")
        .is_none());
}
