//! Sample values for the conformance calls: for each parameter type, a Rust expression of
//! exactly the type the generated code gives it (the paths of generated enums and structs
//! come from the endpoint's [`TypeCx`], so they are the generated ones).
//!
//! Values are valid by GitHub's rules where the type alone does not say enough: a name-based
//! table gives date-times, URLs, SHAs, SSH keys … ([`sample_string`]); everything else is
//! `"octocat"`, `1`, `true`, the first enum value, the first alternative, one array item.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::samples;
use crate::codegen::reuse::{enum_variants, ident, member_name, type_name, Shape, TypeCx};
use crate::model::{Location, Param, Type};

/// Builds value expressions for one endpoint.
pub struct Values<'a> {
    /// The endpoint's types, as generated (looked up by hint).
    pub types: &'a TypeCx<'a>,
    /// The generated crate's path (`::github_rest_client`).
    pub krate: TokenStream,
    /// Set optional fields of nested objects too (the "every optional parameter" call).
    pub full: bool,
    /// The endpoint's route key (`GET /repos/{}/{}`), for values that depend on the route.
    pub route: String,
}

impl Values<'_> {
    /// An expression of the Rust type of one value of `ty`, named from `hint` (its spec
    /// name), for a parameter sent as `name` in `location`.
    pub fn value(&self, ty: &Type, hint: &str, name: &str, location: Location) -> TokenStream {
        match ty {
            Type::String => {
                let text = sample_string(&self.route, name, location);
                quote!(String::from(#text))
            }
            // `Timestamp` is `String` without the `timestamps` feature; both take a `&str`.
            Type::Timestamp => {
                let krate = &self.krate;
                quote!(#krate::Timestamp::from(#DATE_TIME))
            }
            Type::Integer => quote!(1_i64),
            Type::Number => quote!(1.0_f64),
            Type::Boolean => quote!(true),
            Type::IntegerOrString => {
                let krate = &self.krate;
                quote!(#krate::runtime::IntOrString::Int(1))
            }
            Type::Any => quote!(::serde_json::json!({})),
            Type::Bytes => quote!(b"conformance".to_vec()),
            Type::Enum {
                values,
                name: enum_name,
            } => {
                let path = self.named(hint);
                // A shared enum's variants are named from its own value order.
                let values = self
                    .types
                    .shared_enum(hint, values, enum_name.as_deref())
                    .map_or(values, |s| &s.values);
                match enum_variants(values).first() {
                    Some((variant, _)) => quote!(#path::#variant),
                    None => {
                        let text = sample_string(&self.route, name, location);
                        quote!(#path::Other(String::from(#text)))
                    }
                }
            }
            Type::Array { items } => {
                let item_hint = match **items {
                    Type::Object { .. } => format!("{hint}_item"),
                    _ => hint.to_owned(),
                };
                let item = self.value(items, &item_hint, name, location);
                quote!(vec![#item])
            }
            Type::Map { values } => {
                let value = self.value(values, &format!("{hint}_value"), name, location);
                quote!(::std::collections::BTreeMap::from([(String::from("key"), #value)]))
            }
            Type::Union { types } => {
                let path = self.named(hint);
                let Some(first) = types.first() else {
                    return quote!(compile_error!("a union without members"));
                };
                let member = member_name(first);
                let variant = format_ident!("{}", type_name(member));
                let inner = self.value(first, &format!("{hint}_{member}"), name, location);
                quote!(#path::#variant(#inner))
            }
            Type::OneOf { alternatives, .. } => {
                let path = self.named(hint);
                let Some(alt) = alternatives.first() else {
                    return quote!(compile_error!("alternatives without a group"));
                };
                let variant = format_ident!("{}", type_name(&alt.name));
                match &alt.ty {
                    Type::Object { fields } if !fields.is_empty() => {
                        let inits = self.field_inits(fields);
                        quote!(#path::#variant { #(#inits,)* })
                    }
                    t => {
                        let inner = self.value(t, &format!("{hint}_{}", alt.name), name, location);
                        quote!(#path::#variant(#inner))
                    }
                }
            }
            Type::Object { fields } if fields.is_empty() => quote!(::serde_json::Map::new()),
            Type::Object { fields } => {
                let path = self.named(hint);
                let inits = self.field_inits(fields);
                quote!(#path { #(#inits,)* })
            }
        }
    }

    /// `field: value` for every field of a body struct or struct variant.
    fn field_inits(&self, fields: &[Param]) -> Vec<TokenStream> {
        fields
            .iter()
            .map(|f| {
                let field = ident(&f.rust_name);
                let value = self.shaped(f, Shape::of(f.required, f.nullable));
                quote!(#field: #value)
            })
            .collect()
    }

    /// A nested field's stored value: `None` for optional fields unless `full`.
    fn shaped(&self, f: &Param, shape: Shape) -> TokenStream {
        let v = || self.value(&f.ty, &f.spec_name, &f.wire_name, f.location);
        match shape {
            Shape::Required => v(),
            Shape::RequiredNullable => {
                let v = v();
                quote!(Some(#v))
            }
            Shape::Optional | Shape::OptionalNullable if !self.full => quote!(None),
            Shape::Optional => {
                let v = v();
                quote!(Some(#v))
            }
            Shape::OptionalNullable => {
                let v = v();
                quote!(Some(Some(#v)))
            }
        }
    }

    /// The value a method argument or setter takes for a top-level parameter of type `ty`
    /// (`Option<T>` where `None` would be sent as `null`).
    pub fn argument(&self, param: &Param, ty: &Type, shape: Shape) -> TokenStream {
        let v = self.value(ty, &param.spec_name, &param.wire_name, param.location);
        match shape {
            Shape::RequiredNullable | Shape::OptionalNullable => quote!(Some(#v)),
            Shape::Required | Shape::Optional => v,
        }
    }

    /// The path of the type generated for `hint`; a missing one is a generator bug that the
    /// calls' compilation shows.
    fn named(&self, hint: &str) -> TokenStream {
        match self.types.named_type(hint) {
            Some(path) => path.clone(),
            None => {
                let msg = format!("no generated type for `{hint}`");
                quote!(compile_error!(#msg))
            }
        }
    }
}

/// `GET /repos/{}/{}`: a route with its parameter names left out.
pub fn route_key(method: &str, template: &str) -> String {
    let mut out = format!("{method} ");
    let mut in_param = false;
    for c in template.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str("{}");
            }
            '}' => in_param = false,
            _ if in_param => {}
            _ => out.push(c),
        }
    }
    out
}

/// The date-time every `timestamp` parameter is sent as (RFC 3339, as GitHub expects).
pub const DATE_TIME: &str = "2024-01-01T00:00:00Z";

/// A valid string for a parameter sent as `name` on `route` (a [`route_key`]): a value of
/// GitHub's list where its description restricts the name to one (`samples.rs`); GitHub's
/// formats and patterns where the name says which (date-times, URLs, SHAs, keys, digests);
/// else `"octocat"`. Path values never hold a `/` (a mock server cannot match one inside a
/// path segment).
pub fn sample_string(route: &str, name: &str, location: Location) -> &'static str {
    if let Ok(i) = samples::BY_ROUTE.binary_search_by(|(r, _)| (*r).cmp(route)) {
        if let Some((_, value)) = samples::BY_ROUTE[i].1.iter().find(|(n, _)| *n == name) {
            return value;
        }
    }
    let name = name.to_ascii_lowercase();
    let ends = |suffix: &str| name.ends_with(suffix);
    match name.as_str() {
        "since" | "until" | "before" | "after" | "due_on" | "date" | "created" | "scanned"
        | "last_used_after" | "last_used_before" => return "2024-01-01T00:00:00Z",
        "start_date" | "end_date" => return "2024-01-01",
        "sha" | "commit_sha" | "head_sha" | "base_tree" | "tree" | "parents" | "commit_id"
        | "latest_sha" | "expected_head_sha" => return "6dcb09b5b57875f334f61aebed695e2e4193db5e",
        "key" => return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE6DwmnBKp2qrHUm4dIxCMxY5Ea3KeHfAvWKCPU2AvCr",
        "encrypted_value" => return "c2VjcmV0",
        "key_id" => return "012345678912345678",
        "digest" | "subject_digest" => {
            return "sha256:6dcb09b5b57875f334f61aebed695e2e4193db5e6dcb09b5b57875f334f61aeb"
        }
        "version" => return "1.0.0",
        // The media type of a raw body (a header), not a body field of that name.
        "content_type" | "content-type" if location == Location::Header => {
            return "application/octet-stream"
        }
        "head_repo" | "full_name" => return "octocat/hello-world",
        "email" | "emails" => return "octocat@github.com",
        "color" => return "f29513",
        // `top|bottom|after:<id>` (cards) and `first|last|after:<id>` (columns).
        "position" => return "after:1",
        "ref" if location == Location::Body => return "refs/heads/main",
        "ref" | "branch" | "base" | "head" | "tag" | "tag_name" | "target_commitish" => {
            return "main"
        }
        _ => {}
    }
    if ends("_at") {
        "2024-01-01T00:00:00Z"
    } else if ends("url") || ends("uri") || ends("_link") {
        "https://example.com/octocat"
    } else {
        "octocat"
    }
}
