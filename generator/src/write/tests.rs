//! Write stage: fresh output, minimal rewrites, stale-file deletion, refusal, check.

use super::*;

fn files(lib: &str) -> Vec<GeneratedFile> {
    vec![
        GeneratedFile::new("Cargo.toml", format!("# {MARKER_TEXT}\n[package]\n")),
        GeneratedFile::new("src/lib.rs", format!("// {MARKER_TEXT}\n{lib}\n")),
    ]
}

fn mtime(p: &Path) -> std::time::SystemTime {
    fs::metadata(p).unwrap().modified().unwrap()
}

#[test]
fn writes_a_new_crate_then_nothing_when_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("crate");
    let plan = generate(&out, &files("a")).unwrap();
    assert_eq!(plan.len(), 2);
    assert_eq!(
        fs::read_to_string(out.join("src/lib.rs")).unwrap(),
        format!("// {MARKER_TEXT}\na\n")
    );
    let before = mtime(&out.join("Cargo.toml"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = generate(&out, &files("a")).unwrap();
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(before, mtime(&out.join("Cargo.toml")));
    assert!(check(&out, &files("a")).unwrap().is_empty());
}

#[test]
fn rewrites_only_changed_files_and_deletes_stale_generated_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    let mut first = files("a");
    first.push(GeneratedFile::new(
        "src/old.rs",
        format!("// {MARKER_TEXT}\n"),
    ));
    generate(out, &first).unwrap();
    fs::write(out.join("src/handwritten.rs"), "// mine\n").unwrap();
    let before = mtime(&out.join("Cargo.toml"));
    std::thread::sleep(std::time::Duration::from_millis(20));

    let plan = check(out, &files("b")).unwrap();
    assert_eq!(plan.write.len(), 1);
    assert_eq!(plan.delete, vec![PathBuf::from("src/old.rs")]);
    let diff = plan.diff();
    assert!(diff.contains("-a\n+b"), "{diff}");
    assert!(diff.contains("src/old.rs"), "{diff}");

    generate(out, &files("b")).unwrap();
    assert!(!out.join("src/old.rs").exists());
    assert!(
        out.join("src/handwritten.rs").exists(),
        "files without the marker are kept"
    );
    assert_eq!(
        before,
        mtime(&out.join("Cargo.toml")),
        "unchanged file not rewritten"
    );
    let leftovers: Vec<_> = fs::read_dir(out.join("src"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn refuses_a_directory_that_is_not_generated() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(
        tmp.path().join("Cargo.toml"),
        "[package]\nname = \"mine\"\n",
    )
    .unwrap();
    let err = generate(tmp.path(), &files("a")).unwrap_err();
    assert!(err.to_string().contains("not a generated crate"), "{err}");
    assert_eq!(
        fs::read_to_string(tmp.path().join("Cargo.toml")).unwrap(),
        "[package]\nname = \"mine\"\n"
    );
    assert!(!tmp.path().join("src").exists());
}

#[test]
fn nothing_is_written_when_staging_fails() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    generate(out, &files("a")).unwrap();
    // `src/lib.rs/x.rs` cannot be staged because `src/lib.rs` is a file: the changed
    // Cargo.toml must not be replaced either.
    let mut next = files("a");
    next[0].contents.push_str("changed\n");
    next.push(GeneratedFile::new("src/lib.rs/x.rs", "x"));
    assert!(generate(out, &next).is_err());
    assert!(!fs::read_to_string(out.join("Cargo.toml"))
        .unwrap()
        .contains("changed"));
}

#[test]
fn a_failed_first_write_leaves_no_directory_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("new/crate");
    let mut bad = files("a");
    // No directory can have a NUL byte in its name: staging fails after others were staged.
    bad.push(GeneratedFile::new("src/bad\0dir/x.rs", "x"));
    assert!(apply(
        &out,
        &Plan {
            write: bad,
            ..Plan::default()
        }
    )
    .is_err());
    assert!(
        !tmp.path().join("new").exists(),
        "directories made for the failed write remain"
    );
}

#[test]
fn a_file_that_is_also_a_directory_is_refused_before_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bad = files("a");
    bad.push(GeneratedFile::new("src/lib.rs/x.rs", "x"));
    let err = apply(
        tmp.path(),
        &Plan {
            write: bad,
            ..Plan::default()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("both a file and a directory"),
        "{err}"
    );
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
}
