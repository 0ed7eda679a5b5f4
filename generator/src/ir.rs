//! The types shared by inference and the model: where a parameter goes, its type, and the
//! parameter itself. Kept apart so `infer` needs nothing from `model` (which calls `infer`).

use serde::Serialize;

/// Where a parameter goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    Path,
    Query,
    Body,
    Header,
}

/// The type of a parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Type {
    String,
    /// A date-time string (RFC 3339): the runtime's `Timestamp`, which is `String` unless the
    /// generated crate's `timestamps` feature is on.
    Timestamp,
    Integer,
    Number,
    Boolean,
    /// A string restricted to the listed values (a Rust enum with an `Other` fallback).
    Enum {
        values: Vec<String>,
        /// The Rust type name a spec gives it (`enum_name:`): the enum is then
        /// `params::<name>` (or the model enum of that name), shared by every spec naming it.
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
    },
    /// A value that may be an integer or a string (e.g. an id given either way).
    IntegerOrString,
    /// A value of one of several types (`string | number`, `object | string`); `null` is
    /// expressed by the parameter's `nullable`, never as a member.
    Union {
        types: Vec<Type>,
    },
    /// Exactly one of several alternatives is sent (a `oneOf` body): each alternative is a
    /// named type, usually an object of the fields sent together. With `merged`, the chosen
    /// alternative's fields go into the enclosing object instead of under the parameter's name.
    OneOf {
        alternatives: Vec<Alternative>,
        merged: bool,
    },
    Array {
        items: Box<Type>,
    },
    /// A JSON object with known fields (nested parameters `a.b`, `a[].b`).
    Object {
        fields: Vec<Param>,
    },
    /// A JSON object with arbitrary keys (`inputs.*`) whose values have the given type.
    Map {
        values: Box<Type>,
    },
    /// Any JSON value (no better type known).
    Any,
    /// Raw bytes sent as the request body.
    Bytes,
}

/// One alternative of a [`Type::OneOf`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    /// Name of the alternative (its Rust variant is made from it): the first row of the
    /// group (`repository_id`) or the type name (`string`).
    pub name: String,
    #[serde(rename = "type")]
    pub ty: Type,
}

impl Type {
    /// The JSON Schema type name of this type, or of a union's first member (`string`, …).
    pub fn json_type(&self) -> &'static str {
        self.json_types().first().copied().unwrap_or("object")
    }

    /// Every JSON Schema type name a value of this type may have: one, or several for
    /// unions (`["integer", "string"]`) and alternatives.
    pub fn json_types(&self) -> Vec<&'static str> {
        let one = match self {
            Type::String | Type::Timestamp | Type::Enum { .. } | Type::Bytes => "string",
            Type::Integer => "integer",
            Type::IntegerOrString => return vec!["integer", "string"],
            Type::Union { types } => return distinct_types(types.iter()),
            Type::OneOf { alternatives, .. } => {
                return distinct_types(alternatives.iter().map(|a| &a.ty))
            }
            Type::Number => "number",
            Type::Boolean => "boolean",
            Type::Array { .. } => "array",
            Type::Object { .. } | Type::Map { .. } | Type::Any => "object",
        };
        vec![one]
    }
}

impl Type {
    /// Calls `f` with the values and spec-given name of every enum in this type (nested
    /// fields, items, map values, members and alternatives included).
    pub fn each_enum<'a>(&'a self, f: &mut impl FnMut(&'a [String], Option<&'a str>)) {
        match self {
            Type::Enum { values, name } => f(values, name.as_deref()),
            Type::Array { items } => items.each_enum(f),
            Type::Map { values } => values.each_enum(f),
            Type::Union { types } => types.iter().for_each(|t| t.each_enum(f)),
            Type::OneOf { alternatives, .. } => alternatives.iter().for_each(|a| a.ty.each_enum(f)),
            Type::Object { fields } => fields.iter().for_each(|p| p.ty.each_enum(f)),
            _ => {}
        }
    }
}

/// The JSON type names of several types, each once, in first-seen order.
fn distinct_types<'a>(types: impl Iterator<Item = &'a Type>) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for t in types.flat_map(Type::json_types) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// One parameter (top level or nested).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Param {
    /// Name exactly as in the spec table: `committer.name`, `files[].path`, `inputs.*`.
    pub spec_name: String,
    /// Wire name of this level: `name` for `committer.name`; `enterprise-team`; `type`.
    pub wire_name: String,
    /// Rust identifier text for fields/arguments/setters, already keyword-safe
    /// (`r#type`, `r#ref`, `self_`, `enterprise_team`).
    pub rust_name: String,
    pub location: Location,
    #[serde(rename = "type")]
    pub ty: Type,
    /// Required (for nested fields: required when the parent is given).
    pub required: bool,
    /// `null` is a meaningful value to send (e.g. "set to `null` to disable").
    pub nullable: bool,
    /// Path parameters only: the value may contain `/` (a ref, a file path, a branch name).
    pub allows_slash: bool,
    /// The docs say the parameter is closing down: its setter is `#[deprecated]`.
    pub deprecated: bool,
    /// Wire names of deprecated aliases (rows documented exactly like this route parameter,
    /// e.g. `alert_id` for `alert_number`): each becomes a `#[deprecated]` setter of this one.
    pub aliases: Vec<String>,
    /// Markdown description (possibly empty).
    pub description: String,
    /// 1-based line of the table row (or explicit entry) in the spec file.
    pub line: usize,
}
