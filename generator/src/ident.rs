//! Rust identifiers from wire names: snake_case via `heck`, hyphens folded, keywords escaped.

use heck::ToSnakeCase;

/// Strict and reserved Rust keywords that can be written as raw identifiers (`r#type`).
const RAW_OK: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where", "while",
    "abstract", "become", "box", "do", "final", "gen", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
const NO_RAW: &[&str] = &["self", "Self", "crate", "super", "_"];

/// The snake_case Rust identifier for a wire name, keyword-safe (`type` → `r#type`,
/// `self` → `self_`, `enterprise-team` → `enterprise_team`, `+1` → `plus_1`).
pub fn rust_ident(wire: &str) -> String {
    let spelled = wire.replace('+', "plus_").replace('-', "_");
    let mut snake = spelled.to_snake_case();
    if snake.is_empty() {
        snake = "value".to_string();
    }
    if snake.starts_with(|c: char| c.is_ascii_digit()) {
        snake.insert(0, '_');
    }
    if NO_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else if RAW_OK.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

#[cfg(test)]
mod tests {
    use super::rust_ident;

    #[test]
    fn snake_cases_and_folds_hyphens() {
        assert_eq!(
            rust_ident("getPackageVersionForOrganization"),
            "get_package_version_for_organization"
        );
        assert_eq!(rust_ident("enterprise-team"), "enterprise_team");
        assert_eq!(rust_ident("per_page"), "per_page");
        assert_eq!(rust_ident("dsseEnvelope"), "dsse_envelope");
    }

    #[test]
    fn escapes_keywords() {
        assert_eq!(rust_ident("type"), "r#type");
        assert_eq!(rust_ident("ref"), "r#ref");
        assert_eq!(rust_ident("self"), "self_");
        assert_eq!(rust_ident("crate"), "crate_");
        assert_eq!(rust_ident("super"), "super_");
    }

    #[test]
    fn handles_odd_names() {
        assert_eq!(rust_ident("+1"), "plus_1");
        assert_eq!(rust_ident("2fa"), "_2fa");
    }
}
