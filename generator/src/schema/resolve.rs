//! Declarations → IR: type expressions become [`Schema`]s, inline objects/enums/one_ofs are
//! hoisted into their own [`Model`] named `<Parent><Field>`, and every name is registered.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use heck::ToUpperCamelCase;

use super::decl::{DeclKind, FieldDecl, Reader, TypeDecl, VariantDecl};
use super::expr::{Base, TypeExpr};
use super::{ArrayVariant, Field, Model, ModelKind, ResponseDecl, Schema};
use crate::diag::Diagnostic;
use crate::ident::rust_ident;
use crate::parse::yaml::YamlValue;
use crate::parse::ResponseSpec;

/// A model reference to check once every model (named and hoisted) is known.
#[derive(Debug)]
pub(crate) struct RefSite {
    pub name: String,
    pub file: PathBuf,
    pub line: usize,
    /// A `one_of` variant (must name a model, checked like any reference).
    pub variant: bool,
}

/// Collects hoisted models, registered names and references while converting.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    pub models: Vec<Model>,
    /// Lower-case name → (name, file, line) of every model, to find clashes.
    pub names: HashMap<String, (String, PathBuf, usize)>,
    pub refs: Vec<RefSite>,
    /// One_of models' discriminators: (model, field, file, line).
    pub discriminators: Vec<(String, String, PathBuf, usize)>,
    pub diags: Vec<Diagnostic>,
}

/// Where a type being converted sits.
#[derive(Clone, Copy)]
struct Ctx<'a> {
    file: &'a Path,
    /// Name of the model (or endpoint prefix) an inline type is hoisted under.
    parent: &'a str,
    /// Wire name of the field (or `Response…`) the type belongs to.
    field: &'a str,
    /// At the top of a response: `binary` and `text` are allowed.
    whole_body: bool,
}

/// A Rust variant name as written in `Label: Model[]`: ASCII, PascalCase, not `Self`.
fn is_variant_name(name: &str) -> bool {
    name != "Self"
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Names the generated code uses itself; a model of that name would shadow them.
const RESERVED: &[&str] = &[
    "Option", "Some", "None", "Result", "Ok", "Err", "String", "Vec", "Box", "Self", "Value",
    "Extra", "Bytes",
];

impl Resolver {
    fn error(&mut self, file: &Path, line: usize, message: String, hint: impl Into<String>) {
        self.diags
            .push(Diagnostic::new(file, line, message).with_hint(hint));
    }

    /// Registers a model name; reports a case-insensitive clash or a reserved name.
    pub(crate) fn register(&mut self, name: &str, file: &Path, line: usize, hoisted: bool) -> bool {
        if RESERVED.contains(&name) {
            self.error(
                file,
                line,
                format!("model name `{name}` is reserved"),
                "the generated code uses this name itself; choose another model name",
            );
            return false;
        }
        let key = name.to_ascii_lowercase();
        if let Some((other, at, at_line)) = self.names.get(&key).cloned() {
            let (message, hint) = if hoisted {
                (
                    format!("the inline type here would be named `{name}`, which is already the model `{other}`"),
                    format!("declared at {}:{at_line}; move the inline type into its own model file or rename one of them", at.display()),
                )
            } else {
                (
                    format!("duplicate model name `{name}` (model names are compared case-insensitively)"),
                    format!("`{other}` is declared at {}; rename one of the two files", at.display()),
                )
            };
            self.error(file, line, message, hint);
            return false;
        }
        self.names
            .insert(key, (name.to_string(), file.to_path_buf(), line));
        true
    }

    /// The fields of one object model, converted (inline types hoisted under `parent`).
    pub(crate) fn fields(&mut self, decls: &[FieldDecl], parent: &str, file: &Path) -> Vec<Field> {
        decls
            .iter()
            .filter_map(|f| {
                let ctx = Ctx {
                    file,
                    parent,
                    field: &f.wire_name,
                    whole_body: false,
                };
                let (schema, nullable) = self.schema_of(&f.ty, ctx)?;
                Some(Field {
                    wire_name: f.wire_name.clone(),
                    rust_name: rust_ident(&f.wire_name),
                    schema,
                    required: f.required,
                    nullable,
                    doc: f.ty.doc.clone(),
                    line: f.ty.line,
                })
            })
            .collect()
    }

    /// A `one_of` list: plain model names, and at most one `Label: Model[]` array variant.
    pub(crate) fn variants(
        &mut self,
        list: &[VariantDecl],
        file: &Path,
    ) -> (Vec<String>, Option<ArrayVariant>) {
        let mut out: Vec<String> = Vec::new();
        let mut array: Option<ArrayVariant> = None;
        for v in list {
            let line = v.line;
            let mut diags = Vec::new();
            let expr = Reader {
                file,
                diags: &mut diags,
            }
            .expr(&v.expr, line);
            self.diags.extend(diags);
            let Some(expr) = expr else { continue };
            let name = match (&expr.base, expr.arrays, expr.nullable) {
                (Base::Named(name), 0 | 1, false) => name.clone(),
                _ => {
                    self.error(
                        file,
                        line,
                        format!("`one_of` entry `{}` is not a model", v.expr.trim()),
                        "`one_of` lists model names (and one `Label: Model[]`); wrap other types in a model, or use `any`",
                    );
                    continue;
                }
            };
            match (&v.label, expr.arrays) {
                (None, 0) if out.contains(&name) => {
                    self.error(
                        file,
                        line,
                        format!("`one_of` lists `{name}` twice"),
                        "remove the repeat",
                    );
                    continue;
                }
                (None, 0) => out.push(name.clone()),
                (None, _) => {
                    self.error(
                        file,
                        line,
                        format!("array variant `{}` has no name", v.expr.trim()),
                        format!("name the Rust variant: `- Items: {name}[]` (in a flow list `{{Items: '{name}[]'}}`)"),
                    );
                    continue;
                }
                (Some(label), 0) => {
                    self.error(
                        file,
                        line,
                        format!("`one_of` variant `{label}: {name}` is named but not an array"),
                        format!("only the array variant takes a name; an object variant is named after its model: write `{name}`"),
                    );
                    continue;
                }
                (Some(_), _) if array.is_some() => {
                    self.error(
                        file,
                        line,
                        "a `one_of` has at most one array variant".to_string(),
                        "a JSON array always picks the array variant, so a second one could never be chosen; make it one array of a `one_of` model",
                    );
                    continue;
                }
                (Some(label), _) => {
                    if !is_variant_name(label) {
                        self.error(
                            file,
                            line,
                            format!("array variant name `{label}` is not a PascalCase Rust name"),
                            "use letters and digits, starting with an upper-case letter: `Directory`",
                        );
                        continue;
                    }
                    // Object variants are named after their models; the fallback is `Other`.
                    let taken = list
                        .iter()
                        .any(|o| o.label.is_none() && o.expr.trim() == label.as_str());
                    if taken || label == "Other" {
                        self.error(
                            file,
                            line,
                            format!("array variant name `{label}` is already a variant of this `one_of`"),
                            "object variants are named after their models and the fallback is `Other`; pick another name",
                        );
                        continue;
                    }
                    array = Some(ArrayVariant {
                        name: label.clone(),
                        items: name.clone(),
                    });
                }
            }
            self.refs.push(RefSite {
                name,
                file: file.to_path_buf(),
                line,
                variant: true,
            });
        }
        (out, array)
    }

    /// The kind of a top-level model declaration (`fields` handled by the caller).
    pub(crate) fn kind_of(
        &mut self,
        name: &str,
        decl: &TypeDecl,
        file: &Path,
    ) -> Option<ModelKind> {
        match &decl.kind {
            DeclKind::Enum(values) => Some(ModelKind::Enum {
                values: values.clone(),
            }),
            DeclKind::OneOf {
                variants,
                discriminator,
            } => {
                if let Some((field, line)) = discriminator {
                    self.discriminators.push((
                        name.to_string(),
                        field.clone(),
                        file.to_path_buf(),
                        *line,
                    ));
                }
                let (variants, array) = self.variants(variants, file);
                Some(ModelKind::OneOf {
                    variants,
                    discriminator: discriminator.as_ref().map(|(d, _)| d.clone()),
                    array,
                })
            }
            _ => None,
        }
    }

    /// Hoists an inline object, enum or one_of into a model named `<Parent><Field>`.
    fn hoist(&mut self, decl: &TypeDecl, ctx: Ctx) -> Option<Schema> {
        let name = format!("{}{}", ctx.parent, pascal(ctx.field));
        if !self.register(&name, ctx.file, decl.line, true) {
            return None;
        }
        let kind = match &decl.kind {
            DeclKind::Object(fields) => ModelKind::Object {
                fields: self.fields(fields, &name, ctx.file),
            },
            _ => self.kind_of(&name, decl, ctx.file)?,
        };
        self.models.push(Model {
            name: name.clone(),
            doc: decl.doc.clone(),
            kind,
            source: ctx.file.to_path_buf(),
            line: decl.line,
        });
        Some(Schema::Ref { name, boxed: false })
    }

    /// A declaration's schema and whether `null` is allowed at this level.
    fn schema_of(&mut self, decl: &TypeDecl, ctx: Ctx) -> Option<(Schema, bool)> {
        let inner = Ctx {
            whole_body: false,
            ..ctx
        };
        let (schema, nullable) = match &decl.kind {
            DeclKind::Expr(e) => (self.expr_schema(e, decl.line, ctx)?, e.nullable),
            DeclKind::Object(_) | DeclKind::Enum(_) | DeclKind::OneOf { .. } => {
                (self.hoist(decl, ctx)?, false)
            }
            DeclKind::Array(items) => {
                let items = self.element(items, inner)?;
                (
                    Schema::Array {
                        items: Box::new(items),
                    },
                    false,
                )
            }
            DeclKind::Map(values) => {
                let values = self.element(values, inner)?;
                (
                    Schema::Map {
                        values: Box::new(values),
                    },
                    false,
                )
            }
        };
        Some((schema, nullable || decl.nullable))
    }

    /// An array element or map value: nullable is not allowed there.
    fn element(&mut self, decl: &TypeDecl, ctx: Ctx) -> Option<Schema> {
        let (schema, nullable) = self.schema_of(decl, ctx)?;
        if nullable {
            self.nested_null(ctx.file, decl.line);
            return None;
        }
        Some(schema)
    }

    fn nested_null(&mut self, file: &Path, line: usize) {
        self.error(
            file,
            line,
            "`null` is not allowed for array elements or map values".into(),
            "only a whole field or response may be `| null`; use `any` for elements that can be null",
        );
    }

    fn expr_schema(&mut self, e: &TypeExpr, line: usize, ctx: Ctx) -> Option<Schema> {
        let mut schema = match &e.base {
            Base::String => Schema::String,
            Base::Timestamp => Schema::Timestamp,
            Base::Integer => Schema::Integer,
            Base::Number => Schema::Number,
            Base::Boolean => Schema::Boolean,
            Base::Any => Schema::Any,
            Base::Binary | Base::Text if !ctx.whole_body || e.arrays > 0 => {
                let what = if e.base == Base::Binary {
                    "binary"
                } else {
                    "text"
                };
                self.error(
                    ctx.file,
                    line,
                    format!("`{what}` can only be a whole response body"),
                    "use `string` inside models, arrays and maps; `binary`/`text` describe a response body that is not JSON",
                );
                return None;
            }
            Base::Binary => Schema::Binary,
            Base::Text => Schema::Text,
            Base::Map(values) => {
                if values.nullable {
                    self.nested_null(ctx.file, line);
                    return None;
                }
                let inner = Ctx {
                    whole_body: false,
                    ..ctx
                };
                Schema::Map {
                    values: Box::new(self.expr_schema(values, line, inner)?),
                }
            }
            Base::Named(name) => {
                self.refs.push(RefSite {
                    name: name.clone(),
                    file: ctx.file.to_path_buf(),
                    line,
                    variant: false,
                });
                Schema::Ref {
                    name: name.clone(),
                    boxed: false,
                }
            }
        };
        for _ in 0..e.arrays {
            schema = Schema::Array {
                items: Box::new(schema),
            };
        }
        Some(schema)
    }

    /// The declared responses of one endpoint. 2xx bodies must agree; inline types are hoisted
    /// as `<Scope><MethodId>Response` (2xx) or `…Response<status>`.
    pub(crate) fn responses(
        &mut self,
        file: &Path,
        scope: &str,
        id: &str,
        specs: &[ResponseSpec],
    ) -> Vec<ResponseDecl> {
        if specs.is_empty() {
            return Vec::new();
        }
        let prefix = format!("{}{}", pascal(scope), pascal(id));
        let mut first_2xx: Option<FirstBody> = None;
        let mut out = Vec::with_capacity(specs.len());
        for spec in specs {
            let body = if spec.body.value == YamlValue::Null {
                None
            } else {
                match self.response_body(file, &prefix, spec, &mut first_2xx) {
                    Some(body) => Some(body),
                    None => continue,
                }
            };
            out.push(ResponseDecl {
                status: spec.status,
                nullable: body.as_ref().is_some_and(|(_, nullable)| *nullable),
                body: body.map(|(schema, _)| schema),
                line: spec.line,
            });
        }
        out
    }

    /// The schema of one response body (reusing the first 2xx body's when they agree).
    fn response_body(
        &mut self,
        file: &Path,
        prefix: &str,
        spec: &ResponseSpec,
        first_2xx: &mut Option<FirstBody>,
    ) -> Option<(Schema, bool)> {
        let mut diags = Vec::new();
        let what = format!("response {}", spec.status);
        let decl = Reader {
            file,
            diags: &mut diags,
        }
        .type_decl(&spec.body, &what);
        self.diags.extend(diags);
        let decl = decl?;
        let success = (200..300).contains(&spec.status);
        if let (true, Some(first)) = (success, first_2xx.as_ref()) {
            if decl.without_lines() != first.shape {
                self.error(
                    file,
                    spec.line,
                    format!(
                        "responses {} and {} have different bodies",
                        first.status, spec.status
                    ),
                    "a method returns one type: give every 2xx response the same body (or `~` for none)",
                );
                return None;
            }
            return first.schema.clone();
        }
        let field = match success {
            true => "Response".to_string(),
            false => format!("Response{}", spec.status),
        };
        let ctx = Ctx {
            file,
            parent: prefix,
            field: &field,
            whole_body: true,
        };
        let schema = self.schema_of(&decl, ctx);
        if success {
            *first_2xx = Some(FirstBody {
                status: spec.status,
                shape: decl.without_lines(),
                schema: schema.clone(),
            });
        }
        schema
    }
}

/// The first 2xx body of an endpoint, which every other 2xx body must equal.
struct FirstBody {
    status: u16,
    /// The declaration without lines.
    shape: TypeDecl,
    schema: Option<(Schema, bool)>,
}

/// `permissions` → `Permissions`, `+1` → `Plus1`, `listForOrg` → `ListForOrg`.
pub(crate) fn pascal(wire: &str) -> String {
    let name = wire.replace('+', "plus_").to_upper_camel_case();
    if name.is_empty() {
        "Value".to_string()
    } else {
        name
    }
}
