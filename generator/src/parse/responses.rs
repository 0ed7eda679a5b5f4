//! The front-matter `responses:` mapping: status code keys (100..=599) with their file lines;
//! the values stay YAML here and are read as types by the `schema` stage.

use serde_yaml::Value;

use super::source::Reporter;
use super::yaml::{front_matter_value, YamlNode, YamlValue};

/// One `responses:` entry, e.g. `200: FullRepository`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseSpec {
    pub status: u16,
    /// 1-based file line of the status key.
    pub line: usize,
    /// The value as written: null (no body), a type expression string, or a long-form mapping.
    pub body: YamlNode,
}

const HINT: &str =
    "write one `<status>: <type>` line per response, e.g. `200: FullRepository` or `204: ~`";

/// Reads the `responses:` value whose key is on file line `key_line`.
pub(crate) fn read(
    value: Value,
    yaml: &str,
    key_line: usize,
    rep: &mut Reporter,
) -> Vec<ResponseSpec> {
    let node = front_matter_value(value, yaml, "responses", key_line);
    let entries = match node.value {
        YamlValue::Map(entries) => entries,
        YamlValue::Null => return Vec::new(),
        _ => {
            rep.error(
                key_line,
                format!(
                    "front-matter `responses` must be a mapping, not {}",
                    node.kind()
                ),
                HINT,
            );
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(entries.len());
    for (key, body) in entries {
        let line = body.line;
        let Ok(status) = key.parse::<u16>() else {
            rep.error(
                line,
                format!("response status `{key}` is not an integer"),
                "use a numeric HTTP status such as 200, 201 or 404 (ranges like `2XX` and `default` are not supported)",
            );
            continue;
        };
        if !(100..=599).contains(&status) {
            rep.error(
                line,
                format!("response status {status} is out of range"),
                "HTTP status codes are 100..=599",
            );
            continue;
        }
        if let Some(first) = out.iter().find(|r: &&ResponseSpec| r.status == status) {
            rep.error(
                line,
                format!(
                    "response status {status} is declared twice (first at line {})",
                    first.line
                ),
                "remove one of the entries",
            );
            continue;
        }
        out.push(ResponseSpec { status, line, body });
    }
    out
}
