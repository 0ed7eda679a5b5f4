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
    let node = match front_matter_value(value, yaml, "responses", key_line) {
        Ok(node) => node,
        Err(e) => {
            rep.error(key_line, format!("cannot read `responses`: {e}"), HINT);
            return Vec::new();
        }
    };
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::parse_spec;
    use super::*;

    /// A spec whose front-matter ends with `block` (starting on file line 6).
    fn spec(block: &str) -> String {
        format!("---\nname: n\nroute: GET /x\nscope: x\ntype: API method\n{block}---\n\n# T\n\n## Parameters\n\nThis endpoint has no parameters\n")
    }

    fn parse(block: &str) -> Result<Vec<ResponseSpec>, Vec<(usize, String)>> {
        parse_spec(Path::new("x/get.md"), &spec(block))
            .map(|s| s.responses)
            .map_err(|d| d.0.into_iter().map(|d| (d.line, d.message)).collect())
    }

    #[test]
    fn statuses_keep_their_lines_and_values() {
        let got = parse(
            "responses:\n  200: FullRepository\n  # a comment\n  301: ~\n  422:\n    type: any\n",
        )
        .unwrap();
        let summary: Vec<_> = got
            .iter()
            .map(|r| (r.status, r.line, r.body.kind()))
            .collect();
        assert_eq!(
            summary,
            [
                (200, 7, "a string"),
                (301, 9, "null"),
                (422, 10, "a mapping")
            ]
        );
        let YamlValue::Map(entries) = &got[2].body.value else {
            panic!()
        };
        assert_eq!(entries[0].1.line, 11);
        assert!(parse("responses: {}\n").unwrap().is_empty());
        assert!(parse("").unwrap().is_empty());
    }

    #[test]
    fn bad_statuses_are_reported_with_lines() {
        let errs = parse(
            "responses:\n  2XX: A\n  default: B\n  99: ~\n  600: ~\n  \"200\": ~\n  200: ~\n",
        )
        .unwrap_err();
        assert_eq!(
            errs,
            [
                (7, "response status `2XX` is not an integer".to_string()),
                (8, "response status `default` is not an integer".to_string()),
                (9, "response status 99 is out of range".to_string()),
                (10, "response status 600 is out of range".to_string()),
                (
                    12,
                    "response status 200 is declared twice (first at line 11)".to_string()
                ),
            ]
        );
        let errs = parse("responses:\n  200: !Tagged A\n").unwrap_err();
        assert_eq!(
            errs,
            [(
                6,
                "cannot read `responses`: YAML tags (`!name`) are not supported".to_string()
            )]
        );
        let errs = parse("responses: [200]\n").unwrap_err();
        assert_eq!(
            errs,
            [(
                6,
                "front-matter `responses` must be a mapping, not a list".to_string()
            )]
        );
    }

    #[test]
    fn a_repeated_status_key_points_at_the_repeat() {
        let errs = parse("responses:\n  200: A\n  404: ~\n  200: B\n").unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].0, 9, "{errs:?}");
        assert!(
            errs[0].1.contains("duplicate entry with key 200"),
            "{errs:?}"
        );
    }
}
