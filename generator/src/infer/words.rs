//! Small text helpers shared by the rules: lower-cased description views and name pieces.

/// The description lower-cased, with Markdown emphasis and code ticks kept (cues use them).
pub fn lower(description: &str) -> String {
    description.to_lowercase()
}

/// The first sentence of a description, lower-cased and with leading emphasised notes
/// (`**Required unless …**.`) and blockquote markers removed.
pub fn lead(description: &str) -> String {
    let mut text = description.trim_start();
    while let Some(rest) = text.strip_prefix("**") {
        match rest.find("**") {
            Some(end) => text = rest[end + 2..].trim_start_matches(['.', ':', ' ', '\n']),
            None => break,
        }
    }
    text.trim_start().to_lowercase()
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
    name.split(['_', '-'])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_skips_emphasised_notes() {
        assert_eq!(
            lead("**Required unless using `x`**. The line of the blob."),
            "the line of the blob."
        );
        assert_eq!(lead("Whether to lock."), "whether to lock.");
    }

    #[test]
    fn splits_names() {
        assert_eq!(name_words("repository_ids"), vec!["repository", "ids"]);
        assert_eq!(last_word("enterprise-team"), "team");
        assert_eq!(first_word("has_issues"), "has");
    }
}
