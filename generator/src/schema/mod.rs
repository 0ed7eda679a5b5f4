//! Stage 2b: response schemas. Named models from `specs/models/*.yaml` and the `responses:`
//! of each spec, checked and resolved (`extends` flattened, references known) for codegen.
//!
//! [`read_models`] reads `specs/models/*.yaml`; [`resolve`] turns them and every endpoint's
//! `responses:` into the IR below; [`rust_type_path`] spells a [`Schema`] as a Rust type.

mod build;
mod check;
mod cycles;
mod decl;
mod expr;
mod file;
#[cfg(test)]
mod one_of_tests;
mod path;
mod resolve;
#[cfg(test)]
mod tests;

use std::path::PathBuf;

pub use build::{resolve, EndpointResponses, Resolved};
pub use file::{models_from_texts, read_models, ModelFile};
pub use path::{field_type_path, response_type_path, rust_type_path, rust_type_path_in};

use serde::Serialize;

/// One named model (`specs/models/<name>.yaml`), or an inline object/enum hoisted out of a
/// field (named `<Parent><Field>` in PascalCase).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Model {
    /// Rust type name, PascalCase (`FullRepository`); equals the file stem for named models.
    pub name: String,
    /// Markdown doc from the model file (may be empty).
    pub doc: String,
    pub kind: ModelKind,
    /// The model file (for hoisted inline types: the file of the parent).
    #[serde(skip)]
    pub source: PathBuf,
    /// 1-based line where the model (or the hoisted field) is declared.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ModelKind {
    /// An object with known fields; `extends` already flattened (base fields first, then
    /// the model's own; a redeclared field replaces the base's in place).
    Object { fields: Vec<Field> },
    /// One of several named models (`Schema::Ref` targets only), and at most one array of a
    /// model: a JSON array always picks the array variant, an object one of `variants`.
    OneOf {
        variants: Vec<String>,
        /// Wire name of the field whose string value selects the variant, if declared.
        discriminator: Option<String>,
        /// The variant a JSON array decodes into (`- Directory: ContentDirectoryEntry[]`).
        array: Option<ArrayVariant>,
    },
    /// A string enum (a Rust enum with an `Other(String)` fallback).
    Enum { values: Vec<String> },
}

/// The array variant of a `one_of`: a named Rust variant holding `Vec<items>`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArrayVariant {
    /// Rust variant name, PascalCase (`Directory`).
    pub name: String,
    /// The element model's name (`ContentDirectoryEntry`).
    pub items: String,
}

/// One field of an object model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// Name on the wire (`full_name`, `+1`, `type`).
    pub wire_name: String,
    /// Keyword-safe Rust field name (`full_name`, `plus_one`, `r#type`).
    pub rust_name: String,
    pub schema: Schema,
    /// The key is always present (no `?` after the name).
    pub required: bool,
    /// `null` is a valid value (`| null` or `nullable: true`).
    pub nullable: bool,
    pub doc: String,
    /// 1-based line of the field's key in the model file.
    pub line: usize,
}

/// A value's type. Inline objects and enums are hoisted into their own [`Model`]s, so a
/// field refers to them by `Ref` like to a named model.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Schema {
    String,
    /// A date-time string (RFC 3339): the runtime's `Timestamp`, which is `String` unless the
    /// generated crate's `timestamps` feature is on.
    Timestamp,
    Integer,
    Number,
    Boolean,
    /// Any JSON value (`serde_json::Value`).
    Any,
    /// A model by Rust type name. `boxed` is set where the reference closes a by-value cycle.
    Ref {
        name: String,
        boxed: bool,
    },
    Array {
        items: Box<Schema>,
    },
    /// String keys to values (`BTreeMap<String, T>`).
    Map {
        values: Box<Schema>,
    },
    /// Whole-body only: raw bytes (archives, release assets).
    Binary,
    /// Whole-body only: text (rendered markdown).
    Text,
}

/// One declared response of an endpoint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseDecl {
    pub status: u16,
    /// `None` for a response without a body (`204: ~`).
    pub body: Option<Schema>,
    /// The body may be `null`.
    pub nullable: bool,
    /// 1-based line of the status key in the spec file.
    pub line: usize,
}
