//! The Rust type a schema becomes, as a path relative to the generated crate root
//! (`models::FullRepository`, `Vec<models::Label>`): shared by `inspect` and code generation.

use super::{Field, ResponseDecl, Schema};

/// The Rust type of `schema`, models as `models::Name` (`Box<…>` where boxed).
pub fn rust_type_path(schema: &Schema) -> String {
    rust_type_path_in(schema, "models::")
}

/// Like [`rust_type_path`] with models spelled `<models_prefix>Name`: `"crate::models::"`
/// from elsewhere in the crate, `""` inside `models.rs` itself.
pub fn rust_type_path_in(schema: &Schema, models_prefix: &str) -> String {
    match schema {
        Schema::String | Schema::Text => "String".into(),
        Schema::Timestamp => "Timestamp".into(),
        Schema::Integer => "i64".into(),
        Schema::Number => "f64".into(),
        Schema::Boolean => "bool".into(),
        Schema::Any => "serde_json::Value".into(),
        Schema::Binary => "bytes::Bytes".into(),
        Schema::Ref { name, boxed: false } => format!("{models_prefix}{name}"),
        Schema::Ref { name, boxed: true } => format!("Box<{models_prefix}{name}>"),
        Schema::Array { items } => format!("Vec<{}>", rust_type_path_in(items, models_prefix)),
        Schema::Map { values } => format!(
            "std::collections::BTreeMap<String, {}>",
            rust_type_path_in(values, models_prefix)
        ),
    }
}

/// A field's Rust type: `Option<T>` when it may be absent or `null`, else `T`.
pub fn field_type_path(field: &Field) -> String {
    let ty = rust_type_path(&field.schema);
    if field.required && !field.nullable {
        ty
    } else {
        format!("Option<{ty}>")
    }
}

/// A response body's Rust type (`Option<T>` when nullable); `None` without a body.
pub fn response_type_path(response: &ResponseDecl) -> Option<String> {
    let ty = rust_type_path(response.body.as_ref()?);
    Some(if response.nullable {
        format!("Option<{ty}>")
    } else {
        ty
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(name: &str, boxed: bool) -> Schema {
        Schema::Ref {
            name: name.into(),
            boxed,
        }
    }

    #[test]
    fn paths_relative_to_the_crate_root() {
        assert_eq!(
            rust_type_path(&r("FullRepository", false)),
            "models::FullRepository"
        );
        assert_eq!(rust_type_path(&r("Tree", true)), "Box<models::Tree>");
        let labels = Schema::Array {
            items: Box::new(r("Label", false)),
        };
        assert_eq!(rust_type_path(&labels), "Vec<models::Label>");
        let map = Schema::Map {
            values: Box::new(labels),
        };
        assert_eq!(
            rust_type_path(&map),
            "std::collections::BTreeMap<String, Vec<models::Label>>"
        );
        assert_eq!(
            rust_type_path_in(&r("X", false), "crate::models::"),
            "crate::models::X"
        );
        for (s, t) in [
            (Schema::String, "String"),
            (Schema::Text, "String"),
            (Schema::Timestamp, "Timestamp"),
            (Schema::Integer, "i64"),
            (Schema::Number, "f64"),
            (Schema::Boolean, "bool"),
            (Schema::Any, "serde_json::Value"),
            (Schema::Binary, "bytes::Bytes"),
        ] {
            assert_eq!(rust_type_path(&s), t);
        }
    }

    #[test]
    fn options_for_optional_nullable_fields_and_bodies() {
        let field = |required, nullable| Field {
            wire_name: "a".into(),
            rust_name: "a".into(),
            schema: Schema::String,
            required,
            nullable,
            doc: String::new(),
            line: 1,
        };
        assert_eq!(field_type_path(&field(true, false)), "String");
        assert_eq!(field_type_path(&field(true, true)), "Option<String>");
        assert_eq!(field_type_path(&field(false, false)), "Option<String>");
        let resp = |body: Option<Schema>, nullable| ResponseDecl {
            status: 200,
            body,
            nullable,
            line: 1,
        };
        assert_eq!(response_type_path(&resp(None, false)), None);
        assert_eq!(
            response_type_path(&resp(Some(r("A", false)), true)).as_deref(),
            Some("Option<models::A>")
        );
    }
}
