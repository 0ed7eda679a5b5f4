//! Keeps `generated/` in step with `specs/` without racing the compilation of `generated/`.
//!
//! Cargo may compile the `generated` crate (a dependency) before, after or while this script
//! runs, so regenerating here and carrying on could compile a stale client. Instead the crate is
//! computed in memory and compared with `generated/`:
//! - in step: nothing happens;
//! - out of step: `generated/` is rewritten atomically and the build FAILS, asking for another
//!   run (which then compiles the fresh client);
//! - out of step with `GITHUB_CLIENT_NO_REGEN=1`: nothing is written and the build fails with
//!   the diff;
//! - a spec that does not parse fails the build with its diagnostics.
//!
//! It also writes the conformance calls of every endpoint (`client_generator::conformance`)
//! to `$OUT_DIR/conformance_calls.rs`, which `tests/conformance.rs` includes: they always
//! match the specs the client was generated from.

use std::path::PathBuf;
use std::process::exit;

use client_generator::{write, Config};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    for watched in [
        "specs",
        "generator/src",
        "generator/runtime",
        "generated/src",
        "generated/Cargo.toml",
    ] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    println!("cargo:rerun-if-env-changed=GITHUB_CLIENT_NO_REGEN");

    let config = Config::new()
        .specs(root.join("specs"))
        .out(root.join("generated"));
    let plan = match config.check() {
        Ok(plan) => plan,
        Err(diags) => {
            eprintln!("{diags}");
            exit(1);
        }
    };
    if plan.is_empty() {
        write_conformance_calls(&config);
        return;
    }
    let n = plan.len();
    if std::env::var_os("GITHUB_CLIENT_NO_REGEN").is_some_and(|v| v == "1") {
        eprintln!("{}", plan.diff());
        eprintln!(
            "error: generated/ is out of step with specs/ ({n} file(s) differ) and \
             GITHUB_CLIENT_NO_REGEN=1 forbids regenerating it\n   = help: run \
             `cargo run --manifest-path generator/Cargo.toml -- generate --specs specs --out generated`"
        );
        exit(1);
    }
    if let Err(diags) = write::apply(config.out_dir(), &plan) {
        eprintln!("{diags}");
        exit(1);
    }
    eprintln!(
        "error: generated/ was out of step with specs/ and has been regenerated ({n} file(s)): \
         run the build again"
    );
    exit(1);
}

/// `$OUT_DIR/conformance_calls.rs` (rewritten only when it changes).
fn write_conformance_calls(config: &Config) {
    let source = match config.conformance_calls() {
        Ok(source) => source,
        Err(diags) => {
            eprintln!("{diags}");
            exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let file = out.join("conformance_calls.rs");
    if std::fs::read_to_string(&file).ok().as_deref() != Some(source.as_str()) {
        std::fs::write(&file, source).expect("writing conformance_calls.rs");
    }
}
