//! The reference: GitHub's OpenAPI descriptions (`@octokit/openapi`), `$ref`-resolved, and
//! what they say about one flattened parameter name (`a.b`, `a[].b`, `a.*`) of one operation.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use client_generator::parse::{PathPart, SpecFile};
use serde_json::Value;

/// The repository's `tests/fidelity` npm folder that pins `@octokit/openapi`.
fn npm_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fidelity"))
}

/// Every description of `@octokit/openapi`: api.github.com first, then GHEC and GHES by version.
pub const DESCRIPTIONS: [&str; 8] = [
    "api.github.com.json",
    "ghec.json",
    "ghes-3.14.json",
    "ghes-3.15.json",
    "ghes-3.16.json",
    "ghes-3.17.json",
    "ghes-3.18.json",
    "ghes-3.19.json",
];

/// The OpenAPI description, installing the pinned npm package first when needed.
/// `name` is a file of the package's `generated/` folder, e.g. `api.github.com.json`.
pub fn openapi(name: &str) -> Value {
    let dir = npm_dir();
    let file = dir
        .join("node_modules/@octokit/openapi/generated")
        .join(name);
    if !file.exists() {
        let status = Command::new("npm").arg("ci").current_dir(&dir).status();
        assert!(
            matches!(status, Ok(s) if s.success()),
            "could not install @octokit/openapi: run `npm ci` in {} (needs npm and network)",
            dir.display()
        );
    }
    let text = std::fs::read_to_string(&file).expect("read OpenAPI description");
    serde_json::from_str(&text).expect("OpenAPI description is JSON")
}

/// What the OpenAPI description says about one parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Truth {
    pub location: &'static str,
    /// JSON type names; several for unions (`integer|string`); `raw` for a raw body.
    pub types: Vec<String>,
    pub items: Vec<String>,
    /// Allowed values (of the value, or of an array's elements), when the reference lists them.
    pub values: Vec<String>,
    /// The reference allows `null` (`nullable: true` or a `null` type in any alternative).
    pub nullable: bool,
    /// A string (or array of strings) of `format: date-time` in any alternative.
    pub date_time: bool,
}

/// Follows `$ref`s inside the description.
pub struct Doc<'a>(pub &'a Value);

impl<'a> Doc<'a> {
    pub fn deref(&self, mut v: &'a Value) -> &'a Value {
        while let Some(r) = v.get("$ref").and_then(Value::as_str) {
            let mut cur = self.0;
            for key in r.trim_start_matches("#/").split('/') {
                cur = &cur[key];
            }
            v = cur;
        }
        v
    }

    /// The schema and its `oneOf`/`anyOf`/`allOf` alternatives, recursively.
    pub fn alternatives(&self, v: &'a Value, out: &mut Vec<&'a Value>) {
        let v = self.deref(v);
        out.push(v);
        for key in ["oneOf", "anyOf", "allOf"] {
            for alt in v[key].as_array().into_iter().flatten() {
                self.alternatives(alt, out);
            }
        }
    }

    /// JSON type names of a schema (nulls dropped, unions expanded).
    pub fn types(&self, v: &'a Value) -> Vec<String> {
        let v = self.deref(v);
        let mut out: Vec<String> = match &v["type"] {
            Value::String(t) => vec![t.clone()],
            Value::Array(ts) => ts
                .iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect(),
            _ => Vec::new(),
        };
        if out.is_empty() {
            for key in ["oneOf", "anyOf", "allOf"] {
                for alt in v[key].as_array().into_iter().flatten() {
                    out.extend(self.types(alt));
                }
            }
        }
        if out.is_empty() && v.get("properties").is_some() {
            out.push("object".into());
        }
        out.retain(|t| t != "null");
        out.sort();
        out.dedup();
        out
    }

    pub fn items(&self, v: &'a Value) -> Vec<String> {
        let mut alts = Vec::new();
        self.alternatives(v, &mut alts);
        let mut out: Vec<String> = alts
            .iter()
            .filter_map(|a| a.get("items"))
            .flat_map(|i| self.types(i))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The reference facts merged over candidate schemas.
    fn truth(&self, location: &'static str, schemas: &[&'a Value]) -> Truth {
        let mut t = Truth {
            location,
            types: Vec::new(),
            items: Vec::new(),
            values: Vec::new(),
            nullable: false,
            date_time: false,
        };
        for s in schemas {
            t.types.extend(self.types(s));
            t.items.extend(self.items(s));
            let mut alts = Vec::new();
            self.alternatives(s, &mut alts);
            let item_alts: Vec<&Value> = alts.iter().filter_map(|a| a.get("items")).collect();
            for item in item_alts {
                self.alternatives(item, &mut alts);
            }
            t.date_time |= alts.iter().any(|a| a["format"] == "date-time");
            t.nullable |= alts.iter().any(|a| {
                a["nullable"] == true
                    || a["type"] == "null"
                    || a["type"]
                        .as_array()
                        .is_some_and(|ts| ts.iter().any(|t| t == "null"))
            });
            for a in alts {
                let listed = a["enum"].as_array().into_iter().flatten();
                t.values.extend(listed.filter_map(|v| match v {
                    Value::String(s) => Some(s.clone()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                }));
            }
        }
        for list in [&mut t.types, &mut t.items, &mut t.values] {
            list.sort();
            list.dedup();
        }
        t
    }

    /// Schemas reached from `v` by one name segment (`b`, `b[]`, `*`), across alternatives.
    pub fn step(&self, v: &'a Value, segment: &str) -> Vec<&'a Value> {
        let mut alts = Vec::new();
        self.alternatives(v, &mut alts);
        let mut out = Vec::new();
        for alt in alts {
            if let Some(base) = segment.strip_suffix("[]") {
                for inner in self.step(alt, base) {
                    let mut inner_alts = Vec::new();
                    self.alternatives(inner, &mut inner_alts);
                    out.extend(inner_alts.iter().filter_map(|a| a.get("items")));
                }
            } else if segment == "*" {
                out.extend(alt.get("additionalProperties").filter(|a| a.is_object()));
            } else if let Some(p) = alt.get("properties").and_then(|p| p.get(segment)) {
                out.push(p);
            }
        }
        out
    }
}

/// `GET /repos/{}/{}` keys for every OpenAPI operation.
pub fn operations(doc: &Value) -> BTreeMap<String, (Value, Vec<Value>)> {
    let mut ops = BTreeMap::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let shared = item["parameters"].as_array().cloned().unwrap_or_default();
        for method in ["get", "post", "put", "patch", "delete"] {
            if let Some(op) = item.get(method) {
                let key = format!("{} {}", method.to_uppercase(), normalise(path));
                ops.insert(key, (op.clone(), shared.clone()));
            }
        }
    }
    ops
}

/// A path with every `{param}` replaced by `{}`.
pub fn normalise(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '{' => {
                depth += 1;
                out.push('{');
            }
            '}' => {
                depth -= 1;
                out.push('}');
            }
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

pub fn spec_key(spec: &SpecFile) -> String {
    let mut path = String::new();
    for part in &spec.route.path {
        match part {
            PathPart::Literal(t) => path.push_str(t),
            PathPart::Param(_) => path.push_str("{}"),
        }
    }
    let method = serde_json::to_value(spec.route.method).expect("method serialises");
    format!("{} {path}", method.as_str().unwrap_or_default())
}

/// The truth for one row name of one operation, if the description knows it.
pub fn truth(doc: &Doc, op: &Value, shared: &[Value], name: &str) -> Option<Truth> {
    let params = shared
        .iter()
        .chain(op["parameters"].as_array().into_iter().flatten());
    for p in params {
        let p = doc.deref(p);
        if p["name"] == name {
            let location = match p["in"].as_str()? {
                "path" => "path",
                "query" => "query",
                "header" => "header",
                _ => return None,
            };
            return Some(doc.truth(location, &[&p["schema"]]));
        }
    }
    let body = doc.deref(&op["requestBody"]);
    let (content_type, media) = body["content"].as_object()?.iter().next()?;
    let mut cands = vec![&media["schema"]];
    for segment in name.split('.') {
        cands = cands
            .into_iter()
            .flat_map(|c| doc.step(c, segment))
            .collect();
    }
    // Several candidates when `oneOf` alternatives both have the field: accept any of them.
    cands.retain(|c| !doc.types(c).is_empty());
    if !cands.is_empty() {
        Some(doc.truth("body", &cands))
    } else if name == "data" && !content_type.contains("json") {
        Some(Truth {
            location: "body",
            types: vec!["raw".into()],
            items: Vec::new(),
            values: Vec::new(),
            nullable: false,
            date_time: false,
        })
    } else {
        None
    }
}
