//! Conformance: every method of the generated crate called against Prism, a mock server that
//! checks each request against GitHub's OpenAPI description (`422` + `sl-violations` when it
//! does not conform) and answers with the documented example or a generated one.
//!
//! `cargo test --test conformance` runs a fixed, seeded sample of every scope against
//! `api.github.com.json` and `ghes-3.14.json`; `CONFORMANCE=full cargo test --test
//! conformance` runs every method and writes `tests/conformance/REPORT.md`. Known
//! disagreements (errors in GitHub's description, limits of Prism) are in
//! `tests/conformance/allowlist.json`, each with its reason. The calls are generated from
//! the specs by `build.rs` (`client_generator::conformance`).

#[path = "conformance/harness/mod.rs"]
mod harness;

#[allow(clippy::all, unused_imports)]
mod calls {
    include!(concat!(env!("OUT_DIR"), "/conformance_calls.rs"));
}

#[path = "conformance/broken.rs"]
mod broken;

use std::io::Write as _;
use std::sync::{Arc, Mutex, Weak};

use harness::describe::Description;
use harness::prism::{descriptions_dir, Prism};
use harness::report;
use harness::sweep::{self, Sweep};

/// The descriptions every method is called against.
const DESCRIPTIONS: [&str; 2] = ["api.github.com.json", "ghes-3.14.json"];
/// Methods per scope in the sample (`.ci/run`); `CONFORMANCE=full` runs all of them.
const SAMPLE_PER_SCOPE: usize = 3;
/// The seed that picks the sample.
const SAMPLE_SEED: u64 = 21;
/// Methods in every sample: the broken-spec test breaks their specs, so their unbroken
/// specs must pass.
const ALWAYS: [&str; 2] = broken::BROKEN;

/// The Prism of a description, shared by the tests of this binary while any of them uses it
/// (at most one per description runs).
fn prism(description: &'static str) -> Arc<Prism> {
    static RUNNING: Mutex<Vec<(&'static str, Weak<Prism>)>> = Mutex::new(Vec::new());
    let mut running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = running
        .iter()
        .find(|(d, _)| *d == description)
        .and_then(|(_, w)| w.upgrade())
    {
        return p;
    }
    let p = Arc::new(Prism::start(description));
    running.retain(|(d, _)| *d != description);
    running.push((description, Arc::downgrade(&p)));
    p
}

/// Start the Prisms of `names` at once (each takes ~15 s to load its description).
fn prisms(names: &[&'static str]) -> Vec<Arc<Prism>> {
    std::thread::scope(|s| {
        let started: Vec<_> = names.iter().map(|d| s.spawn(move || prism(d))).collect();
        started.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

/// Sweep `calls` against each description, both at once.
pub fn run_sweeps(calls: &[&harness::Call], names: &[&'static str]) -> Vec<Sweep> {
    let servers = prisms(names);
    let descriptions: Vec<Description> = names
        .iter()
        .map(|d| Description::load(&descriptions_dir().join(d)))
        .collect();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let runs =
            futures_util::future::join_all(servers.iter().map(|p| harness::Run::new(&p.base)))
                .await;
        let sweeps = runs
            .iter()
            .zip(&descriptions)
            .map(|(run, d)| sweep::sweep(run, d, calls));
        futures_util::future::join_all(sweeps).await
    })
}

#[test]
fn every_method_conforms_to_the_descriptions() {
    let full = std::env::var("CONFORMANCE").is_ok_and(|v| v == "full");
    let per_scope = (!full).then_some(SAMPLE_PER_SCOPE);
    let mut selected = sweep::select(calls::CALLS, per_scope, SAMPLE_SEED);
    for name in ALWAYS {
        let call = calls::CALLS.iter().find(|c| c.name() == name);
        let call = call.unwrap_or_else(|| panic!("no method {name}"));
        if !selected.iter().any(|c| c.name() == name) {
            selected.push(call);
        }
    }
    let allow_path = harness::prism::npm_dir().join("allowlist.json");
    let allow = report::load_allowlist(&std::fs::read_to_string(&allow_path).unwrap());

    let mut sweeps = run_sweeps(&selected, &DESCRIPTIONS);
    let mut used = vec![0; allow.len()];
    for s in &mut sweeps {
        let d = s.description.clone();
        for (u, n) in used
            .iter_mut()
            .zip(report::apply(&allow, &d, &mut s.findings))
        {
            *u += n;
        }
    }

    let mut text = String::new();
    let what = if full {
        format!("every method ({})", selected.len())
    } else {
        format!(
            "a sample of {SAMPLE_PER_SCOPE} methods per scope (seed {SAMPLE_SEED}), {} of {}",
            selected.len(),
            calls::CALLS.len()
        )
    };
    text.push_str(&format!("# Conformance report\n\nCalls: {what}; required parameters only and every optional one, each with Prism's example answer and a generated one (`--seed {}`); list methods through `paginate()` for two pages. Written by `CONFORMANCE=full cargo test --test conformance`.\n", harness::prism::SEED));
    for s in &sweeps {
        text.push_str(&format!(
            "\n## {}\n\n```text\n{}```\n",
            s.description,
            report::summary(s)
        ));
        text.push_str(&report::details(s));
    }
    // A method in none of the descriptions has a route GitHub does not document.
    let mut nowhere = Vec::new();
    for c in &selected {
        let absent = |s: &Sweep| {
            s.called
                .iter()
                .any(|k| k.endpoint == c.name() && !k.present)
        };
        if !sweeps.iter().all(absent) {
            continue;
        }
        let what = format!("{} ({} {})", c.name(), c.method, c.route);
        let allowed = allow
            .iter()
            .zip(used.iter_mut())
            .find(|(a, _)| a.kind == "absent" && a.endpoints.iter().any(|e| *e == c.name()));
        match allowed {
            Some((a, n)) => {
                *n += 1;
                text.push_str(&format!(
                    "\nIn no description (allowlisted): {what}: {}\n",
                    a.reason
                ));
            }
            None => nowhere.push(what),
        }
    }
    let stale: Vec<String> = allow
        .iter()
        .zip(&used)
        .filter(|(_, n)| **n == 0)
        .map(|(a, _)| format!("{} ({}): {}", a.endpoints.join(", "), a.kind, a.reason))
        .collect();
    if !stale.is_empty() {
        text.push_str(&format!(
            "\nAllowlist entries not needed in this run: {}\n",
            stale.join("; ")
        ));
    }
    println!("{text}");
    // The per-scope lines also go straight to stderr, past the test harness's capture, so a
    // passing run shows its figures too (`.ci/run`'s log).
    let mut err = std::io::stderr().lock();
    for s in &sweeps {
        let _ = writeln!(
            err,
            "\nconformance, {}:\n{}",
            s.description,
            report::summary(s)
        );
    }
    drop(err);
    if full {
        std::fs::write(harness::prism::npm_dir().join("REPORT.md"), &text).unwrap();
    }

    let failures: usize = sweeps.iter().map(|s| report::failures(s).len()).sum();
    assert!(
        failures == 0 && nowhere.is_empty(),
        "{failures} conformance failure(s) (listed above, each naming its endpoint){}",
        if nowhere.is_empty() {
            String::new()
        } else {
            format!("; routes in no description: {}", nowhere.join(", "))
        }
    );
    // In a full run every entry must still be needed; a sample may not meet them all.
    assert!(
        !full || stale.is_empty(),
        "allowlist entries no longer needed: {}",
        stale.join("; ")
    );
}
