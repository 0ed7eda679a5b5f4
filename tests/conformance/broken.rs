//! The suite can fail: a client generated from deliberately broken specs, swept the same way
//! against the same Prism, fails naming the endpoint and the violation. Two breaks, each of a
//! kind a spec author could make:
//! - `issues.listForRepo`: the query parameter `per_page` typed `string` (GitHub: `integer`);
//! - `repos.createOrUpdateFileContents`: the body field `committer.name` moved one level up
//!   (sent as `name` beside `committer`, which then lacks it).
//!
//! The broken specs (without `responses:`, so no models are needed) are generated into a
//! small crate with the calls and the harness, built with cargo in `target/corpus-check` (the
//! dependencies other crate-building tests compile too), and run against the suite's Prism.
//! The unbroken specs of both endpoints are in every sweep of the suite ([`super::ALWAYS`]).

use std::path::{Path, PathBuf};
use std::process::Command;

use client_generator::Config;
use github_client_suite::{cargo_in, specs_dir, workspace_root};

/// The endpoints broken here.
pub const BROKEN: [&str; 2] = ["issues.listForRepo", "repos.createOrUpdateFileContents"];

/// `text` without its front-matter `responses:` block.
fn without_responses(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with("responses:") {
            skipping = true;
            continue;
        }
        if skipping && line.starts_with("  ") {
            continue;
        }
        skipping = false;
        out.push_str(line);
    }
    out
}

/// Copy a spec, broken by `edit` (which must change it).
fn broken_spec(specs: &Path, scope_id: &str, edit: impl Fn(&str) -> String) {
    let (scope, id) = scope_id.split_once('.').unwrap();
    let text = std::fs::read_to_string(specs_dir().join(scope).join(format!("{id}.md"))).unwrap();
    let text = without_responses(&text);
    let broken = edit(&text);
    assert_ne!(broken, text, "the edit of {scope_id} changed nothing");
    std::fs::create_dir_all(specs.join(scope)).unwrap();
    std::fs::write(specs.join(scope).join(format!("{id}.md")), broken).unwrap();
}

/// Write the broken specs, the crate generated from them and a binary that sweeps its calls.
fn write_crate(root: &Path) -> PathBuf {
    let _ = std::fs::remove_dir_all(root);
    let specs = root.join("specs");
    broken_spec(&specs, BROKEN[0], |t| {
        t.replacen(
            "parameters:\n",
            "parameters:\n  - name: per_page\n    type: string\n",
            1,
        )
    });
    broken_spec(&specs, BROKEN[1], |t| {
        t.replacen("<tr><td>committer.name</td>", "<tr><td>name</td>", 1)
    });
    std::fs::copy(specs_dir().join("crate.yaml"), specs.join("crate.yaml")).unwrap();
    let config = Config::new().specs(&specs).out(root.join("generated"));
    config
        .generate()
        .unwrap_or_else(|d| panic!("the broken specs do not generate:\n{d}"));
    let calls = config.conformance_calls().unwrap_or_else(|d| panic!("{d}"));
    let app = root.join("app");
    std::fs::create_dir_all(app.join("src")).unwrap();
    std::fs::write(app.join("src/calls.rs"), calls).unwrap();
    let harness = workspace_root().join("tests/conformance/harness/mod.rs");
    std::fs::write(
        app.join("src/main.rs"),
        MAIN.replace("HARNESS", &harness.display().to_string()),
    )
    .unwrap();
    std::fs::write(app.join("Cargo.toml"), CARGO_TOML).unwrap();
    std::fs::copy(workspace_root().join("Cargo.lock"), app.join("Cargo.lock")).unwrap();
    app
}

const CARGO_TOML: &str = r#"[package]
name = "conformance-broken"
version = "0.1.0"
edition = "2021"
publish = false

[dependencies]
github-rest-client = { path = "../generated" }
futures-util = "0.3"
reqwest = { version = "0.12", default-features = false, features = ["rustls-tls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["rt", "net", "time", "io-util"] }

[workspace]
"#;

const MAIN: &str = r#"//! Sweeps the calls of a client generated from broken specs (see tests/conformance/broken.rs).
#[path = "HARNESS"]
mod harness;
#[allow(clippy::all, unused_imports)]
mod calls;

fn main() {
    let prism = std::env::var("CONFORMANCE_PRISM").expect("CONFORMANCE_PRISM");
    let file = std::env::var("CONFORMANCE_DESCRIPTION").expect("CONFORMANCE_DESCRIPTION");
    let description = harness::describe::Description::load(std::path::Path::new(&file));
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let sweep = rt.block_on(async {
        let run = harness::Run::new(&prism).await;
        let calls: Vec<&harness::Call> = calls::CALLS.iter().collect();
        harness::sweep::sweep(&run, &description, &calls).await
    });
    print!("{}{}", harness::report::summary(&sweep), harness::report::details(&sweep));
    std::process::exit(i32::from(!harness::report::failures(&sweep).is_empty()));
}
"#;

#[test]
fn a_broken_spec_fails_the_suite_naming_the_endpoint() {
    let root = workspace_root().join("target/conformance/broken");
    let app = write_crate(&root);
    let (ok, stderr, _) = cargo_in(&app, &["build", "--quiet"]);
    assert!(ok, "the broken-spec crate does not build:\n{stderr}");
    let exe = workspace_root().join("target/corpus-check/debug/conformance-broken");
    let description = super::harness::prism::descriptions_dir().join(super::DESCRIPTIONS[0]);
    let prism = super::prism(super::DESCRIPTIONS[0]);
    let out = Command::new(&exe)
        .env("CONFORMANCE_PRISM", &prism.base)
        .env("CONFORMANCE_DESCRIPTION", &description)
        .output()
        .expect("running the broken-spec sweep");
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        !out.status.success(),
        "the sweep of broken specs passed:\n{text}"
    );
    // Each break is a request violation of its endpoint, naming what is wrong.
    let failures: Vec<&str> = text.lines().filter(|l| l.starts_with("- `")).collect();
    for (endpoint, needle) in [
        (
            BROKEN[0],
            "query.per_page: Request query parameter per_page must be integer",
        ),
        (
            BROKEN[1],
            "body.committer: Request body property committer must have required property 'name'",
        ),
    ] {
        assert!(
            failures
                .iter()
                .any(|l| l.starts_with(&format!("- `{endpoint}`"))
                    && l.contains("violation")
                    && l.contains(needle)),
            "no violation of {endpoint} naming `{needle}` in:\n{text}"
        );
    }
}
