//! Typed responses end to end: a hand-built API with models of every kind generates a crate
//! that checks, lints and documents clean, and whose own tests (`tests/typed/wire.rs`, run
//! against a local wiremock server) prove the decoding contract: unknown fields and enum
//! values kept, nullable and optional fields, errors naming endpoint/status/path, status
//! checks, `send_with_response`, typed pagination. Also: the project's own `repos.getContent`
//! models decoding a drifted directory listing and file answer.

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

/// API drift on `repos.getContent` with the project's own models: a directory listing (a
/// JSON array, shaped like GitHub's answer) and a file answer, both carrying fields and values
/// these models do not know, decode into the `Directory` / `ContentFile` variants, keep the
/// unknown parts, and serialise back to the same JSON.
#[test]
fn get_content_listing_and_file_survive_drift() {
    use github_rest_client::models::{
        ContentDirectoryEntryType, ContentFileType, GetContentResponse,
    };
    let links = |p: &str| {
        serde_json::json!({
            "self": format!("https://api.github.com/repos/o/r/contents/{p}?ref=main"),
            "git": format!("https://api.github.com/repos/o/r/git/blobs/{p}"),
            "html": format!("https://github.com/o/r/blob/main/{p}"),
        })
    };
    let entry = |name: &str, kind: &str, size: i64| {
        serde_json::json!({
            "type": kind, "size": size, "name": name, "path": name,
            "sha": "3d21ec53a331a6f037a91c368710b99387d012c1",
            "url": format!("https://api.github.com/repos/o/r/contents/{name}?ref=main"),
            "git_url": format!("https://api.github.com/repos/o/r/git/blobs/{name}"),
            "html_url": format!("https://github.com/o/r/blob/main/{name}"),
            "download_url": if kind == "file" { serde_json::json!(format!("https://raw.githubusercontent.com/o/r/main/{name}")) } else { serde_json::Value::Null },
            "_links": links(name),
        })
    };
    let mut readme = entry("README.md", "file", 11);
    readme["last_commit_sha"] = serde_json::json!("deadbeef"); // a field added upstream
    let listing = serde_json::json!([
        readme,
        entry("src", "dir", 0),
        entry("notes", "worktree", 0), // a kind of entry added upstream
    ]);
    let decoded: GetContentResponse = serde_json::from_value(listing.clone()).unwrap();
    let GetContentResponse::Directory(entries) = &decoded else {
        panic!("a listing is the Directory variant: {decoded:?}")
    };
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["README.md", "src", "notes"]);
    assert_eq!(entries[0].r#type, ContentDirectoryEntryType::File);
    assert_eq!(entries[1].r#type, ContentDirectoryEntryType::Dir);
    assert_eq!(
        entries[2].r#type,
        ContentDirectoryEntryType::Other("worktree".into())
    );
    assert_eq!(entries[1].download_url, None);
    assert_eq!(
        entries[0].extra.get("last_commit_sha"),
        Some(&serde_json::json!("deadbeef"))
    );
    assert_eq!(serde_json::to_value(&decoded).unwrap(), listing);

    let mut file = entry("README.md", "file", 11);
    file["content"] = serde_json::json!("IyBoZWxsbwo=\n");
    file["encoding"] = serde_json::json!("base64");
    file["lfs"] = serde_json::json!({"oid": "sha256:00"}); // a field added upstream
    let decoded: GetContentResponse = serde_json::from_value(file.clone()).unwrap();
    let GetContentResponse::ContentFile(f) = &decoded else {
        panic!("a file is the ContentFile variant: {decoded:?}")
    };
    assert_eq!(f.r#type, ContentFileType::File);
    assert_eq!((f.encoding.as_str(), f.size), ("base64", 11));
    assert_eq!(
        f.extra.get("lfs"),
        Some(&serde_json::json!({"oid": "sha256:00"}))
    );
    assert_eq!(serde_json::to_value(&decoded).unwrap(), file);

    // An object of a kind no variant claims is kept whole; a broken listing is an error.
    let future = serde_json::json!({"type": "worktree", "name": "notes"});
    let decoded: GetContentResponse = serde_json::from_value(future.clone()).unwrap();
    assert!(matches!(&decoded, GetContentResponse::Other(v) if *v == future));
    let broken = serde_json::json!([{"type": "file", "name": "a"}]);
    let err = serde_json::from_value::<GetContentResponse>(broken).unwrap_err();
    assert!(err.to_string().contains("missing field"), "{err}");
}
