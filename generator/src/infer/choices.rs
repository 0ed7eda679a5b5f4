//! Rules read from the text about how rows relate: alternatives ("either `a` or `b`"),
//! deprecations ("closing down"), renamed aliases, and the media type of a raw body.

use super::enums::backticked;
use super::words::{has_any, lower};

/// "This endpoint requires either a `repository_id` OR a `pull_request` but not both":
/// two or more rows, each marked required although only one of them can be sent, named in
/// one "either … or …" sentence. `rows` holds `(name, required)` of the top-level rows.
/// Returns the groups (one row each) in text order.
pub fn either_required(texts: &[&str], rows: &[(&str, bool)]) -> Option<Vec<Vec<String>>> {
    if rows.iter().filter(|(_, required)| *required).count() < 2 {
        return None;
    }
    for text in texts.iter().filter(|t| t.contains("ither ")) {
        for sentence in text.split(". ") {
            let low = lower(sentence);
            let Some(at) = low.find("either ") else {
                continue;
            };
            if !low[at..].contains(" or ") {
                continue;
            }
            let named: Vec<String> = backticked(&sentence[at..])
                .into_iter()
                .filter(|v| rows.iter().any(|(n, required)| n == v && *required))
                .collect();
            let mut groups: Vec<Vec<String>> = Vec::new();
            for n in named {
                if !groups.iter().any(|g| g[0] == n) {
                    groups.push(vec![n]);
                }
            }
            if groups.len() >= 2 {
                return Some(groups);
            }
        }
    }
    None
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
    let text = lower(description);
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
    let at = lower(description).find("content-type")?;
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

    #[test]
    fn either_of_two_required_rows() {
        let rows = [
            ("repository_id", true),
            ("ref", false),
            ("pull_request", true),
        ];
        let text = "Creates it.\n\nThis endpoint requires either a `repository_id` OR a `pull_request` but not both.";
        assert_eq!(
            either_required(&[text], &rows),
            Some(vec![
                vec!["repository_id".into()],
                vec!["pull_request".into()]
            ])
        );
        // Optional rows are independent setters already.
        let optional = [("tool_name", false), ("tool_guid", false)];
        let text =
            "You can specify the tool by using either `tool_name` or `tool_guid`, but not both.";
        assert_eq!(either_required(&[text], &optional), None);
        assert_eq!(
            either_required(&["Either `open` or `closed`."], &rows),
            None
        );
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
