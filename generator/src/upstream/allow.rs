//! The allowlist of intended differences (`specs/upstream-allow.yaml`): a YAML list of
//! entries naming scope, id, kind (and parameter), each with a mandatory reason.

use std::path::{Path, PathBuf};

use serde_yaml::Value;

use super::{Difference, Kind, Report};
use crate::diag::{Diagnostic, Diagnostics};

/// The allowlist's default name inside the specs folder.
pub const ALLOW_FILE: &str = "upstream-allow.yaml";

const KEYS: &str = "scope, id, kind, parameter, reason";

/// One entry: the difference it allows and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowEntry {
    pub scope: String,
    pub id: String,
    pub kind: Kind,
    /// Required for parameter kinds, absent otherwise.
    pub parameter: Option<String>,
    pub reason: String,
    /// The allowlist file and the 1-based line of the entry's `-`.
    pub file: PathBuf,
    pub line: usize,
}

impl AllowEntry {
    fn matches(&self, d: &Difference) -> bool {
        self.scope == d.scope
            && self.id == d.id
            && self.kind == d.kind
            && self.parameter == d.parameter
    }
}

/// Lines (1-based) where the top-level list items start: `- ` at column 0.
fn item_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with('-') && !l.starts_with("---"))
        .map(|(i, _)| i + 1)
        .collect()
}

/// Line of `key:` inside the item starting at `start` (before `end`), else `start`.
fn key_line(text: &str, start: usize, end: usize, key: &str) -> usize {
    text.lines()
        .enumerate()
        .skip(start - 1)
        .take(end.saturating_sub(start).max(1))
        .find(|(_, l)| {
            l.trim_start_matches(['-', ' '])
                .starts_with(&format!("{key}:"))
        })
        .map_or(start, |(i, _)| i + 1)
}

/// Reads and checks the allowlist; every problem is reported with its line.
pub fn load(path: &Path) -> Result<Vec<AllowEntry>, Diagnostics> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostics::from(
            Diagnostic::new(path, 0, format!("cannot read the allowlist: {e}"))
                .with_hint("pass an existing file to `--allow`"),
        )
    })?;
    parse(path, &text)
}

/// [`load`] on text already read.
pub fn parse(path: &Path, text: &str) -> Result<Vec<AllowEntry>, Diagnostics> {
    let hint = format!("write a list of entries with the keys {KEYS}, e.g.\n- scope: repos\n  id: get\n  kind: parameter-added\n  parameter: per_page\n  reason: why the difference is intended");
    let items = match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Null) => return Ok(Vec::new()),
        Ok(Value::Sequence(items)) => items,
        Ok(_) => {
            return Err(Diagnostic::new(path, 1, "the allowlist is not a YAML list")
                .with_hint(hint)
                .into())
        }
        Err(e) => {
            let line = e.location().map_or(0, |l| l.line());
            return Err(Diagnostic::new(path, line, format!("invalid YAML: {e}"))
                .with_hint(hint)
                .into());
        }
    };
    let starts = item_lines(text);
    let total = text.lines().count() + 1;
    let mut diags = Diagnostics::default();
    let mut entries = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let start = starts.get(i).copied().unwrap_or(1);
        let end = starts.get(i + 1).copied().unwrap_or(total);
        let line_of = |key: &str| key_line(text, start, end, key);
        let mut err = |line: usize, msg: String, hint: String| {
            diags.push(Diagnostic::new(path, line, msg).with_hint(hint))
        };
        let Value::Mapping(map) = item else {
            err(
                start,
                "allowlist entry is not a mapping".into(),
                hint.clone(),
            );
            continue;
        };
        let mut field = |key: &str| -> Option<String> {
            match map.get(key) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                None => None,
                Some(_) => {
                    err(
                        line_of(key),
                        format!("`{key}` must be a non-empty string"),
                        format!("write e.g. `{key}: ...`"),
                    );
                    None
                }
            }
        };
        let (scope, id, kind, parameter, reason) = (
            field("scope"),
            field("id"),
            field("kind"),
            field("parameter"),
            field("reason"),
        );
        for key in map.keys() {
            let name = key.as_str().unwrap_or_default();
            if !KEYS.split(", ").any(|k| k == name) {
                diags.push(
                    Diagnostic::new(
                        path,
                        line_of(name),
                        format!("unknown key `{name}` in an allowlist entry"),
                    )
                    .with_hint(format!("known keys: {KEYS}")),
                );
            }
        }
        let missing = |key: &str, what: &str| {
            Diagnostic::new(path, start, format!("allowlist entry without `{key}`"))
                .with_hint(what.to_string())
        };
        if scope.is_none() {
            diags.push(missing(
                "scope",
                "name the scope of our spec, e.g. `scope: repos`",
            ));
        }
        if id.is_none() {
            diags.push(missing(
                "id",
                "name the method id of our spec, e.g. `id: get`",
            ));
        }
        if reason.is_none() {
            diags.push(missing(
                "reason",
                "say why the difference is intended: every allowed difference needs a reason",
            ));
        }
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        let kind = match kind {
            None => {
                diags.push(missing("kind", &format!("one of: {}", names.join(", "))));
                None
            }
            Some(k) => match Kind::ALL.into_iter().find(|x| x.name() == k) {
                Some(kind) => Some(kind),
                None => {
                    diags.push(
                        Diagnostic::new(
                            path,
                            line_of("kind"),
                            format!("unknown difference kind `{k}`"),
                        )
                        .with_hint(format!("one of: {}", names.join(", "))),
                    );
                    None
                }
            },
        };
        if let Some(kind) = kind {
            if kind.is_parameter() && parameter.is_none() {
                diags.push(missing(
                    "parameter",
                    &format!(
                        "a `{}` entry names the parameter, e.g. `parameter: per_page`",
                        kind.name()
                    ),
                ));
            } else if !kind.is_parameter() && parameter.is_some() {
                diags.push(
                    Diagnostic::new(
                        path,
                        line_of("parameter"),
                        format!("a `{}` entry has no `parameter`", kind.name()),
                    )
                    .with_hint("remove the `parameter:` line"),
                );
            }
        }
        if let (Some(scope), Some(id), Some(kind), Some(reason)) = (scope, id, kind, reason) {
            entries.push(AllowEntry {
                scope,
                id,
                kind,
                parameter,
                reason,
                file: path.to_path_buf(),
                line: start,
            });
        }
    }
    if diags.is_empty() {
        Ok(entries)
    } else {
        Err(diags)
    }
}

/// Splits `differences` into allowed and not; entries that matched nothing are stale.
pub fn apply(differences: Vec<Difference>, entries: Vec<AllowEntry>) -> Report {
    let mut used = vec![false; entries.len()];
    let mut report = Report::default();
    for d in differences {
        match entries.iter().position(|e| e.matches(&d)) {
            Some(i) => {
                used[i] = true;
                report.allowed.push((d, entries[i].reason.clone()));
            }
            None => report.differences.push(d),
        }
    }
    report.stale = entries
        .into_iter()
        .zip(used)
        .filter(|(_, u)| !u)
        .map(|(e, _)| e)
        .collect();
    report
}
