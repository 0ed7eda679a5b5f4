//! Model changes: response types added, removed or reshaped, their fields, enum values and
//! one-of variants, compared as the Rust types the generated `models` module holds.

use std::collections::BTreeMap;

use super::{Change, Kind, Side};
use crate::model::Api;
use crate::schema::{field_type_path, Field, Model, ModelKind, Schema};

fn kind_name(k: &ModelKind) -> &'static str {
    match k {
        ModelKind::Object { .. } => "object",
        ModelKind::OneOf { .. } => "one_of",
        ModelKind::Enum { .. } => "enum",
    }
}

/// Every model change from `base` to `new`.
pub(super) fn compare(base: &Api, new: &Api) -> Vec<Change> {
    let old: BTreeMap<&str, &Model> = base.models.iter().map(|m| (m.name.as_str(), m)).collect();
    let now: BTreeMap<&str, &Model> = new.models.iter().map(|m| (m.name.as_str(), m)).collect();
    let mut out = Vec::new();
    for (name, b) in &old {
        match now.get(name) {
            None => out.push(
                Change::new(
                    Kind::ModelRemoved,
                    "models",
                    *name,
                    format!("model `{name}` was removed"),
                )
                .values(Some(kind_name(&b.kind).into()), None)
                .at(Side::Base, &b.source, b.line),
            ),
            Some(a) => compare_one(b, a, &mut out),
        }
    }
    for (name, a) in now.iter().filter(|(n, _)| !old.contains_key(*n)) {
        out.push(
            Change::new(
                Kind::ModelAdded,
                "models",
                *name,
                format!("new model `{name}`"),
            )
            .values(None, Some(kind_name(&a.kind).into()))
            .at(Side::New, &a.source, a.line),
        );
    }
    out
}

fn compare_one(b: &Model, a: &Model, out: &mut Vec<Change>) {
    let name = a.name.as_str();
    let change = |kind: Kind, message: String| {
        Change::new(kind, "models", name, message).at(Side::New, &a.source, a.line)
    };
    let mut docs = Vec::new();
    match (&b.kind, &a.kind) {
        (ModelKind::Object { fields: fb }, ModelKind::Object { fields: fa }) => {
            fields(b, a, fb, fa, out, &mut docs)
        }
        (ModelKind::Enum { values: vb }, ModelKind::Enum { values: va }) => {
            for v in vb.iter().filter(|v| !va.contains(v)) {
                out.push(
                    change(
                        Kind::ModelEnumValueRemoved,
                        format!("enum `{name}` lost the value `{v}`"),
                    )
                    .item(v.as_str()),
                );
            }
            for v in va.iter().filter(|v| !vb.contains(v)) {
                out.push(
                    change(
                        Kind::ModelEnumValueAdded,
                        format!("enum `{name}` gained the value `{v}`"),
                    )
                    .item(v.as_str()),
                );
            }
        }
        (
            ModelKind::OneOf {
                variants: vb,
                discriminator: db,
                array: ab,
            },
            ModelKind::OneOf {
                variants: va,
                discriminator: da,
                array: aa,
            },
        ) => {
            let arr = |x: &Option<crate::schema::ArrayVariant>| {
                x.iter()
                    .map(|x| format!("{}: {}[]", x.name, x.items))
                    .collect::<Vec<_>>()
            };
            let before: Vec<String> = vb.iter().cloned().chain(arr(ab)).collect();
            let after: Vec<String> = va.iter().cloned().chain(arr(aa)).collect();
            for v in before.iter().filter(|v| !after.contains(v)) {
                out.push(
                    change(
                        Kind::ModelVariantRemoved,
                        format!("one-of `{name}` lost the variant `{v}`"),
                    )
                    .item(v.as_str()),
                );
            }
            for v in after.iter().filter(|v| !before.contains(v)) {
                out.push(
                    change(
                        Kind::ModelVariantAdded,
                        format!("one-of `{name}` gained the variant `{v}`"),
                    )
                    .item(v.as_str()),
                );
            }
            if db != da {
                out.push(
                    change(
                        Kind::ModelDiscriminatorChanged,
                        format!("one-of `{name}` picks its variant by another field"),
                    )
                    .values(db.clone(), da.clone()),
                );
            }
        }
        (kb, ka) => out.push(
            change(
                Kind::ModelKindChanged,
                format!(
                    "model `{name}` changed from {} to {}",
                    kind_name(kb),
                    kind_name(ka)
                ),
            )
            .values(Some(kind_name(kb).into()), Some(kind_name(ka).into())),
        ),
    }
    if a.doc != b.doc {
        docs.insert(0, "the model".to_owned());
    }
    if !docs.is_empty() {
        out.push(change(
            Kind::DocumentationChanged,
            format!(
                "model `{name}`: documentation of {} changed",
                docs.join(", ")
            ),
        ));
    }
}

fn fields(
    b: &Model,
    a: &Model,
    fb: &[Field],
    fa: &[Field],
    out: &mut Vec<Change>,
    docs: &mut Vec<String>,
) {
    let name = a.name.as_str();
    let old: BTreeMap<&str, &Field> = fb.iter().map(|f| (f.wire_name.as_str(), f)).collect();
    let now: BTreeMap<&str, &Field> = fa.iter().map(|f| (f.wire_name.as_str(), f)).collect();
    let change = |kind: Kind, field: &str, message: String| {
        Change::new(kind, "models", name, message).item(field)
    };
    for (wire, f) in &old {
        let Some(g) = now.get(wire) else {
            out.push(
                change(
                    Kind::ModelFieldRemoved,
                    wire,
                    format!("field `{name}.{}` was removed", f.rust_name),
                )
                .values(Some(field_type_path(f)), None)
                .at(Side::Base, &b.source, f.line),
            );
            continue;
        };
        let (tb, ta) = (field_type_path(f), field_type_path(g));
        if tb != ta
            && f.required == g.required
            && f.nullable == g.nullable
            && same_but_timestamps(&f.schema, &g.schema)
        {
            out.push(
                change(
                    Kind::ModelFieldTimestampChanged,
                    wire,
                    format!(
                        "field `{name}.{}` changed from `{tb}` to `{ta}` (with the `timestamps` \
                         feature; without it `Timestamp` is `String`)",
                        g.rust_name
                    ),
                )
                .values(Some(tb), Some(ta))
                .at(Side::New, &a.source, g.line),
            );
        } else if tb != ta {
            let became_optional = ta == format!("Option<{tb}>");
            let (kind, message) = if became_optional {
                (
                    Kind::ModelFieldBecameOptional,
                    format!(
                        "field `{name}.{}` became `{ta}` (may be absent or null)",
                        g.rust_name
                    ),
                )
            } else {
                (
                    Kind::ModelFieldTypeChanged,
                    format!(
                        "field `{name}.{}` changed from `{tb}` to `{ta}`",
                        g.rust_name
                    ),
                )
            };
            out.push(change(kind, wire, message).values(Some(tb), Some(ta)).at(
                Side::New,
                &a.source,
                g.line,
            ));
        }
        if f.doc != g.doc {
            docs.push(format!("field `{wire}`"));
        }
    }
    for (wire, g) in now.iter().filter(|(w, _)| !old.contains_key(*w)) {
        out.push(
            change(
                Kind::ModelFieldAdded,
                wire,
                format!("new field `{name}.{}: {}`", g.rust_name, field_type_path(g)),
            )
            .values(None, Some(field_type_path(g)))
            .at(Side::New, &a.source, g.line),
        );
    }
}

/// The two schemas are equal once `timestamp` is read as `string` (at any depth).
fn same_but_timestamps(a: &Schema, b: &Schema) -> bool {
    match (a, b) {
        (Schema::Timestamp | Schema::String, Schema::Timestamp | Schema::String) => true,
        (Schema::Array { items: x }, Schema::Array { items: y })
        | (Schema::Map { values: x }, Schema::Map { values: y }) => same_but_timestamps(x, y),
        _ => a == b,
    }
}
