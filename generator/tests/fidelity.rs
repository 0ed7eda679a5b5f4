//! Fidelity: the inferred types and locations of every corpus parameter row, compared with
//! GitHub's OpenAPI description (`@octokit/openapi`, pinned in `tests/fidelity/`); and the
//! same on a holdout of operations the corpus does not have, to check the rules generalise; and
//! the project's own `specs/`, which must agree fully (explicit entries included).

#[path = "fidelity/holdout.rs"]
mod holdout;
#[path = "fidelity/reference.rs"]
mod reference;
#[path = "fidelity/score.rs"]
mod score;

use std::collections::BTreeSet;
use std::path::PathBuf;

use client_generator::model::{build_api, BodyKind, Location, Param, Type};
use client_generator::parse::{parse_dir, PathPart, SpecFile};

use score::Score;

/// Lowest accepted share of corpus rows whose JSON type (and array element type) matches.
const MIN_TYPE: f64 = 0.987;
/// Lowest accepted share of the reference's enum rows (not `true`/`false`) typed as an enum
/// whose values are all the reference's (most corpus texts name no values at all).
const MIN_ENUM_RECALL: f64 = 0.15;
/// The same among the rows whose text names every value (the most reading text can recover).
const MIN_ENUM_RECALL_RECOVERABLE: f64 = 0.85;
/// Lowest accepted share of corpus rows whose location (path/query/body) matches.
const MIN_LOCATION: f64 = 0.999;
/// The same for the holdout (rows made from descriptions, not in the corpus).
const MIN_HOLDOUT_TYPE: f64 = 0.95;
const MIN_HOLDOUT_LOCATION: f64 = 0.999;

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
    let recall = score::pct(score.enums.recovered, score.enums.reference);
    assert!(
        recall >= MIN_ENUM_RECALL,
        "enum recall {:.1}% fell below {:.1}% (see ENUM-LOST lines)",
        100.0 * recall,
        100.0 * MIN_ENUM_RECALL
    );
    let recoverable = score::pct(score.enums.recovered_recoverable, score.enums.recoverable);
    assert!(
        recoverable >= MIN_ENUM_RECALL_RECOVERABLE,
        "enum recall among rows naming every value {:.1}% fell below {:.1}% (see ENUM-LOST (named in text) lines)",
        100.0 * recoverable,
        100.0 * MIN_ENUM_RECALL_RECOVERABLE
    );
}

/// Rows of `specs/` that state less than the descriptions on purpose: (`scope/id name:`, why).
const INCOMPLETE: &[(&str, &str)] = &[
    (
        "dependabot/listAlertsForEnterprise has:",
        "one value or a list: a union of string and array, whose only value `patch` a union cannot list",
    ),
    ("dependabot/listAlertsForOrg has:", "as for listAlertsForEnterprise"),
    ("dependabot/listAlertsForRepo has:", "as for listAlertsForEnterprise"),
    (
        "repos/updateInformationAboutPagesSite source:",
        "a branch name or an object: the string member of the union cannot carry the enum",
    ),
    (
        "dependencyGraph/createRepositorySnapshot metadata.*:",
        "map values: the generated map holds scalars; sending `null` as a value is not offered",
    ),
    (
        "dependencyGraph/createRepositorySnapshot manifests.*.metadata.*:",
        "map values, as for `metadata.*`",
    ),
    (
        "dependencyGraph/createRepositorySnapshot manifests.*.resolved.*.metadata.*:",
        "map values, as for `metadata.*`",
    ),
];

/// Rows of `specs/` whose explicit type departs from OpenAPI on purpose: (scope/methodId, row).
const DELIBERATE: &[(&str, &str)] = &[
    // OpenAPI says string, but the only meaningful value is `true`: a bool setter is clearer.
    ("search/issuesAndPullRequests", "advanced_search"),
];

/// The project's own `specs/`: every row's type (inferred or explicit) and location agree with
/// OpenAPI, so a spec that needs an explicit `parameters:` entry cannot go without one.
#[test]
fn our_specs_match_openapi() {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../specs"));
    let mut specs = parse_dir(&dir).unwrap_or_else(|d| panic!("specs/ do not parse:\n{d}"));
    for spec in &mut specs {
        let at = format!("{}/{}", spec.scope, spec.method_id);
        let skip = |name: &str| DELIBERATE.contains(&(at.as_str(), name));
        spec.params.retain(|r| !skip(&r.name));
        spec.explicit.retain(|e| !skip(&e.name));
        // Parameters only: declared responses are measured by `model_fidelity`.
        spec.responses.clear();
    }
    let doc = reference::openapi("api.github.com.json");
    // Enum values are the union over every description (GHEC and GHES add some).
    let others: Vec<_> = reference::DESCRIPTIONS[1..]
        .iter()
        .map(|name| reference::openapi(name))
        .collect();
    let score = score::score_with(&specs, &doc, &others);
    check(&score, 4000, 1.0, 1.0);
    // Enums are the whole union of values and nullability is kept, apart from reasoned cases.
    let allowed = |line: &str| INCOMPLETE.iter().any(|(at, _)| line.starts_with(at));
    let unexplained: Vec<&String> = score.incomplete.iter().filter(|l| !allowed(l)).collect();
    assert!(
        unexplained.is_empty(),
        "rows of specs/ less exact than GitHub's descriptions (state them in `parameters:`):\n{}",
        unexplained
            .iter()
            .map(|l| format!("  {l}\n"))
            .collect::<String>()
    );
    let stale: Vec<&str> = INCOMPLETE
        .iter()
        .map(|(at, _)| *at)
        .filter(|at| !score.incomplete.iter().any(|l| l.starts_with(at)))
        .collect();
    assert!(
        stale.is_empty(),
        "INCOMPLETE entries that match nothing: {stale:?}"
    );
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

/// Every level of a parameter, depth first.
fn walk<'a>(params: &'a [Param], out: &mut Vec<&'a Param>) {
    for p in params {
        out.push(p);
        let mut ty = &p.ty;
        while let Type::Array { items: inner } | Type::Map { values: inner } = ty {
            ty = inner;
        }
        if let Type::Object { fields } = ty {
            walk(fields, out);
        }
    }
}

#[test]
fn corpus_model_is_well_formed() {
    let api = build_api(&corpus()).unwrap_or_else(|d| panic!("corpus does not build:\n{d}"));
    for e in &api.endpoints {
        let at = format!("{}.{}", e.scope, e.id);
        assert!(
            syn::parse_str::<syn::Ident>(&e.rust_name).is_ok(),
            "{at}: bad method name {}",
            e.rust_name
        );
        let route_params: Vec<&String> = e
            .path
            .iter()
            .filter_map(|p| match p {
                PathPart::Param(n) => Some(n),
                PathPart::Literal(_) => None,
            })
            .collect();
        let path_params: Vec<&String> = e
            .params
            .iter()
            .take_while(|p| p.location == Location::Path)
            .map(|p| &p.wire_name)
            .collect();
        assert_eq!(
            path_params, route_params,
            "{at}: path parameters first, in route order"
        );
        let mut all = Vec::new();
        walk(&e.params, &mut all);
        for p in all {
            assert!(
                syn::parse_str::<syn::Ident>(&p.rust_name).is_ok(),
                "{at}: bad name {}",
                p.rust_name
            );
            assert!(
                p.location != Location::Path || p.required,
                "{at}: optional path parameter {}",
                p.spec_name
            );
            if let Type::Enum { values, .. } = &p.ty {
                let distinct: BTreeSet<&String> = values.iter().collect();
                assert!(
                    !values.is_empty() && distinct.len() == values.len(),
                    "{at}: enum {values:?}"
                );
                assert!(
                    values.iter().all(|v| !v.is_empty()),
                    "{at}: empty enum value"
                );
            }
            if let Type::Object { fields } = &p.ty {
                let names: BTreeSet<&String> = fields.iter().map(|f| &f.rust_name).collect();
                assert_eq!(
                    names.len(),
                    fields.len(),
                    "{at}: clashing fields in {}",
                    p.spec_name
                );
            }
        }
        let names: BTreeSet<&String> = e.params.iter().map(|p| &p.rust_name).collect();
        assert_eq!(names.len(), e.params.len(), "{at}: clashing parameters");
        if let BodyKind::Raw { param, .. } = &e.body {
            let raw = e
                .params
                .iter()
                .find(|p| &p.wire_name == param)
                .expect("raw parameter exists");
            assert_eq!(raw.ty, Type::Bytes, "{at}: raw body is bytes");
        }
        assert!(
            !e.origin || e.params.iter().all(|p| p.wire_name != "origin"),
            "{at}: origin is no parameter"
        );
    }
}
