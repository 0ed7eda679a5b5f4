//! Typed responses end to end: a hand-built API with models of every kind generates a crate
//! that checks, lints and documents clean, and whose own tests (`tests/typed/wire.rs`, run
//! against a local wiremock server) prove the decoding contract: unknown fields and enum
//! values kept, nullable and optional fields, errors naming endpoint/status/path, status
//! checks, `send_with_response`, typed pagination.

#[path = "support/typed_api.rs"]
mod typed_api;

use client_generator::{codegen, write};
use github_client_suite::{assert_crate_builds_clean, cargo_in, workspace_root};

/// Dev-dependencies of the generated crate's wiremock tests (all in the workspace lock file).
const DEV_DEPENDENCIES: &str = r#"
[dev-dependencies]
futures-util = "0.3"
serde_json = "1"
tokio = { version = "1", features = ["macros", "rt-multi-thread"] }
wiremock = "0.6"
"#;

#[test]
fn typed_models_generate_a_clean_crate_whose_wire_tests_pass() {
    let files = codegen::generate_crate(&typed_api::typed_api());
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("typed");
    write::generate(&dir, &files).unwrap_or_else(|d| panic!("{d}"));
    let manifest = dir.join("Cargo.toml");
    let mut toml = std::fs::read_to_string(&manifest).unwrap();
    toml.push_str(DEV_DEPENDENCIES);
    std::fs::write(&manifest, toml).unwrap();
    std::fs::create_dir_all(dir.join("tests")).unwrap();
    std::fs::copy(
        workspace_root().join("tests/typed/wire.rs"),
        dir.join("tests/wire.rs"),
    )
    .unwrap();
    if std::env::var_os("TYPED_KEEP").is_some() {
        let keep = workspace_root().join("target/typed-crate");
        let _ = std::fs::remove_dir_all(&keep);
        write::generate(&keep, &files).unwrap_or_else(|d| panic!("{d}"));
    }
    assert_crate_builds_clean(&dir, "the typed-response crate");
    // Models are behind the features of the scopes that reach them: each scope alone builds.
    for feature in ["repos", "search", "users", "markdown"] {
        let args = [
            "check",
            "--quiet",
            "--no-default-features",
            "--features",
            feature,
        ];
        let (ok, stderr, _) = cargo_in(&dir, &args);
        assert!(ok, "cargo {args:?} failed:\n{stderr}");
    }
    // Test failures are reported on stdout, which `cargo_in` does not keep: the harness
    // writes them to a file in the crate, read back here.
    let (ok, stderr, secs) = cargo_in(
        &dir,
        &[
            "test",
            "--quiet",
            "--test",
            "wire",
            "--",
            "--logfile",
            "wire.log",
        ],
    );
    let log = std::fs::read_to_string(dir.join("wire.log")).unwrap_or_default();
    assert!(
        ok,
        "wire tests of the typed-response crate failed:\n{log}\n{stderr}"
    );
    assert!(
        log.contains("ok paginate_unwraps_total_count_wrappers"),
        "{log}"
    );
    eprintln!("cargo test of the typed-response crate: {secs:.1}s");
}
