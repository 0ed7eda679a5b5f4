//! Checks that need every model: references name existing models, discriminators name a
//! field of every variant, and no two fields of one model share a Rust name.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::resolve::Resolver;
use super::{Field, Model, ModelKind};
use crate::diag::Diagnostic;

/// Every reference (field types, responses, `one_of` entries) names a known model.
pub(crate) fn references(r: &mut Resolver) {
    for site in std::mem::take(&mut r.refs) {
        let key = site.name.to_ascii_lowercase();
        let hint = match r.names.get(&key) {
            Some((real, _, _)) if *real == site.name => continue,
            Some((real, _, _)) => format!("did you mean `{real}`? Model names are case-sensitive"),
            None => format!("add `models/{}.yaml`, or fix the name", site.name),
        };
        let what = if site.variant {
            "`one_of` entry"
        } else {
            "type"
        };
        r.diags.push(
            Diagnostic::new(
                &site.file,
                site.line,
                format!("unknown model `{}` in {what}", site.name),
            )
            .with_hint(hint),
        );
    }
}

/// A discriminator must be a field of every variant, and every variant an object model.
pub(crate) fn discriminators(r: &mut Resolver, models: &[Model]) {
    let by_name: HashMap<&str, &Model> = models.iter().map(|m| (m.name.as_str(), m)).collect();
    for (one_of, field, file, line) in std::mem::take(&mut r.discriminators) {
        let Some(ModelKind::OneOf { variants, .. }) = by_name.get(one_of.as_str()).map(|m| &m.kind)
        else {
            continue;
        };
        for v in variants {
            let Some(model) = by_name.get(v.as_str()) else {
                continue; // reported as unknown
            };
            let message = match &model.kind {
                ModelKind::Object { fields } if fields.iter().any(|f| f.wire_name == field) => {
                    continue
                }
                ModelKind::Object { .. } => {
                    format!("discriminator `{field}` is not a field of variant `{v}`")
                }
                _ => format!(
                    "variant `{v}` of a `one_of` with a discriminator is not an object model"
                ),
            };
            r.diags.push(
                Diagnostic::new(&file, line, message)
                    .with_hint("every variant must be an object model with the discriminator field; or drop `discriminator` to try variants in order"),
            );
        }
    }
}

/// One field of a flattened model and where it was declared.
pub(crate) struct Placed<'a> {
    pub field: &'a Field,
    pub file: &'a Path,
    /// Declared by this model (not inherited through `extends`).
    pub own: bool,
}

/// Two fields with one Rust name (`foo-bar` and `foo_bar`), or a field named like the
/// generated `extra` map. Reported where at least one of them is declared by this model.
pub(crate) fn rust_names(fields: &[Placed], diags: &mut Vec<Diagnostic>) {
    let mut first_by_name: HashMap<&str, usize> = HashMap::with_capacity(fields.len());
    for (i, p) in fields.iter().enumerate() {
        if p.own && p.field.rust_name == "extra" {
            diags.push(
                Diagnostic::new(p.file, p.field.line, format!("field `{}` has the Rust name `extra`", p.field.wire_name))
                    .with_hint("generated structs keep unknown keys in `extra`; leave this field out (it is kept there) or rename it"),
            );
        }
        let first = match first_by_name.entry(&p.field.rust_name) {
            std::collections::hash_map::Entry::Occupied(e) => &fields[*e.get()],
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
                continue;
            }
        };
        let at: &Placed = if p.own {
            p
        } else if first.own {
            first
        } else {
            continue;
        };
        let other = if std::ptr::eq(at, p) { first } else { p };
        diags.push(
            Diagnostic::new(
                at.file,
                at.field.line,
                format!(
                    "fields `{}` and `{}` both map to the Rust name `{}`",
                    first.field.wire_name, p.field.wire_name, p.field.rust_name
                ),
            )
            .with_hint(format!(
                "rename or drop one of them (the other is at {}:{})",
                other.file.display(),
                other.field.line
            )),
        );
    }
}

/// The checks of [`rust_names`] on a model whose fields are all its own (hoisted models).
pub(crate) fn own_rust_names(model: &Model, diags: &mut Vec<Diagnostic>) {
    if let ModelKind::Object { fields } = &model.kind {
        let source: PathBuf = model.source.clone();
        let placed: Vec<Placed> = fields
            .iter()
            .map(|field| Placed {
                field,
                file: &source,
                own: true,
            })
            .collect();
        rust_names(&placed, diags);
    }
}
