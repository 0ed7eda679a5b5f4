//! Enum values named in running prose rather than after a "Can be one of" cue: sort keys,
//! parallel instructions ("Use `a` to …, `b` to …"), "When set to X", "either active or
//! deleted", "can also be", a sole accepted value, and the default joining a found set.

use super::enums::{leading_value, sentences};

/// Words that open a noun phrase: "either the title or body" names no values.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "your", "my", "one", "all",
    "both", "each", "any", "none", "no", "not", "some", "to", "by", "in", "on", "at", "for", "of",
];

/// Whether a sentence goes on to give examples rather than a closed set.
fn gives_examples(sentence: &str) -> bool {
    let low = sentence.to_lowercase();
    ["for example", "e.g.", "such as", "for instance", "like `"]
        .iter()
        .any(|c| low.contains(c))
}

/// `text` from byte `at` on: offsets found in a lower-cased copy may fall inside a character
/// when lower-casing changed a non-ASCII character's length; such text yields nothing.
fn from_byte(text: &str, at: usize) -> &str {
    text.get(at..).unwrap_or("")
}

/// A word of a value written without backticks (`active`, `PullRequest`, `remote_and_local`).
fn bare_word(text: &str) -> Option<(&str, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    (end > 0).then(|| text.split_at(end))
}

/// Whether `rest` (the text right after a value) ends the sentence or clause.
fn ends_clause(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '*', '_']);
    rest.is_empty() || rest.starts_with(['.', ',', ';', ':', '\n', ')'])
}

/// "Sorts the results of your query by number of `stars`, `forks`, or `help-wanted-issues` or
/// how recently the items were `updated`": every backticked value after "by" in a sentence
/// about sorting names a sort key. Sentences giving examples are skipped.
pub fn sort_keys(description: &str) -> Vec<String> {
    if !description.contains("ort") {
        return Vec::new();
    }
    let mut values = Vec::new();
    for sentence in sentences(description) {
        let low = sentence.to_lowercase();
        let Some(sort) = low.find("sort") else {
            continue;
        };
        let Some(by) = low[sort..].find(" by ").map(|b| sort + b + " by ".len()) else {
            continue;
        };
        if gives_examples(sentence) {
            continue;
        }
        let spans: Vec<String> = super::enums::backticked(from_byte(sentence, by))
            .into_iter()
            .filter(|v| !v.is_empty() && !v.contains(char::is_whitespace))
            .collect();
        values.extend(spans);
    }
    values
}

/// Verbs that hand the reader a value to send: "Use `remote` to …", "specify `desc`".
const INSTRUCTING: &[&str] = &["use ", "specify ", "pass ", "choose ", "select "];

/// "Use `remote` to analyze network sources and `remote_and_local` to include local ones",
/// "To list newest events first, specify `desc`. To list oldest events first, specify `asc`.":
/// values each handed over by an instruction, two or more in all.
pub fn instructed(description: &str) -> Vec<String> {
    if description.bytes().filter(|b| *b == b'`').count() < 4 {
        return Vec::new();
    }
    let mut values = Vec::new();
    for sentence in sentences(description) {
        if gives_examples(sentence) {
            continue;
        }
        let low = sentence.to_lowercase();
        for verb in INSTRUCTING {
            for (at, _) in low.match_indices(verb) {
                // The verb must be a word of its own ("refuse `x`" is no "use `x`").
                let word_start = at == 0 || !low.as_bytes()[at - 1].is_ascii_alphabetic();
                let Some((value, rest)) = leading_value(from_byte(sentence, at + verb.len()))
                else {
                    continue;
                };
                if !word_start {
                    continue;
                }
                let purpose = |r: &str| {
                    let r = r.trim_start();
                    r.starts_with("to ") || r.starts_with("for ")
                };
                if !(purpose(rest) || ends_clause(rest)) {
                    continue;
                }
                // "… and `b` to …", ", `c` to …": further values of the same instruction.
                let mut run = vec![value];
                let mut rest = rest;
                while let Some(next) = next_purposed(rest) {
                    run.push(next.0);
                    rest = next.1;
                }
                // "…, or a GitHub username to get …": the values are special cases of an open set.
                if !open_alternative(rest) {
                    values.extend(run);
                }
            }
        }
    }
    values
}

/// Whether the rest of an instruction offers a value that is not a literal ("or a GitHub
/// username to …", "or any other name").
fn open_alternative(rest: &str) -> bool {
    let low = rest.to_lowercase();
    [
        "or a ",
        "or an ",
        "or any ",
        "or another ",
        "or the ",
        "or other ",
    ]
    .iter()
    .any(|c| low.contains(c))
}

/// The next "and `b` to …" (or ", `b` to", "or `b` for") piece of an instruction.
fn next_purposed(text: &str) -> Option<(String, &str)> {
    let tick = text.find(" `")?;
    let between = text[..tick].trim_end().trim_end_matches(',');
    let joined =
        between.ends_with(" and") || between.ends_with(" or") || text[..tick].ends_with(',');
    if !joined {
        return None;
    }
    let (value, rest) = leading_value(&text[tick + 1..])?;
    let r = rest.trim_start();
    (r.starts_with("to ") || r.starts_with("for ")).then_some((value, rest))
}

/// "When set to ALLGREEN, … When set to HEADGREEN, …": values each introduced by "when (or
/// if) set to", backticked or written as one upper-case word; two or more distinct ones.
pub fn when_set_to(description: &str) -> Vec<String> {
    if !description.contains("et to ") {
        return Vec::new();
    }
    let low = description.to_lowercase();
    let mut values = Vec::new();
    for cue in ["when set to ", "if set to "] {
        for (at, _) in low.match_indices(cue) {
            let rest = from_byte(description, at + cue.len());
            let value = match leading_value(rest) {
                Some((v, after)) if ends_clause(after) => Some(v),
                Some(_) => None,
                None => bare_word(rest)
                    .filter(|(w, after)| {
                        w.len() >= 2
                            && w.chars().any(|c| c.is_ascii_uppercase())
                            && !w.chars().any(|c| c.is_ascii_lowercase())
                            && ends_clause(after)
                    })
                    .map(|(w, _)| w.to_string()),
            };
            values.extend(value);
        }
    }
    values
}

/// "Normally this is a `commit` but it can also be a `tree` or a `blob`.": the values after
/// "can also be" (articles allowed) and the ones the sentence named before it.
pub fn also_values(description: &str) -> Vec<String> {
    if !description.contains("also be ") {
        return Vec::new();
    }
    for sentence in sentences(description) {
        let low = sentence.to_lowercase();
        let Some(at) = low.find("can also be ") else {
            continue;
        };
        if gives_examples(sentence) {
            continue;
        }
        let mut after = Vec::new();
        let mut rest = from_byte(sentence, at + "can also be ".len());
        loop {
            let piece = rest.trim_start();
            let piece = ["or ", "and ", ", "]
                .iter()
                .find_map(|w| piece.strip_prefix(w))
                .unwrap_or(piece);
            let piece = ["a ", "an "]
                .iter()
                .find_map(|w| piece.strip_prefix(w))
                .unwrap_or(piece);
            let Some((value, next)) = leading_value(piece) else {
                break;
            };
            after.push(value);
            rest = next;
        }
        if after.is_empty() || !ends_clause(rest) {
            continue;
        }
        let mut values: Vec<String> = super::enums::backticked(sentence.get(..at).unwrap_or(""))
            .into_iter()
            .filter(|v| !v.is_empty() && !v.contains(char::is_whitespace))
            .collect();
        values.extend(after);
        return values;
    }
    Vec::new()
}

/// "The state of the package, either active or deleted.", "Must be either Issue or
/// PullRequest.", "One of either 'all' or 'selected'": two bare (or single-quoted) words
/// joined by "either … or" that end the sentence.
pub fn either_words(description: &str) -> Vec<String> {
    if !description.contains("ither ") {
        return Vec::new();
    }
    let low = description.to_lowercase();
    for (at, _) in low.match_indices("either ") {
        if at > 0 && low.as_bytes()[at - 1].is_ascii_alphabetic() {
            continue;
        }
        let rest = from_byte(description, at + "either ".len());
        let Some((first, after)) = word_or_quoted(rest) else {
            continue;
        };
        let Some(after) = after.strip_prefix(" or ") else {
            continue;
        };
        let Some((second, after)) = word_or_quoted(after) else {
            continue;
        };
        // A quoted value is one whatever the word ("'all'").
        let function_word = |(w, quoted): &(String, bool)| {
            !quoted && DETERMINERS.contains(&w.to_lowercase().as_str())
        };
        if ends_clause(after) && !function_word(&first) && !function_word(&second) {
            return vec![first.0, second.0];
        }
    }
    Vec::new()
}

/// A bare word or a single-quoted value at the start of `text` (and whether it was quoted),
/// and the rest.
fn word_or_quoted(text: &str) -> Option<((String, bool), &str)> {
    if let Some(inner) = text.strip_prefix('\'') {
        let end = inner.find('\'')?;
        let value = &inner[..end];
        return (!value.is_empty() && !value.contains(char::is_whitespace))
            .then(|| ((value.to_string(), true), &inner[end + 1..]));
    }
    bare_word(text).map(|(w, rest)| ((w.to_string(), false), rest))
}

/// "Currently, only `patch` is supported.", "Only `"active"` will be accepted.", "Can only be
/// `indexed`, which …": the one value the parameter takes.
pub fn sole_value(description: &str) -> Option<String> {
    if !description.contains("nly ") {
        return None;
    }
    let low = description.to_lowercase();
    for (at, _) in low.match_indices("only ") {
        let rest = from_byte(description, at + "only ".len());
        if let Some((value, after)) = leading_value(rest) {
            let after = after.trim_start().to_lowercase();
            let accepted = [
                "is supported",
                "is currently supported",
                "is accepted",
                "is allowed",
                "is valid",
                "will be accepted",
                "can be used",
            ];
            if accepted.iter().any(|a| after.starts_with(a)) {
                return Some(value);
            }
        }
        if let Some(be) = rest.strip_prefix("be ") {
            if let Some((value, after)) = leading_value(be) {
                let next = after.trim_start();
                let more = next.starts_with("or ") || next.starts_with("and ");
                if ends_clause(after) && !more && !low[..at].ends_with("not ") {
                    return Some(value);
                }
            }
        }
    }
    None
}

/// "Default: `created`", "Defaults to `desc`", "The default is `desc`": the default value,
/// when the text names one as a single backticked word.
pub fn default_value(description: &str) -> Option<String> {
    if !description.contains("efault") {
        return None;
    }
    let low = description.to_lowercase();
    for cue in [
        "default: ",
        "defaults to ",
        "default is ",
        "default value is ",
    ] {
        for (at, _) in low.match_indices(cue) {
            if let Some((value, after)) = leading_value(from_byte(description, at + cue.len())) {
                if ends_clause(after) {
                    return Some(value);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_after_by() {
        let d = "Sorts the results of your query by number of `stars`, `forks`, or `help-wanted-issues` or how recently the items were `updated`. Default: [best match](https://x)";
        assert_eq!(
            sort_keys(d),
            vec!["stars", "forks", "help-wanted-issues", "updated"]
        );
        let d = "Sorts by the number of `comments` or `reactions`. You can also sort results by how recently the items were `created` or `updated`, Default: best";
        assert_eq!(
            sort_keys(d),
            vec!["comments", "reactions", "created", "updated"]
        );
        // Backticks before "by", sentences not about sorting, and examples name no keys.
        assert!(sort_keys("The `direction` to sort the results by.").is_empty());
        assert!(sort_keys("Filters results by `state`.").is_empty());
        assert!(sort_keys("Sort by a field, for example `name`.").is_empty());
    }

    #[test]
    fn instructed_values() {
        let d = "The model. Use `remote` to analyze only network sources and `remote_and_local` to include local sources.";
        assert_eq!(instructed(d), vec!["remote", "remote_and_local"]);
        let d = "The order. To list newest first, specify `desc`. To list oldest first, specify `asc`.\n\nThe default is `desc`.";
        assert_eq!(instructed(d), vec!["desc", "asc"]);
        // A value used in another sense, and instructions that give examples.
        assert!(instructed("Use `owner/repo` as the name, and pass `x` in the body.").is_empty());
        assert!(instructed(
            "For example, use `day` to filter by day, and `week` to filter by week."
        )
        .is_empty());
        assert!(instructed("Refuse `a` to stop. The `b` is kept.").is_empty());
        // Literals beside an open alternative are special cases, not a closed set.
        let d = "Use `*` to get assigned alerts, `none` to get unassigned alerts, or a username to get a user's alerts.";
        assert!(instructed(d).is_empty());
    }

    #[test]
    fn when_set_to_values() {
        let d = "When set to ALLGREEN, every check must pass. When set to HEADGREEN, only the head must pass.";
        assert_eq!(when_set_to(d), vec!["ALLGREEN", "HEADGREEN"]);
        let d = "When set to `open`, lists open ones. If set to `closed`, lists closed ones.";
        assert_eq!(when_set_to(d), vec!["open", "closed"]);
        // Lower-case words are no values, nor a value followed by more words.
        assert!(when_set_to("When set to true, it runs. When set to ten, it stops.").is_empty());
        assert!(when_set_to("When set to `x` or more, it runs.").is_empty());
    }

    #[test]
    fn values_also_allowed() {
        let d = "The type of the object. Normally this is a `commit` but it can also be a `tree` or a `blob`.";
        assert_eq!(also_values(d), vec!["commit", "tree", "blob"]);
        // An open continuation, and no value after the cue.
        assert!(also_values("It is `main` but can also be `dev` or any branch.").is_empty());
        assert!(also_values("It can also be empty.").is_empty());
    }

    #[test]
    fn either_bare_words() {
        assert_eq!(
            either_words("The state of the package, either active or deleted."),
            vec!["active", "deleted"]
        );
        assert_eq!(
            either_words("Must be either Issue or PullRequest."),
            vec!["Issue", "PullRequest"]
        );
        assert_eq!(
            either_words("One of either 'all' or 'selected'"),
            vec!["all", "selected"]
        );
        assert!(either_words("Set either the title or body.").is_empty());
        assert!(either_words("Grants either read or write access.").is_empty());
        assert!(either_words("Neither open nor closed.").is_empty());
    }

    #[test]
    fn sole_accepted_value() {
        assert_eq!(
            sole_value("Filters by it. Currently, only `patch` is supported."),
            Some("patch".into())
        );
        assert_eq!(
            sole_value("The state. Only `\"active\"` will be accepted."),
            Some("active".into())
        );
        assert_eq!(
            sole_value("Sorts results. Can only be `indexed`, which sorts by index time."),
            Some("indexed".into())
        );
        assert_eq!(sole_value("Only `owner` can change it."), None);
        assert_eq!(sole_value("Can only be `a` or `b`."), None);
        assert_eq!(sole_value("It can not only be `a`."), None);
    }

    #[test]
    fn odd_characters_do_not_panic() {
        // `İ` grows when lower-cased, so offsets in the lower-cased copy shift.
        let d =
            "İİİİ Sort by `a` or `b`. İİ use `c` to x, `d` to y. When set to `e`. Either İ or x.";
        let _ = (sort_keys(d), instructed(d), when_set_to(d), either_words(d));
        let _ = (
            also_values("İİİ can also be `x`"),
            sole_value("İİİİ only `x` is supported"),
        );
        let _ = default_value("İİİİİİ Default: `x`");
    }

    #[test]
    fn default_values() {
        assert_eq!(
            default_value("The order. Default: `created`"),
            Some("created".into())
        );
        assert_eq!(default_value("Defaults to `desc`."), Some("desc".into()));
        assert_eq!(
            default_value("Default: `desc` when sort is `created`, otherwise `asc`."),
            None
        );
        assert_eq!(default_value("Default: 30"), None);
    }
}
