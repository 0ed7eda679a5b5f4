//! Whether an example is valid under its own schema: an example that is not (a `null` where the
//! schema says object, a list where it says object, a required field left out) is the
//! description's error, reported with where it breaks; a valid one must decode.

use serde_json::Value;

use crate::openapi::{nullable, props, types, Doc};

/// `Err(why)` at the first place `value` breaks `schema`; the message names the place as
/// `` `.a.b[0]` ``, which [`related`] compares with a decode error's path.
pub fn check(doc: &Doc, schema: &Value, value: &Value) -> Result<(), String> {
    at(doc, schema, value, "", 0)
}

/// Whether a decode error (`at `a.b[0].c`: …`) lies at or below, or above, the place an
/// invalid example breaks its schema: only then is the failure the example's fault.
pub fn related(decode_error: &str, why: &str) -> bool {
    let path = |text: &str| -> Option<String> {
        let start = text.find('`')? + 1;
        let end = start + text[start..].find('`')?;
        let p = text[start..end].trim_start_matches('.');
        Some(strip_indexes(p))
    };
    match (path(decode_error), path(why)) {
        (Some(d), Some(w)) => d.starts_with(&w) || w.starts_with(&d),
        _ => false,
    }
}

fn strip_indexes(p: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in p.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if !in_index => out.push(c),
            _ => {}
        }
    }
    out.replace("..", ".")
}

fn at(doc: &Doc, schema: &Value, value: &Value, path: &str, depth: usize) -> Result<(), String> {
    let s = doc.deref(schema);
    if depth > 64 || s.is_null() {
        return Ok(());
    }
    let here = || {
        if path.is_empty() {
            ".".to_string()
        } else {
            path.to_string()
        }
    };
    if value.is_null() {
        let allowed = nullable(s) || alternatives(doc, s).iter().any(|a| nullable(doc.deref(a)));
        // No type stated: anything goes.
        let untyped =
            types(s).is_empty() && s.get("properties").is_none() && alternatives(doc, s).is_empty();
        return if allowed || untyped {
            Ok(())
        } else {
            Err(format!(
                "`null` at `{}` where the schema does not allow it",
                here()
            ))
        };
    }
    for part in s["allOf"].as_array().into_iter().flatten() {
        at(doc, part, value, path, depth + 1)?;
    }
    let alts = alternatives(doc, s);
    if !alts.is_empty()
        && !alts
            .iter()
            .any(|a| at(doc, a, value, path, depth + 1).is_ok())
    {
        return Err(format!(
            "`{}` matches none of the schema's alternatives",
            here()
        ));
    }
    let ty = types(s);
    let kind = match value {
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::Null => "null",
    };
    let is_object_schema = s.get("properties").is_some() || ty.contains(&"object");
    let fits = ty.is_empty() && (!is_object_schema || kind == "object")
        || ty
            .iter()
            .any(|t| *t == kind || (*t == "number" && kind == "integer"))
        || (ty.is_empty() && is_object_schema && kind == "object");
    if !fits {
        return Err(format!(
            "a {kind} at `{}` where the schema says {}",
            here(),
            if ty.is_empty() {
                "object".to_string()
            } else {
                ty.join(" or ")
            }
        ));
    }
    match value {
        Value::Object(o) => {
            let (mut fields, mut required) = (Vec::new(), Vec::new());
            props(doc, s, &mut fields, &mut required);
            if let Some(missing) = required.iter().find(|r| !o.contains_key(**r)) {
                return Err(format!("`{}` lacks the required field `{missing}`", here()));
            }
            for (name, sub) in fields {
                if let Some(v) = o.get(name) {
                    at(doc, sub, v, &format!("{path}.{name}"), depth + 1)?;
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at(doc, &s["items"], item, &format!("{path}[{i}]"), depth + 1)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn alternatives<'a>(doc: &'a Doc, s: &'a Value) -> Vec<&'a Value> {
    ["oneOf", "anyOf"]
        .iter()
        .flat_map(|k| s[*k].as_array().into_iter().flatten())
        .map(|a| doc.deref(a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc() -> Doc {
        Doc::new(
            "t".into(),
            json!({"paths": {}, "components": {"schemas": {
                "user": {"type": "object", "required": ["login"], "properties": {
                    "login": {"type": "string"}, "bio": {"type": "string", "nullable": true}}}
            }}}),
        )
    }

    #[test]
    fn examples_are_checked_against_their_schema() {
        let d = doc();
        let user = json!({"$ref": "#/components/schemas/user"});
        assert_eq!(
            check(&d, &user, &json!({"login": "a", "bio": null})),
            Ok(())
        );
        assert!(check(&d, &user, &json!({"bio": "x"}))
            .unwrap_err()
            .contains("`login`"));
        assert!(check(&d, &user, &json!(null)).is_err());
        assert!(check(&d, &user, &json!([{"login": "a"}]))
            .unwrap_err()
            .contains("array"));
        assert!(check(&d, &user, &json!({"login": 5}))
            .unwrap_err()
            .contains("`.login`"));
        let list = json!({"type": "array", "items": user});
        assert!(check(&d, &list, &json!([{"login": "a"}, {}]))
            .unwrap_err()
            .contains("[1]"));
        let either = json!({"oneOf": [{"type": "string"}, user]});
        assert_eq!(check(&d, &either, &json!("x")), Ok(()));
        assert!(check(&d, &either, &json!(3)).is_err());
    }

    #[test]
    fn a_decode_failure_is_excused_only_where_the_example_breaks() {
        let why = "a array at `.advisory.epss` where the schema says object";
        assert!(related("at `advisory.epss`: invalid type: sequence", why));
        assert!(related("at `advisory.epss[0].x`: missing field", why));
        assert!(related(
            "at `.`: invalid type: null",
            "`null` at `.` where the schema does not allow it"
        ));
        assert!(!related("at `advisory.cvss`: invalid type: map", why));
        assert!(!related("no path here", why));
    }
}
