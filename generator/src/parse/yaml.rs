//! YAML values that keep the file line of every mapping key (and block-list item), for formats
//! whose problems are reported deep inside (`responses:`, model files). serde_yaml reads the
//! values (duplicate keys kept); the lines come from the indentation of block-style YAML.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A YAML value with the 1-based file line it is declared on: for a mapping value, the line
/// of its key; for a block-list item, the line of its `-`; otherwise the nearest known line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlNode {
    pub line: usize,
    pub value: YamlValue,
}

/// The value of a [`YamlNode`]. Mappings keep their entries in order, duplicates included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlValue {
    Null,
    Bool(bool),
    /// A number, as YAML spelled it after parsing (`200`, `1.5`).
    Number(String),
    String(String),
    Seq(Vec<YamlNode>),
    /// Entries in document order; keys are scalars rendered as text (`200`, `true`, `name`).
    Map(Vec<(String, YamlNode)>),
}

impl YamlNode {
    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            YamlValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// What the value is, for messages: "a string", "a list", "a mapping", ….
    pub fn kind(&self) -> &'static str {
        match self.value {
            YamlValue::Null => "null",
            YamlValue::Bool(_) => "a boolean",
            YamlValue::Number(_) => "a number",
            YamlValue::String(_) => "a string",
            YamlValue::Seq(_) => "a list",
            YamlValue::Map(_) => "a mapping",
        }
    }
}

/// A YAML syntax error at a 1-based file line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub message: String,
}

/// Parses a whole YAML document (a model file) whose first line is file line 1.
pub fn parse_with_lines(text: &str) -> Result<YamlNode, YamlError> {
    let raw: Raw = serde_yaml::from_str(text).map_err(|e| YamlError {
        line: e.location().map_or(1, |l| l.line()),
        message: e.to_string().split(" at line ").next().unwrap_or("").into(),
    })?;
    let tree = LineTree::build(text, 1);
    Ok(tree.attach(raw, Some(0), 1))
}

/// Converts the value of the top-level key `key` of the front-matter `yaml` (whose line 1 is
/// file line 2), giving lines to everything below it.
pub(crate) fn front_matter_value(
    value: serde_yaml::Value,
    yaml: &str,
    key: &str,
    key_line: usize,
) -> Result<YamlNode, String> {
    let raw = Raw::deserialize(value).map_err(|e| e.to_string())?;
    let tree = LineTree::build(yaml, 2);
    let at = tree.nodes[0]
        .children
        .iter()
        .copied()
        .find(|&c| tree.nodes[c].key.as_deref() == Some(key));
    Ok(tree.attach(raw, at, key_line))
}

/// The file line of the second `key:` below the mapping at `path` (top-level keys from the
/// root) of `yaml`, whose first line is file line `first_line`: where a repeat is.
pub(crate) fn repeated_key_line(
    yaml: &str,
    first_line: usize,
    path: &[&str],
    key: &str,
) -> Option<usize> {
    let tree = LineTree::build(yaml, first_line);
    let mut at = 0;
    for step in path {
        at = tree.nodes[at]
            .children
            .iter()
            .copied()
            .find(|&c| tree.nodes[c].key.as_deref() == Some(step))?;
    }
    tree.nodes[at]
        .children
        .iter()
        .filter(|&&c| tree.nodes[c].key.as_deref() == Some(key))
        .nth(1)
        .map(|&c| tree.nodes[c].line)
}

/// A YAML value as serde_yaml reads it, without lines; mappings keep duplicate keys.
#[derive(Debug)]
enum Raw {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Seq(Vec<Raw>),
    Map(Vec<(Raw, Raw)>),
}

impl Raw {
    fn key_text(&self) -> String {
        match self {
            Raw::Null => "~".into(),
            Raw::Bool(b) => b.to_string(),
            Raw::Number(n) | Raw::String(n) => n.clone(),
            Raw::Seq(_) | Raw::Map(_) => "<complex key>".into(),
        }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Number(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::String(v))
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Raw::Map(entries))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Raw, A::Error> {
        Err(de::Error::custom("YAML tags (`!name`) are not supported"))
    }
}

/// Keys and block-list items of a block-style YAML text, nested by indentation.
#[derive(Debug)]
struct LineTree {
    /// `nodes[0]` is the document root.
    nodes: Vec<LineNode>,
}

#[derive(Debug)]
struct LineNode {
    /// `None` for a `- ` list item (and the root).
    key: Option<String>,
    line: usize,
    indent: usize,
    children: Vec<usize>,
}

impl LineTree {
    /// One pass over the lines; `first_line` is the file line of the text's first line.
    fn build(text: &str, first_line: usize) -> LineTree {
        let mut nodes = vec![LineNode {
            key: None,
            line: first_line,
            indent: 0,
            children: Vec::new(),
        }];
        let mut stack: Vec<usize> = Vec::new();
        // Lines indented deeper than this belong to an inline or block scalar: skip them.
        let mut scalar_above: Option<usize> = None;
        for (i, raw) in text.lines().enumerate() {
            let content = raw.trim_start_matches(' ');
            let indent = raw.len() - content.len();
            if content.trim().is_empty() || content.starts_with('#') {
                continue;
            }
            if let Some(limit) = scalar_above {
                if indent > limit {
                    continue;
                }
                scalar_above = None;
            }
            if indent == 0 && (content.starts_with("---") || content.starts_with("...")) {
                continue;
            }
            let line = first_line + i;
            let push = |nodes: &mut Vec<LineNode>, stack: &mut Vec<usize>, node: LineNode| {
                let parent = stack.last().copied().unwrap_or(0);
                nodes.push(node);
                let id = nodes.len() - 1;
                nodes[parent].children.push(id);
                stack.push(id);
            };
            let (mut col, mut rest) = (indent, content);
            if rest == "-" || rest.starts_with("- ") {
                while stack.last().is_some_and(|&t| {
                    nodes[t].indent > indent
                        || (nodes[t].indent == indent && nodes[t].key.is_none())
                }) {
                    stack.pop();
                }
                let item = LineNode {
                    key: None,
                    line,
                    indent,
                    children: Vec::new(),
                };
                push(&mut nodes, &mut stack, item);
                let after = rest[1..].trim_start_matches(' ');
                col = indent + (rest.len() - after.len());
                rest = after;
                if rest.is_empty() {
                    continue;
                }
            }
            let Some((key, value)) = split_key(rest) else {
                scalar_above = Some(col.saturating_sub(1).max(indent));
                continue;
            };
            while stack.last().is_some_and(|&t| nodes[t].indent >= col) {
                stack.pop();
            }
            let node = LineNode {
                key: Some(key),
                line,
                indent: col,
                children: Vec::new(),
            };
            push(&mut nodes, &mut stack, node);
            if has_inline_value(value) {
                scalar_above = Some(col);
            }
        }
        LineTree { nodes }
    }

    /// Gives `raw` and everything below it lines, walking this tree from node `at`.
    fn attach(&self, raw: Raw, at: Option<usize>, line: usize) -> YamlNode {
        let children = |keyed: bool| -> Vec<usize> {
            at.map(|a| {
                self.nodes[a]
                    .children
                    .iter()
                    .copied()
                    .filter(|&c| self.nodes[c].key.is_some() == keyed)
                    .collect()
            })
            .unwrap_or_default()
        };
        let value = match raw {
            Raw::Null => YamlValue::Null,
            Raw::Bool(b) => YamlValue::Bool(b),
            Raw::Number(n) => YamlValue::Number(n),
            Raw::String(s) => YamlValue::String(s),
            Raw::Seq(items) => {
                let lines = children(false);
                let zip = lines.len() == items.len();
                YamlValue::Seq(
                    items
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| match zip {
                            true => self.attach(item, Some(lines[i]), self.nodes[lines[i]].line),
                            false => self.attach(item, None, line),
                        })
                        .collect(),
                )
            }
            Raw::Map(entries) => {
                let keys = children(true);
                let zip = keys.len() == entries.len();
                let mut used = vec![false; keys.len()];
                YamlValue::Map(
                    entries
                        .into_iter()
                        .enumerate()
                        .map(|(i, (k, v))| {
                            let key = k.key_text();
                            let found = if zip {
                                Some(i)
                            } else {
                                (0..keys.len()).find(|&j| {
                                    !used[j] && self.nodes[keys[j]].key.as_deref() == Some(&key)
                                })
                            };
                            let node = match found {
                                Some(j) => {
                                    used[j] = true;
                                    self.attach(v, Some(keys[j]), self.nodes[keys[j]].line)
                                }
                                None => self.attach(v, None, line),
                            };
                            (key, node)
                        })
                        .collect(),
                )
            }
        };
        YamlNode { line, value }
    }
}

/// `key: rest` → (unquoted key, rest after the colon); `None` when the text is no mapping key.
fn split_key(text: &str) -> Option<(String, &str)> {
    let (key, after) = match text.chars().next()? {
        '"' => {
            let end = quoted_end(text, '"')?;
            let key = text[1..end].replace("\\\"", "\"").replace("\\\\", "\\");
            (key, text[end + 1..].trim_start_matches(' '))
        }
        '\'' => {
            let end = quoted_end(text, '\'')?;
            (
                text[1..end].replace("''", "'"),
                text[end + 1..].trim_start_matches(' '),
            )
        }
        c if "[]{}#&*!|>%@`,".contains(c) => return None,
        _ => {
            let colon = text
                .match_indices(':')
                .map(|(i, _)| i)
                .find(|&i| text[i + 1..].is_empty() || text[i + 1..].starts_with([' ', '\t']))?;
            let key = text[..colon].trim_end();
            if key.contains(" #") {
                return None;
            }
            (key.to_string(), &text[colon..])
        }
    };
    let rest = after.strip_prefix(':')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((key, rest.trim()))
}

/// Byte index of the quote closing the quoted scalar that starts `text`.
fn quoted_end(text: &str, quote: char) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if quote == '"' => i += 2,
            b if b == quote as u8 => {
                if quote == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                    i += 2;
                } else {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Whether the text after `key:` is a value on the same line (so deeper lines continue it)
/// rather than nothing, a comment, or only an anchor/tag before a nested block.
fn has_inline_value(rest: &str) -> bool {
    !(rest.is_empty()
        || rest.starts_with('#')
        || (rest.starts_with(['&', '!']) && !rest.contains(' ')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(node: &YamlNode, path: &[&str]) -> usize {
        let mut n = node;
        for key in path {
            let YamlValue::Map(entries) = &n.value else {
                panic!("not a mapping at {key}");
            };
            n = &entries.iter().find(|(k, _)| k == key).unwrap().1;
        }
        n.line
    }

    #[test]
    fn every_key_gets_its_line() {
        let text = "# c\ndoc: |\n  note: not a key\n  more\nfields:\n  id: integer\n\n  \"+1\": integer\n  perms?:\n    # comment\n    fields:\n      admin: boolean\n  state:\n    enum: [a, b]\n";
        let node = parse_with_lines(text).unwrap();
        assert_eq!(lines_of(&node, &["doc"]), 2);
        assert_eq!(lines_of(&node, &["fields"]), 5);
        assert_eq!(lines_of(&node, &["fields", "id"]), 6);
        assert_eq!(lines_of(&node, &["fields", "+1"]), 8);
        assert_eq!(
            lines_of(&node, &["fields", "perms?", "fields", "admin"]),
            12
        );
        assert_eq!(lines_of(&node, &["fields", "state", "enum"]), 14);
    }

    #[test]
    fn duplicates_are_kept_with_their_own_lines() {
        let node = parse_with_lines("fields:\n  id: integer\n  id: string\n").unwrap();
        let YamlValue::Map(top) = &node.value else {
            panic!()
        };
        let YamlValue::Map(fields) = &top[0].1.value else {
            panic!()
        };
        let got: Vec<_> = fields.iter().map(|(k, v)| (k.as_str(), v.line)).collect();
        assert_eq!(got, [("id", 2), ("id", 3)]);
    }

    #[test]
    fn block_list_items_and_flow_fallback() {
        let node = parse_with_lines("one_of:\n  - A\n  - B\nenum: {a: 1}\n").unwrap();
        let YamlValue::Map(top) = &node.value else {
            panic!()
        };
        let YamlValue::Seq(items) = &top[0].1.value else {
            panic!()
        };
        assert_eq!(items.iter().map(|i| i.line).collect::<Vec<_>>(), [2, 3]);
        // A flow mapping's keys fall back to the line of the key holding it.
        assert_eq!(lines_of(&node, &["enum", "a"]), 4);
    }

    #[test]
    fn compact_lists_and_mappings_in_items() {
        let node = parse_with_lines("list:\n- name: a\n  type: b\nnext: 1\n").unwrap();
        let YamlValue::Map(top) = &node.value else {
            panic!()
        };
        let YamlValue::Seq(items) = &top[0].1.value else {
            panic!()
        };
        assert_eq!(lines_of(&items[0], &["type"]), 3);
        assert_eq!(lines_of(&node, &["next"]), 4);
    }

    #[test]
    fn syntax_errors_have_lines_and_tags_are_refused() {
        let err = parse_with_lines("a: 1\nb: [\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        let err = parse_with_lines("a: !x 1\n").unwrap_err();
        assert!(err.message.contains("tags"), "{err:?}");
    }

    #[test]
    fn keys_are_split_like_yaml() {
        assert_eq!(split_key("a: b"), Some(("a".into(), "b")));
        assert_eq!(split_key("homepage?: x"), Some(("homepage?".into(), "x")));
        assert_eq!(split_key("'it''s': x"), Some(("it's".into(), "x")));
        assert_eq!(split_key("url: http://x"), Some(("url".into(), "http://x")));
        assert_eq!(split_key("http://x"), None);
        assert_eq!(split_key("[a, b]"), None);
    }
}
