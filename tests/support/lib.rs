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
