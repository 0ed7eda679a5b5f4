//! What an OpenAPI description says about each operation, as far as the suite needs it:
//! whether it exists, the status Prism answers with (the lowest documented `2xx`) and the
//! media type to ask for (Prism answers `406` to an `Accept` it cannot serve).

use std::collections::HashMap;
use std::path::Path;

/// One operation of a description.
#[derive(Debug, Clone)]
pub struct Operation {
    /// The lowest documented `2xx` status: what Prism answers by default.
    pub status: u16,
    /// The `Accept` to send: the first media type of that answer, `application/json` when
    /// it has no body.
    pub accept: String,
}

/// The operations of one description, by method and path (parameter names ignored).
pub struct Description {
    /// File name, e.g. `api.github.com.json`.
    pub name: String,
    operations: HashMap<(String, String), Operation>,
}

/// `/repos/{owner}/{repo}` → `/repos/{}/{}`: routes match whatever their parameters are called.
pub fn route_key(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if in_param => {}
            _ => out.push(c),
        }
    }
    out
}

impl Description {
    pub fn load(path: &Path) -> Description {
        let text =
            std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let doc: serde_json::Value = serde_json::from_slice(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let mut operations = HashMap::new();
        let paths = doc["paths"].as_object().cloned().unwrap_or_default();
        for (route, item) in &paths {
            let Some(item) = item.as_object() else {
                continue;
            };
            for (method, op) in item {
                if !matches!(method.as_str(), "get" | "post" | "put" | "patch" | "delete") {
                    continue;
                }
                operations.insert(
                    (method.to_ascii_uppercase(), route_key(route)),
                    operation(&doc, op),
                );
            }
        }
        Description {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            operations,
        }
    }

    /// The operation at `method` `route` (a route template such as `/repos/{owner}/{repo}`).
    pub fn get(&self, method: &str, route: &str) -> Option<&Operation> {
        self.operations.get(&(method.to_owned(), route_key(route)))
    }

    /// The short name used in reports: `api.github.com`, `ghes-3.14`.
    pub fn short(&self) -> &str {
        self.name.trim_end_matches(".json")
    }
}

/// Follows a local `$ref` (`#/components/responses/x`).
fn resolve<'a>(doc: &'a serde_json::Value, value: &'a serde_json::Value) -> &'a serde_json::Value {
    match value.get("$ref").and_then(|r| r.as_str()) {
        Some(r) => r
            .strip_prefix("#/")
            .map(|p| p.split('/').fold(doc, |v, key| &v[key]))
            .unwrap_or(value),
        None => value,
    }
}

fn operation(doc: &serde_json::Value, op: &serde_json::Value) -> Operation {
    let responses = op["responses"].as_object().cloned().unwrap_or_default();
    let lowest = responses
        .keys()
        .filter_map(|k| k.parse::<u16>().ok())
        .filter(|s| (200..300).contains(s))
        .min();
    let status = lowest.unwrap_or(200);
    let answer = resolve(
        doc,
        &responses
            .get(&status.to_string())
            .cloned()
            .unwrap_or_default(),
    )
    .clone();
    let types: Vec<&String> = answer["content"]
        .as_object()
        .map(|c| c.keys().collect())
        .unwrap_or_default();
    let accept = match types.first() {
        Some(first) if !types.iter().any(|t| *t == "application/json") => (*first).clone(),
        _ => "application/json".to_owned(),
    };
    Operation { status, accept }
}
