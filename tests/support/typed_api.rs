//! A hand-built API with response models of every kind (objects with odd and keyword field
//! names, nullable and optional fields, enums, `one_of` with and without discriminator, a
//! boxed recursive model, wrapped lists) and endpoints returning each shape: what the typed
//! response tests generate into a temporary crate.

use std::path::PathBuf;

use client_generator::model::{
    Api, BodyKind, Endpoint, HttpMethod, Location, Param, PathPart, Type,
};
use client_generator::schema::{ArrayVariant, Field, Model, ModelKind, ResponseDecl, Schema};

/// `name`, required unless it ends in `?`, nullable when `nullable`.
pub fn field(name: &str, schema: Schema, nullable: bool) -> Field {
    let required = !name.ends_with('?');
    let wire = name.trim_end_matches('?').to_owned();
    let rust = match wire.as_str() {
        "type" => "r#type".to_owned(),
        "+1" => "plus_one".to_owned(),
        w => w.replace('-', "_"),
    };
    Field {
        wire_name: wire.clone(),
        rust_name: rust,
        schema,
        required,
        nullable,
        doc: format!("The `{wire}` field."),
        line: 1,
    }
}

pub fn model(name: &str, kind: ModelKind) -> Model {
    Model {
        name: name.into(),
        doc: format!("The {name} model."),
        kind,
        source: PathBuf::from(format!("specs/models/{name}.yaml")),
        line: 1,
    }
}

pub fn object(name: &str, fields: Vec<Field>) -> Model {
    model(name, ModelKind::Object { fields })
}

pub fn r(name: &str) -> Schema {
    Schema::Ref {
        name: name.into(),
        boxed: false,
    }
}

pub fn list(items: Schema) -> Schema {
    Schema::Array {
        items: Box::new(items),
    }
}

pub fn resp(status: u16, body: Option<Schema>) -> ResponseDecl {
    ResponseDecl {
        status,
        body,
        nullable: false,
        line: 1,
    }
}

fn path_param(name: &str) -> Param {
    Param {
        spec_name: name.into(),
        wire_name: name.into(),
        rust_name: name.into(),
        location: Location::Path,
        ty: Type::String,
        required: true,
        nullable: false,
        allows_slash: false,
        deprecated: false,
        aliases: Vec::new(),
        description: format!("The {name}."),
        line: 1,
    }
}

/// An endpoint `scope.id` at `route` (path parameters are strings) with `responses`.
pub fn endpoint(scope: &str, id: &str, route: &str, responses: Vec<ResponseDecl>) -> Endpoint {
    let (method, path_text) = route.split_once(' ').expect("METHOD /path");
    let method = match method {
        "GET" => HttpMethod::Get,
        "PUT" => HttpMethod::Put,
        "POST" => HttpMethod::Post,
        "DELETE" => HttpMethod::Delete,
        other => panic!("method {other}"),
    };
    let mut path = Vec::new();
    let mut params = Vec::new();
    let mut rest = path_text;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').expect("}");
        path.push(PathPart::Literal(rest[..open].into()));
        let name = &rest[open + 1..close];
        path.push(PathPart::Param(name.into()));
        params.push(path_param(name));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        path.push(PathPart::Literal(rest.into()));
    }
    Endpoint {
        scope: scope.into(),
        id: id.into(),
        rust_name: heck_snake(id),
        title: format!("The {id} endpoint"),
        method,
        route: route.into(),
        origin: false,
        server: None,
        path,
        query_template: Vec::new(),
        description: String::new(),
        deprecated: false,
        triggers_notifications: false,
        renamed_to: None,
        docs_url: None,
        params,
        body: BodyKind::None,
        responses,
        source: PathBuf::from(format!("specs/{scope}/{id}.md")),
    }
}

fn heck_snake(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The models and endpoints of the typed-response tests.
pub fn typed_api() -> Api {
    use Schema::*;
    let models = vec![
        object(
            "SimpleUser",
            vec![
                field("login", String, false),
                field("id", Integer, false),
                field("site_admin?", Boolean, false),
            ],
        ),
        model(
            "RepositoryVisibility",
            ModelKind::Enum {
                values: vec!["public".into(), "private".into(), "internal".into()],
            },
        ),
        object(
            "Repository",
            vec![
                field("id", Integer, false),
                field("full_name", String, false),
                field("description", String, true),
                field("homepage?", String, true),
                field("topics?", list(String), false),
                field("owner", r("SimpleUser"), false),
                field("license", r("License"), true),
                field("visibility?", r("RepositoryVisibility"), false),
                field("type", String, false),
                field("+1?", Integer, false),
                field("extra?", String, false),
                field("stargazers_count", Integer, false),
                field("score?", Number, false),
                field(
                    "custom_properties?",
                    Map {
                        values: Box::new(Any),
                    },
                    false,
                ),
            ],
        ),
        object(
            "License",
            vec![field("key", String, false), field("name", String, false)],
        ),
        object(
            "RepoSearchResult",
            vec![
                field("total_count", Integer, false),
                field("incomplete_results", Boolean, false),
                field("items", list(r("Repository")), false),
            ],
        ),
        model(
            "ContentType",
            ModelKind::Enum {
                values: vec!["file".into()],
            },
        ),
        model(
            "DirType",
            ModelKind::Enum {
                values: vec!["dir".into()],
            },
        ),
        object(
            "ContentFile",
            vec![
                field("type", r("ContentType"), false),
                field("path", String, false),
                field("size", Integer, false),
            ],
        ),
        object(
            "ContentDirectory",
            vec![
                field("type", r("DirType"), false),
                field("path", String, false),
                field("entries", list(Any), false),
            ],
        ),
        model(
            "Content",
            ModelKind::OneOf {
                variants: vec!["ContentFile".into(), "ContentDirectory".into()],
                discriminator: Some("type".into()),
                // A listing answers a JSON array of files.
                array: Some(ArrayVariant {
                    name: "Listing".into(),
                    items: "ContentFile".into(),
                }),
            },
        ),
        model(
            "Actor",
            ModelKind::OneOf {
                variants: vec!["SimpleUser".into(), "License".into()],
                discriminator: None,
                array: None,
            },
        ),
        object(
            "TreeNode",
            vec![
                field("name", String, false),
                field(
                    "parent",
                    Schema::Ref {
                        name: "TreeNode".into(),
                        boxed: true,
                    },
                    true,
                ),
            ],
        ),
        // Reached by no endpoint: generated without cfg, and so is the model it refers to.
        object(
            "Unreached",
            vec![
                field("x?", String, false),
                field("tree?", r("TreeNode"), false),
            ],
        ),
    ];
    let endpoints = vec![
        endpoint(
            "repos",
            "get",
            "GET /repos/{owner}/{repo}",
            vec![resp(200, Some(r("Repository"))), resp(404, None)],
        ),
        endpoint(
            "repos",
            "listForOrg",
            "GET /orgs/{org}/repos",
            vec![resp(200, Some(list(r("Repository"))))],
        ),
        endpoint(
            "repos",
            "checkCollaborator",
            "GET /repos/{owner}/{repo}/collaborators/{username}",
            vec![resp(204, None), resp(404, None)],
        ),
        endpoint(
            "repos",
            "delete",
            "DELETE /repos/{owner}/{repo}",
            vec![resp(204, None)],
        ),
        endpoint(
            "repos",
            "getContent",
            "GET /repos/{owner}/{repo}/contents/{path}",
            vec![resp(200, Some(r("Content"))), resp(302, None)],
        ),
        endpoint(
            "repos",
            "merge",
            "POST /repos/{owner}/{repo}/merges",
            vec![resp(201, Some(r("SimpleUser"))), resp(204, None)],
        ),
        endpoint(
            "repos",
            "downloadTarball",
            "GET /repos/{owner}/{repo}/tarball",
            vec![resp(200, Some(Binary))],
        ),
        endpoint(
            "repos",
            "getTree",
            "GET /trees/{name}",
            vec![resp(200, Some(r("TreeNode")))],
        ),
        endpoint(
            "markdown",
            "render",
            "POST /markdown",
            vec![resp(200, Some(Text))],
        ),
        endpoint(
            "search",
            "repos",
            "GET /search/repositories",
            vec![resp(200, Some(r("RepoSearchResult")))],
        ),
        endpoint(
            "users",
            "getActor",
            "GET /actors/{name}",
            vec![resp(200, Some(r("Actor")))],
        ),
        endpoint("users", "untyped", "GET /untyped", Vec::new()),
    ];
    Api { endpoints, models }
}
