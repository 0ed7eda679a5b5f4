//! `diff-upstream`: how our specs drifted from a folder of upstream endpoint docs (Octokit's
//! format): endpoints missing, gone, renamed, deprecated or moved, parameters added, removed or
//! changed, and how much of upstream our specs cover.

mod allow;
mod compare;
mod report;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diag::Diagnostics;

pub use allow::{AllowEntry, ALLOW_FILE};
pub use compare::{compare, missing};

/// What kind of drift a [`Difference`] is. Serialised in kebab-case (`parameter-added`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Upstream has no endpoint with our scope/id, nor one with our route.
    Removed,
    /// Upstream's file for our scope/id carries a rename notice we do not have.
    Renamed,
    /// Upstream marks the endpoint deprecated; ours does not.
    Deprecated,
    /// Our scope/id is gone upstream, but our route is there under another scope/id.
    IdChanged,
    /// Same scope/id, different method or path.
    RouteChanged,
    /// Upstream has a parameter we lack.
    ParameterAdded,
    /// We have a parameter upstream lacks.
    ParameterRemoved,
    /// A parameter is required on one side and optional on the other.
    RequiredChanged,
    /// Upstream has an endpoint (scope/id) that our specs lack.
    Missing,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::Removed,
        Kind::Renamed,
        Kind::Deprecated,
        Kind::IdChanged,
        Kind::RouteChanged,
        Kind::ParameterAdded,
        Kind::ParameterRemoved,
        Kind::RequiredChanged,
        Kind::Missing,
    ];

    /// The kebab-case name used in reports and allowlists.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Removed => "removed",
            Kind::Renamed => "renamed",
            Kind::Deprecated => "deprecated",
            Kind::IdChanged => "id-changed",
            Kind::RouteChanged => "route-changed",
            Kind::ParameterAdded => "parameter-added",
            Kind::ParameterRemoved => "parameter-removed",
            Kind::RequiredChanged => "required-changed",
            Kind::Missing => "missing",
        }
    }

    /// Differences about one parameter (allowlist entries for them name it).
    pub fn is_parameter(self) -> bool {
        matches!(
            self,
            Kind::ParameterAdded | Kind::ParameterRemoved | Kind::RequiredChanged
        )
    }
}

/// One difference between one of our endpoints and upstream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    pub scope: String,
    pub id: String,
    pub kind: Kind,
    /// The parameter (table name) for parameter kinds.
    pub parameter: Option<String>,
    /// Our value: a route, `required`/`optional`; `None` when we have nothing.
    pub ours: Option<String>,
    /// Upstream's value: a route, `scope.id`, `required`/`optional`.
    pub upstream: Option<String>,
    /// Our spec file and line.
    pub file: PathBuf,
    pub line: usize,
    /// Upstream's file and line, when there is one.
    pub upstream_file: Option<PathBuf>,
    pub upstream_line: usize,
    /// One sentence saying what changed.
    pub message: String,
}

/// The result of a comparison after the allowlist was applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Differences not allowed: each one fails the check.
    pub differences: Vec<Difference>,
    /// Differences suppressed by an allowlist entry, with its reason.
    pub allowed: Vec<(Difference, String)>,
    /// Allowlist entries that matched no difference: they fail the check too.
    pub stale: Vec<AllowEntry>,
    /// How many upstream endpoints (by scope/id) our specs have, of how many upstream has.
    pub coverage: Coverage,
}

/// Upstream endpoints we have (by scope/id), of all upstream endpoints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub ours: usize,
    pub upstream: usize,
}

impl Report {
    /// No differences and no stale allowlist entries.
    pub fn is_clean(&self) -> bool {
        self.differences.is_empty() && self.stale.is_empty()
    }

    /// The human-readable report (rustc-style entries, then a summary line).
    pub fn text(&self) -> String {
        report::text(self)
    }

    /// The JSON report (shape documented in the README, `"format": 1`).
    pub fn json(&self) -> String {
        report::json(self)
    }
}

/// Parse both folders, compare, and apply the allowlist: `allow` when given, else
/// `<specs>/upstream-allow.yaml` when it exists. Parse errors in either folder or in the
/// allowlist come back as diagnostics.
pub fn run(specs: &Path, upstream: &Path, allow: Option<&Path>) -> Result<Report, Diagnostics> {
    let default_allow = specs.join(ALLOW_FILE);
    let allow_path = allow
        .map(Path::to_path_buf)
        .or_else(|| default_allow.is_file().then_some(default_allow));
    let (ours, theirs, entries) = (
        crate::parse::parse_dir(specs),
        crate::parse::parse_dir(upstream),
        allow_path.as_deref().map(allow::load).transpose(),
    );
    let mut diags = Diagnostics::default();
    let ours = ours.map_err(|d| diags.extend(d)).ok();
    let theirs = theirs.map_err(|d| diags.extend(d)).ok();
    let entries = entries.map_err(|d| diags.extend(d)).ok();
    let (Some(ours), Some(theirs), Some(entries)) = (ours, theirs, entries) else {
        return Err(diags);
    };
    let mut differences = compare(&ours, &theirs);
    let lacking = missing(&ours, &theirs, specs);
    let coverage = Coverage {
        ours: theirs.len() - lacking.len(),
        upstream: theirs.len(),
    };
    differences.extend(lacking);
    let mut report = allow::apply(differences, entries.unwrap_or_default());
    report.coverage = coverage;
    Ok(report)
}
