//! Running the calls against one description: each selected method with its required
//! parameters and with every optional one, each with Prism's example answer (static) and a
//! generated one (`Prefer: dynamic=true`), and list methods through `paginate()` for two
//! pages. Every attempt's `sl-violations`, every decode failure, every status that is not
//! the documented one, and any other error becomes a [`Finding`].

use std::time::Duration;

use super::describe::Description;
use super::{Attempt, Call, CallFn, Outcome, Run};

/// Longest a single call may take (Prism answers in well under a second).
const CALL_LIMIT: Duration = Duration::from_secs(90);

/// What went wrong in one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Prism found the request in violation of the description (`422` + `sl-violations`).
    Violation,
    /// The answer did not decode into the method's type.
    Decode,
    /// The status is not the one the description documents, or the spec declares another.
    Status,
    /// Anything else (an unexpected error status, `paginate()` not reading two pages, …).
    Other,
    /// Prism found its answer (the description's example, or a generated one) in violation
    /// of the description's own schema: an error of the description or of Prism, noted in
    /// the report, never a failure.
    Example,
    /// Prism warns about the request without rejecting it (a deprecated parameter): noted in
    /// the report, never a failure.
    Warning,
}

impl Kind {
    /// Reported, never a failure.
    pub fn is_note(self) -> bool {
        matches!(self, Kind::Example | Kind::Warning)
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Violation => "violation",
            Kind::Decode => "decode",
            Kind::Status => "status",
            Kind::Other => "other",
            Kind::Example => "example",
            Kind::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Finding {
    /// `scope.id`
    pub endpoint: String,
    pub scope: String,
    /// `required`, `full` or `pages`, with `static` or `dynamic`.
    pub call: String,
    pub kind: Kind,
    pub message: String,
    /// The allowlist entry's reason, when the finding is a known disagreement.
    pub allowed: Option<String>,
}

/// One method's part in a sweep.
#[derive(Debug, Clone)]
pub struct Called {
    pub scope: &'static str,
    pub endpoint: String,
    /// `false`: the description has no such operation (nothing was sent).
    pub present: bool,
}

/// The result of a sweep over one description.
pub struct Sweep {
    pub description: String,
    pub called: Vec<Called>,
    pub findings: Vec<Finding>,
    pub requests: usize,
}

/// Run `calls` against the Prism behind `run`, which serves `description`.
pub async fn sweep(run: &Run, description: &Description, calls: &[&Call]) -> Sweep {
    let mut out = Sweep {
        description: description.short().to_owned(),
        called: Vec::new(),
        findings: Vec::new(),
        requests: 0,
    };
    for call in calls {
        let Some(op) = description.get(call.method, call.route) else {
            out.called.push(Called {
                scope: call.scope,
                endpoint: call.name(),
                present: false,
            });
            continue;
        };
        out.called.push(Called {
            scope: call.scope,
            endpoint: call.name(),
            present: true,
        });
        let mut finding = |call_name: String, kind: Kind, message: String| {
            out.findings.push(Finding {
                endpoint: call.name(),
                scope: call.scope.to_owned(),
                call: call_name,
                kind,
                message,
                allowed: None,
            })
        };
        if call.typed && !call.statuses.is_empty() && !call.statuses.contains(&op.status) {
            finding(
                "spec".into(),
                Kind::Status,
                format!(
                    "the spec declares status {:?}, the description documents {}",
                    call.statuses, op.status
                ),
            );
        }
        let variants = [("required", Some(call.required)), ("full", call.full)];
        for (variant, f) in variants {
            let Some(f) = f else { continue };
            for dynamic in [false, true] {
                let mode = if dynamic { "dynamic" } else { "static" };
                let (outcome, attempts) = one(run, f, &op.accept, dynamic, false).await;
                out.requests += attempts.len();
                for (kind, message) in judge(&outcome, &attempts, op.status) {
                    finding(format!("{variant}, {mode}"), kind, message);
                }
            }
        }
        if let Some(f) = call.pages {
            let (outcome, attempts) = one(run, f, &op.accept, false, true).await;
            out.requests += attempts.len();
            for (kind, message) in judge(&outcome, &attempts, op.status) {
                finding("pages, static".into(), kind, message);
            }
        }
    }
    out
}

/// One call, bounded in time, with the attempts it made.
async fn one(
    run: &Run,
    f: CallFn,
    accept: &str,
    dynamic: bool,
    pages: bool,
) -> (Outcome, Vec<Attempt>) {
    run.recorder.begin(accept, dynamic, pages);
    let outcome = tokio::time::timeout(CALL_LIMIT, f(run))
        .await
        .unwrap_or_else(|_| Outcome::Failed(format!("no answer within {CALL_LIMIT:?}")));
    (outcome, run.recorder.take())
}

/// The findings of one call: each violation of any attempt (the request's errors, its
/// warnings as [`Kind::Warning`], the answer's as [`Kind::Example`]), then the outcome.
pub fn judge(outcome: &Outcome, attempts: &[Attempt], documented: u16) -> Vec<(Kind, String)> {
    let mut found = Vec::new();
    for a in attempts {
        let Some(v) = &a.violations else { continue };
        let at = format!("{} {}", a.method, a.target);
        if a.status == 0 {
            found.push((Kind::Other, format!("{at}: {v}")));
            continue;
        }
        for (kind, text) in violations(v) {
            found.push((kind, format!("{at}: {text}")));
        }
    }
    let first = attempts.first().map(|a| a.status);
    match outcome {
        Outcome::Ok { status } => {
            // A documented redirect is followed (to the proxy): its status is the first one.
            let shown = if (300..400).contains(&documented) {
                first.unwrap_or(0)
            } else {
                *status
            };
            if shown != documented {
                found.push((
                    Kind::Status,
                    format!("answered {shown}, the description documents {documented}"),
                ));
            }
        }
        Outcome::Pages { .. } => {
            let gets: Vec<&Attempt> = attempts.iter().filter(|a| a.method == "GET").collect();
            let second = gets.get(1).is_some_and(|a| a.target.contains("page=2"));
            if gets.len() != 2 || !second {
                let targets: Vec<&str> = gets.iter().map(|a| a.target.as_str()).collect();
                found.push((
                    Kind::Other,
                    format!("paginate() did not read two pages: {targets:?}"),
                ));
            }
        }
        Outcome::Decode(message) => found.push((Kind::Decode, message.clone())),
        Outcome::Rejected(list) => {
            let at = attempts
                .last()
                .map(|a| format!("{} {}", a.method, a.target))
                .unwrap_or_default();
            for (kind, text) in violations(list) {
                found.push((kind, format!("{at}: {text}")));
            }
        }
        // A violation is already reported; its `422` is no second finding.
        Outcome::Failed(_) if found.iter().any(|(k, _)| *k == Kind::Violation) => {}
        Outcome::Failed(message) => found.push((Kind::Other, message.clone())),
    }
    found
}

/// Each violation of an `sl-violations` header (or of Prism's `422` problem body): a JSON
/// list of `{location, severity, message}`, which Prism prefixes with `Too many violations!`
/// when it is long (and then may cut short). Request errors are [`Kind::Violation`], request
/// warnings [`Kind::Warning`], the answer's [`Kind::Example`]; text that is no such list is
/// one finding.
pub fn violations(header: &str) -> Vec<(Kind, String)> {
    let json = header.trim_start_matches("Too many violations!").trim();
    let Ok(serde_json::Value::Array(list)) = serde_json::from_str::<serde_json::Value>(json) else {
        // A list cut short: a request violation if it names one, else the answer's.
        let kind = if header.contains("[\"request\"") || !header.contains("[\"response\"") {
            Kind::Violation
        } else {
            Kind::Example
        };
        let cut: String = header.chars().take(400).collect();
        return vec![(kind, cut)];
    };
    list.iter()
        .map(|v| {
            let location: Vec<String> = v["location"]
                .as_array()
                .map(|l| {
                    l.iter()
                        .map(|p| {
                            p.as_str()
                                .map(str::to_owned)
                                .unwrap_or_else(|| p.to_string())
                        })
                        .collect()
                })
                .unwrap_or_default();
            let kind = match (location.first().map(String::as_str), v["severity"].as_str()) {
                (Some("response"), _) => Kind::Example,
                (_, Some(s)) if s != "Error" => Kind::Warning,
                _ => Kind::Violation,
            };
            let at = location
                .iter()
                .skip(1)
                .cloned()
                .collect::<Vec<_>>()
                .join(".");
            (
                kind,
                format!("{at}: {}", v["message"].as_str().unwrap_or("?")),
            )
        })
        .collect()
}

/// The calls of a sweep: all of them, or a fixed sample of `per_scope` methods of every
/// scope, chosen by a seeded hash of their names (the same sample every run).
pub fn select(calls: &[Call], per_scope: Option<usize>, seed: u64) -> Vec<&Call> {
    let Some(n) = per_scope else {
        return calls.iter().collect();
    };
    let mut by_scope: std::collections::BTreeMap<&str, Vec<&Call>> = Default::default();
    for c in calls {
        by_scope.entry(c.scope).or_default().push(c);
    }
    let mut out = Vec::new();
    for (_, mut list) in by_scope {
        list.sort_by_key(|c| fnv(seed, &c.name()));
        list.truncate(n);
        list.sort_by_key(|c| c.name());
        out.extend(list);
    }
    out
}

/// FNV-1a of `seed` and `text`.
fn fnv(seed: u64, text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
