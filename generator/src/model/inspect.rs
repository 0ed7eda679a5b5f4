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
            let mut entry = json!({
                "scope": e.scope,
                "id": e.id,
                "method": e.method,
                "route": e.route,
                "params": params,
            });
            if e.triggers_notifications {
                entry["triggers_notifications"] = json!(true);
            }
            entry
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
    flatten_type(&p.spec_name, &p.ty, p.location, out);
}

/// The nested entries of a type: object fields, array element fields, and `a.*` map values.
fn flatten_type(spec_name: &str, ty: &Type, location: super::Location, out: &mut Vec<Value>) {
    match ty {
        Type::Object { fields } => fields.iter().for_each(|f| flatten(f, out)),
        Type::Array { items } => flatten_type(&format!("{spec_name}[]"), items, location, out),
        Type::Map { values } => {
            let name = format!("{spec_name}.*");
            let mut entry = Map::new();
            entry.insert("name".into(), json!(name));
            entry.insert("in".into(), json!(location));
            entry.insert("type".into(), json!(values.json_type()));
            entry.insert("required".into(), json!(false));
            if let Type::Array { items } = &**values {
                entry.insert("items".into(), json!(items.json_type()));
            }
            out.push(Value::Object(entry));
            flatten_type(&name, values, location, out);
        }
        _ => {}
    }
}
