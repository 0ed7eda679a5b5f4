//! Parameter flags read from wording: `nullable` and path parameters that may carry slashes.

use super::words::{has_any, lower};

/// "Set to `null` to disable": sending `null` means something, so the field must be able
/// to serialise an explicit null.
pub fn nullable(description: &str) -> bool {
    let text = lower(description);
    has_any(
        &text,
        &[
            "set to `null`",
            "set it to `null`",
            "to `null`",
            "pass `null`",
            "`null` to",
            "set to null",
            "or `null`",
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
    let by_text = has_any(
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
            "the branch",
            "wildcard characters",
            "`...`",
        ],
    );
    by_name || by_text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_is_meaningful() {
        assert!(nullable("Require reviews. Set to `null` to disable."));
        assert!(!nullable("The title."));
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
    }
}
