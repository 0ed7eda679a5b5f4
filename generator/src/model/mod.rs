//! Stage 2: the typed intermediate representation between parsing and code generation.
//! Built from [`crate::parse::SpecFile`]s by [`build_api`]; consumed by `codegen` and `inspect`.

mod alternatives;
mod build;
mod enum_names;
mod explicit;
pub mod inspect;
mod tree;

use std::path::PathBuf;

use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics};
pub use crate::ident::rust_ident;
pub use build::route_text;
pub use inspect::inspect_json;

pub use crate::ir::{Alternative, Location, Param, Type};
pub use crate::parse::{HttpMethod, PathPart};

/// Every endpoint of every spec, sorted by (scope, id): the input of code generation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Api {
    pub endpoints: Vec<Endpoint>,
    /// Every response model (named and hoisted), sorted by name.
    pub models: Vec<crate::schema::Model>,
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
    /// `content_type` is the fixed media type when the docs name one (`text/plain`); `None`
    /// means the caller gives it (a required `content_type` argument).
    Raw {
        param: String,
        content_type: Option<String>,
    },
}

/// The `{origin}` of a route: the scheme, host and port a request goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerParam {
    /// The table row's description (possibly empty).
    pub description: String,
    /// Without one, the caller must give the origin (a required argument).
    pub default: Option<ServerDefault>,
}

/// Where a request goes when no `{origin}` is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerDefault {
    /// The client's uploads URL (upload endpoints: the body is raw bytes).
    Uploads,
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
    /// The route starts with `{origin}`: a server parameter chooses the host (see `server`).
    pub origin: bool,
    /// The `{origin}` server parameter of such a route: what it is and whether it has a default.
    pub server: Option<ServerParam>,
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
/// Without model files: a `responses:` entry naming a model is an error; see
/// [`build_api_with_models`].
pub fn build_api(specs: &[crate::parse::SpecFile]) -> Result<Api, Diagnostics> {
    build_api_with_models(specs, &[])
}

/// [`build_api`] with the model files of `specs/models/` (from [`crate::schema::read_models`]):
/// fills [`Api::models`] and each [`Endpoint::responses`].
pub fn build_api_with_models(
    specs: &[crate::parse::SpecFile],
    models: &[crate::schema::ModelFile],
) -> Result<Api, Diagnostics> {
    let mut diags = Vec::new();
    let mut endpoints: Vec<Endpoint> = specs
        .iter()
        .map(|s| build::build_endpoint(s, &mut diags))
        .collect();
    let declared: Vec<crate::schema::EndpointResponses> = specs
        .iter()
        .map(|s| crate::schema::EndpointResponses {
            file: &s.path,
            scope: &s.scope,
            id: &s.method_id,
            responses: &s.responses,
        })
        .collect();
    let models = match crate::schema::resolve(models, &declared) {
        Ok(resolved) => {
            for (endpoint, responses) in endpoints.iter_mut().zip(resolved.responses) {
                endpoint.responses = responses;
            }
            resolved.models
        }
        Err(d) => {
            diags.extend(d.0);
            Vec::new()
        }
    };
    endpoints.sort_by(|a, b| (&a.scope, &a.id).cmp(&(&b.scope, &b.id)));
    check_duplicate_ids(&endpoints, &mut diags);
    check_renames(specs, &endpoints, &mut diags);
    enum_names::check(&endpoints, &models, &mut diags);
    if diags.is_empty() {
        Ok(Api { endpoints, models })
    } else {
        Err(Diagnostics(diags))
    }
}

/// Two endpoints of one scope whose method names collide (`getFoo` twice, or `getFoo`/`GetFoo`).
/// Scopes are compared as generated modules: `things/` and `Things/` are one module. One pass
/// with a map (a pairwise scan snake-cased scopes ~n²/2 times: 10% of generating the corpus).
fn check_duplicate_ids(endpoints: &[Endpoint], diags: &mut Vec<Diagnostic>) {
    use heck::ToSnakeCase;
    let mut first: std::collections::HashMap<(String, &str), &Endpoint> =
        std::collections::HashMap::with_capacity(endpoints.len());
    for e in endpoints {
        match first.entry((e.scope.to_snake_case(), e.rust_name.as_str())) {
            std::collections::hash_map::Entry::Occupied(seen) => diags.push(
                Diagnostic::new(
                    &e.source,
                    0,
                    format!(
                        "duplicate method `{}.{}` (Rust name `{}`)",
                        e.scope, e.id, e.rust_name
                    ),
                )
                .with_hint(format!("also defined by {}", seen.get().source.display())),
            ),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(e);
            }
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
#[cfg(test)]
mod text_choice_tests;
