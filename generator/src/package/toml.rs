//! Renders the `[package]` table of the generated `Cargo.toml` (TOML strings escaped).

use super::Package;

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|s| string(s)).collect();
    format!("[{}]", items.join(", "))
}

/// `[package]` and its fields, one per line, ending with a newline. `readme` names the
/// generated `README.md`.
pub fn package_table(p: &Package) -> String {
    let mut out = String::from("[package]\n");
    let mut line = |key: &str, value: String| out.push_str(&format!("{key} = {value}\n"));
    line("name", string(&p.name));
    line("version", string(&p.version));
    line("edition", string("2021"));
    if let Some(v) = &p.rust_version {
        line("rust-version", string(v));
    }
    line("description", string(&p.description));
    line("license", string(&p.license));
    line("readme", string("README.md"));
    for (key, value) in [
        ("repository", &p.repository),
        ("homepage", &p.homepage),
        ("documentation", &p.documentation),
    ] {
        if let Some(v) = value {
            line(key, string(v));
        }
    }
    if !p.keywords.is_empty() {
        line("keywords", list(&p.keywords));
    }
    if !p.categories.is_empty() {
        line("categories", list(&p.categories));
    }
    if !p.publish {
        line("publish", "false".into());
    }
    out
}
