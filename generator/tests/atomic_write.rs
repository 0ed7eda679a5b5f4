//! The write stage is all-or-nothing: a failure at any point while writing leaves the output
//! directory byte-identical to before (no half-written crate, no temp files, no new folders).

#[path = "../../tests/support/hostile.rs"]
#[allow(dead_code)]
mod hostile;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use client_generator::codegen::{GeneratedFile, MARKER_TEXT};
use client_generator::write::{apply, apply_with, generate, plan};
use hostile::snapshot;

fn file(path: &str, body: &str) -> GeneratedFile {
    GeneratedFile::new(path, format!("// {MARKER_TEXT}\n{body}\n"))
}

/// An existing crate, and a new version that changes two files, adds one in a new folder,
/// adds one beside them and makes one stale.
fn old_and_new() -> (Vec<GeneratedFile>, Vec<GeneratedFile>) {
    let manifest = GeneratedFile::new("Cargo.toml", format!("# {MARKER_TEXT}\n[package]\n"));
    let old = vec![
        manifest.clone(),
        file("src/lib.rs", "pub mod a; pub mod stale;"),
        file("src/a.rs", "old a"),
        file("src/stale.rs", "stale"),
        file("src/same.rs", "unchanged"),
    ];
    let new = vec![
        manifest,
        file("src/lib.rs", "pub mod a; pub mod b; pub mod nested;"),
        file("src/a.rs", "new a"),
        file("src/b.rs", "new b"),
        file("src/nested/deep/c.rs", "new c"),
        file("src/same.rs", "unchanged"),
    ];
    (old, new)
}

fn existing_crate() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("crate");
    let (old, _) = old_and_new();
    generate(&out, &old).unwrap();
    fs::write(out.join("src/handwritten.rs"), "// mine\n").unwrap();
    (tmp, out)
}

/// The steps a successful apply goes through.
fn steps(out: &Path) -> Vec<String> {
    let (_, new) = old_and_new();
    let plan = plan(out, &new).unwrap();
    let mut seen = Vec::new();
    apply_with(out, &plan, &mut |step| {
        seen.push(format!("{step:?}"));
        Ok(())
    })
    .unwrap();
    seen
}

#[test]
fn a_failure_at_any_step_leaves_the_directory_as_it_was() {
    let (_keep, probe) = existing_crate();
    let all = steps(&probe);
    // Stage 4 files, replace 4, delete 1.
    assert_eq!(all.len(), 9, "{all:#?}");
    for (fail_at, step) in all.iter().enumerate() {
        let (_tmp, out) = existing_crate();
        let before = snapshot(&out);
        let (_, new) = old_and_new();
        let plan = plan(&out, &new).unwrap();
        let mut n = 0;
        let err = apply_with(&out, &plan, &mut |_| {
            n += 1;
            if n > fail_at {
                Err(io::Error::other("injected failure"))
            } else {
                Ok(())
            }
        })
        .expect_err("the injected failure must surface");
        assert!(
            err.to_string().contains("injected failure"),
            "step {fail_at}: {err}"
        );
        assert!(
            snapshot(&out) == before,
            "failure at step {fail_at} ({step}) changed the directory"
        );
    }
}

#[test]
fn a_real_rename_failure_midway_is_rolled_back() {
    let (_tmp, out) = existing_crate();
    let (_, new) = old_and_new();
    let mut plan = plan(&out, &new).unwrap();
    // A folder where the last file should go: staging succeeds, the final rename fails after
    // the earlier files were already replaced.
    let last = plan.write.last().unwrap().path.clone();
    fs::create_dir_all(out.join(&last).join("in-the-way")).unwrap();
    plan.write.sort_by_key(|f| f.path == last);
    let before = snapshot(&out);
    let err = apply(&out, &plan).expect_err("renaming onto a folder fails");
    assert!(
        err.to_string().contains(&last.display().to_string()),
        "{err}"
    );
    assert!(snapshot(&out) == before, "a partial write was left behind");
}

#[test]
fn a_new_output_directory_is_not_left_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("fresh");
    let (_, new) = old_and_new();
    let plan = plan(&out, &new).unwrap();
    let mut n = 0;
    let result = apply_with(&out, &plan, &mut |_| {
        n += 1;
        if n == 3 {
            Err(io::Error::other("injected failure"))
        } else {
            Ok(())
        }
    });
    assert!(result.is_err());
    assert!(!out.exists(), "{:?}", snapshot(&out).keys());
}

#[test]
fn success_after_all_steps_writes_exactly_the_new_crate() {
    let (_tmp, out) = existing_crate();
    let (_, new) = old_and_new();
    apply(&out, &plan(&out, &new).unwrap()).unwrap();
    let got = snapshot(&out);
    let files: Vec<_> = got
        .iter()
        .filter(|(_, c)| c.is_some())
        .map(|(p, _)| p.clone())
        .collect();
    let mut want: Vec<PathBuf> = new.iter().map(|f| f.path.clone()).collect();
    want.push("src/handwritten.rs".into());
    want.sort();
    assert_eq!(files, want, "no temp or backup file is left");
    for f in &new {
        assert_eq!(fs::read_to_string(out.join(&f.path)).unwrap(), f.contents);
    }
}
