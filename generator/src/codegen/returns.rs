//! What a method returns, from the endpoint's declared responses: the Rust type, the runtime
//! decoder, the item type of `paginate()`, and the `# Returns` doc section.

use proc_macro2::TokenStream;
use quote::quote;

use super::models::{model_ident, schema_type};
use crate::model::{Api, Endpoint};
use crate::schema::{ModelKind, ResponseDecl, Schema};

/// The typed return of an endpoint with declared responses.
pub struct Returns {
    /// `T` of `send() -> T`.
    pub ty: TokenStream,
    /// `crate::runtime::__private::decode::<fn>`.
    pub decoder: TokenStream,
    /// `X` of `paginate()`, for list endpoints.
    pub item: Option<TokenStream>,
    /// Markdown of the `# Returns` section.
    pub doc: String,
}

/// `None` for an endpoint without declared responses (it returns the untyped `Response`).
pub fn returns(api: &Api, endpoint: &Endpoint) -> Option<Returns> {
    if endpoint.responses.is_empty() {
        return None;
    }
    let success: Vec<&ResponseDecl> = endpoint
        .responses
        .iter()
        .filter(|r| (200..300).contains(&r.status))
        .collect();
    let with_body: Vec<&ResponseDecl> = success
        .iter()
        .copied()
        .filter(|r| r.body.is_some())
        .collect();
    let statuses = |list: &[&ResponseDecl]| {
        list.iter()
            .map(|r| r.status.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let models = quote!(crate::models::);
    let decode = |f: &str| {
        let f = quote::format_ident!("{}", f);
        quote!(crate::runtime::__private::decode::#f)
    };
    let Some(first) = with_body.first() else {
        let declares_404 = endpoint.responses.iter().any(|r| r.status == 404);
        let ok = if success.is_empty() {
            "a success status".to_owned()
        } else {
            format!("status {}", statuses(&success))
        };
        return Some(if declares_404 {
            Returns {
                ty: quote!(bool),
                decoder: decode("check"),
                item: None,
                doc: format!("`true` on {ok}, `false` on status 404."),
            }
        } else {
            Returns {
                ty: quote!(()),
                decoder: decode("unit"),
                item: None,
                doc: format!("Nothing (the response to expect is {ok}, without a body)."),
            }
        });
    };
    let schema = first.body.as_ref()?;
    let base = schema_type(schema, &models);
    let item = list_item(api, schema).map(|s| schema_type(s, &models));
    let described = describe(schema);
    let mut doc = match schema {
        Schema::Binary => format!(
            "The raw body as [`Bytes`](::bytes::Bytes) (status {}).",
            statuses(&with_body)
        ),
        Schema::Text => format!("The body as text (status {}).", statuses(&with_body)),
        _ => format!(
            "{} (status {}).",
            capitalise(&described),
            statuses(&with_body)
        ),
    };
    let optional = with_body.len() < success.len() || with_body.iter().any(|r| r.nullable);
    let (ty, decoder) = match schema {
        Schema::Binary => (base, decode("bytes")),
        Schema::Text => (base, decode("text")),
        _ if optional => {
            let without: Vec<&ResponseDecl> = success
                .iter()
                .copied()
                .filter(|r| r.body.is_none())
                .collect();
            if without.is_empty() {
                doc.push_str(" `None` when the body is `null`.");
            } else {
                doc.push_str(&format!(" `None` on status {}.", statuses(&without)));
            }
            (quote!(Option<#base>), decode("json_or_none"))
        }
        _ => (base, decode("json")),
    };
    if item.is_some() {
        doc.push_str(" `paginate()` streams the items of every page.");
    }
    doc.push_str(
        " `send_with_response()` also gives the status, headers, rate limit and raw body.",
    );
    Some(Returns {
        ty,
        decoder,
        item,
        doc,
    })
}

/// The item schema of a list body: `X[]`, or a model with `total_count` and exactly one
/// array field (`{total_count, items: X[]}`), which the runtime unwraps structurally.
fn list_item<'a>(api: &'a Api, schema: &'a Schema) -> Option<&'a Schema> {
    match schema {
        Schema::Array { items } => Some(items),
        Schema::Ref { name, .. } => {
            let model = api.models.iter().find(|m| &m.name == name)?;
            let ModelKind::Object { fields } = &model.kind else {
                return None;
            };
            if !fields.iter().any(|f| f.wire_name == "total_count") {
                return None;
            }
            let mut arrays = fields.iter().filter_map(|f| match &f.schema {
                Schema::Array { items } => Some(&**items),
                _ => None,
            });
            match (arrays.next(), arrays.next()) {
                (Some(items), None) => Some(items),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Markdown naming a schema, linking models (`a list of [`Issue`](crate::models::Issue)`).
pub fn describe(schema: &Schema) -> String {
    match schema {
        Schema::String | Schema::Text => "a string".into(),
        Schema::Timestamp => "a [`Timestamp`](crate::Timestamp)".into(),
        Schema::Integer => "an integer".into(),
        Schema::Number => "a number".into(),
        Schema::Boolean => "a boolean".into(),
        Schema::Any => "any JSON value".into(),
        Schema::Binary => "raw bytes".into(),
        Schema::Ref { name, .. } => {
            let id = model_ident(name);
            format!("[`{id}`](crate::models::{id})")
        }
        Schema::Array { items } => format!("a list of {}", describe(items)),
        Schema::Map { values } => format!("a map from names to {}", describe(values)),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
