//! Tables that flatten alternatives: required rows that apply to one kind of the resource an
//! endpoint creates ("for single select fields"), rows that make it from another object, and
//! undocumented objects whose fields depend on a sibling `type`.

use super::choices::{BodyRow, RowGroup};
use super::words::{last_word, lower, same_noun, text_words, PHRASE_ENDS};

/// Words that pick out some of the resources rather than name a kind ("for all fields").
const NOT_KINDS: &[&str] = &[
    "all",
    "any",
    "each",
    "every",
    "these",
    "those",
    "other",
    "some",
    "such",
    "new",
    "existing",
    "your",
    "its",
    "their",
    "both",
    "multiple",
    "several",
    "many",
    "more",
    "most",
    "given",
    "specified",
    "no",
    "one",
    "same",
];

/// "The options available for single select fields", "when creating a single select field":
/// the kind of the resource (`field`) a row's text restricts the row to (`single select`).
pub fn kind_of(description: &str, resource: &str) -> Option<String> {
    if resource.is_empty() || !lower(description).contains(resource) {
        return None;
    }
    let words = text_words(description);
    let is_kind =
        |w: &String| !PHRASE_ENDS.contains(&w.as_str()) && !NOT_KINDS.contains(&w.as_str());
    for (i, w) in words.iter().enumerate() {
        if !same_noun(w, resource) {
            continue;
        }
        for k in 1..=3.min(i) {
            let kind = &words[i - k..i];
            if !kind.iter().all(is_kind) {
                break;
            }
            let before = i.checked_sub(k + 1).map(|b| words[b].as_str());
            let before2 = i.checked_sub(k + 2).map(|b| words[b].as_str());
            let cue = matches!(
                (before2, before),
                (_, Some("for"))
                    | (
                        Some("creating" | "create" | "adding" | "add"),
                        Some("a" | "an")
                    )
            );
            if cue {
                return Some(kind.join(" "));
            }
        }
    }
    None
}

/// "The ID of the IssueField to create the field for": an id row saying the resource is made
/// from (or for) another object, so it is sent instead of the resource's own attributes.
fn makes_from_other(row: &BodyRow, resource: &str) -> bool {
    if last_word(row.name) != "id" {
        return false;
    }
    let text = lower(row.description);
    ["create the ", "create a ", "make the "].iter().any(|cue| {
        text.match_indices(cue).any(|(at, _)| {
            text_words(&text[at + cue.len()..])
                .first()
                .is_some_and(|w| same_noun(w, resource))
        })
    })
}

/// Required body rows whose text restricts them to two or more kinds of the created resource
/// are a flattened set of alternatives: one per kind (the shared required rows plus that kind's
/// rows), one with the shared rows alone (kinds that need nothing more), and one per id row
/// that makes the resource from another object (sent alone). `None` when fewer than two kinds
/// are named.
pub fn kind_alternatives(resource: &str, rows: &[BodyRow]) -> Option<Vec<RowGroup>> {
    let required: Vec<&BodyRow> = rows.iter().filter(|r| r.required).collect();
    let kinds: Vec<(Option<String>, &BodyRow)> = required
        .iter()
        .map(|r| (kind_of(r.description, resource), *r))
        .collect();
    let mut distinct: Vec<&String> = Vec::new();
    for k in kinds.iter().filter_map(|(k, _)| k.as_ref()) {
        if !distinct.contains(&k) {
            distinct.push(k);
        }
    }
    if distinct.len() < 2 {
        return None;
    }
    let from_other: Vec<&str> = kinds
        .iter()
        .filter(|(k, r)| k.is_none() && makes_from_other(r, resource))
        .map(|(_, r)| r.name)
        .collect();
    let shared = |r: &BodyRow, k: &Option<String>| k.is_none() && !from_other.contains(&r.name);
    let shared_rows: Vec<String> = kinds
        .iter()
        .filter(|(k, r)| shared(r, k))
        .map(|(_, r)| r.name.to_string())
        .collect();
    let mut groups: Vec<RowGroup> = from_other.iter().map(|r| RowGroup::single(r)).collect();
    if !shared_rows.is_empty() {
        groups.push(RowGroup {
            name: shared_rows.join("_and_"),
            rows: shared_rows.clone(),
        });
    }
    for kind in distinct {
        let rows = kinds
            .iter()
            .filter(|(k, r)| shared(r, k) || k.as_ref() == Some(kind))
            .map(|(_, r)| r.name.to_string())
            .collect();
        groups.push(RowGroup {
            name: kind.replace(' ', "_"),
            rows,
        });
    }
    Some(groups)
}

/// `rules[].parameters` beside `rules[].type`, with no text of its own: an object whose
/// fields depend on a sibling type row (the docs list every type's fields together), so no
/// field is required by itself.
pub fn fields_depend_on_type(description: &str, siblings: &[String]) -> bool {
    description.trim().is_empty()
        && siblings
            .iter()
            .any(|s| s == "type" || s.ends_with("_type") || s.ends_with("-type"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(name: &'a str, description: &'a str) -> BodyRow<'a> {
        BodyRow {
            name,
            description,
            required: true,
        }
    }

    #[test]
    fn kinds_named_in_row_text() {
        let d = "The options for single select fields. At least one must be given when creating a single select field.";
        assert_eq!(kind_of(d, "field").as_deref(), Some("single select"));
        assert_eq!(
            kind_of("The configuration for iteration fields.", "field").as_deref(),
            Some("iteration")
        );
        assert_eq!(
            kind_of("Used when creating a date field.", "field").as_deref(),
            Some("date")
        );
        assert_eq!(kind_of("The name of the field.", "field"), None);
        assert_eq!(kind_of("Applies for all fields.", "field"), None);
        assert_eq!(kind_of("The ID to create the field for.", "field"), None);
        assert_eq!(kind_of("For iteration fields.", ""), None);
    }

    #[test]
    fn kinds_split_the_table_into_alternatives() {
        let rows = [
            row("source_id", "The ID of the Source to create the field for."),
            row("name", "The name of the field."),
            row("data_type", "The field's data type."),
            row("options", "The options for single select fields."),
            row("iteration", "The configuration for iteration fields."),
            BodyRow {
                name: "note",
                description: "A note for other fields.",
                required: false,
            },
        ];
        let groups = kind_alternatives("field", &rows).expect("alternatives");
        let got: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|g| (g.name.as_str(), g.rows.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            [
                ("source_id", vec!["source_id"]),
                ("name_and_data_type", vec!["name", "data_type"]),
                ("single_select", vec!["name", "data_type", "options"]),
                ("iteration", vec!["name", "data_type", "iteration"]),
            ]
        );
        // One kind is not a set of alternatives; without kinds an id row stays a row.
        assert_eq!(kind_alternatives("field", &rows[..4]), None);
        assert_eq!(kind_alternatives("field", &rows[..3]), None);
    }

    #[test]
    fn objects_whose_fields_depend_on_a_type() {
        let siblings = ["type".to_string(), "parameters".to_string()];
        assert!(fields_depend_on_type("", &siblings));
        assert!(!fields_depend_on_type("The rule's settings.", &siblings));
        assert!(!fields_depend_on_type("", &["name".to_string()]));
        assert!(fields_depend_on_type("", &["actor_type".to_string()]));
    }
}
