//! The OpenAPI side of the converter: loading descriptions, finding the operation of a route,
//! following `$ref`s into `components/schemas`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use heck::ToKebabCase;
use serde_json::Value;

use crate::diag::Diagnostic;

/// One loaded OpenAPI description with its operations indexed by `METHOD /path/{}`.
pub(crate) struct Doc {
    pub path: PathBuf,
    pub json: Value,
    /// `GET /repos/{}/{}` -> (path template, method in lower case).
    by_route: BTreeMap<String, (String, String)>,
    /// `repos/get` -> the same.
    by_id: BTreeMap<String, (String, String)>,
}

/// The HTTP methods an OpenAPI path item may hold operations for.
const METHODS: [&str; 7] = ["get", "put", "post", "delete", "patch", "head", "options"];

impl Doc {
    pub fn load(path: &Path) -> Result<Doc, Diagnostic> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::new(path, 0, format!("cannot read the OpenAPI description: {e}")).with_hint(
                "pass the `api.github.com.json` of `@octokit/openapi` (see tests/fidelity)",
            )
        })?;
        let json: Value = serde_json::from_str(&text).map_err(|e| {
            Diagnostic::new(
                path,
                e.line(),
                format!("not a JSON OpenAPI description: {e}"),
            )
            .with_hint("use the `.json` file with `$ref`s, not a YAML or `.deref.json` variant")
        })?;
        Ok(Doc::new(path.to_path_buf(), json))
    }

    pub fn new(path: PathBuf, json: Value) -> Doc {
        let mut by_route = BTreeMap::new();
        let mut by_id = BTreeMap::new();
        for (template, item) in json["paths"].as_object().into_iter().flatten() {
            for method in METHODS {
                let Some(op) = item.get(method) else { continue };
                let at = (template.clone(), method.to_string());
                let key = format!("{} {}", method.to_uppercase(), normalise(template));
                by_route.insert(key, at.clone());
                if let Some(id) = op["operationId"].as_str() {
                    by_id.insert(id.to_string(), at);
                }
            }
        }
        Doc {
            path,
            json,
            by_route,
            by_id,
        }
    }

    /// The operation for a spec route (`GET /repos/{owner}/{repo}{?page}`), else for the
    /// operationId `scope/method-id` made from the spec's scope and methodId.
    pub fn operation(&self, route: &str, scope: &str, method_id: &str) -> Option<&Value> {
        let (method, path) = route.trim().split_once(' ')?;
        let key = format!(
            "{} {}",
            method.to_uppercase(),
            normalise(&strip_route(path))
        );
        let id = format!("{}/{}", scope.to_kebab_case(), method_id.to_kebab_case());
        let (template, method) = self.by_route.get(&key).or_else(|| self.by_id.get(&id))?;
        self.json["paths"][template].get(method)
    }

    /// Follows `$ref`s; the component key of the last `#/components/schemas/<key>` followed.
    pub fn deref<'a>(&'a self, mut v: &'a Value) -> (&'a Value, Option<&'a str>) {
        let mut key = None;
        for _ in 0..32 {
            let Some(r) = v.get("$ref").and_then(Value::as_str) else {
                break;
            };
            if let Some(k) = r.strip_prefix("#/components/schemas/") {
                key = Some(k);
            }
            let mut cur = &self.json;
            for part in r.trim_start_matches("#/").split('/') {
                cur = &cur[part.replace("~1", "/").replace("~0", "~")];
            }
            v = cur;
        }
        (v, key)
    }

    /// The platform a description is for, from its file name: `api.github.com`, `ghec`,
    /// `ghes-3.14`.
    pub fn platform(&self) -> String {
        let name = self
            .path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        name.strip_suffix(".json").unwrap_or(&name).to_string()
    }

    /// A component schema by key (`Value::Null` when absent).
    pub fn component(&self, key: &str) -> &Value {
        &self.json["components"]["schemas"][key]
    }
}

/// A route's path without the `{origin}` prefix and RFC 6570 query parts (`{?a,b}`).
fn strip_route(path: &str) -> String {
    let path = path.trim().trim_start_matches("{origin}");
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find("{?").or_else(|| rest.find("{&")) {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find('}')
            .map_or("", |end| &rest[start + end + 1..]);
    }
    out.push_str(rest);
    out
}

/// A path template with every `{param}` replaced by `{}`.
pub(crate) fn normalise(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    out.push('{');
                }
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    out.push('}');
                }
            }
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_lose_origin_and_query_parts() {
        assert_eq!(
            strip_route("{origin}/repos/{owner}/{repo}/releases/{id}/assets{?name,label}"),
            "/repos/{owner}/{repo}/releases/{id}/assets"
        );
        assert_eq!(normalise("/repos/{owner}/{repo}"), "/repos/{}/{}");
    }
}
