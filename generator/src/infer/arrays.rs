//! Rules for array types: "A list of …"/"An array of …" wording and plural names, with the
//! element type taken from the singular noun.

use super::words::{
    first_sentence, has_any, has_word, head_noun, lead, lower, name_words, starts_any,
};
use super::{ids, ParamCtx};
use crate::ir::{Location, Type};

/// Lead phrases that announce several values.
const ARRAY_LEADS: &[&str] = &[
    "a list of",
    "an array of",
    "list of",
    "array of",
    "an ordered list of",
    "the list of",
    "one or more",
    "a collection of",
    "names of",
    "usernames of",
];

/// "A list of …", "An array of …": the value is a JSON array (not when the list is
/// comma-separated text, which is one string).
pub fn array_by_wording(ctx: &ParamCtx) -> Option<Type> {
    let lead = lead(ctx.description);
    let text = lower(ctx.description);
    if has_any(
        &text,
        &["comma-separated", "comma separated", "separated by commas"],
    ) {
        return None;
    }
    // "Specifies a list of …", "Determines a list of …": a leading verb may come first.
    let after_verb = lead.split_once(' ').map_or(
        "",
        |(verb, rest)| if verb.ends_with('s') { rest } else { "" },
    );
    (starts_any(&lead, ARRAY_LEADS) || starts_any(after_verb, &["a list of", "an array of"]))
        .then(|| array_of(element_type(ctx)))
}

/// `labels`, `assignees`, `team_ids`: a plural body name is an array when nothing else spoke,
/// because request bodies send several values as JSON arrays.
/// A singular subject in the text ("The level of permission …", "The package version(s) …")
/// overrides the plural name.
pub fn array_by_plural_name(ctx: &ParamCtx) -> Option<Type> {
    if ctx.location != Location::Body || !is_plural(ctx.name) {
        return None;
    }
    let lead = lead(ctx.description);
    // A name ending in `ids`/`names` is a list whatever the wording.
    let listy = matches!(
        name_words(ctx.name).last().map(String::as_str),
        Some("ids" | "names")
    );
    let singular_subject = match head_noun(&lead) {
        Some(head) => !is_plural(&head) && starts_any(&lead, &["the ", "a ", "an "]),
        None => false,
    };
    let singular_subject = singular_subject && !listy;
    (!singular_subject).then(|| array_of(element_type(ctx)))
}

/// Whether the noun of a name is an English plural (`labels`, `ids`, `repositories`); the noun
/// is the last word, or the word before a trailing prepositional phrase
/// (`repository_ids_to_add` → `ids`).
pub fn is_plural(name: &str) -> bool {
    let words = name_words(name);
    let noun_at = words
        .iter()
        .position(|w| matches!(w.as_str(), "to" | "for" | "from" | "of" | "on" | "in"))
        .filter(|&i| i > 0)
        .map_or(words.len().saturating_sub(1), |i| i - 1);
    let last = words.get(noun_at).cloned().unwrap_or_default();
    let not_plural = [
        "status", "this", "is", "has", "was", "does", "always", "news", "series", "analysis",
        "basis", "previous", "minutes", "seconds", "hours", "days", "alias", "bias", "canvas",
        "bonus", "details", "yes", "its",
    ];
    last.len() > 2
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !not_plural.contains(&last.as_str())
}

fn array_of(items: Type) -> Type {
    Type::Array {
        items: Box::new(items),
    }
}

/// The element type: the rules applied to the singular name (`team_ids` → `team_id` → integer).
fn element_type(ctx: &ParamCtx) -> Type {
    let singular = singular(ctx.name);
    let item = ParamCtx {
        name: &singular,
        description: "",
        ..*ctx
    };
    // `team_ids`, "List of runner IDs": identifiers are numbers unless they are text
    // (named by a scheme like "CWE IDs", or described as names or SHAs).
    if ids::textual_id(ctx) {
        return Type::String;
    }
    let lists_ids = has_word(&first_sentence(&lead(ctx.description)), &["ids"]);
    if name_words(ctx.name).iter().any(|w| w == "ids") || lists_ids {
        return Type::Integer;
    }
    ids::integer_by_name(&item).unwrap_or(Type::String)
}

/// Singular of a plural name (`repositories` → `repository`, `team_ids` → `team_id`).
fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = name.strip_suffix("ses") {
        format!("{stem}s")
    } else {
        name.strip_suffix('s').unwrap_or(name).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::infer::testing::{body, query};

    fn arr(t: Type) -> Option<Type> {
        Some(array_of(t))
    }

    #[test]
    fn list_wording_makes_arrays() {
        assert_eq!(
            array_by_wording(&body("names", "An array of topics.")),
            arr(Type::String)
        );
        assert_eq!(
            array_by_wording(&body("team_ids", "List of team IDs.")),
            arr(Type::Integer)
        );
        assert_eq!(
            array_by_wording(&body(
                "cwe_ids",
                "A list of Common Weakness Enumeration (CWE) IDs."
            )),
            arr(Type::String)
        );
        assert_eq!(
            array_by_wording(&query("labels", "A list of comma separated label names.")),
            None
        );
    }

    #[test]
    fn plural_body_names_make_arrays() {
        assert_eq!(
            array_by_plural_name(&body("assignees", "Usernames to assign.")),
            arr(Type::String)
        );
        assert_eq!(
            array_by_plural_name(&body("repository_ids", "")),
            arr(Type::Integer)
        );
        assert_eq!(array_by_plural_name(&query("labels", "")), None);
        assert_eq!(array_by_plural_name(&body("status", "")), None);
        assert_eq!(
            array_by_plural_name(&body("repository_ids_to_add", "")),
            arr(Type::Integer)
        );
        assert_eq!(
            array_by_plural_name(&body("contents", "The level of permission.")),
            None
        );
        assert_eq!(
            array_by_plural_name(&body("patched_versions", "The package version(s).")),
            None
        );
        assert_eq!(
            array_by_plural_name(&body("parents", "The full SHAs of the commits.")),
            arr(Type::String)
        );
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("repositories"), "repository");
        assert_eq!(singular("team_ids"), "team_id");
        assert_eq!(singular("statuses"), "status");
    }
}
