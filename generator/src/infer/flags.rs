//! Flags read from wording: `nullable` parameters, path parameters that may carry slashes,
//! and endpoints that trigger notifications.

use super::words::{has_any, has_word, lower};

/// "Set to `null` to disable", "Sending a `null` value will remove …": the docs mention a
/// literal `null` only when sending it means something, so the field must be able to
/// serialise an explicit null.
pub fn nullable(description: &str) -> bool {
    let text = lower(description);
    has_any(
        &text,
        &[
            "`null`",
            "set to null",
            "to null to",
            "set this to null",
            "set it to null",
        ],
    )
}

/// Path parameters naming refs, branches or file paths may contain `/`, so the client must not
/// percent-encode it: detected from the name (`ref`, `path`, `branch`) or wording
/// ("can be a branch name", "file path", "`heads/<branch name>`").
pub fn allows_slash(name: &str, description: &str) -> bool {
    let text = lower(description);
    let by_name = matches!(
        name,
        "ref" | "path" | "branch" | "basehead" | "file_path" | "tag" | "dir"
    );
    let by_text = has_word(description, &["ref", "refs"])
        || has_any(
            &text,
            &[
                "branch name",
                "file path",
                "path to the",
                "heads/",
                "tags/",
                "refs/",
                "can be a branch",
                "name of the branch",
                "wildcard characters",
                "`...`",
            ],
        );
    by_name || by_text
}

/// "This endpoint triggers [notifications](…)" (or "The call sends notifications"): GitHub's
/// docs mark endpoints that create content others are notified of; creating it quickly
/// trips secondary rate limits. The Markdown link is read as its text; a negated mention
/// ("does not trigger …") is not a cue.
pub fn triggers_notifications(description: &str) -> bool {
    let text = lower(description).replace("[notifications]", "notifications");
    let negated = has_any(
        &text,
        &[
            "not trigger notifications",
            "n't trigger notifications",
            "not send notifications",
            "n't send notifications",
        ],
    );
    !negated
        && has_any(
            &text,
            &[
                "triggers notifications",
                "trigger notifications",
                "sends notifications",
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_is_meaningful() {
        assert!(nullable("Require reviews. Set to `null` to disable."));
        assert!(!nullable("The title."));
        assert!(nullable(
            "Sending a `null` value will remove the custom domain."
        ));
        assert!(!nullable("Returns null when nothing matches."));
    }

    #[test]
    fn notification_triggering_endpoints() {
        assert!(triggers_notifications(
            "Creates an issue.\n\nThis endpoint triggers [notifications](https://docs.github.com/github/managing-subscriptions-and-notifications-on-github/about-notifications). Creating content too quickly may result in secondary rate limiting."
        ));
        assert!(triggers_notifications(
            "This endpoint triggers notifications."
        ));
        assert!(triggers_notifications(
            "The call sends notifications, and creating many quickly is limited."
        ));
        assert!(!triggers_notifications(
            "This call does not send notifications."
        ));
        assert!(!triggers_notifications(
            "Lists notifications for the authenticated user."
        ));
        assert!(!triggers_notifications(
            "Marking a thread as read does not trigger notifications."
        ));
        assert!(!triggers_notifications(""));
    }

    #[test]
    fn slashes_in_refs_and_paths() {
        assert!(allows_slash("ref", "The git reference."));
        assert!(allows_slash(
            "target",
            "The commit SHA. Can be a branch name or a tag."
        ));
        assert!(!allows_slash(
            "owner",
            "The account owner of the repository."
        ));
        assert!(allows_slash(
            "tree_sha",
            "The SHA1 value or ref (branch or tag) name of the tree."
        ));
        assert!(!allows_slash(
            "env",
            "The name must be URL encoded: slashes must be replaced with `%2F`."
        ));
    }
}

/// One top-level row as [`undocumented_flags`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct RowShape<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub required: bool,
    /// The row is an optional query parameter of a GET.
    pub get_query: bool,
}

/// `collab`, `orgs`, `owned`, `pulls` (optional GET query rows, one word each, no text, listed
/// one after another): a run of two or more such rows are switches, so booleans. A lone
/// undocumented row (`outdated`, `exclude`) says too little and keeps its inferred type.
pub fn undocumented_flags<'a>(rows: &[RowShape<'a>]) -> Vec<&'a str> {
    let bare = |r: &RowShape| {
        r.get_query
            && !r.required
            && r.description.trim().is_empty()
            && !r.name.is_empty()
            && r.name.chars().all(|c| c.is_ascii_lowercase())
    };
    let mut out = Vec::new();
    let mut run: Vec<&'a str> = Vec::new();
    for r in rows.iter().chain([&RowShape {
        name: "",
        description: "",
        required: true,
        get_query: false,
    }]) {
        if bare(r) {
            run.push(r.name);
        } else {
            if run.len() >= 2 {
                out.append(&mut run);
            }
            run.clear();
        }
    }
    out
}

#[cfg(test)]
mod flag_tests {
    use super::*;

    fn row(name: &'static str, description: &'static str) -> RowShape<'static> {
        RowShape {
            name,
            description,
            required: false,
            get_query: true,
        }
    }

    #[test]
    fn runs_of_bare_query_rows_are_flags() {
        let rows = [
            row("since", "Only after this time."),
            row("collab", ""),
            row("orgs", ""),
            row("owned", ""),
            row("pulls", ""),
            row("per_page", "The number of results."),
        ];
        assert_eq!(
            undocumented_flags(&rows),
            ["collab", "orgs", "owned", "pulls"]
        );
        let lone = [row("outdated", ""), row("per_page", "The number.")];
        assert!(undocumented_flags(&lone).is_empty());
        let words = [row("app_id", ""), row("check_name", "")];
        assert!(undocumented_flags(&words).is_empty());
    }
}
