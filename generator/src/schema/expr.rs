//! Short type expressions: `base ('[]')* (' | null')?` with bases `string`, `timestamp`,
//! `integer`, `number`, `boolean`, `any`, `binary`, `text`, `map<EXPR>` and model names.

/// The base of a type expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Base {
    String,
    /// A date-time string (OpenAPI `format: date-time`).
    Timestamp,
    Integer,
    Number,
    Boolean,
    Any,
    Binary,
    Text,
    Map(Box<TypeExpr>),
    /// A model name (PascalCase), not yet checked to exist.
    Named(String),
}

/// A parsed type expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypeExpr {
    pub base: Base,
    /// Number of `[]` suffixes.
    pub arrays: usize,
    /// Ends in `| null`.
    pub nullable: bool,
}

/// Why a type expression could not be read: message and hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExprError {
    pub message: String,
    pub hint: String,
}

const BASES: &str =
    "`string`, `timestamp`, `integer`, `number`, `boolean`, `any`, `map<T>`, a model name (PascalCase), `binary`, `text`";

fn err(message: String, hint: impl Into<String>) -> ExprError {
    ExprError {
        message,
        hint: hint.into(),
    }
}

/// Deepest `map<…>` nesting accepted (the parser recurses once per level).
const MAX_DEPTH: usize = 16;

/// Parses a whole type expression such as `SimpleUser[] | null` or `map<string[]>`.
pub(crate) fn parse(text: &str) -> Result<TypeExpr, ExprError> {
    parse_at(text, 0)
}

fn parse_at(text: &str, depth: usize) -> Result<TypeExpr, ExprError> {
    let whole = text.trim();
    let bad = |why: &str| {
        err(
            format!("bad type expression `{whole}`: {why}"),
            format!("write `base`, `base[]` or `base | null`; bases: {BASES}"),
        )
    };
    let parts = split_top_level_bar(whole);
    let (inner, nullable) = match parts.as_slice() {
        [one] => (*one, false),
        [left, right] if right.trim() == "null" => (*left, true),
        [left, right] if left.trim() == "null" => {
            return Err(err(
                format!("bad type expression `{whole}`: `null` goes last"),
                format!("write `{} | null`", right.trim()),
            ))
        }
        [_, _] => return Err(bad("only `| null` may follow `|` (no unions)")),
        _ => return Err(bad("more than one `|`")),
    };
    let mut rest = inner.trim();
    if rest.is_empty() {
        return Err(bad("no type"));
    }
    let mut arrays = 0;
    while let Some(r) = rest.strip_suffix("[]") {
        arrays += 1;
        rest = r.trim_end();
    }
    let base = match rest {
        "string" => Base::String,
        "timestamp" => Base::Timestamp,
        "integer" => Base::Integer,
        "number" => Base::Number,
        "boolean" => Base::Boolean,
        "any" => Base::Any,
        "binary" => Base::Binary,
        "text" => Base::Text,
        "null" => {
            return Err(bad(
                "`null` alone is no type; use `any | null` or `~` for no body",
            ))
        }
        _ => {
            if let Some(inner) = rest.strip_prefix("map<").and_then(|r| r.strip_suffix('>')) {
                if depth >= MAX_DEPTH {
                    return Err(bad("`map<…>` nested too deeply"));
                }
                Base::Map(Box::new(parse_at(inner, depth + 1).map_err(|e| {
                    ExprError {
                        message: format!("{} (in `{whole}`)", e.message),
                        hint: e.hint,
                    }
                })?))
            } else if is_model_name(rest) {
                Base::Named(rest.to_string())
            } else if rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                let context = match rest == whole {
                    true => String::new(),
                    false => format!(" in `{whole}`"),
                };
                return Err(err(
                    format!("unknown type `{rest}`{context}"),
                    format!("use one of {BASES}"),
                ));
            } else {
                return Err(bad("unexpected characters"));
            }
        }
    };
    Ok(TypeExpr {
        base,
        arrays,
        nullable,
    })
}

/// `FullRepository`: an ASCII letter-and-digit identifier starting with an upper-case letter.
pub(crate) fn is_model_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// Splits at `|` outside `<…>`.
fn split_top_level_bar(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            '|' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> TypeExpr {
        parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn bases_arrays_and_null() {
        assert_eq!(
            ok("string"),
            TypeExpr {
                base: Base::String,
                arrays: 0,
                nullable: false
            }
        );
        let e = ok(" SimpleUser[][] | null ");
        assert_eq!(e.base, Base::Named("SimpleUser".into()));
        assert_eq!((e.arrays, e.nullable), (2, true));
        assert!(ok("string|null").nullable);
        for (text, base) in [
            ("integer", Base::Integer),
            ("timestamp", Base::Timestamp),
            ("number", Base::Number),
            ("boolean", Base::Boolean),
            ("any", Base::Any),
            ("binary", Base::Binary),
            ("text", Base::Text),
        ] {
            assert_eq!(ok(text).base, base);
        }
    }

    #[test]
    fn maps_nest() {
        let e = ok("map<map<Label[]>>[]");
        assert_eq!(e.arrays, 1);
        let Base::Map(inner) = e.base else { panic!() };
        let Base::Map(inner) = inner.base else {
            panic!()
        };
        assert_eq!(inner.base, Base::Named("Label".into()));
        assert_eq!(inner.arrays, 1);
        let Base::Map(values) = ok("map<string | null>").base else {
            panic!()
        };
        assert!(values.nullable);
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let msg = |t: &str| parse(t).unwrap_err().message;
        assert!(msg("str").contains("unknown type `str`"));
        let near = parse("datetime").unwrap_err();
        assert!(near.message.contains("unknown type `datetime`"));
        assert!(near.hint.contains("`timestamp`"), "{}", near.hint);
        assert!(msg("string | integer").contains("no unions"));
        assert!(msg("A | B | null").contains("more than one"));
        assert!(msg("").contains("no type"));
        assert!(msg("map<strin>").contains("unknown type `strin`"));
        assert!(msg("Foo-Bar").contains("unexpected characters"));
        assert!(msg("null").contains("`null` alone"));
        let flipped = parse("null | string").unwrap_err();
        assert_eq!(flipped.hint, "write `string | null`");
        assert!(msg("list<string>").contains("unexpected"));
        let deep = format!("{}string{}", "map<".repeat(100_000), ">".repeat(100_000));
        assert!(msg(&deep).contains("nested too deeply"));
    }

    #[test]
    fn model_names() {
        assert!(is_model_name("FullRepository"));
        assert!(is_model_name("A2"));
        assert!(!is_model_name("fullRepository"));
        assert!(!is_model_name("Full_Repository"));
        assert!(!is_model_name(""));
    }
}
