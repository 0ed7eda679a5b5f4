//! `generated/` must be exactly what the generator makes of `specs/`.

use client_generator::Config;
use github_client_suite::{generated_dir, specs_dir};

#[test]
fn generated_crate_is_in_step_with_specs() {
    let plan = Config::new()
        .specs(specs_dir())
        .out(generated_dir())
        .check()
        .unwrap_or_else(|diags| panic!("{diags}"));
    assert!(
        plan.is_empty(),
        "generated/ is out of step with specs/ ({} file(s)); run `cargo run --manifest-path \
         generator/Cargo.toml -- generate --specs specs --out generated`:\n{}",
        plan.len(),
        plan.diff()
    );
}
