//! One endpoint → a thin method on the scope struct plus a module holding its request builder
//! (fields, setters, `build()`, `send()`) and the enums/structs its parameters need.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::{self, Doc};
use super::imports::with_imports;
use super::naming::{bare, ident, scope_module, type_name, Names};
use super::param_plan::ParamEnums;
use super::returns::{returns, Returns};
use super::types::{Shape, TypeCx, PRELUDE};
use super::wire::{build_fn, ParamField};
use crate::model::{Api, BodyKind, Endpoint, Location, Param, Type};

/// Builder method names a parameter setter must not take (`origin` only on `{origin}` routes).
const BUILDER_METHODS: &[&str] = &["build", "send", "send_with_response", "paginate"];

/// The generated pieces of one endpoint.
pub struct EndpointCode {
    /// The method inside `impl<'c> Scope<'c> { … }`.
    pub method: TokenStream,
    /// The `pub mod <method> { … }` item (absent for renamed aliases).
    pub module: Option<TokenStream>,
}

/// The name of the scope struct (`Repos`; `ResultScope` for a scope named like a prelude type).
pub fn scope_struct(scope: &str) -> Ident {
    unshadowed(type_name(scope), "Scope")
}

/// The name of an endpoint's request builder (`GetPackageVersionForOrganization`;
/// `OptionRequest` for an id named like a prelude type).
pub fn builder_name(endpoint: &Endpoint) -> Ident {
    unshadowed(type_name(&endpoint.id), "Request")
}

/// `name`, or `name` + `suffix` when it would shadow a name generated code uses unqualified.
fn unshadowed(name: String, suffix: &str) -> Ident {
    if PRELUDE.contains(&name.as_str()) {
        format_ident!("{}{}", name, suffix)
    } else {
        format_ident!("{}", name)
    }
}

/// Whether `endpoint` gets its own module: all but renamed ones whose target exists (those
/// forward to it).
pub(crate) fn generates_module(api: &Api, endpoint: &Endpoint) -> bool {
    endpoint.renamed_to.as_ref().is_none_or(|(scope, id)| {
        !api.endpoints
            .iter()
            .any(|e| &e.scope == scope && &e.id == id)
    })
}

/// The whole raw body: bytes, whatever its row says.
static RAW_BODY: Type = Type::Bytes;

/// The parameters that become builder fields (the `{origin}` row is the origin setter), each
/// with the type its field holds one value of (a raw body is bytes).
pub(crate) fn typed_params(endpoint: &Endpoint) -> Vec<(&Param, &Type)> {
    let raw_param = match &endpoint.body {
        BodyKind::Raw { param, .. } => Some(param.as_str()),
        _ => None,
    };
    endpoint
        .params
        .iter()
        .filter(|p| !(endpoint.origin && p.wire_name == "origin" && p.location != Location::Path))
        .map(|p| {
            if raw_param == Some(p.wire_name.as_str()) {
                (p, &RAW_BODY)
            } else {
                (p, &p.ty)
            }
        })
        .collect()
}

/// Generate one endpoint; a renamed endpoint whose target exists becomes a deprecated forward.
/// Enums `shared` holds are named from there (`crate::params::Direction`).
pub fn endpoint_code(api: &Api, shared: &ParamEnums, endpoint: &Endpoint) -> EndpointCode {
    if let Some((scope, id)) = &endpoint.renamed_to {
        if let Some(target) = api
            .endpoints
            .iter()
            .find(|e| &e.scope == scope && &e.id == id)
        {
            return EndpointCode {
                method: alias_method(shared, endpoint, target),
                module: None,
            };
        }
    }
    full_endpoint(api, shared, endpoint)
}

/// Argument list and conversion expressions for the required parameters of `endpoint`.
struct Signature {
    args: Vec<TokenStream>,
    names: Vec<Ident>,
}

fn full_endpoint(api: &Api, shared: &ParamEnums, endpoint: &Endpoint) -> EndpointCode {
    let returns = returns(api, endpoint);
    let builder = builder_name(endpoint);
    let module = ident(&endpoint.rust_name);
    let scope = scope_struct(&endpoint.scope);
    let scope_mod = ident(&scope_module(&endpoint.scope));
    let mut types = TypeCx::new(quote!(crate::#scope_mod::#module), &[&builder.to_string()])
        .sharing(shared, quote!(crate));
    let fields = param_fields(endpoint, &mut types);

    let signature = signature(endpoint, &fields);
    let arg_decls = &signature.args;
    let inits = fields.iter().map(|f| {
        let field = &f.field;
        if f.is_arg() {
            let arg = &f.arg;
            let value = f.arg_conversion(quote!(#arg));
            if *field == value.to_string() {
                quote!(#field)
            } else {
                quote!(#field: #value)
            }
        } else {
            quote!(#field: None)
        }
    });
    let origin_init = endpoint.origin.then(|| {
        if origin_required(endpoint) {
            quote!(origin: Some(origin.into()),)
        } else {
            quote!(origin: None,)
        }
    });

    let method_name = ident(&endpoint.rust_name);
    let method_doc = method_docs(endpoint, &fields, &builder, returns.as_ref());
    let deprecated = endpoint.deprecated.then(|| quote!(#[deprecated]));
    // Every generated method is `#[inline]`: like a generic, it is then compiled only in the
    // crates that call it, not in the generated crate (whose own release build on the full
    // corpus drops from ~15 s to ~6 s; see BENCHMARKS.md).
    let method = quote! {
        #method_doc
        #deprecated
        #[inline]
        pub fn #method_name(&self, #(#arg_decls),*) -> #module::#builder<'c> {
            #module::#builder {
                client: self.client,
                #origin_init
                #(#inits,)*
            }
        }
    };

    let struct_fields = fields.iter().map(|f| {
        let field = &f.field;
        let ty = f.shape.wrap(&f.ty);
        quote!(pub(super) #field: #ty)
    });
    let origin_field = endpoint
        .origin
        .then(|| quote!(pub(super) origin: Option<String>,));
    let setters = fields.iter().filter(|f| !f.is_arg()).map(setter);
    let aliases = fields.iter().map(alias_setters);
    let origin_setter = (endpoint.origin && !origin_required(endpoint)).then(|| {
        let mut doc = Doc::default();
        doc.spec(&server_text(endpoint));
        doc.raw("Scheme, host and optional port; defaults to the client's uploads URL.");
        let doc = doc.tokens();
        quote! {
            #doc
            #[inline]
            pub fn origin(mut self, origin: impl Into<String>) -> Self {
                self.origin = Some(origin.into());
                self
            }
        }
    });
    let build = build_fn(endpoint, &fields);
    let link = docs::link(
        &format!("{scope}::{}", bare(&endpoint.rust_name)),
        &format!(
            "crate::{}::{scope}::{}",
            scope_module(&endpoint.scope),
            endpoint.rust_name
        ),
    );
    let module_doc = docs::doc_attrs(&format!("Request builder and parameter types of {link}."));
    let has_setters = fields.iter().any(|f| !f.is_arg()) || origin_setter.is_some();
    let builder_doc = docs::doc_attrs(&if has_setters {
        format!("Request for {link}: set optional parameters, then `send()` (or `build()` to adjust the request).")
    } else {
        format!("Request for {link}: `send()` it, or `build()` to adjust the request first.")
    });
    let items = types.into_items();
    let send = send_fns(endpoint, returns.as_ref());
    let body = quote! {
            #builder_doc
            #[derive(Clone)]
            #[must_use = "a request does nothing until sent"]
            pub struct #builder<'c> {
                pub(super) client: &'c crate::runtime::Client,
                #origin_field
                #(#struct_fields,)*
            }

            /// Shows the request it would send (credentials redacted).
            impl ::std::fmt::Debug for #builder<'_> {
                #[inline]
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    ::std::fmt::Debug::fmt(&self.clone().build(), f)
                }
            }

            impl<'c> #builder<'c> {
                #origin_setter
                #(#setters)*
                #(#aliases)*
                #build
                #send
            }

            #(#items)*
    };
    // Every builder calls `RequestExt::at` in `build()`.
    let body = with_imports(
        body,
        &format!("crate::{scope_mod}::{module}"),
        &[("crate::runtime::__private", "RequestExt as _")],
    );
    let module_item = quote! {
        #module_doc
        pub mod #module {
            #body
        }
    };
    EndpointCode {
        method,
        module: Some(module_item),
    }
}

/// `send()` (and for typed endpoints `send_with_response()`, and `paginate()` for lists).
fn send_fns(endpoint: &Endpoint, returns: Option<&Returns>) -> TokenStream {
    let Some(r) = returns else {
        return quote! {
            /// Send the request.
            #[inline]
            pub fn send(self) -> crate::runtime::ResponseFuture<'c> {
                self.build().send()
            }
        };
    };
    let name = format!("{}.{}", endpoint.scope, endpoint.id);
    let ty = &r.ty;
    let decoder = &r.decoder;
    let paginate = r.item.as_ref().map(|item| {
        quote! {
            /// Every item of every page (following `Link: rel="next"`), as a stream.
            #[inline]
            pub fn paginate(self) -> crate::runtime::Paginate<'c, #item> {
                self.build().paginate()
            }
        }
    });
    quote! {
        /// Send the request and decode the response.
        #[inline]
        pub fn send(self) -> crate::runtime::ValueFuture<'c, #ty> {
            self.build().send_into(#name, #decoder)
        }

        /// Send the request; the decoded value with the status, headers and raw body.
        #[inline]
        pub fn send_with_response(self) -> crate::runtime::ValueFuture<'c, crate::runtime::ResponseValue<#ty>> {
            self.build().send_with(#name, #decoder)
        }

        #paginate
    }
}

/// The parameters of `endpoint` as builder fields (the `{origin}` row is the origin setter).
pub(crate) fn param_fields(endpoint: &Endpoint, types: &mut TypeCx) -> Vec<ParamField> {
    let reserved: &[&str] = if endpoint.origin {
        &["client", "origin"]
    } else {
        &["client"]
    };
    let mut field_names = Names::with_reserved(reserved);
    typed_params(endpoint)
        .into_iter()
        .map(|(p, ty_model)| {
            let is_raw = std::ptr::eq(ty_model, &RAW_BODY);
            // Path parameters are always required: the route cannot be built without them.
            let required = p.required || p.location == Location::Path;
            let nullable = p.nullable && p.location == Location::Body && !is_raw;
            let ty = types.rust_type(ty_model, &p.spec_name, &p.description);
            let field = ident(&field_names.claim(&p.rust_name));
            let taken = BUILDER_METHODS.contains(&bare(&p.rust_name))
                || (endpoint.origin && bare(&p.rust_name) == "origin");
            let setter = if taken {
                format_ident!("set_{}", bare(&p.rust_name))
            } else {
                ident(&p.rust_name)
            };
            ParamField {
                param: p.clone(),
                ty_model: ty_model.clone(),
                ty,
                shape: Shape::of(required, nullable),
                arg: ident(&p.rust_name),
                field,
                setter,
                raw: is_raw,
            }
        })
        .collect()
}

fn signature(endpoint: &Endpoint, fields: &[ParamField]) -> Signature {
    let mut args = Vec::new();
    let mut names = Vec::new();
    for f in fields.iter().filter(|f| f.is_arg()) {
        let arg = &f.arg;
        let ty = f.arg_type();
        args.push(quote!(#arg: #ty));
        names.push(arg.clone());
    }
    if origin_required(endpoint) {
        args.push(quote!(origin: impl Into<String>));
        names.push(format_ident!("origin"));
    }
    Signature { args, names }
}

/// What the `{origin}` row says, or a plain statement when it says nothing.
fn server_text(endpoint: &Endpoint) -> String {
    match endpoint.server.as_ref().map(|s| s.description.trim()) {
        Some(text) if !text.is_empty() => text.to_owned(),
        _ => "The scheme, host and port the request goes to.".to_owned(),
    }
}

/// An `{origin}` route without a default server (not an upload): the caller names the host.
pub(crate) fn origin_required(endpoint: &Endpoint) -> bool {
    endpoint.origin && endpoint.server.as_ref().is_none_or(|s| s.default.is_none())
}

/// `#[deprecated]` setters under the old names of a parameter, setting the new one.
fn alias_setters(f: &ParamField) -> TokenStream {
    let field = &f.field;
    let arg = &f.arg;
    let ty = f.arg_type();
    let value = f.arg_conversion(quote!(#arg));
    let stored = if f.is_arg() {
        value
    } else {
        quote!(Some(#value))
    };
    let setters = f.param.aliases.iter().map(|alias| {
        let name = ident(&crate::model::rust_ident(alias));
        // The Rust name it has now: a setter, or an argument of the method.
        let note = if f.is_arg() {
            format!("renamed to the argument `{}`", bare(&f.arg.to_string()))
        } else {
            format!("renamed to `{}`", bare(&f.setter.to_string()))
        };
        let doc = docs::doc_attrs(&format!(
            "The old name of {}: sets it.",
            docs::code(&f.param.wire_name)
        ));
        quote! {
            #doc
            #[deprecated(note = #note)]
            #[inline]
            pub fn #name(mut self, #arg: #ty) -> Self {
                self.#field = #stored;
                self
            }
        }
    });
    quote!(#(#setters)*)
}

/// A setter for an optional parameter.
fn setter(f: &ParamField) -> TokenStream {
    let setter = &f.setter;
    let field = &f.field;
    let arg = &f.arg;
    let mut doc = Doc::default();
    doc.spec(&f.param.description);
    if f.shape == Shape::OptionalNullable {
        doc.raw("`None` is sent as `null`.");
    }
    let doc = doc.tokens();
    let ty = f.arg_type();
    let value = f.arg_conversion(quote!(#arg));
    let deprecated = f
        .param
        .deprecated
        .then(|| quote!(#[deprecated(note = "the API docs say this parameter is closing down")]));
    quote! {
        #doc
        #deprecated
        #[inline]
        pub fn #setter(mut self, #arg: #ty) -> Self {
            self.#field = Some(#value);
            self
        }
    }
}

/// Method docs: title, description, parameters, route, link to GitHub's documentation.
fn method_docs(
    endpoint: &Endpoint,
    fields: &[ParamField],
    builder: &Ident,
    returns: Option<&Returns>,
) -> TokenStream {
    let module_path = format!(
        "crate::{}::{}",
        scope_module(&endpoint.scope),
        endpoint.rust_name
    );
    let mut doc = Doc::default();
    doc.spec(&endpoint.title);
    if endpoint.deprecated {
        doc.raw("**Deprecated.**");
    }
    doc.spec(&endpoint.description);
    if endpoint.triggers_notifications {
        doc.raw(
            "**Triggers notifications.** A client with a [`Throttle`](crate::runtime::Throttle) \
             spaces such calls (GitHub's secondary rate limits punish creating content quickly).",
        );
    }
    if !fields.is_empty() || endpoint.origin {
        let mut list = String::from("# Parameters\n");
        for f in fields {
            let mut how = if f.is_arg() {
                "required".to_owned()
            } else {
                let setter = f.setter.to_string();
                let label = format!("{builder}::{}", bare(&setter));
                format!(
                    "optional, {}",
                    docs::link(&label, &format!("{module_path}::{builder}::{setter}"))
                )
            };
            if f.param.deprecated {
                how.push_str(", deprecated");
            }
            for alias in &f.param.aliases {
                how.push_str(&format!(", formerly {}", docs::code(alias)));
            }
            let wire = if bare(&f.arg.to_string()) != f.param.wire_name {
                format!(" (sent as {})", docs::code(&f.param.wire_name))
            } else {
                String::new()
            };
            let desc = docs::list_item(&f.param.description);
            let sep = match desc.chars().next() {
                None => "",
                Some('\n') => ":",
                Some(_) => ": ",
            };
            list.push_str(&format!(
                "\n- `{}` ({how}){wire}{sep}{desc}",
                bare(&f.arg.to_string())
            ));
        }
        if endpoint.origin {
            let how = if origin_required(endpoint) {
                "required, server".to_owned()
            } else {
                let link = docs::link(
                    &format!("{builder}::origin"),
                    &format!("{module_path}::{builder}::origin"),
                );
                format!("optional, server, {link}; defaults to the client's uploads URL")
            };
            let desc = docs::list_item(&server_text(endpoint));
            let sep = if desc.starts_with('\n') { ":" } else { ": " };
            list.push_str(&format!("\n- `origin` ({how}){sep}{desc}"));
        }
        doc.raw(list);
    }
    let returned = match returns {
        Some(r) => r.doc.clone(),
        None => "A [`Response`](crate::Response) to decode with `json()`, `text()` or `bytes()` \
                 (no response types are declared for this endpoint)."
            .to_owned(),
    };
    doc.raw(format!("# Returns\n\n{returned}"));
    doc.raw(format!("# Route\n\n{}", docs::code(&endpoint.route)));
    if let Some(url) = &endpoint.docs_url {
        doc.spec(&format!("[GitHub REST API documentation]({url})"));
    }
    doc.tokens()
}

/// A renamed endpoint: a deprecated method forwarding to its target, never duplicate code.
fn alias_method(shared: &ParamEnums, endpoint: &Endpoint, target: &Endpoint) -> TokenStream {
    let target_scope = ident(&scope_module(&target.scope));
    let target_module = ident(&target.rust_name);
    let reserved = builder_name(target).to_string();
    let mut types = TypeCx::new(quote!(crate::#target_scope::#target_module), &[&reserved])
        .sharing(shared, quote!(crate));
    let fields = param_fields(target, &mut types);
    let signature = signature(target, &fields);
    let args = &signature.args;
    let names = &signature.names;
    let method_name = ident(&endpoint.rust_name);
    let target_method = ident(&target.rust_name);
    let target_builder = builder_name(target);
    let target_struct = scope_struct(&target.scope);
    let note = format!("renamed to `{target_struct}::{}`", bare(&target.rust_name));
    let mut doc = Doc::default();
    doc.spec(&endpoint.title);
    let link = docs::link(
        &format!("{target_struct}::{}", bare(&target.rust_name)),
        &format!(
            "crate::{}::{target_struct}::{}",
            scope_module(&target.scope),
            target.rust_name
        ),
    );
    doc.raw(format!("Renamed to {link}; this forwards to it."));
    doc.raw(format!("# Route\n\n{}", docs::code(&endpoint.route)));
    let doc = doc.tokens();
    let allow = target.deprecated.then(|| quote!(#[allow(deprecated)]));
    quote! {
        #doc
        #[deprecated(note = #note)]
        #allow
        #[inline]
        pub fn #method_name(&self, #(#args),*) -> crate::#target_scope::#target_module::#target_builder<'c> {
            self.client.#target_scope().#target_method(#(#names),*)
        }
    }
}
