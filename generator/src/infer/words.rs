//! Small text helpers shared by the rules: lower-cased description views and name pieces.

/// The description lower-cased, with Markdown emphasis and code ticks kept (cues use them).
pub fn lower(description: &str) -> String {
    description.to_lowercase()
}

/// The description from its first informative paragraph, lower-cased, with leading emphasised
/// notes (`**Required unless …**.`) and closing-down notices ("Please use … instead.") skipped.
pub fn lead(description: &str) -> String {
    let mut text = skip_notice(description.trim_start());
    while let Some(rest) = text.strip_prefix("**") {
        match rest.find("**") {
            Some(end) => text = rest[end + 2..].trim_start_matches(['.', ':', ' ', '\n']),
            None => break,
        }
    }
    // "Use **position** parameter instead. Line number …": skip a redirecting sentence.
    if let Some((first, rest)) = text.split_once(". ") {
        if first.to_lowercase().ends_with("instead") && !rest.trim().is_empty() {
            text = rest;
        }
    }
    strip_links(text.trim_start()).to_lowercase()
}

/// Markdown links reduced to their text (`[status](https://…) contexts` → `status contexts`),
/// so URLs do not read as words of the sentence.
fn strip_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Skip a first paragraph that only redirects the reader ("**Endpoint closing down notice.**
/// Please use … instead."), when another paragraph follows.
fn skip_notice(text: &str) -> &str {
    let Some((first, rest)) = text.split_once("\n\n") else {
        return text;
    };
    let lower = first.to_lowercase();
    // A Markdown alert (`> [!NOTE]`) or any other blockquote is an aside.
    let notice = first.trim_start().starts_with('>')
        || lower.contains("closing down")
        || lower.contains("deprecated")
        || lower.trim_end().ends_with("instead.");
    if notice && !rest.trim().is_empty() {
        rest.trim_start()
    } else {
        text
    }
}

/// The first sentence of a (lower-cased) text: up to ". ", a line break or a colon at a line end.
pub fn first_sentence(text: &str) -> String {
    let end = [". ", ".\n", ":\n", "\n\n"]
        .iter()
        .filter_map(|sep| text.find(sep))
        .min()
        .unwrap_or(text.len());
    text[..end].to_string()
}

/// Whether any of `cues` occurs in `text` (already lower-cased).
pub fn has_any(text: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| text.contains(c))
}

/// Whether `text` (already lower-cased) starts with any of `cues`.
pub fn starts_any(text: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| text.starts_with(c))
}

/// The `_`-separated words of a wire name, lower-cased (`dismiss_stale-reviews` → 3 words).
pub fn name_words(name: &str) -> Vec<String> {
    use heck::ToSnakeCase;
    // camelCase names (`startIndex`) split like snake_case ones.
    name.to_snake_case()
        .split('_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The last word of a wire name (`repository_ids` → `ids`).
pub fn last_word(name: &str) -> String {
    name_words(name).pop().unwrap_or_default()
}

/// The first word of a wire name (`has_issues` → `has`).
pub fn first_word(name: &str) -> String {
    name_words(name).into_iter().next().unwrap_or_default()
}

/// The words of a text, lower-cased, split on anything that is not a letter, digit, `_` or `(`/`)`
/// (so `version(s)` stays one word).
pub fn text_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '(' | ')' | '\'')))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Whether `text` contains any of `words` as a whole word.
pub fn has_word(text: &str, words: &[&str]) -> bool {
    text_words(text).iter().any(|w| words.contains(&w.as_str()))
}

/// Words that end the subject noun phrase of a description's lead.
pub const PHRASE_ENDS: &[&str] = &[
    "of",
    "for",
    "to",
    "that",
    "which",
    "with",
    "granted",
    "in",
    "on",
    "from",
    "who",
    "whose",
    "associated",
    "used",
    "allowed",
    "by",
    "will",
    "is",
    "are",
    "can",
    "should",
    "must",
    "and",
    "or",
    "as",
    "at",
    "when",
    "where",
    "you",
    "this",
    "be",
    "about",
    "the",
    "a",
    "an",
    "if",
];

/// The head noun of the lead's subject phrase when the lead starts with an article
/// ("The level of permission …" → `level`; "Usernames of people …" → `usernames`).
pub fn head_noun(lead: &str) -> Option<String> {
    let words = text_words(lead.split(['.', ':', ';', ',']).next().unwrap_or(""));
    let start = usize::from(matches!(
        words.first().map(String::as_str),
        Some("the" | "a" | "an")
    ));
    let phrase: Vec<&String> = words[start.min(words.len())..]
        .iter()
        .take_while(|w| !PHRASE_ENDS.contains(&w.as_str()))
        .collect();
    phrase.last().map(|w| w.to_string())
}

/// The head noun of what an endpoint's title acts on, after its verb: "Add a field to an
/// organization-owned project" → `field`; "Create a snapshot of dependencies" → `snapshot`.
/// Empty when the title has no such phrase.
pub fn resource_noun(title: &str) -> String {
    let words = text_words(title);
    let phrase: Vec<&String> = words
        .iter()
        .skip(1)
        .skip_while(|w| matches!(w.as_str(), "a" | "an" | "the" | "new"))
        .take_while(|w| !PHRASE_ENDS.contains(&w.as_str()))
        .collect();
    phrase.last().map(|w| w.to_string()).unwrap_or_default()
}

/// Whether two lower-cased words are the same noun, singular or plural (`field`, `fields`).
pub fn same_noun(a: &str, b: &str) -> bool {
    let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_owned();
    !a.is_empty() && (a == b || singular(a) == singular(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_nouns() {
        assert_eq!(
            head_noun("the level of permission to grant").as_deref(),
            Some("level")
        );
        assert_eq!(
            head_noun("usernames of people to assign").as_deref(),
            Some("usernames")
        );
        assert_eq!(
            head_noun("the package version(s) that resolve").as_deref(),
            Some("version(s)")
        );
        assert_eq!(
            head_noun("email addresses associated with").as_deref(),
            Some("addresses")
        );
    }

    #[test]
    fn whole_words() {
        assert!(has_word("The commit SHA.", &["sha"]));
        assert!(!has_word("Shall we share?", &["sha"]));
    }

    #[test]
    fn lead_skips_notices() {
        let d = "**Endpoint closing down notice.** Please use X instead.\n\nWhether it is on.";
        assert_eq!(lead(d), "whether it is on.");
        assert_eq!(
            first_sentence("whether it is on.\n\nmore or less"),
            "whether it is on"
        );
    }

    #[test]
    fn lead_skips_asides_and_redirects() {
        assert_eq!(
            lead("> [!NOTE]\n> In beta.\n\nA collection of reviewers."),
            "a collection of reviewers."
        );
        assert_eq!(
            lead("**Closing down notice**. Use **position** parameter instead. Line number in the file."),
            "line number in the file."
        );
    }

    #[test]
    fn lead_drops_link_targets() {
        assert_eq!(
            lead("The [status](https://docs.github.com/rest) contexts."),
            "the status contexts."
        );
        assert_eq!(lead("A [broken link."), "a [broken link.");
    }

    #[test]
    fn lead_skips_emphasised_notes() {
        assert_eq!(
            lead("**Required unless using `x`**. The line of the blob."),
            "the line of the blob."
        );
        assert_eq!(lead("Whether to lock."), "whether to lock.");
    }

    #[test]
    fn resource_nouns() {
        assert_eq!(
            resource_noun("Add a field to an organization-owned project."),
            "field"
        );
        assert_eq!(resource_noun("Add field to user owned project"), "field");
        assert_eq!(
            resource_noun("Create a snapshot of dependencies for a repository"),
            "snapshot"
        );
        assert_eq!(
            resource_noun("Create an artifact deployment record"),
            "record"
        );
        assert_eq!(resource_noun("Get"), "");
        assert!(same_noun("fields", "field"));
        assert!(same_noun("field", "field"));
        assert!(!same_noun("field's", "field"));
        assert!(!same_noun("", ""));
    }

    #[test]
    fn splits_names() {
        assert_eq!(name_words("repository_ids"), vec!["repository", "ids"]);
        assert_eq!(last_word("enterprise-team"), "team");
        assert_eq!(name_words("startIndex"), vec!["start", "index"]);
        assert_eq!(first_word("has_issues"), "has");
    }
}
