//! A JSON view of the model for tests and the `inspect` command: flattened parameters with
//! JSON Schema type names, showing what the generated code does (unions, nullability,
//! alternatives, deprecations, the `{origin}` server parameter), declared responses and models.

use serde_json::{json, Map, Value};

use super::{Api, Endpoint, Location, Param, Type};
use crate::schema::{self, Model, ModelKind};

/// `{"endpoints":[{scope,id,method,route,params:[{name,in,type,required,…}]}]}`, nested
/// parameters flattened under their spec names (`committer.name`, `files[].path`). `type` is
/// a name, or a list for unions (`["integer","string"]`); optional keys: `items`, `enum`,
/// `nullable`, `deprecated`, `aliases`, `one_of` (alternative names), `alternative` (the
/// alternative a field belongs to). The `{origin}` of a route is `"in": "server"`. Each
/// endpoint has `responses:[{status,type}]` and the top level `models:[…]`, response and field
/// types as Rust type paths relative to the generated crate root (`models::FullRepository`).
pub fn inspect_json(api: &Api) -> Value {
    let endpoints: Vec<Value> = api.endpoints.iter().map(endpoint_json).collect();
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
            array,
        } => {
            entry.insert("variants".into(), json!(variants));
            entry.insert("discriminator".into(), json!(discriminator));
            // The variant a JSON array decodes into: its Rust name and element model.
            let array = array.as_ref().map(|a| {
                json!({"name": a.name, "type": format!("Vec<models::{}>", a.items), "items": a.items})
            });
            entry.insert("array".into(), json!(array));
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

fn endpoint_json(e: &Endpoint) -> Value {
    let mut params = Vec::new();
    if let Some(server) = &e.server {
        params.push(json!({
            "name": "origin",
            "in": "server",
            "type": "string",
            "required": server.default.is_none(),
            "default": server.default,
        }));
    }
    for p in &e.params {
        flatten(p, None, &mut params);
    }
    let mut out = json!({
        "scope": e.scope,
        "id": e.id,
        "method": e.method,
        "route": e.route,
        "params": params,
        "responses": e
            .responses
            .iter()
            .map(|r| json!({ "status": r.status, "type": schema::response_type_path(r) }))
            .collect::<Vec<_>>(),
    });
    if e.deprecated {
        out["deprecated"] = json!(true);
    }
    if e.triggers_notifications {
        out["triggers_notifications"] = json!(true);
    }
    out
}

/// The enum values of a type or of its array elements.
fn enum_values(ty: &Type) -> Option<&Vec<String>> {
    match ty {
        Type::Enum { values, .. } => Some(values),
        Type::Array { items } => enum_values(items),
        _ => None,
    }
}

/// A timestamp, or an array of them: `inspect` says `"format": "date-time"` like OpenAPI.
fn is_timestamp(ty: &Type) -> bool {
    match ty {
        Type::Timestamp => true,
        Type::Array { items } => is_timestamp(items),
        _ => false,
    }
}

/// A type name, or the list of names of a union.
fn type_json(ty: &Type) -> Value {
    match ty.json_types().as_slice() {
        [one] => json!(one),
        many => json!(many),
    }
}

fn flatten(p: &Param, alternative: Option<&str>, out: &mut Vec<Value>) {
    if out.iter().any(|v| v["name"] == p.spec_name.as_str()) {
        return; // a field common to several alternatives is listed once
    }
    let mut entry = Map::new();
    entry.insert("name".into(), json!(p.spec_name));
    entry.insert("in".into(), json!(p.location));
    entry.insert("type".into(), type_json(&p.ty));
    entry.insert("required".into(), json!(p.required));
    if let Type::Array { items } = &p.ty {
        entry.insert("items".into(), type_json(items));
    }
    if let Some(values) = enum_values(&p.ty) {
        entry.insert("enum".into(), json!(values));
    }
    if is_timestamp(&p.ty) {
        entry.insert("format".into(), json!("date-time"));
    }
    if p.nullable {
        entry.insert("nullable".into(), json!(true));
    }
    if p.deprecated {
        entry.insert("deprecated".into(), json!(true));
    }
    if let Some(alt) = alternative {
        entry.insert("alternative".into(), json!(alt));
    }
    if let Some(names) = alternative_names(&p.ty) {
        entry.insert("one_of".into(), json!(names));
    }
    out.push(Value::Object(entry));
    for alias in &p.aliases {
        out.push(json!({
            "name": alias,
            "in": p.location,
            "type": type_json(&p.ty),
            "required": false,
            "deprecated": true,
            "alias_of": p.spec_name,
        }));
    }
    flatten_type(&p.spec_name, &p.ty, p.location, out);
}

/// The names of the alternatives of a type or of its array elements.
fn alternative_names(ty: &Type) -> Option<Vec<&str>> {
    match ty {
        Type::OneOf { alternatives, .. } => {
            Some(alternatives.iter().map(|a| a.name.as_str()).collect())
        }
        Type::Array { items } => alternative_names(items),
        _ => None,
    }
}

/// The nested entries of a type: object fields, array element fields, `a.*` map values and
/// the fields of each alternative.
fn flatten_type(spec_name: &str, ty: &Type, location: Location, out: &mut Vec<Value>) {
    match ty {
        Type::Object { fields } => fields.iter().for_each(|f| flatten(f, None, out)),
        Type::Array { items } => flatten_type(&format!("{spec_name}[]"), items, location, out),
        Type::OneOf { alternatives, .. } => {
            for alt in alternatives {
                if let Type::Object { fields } = &alt.ty {
                    fields.iter().for_each(|f| flatten(f, Some(&alt.name), out));
                }
            }
        }
        Type::Map { values } => {
            let name = format!("{spec_name}.*");
            let mut entry = Map::new();
            entry.insert("name".into(), json!(name));
            entry.insert("in".into(), json!(location));
            entry.insert("type".into(), type_json(values));
            entry.insert("required".into(), json!(false));
            if let Type::Array { items } = &**values {
                entry.insert("items".into(), type_json(items));
            }
            out.push(Value::Object(entry));
            flatten_type(&name, values, location, out);
        }
        _ => {}
    }
}
