//! Every typed response decodes, in every description that has it, each 2xx JSON example, a
//! drifted copy of each and seeded random schema-valid answers (100%, but `allow.rs`).

#[path = "decode_proof/allow.rs"]
mod allow;
#[path = "decode_proof/conform.rs"]
mod conform;
#[path = "decode_proof/drift.rs"]
mod drift;
#[path = "decode_proof/openapi.rs"]
mod openapi;
#[path = "decode_proof/sample.rs"]
mod sample;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use openapi::Doc;

/// One typed 2xx JSON response of the specs (the table `build.rs` writes).
struct Row {
    endpoint: &'static str,
    route: &'static str,
    status: u16,
    ty: &'static str,
    decode: fn(&[u8]) -> Result<(), String>,
}

/// Decodes a body as the client does (serde_json from bytes), naming the path of a failure.
fn decode<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<(), String> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize::<_, T>(de)
        .map(drop)
        .map_err(|e| format!("at `{}`: {}", e.path(), e.inner()))
}

include!(concat!(env!("OUT_DIR"), "/decode_table.rs"));

/// Random answers per (description, endpoint, status).
const RANDOM: usize = 3;

/// What was decoded, per platform.
#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    examples: (usize, usize),
    drifted: (usize, usize),
    random: (usize, usize),
    allowed: usize,
    /// Examples (and their drifted copies) that break their own schema and did not decode.
    invalid: usize,
}

/// A decode that failed.
#[derive(Debug)]
struct Failure {
    platform: String,
    endpoint: &'static str,
    status: u16,
    /// `example NAME`, `drifted NAME` or `random N`.
    what: String,
    error: String,
    /// Where the example breaks its own schema, when it does (never for random answers).
    invalid: Option<String>,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} {} ({}): {}",
            self.platform, self.endpoint, self.status, self.what, self.error
        )
    }
}

/// Decodes everything for one row against one description.
fn prove(doc: &Doc, row: &Row, counts: &mut Counts, failures: &mut Vec<Failure>) -> bool {
    let Some(op) = doc.operation(row.route) else {
        return false;
    };
    let Some(media) = doc.json_media(op, row.status) else {
        return false;
    };
    let schema = &media["schema"];
    let mut run =
        |what: String, value: &Value, tally: &mut (usize, usize), invalid: &Option<String>| {
            let body = serde_json::to_vec(value).expect("serialise");
            tally.1 += 1;
            match (row.decode)(&body) {
                Ok(()) => tally.0 += 1,
                Err(error) => failures.push(Failure {
                    platform: doc.platform.clone(),
                    endpoint: row.endpoint,
                    status: row.status,
                    what,
                    error,
                    invalid: invalid.clone(),
                }),
            }
        };
    for (name, example) in doc.examples(media) {
        let invalid = conform::check(doc, schema, example).err();
        run(
            format!("example {name}"),
            example,
            &mut counts.examples,
            &invalid,
        );
        let drifted = drift::drift(doc, schema, example);
        run(
            format!("drifted {name}"),
            &drifted,
            &mut counts.drifted,
            &invalid,
        );
    }
    for n in 0..RANDOM {
        let seed = format!("{} {} {} {n}", doc.platform, row.endpoint, row.status);
        let answer = sample::answer(doc, schema, &mut sample::rng(&seed));
        run(format!("random {n}"), &answer, &mut counts.random, &None);
    }
    true
}

#[test]
fn every_typed_response_decodes_what_every_description_documents() {
    let docs = openapi::load_all();
    assert_eq!(docs.len(), 8, "api.github.com, ghec and six GHES versions");
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut unmatched = Vec::new();
    for row in ROWS {
        let mut found = false;
        for doc in &docs {
            let c = counts.entry(doc.platform.clone()).or_default();
            found |= prove(doc, row, c, &mut failures);
        }
        if !found {
            unmatched.push(format!("{} {} ({})", row.endpoint, row.status, row.ty));
        }
    }
    // The allowlist: examples that contradict their own schema.
    let mut used = BTreeSet::new();
    failures.retain(
        |f| match allow::find(&f.platform, f.endpoint, f.status, &f.what) {
            Some(i) => {
                used.insert(i);
                counts.get_mut(&f.platform).expect("counted").allowed += 1;
                println!("ALLOWED {f}\n    because {}", allow::ALLOWED[i].reason);
                false
            }
            None => true,
        },
    );
    // Examples that break their own schema: the description's error, reported, not the model's.
    failures.retain(|f| match &f.invalid {
        Some(why) if conform::related(&f.error, why) => {
            counts.get_mut(&f.platform).expect("counted").invalid += 1;
            println!("EXAMPLE-ERROR {f}\n    the example itself is invalid: {why}");
            false
        }
        _ => true,
    });
    println!(
        "{} typed 2xx JSON responses; in no description: {unmatched:?}",
        ROWS.len()
    );
    println!(
        "{:>15} {:>17} {:>17} {:>17} {:>8} {:>8} {:>7}",
        "platform", "examples", "drifted", "random", "allowed", "invalid", "proved"
    );
    let pct =
        |(ok, n): (usize, usize)| format!("{ok}/{n} {:.1}%", 100.0 * ok as f64 / n.max(1) as f64);
    for (platform, c) in &counts {
        println!(
            "{platform:>15} {:>17} {:>17} {:>17} {:>8} {:>8} {:>7}",
            pct(c.examples),
            pct(c.drifted),
            pct(c.random),
            c.allowed,
            c.invalid,
            {
                let n = c.examples.1 + c.drifted.1 + c.random.1;
                let ok = c.examples.0 + c.drifted.0 + c.random.0 + c.allowed + c.invalid;
                format!("{:.1}%", 100.0 * ok as f64 / n.max(1) as f64)
            }
        );
    }
    for f in &failures {
        println!("FAIL {f}");
    }
    let stale: Vec<String> = allow::ALLOWED
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, a)| format!("{a:?}"))
        .collect();
    assert!(
        stale.is_empty(),
        "allowlist entries that match no failure: {stale:#?}"
    );
    assert!(
        ROWS.len() >= 300,
        "only {} rows: the table broke",
        ROWS.len()
    );
    assert!(
        unmatched.len() <= 2,
        "rows in no description: {unmatched:?}"
    );
    for (platform, c) in &counts {
        assert!(
            c.random.1 >= 3 * 250,
            "{platform}: only {} random answers",
            c.random.1
        );
        assert!(
            c.examples.1 >= 200,
            "{platform}: only {} examples",
            c.examples.1
        );
    }
    assert!(
        failures.is_empty(),
        "{} answers did not decode (first: {})",
        failures.len(),
        failures[0]
    );
}

/// A small description for the generator's own tests.
fn tiny() -> Doc {
    let json = serde_json::json!({"components": {"schemas": {
        "thing": {"type": "object", "required": ["id", "state", "kind"], "properties": {
            "id": {"type": "integer"},
            "note": {"type": "string", "nullable": true},
            "state": {"type": "string", "enum": ["open", "closed"]},
            "kind": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            "tags": {"type": "array", "items": {"$ref": "#/components/schemas/tag"}},
            "labels": {"type": "object", "additionalProperties": {"type": "string"}}
        }},
        "tag": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}, "nullable": true}
    }}});
    Doc::new("tiny".into(), json)
}

#[test]
fn random_answers_follow_the_schema_and_vary_by_seed() {
    let doc = tiny();
    let schema = serde_json::json!({"$ref": "#/components/schemas/thing"});
    let answers: Vec<Value> = (0..60)
        .map(|n| sample::answer(&doc, &schema, &mut sample::rng(&format!("seed {n}"))))
        .collect();
    let mut seen = BTreeSet::new();
    for a in &answers {
        assert!(a["id"].is_i64(), "{a}");
        assert!(
            ["open", "closed"].contains(&a["state"].as_str().unwrap()),
            "{a}"
        );
        assert!(a["kind"].is_string() || a["kind"].is_i64(), "{a}");
        let tags = a.get("tags").map_or(0, |t| t.as_array().unwrap().len());
        assert!(tags <= 3);
        for t in a
            .get("tags")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            assert!(t["name"].is_string(), "elements are never null: {a}");
        }
        seen.insert(match a.get("note") {
            None => "absent",
            Some(Value::Null) => "null",
            Some(_) => "string",
        });
        seen.insert(if a["kind"].is_string() {
            "kind string"
        } else {
            "kind integer"
        });
    }
    assert_eq!(
        seen.len(),
        5,
        "optional, nullable and oneOf picks all occur: {seen:?}"
    );
    let again = sample::answer(&doc, &schema, &mut sample::rng("seed 7"));
    assert_eq!(again, answers[7], "a seed gives the same answer every run");
}

#[test]
fn drift_adds_a_field_to_every_described_object_and_unknown_enum_values() {
    let doc = tiny();
    let schema = serde_json::json!({"$ref": "#/components/schemas/thing"});
    let example = serde_json::json!({"id": 1, "state": "open", "kind": 2,
        "tags": [{"name": "a"}], "labels": {"x": "y"}});
    let drifted = drift::drift(&doc, &schema, &example);
    assert_eq!(drifted[drift::UNKNOWN_FIELD], "added later");
    assert_eq!(drifted["tags"][0][drift::UNKNOWN_FIELD], "added later");
    assert_eq!(drifted["state"], drift::UNKNOWN_VALUE);
    assert_eq!(
        drifted["labels"],
        serde_json::json!({"x": "y"}),
        "a map gets no field"
    );
}

#[test]
fn a_strict_model_rejects_what_its_schema_forbids() {
    let row = ROWS
        .iter()
        .find(|r| r.endpoint == "repos.get")
        .expect("repos.get is typed");
    let docs = [openapi::load(
        &openapi::folder().join("api.github.com.json"),
    )];
    let op = docs[0].operation(row.route).expect("repos.get upstream");
    let media = docs[0].json_media(op, 200).expect("a JSON 200");
    let (_, example) = docs[0].examples(media).swap_remove(0);
    assert_eq!((row.decode)(&serde_json::to_vec(example).unwrap()), Ok(()));
    let mut broken = example.clone();
    broken.as_object_mut().unwrap().remove("id");
    let err = (row.decode)(&serde_json::to_vec(&broken).unwrap()).unwrap_err();
    assert!(err.contains("missing field `id`"), "{err}");
    broken["id"] = Value::String("1".into());
    assert!((row.decode)(&serde_json::to_vec(&broken).unwrap()).is_err());
}
