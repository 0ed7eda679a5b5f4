//! What goes on the wire: a builder's `build()` — the percent-encoded path, query parameters,
//! headers and the JSON or raw body — and how arguments are accepted and stored.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::types::Shape;
use crate::model::{BodyKind, Endpoint, HttpMethod, Location, Param, PathPart, Type};

/// One parameter as a builder field.
pub struct ParamField {
    pub param: Param,
    /// The model type actually used (`Bytes` for the raw body parameter).
    pub ty_model: Type,
    /// The Rust type of one value.
    pub ty: TokenStream,
    pub shape: Shape,
    /// Argument name (method argument or setter argument).
    pub arg: Ident,
    /// Field name in the builder struct.
    pub field: Ident,
    /// Setter method name for optional parameters.
    pub setter: Ident,
    /// This parameter is the whole raw request body.
    pub raw: bool,
}

impl ParamField {
    /// Required parameters are method arguments; optional ones are setters.
    pub fn is_arg(&self) -> bool {
        matches!(self.shape, Shape::Required | Shape::RequiredNullable)
    }

    /// The type an argument or setter accepts.
    pub fn arg_type(&self) -> TokenStream {
        let ty = &self.ty;
        if matches!(
            self.shape,
            Shape::RequiredNullable | Shape::OptionalNullable
        ) {
            return quote!(Option<#ty>);
        }
        match &self.ty_model {
            Type::String => quote!(impl Into<String>),
            // `String` without the `timestamps` feature; with it, also from `chrono::DateTime<Utc>`.
            Type::Timestamp => quote!(impl Into<crate::runtime::Timestamp>),
            Type::IntegerOrString => {
                quote!(impl Into<crate::runtime::IntOrString>)
            }
            Type::Union { .. } => quote!(impl Into<#ty>),
            Type::Array { items } if **items == Type::String => {
                quote!(impl IntoIterator<Item = impl Into<String>>)
            }
            Type::Bytes => quote!(impl Into<Vec<u8>>),
            _ => ty.clone(),
        }
    }

    /// The stored value for an argument expression (before `Option` wrapping for setters).
    pub fn arg_conversion(&self, arg: TokenStream) -> TokenStream {
        if matches!(
            self.shape,
            Shape::RequiredNullable | Shape::OptionalNullable
        ) {
            return arg;
        }
        match &self.ty_model {
            Type::String
            | Type::Timestamp
            | Type::IntegerOrString
            | Type::Union { .. }
            | Type::Bytes => {
                quote!(#arg.into())
            }
            Type::Array { items } if **items == Type::String => {
                quote!(#arg.into_iter().map(Into::into).collect())
            }
            _ => arg,
        }
    }
}

/// `build(self) -> Request<'c>` for an endpoint.
pub fn build_fn(endpoint: &Endpoint, fields: &[ParamField]) -> TokenStream {
    let method = match endpoint.method {
        HttpMethod::Get => quote!(Get),
        HttpMethod::Post => quote!(Post),
        HttpMethod::Put => quote!(Put),
        HttpMethod::Patch => quote!(Patch),
        HttpMethod::Delete => quote!(Delete),
    };
    let uploads = endpoint.origin.then(|| quote!(.uploads()));
    let mut steps: Vec<TokenStream> = Vec::new();
    if endpoint.origin {
        steps.push(quote! {
            if let Some(origin) = self.origin {
                req = req.origin(origin);
            }
        });
    }
    for f in fields
        .iter()
        .filter(|f| f.param.location == Location::Query && !f.raw)
    {
        steps.push(string_step(
            f,
            |name, value| quote!(req = req.query(#name, #value);),
        ));
    }
    for f in fields
        .iter()
        .filter(|f| f.param.location == Location::Header && !f.raw)
    {
        steps.push(string_step(
            f,
            |name, value| quote!(req = req.header(#name, #value);),
        ));
    }
    steps.extend(body_steps(endpoint, fields));
    let route = route_template(endpoint);
    let notifies = endpoint
        .triggers_notifications
        .then(|| quote!(.triggers_notifications()));
    // The route and its values, filled and encoded by the runtime.
    let values = path_values(endpoint, fields);
    let new = quote!(crate::runtime::Request::at(self.client, crate::runtime::Method::#method, #route, &[#(#values),*])#notifies #uploads);
    let body = if steps.is_empty() {
        new
    } else {
        quote! {
            let mut req = #new;
            #(#steps)*
            req
        }
    };
    quote! {
        /// The request, to adjust (headers, media type) before sending.
        #[inline]
        pub fn build(self) -> crate::runtime::Request<'c> {
            #body
        }
    }
}

/// The path with `{name}` placeholders (`/repos/{owner}/{repo}`): the route the runtime
/// shows in traces, hooks and errors.
pub fn route_template(endpoint: &Endpoint) -> String {
    endpoint
        .path
        .iter()
        .map(|part| match part {
            PathPart::Literal(text) => text.clone(),
            PathPart::Param(name) => format!("{{{name}}}"),
        })
        .collect()
}

/// The values of the route's placeholders, in route order, for `Request::at`.
fn path_values(endpoint: &Endpoint, fields: &[ParamField]) -> Vec<TokenStream> {
    let names = endpoint.path.iter().filter_map(|part| match part {
        PathPart::Literal(_) => None,
        PathPart::Param(name) => Some(name),
    });
    names
        .map(|name| {
            let found = fields
                .iter()
                .find(|f| f.param.location == Location::Path && &f.param.wire_name == name);
            // The parser and the model reject such routes; fail loudly if one gets here.
            let Some(f) = found else {
                let msg = format!("route parameter `{name}` has no path field");
                return quote!(compile_error!(#msg));
            };
            let field = &f.field;
            let kind = if f.param.allows_slash {
                quote!(Slashed)
            } else {
                quote!(Segment)
            };
            match f.ty_model {
                Type::Integer => quote!(crate::runtime::__private::PathValue::Integer(self.#field)),
                Type::String => quote!(crate::runtime::__private::PathValue::#kind(&self.#field)),
                Type::Enum { .. } => {
                    quote!(crate::runtime::__private::PathValue::#kind(self.#field.as_str()))
                }
                _ => {
                    let text = to_text(&f.ty_model, quote!(self.#field));
                    quote!(crate::runtime::__private::PathValue::#kind(&#text))
                }
            }
        })
        .collect()
}

/// A query or header parameter: added only when set.
fn string_step(f: &ParamField, add: impl Fn(&str, TokenStream) -> TokenStream) -> TokenStream {
    let name = f.param.wire_name.as_str();
    let field = &f.field;
    match f.shape {
        Shape::Required => add(name, owned_text(&f.ty_model, quote!(self.#field))),
        Shape::RequiredNullable | Shape::Optional => {
            let step = add(name, owned_text(&f.ty_model, quote!(value)));
            quote! {
                if let Some(value) = self.#field {
                    #step
                }
            }
        }
        Shape::OptionalNullable => {
            let step = add(name, owned_text(&f.ty_model, quote!(value)));
            quote! {
                if let Some(Some(value)) = self.#field {
                    #step
                }
            }
        }
    }
}

/// An owned `String` for a query/header value of type `ty` held in `value` (moved).
fn owned_text(ty: &Type, value: TokenStream) -> TokenStream {
    match ty {
        Type::String => value,
        // RFC 3339 text (the same `String` without the `timestamps` feature).
        Type::Timestamp => quote!(String::from(#value)),
        _ => to_text(ty, value),
    }
}

/// A `String` rendering of a value: arrays are comma-joined, enums use `as_str`, objects JSON.
fn to_text(ty: &Type, value: TokenStream) -> TokenStream {
    match ty {
        Type::String => quote!(#value.clone()),
        Type::Timestamp => quote!(String::from(#value.clone())),
        Type::Integer | Type::Number | Type::Boolean | Type::IntegerOrString => {
            quote!(#value.to_string())
        }
        Type::Enum { .. } => quote!(#value.as_str().to_owned()),
        Type::Array { items } => match **items {
            Type::String => quote!(#value.join(",")),
            _ => {
                let item = to_text(items, quote!(item));
                quote!(#value.iter().map(|item| #item).collect::<Vec<_>>().join(","))
            }
        },
        Type::Bytes => quote!(String::from_utf8_lossy(&#value).into_owned()),
        Type::Object { .. } | Type::Map { .. } | Type::Any => {
            quote!(::serde_json::to_string(&#value).unwrap_or_default())
        }
        // A string member goes as itself, any other as its JSON text.
        Type::Union { .. } | Type::OneOf { .. } => quote! {
            match ::serde_json::to_value(&#value) {
                Ok(::serde_json::Value::String(text)) => text,
                Ok(other) => other.to_string(),
                Err(_) => String::new(),
            }
        },
    }
}

/// The JSON object of body parameters, or the raw body.
fn body_steps(endpoint: &Endpoint, fields: &[ParamField]) -> Vec<TokenStream> {
    let mut steps = Vec::new();
    if let Some(raw) = fields.iter().find(|f| f.raw) {
        let field = &raw.field;
        steps.push(if raw.is_arg() {
            quote!(req = req.raw(self.#field);)
        } else {
            quote! {
                if let Some(bytes) = self.#field {
                    req = req.raw(bytes);
                }
            }
        });
        if let BodyKind::Raw {
            content_type: Some(media),
            ..
        } = &endpoint.body
        {
            steps.push(quote!(req = req.header("Content-Type", #media);));
        }
    }
    let body_fields: Vec<&ParamField> = fields
        .iter()
        .filter(|f| f.param.location == Location::Body && !f.raw)
        .collect();
    if endpoint.body == BodyKind::Json || !body_fields.is_empty() {
        let adds = body_fields.iter().map(|f| {
            let name = f.param.wire_name.as_str();
            let field = &f.field;
            // A chosen alternative whose fields belong to the body itself.
            if matches!(f.ty_model, Type::OneOf { merged: true, .. }) {
                return if f.is_arg() {
                    quote!(body.merge(&self.#field);)
                } else {
                    quote! {
                        if let Some(choice) = &self.#field {
                            body.merge(choice);
                        }
                    }
                };
            }
            if f.is_arg() {
                quote!(body.field(#name, &self.#field);)
            } else {
                quote!(body.opt(#name, &self.#field);)
            }
        });
        let binding = if body_fields.is_empty() {
            quote!(let body)
        } else {
            quote!(let mut body)
        };
        // Only optional fields: none set means no body (Octokit sends none either), so a
        // bodyless PUT/POST goes out with `Content-Length: 0` rather than `{}`. A PATCH always
        // has one: GitHub's description requires a body on its PATCH routes whose fields are
        // all optional (the conformance suite's Prism rejects one without), and `{}` changes
        // nothing.
        let optional = !body_fields.is_empty()
            && !body_fields.iter().any(|f| f.is_arg())
            && endpoint.method != HttpMethod::Patch;
        let attach = if optional {
            quote! {
                if !body.is_empty() {
                    req = req.json(body);
                }
            }
        } else {
            quote!(req = req.json(body);)
        };
        steps.push(quote! {
            #binding = crate::runtime::__private::JsonObject::new();
            #(#adds)*
            #attach
        });
    }
    steps
}
