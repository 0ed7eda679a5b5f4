//! The whole Octokit corpus (1,044 endpoints) generates a crate that passes `cargo check`,
//! `cargo clippy` and `cargo doc` with every warning denied. Fails when the corpus is missing.

use client_generator::{codegen, write, Config};
use github_client_suite::{assert_crate_builds_clean, corpus_dir};

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
    assert_crate_builds_clean(&dir, "the corpus crate");
}
