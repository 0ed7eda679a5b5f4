//! What all descriptions and examples say of each (model, field): required where all require
//! it and every example has it, nullable where any says null; enums the union.

use std::collections::{BTreeMap, BTreeSet};

use client_generator::schema::{Field, Model, ModelKind, Schema};
use serde_json::{Map, Value};

use crate::reference::Doc;

/// One field of one of our models, as seen by the descriptions and examples.
#[derive(Debug, Default)]
pub struct FieldFacts {
    /// Our `(required, nullable)`, once the field was compared.
    pub ours: Option<(bool, bool)>,
    /// Compared with at least one reference object (only then is it scored).
    pub compared: bool,
    /// Some reference object of this model has the property.
    pub theirs: bool,
    /// Some reference object lacks it or does not require it.
    pub optional_somewhere: bool,
    /// Some reference object requires it.
    pub required_somewhere: bool,
    pub nullable_somewhere: bool,
    pub example_absent: bool,
    pub example_null: bool,
}

impl FieldFacts {
    pub fn want_required(&self) -> bool {
        !self.optional_somewhere && !self.example_absent
    }

    pub fn want_nullable(&self) -> bool {
        self.nullable_somewhere || self.example_null
    }
}

/// Enum values: ours, and the union of the descriptions'.
type Values = (Option<BTreeSet<String>>, Option<BTreeSet<String>>);

#[derive(Debug, Default)]
pub struct Facts {
    pub fields: BTreeMap<(String, String), FieldFacts>,
    /// At a place (`Model.field`): our values and the union of the descriptions'.
    pub enums: BTreeMap<String, Values>,
}

impl Facts {
    pub fn field(&mut self, model: &str, field: &str) -> &mut FieldFacts {
        self.fields
            .entry((model.to_string(), field.to_string()))
            .or_default()
    }

    pub fn enum_at(
        &mut self,
        at: &str,
        ours: Option<BTreeSet<String>>,
        theirs: Option<BTreeSet<String>>,
    ) {
        let slot = self.enums.entry(at.to_string()).or_default();
        slot.0 = ours;
        if let Some(values) = theirs {
            slot.1.get_or_insert_with(BTreeSet::new).extend(values);
        }
    }
}

/// The examples of a media type object (`examples` by name, or one `example`).
pub fn examples<'a>(doc: &Doc<'a>, media: &'a Value) -> Vec<&'a Value> {
    let mut out: Vec<&Value> = media["examples"]
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(|ex| doc.deref(ex).get("value"))
        .collect();
    out.extend(media.get("example"));
    out
}

/// Walks one example through our declared type, noting fields it leaves out or gives as
/// `null`. Values of another type are the example's problem, not evidence.
pub fn walk(
    models: &BTreeMap<String, Model>,
    s: &Schema,
    v: &Value,
    facts: &mut Facts,
    depth: usize,
) {
    if depth > 64 {
        return;
    }
    match (s, v) {
        (Schema::Array { items }, Value::Array(xs)) => {
            xs.iter()
                .for_each(|x| walk(models, items, x, facts, depth + 1));
        }
        (Schema::Map { values }, Value::Object(o)) => {
            o.values()
                .for_each(|x| walk(models, values, x, facts, depth + 1));
        }
        (Schema::Ref { name, .. }, _) => match models.get(name).map(|m| &m.kind) {
            Some(ModelKind::Object { fields }) => {
                let Value::Object(o) = v else { return };
                if !instance_of(name, fields, o, facts) {
                    return;
                }
                for f in fields {
                    match o.get(&f.wire_name) {
                        None => facts.field(name, &f.wire_name).example_absent = true,
                        Some(Value::Null) => facts.field(name, &f.wire_name).example_null = true,
                        Some(x) => walk(models, &f.schema, x, facts, depth + 1),
                    }
                }
            }
            Some(ModelKind::OneOf {
                variants,
                discriminator,
                array,
            }) => match v {
                Value::Array(_) => {
                    if let Some(a) = array {
                        let items = Schema::Ref {
                            name: a.items.clone(),
                            boxed: false,
                        };
                        let list = Schema::Array {
                            items: Box::new(items),
                        };
                        walk(models, &list, v, facts, depth + 1);
                    }
                }
                Value::Object(o) => {
                    if let Some(variant) = pick(models, variants, discriminator.as_deref(), o) {
                        let s = Schema::Ref {
                            name: variant.clone(),
                            boxed: false,
                        };
                        walk(models, &s, v, facts, depth + 1);
                    }
                }
                _ => {}
            },
            _ => {}
        },
        _ => {}
    }
}

/// Whether an example object is an instance of the model at all (the rule `draft-models`
/// follows): it lacks at most two thirds of the fields some description requires, or fewer
/// than four. A team where a user or a team may stand is no evidence about users.
fn instance_of(model: &str, fields: &[Field], o: &Map<String, Value>, facts: &mut Facts) -> bool {
    let required: Vec<&Field> = fields
        .iter()
        .filter(|f| facts.field(model, &f.wire_name).required_somewhere)
        .collect();
    let missing = required
        .iter()
        .filter(|f| !o.contains_key(&f.wire_name))
        .count();
    missing < 4 || missing * 3 <= required.len() * 2
}

/// The variant an object decodes as: by the discriminator, else the first whose required
/// fields are all present.
fn pick<'m>(
    models: &'m BTreeMap<String, Model>,
    variants: &'m [String],
    tag: Option<&str>,
    o: &serde_json::Map<String, Value>,
) -> Option<&'m String> {
    let fields = |v: &str| match models.get(v).map(|m| &m.kind) {
        Some(ModelKind::Object { fields }) => fields.as_slice(),
        _ => &[],
    };
    if let Some(tag) = tag {
        let value = o.get(tag)?.as_str()?;
        return variants.iter().find(|v| {
            fields(v).iter().any(|f| {
                f.wire_name == tag
                    && matches!(&f.schema, Schema::Ref { name, .. }
                        if matches!(models.get(name).map(|m| &m.kind),
                            Some(ModelKind::Enum { values }) if values.iter().any(|x| x == value)))
            })
        });
    }
    variants.iter().find(|v| {
        let fs = fields(v);
        !fs.is_empty()
            && fs
                .iter()
                .all(|f| !f.required || o.contains_key(&f.wire_name))
    })
}

/// Whether a reference schema is a `$ref` to a component another model than `model` was
/// drafted from (`pull-request` for `PullRequestMinimal`).
pub fn foreign(theirs: &Value, model: &str) -> bool {
    let Some(key) = theirs
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
    else {
        return false;
    };
    let camel: String = key
        .trim_start_matches("nullable-")
        .split(['-', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    // A drafted name may carry a digit where the plain one was taken (`State2`).
    let model = model.trim_end_matches(|c: char| c.is_ascii_digit());
    !model.eq_ignore_ascii_case(&camel)
}
