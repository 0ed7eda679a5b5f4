//! `draft-models`: drafts `specs/models/*.yaml` and each spec's `responses:` from GitHub's
//! OpenAPI description, as a starting point for review (the specs stay the source of truth).

mod convert;
mod emit;
#[cfg(test)]
mod evidence_tests;
mod examples;
mod merge;
mod openapi;
mod responses;
mod shape;
mod spec_edit;
#[cfg(test)]
mod tests;

use std::fmt;
use std::path::{Path, PathBuf};

use heck::ToUpperCamelCase;

use crate::diag::{Diagnostic, Diagnostics};
use convert::Converter;
use openapi::Doc;

/// What to draft from where.
#[derive(Debug, Clone, Default)]
pub struct DraftOptions {
    /// OpenAPI descriptions (JSON with `$ref`s). Every description that has a spec's
    /// operation is evidence (schemas and examples); the first names and orders the models.
    pub openapi: Vec<PathBuf>,
    /// A folder of descriptions (`@octokit/openapi`'s `generated/`): its `*.json` files but
    /// the `.deref.json` ones, `api.github.com` first, then `ghec`, then GHES by version;
    /// taken after `openapi`.
    pub openapi_dir: Option<PathBuf>,
    /// The specs directory (`specs/<scope>/<methodId>.md`; models go to `specs/models/`).
    pub specs: PathBuf,
    /// Only these specs (`scope/methodId`); all when empty.
    pub only: Vec<String>,
    /// Report what would be written without writing.
    pub dry_run: bool,
    /// Overwrite drafted model files whose content differs from the draft (files without
    /// the `# Drafted by …` first line are hand-written and always kept).
    pub force: bool,
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Written,
    /// `--dry-run`: would have been written.
    WouldWrite,
    /// Already exactly as drafted.
    Unchanged,
    /// Exists with other content (a model without `--force`, a spec with `responses:`).
    Kept,
    /// No OpenAPI operation (or no responses) found for the spec.
    Skipped,
}

/// One file the converter looked at.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub action: Action,
    /// For specs the drafted `responses:` on one line; for models where they came from.
    pub detail: String,
}

/// Everything `draft-models` did, for printing.
#[derive(Debug, Clone, Default)]
pub struct DraftReport {
    pub specs: Vec<Entry>,
    pub models: Vec<Entry>,
    /// Places where the draft lost information (review these).
    pub notes: Vec<String>,
}

impl DraftReport {
    /// Model files written (or that would be with `--dry-run`).
    pub fn models_written(&self) -> usize {
        count(&self.models, &[Action::Written, Action::WouldWrite])
    }
}

fn count(entries: &[Entry], actions: &[Action]) -> usize {
    entries
        .iter()
        .filter(|e| actions.contains(&e.action))
        .count()
}

impl fmt::Display for DraftReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in self.specs.iter().chain(&self.models) {
            let verb = match e.action {
                Action::Written => "wrote",
                Action::WouldWrite => "would write",
                Action::Unchanged => "unchanged",
                Action::Kept => "kept",
                Action::Skipped => "skipped",
            };
            writeln!(f, "{verb:>11} {} ({})", e.path.display(), e.detail)?;
        }
        for n in &self.notes {
            writeln!(f, "    note: {n}")?;
        }
        let all = [Action::Written, Action::WouldWrite];
        writeln!(
            f,
            "specs: {} given responses, {} kept, {} skipped; models: {} drafted, {} unchanged, {} kept",
            count(&self.specs, &all),
            count(&self.specs, &[Action::Kept, Action::Unchanged]),
            count(&self.specs, &[Action::Skipped]),
            count(&self.models, &all),
            count(&self.models, &[Action::Unchanged]),
            count(&self.models, &[Action::Kept]),
        )
    }
}

/// One spec file found in the specs directory.
struct SpecPath {
    path: PathBuf,
    scope: String,
    method_id: String,
}

/// Drafts responses and models; writes nothing when any problem is found.
pub fn draft(opts: &DraftOptions) -> Result<DraftReport, Diagnostics> {
    let mut diags = Diagnostics::default();
    let mut docs = Vec::new();
    let mut paths = opts.openapi.clone();
    if let Some(dir) = &opts.openapi_dir {
        match descriptions_in(dir) {
            Ok(found) => paths.extend(found.into_iter().filter(|p| !opts.openapi.contains(p))),
            Err(d) => diags.push(d),
        }
    }
    for path in &paths {
        match Doc::load(path) {
            Ok(doc) => docs.push(doc),
            Err(d) => diags.push(d),
        }
    }
    if opts.openapi.is_empty() && opts.openapi_dir.is_none() {
        diags.push(
            Diagnostic::new("<command line>", 0, "no OpenAPI description given").with_hint(
                "pass `--openapi-dir tests/fidelity/node_modules/@octokit/openapi/generated`",
            ),
        );
    }
    let specs = list_specs(&opts.specs, &opts.only, &mut diags);
    if !diags.is_empty() {
        return Err(diags);
    }
    let models_dir = opts.specs.join("models");
    let mut conv = Converter::new(&docs);
    conv.reserve(existing_models(&models_dir));
    let mut report = DraftReport::default();
    let mut edits: Vec<(PathBuf, String)> = Vec::new();
    for spec in &specs {
        let text = match std::fs::read_to_string(&spec.path) {
            Ok(t) => t,
            Err(e) => {
                diags.push(Diagnostic::new(&spec.path, 0, format!("cannot read: {e}")));
                continue;
            }
        };
        let Some(head) = spec_edit::head(&text) else {
            diags.push(Diagnostic::new(&spec.path, 1, "no front-matter").with_hint(
                "a spec starts with a `---` line and closes its front-matter with another",
            ));
            continue;
        };
        let Some(route) = head.route.as_deref() else {
            diags.push(
                Diagnostic::new(&spec.path, 1, "the front-matter has no `route:`")
                    .with_hint("add `route: METHOD /path`"),
            );
            continue;
        };
        let found: Vec<(usize, &serde_json::Value)> = docs
            .iter()
            .enumerate()
            .filter_map(|(i, doc)| Some((i, doc.operation(route, &spec.scope, &spec.method_id)?)))
            .collect();
        let Some(&(d, op)) = found.first() else {
            report.specs.push(Entry {
                path: spec.path.clone(),
                action: Action::Skipped,
                detail: format!("no OpenAPI operation for `{route}`: declare `responses:` by hand"),
            });
            continue;
        };
        let method = route.split_whitespace().next().unwrap_or("");
        let origin = format!(
            "the 2xx response of {}",
            op["operationId"].as_str().unwrap_or("an operation")
        );
        let body_name = inline_body_name(&conv, &spec.scope, &spec.method_id, &origin);
        let declared = responses::declare(&mut conv, &docs, d, op, method, &body_name);
        let id = op["operationId"].as_str().unwrap_or("?");
        // The other descriptions with this operation: their schemas and examples are merged
        // into the same models; the statuses declared are the first's.
        for &(d2, op2) in &found[1..] {
            let other = responses::declare(&mut conv, &docs, d2, op2, method, &body_name);
            let statuses = |r: &[(u16, Option<convert::Typed>)]| -> Vec<u16> {
                r.iter().map(|(s, _)| *s).collect()
            };
            if statuses(&other) != statuses(&declared) {
                conv.note(format!(
                    "{id}: {} answers {:?}, {} {:?}; declared the first's",
                    docs[d].platform(),
                    statuses(&declared),
                    docs[d2].platform(),
                    statuses(&other)
                ));
            }
        }
        let from = match found.len() {
            1 => docs[d].platform(),
            n => format!("{} and {} more", docs[d].platform(), n - 1),
        };
        if declared.is_empty() {
            report.specs.push(Entry {
                path: spec.path.clone(),
                action: Action::Skipped,
                detail: format!("{id} ({from}) documents no 2xx response"),
            });
            continue;
        }
        let block = emit::responses_block(&declared);
        let summary = block
            .lines()
            .skip(1)
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(", ");
        let detail = format!("{id} ({from}): {summary}");
        let action = if head.has_responses {
            Action::Kept
        } else if let Some(new) = spec_edit::insert_responses(&text, &block) {
            edits.push((spec.path.clone(), new));
            if opts.dry_run {
                Action::WouldWrite
            } else {
                Action::Written
            }
        } else {
            Action::Skipped
        };
        report.specs.push(Entry {
            path: spec.path.clone(),
            action,
            detail,
        });
    }
    conv.finish();
    for (name, drafted) in &conv.models {
        let path = models_dir.join(format!("{name}.yaml"));
        let content = emit::model_file(drafted);
        let action = match std::fs::read_to_string(&path) {
            Ok(old) if old == content => Action::Unchanged,
            // A file without the drafted-from line is written by hand: never replaced.
            Ok(old) if !opts.force || emit::origin_of(&old).is_none() => Action::Kept,
            _ => {
                edits.push((path.clone(), content));
                if opts.dry_run {
                    Action::WouldWrite
                } else {
                    Action::Written
                }
            }
        };
        report.models.push(Entry {
            path,
            action,
            detail: drafted.origin.clone(),
        });
    }
    report.notes = conv.notes.iter().cloned().collect();
    if !diags.is_empty() {
        return Err(diags);
    }
    if !opts.dry_run {
        write_all(&models_dir, edits)?;
    }
    Ok(report)
}

/// The descriptions in a folder: `*.json` but `*.deref.json`, `api.github.com` first, then
/// `ghec`, then the rest (GHES) by version.
pub fn descriptions_in(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Diagnostic::new(dir, 0, format!("cannot read the OpenAPI folder: {e}"))
            .with_hint("`npm ci --prefix tests/fidelity` installs `@octokit/openapi`")
    })?;
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".deref.json")
        })
        .collect();
    if out.is_empty() {
        return Err(
            Diagnostic::new(dir, 0, "no `*.json` OpenAPI description in this folder")
                .with_hint("pass `@octokit/openapi`'s `generated/` folder"),
        );
    }
    out.sort_by_key(|p| {
        let name = p
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rank = match name.as_str() {
            "api.github.com" => 0,
            "ghec" => 1,
            _ => 2,
        };
        let version: Vec<u32> = name
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        (rank, version, name)
    });
    Ok(out)
}

/// `ListForRepoResponse`, or `IssuesListForRepoResponse` when that name is taken.
fn inline_body_name(conv: &Converter, scope: &str, method_id: &str, origin: &str) -> String {
    let short = format!("{}Response", method_id.to_upper_camel_case());
    if conv.is_free(&short, origin) {
        short
    } else {
        format!("{}{short}", scope.to_upper_camel_case())
    }
}

/// `(name, drafted from)` of every `*.yaml` in the models directory (none when absent).
fn existing_models(dir: &Path) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((name, emit::origin_of(&text)));
        }
    }
    out
}

fn write_all(models_dir: &Path, edits: Vec<(PathBuf, String)>) -> Result<(), Diagnostics> {
    let mut diags = Diagnostics::default();
    if edits.iter().any(|(p, _)| p.starts_with(models_dir)) {
        if let Err(e) = std::fs::create_dir_all(models_dir) {
            return Err(Diagnostic::new(models_dir, 0, format!("cannot create: {e}")).into());
        }
    }
    for (path, content) in edits {
        if let Err(e) = std::fs::write(&path, content) {
            diags.push(Diagnostic::new(&path, 0, format!("cannot write: {e}")));
        }
    }
    if diags.is_empty() {
        Ok(())
    } else {
        Err(diags)
    }
}

/// `specs/<scope>/<methodId>.md`, sorted, filtered by `only` (each entry must match).
fn list_specs(dir: &Path, only: &[String], diags: &mut Diagnostics) -> Vec<SpecPath> {
    let mut out = Vec::new();
    let scopes = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) => {
            diags.push(Diagnostic::new(
                dir,
                0,
                format!("cannot read the specs directory: {e}"),
            ));
            return out;
        }
    };
    for scope in scopes.flatten() {
        let scope_path = scope.path();
        let scope_name = scope.file_name().to_string_lossy().into_owned();
        if !scope_path.is_dir() || scope_name == "models" {
            continue;
        }
        for file in std::fs::read_dir(&scope_path)
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "md") {
                let method_id = path
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                out.push(SpecPath {
                    path,
                    scope: scope_name.clone(),
                    method_id,
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    for o in only {
        if !out
            .iter()
            .any(|s| &format!("{}/{}", s.scope, s.method_id) == o)
        {
            diags.push(
                Diagnostic::new(dir, 0, format!("`--only {o}`: no such spec"))
                    .with_hint("name specs as `scope/methodId`, e.g. `repos/get`"),
            );
        }
    }
    if !only.is_empty() {
        out.retain(|s| only.contains(&format!("{}/{}", s.scope, s.method_id)));
    }
    out
}
