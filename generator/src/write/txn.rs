//! All-or-nothing application of a [`Plan`]: new contents are staged in temporary files beside
//! their targets, then renamed into place; every replaced or deleted file keeps a hidden backup
//! (a hard link) until the end, so any failure can be undone and the output directory is left
//! exactly as it was — including folders that did not exist before.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use super::{io_error, Plan, Step};
use crate::diag::Diagnostics;

const BACKUP_PREFIX: &str = ".client-generator-backup-";

/// What has been changed so far, to undo on failure.
pub(super) struct Transaction<'a> {
    out: &'a Path,
    /// Folders that did not exist, outermost first.
    created_dirs: Vec<PathBuf>,
    /// Files replaced, created or deleted, with the backup of the previous file (if any).
    done: Vec<(PathBuf, Option<PathBuf>)>,
}

impl<'a> Transaction<'a> {
    pub(super) fn new(out: &'a Path) -> Self {
        Transaction {
            out,
            created_dirs: Vec::new(),
            done: Vec::new(),
        }
    }

    /// Applies the plan; on error the caller must [`rollback`](Self::rollback).
    pub(super) fn run(
        &mut self,
        plan: &Plan,
        hook: &mut dyn FnMut(Step<'_>) -> io::Result<()>,
    ) -> Result<(), Diagnostics> {
        let mut staged = Vec::new();
        for f in &plan.write {
            let target = self.out.join(&f.path);
            let dir = target.parent().unwrap_or(self.out).to_path_buf();
            hook(Step::Stage(&target)).map_err(|e| io_error(&target, "write", e))?;
            self.create_dir_all(&dir)?;
            let mut tmp = tempfile::Builder::new()
                .prefix(".client-generator-")
                .tempfile_in(&dir)
                .map_err(|e| io_error(&dir, "create a temporary file", e))?;
            tmp.write_all(f.contents.as_bytes())
                .and_then(|()| tmp.flush())
                .map_err(|e| io_error(&target, "write", e))?;
            staged.push((tmp, target));
        }
        for (tmp, target) in staged {
            hook(Step::Replace(&target)).map_err(|e| io_error(&target, "replace", e))?;
            let backup = backup(&target)?;
            match tmp.persist(&target) {
                Ok(_) => self.done.push((target, backup)),
                Err(e) => {
                    if let Some(b) = backup {
                        let _ = fs::remove_file(b);
                    }
                    return Err(io_error(&target, "replace", e.error));
                }
            }
        }
        for rel in &plan.delete {
            let path = self.out.join(rel);
            hook(Step::Delete(&path)).map_err(|e| io_error(&path, "delete stale file", e))?;
            let kept = backup_path(&path);
            fs::rename(&path, &kept).map_err(|e| io_error(&path, "delete stale file", e))?;
            self.done.push((path, Some(kept)));
        }
        Ok(())
    }

    /// Success: drops the backups (a leftover one is hidden and ignored by later runs).
    pub(super) fn commit(self) {
        for (_, backup) in self.done {
            if let Some(b) = backup {
                let _ = fs::remove_file(b);
            }
        }
    }

    /// Failure: puts every previous file back, removes new ones and new folders.
    pub(super) fn rollback(self) {
        for (target, backup) in self.done.into_iter().rev() {
            let _ = match backup {
                Some(b) => fs::rename(b, &target),
                None => fs::remove_file(&target),
            };
        }
        for dir in self.created_dirs.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }

    /// `fs::create_dir_all`, remembering which folders it creates.
    fn create_dir_all(&mut self, dir: &Path) -> Result<(), Diagnostics> {
        let mut missing = Vec::new();
        let mut p = Some(dir);
        while let Some(d) = p.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            missing.push(d.to_path_buf());
            p = d.parent();
        }
        self.created_dirs.extend(missing.into_iter().rev());
        fs::create_dir_all(dir).map_err(|e| io_error(dir, "create directory", e))
    }
}

/// A hidden sibling name for the backup of `path`.
fn backup_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{BACKUP_PREFIX}{}-{name}", std::process::id()))
}

/// Keeps the current file at `target` (if it is a file) under a backup name; the file itself
/// stays in place until it is replaced.
fn backup(target: &Path) -> Result<Option<PathBuf>, Diagnostics> {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.is_file() => {}
        _ => return Ok(None),
    }
    let kept = backup_path(target);
    let _ = fs::remove_file(&kept);
    fs::hard_link(target, &kept)
        .or_else(|_| fs::copy(target, &kept).map(drop))
        .map_err(|e| io_error(target, "back up", e))?;
    Ok(Some(kept))
}
