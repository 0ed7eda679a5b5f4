//! `one_of`: alternatives of which exactly one is sent, stated in the front-matter or read
//! from the text, folded into [`Type::OneOf`] (nested values or top-level row groups).

use super::explicit::scalar_type;
use super::rust_ident;
use super::{Alternative, Location, Param, Type};
use crate::diag::Diagnostic;
use crate::infer::RowGroup;
use crate::parse::{group_row, AlternativeGroup, SpecFile};

/// The alternatives of a nested value (`source`: a string or `{branch, path}`; the fields of
/// `rules[].parameters` by rule). Row groups pick fields of the value's object; fields in no
/// group are sent with every alternative; a type group is the value as that type.
pub fn nested(parent: &str, ty: Type, groups: &[AlternativeGroup]) -> Type {
    let (fields, array) = match &ty {
        Type::Object { fields } => (fields.clone(), false),
        Type::Array { items } => match &**items {
            Type::Object { fields } => (fields.clone(), true),
            _ => (Vec::new(), false),
        },
        _ => (Vec::new(), false),
    };
    let exists = |n: &str| fields.iter().any(|f| f.spec_name == n);
    let grouped: Vec<String> = groups
        .iter()
        .filter_map(|g| match g {
            AlternativeGroup::Rows(rows) => Some(rows),
            AlternativeGroup::Type(_) => None,
        })
        .flatten()
        .filter_map(|r| group_row(parent, r, exists))
        .collect();
    let alternatives = groups
        .iter()
        .map(|g| match g {
            AlternativeGroup::Rows(rows) => {
                let names: Vec<String> = rows
                    .iter()
                    .filter_map(|r| group_row(parent, r, exists))
                    .collect();
                let picked = fields
                    .iter()
                    .filter(|f| names.contains(&f.spec_name) || !grouped.contains(&f.spec_name))
                    .cloned()
                    .collect();
                Alternative {
                    name: rows[0].clone(),
                    ty: Type::Object { fields: picked },
                }
            }
            AlternativeGroup::Type(t) if t == "object" && !fields.is_empty() => Alternative {
                name: t.clone(),
                ty: Type::Object {
                    fields: fields.clone(),
                },
            },
            AlternativeGroup::Type(t) => Alternative {
                name: t.clone(),
                ty: scalar_type(t).unwrap_or(Type::Any),
            },
        })
        .collect();
    let one_of = Type::OneOf {
        alternatives,
        merged: false,
    };
    if array {
        Type::Array {
            items: Box::new(one_of),
        }
    } else {
        one_of
    }
}

/// Replace the top-level body parameters named in `groups` by one parameter whose value is
/// the chosen group, merged into the body (`repository_id` or `pull_request`). Required when
/// any grouped row is required (one alternative must be sent). Named `name`, else after the
/// groups (`repository_id_or_pull_request`).
pub fn top_level(
    spec: &SpecFile,
    params: &mut Vec<Param>,
    groups: &[RowGroup],
    name: Option<String>,
    line: usize,
    diags: &mut Vec<Diagnostic>,
) {
    let grouped: Vec<&String> = groups.iter().flat_map(|g| &g.rows).collect();
    if let Some(p) = params
        .iter()
        .find(|p| grouped.contains(&&p.spec_name) && p.location != Location::Body)
    {
        diags.push(
            Diagnostic::new(
                &spec.path,
                line,
                format!(
                    "`one_of` groups `{}`, which is not a body parameter",
                    p.spec_name
                ),
            )
            .with_hint("alternatives choose between body fields"),
        );
        return;
    }
    let Some(at) = params.iter().position(|p| grouped.contains(&&p.spec_name)) else {
        return;
    };
    let alternatives: Vec<Alternative> = groups
        .iter()
        .map(|g| Alternative {
            name: g.name.clone(),
            ty: Type::Object {
                fields: params
                    .iter()
                    .filter(|p| g.rows.contains(&p.spec_name))
                    .cloned()
                    .collect(),
            },
        })
        .collect();
    let required = params
        .iter()
        .any(|p| grouped.contains(&&p.spec_name) && p.required);
    let name = name.unwrap_or_else(|| {
        groups
            .iter()
            .map(|g| g.name.as_str())
            .collect::<Vec<_>>()
            .join("_or_")
    });
    let separator = if groups.iter().all(|g| g.rows.len() < 2) {
        ", or "
    } else {
        "; or "
    };
    let description = format!(
        "Exactly one of: {}.",
        groups
            .iter()
            .map(|g| rows_text(&g.rows))
            .collect::<Vec<_>>()
            .join(separator)
    );
    let choice = Param {
        spec_name: name.clone(),
        wire_name: name.clone(),
        rust_name: rust_ident(&name),
        location: Location::Body,
        ty: Type::OneOf {
            alternatives,
            merged: true,
        },
        required,
        nullable: false,
        allows_slash: false,
        deprecated: false,
        aliases: Vec::new(),
        description,
        line,
    };
    params.retain(|p| !grouped.contains(&&p.spec_name));
    params.insert(at.min(params.len()), choice);
}

/// "`a`", "`a` and `b`", "`a`, `b` and `c`".
fn rows_text(rows: &[String]) -> String {
    let ticked: Vec<String> = rows.iter().map(|r| format!("`{r}`")).collect();
    match ticked.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => ticked.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(spec: &str, required: bool) -> Param {
        let wire = spec.rsplit('.').next().unwrap_or(spec);
        Param {
            spec_name: spec.into(),
            wire_name: wire.into(),
            rust_name: rust_ident(wire),
            location: Location::Body,
            ty: Type::String,
            required,
            nullable: false,
            allows_slash: false,
            deprecated: false,
            aliases: Vec::new(),
            description: String::new(),
            line: 1,
        }
    }

    #[test]
    fn nested_groups_pick_fields_and_share_the_rest() {
        let ty = Type::Object {
            fields: vec![
                field("p.kind", true),
                field("p.a", false),
                field("p.b", false),
            ],
        };
        let groups = [
            AlternativeGroup::Rows(vec!["a".into()]),
            AlternativeGroup::Rows(vec!["b".into()]),
            AlternativeGroup::Type("string".into()),
        ];
        let Type::OneOf {
            alternatives,
            merged: false,
        } = nested("p", ty, &groups)
        else {
            panic!("not alternatives")
        };
        let names = |t: &Type| match t {
            Type::Object { fields } => fields.iter().map(|f| f.wire_name.clone()).collect(),
            _ => Vec::<String>::new(),
        };
        assert_eq!(names(&alternatives[0].ty), ["kind", "a"]);
        assert_eq!(names(&alternatives[1].ty), ["kind", "b"]);
        assert_eq!(alternatives[2].ty, Type::String);
    }

    #[test]
    fn top_level_groups_become_one_merged_required_choice() {
        let spec = crate::parse::parse_spec(
            std::path::Path::new("s/x.md"),
            "---\nname: n\nroute: POST /x\nscope: s\n---\n# T\n\n## Parameters\n\nThis endpoint has no parameters\n",
        )
        .unwrap();
        let mut params = vec![field("a", true), field("ref", false), field("b", true)];
        let mut diags = Vec::new();
        let groups = vec![RowGroup::single("a"), RowGroup::single("b")];
        top_level(&spec, &mut params, &groups, None, 3, &mut diags);
        assert!(diags.is_empty());
        let names: Vec<&str> = params.iter().map(|p| p.wire_name.as_str()).collect();
        assert_eq!(names, ["a_or_b", "ref"]);
        assert!(params[0].required);
        assert!(matches!(params[0].ty, Type::OneOf { merged: true, .. }));
        // Only body fields can be alternatives.
        let mut params = vec![field("a", true), field("b", true)];
        params[1].location = Location::Query;
        top_level(&spec, &mut params, &groups, None, 3, &mut diags);
        assert_eq!(diags.len(), 1);
        assert_eq!(params.len(), 2);
    }
}
