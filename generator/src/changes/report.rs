//! Renders a [`Report`]: rustc-style text, a Markdown pull-request comment, a stable JSON shape.

use serde_json::json;

use super::{Change, Level, Report};

/// More changes of one kind in one scope than this are listed on one line (Markdown).
const GROUP: usize = 5;

const LEVELS: [Level; 3] = [Level::Major, Level::Minor, Level::Patch];

fn location(c: &Change) -> String {
    if c.line > 0 {
        format!("{}:{}", c.file, c.line)
    } else {
        c.file.clone()
    }
}

fn counts(report: &Report) -> String {
    LEVELS
        .iter()
        .map(|&l| format!("{} {}", report.count(l), l.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary(report: &Report) -> String {
    let check = report.version_check();
    format!(
        "changes against {}: {} change(s) ({}); required level: {}; {}",
        report.base_label,
        report.changes.len(),
        counts(report),
        report.level().map_or("none", Level::name),
        check.sentence()
    )
}

/// One entry per change, then a summary line.
pub(super) fn text(report: &Report) -> String {
    let mut out = String::new();
    for c in &report.changes {
        out.push_str(&format!(
            "change[{}] ({}): {}: {}\n  --> {}\n",
            c.kind.name(),
            c.level.name(),
            c.subject,
            c.message,
            location(c)
        ));
        if c.before.is_some() || c.after.is_some() {
            let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
            out.push_str(&format!(
                "   = before: {}\n   = after: {}\n",
                show(&c.before),
                show(&c.after)
            ));
        }
        out.push('\n');
    }
    out.push_str(&summary(report));
    out.push('\n');
    out
}

/// A summary line with the required level, then one section per level, then per scope.
pub(super) fn markdown(report: &Report) -> String {
    let check = report.version_check();
    let mut out = format!(
        "**API changes: {}** against `{}` ({}). {} {}.\n",
        report.level().map_or("none", Level::name),
        report.base_label,
        counts(report),
        if check.ok { "✅" } else { "❌" },
        check.sentence()
    );
    for level in LEVELS {
        let of_level: Vec<&Change> = report.changes.iter().filter(|c| c.level == level).collect();
        if of_level.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {} ({})\n", title(level), of_level.len()));
        let mut scopes: Vec<&str> = of_level.iter().map(|c| c.scope.as_str()).collect();
        scopes.dedup();
        scopes.sort_unstable();
        scopes.dedup();
        for scope in scopes {
            out.push_str(&format!("\n### `{scope}`\n\n"));
            let in_scope: Vec<&Change> = of_level
                .iter()
                .copied()
                .filter(|c| c.scope == scope)
                .collect();
            let mut kinds: Vec<_> = in_scope.iter().map(|c| c.kind).collect();
            kinds.sort_unstable();
            kinds.dedup();
            for kind in kinds {
                let of_kind: Vec<&&Change> = in_scope.iter().filter(|c| c.kind == kind).collect();
                if of_kind.len() > GROUP {
                    // Many of one kind (a new scope's endpoints): one line naming them.
                    let names: Vec<String> = of_kind
                        .iter()
                        .map(|c| {
                            format!(
                                "`{}`",
                                c.item
                                    .as_deref()
                                    .map_or(c.subject.clone(), |i| format!("{}: {i}", c.subject))
                            )
                        })
                        .collect();
                    out.push_str(&format!(
                        "- `{}` ({}): {}\n",
                        kind.name(),
                        of_kind.len(),
                        names.join(", ")
                    ));
                } else {
                    for c in of_kind {
                        out.push_str(&format!("- `{}` {}\n", kind.name(), escape(&c.message)));
                    }
                }
            }
        }
    }
    out
}

fn title(level: Level) -> &'static str {
    match level {
        Level::Major => "Major: may break users' code",
        Level::Minor => "Minor: additions and deprecations",
        Level::Patch => "Patch: documentation and wire details",
    }
}

/// Keeps `<`/`>` of Rust types (`Option<String>` outside backticks) from becoming HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut code = false;
    for ch in text.chars() {
        match ch {
            '`' => {
                code = !code;
                out.push(ch);
            }
            '<' if !code => out.push_str("&lt;"),
            '>' if !code => out.push_str("&gt;"),
            _ => out.push(ch),
        }
    }
    out
}

/// `{"format": 1, "base", "level", "counts", "version", "changes": [..]}`.
pub(super) fn json(report: &Report) -> String {
    let value = json!({
        "format": 1,
        "base": report.base_label,
        "level": report.level(),
        "counts": {
            "major": report.count(Level::Major),
            "minor": report.count(Level::Minor),
            "patch": report.count(Level::Patch),
        },
        "version": report.version_check(),
        "changes": report.changes,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
