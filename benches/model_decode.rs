//! Decoding a real answer into the generated models against decoding it into
//! `serde_json::Value`, per document, batches alternating (`cargo bench --bench model_decode
//! -- [--batches N] [--only typed|value[:DOC]]`). Documents: the recorded `repos.get` answer of `@octokit/fixtures`
//! (`FullRepository`, 90 fields with a nested owner) and a list of 30 issues built from the
//! first issue of the recorded `paginate-issues` answer (`Vec<Issue>`, the shape of a list page).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use github_client_suite::workspace_root;
use github_rest_client::models;
use serde_json::Value;

struct Counting;
static ALLOCS: AtomicU64 = AtomicU64::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
}
#[global_allocator]
static GLOBAL: Counting = Counting;

fn recorded(scenario: &str) -> Value {
    let path = workspace_root().join(format!(
        "tests/fixtures-server/node_modules/@octokit/fixtures/scenarios/api.github.com/{scenario}/normalized-fixture.json"
    ));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let calls: Value = serde_json::from_str(&text).unwrap();
    calls[0]["response"].clone()
}

/// Median time and allocations per decode of `bytes` by `decode`, over `batches` of 50.
fn measure(bytes: &[u8], batches: usize, decode: &dyn Fn(&[u8]) -> usize) -> Vec<(Duration, u64)> {
    (0..batches)
        .map(|_| {
            let a0 = ALLOCS.load(Ordering::Relaxed);
            let t0 = Instant::now();
            let mut sink = 0;
            for _ in 0..50 {
                sink += decode(std::hint::black_box(bytes));
            }
            std::hint::black_box(sink);
            (
                t0.elapsed() / 50,
                (ALLOCS.load(Ordering::Relaxed) - a0) / 50,
            )
        })
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let mut batches = 200;
    // `--only typed|value[:DOC]`: decode one way only (for an instruction count under callgrind).
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--batches" => {
                batches = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--batches N")
            }
            "--only" => only = args.next(),
            _ => {}
        }
    }
    let repo = serde_json::to_vec(&recorded("get-repository")).unwrap();
    let issue = recorded("paginate-issues")[0].clone();
    let issues = serde_json::to_vec(&Value::Array(vec![issue; 30])).unwrap();
    println!(
        "| document | bytes | typed µs | Value µs | typed / Value | allocations typed / Value |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | --- |");
    type Decode = Box<dyn Fn(&[u8]) -> usize>;
    let cases: Vec<(&str, &[u8], Decode, Decode)> = vec![
        (
            "`FullRepository`",
            &repo,
            Box::new(|b| {
                serde_json::from_slice::<models::FullRepository>(b)
                    .unwrap()
                    .full_name
                    .len()
            }),
            Box::new(|b| {
                serde_json::from_slice::<Value>(b)
                    .unwrap()
                    .as_object()
                    .unwrap()
                    .len()
            }),
        ),
        (
            "`Vec<Issue>` (30)",
            &issues,
            Box::new(|b| {
                serde_json::from_slice::<Vec<models::Issue>>(b)
                    .unwrap()
                    .len()
            }),
            Box::new(|b| {
                serde_json::from_slice::<Value>(b)
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .len()
            }),
        ),
    ];
    if let Some(only) = only {
        // `--only typed:0` decodes the first document only.
        let (only, doc) = match only.split_once(':') {
            Some((way, doc)) => (way.to_owned(), doc.parse::<usize>().ok()),
            None => (only, None),
        };
        for (i, (_, bytes, typed, value)) in cases.iter().enumerate() {
            if doc.is_some_and(|d| d != i) {
                continue;
            }
            let decode = if only == "typed" { typed } else { value };
            measure(bytes, batches, decode.as_ref());
        }
        return;
    }
    for (name, bytes, typed, value) in &cases {
        // Alternate in chunks so both see the same machine state.
        let (mut t, mut v) = (Vec::new(), Vec::new());
        for _ in 0..10 {
            t.extend(measure(bytes, batches / 10, typed.as_ref()));
            v.extend(measure(bytes, batches / 10, value.as_ref()));
        }
        let ta = t[0].1;
        let va = v[0].1;
        let tm = median(t.into_iter().map(|x| x.0).collect());
        let vm = median(v.into_iter().map(|x| x.0).collect());
        println!(
            "| {name} | {} | {:.1} | {:.1} | {:.2} | {ta} / {va} |",
            bytes.len(),
            tm.as_secs_f64() * 1e6,
            vm.as_secs_f64() * 1e6,
            tm.as_secs_f64() / vm.as_secs_f64()
        );
    }
}
