//! Which enum parameters share one type in `params`: one per idea (the name the enum gets in
//! its endpoint's module) and value set that two or more endpoints use; see [`ParamEnums`].

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::endpoint::{generates_module, typed_params};
use super::models::model_ident;
use super::naming::{scope_module, type_name, variant_name, Names};
use super::types::{array_item_hint, member_name, PRELUDE};
use crate::model::{Api, Endpoint, Type};
use crate::schema::ModelKind;

/// Values spelled out in full in the name of an idea's several sets.
const SPELLED_VALUES: usize = 4;

/// The shared enums of one API, looked up by what a parameter's type says.
///
/// Naming: an idea with one shared value set keeps its name (`Direction`, `PackageType`).
/// An idea with several takes its values, sorted, after the name: up to four values are all
/// spelled (`SortCreatedUpdated`, `StateAllClosedOpen`); a longer set is spelled by its first
/// two and a count (`StatusActionRequiredCancelledAnd12More`). Names so depend only on the
/// idea and the value sets of that idea, never on the order of specs. A spec names an enum
/// with `enum_name:` (that name, shared by every spec giving it; a model enum of that name and
/// values is used as it is). Enums that only one endpoint uses stay in its module.
#[derive(Debug, Default)]
pub struct ParamEnums {
    by_key: BTreeMap<Key, usize>,
    /// Every shared enum, sorted by name.
    pub enums: Vec<SharedEnum>,
}

/// What makes two enum parameters one type: the idea, the set of values, whether a spec
/// named it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    idea: String,
    /// Sorted, each once.
    values: Vec<String>,
    named: bool,
}

impl Key {
    fn new(hint: &str, values: &[String], name: Option<&str>) -> Key {
        let mut sorted: Vec<String> = values.to_vec();
        sorted.sort();
        sorted.dedup();
        Key {
            idea: name.map_or_else(|| type_name(hint), str::to_owned),
            values: sorted,
            named: name.is_some(),
        }
    }
}

/// One shared enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedEnum {
    /// Its Rust name in `params` (or the model's name when `model`).
    pub name: String,
    /// The values in the order of the first endpoint (by scope and id) that uses it.
    pub values: Vec<String>,
    /// The parameters' description when every use has the same one.
    pub description: Option<String>,
    /// The features (scope modules) of the endpoints using it.
    pub scopes: BTreeSet<String>,
    /// Where it is used, as `client.scope().method()` texts, sorted.
    pub uses: Vec<String>,
    /// The wire names of the parameters it types (`direction`), sorted.
    pub params: Vec<String>,
    /// A spec named a model enum of the same values: the type is `models::<name>`.
    pub model: bool,
}

impl ParamEnums {
    /// The shared enums of `api`.
    pub fn new(api: &Api) -> ParamEnums {
        let mut found: BTreeMap<Key, Found> = BTreeMap::new();
        for e in api.endpoints.iter().filter(|e| generates_module(api, e)) {
            for (p, ty) in typed_params(e) {
                let mut cx = Walk {
                    endpoint: e,
                    wire: p.wire_name.clone(),
                    found: &mut found,
                };
                cx.walk(ty, &p.spec_name, &p.description);
            }
        }
        found.retain(|k, f| k.named || f.endpoints.len() > 1);
        let model_enums: BTreeMap<&str, BTreeSet<&str>> = api
            .models
            .iter()
            .filter_map(|m| match &m.kind {
                ModelKind::Enum { values } => {
                    Some((m.name.as_str(), values.iter().map(String::as_str).collect()))
                }
                _ => None,
            })
            .collect();
        let names = names(&found, &model_enums);
        let mut enums: Vec<(Key, SharedEnum)> = found
            .into_iter()
            .map(|(key, f)| {
                let (name, model) = names[&key].clone();
                let description = (f.descriptions.len() == 1)
                    .then(|| f.descriptions.into_iter().next())
                    .flatten()
                    .filter(|d| !d.trim().is_empty());
                let shared = SharedEnum {
                    name,
                    values: f.values,
                    description,
                    scopes: f.scopes,
                    uses: f.uses.into_iter().collect(),
                    params: f.params.into_iter().collect(),
                    model,
                };
                (key, shared)
            })
            .collect();
        enums.sort_by(|a, b| a.1.name.cmp(&b.1.name).then_with(|| a.0.cmp(&b.0)));
        let by_key = enums
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
        ParamEnums {
            by_key,
            enums: enums.into_iter().map(|(_, s)| s).collect(),
        }
    }

    /// The shared enum for an enum of `values` named from `hint` (or named `name` by its spec).
    pub fn get(&self, hint: &str, values: &[String], name: Option<&str>) -> Option<&SharedEnum> {
        self.by_key
            .get(&Key::new(hint, values, name))
            .map(|&i| &self.enums[i])
    }

    /// The models parameters of `endpoint` use as their enum type.
    pub fn models_of<'a>(&'a self, api: &Api, endpoint: &Endpoint) -> Vec<&'a str> {
        let mut out = Vec::new();
        if !generates_module(api, endpoint) {
            return out;
        }
        for (p, _) in typed_params(endpoint) {
            p.ty.each_enum(&mut |values, name| {
                if let Some(shared) = name
                    .and_then(|n| self.get("", values, Some(n)))
                    .filter(|s| s.model)
                {
                    out.push(shared.name.as_str());
                }
            });
        }
        out
    }
}

impl SharedEnum {
    /// Its path from the crate root `root` (`crate::params::Direction`).
    pub fn path(&self, root: &TokenStream) -> TokenStream {
        if self.model {
            let id = model_ident(&self.name);
            quote!(#root::models::#id)
        } else {
            let id = format_ident!("{}", self.name);
            quote!(#root::params::#id)
        }
    }
}

/// What is known of one key while walking the endpoints.
#[derive(Debug, Default)]
struct Found {
    values: Vec<String>,
    endpoints: BTreeSet<(String, String)>,
    descriptions: BTreeSet<String>,
    scopes: BTreeSet<String>,
    uses: BTreeSet<String>,
    params: BTreeSet<String>,
}

/// The walk over one parameter's type, naming nested types exactly as `TypeCx` does.
struct Walk<'a, 'f> {
    endpoint: &'a Endpoint,
    /// The wire name of the parameter (or nested field) being walked.
    wire: String,
    found: &'f mut BTreeMap<Key, Found>,
}

impl Walk<'_, '_> {
    fn walk(&mut self, ty: &Type, hint: &str, doc: &str) {
        match ty {
            Type::Enum { values, name } => self.record(values, hint, name.as_deref(), doc),
            Type::Array { items } => self.walk(items, &array_item_hint(hint, items), doc),
            Type::Map { values } => self.walk(values, &format!("{hint}_value"), doc),
            Type::Union { types } => {
                for t in types {
                    self.walk(t, &format!("{hint}_{}", member_name(t)), doc);
                }
            }
            Type::OneOf { alternatives, .. } => {
                for alt in alternatives {
                    match &alt.ty {
                        Type::Object { fields } if !fields.is_empty() => self.fields(fields),
                        t => self.walk(t, &format!("{hint}_{}", alt.name), doc),
                    }
                }
            }
            Type::Object { fields } => self.fields(fields),
            _ => {}
        }
    }

    fn fields(&mut self, fields: &[crate::model::Param]) {
        for f in fields {
            let wire = std::mem::replace(&mut self.wire, f.wire_name.clone());
            self.walk(&f.ty, &f.spec_name, &f.description);
            self.wire = wire;
        }
    }

    fn record(&mut self, values: &[String], hint: &str, name: Option<&str>, doc: &str) {
        let e = self.endpoint;
        let found = self.found.entry(Key::new(hint, values, name)).or_default();
        if found.values.is_empty() {
            found.values = values.to_vec();
        }
        found.endpoints.insert((e.scope.clone(), e.id.clone()));
        found.descriptions.insert(doc.trim().to_owned());
        let scope = scope_module(&e.scope);
        found.uses.insert(format!(
            "client.{scope}().{}()",
            e.rust_name.trim_start_matches("r#")
        ));
        found.scopes.insert(scope);
        found.params.insert(self.wire.clone());
    }
}

/// Each key's name and whether it is a model's: spec-given names first, then each idea's
/// own name where it has one set, then the spelled names (see the module doc).
fn names(
    found: &BTreeMap<Key, Found>,
    model_enums: &BTreeMap<&str, BTreeSet<&str>>,
) -> BTreeMap<Key, (String, bool)> {
    let mut taken = Names::with_reserved(PRELUDE);
    let mut out = BTreeMap::new();
    for key in found.keys().filter(|k| k.named) {
        let is_model = model_enums.get(key.idea.as_str()).is_some_and(|values| {
            values
                .iter()
                .copied()
                .eq(key.values.iter().map(String::as_str))
        });
        if !is_model {
            taken.claim(&key.idea);
        }
        out.insert(key.clone(), (key.idea.clone(), is_model));
    }
    let mut ideas: BTreeMap<&str, Vec<&Key>> = BTreeMap::new();
    for key in found.keys().filter(|k| !k.named) {
        ideas.entry(key.idea.as_str()).or_default().push(key);
    }
    let mut spelled = Vec::new();
    for (idea, keys) in &ideas {
        match keys.as_slice() {
            [one] if !out.values().any(|(n, model)| !model && n == idea) => {
                out.insert((*one).clone(), (taken.claim(idea), false));
            }
            _ => spelled.extend(keys.iter().copied()),
        }
    }
    for key in spelled {
        let name = taken.claim(&spelled_name(&key.idea, &key.values));
        out.insert(key.clone(), (name, false));
    }
    out
}

/// `idea` followed by its (sorted) values, or the first two and a count when there are more
/// than [`SPELLED_VALUES`].
pub fn spelled_name(idea: &str, sorted_values: &[String]) -> String {
    let word = |v: &String| {
        let name = variant_name(v);
        match name.strip_prefix('V') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_owned(),
            _ => name,
        }
    };
    let mut name = idea.to_owned();
    if sorted_values.len() <= SPELLED_VALUES {
        sorted_values.iter().for_each(|v| name.push_str(&word(v)));
    } else {
        sorted_values[..2]
            .iter()
            .for_each(|v| name.push_str(&word(v)));
        name.push_str(&format!("And{}More", sorted_values.len() - 2));
    }
    name
}

#[cfg(test)]
#[path = "param_plan_tests.rs"]
mod tests;
