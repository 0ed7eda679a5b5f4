//! Rules read from the text about how rows relate: alternatives ("either `a` or `b`"),
//! deprecations ("closing down"), renamed aliases, and the media type of a raw body.

use super::enums::backticked;
use super::words::{has_any, lower, name_words, same_noun, text_words, PHRASE_ENDS};

/// A top-level body row as the alternative rules see it.
#[derive(Debug, Clone, Copy)]
pub struct BodyRow<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub required: bool,
}

/// One alternative read from the text: the name of its variant and the rows sent together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowGroup {
    pub name: String,
    pub rows: Vec<String>,
}

impl RowGroup {
    /// A group of one row, named after it.
    pub fn single(row: &str) -> Self {
        RowGroup {
            name: row.to_string(),
            rows: vec![row.to_string()],
        }
    }
}

/// "This endpoint requires either a `repository_id` OR a `pull_request` but not both",
/// "Delete attestations by either subject digests or unique ID": two or more rows, each marked
/// required although only one of them can be sent, named in one "either … or …" sentence
/// (backticked, or in words of the row's name or text). Returns the groups (one row each) in
/// text order.
pub fn either_required(texts: &[&str], rows: &[BodyRow]) -> Option<Vec<RowGroup>> {
    if rows.iter().filter(|r| r.required).count() < 2 {
        return None;
    }
    for text in texts.iter().filter(|t| t.contains("ither ")) {
        for sentence in text.split(". ") {
            // ASCII lower-casing keeps byte offsets, so `at` indexes `sentence` too.
            let low = sentence.to_ascii_lowercase();
            let Some(at) = low.find("either ") else {
                continue;
            };
            if !low[at..].contains(" or ") {
                continue;
            }
            let named = named_rows(&sentence[at + "either ".len()..], rows);
            if named.len() >= 2 {
                return Some(named.iter().map(|n| RowGroup::single(n)).collect());
            }
        }
    }
    None
}

/// The distinct required rows an "either" clause names: backticked names, else each part
/// between `or`s and commas read as the words of a row's name ("subject digests") or of its
/// text ("unique ID" for a row described as "List of unique IDs …").
fn named_rows(clause: &str, rows: &[BodyRow]) -> Vec<String> {
    let required: Vec<&BodyRow> = rows.iter().filter(|r| r.required).collect();
    let mut named: Vec<String> = Vec::new();
    for v in backticked(clause) {
        if required.iter().any(|r| r.name == v) && !named.contains(&v) {
            named.push(v);
        }
    }
    if named.len() >= 2 {
        return named;
    }
    let mut by_words: Vec<String> = Vec::new();
    let low = lower(clause);
    for part in low.split(" or ").flat_map(|p| p.split(", ")) {
        let words: Vec<String> = text_words(part)
            .into_iter()
            .skip_while(|w| matches!(w.as_str(), "a" | "an" | "the" | "by" | "either"))
            .take_while(|w| !PHRASE_ENDS.contains(&w.as_str()))
            .collect();
        if words.is_empty() || words.len() > 4 {
            continue;
        }
        let hit = required.iter().find(|r| {
            !by_words.iter().any(|n| n == r.name)
                && (phrase_in(&name_words(r.name), &words)
                    || (words.len() >= 2 && phrase_in(&text_words(r.description), &words)))
        });
        if let Some(r) = hit {
            by_words.push(r.name.to_string());
        }
    }
    by_words
}

/// Whether `needle` occurs as consecutive words of `hay`, singular or plural alike.
fn phrase_in(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty()
        && hay
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(a, b)| same_noun(a, b)))
}

/// The row's own text says it is closing down or deprecated ("**This field is closing
/// down.**", "**Closing down notice**", "This parameter is deprecated"); values said to be
/// deprecated ("`number` is deprecated") do not make the parameter so.
pub fn deprecated(description: &str) -> bool {
    if !description.contains("losing down") && !description.contains("eprecated") {
        return false;
    }
    let text = lower(description);
    has_any(
        &text,
        &[
            "closing down notice",
            "**closing down",
            "closing down:**",
            "this field is closing down",
            "this parameter is closing down",
            "this property is closing down",
            "this field is deprecated",
            "this parameter is deprecated",
            "this property is deprecated",
            "parameter is closing down and will be removed",
        ],
    )
}

/// "This property replaces `location`, which is closing down": rows that another row's text
/// names as replaced.
pub fn replaced_rows(description: &str) -> Vec<String> {
    if !description.contains("eplaces `") && !description.contains("instead of `") {
        return Vec::new();
    }
    // Offsets into the ASCII-lower-cased copy are offsets into `description`.
    let text = description.to_ascii_lowercase();
    let mut out = Vec::new();
    for cue in ["replaces `", "use this instead of `"] {
        for (at, _) in text.match_indices(cue) {
            let rest = &description[at + cue.len()..];
            if let Some(end) = rest.find('`') {
                let after = lower(&rest[end..]);
                if has_any(&after, &["closing down", "deprecated"]) {
                    out.push(rest[..end].to_string());
                }
            }
        }
    }
    out
}

/// "The `payload` parameter is available for any extra information … It is a JSON text
/// field …": the part of the endpoint's text that introduces a parameter by name, from that
/// sentence to the end of its paragraph; empty when the text does not.
pub fn described_in(endpoint: &str, name: &str) -> String {
    if name.is_empty() || !endpoint.contains(name) {
        return String::new();
    }
    let Some(at) = endpoint.find(&format!("`{name}` parameter")) else {
        return String::new();
    };
    let before = &endpoint[..at];
    let start = [
        before.rfind(". ").map(|i| i + 2),
        before.rfind("\n\n").map(|i| i + 2),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    let end = endpoint[at..]
        .find("\n\n")
        .map_or(endpoint.len(), |e| at + e);
    endpoint[start..end].trim().to_string()
}

/// An optional row documented word for word like a route parameter (`alert_id` beside path
/// `alert_number`, `org_id` beside `org`) is that parameter's old name: Octokit maps such
/// renamed parameters onto the new one. Returns the route parameter it is an alias of.
pub fn alias_of<'a>(
    name: &str,
    description: &str,
    required: bool,
    route_params: &[(&'a str, &str)],
) -> Option<&'a str> {
    if required || description.trim().is_empty() {
        return None;
    }
    route_params
        .iter()
        .find(|(n, d)| *n != name && d.trim() == description.trim())
        .map(|(n, _)| *n)
}

/// "using a `Content-Type` header of `text/plain` or `text/x-markdown`": the first media type
/// the endpoint text names for its raw body, if any.
pub fn raw_content_type(description: &str) -> Option<String> {
    let at = description.to_ascii_lowercase().find("content-type")?;
    // From the start of the backticked span (or word) that names the header.
    let start = description[..at]
        .rfind('`')
        .filter(|b| at - b == 1)
        .unwrap_or(at);
    let rest = &description[start..];
    let rest = rest
        .strip_prefix('`')
        .map_or(rest, |r| &r[r.find('`').map_or(0, |e| e + 1)..]);
    backticked(rest).into_iter().find(|v| is_media_type(v))
}

/// `text/plain`, `application/octet-stream`: a `type/subtype` without spaces.
fn is_media_type(v: &str) -> bool {
    let Some((a, b)) = v.split_once('/') else {
        return false;
    };
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '+' | '*'))
    };
    ok(a) && ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows<'a>(list: &[(&'a str, &'a str, bool)]) -> Vec<BodyRow<'a>> {
        list.iter()
            .map(|&(name, description, required)| BodyRow {
                name,
                description,
                required,
            })
            .collect()
    }

    fn names(groups: Option<Vec<RowGroup>>) -> Option<Vec<String>> {
        groups.map(|g| g.into_iter().map(|g| g.name).collect())
    }

    /// `İ` lower-cases to three bytes from two: offsets found in a lower-cased copy must still
    /// index the original text (they did not, and sliced inside a character or beside the cue).
    #[test]
    fn non_ascii_text_before_a_cue_keeps_offsets_right() {
        let required = rows(&[("repository_id", "", true), ("pull_request", "", true)]);
        let text = "İİİ İstanbul: requires either `repository_id` or `pull_request`.";
        assert_eq!(
            names(either_required(&[text], &required)),
            Some(vec![
                "repository_id".to_string(),
                "pull_request".to_string()
            ])
        );
        assert_eq!(
            replaced_rows("İİİİ Replaces `old_name`, which is closing down."),
            ["old_name"]
        );
        assert_eq!(
            raw_content_type("İİİİ Send it with a `Content-Type` of `text/plain`.").as_deref(),
            Some("text/plain")
        );
    }

    #[test]
    fn either_of_two_required_rows() {
        let required = rows(&[
            ("repository_id", "", true),
            ("ref", "", false),
            ("pull_request", "", true),
        ]);
        let text = "Creates it.\n\nThis endpoint requires either a `repository_id` OR a `pull_request` but not both.";
        assert_eq!(
            either_required(&[text], &required),
            Some(vec![
                RowGroup::single("repository_id"),
                RowGroup::single("pull_request")
            ])
        );
        // Optional rows are independent setters already.
        let optional = rows(&[("tool_name", "", false), ("tool_guid", "", false)]);
        let text =
            "You can specify the tool by using either `tool_name` or `tool_guid`, but not both.";
        assert_eq!(either_required(&[text], &optional), None);
        assert_eq!(
            either_required(&["Either `open` or `closed`."], &required),
            None
        );
    }

    #[test]
    fn either_names_rows_in_words() {
        let bulk = rows(&[
            (
                "subject_digests",
                "List of subject digests of the items.",
                true,
            ),
            ("attestation_ids", "List of unique IDs of the items.", true),
        ]);
        let text = "Deletes items in bulk by either subject digests or unique ID.";
        assert_eq!(
            names(either_required(&[text], &bulk)),
            Some(vec!["subject_digests".into(), "attestation_ids".into()])
        );
        // One word of a row's text is not enough, and parts naming nothing are skipped.
        let loose = rows(&[
            ("title", "The title of the item.", true),
            ("body", "The item's text.", true),
        ]);
        assert_eq!(
            either_required(&["Either the item or the text, but not both."], &loose),
            None
        );
        assert_eq!(
            names(either_required(&["Send either a title or a body."], &loose)),
            Some(vec!["title".into(), "body".into()])
        );
    }

    #[test]
    fn rows_introduced_by_the_endpoint_text() {
        let text = "Creates it.\n\nThe `ref` row is a branch. The `payload` parameter carries\nextra data. It is a JSON text field.\n\nThe `task` parameter names a task.";
        assert_eq!(
            described_in(text, "payload"),
            "The `payload` parameter carries\nextra data. It is a JSON text field."
        );
        assert_eq!(
            described_in(text, "task"),
            "The `task` parameter names a task."
        );
        assert_eq!(described_in(text, "ref"), "");
        assert_eq!(described_in(text, "other"), "");
    }

    #[test]
    fn closing_down_rows() {
        assert!(deprecated(
            "Login for the user. _NOTE: dropped otherwise. **This field is closing down.**_"
        ));
        assert!(deprecated(
            "**Closing down notice**. Use **position** instead."
        ));
        assert!(deprecated(
            "Login of one user. **Closing down:** use `assignees`."
        ));
        assert!(!deprecated(
            "The property to sort by. `number` is deprecated - use `created` instead."
        ));
        assert!(!deprecated("The login of the user."));
    }

    #[test]
    fn replaced_rows_are_named() {
        assert_eq!(
            replaced_rows("The area. This property replaces `location`, which is closing down."),
            vec!["location"]
        );
        assert!(replaced_rows("This replaces `x` with a better value.").is_empty());
    }

    #[test]
    fn aliases_share_the_route_parameter_text() {
        let route = [
            ("owner", "The owner."),
            ("alert_number", "The number of an alert."),
        ];
        assert_eq!(
            alias_of("alert_id", "The number of an alert.", false, &route),
            Some("alert_number")
        );
        assert_eq!(
            alias_of("alert_id", "The number of an alert.", true, &route),
            None
        );
        assert_eq!(alias_of("state", "Another text.", false, &route), None);
        assert_eq!(alias_of("x", "", false, &[("y", "")]), None);
    }

    #[test]
    fn raw_media_types() {
        let d = "You must send Markdown as plain text (using a `Content-Type` header of `text/plain` or `text/x-markdown`) to this endpoint.";
        assert_eq!(raw_content_type(d).as_deref(), Some("text/plain"));
        assert_eq!(raw_content_type("Uploads `a/b` as the asset."), None);
        assert_eq!(raw_content_type("Set the `Content-Type` header."), None);
    }
}
