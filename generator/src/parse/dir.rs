//! Walks `<dir>/<scope>/<methodId>.md`, reads each file once and parses the files on all
//! cores, returning them sorted by (scope, method id) or every problem in every file.

use std::path::{Path, PathBuf};

use super::{parse_spec, SpecFile};
use crate::diag::{Diagnostic, Diagnostics};

/// The folder below the spec directory that holds model files, not endpoint specs.
pub const MODELS_DIR: &str = "models";

/// See [`super::parse_dir`].
pub(crate) fn parse_dir(dir: &Path) -> Result<Vec<SpecFile>, Diagnostics> {
    let mut diags = Diagnostics::default();
    let files = list_files(dir, &mut diags);
    let results = parse_all(&files);
    let mut specs = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(spec) => specs.push(spec),
            Err(d) => diags.extend(d),
        }
    }
    if diags.is_empty() {
        Ok(specs)
    } else {
        Err(diags)
    }
}

/// Spec files sorted by (scope folder, file name); unreadable folders are reported.
fn list_files(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut scopes = match sorted_entries(dir) {
        Ok(entries) => entries,
        Err(e) => {
            diags.push(
                Diagnostic::new(dir, 0, format!("cannot read spec directory: {e}"))
                    .with_hint("pass the folder that holds one sub-folder per scope"),
            );
            return Vec::new();
        }
    };
    // Hidden folders (`.git`, editor state) are not scopes; `models/` holds response models.
    scopes.retain(|p| {
        p.is_dir()
            && !p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with('.') || n == MODELS_DIR
            })
    });
    let mut files = Vec::new();
    for scope in scopes {
        match sorted_entries(&scope) {
            Ok(entries) => files.extend(
                entries
                    .into_iter()
                    .filter(|p| p.extension().is_some_and(|e| e == "md") && p.is_file()),
            ),
            Err(e) => diags.push(
                Diagnostic::new(scope, 0, format!("cannot read scope folder: {e}"))
                    .with_hint("check the folder's permissions"),
            ),
        }
    }
    files
}

/// Entries of a folder, sorted by name (stems sort before longer names sharing a prefix).
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort_by(|a, b| a.file_stem().cmp(&b.file_stem()).then_with(|| a.cmp(b)));
    Ok(entries)
}

/// Reads and parses the files, in order, on up to `available_parallelism` threads.
fn parse_all(files: &[PathBuf]) -> Vec<Result<SpecFile, Diagnostics>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(|p| read_and_parse(p)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .zip(files.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|p| {
                            Err(Diagnostic::new(p, 0, "internal error: the parser panicked")
                                .with_hint("please report this file as a parser bug")
                                .into())
                        })
                        .collect()
                })
            })
            .collect()
    })
}

/// Parses spec texts already in memory (`changes` reads a git revision that way), on up to
/// `available_parallelism` threads; every problem of every file is reported.
pub(crate) fn parse_texts(files: &[(PathBuf, String)]) -> Result<Vec<SpecFile>, Diagnostics> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = files.len().div_ceil(threads).max(1);
    let results: Vec<Result<SpecFile, Diagnostics>> = std::thread::scope(|s| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(p, t)| parse_spec(p, t))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join().unwrap_or_else(|_| {
                    vec![Err(Diagnostic::new(
                        "",
                        0,
                        "internal error: the parser panicked",
                    )
                    .into())]
                })
            })
            .collect()
    });
    let mut diags = Diagnostics::default();
    let mut specs = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(spec) => specs.push(spec),
            Err(d) => diags.extend(d),
        }
    }
    if diags.is_empty() {
        Ok(specs)
    } else {
        Err(diags)
    }
}

/// Reads one file; I/O and UTF-8 problems become diagnostics.
fn read_and_parse(path: &Path) -> Result<SpecFile, Diagnostics> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::new(path, 0, format!("cannot read spec file: {e}"))
            .with_hint("check the file's permissions")
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        Diagnostic::new(path, line, "spec file is not valid UTF-8").with_hint(format!(
            "re-save the file as UTF-8 (first invalid byte at offset {valid})"
        ))
    })?;
    parse_spec(path, &text)
}

/// The error for a folder that holds no spec file, with a hint for the likely mistake:
/// a scope folder (`specs/repos`) passed instead of its parent, or an empty/wrong folder.
pub(crate) fn no_specs(dir: &Path) -> Diagnostic {
    let direct_md = sorted_entries(dir).is_ok_and(|entries| {
        entries
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "md") && p.is_file())
    });
    let message = format!("no spec files in `{}`", dir.display());
    if direct_md {
        let parent = dir.parent().map_or(".".into(), |p| p.display().to_string());
        Diagnostic::new(dir, 0, format!("{message}: it looks like a scope folder"))
            .with_hint(format!("pass the folder above it (`--specs {parent}`): specs are read from `<specs>/<scope>/<methodId>.md`"))
    } else {
        Diagnostic::new(dir, 0, message).with_hint(
            "pass the folder holding one sub-folder per scope, each with `<methodId>.md` files",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = "---\nname: Get a thing\nexample: x\nroute: GET /things/{id}\nscope: SCOPE\ntype: API method\n---\n\n# Get a thing\n\nGets it.\n\n```js\nx();\n```\n\n## Parameters\n\n<table>\n  <thead>\n    <tr><th>name</th><th>required</th><th>description</th></tr>\n  </thead>\n  <tbody>\n<tr><td>id</td><td>yes</td><td>\n\nThe id.\n\n</td></tr>\n  </tbody>\n</table>\n\nSee also: [docs](https://example.com/x).\n";

    fn write(dir: &Path, scope: &str, file: &str, content: &[u8]) {
        let folder = dir.join(scope);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join(file), content).unwrap();
    }

    #[test]
    fn parses_sorted_and_ignores_other_files() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        write(
            d,
            "beta",
            "zed.md",
            SPEC.replace("SCOPE", "beta").as_bytes(),
        );
        write(
            d,
            "beta",
            "get.md",
            SPEC.replace("SCOPE", "beta").as_bytes(),
        );
        write(
            d,
            "alpha",
            "get.md",
            SPEC.replace("SCOPE", "alpha").as_bytes(),
        );
        write(d, "alpha", "notes.txt", b"ignored");
        std::fs::write(d.join("README.md"), "top-level files are ignored").unwrap();
        write(d, ".hidden", "get.md", b"not a spec");
        write(d, "models", "get.md", b"models/ is not a scope");
        let specs = parse_dir(d).unwrap();
        let ids: Vec<_> = specs
            .iter()
            .map(|s| format!("{}.{}", s.scope, s.method_id))
            .collect();
        assert_eq!(ids, ["alpha.get", "beta.get", "beta.zed"]);
        assert_eq!(specs[0].params[0].line, 24);
    }

    #[test]
    fn collects_errors_from_all_files() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        write(d, "alpha", "empty.md", b"");
        write(d, "alpha", "latin1.md", b"---\nname: caf\xe9\n---\n");
        write(
            d,
            "alpha",
            "wrongScope.md",
            SPEC.replace("SCOPE", "beta").as_bytes(),
        );
        let err = parse_dir(d).unwrap_err();
        let got: Vec<_> = err
            .0
            .iter()
            .map(|e| {
                (
                    e.file.file_name().unwrap().to_str().unwrap(),
                    e.line,
                    e.message.as_str(),
                )
            })
            .collect();
        assert_eq!(got[0], ("empty.md", 0, "spec file is empty"));
        assert_eq!(got[1], ("latin1.md", 2, "spec file is not valid UTF-8"));
        assert_eq!(got[2].0, "wrongScope.md");
        assert_eq!(got[2].1, 5);
        assert!(
            got[2].2.contains("does not match the folder `alpha`"),
            "{}",
            got[2].2
        );
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn missing_dir_is_a_diagnostic() {
        let err = parse_dir(Path::new("/definitely/not/here")).unwrap_err();
        assert!(err.0[0].message.starts_with("cannot read spec directory"));
    }
}
