//! The hostile-spec catalogue under `tests/hostile-specs/`: one folder per case holding
//! `<scope>/<methodId>.md` spec files and an `expect.txt`.
//!
//! `expect.txt` lines (blank lines are ignored):
//! - `# …` — what the case is about;
//! - `<scope>/<file>.md:<line>: <message fragment>` — one expected diagnostic (line 0: the
//!   whole file); the case must produce exactly these diagnostics, in any order;
//! - `valid` — the spec is valid (possibly odd) and must generate a crate;
//! - `doc-only: <text>` — (valid cases) `<text>` may appear in the generated code only inside
//!   doc attributes, never as code.
//!
//! Plain `std` only: the generator's own integration tests include this file by path.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// One expected diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedError {
    /// Path relative to the case folder (`things/getThing.md`).
    pub file: PathBuf,
    pub line: usize,
    pub fragment: String,
}

/// What a case must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Exactly these diagnostics (at least one).
    Errors(Vec<ExpectedError>),
    /// A valid spec; the listed texts may only appear inside doc attributes.
    Valid { doc_only: Vec<String> },
}

/// One folder of the catalogue.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub dir: PathBuf,
    pub expect: Expect,
}

/// Reads an `expect.txt`.
pub fn parse_expect(text: &str) -> Result<Expect, String> {
    let mut errors = Vec::new();
    let mut valid = false;
    let mut doc_only = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "valid" {
            valid = true;
        } else if let Some(text) = line.strip_prefix("doc-only: ") {
            doc_only.push(text.to_string());
        } else {
            errors.push(parse_error_line(line).ok_or_else(|| {
                format!("expect.txt line {}: expected `file:line: fragment`", i + 1)
            })?);
        }
    }
    match (valid, errors.is_empty()) {
        (true, true) => Ok(Expect::Valid { doc_only }),
        (false, false) if doc_only.is_empty() => Ok(Expect::Errors(errors)),
        (true, false) => Err("expect.txt says `valid` and lists errors".into()),
        (false, true) => Err("expect.txt lists no error and does not say `valid`".into()),
        (false, false) => Err("`doc-only:` lines belong to valid cases".into()),
    }
}

fn parse_error_line(line: &str) -> Option<ExpectedError> {
    let (location, fragment) = line.split_once(": ")?;
    let (file, number) = location.rsplit_once(':')?;
    Some(ExpectedError {
        file: PathBuf::from(file),
        line: number.parse().ok()?,
        fragment: fragment.to_string(),
    })
}

/// Every case below `catalogue`, sorted by name.
pub fn cases(catalogue: &Path) -> Vec<Case> {
    let mut cases: Vec<Case> = fs::read_dir(catalogue)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", catalogue.display()))
        .map(|entry| entry.expect("readable catalogue entry").path())
        .filter(|p| p.is_dir())
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(dir.join("expect.txt"))
                .unwrap_or_else(|e| panic!("{name}/expect.txt: {e}"));
            let expect = parse_expect(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            Case { name, dir, expect }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// Compares diagnostics, given as (path relative to the case folder, line, message), with the
/// expectation. `None` when each expected error matches exactly one diagnostic and nothing
/// else was reported; otherwise a readable description of the difference.
pub fn mismatch(expected: &[ExpectedError], got: &[(PathBuf, usize, String)]) -> Option<String> {
    let mut unmatched: Vec<&(PathBuf, usize, String)> = got.iter().collect();
    let mut missing = Vec::new();
    for e in expected {
        let hit = unmatched
            .iter()
            .position(|(f, l, m)| *f == e.file && *l == e.line && m.contains(&e.fragment));
        match hit {
            Some(i) => {
                unmatched.remove(i);
            }
            None => missing.push(format!("{}:{}: {}", e.file.display(), e.line, e.fragment)),
        }
    }
    if missing.is_empty() && unmatched.is_empty() {
        return None;
    }
    let extra: Vec<String> = unmatched
        .iter()
        .map(|(f, l, m)| format!("{}:{l}: {m}", f.display()))
        .collect();
    Some(format!(
        "missing: {missing:#?}\nunexpected: {extra:#?}\nall reported: {:#?}",
        got.iter()
            .map(|(f, l, m)| format!("{}:{l}: {m}", f.display()))
            .collect::<Vec<_>>()
    ))
}

/// Every file (with its bytes) and every folder (with `None`) below `dir`, by relative path;
/// used to show that a failed run left a directory byte-identical.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let Ok(entries) = fs::read_dir(dir.join(&rel)) else {
            continue;
        };
        for entry in entries {
            let entry = entry.expect("readable directory entry");
            let path = rel.join(entry.file_name());
            if entry.file_type().expect("file type").is_dir() {
                out.insert(path.clone(), None);
                stack.push(path);
            } else {
                out.insert(path, Some(fs::read(entry.path()).expect("readable file")));
            }
        }
    }
    out
}

/// Copies the tree below `from` into `to` (created).
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create copy target");
    for (rel, contents) in snapshot(from) {
        let target = to.join(rel);
        match contents {
            None => fs::create_dir_all(&target).expect("create folder"),
            Some(bytes) => {
                fs::create_dir_all(target.parent().expect("has parent")).expect("create folder");
                fs::write(&target, bytes).expect("write file");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_expectations() {
        let e =
            parse_expect("# about\nthings/a.md:4: bad route\n\nthings/a.md:0: empty\n").unwrap();
        assert_eq!(
            e,
            Expect::Errors(vec![
                ExpectedError {
                    file: "things/a.md".into(),
                    line: 4,
                    fragment: "bad route".into()
                },
                ExpectedError {
                    file: "things/a.md".into(),
                    line: 0,
                    fragment: "empty".into()
                },
            ])
        );
        let v = parse_expect("valid\ndoc-only: evil()\n").unwrap();
        assert_eq!(
            v,
            Expect::Valid {
                doc_only: vec!["evil()".into()]
            }
        );
        assert!(parse_expect("# nothing\n").is_err());
        assert!(parse_expect("valid\na.md:1: x\n").is_err());
        assert!(parse_expect("a.md: no line number\n").is_err());
    }

    #[test]
    fn mismatch_needs_every_error_and_nothing_else() {
        let expected = parse_expect("a.md:4: bad\n").unwrap();
        let Expect::Errors(expected) = expected else {
            unreachable!()
        };
        let hit = vec![(PathBuf::from("a.md"), 4, "a bad route".to_string())];
        assert_eq!(mismatch(&expected, &hit), None);
        let wrong_line = vec![(PathBuf::from("a.md"), 5, "a bad route".to_string())];
        assert!(mismatch(&expected, &wrong_line).is_some());
        let mut extra = hit.clone();
        extra.push((PathBuf::from("a.md"), 9, "another".to_string()));
        assert!(mismatch(&expected, &extra).is_some());
        assert!(mismatch(&expected, &[]).is_some());
    }
}
