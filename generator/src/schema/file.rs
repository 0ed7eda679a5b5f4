//! Model files `specs/models/<Name>.yaml`: one model a file, named by its PascalCase stem,
//! holding exactly one of `fields` (with optional `extends`), `one_of` or `enum`.

use std::path::{Path, PathBuf};

use super::decl::{DeclKind, Reader, TypeDecl};
use super::expr::is_model_name;
use crate::diag::{Diagnostic, Diagnostics};
use crate::parse::yaml::{parse_with_lines, YamlValue};

/// One model file, read and checked on its own (names not resolved yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelFile {
    /// The model name: the file stem.
    pub name: String,
    pub path: PathBuf,
    pub(crate) extends: Option<(String, usize)>,
    /// `Object`, `Enum` or `OneOf`; its `doc` is the model's.
    pub(crate) decl: TypeDecl,
}

const TOP_KEYS: &str = "`doc`, `extends`, `fields`, `one_of`, `discriminator`, `enum`";

/// Reads every `*.yaml` file of `dir` (sorted by name); a missing folder holds no models.
/// Every problem in every file is reported.
pub fn read_models(dir: &Path) -> Result<Vec<ModelFile>, Diagnostics> {
    let mut entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect::<Vec<_>>(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(
                Diagnostic::new(dir, 0, format!("cannot read the models folder: {e}"))
                    .with_hint("check the folder's permissions")
                    .into(),
            )
        }
    };
    entries.sort();
    let mut diags = Vec::new();
    let mut models = Vec::new();
    for path in entries.into_iter().filter(|p| p.is_file()) {
        match path.extension().and_then(|e| e.to_str()) {
            Some("yaml") => {}
            Some("yml") => {
                diags.push(
                    Diagnostic::new(&path, 0, "model file ends in `.yml`")
                        .with_hint("rename it to `.yaml`"),
                );
                continue;
            }
            _ => continue,
        }
        let text = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                diags.push(
                    Diagnostic::new(&path, 0, "model file is not valid UTF-8")
                        .with_hint("re-save the file as UTF-8"),
                );
                continue;
            }
            Err(e) => {
                diags.push(
                    Diagnostic::new(&path, 0, format!("cannot read model file: {e}"))
                        .with_hint("check the file's permissions"),
                );
                continue;
            }
        };
        if let Some(model) = parse_model(&path, &text, &mut diags) {
            models.push(model);
        }
    }
    if diags.is_empty() {
        Ok(models)
    } else {
        Err(Diagnostics(diags))
    }
}

/// Model files whose texts are in memory, in the given order (like [`read_models`]: only
/// `*.yaml`, a `*.yml` is an error).
pub fn models_from_texts(files: &[(PathBuf, String)]) -> Result<Vec<ModelFile>, Diagnostics> {
    let mut diags = Vec::new();
    let mut models = Vec::new();
    for (path, text) in files {
        match path.extension().and_then(|e| e.to_str()) {
            Some("yaml") => {
                if let Some(model) = parse_model(path, text, &mut diags) {
                    models.push(model);
                }
            }
            Some("yml") => diags.push(
                Diagnostic::new(path, 0, "model file ends in `.yml`")
                    .with_hint("rename it to `.yaml`"),
            ),
            _ => {}
        }
    }
    if diags.is_empty() {
        Ok(models)
    } else {
        Err(Diagnostics(diags))
    }
}

/// Reads one model file's text; `path`'s stem is the model name.
pub(crate) fn parse_model(
    path: &Path,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<ModelFile> {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let before = diags.len();
    if !is_model_name(&name) {
        diags.push(
            Diagnostic::new(path, 0, format!("model name `{name}` (the file name) is not PascalCase"))
                .with_hint("name the file `<Name>.yaml` with letters and digits, starting with an upper-case letter (`FullRepository.yaml`)"),
        );
    }
    let node = match parse_with_lines(text) {
        Ok(node) => node,
        Err(e) => {
            diags.push(
                Diagnostic::new(path, e.line, format!("invalid YAML in model file: {}", e.message))
                    .with_hint("a model file is block-style YAML: `doc:`, `extends:`, then `fields:` with one `name: type` line per field"),
            );
            return None;
        }
    };
    let YamlValue::Map(entries) = &node.value else {
        diags.push(
            Diagnostic::new(
                path,
                1,
                format!("model file holds {}, not a mapping", node.kind()),
            )
            .with_hint("start with `fields:`, `one_of:` or `enum:`"),
        );
        return None;
    };
    let mut reader = Reader { file: path, diags };
    let mut extends = None;
    for (key, value) in entries {
        match key.as_str() {
            "extends" => match value.as_str().filter(|s| is_model_name(s)) {
                Some(base) => extends = Some((base.to_string(), value.line)),
                None => reader.error(
                    value.line,
                    "`extends` must name one model",
                    "write `extends: MinimalRepository`",
                ),
            },
            "type" | "items" | "values" | "nullable" => reader.error(
                value.line,
                format!("`{key}` is not allowed at the top of a model file"),
                format!("a model file has {TOP_KEYS}; a field can use `{key}`"),
            ),
            "doc" | "fields" | "one_of" | "discriminator" | "enum" => {}
            _ => reader.error(
                value.line,
                format!("unknown key `{key}` in model `{name}`"),
                format!("known keys: {TOP_KEYS}"),
            ),
        }
    }
    let top: Vec<_> = entries
        .iter()
        .filter(|(k, _)| ["doc", "fields", "one_of", "discriminator", "enum"].contains(&k.as_str()))
        .cloned()
        .collect();
    let decl = reader.long_form(&top, 1, &[], &format!("model `{name}`"));
    if let (Some((_, line)), Some(d)) = (&extends, &decl) {
        if !matches!(d.kind, DeclKind::Object(_)) {
            reader.error(
                *line,
                "`extends` needs `fields`",
                "only object models (with `fields:`) can extend another model",
            );
        }
    }
    let decl = decl?;
    (diags.len() == before).then(|| ModelFile {
        name,
        path: path.to_path_buf(),
        extends,
        decl,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> (Option<ModelFile>, Vec<(usize, String)>) {
        let mut diags = Vec::new();
        let m = parse_model(Path::new(&format!("models/{name}.yaml")), text, &mut diags);
        (m, diags.into_iter().map(|d| (d.line, d.message)).collect())
    }

    #[test]
    fn reads_the_three_kinds() {
        let (m, errs) = parse(
            "Repo",
            "doc: A repo.\nextends: Base\nfields:\n  id: integer\n",
        );
        assert!(errs.is_empty(), "{errs:?}");
        let m = m.unwrap();
        assert_eq!(m.extends, Some(("Base".to_string(), 2)));
        assert_eq!(m.decl.doc, "A repo.");
        let (m, _) = parse("Content", "one_of: [A, B]\ndiscriminator: type\n");
        assert!(matches!(
            m.unwrap().decl.kind,
            DeclKind::OneOf {
                discriminator: Some(_),
                ..
            }
        ));
        let (m, _) = parse("State", "enum: [open, closed]\n");
        assert_eq!(
            m.unwrap().decl.kind,
            DeclKind::Enum(vec!["open".into(), "closed".into()])
        );
    }

    #[test]
    fn reports_file_level_problems() {
        let (_, errs) = parse("repo", "fields: {}\n");
        assert_eq!(
            errs,
            [(
                0,
                "model name `repo` (the file name) is not PascalCase".to_string()
            )]
        );
        let (_, errs) = parse("A", "fields: {}\ncolour: red\nnullable: true\n");
        assert_eq!(
            errs,
            [
                (2, "unknown key `colour` in model `A`".to_string()),
                (
                    3,
                    "`nullable` is not allowed at the top of a model file".to_string()
                )
            ]
        );
        let (_, errs) = parse("A", "extends: B\nenum: [a]\n");
        assert_eq!(errs, [(1, "`extends` needs `fields`".to_string())]);
        let (_, errs) = parse("A", "fields: {}\nenum: [a]\n");
        assert_eq!(
            errs,
            [(
                2,
                "`enum` cannot be combined with `fields` in model `A`".to_string()
            )]
        );
        let (_, errs) = parse("A", "- a\n");
        assert_eq!(
            errs,
            [(1, "model file holds a list, not a mapping".to_string())]
        );
        let (_, errs) = parse("A", "fields:\n  a: [\n");
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].1.starts_with("invalid YAML in model file"),
            "{errs:?}"
        );
        let (_, errs) = parse("A", "doc: only docs\n");
        assert_eq!(
            errs,
            [(1, "model `A` does not say what type it is".to_string())]
        );
    }

    #[test]
    fn reads_a_folder_and_ignores_other_files() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("B.yaml"), "enum: [x]\n").unwrap();
        std::fs::write(tmp.path().join("A.yaml"), "fields:\n  b: B\n").unwrap();
        std::fs::write(tmp.path().join("README.md"), "notes").unwrap();
        let models = read_models(tmp.path()).unwrap();
        assert_eq!(
            models.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(),
            ["A", "B"]
        );
        std::fs::write(tmp.path().join("C.yml"), "enum: [x]\n").unwrap();
        let err = read_models(tmp.path()).unwrap_err();
        assert_eq!(err.0[0].message, "model file ends in `.yml`");
        assert!(read_models(&tmp.path().join("none")).unwrap().is_empty());
    }
}
