//! The hostile-spec catalogue (`tests/hostile-specs/` at the repository root) through the
//! `client-generator` binary: an invalid case exits with code 1, names every expected
//! file:line on stderr, and leaves an existing generated crate byte-identical.

#[path = "../../tests/support/hostile.rs"]
#[allow(dead_code)]
mod hostile;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use client_generator::Config;
use hostile::{cases, copy_tree, snapshot, Case, Expect};

const BIN: &str = env!("CARGO_BIN_EXE_client-generator");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn catalogue() -> Vec<Case> {
    cases(&root().join("tests/hostile-specs"))
}

/// A crate generated from the project's own specs, to be copied as the pre-existing output.
fn template() -> &'static Path {
    static TEMPLATE: OnceLock<tempfile::TempDir> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            let tmp = tempfile::tempdir().unwrap();
            Config::new()
                .specs(root().join("specs"))
                .out(tmp.path().join("crate"))
                .generate()
                .unwrap_or_else(|d| panic!("the project's specs must generate:\n{d}"));
            tmp
        })
        .path()
        .join("crate")
        .leak()
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("run client-generator")
}

fn text(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[test]
fn invalid_cases_exit_1_name_file_and_line_and_write_nothing() {
    let mut failures = Vec::new();
    for case in catalogue() {
        let Expect::Errors(expected) = &case.expect else {
            continue;
        };
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        copy_tree(template(), &out);
        let before = snapshot(&out);
        let fresh = tmp.path().join("fresh");
        for target in [&out, &fresh] {
            let output = run(&[
                "generate",
                "--specs",
                text(&case.dir),
                "--out",
                text(target),
            ]);
            let stderr = String::from_utf8_lossy(&output.stderr);
            if output.status.code() != Some(1) {
                failures.push(format!("{}: exit {:?}\n{stderr}", case.name, output.status));
            }
            for e in expected {
                let file = case.dir.join(&e.file);
                let location = match e.line {
                    0 => format!("--> {}\n", file.display()),
                    n => format!("--> {}:{n}\n", file.display()),
                };
                if !stderr.contains(&location) || !stderr.contains(&e.fragment) {
                    failures.push(format!(
                        "{}: `{location}` / `{}` not in:\n{stderr}",
                        case.name, e.fragment
                    ));
                }
            }
            if !output.stdout.is_empty() {
                failures.push(format!("{}: wrote to stdout", case.name));
            }
        }
        if snapshot(&out) != before {
            failures.push(format!(
                "{}: the existing output directory changed",
                case.name
            ));
        }
        if fresh.exists() {
            failures.push(format!("{}: a new output directory was created", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn invalid_cases_fail_check_and_inspect_too() {
    for case in catalogue() {
        if !matches!(case.expect, Expect::Errors(_)) {
            continue;
        }
        let check = run(&[
            "check",
            "--specs",
            text(&case.dir),
            "--out",
            text(template()),
        ]);
        assert_eq!(check.status.code(), Some(1), "{}: check", case.name);
        let inspect = run(&["inspect", "--specs", text(&case.dir)]);
        assert_eq!(inspect.status.code(), Some(1), "{}: inspect", case.name);
        assert!(
            inspect.stdout.is_empty(),
            "{}: inspect printed a model",
            case.name
        );
    }
}

#[test]
fn valid_cases_generate_over_an_existing_crate() {
    for case in catalogue() {
        if !matches!(case.expect, Expect::Valid { .. }) {
            continue;
        }
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        copy_tree(template(), &out);
        let output = run(&["generate", "--specs", text(&case.dir), "--out", text(&out)]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{}: {stderr}", case.name);
        let check = run(&["check", "--specs", text(&case.dir), "--out", text(&out)]);
        assert_eq!(
            check.status.code(),
            Some(0),
            "{}: not in step after generate",
            case.name
        );
        // The project's scopes were replaced: their modules are gone.
        assert!(!out.join("src/repos.rs").exists(), "{}", case.name);
    }
}

#[test]
fn hostile_command_lines_fail_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = root().join("specs");
    // An output directory that is not a generated crate is refused and left alone.
    let foreign = tmp.path().join("foreign");
    fs::create_dir_all(foreign.join("src")).unwrap();
    fs::write(foreign.join("Cargo.toml"), "[package]\nname = \"mine\"\n").unwrap();
    fs::write(foreign.join("src/lib.rs"), "// mine\n").unwrap();
    let before = snapshot(&foreign);
    let output = run(&["generate", "--specs", text(&specs), "--out", text(&foreign)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a generated crate"));
    assert!(snapshot(&foreign) == before);
    // A file where the output directory should be.
    let file = tmp.path().join("file");
    fs::write(&file, "x").unwrap();
    let output = run(&["generate", "--specs", text(&specs), "--out", text(&file)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fs::read(&file).unwrap(), b"x");
    // A spec folder that does not exist.
    let missing = tmp.path().join("missing");
    let output = run(&[
        "generate",
        "--specs",
        text(&missing),
        "--out",
        text(&tmp.path().join("out")),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("--> {}", missing.display())),
        "{stderr}"
    );
    assert!(!tmp.path().join("out").exists());
}
