//! Where the Octokit corpus (test data, read in place) is: shared by the corpus tests.

use std::path::PathBuf;

/// `<workspace>/../shared/corpus/octokit-docs`.
const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/corpus/octokit-docs"
);
/// The same from a git worktree one level deeper (`<root>/wt/<name>/`).
const CORPUS_FROM_WORKTREE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/octokit-docs"
);

/// The corpus folder: `$OCTOKIT_CORPUS` if set, else the first of the known places that exists.
pub fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("OCTOKIT_CORPUS") {
        return PathBuf::from(dir);
    }
    [CORPUS, CORPUS_FROM_WORKTREE]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from(CORPUS))
}
