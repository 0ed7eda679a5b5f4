//! The base tree of `changes --base`: a specs folder as it is, or a git revision's copy of the
//! specs folder extracted with `git archive` into a temporary folder (the work tree is untouched).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::diag::{Diagnostic, Diagnostics};

/// The base specs folder, and the temporary folder holding it when it came from git.
pub(super) struct BaseTree {
    pub dir: PathBuf,
    /// `(rev, temp root)` for a git revision; dropping it removes the copy.
    git: Option<(String, tempfile::TempDir)>,
}

impl BaseTree {
    /// A base path as people read it: `REV:specs/issues/create.md` for a git revision.
    pub fn label_path(&self, path: &Path) -> String {
        match &self.git {
            Some((rev, root)) => match path.strip_prefix(root.path()) {
                Ok(rel) => format!("{rev}:{}", rel.display()),
                Err(_) => path.display().to_string(),
            },
            None => path.display().to_string(),
        }
    }
}

/// A folder when `base` is one; otherwise a git revision of the repository holding `specs`.
pub(super) fn resolve(base: &str, specs: &Path) -> Result<BaseTree, Diagnostics> {
    let as_dir = Path::new(base);
    if as_dir.is_dir() {
        return Ok(BaseTree {
            dir: as_dir.to_path_buf(),
            git: None,
        });
    }
    let fail = |message: String| -> Diagnostics {
        Diagnostic::new(specs, 0, message)
            .with_hint("--base takes a specs folder or a git revision (`HEAD~1`, a tag, a branch)")
            .into()
    };
    let git = |args: &[&str]| -> Result<String, Diagnostics> {
        let out = Command::new("git")
            .arg("-C")
            .arg(specs)
            .args(args)
            .output()
            .map_err(|e| fail(format!("cannot run git: {e}")))?;
        if !out.status.success() {
            let said = String::from_utf8_lossy(&out.stderr).trim().to_owned();
            return Err(fail(if said.is_empty() {
                format!("`{base}` is neither a folder nor a revision git knows")
            } else {
                format!("`{base}` is not a folder, and git says: {said}")
            }));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    };
    let commit = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{base}^{{commit}}"),
    ])?;
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    let prefix = git(&["rev-parse", "--show-prefix"])?;
    let prefix = prefix.trim_end_matches('/');
    let temp = tempfile::Builder::new()
        .prefix("changes-base-")
        .tempdir()
        .map_err(|e| fail(format!("cannot create a temporary folder: {e}")))?;
    extract(&top, &commit, prefix, temp.path()).map_err(|e| fail(format!("`{base}`: {e}")))?;
    let dir = if prefix.is_empty() {
        temp.path().to_path_buf()
    } else {
        temp.path().join(prefix)
    };
    if !dir.is_dir() {
        return Err(fail(format!("`{base}` has no `{prefix}` folder")));
    }
    Ok(BaseTree {
        dir,
        git: Some((base.to_owned(), temp)),
    })
}

/// `git archive COMMIT -- PREFIX | tar -x -C DEST`.
fn extract(top: &Path, commit: &str, prefix: &str, dest: &Path) -> Result<(), String> {
    let mut archive = Command::new("git");
    archive
        .arg("-C")
        .arg(top)
        .args(["archive", "--format=tar", commit]);
    if !prefix.is_empty() {
        archive.args(["--", prefix]);
    }
    let mut archive = archive
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git archive: {e}"))?;
    let stdout = archive.stdout.take().ok_or("git archive gave no output")?;
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(dest)
        .stdin(stdout)
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run tar: {e}"))?;
    let archived = archive
        .wait_with_output()
        .map_err(|e| format!("git archive: {e}"))?;
    if !archived.status.success() {
        return Err(format!(
            "git archive: {}",
            String::from_utf8_lossy(&archived.stderr).trim()
        ));
    }
    if !tar.status.success() {
        return Err(format!(
            "tar: {}",
            String::from_utf8_lossy(&tar.stderr).trim()
        ));
    }
    Ok(())
}
