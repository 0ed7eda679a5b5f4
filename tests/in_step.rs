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

/// Every generated file stays readable and under 2 MiB (models are split by scope for this).
#[test]
fn no_generated_file_exceeds_two_mib() {
    let mut stack = vec![generated_dir()];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                seen += 1;
                let len = std::fs::metadata(&path).unwrap().len();
                assert!(
                    len <= 2 << 20,
                    "{} is {len} bytes, over 2 MiB: split it",
                    path.display()
                );
            }
        }
    }
    assert!(seen > 40, "only {seen} generated files found");
}
