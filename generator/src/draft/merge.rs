//! Drafts of one model from several descriptions, merged: required only where every source
//! requires it, nullable where any says null, enum values and `one_of` variants united.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::convert::{Converter, Drafted, FieldDraft, ModelDraft, Ty, Typed};
use super::openapi::Doc;

/// The property is not in that description's schema.
pub(crate) const ABSENT: &str = "absent in";
/// The description has the property but does not require it.
pub(crate) const NOT_REQUIRED: &str = "not required in";
/// An example of that description leaves it out.
pub(crate) const MISSING_IN_EXAMPLE: &str = "missing in an example in";
/// The description says it may be null.
pub(crate) const NULLABLE: &str = "nullable in";
/// An example of that description gives `null`.
pub(crate) const NULL_IN_EXAMPLE: &str = "null in an example in";

/// What the descriptions and examples said of one field, for the comment of a field whose
/// draft is looser than some description (`# optional: absent in ghes-3.14`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Evidence {
    /// Some description requires it.
    pub required_somewhere: bool,
    /// Why it may be absent: one of the kinds above -> platforms.
    pub optional: BTreeMap<&'static str, BTreeSet<String>>,
    /// Some description says it is never null.
    pub non_null_somewhere: bool,
    /// Why it may be null: kind -> platforms.
    pub null: BTreeMap<&'static str, BTreeSet<String>>,
}

impl Evidence {
    pub fn merge(&mut self, other: Evidence) {
        self.required_somewhere |= other.required_somewhere;
        self.non_null_somewhere |= other.non_null_somewhere;
        for (kind, from) in other.optional {
            self.optional.entry(kind).or_default().extend(from);
        }
        for (kind, from) in other.null {
            self.null.entry(kind).or_default().extend(from);
        }
    }

    /// Comment lines for a field drafted `required`/`nullable`: why it is looser than a
    /// description says (none when every source agrees).
    pub fn comments(&self, required: bool, nullable: bool) -> Vec<String> {
        let mut out = Vec::new();
        if !required && self.required_somewhere && !self.optional.is_empty() {
            out.push(format!("optional: {}", reasons(&self.optional)));
        }
        if nullable && self.non_null_somewhere && !self.null.is_empty() {
            out.push(format!("nullable: {}", reasons(&self.null)));
        }
        out
    }
}

fn reasons(map: &BTreeMap<&'static str, BTreeSet<String>>) -> String {
    let order = [
        ABSENT,
        NOT_REQUIRED,
        MISSING_IN_EXAMPLE,
        NULLABLE,
        NULL_IN_EXAMPLE,
    ];
    order
        .iter()
        .filter_map(|k| Some(format!("{k} {}", platforms(map.get(k)?))))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `api.github.com, ghes-3.14 to 3.16`: consecutive GHES versions as one range.
pub(crate) fn platforms(set: &BTreeSet<String>) -> String {
    let mut named: Vec<String> = Vec::new();
    let mut ghes: Vec<(u32, u32)> = Vec::new();
    for p in set {
        let version = p.strip_prefix("ghes-").and_then(|v| {
            let (a, b) = v.split_once('.')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        });
        match version {
            Some(v) => ghes.push(v),
            None => named.push(p.clone()),
        }
    }
    ghes.sort_unstable();
    let mut i = 0;
    while i < ghes.len() {
        let mut j = i;
        while j + 1 < ghes.len() && ghes[j + 1] == (ghes[j].0, ghes[j].1 + 1) {
            j += 1;
        }
        let (a, b) = ghes[i];
        named.push(if j == i {
            format!("ghes-{a}.{b}")
        } else {
            format!("ghes-{a}.{b} to {}.{}", ghes[j].0, ghes[j].1)
        });
        i = j + 1;
    }
    named.join(", ")
}

impl FieldDraft {
    /// A field as one description (`platform`) drafts it.
    pub fn drafted(name: String, required: bool, ty: Typed, platform: &str) -> FieldDraft {
        let mut evidence = Evidence {
            required_somewhere: required,
            non_null_somewhere: !ty.nullable,
            ..Evidence::default()
        };
        let one = || BTreeSet::from([platform.to_string()]);
        if !required {
            evidence.optional.insert(NOT_REQUIRED, one());
        }
        if ty.nullable {
            evidence.null.insert(NULLABLE, one());
        }
        FieldDraft {
            name,
            required,
            ty,
            evidence,
        }
    }
}

/// Who is merged with whom, for the reasons and notes.
struct Sides<'a> {
    /// Platforms the draft so far came from.
    old: &'a BTreeSet<String>,
    /// Platforms of the draft merged in.
    new: &'a BTreeSet<String>,
    notes: &'a mut BTreeSet<String>,
}

impl Converter<'_> {
    /// The name of the `i`-th inline alternative of a `oneOf` at `ctx`: `<ctx>Variant<i+1>`,
    /// unless another description gave that name to an alternative of another shape (the
    /// descriptions list different alternatives: GHES lacks newer rule kinds); the same
    /// shape in another description is the same variant, whatever its position.
    pub(crate) fn variant_name(&mut self, d: usize, alt: &Value, ctx: &str, i: usize) -> String {
        let key = (ctx.to_string(), signature(&self.docs[d], alt));
        if let Some(name) = self.variants.get(&key) {
            return name.clone();
        }
        let taken = |n: &String| self.variants.iter().any(|((c, _), v)| c == ctx && v == n);
        let name = (i + 1..)
            .map(|k| format!("{ctx}Variant{k}"))
            .find(|n| !taken(n))
            .expect("a free name");
        self.variants.insert(key, name.clone());
        name
    }

    /// Adds a drafted model, merging it into the draft of the same name from other
    /// descriptions.
    pub(crate) fn insert_model(&mut self, name: &str, drafted: Drafted) {
        let Some(old) = self.models.get_mut(name) else {
            self.models.insert(name.to_string(), drafted);
            return;
        };
        let mut sides = Sides {
            old: &old.platforms.clone(),
            new: &drafted.platforms,
            notes: &mut self.notes,
        };
        merge_model(&mut old.model, drafted.model, &mut sides, name);
        old.platforms.extend(drafted.platforms);
    }
}

fn merge_model(a: &mut ModelDraft, b: ModelDraft, sides: &mut Sides, name: &str) {
    match (a, b) {
        (
            ModelDraft::Object { extends, fields },
            ModelDraft::Object {
                extends: e2,
                fields: f2,
            },
        ) => {
            if *extends != e2 {
                sides.notes.insert(format!(
                    "{name}: the descriptions disagree on its base ({extends:?}, {e2:?}); kept the first"
                ));
                return;
            }
            merge_fields(fields, f2, sides, name);
        }
        (
            ModelDraft::OneOf {
                variants,
                discriminator,
            },
            ModelDraft::OneOf {
                variants: v2,
                discriminator: d2,
            },
        ) => {
            unite(variants, v2);
            if *discriminator != d2 {
                *discriminator = None;
            }
        }
        (ModelDraft::Enum(values), ModelDraft::Enum(v2)) => unite(values, v2),
        (a, b) => {
            sides.notes.insert(format!(
                "{name}: the descriptions disagree on its kind ({}, {}); kept the first",
                kind(a),
                kind(&b)
            ));
        }
    }
}

fn kind(m: &ModelDraft) -> &'static str {
    match m {
        ModelDraft::Object { .. } => "object",
        ModelDraft::OneOf { .. } => "one_of",
        ModelDraft::Enum(_) => "enum",
    }
}

/// Appends the values of `b` that `a` lacks.
fn unite(a: &mut Vec<String>, b: Vec<String>) {
    for v in b {
        if !a.contains(&v) {
            a.push(v);
        }
    }
}

fn merge_fields(a: &mut Vec<FieldDraft>, b: Vec<FieldDraft>, sides: &mut Sides, ctx: &str) {
    for f in a.iter_mut() {
        if !b.iter().any(|g| g.name == f.name) {
            f.required = false;
            let absent = f.evidence.optional.entry(ABSENT).or_default();
            absent.extend(sides.new.iter().cloned());
        }
    }
    let sorted = a.windows(2).all(|w| w[0].name <= w[1].name);
    for mut g in b {
        match a.iter_mut().find(|f| f.name == g.name) {
            Some(f) => {
                f.required &= g.required;
                f.evidence.merge(g.evidence);
                merge_typed(&mut f.ty, g.ty, sides, &format!("{ctx}.{}", f.name));
            }
            None => {
                g.required = false;
                let absent = g.evidence.optional.entry(ABSENT).or_default();
                absent.extend(sides.old.iter().cloned());
                let at = if sorted {
                    a.partition_point(|f| f.name < g.name)
                } else {
                    a.len()
                };
                a.insert(at, g);
            }
        }
    }
}

/// The type that takes the values of both: scalars that differ become `number` or `any`.
fn merge_typed(a: &mut Typed, b: Typed, sides: &mut Sides, ctx: &str) {
    a.nullable |= b.nullable;
    if a.ty == b.ty {
        return;
    }
    match (&mut a.ty, b.ty) {
        (Ty::Scalar(x), Ty::Scalar(y)) => {
            *x = match (*x, y) {
                ("integer", "number") | ("number", "integer") => "number",
                // A date-time where any description says so (the others call it a string).
                ("string", "timestamp") | ("timestamp", "string") => "timestamp",
                ("any", _) | (_, "any") => "any",
                _ => {
                    sides.notes.insert(format!(
                        "{ctx}: the descriptions disagree ({x}, {y}); drafted as `any`"
                    ));
                    "any"
                }
            }
        }
        (Ty::Array(x), Ty::Array(y)) | (Ty::Map(x), Ty::Map(y)) => merge_typed(x, *y, sides, ctx),
        (Ty::Object(x), Ty::Object(y)) => merge_fields(x, y, sides, ctx),
        (Ty::Enum(x), Ty::Enum(y)) => unite(x, y),
        (Ty::OneOf(x), Ty::OneOf(y)) => unite(x, y),
        // A string without listed values: the enum (with its `Other`) takes every string.
        (Ty::Enum(_), Ty::Scalar("string")) | (Ty::Scalar("any"), _) => {}
        (Ty::Scalar("string"), y @ Ty::Enum(_)) => a.ty = y,
        (Ty::Named(x), Ty::Named(y)) => {
            sides.notes.insert(format!(
                "{ctx}: the descriptions name different models ({x}, {y}); kept {x}"
            ));
        }
        (_, y) => {
            sides.notes.insert(format!(
                "{ctx}: the descriptions disagree on its type ({}, {}); drafted as `any`",
                ty_kind(&a.ty),
                ty_kind(&y)
            ));
            a.ty = Ty::Scalar("any");
        }
    }
}

fn ty_kind(t: &Ty) -> &str {
    match t {
        Ty::Scalar(s) => s,
        Ty::Named(n) => n,
        Ty::Array(_) => "array",
        Ty::Map(_) => "map",
        Ty::Object(_) => "object",
        Ty::Enum(_) => "enum",
        Ty::OneOf(_) => "one_of",
    }
}

/// What identifies an inline alternative across descriptions: the components its `allOf`
/// extends and its property names, with the value of any one-value enum (a tag).
fn signature(doc: &Doc, alt: &Value) -> String {
    let (v, _) = doc.deref(alt);
    let mut parts: Vec<String> = Vec::new();
    let mut props = Vec::new();
    for part in v["allOf"].as_array().into_iter().flatten() {
        match part.get("$ref").and_then(Value::as_str) {
            Some(r) => parts.push(r.rsplit('/').next().unwrap_or(r).to_string()),
            None => props.push(part),
        }
    }
    props.push(v);
    for p in props {
        for (name, schema) in doc.deref(p).0["properties"]
            .as_object()
            .into_iter()
            .flatten()
        {
            let tag = doc.deref(schema).0["enum"]
                .as_array()
                .filter(|e| e.len() == 1)
                .map(|e| format!("={}", e[0]));
            parts.push(format!("{name}{}", tag.unwrap_or_default()));
        }
    }
    parts.sort();
    parts.join(",")
}
