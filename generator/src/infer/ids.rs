//! Rules for identifiers and counts: numeric ids and counters by name, ids that are text
//! (scheme-named, SHA- or name-valued, external), and integer-or-string ids.

use super::words::{has_any, has_word, head_noun, last_word, lead, lower, name_words, text_words};
use super::ParamCtx;
use crate::ir::Type;

/// Name endings that denote a counted or numbered thing.
const INTEGER_NAME_ENDS: &[&str] = &[
    "id",
    "number",
    "count",
    "page",
    "line",
    "column",
    "position",
    "minutes",
    "seconds",
    "days",
    "hours",
    "day",
    "month",
    "year",
    "size",
    "length",
    "limit",
    "timer",
    "amount",
    "gb",
    "mb",
    "approvals",
    "index",
    "port",
    "duration",
];

/// "You can also pass the workflow file name as a string": the id may be given either way,
/// so it is an integer-or-string union.
pub fn integer_or_string_alternative(ctx: &ParamCtx) -> Option<Type> {
    let id_like = matches!(last_word(ctx.name).as_str(), "id" | "number");
    let text = lower(ctx.description);
    let alternative = has_any(
        &text,
        &["you can also pass", "you can also give", "as a string"],
    );
    (id_like && alternative).then_some(Type::IntegerOrString)
}

/// `version`, "The version of the repository snapshot submission": the version of what this
/// very request creates (the title's resource, `snapshot`) counts its revisions, an integer;
/// versions of other things ("The version of the detector used", `image_version`, "The
/// artifact version") are text.
pub fn own_version(ctx: &ParamCtx) -> Option<Type> {
    if ctx.parent.is_some()
        || ctx.resource.is_empty()
        || ctx.resource == "version"
        || ctx.name != "version"
    {
        return None;
    }
    let lead = lead(ctx.description);
    let subject = lead
        .strip_prefix("the version of ")
        .or_else(|| lead.strip_prefix("version of "))?;
    let words = text_words(&super::words::first_sentence(subject));
    words
        .iter()
        .any(|w| super::words::same_noun(w, ctx.resource))
        .then_some(Type::Integer)
}

/// `issue_number`, `per_page`, `start_line`, `year`: names ending in a counting word are
/// integers, unless the text says the value is a name, SHA or other textual id.
pub fn integer_by_name(ctx: &ParamCtx) -> Option<Type> {
    let words = name_words(ctx.name);
    let last = words.last()?.as_str();
    let bound =
        words.len() > 1 && matches!(words[0].as_str(), "max" | "min" | "maximum" | "minimum");
    if !INTEGER_NAME_ENDS.contains(&last) && !bound {
        return None;
    }
    (!textual_id(ctx) || last == "number").then_some(Type::Integer)
}

/// Whether an id is text rather than a number: named by a scheme ("The SARIF ID"), described
/// as a name, SHA, slug or UUID or as `latest`, or issued by another system or encrypted
/// (`external_id`, "the key you used to encrypt").
pub fn textual_id(ctx: &ParamCtx) -> bool {
    let head = head_noun(&lead(ctx.description));
    let text_head = head.is_some_and(|h| {
        matches!(
            h.as_str(),
            "name" | "sha" | "slug" | "string" | "guid" | "uuid"
        )
    });
    let text_words = has_word(
        ctx.description,
        &[
            "sha",
            "name",
            "ghsa",
            "latest",
            "slug",
            "guid",
            "uuid",
            "reference",
            "external",
            "encrypt",
        ],
    ) || lower(ctx.description).contains("client id");
    let foreign = name_words(ctx.name)
        .iter()
        .any(|w| w == "external" || w == "encrypted");
    acronym_id(ctx.description) || text_head || text_words || foreign
}

/// "The SARIF ID", "The GHSA (GitHub Security Advisory) identifier": an id named by a
/// capitalised scheme is a formatted external identifier, i.e. text.
pub fn acronym_id(description: &str) -> bool {
    let tokens: Vec<&str> = description
        .split(|c: char| c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    tokens.iter().enumerate().any(|(i, t)| {
        let word = t.trim_matches(|c: char| !c.is_alphanumeric());
        let acronym =
            word.len() >= 3 && word != "ID" && word.chars().all(|c| c.is_ascii_uppercase());
        if !acronym {
            return false;
        }
        // Skip an optional parenthetical expansion, then expect "ID"/"identifier".
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| t.starts_with('(')) {
            while j < tokens.len() && !tokens[j].contains(')') {
                j += 1;
            }
            j += 1;
        }
        tokens.get(j).is_some_and(|t| {
            let next = t.trim_matches(|c: char| !c.is_alphanumeric());
            matches!(next, "ID" | "IDs" | "identifier" | "identifiers")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::infer::testing::{body, path};

    #[test]
    fn versions_of_the_created_resource_are_numbers() {
        let own = ParamCtx {
            resource: "snapshot",
            ..body(
                "version",
                "The version of the repository snapshot submission.",
            )
        };
        assert_eq!(own_version(&own), Some(Type::Integer));
        let tool = ParamCtx {
            resource: "snapshot",
            ..body("version", "The version of the detector used.")
        };
        assert_eq!(own_version(&tool), None);
        let nested = ParamCtx {
            parent: Some("detector"),
            ..own
        };
        assert_eq!(own_version(&nested), None);
        let artifact = ParamCtx {
            resource: "record",
            ..body("version", "The artifact version.")
        };
        assert_eq!(own_version(&artifact), None);
        let qualified = ParamCtx {
            resource: "runner",
            ..body(
                "image_version",
                "The version of the runner image to deploy.",
            )
        };
        assert_eq!(own_version(&qualified), None);
        assert_eq!(
            own_version(&body("version", "The version of the snapshot.")),
            None,
            "no resource known"
        );
    }

    #[test]
    fn union_ids() {
        let c = path(
            "workflow_id",
            "The ID of the workflow. You can also pass the workflow file name as a string.",
        );
        assert_eq!(
            integer_or_string_alternative(&c),
            Some(Type::IntegerOrString)
        );
        assert_eq!(
            integer_or_string_alternative(&path("run_id", "The run.")),
            None
        );
    }

    #[test]
    fn integers_by_name_but_not_textual_ids() {
        assert_eq!(
            integer_by_name(&path("release_id", "The unique identifier of the release.")),
            Some(Type::Integer)
        );
        assert_eq!(integer_by_name(&body("day", "")), Some(Type::Integer));
        assert_eq!(
            integer_by_name(&body("start_line", "")),
            Some(Type::Integer)
        );
        assert_eq!(
            integer_by_name(&path("ghsa_id", "The GHSA identifier of the advisory.")),
            None
        );
        assert_eq!(integer_by_name(&path("owner", "The owner.")), None);
    }

    #[test]
    fn acronym_ids_are_text() {
        assert!(acronym_id("The SARIF ID obtained after uploading."));
        assert!(acronym_id(
            "The GHSA (GitHub Security Advisory) identifier of the advisory."
        ));
        assert!(!acronym_id("The unique identifier of the GPG key."));
        assert!(acronym_id(
            "A list of Common Weakness Enumeration (CWE) IDs."
        ));
        assert_eq!(
            integer_by_name(&path("sarif_id", "The SARIF ID obtained after uploading.")),
            None
        );
        assert_eq!(
            integer_by_name(&body("max_file_size", "")),
            Some(Type::Integer)
        );
    }
}
