//! OpenAPI schemas -> drafted models: the mapping of types, nullability, enums, `allOf`
//! merges and `oneOf` alternatives, and the naming of every model reached.

use std::collections::{BTreeMap, BTreeSet};

use heck::{ToSnakeCase, ToUpperCamelCase};
use serde_json::Value;

use super::merge::Evidence;
use super::openapi::Doc;
use super::shape::{
    collect_props, discriminator, enum_of, essence, has_properties, is_fields_model, is_model,
    nullable, scalar, static_scalar, types, without_nullable, SCALARS,
};

/// A drafted type with its nullability.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Typed {
    pub ty: Ty,
    pub nullable: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ty {
    /// `string`, `timestamp` (`format: date-time`), `integer`, `number`, `boolean`, `any`,
    /// `binary`, `text`.
    Scalar(&'static str),
    /// A model by name.
    Named(String),
    Array(Box<Typed>),
    Map(Box<Typed>),
    /// Inline object (long form `fields:`).
    Object(Vec<FieldDraft>),
    /// Inline string enum.
    Enum(Vec<String>),
    /// Inline `one_of` of named models.
    OneOf(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldDraft {
    pub name: String,
    pub required: bool,
    pub ty: Typed,
    /// What each description and example said of it (the model file cites conflicts).
    pub evidence: Evidence,
}

/// One model file's content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ModelDraft {
    Object {
        extends: Option<String>,
        fields: Vec<FieldDraft>,
    },
    OneOf {
        variants: Vec<String>,
        discriminator: Option<String>,
    },
    Enum(Vec<String>),
}

/// A drafted model and where it came from (`components/schemas/x` or an operation).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Drafted {
    pub model: ModelDraft,
    pub origin: String,
    /// The platforms (description names) it was drafted from.
    pub platforms: BTreeSet<String>,
}

/// Walks schemas of several descriptions (the first that has a route wins), naming and
/// drafting every model reached. Output order never depends on hash order.
pub(crate) struct Converter<'a> {
    pub(crate) docs: &'a [Doc],
    /// (document, canonical component key) -> model name.
    names: BTreeMap<(usize, String), String>,
    /// Lower-cased model name -> the name as spelled and what it was drafted from (names are
    /// unique case-insensitively; the same origin in another description is the same model).
    taken: BTreeMap<String, (String, String)>,
    /// Lower-cased names of model files on disk -> what they were drafted from.
    on_disk: BTreeMap<String, Option<String>>,
    /// Component key -> the name given to it by the first document that reached it.
    by_key: BTreeMap<String, String>,
    pending: Vec<(usize, String, String)>,
    /// (one_of context, shape signature) -> the name of that inline alternative.
    pub(crate) variants: BTreeMap<(String, String), String>,
    pub models: BTreeMap<String, Drafted>,
    /// Places where the draft had to lose information, for the report.
    pub notes: BTreeSet<String>,
    depth: usize,
}

impl<'a> Converter<'a> {
    pub fn new(docs: &'a [Doc]) -> Self {
        Converter {
            docs,
            names: BTreeMap::new(),
            taken: BTreeMap::new(),
            on_disk: BTreeMap::new(),
            by_key: BTreeMap::new(),
            pending: Vec::new(),
            variants: BTreeMap::new(),
            models: BTreeMap::new(),
            notes: BTreeSet::new(),
            depth: 0,
        }
    }

    /// The body type of one response schema; inline objects, enums and `one_of`s at the top
    /// (or as array elements) become models named `name` (`name` + `Item`).
    pub fn body(&mut self, d: usize, schema: &Value, name: &str, origin: &str) -> Typed {
        let t = self.ty(d, schema, name);
        let t = self.hoist(t, name, origin, &self.platforms_of(d));
        self.drain();
        t
    }

    /// Registers an inline top-level shape as a named model.
    fn hoist(&mut self, t: Typed, name: &str, origin: &str, from: &BTreeSet<String>) -> Typed {
        let model = match t.ty {
            Ty::Object(fields) => ModelDraft::Object {
                extends: None,
                fields,
            },
            Ty::Enum(values) => ModelDraft::Enum(values),
            Ty::OneOf(variants) => ModelDraft::OneOf {
                variants,
                discriminator: None,
            },
            Ty::Array(inner) => {
                let inner = self.hoist(*inner, &format!("{name}Item"), origin, from);
                return Typed {
                    ty: Ty::Array(Box::new(inner)),
                    nullable: t.nullable,
                };
            }
            ty => return Typed { ty, ..t },
        };
        let name = self.claim(name, origin);
        let drafted = Drafted {
            model,
            origin: origin.to_string(),
            platforms: from.clone(),
        };
        self.insert_model(&name, drafted);
        Typed {
            ty: Ty::Named(name),
            nullable: t.nullable,
        }
    }

    /// Sets (or clears) the discriminator of a drafted `one_of` model.
    pub fn set_discriminator(&mut self, name: &str, field: Option<String>) {
        if let Some(Drafted {
            model: ModelDraft::OneOf { discriminator, .. },
            ..
        }) = self.models.get_mut(name)
        {
            *discriminator = field;
        }
    }

    /// `wanted`, or `wanted2`, `wanted3`, … when the name is taken (case-insensitively) in
    /// this run or by a model file on disk drafted from something else than `origin`.
    fn claim(&mut self, wanted: &str, origin: &str) -> String {
        let mut name = wanted.to_string();
        let mut n = 1;
        while !self.is_free_for(&name, origin) {
            n += 1;
            name = format!("{wanted}{n}");
        }
        self.taken
            .insert(name.to_lowercase(), (name.clone(), origin.to_string()));
        name
    }

    fn is_free_for(&self, name: &str, origin: &str) -> bool {
        let lower = name.to_lowercase();
        let on_disk = self.on_disk.get(&lower).and_then(Option::as_deref);
        self.taken.get(&lower).is_none_or(|(_, o)| o == origin)
            && on_disk.is_none_or(|o| o == origin)
    }

    /// The platform name of a description, as a one-element set.
    pub fn platforms_of(&self, d: usize) -> BTreeSet<String> {
        BTreeSet::from([self.docs[d].platform()])
    }

    /// Model files already on disk, with what they were drafted from (`None`: written by
    /// hand). A drafted name never lands on a file drafted from something else.
    pub fn reserve(&mut self, files: impl IntoIterator<Item = (String, Option<String>)>) {
        for (name, origin) in files {
            self.on_disk.insert(name.to_lowercase(), origin);
        }
    }

    /// Records a place where the draft needs a human decision.
    pub fn note(&mut self, note: String) {
        self.notes.insert(note);
    }

    /// Whether a name is free for a model drafted from `origin`.
    pub fn is_free(&self, name: &str, origin: &str) -> bool {
        self.is_free_for(name, origin)
    }

    /// Builds every queued component model.
    fn drain(&mut self) {
        while let Some((d, key, name)) = self.pending.pop() {
            let schema = self.docs[d].component(&key);
            let model = self.component_model(d, schema, &name);
            let drafted = Drafted {
                model,
                origin: format!("components/schemas/{key}"),
                platforms: self.platforms_of(d),
            };
            self.insert_model(&name, drafted);
        }
    }

    /// Drops a `one_of` discriminator unless every variant has that field as a one-value
    /// enum (our format has no value -> variant mapping; the enum value is the mapping).
    pub fn finish(&mut self) {
        self.promote_clashing_inline_types();
        let mut drop = Vec::new();
        for (name, d) in &self.models {
            let ModelDraft::OneOf {
                variants,
                discriminator: Some(field),
            } = &d.model
            else {
                continue;
            };
            let tagged = variants
                .iter()
                .all(|v| match self.models.get(v).map(|d| &d.model) {
                    Some(ModelDraft::Object { fields, .. }) => fields.iter().any(|f| {
                        &f.name == field && matches!(&f.ty.ty, Ty::Enum(vals) if vals.len() == 1)
                    }),
                    _ => false,
                });
            if !tagged {
                drop.push(name.clone());
            }
        }
        for name in drop {
            self.set_discriminator(&name, None);
            self.notes.insert(format!(
                "{name}: the discriminator was left out (its variants do not each fix the field to one value); variants are tried in order"
            ));
        }
    }

    /// An inline object/enum/one_of (also as an array element or map value) is hoisted by
    /// the schema stage as `<Parent><Field>`; where that is a named model's name, the inline
    /// type becomes a named model of its own (with a free name) instead.
    fn promote_clashing_inline_types(&mut self) {
        let mut done = BTreeSet::new();
        // Promoted types are models too: loop until every model has been looked at.
        while let Some(name) = self.models.keys().find(|n| !done.contains(*n)).cloned() {
            done.insert(name.clone());
            let Some(mut drafted) = self.models.remove(&name) else {
                continue;
            };
            if let ModelDraft::Object { fields, .. } = &mut drafted.model {
                let from = drafted.platforms.clone();
                self.promote_in_fields(fields, &name, &drafted.origin, &from);
            }
            self.models.insert(name, drafted);
        }
    }

    fn promote_in_fields(
        &mut self,
        fields: &mut [FieldDraft],
        parent: &str,
        origin: &str,
        from: &BTreeSet<String>,
    ) {
        for f in fields {
            let ctx = format!("{parent}{}", f.name.to_upper_camel_case());
            self.promote_in_type(&mut f.ty, &ctx, origin, from);
        }
    }

    fn promote_in_type(&mut self, t: &mut Typed, ctx: &str, origin: &str, from: &BTreeSet<String>) {
        let clashes = |c: &Converter, n: &str| c.models.keys().any(|m| m.eq_ignore_ascii_case(n));
        match &mut t.ty {
            Ty::Object(_) | Ty::Enum(_) | Ty::OneOf(_) if clashes(self, ctx) => {
                let inline = std::mem::replace(&mut t.ty, Ty::Scalar("any"));
                let mut promoted = self.hoist(
                    Typed {
                        ty: inline,
                        nullable: false,
                    },
                    ctx,
                    &format!("an inline type in {origin}"),
                    from,
                );
                promoted.nullable = t.nullable;
                if let Ty::Named(n) = &promoted.ty {
                    self.notes.insert(format!(
                        "{ctx}: an inline type would clash with the model of that name; drafted as {n}"
                    ));
                }
                *t = promoted;
            }
            Ty::Object(fields) => self.promote_in_fields(fields, ctx, origin, from),
            // An element or map value is hoisted under the field's own name.
            Ty::Array(inner) | Ty::Map(inner) => self.promote_in_type(inner, ctx, origin, from),
            _ => {}
        }
    }

    /// `nullable-x` is the same model as `x` when both say the same apart from nullability
    /// and prose; the key to name and draft from.
    fn canonical(&self, d: usize, key: &str) -> String {
        if let Some(base) = key.strip_prefix("nullable-") {
            let doc = &self.docs[d];
            let b = doc.component(base);
            if b.is_null() || essence(b) == essence(doc.component(key)) {
                return base.to_string();
            }
        }
        key.to_string()
    }

    /// The model name of a component, queueing it for drafting on first sight.
    fn component_name(&mut self, d: usize, key: &str) -> String {
        let canon = self.canonical(d, key);
        if let Some(n) = self.names.get(&(d, canon.clone())) {
            return n.clone();
        }
        // Another description already named this key: the same model, drafted from this
        // description too and merged (the evidence of every description counts).
        let source = if self.docs[d].component(&canon).is_null() {
            key.to_string()
        } else {
            canon.clone()
        };
        let name = match self.by_key.get(&canon) {
            Some(n) => n.clone(),
            None => {
                let origin = format!("components/schemas/{source}");
                let n = self.claim(&canon.to_upper_camel_case(), &origin);
                self.by_key.insert(canon.clone(), n.clone());
                n
            }
        };
        self.pending.push((d, source, name.clone()));
        self.names.insert((d, canon), name.clone());
        name
    }

    /// The drafted type of a schema; `ctx` names inline alternatives that need a model.
    pub fn ty(&mut self, d: usize, v: &Value, ctx: &str) -> Typed {
        if self.depth > 64 {
            self.notes
                .insert(format!("{ctx}: nesting too deep, drafted as `any`"));
            return scalar("any", false);
        }
        self.depth += 1;
        let t = self.ty_inner(d, v, ctx);
        self.depth -= 1;
        t
    }

    fn ty_inner(&mut self, d: usize, v: &Value, ctx: &str) -> Typed {
        let doc = &self.docs[d];
        if v.get("$ref").is_some() {
            let (target, key) = doc.deref(v);
            let sibling_null = v["nullable"] == Value::Bool(true);
            return match key {
                Some(key) if is_model(doc, target) => {
                    let nullable = nullable(target) || sibling_null;
                    let name = self.component_name(d, key);
                    Typed {
                        ty: Ty::Named(name),
                        nullable,
                    }
                }
                _ => {
                    let mut t = self.ty(d, target, ctx);
                    t.nullable |= sibling_null;
                    t
                }
            };
        }
        let is_null = nullable(v);
        if let Some(parts) = v["allOf"].as_array() {
            if let [only] = parts.as_slice() {
                let mut t = self.ty(d, only, ctx);
                t.nullable |= is_null;
                return t;
            }
            let fields = self.merged_fields(d, v, ctx);
            return Typed {
                ty: Ty::Object(fields),
                nullable: is_null,
            };
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(alts) = v[key].as_array() {
                return self.alternatives(d, alts, is_null, ctx);
            }
        }
        let types = types(v);
        match types.as_slice() {
            [] if has_properties(v) => self.object(d, v, ctx, is_null),
            [] if v.get("enum").is_some() => enum_of(v, is_null),
            [] => scalar("any", is_null),
            [t] if t == "string" && v.get("enum").is_some() => enum_of(v, is_null),
            [t] if t == "string" && v["format"] == "date-time" => scalar("timestamp", is_null),
            [t] if SCALARS.contains(&t.as_str()) => scalar(static_scalar(t), is_null),
            [t] if t == "array" => {
                // Elements are never nullable: the format (and the IR) has no `(T | null)[]`,
                // and a nullable component used as an element is nullable for its fields.
                let items = match v.get("items") {
                    Some(items) => Typed {
                        nullable: false,
                        ..self.ty(d, items, &format!("{ctx}Item"))
                    },
                    None => scalar("any", false),
                };
                Typed {
                    ty: Ty::Array(Box::new(items)),
                    nullable: is_null,
                }
            }
            [t] if t == "object" => self.object(d, v, ctx, is_null),
            // `integer | number` is a number; any other union is any JSON value.
            [a, b] if a == "integer" && b == "number" => scalar("number", is_null),
            _ => scalar("any", is_null),
        }
    }

    /// An object schema: fields when it declares properties, else a map.
    fn object(&mut self, d: usize, v: &Value, ctx: &str, is_null: bool) -> Typed {
        if has_properties(v) {
            let fields = self.merged_fields(d, v, ctx);
            return Typed {
                ty: Ty::Object(fields),
                nullable: is_null,
            };
        }
        let values = match v.get("additionalProperties") {
            // Like array elements, map values are never nullable in the format.
            Some(ap) if ap.is_object() => Typed {
                nullable: false,
                ..self.ty(d, ap, &format!("{ctx}Value"))
            },
            _ => scalar("any", false),
        };
        Typed {
            ty: Ty::Map(Box::new(values)),
            nullable: is_null,
        }
    }

    /// `oneOf`/`anyOf`: nulls make it nullable; one alternative left is that alternative;
    /// several object-like alternatives are a `one_of`; anything else is `any`.
    fn alternatives(&mut self, d: usize, alts: &[Value], is_null: bool, ctx: &str) -> Typed {
        let doc = &self.docs[d];
        let mut is_null = is_null;
        let mut kept: Vec<&Value> = Vec::new();
        for a in alts {
            let (target, _) = doc.deref(a);
            if types(target) == ["null"] || (target["type"] == "null") {
                is_null = true;
            } else {
                kept.push(a);
            }
        }
        if let [only] = kept.as_slice() {
            let mut t = self.ty(d, only, ctx);
            t.nullable |= is_null;
            return t;
        }
        let objects: Vec<&Value> = kept
            .iter()
            .copied()
            .filter(|a| is_fields_model(doc, doc.deref(a).0))
            .collect();
        if objects.len() < 2 || objects.len() + 1 < kept.len() {
            return scalar("any", is_null);
        }
        if objects.len() < kept.len() {
            self.notes.insert(format!(
                "{ctx}: a non-object alternative of a oneOf was left out (a one_of holds models only)"
            ));
        }
        let mut variants = Vec::new();
        let tags: Vec<Option<String>> = objects.iter().map(|a| const_tag(doc, a)).collect();
        for (i, a) in objects.into_iter().enumerate() {
            // Named after the alternative's constant (`type: file_extension_restriction`), so
            // the same alternative has the same model in every description whatever its place.
            let unique = tags[i]
                .as_ref()
                .filter(|t| tags.iter().filter(|o| o.as_ref() == Some(*t)).count() == 1);
            let name = match unique {
                Some(tag) => format!("{ctx}{}", tag.to_upper_camel_case()),
                None => self.variant_name(d, a, ctx, i),
            };
            let t = self.ty(d, a, &name);
            let from = self.platforms_of(d);
            let t = self.hoist(t, &name, &format!("inline alternative in {ctx}"), &from);
            if let Ty::Named(n) = t.ty {
                if !variants.contains(&n) {
                    variants.push(n);
                }
            }
        }
        Typed {
            ty: Ty::OneOf(variants),
            nullable: is_null,
        }
    }

    /// The fields of an object, merging `allOf` parts (later properties replace earlier
    /// ones in place; `required` is the union).
    fn merged_fields(&mut self, d: usize, v: &Value, ctx: &str) -> Vec<FieldDraft> {
        let doc = &self.docs[d];
        let mut props: Vec<(String, &Value)> = Vec::new();
        let mut required = BTreeSet::new();
        collect_props(doc, v, &mut props, &mut required, 0);
        self.drop_reserved(&mut props, ctx);
        let platform = doc.platform();
        props
            .into_iter()
            .map(|(name, schema)| {
                let ty = self.ty(d, schema, &format!("{ctx}{}", name.to_upper_camel_case()));
                FieldDraft::drafted(name.clone(), required.contains(&name), ty, &platform)
            })
            .collect()
    }

    /// Leaves out a property whose Rust name would be `extra`: generated structs keep
    /// unknown keys there, so the value stays reachable.
    fn drop_reserved(&mut self, props: &mut Vec<(String, &Value)>, ctx: &str) {
        let before = props.len();
        props.retain(|(name, _)| name.to_snake_case() != "extra");
        if props.len() < before {
            self.notes.insert(format!(
                "{ctx}: a property named `extra` was left out (generated structs keep unknown keys in `extra`)"
            ));
        }
    }

    /// The model of a component: `extends` for `allOf: [$ref, {fields}]`, else merged
    /// fields, a `one_of`, or an enum.
    fn component_model(&mut self, d: usize, v: &Value, name: &str) -> ModelDraft {
        let doc = &self.docs[d];
        if let Some(parts) = v["allOf"].as_array() {
            let refs: Vec<&Value> = parts.iter().filter(|p| p.get("$ref").is_some()).collect();
            if let [base] = refs.as_slice() {
                let (target, key) = doc.deref(base);
                if let (Some(key), true) = (key, is_fields_model(doc, target)) {
                    let base_name = self.component_name(d, key);
                    let mut props = Vec::new();
                    let mut required = BTreeSet::new();
                    for p in parts.iter().filter(|p| p.get("$ref").is_none()) {
                        collect_props(doc, p, &mut props, &mut required, 0);
                    }
                    self.drop_reserved(&mut props, name);
                    let platform = doc.platform();
                    let fields = props
                        .into_iter()
                        .map(|(n, s)| {
                            let ty = self.ty(d, s, &format!("{name}{}", n.to_upper_camel_case()));
                            FieldDraft::drafted(n.clone(), required.contains(&n), ty, &platform)
                        })
                        .collect();
                    return ModelDraft::Object {
                        extends: Some(base_name),
                        fields,
                    };
                }
            }
        }
        let t = self.ty(d, &without_nullable(v), name);
        match t.ty {
            Ty::Object(fields) => ModelDraft::Object {
                extends: None,
                fields,
            },
            Ty::Enum(values) => ModelDraft::Enum(values),
            Ty::OneOf(variants) => ModelDraft::OneOf {
                variants,
                discriminator: discriminator(v),
            },
            other => {
                // `is_model` only lets object, enum and one_of shapes through.
                self.notes.insert(format!(
                    "{name}: drafted as an empty object (was {other:?})"
                ));
                ModelDraft::Object {
                    extends: None,
                    fields: Vec::new(),
                }
            }
        }
    }
}

/// The one value an alternative fixes for some property (`"type": {"enum": ["x"]}`), which tells
/// it apart from its siblings; `None` when it fixes none.
fn const_tag(doc: &super::openapi::Doc, alternative: &Value) -> Option<String> {
    let v = doc.deref(alternative).0;
    let own = v.get("properties").and_then(Value::as_object);
    let tag = own.into_iter().flat_map(|m| m.values()).find_map(|p| {
        let p = doc.deref(p).0;
        match p.get("enum")?.as_array()?.as_slice() {
            [Value::String(only)] if !only.is_empty() => Some(only.clone()),
            _ => None,
        }
    });
    // Or the tag of one of its `allOf` parts.
    tag.or_else(|| {
        v.get("allOf")?
            .as_array()?
            .iter()
            .find_map(|part| const_tag(doc, part))
    })
}
