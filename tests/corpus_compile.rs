//! The whole Octokit corpus (1,044 endpoints) generates a crate that passes `cargo check` and
//! `cargo clippy` and `cargo doc` with every warning denied. Fails when the corpus is missing.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use client_generator::{codegen, write, Config};
use github_client_suite::{corpus_dir, workspace_root};

fn cargo(dir: &Path, args: &[&str]) -> (bool, String, f64) {
    let target = workspace_root().join("target/corpus-check");
    let started = Instant::now();
    let out = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        // Offline: the copied lock file pins the workspace's already-downloaded dependencies.
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (
        out.status.success(),
        stderr,
        started.elapsed().as_secs_f64(),
    )
}

#[test]
fn corpus_generates_a_crate_that_checks_and_lints_clean() {
    let corpus = corpus_dir().unwrap_or_else(|e| panic!("{e}"));
    let api = Config::new()
        .specs(&corpus)
        .load()
        .unwrap_or_else(|d| panic!("{d}"));
    assert!(
        api.endpoints.len() >= 1000,
        "expected the whole corpus, got {} endpoints",
        api.endpoints.len()
    );
    let files = codegen::generate_crate(&api);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("github-rest-client");
    write::generate(&dir, &files).unwrap_or_else(|d| panic!("{d}"));
    std::fs::copy(workspace_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();

    let (ok, stderr, secs) = cargo(&dir, &["check", "--quiet"]);
    assert!(
        ok,
        "cargo check of the generated corpus crate failed:\n{stderr}"
    );
    eprintln!("cargo check of the corpus crate: {secs:.1}s");

    let (ok, stderr, secs) = cargo(&dir, &["clippy", "--quiet", "--", "-D", "warnings"]);
    assert!(
        ok,
        "cargo clippy of the generated corpus crate failed:\n{stderr}"
    );
    eprintln!("cargo clippy of the corpus crate: {secs:.1}s");

    // Rustdoc lints (broken intra-doc links, bare URLs, invalid HTML, code blocks) over the
    // sanitised spec text of every endpoint.
    let (ok, stderr, secs) = cargo(&dir, &["doc", "--quiet", "--no-deps"]);
    assert!(
        ok,
        "cargo doc of the generated corpus crate failed:\n{stderr}"
    );
    eprintln!("cargo doc of the corpus crate: {secs:.1}s");
}
