//! Which models become types and which become aliases of a model of the same shape (same
//! fields, types and strictness), and under which scope features each one compiles.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Api;
use crate::schema::{Model, ModelKind, Schema};

use super::naming::scope_module;

/// What `models.rs` holds, decided once per API.
pub struct ModelPlan {
    /// Features (scope modules) per model; a model without an entry is always compiled.
    pub scopes: BTreeMap<String, BTreeSet<String>>,
    /// Model → the model of the same shape it is an alias of (`pub type Alias = Model;`).
    pub alias_of: BTreeMap<String, String>,
}

impl ModelPlan {
    pub fn new(api: &Api) -> Self {
        let alias_of = same_shapes(api);
        let scopes = model_scopes(api, &alias_of);
        ModelPlan { scopes, alias_of }
    }
}

/// Models whose shapes are equal once the models they refer to are (drafted specs repeat
/// small objects such as `_links` entries per parent): each one maps to the group's model
/// with the shortest name. Objects and string enums; one-ofs always stay types.
fn same_shapes(api: &Api) -> BTreeMap<String, String> {
    let identity: BTreeMap<&str, &str> = api
        .models
        .iter()
        .map(|m| (m.name.as_str(), m.name.as_str()))
        .collect();
    let mut canon = identity.clone();
    // Groups only grow as references resolve to the same models: a fixpoint.
    loop {
        let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for m in &api.models {
            if let Some(shape) = shape(m, &canon) {
                groups.entry(shape).or_default().push(&m.name);
            }
        }
        let mut next = identity.clone();
        for members in groups.values() {
            let keep = members
                .iter()
                .min_by_key(|n| (n.len(), **n))
                .expect("a group has members");
            for name in members {
                next.insert(name, keep);
            }
        }
        if next == canon {
            break;
        }
        canon = next;
    }
    canon
        .into_iter()
        .filter(|(name, keep)| name != keep)
        .map(|(name, keep)| (name.to_owned(), keep.to_owned()))
        .collect()
}

/// A key equal for two models exactly when they generate the same type but for its name.
fn shape(model: &Model, canon: &BTreeMap<&str, &str>) -> Option<String> {
    match &model.kind {
        ModelKind::Object { fields } => {
            let mut parts: Vec<String> = fields
                .iter()
                .map(|f| {
                    format!(
                        "{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}",
                        f.wire_name,
                        f.rust_name,
                        f.required,
                        f.nullable,
                        schema_key(&f.schema, canon)
                    )
                })
                .collect();
            parts.sort();
            Some(format!("object\u{2}{}", parts.join("\u{2}")))
        }
        ModelKind::Enum { values } => Some(format!("enum\u{2}{}", values.join("\u{2}"))),
        ModelKind::OneOf { .. } => None,
    }
}

fn schema_key(schema: &Schema, canon: &BTreeMap<&str, &str>) -> String {
    match schema {
        Schema::Ref { name, boxed } => {
            let name = canon.get(name.as_str()).copied().unwrap_or(name);
            format!("ref({name},{boxed})")
        }
        Schema::Array { items } => format!("array({})", schema_key(items, canon)),
        Schema::Map { values } => format!("map({})", schema_key(values, canon)),
        other => format!("{other:?}"),
    }
}

/// For each model, the features (scope modules) whose endpoints reach it, transitively; an
/// alias reaches the model it names.
fn model_scopes(
    api: &Api,
    alias_of: &BTreeMap<String, String>,
) -> BTreeMap<String, BTreeSet<String>> {
    let by_name: BTreeMap<&str, &Model> = api.models.iter().map(|m| (m.name.as_str(), m)).collect();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let shared = super::param_plan::ParamEnums::new(api);
    for e in &api.endpoints {
        let feature = scope_module(&e.scope);
        // Enum models that parameters name (`enum_name:`) are reached by their endpoints too.
        let mut roots: Vec<&str> = shared.models_of(api, e);
        for r in &e.responses {
            if let Some(body) = &r.body {
                refs(body, &mut roots);
            }
        }
        for name in reachable(&by_name, alias_of, roots) {
            out.entry(name.to_owned())
                .or_default()
                .insert(feature.clone());
        }
    }
    // A model no endpoint reaches is always compiled, and so is everything it refers to.
    let unreached: Vec<&str> = api
        .models
        .iter()
        .map(|m| m.name.as_str())
        .filter(|n| !out.contains_key(*n))
        .collect();
    for name in reachable(&by_name, alias_of, unreached) {
        out.remove(name);
    }
    out
}

/// The models reachable from `roots` (the roots included) through fields, variants and aliases.
fn reachable<'a>(
    by_name: &BTreeMap<&str, &'a Model>,
    alias_of: &'a BTreeMap<String, String>,
    mut stack: Vec<&'a str>,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    while let Some(name) = stack.pop() {
        if !seen.insert(name) {
            continue;
        }
        if let Some(target) = alias_of.get(name) {
            stack.push(target);
        }
        if let Some(model) = by_name.get(name) {
            referenced(model, &mut stack);
        }
    }
    seen
}

/// The models a model's own type refers to: field types, `one_of` variants and array items.
pub fn referenced<'a>(model: &'a Model, out: &mut Vec<&'a str>) {
    match &model.kind {
        ModelKind::Object { fields } => fields.iter().for_each(|f| refs(&f.schema, out)),
        ModelKind::OneOf {
            variants, array, ..
        } => {
            out.extend(variants.iter().map(String::as_str));
            out.extend(array.iter().map(|a| a.items.as_str()));
        }
        ModelKind::Enum { .. } => {}
    }
}

/// The model names a schema refers to.
pub fn refs<'a>(schema: &'a Schema, out: &mut Vec<&'a str>) {
    match schema {
        Schema::Ref { name, .. } => out.push(name),
        Schema::Array { items } => refs(items, out),
        Schema::Map { values } => refs(values, out),
        _ => {}
    }
}

#[cfg(test)]
#[path = "model_plan_tests.rs"]
mod tests;
