//! Fidelity: the inferred types and locations of every corpus parameter row, compared with
//! GitHub's OpenAPI description (`@octokit/openapi`, pinned in `tests/fidelity/`); and the
//! same on a holdout of operations the corpus does not have, to check the rules generalise.

#[path = "fidelity/holdout.rs"]
mod holdout;
#[path = "fidelity/reference.rs"]
mod reference;
#[path = "fidelity/score.rs"]
mod score;

use std::path::PathBuf;

use client_generator::parse::{parse_dir, SpecFile};

use score::Score;

/// Lowest accepted share of corpus rows whose JSON type (and array element type) matches.
const MIN_TYPE: f64 = 0.985;
/// Lowest accepted share of corpus rows whose location (path/query/body) matches.
const MIN_LOCATION: f64 = 0.995;
/// The same for the holdout (rows made from descriptions, not in the corpus).
const MIN_HOLDOUT_TYPE: f64 = 0.95;
const MIN_HOLDOUT_LOCATION: f64 = 0.995;

/// `<workspace>/../shared/corpus/octokit-docs`, or the same from a git worktree one level
/// deeper (`<root>/wt/<name>/`), or `$OCTOKIT_CORPUS`.
fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("OCTOKIT_CORPUS") {
        return PathBuf::from(dir);
    }
    let main = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/octokit-docs"
    );
    let worktree = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/octokit-docs"
    );
    let dir = [main, worktree]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_dir());
    dir.unwrap_or_else(|| panic!("corpus not found at {main} (nor {worktree}); set OCTOKIT_CORPUS"))
}

/// The corpus, parsed by the real parser.
fn corpus() -> Vec<SpecFile> {
    parse_dir(&corpus_dir()).unwrap_or_else(|d| panic!("corpus does not parse:\n{d}"))
}

/// Fail when a score drops below its thresholds or an inferred enum contradicts the reference.
fn check(score: &Score, min_rows: usize, min_type: f64, min_location: f64) {
    assert!(
        score.total >= min_rows,
        "only {} rows compared: spec or reference matching broke",
        score.total
    );
    assert_eq!(
        score.enums.sound, score.enums.inferred,
        "inferred enum values contradict the reference (see ENUM-MISS lines)"
    );
    assert!(
        score.type_share >= min_type,
        "type fidelity {:.2}% fell below {:.2}%",
        100.0 * score.type_share,
        100.0 * min_type
    );
    assert!(
        score.location_share >= min_location,
        "location fidelity {:.2}% fell below {:.2}%",
        100.0 * score.location_share,
        100.0 * min_location
    );
}

#[test]
fn inferred_types_and_locations_match_openapi() {
    let doc = reference::openapi("api.github.com.json");
    let score = score::score(&corpus(), &doc);
    check(&score, 4000, MIN_TYPE, MIN_LOCATION);
}

#[test]
fn rules_generalise_to_operations_outside_the_corpus() {
    let corpus = corpus();
    let mut total = Vec::new();
    for name in holdout::DOCUMENTS {
        let doc = reference::openapi(name);
        println!("\n== holdout from {name}");
        let specs = holdout::specs(name, &doc, &corpus, &total);
        let score = score::score(&specs, &doc);
        total.extend(specs);
        check(&score, 200, MIN_HOLDOUT_TYPE, MIN_HOLDOUT_LOCATION);
    }
}
