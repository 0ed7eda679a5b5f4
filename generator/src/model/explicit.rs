//! Front-matter `parameters:` overrides: validated, then applied over the inferred values.

use super::{Location, Type};
use crate::diag::Diagnostic;
use crate::parse::{ExplicitParam, SpecFile};

/// Parse an explicit `in` value.
pub fn location(value: &str) -> Option<Location> {
    match value {
        "path" => Some(Location::Path),
        "query" => Some(Location::Query),
        "body" => Some(Location::Body),
        "header" => Some(Location::Header),
        _ => None,
    }
}

/// Parse an explicit scalar or container type name (containers get placeholder contents).
pub fn scalar_type(value: &str) -> Option<Type> {
    match value {
        "string" => Some(Type::String),
        "timestamp" => Some(Type::Timestamp),
        "integer" => Some(Type::Integer),
        "number" => Some(Type::Number),
        "boolean" => Some(Type::Boolean),
        "array" => Some(Type::Array {
            items: Box::new(Type::Any),
        }),
        "object" => Some(Type::Object { fields: Vec::new() }),
        _ => None,
    }
}

/// Every problem with the explicit entries of one file: unknown `in`/`type`/`items` values and
/// entries naming no table row.
pub fn check(spec: &SpecFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in &spec.explicit {
        let at = |msg: String| Diagnostic::new(&spec.path, e.line, msg);
        let top_level_choice = e.name.is_empty() && e.one_of.is_some();
        if !top_level_choice && !spec.params.iter().any(|r| r.name == e.name) {
            out.push(
                at(format!(
                    "explicit type for `{}`, which is not in the parameters table",
                    e.name
                ))
                .with_hint("add a table row for it or fix the name in `parameters:`"),
            );
        }
        if let Some(l) = &e.location {
            match location(l) {
                None => out.push(
                    at(format!("unknown `in: {l}` for `{}`", e.name))
                        .with_hint("use one of: path, query, body, header"),
                ),
                Some(loc) => out.extend(check_against_route(spec, e, loc)),
            }
        }
        if let Some(values) = &e.values {
            let mut seen = std::collections::BTreeSet::new();
            for v in values.iter().filter(|v| !seen.insert(v.as_str())) {
                out.push(
                    at(format!("enum value `{v}` of `{}` is listed twice", e.name))
                        .with_hint("list each value once"),
                );
            }
        }
        let nested = spec.params.iter().any(|r| {
            r.name.len() > e.name.len()
                && r.name.starts_with(&e.name)
                && matches!(r.name.as_bytes()[e.name.len()], b'.' | b'[')
        });
        let scalar = matches!(
            e.ty.as_deref(),
            Some("string" | "timestamp" | "integer" | "number" | "boolean")
        );
        if nested && scalar {
            out.push(
                at(format!(
                    "`{}` is declared `type: {}` but has nested rows",
                    e.name,
                    e.ty.as_deref().unwrap_or_default()
                ))
                .with_hint("declare it `object` or `array`, or remove the nested rows"),
            );
        }
        if let Some(name) = &e.enum_name {
            if !valid_enum_name(name) {
                out.push(
                    at(format!(
                        "`enum_name: {name}` of `{}` is not a Rust type name",
                        e.name
                    ))
                    .with_hint("use UpperCamelCase ASCII letters and digits, e.g. `IssueSort`"),
                );
            }
        }
        for (key, value) in [("type", &e.ty), ("items", &e.items)] {
            if let Some(t) = value {
                if crate::parse::type_members(t).any(|m| m != "null" && scalar_type(m).is_none()) {
                    out.push(
                        at(format!("unknown `{key}: {t}` for `{}`", e.name)).with_hint(
                            "use one of: string, timestamp, integer, number, boolean, array, object",
                        ),
                    );
                }
            }
        }
    }
    out
}

/// An explicit `in:` must agree with the route: `{name}` is a path parameter and nothing else is;
/// nested rows (`a.b`) can only be body fields.
fn check_against_route(spec: &SpecFile, e: &ExplicitParam, loc: Location) -> Option<Diagnostic> {
    let in_path = spec
        .route
        .path
        .iter()
        .any(|p| matches!(p, crate::parse::PathPart::Param(n) if *n == e.name));
    let nested = e.name.contains('.') || e.name.contains("[]");
    let problem = match (loc, in_path) {
        (Location::Path, false) => "is declared `in: path` but the route has no such parameter",
        (l, true) if l != Location::Path => "is a route parameter but declared elsewhere",
        (l, _) if nested && l != Location::Body => {
            "is a nested field, which can only be in the body"
        }
        _ => return None,
    };
    Some(
        Diagnostic::new(&spec.path, e.line, format!("`{}` {problem}", e.name))
            .with_hint("fix `in:` or the route"),
    )
}

/// The explicit entry for a row name, if any.
pub fn find<'a>(spec: &'a SpecFile, name: &str) -> Option<&'a ExplicitParam> {
    spec.explicit.iter().find(|e| e.name == name)
}

/// The type an explicit entry states, given the inferred (or structural) type: explicit scalar
/// types and enums win; `object`/`array` keep the structure built from nested rows.
pub fn override_type(e: &ExplicitParam, inferred: Type) -> Type {
    let enum_of = |values: &Vec<String>| Type::Enum {
        values: values.clone(),
        name: None,
    };
    let items = || match (&e.items, &e.values) {
        (Some(t), _) if t != "string" => scalar_type(t).unwrap_or(Type::Any),
        (_, Some(values)) => enum_of(values),
        (Some(t), None) => scalar_type(t).unwrap_or(Type::Any),
        (None, None) => match &inferred {
            Type::Array { items } => (**items).clone(),
            _ => Type::String,
        },
    };
    match e.ty.as_deref() {
        // `items: object` (or no `items`) keeps the fields built from `name[].field` rows.
        Some("array") => match &inferred {
            Type::Array { items: inner }
                if matches!(**inner, Type::Object { .. })
                    && matches!(e.items.as_deref(), None | Some("object")) =>
            {
                inferred
            }
            _ => Type::Array {
                items: Box::new(items()),
            },
        },
        Some("object") => match inferred {
            Type::Object { .. } | Type::Map { .. } => inferred,
            _ => Type::Object { fields: Vec::new() },
        },
        Some("string") | None if e.values.is_some() => {
            enum_of(e.values.as_ref().unwrap_or(&Vec::new()))
        }
        Some(t) if t.contains('|') => union_type(t).unwrap_or(inferred),
        Some(t) => scalar_type(t).unwrap_or(inferred),
        None => inferred,
    }
}

/// An UpperCamelCase ASCII name that generated code may give a type (no prelude name).
fn valid_enum_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && !crate::codegen::reuse::PRELUDE.contains(&name)
}

/// `ty` with its enum (or its items' enum) named `name`; `None` when it is no enum.
pub fn name_enum(ty: Type, name: &str) -> Option<Type> {
    match ty {
        Type::Enum { values, .. } => Some(Type::Enum {
            values,
            name: Some(name.to_owned()),
        }),
        Type::Array { items } => Some(Type::Array {
            items: Box::new(name_enum(*items, name)?),
        }),
        _ => None,
    }
}

/// The type of a union text (`string | number | null`; `null` is left to `nullable`):
/// `integer | string` is the runtime's `IntOrString`, a single member is itself.
pub fn union_type(text: &str) -> Option<Type> {
    let mut types: Vec<Type> = Vec::new();
    for member in crate::parse::type_members(text).filter(|m| *m != "null") {
        let t = scalar_type(member)?;
        if !types.contains(&t) {
            types.push(t);
        }
    }
    Some(match types.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [Type::Integer, Type::String] | [Type::String, Type::Integer] => Type::IntegerOrString,
        _ => Type::Union { types },
    })
}

/// Whether an explicit type text includes `null` (`string | null`): the value is nullable.
pub fn union_has_null(text: &str) -> bool {
    crate::parse::type_members(text).any(|m| m == "null")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, ty: Option<&str>) -> ExplicitParam {
        ExplicitParam {
            name: name.into(),
            location: None,
            ty: ty.map(Into::into),
            items: None,
            values: None,
            nullable: None,
            required: None,
            description: None,
            line: 3,
            one_of: None,
            enum_name: None,
        }
    }

    /// `x[].path` as the model builds it from nested rows: an array of one-field objects.
    fn inferred_tree() -> Type {
        let path = crate::model::Param {
            spec_name: "x[].path".into(),
            wire_name: "path".into(),
            rust_name: "path".into(),
            location: Location::Body,
            ty: Type::String,
            required: true,
            nullable: false,
            allows_slash: false,
            deprecated: false,
            aliases: Vec::new(),
            description: String::new(),
            line: 4,
        };
        Type::Array {
            items: Box::new(Type::Object { fields: vec![path] }),
        }
    }

    #[test]
    fn timestamps_are_stated_alone_in_unions_and_as_items() {
        let at = |ty: &str| override_type(&entry("since", Some(ty)), Type::String);
        assert_eq!(at("timestamp"), Type::Timestamp);
        // `null` is left to `nullable`: a nullable timestamp is still a timestamp.
        assert_eq!(at("timestamp | null"), Type::Timestamp);
        assert!(union_has_null("timestamp | null"));
        let mut e = entry("days", Some("array"));
        e.items = Some("timestamp".into());
        assert_eq!(
            override_type(&e, Type::String),
            Type::Array {
                items: Box::new(Type::Timestamp)
            }
        );
    }

    #[test]
    fn explicit_types_override() {
        assert_eq!(
            override_type(&entry("x", Some("integer")), Type::String),
            Type::Integer
        );
        assert_eq!(
            override_type(&entry("x", None), Type::Boolean),
            Type::Boolean
        );
        let mut e = entry("x", Some("array"));
        e.items = Some("integer".into());
        assert_eq!(
            override_type(&e, Type::String),
            Type::Array {
                items: Box::new(Type::Integer)
            }
        );
        // `items: object` keeps the structure of nested `x[].field` rows.
        let structured = Type::Array {
            items: Box::new(Type::Object { fields: Vec::new() }),
        };
        let mut e = entry("x", Some("array"));
        e.items = Some("object".into());
        let Type::Array { items } = override_type(&e, inferred_tree()) else {
            panic!("not an array")
        };
        assert!(
            matches!(&*items, Type::Object { fields } if fields.len() == 1),
            "{items:?}"
        );
        assert_eq!(override_type(&e, Type::String), structured);
        let mut e = entry("x", None);
        e.values = Some(vec!["+1".into()]);
        assert_eq!(
            override_type(&e, Type::String),
            Type::Enum {
                values: vec!["+1".into()],
                name: None,
            }
        );
    }

    #[test]
    fn parses_names() {
        assert_eq!(location("header"), Some(Location::Header));
        assert_eq!(location("cookie"), None);
        assert_eq!(scalar_type("float"), None);
    }
}
