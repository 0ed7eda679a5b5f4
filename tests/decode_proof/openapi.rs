//! The descriptions of `@octokit/openapi` (the `.json` files with `$ref`s): operations by
//! route, the JSON media of a status, its named examples.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

/// One description and its operations by `METHOD /path/{}/{}`.
pub struct Doc {
    pub platform: String,
    pub json: Value,
    ops: BTreeMap<String, (String, String)>,
}

/// `@octokit/openapi`'s `generated/` folder (pinned by `tests/fidelity/package.json`).
pub fn folder() -> PathBuf {
    github_client_suite::workspace_root()
        .join("tests/fidelity/node_modules/@octokit/openapi/generated")
}

/// Every description: api.github.com, ghec, then GHES by version.
pub fn load_all() -> Vec<Doc> {
    let dir = folder();
    let paths = client_generator::draft::descriptions_in(&dir).unwrap_or_else(|d| {
        panic!("{d}\n(run `npm ci --prefix tests/fidelity` to install @octokit/openapi)")
    });
    paths.iter().map(|p| load(p)).collect()
}

/// One description file.
pub fn load(path: &std::path::Path) -> Doc {
    let text = std::fs::read_to_string(path).expect("read the description");
    let json: Value = serde_json::from_str(&text).expect("the description is JSON");
    let name = path.file_name().unwrap().to_string_lossy();
    Doc::new(name.trim_end_matches(".json").to_string(), json)
}

impl Doc {
    pub fn new(platform: String, json: Value) -> Doc {
        let mut ops = BTreeMap::new();
        for (template, item) in json["paths"].as_object().into_iter().flatten() {
            for (method, _) in item.as_object().into_iter().flatten() {
                let key = format!("{} {}", method.to_uppercase(), normalise(template));
                ops.insert(key, (template.clone(), method.clone()));
            }
        }
        Doc {
            platform,
            json,
            ops,
        }
    }

    /// The operation of a spec route (`GET /repos/{owner}/{repo}{?page}`).
    pub fn operation(&self, route: &str) -> Option<&Value> {
        let (template, method) = self.ops.get(&route_key(route))?;
        self.json["paths"][template].get(method)
    }

    /// Follows `$ref`s.
    pub fn deref<'a>(&'a self, mut v: &'a Value) -> &'a Value {
        for _ in 0..32 {
            let Some(r) = v.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let mut cur = &self.json;
            for part in r.trim_start_matches("#/").split('/') {
                cur = &cur[part.replace("~1", "/").replace("~0", "~")];
            }
            v = cur;
        }
        v
    }

    /// The JSON media type object of one status of an operation, if it has a JSON body.
    pub fn json_media<'a>(&'a self, op: &'a Value, status: u16) -> Option<&'a Value> {
        let resp = self.deref(op["responses"].get(status.to_string())?);
        let content = resp["content"].as_object()?;
        content.get("application/json").or_else(|| {
            content
                .iter()
                .find(|(ct, _)| ct.contains("json"))
                .map(|(_, m)| m)
        })
    }

    /// The named examples of a media type object (`example` is named `example`).
    pub fn examples<'a>(&'a self, media: &'a Value) -> Vec<(String, &'a Value)> {
        let mut out: Vec<(String, &Value)> = media["examples"]
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(name, ex)| Some((name.clone(), self.deref(ex).get("value")?)))
            .collect();
        if let Some(v) = media.get("example") {
            out.push(("example".into(), v));
        }
        out
    }
}

/// `GET /repos/{}/{}` for a route line (without `{origin}` and `{?query}` parts).
pub fn route_key(route: &str) -> String {
    let (method, path) = route.trim().split_once(' ').unwrap_or((route, ""));
    let path = path.trim().trim_start_matches("{origin}");
    let path = path.find("{?").map_or(path, |i| &path[..i]);
    format!("{} {}", method.to_uppercase(), normalise(path))
}

fn normalise(path: &str) -> String {
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

/// Properties (in order, `allOf` parts merged) and required names of an object schema.
pub fn props<'a>(
    doc: &'a Doc,
    v: &'a Value,
    out: &mut Vec<(&'a str, &'a Value)>,
    req: &mut Vec<&'a str>,
) {
    let v = doc.deref(v);
    for part in v["allOf"].as_array().into_iter().flatten() {
        props(doc, part, out, req);
    }
    for (name, schema) in v["properties"].as_object().into_iter().flatten() {
        match out.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = schema,
            None => out.push((name, schema)),
        }
    }
    req.extend(
        v["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str),
    );
}

/// `nullable: true`, `null` among the types, or `null` among the enum values.
pub fn nullable(v: &Value) -> bool {
    v["nullable"] == Value::Bool(true)
        || v["type"]
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t == "null"))
        || v["type"] == "null"
        || v["enum"]
            .as_array()
            .is_some_and(|e| e.iter().any(Value::is_null))
}

/// The `type`s of a schema, `null` left out.
pub fn types(v: &Value) -> Vec<&str> {
    match &v["type"] {
        Value::String(t) if t != "null" => vec![t.as_str()],
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .filter(|t| *t != "null")
            .collect(),
        _ => Vec::new(),
    }
}
