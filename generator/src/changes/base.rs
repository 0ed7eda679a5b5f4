//! The base tree of `changes --base`: a specs folder as it is, or a git revision's copy of the
//! specs folder read into memory from `git archive` (nothing is written, the work tree untouched).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Api;
use crate::package::{Overrides, Package};

/// Where the base tree is.
pub(super) enum BaseTree {
    Dir(PathBuf),
    /// The files under the specs folder of a revision, by path relative to it, and the
    /// label their paths are reported under (`HEAD~1:specs`).
    Git {
        label: String,
        files: Vec<(String, String)>,
    },
}

/// A folder when `base` is one; otherwise a git revision of the repository holding `specs`.
pub(super) fn resolve(base: &str, specs: &Path) -> Result<BaseTree, Diagnostics> {
    if Path::new(base).is_dir() {
        return Ok(BaseTree::Dir(PathBuf::from(base)));
    }
    let fail = |message: String| -> Diagnostics {
        Diagnostic::new(specs, 0, message)
            .with_hint("--base takes a specs folder or a git revision (`HEAD~1`, a tag, a branch)")
            .into()
    };
    let git = |args: &[&str]| -> Result<Vec<u8>, Diagnostics> {
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
        Ok(out.stdout)
    };
    let line = |bytes: Vec<u8>| String::from_utf8_lossy(&bytes).trim().to_owned();
    let commit = line(git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{base}^{{commit}}"),
    ])?);
    let prefix = line(git(&["rev-parse", "--show-prefix"])?);
    let prefix = prefix.trim_end_matches('/');
    // From a subfolder, `git archive` takes that folder and names its files relative to it.
    let tar = git(&["archive", "--format=tar", &commit, "--", "."])?;
    let mut files = Vec::new();
    for (path, bytes) in super::tar::files(&tar).map_err(|e| fail(format!("`{base}`: {e}")))? {
        match String::from_utf8(bytes) {
            Ok(text) => files.push((path, text)),
            Err(_) if path.ends_with(".md") || path.ends_with(".yaml") => {
                return Err(fail(format!("`{base}:{prefix}/{path}` is not valid UTF-8")))
            }
            Err(_) => {}
        }
    }
    if files.is_empty() {
        return Err(fail(format!("`{base}` has no files under `{prefix}`")));
    }
    let label = if prefix.is_empty() {
        format!("{base}:")
    } else {
        format!("{base}:{prefix}")
    };
    Ok(BaseTree::Git { label, files })
}

impl BaseTree {
    /// The API and package of the tree (spec files parsed on all cores).
    pub(super) fn load(&self) -> Result<(Api, Package), Diagnostics> {
        let files = match self {
            BaseTree::Dir(dir) => return super::load(dir),
            BaseTree::Git { files, .. } => files,
        };
        let label = match self {
            BaseTree::Git { label, .. } => label.as_str(),
            BaseTree::Dir(_) => "",
        };
        let at = |rel: &str| {
            if label.ends_with(':') {
                PathBuf::from(format!("{label}{rel}"))
            } else {
                PathBuf::from(format!("{label}/{rel}"))
            }
        };
        let mut specs = Vec::new();
        let mut models = Vec::new();
        let mut package = None;
        for (rel, text) in files {
            let parts: Vec<&str> = rel.split('/').collect();
            match parts.as_slice() {
                ["crate.yaml"] => package = Some(text.as_str()),
                [dir, _] if *dir == crate::parse::MODELS_DIR => {
                    models.push((at(rel), text.clone()))
                }
                [scope, file] if !scope.starts_with('.') && file.ends_with(".md") => {
                    specs.push(((*scope).to_owned(), at(rel), text.clone()));
                }
                _ => {}
            }
        }
        // The order `parse_dir` and `read_models` use: by scope, then file.
        specs.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        models.sort_by(|a, b| a.0.cmp(&b.0));
        let specs: Vec<(PathBuf, String)> = specs.into_iter().map(|(_, p, t)| (p, t)).collect();
        let parsed = crate::parse::parse_texts(&specs);
        let models = crate::schema::models_from_texts(&models);
        let package = Package::from_text(&at("crate.yaml"), package, &Overrides::default());
        let mut diags = Diagnostics::default();
        let api = match (parsed, models) {
            (Ok(specs), Ok(models)) => crate::model::build_api_with_models(&specs, &models)
                .map_err(|d| diags.extend(d))
                .ok(),
            (specs, models) => {
                diags.extend(specs.err().unwrap_or_default());
                diags.extend(models.err().unwrap_or_default());
                None
            }
        };
        let package = package.map_err(|d| diags.extend(d)).ok();
        match (api, package) {
            (Some(api), Some(package)) if diags.is_empty() => Ok((api, package)),
            _ => Err(diags),
        }
    }
}
