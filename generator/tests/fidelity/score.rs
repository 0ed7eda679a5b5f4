//! Scoring: inferred rows against the reference, per location, with the misses listed.

use std::collections::BTreeMap;

use client_generator::infer::{infer_type_traced, ParamCtx};
use client_generator::model::{build_api, inspect_json, Location};
use client_generator::parse::SpecFile;
use serde_json::Value;

use crate::reference::{operations, spec_key, truth, Doc};

/// Inferred enums: how many, how many list no value the reference forbids, how many list
/// exactly the reference's values.
#[derive(Default)]
pub struct EnumTally {
    pub inferred: usize,
    pub sound: usize,
    pub exact: usize,
    /// Rows the reference gives an enum (not `true`/`false`), and how many of them we type as
    /// an enum whose values are all the reference's.
    pub reference: usize,
    pub recovered: usize,
    /// Recovered rows whose inferred values are the reference's whole set.
    pub complete: usize,
    /// Reference enum rows whose text names every value (the ceiling of reading the text),
    /// and how many of them are recovered.
    pub recoverable: usize,
    pub recovered_recoverable: usize,
}

/// Whether `text` names `value` as a token of its own (backticked, quoted or a bare word):
/// bounded by characters that cannot be part of a value.
pub fn names_value(text: &str, value: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '/' | '.' | '+');
    text.match_indices(value).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after_text = &text[at + value.len()..];
        let mut after = after_text.chars();
        // A sentence's full stop after a value ("… or `all`.") is no part of it.
        let after_ok = match after.next() {
            None => true,
            Some('.') => !after.next().is_some_and(part),
            Some(c) => !part(c),
        };
        !before.is_some_and(part) && after_ok
    })
}

#[derive(Default)]
struct Tally {
    rows: usize,
    type_ok: usize,
    location_ok: usize,
}

pub fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// The inference rule that typed a leaf row (approximate: the row is re-inferred without
/// its siblings), to make the miss list actionable.
fn deciding_rule(spec: &SpecFile, name: &str, description: &str, model: &Value) -> &'static str {
    let location = match model["in"].as_str() {
        Some("path") => Location::Path,
        Some("query") => Location::Query,
        _ => Location::Body,
    };
    let leaf = name
        .rsplit('.')
        .next()
        .unwrap_or(name)
        .trim_end_matches("[]");
    let ctx = ParamCtx {
        name: leaf,
        parent: None,
        description,
        method: spec.route.method,
        location,
        siblings: &[],
        resource: "",
    };
    infer_type_traced(&ctx).0
}

/// The outcome of one comparison.
pub struct Score {
    pub total: usize,
    pub type_share: f64,
    pub location_share: f64,
    pub enums: EnumTally,
    /// Rows (`scope/id name: what`) whose enum is not the reference's whole set of values, or
    /// that the reference lets be `null` and the model does not.
    pub incomplete: Vec<String>,
}

/// Build the model for `specs`, compare every row with the reference description `doc_value`
/// and print a per-location report with the misses.
pub fn score(specs: &[SpecFile], doc_value: &Value) -> Score {
    score_with(specs, doc_value, &[])
}

/// [`score`], with the enum values of `others` (more descriptions of the same API: GHEC, GHES)
/// joined to the reference's: a value any of them lists is sound.
pub fn score_with(specs: &[SpecFile], doc_value: &Value, others: &[Value]) -> Score {
    // Only parameters are scored: the declared responses (which name models of
    // `specs/models/`, not loaded here) are left out.
    let stripped: Vec<SpecFile> = specs
        .iter()
        .cloned()
        .map(|mut s| {
            s.responses.clear();
            s
        })
        .collect();
    let api = build_api(&stripped).unwrap_or_else(|d| panic!("specs do not build:\n{d}"));
    let inspected = inspect_json(&api);
    let doc = Doc(doc_value);
    let ops = operations(doc_value);
    let other_ops: Vec<_> = others.iter().map(|o| (Doc(o), operations(o))).collect();
    let mut by_location: BTreeMap<&'static str, Tally> = BTreeMap::new();
    let (mut total, mut type_ok, mut location_ok, mut unknown, mut unmodelled) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut by_rule: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let (mut enums, mut enum_misses) = (EnumTally::default(), Vec::new());
    let mut incomplete = Vec::new();
    let mut enum_lost: Vec<String> = Vec::new();
    for spec in specs {
        let Some((op, shared)) = ops.get(&spec_key(spec)) else {
            unknown += spec.params.len();
            continue;
        };
        let endpoint = inspected["endpoints"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["scope"] == spec.scope.as_str() && e["id"] == spec.method_id.as_str())
            .expect("every spec has an endpoint");
        for row in &spec.params {
            let Some(mut t) = truth(&doc, op, shared, &row.name) else {
                unknown += 1;
                continue;
            };
            for (other_doc, other_ops) in &other_ops {
                let found = other_ops
                    .get(&spec_key(spec))
                    .and_then(|(op, shared)| truth(other_doc, op, shared, &row.name));
                // A date-time where any description says so (the rule of `draft-models`).
                t.date_time |= found.as_ref().is_some_and(|o| o.date_time);
                for v in found.into_iter().flat_map(|o| o.values) {
                    if !t.values.contains(&v) {
                        t.values.push(v);
                    }
                }
            }
            let Some(model) = endpoint["params"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["name"] == row.name.as_str())
            else {
                unmodelled += 1;
                println!("UNMODELLED {}/{} {}", spec.scope, spec.method_id, row.name);
                continue;
            };
            // A union (`["integer","string"]`) is right when the reference allows every member.
            let names = |v: &Value| -> Vec<String> {
                match v {
                    Value::String(s) => vec![s.clone()],
                    Value::Array(a) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .map(String::from)
                        .collect(),
                    _ => Vec::new(),
                }
            };
            let got_types = names(&model["type"]);
            let ty = got_types.join("|");
            let got_items = names(&model["items"]);
            let items = (!got_items.is_empty()).then(|| got_items.join("|"));
            let type_match = if t.types == ["raw"] {
                ty == "string"
            } else {
                let accept = |want: &[String], got: &[String]| {
                    want.is_empty()
                        || (!got.is_empty()
                            && got.iter().all(|g| {
                                want.iter()
                                    .any(|w| w == g || (w == "number" && g == "integer"))
                            }))
                };
                accept(&t.types, &got_types)
                    && (ty != "array" || t.items.is_empty() || accept(&t.items, &got_items))
            };
            let location_match = model["in"] == t.location;
            if !t.values.is_empty() && !t.values.iter().all(|v| v == "true" || v == "false") {
                enums.reference += 1;
                let found = model["enum"].as_array().is_some_and(|got| {
                    got.iter().all(|g| t.values.iter().any(|r| g == r.as_str()))
                });
                let named = t.values.iter().all(|v| names_value(&row.description, v));
                let complete = model["enum"]
                    .as_array()
                    .is_some_and(|got| found && got.len() == t.values.len());
                enums.recovered += found as usize;
                enums.complete += complete as usize;
                enums.recoverable += named as usize;
                enums.recovered_recoverable += (named && found) as usize;
                if !found {
                    enum_lost.push(format!(
                        "{}{}/{} {} want {:?}",
                        if named { "(named in text) " } else { "" },
                        spec.scope,
                        spec.method_id,
                        row.name,
                        t.values
                    ));
                }
            }
            if let Some(values) = model["enum"].as_array() {
                let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
                // A reference without an enum (a free string) neither confirms nor contradicts.
                let known =
                    t.values.is_empty() || values.iter().all(|v| t.values.iter().any(|r| r == v));
                enums.inferred += 1;
                enums.sound += known as usize;
                enums.exact += (known && values.len() == t.values.len()) as usize;
                if known && !t.values.is_empty() && values.len() < t.values.len() {
                    println!(
                        "ENUM-PARTIAL {}/{} {} got {values:?} want {:?}",
                        spec.scope, spec.method_id, row.name, t.values
                    );
                }
                if t.values.is_empty() {
                    println!(
                        "ENUM-UNCHECKED {}/{} {} got {values:?} (the reference lists no values)",
                        spec.scope, spec.method_id, row.name
                    );
                }
                if !known {
                    enum_misses.push(format!(
                        "{}/{} {} got {values:?} want {:?}",
                        spec.scope, spec.method_id, row.name, t.values
                    ));
                }
            }
            // `true`/`false` alone is a boolean, not an enum.
            let boolean = t.values.iter().all(|v| v == "true" || v == "false");
            let want: std::collections::BTreeSet<&str> = if boolean {
                Default::default()
            } else {
                t.values.iter().map(String::as_str).collect()
            };
            let got: std::collections::BTreeSet<&str> = model["enum"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            if !want.is_empty() && got != want {
                incomplete.push(format!(
                    "{}/{} {}: enum {got:?}, the descriptions list {want:?}",
                    spec.scope, spec.method_id, row.name
                ));
            }
            let timestamp = model["format"] == "date-time";
            if t.date_time != timestamp {
                incomplete.push(format!(
                    "{}/{} {}: {}",
                    spec.scope,
                    spec.method_id,
                    row.name,
                    if timestamp {
                        "a timestamp, no description says date-time"
                    } else {
                        "a string, a description says date-time (state `type: timestamp`)"
                    }
                ));
            }
            if t.nullable && model["nullable"] != true {
                incomplete.push(format!(
                    "{}/{} {}: not nullable, a description allows null",
                    spec.scope, spec.method_id, row.name
                ));
            }
            total += 1;
            type_ok += type_match as usize;
            location_ok += location_match as usize;
            let leaf = !spec.params.iter().any(|r| {
                r.name.len() > row.name.len()
                    && r.name.starts_with(&row.name)
                    && matches!(r.name.as_bytes()[row.name.len()], b'.' | b'[')
            });
            let rule = if leaf {
                deciding_rule(spec, &row.name, &row.description, model)
            } else {
                "structure"
            };
            let decided = by_rule.entry(rule).or_insert((0, 0));
            decided.0 += 1;
            decided.1 += type_match as usize;
            let tally = by_location.entry(t.location).or_default();
            tally.rows += 1;
            tally.type_ok += type_match as usize;
            tally.location_ok += location_match as usize;
            if !type_match || !location_match {
                let first_line: String = row
                    .description
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .chars()
                    .take(110)
                    .collect();
                misses.push(format!(
                    "{}/{} {:<28} got {}:{}{} want {}:{}{} by {} | {}",
                    spec.scope,
                    spec.method_id,
                    row.name,
                    model["in"].as_str().unwrap_or(""),
                    ty,
                    items.map(|i| format!("[{i}]")).unwrap_or_default(),
                    t.location,
                    t.types.join("|"),
                    if t.items.is_empty() {
                        String::new()
                    } else {
                        format!("[{}]", t.items.join("|"))
                    },
                    rule,
                    first_line
                ));
            }
        }
    }
    misses.sort();
    for m in &enum_misses {
        println!("ENUM-MISS {m}");
    }
    for m in &enum_lost {
        println!("ENUM-LOST {m}");
    }
    for m in &misses {
        println!("MISS {m}");
    }
    println!("\nfidelity over {total} rows ({unknown} rows without a reference type, {unmodelled} not modelled):");
    for (loc, t) in &by_location {
        println!(
            "  {loc:<6} {:>5} rows  type {:6.2}%  location {:6.2}%",
            t.rows,
            100.0 * pct(t.type_ok, t.rows),
            100.0 * pct(t.location_ok, t.rows)
        );
    }
    for (rule, (decided, right)) in &by_rule {
        println!(
            "  rule {rule:<30} {decided:>5} rows  {:6.2}% right",
            100.0 * pct(*right, *decided)
        );
    }
    println!(
        "  enums  {} inferred, {} not contradicting the reference, {} exactly the reference set",
        enums.inferred, enums.sound, enums.exact
    );
    println!(
        "  enums  recall {}/{} = {:.1}% of the reference's enum rows; precision {:.1}% (sound/inferred)",
        enums.recovered,
        enums.reference,
        100.0 * pct(enums.recovered, enums.reference),
        100.0 * pct(enums.sound, enums.inferred)
    );
    println!(
        "  enums  recoverable from text (every value named in the row's text): {} of {}; recall against them {}/{} = {:.1}%; complete sets {}/{} = {:.1}%",
        enums.recoverable,
        enums.reference,
        enums.recovered_recoverable,
        enums.recoverable,
        100.0 * pct(enums.recovered_recoverable, enums.recoverable),
        enums.complete,
        enums.reference,
        100.0 * pct(enums.complete, enums.reference)
    );
    let (type_share, location_share) = (pct(type_ok, total), pct(location_ok, total));
    println!(
        "  all    {total:>5} rows  type {:6.2}%  location {:6.2}%",
        100.0 * type_share,
        100.0 * location_share
    );
    Score {
        total,
        type_share,
        location_share,
        enums,
        incomplete,
    }
}

#[test]
fn values_named_as_tokens_of_their_own() {
    assert!(names_value("Sort by `created` or `updated`.", "updated"));
    assert!(names_value("either active or deleted.", "active"));
    assert!(names_value("One of 'all' or 'selected'", "selected"));
    // Part of a longer word or value is no mention.
    assert!(!names_value("Use `selected_repository_ids`.", "selected"));
    assert!(!names_value("The reactions-+1 count", "reactions"));
    assert!(!names_value("in docs.github.com", "docs"));
}
