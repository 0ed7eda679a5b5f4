//! Shared helpers for the integration tests under `tests/`: where the workspace, its specs and
//! the Octokit corpus are.

use std::path::PathBuf;

/// The workspace root (this package's directory).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The project's own spec files.
pub fn specs_dir() -> PathBuf {
    workspace_root().join("specs")
}

/// The committed generated crate.
pub fn generated_dir() -> PathBuf {
    workspace_root().join("generated")
}

/// The Octokit docs corpus: `$OCTOKIT_CORPUS` if set, else `<workspace>/../shared/corpus/
/// octokit-docs` (a clone with `shared/` beside it), else the same two levels up (a worktree
/// under `wt/`). `Err` names the places looked at.
pub fn corpus_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("OCTOKIT_CORPUS") {
        return Ok(PathBuf::from(dir));
    }
    let root = workspace_root();
    let candidates = [
        root.join("../shared/corpus/octokit-docs"),
        root.join("../../shared/corpus/octokit-docs"),
    ];
    candidates
        .iter()
        .find(|p| p.is_dir())
        .cloned()
        .ok_or_else(|| {
            format!(
            "the Octokit corpus is missing: looked at {} and {} (set OCTOKIT_CORPUS to override)",
            candidates[0].display(),
            candidates[1].display()
        )
        })
}

/// Run `cargo <args>` in a generated crate at `dir` with every warning denied, sharing
/// `<workspace>/target/corpus-check` so dependencies compile once. Returns success, stderr
/// and the seconds it took.
pub fn cargo_in(dir: &std::path::Path, args: &[&str]) -> (bool, String, f64) {
    let target = workspace_root().join("target/corpus-check");
    let started = std::time::Instant::now();
    let out = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        // Offline: the copied lock file pins the workspace's already-downloaded dependencies.
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (
        out.status.success(),
        stderr,
        started.elapsed().as_secs_f64(),
    )
}

/// Write a generated crate into a fresh temporary directory (with the workspace's lock file)
/// and run `cargo check`, `cargo clippy -- -D warnings` and `cargo doc --no-deps` on it,
/// panicking with cargo's output on the first failure.
pub fn assert_crate_builds_clean(dir: &std::path::Path, what: &str) {
    std::fs::copy(workspace_root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    for args in [
        &["check", "--quiet"][..],
        &["clippy", "--quiet", "--", "-D", "warnings"][..],
        // Rustdoc lints: broken intra-doc links, bare URLs, invalid HTML, code blocks.
        &["doc", "--quiet", "--no-deps"][..],
    ] {
        let (ok, stderr, secs) = cargo_in(dir, args);
        assert!(ok, "cargo {} of {what} failed:\n{stderr}", args[0]);
        eprintln!("cargo {} of {what}: {secs:.1}s", args[0]);
    }
}

pub mod hostile;

/// The README's examples compile (they are `no_run` doctests of this package).
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
