//! Stage 1: read an endpoint description file (YAML front-matter + Markdown + HTML table)
//! into a [`SpecFile`], with line numbers kept for diagnostics. No inference happens here.

mod blocks;
mod body;
mod dir;
mod front_matter;
mod html;
mod responses;
mod route;
mod source;
mod table;
#[cfg(test)]
mod tests;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics};
pub use dir::MODELS_DIR;
pub use front_matter::type_members;
pub use responses::ResponseSpec;
use route::parse_route;
use source::{is_identifier, LineIndex, Reporter};

/// HTTP method of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

/// One piece of a route's path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    /// Literal text, e.g. `/repos/`.
    Literal(String),
    /// A `{name}` parameter, by wire name.
    Param(String),
}

/// A parsed `route:` value: `METHOD [{origin}]/path/{param}[{?a,b}]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: HttpMethod,
    /// The route starts with `{origin}` (an upload endpoint whose host comes from `upload_url`).
    pub origin: bool,
    /// The path after the origin, split into literal and parameter parts.
    pub path: Vec<PathPart>,
    /// Names listed in an RFC 6570 `{?a,b}` query part, in order.
    pub query: Vec<String>,
}

/// A parameter type stated explicitly in the front-matter `parameters:` list.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExplicitParam {
    /// Name exactly as in the table (`committer.name`, `labels[]`); empty for a top-level
    /// `one_of` entry (a choice between groups of top-level rows).
    #[serde(default)]
    pub name: String,
    /// `path` | `query` | `body` | `header`.
    #[serde(rename = "in")]
    pub location: Option<String>,
    /// `string` | `integer` | `number` | `boolean` | `array` | `object`, or a union of them
    /// written `[string, number]` or `string | number` (kept in the `a | b` form).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "front_matter::type_union"
    )]
    pub ty: Option<String>,
    /// Element type of an array.
    pub items: Option<String>,
    #[serde(rename = "enum")]
    pub values: Option<Vec<String>>,
    pub nullable: Option<bool>,
    pub required: Option<bool>,
    pub description: Option<String>,
    /// Alternatives of which exactly one is sent: each group lists rows (relative to `name`,
    /// or top-level rows when `name` is absent) sent together, or is one type name (`string`).
    pub one_of: Option<Vec<AlternativeGroup>>,
    /// The Rust name of the parameter's enum (or of its items' enum): `params::<name>`,
    /// shared by every spec that names it, or `models::<name>` when that is an enum model
    /// with the same values.
    pub enum_name: Option<String>,
    /// 1-based line in the file of this entry (filled in by the parser, not from YAML).
    #[serde(skip)]
    pub line: usize,
}

/// One alternative of an explicit `one_of`: rows sent together, or a single type.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(untagged)]
pub enum AlternativeGroup {
    /// `[branch, path]`: these rows (names relative to the entry) are sent together.
    Rows(Vec<String>),
    /// `string`: the value is of this type instead of an object of rows.
    Type(String),
}

/// One row of the `## Parameters` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamRow {
    /// Name exactly as in the spec: `owner`, `committer.name`, `files[].path`, `inputs.*`.
    pub name: String,
    pub required: bool,
    /// The description cell as Markdown (may be empty).
    pub description: String,
    /// 1-based line of the row in the file.
    pub line: usize,
}

/// A whole endpoint description file, parsed but not interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecFile {
    /// Path of the file, as given (used in diagnostics).
    pub path: PathBuf,
    /// Name of the folder the file is in (should equal `scope`).
    pub scope_dir: String,
    /// File stem: the method id, e.g. `getPackageVersionForOrganization`.
    pub method_id: String,
    /// Front-matter `name`.
    pub name: String,
    /// Front-matter `example`.
    pub example: String,
    /// Front-matter `scope`.
    pub scope: String,
    /// Front-matter `type` (`API method`).
    pub kind: String,
    pub route: Route,
    /// 1-based line of `route:` in the file.
    pub route_line: usize,
    /// Front-matter `parameters:` (explicit types), empty when absent.
    pub explicit: Vec<ExplicitParam>,
    /// The `# Title` heading text.
    pub title: String,
    /// `**This method is deprecated.**` or a rename notice is present.
    pub deprecated: bool,
    /// `Some(("scope", "methodId"))` from "This method has been renamed to scope.methodId".
    pub renamed_to: Option<(String, String)>,
    /// 1-based line of the rename notice (for diagnostics when it points nowhere).
    pub renamed_line: usize,
    /// The description Markdown between the title (or deprecation notice) and the `js` example.
    pub description: String,
    /// Rows of the parameters table, in table order; empty for "This endpoint has no parameters".
    pub params: Vec<ParamRow>,
    /// URL of the final `See also:` link.
    pub docs_url: Option<String>,
    /// Front-matter `responses:` by status, in file order; empty when absent (untyped).
    pub responses: Vec<ResponseSpec>,
}

/// Parse one file's text. `path` is used for diagnostics and to derive scope folder and method id.
/// Every problem found in the file is reported, sorted by line.
pub fn parse_spec(path: &Path, text: &str) -> Result<SpecFile, Diagnostics> {
    let mut rep = Reporter::new(path);
    let method_id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let scope_dir = path
        .parent()
        .and_then(Path::file_name)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if text.trim().is_empty() {
        rep.error(
            0,
            "spec file is empty",
            "a spec starts with `---` front-matter, then `# Title`",
        );
        return Err(Diagnostics(rep.diags));
    }
    if !is_identifier(&method_id) {
        rep.error(
            0,
            format!("method id `{method_id}` (the file name) is not a valid identifier"),
            "name the file `<methodId>.md` using letters and digits, starting with a letter",
        );
    }
    let lines = LineIndex::new(text);
    let Some(split) = front_matter::split(text, &mut rep) else {
        return Err(Diagnostics(rep.diags));
    };
    let body = body::parse(text, split.body_offset, split.body_line, &lines, &mut rep);
    let fm = split.fields.unwrap_or_default();

    let route = fm
        .route
        .as_ref()
        .and_then(|(value, line)| match parse_route(value) {
            Ok(route) => Some((route, *line)),
            Err(errors) => {
                for (message, hint) in errors {
                    rep.error(*line, message, hint);
                }
                None
            }
        });
    if let Some((scope, line)) = &fm.scope {
        check_scope_name(scope, *line, &mut rep);
        if !scope_dir.is_empty() && *scope != scope_dir {
            rep.error(
                *line,
                format!("`scope: {scope}` does not match the folder `{scope_dir}` the file is in"),
                format!("move the file to `{scope}/` or set `scope: {scope_dir}`"),
            );
        }
    }
    if body.params_complete {
        if let Some((route, line)) = &route {
            check_route_params(route, *line, &body, &mut rep);
        }
        check_explicit_names(&fm.explicit, &body, &mut rep);
    }

    if !rep.diags.is_empty() {
        rep.diags.sort_by_key(|d| d.line);
        return Err(Diagnostics(rep.diags));
    }
    let (Some((route, route_line)), Some((name, _)), Some((scope, _))) = (route, fm.name, fm.scope)
    else {
        // Unreachable in practice: a missing field was reported above.
        let hint = "add the missing `name`, `route` or `scope` line";
        return Err(Diagnostic::new(path, 0, "incomplete front-matter")
            .with_hint(hint)
            .into());
    };
    Ok(SpecFile {
        path: path.to_path_buf(),
        scope_dir,
        method_id,
        name,
        example: fm.example.map(|e| e.0).unwrap_or_default(),
        scope,
        kind: fm.kind.map(|k| k.0).unwrap_or_default(),
        route,
        route_line,
        explicit: fm.explicit,
        title: body.title,
        deprecated: body.deprecated,
        renamed_to: body.renamed_to,
        renamed_line: body.renamed_line,
        description: body.description,
        params: body.params,
        docs_url: body.docs_url,
        responses: fm.responses,
    })
}

/// A scope is an identifier like method ids (`octokit.rest.<scope>.<methodId>`); keywords are
/// made safe by code generation.
fn check_scope_name(scope: &str, line: usize, rep: &mut Reporter) {
    if !is_identifier(scope) {
        rep.error(
            line,
            format!("scope `{scope}` is not a valid identifier"),
            "use letters and digits, starting with a letter (e.g. `codeScanning`)",
        );
    }
}

/// Every `{param}` of the route (path and query, not `{origin}`) needs a table row.
fn check_route_params(route: &Route, line: usize, body: &body::Body, rep: &mut Reporter) {
    let rows: std::collections::HashSet<&str> =
        body.params.iter().map(|p| p.name.as_str()).collect();
    let names = route
        .path_params()
        .chain(route.query.iter().map(String::as_str));
    for name in names {
        if !rows.contains(name) {
            rep.error(
                line,
                format!("route parameter `{{{name}}}` has no row in the parameters table"),
                format!("add `<tr><td>{name}</td><td>yes</td><td>...</td></tr>` to the table"),
            );
        }
    }
}

/// Explicit `parameters:` entries refine table rows, so each must name one; so must the
/// rows of a `one_of` group.
fn check_explicit_names(explicit: &[ExplicitParam], body: &body::Body, rep: &mut Reporter) {
    let rows: std::collections::HashSet<&str> =
        body.params.iter().map(|p| p.name.as_str()).collect();
    for p in explicit {
        let top_level_choice = p.name.is_empty() && p.one_of.is_some();
        if !top_level_choice && !rows.contains(p.name.as_str()) {
            rep.error(
                p.line,
                format!("explicit parameter `{}` has no row in the parameters table", p.name),
                "`parameters:` entries give types to table rows; use the name exactly as in the table",
            );
        }
        for row in p.one_of.iter().flatten().filter_map(|g| match g {
            AlternativeGroup::Rows(rows) => Some(rows),
            AlternativeGroup::Type(_) => None,
        }) {
            for name in row {
                if group_row(&p.name, name, |n| rows.contains(n)).is_none() {
                    rep.error(
                        p.line,
                        format!(
                            "`one_of` names `{name}`, which has no row below `{}`",
                            p.name
                        ),
                        "name rows relative to the entry (`branch` for `source.branch`)",
                    );
                }
            }
        }
    }
}

/// The full row name of `row` in a `one_of` group of the entry `parent`: `row` itself at the
/// top level, else `parent.row` or `parent[].row`, whichever `exists`.
pub fn group_row(parent: &str, row: &str, exists: impl Fn(&str) -> bool) -> Option<String> {
    if parent.is_empty() {
        return exists(row).then(|| row.to_string());
    }
    [format!("{parent}.{row}"), format!("{parent}[].{row}")]
        .into_iter()
        .find(|n| exists(n))
}

/// Parse spec files whose texts are in memory (paths as they should be reported), in the
/// given order; every problem of every file is reported.
pub fn parse_texts(files: &[(std::path::PathBuf, String)]) -> Result<Vec<SpecFile>, Diagnostics> {
    dir::parse_texts(files)
}

/// Read and parse every `<scope>/<methodId>.md` below `dir`, sorted by (scope, method id).
/// All problems in all files are collected before returning. A folder without any spec file
/// (empty, a scope folder, the wrong folder) is an error with a hint.
pub fn parse_dir(dir: &Path) -> Result<Vec<SpecFile>, Diagnostics> {
    let specs = dir::parse_dir(dir)?;
    if specs.is_empty() {
        return Err(dir::no_specs(dir).into());
    }
    Ok(specs)
}
