//! Hand-built endpoints with every awkward shape the model can express (odd enum values,
//! keyword and clashing names, nested objects, maps, integer-or-string, headers, uploads,
//! hostile doc text, renames across scopes) generate a crate that checks, lints and
//! documents clean.

use std::path::PathBuf;

use client_generator::codegen;
use client_generator::model::{
    Alternative, Api, BodyKind, Endpoint, HttpMethod, Location, Param, PathPart, ServerDefault,
    ServerParam, Type,
};
use client_generator::write;
use github_client_suite::{assert_crate_builds_clean, cargo_in};

fn p(spec: &str, rust: &str, location: Location, ty: Type, required: bool) -> Param {
    Param {
        spec_name: spec.into(),
        wire_name: spec
            .rsplit(['.', ']'])
            .next()
            .unwrap_or(spec)
            .trim_start_matches('.')
            .into(),
        rust_name: rust.into(),
        location,
        ty,
        required,
        nullable: false,
        allows_slash: false,
        deprecated: false,
        aliases: Vec::new(),
        description: format!(
            "The `{spec}` <b>parameter</b>, see https://example.com/{spec} or [x]."
        ),
        line: 1,
    }
}

fn path_of(route: &str) -> Vec<PathPart> {
    let mut parts = Vec::new();
    let mut rest = route.split("{?").next().unwrap_or(route);
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').unwrap();
        parts.push(PathPart::Literal(rest[..open].into()));
        parts.push(PathPart::Param(rest[open + 1..close].into()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        parts.push(PathPart::Literal(rest.into()));
    }
    parts
}

fn e(
    scope: &str,
    id: &str,
    rust: &str,
    method: HttpMethod,
    route: &str,
    params: Vec<Param>,
) -> Endpoint {
    let body = if params.iter().any(|p| p.location == Location::Body) {
        BodyKind::Json
    } else {
        BodyKind::None
    };
    Endpoint {
        scope: scope.into(),
        id: id.into(),
        rust_name: rust.into(),
        title: format!("{id} */ \"# #[evil]"),
        method,
        route: format!("{method:?} {route}").to_uppercase().replace(&route.to_uppercase(), route),
        origin: false,
        server: None,
        path: path_of(route),
        query_template: Vec::new(),
        description: "Text with <details><summary>html</summary></details>, a `*/`, \"#, #[attr],\n\n```js\nconsole.log(1)\n```\n\n    indented code\n\nand [broken][ref] [links], https://bare.example.com/x.\t Tabs\ttoo."
            .into(),
        deprecated: false,
        triggers_notifications: false,
        renamed_to: None,
        docs_url: Some("https://docs.github.com/rest/x#y".into()),
        params,
        body,
        responses: Vec::new(),
        source: PathBuf::from(format!("specs/{scope}/{id}.md")),
    }
}

fn enum_of(values: &[&str]) -> Type {
    Type::Enum {
        values: values.iter().map(|v| (*v).to_owned()).collect(),
        name: None,
    }
}

fn edge_api() -> Api {
    use HttpMethod::*;
    use Location::*;
    let reactions = enum_of(&[
        "+1",
        "-1",
        "laugh",
        "won't fix",
        "100644",
        "other",
        "Other",
        "",
        "a-b",
        "A_B",
        "state",
    ]);
    let mut nested_fields = vec![
        p(
            "committer.type",
            "r#type",
            Body,
            enum_of(&["user", "bot"]),
            true,
        ),
        p(
            "committer.enterprise-team",
            "enterprise_team",
            Body,
            Type::String,
            false,
        ),
        p("committer.when", "when", Body, Type::String, false),
    ];
    nested_fields[2].nullable = true;
    let mut items = vec![
        p(
            "files[].mode",
            "mode",
            Body,
            enum_of(&["100644", "100755", "040000"]),
            false,
        ),
        p("files[].content", "content", Body, Type::Bytes, false),
    ];
    items[1].ty = Type::String;
    let mut nullable_req = p("milestone", "milestone", Body, Type::IntegerOrString, true);
    nullable_req.nullable = true;
    let mut nullable_opt = p("assignee", "assignee", Body, Type::String, false);
    nullable_opt.nullable = true;
    let mut slashed = p("ref", "r#ref", Path, Type::String, true);
    slashed.allows_slash = true;

    let kitchen = e(
        "weirdScope",
        "kitchenSink",
        "kitchen_sink",
        Post,
        "/x/{owner}/{ref}/{id}/{kind}/{enterprise-team}/{flag}",
        vec![
            p("owner", "owner", Path, Type::String, true),
            slashed,
            p("id", "id", Path, Type::IntegerOrString, true),
            p("kind", "kind", Path, enum_of(&["a", "b"]), true),
            p(
                "enterprise-team",
                "enterprise_team",
                Path,
                Type::String,
                true,
            ),
            p("flag", "flag", Path, Type::Boolean, true),
            p("client", "client", Query, Type::Integer, false),
            p("build", "build", Query, Type::Number, false),
            p("send", "send", Query, Type::Boolean, false),
            p("self", "self_", Query, Type::String, false),
            p("origin", "origin", Query, Type::String, false),
            p(
                "labels",
                "labels",
                Query,
                Type::Array {
                    items: Box::new(Type::String),
                },
                false,
            ),
            p(
                "states",
                "states",
                Query,
                Type::Array {
                    items: Box::new(enum_of(&["open", "closed"])),
                },
                false,
            ),
            p(
                "ids",
                "ids",
                Query,
                Type::Array {
                    items: Box::new(Type::Integer),
                },
                true,
            ),
            p(
                "x-github-api-version",
                "x_github_api_version",
                Header,
                Type::String,
                false,
            ),
            p("content", "content", Body, reactions, true),
            p(
                "committer",
                "committer",
                Body,
                Type::Object {
                    fields: nested_fields,
                },
                false,
            ),
            p(
                "files",
                "files",
                Body,
                Type::Array {
                    items: Box::new(Type::Object { fields: items }),
                },
                false,
            ),
            p(
                "inputs",
                "inputs",
                Body,
                Type::Map {
                    values: Box::new(Type::Any),
                },
                false,
            ),
            p(
                "counts",
                "counts",
                Body,
                Type::Map {
                    values: Box::new(enum_of(&["x"])),
                },
                false,
            ),
            nullable_req,
            nullable_opt,
            p("score", "score", Body, Type::Number, false),
            p("extra", "extra", Body, Type::Any, false),
            p(
                "free",
                "free",
                Body,
                Type::Object { fields: Vec::new() },
                false,
            ),
            p(
                "kitchen_sink",
                "kitchen_sink",
                Body,
                enum_of(&["same-name-as-builder"]),
                false,
            ),
        ],
    );
    let mut upload = e(
        "weirdScope",
        "upload",
        "upload",
        Post,
        "/up/{id}",
        vec![
            p("id", "id", Path, Type::Integer, true),
            p("name", "name", Query, Type::String, false),
            p("data", "data", Body, Type::Bytes, false),
        ],
    );
    upload.origin = true;
    upload.route = "POST {origin}/up/{id}{?name}".to_owned();
    upload.body = BodyKind::Raw {
        param: "data".into(),
        content_type: Some("text/plain".into()),
    };
    upload.server = Some(ServerParam {
        description: "The upload host.".into(),
        default: Some(ServerDefault::Uploads),
    });
    // An `{origin}` without a default (a management console): a required argument.
    let mut manage = e(
        "other",
        "manageVersion",
        "manage_version",
        Get,
        "/manage/v1/version",
        vec![],
    );
    manage.origin = true;
    manage.route = "GET {origin}/manage/v1/version".to_owned();
    manage.server = Some(ServerParam {
        description: String::new(),
        default: None,
    });
    // Alternatives (merged into the body and nested), unions, deprecations, aliases.
    let alt = |name: &str, fields: Vec<Param>| Alternative {
        name: name.into(),
        ty: Type::Object { fields },
    };
    let mut closing = p("location", "location", Body, Type::String, false);
    closing.deprecated = true;
    let mut renamed = p("number", "number", Path, Type::Integer, true);
    renamed.aliases = vec!["id".into(), "type".into()];
    let choices = e(
        "other",
        "choices",
        "choices",
        Post,
        "/choices/{number}",
        vec![
            renamed,
            p(
                "repository_id_or_pull_request",
                "repository_id_or_pull_request",
                Body,
                Type::OneOf {
                    alternatives: vec![
                        alt(
                            "repository_id",
                            vec![p(
                                "repository_id",
                                "repository_id",
                                Body,
                                Type::Integer,
                                true,
                            )],
                        ),
                        alt(
                            "pull_request",
                            vec![p(
                                "pull_request",
                                "pull_request",
                                Body,
                                Type::Object {
                                    fields: vec![p(
                                        "pull_request.number",
                                        "number",
                                        Body,
                                        Type::Integer,
                                        true,
                                    )],
                                },
                                true,
                            )],
                        ),
                    ],
                    merged: true,
                },
                true,
            ),
            p(
                "source",
                "source",
                Body,
                Type::OneOf {
                    alternatives: vec![
                        Alternative {
                            name: "string".into(),
                            ty: Type::String,
                        },
                        alt(
                            "branch",
                            vec![
                                p("source.branch", "branch", Body, Type::String, true),
                                p("source.path", "path", Body, Type::String, false),
                            ],
                        ),
                    ],
                    merged: false,
                },
                false,
            ),
            p(
                "value",
                "value",
                Body,
                Type::Union {
                    types: vec![
                        Type::String,
                        Type::Number,
                        Type::Object { fields: Vec::new() },
                    ],
                },
                false,
            ),
            p(
                "public",
                "public",
                Query,
                Type::Union {
                    types: vec![Type::Boolean, Type::String],
                },
                false,
            ),
            closing,
        ],
    );
    let mut deprecated = e("other", "oldThing", "old_thing", Delete, "/old", vec![]);
    deprecated.deprecated = true;
    let mut alias = e(
        "other",
        "kitchenSinkAlias",
        "kitchen_sink_alias",
        Post,
        "/x",
        vec![],
    );
    alias.renamed_to = Some(("weirdScope".into(), "kitchenSink".into()));
    alias.deprecated = true;
    let mut alias_of_deprecated = e("weirdScope", "older", "r#move", Get, "/old", vec![]);
    alias_of_deprecated.renamed_to = Some(("other".into(), "oldThing".into()));
    let keyword = e(
        "other",
        "type",
        "r#type",
        Get,
        "/type/{type}",
        vec![p("type", "r#type", Path, Type::String, true)],
    );
    let no_params = e("other", "root", "root", Get, "/", vec![]);
    let inception = e("other", "other", "other", Get, "/other", vec![]);
    // Names that would shadow the prelude generated code relies on.
    let shadowing = e(
        "result",
        "option",
        "option",
        Post,
        "/r/{self}",
        vec![
            p("self", "self_", Path, enum_of(&["a"]), true),
            p("string", "string", Body, enum_of(&["b"]), true),
            p(
                "vec",
                "vec",
                Body,
                Type::Object {
                    fields: vec![p("vec.x", "x", Body, Type::String, true)],
                },
                false,
            ),
            p(
                "some",
                "some",
                Query,
                Type::Array {
                    items: Box::new(enum_of(&["c"])),
                },
                false,
            ),
        ],
    );
    // Method and setter names that clippy has conventions for (`to_*`, `is_*`, trait names).
    let convention_names = [
        "add",
        "next",
        "borrow",
        "clone",
        "default",
        "deref",
        "drop",
        "eq",
        "hash",
        "into_iter",
        "neg",
        "not",
        "from_str",
        "as_ref",
        "to_owned_thing",
        "into_thing",
        "from_thing",
        "is_thing",
        "new",
        "len",
        "is_empty",
        "iter",
    ];
    let conventions = convention_names.iter().map(|name| {
        let params = vec![
            p(name, name, Query, Type::Boolean, false),
            p(
                &format!("{name}_x"),
                &format!("{name}_x"),
                Query,
                Type::Boolean,
                false,
            ),
        ];
        e(
            "conventions",
            name,
            name,
            Get,
            &format!("/c/{name}"),
            params,
        )
    });
    let mut endpoints = vec![
        kitchen,
        upload,
        manage,
        choices,
        deprecated,
        alias,
        alias_of_deprecated,
        keyword,
        no_params,
        inception,
        shadowing,
        // A scope named like a keyword.
        e("type", "get", "get", Get, "/t", vec![]),
    ];
    endpoints.extend(conventions);
    endpoints.sort_by(|a, b| (&a.scope, &a.id).cmp(&(&b.scope, &b.id)));
    Api {
        endpoints,
        models: Vec::new(),
    }
}

#[test]
fn edge_cases_generate_a_crate_that_checks_and_lints_clean() {
    let files = codegen::generate_crate(&edge_api());
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("github-rest-client");
    write::generate(&dir, &files).unwrap_or_else(|d| panic!("{d}"));
    assert_crate_builds_clean(&dir, "the edge-case crate");

    // A scope whose renamed alias forwards to another scope enables that scope's feature.
    for features in [
        &["--no-default-features"][..],
        &["--no-default-features", "--features", "other"][..],
    ] {
        let args = [&["check", "--quiet"][..], features].concat();
        let (ok, stderr, _) = cargo_in(&dir, &args);
        assert!(ok, "cargo {args:?} failed:\n{stderr}");
    }
}
