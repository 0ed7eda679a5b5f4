//! What a raw OpenAPI schema is: its JSON types, nullability, enum values, properties
//! (through `allOf`), and whether it deserves a model file of its own.

use std::collections::BTreeSet;

use serde_json::Value;

use super::convert::{Ty, Typed};
use super::openapi::Doc;

pub(crate) const SCALARS: [&str; 4] = ["string", "integer", "number", "boolean"];
/// Keys ignored when comparing `nullable-x` with `x`: prose, examples, defaults and the
/// nullability itself.
const NOT_SHAPE: [&str; 11] = [
    "description",
    "title",
    "example",
    "examples",
    "readOnly",
    "writeOnly",
    "deprecated",
    "default",
    "externalDocs",
    "nullable",
    "x-github",
];

/// The discriminator field of a `oneOf` schema, if declared.
pub(crate) fn discriminator(v: &Value) -> Option<String> {
    v["discriminator"]["propertyName"]
        .as_str()
        .map(String::from)
}

pub(crate) fn scalar(name: &'static str, nullable: bool) -> Typed {
    Typed {
        ty: Ty::Scalar(name),
        nullable,
    }
}

pub(crate) fn static_scalar(t: &str) -> &'static str {
    SCALARS.into_iter().find(|s| *s == t).unwrap_or("any")
}

pub(crate) fn enum_of(v: &Value, is_null: bool) -> Typed {
    let mut values = Vec::new();
    let mut has_null = false;
    for x in v["enum"].as_array().into_iter().flatten() {
        match x {
            Value::String(s) if !values.contains(s) => values.push(s.clone()),
            Value::Null => has_null = true,
            _ => {}
        }
    }
    if values.is_empty() {
        return scalar("string", is_null || has_null);
    }
    Typed {
        ty: Ty::Enum(values),
        nullable: is_null || has_null,
    }
}

/// JSON type names of a schema's `type` (string or list), `null` included.
pub(crate) fn types(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = match &v["type"] {
        Value::String(t) => vec![t.clone()],
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(String::from)
            .collect(),
        _ => Vec::new(),
    };
    if out.len() > 1 {
        out.retain(|t| t != "null");
    }
    out.sort();
    out
}

/// `nullable: true`, or `null` among the `type`s.
pub(crate) fn nullable(v: &Value) -> bool {
    v["nullable"] == Value::Bool(true)
        || v["type"]
            .as_array()
            .is_some_and(|ts| ts.iter().any(|t| t == "null"))
}

pub(crate) fn has_properties(v: &Value) -> bool {
    v["properties"].as_object().is_some_and(|p| !p.is_empty())
}

/// A component worth a model file: an object with fields, a string enum or a `one_of`.
pub(crate) fn is_model(doc: &Doc, v: &Value) -> bool {
    if is_fields_model(doc, v) {
        return true;
    }
    let t = types(v);
    if (t.is_empty() || t == ["string"])
        && v["enum"]
            .as_array()
            .is_some_and(|e| e.iter().any(Value::is_string))
    {
        return true;
    }
    ["oneOf", "anyOf"].iter().any(|k| {
        let alts = v[*k].as_array().map(Vec::as_slice).unwrap_or_default();
        alts.iter()
            .filter(|a| is_fields_model(doc, doc.deref(a).0))
            .count()
            >= 2
    })
}

/// An object with properties (directly or through `allOf`).
pub(crate) fn is_fields_model(doc: &Doc, v: &Value) -> bool {
    if has_properties(v) {
        return true;
    }
    v["allOf"].as_array().is_some_and(|parts| {
        parts.iter().any(|p| {
            let (t, _) = doc.deref(p);
            has_properties(t) || t.get("allOf").is_some()
        })
    })
}

pub(crate) fn collect_props<'v>(
    doc: &'v Doc,
    v: &'v Value,
    props: &mut Vec<(String, &'v Value)>,
    required: &mut BTreeSet<String>,
    depth: usize,
) {
    let (v, _) = doc.deref(v);
    if depth > 16 {
        return;
    }
    for part in v["allOf"].as_array().into_iter().flatten() {
        collect_props(doc, part, props, required, depth + 1);
    }
    for (name, schema) in v["properties"].as_object().into_iter().flatten() {
        match props.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = schema,
            None => props.push((name.clone(), schema)),
        }
    }
    for r in v["required"].as_array().into_iter().flatten() {
        if let Some(r) = r.as_str() {
            required.insert(r.to_string());
        }
    }
}

pub(crate) fn without_nullable(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("nullable");
    }
    v
}

/// A schema stripped of prose and nullability, for comparing `nullable-x` with `x`.
pub(crate) fn essence(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, _)| !NOT_SHAPE.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), essence(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(essence).collect()),
        other => other.clone(),
    }
}
