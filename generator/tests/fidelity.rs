//! Fidelity: the inferred types and locations of every corpus parameter row, compared with
//! GitHub's OpenAPI description (`@octokit/openapi`, pinned in `tests/fidelity/`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use client_generator::infer::{infer_type_traced, ParamCtx};
use client_generator::model::{build_api, inspect_json, Location};
use client_generator::parse::{parse_dir, PathPart, SpecFile};
use serde_json::Value;

/// Lowest accepted share of rows whose JSON type (and array element type) matches.
const MIN_TYPE: f64 = 0.984;
/// Lowest accepted share of rows whose location (path/query/body) matches.
const MIN_LOCATION: f64 = 0.995;

fn repo_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// `<workspace>/../shared/corpus/octokit-docs`, or the same from a git worktree one level
/// deeper (`<root>/wt/<name>/`), or `$OCTOKIT_CORPUS`.
fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("OCTOKIT_CORPUS") {
        return PathBuf::from(dir);
    }
    let main = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/octokit-docs"
    );
    let worktree = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/octokit-docs"
    );
    let dir = [main, worktree]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_dir());
    dir.unwrap_or_else(|| panic!("corpus not found at {main} (nor {worktree}); set OCTOKIT_CORPUS"))
}

/// The OpenAPI description, installing the pinned npm package first when needed.
fn openapi() -> Value {
    let dir = repo_root().join("tests/fidelity");
    let file = dir.join("node_modules/@octokit/openapi/generated/api.github.com.json");
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
struct Truth {
    location: &'static str,
    /// JSON type names; several for unions (`integer|string`); `raw` for a raw body.
    types: Vec<String>,
    items: Vec<String>,
}

/// Follows `$ref`s inside the description.
struct Doc<'a>(&'a Value);

impl<'a> Doc<'a> {
    fn deref(&self, mut v: &'a Value) -> &'a Value {
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
    fn alternatives(&self, v: &'a Value, out: &mut Vec<&'a Value>) {
        let v = self.deref(v);
        out.push(v);
        for key in ["oneOf", "anyOf", "allOf"] {
            for alt in v[key].as_array().into_iter().flatten() {
                self.alternatives(alt, out);
            }
        }
    }

    /// JSON type names of a schema (nulls dropped, unions expanded).
    fn types(&self, v: &'a Value) -> Vec<String> {
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

    fn items(&self, v: &'a Value) -> Vec<String> {
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

    /// Schemas reached from `v` by one name segment (`b`, `b[]`, `*`), across alternatives.
    fn step(&self, v: &'a Value, segment: &str) -> Vec<&'a Value> {
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
fn operations(doc: &Value) -> BTreeMap<String, (Value, Vec<Value>)> {
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
fn normalise(path: &str) -> String {
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

fn spec_key(spec: &SpecFile) -> String {
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
fn truth(doc: &Doc, op: &Value, shared: &[Value], name: &str) -> Option<Truth> {
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
            let schema = &p["schema"];
            return Some(Truth {
                location,
                types: doc.types(schema),
                items: doc.items(schema),
            });
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
    let typed = cands
        .iter()
        .find(|c| !doc.types(c).is_empty())
        .or(cands.first());
    match typed {
        Some(schema) => Some(Truth {
            location: "body",
            types: doc.types(schema),
            items: doc.items(schema),
        }),
        None if name == "data" && !content_type.contains("json") => Some(Truth {
            location: "body",
            types: vec!["raw".into()],
            items: Vec::new(),
        }),
        None => None,
    }
}

#[derive(Default)]
struct Tally {
    rows: usize,
    type_ok: usize,
    location_ok: usize,
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// The inference rule that typed a leaf row (approximate: the row is re-inferred without
/// its siblings), to make the miss list actionable.
fn deciding_rule(spec: &SpecFile, name: &str, description: &str, model: &Value) -> &'static str {
    let location = match model["in"].as_str() {
        Some("path") => Location::Path,
        Some("query") => Location::Query,
        _ => Location::Body,
    };
    let leaf = name
        .rsplit('.')
        .next()
        .unwrap_or(name)
        .trim_end_matches("[]");
    let ctx = ParamCtx {
        name: leaf,
        parent: None,
        description,
        method: spec.route.method,
        location,
        siblings: &[],
    };
    infer_type_traced(&ctx).0
}

/// The corpus, parsed by the real parser.
fn specs() -> Vec<SpecFile> {
    parse_dir(&corpus_dir()).unwrap_or_else(|d| panic!("corpus does not parse:\n{d}"))
}

#[test]
fn inferred_types_and_locations_match_openapi() {
    let specs = specs();
    let api = build_api(&specs).unwrap_or_else(|d| panic!("corpus does not build:\n{d}"));
    let inspected = inspect_json(&api);
    let doc_value = openapi();
    let doc = Doc(&doc_value);
    let ops = operations(&doc_value);
    let mut by_location: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let (mut total, mut type_ok, mut location_ok, mut unknown, mut unmodelled) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for spec in &specs {
        let Some((op, shared)) = ops.get(&spec_key(spec)) else {
            unknown += spec.params.len();
            continue;
        };
        let endpoint = inspected["endpoints"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["scope"] == spec.scope.as_str() && e["id"] == spec.method_id.as_str())
            .expect("every spec has an endpoint");
        for row in &spec.params {
            let Some(t) = truth(&doc, op, shared, &row.name) else {
                unknown += 1;
                continue;
            };
            let Some(model) = endpoint["params"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == row.name.as_str())
            else {
                unmodelled += 1;
                continue;
            };
            let ty = model["type"].as_str().unwrap_or("");
            let items = model["items"].as_str();
            let type_match = if t.types == ["raw"] {
                ty == "string"
            } else {
                let accept = |want: &[String], got: &str| {
                    want.is_empty()
                        || want
                            .iter()
                            .any(|w| w == got || (w == "number" && got == "integer"))
                };
                accept(&t.types, ty)
                    && (ty != "array"
                        || t.items.is_empty()
                        || items.is_some_and(|i| accept(&t.items, i)))
            };
            let location_match = model["in"] == t.location;
            total += 1;
            type_ok += type_match as usize;
            location_ok += location_match as usize;
            let tally = by_location.entry(t.location).or_default();
            tally.rows += 1;
            tally.type_ok += type_match as usize;
            tally.location_ok += location_match as usize;
            if !type_match || !location_match {
                let first_line: String = row
                    .description
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .chars()
                    .take(110)
                    .collect();
                misses.push(format!(
                    "{}/{} {:<28} got {}:{}{} want {}:{}{} by {} | {}",
                    spec.scope,
                    spec.method_id,
                    row.name,
                    model["in"].as_str().unwrap_or(""),
                    ty,
                    items.map(|i| format!("[{i}]")).unwrap_or_default(),
                    t.location,
                    t.types.join("|"),
                    if t.items.is_empty() {
                        String::new()
                    } else {
                        format!("[{}]", t.items.join("|"))
                    },
                    deciding_rule(spec, &row.name, &row.description, model),
                    first_line
                ));
            }
        }
    }
    misses.sort();
    for m in &misses {
        println!("MISS {m}");
    }
    println!("\nfidelity over {total} rows ({unknown} rows without a reference type, {unmodelled} not modelled):");
    for (loc, t) in &by_location {
        println!(
            "  {loc:<6} {:>5} rows  type {:6.2}%  location {:6.2}%",
            t.rows,
            100.0 * pct(t.type_ok, t.rows),
            100.0 * pct(t.location_ok, t.rows)
        );
    }
    let (type_share, location_share) = (pct(type_ok, total), pct(location_ok, total));
    println!(
        "  all    {total:>5} rows  type {:6.2}%  location {:6.2}%",
        100.0 * type_share,
        100.0 * location_share
    );
    assert!(
        total > 4000,
        "only {total} rows compared: corpus or OpenAPI matching broke"
    );
    assert!(
        type_share >= MIN_TYPE,
        "type fidelity {:.2}% fell below {:.2}%",
        100.0 * type_share,
        100.0 * MIN_TYPE
    );
    assert!(
        location_share >= MIN_LOCATION,
        "location fidelity {:.2}% fell below {:.2}%",
        100.0 * location_share,
        100.0 * MIN_LOCATION
    );
}
