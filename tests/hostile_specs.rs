//! Runs every case of the hostile-spec catalogue (`tests/hostile-specs/`, see
//! `tests/support/hostile.rs`) through `parse_dir` + `build_api` (+ code generation for valid
//! cases), and a few hostile inputs too large or too odd to commit.

use std::path::{Path, PathBuf};

use client_generator::codegen::generate_crate;
use client_generator::diag::Diagnostics;
use client_generator::model::{build_api, Api};
use client_generator::parse::parse_dir;
use github_client_suite::hostile::{cases, mismatch, Case, Expect};

fn catalogue() -> Vec<Case> {
    cases(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile-specs"))
}

/// Parse + model, the way `generate` starts.
fn load(dir: &Path) -> Result<Api, Diagnostics> {
    build_api(&parse_dir(dir)?)
}

/// (path relative to `dir`, line, message) of each diagnostic.
fn relative(dir: &Path, diags: &Diagnostics) -> Vec<(PathBuf, usize, String)> {
    diags
        .0
        .iter()
        .map(|d| {
            let file = d.file.strip_prefix(dir).unwrap_or(&d.file).to_path_buf();
            (file, d.line, d.message.clone())
        })
        .collect()
}

#[test]
fn catalogue_has_at_least_thirty_invalid_cases() {
    let all = catalogue();
    let invalid = all
        .iter()
        .filter(|c| matches!(c.expect, Expect::Errors(_)))
        .count();
    assert!(invalid >= 30, "only {invalid} invalid cases");
    for case in &all {
        let specs = walk_md(&case.dir);
        assert!(!specs.is_empty(), "{}: no spec file", case.name);
    }
}

fn walk_md(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk_md(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out
}

#[test]
fn every_invalid_case_reports_exactly_its_errors_with_file_and_line() {
    let mut failures = Vec::new();
    for case in catalogue() {
        let Expect::Errors(expected) = &case.expect else {
            continue;
        };
        match load(&case.dir) {
            Ok(_) => failures.push(format!("{}: accepted, expected errors", case.name)),
            Err(diags) => {
                if let Some(diff) = mismatch(expected, &relative(&case.dir, &diags)) {
                    failures.push(format!("{}:\n{diff}", case.name));
                }
                for d in &diags.0 {
                    let shown = d.to_string();
                    let location = match d.line {
                        0 => format!("--> {}", d.file.display()),
                        n => format!("--> {}:{n}", d.file.display()),
                    };
                    let hinted = d.hint.as_ref().is_some_and(|h| !h.trim().is_empty());
                    if !shown.contains(&location) || !hinted {
                        failures.push(format!("{}: unclear diagnostic:\n{shown}", case.name));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_valid_case_builds_and_generates() {
    let mut failures = Vec::new();
    for case in catalogue() {
        let Expect::Valid { doc_only } = &case.expect else {
            continue;
        };
        let api = match load(&case.dir) {
            Ok(api) => api,
            Err(diags) => {
                failures.push(format!("{}: rejected:\n{diags}", case.name));
                continue;
            }
        };
        let files = generate_crate(&api);
        let code: String = files.iter().map(|f| f.contents.as_str()).collect();
        for text in doc_only {
            if !code.contains(text.as_str()) {
                failures.push(format!("{}: `{text}` lost from the docs", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
