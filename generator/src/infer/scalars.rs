//! Rules for scalar types (boolean, integer, string, enum) from description wording
//! and names.

use super::arrays::is_plural;
use super::enums::{backticked, distinct, listed_values};
use super::words::{
    first_sentence, first_word, has_any, head_noun, last_word, lead, lower, name_words, starts_any,
    text_words,
};
use super::{ids, ParamCtx};
use crate::ir::Type;

/// Leading name words of yes/no settings (`has_issues`, `allow_forking`, `is_template`).
const BOOLEAN_NAME_STARTS: &[&str] = &[
    "has", "is", "allow", "allows", "can", "enable", "enforce", "exclude", "lock", "prevent",
    "use", "auto", "require", "dismiss", "block", "skip", "hide", "show", "should", "include",
];

/// Trailing name words of yes/no settings (`secret_scanning_enabled`, `default_branch_only`).
const BOOLEAN_NAME_ENDS: &[&str] = &[
    "enabled", "disabled", "only", "required", "allowed", "private", "public",
];

/// "Can be one of: `a`, `b`": a closed set of strings (booleans when the set is true/false).
/// Backticked names of sibling parameters ("Either `artifact_id` or `artifact_url`") are not
/// values: a list at least half made of them is none.
pub fn listed_enum(ctx: &ParamCtx) -> Option<Type> {
    let values = listed_values(ctx.description)?;
    // "A comma-separated list of states. Can be: `open`, …": the values are items of one string.
    if has_any(
        &lower(ctx.description),
        &["comma-separated", "comma separated"],
    ) {
        return None;
    }
    // A sort key may share a filter's name (`epss_percentage`): only a list made mostly of
    // parameter names is about the parameters.
    let named = values
        .iter()
        .filter(|v| *v == ctx.name || ctx.siblings.contains(v))
        .count();
    if 2 * named >= values.len() {
        return None;
    }
    if values.iter().all(|v| v == "true" || v == "false") {
        return Some(Type::Boolean);
    }
    // "Array of allowed merge methods. Allowed values include …": the values are the items'.
    let is_list = matches!(
        super::arrays::array_by_wording(ctx),
        Some(Type::Array { items }) if *items == Type::String
    );
    let values = Type::Enum { values, name: None };
    Some(if is_list {
        Type::Array {
            items: Box::new(values),
        }
    } else {
        values
    })
}

/// "It is a JSON text field": a JSON value, sent as an object or as its text.
pub fn json_text(ctx: &ParamCtx) -> Option<Type> {
    if !ctx.description.contains("JSON") && !ctx.description.contains("json") {
        return None;
    }
    has_any(&lower(ctx.description), &["json text", "json-encoded text"]).then(|| Type::Union {
        types: vec![Type::Object { fields: Vec::new() }, Type::String],
    })
}

/// "For text, number, and date fields, provide the new value directly", "a string or a
/// number": value kinds joined in one list (by commas, `and`, `or`) name a union of two or
/// more JSON types.
pub fn union_by_wording(ctx: &ParamCtx) -> Option<Type> {
    // Cheap test first: this runs on every row, and two kind words are rare.
    let text = lower(ctx.description);
    let named = [
        "string", "text", "date", "number", "numeric", "integer", "boolean",
    ]
    .iter()
    .filter(|k| text.contains(*k))
    .count();
    if named < 2 {
        return None;
    }
    let kind = |w: &str| match w {
        "string" | "strings" | "text" | "date" => Some(Type::String),
        "number" | "numbers" | "numeric" => Some(Type::Number),
        "integer" | "integers" => Some(Type::Integer),
        "boolean" | "booleans" => Some(Type::Boolean),
        _ => None,
    };
    let words = text_words(ctx.description);
    let mut best: Vec<Type> = Vec::new();
    let mut run: Vec<Type> = Vec::new();
    for w in words.iter().map(String::as_str) {
        match (kind(w), w) {
            // Kinds next to each other were joined by commas (dropped with punctuation).
            (Some(t), _) => {
                if !run.contains(&t) {
                    run.push(t);
                }
            }
            (None, "and" | "or" | "a" | "an" | "either") => {}
            _ => {
                if run.len() > best.len() {
                    best = std::mem::take(&mut run);
                }
                run.clear();
            }
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    if best.len() < 2 {
        return None;
    }
    Some(match best.as_slice() {
        [Type::Integer, Type::String] | [Type::String, Type::Integer] => Type::IntegerOrString,
        _ => Type::Union { types: best },
    })
}

/// "Whether …", "Set to `true` to …", "If `true`, …": the text describes a yes/no switch.
pub fn boolean_by_wording(ctx: &ParamCtx) -> Option<Type> {
    let lead = lead(ctx.description);
    let text = lower(ctx.description);
    let starts = starts_any(
        &lead,
        &[
            "whether",
            "if `true`",
            "if true",
            "set to `true`",
            "set to `false`",
            "setting to `true`",
            "`true` to",
            "`true` if",
            "either `true`",
            "when set to `true`",
            "when `true`",
            "when true",
            "determines if",
            "determines whether",
            "indicates whether",
            "indicates if",
            "specifies whether",
            "specifies if",
            "specify whether",
            "controls whether",
            "a boolean",
            "boolean",
            "option that, when true",
            "is the ",
            "are the ",
            "does the ",
            "should the ",
            "`true`",
            "`false`",
        ],
    );
    let anywhere = has_any(
        &text,
        &[
            "set to `true`",
            "set to `false`",
            "`true` to ",
            "`false` to ",
            "if `true`",
            "when `true`",
            "default: `false`",
            "default: `true`",
            "defaults to `false`",
            "defaults to `true`",
            "default is `false`",
            "default is `true`",
            "boolean value",
        ],
    );
    (starts || anywhere).then_some(Type::Boolean)
}

/// "Allow repositories …", "Require branches to be up to date …", "Copilot automatically
/// reviews …": a lead that states a behaviour to switch on, rather than naming a value.
pub fn boolean_by_behaviour(ctx: &ParamCtx) -> Option<Type> {
    let lead = lead(ctx.description);
    let imperative = starts_any(
        &lead,
        &[
            "allow ",
            "allows ",
            "require ",
            "requires ",
            "include ",
            "enable ",
            "enables ",
            "disable ",
            "enforce ",
            "enforces ",
            "block ",
            "blocks ",
            "prevent ",
            "permit ",
            "permits ",
            "lock ",
            "do not ",
            "don't ",
        ],
    );
    (imperative || states_behaviour(&lead)).then_some(Type::Boolean)
}

/// "Branch can pull changes …", "All conversations must be resolved …": the first sentence's
/// main clause (not a relative one) has a modal verb, or says something happens
/// "automatically"; "can be …"/"must be …" describe values instead.
fn states_behaviour(lead: &str) -> bool {
    let words = text_words(&first_sentence(lead));
    if words.iter().any(|w| w == "automatically") {
        return true;
    }
    let Some(at) = words.iter().position(|w| w == "can" || w == "must") else {
        return false;
    };
    let subordinate = [
        "the", "a", "an", "that", "which", "who", "when", "where", "if", "whether", "uses",
    ];
    let before_ok = at > 0
        && !words[..at]
            .iter()
            .any(|w| subordinate.contains(&w.as_str()));
    // "must be resolved" is a behaviour; "can be the name …" describes a value.
    let after_ok = match words.get(at + 1).map(String::as_str) {
        Some("be") => words.get(at + 2).is_some_and(|w| w.ends_with("ed")),
        Some("only") | None => false,
        Some(_) => true,
    };
    before_ok && after_ok
}

/// "Whether to approve or reject …", "Indicates whether a campaign is open or closed": a
/// "whether" that names two alternatives (not "whether or not") picks one of two strings.
pub fn string_by_alternatives(ctx: &ParamCtx) -> Option<Type> {
    let sentence = first_sentence(&lead(ctx.description));
    let at = sentence.find("whether")?;
    // "… highest number of matches (`desc`) or lowest (`asc`)": the choices are backticked.
    let ticked = backticked(&sentence[at..]);
    let named = ticked
        .iter()
        .filter(|v| !matches!(v.as_str(), "true" | "false") && !ctx.siblings.contains(v))
        .count();
    if named >= 2 {
        return Some(Type::Enum {
            values: distinct(ticked),
            name: None,
        });
    }
    let words = text_words(&sentence[at..]);
    if has_any(&sentence, &["`true`", "`false`"]) {
        return None;
    }
    // "whether to approve or reject", "whether a campaign is open or closed": the `or` comes
    // early and joins two bare alternatives ("or to …", "or users should …" do not).
    let or_at = words.iter().take(8).position(|w| w == "or")?;
    let next = words.get(or_at + 1).map(String::as_str);
    let after = words.get(or_at + 2).map(String::as_str);
    let verbs = ["should", "will", "can", "must", "are", "is", "be", "have"];
    let bare =
        !matches!(next, Some("to" | "not") | None) && !after.is_some_and(|w| verbs.contains(&w));
    // "whether Actions can create … or submit …": a modal makes it a yes/no question.
    let modal = words[..or_at]
        .iter()
        .any(|w| matches!(w.as_str(), "can" | "should" | "must" | "will"));
    (bare && !modal).then_some(Type::String)
}

/// "The number of …", "Default: `30`", "an integer between": the text describes a count
/// or a numeric identifier.
pub fn integer_by_wording(ctx: &ParamCtx) -> Option<Type> {
    let lead = lead(ctx.description);
    let text = lower(ctx.description);
    let starts = starts_any(
        &lead,
        &[
            "the number of",
            "number of",
            "the maximum number",
            "the minimum number",
            "the maximum amount",
            "maximum number",
            "minimum number",
            "the page number",
            "the numeric id",
            "page number",
            "limit the number",
        ],
    );
    // "The ID of the review comment", "A user ID.": numeric unless the id is text-valued.
    let id_lead =
        starts_any(&lead, &["the id of", "id of"]) && !ids::textual_id(ctx) && !is_plural(ctx.name);
    // "The port number for …", "the starting index of …": the subject is a number.
    let numeric_head = head_noun(&lead)
        .is_some_and(|h| matches!(h.as_str(), "number" | "count" | "index" | "total"));
    let an_id = {
        let words = text_words(&lead);
        matches!(words.first().map(String::as_str), Some("a" | "an"))
            && words.get(2).is_some_and(|w| w == "id")
            && !ids::textual_id(ctx)
    };
    let anywhere = has_any(&text, &["an integer", "integer between", "whole number"])
        || default_is_number(&text);
    (starts || anywhere || an_id || id_lead || numeric_head).then_some(Type::Integer)
}

/// Whether the text states a numeric default (`Default: `30``, "defaults to 30").
fn default_is_number(text: &str) -> bool {
    ["default: `", "default: ", "defaults to `", "defaults to "]
        .iter()
        .any(|cue| {
            text.match_indices(cue).any(|(at, _)| {
                let rest = &text[at + cue.len()..];
                let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                let after = rest[digits.len()..].chars().next();
                !digits.is_empty() && !matches!(after, Some('-' | ':' | '.' | '/'))
            })
        })
}

/// "in ISO 8601 format", "The SHA of …", "The name of …": wording that pins a string even
/// when the name looks numeric or plural.
pub fn string_by_wording(ctx: &ParamCtx) -> Option<Type> {
    let lead = lead(ctx.description);
    let text = lower(ctx.description);
    let anywhere = has_any(
        &text,
        &[
            "iso 8601",
            "yyyy-mm-dd",
            "comma-separated",
            "comma separated",
            "base64",
            "node id",
            "global id",
        ],
    );
    let starts = starts_any(
        &lead,
        &[
            "the sha",
            "sha of",
            "the name of",
            "the title",
            "the url",
            "the type of",
            "the reason",
            "the external id",
            "the kind of",
            "the level of",
        ],
    );
    (anywhere || starts).then_some(Type::String)
}

/// Trailing name words of text values (`head_sha`, `target_url`, `commit_message`, `due_at`).
const STRING_NAME_ENDS: &[&str] = &[
    "sha", "url", "email", "digest", "path", "ref", "date", "at", "name", "login", "slug", "title",
    "body", "message", "key",
];

/// `head_sha`, `callback_url`, `encrypted_json_credentials`: names ending in a textual noun,
/// or naming encrypted content (ciphertext travels as text), are strings even when their other
/// words look boolean, numeric or plural.
pub fn string_by_name(ctx: &ParamCtx) -> Option<Type> {
    let words = name_words(ctx.name);
    let textual_end = words
        .last()
        .is_some_and(|w| STRING_NAME_ENDS.contains(&w.as_str()));
    let encrypted = words.iter().any(|w| w == "encrypted");
    (textual_end || encrypted).then_some(Type::String)
}

/// `has_issues`, `allow_forking`, `secret_scanning_enabled`, `public`: names built from
/// yes/no words (or one yes/no adjective alone) are booleans when nothing else spoke.
pub fn boolean_by_name(ctx: &ParamCtx) -> Option<Type> {
    let words = name_words(ctx.name);
    let first = first_word(ctx.name);
    let last = last_word(ctx.name);
    if words.len() < 2 {
        // `public`, `private`, `enabled`: a state adjective on its own.
        return (words.len() == 1 && BOOLEAN_NAME_ENDS.contains(&last.as_str()))
            .then_some(Type::Boolean);
    }
    // `*_enabled_for_new_repositories`; a leading `enabled_` qualifies a noun instead.
    let switch_word = words[1..].iter().any(|w| w == "enabled" || w == "disabled");
    (BOOLEAN_NAME_STARTS.contains(&first.as_str())
        || BOOLEAN_NAME_ENDS.contains(&last.as_str())
        || switch_word)
        .then_some(Type::Boolean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::infer::testing::{body, query};

    #[test]
    fn enums_and_boolean_sets() {
        let c = body("state", "Can be one of: `open`, `closed`.");
        assert_eq!(
            listed_enum(&c),
            Some(Type::Enum {
                values: vec!["open".into(), "closed".into()],
                name: None,
            })
        );
        assert_eq!(
            listed_enum(&body("x", "Can be one of: `true`, `false`.")),
            Some(Type::Boolean)
        );
        let list = body(
            "methods",
            "Array of allowed methods. Allowed values include `merge` and `squash`.",
        );
        assert_eq!(
            listed_enum(&list),
            Some(Type::Array {
                items: Box::new(Type::Enum {
                    values: vec!["merge".into(), "squash".into()],
                    name: None,
                })
            })
        );
    }

    #[test]
    fn sort_keys_may_share_filter_names() {
        let siblings = ["state".to_string(), "epss_percentage".to_string()];
        let d = "The property to sort by.\n`created` means when created.\n`updated` means when changed.\n`epss_percentage` sorts alerts by EPSS.";
        let c = ParamCtx {
            siblings: &siblings,
            ..query("sort", d)
        };
        assert_eq!(
            listed_enum(&c),
            Some(Type::Enum {
                values: vec!["created".into(), "updated".into(), "epss_percentage".into()],
                name: None,
            })
        );
        // A choice between parameters is no enum of values.
        let siblings = ["artifact_id".to_string(), "artifact_url".to_string()];
        let c = ParamCtx {
            siblings: &siblings,
            ..body("name", "Either `artifact_id` or `artifact_url`.")
        };
        assert_eq!(listed_enum(&c), None);
    }

    #[test]
    fn unions_by_wording() {
        let d = "The new value for the field:\n- For text, number, and date fields, provide the new value directly.";
        assert_eq!(
            union_by_wording(&body("value", d)),
            Some(Type::Union {
                types: vec![Type::String, Type::Number]
            })
        );
        assert_eq!(
            union_by_wording(&body("x", "Either a string or an integer.")),
            Some(Type::IntegerOrString)
        );
        assert_eq!(
            union_by_wording(&body("x", "The name of the text field.")),
            None
        );
        assert_eq!(
            union_by_wording(&body("x", "The text of the comment. A number is added.")),
            None
        );
    }

    #[test]
    fn json_text_is_an_object_or_its_text() {
        let d = "The `payload` parameter carries extra data. It is a JSON text field.";
        assert_eq!(
            json_text(&body("payload", d)),
            Some(Type::Union {
                types: vec![Type::Object { fields: Vec::new() }, Type::String]
            })
        );
        assert_eq!(json_text(&body("x", "A JSON object.")), None);
        assert_eq!(json_text(&body("x", "The text.")), None);
    }

    #[test]
    fn booleans_by_wording() {
        assert_eq!(
            boolean_by_wording(&body("private", "Whether the repository is private.")),
            Some(Type::Boolean)
        );
        assert_eq!(
            boolean_by_wording(&body("x", "Enforce it. Set to `true` to enforce.")),
            Some(Type::Boolean)
        );
        assert_eq!(boolean_by_wording(&body("title", "The title.")), None);
    }

    #[test]
    fn booleans_by_behaviour() {
        assert_eq!(
            boolean_by_behaviour(&body("strict", "Require branches to be up to date.")),
            Some(Type::Boolean)
        );
        assert_eq!(
            boolean_by_behaviour(&body("x", "Branch can pull changes from upstream")),
            Some(Type::Boolean)
        );
        assert_eq!(
            boolean_by_behaviour(&body("x", "The user that can push.")),
            None
        );
    }

    #[test]
    fn whether_with_alternatives_is_a_string() {
        assert_eq!(
            string_by_alternatives(&body("state", "Whether to approve or reject deployment.")),
            Some(Type::String)
        );
        assert_eq!(
            string_by_alternatives(&body("x", "Whether or not the type is enabled.")),
            None
        );
        assert_eq!(
            string_by_alternatives(&body("x", "Whether to allow merges.")),
            None
        );
    }

    #[test]
    fn integers_by_wording() {
        assert_eq!(
            integer_by_wording(&query(
                "since",
                "A user ID. Only return users with an ID greater than this ID."
            )),
            Some(Type::Integer)
        );
        assert_eq!(
            integer_by_wording(&query(
                "per_page",
                "The number of results per page (max 100)."
            )),
            Some(Type::Integer)
        );
        assert_eq!(
            integer_by_wording(&query("x", "Results. Default: `30`")),
            Some(Type::Integer)
        );
        assert_eq!(
            integer_by_wording(&query("since", "Only after. Default: `2020-01-01`")),
            None
        );
    }

    #[test]
    fn strings_by_wording() {
        assert_eq!(
            string_by_wording(&query("since", "A timestamp in ISO 8601 format.")),
            Some(Type::String)
        );
        assert_eq!(
            string_by_wording(&query("labels", "A list of comma separated label names.")),
            Some(Type::String)
        );
    }

    #[test]
    fn strings_by_name() {
        assert_eq!(
            string_by_name(&body("encrypted_json_credentials", "")),
            Some(Type::String)
        );
        assert_eq!(
            string_by_name(&body("use_squash_pr_title", "")),
            Some(Type::String)
        );
        assert_eq!(string_by_name(&body("allow_forking", "")), None);
    }

    #[test]
    fn booleans_by_name() {
        assert_eq!(boolean_by_name(&body("has_wiki", "")), Some(Type::Boolean));
        assert_eq!(
            boolean_by_name(&body("web_commit_signoff_required", "")),
            Some(Type::Boolean)
        );
        assert_eq!(boolean_by_name(&body("name", "")), None);
        assert_eq!(boolean_by_name(&body("public", "")), Some(Type::Boolean));
        assert_eq!(boolean_by_name(&body("only", "")), Some(Type::Boolean));
        assert_eq!(boolean_by_name(&body("is", "")), None);
    }
}
