//! Identifiers for generated items: enum variants from wire values, type names, unique names
//! within one namespace, and `proc_macro2::Ident`s from (possibly raw) identifier text.

use std::collections::BTreeSet;

use heck::ToUpperCamelCase;
use proc_macro2::{Ident, Span};

/// An identifier from text that may carry an `r#` prefix (`r#type`).
pub fn ident(text: &str) -> Ident {
    match text.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(text, Span::call_site()),
    }
}

/// The identifier text without an `r#` prefix (`r#type` → `type`).
pub fn bare(text: &str) -> &str {
    text.strip_prefix("r#").unwrap_or(text)
}

/// UpperCamelCase type name from a snake/camel/odd name (`code_scanning` → `CodeScanning`,
/// `files[].mode` → `FilesMode`); anything but ASCII letters and digits separates words.
pub fn type_name(text: &str) -> String {
    let words: String = bare(text)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let camel = words.to_upper_camel_case();
    if camel.is_empty() {
        "Value".to_owned()
    } else if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{camel}")
    } else {
        not_self(camel)
    }
}

/// `Self` is the one UpperCamelCase keyword (and cannot be a raw identifier).
fn not_self(name: String) -> String {
    if name == "Self" {
        "Self_".to_owned()
    } else {
        name
    }
}

/// snake_case module, file, feature and accessor name for a scope (`codeScanning` →
/// `code_scanning`), never a keyword (`type` → `type_`) so it needs no raw identifier.
pub fn scope_module(scope: &str) -> String {
    let ident = crate::model::rust_ident(scope);
    let plain: String = bare(&ident)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if ident.starts_with("r#") {
        format!("{plain}_")
    } else if plain.is_empty() {
        "scope".to_owned()
    } else {
        plain
    }
}

const DIGITS: [&str; 10] = [
    "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
];

/// The enum variant for one wire value: `+1` → `PlusOne`, `-1` → `MinusOne`,
/// `won't fix` → `WontFix`, `100644` → `V100644`, `public-beta` → `PublicBeta`.
pub fn variant_name(value: &str) -> String {
    let (sign, rest) = match value.as_bytes().first() {
        Some(b'+') => ("Plus", &value[1..]),
        Some(b'-') => ("Minus", &value[1..]),
        _ => ("", value),
    };
    if !sign.is_empty() && rest.len() == 1 && rest.as_bytes()[0].is_ascii_digit() {
        return format!("{sign}{}", DIGITS[usize::from(rest.as_bytes()[0] - b'0')]);
    }
    // Apostrophes join words (`won't` → `wont`); `+` inside a value is a word of its own, and
    // so is a `-` that starts a number after a separator (`reactions--1` → `ReactionsMinus1`).
    let cleaned: String = minus_words(rest)
        .replace(['\'', '’'], "")
        .replace('+', " plus ")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let camel = cleaned.to_upper_camel_case();
    let name = format!("{sign}{camel}");
    if name.is_empty() {
        "Empty".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else {
        not_self(name)
    }
}

/// `-` before a digit at the start of a word (after a separator, not a letter or digit)
/// becomes the word `minus`: `a--1` → `a- minus 1`; `x-1` and `2-3` keep their hyphen.
fn minus_words(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.char_indices() {
        let starts_number = c == '-'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && i > 0
            && !bytes[i - 1].is_ascii_alphanumeric();
        if starts_number {
            out.push_str(" minus ");
        } else {
            out.push(c);
        }
    }
    out
}

/// Hands out names unique within one namespace: a taken name gets a numeric suffix.
#[derive(Debug, Default)]
pub struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// A namespace in which `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Names {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// `wanted` if free, else `wanted2`, `wanted3`, … (or `wanted_2` for snake_case names).
    pub fn claim(&mut self, wanted: &str) -> String {
        let sep = if wanted.contains('_') || wanted.starts_with(|c: char| c.is_lowercase()) {
            "_"
        } else {
            ""
        };
        let mut name = wanted.to_owned();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{wanted}{sep}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_from_odd_values() {
        assert_eq!(variant_name("+1"), "PlusOne");
        assert_eq!(variant_name("-1"), "MinusOne");
        assert_eq!(variant_name("won't fix"), "WontFix");
        assert_eq!(variant_name("not_planned"), "NotPlanned");
        assert_eq!(variant_name("100644"), "V100644");
        assert_eq!(variant_name("public-beta"), "PublicBeta");
        assert_eq!(
            variant_name("application/vnd.github+json"),
            "ApplicationVndGithubPlusJson"
        );
        assert_eq!(variant_name(""), "Empty");
        assert_eq!(variant_name("+100"), "Plus100");
        assert_eq!(variant_name("reactions-+1"), "ReactionsPlus1");
        assert_eq!(variant_name("reactions--1"), "ReactionsMinus1");
        assert_eq!(variant_name("x-1"), "X1");
        assert_eq!(variant_name("2-3"), "V23");
        assert_eq!(variant_name("ALL_CAPS"), "AllCaps");
    }

    #[test]
    fn unique_names_get_suffixes() {
        let mut names = Names::with_reserved(&["Other"]);
        assert_eq!(names.claim("Other"), "Other2");
        assert_eq!(names.claim("Open"), "Open");
        assert_eq!(names.claim("Open"), "Open2");
        assert_eq!(names.claim("Open"), "Open3");
        let mut fields = Names::default();
        assert_eq!(fields.claim("per_page"), "per_page");
        assert_eq!(fields.claim("per_page"), "per_page_2");
    }

    #[test]
    fn type_and_scope_names() {
        assert_eq!(type_name("package_type"), "PackageType");
        assert_eq!(type_name("r#type"), "Type");
        assert_eq!(type_name("enterprise-team"), "EnterpriseTeam");
        assert_eq!(type_name("files[].mode"), "FilesMode");
        assert_eq!(type_name("2fa"), "V2fa");
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(variant_name("self"), "Self_");
        assert_eq!(scope_module("codeScanning"), "code_scanning");
        assert_eq!(scope_module("repos"), "repos");
        assert_eq!(scope_module("type"), "type_");
        assert_eq!(scope_module("self"), "self_");
        assert_eq!(scope_module("enterprise-teams"), "enterprise_teams");
        assert_eq!(type_name("a$b"), "AB");
        assert_eq!(type_name("ünï"), "N");
    }

    #[test]
    fn raw_identifiers() {
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("owner").to_string(), "owner");
        assert_eq!(bare("r#ref"), "ref");
    }
}
