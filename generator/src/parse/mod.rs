//! Stage 1: read an endpoint description file (YAML front-matter + Markdown + HTML table)
//! into a [`SpecFile`], with line numbers kept for diagnostics. No inference happens here.

use std::path::PathBuf;

use crate::diag::Diagnostics;

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
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExplicitParam {
    /// Name exactly as in the table (`committer.name`, `labels[]`).
    pub name: String,
    /// `path` | `query` | `body` | `header`.
    #[serde(rename = "in")]
    pub location: Option<String>,
    /// `string` | `integer` | `number` | `boolean` | `array` | `object`.
    #[serde(rename = "type")]
    pub ty: Option<String>,
    /// Element type of an array.
    pub items: Option<String>,
    #[serde(rename = "enum")]
    pub values: Option<Vec<String>>,
    pub nullable: Option<bool>,
    pub required: Option<bool>,
    pub description: Option<String>,
    /// 1-based line in the file of this entry (filled in by the parser, not from YAML).
    #[serde(skip)]
    pub line: usize,
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
}

/// Parse one file's text. `path` is used for diagnostics and to derive scope folder and method id.
pub fn parse_spec(path: &std::path::Path, text: &str) -> Result<SpecFile, Diagnostics> {
    let _ = (path, text);
    todo!("parser: implemented in generator/src/parse/")
}

/// Read and parse every `<scope>/<methodId>.md` below `dir`, sorted by (scope, method id).
/// All problems in all files are collected before returning.
pub fn parse_dir(dir: &std::path::Path) -> Result<Vec<SpecFile>, Diagnostics> {
    let _ = dir;
    todo!("parser: implemented in generator/src/parse/")
}
