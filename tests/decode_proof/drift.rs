//! A drifted copy of an example, as a newer server might answer: an unknown property in every
//! object the schema describes by its properties, an unknown value for every string enum.

use serde_json::{Map, Value};

use crate::openapi::{props, Doc};

pub const UNKNOWN_FIELD: &str = "drift_unknown_field";
pub const UNKNOWN_VALUE: &str = "drift_unknown_value";

/// The drifted copy of `v`, an answer to `schema`.
pub fn drift(doc: &Doc, schema: &Value, v: &Value) -> Value {
    walk(doc, schema, v, 0)
}

fn walk(doc: &Doc, s: &Value, v: &Value, depth: usize) -> Value {
    let s = doc.deref(s);
    if depth > 32 {
        return v.clone();
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alts) = s[key].as_array() {
            return match best(doc, alts, v) {
                Some(alt) => walk(doc, alt, v, depth + 1),
                None => v.clone(),
            };
        }
    }
    match v {
        Value::Object(o) => {
            let mut ps = Vec::new();
            props(doc, s, &mut ps, &mut Vec::new());
            if !ps.is_empty() {
                let mut out = Map::new();
                for (k, x) in o {
                    let x = match ps.iter().find(|(n, _)| n == k) {
                        Some((_, ps)) => walk(doc, ps, x, depth + 1),
                        None => x.clone(),
                    };
                    out.insert(k.clone(), x);
                }
                out.insert(UNKNOWN_FIELD.into(), Value::String("added later".into()));
                return Value::Object(out);
            }
            let values = &s["additionalProperties"];
            if values.is_object() {
                let out = o
                    .iter()
                    .map(|(k, x)| (k.clone(), walk(doc, values, x, depth + 1)))
                    .collect();
                return Value::Object(out);
            }
            v.clone()
        }
        Value::Array(xs) if s.get("items").is_some() => Value::Array(
            xs.iter()
                .map(|x| walk(doc, &s["items"], x, depth + 1))
                .collect(),
        ),
        Value::String(_) if is_string_enum(s) => Value::String(UNKNOWN_VALUE.into()),
        _ => v.clone(),
    }
}

fn is_string_enum(s: &Value) -> bool {
    s["enum"]
        .as_array()
        .is_some_and(|e| e.iter().any(Value::is_string))
}

/// The alternative an object or array looks most like: for an object, the one sharing the
/// most property names; for an array, an array alternative.
fn best<'a>(doc: &'a Doc, alts: &'a [Value], v: &Value) -> Option<&'a Value> {
    match v {
        Value::Object(o) => alts
            .iter()
            .map(|a| {
                let mut ps = Vec::new();
                props(doc, a, &mut ps, &mut Vec::new());
                let shared = ps.iter().filter(|(n, _)| o.contains_key(*n)).count();
                (shared, a)
            })
            .filter(|(shared, _)| *shared > 0)
            .max_by_key(|(shared, _)| *shared)
            .map(|(_, a)| a),
        Value::Array(_) => alts.iter().find(|a| doc.deref(a)["type"] == "array"),
        _ => None,
    }
}
