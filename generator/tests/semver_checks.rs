//! Cross-check of `changes` against cargo-semver-checks, behind `SEMVER_CHECKS=1` (it needs
//! `cargo install cargo-semver-checks --locked` and builds rustdoc JSON of two generated crates
//! per case: minutes, too slow for every run). For every paired tree of `tests/changes.rs`, it
//! generates both crates, runs `cargo semver-checks check-release` and compares verdicts; it
//! fails when cargo-semver-checks finds a major change that `changes` calls less than major.
//! The table it prints is in the README ("Cross-check with cargo-semver-checks").

use std::path::Path;
use std::process::Command;

mod changes_cases;

use changes_cases::*;

/// cargo-semver-checks' verdict: `major`, `minor` or `none`.
fn semver_checks(base: &Path, new: &Path, target: &Path) -> (String, Vec<String>) {
    let out = Command::new("cargo")
        .args(["semver-checks", "check-release", "--baseline-root"])
        .arg(base)
        .arg("--manifest-path")
        .arg(new.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo semver-checks");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let verdict = if all.contains("requires new major version") {
        "major"
    } else if all.contains("requires new minor version") {
        "minor"
    } else if all.contains("no semver update required") {
        "none"
    } else {
        panic!("no verdict from cargo semver-checks:\n{all}")
    };
    // The lints that failed: `--- failure lint_name: ...`.
    let lints = all
        .lines()
        .filter_map(|l| l.trim().strip_prefix("--- failure "))
        .map(|l| l.split(':').next().unwrap_or(l).to_owned())
        .collect();
    (verdict.to_owned(), lints)
}

fn generate(specs: &Path, out: &Path) {
    client_generator::Config::new()
        .specs(specs)
        .out(out)
        .generate()
        .unwrap_or_else(|d| panic!("{d}"));
}

#[test]
fn verdicts_agree_with_cargo_semver_checks() {
    if std::env::var_os("SEMVER_CHECKS").is_none() {
        eprintln!("skipped: set SEMVER_CHECKS=1 (needs cargo-semver-checks installed)");
        return;
    }
    let only = std::env::var("SEMVER_CHECKS_ONLY").ok();
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/semver-checks-cases");
    let mut rows = vec![
        "| case | `changes` | cargo-semver-checks | its lints |".to_owned(),
        "| --- | --- | --- | --- |".to_owned(),
    ];
    let mut missed = Vec::new();
    for (name, base_edit, new_edit, _) in cases() {
        if only.as_deref().is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let (b, n) = (dir.path().join("base"), dir.path().join("new"));
        let mut base_tree = base();
        base_edit(&mut base_tree);
        let mut new_tree = base();
        new_edit(&mut new_tree);
        write(&base_tree, &b);
        write(&new_tree, &n);
        let ours = client_generator::changes::run(b.to_str().unwrap(), &n)
            .unwrap_or_else(|d| panic!("{d}"));
        let ours = ours.level().map_or("none", |l| l.name()).to_owned();
        let (bc, nc) = (dir.path().join("base-crate"), dir.path().join("new-crate"));
        generate(&b, &bc);
        generate(&n, &nc);
        let (theirs, lints) = semver_checks(&bc, &nc, &target);
        if theirs == "major" && ours != "major" {
            missed.push(format!(
                "{name}: ours {ours}, cargo-semver-checks major ({lints:?})"
            ));
        }
        let row = format!("| {name} | {ours} | {theirs} | {} |", lints.join(", "));
        eprintln!("{row}");
        rows.push(row);
    }
    println!("{}", rows.join("\n"));
    assert!(missed.is_empty(), "{}", missed.join("\n"));
}
