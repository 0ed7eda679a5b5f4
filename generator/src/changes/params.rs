//! Parameter changes of one endpoint: parameters flattened under their spec names like
//! `inspect` shows them (`committer.name`, `files[].path`, aliases, the `{origin}`), then compared.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Change, Kind, Side};
use crate::codegen::ParamEnums;
use crate::model::{Endpoint, Location, Param, Type};

/// What a user's code sees of one parameter.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Fact {
    /// `in` as `inspect` says it: `path`, `query`, `body`, `header`, `server`.
    location: &'static str,
    /// The Rust-relevant shape: `string`, `enum`, `integer | string`, `object`, `string[]`, ...
    ty: String,
    required: bool,
    nullable: bool,
    deprecated: bool,
    values: Vec<String>,
    /// The shared type of its enum (`params::Direction`), empty for a type of its own.
    enum_type: String,
    /// A field of a parameter's struct (or of an alternative), not an argument or setter.
    nested: bool,
    pub description: String,
    line: usize,
}

/// Every parameter of an endpoint by spec name; `shared` are its API's shared enums.
pub(super) fn facts(e: &Endpoint, shared: &ParamEnums) -> BTreeMap<String, Fact> {
    let mut out = BTreeMap::new();
    if let Some(server) = &e.server {
        out.insert(
            "origin".to_owned(),
            Fact {
                location: "server",
                ty: "string".into(),
                required: server.default.is_none(),
                nullable: false,
                deprecated: false,
                values: Vec::new(),
                enum_type: String::new(),
                nested: false,
                description: server.description.clone(),
                line: 0,
            },
        );
    }
    for p in &e.params {
        flatten(p, false, shared, &mut out);
    }
    out
}

fn location(l: Location) -> &'static str {
    match l {
        Location::Path => "path",
        Location::Query => "query",
        Location::Body => "body",
        Location::Header => "header",
    }
}

fn flatten(p: &Param, nested: bool, shared: &ParamEnums, out: &mut BTreeMap<String, Fact>) {
    if out.contains_key(&p.spec_name) {
        return; // a field common to several alternatives is listed once
    }
    let fact = Fact {
        location: location(p.location),
        ty: type_text(&p.ty),
        required: p.required,
        nullable: p.nullable,
        deprecated: p.deprecated,
        values: enum_values(&p.ty).cloned().unwrap_or_default(),
        enum_type: shared_type(p, shared),
        nested,
        description: p.description.clone(),
        line: p.line,
    };
    for alias in &p.aliases {
        let alias_fact = Fact {
            required: false,
            deprecated: true,
            description: format!("deprecated alias of `{}`", p.spec_name),
            ..fact.clone()
        };
        out.insert(alias.clone(), alias_fact);
    }
    out.insert(p.spec_name.clone(), fact);
    flatten_type(&p.spec_name, &p.ty, shared, out);
}

fn flatten_type(spec_name: &str, ty: &Type, shared: &ParamEnums, out: &mut BTreeMap<String, Fact>) {
    match ty {
        Type::Object { fields } => fields.iter().for_each(|f| flatten(f, true, shared, out)),
        Type::Array { items } => flatten_type(&format!("{spec_name}[]"), items, shared, out),
        Type::OneOf { alternatives, .. } => {
            for alt in alternatives {
                if let Type::Object { fields } = &alt.ty {
                    fields.iter().for_each(|f| flatten(f, true, shared, out));
                }
            }
        }
        Type::Map { values } => flatten_type(&format!("{spec_name}.*"), values, shared, out),
        _ => {}
    }
}

/// `params::Name` (or `models::Name`) when the parameter's enum (or its items') is shared.
fn shared_type(p: &Param, shared: &ParamEnums) -> String {
    let ty = match &p.ty {
        Type::Array { items } => &**items,
        ty => ty,
    };
    let Type::Enum { values, name } = ty else {
        return String::new();
    };
    match shared.get(&p.spec_name, values, name.as_deref()) {
        Some(e) if e.model => format!("models::{}", e.name),
        Some(e) => format!("params::{}", e.name),
        None => String::new(),
    }
}

fn enum_values(ty: &Type) -> Option<&Vec<String>> {
    match ty {
        Type::Enum { values, .. } => Some(values),
        Type::Array { items } => enum_values(items),
        _ => None,
    }
}

/// A type as far as its Rust spelling goes; enum values and object fields are compared apart.
pub(super) fn type_text(ty: &Type) -> String {
    match ty {
        Type::String => "string".into(),
        Type::Timestamp => "timestamp".into(),
        Type::Integer => "integer".into(),
        Type::Number => "number".into(),
        Type::Boolean => "boolean".into(),
        Type::Enum { .. } => "enum".into(),
        Type::IntegerOrString => "integer | string".into(),
        Type::Union { types } => types.iter().map(type_text).collect::<Vec<_>>().join(" | "),
        Type::OneOf {
            alternatives,
            merged,
        } => format!(
            "one_of{}({})",
            if *merged { " merged" } else { "" },
            alternatives
                .iter()
                .map(|a| format!("{}: {}", a.name, type_text(&a.ty)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Type::Array { items } => format!("{}[]", type_text(items)),
        Type::Object { .. } => "object".into(),
        Type::Map { values } => format!("map<{}>", type_text(values)),
        Type::Any => "any".into(),
        Type::Bytes => "bytes".into(),
    }
}

fn req(required: bool) -> String {
    if required { "required" } else { "optional" }.to_owned()
}

/// Parameter changes between the same endpoint in both trees; `docs` collects the names of
/// parameters whose description alone changed.
pub(super) fn compare(
    (old, old_shared): (&Endpoint, &ParamEnums),
    (new, new_shared): (&Endpoint, &ParamEnums),
    out: &mut Vec<Change>,
    docs: &mut Vec<String>,
) {
    let (before, after) = (facts(old, old_shared), facts(new, new_shared));
    let subject = format!("{}.{}", new.scope, new.id);
    let change = |kind: Kind, name: &str, message: String| {
        Change::new(
            kind,
            &new.scope,
            &subject,
            format!("`{subject}`: {message}"),
        )
        .item(name)
    };
    let at_new = |line: usize| (Side::New, new.source.as_path(), line);
    let place = |c: Change, (side, file, line): (Side, &Path, usize)| c.at(side, file, line);
    for (name, b) in &before {
        let Some(a) = after.get(name) else {
            out.push(place(
                change(
                    Kind::ParameterRemoved,
                    name,
                    format!("parameter `{name}` was removed"),
                )
                .values(Some(req(b.required)), None),
                (Side::Base, old.source.as_path(), b.line),
            ));
            continue;
        };
        let here = at_new(a.line);
        if a.ty != b.ty
            && a.ty.replace("timestamp", "string") == b.ty.replace("timestamp", "string")
        {
            out.push(place(
                change(
                    Kind::ParameterTimestampChanged,
                    name,
                    format!(
                        "parameter `{name}` changed type from `{}` to `{}` (the Rust type \
                         differs only with the `timestamps` feature: `Timestamp` vs `String`)",
                        b.ty, a.ty
                    ),
                )
                .values(Some(b.ty.clone()), Some(a.ty.clone())),
                here,
            ));
        } else if a.ty != b.ty {
            out.push(place(
                change(
                    Kind::ParameterTypeChanged,
                    name,
                    format!(
                        "parameter `{name}` changed type from `{}` to `{}`",
                        b.ty, a.ty
                    ),
                )
                .values(Some(b.ty.clone()), Some(a.ty.clone())),
                here,
            ));
        }
        if a.required != b.required {
            let kind = if a.required {
                Kind::ParameterBecameRequired
            } else {
                Kind::ParameterBecameOptional
            };
            out.push(place(
                change(
                    kind,
                    name,
                    format!("parameter `{name}` became {}", req(a.required)),
                )
                .values(Some(req(b.required)), Some(req(a.required))),
                here,
            ));
        }
        if a.nullable != b.nullable {
            let say = |n: bool| if n { "nullable" } else { "not nullable" }.to_owned();
            out.push(place(
                change(
                    Kind::ParameterNullabilityChanged,
                    name,
                    format!("parameter `{name}` became {}", say(a.nullable)),
                )
                .values(Some(say(b.nullable)), Some(say(a.nullable))),
                here,
            ));
        }
        if a.ty == b.ty && a.enum_type != b.enum_type {
            let own = |t: &str| {
                if t.is_empty() {
                    "a type of its own".to_owned()
                } else {
                    format!("`{t}`")
                }
            };
            let kind = if b.enum_type.is_empty() {
                Kind::ParameterEnumShared
            } else {
                Kind::ParameterEnumTypeChanged
            };
            out.push(place(
                change(
                    kind,
                    name,
                    format!(
                        "the enum of parameter `{name}` changed from {} to {}",
                        own(&b.enum_type),
                        own(&a.enum_type)
                    ),
                )
                .values(
                    (!b.enum_type.is_empty()).then(|| b.enum_type.clone()),
                    (!a.enum_type.is_empty()).then(|| a.enum_type.clone()),
                ),
                here,
            ));
        }
        if a.ty == b.ty {
            for v in b.values.iter().filter(|v| !a.values.contains(v)) {
                out.push(place(
                    change(
                        Kind::ParameterEnumValueRemoved,
                        name,
                        format!("parameter `{name}` lost the enum value `{v}`"),
                    )
                    .values(Some(v.clone()), None),
                    here,
                ));
            }
            for v in a.values.iter().filter(|v| !b.values.contains(v)) {
                out.push(place(
                    change(
                        Kind::ParameterEnumValueAdded,
                        name,
                        format!("parameter `{name}` gained the enum value `{v}`"),
                    )
                    .values(None, Some(v.clone())),
                    here,
                ));
            }
        }
        if a.deprecated != b.deprecated {
            let (kind, message) = if a.deprecated {
                (
                    Kind::ParameterDeprecated,
                    format!("parameter `{name}` is deprecated"),
                )
            } else {
                (
                    Kind::Undeprecated,
                    format!("parameter `{name}` is no longer deprecated"),
                )
            };
            out.push(place(change(kind, name, message), here));
        }
        if a.location != b.location {
            out.push(place(
                change(
                    Kind::ParameterLocationChanged,
                    name,
                    format!(
                        "parameter `{name}` moved from {} to {}",
                        b.location, a.location
                    ),
                )
                .values(Some(b.location.into()), Some(a.location.into())),
                here,
            ));
        }
        if a.description != b.description {
            docs.push(format!("parameter `{name}`"));
        }
    }
    for (name, a) in after.iter().filter(|(n, _)| !before.contains_key(*n)) {
        let (kind, what) = if a.nested {
            (Kind::ParameterFieldAdded, "struct field")
        } else if a.required {
            (Kind::RequiredParameterAdded, "required parameter")
        } else {
            (Kind::OptionalParameterAdded, "optional parameter")
        };
        out.push(place(
            change(kind, name, format!("new {what} `{name}` ({})", a.ty))
                .values(None, Some(req(a.required))),
            at_new(a.line),
        ));
    }
}
