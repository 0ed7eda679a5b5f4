//! Code generation from hand-built endpoints: shapes of methods, builders, wire handling.

use super::*;
use std::path::Path;

use crate::model::{BodyKind, HttpMethod, Location, Param, PathPart, Type};

fn rust_name(name: &str) -> String {
    let snake = heck::ToSnakeCase::to_snake_case(name);
    if snake == "type" {
        "r#type".into()
    } else {
        snake
    }
}

pub(crate) fn param(wire: &str, location: Location, ty: Type, required: bool) -> Param {
    Param {
        spec_name: wire.into(),
        wire_name: wire.into(),
        rust_name: rust_name(wire),
        location,
        ty,
        required,
        nullable: false,
        allows_slash: false,
        deprecated: false,
        aliases: Vec::new(),
        description: format!("The {wire}."),
        line: 1,
    }
}

pub(crate) fn endpoint(
    scope: &str,
    id: &str,
    method: HttpMethod,
    route: &str,
    params: Vec<Param>,
) -> Endpoint {
    let (origin, rest) = match route.strip_prefix("{origin}") {
        Some(rest) => (true, rest),
        None => (false, route),
    };
    let (path_text, query) = match rest.split_once("{?") {
        Some((p, q)) => (
            p,
            q.trim_end_matches('}')
                .split(',')
                .map(String::from)
                .collect(),
        ),
        None => (rest, Vec::new()),
    };
    let mut path = Vec::new();
    let mut rest = path_text;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').unwrap() + open;
        path.push(PathPart::Literal(rest[..open].into()));
        path.push(PathPart::Param(rest[open + 1..close].into()));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        path.push(PathPart::Literal(rest.into()));
    }
    let body = if params.iter().any(|p| p.location == Location::Body) {
        BodyKind::Json
    } else {
        BodyKind::None
    };
    Endpoint {
        scope: scope.into(),
        id: id.into(),
        rust_name: rust_name(id),
        title: format!("Title of {id}"),
        method,
        route: format!("{} {route}", format!("{method:?}").to_uppercase()),
        origin,
        server: origin.then(|| crate::model::ServerParam {
            description: "The upload server.".into(),
            default: Some(crate::model::ServerDefault::Uploads),
        }),
        path,
        query_template: query,
        description: "Does things.".into(),
        deprecated: false,
        triggers_notifications: false,
        renamed_to: None,
        docs_url: Some(format!("https://docs.github.com/rest/{scope}#{id}")),
        params,
        body,
        responses: Vec::new(),
        source: PathBuf::from(format!("specs/{scope}/{id}.md")),
    }
}

fn packages_endpoint() -> Endpoint {
    let package_type = Type::Enum {
        values: ["npm", "maven", "rubygems", "docker", "nuget", "container"]
            .map(String::from)
            .to_vec(),
        name: None,
    };
    endpoint(
        "packages",
        "getPackageVersionForOrganization",
        HttpMethod::Get,
        "/orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}",
        vec![
            param("org", Location::Path, Type::String, true),
            param("package_type", Location::Path, package_type, true),
            param("package_name", Location::Path, Type::String, true),
            param("package_version_id", Location::Path, Type::Integer, true),
        ],
    )
}

pub(crate) fn issues_create() -> Endpoint {
    let mut milestone = param("milestone", Location::Body, Type::IntegerOrString, false);
    milestone.nullable = true;
    let mut state = param(
        "state",
        Location::Body,
        Type::Enum {
            values: vec!["open".into(), "closed".into()],
            name: None,
        },
        false,
    );
    state.description = "State <b>here</b>:\n\n```js\nfoo()\n```".into();
    endpoint(
        "issues",
        "create",
        HttpMethod::Post,
        "/repos/{owner}/{repo}/issues",
        vec![
            param("owner", Location::Path, Type::String, true),
            param("repo", Location::Path, Type::String, true),
            param("title", Location::Body, Type::String, true),
            param("body", Location::Body, Type::String, false),
            milestone,
            state,
            param(
                "labels",
                Location::Body,
                Type::Array {
                    items: Box::new(Type::String),
                },
                false,
            ),
        ],
    )
}

fn upload() -> Endpoint {
    let mut e = endpoint(
        "repos",
        "uploadReleaseAsset",
        HttpMethod::Post,
        "{origin}/repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
        vec![
            param("owner", Location::Path, Type::String, true),
            param("repo", Location::Path, Type::String, true),
            param("release_id", Location::Path, Type::Integer, true),
            param("name", Location::Query, Type::String, true),
            param("label", Location::Query, Type::String, false),
            param("data", Location::Body, Type::Bytes, true),
        ],
    );
    e.body = BodyKind::Raw {
        param: "data".into(),
        content_type: None,
    };
    e
}

pub(crate) fn api(endpoints: Vec<Endpoint>) -> Api {
    let mut endpoints = endpoints;
    endpoints.sort_by(|a, b| (&a.scope, &a.id).cmp(&(&b.scope, &b.id)));
    Api {
        endpoints,
        models: Vec::new(),
    }
}

/// Code without whitespace or trailing commas, so layout choices of prettyplease don't matter.
fn squash(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    s.replace(",)", ")").replace(",}", "}").replace(",>", ">")
}

/// Assert that `src` contains every needle, compared squashed.
pub(crate) fn has(src: &str, needles: &[&str]) {
    let squashed = squash(src);
    for n in needles {
        assert!(squashed.contains(&squash(n)), "missing `{n}` in\n{src}");
    }
}

/// Assert that `src` contains none of the needles, compared squashed.
pub(crate) fn lacks(src: &str, needles: &[&str]) {
    let squashed = squash(src);
    for n in needles {
        assert!(!squashed.contains(&squash(n)), "unexpected `{n}` in\n{src}");
    }
}

#[test]
fn path_params_are_arguments_in_route_order_and_encoded() {
    let e = packages_endpoint();
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(&src, &["pub fn get_package_version_for_organization( &self, org: impl Into<String>, package_type: get_package_version_for_organization::PackageType,"]);
    // The route and its values in route order, each encoded by its kind.
    has(
        &src,
        &[
            r#"Request::at( self.client, Method::Get, "/orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}", &[ PathValue::Segment(&self.org), PathValue::Segment(self.package_type.as_str()), PathValue::Segment(&self.package_name), PathValue::Integer(self.package_version_id), ], )"#,
            "use crate::runtime::{Client, Method, Request, ResponseFuture};",
            "use crate::runtime::__private::{PathValue, RequestExt as _};",
        ],
    );
    lacks(&src, &["format!("]);
    has(
        &src,
        &["package_type, package_name: package_name.into(), package_version_id, }"],
    );
    has(&src, &["pub enum PackageType"]);
    has(
        &src,
        &["pub fn send(self) -> ResponseFuture<'c> { self.build().send() }"],
    );
    has(
        &src,
        &["GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"],
    );
}

#[test]
fn optional_params_are_setters_and_json_body_uses_wire_names() {
    let e = issues_create();
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(&src, &["pub fn create( &self, owner: impl Into<String>, repo: impl Into<String>, title: impl Into<String>, ) -> create::Create<'c>"]);
    has(
        &src,
        &["pub fn milestone( mut self, milestone: Option<IntOrString>, ) -> Self"],
    );
    has(&src, &["pub(super) milestone: Option<Option<IntOrString>>"]);
    has(&src, &[r#"body.field("title", &self.title);"#]);
    has(&src, &[r#"body.opt("milestone", &self.milestone);"#]);
    has(&src, &["req = req.json(body);"]);
    has(&src, &["```text"]);
    has(&src, &[r"State \<b>here\</b>:"]);
}

#[test]
fn all_optional_body_is_omitted_when_nothing_is_set() {
    // issues.lock: `PUT …/lock` whose only body field is optional; the recording (Octokit)
    // sends no body, so `Content-Length: 0`, not `{}`.
    let e = endpoint(
        "issues",
        "lock",
        HttpMethod::Put,
        "/repos/{owner}/{repo}/issues/{issue_number}/lock",
        vec![
            param("owner", Location::Path, Type::String, true),
            param("repo", Location::Path, Type::String, true),
            param("issue_number", Location::Path, Type::Integer, true),
            param("lock_reason", Location::Body, Type::String, false),
        ],
    );
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &[
            r#"body.opt("lock_reason", &self.lock_reason); if !body.is_empty() { req = req.json(body); }"#,
        ],
    );
    // A PATCH always sends its object, `{}` when nothing is set (GitHub's description
    // requires a body there).
    let e = endpoint(
        "repos",
        "updateWebhook",
        HttpMethod::Patch,
        "/repos/{owner}/{repo}/hooks/{hook_id}",
        vec![
            param("owner", Location::Path, Type::String, true),
            param("repo", Location::Path, Type::String, true),
            param("hook_id", Location::Path, Type::Integer, true),
            param("active", Location::Body, Type::Boolean, false),
        ],
    );
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &[r#"body.opt("active", &self.active); req = req.json(body);"#],
    );
    lacks(&src, &["is_empty()"]);
    // A required field makes the object non-empty: attached unconditionally.
    let e = issues_create();
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    lacks(&src, &["is_empty()"]);
    has(&src, &["req = req.json(body);"]);
}

#[test]
fn uploads_go_to_origin_with_raw_body_and_query() {
    let e = upload();
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(&src, &["data: impl Into<Vec<u8>>"]);
    has(&src, &[".uploads()"]);
    has(&src, &["req = req.origin(origin);"]);
    has(&src, &[r#"req = req.query("name", self.name);"#]);
    has(
        &src,
        &[r#"if let Some(value) = self.label { req = req.query("label", value); }"#],
    );
    has(&src, &["req = req.raw(self.data);"]);
    lacks(&src, &["JsonObject"]);
}

#[test]
fn renamed_endpoint_forwards_to_target() {
    let target = packages_endpoint();
    let mut alias = packages_endpoint();
    alias.scope = "orgs".into();
    alias.id = "getPackageVersion".into();
    alias.rust_name = "get_package_version".into();
    alias.renamed_to = Some(("packages".into(), "getPackageVersionForOrganization".into()));
    alias.deprecated = true;
    let api = api(vec![target, alias.clone()]);
    let src = endpoint_source(&api, &alias);
    has(
        &src,
        &[r#"#[deprecated(note = "renamed to `Packages::get_package_version_for_organization`")]"#],
    );
    has(&src, &["self.client.packages().get_package_version_for_organization(org, package_type, package_name, package_version_id)"]);
    assert!(
        !src.contains("pub mod"),
        "an alias has no code of its own: {src}"
    );
    let files = generate_crate(&api);
    let cargo = &files
        .iter()
        .find(|f| f.path == Path::new("Cargo.toml"))
        .unwrap()
        .contents;
    assert!(cargo.contains("orgs = [\"packages\"]"), "{cargo}");
    assert!(
        cargo.contains("default = [\"orgs\", \"packages\"]"),
        "{cargo}"
    );
}

#[test]
fn crate_is_deterministic_and_marked() {
    let a = api(vec![packages_endpoint(), issues_create(), upload()]);
    let one = generate_crate(&a);
    let two = generate_crate(&a);
    assert_eq!(one, two);
    let paths: Vec<String> = one.iter().map(|f| f.path.display().to_string()).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
    for f in &one {
        assert!(
            f.contents.contains(MARKER_TEXT),
            "{} lacks the marker",
            f.path.display()
        );
        if f.path.extension().is_some_and(|e| e == "rs") {
            syn::parse_file(&f.contents).unwrap_or_else(|e| panic!("{}: {e}", f.path.display()));
        }
    }
    assert!(paths.contains(&"src/issues.rs".to_owned()), "{paths:?}");
    assert!(
        paths.contains(&"src/runtime/types.rs".to_owned()),
        "{paths:?}"
    );
}

#[test]
fn spec_text_cannot_inject_code() {
    let mut e = packages_endpoint();
    e.title = "Evil */ fn pwned() {} /*".into();
    e.description = "\"#]\nfn injected() {}\n#[doc = r#\"\n*/ } fn x() { /*".into();
    e.params[0].description = "`*/` \"# #[cfg(any())]".into();
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    let file = syn::parse_file(&src).unwrap();
    assert_eq!(file.items.len(), 2, "{src}");
    let syn::Item::Impl(methods) = &file.items[0] else {
        panic!("{src}")
    };
    assert_eq!(methods.items.len(), 1, "{src}");
    let syn::Item::Mod(module) = &file.items[1] else {
        panic!("{src}")
    };
    // The builder struct, its `Debug` and its impl, and the enum with its three impls
    // (`Debug`, `as_str`, `Serialize`) after the `use` items: nothing else.
    let items = &module.content.as_ref().unwrap().1;
    let code = items.iter().filter(|i| !matches!(i, syn::Item::Use(_)));
    assert_eq!(code.count(), 7, "{src}");
}

#[test]
fn runtime_file_list_matches_runtime_dir() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    on_disk.sort();
    let listed: Vec<String> = krate::RUNTIME_FILES
        .iter()
        .map(|(n, _)| (*n).to_owned())
        .collect();
    assert_eq!(listed, on_disk, "update RUNTIME_FILES in codegen/krate.rs");
}

#[test]
fn every_crate_the_runtime_uses_is_a_dependency() {
    let mut roots = std::collections::BTreeSet::new();
    // Code lines only: doc examples name the user's crates (`github_rest_client::`, …).
    let code = krate::RUNTIME_FILES
        .iter()
        .flat_map(|(_, text)| text.lines())
        .filter(|l| !l.trim_start().starts_with("//"));
    for line in code {
        for word in line.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')) {
            if let Some((root, _)) = word.split_once("::") {
                if !root.is_empty() && root.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    roots.insert(root.to_owned());
                }
            }
        }
    }
    // (`clippy::` is the lint tool's namespace in `#[allow(..)]`, not a crate.)
    let primitives = [
        "std", "core", "alloc", "crate", "super", "self", "str", "u8", "u16", "u32", "u64", "i64",
        "usize", "clippy",
    ];
    // Modules of the runtime itself and names imported from the standard library.
    let std_imports: String = krate::RUNTIME_FILES
        .iter()
        .flat_map(|(_, text)| text.lines())
        .filter(|l| {
            l.trim_start().starts_with("use std::") || l.trim_start().starts_with("use core::")
        })
        .collect();
    roots.retain(|r| {
        !primitives.contains(&r.as_str())
            && !krate::RUNTIME_FILES
                .iter()
                .any(|(f, _)| f.trim_end_matches(".rs") == r)
            && !std_imports.contains(r.as_str())
    });
    let deps = krate::RUNTIME_DEPENDENCIES.replace('-', "_");
    let missing: Vec<&String> = roots
        .iter()
        .filter(|r| !deps.lines().any(|l| l.starts_with(&format!("{r} "))))
        .collect();
    assert!(
        missing.is_empty(),
        "runtime uses crates missing from RUNTIME_DEPENDENCIES: {missing:?}"
    );
}

/// An endpoint with alternatives, a union, a deprecated row and an alias of a path parameter.
pub(crate) fn choices_endpoint() -> Endpoint {
    let object = |fields| Type::Object { fields };
    let mut number = param("number", Location::Path, Type::Integer, true);
    number.aliases = vec!["number_id".into()];
    let mut old = param("location", Location::Body, Type::String, false);
    old.deprecated = true;
    let mut pr = param("pull_request", Location::Body, object(vec![]), true);
    pr.ty = object(vec![param(
        "pull_request.number",
        Location::Body,
        Type::Integer,
        true,
    )]);
    pr.ty = match pr.ty {
        Type::Object { mut fields } => {
            fields[0].wire_name = "number".into();
            fields[0].rust_name = "number".into();
            Type::Object { fields }
        }
        t => t,
    };
    let alternatives = vec![
        crate::model::Alternative {
            name: "repository_id".into(),
            ty: object(vec![param(
                "repository_id",
                Location::Body,
                Type::Integer,
                true,
            )]),
        },
        crate::model::Alternative {
            name: "pull_request".into(),
            ty: object(vec![pr]),
        },
    ];
    let choice = param(
        "target",
        Location::Body,
        Type::OneOf {
            alternatives,
            merged: true,
        },
        true,
    );
    let value = param(
        "value",
        Location::Body,
        Type::Union {
            types: vec![Type::String, Type::Number],
        },
        false,
    );
    endpoint(
        "things",
        "create",
        HttpMethod::Post,
        "/things/{number}",
        vec![number, choice, value, old],
    )
}

#[test]
fn merged_alternatives_are_an_enum_argument_merged_into_the_body() {
    let e = choices_endpoint();
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &[
            "target: create::Target",
            "pub(super) target: Target,",
            "#[serde(untagged)] pub enum Target",
            "RepositoryId { /// The repository_id. repository_id: i64 }",
            "PullRequest { /// The pull_request. pull_request: PullRequest }",
            "body.merge(&self.target);",
            "impl PullRequest { /// A value with the required fields; optional ones are unset (`None`). #[inline] pub fn new(number: i64) -> Self { Self { number } } }",
        ],
    );
}

#[test]
fn unions_convert_from_each_member_type() {
    let e = choices_endpoint();
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &[
            "pub fn value(mut self, value: impl Into<Value>) -> Self { self.value = Some(value.into()); self }",
            "pub enum Value { String(String), Number(f64) }",
            "impl From<f64> for Value",
            "impl From<&str> for Value",
        ],
    );
}

#[test]
fn deprecated_rows_and_old_names_are_deprecated_setters() {
    let e = choices_endpoint();
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &[
            "#[deprecated(note = \"the API docs say this parameter is closing down\")] #[inline] pub fn location(",
            "#[deprecated(note = \"renamed to the argument `number`\")] #[inline] pub fn number_id(mut self, number: i64) -> Self { self.number = number; self }",
        ],
    );
}

#[test]
fn raw_bodies_send_their_media_type_and_origins_without_default_are_arguments() {
    let mut e = upload();
    e.body = BodyKind::Raw {
        param: "data".into(),
        content_type: Some("text/plain".into()),
    };
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &["req = req.header(\"Content-Type\", \"text/plain\");"],
    );
    has(
        &src,
        &["pub fn origin(mut self, origin: impl Into<String>) -> Self"],
    );
    e.server = Some(crate::model::ServerParam {
        description: "The console.".into(),
        default: None,
    });
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &[
            "data: impl Into<Vec<u8>>, origin: impl Into<String>)",
            "origin: Some(origin.into()),",
            "- `origin` (required, server): The console.",
        ],
    );
    lacks(&src, &["pub fn origin(mut self"]);
}

#[test]
fn string_lists_accept_any_iterable_of_strings() {
    let labels = param(
        "labels",
        Location::Body,
        Type::Array {
            items: Box::new(Type::String),
        },
        true,
    );
    let e = endpoint("things", "tag", HttpMethod::Post, "/tag", vec![labels]);
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &[
            "labels: impl IntoIterator<Item = impl Into<String>>",
            "labels: labels.into_iter().map(Into::into).collect()",
        ],
    );
}

#[test]
fn requests_carry_their_route_and_the_notification_mark() {
    let mut e = issues_create();
    let plain = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &plain,
        &[
            r#""/repos/{owner}/{repo}/issues", &[ PathValue::Segment(&self.owner), PathValue::Segment(&self.repo) ], )"#,
        ],
    );
    lacks(
        &plain,
        &[".triggers_notifications()", "Triggers notifications"],
    );
    e.triggers_notifications = true;
    let marked = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &marked,
        &[
            r#"PathValue::Segment(&self.repo) ], ).triggers_notifications()"#,
            "**Triggers notifications.**",
        ],
    );
}
