//! Decode time of one realistic repository document (100 fields, nested owner, one unknown
//! field) for the model shapes the typed-responses design weighed: (a) plain derive ignoring
//! unknown fields, (b) derive + `#[serde(flatten)] extra: Map`, (c) the generated map visitor
//! with `Extra` (also through `serde_path_to_error`, and as the runtime decodes), (d)
//! `serde_json::Value`. Not a test: it asserts only that every shape decodes the document.
//!
//! ```text
//! cargo bench -p client-generator --bench decode -- [--iters N]
//! ```
//!
//! The shapes take turns batch by batch, so a slow patch of the machine hits all alike;
//! reported is the median time per decode. Models: `scripts/decode-bench-models.py`.

use std::time::{Duration, Instant};

#[path = "../../runtime/extra.rs"]
#[allow(dead_code)]
mod extra;

/// What the generated models name as `crate::runtime`.
mod runtime {
    pub use super::extra::{Extra, Key};
}

mod models;

const DOC: &[u8] = include_bytes!("repository.json");
const BATCH: u32 = 100;

fn per_decode(f: &dyn Fn()) -> Duration {
    let start = Instant::now();
    for _ in 0..BATCH {
        f();
    }
    start.elapsed() / BATCH
}

fn main() {
    let iters: usize = std::env::args()
        .skip_while(|a| a != "--iters")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(60);

    // Every shape decodes the document; the visitor keeps the unknown field.
    let c: models::visitor::Repository = serde_json::from_slice(DOC).expect("visitor decodes");
    assert_eq!(c.extra.len(), 1);
    let b: models::flatten::Repository = serde_json::from_slice(DOC).expect("flatten decodes");
    assert_eq!(b.extra.len(), 1);
    let _: models::plain::Repository = serde_json::from_slice(DOC).expect("derive decodes");
    let back = serde_json::to_value(&c).unwrap();
    let orig: serde_json::Value = serde_json::from_slice(DOC).unwrap();
    // Serialised back, only `null`s of optional fields are gone (written as absent).
    let non_null = |v: &serde_json::Value| {
        v.as_object()
            .map(|o| o.values().filter(|x| !x.is_null()).count())
    };
    assert_eq!(non_null(&back), non_null(&orig));

    let shapes: [(&str, &dyn Fn()); 6] = [
        ("(a) derive, unknown fields ignored", &|| {
            let v: models::plain::Repository = serde_json::from_slice(DOC).unwrap();
            std::hint::black_box(v);
        }),
        ("(b) derive + #[serde(flatten)] Map", &|| {
            let v: models::flatten::Repository = serde_json::from_slice(DOC).unwrap();
            std::hint::black_box(v);
        }),
        ("(c) generated visitor + Extra", &|| {
            let v: models::visitor::Repository = serde_json::from_slice(DOC).unwrap();
            std::hint::black_box(v);
        }),
        ("(c) through serde_path_to_error", &|| {
            let mut de = serde_json::Deserializer::from_slice(DOC);
            let v: models::visitor::Repository = serde_path_to_error::deserialize(&mut de).unwrap();
            std::hint::black_box(v);
        }),
        ("(c) runtime: plain, path only on error", &|| {
            let v: models::visitor::Repository = serde_json::from_slice(DOC)
                .or_else(|_| {
                    let mut de = serde_json::Deserializer::from_slice(DOC);
                    serde_path_to_error::deserialize(&mut de).map_err(|e| e.to_string())
                })
                .unwrap();
            std::hint::black_box(v);
        }),
        ("(d) serde_json::Value", &|| {
            let v: serde_json::Value = serde_json::from_slice(DOC).unwrap();
            std::hint::black_box(v);
        }),
    ];
    for (_, f) in &shapes {
        per_decode(*f); // warm-up
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); shapes.len()];
    for round in 0..iters {
        for k in 0..shapes.len() {
            let i = (k + round) % shapes.len();
            times[i].push(per_decode(shapes[i].1));
        }
    }
    println!(
        "decode of a {}-byte repository document, median of {iters} batches of {BATCH}:",
        DOC.len()
    );
    let base = median(&mut times[0].clone());
    for ((name, _), t) in shapes.iter().zip(&mut times) {
        let m = median(t);
        println!(
            "  {name:<42} median {:>7.2} µs ({:.2}x (a)), min {:>7.2} µs",
            m.as_secs_f64() * 1e6,
            m.as_secs_f64() / base.as_secs_f64(),
            t[0].as_secs_f64() * 1e6
        );
    }
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}
