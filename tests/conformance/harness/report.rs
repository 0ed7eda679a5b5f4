//! The allowlist of known disagreements (`tests/conformance/allowlist.json`) and the report:
//! one line per scope and a total for each description, then every finding.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::sweep::{Finding, Kind, Sweep};

/// One known disagreement: an error in GitHub's description or a limit of Prism.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allowed {
    /// `scope.id` of each method it applies to; `*` for any.
    pub endpoints: Vec<String>,
    /// `violation`, `decode`, `status`, `other` or `absent` (a route in no description).
    pub kind: String,
    /// Descriptions it applies to (`api.github.com`, `ghes-3.14`); all when absent.
    #[serde(default)]
    pub descriptions: Vec<String>,
    /// Text the call must contain: `static` or `dynamic` (answers), `required`, `full` or
    /// `pages` (calls); any call when absent.
    #[serde(default)]
    pub mode: String,
    /// Texts the finding's message must all contain (e.g. the JSON path of a decode failure).
    #[serde(default)]
    pub contains: Vec<String>,
    /// Why this is not a bug of the client or its specs.
    pub reason: String,
}

/// Parse the allowlist; every entry must give a reason.
pub fn load_allowlist(text: &str) -> Vec<Allowed> {
    let list: Vec<Allowed> =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("allowlist.json: {e}"));
    for a in &list {
        assert!(
            !a.reason.trim().is_empty(),
            "allowlist.json: the entry for {:?} ({}) gives no reason",
            a.endpoints,
            a.kind
        );
        assert!(
            ["violation", "decode", "status", "other", "absent"].contains(&a.kind.as_str()),
            "allowlist.json: unknown kind {:?} for {:?}",
            a.kind,
            a.endpoints
        );
    }
    list
}

impl Allowed {
    /// Whether this entry allows `f`, found against `description`.
    pub fn allows(&self, description: &str, f: &Finding) -> bool {
        self.endpoints.iter().any(|e| e == "*" || *e == f.endpoint)
            && self.kind == f.kind.name()
            && (self.descriptions.is_empty() || self.descriptions.iter().any(|d| d == description))
            && (self.mode.is_empty() || f.call.contains(&self.mode))
            && self.contains.iter().all(|c| f.message.contains(c.as_str()))
    }
}

/// Mark the findings an entry allows; returns how often each entry was used.
pub fn apply(allow: &[Allowed], description: &str, findings: &mut [Finding]) -> Vec<usize> {
    let mut used = vec![0; allow.len()];
    for f in findings.iter_mut() {
        let hit = allow.iter().position(|a| a.allows(description, f));
        if let Some(i) = hit {
            used[i] += 1;
            f.allowed = Some(allow[i].reason.clone());
        }
    }
    used
}

#[derive(Default, Clone, Copy)]
struct Tally {
    called: usize,
    absent: usize,
    violations: usize,
    decode: usize,
    other: usize,
    allowed: usize,
    examples: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.called += o.called;
        self.absent += o.absent;
        self.violations += o.violations;
        self.decode += o.decode;
        self.other += o.other;
        self.allowed += o.allowed;
        self.examples += o.examples;
    }

    fn line(&self, name: &str, lacks: &str) -> String {
        let mut line = format!(
            "{name}: {} called, {} request violations, {} decode failures",
            self.called, self.violations, self.decode
        );
        if self.other > 0 {
            let _ = write!(line, ", {} other failures", self.other);
        }
        if self.allowed > 0 {
            let _ = write!(line, " ({} allowlisted)", self.allowed);
        }
        if self.examples > 0 {
            let _ = write!(line, "; {} notes", self.examples);
        }
        if self.absent > 0 {
            let _ = write!(line, "; {} not in {lacks}", self.absent);
        }
        line
    }
}

/// Non-allowlisted findings that fail the suite.
pub fn failures(sweep: &Sweep) -> Vec<&Finding> {
    sweep
        .findings
        .iter()
        .filter(|f| f.allowed.is_none() && !f.kind.is_note())
        .collect()
}

/// The per-scope lines and the total of one sweep.
pub fn summary(sweep: &Sweep) -> String {
    let mut scopes: BTreeMap<&str, Tally> = BTreeMap::new();
    for c in &sweep.called {
        let t = scopes.entry(c.scope).or_default();
        if c.present {
            t.called += 1;
        } else {
            t.absent += 1;
        }
    }
    for f in &sweep.findings {
        let t = scopes.entry(scope_of(&f.endpoint)).or_default();
        match (f.allowed.is_some(), f.kind) {
            (_, Kind::Example | Kind::Warning) => t.examples += 1,
            (true, _) => t.allowed += 1,
            (false, Kind::Violation) => t.violations += 1,
            (false, Kind::Decode) => t.decode += 1,
            (false, Kind::Status | Kind::Other) => t.other += 1,
        }
    }
    let mut out = String::new();
    let mut total = Tally::default();
    for (scope, t) in &scopes {
        let _ = writeln!(out, "{}", t.line(scope, &sweep.description));
        total.add(t);
    }
    let _ = writeln!(
        out,
        "{} ({} requests)",
        total.line("total", &sweep.description),
        sweep.requests
    );
    out
}

fn scope_of(endpoint: &str) -> &str {
    endpoint.split('.').next().unwrap_or(endpoint)
}

/// Every finding, allowlisted ones with their reason, and the methods the description lacks.
pub fn details(sweep: &Sweep) -> String {
    let mut out = String::new();
    let fails = failures(sweep);
    if !fails.is_empty() {
        let _ = writeln!(out, "\nFailures ({}):\n", fails.len());
        for f in fails {
            let _ = writeln!(
                out,
                "- `{}` ({}; {}): {}",
                f.endpoint,
                f.call,
                f.kind.name(),
                f.message
            );
        }
    }
    let allowed: Vec<&Finding> = sweep
        .findings
        .iter()
        .filter(|f| f.allowed.is_some() && !f.kind.is_note())
        .collect();
    if !allowed.is_empty() {
        let _ = writeln!(out, "\nAllowlisted ({}):\n", allowed.len());
        for f in allowed {
            let _ = writeln!(
                out,
                "- `{}` ({}; {}): {}\n  - reason: {}",
                f.endpoint,
                f.call,
                f.kind.name(),
                f.message,
                f.allowed.as_deref().unwrap_or_default()
            );
        }
    }
    let examples: Vec<&Finding> = sweep.findings.iter().filter(|f| f.kind.is_note()).collect();
    if !examples.is_empty() {
        let _ = writeln!(
            out,
            "\nNotes ({}; not failures): Prism's warnings about requests (`warning`, e.g. a \
             deprecated parameter) and answers that break the description's own schema \
             (`example`: errors of the description's examples or of Prism's generated data):\n",
            examples.len()
        );
        for f in examples {
            let _ = writeln!(
                out,
                "- `{}` ({}; {}): {}",
                f.endpoint,
                f.call,
                f.kind.name(),
                f.message
            );
        }
    }
    let absent: Vec<&str> = sweep
        .called
        .iter()
        .filter(|c| !c.present)
        .map(|c| c.endpoint.as_str())
        .collect();
    if !absent.is_empty() {
        let _ = writeln!(
            out,
            "\nNot in {} (reported, not failed): {}",
            sweep.description,
            absent.join(", ")
        );
    }
    out
}
