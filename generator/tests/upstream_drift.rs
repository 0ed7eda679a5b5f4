//! Our `specs/` against upstream's endpoint docs (the Octokit corpus, read in place): every
//! difference must be fixed or listed with a reason in `specs/upstream-allow.yaml`, and every
//! allowlist entry must still match something.

use std::path::Path;

mod corpus_dir;
use corpus_dir::corpus_dir;

#[test]
fn our_specs_agree_with_upstream_or_say_why_not() {
    let corpus = corpus_dir();
    assert!(
        corpus.is_dir(),
        "corpus not found at {}: set OCTOKIT_CORPUS to the Octokit docs folder",
        corpus.display()
    );
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let allow = specs.join(client_generator::upstream::ALLOW_FILE);
    let report = client_generator::upstream::run(&specs, &corpus, Some(&allow))
        .unwrap_or_else(|d| panic!("{d}"));
    assert!(report.is_clean(), "{}", report.text());
    // The allowlist is in use (an empty one would make this test vacuous for what it checks).
    assert!(!report.allowed.is_empty());
    assert!(report
        .allowed
        .iter()
        .all(|(_, reason)| !reason.trim().is_empty()));
}
