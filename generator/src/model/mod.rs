//! Stage 2: the typed intermediate representation between parsing and code generation.
//! Built from [`crate::parse::SpecFile`]s by [`build_api`]; consumed by `codegen` and `inspect`.

mod build;
mod explicit;
pub mod inspect;
mod names;
mod tree;

use std::path::PathBuf;

use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics};
pub use build::route_text;
pub use inspect::inspect_json;
pub use names::rust_ident;

pub use crate::parse::{HttpMethod, PathPart};

/// Every endpoint of every spec, sorted by (scope, id): the input of code generation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Api {
    pub endpoints: Vec<Endpoint>,
    /// Every response model (named and hoisted), sorted by name.
    pub models: Vec<crate::schema::Model>,
}

/// Where a parameter goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    Path,
    Query,
    Body,
    Header,
}

/// How the request body is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// No body.
    None,
    /// The body parameters serialised as one compact JSON object.
    Json,
    /// One parameter (by wire name, e.g. `data`) is the whole raw body (uploads, markdown raw);
    /// the caller sets the content type.
    Raw { param: String },
}

/// The type of a parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Type {
    String,
    Integer,
    Number,
    Boolean,
    /// A string restricted to the listed values (a Rust enum with an `Other` fallback).
    Enum {
        values: Vec<String>,
    },
    /// A value that may be an integer or a string (e.g. an id given either way).
    IntegerOrString,
    Array {
        items: Box<Type>,
    },
    /// A JSON object with known fields (nested parameters `a.b`, `a[].b`).
    Object {
        fields: Vec<Param>,
    },
    /// A JSON object with arbitrary keys (`inputs.*`) whose values have the given type.
    Map {
        values: Box<Type>,
    },
    /// Any JSON value (no better type known).
    Any,
    /// Raw bytes sent as the request body.
    Bytes,
}

impl Type {
    /// The JSON Schema type name reported by `inspect` (`string`, `integer`, …).
    pub fn json_type(&self) -> &'static str {
        match self {
            Type::String | Type::Enum { .. } | Type::Bytes => "string",
            Type::Integer => "integer",
            Type::IntegerOrString => "integer",
            Type::Number => "number",
            Type::Boolean => "boolean",
            Type::Array { .. } => "array",
            Type::Object { .. } | Type::Map { .. } | Type::Any => "object",
        }
    }
}

/// One parameter (top level or nested).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Param {
    /// Name exactly as in the spec table: `committer.name`, `files[].path`, `inputs.*`.
    pub spec_name: String,
    /// Wire name of this level: `name` for `committer.name`; `enterprise-team`; `type`.
    pub wire_name: String,
    /// Rust identifier text for fields/arguments/setters, already keyword-safe
    /// (`r#type`, `r#ref`, `self_`, `enterprise_team`).
    pub rust_name: String,
    pub location: Location,
    #[serde(rename = "type")]
    pub ty: Type,
    /// Required (for nested fields: required when the parent is given).
    pub required: bool,
    /// `null` is a meaningful value to send (e.g. "set to `null` to disable").
    pub nullable: bool,
    /// Path parameters only: the value may contain `/` (a ref, a file path, a branch name).
    pub allows_slash: bool,
    /// Markdown description (possibly empty).
    pub description: String,
    /// 1-based line of the table row (or explicit entry) in the spec file.
    pub line: usize,
}

/// One endpoint: one generated method.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Endpoint {
    /// Scope (`repos`), also the module and accessor name.
    pub scope: String,
    /// Method id as in the file stem (`getPackageVersionForOrganization`).
    pub id: String,
    /// snake_case method name (`get_package_version_for_organization`), keyword-safe.
    pub rust_name: String,
    pub title: String,
    pub method: HttpMethod,
    /// The route exactly as in the front-matter.
    pub route: String,
    /// The route starts with `{origin}`: the request goes to the uploads host (or a given origin).
    pub origin: bool,
    #[serde(skip)]
    pub path: Vec<PathPart>,
    /// Names from an RFC 6570 `{?a,b}` query template.
    pub query_template: Vec<String>,
    /// Markdown description.
    pub description: String,
    pub deprecated: bool,
    /// The description says the endpoint triggers notifications: the runtime's throttle
    /// spaces such calls (GitHub's secondary limits punish fast content creation).
    pub triggers_notifications: bool,
    /// `(scope, id)` of the endpoint this one was renamed to; such an endpoint is generated
    /// as a deprecated forward, never as duplicate code.
    pub renamed_to: Option<(String, String)>,
    pub docs_url: Option<String>,
    /// Top-level parameters in a stable order: path parameters in route order first,
    /// then the others in table order. Nested parameters live inside `Type::Object`.
    pub params: Vec<Param>,
    pub body: BodyKind,
    /// Declared responses (`responses:` front-matter), by status; empty = untyped.
    pub responses: Vec<crate::schema::ResponseDecl>,
    /// The spec file this endpoint came from.
    #[serde(skip)]
    pub source: PathBuf,
}

/// Interpret parsed spec files: locations, types, nesting, naming, explicit overrides.
/// Returns every problem found across all files (contradictions, name clashes, bad renames).
pub fn build_api(specs: &[crate::parse::SpecFile]) -> Result<Api, Diagnostics> {
    let mut diags = Vec::new();
    let mut endpoints: Vec<Endpoint> = specs
        .iter()
        .map(|s| build::build_endpoint(s, &mut diags))
        .collect();
    endpoints.sort_by(|a, b| (&a.scope, &a.id).cmp(&(&b.scope, &b.id)));
    check_duplicate_ids(&endpoints, &mut diags);
    check_renames(specs, &endpoints, &mut diags);
    if diags.is_empty() {
        Ok(Api {
            endpoints,
            models: Vec::new(),
        })
    } else {
        Err(Diagnostics(diags))
    }
}

/// Two endpoints of one scope whose method names collide (`getFoo` twice, or `getFoo`/`GetFoo`).
/// Scopes are compared as generated modules: `things/` and `Things/` are one module.
fn check_duplicate_ids(endpoints: &[Endpoint], diags: &mut Vec<Diagnostic>) {
    use heck::ToSnakeCase;
    for (i, e) in endpoints.iter().enumerate() {
        let module = e.scope.to_snake_case();
        let clash = endpoints[..i]
            .iter()
            .find(|o| o.scope.to_snake_case() == module && o.rust_name == e.rust_name);
        if let Some(first) = clash {
            diags.push(
                Diagnostic::new(
                    &e.source,
                    0,
                    format!(
                        "duplicate method `{}.{}` (Rust name `{}`)",
                        e.scope, e.id, e.rust_name
                    ),
                )
                .with_hint(format!("also defined by {}", first.source.display())),
            );
        }
    }
}

/// A rename notice must point at another endpoint that exists, and renames must not loop
/// (a renamed endpoint is generated as a forward to its target).
fn check_renames(
    specs: &[crate::parse::SpecFile],
    endpoints: &[Endpoint],
    diags: &mut Vec<Diagnostic>,
) {
    for spec in specs {
        let Some((scope, id)) = &spec.renamed_to else {
            continue;
        };
        if !endpoints.iter().any(|e| &e.scope == scope && &e.id == id) {
            diags.push(
                Diagnostic::new(
                    &spec.path,
                    spec.renamed_line,
                    format!("renamed to `{scope}.{id}`, which does not exist"),
                )
                .with_hint("fix the rename notice or add the target endpoint"),
            );
        } else if rename_loops(specs, spec) {
            diags.push(
                Diagnostic::new(
                    &spec.path,
                    spec.renamed_line,
                    format!("renamed to `{scope}.{id}`, which leads back to this method"),
                )
                .with_hint("a rename must end at a method that is not renamed"),
            );
        }
    }
}

/// Whether following rename notices from `start` comes back to it.
fn rename_loops(specs: &[crate::parse::SpecFile], start: &crate::parse::SpecFile) -> bool {
    let mut current = start;
    for _ in 0..=specs.len() {
        let Some((scope, id)) = &current.renamed_to else {
            return false;
        };
        match specs
            .iter()
            .find(|s| &s.scope == scope && &s.method_id == id)
        {
            Some(next) if std::ptr::eq(next, start) => return true,
            Some(next) => current = next,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests;
