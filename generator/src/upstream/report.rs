//! Renders a [`Report`]: rustc-style text for people, a stable JSON shape for tools.

use serde_json::{json, Value};

use super::{AllowEntry, Difference, Report};

fn location(file: &std::path::Path, line: usize) -> String {
    if line > 0 {
        format!("{}:{line}", file.display())
    } else {
        file.display().to_string()
    }
}

fn hint(d: &Difference) -> &'static str {
    use super::Kind::*;
    match d.kind {
        Removed | IdChanged | Renamed | Deprecated => {
            "update the spec (route, id, rename or deprecation notice) or allow the difference with a reason"
        }
        RouteChanged => "fix the spec's `route:` or allow the difference with a reason",
        ParameterAdded => "add the parameter to the spec's table or allow the difference with a reason",
        ParameterRemoved => "remove the row from the spec's table or allow the difference with a reason",
        RequiredChanged => "fix the row's `required` cell or allow the difference with a reason",
        Missing => "write the spec (scaffold it from the upstream doc) or allow the difference with a reason",
    }
}

/// One entry per difference, then stale allowlist entries, then a summary line.
pub(super) fn text(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.differences {
        out.push_str(&format!(
            "difference[{}]: {}.{}: {}\n  --> {}\n",
            d.kind.name(),
            d.scope,
            d.id,
            d.message,
            location(&d.file, d.line)
        ));
        if let Some(up) = &d.upstream_file {
            out.push_str(&format!(
                "   = upstream: {}\n",
                location(up, d.upstream_line)
            ));
        }
        out.push_str(&format!("   = help: {}\n\n", hint(d)));
    }
    for e in &report.stale {
        out.push_str(&format!(
            "stale: allowlist entry `{}` for {}.{}{} matches no difference\n  --> {}\n   = help: remove the entry (the difference is gone)\n\n",
            e.kind.name(),
            e.scope,
            e.id,
            e.parameter.as_ref().map(|p| format!(" `{p}`")).unwrap_or_default(),
            location(&e.file, e.line)
        ));
    }
    out.push_str(&format!(
        "diff-upstream: {} difference(s), {} allowed, {} stale allowlist entr{}; coverage {}/{} upstream endpoints\n",
        report.differences.len(),
        report.allowed.len(),
        report.stale.len(),
        if report.stale.len() == 1 { "y" } else { "ies" },
        report.coverage.ours,
        report.coverage.upstream
    ));
    out
}

fn difference(d: &Difference) -> Value {
    json!({
        "scope": d.scope,
        "id": d.id,
        "kind": d.kind,
        "parameter": d.parameter,
        "ours": d.ours,
        "upstream": d.upstream,
        "file": d.file.display().to_string(),
        "line": d.line,
        "upstream_file": d.upstream_file.as_ref().map(|p| p.display().to_string()),
        "upstream_line": d.upstream_line,
        "message": d.message,
    })
}

fn entry(e: &AllowEntry) -> Value {
    json!({
        "scope": e.scope,
        "id": e.id,
        "kind": e.kind,
        "parameter": e.parameter,
        "reason": e.reason,
        "file": e.file.display().to_string(),
        "line": e.line,
    })
}

/// `{"format": 1, "clean", "differences": [..], "allowed": [..], "stale": [..]}`.
pub(super) fn json(report: &Report) -> String {
    let value = json!({
        "format": 1,
        "clean": report.is_clean(),
        "coverage": report.coverage,
        "differences": report.differences.iter().map(difference).collect::<Vec<_>>(),
        "allowed": report.allowed.iter().map(|(d, reason)| {
            let mut v = difference(d);
            v["reason"] = json!(reason);
            v
        }).collect::<Vec<_>>(),
        "stale": report.stale.iter().map(entry).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
