//! Parses the real-world Octokit corpus (test data only, read in place) and checks the
//! counts documented in its README.

use std::collections::BTreeMap;
use std::path::PathBuf;

use client_generator::parse::{parse_dir, HttpMethod, SpecFile};

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
fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("OCTOKIT_CORPUS") {
        return PathBuf::from(dir);
    }
    [CORPUS, CORPUS_FROM_WORKTREE]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from(CORPUS))
}

fn corpus() -> Vec<SpecFile> {
    let dir = corpus_dir();
    assert!(
        dir.is_dir(),
        "corpus not found at {} (nor at {CORPUS_FROM_WORKTREE}): this test needs the Octokit \
         docs corpus at <workspace>/../shared/corpus/octokit-docs, or set OCTOKIT_CORPUS",
        dir.display()
    );
    match parse_dir(&dir) {
        Ok(specs) => specs,
        Err(diags) => panic!("corpus must parse without errors:\n{diags}"),
    }
}

#[test]
fn whole_corpus_parses_with_readme_counts() {
    let specs = corpus();
    assert_eq!(specs.len(), 1044);

    let rows: usize = specs.iter().map(|s| s.params.len()).sum();
    assert_eq!(rows, 4582, "parameter rows");
    let no_params = specs.iter().filter(|s| s.params.is_empty()).count();
    assert_eq!(no_params, 19, "endpoints without parameters");

    let mut methods: BTreeMap<HttpMethod, usize> = BTreeMap::new();
    for s in &specs {
        *methods.entry(s.route.method).or_default() += 1;
    }
    let expected = [
        (HttpMethod::Get, 550),
        (HttpMethod::Post, 172),
        (HttpMethod::Put, 96),
        (HttpMethod::Patch, 62),
        (HttpMethod::Delete, 164),
    ];
    assert_eq!(methods, BTreeMap::from(expected));

    let renamed = specs.iter().filter(|s| s.renamed_to.is_some()).count();
    assert_eq!(renamed, 29, "renamed aliases");
    assert!(specs
        .iter()
        .filter(|s| s.renamed_to.is_some())
        .all(|s| s.deprecated));

    let scopes: std::collections::BTreeSet<_> = specs.iter().map(|s| s.scope.as_str()).collect();
    assert_eq!(scopes.len(), 42);
    assert_eq!(specs.iter().filter(|s| s.scope == "repos").count(), 206);
}
