//! Response examples walked alongside the drafted types: a field an example leaves out is
//! optional, one it gives as `null` is nullable (the example is evidence like a schema).

use serde_json::{Map, Value};

use super::convert::{Converter, FieldDraft, ModelDraft, Ty, Typed};
use super::merge::{MISSING_IN_EXAMPLE, NULL_IN_EXAMPLE};

/// What an example showed of one field.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Seen {
    Absent,
    Null,
}

/// A field of a model (through inline objects: `path`) and what an example showed of it.
#[derive(Debug)]
struct Finding {
    model: String,
    path: Vec<String>,
    field: String,
    seen: Seen,
}

/// The response examples (`examples` by name, or one `example`) of a media type object.
pub(crate) fn of_media<'a>(doc: &'a super::openapi::Doc, media: &'a Value) -> Vec<&'a Value> {
    let mut out = Vec::new();
    for ex in media["examples"]
        .as_object()
        .into_iter()
        .flat_map(Map::values)
    {
        if let Some(v) = doc.deref(ex).0.get("value") {
            out.push(v);
        }
    }
    if let Some(v) = media.get("example") {
        out.push(v);
    }
    out
}

impl Converter<'_> {
    /// Records what one example of a body drafted as `t` shows: fields it leaves out become
    /// optional, fields it gives as `null` nullable. Values of another type are not evidence
    /// (an example that contradicts its own schema is its error, not the model's).
    pub(crate) fn observe(&mut self, t: &Typed, example: &Value, platform: &str) {
        let mut walker = Walker {
            conv: self,
            found: Vec::new(),
        };
        walker.typed(t, example, None, 0);
        let found = walker.found;
        for f in found {
            self.apply(&f, platform);
        }
    }

    fn apply(&mut self, f: &Finding, platform: &str) {
        let Some(ModelDraft::Object { fields, .. }) =
            self.models.get_mut(&f.model).map(|d| &mut d.model)
        else {
            return;
        };
        let Some(field) = field_at(fields, &f.path, &f.field) else {
            return;
        };
        let (map, kind) = match f.seen {
            Seen::Absent => {
                field.required = false;
                (&mut field.evidence.optional, MISSING_IN_EXAMPLE)
            }
            Seen::Null => {
                field.ty.nullable = true;
                (&mut field.evidence.null, NULL_IN_EXAMPLE)
            }
        };
        map.entry(kind).or_default().insert(platform.to_string());
    }
}

/// Whether an example object is an instance of a model at all: it lacks at most two thirds of
/// the fields some description requires (or fewer than four of them). A team where the schema allows a user or a team, or a
/// stargazer where it says a user, leaves out most of them: it is evidence of another shape
/// (or a truncated example), not that GitHub omits the user's `login`.
fn instance_of(fields: &[FieldDraft], o: &Map<String, Value>) -> bool {
    let required: Vec<&FieldDraft> = fields
        .iter()
        .filter(|f| f.evidence.required_somewhere)
        .collect();
    let missing = required.iter().filter(|f| !o.contains_key(&f.name)).count();
    missing < 4 || missing * 3 <= required.len() * 2
}

fn field_at<'a>(
    fields: &'a mut [FieldDraft],
    path: &[String],
    name: &str,
) -> Option<&'a mut FieldDraft> {
    match path.split_first() {
        None => fields.iter_mut().find(|f| f.name == name),
        Some((seg, rest)) => {
            let f = fields.iter_mut().find(|f| &f.name == seg)?;
            field_at(object_fields(&mut f.ty)?, rest, name)
        }
    }
}

fn object_fields(t: &mut Typed) -> Option<&mut Vec<FieldDraft>> {
    match &mut t.ty {
        Ty::Object(fields) => Some(fields),
        Ty::Array(inner) | Ty::Map(inner) => object_fields(inner),
        _ => None,
    }
}

struct Walker<'c, 'a> {
    conv: &'c Converter<'a>,
    found: Vec<Finding>,
}

/// The model (and path of inline objects in it) that owns the type being walked.
type Owner<'p> = Option<(&'p str, &'p [String])>;

impl Walker<'_, '_> {
    fn typed(&mut self, t: &Typed, v: &Value, owner: Owner, depth: usize) {
        if depth > 48 {
            return;
        }
        match (&t.ty, v) {
            (Ty::Named(n), _) => self.named(n, v, depth + 1),
            (Ty::Object(fields), Value::Object(o)) => {
                if let Some((model, path)) = owner {
                    self.object(model, path, fields, o, depth + 1);
                }
            }
            (Ty::Array(inner), Value::Array(items)) => {
                for x in items {
                    self.typed(inner, x, owner, depth + 1);
                }
            }
            (Ty::Map(inner), Value::Object(o)) => {
                for x in o.values() {
                    self.typed(inner, x, owner, depth + 1);
                }
            }
            (Ty::OneOf(variants), Value::Object(o)) => {
                if let Some(variant) = self.pick(variants, None, o) {
                    self.named(&variant, v, depth + 1);
                }
            }
            _ => {}
        }
    }

    fn named(&mut self, name: &str, v: &Value, depth: usize) {
        let Value::Object(o) = v else { return };
        let conv = self.conv;
        let models = &conv.models;
        match models.get(name).map(|d| &d.model) {
            Some(ModelDraft::Object { extends, fields }) => {
                if !instance_of(fields, o) {
                    return;
                }
                let mut seen: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
                self.object(name, &[], fields, o, depth);
                // The base's fields not redeclared, recorded on the base.
                let mut base = extends.as_deref();
                let mut hops = 0;
                while let (Some(b), true) = (base, hops < 16) {
                    hops += 1;
                    let Some(ModelDraft::Object { extends, fields }) =
                        models.get(b).map(|d| &d.model)
                    else {
                        break;
                    };
                    let own: Vec<FieldDraft> = fields
                        .iter()
                        .filter(|f| !seen.contains(&f.name.as_str()))
                        .cloned()
                        .collect();
                    seen.extend(fields.iter().map(|f| f.name.as_str()));
                    self.object(b, &[], &own, o, depth);
                    base = extends.as_deref();
                }
            }
            Some(ModelDraft::OneOf {
                variants,
                discriminator,
            }) => {
                if let Some(variant) = self.pick(variants, discriminator.as_deref(), o) {
                    self.named(&variant, v, depth + 1);
                }
            }
            _ => {}
        }
    }

    fn object(
        &mut self,
        model: &str,
        path: &[String],
        fields: &[FieldDraft],
        o: &Map<String, Value>,
        depth: usize,
    ) {
        for f in fields {
            let seen = match o.get(&f.name) {
                None => Seen::Absent,
                Some(Value::Null) => Seen::Null,
                Some(x) => {
                    let mut inner = path.to_vec();
                    inner.push(f.name.clone());
                    self.typed(&f.ty, x, Some((model, &inner)), depth + 1);
                    continue;
                }
            };
            self.found.push(Finding {
                model: model.to_string(),
                path: path.to_vec(),
                field: f.name.clone(),
                seen,
            });
        }
    }

    /// The variant an object answer decodes as: by the discriminator's value, else the first
    /// whose required fields are all present (variants are tried in order).
    fn pick(
        &self,
        variants: &[String],
        tag: Option<&str>,
        o: &Map<String, Value>,
    ) -> Option<String> {
        let conv = self.conv;
        let models = &conv.models;
        let fields_of = |v: &str| -> Vec<&FieldDraft> {
            let mut out = Vec::new();
            let mut next = Some(v.to_string());
            let mut hops = 0;
            while let (Some(n), true) = (next.take(), hops < 16) {
                hops += 1;
                if let Some(ModelDraft::Object { extends, fields }) =
                    models.get(&n).map(|d| &d.model)
                {
                    out.extend(fields.iter());
                    next = extends.clone();
                }
            }
            out
        };
        if let Some(tag) = tag {
            let value = o.get(tag)?.as_str()?;
            return variants
                .iter()
                .find(|v| {
                    fields_of(v).iter().any(|f| {
                        f.name == tag
                            && matches!(&f.ty.ty, Ty::Enum(vals) if vals.iter().any(|x| x == value))
                    })
                })
                .cloned();
        }
        variants
            .iter()
            .find(|v| {
                let fields = fields_of(v);
                !fields.is_empty()
                    && fields
                        .iter()
                        .all(|f| !f.required || o.contains_key(&f.name))
            })
            .cloned()
    }
}
