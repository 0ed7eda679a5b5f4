//! Each spec's declared 2xx bodies, read through our models, against the 2xx schemas of every
//! description, aspect by aspect; names, required-ness, nullability, enums scored over all.

use std::collections::{BTreeMap, BTreeSet};

use client_generator::schema::{ArrayVariant, Model, ModelKind, ResponseDecl, Schema};
use serde_json::Value;

use crate::evidence::{self, foreign, Facts};
use crate::reference::Doc;

/// Hits out of comparisons for one aspect.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Aspect {
    pub hit: usize,
    pub total: usize,
}

impl Aspect {
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hit as f64 / self.total as f64
        }
    }
}

#[derive(Debug, Default)]
pub struct Score {
    pub statuses: Aspect,
    pub names: Aspect,
    pub types: Aspect,
    pub nullability: Aspect,
    pub required: Aspect,
    pub enums: Aspect,
    /// One line per miss (`aspect: where: what`).
    pub misses: Vec<String>,
    /// Strings and timestamps compared, by place: ours is a `timestamp` exactly where some
    /// description says `format: date-time` (kept apart from `types`, whose floor allows misses).
    pub date_times: Aspect,
    /// One line per place where that does not hold.
    pub date_time_misses: Vec<String>,
}

impl Score {
    pub fn aspects(&self) -> [(&'static str, Aspect); 6] {
        [
            ("statuses", self.statuses),
            ("field names", self.names),
            ("types", self.types),
            ("nullability", self.nullability),
            ("required-ness", self.required),
            ("enum values", self.enums),
        ]
    }

    pub fn overall(&self) -> Aspect {
        self.aspects()
            .iter()
            .fold(Aspect::default(), |a, (_, b)| Aspect {
                hit: a.hit + b.hit,
                total: a.total + b.total,
            })
    }
}

/// Records one comparison of an aspect, and a line when it missed.
fn add(aspect: &mut Aspect, misses: &mut Vec<String>, ok: bool, what: impl FnOnce() -> String) {
    aspect.total += 1;
    if ok {
        aspect.hit += 1;
    } else {
        misses.push(what());
    }
}

/// What the reference says a value is.
#[derive(Debug)]
enum Kind<'a> {
    String,
    Integer,
    Number,
    Boolean,
    Any,
    Array(Option<&'a Value>),
    Object(&'a Value),
    Map(Option<&'a Value>),
    /// Several alternatives (`oneOf`/`anyOf` of non-null schemas, or several `type`s).
    Union(Vec<&'a Value>),
}

struct View<'a> {
    kind: Kind<'a>,
    nullable: bool,
    values: Option<BTreeSet<String>>,
    /// `format: date-time`.
    date_time: bool,
}

fn is_null(v: &Value) -> bool {
    v["nullable"] == Value::Bool(true)
}

fn view<'a>(doc: &Doc<'a>, v: &'a Value) -> View<'a> {
    let mut nullable = is_null(v);
    let v = doc.deref(v);
    nullable |= is_null(v);
    if let Some(parts) = v["allOf"].as_array() {
        if let [only] = parts.as_slice() {
            let mut w = view(doc, only);
            w.nullable |= nullable;
            return w;
        }
        let kind = Kind::Object(v);
        return View {
            kind,
            nullable,
            values: None,
            date_time: false,
        };
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(alts) = v[key].as_array() {
            let mut kept = Vec::new();
            for a in alts {
                if doc.deref(a)["type"] == "null" {
                    nullable = true;
                } else {
                    kept.push(a);
                }
            }
            if let [only] = kept.as_slice() {
                let mut w = view(doc, only);
                w.nullable |= nullable;
                return w;
            }
            return View {
                kind: Kind::Union(kept),
                nullable,
                values: None,
                date_time: false,
            };
        }
    }
    let mut types: Vec<&str> = match &v["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.contains(&"null") {
        nullable = true;
        types.retain(|t| *t != "null");
    }
    types.sort_unstable();
    let values = v["enum"].as_array().map(|vals| {
        nullable |= vals.iter().any(Value::is_null);
        vals.iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect::<BTreeSet<_>>()
    });
    let values = values.filter(|v| !v.is_empty());
    let has_props = v["properties"].as_object().is_some_and(|p| !p.is_empty());
    let kind = match types.as_slice() {
        [] if has_props => Kind::Object(v),
        [] if values.is_some() => Kind::String,
        [] => Kind::Any,
        ["string"] => Kind::String,
        ["integer"] => Kind::Integer,
        ["number"] | ["integer", "number"] => Kind::Number,
        ["boolean"] => Kind::Boolean,
        ["array"] => Kind::Array(v.get("items")),
        ["object"] if has_props => Kind::Object(v),
        ["object"] => Kind::Map(v.get("additionalProperties").filter(|a| a.is_object())),
        _ => Kind::Union(Vec::new()),
    };
    let values = values.filter(|_| matches!(kind, Kind::String));
    View {
        kind,
        nullable,
        values,
        date_time: v["format"] == "date-time",
    }
}

/// Properties (in order, `allOf` merged) and required names of an object schema.
fn props<'a>(
    doc: &Doc<'a>,
    v: &'a Value,
    out: &mut Vec<(&'a str, &'a Value)>,
    req: &mut BTreeSet<&'a str>,
) {
    let v = doc.deref(v);
    for part in v["allOf"].as_array().into_iter().flatten() {
        props(doc, part, out, req);
    }
    for (name, schema) in v["properties"].as_object().into_iter().flatten() {
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = schema,
            None => out.push((name, schema)),
        }
    }
    req.extend(
        v["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str),
    );
}

/// Compares specs against one reference document after another.
pub struct Comparer<'m> {
    models: &'m BTreeMap<String, Model>,
    seen: BTreeSet<(String, usize)>,
    facts: Facts,
    /// Examples with the body type they answer, walked in `finish` once every description's
    /// schemas are known (an example of another shape is told apart by them).
    examples: Vec<(Schema, Value)>,
    /// Per place of a string: (ours is a timestamp, some description says date-time).
    date_times: BTreeMap<String, (bool, bool)>,
    pub score: Score,
}

impl<'m> Comparer<'m> {
    pub fn new(models: &'m BTreeMap<String, Model>) -> Self {
        Comparer {
            models,
            seen: BTreeSet::new(),
            facts: Facts::default(),
            examples: Vec::new(),
            date_times: BTreeMap::new(),
            score: Score::default(),
        }
    }

    /// Scores what was gathered over all descriptions: field names (a property of any
    /// description, a field of ours in some description), required-ness (required where
    /// every description requires it and every example has it), nullability (where any
    /// description or example says null) and enum values (the union).
    pub fn finish(mut self) -> Score {
        for (body, example) in std::mem::take(&mut self.examples) {
            evidence::walk(self.models, &body, &example, &mut self.facts, 0);
        }
        let s = &mut self.score;
        for ((model, field), f) in &self.facts.fields {
            if !f.compared {
                continue;
            }
            let at = format!("{model}.{field}");
            let Some((req, null)) = f.ours else {
                add(&mut s.names, &mut s.misses, false, || {
                    format!("field names: {at}: missing")
                });
                continue;
            };
            add(&mut s.names, &mut s.misses, f.theirs, || {
                format!("field names: {at}: not in the reference")
            });
            if !f.theirs {
                continue;
            }
            let want = f.want_required();
            add(&mut s.required, &mut s.misses, req == want, || {
                format!("required-ness: {at}: ours {req}, evidence {want}")
            });
            let want = f.want_nullable();
            add(&mut s.nullability, &mut s.misses, null == want, || {
                format!("nullability: {at}: ours {null}, evidence {want}")
            });
        }
        for (at, (ours, theirs)) in &self.date_times {
            add(
                &mut s.date_times,
                &mut s.date_time_misses,
                ours == theirs,
                || {
                    let (ours, theirs) = (
                        if *ours { "timestamp" } else { "string" },
                        if *theirs {
                            "date-time in some description"
                        } else {
                            "no date-time in any"
                        },
                    );
                    format!("date-times: {at}: ours {ours}, {theirs}")
                },
            );
        }
        for (at, (ours, theirs)) in &self.facts.enums {
            add(&mut s.enums, &mut s.misses, ours == theirs, || {
                format!("enum values: {at}: ours {ours:?}, reference {theirs:?}")
            });
        }
        self.score
    }

    /// One spec's declared responses against its operation.
    pub fn spec<'a>(&mut self, doc: &Doc<'a>, id: &str, op: &'a Value, ours: &[ResponseDecl]) {
        let theirs: Vec<(u16, &Value)> = op["responses"]
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(k, v)| Some((k.parse::<u16>().ok()?, doc.deref(v))))
            .filter(|(s, _)| (200..300).contains(s))
            .collect();
        for (status, resp) in &theirs {
            let media = resp["content"].as_object().and_then(|c| {
                c.get_key_value("application/json")
                    .or_else(|| c.iter().find(|(ct, _)| ct.contains("json")))
                    .or_else(|| c.iter().next())
            });
            let mine = ours.iter().find(|r| r.status == *status);
            let s = &mut self.score;
            let Some(mine) = mine else {
                add(&mut s.statuses, &mut s.misses, false, || {
                    format!("statuses: {id}: {status} not declared")
                });
                continue;
            };
            add(
                &mut s.statuses,
                &mut s.misses,
                mine.body.is_some() == media.is_some(),
                || {
                    format!(
                        "statuses: {id}: {status} body declared {}, reference {}",
                        mine.body.is_some(),
                        media.is_some()
                    )
                },
            );
            let (Some(body), Some((ct, media))) = (&mine.body, media) else {
                continue;
            };
            let at = format!("{id} {status}");
            if ct.contains("json") {
                self.value(doc, &at, body, &media["schema"]);
                for example in evidence::examples(doc, media) {
                    self.examples.push((body.clone(), example.clone()));
                }
            } else {
                let want = if ct.starts_with("text/") || ct.contains("octocat-stream") {
                    Schema::Text
                } else {
                    Schema::Binary
                };
                let s = &mut self.score;
                add(&mut s.types, &mut s.misses, *body == want, || {
                    format!("types: {at}: {ct} body declared {body:?}")
                });
            }
        }
        for mine in ours.iter().filter(|r| (200..300).contains(&r.status)) {
            if !theirs.iter().any(|(s, _)| *s == mine.status) {
                let s = &mut self.score;
                add(&mut s.statuses, &mut s.misses, false, || {
                    format!("statuses: {id}: {} is not in the reference", mine.status)
                });
            }
        }
    }

    fn value<'a>(&mut self, doc: &Doc<'a>, at: &str, ours: &Schema, theirs: &'a Value) {
        let t = view(doc, theirs);
        let model = match ours {
            Schema::Ref { name, .. } => self.models.get(name),
            _ => None,
        };
        let our_values = match model.map(|m| &m.kind) {
            Some(ModelKind::Enum { values }) => {
                Some(values.iter().cloned().collect::<BTreeSet<_>>())
            }
            _ => None,
        };
        if t.values.is_some() || our_values.is_some() {
            self.facts.enum_at(at, our_values, t.values.clone());
        }
        let kind = model.map(|m| &m.kind);
        let ok = match (ours, kind, &t.kind) {
            (Schema::String | Schema::Timestamp, _, Kind::String) => {
                let seen = self.date_times.entry(at.to_owned()).or_default();
                seen.0 = matches!(ours, Schema::Timestamp);
                seen.1 |= t.date_time;
                true
            }
            (Schema::Integer, _, Kind::Integer) => true,
            (Schema::Number, _, Kind::Number) | (Schema::Boolean, _, Kind::Boolean) => true,
            (Schema::Any, _, Kind::Any | Kind::Union(_)) => true,
            (_, Some(ModelKind::Enum { .. }), Kind::String) => true,
            (Schema::Array { items }, _, Kind::Array(ti)) => {
                if let Some(ti) = ti {
                    self.value(doc, &format!("{at}[]"), items, ti);
                }
                true
            }
            (Schema::Map { values }, _, Kind::Map(tv)) => {
                if let Some(tv) = tv {
                    self.value(doc, &format!("{at}.*"), values, tv);
                }
                true
            }
            (_, Some(ModelKind::Object { .. }), Kind::Object(tv)) => {
                let model = model.expect("model");
                self.object(doc, model, tv, foreign(theirs, &model.name));
                true
            }
            (
                _,
                Some(ModelKind::OneOf {
                    variants, array, ..
                }),
                Kind::Union(alts),
            ) => {
                self.union(doc, at, variants, array.as_ref(), alts);
                true
            }
            _ => false,
        };
        let s = &mut self.score;
        add(&mut s.types, &mut s.misses, ok, || {
            format!(
                "types: {at}: ours {}, reference {:?}",
                describe(ours),
                t.kind_name()
            )
        });
    }

    /// Our object model against a reference object. `foreign`: the reference names another
    /// component (descriptions disagree on the model: `pull-request` where another says
    /// `pull-request-minimal`); ours must decode it, so its extra properties are no miss.
    fn object<'a>(&mut self, doc: &Doc<'a>, model: &'m Model, theirs: &'a Value, foreign: bool) {
        let ptr = doc.deref(theirs) as *const Value as usize;
        if !self.seen.insert((model.name.clone(), ptr)) {
            return;
        }
        let ModelKind::Object { fields } = &model.kind else {
            return;
        };
        let mut their_props = Vec::new();
        let mut required = BTreeSet::new();
        props(doc, theirs, &mut their_props, &mut required);
        for (name, schema) in &their_props {
            let at = format!("{}.{name}", model.name);
            let field = fields.iter().find(|f| f.wire_name == *name);
            if foreign && field.is_none() {
                continue;
            }
            let fact = self.facts.field(&model.name, name);
            fact.compared = true;
            fact.theirs = true;
            fact.optional_somewhere |= !required.contains(name);
            fact.required_somewhere |= required.contains(name);
            fact.nullable_somewhere |= view(doc, schema).nullable;
            let Some(f) = field else { continue };
            fact.ours = Some((f.required, f.nullable));
            self.value(doc, &at, &f.schema, schema);
        }
        for f in fields {
            if !their_props.iter().any(|(n, _)| *n == f.wire_name) {
                let fact = self.facts.field(&model.name, &f.wire_name);
                fact.compared = true;
                fact.ours = Some((f.required, f.nullable));
                fact.optional_somewhere = true;
            }
        }
    }

    /// Each reference alternative must have the variant sharing most field names with it;
    /// each variant must be used.
    fn union<'a>(
        &mut self,
        doc: &Doc<'a>,
        at: &str,
        variants: &[String],
        array: Option<&ArrayVariant>,
        alts: &[&'a Value],
    ) {
        let mut used = BTreeSet::new();
        let mut array_used = false;
        for alt in alts {
            let v = view(doc, alt);
            // An array alternative is our array variant, compared element by element.
            if let (Kind::Array(items), Some(a)) = (&v.kind, array) {
                if !array_used {
                    array_used = true;
                    let ours = Schema::Ref {
                        name: a.items.clone(),
                        boxed: false,
                    };
                    if let Some(items) = items {
                        self.value(doc, &format!("{at}.{}[]", a.name), &ours, items);
                    }
                    continue;
                }
            }
            let best = match v.kind {
                Kind::Object(tv) => {
                    let mut names = Vec::new();
                    props(doc, tv, &mut names, &mut BTreeSet::new());
                    // The reference's component key breaks ties between look-alike variants.
                    let key = alt
                        .get("$ref")
                        .and_then(Value::as_str)
                        .and_then(|r| r.rsplit('/').next());
                    let key = key.map(|k| k.trim_start_matches("nullable-").replace('-', ""));
                    let named = |v: &str| key.as_deref().is_some_and(|k| k.eq_ignore_ascii_case(v));
                    variants
                        .iter()
                        .filter_map(|name| {
                            Some((
                                4 * self.likeness(doc, name, &names)? + i64::from(named(name)),
                                name,
                            ))
                        })
                        .max_by_key(|(score, _)| *score)
                        .map(|(_, name)| (name.clone(), tv))
                }
                _ => None,
            };
            let s = &mut self.score;
            add(&mut s.types, &mut s.misses, best.is_some(), || {
                format!(
                    "types: {at}: a {:?} alternative has no variant",
                    v.kind_name()
                )
            });
            if let Some((name, tv)) = best {
                used.insert(name.clone());
                if let Some(m) = self.models.get(&name) {
                    self.object(doc, m, tv, false);
                }
            }
        }
        if let Some(a) = array.filter(|_| !array_used) {
            let s = &mut self.score;
            add(&mut s.types, &mut s.misses, false, || {
                format!(
                    "types: {at}: array variant {} matches no alternative",
                    a.name
                )
            });
        }
        for v in variants.iter().filter(|v| !used.contains(*v)) {
            let s = &mut self.score;
            add(&mut s.types, &mut s.misses, false, || {
                format!("types: {at}: variant {v} matches no alternative")
            });
        }
    }
}

impl Comparer<'_> {
    /// How much a variant model looks like an alternative's properties: shared field names
    /// minus fields on one side only, with a one-value enum field (a tag) that agrees
    /// outweighing everything else. `None` when nothing is shared.
    fn likeness<'a>(
        &self,
        doc: &Doc<'a>,
        variant: &str,
        theirs: &[(&'a str, &'a Value)],
    ) -> Option<i64> {
        let Some(ModelKind::Object { fields }) = self.models.get(variant).map(|m| &m.kind) else {
            return None;
        };
        let mut score = 0i64;
        let mut common = 0;
        for f in fields {
            let Some((_, schema)) = theirs.iter().find(|(n, _)| *n == f.wire_name) else {
                score -= 1;
                continue;
            };
            common += 1;
            score += 2;
            let ours = match &f.schema {
                Schema::Ref { name, .. } => match self.models.get(name).map(|m| &m.kind) {
                    Some(ModelKind::Enum { values }) => {
                        Some(values.iter().cloned().collect::<BTreeSet<_>>())
                    }
                    _ => None,
                },
                _ => None,
            };
            if let (Some(ours), Some(values)) = (ours, view(doc, schema).values) {
                if ours.len() == 1 && ours == values {
                    score += 1000;
                } else if ours.len() == 1 && values.len() == 1 {
                    score -= 1000;
                }
            }
        }
        score -= theirs
            .iter()
            .filter(|(n, _)| !fields.iter().any(|f| f.wire_name == *n))
            .count() as i64;
        (common > 0).then_some(score)
    }
}

impl View<'_> {
    fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::String => "string",
            Kind::Integer => "integer",
            Kind::Number => "number",
            Kind::Boolean => "boolean",
            Kind::Any => "any",
            Kind::Array(_) => "array",
            Kind::Object(_) => "object",
            Kind::Map(_) => "map",
            Kind::Union(_) => "union",
        }
    }
}

fn describe(s: &Schema) -> String {
    match s {
        Schema::Ref { name, .. } => name.clone(),
        Schema::Array { items } => format!("{}[]", describe(items)),
        Schema::Map { values } => format!("map<{}>", describe(values)),
        other => format!("{other:?}").to_lowercase(),
    }
}
