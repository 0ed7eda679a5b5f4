//! Rust types of parameters: scalars, enums with their fallback, body structs.

use super::*;

fn render(ty: &Type) -> (String, String) {
    let mut cx = TypeCx::new(quote!(self), &["Builder"]);
    let t = cx.rust_type(ty, "state", "The state.");
    let items = cx.into_items();
    let file: syn::File = syn::parse2(quote!(#(#items)*)).unwrap();
    (t.to_string().replace(' ', ""), prettyplease::unparse(&file))
}

#[test]
fn scalars_map_to_rust_types() {
    assert_eq!(render(&Type::Integer).0, "i64");
    assert_eq!(render(&Type::Number).0, "f64");
    assert_eq!(render(&Type::Boolean).0, "bool");
    assert_eq!(render(&Type::String).0, "String");
    assert_eq!(
        render(&Type::IntegerOrString).0,
        "crate::runtime::IntOrString"
    );
    assert_eq!(render(&Type::Any).0, "::serde_json::Value");
    assert_eq!(render(&Type::Bytes).0, "Vec<u8>");
    let arr = Type::Array {
        items: Box::new(Type::Integer),
    };
    assert_eq!(render(&arr).0, "Vec<i64>");
    let map = Type::Map {
        values: Box::new(Type::String),
    };
    assert_eq!(
        render(&map).0,
        "::std::collections::BTreeMap<String,String>"
    );
}

#[test]
fn objects_without_known_fields_are_json_maps() {
    let (t, items) = render(&Type::Object { fields: Vec::new() });
    assert_eq!(t, "::serde_json::Map<String,::serde_json::Value>");
    assert!(items.trim().is_empty(), "{items}");
}

#[test]
fn enums_get_variants_as_str_and_fallback() {
    let values = ["open", "closed", "other", "+1", "Open"]
        .map(String::from)
        .to_vec();
    let (t, src) = render(&Type::Enum { values, name: None });
    assert_eq!(t, "self::State");
    for needle in [
        "Open,",
        "Closed,",
        "OtherValue,",
        "PlusOne,",
        "Open2,",
        "Other(String)",
        "Self::PlusOne => \"+1\"",
        "Self::Open2 => \"Open\"",
        "serializer.serialize_str(self.as_str())",
    ] {
        assert!(src.contains(needle), "{needle} missing in\n{src}");
    }
}

#[test]
fn objects_become_serialize_structs_with_wire_names() {
    let field = |wire: &str, rust: &str, required: bool, nullable: bool| Param {
        spec_name: format!("state.{wire}"),
        wire_name: wire.into(),
        rust_name: rust.into(),
        location: crate::model::Location::Body,
        ty: Type::String,
        required,
        nullable,
        allows_slash: false,
        deprecated: false,
        aliases: Vec::new(),
        description: String::new(),
        line: 1,
    };
    let ty = Type::Object {
        fields: vec![
            field("type", "r#type", true, false),
            field("enterprise-team", "enterprise_team", false, false),
            field("date", "date", false, true),
        ],
    };
    let (t, src) = render(&ty);
    assert_eq!(t, "self::State");
    assert!(src.contains("pub r#type: String"), "{src}");
    assert!(
        src.contains("#[serde(rename = \"enterprise-team\")]"),
        "{src}"
    );
    assert!(!src.contains("rename = \"type\""), "{src}");
    assert!(
        src.contains("pub date: Option<\n        Option<String>,\n    >")
            || src.contains("pub date: Option<Option<String>>"),
        "{src}"
    );
    assert!(src.contains("skip_serializing_if"), "{src}");
    assert!(
        !src.contains("Default"),
        "a required field forbids Default: {src}"
    );
}
