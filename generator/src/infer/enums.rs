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
];

/// `Can be one of: `a`, `b``: the values listed right after an enum cue, exactly as written,
/// because GitHub's docs always introduce closed value sets with this phrase.
pub fn listed_values(description: &str) -> Option<Vec<String>> {
    let lower = description.to_lowercase();
    for cue in ENUM_CUES {
        if let Some(at) = lower.find(cue) {
            // `to_lowercase` can change byte lengths only for non-ASCII; fall back safely.
            let mut rest = description.get(at + cue.len()..).unwrap_or("");
            // "one of these reasons:" — skip a short noun phrase up to the colon.
            if let Some(colon) = rest.find(':') {
                if colon < 40 && !rest[..colon].contains('`') {
                    rest = &rest[colon + 1..];
                }
            }
            let values = backticked_run(rest);
            if !values.is_empty() {
                return Some(values);
            }
        }
    }
    either_or(description)
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
    fn no_cue_no_enum() {
        assert_eq!(listed_values("The name of the `main` branch."), None);
    }
}
