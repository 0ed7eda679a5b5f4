//! A holdout: spec files made from OpenAPI operations the corpus does not contain (GitHub
//! Enterprise Cloud and Server descriptions), flattened the way Octokit's docs flatten them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use client_generator::parse::{HttpMethod, ParamRow, PathPart, Route, SpecFile};
use heck::ToLowerCamelCase;
use serde_json::Value;

use crate::reference::{normalise, spec_key, Doc};

/// The descriptions whose extra operations form the holdout.
pub const DOCUMENTS: &[&str] = &["ghec.json", "ghes-3.14.json"];

/// Deepest body nesting flattened (Octokit's docs stop early too).
const MAX_DEPTH: usize = 6;

/// Spec files for the operations of `doc_value` that are neither in `corpus` nor in `taken`.
pub fn specs(
    name: &str,
    doc_value: &Value,
    corpus: &[SpecFile],
    taken: &[SpecFile],
) -> Vec<SpecFile> {
    let doc = Doc(doc_value);
    let known: BTreeSet<String> = corpus.iter().chain(taken).map(spec_key).collect();
    let mut out = Vec::new();
    for (path, item) in doc_value["paths"].as_object().expect("paths") {
        for (method_name, method) in [
            ("get", HttpMethod::Get),
            ("post", HttpMethod::Post),
            ("put", HttpMethod::Put),
            ("patch", HttpMethod::Patch),
            ("delete", HttpMethod::Delete),
        ] {
            let Some(op) = item.get(method_name) else {
                continue;
            };
            if known.contains(&format!(
                "{} {}",
                method_name.to_uppercase(),
                normalise(path)
            )) {
                continue;
            }
            let shared = item["parameters"].as_array().into_iter().flatten();
            let params: Vec<&Value> = shared
                .chain(op["parameters"].as_array().into_iter().flatten())
                .map(|p| doc.deref(p))
                .collect();
            out.push(spec(name, &doc, path, method, op, &params, out.len()));
        }
    }
    out
}

fn spec(
    name: &str,
    doc: &Doc,
    path: &str,
    method: HttpMethod,
    op: &Value,
    params: &[&Value],
    n: usize,
) -> SpecFile {
    let parts = path_parts(path);
    let mut rows = Vec::new();
    for part in &parts {
        if let PathPart::Param(p) = part {
            let description = params
                .iter()
                .find(|v| v["name"] == p.as_str())
                .map_or("", |v| text(v));
            rows.push(row(p, true, description));
        }
    }
    let query: Vec<&Value> = params
        .iter()
        .copied()
        .filter(|p| p["in"] == "query")
        .collect();
    for q in &query {
        rows.push(row(
            q["name"].as_str().unwrap_or_default(),
            q["required"] == true,
            text(q),
        ));
    }
    let body = doc.deref(&op["requestBody"]);
    if let Some((content_type, media)) = body["content"].as_object().and_then(|c| c.iter().next()) {
        if content_type.contains("json") {
            flatten(doc, "", &media["schema"], &mut rows, 0);
        }
    }
    let op_id = op["operationId"].as_str().unwrap_or("holdout/operation");
    let (scope, id) = op_id.split_once('/').unwrap_or(("holdout", op_id));
    let method_id = format!("{}{n}", id.to_lower_camel_case());
    SpecFile {
        path: PathBuf::from(format!("{name}#{op_id}")),
        scope_dir: scope.to_lower_camel_case(),
        method_id: method_id.clone(),
        name: method_id,
        example: String::new(),
        scope: scope.to_lower_camel_case(),
        kind: "API method".into(),
        route: Route {
            method,
            origin: false,
            path: parts,
            // Octokit lists the query parameters of non-GET routes in a `{?…}` template.
            query: if method == HttpMethod::Get {
                Vec::new()
            } else {
                query
                    .iter()
                    .filter_map(|q| q["name"].as_str().map(String::from))
                    .collect()
            },
        },
        route_line: 1,
        explicit: Vec::new(),
        title: text_of(&op["summary"]).to_string(),
        deprecated: false,
        renamed_to: None,
        renamed_line: 0,
        description: String::new(),
        params: rows,
        docs_url: None,
        responses: Vec::new(),
    }
}

/// Body properties as flattened rows: `a`, `a.b`, `a[].b`, `a.*`, merged over `oneOf` alternatives.
fn flatten(doc: &Doc, prefix: &str, schema: &Value, rows: &mut Vec<ParamRow>, depth: usize) {
    let mut alts = Vec::new();
    doc.alternatives(schema, &mut alts);
    let required: BTreeSet<&str> = alts
        .iter()
        .flat_map(|a| a["required"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    let mut seen = BTreeSet::new();
    for alt in &alts {
        for (name, prop) in alt["properties"].as_object().into_iter().flatten() {
            if !seen.insert(name.clone()) {
                continue;
            }
            let full = format!("{prefix}{name}");
            let prop = doc.deref(prop);
            rows.push(row(&full, required.contains(name.as_str()), text(prop)));
            if depth < MAX_DEPTH {
                nested(doc, &full, prop, rows, depth);
            }
        }
    }
}

/// The rows below one property: object fields, array element fields, or map values.
fn nested(doc: &Doc, full: &str, prop: &Value, rows: &mut Vec<ParamRow>, depth: usize) {
    let mut alts = Vec::new();
    doc.alternatives(prop, &mut alts);
    let has_props = |v: &Value| {
        let mut inner = Vec::new();
        doc.alternatives(v, &mut inner);
        inner
            .iter()
            .any(|a| a["properties"].as_object().is_some_and(|p| !p.is_empty()))
    };
    if has_props(prop) {
        flatten(doc, &format!("{full}."), prop, rows, depth + 1);
    } else if let Some(items) = alts
        .iter()
        .find_map(|a| a.get("items"))
        .filter(|i| has_props(i))
    {
        flatten(doc, &format!("{full}[]."), items, rows, depth + 1);
    } else if let Some(values) = alts
        .iter()
        .find_map(|a| a.get("additionalProperties"))
        .filter(|v| v.is_object())
    {
        let values = doc.deref(values);
        rows.push(row(&format!("{full}.*"), false, text(values)));
        if has_props(values) {
            flatten(doc, &format!("{full}.*."), values, rows, depth + 1);
        }
    }
}

fn path_parts(path: &str) -> Vec<PathPart> {
    let mut parts = Vec::new();
    for (i, piece) in path.split(['{', '}']).enumerate() {
        if !piece.is_empty() {
            parts.push(if i % 2 == 1 {
                PathPart::Param(piece.into())
            } else {
                PathPart::Literal(piece.into())
            });
        }
    }
    parts
}

fn row(name: &str, required: bool, description: &str) -> ParamRow {
    ParamRow {
        name: name.into(),
        required,
        description: description.into(),
        line: 1,
    }
}

/// A parameter's or schema's description (parameters may keep it on their schema).
fn text(v: &Value) -> &str {
    match v["description"].as_str() {
        Some(d) => d,
        None => text_of(&v["schema"]["description"]),
    }
}

fn text_of(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}
