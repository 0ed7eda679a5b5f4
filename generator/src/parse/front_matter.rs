//! The YAML front-matter between the leading `---` lines: delimiters, YAML syntax (via
//! `serde_yaml`), known keys, and the explicit `parameters:` list, with file line numbers.

use serde_yaml::{Mapping, Value};

use super::responses::{self, ResponseSpec};
use super::source::Reporter;
use super::{AlternativeGroup, ExplicitParam};

/// The front-matter fields, each with the 1-based file line of its key.
#[derive(Debug, Default)]
pub(crate) struct FrontMatter {
    pub name: Option<(String, usize)>,
    pub example: Option<(String, usize)>,
    pub route: Option<(String, usize)>,
    pub scope: Option<(String, usize)>,
    pub kind: Option<(String, usize)>,
    pub explicit: Vec<ExplicitParam>,
    pub responses: Vec<ResponseSpec>,
}

/// Where the front-matter ended and what it held.
#[derive(Debug)]
pub(crate) struct Split {
    /// Byte offset of the first line after the closing `---`.
    pub body_offset: usize,
    /// 1-based line of that first body line.
    pub body_line: usize,
    /// `None` when the YAML could not be read (errors already reported).
    pub fields: Option<FrontMatter>,
}

const KNOWN_KEYS: &str = "`name`, `example`, `route`, `scope`, `type`, `parameters`, `responses`";
const LOCATIONS: [&str; 4] = ["path", "query", "body", "header"];
const TYPES: [&str; 7] = [
    "string",
    "timestamp",
    "integer",
    "number",
    "boolean",
    "array",
    "object",
];

/// `type: string`, `type: string | number` or `type: [string, number]`, kept as one string
/// with members joined by ` | ` (checked member by member in [`check_explicit`]).
pub(crate) fn type_union<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<String>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(Some(
        match <OneOrMany as serde::Deserialize>::deserialize(d)? {
            OneOrMany::One(t) => t,
            OneOrMany::Many(ts) => ts.join(" | "),
        },
    ))
}

/// The members of a (possibly union) type text: `string | number` → `["string", "number"]`.
pub fn type_members(ty: &str) -> impl Iterator<Item = &str> {
    ty.split('|').map(str::trim)
}

/// Lines of `text` with their byte offset, without line terminators.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').map(move |raw| {
        let start = offset;
        offset += raw.len();
        (start, raw.trim_end_matches(['\n', '\r']))
    })
}

/// Finds the front-matter, parses it and reports problems. `None` when there is none at all
/// (or it is never closed), in which case the body cannot be located either.
pub(crate) fn split(text: &str, rep: &mut Reporter) -> Option<Split> {
    let mut lines = lines_with_offsets(text).enumerate();
    let first = lines
        .next()
        .map(|(_, (_, l))| l.trim_start_matches('\u{feff}').trim_end());
    if first != Some("---") {
        rep.error(
            1,
            "missing front-matter: the file must start with a `---` line",
            "start the file with `---`, then `name:`, `example:`, `route:`, `scope:`, `type:` lines, then `---`",
        );
        return None;
    }
    let yaml_start = text.find('\n').map_or(text.len(), |i| i + 1);
    for (i, (offset, line)) in lines {
        if line.trim_end() == "---" {
            let yaml = text.get(yaml_start..offset).unwrap_or("");
            let after = offset + line.len();
            let (body_offset, body_line) = match text[after..].find('\n') {
                Some(n) => (after + n + 1, i + 2),
                // The file ends on the closing `---`: its (empty) body is on that last line.
                None => (text.len(), i + 1),
            };
            return Some(Split {
                body_offset,
                body_line,
                fields: parse_yaml(yaml, rep),
            });
        }
    }
    rep.error(
        1,
        "unterminated front-matter: no closing `---` line",
        "end the front-matter with a line holding only `---`",
    );
    None
}

/// Parses the YAML between the delimiters; YAML line `n` is file line `n + 1`.
fn parse_yaml(yaml: &str, rep: &mut Reporter) -> Option<FrontMatter> {
    let value: Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let line = duplicate_key_line(&msg, yaml)
                .unwrap_or_else(|| e.location().map_or(1, |l| l.line() + 1));
            rep.error(
                line,
                format!("invalid YAML in front-matter: {}", yaml_message(&msg)),
                "front-matter lines are `key: value`; quote values that contain `: ` or start with a special character",
            );
            return None;
        }
    };
    let map = match value {
        Value::Mapping(map) => map,
        Value::Null => {
            rep.error(
                1,
                "front-matter is empty",
                "add `name:`, `route:` and `scope:` lines",
            );
            return None;
        }
        _ => {
            rep.error(
                2,
                "front-matter is not a YAML mapping",
                "write it as `key: value` lines",
            );
            return None;
        }
    };
    let keys = top_level_key_lines(yaml);
    let key_line = |k: &str| {
        keys.iter()
            .find(|(name, _)| *name == k)
            .map_or(1, |(_, l)| *l)
    };
    Some(read_fields(map, yaml, &key_line, rep))
}

/// libyaml places "duplicate entry" errors at the mapping's start; point at the repeat instead.
/// Messages read `[path: ]duplicate entry with key "name"` (quoted for strings, bare otherwise).
fn duplicate_key_line(msg: &str, yaml: &str) -> Option<usize> {
    let (path, rest) = match msg.split_once(": duplicate entry with key ") {
        Some((path, rest)) => (path.split('.').collect::<Vec<_>>(), rest),
        None => (Vec::new(), msg.strip_prefix("duplicate entry with key ")?),
    };
    let key = match rest.strip_prefix('"') {
        Some(quoted) => quoted.split('"').next()?,
        None => rest.split(' ').next()?,
    };
    super::yaml::repeated_key_line(yaml, 2, &path, key)
}

/// Drops libyaml's YAML-relative positions from `msg`, keeping the context it names
/// ("while parsing a flow sequence at line 4 column 8") with its line as a file line.
fn yaml_message(msg: &str) -> String {
    let mut parts = msg.split(", while parsing ");
    let problem = parts.next().unwrap_or(msg);
    let problem = problem.split(" at line ").next().unwrap_or(problem);
    let Some(context) = parts.next() else {
        return problem.to_string();
    };
    let (what, line) = match context.split_once(" at line ") {
        Some((what, pos)) => (
            what,
            pos.split(' ').next().and_then(|n| n.parse::<usize>().ok()),
        ),
        None => (context, None),
    };
    match line {
        Some(n) => format!("{problem} (in {what} starting at line {})", n + 1),
        None => format!("{problem} (in {what})"),
    }
}

fn read_fields(
    map: Mapping,
    yaml: &str,
    key_line: &dyn Fn(&str) -> usize,
    rep: &mut Reporter,
) -> FrontMatter {
    let mut fm = FrontMatter::default();
    for (key, value) in map {
        let Some(key) = key.as_str().map(str::to_string) else {
            rep.error(
                1,
                "front-matter key is not a string",
                format!("known keys: {KNOWN_KEYS}"),
            );
            continue;
        };
        let line = key_line(&key);
        let slot = match key.as_str() {
            "name" => &mut fm.name,
            "example" => &mut fm.example,
            "route" => &mut fm.route,
            "scope" => &mut fm.scope,
            "type" => &mut fm.kind,
            "parameters" => {
                fm.explicit = read_explicit(value, yaml, line, rep);
                continue;
            }
            "responses" => {
                fm.responses = responses::read(value, yaml, line, rep);
                continue;
            }
            _ => {
                rep.error(
                    line,
                    format!("unknown front-matter key `{key}`"),
                    format!("known keys: {KNOWN_KEYS}"),
                );
                continue;
            }
        };
        match value {
            Value::String(s) => *slot = Some((s, line)),
            _ => rep.error(
                line,
                format!("front-matter `{key}` must be a string"),
                format!("write `{key}: text` (quote the text if YAML reads it as something else)"),
            ),
        }
    }
    for (key, slot, example) in [
        ("name", &fm.name, "name: Get a repository"),
        ("route", &fm.route, "route: GET /repos/{owner}/{repo}"),
        ("scope", &fm.scope, "scope: repos"),
    ] {
        if slot.is_none() && !has_key_error(rep, key) {
            rep.error(
                1,
                format!("front-matter has no `{key}`"),
                format!("add a line like `{example}`"),
            );
        }
    }
    fm
}

/// Whether an error about `key` (e.g. "must be a string") was already reported.
fn has_key_error(rep: &Reporter, key: &str) -> bool {
    let needle = format!("`{key}` must be");
    rep.diags.iter().any(|d| d.message.contains(&needle))
}

/// File lines of top-level `key:` lines in block-style YAML.
fn top_level_key_lines(yaml: &str) -> Vec<(&str, usize)> {
    lines_with_offsets(yaml)
        .enumerate()
        .filter(|(_, (_, l))| l.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
        .filter_map(|(i, (_, l))| l.split_once(':').map(|(k, _)| (k.trim(), i + 2)))
        .collect()
}

/// File lines where the items of the block sequence under `parameters:` start.
fn item_lines(yaml: &str, key_line: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut indent = None;
    for (i, (_, l)) in lines_with_offsets(yaml).enumerate().skip(key_line - 1) {
        if l.starts_with(|c: char| !c.is_whitespace() && c != '-' && c != '#') {
            break; // next top-level key
        }
        let trimmed = l.trim_start();
        if trimmed == "-" || trimmed.starts_with("- ") {
            let this = l.len() - trimmed.len();
            if *indent.get_or_insert(this) == this {
                out.push(i + 2);
            }
        }
    }
    out
}

fn read_explicit(
    value: Value,
    yaml: &str,
    key_line: usize,
    rep: &mut Reporter,
) -> Vec<ExplicitParam> {
    let items = match value {
        Value::Sequence(items) => items,
        Value::Null => return Vec::new(),
        _ => {
            rep.error(
                key_line,
                "front-matter `parameters` must be a list",
                "write one `- name: ...` entry per parameter",
            );
            return Vec::new();
        }
    };
    let lines = item_lines(yaml, key_line);
    let lines_known = lines.len() == items.len();
    let mut out: Vec<ExplicitParam> = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let line = if lines_known { lines[i] } else { key_line };
        let next = if lines_known {
            lines.get(i + 1).copied()
        } else {
            None
        };
        match serde_yaml::from_value::<ExplicitParam>(item) {
            Ok(mut p) => {
                p.line = line;
                check_explicit(&p, &out, rep);
                out.push(p);
            }
            Err(e) => {
                let msg = e.to_string();
                let at = field_line(&msg, yaml, line, next).unwrap_or(line);
                rep.error(
                    at,
                    format!("malformed `parameters` entry {}: {msg}", i + 1),
                    "an entry has `name` and optionally `in`, `type`, `items`, `enum`, `nullable`, `required`, `description`, `one_of`, `enum_name`",
                );
            }
        }
    }
    out
}

/// For "unknown field `x`" errors, the file line of `x:` inside the entry starting at `start`.
fn field_line(msg: &str, yaml: &str, start: usize, end: Option<usize>) -> Option<usize> {
    let field = msg.strip_prefix("unknown field `")?.split('`').next()?;
    let key = format!("{field}:");
    lines_with_offsets(yaml)
        .enumerate()
        .map(|(i, (_, l))| (i + 2, l))
        .skip_while(|(n, _)| *n < start)
        .take_while(|(n, _)| end.is_none_or(|e| *n < e))
        .find(|(_, l)| l.trim_start().trim_start_matches("- ").starts_with(&key))
        .map(|(n, _)| n)
}

fn check_explicit(p: &ExplicitParam, earlier: &[ExplicitParam], rep: &mut Reporter) {
    if p.name.trim().is_empty() && p.one_of.is_none() {
        rep.error(
            p.line,
            "explicit parameter has an empty `name`",
            "give the name as in the table",
        );
    }
    check_one_of(p, rep);
    if let Some(first) = earlier
        .iter()
        .find(|e| e.name == p.name && !(p.name.is_empty() && p.one_of.is_some()))
    {
        rep.error(
            p.line,
            format!(
                "explicit parameter `{}` is listed twice (first at line {})",
                p.name, first.line
            ),
            "remove one of the entries",
        );
    }
    if let Some(loc) = p.location.as_deref().filter(|l| !LOCATIONS.contains(l)) {
        rep.error(
            p.line,
            format!("unknown parameter location `in: {loc}`"),
            "use one of path, query, body, header",
        );
    }
    let members = [&p.ty, &p.items]
        .into_iter()
        .flatten()
        .flat_map(|t| type_members(t).map(move |m| (m, t.contains('|'))));
    for (ty, in_union) in members {
        let null_member = in_union && ty == "null";
        if !TYPES.contains(&ty) && !null_member {
            rep.error(
                p.line,
                format!("unknown parameter type `{ty}`"),
                "use one of string, timestamp, integer, number, boolean, array, object",
            );
        }
    }
}

/// A `one_of` needs two alternatives or more, each a non-empty row group or a known type.
fn check_one_of(p: &ExplicitParam, rep: &mut Reporter) {
    let Some(groups) = &p.one_of else {
        return;
    };
    if groups.len() < 2 {
        rep.error(
            p.line,
            "`one_of` needs at least two alternatives",
            "list each alternative as `- [row, row]` (rows sent together) or `- string` (a type)",
        );
    }
    for g in groups {
        match g {
            AlternativeGroup::Rows(rows) if rows.is_empty() => rep.error(
                p.line,
                "`one_of` has an empty alternative",
                "list the rows sent together, e.g. `- [branch, path]`",
            ),
            AlternativeGroup::Type(t) if !TYPES.contains(&t.as_str()) => rep.error(
                p.line,
                format!("unknown alternative type `{t}` in `one_of`"),
                "use one of string, integer, number, boolean, array, object, or a list of rows",
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn run(text: &str) -> (Option<Split>, Vec<(usize, String)>) {
        let path = Path::new("x/y.md");
        let mut rep = Reporter::new(path);
        let split = split(text, &mut rep);
        (
            split,
            rep.diags.into_iter().map(|d| (d.line, d.message)).collect(),
        )
    }

    #[test]
    fn a_file_ending_on_the_closing_fence_has_its_body_on_that_line() {
        let text = "---\nname: n\n---";
        let (split, _) = run(text);
        let split = split.unwrap();
        assert_eq!(split.body_offset, text.len());
        assert_eq!(split.body_line, 3);
    }

    #[test]
    fn splits_off_the_body() {
        let text = "---\nname: n\nroute: GET /x\nscope: s\n---\n# T\n";
        let (split, errs) = run(text);
        let split = split.unwrap();
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(&text[split.body_offset..], "# T\n");
        assert_eq!(split.body_line, 6);
        let fm = split.fields.unwrap();
        assert_eq!(fm.route, Some(("GET /x".to_string(), 3)));
        assert_eq!(fm.scope, Some(("s".to_string(), 4)));
        assert_eq!(fm.example, None);
    }

    #[test]
    fn closing_line_at_end_of_file() {
        let (split, errs) = run("---\nname: n\nroute: GET /x\nscope: s\n---");
        assert!(errs.is_empty());
        assert_eq!(split.unwrap().body_offset, 38);
    }

    #[test]
    fn non_string_values() {
        let (_, errs) = run("---\nname: [a]\nroute: GET /x\nscope: 12\n---\n");
        assert_eq!(
            errs,
            [
                (2, "front-matter `name` must be a string".to_string()),
                (4, "front-matter `scope` must be a string".to_string())
            ]
        );
    }

    #[test]
    fn flow_style_parameters_fall_back_to_the_key_line() {
        let text = "---\nname: n\nroute: GET /x\nscope: s\nparameters: [{name: a, type: string}, {name: b}]\n---\n";
        let (split, errs) = run(text);
        assert!(errs.is_empty(), "{errs:?}");
        let explicit = split.unwrap().fields.unwrap().explicit;
        let got: Vec<_> = explicit.iter().map(|p| (p.name.as_str(), p.line)).collect();
        assert_eq!(got, [("a", 5), ("b", 5)]);
    }

    #[test]
    fn parameters_must_be_a_list() {
        let (_, errs) = run("---\nname: n\nroute: GET /x\nscope: s\nparameters: nope\n---\n");
        assert_eq!(
            errs,
            [(5, "front-matter `parameters` must be a list".to_string())]
        );
    }

    #[test]
    fn unions_and_alternatives() {
        let text = "---\nname: n\nroute: GET /x\nscope: s\nparameters:\n  - name: v\n    type: [string, number, \"null\"]\n  - name: w\n    type: integer | string\n  - one_of:\n      - [a, b]\n      - [c]\n  - name: src\n    one_of: [string, [branch]]\n---\n";
        let (split, errs) = run(text);
        assert!(errs.is_empty(), "{errs:?}");
        let explicit = split.unwrap().fields.unwrap().explicit;
        assert_eq!(explicit[0].ty.as_deref(), Some("string | number | null"));
        assert_eq!(explicit[1].ty.as_deref(), Some("integer | string"));
        assert_eq!(explicit[2].name, "");
        assert_eq!(
            explicit[3].one_of,
            Some(vec![
                AlternativeGroup::Type("string".into()),
                AlternativeGroup::Rows(vec!["branch".into()])
            ])
        );
    }

    #[test]
    fn timestamp_is_a_parameter_type() {
        let text = "---\nname: n\nroute: GET /x\nscope: s\nparameters:\n  - name: since\n    type: timestamp\n  - name: at\n    type: [timestamp, \"null\"]\n  - name: days\n    type: array\n    items: timestamp\n  - name: bad\n    type: datetime\n---\n";
        let (_, errs) = run(text);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].1, "unknown parameter type `datetime`");
    }

    #[test]
    fn bad_unions_and_alternatives() {
        let text = "---\nname: n\nroute: GET /x\nscope: s\nparameters:\n  - name: v\n    type: [string, float]\n  - name: w\n    type: \"null\"\n  - name: x\n    one_of: [[a]]\n  - name: y\n    one_of: [[], text]\n---\n";
        let (_, errs) = run(text);
        let messages: Vec<&str> = errs.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unknown parameter type `float`",
                "unknown parameter type `null`",
                "`one_of` needs at least two alternatives",
                "`one_of` has an empty alternative",
                "unknown alternative type `text` in `one_of`",
            ]
        );
    }

    #[test]
    fn libyaml_messages_get_file_lines() {
        assert_eq!(
            yaml_message("did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1"),
            "did not find expected key (in a block mapping starting at line 2)"
        );
        assert_eq!(
            yaml_message("mapping values are not allowed in this context at line 1 column 8"),
            "mapping values are not allowed in this context"
        );
    }
}
