//! Enum values read from description wording ("Can be one of: `a`, `b`").

/// Phrases after which the description lists the allowed values in backticks.
const ENUM_CUES: &[&str] = &[
    "can be one of:",
    "can be one of",
    "must be one of:",
    "must be one of",
    "is one of:",
    "one of the following values:",
    "possible values are:",
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
    "can be ",
    "can only be ",
    "one of ",
];

/// `Can be one of: `a`, `b``: the values listed right after an enum cue, exactly as written,
/// because GitHub's docs always introduce closed value sets with this phrase.
pub fn listed_values(description: &str) -> Option<Vec<String>> {
    raw_listed_values(description).map(distinct)
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
            let mut values = bullet_values(rest);
            if values.is_empty() {
                values = backticked_run(rest);
            }
            // A single backticked word after "can be" is an example, not a closed set.
            if values.len() >= 2 || (values.len() == 1 && cue.ends_with(':')) {
                return Some(values);
            }
        }
    }
    either_or(description).or_else(|| defined_terms(description))
}

/// "`opt_in` means large files will be stored …. `opt_out` means …": two or more values
/// each defined in turn.
fn defined_terms(description: &str) -> Option<Vec<String>> {
    let values: Vec<String> = description
        .match_indices("` means")
        .filter_map(|(end, _)| {
            let start = description[..end].rfind('`')?;
            Some(description[start + 1..end].to_string())
        })
        .collect();
    (values.len() >= 2).then_some(values)
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
    let rest = &description[at + "either ".len()..];
    let values = backticked_run(rest);
    let booleans = values.iter().all(|v| v == "true" || v == "false");
    (values.len() >= 2 && !booleans).then_some(values)
}

/// The backticked values at the start of `text`, separated by commas, "or", "and" or spaces,
/// ending at the first other word.
fn backticked_run(text: &str) -> Vec<String> {
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
        values.push(inner[..end].to_string());
        rest = &inner[end + 1..];
    }
    values
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
    fn no_cue_no_enum() {
        assert_eq!(listed_values("The name of the `main` branch."), None);
    }
}
