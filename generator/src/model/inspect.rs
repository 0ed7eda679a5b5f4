//! A JSON view of the model for tests and the `inspect` command: flattened parameters with
//! JSON Schema type names, declared responses and models with their Rust types.

use serde_json::{json, Map, Value};

use super::{Api, Param, Type};
use crate::schema::{self, Model, ModelKind};

/// `{"endpoints":[{scope,id,method,route,params:[{name,in,type,required,items?,enum?}],
/// responses:[{status,type}]}], "models":[…]}`, nested parameters flattened under their spec
/// names (`committer.name`, `files[].path`); response and field types as Rust type paths
/// relative to the generated crate root (`models::FullRepository`, `null` for no body).
pub fn inspect_json(api: &Api) -> Value {
    let endpoints: Vec<Value> = api
        .endpoints
        .iter()
        .map(|e| {
            let mut params = Vec::new();
            for p in &e.params {
                flatten(p, &mut params);
            }
            let responses: Vec<Value> = e
                .responses
                .iter()
                .map(|r| json!({ "status": r.status, "type": schema::response_type_path(r) }))
                .collect();
            json!({
                "scope": e.scope,
                "id": e.id,
                "method": e.method,
                "route": e.route,
                "params": params,
                "responses": responses,
            })
        })
        .collect();
    let models: Vec<Value> = api.models.iter().map(model_json).collect();
    json!({ "endpoints": endpoints, "models": models })
}

/// `{name, kind, doc, fields?|variants?+discriminator?|values?}` of one model.
fn model_json(m: &Model) -> Value {
    let mut entry = Map::new();
    entry.insert("name".into(), json!(m.name));
    entry.insert("doc".into(), json!(m.doc));
    let kind = match &m.kind {
        ModelKind::Object { fields } => {
            let fields: Vec<Value> = fields
                .iter()
                .map(|f| {
                    json!({
                        "name": f.wire_name,
                        "rust_name": f.rust_name,
                        "type": schema::field_type_path(f),
                        "required": f.required,
                        "nullable": f.nullable,
                    })
                })
                .collect();
            entry.insert("fields".into(), json!(fields));
            "object"
        }
        ModelKind::OneOf {
            variants,
            discriminator,
        } => {
            entry.insert("variants".into(), json!(variants));
            entry.insert("discriminator".into(), json!(discriminator));
            "one_of"
        }
        ModelKind::Enum { values } => {
            entry.insert("values".into(), json!(values));
            "enum"
        }
    };
    entry.insert("kind".into(), json!(kind));
    Value::Object(entry)
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
