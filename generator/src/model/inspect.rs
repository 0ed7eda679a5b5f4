//! A JSON view of the model for tests and the `inspect` command: flattened parameters with
//! JSON Schema type names.

use serde_json::{json, Map, Value};

use super::{Api, Param, Type};

/// `{"endpoints":[{scope,id,method,route,params:[{name,in,type,required,items?,enum?}]}]}`,
/// nested parameters flattened under their spec names (`committer.name`, `files[].path`).
pub fn inspect_json(api: &Api) -> Value {
    let endpoints: Vec<Value> = api
        .endpoints
        .iter()
        .map(|e| {
            let mut params = Vec::new();
            for p in &e.params {
                flatten(p, &mut params);
            }
            json!({
                "scope": e.scope,
                "id": e.id,
                "method": e.method,
                "route": e.route,
                "params": params,
            })
        })
        .collect();
    json!({ "endpoints": endpoints })
}

/// The enum values of a type or of its array elements.
fn enum_values(ty: &Type) -> Option<&Vec<String>> {
    match ty {
        Type::Enum { values } => Some(values),
        Type::Array { items } => enum_values(items),
        _ => None,
    }
}

fn flatten(p: &Param, out: &mut Vec<Value>) {
    let mut entry = Map::new();
    entry.insert("name".into(), json!(p.spec_name));
    entry.insert("in".into(), json!(p.location));
    entry.insert("type".into(), json!(p.ty.json_type()));
    entry.insert("required".into(), json!(p.required));
    if let Type::Array { items } = &p.ty {
        entry.insert("items".into(), json!(items.json_type()));
    }
    if let Some(values) = enum_values(&p.ty) {
        entry.insert("enum".into(), json!(values));
    }
    out.push(Value::Object(entry));
    for field in nested_fields(&p.ty) {
        flatten(field, out);
    }
}

/// The nested fields of an object, array-of-object or map-of-object type.
fn nested_fields(ty: &Type) -> &[Param] {
    match ty {
        Type::Object { fields } => fields,
        Type::Array { items } | Type::Map { values: items } => nested_fields(items),
        _ => &[],
    }
}
