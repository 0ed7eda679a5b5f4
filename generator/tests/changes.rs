//! `client-generator changes` on paired spec trees: one case per kind, each asserting the
//! kinds found and their level in the text, Markdown and JSON reports, plus the version gate,
//! a git revision base and the changelog.

use std::path::Path;
use std::process::Command;

mod changes_cases;

use changes_cases::*;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_client-generator"))
}

/// Runs `changes` in `format`: (exit code, stdout, stderr).
fn changes(base: &str, specs: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin()
        .args(["changes", "--base", base, "--specs"])
        .arg(specs)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn level_of(kind: &str) -> &'static str {
    const PATCH: &[&str] = &[
        "undeprecated",
        "route-changed",
        "parameter-location-changed",
        "response-statuses-changed",
        "notifications-changed",
        "model-discriminator-changed",
        "documentation-changed",
    ];
    const MINOR: &[&str] = &[
        "endpoint-added",
        "optional-parameter-added",
        "parameter-enum-value-added",
        "parameter-enum-shared",
        "endpoint-deprecated",
        "method-renamed-with-forward",
        "parameter-deprecated",
        "model-added",
        "model-enum-value-added",
    ];
    if PATCH.contains(&kind) {
        "patch"
    } else if MINOR.contains(&kind) {
        "minor"
    } else {
        "major"
    }
}

#[test]
fn every_kind_is_found_with_its_level_in_all_three_formats() {
    let all = client_generator::changes::Kind::ALL;
    let mut covered = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for (name, base_edit, new_edit, expected) in cases() {
        let dir = tempfile::tempdir().unwrap();
        let (b, n) = (dir.path().join("base"), dir.path().join("new"));
        let mut base_tree = base();
        base_edit(&mut base_tree);
        let mut new_tree = base();
        new_edit(&mut new_tree);
        write(&base_tree, &b);
        write(&new_tree, &n);
        let b = b.to_str().unwrap();

        let (code, json, err) = changes(b, &n, &["--format", "json"]);
        assert_eq!(code, 0, "{name}: {err}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format"], 1);
        let found: Vec<(String, String)> = v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["kind"].as_str().unwrap().to_owned(),
                    c["level"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let kinds: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
        if kinds != expected {
            failures.push(format!("{name}: expected {expected:?}, found {kinds:?}"));
            continue;
        }
        for (kind, level) in &found {
            assert_eq!(level, level_of(kind), "{name}: {kind}");
            let k = all.iter().find(|k| k.name() == kind).unwrap();
            assert_eq!(k.level().name(), level, "{name}: {kind}");
        }
        let top = found
            .iter()
            .map(|(k, _)| level_of(k))
            .max_by_key(|l| ["patch", "minor", "major"].iter().position(|x| x == l));
        assert_eq!(v["level"].as_str(), top, "{name}");

        let (_, text, _) = changes(b, &n, &[]);
        let (_, md, _) = changes(b, &n, &["--format", "markdown"]);
        for (kind, level) in &found {
            assert!(
                text.contains(&format!("change[{kind}] ({level})")),
                "{name}: text lacks {kind}\n{text}"
            );
            assert!(
                md.contains(&format!("- `{kind}` ")),
                "{name}: markdown lacks {kind}\n{md}"
            );
            let section = format!("## {}{}", level[..1].to_uppercase(), &level[1..]);
            assert!(
                md.contains(&section),
                "{name}: markdown lacks {section}\n{md}"
            );
            covered.insert(kind.clone());
        }
        let head = md.lines().next().unwrap_or_default();
        assert!(
            head.starts_with(&format!("**API changes: {}**", top.unwrap_or("none"))),
            "{name}: {head}"
        );
        assert!(
            text.trim_end()
                .lines()
                .last()
                .unwrap()
                .contains(&format!("{} change(s)", found.len())),
            "{name}\n{text}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let missing: Vec<&str> = all
        .iter()
        .map(|k| k.name())
        .filter(|k| !covered.contains(*k))
        .collect();
    assert!(missing.is_empty(), "kinds without a case: {missing:?}");
}

#[test]
fn check_version_fails_when_the_bump_is_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let (b, n) = (dir.path().join("base"), dir.path().join("new"));
    let mut new_tree = base();
    edit(
        &mut new_tree,
        "models/Thing.yaml",
        "id: integer",
        "id: string",
    );
    write(&base(), &b);
    let b = b.to_str().unwrap();
    for (version, ok) in [
        ("0.1.0", false),
        ("0.1.1", false),
        ("0.2.0", true),
        ("1.0.0", true),
        ("0.0.9", false),
    ] {
        new_tree.insert(
            "crate.yaml".into(),
            format!("name: things\nversion: {version}\n"),
        );
        write(&new_tree, &n);
        let (code, _, err) = changes(b, &n, &["--check-version"]);
        assert_eq!(code, i32::from(!ok), "{version}: {err}");
        if !ok {
            assert!(
                err.contains("needs 0.2.0") || err.contains("goes down"),
                "{version}: {err}"
            );
        }
        // Without the flag the exit code is always 0.
        assert_eq!(changes(b, &n, &[]).0, 0);
    }
    // An addition fits a patch bump of 0.x; an unchanged version only takes patch-level changes.
    let mut added = base();
    added.insert(
        "models/Label.yaml".into(),
        "fields:\n  id: integer\n".into(),
    );
    for (version, ok) in [("0.1.0", false), ("0.1.1", true)] {
        added.insert(
            "crate.yaml".into(),
            format!("name: things\nversion: {version}\n"),
        );
        write(&added, &n);
        assert_eq!(
            changes(b, &n, &["--check-version"]).0,
            i32::from(!ok),
            "{version}"
        );
    }
}

#[test]
fn a_git_revision_is_read_without_touching_the_work_tree() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(repo)
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    write(&base(), &repo.join("specs"));
    git(&["add", "-A"]);
    git(&["commit", "-qm", "base"]);
    let mut new_tree = base();
    add_row(&mut new_tree, "things/get.md", "page", false);
    write(&new_tree, &repo.join("specs"));
    let specs = repo.join("specs");
    let (code, json, err) = changes("HEAD", &specs, &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["changes"][0]["kind"], "optional-parameter-added");
    assert_eq!(v["base"], "HEAD");
    // A removal points into the revision, not into a temporary folder.
    std::fs::remove_file(specs.join("things/upload.md")).unwrap();
    let (_, text, _) = changes("HEAD", &specs, &[]);
    assert!(text.contains("--> HEAD:specs/things/upload.md"), "{text}");
    let (code, _, err) = changes("no-such-rev", &specs, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-rev"), "{err}");
}

#[test]
fn the_changelog_gets_one_section_per_version() {
    let dir = tempfile::tempdir().unwrap();
    let (b, n) = (dir.path().join("base"), dir.path().join("new"));
    write(&base(), &b);
    let mut new_tree = base();
    new_tree.insert("crate.yaml".into(), "name: things\nversion: 0.2.0\n".into());
    edit(
        &mut new_tree,
        "models/Thing.yaml",
        "id: integer",
        "id: string",
    );
    edit(
        &mut new_tree,
        "things/get.md",
        "Gets a thing.",
        "Gets one thing.",
    );
    write(&new_tree, &n);
    let log = dir.path().join("CHANGELOG.md");
    let b = b.to_str().unwrap();
    for _ in 0..2 {
        let (code, _, err) = changes(b, &n, &["--changelog", log.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
    }
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("# Changelog\n"), "{text}");
    assert_eq!(text.matches("## 0.2.0").count(), 1, "{text}");
    assert!(text.contains("### Breaking changes"), "{text}");
    assert!(text.contains("(`model-field-type-changed`)"), "{text}");
    assert!(
        text.contains("Documentation of 1 endpoint(s) and model(s)"),
        "{text}"
    );
}
