//! Seeded random answers drawn from a response schema: optional properties present or not,
//! nullable ones `null` or not, enum values, `oneOf` picks, arrays of 0 to 3 items.

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64;
use serde_json::{Map, Value};

use crate::openapi::{nullable, props, types, Doc};

/// Beyond this depth optional properties are left out and arrays are empty.
const SHALLOW: usize = 6;
/// Beyond this depth nothing is generated (`null`): only a required cycle gets this far.
const BOTTOM: usize = 24;

/// A generator seeded from a name (`platform endpoint status n`): the same answer every run.
pub fn rng(seed: &str) -> Pcg64 {
    // FNV-1a: stable across platforms and Rust versions, unlike `DefaultHasher`.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seed.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    Pcg64::seed_from_u64(h)
}

/// One answer valid against `schema` (a whole response body: never `null` itself). Array
/// elements and map values are never `null` either: the model format has no `(T | null)[]`,
/// and GitHub sends none.
pub fn answer(doc: &Doc, schema: &Value, rng: &mut Pcg64) -> Value {
    Sampler { doc, rng }.value(schema, 0, false)
}

struct Sampler<'a> {
    doc: &'a Doc,
    rng: &'a mut Pcg64,
}

impl Sampler<'_> {
    fn value(&mut self, s: &Value, depth: usize, may_null: bool) -> Value {
        let s = self.doc.deref(s);
        if depth > BOTTOM || (may_null && nullable(s) && self.rng.random_ratio(1, 3)) {
            return Value::Null;
        }
        if s["allOf"].is_array() || s["properties"].is_object() {
            return self.object(s, depth);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(alts) = s[key].as_array() {
                let alts: Vec<&Value> = alts
                    .iter()
                    .filter(|a| {
                        let a = self.doc.deref(a);
                        may_null || !(a["type"] == "null" || types(a).is_empty() && nullable(a))
                    })
                    .collect();
                if alts.is_empty() {
                    return Value::Null;
                }
                let pick = alts[self.rng.random_range(0..alts.len())];
                return self.value(pick, depth + 1, may_null);
            }
        }
        if let Some(values) = s["enum"].as_array() {
            let values: Vec<&Value> = values.iter().filter(|v| may_null || !v.is_null()).collect();
            if !values.is_empty() {
                return values[self.rng.random_range(0..values.len())].clone();
            }
        }
        let ts = types(s);
        let t = match ts.as_slice() {
            [] => return self.anything(),
            ts => ts[self.rng.random_range(0..ts.len())],
        };
        match t {
            "string" => self.string(s),
            "integer" => Value::from(self.rng.random_range(0..100_000i64)),
            "number" => Value::from(f64::from(self.rng.random_range(0..100_000u32)) / 8.0),
            "boolean" => Value::Bool(self.rng.random_bool(0.5)),
            "array" => {
                let n = if depth >= SHALLOW {
                    0
                } else {
                    self.rng.random_range(0..=3)
                };
                let items = &s["items"];
                Value::Array(
                    (0..n)
                        .map(|_| self.value(items, depth + 1, false))
                        .collect(),
                )
            }
            "object" => self.object(s, depth),
            _ => self.anything(),
        }
    }

    /// An object: required properties always, optional ones half the time (none when deep),
    /// plus up to two entries of `additionalProperties`.
    fn object(&mut self, s: &Value, depth: usize) -> Value {
        let mut ps = Vec::new();
        let mut required = Vec::new();
        props(self.doc, s, &mut ps, &mut required);
        let mut out = Map::new();
        for (name, schema) in ps {
            let present =
                required.contains(&name) || (depth < SHALLOW && self.rng.random_bool(0.5));
            if present {
                out.insert(name.to_string(), self.value(schema, depth + 1, true));
            }
        }
        let extra = &self.doc.deref(s)["additionalProperties"];
        if out.is_empty() && extra.is_object() && depth < SHALLOW {
            for i in 0..self.rng.random_range(0..=2) {
                out.insert(format!("key{i}"), self.value(extra, depth + 1, false));
            }
        }
        Value::Object(out)
    }

    fn string(&mut self, s: &Value) -> Value {
        let n = self.rng.random_range(0..1000);
        Value::String(match s["format"].as_str() {
            Some("date-time") => format!("2024-05-{:02}T12:00:00Z", 1 + n % 28),
            Some("date") => format!("2024-05-{:02}", 1 + n % 28),
            Some("uri" | "url") => format!("https://example.com/{n}"),
            Some("email") => format!("user{n}@example.com"),
            _ => format!("text {n}"),
        })
    }

    /// A value for a schema that says nothing (any JSON value).
    fn anything(&mut self) -> Value {
        match self.rng.random_range(0..3) {
            0 => Value::String("any".into()),
            1 => Value::from(self.rng.random_range(0..100)),
            _ => Value::Object(Map::new()),
        }
    }
}
