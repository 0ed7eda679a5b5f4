//! Checks the package fields against cargo's and crates.io's rules, so a bad value is
//! reported at its `crate.yaml` line (or flag) instead of by `cargo publish` later.

use super::yaml::{example, Origins};
use super::{Origin, Package};
use crate::diag::{Diagnostic, Diagnostics};

/// Pushes one diagnostic per invalid field.
pub(crate) fn check(p: &Package, origins: &Origins, diags: &mut Diagnostics) {
    let mut bad = |key: &str, message: String| {
        let (file, line, how) = match origins.get(key) {
            Origin::File(path, line) => (path, line, format!("write e.g. `{}`", example(key))),
            Origin::Flag(flag) => (flag.into(), 0, format!("pass a valid value to `{flag}`")),
            Origin::Default => ("<defaults>".into(), 0, "set it in crate.yaml".into()),
        };
        diags.push(Diagnostic::new(file, line, message).with_hint(how));
    };
    if !is_crate_name(&p.name) {
        bad(
            "name",
            format!(
                "crate name `{}` is invalid: use ASCII letters, digits, `-` and `_`, starting with a letter, at most 64 characters",
                p.name
            ),
        );
    }
    if !is_semver(&p.version) {
        bad(
            "version",
            format!(
                "version `{}` is not a semantic version (MAJOR.MINOR.PATCH)",
                p.version
            ),
        );
    }
    if p.description.trim().is_empty() {
        bad(
            "description",
            "the description is empty (crates.io requires one)".into(),
        );
    }
    if p.license.trim().is_empty() || p.license.contains('\n') {
        bad(
            "license",
            format!("license `{}` is not an SPDX expression", p.license),
        );
    }
    for (key, url) in [
        ("repository", &p.repository),
        ("homepage", &p.homepage),
        ("documentation", &p.documentation),
    ] {
        if let Some(url) = url {
            if !(url.starts_with("https://") || url.starts_with("http://"))
                || url.contains(char::is_whitespace)
            {
                bad(key, format!("`{key}` `{url}` is not an http(s) URL"));
            }
        }
    }
    if let Some(v) = &p.rust_version {
        let parts: Vec<&str> = v.split('.').collect();
        if !(2..=3).contains(&parts.len()) || !parts.iter().all(|n| is_number(n)) {
            bad(
                "rust-version",
                format!("rust-version `{v}` is not a Rust version such as `1.80`"),
            );
        }
    }
    if p.keywords.len() > 5 {
        bad(
            "keywords",
            format!(
                "{} keywords given; crates.io allows at most 5",
                p.keywords.len()
            ),
        );
    }
    for k in &p.keywords {
        let ok = k.len() <= 20
            && k.starts_with(|c: char| c.is_ascii_alphabetic())
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c));
        if !ok {
            bad("keywords", format!("keyword `{k}` is invalid: at most 20 ASCII letters, digits, `_`, `-`, `+`, starting with a letter"));
        }
    }
    for c in &p.categories {
        let ok = !c.is_empty()
            && c.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-:".contains(c));
        if !ok {
            bad(
                "categories",
                format!("category `{c}` is not a crates.io category slug"),
            );
        }
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_crate_name(s: &str) -> bool {
    s.len() <= 64
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// `MAJOR.MINOR.PATCH`, optionally `-pre` and `+build` of `[0-9A-Za-z.-]`.
fn is_semver(s: &str) -> bool {
    let (rest, build) = s.split_once('+').map_or((s, None), |(a, b)| (a, Some(b)));
    let (core, pre) = rest
        .split_once('-')
        .map_or((rest, None), |(a, b)| (a, Some(b)));
    let ident_ok = |x: Option<&str>| {
        x.is_none_or(|x| {
            !x.is_empty()
                && x.split('.').all(|p| {
                    !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                })
        })
    };
    let nums: Vec<&str> = core.split('.').collect();
    nums.len() == 3 && nums.iter().all(|n| is_number(n)) && ident_ok(pre) && ident_ok(build)
}
