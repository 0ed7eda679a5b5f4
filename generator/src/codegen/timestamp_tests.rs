//! Date-time parameters and fields: the runtime's `Timestamp` in signatures, models, the
//! query text, the crate's `timestamps` feature and its README section.

use super::tests::{api, endpoint, has, lacks, param};
use super::*;
use crate::model::{HttpMethod, Location, Type};
use crate::schema::Schema;

#[test]
fn timestamp_parameters_take_into_timestamp_and_go_as_their_text() {
    let mut until = param("until", Location::Body, Type::Timestamp, false);
    until.nullable = true;
    let e = endpoint(
        "issues",
        "list",
        HttpMethod::Post,
        "/issues/{at}",
        vec![
            param("at", Location::Path, Type::Timestamp, true),
            param("since", Location::Query, Type::Timestamp, false),
            until,
            param("due_on", Location::Body, Type::Timestamp, true),
        ],
    );
    let src = endpoint_source(&api(vec![e.clone()]), &e);
    has(
        &src,
        &[
            "use crate::runtime::Timestamp;",
            "at: impl Into<Timestamp>",
            "due_on: impl Into<Timestamp>",
            "at: at.into()",
            "pub fn since(mut self, since: impl Into<Timestamp>) -> Self",
            "pub(super) since: Option<Timestamp>",
            // `Timestamp` is `String` without the feature: `String::from` is then a no-op.
            r#"req = req.query("since", String::from(value));"#,
            // A nullable body field: `None` sends `null`.
            "pub fn until(mut self, until: Option<Timestamp>) -> Self",
            "PathValue::Segment(&String::from(self.at.clone()))",
            r#"body.field("due_on", &self.due_on);"#,
        ],
    );
    lacks(&src, &["since: impl Into<String>"]);
}

#[test]
fn timestamp_fields_are_the_runtime_timestamp() {
    let models = quote::quote!(crate::models::);
    assert_eq!(
        models::schema_type(&Schema::Timestamp, &models).to_string(),
        quote::quote!(crate::runtime::Timestamp).to_string()
    );
    let list = Schema::Array {
        items: Box::new(Schema::Timestamp),
    };
    assert_eq!(
        models::schema_type(&list, &models).to_string(),
        quote::quote!(Vec<crate::runtime::Timestamp>).to_string()
    );
    assert_eq!(
        returns::describe(&list),
        "a list of a [`Timestamp`](crate::Timestamp)"
    );
}

#[test]
fn the_timestamps_feature_is_opt_in_and_documented() {
    assert!(krate::RUNTIME_FEATURES.contains("timestamps = [\"dep:chrono\"]"));
    assert!(krate::RUNTIME_DEPENDENCIES.contains("chrono = { version = \"0.4\", optional = true"));
    let e = endpoint("issues", "list", HttpMethod::Get, "/issues", Vec::new());
    let files = generate_crate(&api(vec![e]));
    let text = |path: &str| {
        files
            .iter()
            .find(|f| f.path == std::path::Path::new(path))
            .map(|f| f.contents.clone())
            .unwrap_or_else(|| panic!("no {path}"))
    };
    let cargo = text("Cargo.toml");
    let default = cargo
        .lines()
        .find(|l| l.starts_with("default = "))
        .expect("default features");
    assert!(!default.contains("timestamps"), "{default}");
    has(
        &text("src/lib.rs"),
        &["Result, Timestamp};", "- `timestamps`:"],
    );
    let readme = text("README.md");
    assert!(
        readme.contains("## Date-times (feature `timestamps`)"),
        "{readme}"
    );
    assert!(readme.contains("off by default"), "{readme}");
}
