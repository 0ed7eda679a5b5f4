//! Enum values read from description wording ("Can be one of: `a`, `b`").

use super::enum_prose;

/// Phrases after which the description lists the allowed values in backticks.
const ENUM_CUES: &[&str] = &[
    "can be one of:",
    "can be one of",
    "must be one of:",
    "must be one of",
    "is one of:",
    "one of the following values:",
    "possible values are:",
    "possible values are",
    "options are:",
    "valid values are:",
    "valid values are",
    "allowed values are",
    "one of these",
    "one of the following",
    "options are",
    "include:",
    "can be:",
    "supported values include",
    "supported values are",
    "allowed values include",
    "values include",
    "allowed paths are",
    "set to ",
    " by ",
    "can be ",
    "can only be ",
    "one of ",
];

/// Cues that say nothing about a closed set on their own (see [`raw_listed_values`]).
const WEAK_CUES: &[&str] = &["set to ", " by "];

/// `null` is no value of an enum: sending it is the parameter's `nullable`.
fn without_null(mut values: Vec<String>) -> Vec<String> {
    values.retain(|v| v != "null");
    values
}

/// `Can be one of: `a`, `b``: the values listed right after an enum cue, exactly as written,
/// because GitHub's docs always introduce closed value sets with this phrase.
pub fn listed_values(description: &str) -> Option<Vec<String>> {
    let mut values = raw_listed_values(description)?;
    // "Default: `created`" names one more value of a set found (docs sometimes leave it out).
    if let Some(default) = enum_prose::default_value(description) {
        let booleans = values.iter().all(|v| v == "true" || v == "false");
        if !booleans && !values.contains(&default) {
            values.push(default);
        }
    }
    Some(distinct(values))
}

/// Values in first-seen order without repeats: lists per case ("For a non-nested team:
/// `secret`, `closed` … For a child team: `closed`") repeat values, but each is one variant.
pub fn distinct(mut values: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    values.retain(|v| !v.is_empty() && seen.insert(v.clone()));
    values
}

fn raw_listed_values(description: &str) -> Option<Vec<String>> {
    let lower = description.to_lowercase();
    for cue in ENUM_CUES {
        for (at, _) in lower.match_indices(cue) {
            // `to_lowercase` can change byte lengths only for non-ASCII; fall back safely.
            let mut rest = description.get(at + cue.len()..).unwrap_or("");
            // "one of these reasons:" — skip a short noun phrase up to the colon.
            if let Some(colon) = rest.find(':') {
                if colon < 40 && !rest[..colon].contains('`') {
                    rest = &rest[colon + 1..];
                }
            }
            // Weak cues ("set to", "by") introduce values only as a whole sentence's
            // object: "Set to `open` or `resolved` to …", "Sorts … by `a` or `b`.", never
            // "… is set to `all` or `private`" nor "triggered by `user` and `org` events".
            if WEAK_CUES.contains(cue) {
                let starts_sentence = cue.starts_with(' ')
                    || description.get(..at).unwrap_or("").trim_end().is_empty()
                    || description
                        .get(..at)
                        .unwrap_or("")
                        .trim_end()
                        .ends_with(['.', '\n']);
                let (values, after) = backticked_run_rest(rest);
                let after = after.trim_start();
                let ends = after.is_empty()
                    || after.starts_with(['.', ','])
                    || after.starts_with("to ")
                    || after.starts_with("or how");
                let values = without_null(values);
                if starts_sentence && ends && values.len() >= 2 {
                    return Some(values);
                }
                continue;
            }
            let mut values = bullet_values(rest);
            if values.is_empty() {
                values = backticked_run(rest);
            }
            if values.len() < 2 {
                values = described_run(rest).unwrap_or(values);
            }
            let values = without_null(values);
            // A single backticked word after "can be" is an example, not a closed set.
            if values.len() >= 2 || (values.len() == 1 && cue.ends_with(':')) {
                return Some(values);
            }
        }
    }
    either_or(description)
        .or_else(|| defined_terms(description))
        .or_else(|| value_bullets(description))
        .or_else(|| at_least_two(enum_prose::sort_keys(description)))
        .or_else(|| at_least_two(enum_prose::instructed(description)))
        .or_else(|| at_least_two(enum_prose::when_set_to(description)))
        .or_else(|| at_least_two(enum_prose::either_words(description)))
        .or_else(|| at_least_two(enum_prose::also_values(description)))
        .or_else(|| enum_prose::sole_value(description).map(|v| vec![v]))
}

/// Two or more distinct values (not `null`) make a set; one alone is an example.
fn at_least_two(values: Vec<String>) -> Option<Vec<String>> {
    let values = distinct(without_null(values));
    (values.len() >= 2).then_some(values)
}

/// "`opt_in` means large files will be stored …. `opt_out` means …", "`latest` returns …
/// `all` returns …", "`all` or `repos` means …": two or more values, each opening a sentence
/// or line and followed by a word saying what it does.
fn defined_terms(description: &str) -> Option<Vec<String>> {
    // Two defined values need at least two spans: skip texts without four backticks.
    if description.bytes().filter(|b| *b == b'`').count() < 4 {
        return None;
    }
    let mut values = Vec::new();
    for sentence in sentences(description) {
        let mut rest = sentence;
        // "For example, `day` will filter …" gives examples of an open set: no lead to skip.
        for lead in ["and ", "or "] {
            if rest
                .get(..lead.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(lead))
            {
                rest = &rest[lead.len()..];
            }
        }
        // `a` or `b` means …: every value of the opening run is defined.
        let mut run = Vec::new();
        while let Some((value, after)) = leading_value(rest) {
            run.push(value);
            rest = after.trim_start();
            match ["or ", ", "].iter().find_map(|w| rest.strip_prefix(w)) {
                Some(next) if next.starts_with('`') => rest = next,
                _ => break,
            }
        }
        let verb = rest.split_whitespace().next().unwrap_or("");
        let defines = !verb.is_empty()
            && verb.chars().all(|c| c.is_ascii_lowercase())
            && !matches!(
                verb,
                "and" | "or" | "of" | "to" | "in" | "for" | "the" | "a"
            );
        if defines && !run.is_empty() {
            values.extend(run);
        }
    }
    let values = distinct(values);
    (values.len() >= 2).then_some(values)
}

/// Sentences and lines of a text (split at `. `, `.\n` and line breaks), trimmed.
pub(super) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|line| line.split(". "))
        .map(|s| s.trim().trim_start_matches(['-', '*']).trim_start())
        .filter(|s| !s.is_empty())
}

/// A backticked value (no spaces, not empty) at the very start of `text`, and the rest.
pub(super) fn leading_value(text: &str) -> Option<(String, &str)> {
    let inner = text.strip_prefix('`')?;
    let end = inner.find('`')?;
    let value = unquote(&inner[..end]);
    (!value.is_empty() && !value.contains(char::is_whitespace)).then(|| (value, &inner[end + 1..]))
}

/// `"legacy"` inside backticks is the value `legacy`.
fn unquote(value: &str) -> String {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
        .to_string()
}

/// A Markdown list anywhere in the text whose every item opens with a backticked value
/// followed by a dash or colon ("- `PR_TITLE` - default to the pull request's title"): the
/// list of values, when it has two items or more.
fn value_bullets(description: &str) -> Option<Vec<String>> {
    if !description.contains("- `") && !description.contains("* `") {
        return None;
    }
    let mut values = Vec::new();
    let mut items = 0;
    for line in description.lines() {
        let Some(item) = line
            .trim()
            .strip_prefix("- ")
            .or_else(|| line.trim().strip_prefix("* "))
        else {
            continue;
        };
        items += 1;
        if let Some((value, rest)) = leading_value(item) {
            let rest = rest.trim_start();
            if rest.starts_with('-') || rest.starts_with(':') || rest.starts_with('\u{2014}') {
                values.push(value);
            }
        }
    }
    (values.len() >= 2 && values.len() == items).then(|| distinct(values))
}

/// "one of `100644` for file (blob), `100755` for executable (blob), or `120000` for a
/// symlink": up to the end of the sentence, every comma- or `or`-separated piece opens with a
/// backticked value followed by words describing it.
fn described_run(text: &str) -> Option<Vec<String>> {
    let sentence = text.split(". ").next().unwrap_or(text);
    let sentence = sentence.lines().next().unwrap_or(sentence).trim();
    let mut values = Vec::new();
    for piece in sentence.split(", ") {
        let piece = piece.trim();
        let piece = ["or ", "and "]
            .iter()
            .find_map(|w| piece.strip_prefix(w))
            .unwrap_or(piece);
        // "`x` for a file or `y` for a link": a piece may hold two values joined by `or`.
        for part in piece.split(" or ") {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let (value, _) = leading_value(part)?;
            values.push(value);
        }
    }
    (values.len() >= 2).then(|| distinct(values))
}

/// A Markdown list right after the cue whose items start with a backticked value
/// ("- `admin` - The user will become an owner"); indented lines continue an item.
fn bullet_values(text: &str) -> Vec<String> {
    let mut values = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        let bullet = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "));
        match bullet
            .and_then(|b| b.strip_prefix('`'))
            .and_then(|b| b.split_once('`'))
        {
            Some((value, _)) => values.push(value.to_string()),
            // The rest of the cue's own line, blank lines and indented continuations.
            None if i == 0 || trimmed.is_empty() => {}
            None if line.starts_with([' ', '\t']) && !values.is_empty() && bullet.is_none() => {}
            None => break,
        }
    }
    values
}

/// Every backticked span of a text, in order.
pub fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

/// "Either `open` or `closed`" introduces a two-valued choice of strings; booleans are
/// left to the boolean rules.
fn either_or(description: &str) -> Option<Vec<String>> {
    let lower = description.to_lowercase();
    let at = lower.find("either `")?;
    let rest = description.get(at + "either ".len()..)?;
    let values = backticked_run(rest);
    let booleans = values.iter().all(|v| v == "true" || v == "false");
    (values.len() >= 2 && !booleans).then_some(values)
}

/// The backticked values at the start of `text`, separated by commas, "or", "and" or spaces,
/// ending at the first other word.
fn backticked_run(text: &str) -> Vec<String> {
    backticked_run_rest(text).0
}

/// [`backticked_run`] and the text after the run.
fn backticked_run_rest(text: &str) -> (Vec<String>, &str) {
    let mut values = Vec::new();
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        let trimmed = trimmed.strip_prefix(':').unwrap_or(trimmed).trim_start();
        let trimmed = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
            .unwrap_or(trimmed);
        let trimmed = trimmed
            .strip_prefix(',')
            .map(str::trim_start)
            .unwrap_or(trimmed);
        let trimmed = ["or ", "and "]
            .iter()
            .find_map(|w| trimmed.strip_prefix(w))
            .unwrap_or(trimmed)
            .trim_start();
        let Some(inner) = trimmed.strip_prefix('`') else {
            break;
        };
        let Some(end) = inner.find('`') else {
            break;
        };
        let value = &inner[..end];
        // A span with a stray backtick ("`closed, `fixed`") is no value: trust none of the run.
        if value.trim() != value || value.ends_with(',') {
            return (Vec::new(), text);
        }
        values.push(unquote(value));
        rest = &inner[end + 1..];
    }
    (values, rest)
}

#[cfg(test)]
mod tests {
    use super::listed_values;

    #[test]
    fn reads_can_be_one_of() {
        assert_eq!(
            listed_values("The state. Can be one of: `open`, `closed`, `all`. Default: `open`"),
            Some(vec!["open".into(), "closed".into(), "all".into()])
        );
    }

    #[test]
    fn keeps_odd_values_exactly() {
        let v = listed_values("Can be one of: `+1`, `-1`, `won't fix`, `100644`").unwrap();
        assert_eq!(v, vec!["+1", "-1", "won't fix", "100644"]);
    }

    #[test]
    fn reads_either_or_but_not_booleans() {
        assert_eq!(
            listed_values("Either `asc` or `desc`."),
            Some(vec!["asc".into(), "desc".into()])
        );
        assert_eq!(
            listed_values("Either `true` to allow, or `false` to prevent."),
            None
        );
    }

    #[test]
    fn reads_bullet_lists() {
        let v =
            listed_values("Use one of these reasons:\n\n- `off-topic`\n- `too heated`").unwrap();
        assert_eq!(v, vec!["off-topic", "too heated"]);
    }

    #[test]
    fn reads_described_bullets() {
        let d = "The role. Can be one of:\n\n- `admin` - The user will become an owner.\n- `member` - A member.\n  More text.\n\nDefault: `member`";
        assert_eq!(listed_values(d).unwrap(), vec!["admin", "member"]);
    }

    #[test]
    fn reads_can_be_pairs() {
        assert_eq!(
            listed_values("Can be `enabled` or `disabled`.").unwrap(),
            vec!["enabled", "disabled"]
        );
        assert_eq!(
            listed_values("Can be the name of a user, e.g. `octocat`."),
            None
        );
    }

    #[test]
    fn reads_defined_terms() {
        let d = "Whether to store large files. `opt_in` means stored using LFS. `opt_out` means removed.";
        assert_eq!(listed_values(d).unwrap(), vec!["opt_in", "opt_out"]);
        assert_eq!(
            listed_values("`selected` means only the listed repositories."),
            None
        );
    }

    #[test]
    fn repeated_values_are_listed_once() {
        let d = "Can be one of:\n- `secret` - hidden\n- `closed` - visible\n- `closed` - again";
        assert_eq!(listed_values(d).unwrap(), vec!["secret", "closed"]);
    }

    #[test]
    fn defined_terms_with_any_verb_and_joined_values() {
        let d = "Which issues. `assigned` means assigned to you. `created` means created by you. `all` or `repos` means all issues you can see.";
        assert_eq!(
            listed_values(d).unwrap(),
            vec!["assigned", "created", "all", "repos"]
        );
        let d = "The property to sort by.\n`created` means when created.\n`updated` means when changed.\n`epss_percentage` sorts alerts by EPSS.";
        assert_eq!(
            listed_values(d).unwrap(),
            vec!["created", "updated", "epss_percentage"]
        );
        let d = "Filters jobs. `latest` returns jobs from the last run. `all` returns all jobs.";
        assert_eq!(listed_values(d).unwrap(), vec!["latest", "all"]);
        // Backticked names that start sentences without defining anything.
        assert_eq!(
            listed_values("`owner` and `repo` are required. `x` of the repo."),
            None
        );
    }

    #[test]
    fn value_bullets_anywhere() {
        let d = "The default title:\n\n- `PR_TITLE` - the pull request's title.\n- `MERGE_MESSAGE` - the classic message.";
        assert_eq!(listed_values(d).unwrap(), vec!["PR_TITLE", "MERGE_MESSAGE"]);
        // A list that is not all values.
        let d = "Notes:\n- `a` - one\n- something else";
        assert_eq!(listed_values(d), None);
    }

    #[test]
    fn described_and_quoted_values() {
        let d = "The file mode; one of `100644` for file (blob), `100755` for executable (blob), or `120000` for a symlink.";
        assert_eq!(
            listed_values(d).unwrap(),
            vec!["100644", "100755", "120000"]
        );
        assert_eq!(
            listed_values("Possible values are `\"legacy\"` and `\"workflow\"`.").unwrap(),
            vec!["legacy", "workflow"]
        );
        assert_eq!(
            listed_values("Sorts the results by `author-date` or `committer-date`. Default: best")
                .unwrap(),
            vec!["author-date", "committer-date"]
        );
        assert_eq!(
            listed_values("Set to `open` or `resolved` to list alerts.").unwrap(),
            vec!["open", "resolved"]
        );
        // Weak cues inside a sentence, values of another parameter, `null`.
        assert_eq!(
            listed_values("Omit it if `visibility` is set to `all` or `private`."),
            None
        );
        assert_eq!(
            listed_values("It is triggered by `user` and `organization` events."),
            None
        );
        assert_eq!(listed_values("Set to `false` or `null` to block."), None);
        assert_eq!(
            listed_values("Set to `open`, `closed, `fixed`, or `dismissed` to list."),
            None
        );
    }

    #[test]
    fn default_joins_a_found_set() {
        assert_eq!(
            listed_values("Can be one of: `all`, `owner`. Default: `member`").unwrap(),
            vec!["all", "owner", "member"]
        );
        // A default alone is no set.
        assert_eq!(listed_values("The sort order. Default: `created`"), None);
    }

    #[test]
    fn examples_define_no_set() {
        let d = "The period.\n\nFor example, `day` will filter the past day. For example, `week` will filter the past week.";
        assert_eq!(listed_values(d), None);
    }

    #[test]
    fn prose_rules_feed_listed_values() {
        assert_eq!(
            listed_values("Sorts the results by number of `stars` or `forks`.").unwrap(),
            vec!["stars", "forks"]
        );
        assert_eq!(
            listed_values("Currently, only `patch` is supported.").unwrap(),
            vec!["patch"]
        );
        assert_eq!(listed_values("Only `owner` can change it."), None);
    }

    #[test]
    fn odd_characters_do_not_panic() {
        // `İ` grows when lower-cased: offsets found in the lower-cased copy shift by one byte
        // per `İ`, into the middle of the `é`s after the cue for some count.
        for k in 0..12 {
            let lead = "İ".repeat(k);
            for tail in [" Set to `éééé` or `b`.", " Either `éééé` or `b`."] {
                let _ = listed_values(&format!("{lead}{tail}"));
            }
        }
    }

    #[test]
    fn no_cue_no_enum() {
        assert_eq!(listed_values("The name of the `main` branch."), None);
    }
}
