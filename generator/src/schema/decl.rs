//! Type declarations as written (a type expression or a long-form mapping), read from YAML
//! with a file line for each, before names are resolved.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::expr::{self, TypeExpr};
use crate::diag::Diagnostic;
use crate::parse::yaml::{YamlNode, YamlValue};

/// One declared type: where a model file or a `responses:` entry names a type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypeDecl {
    pub kind: DeclKind,
    /// `nullable: true` (a `| null` in an expression is kept in the expression).
    pub nullable: bool,
    pub doc: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DeclKind {
    Expr(TypeExpr),
    Object(Vec<FieldDecl>),
    Enum(Vec<String>),
    OneOf {
        /// Each variant as written.
        variants: Vec<VariantDecl>,
        /// Field name and line of `discriminator:`.
        discriminator: Option<(String, usize)>,
    },
    Array(Box<TypeDecl>),
    Map(Box<TypeDecl>),
}

/// One entry of `one_of:`: a model name, or `Label: Model[]` for the array variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VariantDecl {
    /// The Rust variant name given before a `:` (only an array variant has one).
    pub label: Option<String>,
    /// The type expression (a model name, or `Model[]`).
    pub expr: String,
    pub line: usize,
}

/// One entry of `fields:`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldDecl {
    /// Wire name, without the `?`.
    pub wire_name: String,
    /// No `?` after the name.
    pub required: bool,
    pub ty: TypeDecl,
}

impl TypeDecl {
    /// The same declaration with every line set to 0, to compare shapes.
    pub(crate) fn without_lines(&self) -> TypeDecl {
        let kind = match &self.kind {
            DeclKind::Object(fields) => DeclKind::Object(
                fields
                    .iter()
                    .map(|f| FieldDecl {
                        ty: f.ty.without_lines(),
                        ..f.clone()
                    })
                    .collect(),
            ),
            DeclKind::OneOf {
                variants,
                discriminator,
            } => DeclKind::OneOf {
                variants: variants
                    .iter()
                    .map(|v| VariantDecl {
                        line: 0,
                        ..v.clone()
                    })
                    .collect(),
                discriminator: discriminator.as_ref().map(|(d, _)| (d.clone(), 0)),
            },
            DeclKind::Array(items) => DeclKind::Array(Box::new(items.without_lines())),
            DeclKind::Map(values) => DeclKind::Map(Box::new(values.without_lines())),
            other => other.clone(),
        };
        TypeDecl {
            kind,
            line: 0,
            ..self.clone()
        }
    }
}

/// Long-form keys, and which of them say what the type is.
pub(crate) const LONG_KEYS: &str =
    "`type`, `fields`, `enum`, `items`, `values`, `one_of`, `discriminator`, `nullable`, `doc`";
const SHAPE_KEYS: [&str; 6] = ["type", "fields", "enum", "one_of", "items", "values"];

/// Reads YAML declarations of one file, collecting every problem.
pub(crate) struct Reader<'a> {
    pub file: &'a Path,
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    pub(crate) fn error(
        &mut self,
        line: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags
            .push(Diagnostic::new(self.file, line, message).with_hint(hint));
    }

    /// A type: an expression string or a long-form mapping.
    pub(crate) fn type_decl(&mut self, node: &YamlNode, what: &str) -> Option<TypeDecl> {
        match &node.value {
            YamlValue::String(text) => self.expr(text, node.line).map(|e| TypeDecl {
                kind: DeclKind::Expr(e),
                nullable: false,
                doc: String::new(),
                line: node.line,
            }),
            YamlValue::Map(entries) => self.long_form(entries, node.line, &[], what),
            _ => {
                self.error(
                    node.line,
                    format!("{what} has no type ({} given)", node.kind()),
                    "write a type expression such as `string`, `SimpleUser[]` or `integer | null`, or a long-form mapping",
                );
                None
            }
        }
    }

    /// Parses a type expression, reporting a bad one at `line`.
    pub(crate) fn expr(&mut self, text: &str, line: usize) -> Option<TypeExpr> {
        match expr::parse(text) {
            Ok(e) => Some(e),
            Err(e) => {
                self.error(line, e.message, e.hint);
                None
            }
        }
    }

    /// A long-form mapping. `extra` lists keys the caller handles itself (model files:
    /// `extends`); they are skipped here.
    pub(crate) fn long_form(
        &mut self,
        entries: &[(String, YamlNode)],
        line: usize,
        extra: &[&str],
        what: &str,
    ) -> Option<TypeDecl> {
        let mut shapes: Vec<(&str, &YamlNode)> = Vec::new();
        let (mut nullable, mut doc, mut discriminator) = (false, String::new(), None);
        let mut ok = true;
        for (key, value) in entries {
            match key.as_str() {
                k if SHAPE_KEYS.contains(&k) => {
                    if let Some((first, _)) = shapes.first() {
                        self.error(
                            value.line,
                            format!("`{k}` cannot be combined with `{first}` in {what}"),
                            "a long-form type has exactly one of `type`, `fields`, `enum`, `one_of`, `items`, `values`",
                        );
                        ok = false;
                    } else {
                        shapes.push((k, value));
                    }
                }
                "nullable" => match value.value {
                    YamlValue::Bool(b) => nullable = b,
                    _ => self.error(
                        value.line,
                        "`nullable` must be `true` or `false`",
                        "write `nullable: true`",
                    ),
                },
                "doc" => match value.as_str() {
                    Some(s) => doc = s.to_string(),
                    None => self.error(
                        value.line,
                        "`doc` must be a string",
                        "write `doc: some text` (quote it if needed)",
                    ),
                },
                "discriminator" => match value.as_str() {
                    Some(s) => discriminator = Some((s.to_string(), value.line)),
                    None => self.error(
                        value.line,
                        "`discriminator` must be a field name",
                        "write `discriminator: type`",
                    ),
                },
                k if extra.contains(&k) => {}
                k => {
                    self.error(
                        value.line,
                        format!("unknown key `{k}` in {what}"),
                        format!("known keys: {LONG_KEYS}"),
                    );
                    ok = false;
                }
            }
        }
        let Some(&(shape, node)) = shapes.first() else {
            if ok {
                self.error(
                    line,
                    format!("{what} does not say what type it is"),
                    "give one of `type`, `fields`, `enum`, `one_of`, `items`, `values`",
                );
            }
            return None;
        };
        if let Some((_, at)) = &discriminator {
            if shape != "one_of" {
                self.error(
                    *at,
                    "`discriminator` without `one_of`",
                    "a discriminator picks a `one_of` variant; remove it or add `one_of`",
                );
            }
        }
        let kind = match shape {
            "type" => match node.as_str() {
                Some(text) => DeclKind::Expr(self.expr(text, node.line)?),
                None => {
                    self.error(
                        node.line,
                        "`type` must be a type expression",
                        "write e.g. `type: string | null`; use `fields:` for an inline object",
                    );
                    return None;
                }
            },
            "fields" => DeclKind::Object(self.fields(node)),
            "enum" => DeclKind::Enum(self.enum_values(node)?),
            "one_of" => DeclKind::OneOf {
                variants: self.variants(node)?,
                discriminator,
            },
            "items" => DeclKind::Array(Box::new(self.type_decl(node, "`items`")?)),
            _ => DeclKind::Map(Box::new(self.type_decl(node, "`values`")?)),
        };
        ok.then_some(TypeDecl {
            kind,
            nullable,
            doc,
            line,
        })
    }

    /// `fields:` entries; `name?` is optional. Duplicate names are reported.
    pub(crate) fn fields(&mut self, node: &YamlNode) -> Vec<FieldDecl> {
        let entries = match &node.value {
            YamlValue::Map(entries) => entries,
            YamlValue::Null => return Vec::new(),
            _ => {
                self.error(
                    node.line,
                    format!("`fields` must be a mapping, not {}", node.kind()),
                    "write one `name: type` line per field, indented below `fields:`",
                );
                return Vec::new();
            }
        };
        let mut out: Vec<FieldDecl> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (key, value) in entries {
            let (wire_name, required) = match key.strip_suffix('?') {
                Some(name) => (name.to_string(), false),
                None => (key.clone(), true),
            };
            if wire_name.is_empty() {
                self.error(
                    value.line,
                    "field has an empty name",
                    "write `name: type` (quote names with special characters)",
                );
                continue;
            }
            if let Some(&first_line) = seen.get(&wire_name) {
                self.error(
                    value.line,
                    format!("duplicate field `{wire_name}` (first at line {first_line})"),
                    "remove one of the two; `name` and `name?` are the same field",
                );
                continue;
            }
            seen.insert(wire_name.clone(), value.line);
            let what = format!("field `{wire_name}`");
            if let Some(ty) = self.type_decl(value, &what) {
                out.push(FieldDecl {
                    wire_name,
                    required,
                    ty,
                });
            }
        }
        out
    }

    /// `enum:` values: a non-empty list of distinct strings.
    pub(crate) fn enum_values(&mut self, node: &YamlNode) -> Option<Vec<String>> {
        let items = self.list(node, "enum")?;
        let mut out: Vec<String> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for item in items {
            match &item.value {
                YamlValue::String(s) if !seen.insert(s) => self.error(
                    item.line,
                    format!("enum value `{s}` is listed twice"),
                    "remove the repeat",
                ),
                YamlValue::String(s) => out.push(s.clone()),
                _ => self.error(
                    item.line,
                    format!("enum value is {}, not a string", item.kind()),
                    "quote the value (`'1'`, `'true'`); enums are strings on the wire",
                ),
            }
        }
        Some(out)
    }

    /// `one_of:` entries: model names, or a one-key mapping `Label: Model[]` (the array
    /// variant); what the names refer to is checked when resolving.
    pub(crate) fn variants(&mut self, node: &YamlNode) -> Option<Vec<VariantDecl>> {
        let items = self.list(node, "one_of")?;
        let mut out = Vec::new();
        for item in items {
            let entry = match &item.value {
                YamlValue::String(s) => Some((None, s.clone())),
                YamlValue::Map(entries) => match entries.as_slice() {
                    [(label, value)] => {
                        value.as_str().map(|s| (Some(label.clone()), s.to_string()))
                    }
                    _ => None,
                },
                _ => None,
            };
            match entry {
                Some((label, expr)) => out.push(VariantDecl {
                    label,
                    expr,
                    line: item.line,
                }),
                None => self.error(
                    item.line,
                    format!("`one_of` entry is {}, not a model name", item.kind()),
                    "list model names, and name an array variant: `one_of: [ContentFile, {Directory: 'ContentDirectoryEntry[]'}]`",
                ),
            }
        }
        Some(out)
    }

    fn list<'n>(&mut self, node: &'n YamlNode, key: &str) -> Option<&'n [YamlNode]> {
        match &node.value {
            YamlValue::Seq(items) if !items.is_empty() => Some(items),
            YamlValue::Seq(_) => {
                self.error(
                    node.line,
                    format!("`{key}` is empty"),
                    format!("list at least one value: `{key}: [a, b]`"),
                );
                None
            }
            _ => {
                self.error(
                    node.line,
                    format!("`{key}` must be a list, not {}", node.kind()),
                    format!("write `{key}: [a, b]`"),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml::parse_with_lines;

    fn read(text: &str) -> (Option<TypeDecl>, Vec<(usize, String)>) {
        let node = parse_with_lines(text).unwrap();
        let mut diags = Vec::new();
        let mut r = Reader {
            file: Path::new("m.yaml"),
            diags: &mut diags,
        };
        let decl = r.type_decl(&node, "the model");
        (
            decl,
            diags.into_iter().map(|d| (d.line, d.message)).collect(),
        )
    }

    #[test]
    fn reads_fields_optional_and_long_forms() {
        let (decl, errs) = read(
            "fields:\n  id: integer\n  name?: string | null\n  perms?:\n    doc: Rights.\n    fields:\n      admin: boolean\n  tags:\n    items:\n      enum: [a, b]\n  extra_map:\n    values: Label\n    nullable: true\n",
        );
        assert!(errs.is_empty(), "{errs:?}");
        let DeclKind::Object(fields) = decl.unwrap().kind else {
            panic!()
        };
        let names: Vec<_> = fields
            .iter()
            .map(|f| (f.wire_name.as_str(), f.required, f.ty.line))
            .collect();
        assert_eq!(
            names,
            [
                ("id", true, 2),
                ("name", false, 3),
                ("perms", false, 4),
                ("tags", true, 8),
                ("extra_map", true, 11)
            ]
        );
        assert_eq!(fields[2].ty.doc, "Rights.");
        assert!(
            matches!(&fields[3].ty.kind, DeclKind::Array(items) if matches!(items.kind, DeclKind::Enum(_)))
        );
        assert!(fields[4].ty.nullable);
    }

    #[test]
    fn reports_unknown_keys_conflicts_and_duplicates() {
        let (_, errs) = read("fields:\n  id: integer\n  id?: string\n  a:\n    typ: string\n  b:\n    type: string\n    enum: [x]\n  c: 12\n  d:\n    one_of: []\n");
        assert_eq!(
            errs,
            [
                (3, "duplicate field `id` (first at line 2)".to_string()),
                (5, "unknown key `typ` in field `a`".to_string()),
                (
                    8,
                    "`enum` cannot be combined with `type` in field `b`".to_string()
                ),
                (9, "field `c` has no type (a number given)".to_string()),
                (11, "`one_of` is empty".to_string()),
            ]
        );
    }

    #[test]
    fn enum_values_must_be_distinct_strings() {
        let (_, errs) = read("enum:\n  - a\n  - 1\n  - a\n");
        assert_eq!(
            errs,
            [
                (3, "enum value is a number, not a string".to_string()),
                (4, "enum value `a` is listed twice".to_string())
            ]
        );
    }

    #[test]
    fn discriminator_needs_one_of_and_shapes_compare_without_lines() {
        let (_, errs) = read("enum: [a]\ndiscriminator: type\n");
        assert_eq!(errs, [(2, "`discriminator` without `one_of`".to_string())]);
        let (a, _) = read("fields:\n  id: integer\n");
        let (b, _) = read("\n\nfields: {id: integer}\n");
        assert_ne!(a, b);
        assert_eq!(a.unwrap().without_lines(), b.unwrap().without_lines());
    }
}
