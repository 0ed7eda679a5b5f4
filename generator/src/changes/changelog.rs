//! `changes --changelog FILE`: the generated crate's `CHANGELOG.md`, one section per version
//! written from the same changes (a section of the same version is replaced, never duplicated).

use std::path::Path;

use super::{Kind, Level, Report};

/// More changes of one kind than this are listed on one line.
const GROUP: usize = 5;

const HEADER: &str = "# Changelog\n\nWhat changed for users of the crate, per version, written by \
`client-generator changes --changelog` from the specs (see the generator's README).\n";

/// The Markdown section for the new version: breaking changes, additions and deprecations,
/// then patch-level changes (documentation-only edits counted, not listed).
pub fn section(report: &Report) -> String {
    let mut out = format!(
        "## {}\n\nCompared with `{}` (version {}); required level: {}.\n",
        report.new_version,
        report.base_label,
        report.base_version,
        report.level().map_or("none", Level::name)
    );
    let groups = [
        (Level::Major, "Breaking changes"),
        (Level::Minor, "Added and deprecated"),
        (Level::Patch, "Fixed"),
    ];
    for (level, title) in groups {
        let mut kinds: Vec<Kind> = report
            .changes
            .iter()
            .filter(|c| c.level == level && c.kind != Kind::DocumentationChanged)
            .map(|c| c.kind)
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        let mut items = Vec::new();
        for kind in kinds {
            let of_kind: Vec<&super::Change> =
                report.changes.iter().filter(|c| c.kind == kind).collect();
            if of_kind.len() > GROUP {
                let names: Vec<String> = of_kind
                    .iter()
                    .map(|c| match &c.item {
                        Some(i) => format!("`{}: {i}`", c.subject),
                        None => format!("`{}`", c.subject),
                    })
                    .collect();
                items.push(format!(
                    "- `{}` ({}): {}",
                    kind.name(),
                    of_kind.len(),
                    names.join(", ")
                ));
            } else {
                items.extend(
                    of_kind
                        .iter()
                        .map(|c| format!("- {} (`{}`)", c.message, kind.name())),
                );
            }
        }
        let docs = report
            .changes
            .iter()
            .filter(|c| c.level == level && c.kind == Kind::DocumentationChanged)
            .count();
        if items.is_empty() && docs == 0 {
            continue;
        }
        out.push_str(&format!("\n### {title}\n\n"));
        for item in items {
            out.push_str(&item);
            out.push('\n');
        }
        if docs > 0 {
            out.push_str(&format!(
                "- Documentation of {docs} endpoint(s) and model(s) reworded (`documentation-changed`)\n"
            ));
        }
    }
    out
}

/// Put the new version's section into `path` (created when missing): in place of an existing
/// section for the same version, else first, after the file's header.
pub fn update_changelog(path: &Path, report: &Report) -> std::io::Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => HEADER.to_owned(),
        Err(e) => return Err(e),
    };
    std::fs::write(
        path,
        with_section(&text, &report.new_version, &section(report)),
    )
}

/// `text` with the section of `version` replaced by (or, when absent, preceded by) `section`.
pub(super) fn with_section(text: &str, version: &str, section: &str) -> String {
    let heading = format!("## {version}\n");
    let starts: Vec<usize> = text
        .match_indices("## ")
        .map(|(i, _)| i)
        .filter(|&i| (i == 0 || text.as_bytes()[i - 1] == b'\n') && !text[i..].starts_with("### "))
        .collect();
    let (at, end) = match starts.iter().position(|&i| text[i..].starts_with(&heading)) {
        Some(n) => (starts[n], starts.get(n + 1).copied().unwrap_or(text.len())),
        None => {
            let first = starts.first().copied().unwrap_or(text.len());
            (first, first)
        }
    };
    let mut head = text[..at].to_owned();
    if !head.is_empty() && !head.ends_with("\n\n") {
        head.push_str(if head.ends_with('\n') { "\n" } else { "\n\n" });
    }
    let rest = &text[end..];
    let sep = if rest.is_empty() { "" } else { "\n" };
    format!(
        "{head}{}{sep}{rest}",
        section.trim_end_matches('\n').to_owned() + "\n"
    )
}
