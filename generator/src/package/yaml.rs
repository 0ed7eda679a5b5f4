//! Reads `crate.yaml`: a flat YAML mapping of `[package]` keys, each checked for its type,
//! with the file line of every key kept for later diagnostics.

use std::collections::BTreeMap;
use std::path::Path;

use serde_yaml::Value;

use super::{Origin, Package};
use crate::diag::{Diagnostic, Diagnostics};

/// Every key `crate.yaml` may hold, for the "unknown key" hint.
pub(crate) const KNOWN_KEYS: &[&str] = &[
    "name",
    "version",
    "description",
    "license",
    "repository",
    "homepage",
    "documentation",
    "rust-version",
    "publish",
    "keywords",
    "categories",
    "readme",
];

/// Where each key's value came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Origins(BTreeMap<&'static str, Origin>);

impl Origins {
    pub(crate) fn set(&mut self, key: &'static str, origin: Origin) {
        self.0.insert(key, origin);
    }

    pub(crate) fn get(&self, key: &str) -> Origin {
        self.0.get(key).cloned().unwrap_or_default()
    }
}

/// 1-based lines of the top-level keys of a YAML mapping (lines that start at column 0).
pub(crate) fn top_level_key_lines(text: &str) -> Vec<(String, usize)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with([' ', '\t', '#', '-']) && l.contains(':'))
        .filter_map(|(i, l)| {
            let key = l.split(':').next()?.trim().trim_matches(['"', '\'']);
            Some((key.to_string(), i + 1))
        })
        .collect()
}

/// The package described by `text` (defaults for absent keys) and where each key was.
pub(crate) fn read(path: &Path, text: &str, diags: &mut Diagnostics) -> (Package, Origins) {
    let mut package = Package::default();
    let mut origins = Origins::default();
    let map = match serde_yaml::from_str::<Value>(text) {
        Ok(Value::Mapping(map)) => map,
        Ok(Value::Null) => return (package, origins),
        Ok(_) => {
            diags.push(
                Diagnostic::new(
                    path,
                    1,
                    format!("{} is not a YAML mapping", super::FILE_NAME),
                )
                .with_hint("write it as `key: value` lines, e.g. `name: my-client`"),
            );
            return (package, origins);
        }
        Err(e) => {
            let line = e.location().map_or(0, |l| l.line());
            diags.push(
                Diagnostic::new(path, line, format!("invalid YAML: {e}"))
                    .with_hint("write `key: value` lines; quote values containing `: `"),
            );
            return (package, origins);
        }
    };
    let lines = top_level_key_lines(text);
    for (key, value) in map {
        let key_text = key.as_str().unwrap_or_default().to_string();
        let line = lines
            .iter()
            .find(|(k, _)| *k == key_text)
            .map_or(0, |(_, l)| *l);
        let Some(&known) = KNOWN_KEYS.iter().find(|k| **k == key_text) else {
            diags.push(
                Diagnostic::new(
                    path,
                    line,
                    format!("unknown key `{key_text}` in crate.yaml"),
                )
                .with_hint(format!("known keys: {}", KNOWN_KEYS.join(", "))),
            );
            continue;
        };
        origins.set(known, Origin::File(path.to_path_buf(), line));
        let wrong_type = |want: &str| {
            Diagnostic::new(path, line, format!("`{known}` must be {want}"))
                .with_hint(format!("write e.g. `{}`", example(known)))
        };
        match known {
            "publish" => match value {
                Value::Bool(b) => package.publish = b,
                _ => diags.push(wrong_type("`true` or `false`")),
            },
            "keywords" | "categories" => match string_list(&value) {
                Some(list) if known == "keywords" => package.keywords = list,
                Some(list) => package.categories = list,
                None => diags.push(wrong_type("a list of strings")),
            },
            _ => {
                // Versions such as `1.80` are numbers in YAML (1.8): take them as written.
                let text = match value {
                    Value::String(s) => Some(s),
                    Value::Number(n) if known.ends_with("version") => {
                        Some(raw_value(text, line).unwrap_or_else(|| n.to_string()))
                    }
                    _ => None,
                };
                let Some(text) = text else {
                    diags.push(wrong_type("a string"));
                    continue;
                };
                match known {
                    "name" => package.name = text,
                    "version" => package.version = text,
                    "description" => package.description = text,
                    "license" => package.license = text,
                    "repository" => package.repository = Some(text),
                    "homepage" => package.homepage = Some(text),
                    "documentation" => package.documentation = Some(text),
                    "rust-version" => package.rust_version = Some(text),
                    _ => package.readme = Some(text),
                }
            }
        }
    }
    (package, origins)
}

/// The value text of a `key: value` line, without a trailing comment.
fn raw_value(text: &str, line: usize) -> Option<String> {
    let (_, value) = text.lines().nth(line.checked_sub(1)?)?.split_once(':')?;
    let value = value.split(" #").next()?.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn string_list(value: &Value) -> Option<Vec<String>> {
    value
        .as_sequence()?
        .iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect()
}

/// A valid line for `key`, shown in hints.
pub(crate) fn example(key: &str) -> &'static str {
    match key {
        "name" => "name: my-github-client",
        "version" => "version: 0.1.0",
        "description" => "description: Typed client for the GitHub REST API",
        "license" => "license: MIT OR Apache-2.0",
        "repository" => "repository: https://github.com/me/my-client",
        "homepage" => "homepage: https://example.com",
        "documentation" => "documentation: https://docs.rs/my-github-client",
        "rust-version" => "rust-version: \"1.80\"",
        "publish" => "publish: true",
        "keywords" => "keywords: [github, api]",
        "categories" => "categories: [api-bindings]",
        _ => "readme: A client for ...",
    }
}
