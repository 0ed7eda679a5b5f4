//! Our side of the comparison, as the `schema` IR: every model of `specs/models/*.yaml`
//! (inline objects, enums and one_ofs hoisted as `<Parent><Field>`, `extends` flattened) and
//! each spec's route and declared `responses:`.
//!
//! SWAP POINT: a small stand-in for the `schema` branch's loader, written to
//! `docs/typed-responses.md`; nothing else in the test reads YAML. Once that branch is merged,
//! replace everything below `Ours` with (checked against the `schema` branch at e3299ba: the
//! same 153 models and the same figures):
//!
//! ```text
//! use client_generator::model::build_api_with_models;
//! use client_generator::parse::parse_dir;
//! use client_generator::schema::{read_models, resolve};
//!
//! fn lines(d: impl std::fmt::Display) -> Vec<String> { vec![d.to_string()] }
//!
//! pub fn load(dir: &Path) -> Result<Ours, Vec<String>> {
//!     let specs = parse_dir(dir).map_err(lines)?;
//!     let files = read_models(&dir.join("models")).map_err(lines)?;
//!     let api = build_api_with_models(&specs, &files).map_err(lines)?;
//!     Ok(Ours {
//!         models: api.models.into_iter().map(|m| (m.name.clone(), m)).collect(),
//!         specs: api.endpoints.into_iter()
//!             .map(|e| SpecDecl { id: format!("{}/{}", e.scope, e.id), route: e.route, responses: e.responses })
//!             .collect(),
//!     })
//! }
//!
//! pub fn models_from_texts(files: &[(String, String)]) -> Result<BTreeMap<String, Model>, Vec<String>> {
//!     let tmp = tempfile::tempdir().map_err(lines)?;
//!     for (name, text) in files {
//!         std::fs::write(tmp.path().join(format!("{name}.yaml")), text).map_err(lines)?;
//!     }
//!     let files = read_models(tmp.path()).map_err(lines)?;
//!     let resolved = resolve(&files, &[]).map_err(lines)?;
//!     Ok(resolved.models.into_iter().map(|m| (m.name.clone(), m)).collect())
//! }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use client_generator::schema::{Field, Model, ModelKind, ResponseDecl, Schema};
use heck::ToUpperCamelCase;
use serde_yaml::{Mapping, Value};

/// One spec: `scope/methodId`, its route line and its declared responses.
pub struct SpecDecl {
    pub id: String,
    pub route: String,
    pub responses: Vec<ResponseDecl>,
}

/// Our models by name and our specs, sorted by path.
pub struct Ours {
    pub models: BTreeMap<String, Model>,
    pub specs: Vec<SpecDecl>,
}

/// Reads `specs/models/*.yaml` and every `specs/<scope>/<methodId>.md`.
///
/// After the merge, roughly: `let api = build_api(&parse_dir(dir)?)?;` then models
/// `api.models` keyed by name, and per endpoint `SpecDecl { id: scope/id, route: method +
/// path, responses: e.responses }`.
pub fn load(dir: &Path) -> Result<Ours, Vec<String>> {
    let mut errors = Vec::new();
    let mut texts = Vec::new();
    for path in sorted_files(&dir.join("models"), "yaml") {
        let name = stem(&path);
        match std::fs::read_to_string(&path) {
            Ok(t) => texts.push((name, t)),
            Err(e) => errors.push(format!("{}: {e}", path.display())),
        }
    }
    let mut models = models_from_texts(&texts).unwrap_or_else(|e| {
        errors.extend(e);
        BTreeMap::new()
    });
    let mut specs = Vec::new();
    let mut scopes: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| vec![format!("{}: {e}", dir.display())])?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.ends_with("models"))
        .collect();
    scopes.sort();
    for scope in scopes {
        for path in sorted_files(&scope, "md") {
            let id = format!("{}/{}", stem(&scope), stem(&path));
            match spec_decl(&path, &id, &mut models) {
                Ok(s) => specs.push(s),
                Err(e) => errors.push(format!("{}: {e}", path.display())),
            }
        }
    }
    errors.extend(check_refs(&models));
    for spec in &specs {
        for r in &spec.responses {
            if let Some(Schema::Ref { name, .. }) = &r.body.as_ref().map(innermost) {
                if !models.contains_key(name) {
                    errors.push(format!("{}: {}: unknown model {name}", spec.id, r.status));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(Ours { models, specs })
    } else {
        Err(errors)
    }
}

/// The element type of nested arrays and maps.
fn innermost(s: &Schema) -> Schema {
    match s {
        Schema::Array { items: inner } | Schema::Map { values: inner } => innermost(inner),
        other => other.clone(),
    }
}

fn sorted_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    out.sort();
    out
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn spec_decl(
    path: &Path,
    id: &str,
    models: &mut BTreeMap<String, Model>,
) -> Result<SpecDecl, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let rest = text.strip_prefix("---\n").ok_or("no front-matter")?;
    let end = rest.find("\n---\n").ok_or("unterminated front-matter")?;
    let yaml: Value = serde_yaml::from_str(&rest[..end]).map_err(|e| e.to_string())?;
    let route = yaml["route"].as_str().ok_or("no route")?.to_string();
    let mut responses = Vec::new();
    if let Some(map) = yaml.get("responses").and_then(Value::as_mapping) {
        let mut loader = Loader::default();
        for (k, v) in map {
            let status = k
                .as_u64()
                .filter(|s| (100..=599).contains(s))
                .ok_or(format!("bad status {k:?}"))?;
            let (body, nullable) = match v {
                Value::Null => (None, false),
                v => {
                    let ctx = format!(
                        "{}Response{status}",
                        id.rsplit('/').next().unwrap_or(id).to_upper_camel_case()
                    );
                    let (s, n) = loader.value(&ctx, v, path);
                    (Some(s), n)
                }
            };
            responses.push(ResponseDecl {
                status: status as u16,
                body,
                nullable,
                line: 0,
            });
        }
        if !loader.errors.is_empty() {
            return Err(loader.errors.join("; "));
        }
        models.extend(loader.models);
    }
    Ok(SpecDecl {
        id: id.to_string(),
        route,
        responses,
    })
}

/// Models from `(name, file text)` pairs: parsed, hoisted, `extends` flattened, checked.
pub fn models_from_texts(
    files: &[(String, String)],
) -> Result<BTreeMap<String, Model>, Vec<String>> {
    let mut l = Loader::default();
    for (name, text) in files {
        let source = PathBuf::from(format!("specs/models/{name}.yaml"));
        match serde_yaml::from_str::<Value>(text) {
            Ok(Value::Mapping(m)) => l.model_file(name, &m, &source),
            Ok(_) => l.errors.push(format!("{name}: not a mapping")),
            Err(e) => l.errors.push(format!("{name}: {e}")),
        }
    }
    l.flatten();
    l.errors.extend(check_refs(&l.models));
    if l.errors.is_empty() {
        Ok(l.models)
    } else {
        Err(l.errors)
    }
}

#[derive(Default)]
struct Loader {
    models: BTreeMap<String, Model>,
    extends: BTreeMap<String, String>,
    errors: Vec<String>,
}

const FILE_KEYS: [&str; 6] = [
    "doc",
    "extends",
    "fields",
    "one_of",
    "discriminator",
    "enum",
];
const LONG_KEYS: [&str; 8] = [
    "type", "fields", "enum", "items", "values", "one_of", "nullable", "doc",
];

impl Loader {
    fn add(&mut self, name: &str, kind: ModelKind, source: &Path) {
        if self.models.keys().any(|n| n.eq_ignore_ascii_case(name)) {
            self.errors.push(format!("{name}: duplicate model name"));
        }
        let model = Model {
            name: name.to_string(),
            doc: String::new(),
            kind,
            source: source.to_path_buf(),
            line: 0,
        };
        self.models.insert(name.to_string(), model);
    }

    fn model_file(&mut self, name: &str, m: &Mapping, source: &Path) {
        for k in m.keys() {
            if !k.as_str().is_some_and(|k| FILE_KEYS.contains(&k)) {
                self.errors.push(format!("{name}: unknown key {k:?}"));
            }
        }
        let kinds = ["fields", "one_of", "enum"]
            .iter()
            .filter(|k| m.contains_key(**k))
            .count();
        if kinds != 1 {
            self.errors.push(format!(
                "{name}: needs exactly one of `fields`, `one_of`, `enum`"
            ));
            return;
        }
        if let Some(base) = m.get("extends") {
            match base.as_str() {
                Some(b) if m.contains_key("fields") => {
                    self.extends.insert(name.to_string(), b.to_string());
                }
                _ => self
                    .errors
                    .push(format!("{name}: `extends` needs a model name and `fields`")),
            }
        }
        if let Some(mut kind) = self.kind(name, m, source) {
            if let ModelKind::OneOf { discriminator, .. } = &mut kind {
                *discriminator = m
                    .get("discriminator")
                    .and_then(Value::as_str)
                    .map(String::from);
            }
            self.add(name, kind, source);
        }
    }

    /// The kind of a file or long form with `fields`, `enum` or `one_of`.
    fn kind(&mut self, name: &str, m: &Mapping, source: &Path) -> Option<ModelKind> {
        if let Some(fields) = m.get("fields") {
            let Some(fields) = fields.as_mapping() else {
                self.errors
                    .push(format!("{name}: `fields` must be a mapping"));
                return None;
            };
            let mut out = Vec::new();
            for (k, v) in fields {
                let Some(key) = k.as_str() else {
                    self.errors
                        .push(format!("{name}: field name {k:?} is not a string"));
                    continue;
                };
                let (wire, required) = match key.strip_suffix('?') {
                    Some(w) => (w, false),
                    None => (key, true),
                };
                if out.iter().any(|f: &Field| f.wire_name == wire) {
                    self.errors.push(format!("{name}: duplicate field {wire}"));
                }
                let ctx = format!("{name}{}", wire.to_upper_camel_case());
                let (schema, nullable) = self.value(&ctx, v, source);
                out.push(Field {
                    wire_name: wire.to_string(),
                    rust_name: wire.to_string(),
                    schema,
                    required,
                    nullable,
                    doc: String::new(),
                    line: 0,
                });
            }
            return Some(ModelKind::Object { fields: out });
        }
        if let Some(values) = m.get("enum") {
            let values: Vec<String> = values
                .as_sequence()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(String::from))
                .collect();
            if values.is_empty() {
                self.errors
                    .push(format!("{name}: empty or non-string enum"));
            }
            return Some(ModelKind::Enum { values });
        }
        if let Some(variants) = m.get("one_of") {
            let variants: Vec<String> = variants
                .as_sequence()
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(String::from))
                .collect();
            return Some(ModelKind::OneOf {
                variants,
                discriminator: None,
            });
        }
        None
    }

    /// A field value or long-form element: a type expression or a long-form mapping.
    fn value(&mut self, ctx: &str, v: &Value, source: &Path) -> (Schema, bool) {
        match v {
            Value::String(s) => parse_expr(s).unwrap_or_else(|e| {
                self.errors.push(format!("{ctx}: {e}"));
                (Schema::Any, false)
            }),
            Value::Mapping(m) => self.long(ctx, m, source),
            other => {
                self.errors
                    .push(format!("{ctx}: expected a type, found {other:?}"));
                (Schema::Any, false)
            }
        }
    }

    fn long(&mut self, ctx: &str, m: &Mapping, source: &Path) -> (Schema, bool) {
        for k in m.keys() {
            if !k.as_str().is_some_and(|k| LONG_KEYS.contains(&k)) {
                self.errors
                    .push(format!("{ctx}: unknown long-form key {k:?}"));
            }
        }
        let mut nullable = m.get("nullable").and_then(Value::as_bool).unwrap_or(false);
        let schema = if let Some(kind) = self.kind(ctx, m, source) {
            self.add(ctx, kind, source);
            Schema::Ref {
                name: ctx.to_string(),
                boxed: false,
            }
        } else if let Some(items) = m.get("items") {
            let (inner, _) = self.value(ctx, items, source);
            Schema::Array {
                items: Box::new(inner),
            }
        } else if let Some(values) = m.get("values") {
            let (inner, _) = self.value(ctx, values, source);
            Schema::Map {
                values: Box::new(inner),
            }
        } else if let Some(t) = m.get("type").and_then(Value::as_str) {
            let (s, n) = parse_expr(t).unwrap_or_else(|e| {
                self.errors.push(format!("{ctx}: {e}"));
                (Schema::Any, false)
            });
            nullable |= n;
            s
        } else {
            self.errors.push(format!(
                "{ctx}: a long form needs `type`, `fields`, `enum`, `one_of`, `items` or `values`"
            ));
            Schema::Any
        };
        (schema, nullable)
    }

    /// `extends`: base fields first, then the model's own (a redeclared field replaces the
    /// base's in place).
    fn flatten(&mut self) {
        let names: Vec<String> = self.extends.keys().cloned().collect();
        for name in names {
            let mut chain = vec![name.clone()];
            let mut cur = name.clone();
            while let Some(base) = self.extends.get(&cur) {
                if chain.contains(base) {
                    self.errors
                        .push(format!("{name}: `extends` cycle {chain:?}"));
                    break;
                }
                chain.push(base.clone());
                cur = base.clone();
            }
            let mut fields: Vec<Field> = Vec::new();
            for m in chain.iter().rev() {
                match self.models.get(m).map(|m| &m.kind) {
                    Some(ModelKind::Object { fields: own }) => {
                        for f in own {
                            match fields.iter_mut().find(|x| x.wire_name == f.wire_name) {
                                Some(slot) => *slot = f.clone(),
                                None => fields.push(f.clone()),
                            }
                        }
                    }
                    _ => self
                        .errors
                        .push(format!("{name}: extends {m}, which is no object model")),
                }
            }
            if let Some(model) = self.models.get_mut(&name) {
                model.kind = ModelKind::Object { fields };
            }
        }
    }
}

/// `base ('[]')* (' | null')?` with base a scalar, `map<EXPR>` or a model name.
fn parse_expr(s: &str) -> Result<(Schema, bool), String> {
    let s = s.trim();
    let (s, nullable) = match s.strip_suffix("| null") {
        Some(rest) => (rest.trim_end(), true),
        None => (s, false),
    };
    let mut base = s;
    let mut depth = 0;
    while let Some(inner) = base.strip_suffix("[]") {
        base = inner;
        depth += 1;
    }
    let mut schema = match base {
        "string" => Schema::String,
        "integer" => Schema::Integer,
        "number" => Schema::Number,
        "boolean" => Schema::Boolean,
        "any" => Schema::Any,
        "binary" => Schema::Binary,
        "text" => Schema::Text,
        _ => match base.strip_prefix("map<").and_then(|r| r.strip_suffix('>')) {
            Some(inner) => Schema::Map {
                values: Box::new(parse_expr(inner)?.0),
            },
            None if base.starts_with(|c: char| c.is_ascii_uppercase())
                && base.chars().all(|c| c.is_ascii_alphanumeric()) =>
            {
                Schema::Ref {
                    name: base.to_string(),
                    boxed: false,
                }
            }
            None => return Err(format!("bad type expression `{s}`")),
        },
    };
    for _ in 0..depth {
        schema = Schema::Array {
            items: Box::new(schema),
        };
    }
    Ok((schema, nullable))
}

/// Every reference names a model; `one_of` variants are object models.
fn check_refs(models: &BTreeMap<String, Model>) -> Vec<String> {
    fn walk(s: &Schema, models: &BTreeMap<String, Model>, at: &str, out: &mut Vec<String>) {
        match s {
            Schema::Ref { name, .. } if !models.contains_key(name) => {
                out.push(format!("{at}: unknown model {name}"))
            }
            Schema::Array { items: inner } | Schema::Map { values: inner } => {
                walk(inner, models, at, out)
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for m in models.values() {
        match &m.kind {
            ModelKind::Object { fields } => {
                for f in fields {
                    walk(
                        &f.schema,
                        models,
                        &format!("{}.{}", m.name, f.wire_name),
                        &mut out,
                    );
                }
            }
            ModelKind::OneOf { variants, .. } => {
                for v in variants {
                    if !matches!(
                        models.get(v).map(|m| &m.kind),
                        Some(ModelKind::Object { .. })
                    ) {
                        out.push(format!("{}: one_of variant {v} is no object model", m.name));
                    }
                }
            }
            ModelKind::Enum { .. } => {}
        }
    }
    out
}
