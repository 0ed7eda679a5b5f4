//! Rendering drafts as text: model files (`specs/models/<Name>.yaml`) and a spec's
//! `responses:` block, in one stable layout (fields in the order the schema declares them).

use std::fmt::Write as _;

use super::convert::{Drafted, FieldDraft, ModelDraft, Ty, Typed};

const ORIGIN_HEAD: &str = "# Drafted by `client-generator draft-models` from ";
const ORIGIN_TAIL: &str = "; review before relying on it.";

/// What a model file was drafted from, read back from its first line.
pub(crate) fn origin_of(text: &str) -> Option<String> {
    let first = text.lines().next()?;
    let origin = first.strip_prefix(ORIGIN_HEAD)?.strip_suffix(ORIGIN_TAIL)?;
    Some(origin.to_string())
}

/// The text of one model file.
pub(crate) fn model_file(d: &Drafted) -> String {
    let mut out = format!("{ORIGIN_HEAD}{}{ORIGIN_TAIL}\n", d.origin);
    match &d.model {
        ModelDraft::Object { extends, fields } => {
            if let Some(base) = extends {
                let _ = writeln!(out, "extends: {base}");
            }
            write_fields(&mut out, fields, 0);
        }
        ModelDraft::OneOf {
            variants,
            discriminator,
        } => {
            let _ = writeln!(out, "one_of: {}", flow_list(variants));
            if let Some(field) = discriminator {
                let _ = writeln!(out, "discriminator: {}", scalar(field));
            }
        }
        ModelDraft::Enum(values) => {
            let _ = writeln!(out, "enum: {}", flow_list(values));
        }
    }
    out
}

/// The `responses:` block for a spec's front-matter (ends with a newline).
pub(crate) fn responses_block(responses: &[(u16, Option<Typed>)]) -> String {
    let mut out = String::from("responses:\n");
    for (status, body) in responses {
        let value = match body {
            None => "~".to_string(),
            Some(t) => short(t).unwrap_or_else(|| "any".into()),
        };
        let _ = writeln!(out, "  {status}: {value}");
    }
    out
}

fn write_fields(out: &mut String, fields: &[FieldDraft], indent: usize) {
    let pad = " ".repeat(indent);
    if fields.is_empty() {
        let _ = writeln!(out, "{pad}fields: {{}}");
        return;
    }
    let _ = writeln!(out, "{pad}fields:");
    for f in fields {
        let key = if f.required {
            f.name.clone()
        } else {
            format!("{}?", f.name)
        };
        for line in f.evidence.comments(f.required, f.ty.nullable) {
            let _ = writeln!(out, "{pad}  # {line}");
        }
        let _ = write!(out, "{pad}  {}:", scalar(&key));
        write_value(out, &f.ty, indent + 4);
    }
}

/// After a `key:`: ` <type expression>\n`, or a newline and the long form indented.
fn write_value(out: &mut String, t: &Typed, indent: usize) {
    match short(t) {
        Some(expr) => {
            let _ = writeln!(out, " {expr}");
        }
        None => {
            out.push('\n');
            write_long(out, t, indent);
        }
    }
}

/// The long form of a type that has no type expression.
fn write_long(out: &mut String, t: &Typed, indent: usize) {
    let pad = " ".repeat(indent);
    match &t.ty {
        Ty::Object(fields) => write_fields(out, fields, indent),
        Ty::Enum(values) => {
            let _ = writeln!(out, "{pad}enum: {}", flow_list(values));
        }
        Ty::OneOf(variants) => {
            let _ = writeln!(out, "{pad}one_of: {}", flow_list(variants));
        }
        Ty::Array(inner) => {
            let _ = write!(out, "{pad}items:");
            write_value(out, inner, indent + 2);
        }
        Ty::Map(inner) => {
            let _ = write!(out, "{pad}values:");
            write_value(out, inner, indent + 2);
        }
        Ty::Scalar(_) | Ty::Named(_) => {
            let _ = writeln!(out, "{pad}type: {}", short(t).unwrap_or_default());
        }
    }
    if t.nullable && !matches!(t.ty, Ty::Scalar(_) | Ty::Named(_)) {
        let _ = writeln!(out, "{pad}nullable: true");
    }
}

/// The type expression of a type (`SimpleUser | null`, `string[]`, `map<any>`), or `None`
/// when it needs the long form (inline objects/enums/one_ofs, nullable elements).
pub(crate) fn short(t: &Typed) -> Option<String> {
    let base = match &t.ty {
        Ty::Scalar(s) => (*s).to_string(),
        Ty::Named(n) => n.clone(),
        Ty::Array(inner) if !inner.nullable => format!("{}[]", short(inner)?),
        Ty::Map(inner) => format!("map<{}>", short(inner)?),
        _ => return None,
    };
    Some(if t.nullable {
        format!("{base} | null")
    } else {
        base
    })
}

/// `[a, b]` with each element quoted when YAML would read it as something else.
fn flow_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| scalar(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// A YAML scalar that reads back as exactly this string.
pub(crate) fn scalar(s: &str) -> String {
    const SPECIAL: [&str; 12] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "nan", "inf",
    ];
    let plain = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | '?'))
        && !SPECIAL.contains(&s.to_ascii_lowercase().as_str());
    if plain {
        s.to_string()
    } else {
        serde_json::Value::String(s.to_string()).to_string()
    }
}
