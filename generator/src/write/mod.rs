//! Stage 4: write the generated crate atomically, rewriting only files whose content changed,
//! and compare an output directory with what would be generated (`check`).

mod diff;
mod txn;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::codegen::{GeneratedFile, MARKER_TEXT};
use crate::diag::{Diagnostic, Diagnostics};

pub use diff::unified_diff;

/// How an output directory differs from the generated files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files to create or overwrite (relative path, new contents).
    pub write: Vec<GeneratedFile>,
    /// Stale generated files to delete (relative paths; each carries the marker).
    pub delete: Vec<PathBuf>,
    /// Current contents of files in `write` that exist (for diffs).
    pub old: BTreeMap<PathBuf, String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.write.is_empty() && self.delete.is_empty()
    }

    /// Number of files created, changed or deleted.
    pub fn len(&self) -> usize {
        self.write.len() + self.delete.len()
    }

    /// A short unified diff of every change, readable in a terminal.
    pub fn diff(&self) -> String {
        let mut out = String::new();
        for f in &self.write {
            let old = self.old.get(&f.path).map(String::as_str).unwrap_or("");
            out.push_str(&unified_diff(&f.path, old, &f.contents));
        }
        for p in &self.delete {
            out.push_str(&format!(
                "stale generated file (would be deleted): {}\n",
                p.display()
            ));
        }
        out
    }
}

fn io_error(path: &Path, what: &str, err: std::io::Error) -> Diagnostics {
    Diagnostic::new(path, 0, format!("could not {what}: {err}")).into()
}

/// Every file below `dir` (relative paths), skipping `target/` and hidden entries.
fn existing_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let abs = dir.join(&rel);
        let entries = fs::read_dir(&abs).map_err(|e| io_error(&abs, "read directory", e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&abs, "read directory", e))?;
            let name = entry.file_name();
            let name_text = name.to_string_lossy();
            if name_text.starts_with('.') || (rel.as_os_str().is_empty() && name_text == "target") {
                continue;
            }
            let kind = entry
                .file_type()
                .map_err(|e| io_error(&entry.path(), "stat", e))?;
            if kind.is_dir() {
                stack.push(rel.join(&name));
            } else if kind.is_file() {
                out.push(rel.join(&name));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Compare `out` with `files`. Refuses a non-empty directory that is not a generated crate.
pub fn plan(out: &Path, files: &[GeneratedFile]) -> Result<Plan, Diagnostics> {
    let mut plan = Plan::default();
    if !out.exists() {
        plan.write = files.to_vec();
        return Ok(plan);
    }
    let existing = existing_files(out)?;
    let manifest = out.join("Cargo.toml");
    if !existing.is_empty() {
        let ours = fs::read_to_string(&manifest).is_ok_and(|t| t.contains(MARKER_TEXT));
        if !ours {
            return Err(Diagnostic::new(&manifest, 0, "the output directory is not a generated crate")
                .with_hint("pass an empty or new directory, or one written by client-generator (its Cargo.toml carries the `@generated` marker)")
                .into());
        }
    }
    for f in files {
        let path = out.join(&f.path);
        match fs::read(&path) {
            Ok(bytes) if bytes == f.contents.as_bytes() => {}
            Ok(bytes) if hand_edited(&f.path, &bytes) => {
                return Err(Diagnostic::new(&path, 0, "the generated Cargo.toml was edited by hand; regenerating would lose the edit")
                    .with_hint("move the change into specs/crate.yaml (see the README's \"crate.yaml\" section) and undo it here, or delete the file's `# content-hash:` line to let it be overwritten")
                    .into());
            }
            Ok(bytes) => {
                plan.old
                    .insert(f.path.clone(), String::from_utf8_lossy(&bytes).into_owned());
                plan.write.push(f.clone());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => plan.write.push(f.clone()),
            Err(e) => return Err(io_error(&path, "read", e)),
        }
    }
    for rel in existing {
        if files.iter().any(|f| f.path == rel) {
            continue;
        }
        let path = out.join(&rel);
        // Only files carrying the marker are ours to delete; anything else is left alone.
        if fs::read_to_string(&path).is_ok_and(|t| t.contains(MARKER_TEXT)) {
            plan.delete.push(rel);
        }
    }
    Ok(plan)
}

/// The generated `Cargo.toml` whose content no longer matches its hash line.
fn hand_edited(rel: &Path, bytes: &[u8]) -> bool {
    rel == Path::new("Cargo.toml")
        && std::str::from_utf8(bytes).is_ok_and(crate::codegen::hand_edited)
}

/// One file operation of [`apply_with`], passed to its hook just before it happens.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// Writing the new contents of this target to a temporary file beside it.
    Stage(&'a Path),
    /// Renaming the staged file onto this target.
    Replace(&'a Path),
    /// Removing this stale generated file.
    Delete(&'a Path),
}

/// Apply a plan, all or nothing: every new file is first written to a temporary file beside
/// its target; only when all are written are they renamed into place (then stale files are
/// deleted). On any error every change is undone: `out` is left exactly as it was.
pub fn apply(out: &Path, plan: &Plan) -> Result<(), Diagnostics> {
    apply_with(out, plan, &mut |_| Ok(()))
}

/// [`apply`], calling `hook` before each file operation; an error from the hook counts as that
/// operation failing (fault injection for tests).
pub fn apply_with(
    out: &Path,
    plan: &Plan,
    hook: &mut dyn FnMut(Step<'_>) -> std::io::Result<()>,
) -> Result<(), Diagnostics> {
    for f in &plan.write {
        if let Some(other) = plan
            .write
            .iter()
            .find(|o| o.path != f.path && o.path.starts_with(&f.path))
        {
            let msg = format!(
                "`{}` would be both a file and a directory",
                f.path.display()
            );
            return Err(Diagnostic::new(out.join(&other.path), 0, msg).into());
        }
    }
    let mut txn = txn::Transaction::new(out);
    match txn.run(plan, hook) {
        Ok(()) => {
            txn.commit();
            Ok(())
        }
        Err(e) => {
            txn.rollback();
            Err(e)
        }
    }
}

/// Write `files` into `out`, touching only what changed. Returns the applied plan.
pub fn generate(out: &Path, files: &[GeneratedFile]) -> Result<Plan, Diagnostics> {
    let plan = plan(out, files)?;
    if !plan.is_empty() {
        apply(out, &plan)?;
    }
    Ok(plan)
}

/// Compare `out` with `files` without writing: `Ok(plan)` where an empty plan means in step.
pub fn check(out: &Path, files: &[GeneratedFile]) -> Result<Plan, Diagnostics> {
    plan(out, files)
}

#[cfg(test)]
mod tests;
