//! Model types → Rust types, generating the enums and body structs an endpoint needs into
//! its own module (names unique within that module).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{self, Doc};
use super::naming::{bare, ident, type_name, variant_name, Names};
use super::param_plan::{ParamEnums, SharedEnum};
use crate::model::{Param, Type};

/// How a parameter's value is held: required or optional, `null`-able or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `T`
    Required,
    /// `Option<T>`: required, but `None` is sent as `null`.
    RequiredNullable,
    /// `Option<T>`: sent only when set.
    Optional,
    /// `Option<Option<T>>`: sent when set; `Some(None)` is sent as `null`.
    OptionalNullable,
}

impl Shape {
    pub fn of(required: bool, nullable: bool) -> Shape {
        match (required, nullable) {
            (true, false) => Shape::Required,
            (true, true) => Shape::RequiredNullable,
            (false, false) => Shape::Optional,
            (false, true) => Shape::OptionalNullable,
        }
    }

    /// The stored type for a value of type `ty`.
    pub fn wrap(self, ty: &TokenStream) -> TokenStream {
        match self {
            Shape::Required => ty.clone(),
            Shape::RequiredNullable | Shape::Optional => quote!(Option<#ty>),
            Shape::OptionalNullable => {
                quote!(Option<Option<#ty>>)
            }
        }
    }
}

/// Names generated code uses unqualified (the prelude) or that cannot name a type: generated
/// types never take them, so `Option`, `String`, `Vec`, `Result` … always mean the std ones.
pub const PRELUDE: &[&str] = &[
    "Self",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Into",
    "From",
    "ToString",
    "ToOwned",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "Hash",
    "Send",
    "Sync",
    "Sized",
    "Iterator",
    "IntoIterator",
    "Fn",
    "FnMut",
    "FnOnce",
    "Drop",
];

/// Collects the types (enums, structs) generated for one endpoint module.
#[derive(Debug)]
pub struct TypeCx<'s> {
    names: Names,
    /// The shared enums (`params`) and the crate root their paths start from.
    shared: Option<(&'s ParamEnums, TokenStream)>,
    items: Vec<TokenStream>,
    /// Absolute path of the module the types live in (`crate::repos::get`).
    module: TokenStream,
    /// Each generated type's path by the hint it was named from, in order (the conformance
    /// calls look nested types up here to build sample values).
    named: Vec<(String, TokenStream)>,
}

impl<'s> TypeCx<'s> {
    /// A context for types living in `module` (an absolute path, so they can be named from
    /// anywhere), whose namespace already holds `reserved` (e.g. the builder's name).
    pub fn new(module: TokenStream, reserved: &[&str]) -> Self {
        let mut names = Names::with_reserved(PRELUDE);
        for r in reserved {
            names.claim(r);
        }
        TypeCx {
            names,
            shared: None,
            items: Vec::new(),
            module,
            named: Vec::new(),
        }
    }

    /// Name enums that `shared` holds from there (`root::params::Direction`), re-exported
    /// under their local name so that the module's old paths keep working.
    pub fn sharing(mut self, shared: &'s ParamEnums, root: TokenStream) -> Self {
        self.shared = Some((shared, root));
        self
    }

    /// The shared enum an enum of `values` named from `hint` is, if any.
    pub fn shared_enum(
        &self,
        hint: &str,
        values: &[String],
        name: Option<&str>,
    ) -> Option<&'s SharedEnum> {
        self.shared.as_ref()?.0.get(hint, values, name)
    }

    /// The path of the type first generated for `hint` (a spec name such as `committer`, or
    /// a derived one: `labels_item`, `source_string`), if any.
    pub fn named_type(&self, hint: &str) -> Option<&TokenStream> {
        self.named
            .iter()
            .find(|(h, _)| h == hint)
            .map(|(_, path)| path)
    }

    /// `module::name`, remembered under `hint`.
    fn path_of(&mut self, hint: &str, name: &proc_macro2::Ident) -> TokenStream {
        let module = &self.module;
        let path = quote!(#module::#name);
        self.named.push((hint.to_owned(), path.clone()));
        path
    }

    /// The generated items, in the order they were needed.
    pub fn into_items(self) -> Vec<TokenStream> {
        self.items
    }

    /// The Rust type of `ty`; `hint` (a spec name such as `committer.date`) names generated types.
    pub fn rust_type(&mut self, ty: &Type, hint: &str, doc: &str) -> TokenStream {
        match ty {
            Type::String => quote!(String),
            Type::Timestamp => quote!(crate::runtime::Timestamp),
            Type::Integer => quote!(i64),
            Type::Number => quote!(f64),
            Type::Boolean => quote!(bool),
            Type::IntegerOrString => quote!(crate::runtime::IntOrString),
            Type::Any => quote!(::serde_json::Value),
            Type::Bytes => quote!(Vec<u8>),
            Type::Enum { values, name } => {
                // The name it had in this module before it was shared (a spec-given name
                // always makes it shared), so that paths users wrote keep working.
                let local = format_ident!("{}", self.names.claim(&type_name(hint)));
                if let Some((plan, root)) = &self.shared {
                    if let Some(shared) = plan.get(hint, values, name.as_deref()) {
                        let path = shared.path(root);
                        let alias = (local != shared.name).then(|| quote!(as #local));
                        self.items.push(quote!(pub use #path #alias;));
                        self.named.push((hint.to_owned(), path.clone()));
                        return path;
                    }
                }
                self.items.push(enum_item(&local, values, doc));
                self.path_of(hint, &local)
            }
            Type::Array { items } => {
                let inner = self.rust_type(items, &array_item_hint(hint, items), doc);
                quote!(Vec<#inner>)
            }
            Type::Map { values } => {
                let inner = self.rust_type(values, &format!("{hint}_value"), doc);
                quote!(::std::collections::BTreeMap<String, #inner>)
            }
            Type::Union { types } => {
                let name = format_ident!("{}", self.names.claim(&type_name(hint)));
                let path = self.path_of(hint, &name);
                let item = self.union_item(&name, types, hint, doc);
                self.items.push(item);
                path
            }
            Type::OneOf { alternatives, .. } => {
                let name = format_ident!("{}", self.names.claim(&type_name(hint)));
                let path = self.path_of(hint, &name);
                let item = self.one_of_item(&name, alternatives, hint, doc);
                self.items.push(item);
                path
            }
            // No known fields: any JSON object (an empty struct could carry nothing).
            Type::Object { fields } if fields.is_empty() => {
                quote!(::serde_json::Map<String, ::serde_json::Value>)
            }
            Type::Object { fields } => {
                let name = self.names.claim(&type_name(hint));
                let name = format_ident!("{}", name);
                let path = self.path_of(hint, &name);
                let item = self.struct_item(&name, fields, doc);
                self.items.push(item);
                path
            }
        }
    }

    /// A body struct with public fields; optional fields are skipped when unset. A struct with
    /// required fields gets `new(required…)`, so a call spells out only what it sets.
    fn struct_item(
        &mut self,
        name: &proc_macro2::Ident,
        fields: &[Param],
        doc: &str,
    ) -> TokenStream {
        let mut doc_text = Doc::default();
        doc_text.spec(doc);
        let doc_attrs = doc_text.tokens();
        let all_optional = fields.iter().all(|f| !f.required);
        let default = all_optional.then(|| quote!(Default,));
        let (decls, types) = self.field_decls(fields, true);
        let constructor = (!all_optional).then(|| constructor(name, fields, &types));
        quote! {
            #doc_attrs
            #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize)]
            pub struct #name {
                #(#decls,)*
            }

            #constructor
        }
    }

    /// Field declarations (`pub` or not) and each field's Rust type of one value.
    fn field_decls(
        &mut self,
        fields: &[Param],
        public: bool,
    ) -> (Vec<TokenStream>, Vec<TokenStream>) {
        let vis = public.then(|| quote!(pub));
        let mut types = Vec::new();
        let decls = fields
            .iter()
            .map(|f| {
                let shape = Shape::of(f.required, f.nullable);
                let one = self.rust_type(&f.ty, &f.spec_name, &f.description);
                let ty = shape.wrap(&one);
                types.push(one);
                let field = ident(&f.rust_name);
                let rename = (bare(&f.rust_name) != f.wire_name).then(|| {
                    let wire = &f.wire_name;
                    quote!(#[serde(rename = #wire)])
                });
                let skip = matches!(shape, Shape::Optional | Shape::OptionalNullable)
                    .then(|| quote!(#[serde(skip_serializing_if = "Option::is_none")]));
                let mut field_doc = Doc::default();
                field_doc.spec(&f.description);
                let field_doc = field_doc.tokens();
                quote! {
                    #field_doc
                    #rename
                    #skip
                    #vis #field: #ty
                }
            })
            .collect();
        (decls, types)
    }

    /// A value of one of several types: an untagged enum, one variant per type, with `From`
    /// for each (`"text".into()`, `3.5.into()`).
    fn union_item(
        &mut self,
        name: &proc_macro2::Ident,
        types: &[Type],
        hint: &str,
        doc: &str,
    ) -> TokenStream {
        let mut variants = Vec::new();
        let mut froms = Vec::new();
        let mut names = Names::with_reserved(&[]);
        for t in types {
            let variant = format_ident!("{}", names.claim(&type_name(member_name(t))));
            let inner = self.rust_type(t, &format!("{hint}_{}", member_name(t)), doc);
            variants.push(quote!(#variant(#inner)));
            froms.push(quote! {
                impl From<#inner> for #name {
                    #[inline]
                    fn from(value: #inner) -> Self {
                        Self::#variant(value)
                    }
                }
            });
            if matches!(t, Type::String) {
                froms.push(quote! {
                    impl From<&str> for #name {
                        #[inline]
                        fn from(value: &str) -> Self {
                            Self::#variant(value.to_owned())
                        }
                    }
                });
            }
        }
        let mut doc_text = Doc::default();
        doc_text.spec(doc);
        doc_text.raw("One of several types; each converts into it with `.into()`.");
        let doc_attrs = doc_text.tokens();
        quote! {
            #doc_attrs
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
            #[serde(untagged)]
            pub enum #name {
                #(#variants,)*
            }

            #(#froms)*
        }
    }

    /// Alternatives of which exactly one is sent: an untagged enum whose object alternatives
    /// are struct variants (their fields are sent) and whose other alternatives wrap a value.
    fn one_of_item(
        &mut self,
        name: &proc_macro2::Ident,
        alternatives: &[crate::model::Alternative],
        hint: &str,
        doc: &str,
    ) -> TokenStream {
        let mut names = Names::with_reserved(&[]);
        let variants: Vec<TokenStream> = alternatives
            .iter()
            .map(|alt| {
                let variant = format_ident!("{}", names.claim(&type_name(&alt.name)));
                let vdoc = docs::doc_attrs(&format!("Send {}.", alt_summary(alt)));
                match &alt.ty {
                    Type::Object { fields } if !fields.is_empty() => {
                        let (decls, _) = self.field_decls(fields, false);
                        quote!(#vdoc #variant { #(#decls,)* })
                    }
                    t => {
                        let inner = self.rust_type(t, &format!("{hint}_{}", alt.name), doc);
                        quote!(#vdoc #variant(#inner))
                    }
                }
            })
            .collect();
        let mut doc_text = Doc::default();
        doc_text.spec(doc);
        doc_text.raw("Exactly one of these alternatives is sent.");
        let doc_attrs = doc_text.tokens();
        quote! {
            #doc_attrs
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
            #[serde(untagged)]
            pub enum #name {
                #(#variants,)*
            }
        }
    }
}

/// The hint an array's items are named from: `labels_item` for objects, else the array's.
pub fn array_item_hint(hint: &str, items: &Type) -> String {
    match items {
        Type::Object { .. } => format!("{hint}_item"),
        _ => hint.to_owned(),
    }
}

/// `impl Name { pub fn new(required…) -> Self }`: required fields as arguments (strings and
/// string lists accept anything convertible), optional ones `None`.
fn constructor(name: &proc_macro2::Ident, fields: &[Param], types: &[TokenStream]) -> TokenStream {
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for (f, ty) in fields.iter().zip(types) {
        let field = ident(&f.rust_name);
        if !f.required {
            inits.push(quote!(#field: None));
            continue;
        }
        let (arg_ty, value) = if f.nullable {
            (quote!(Option<#ty>), quote!(#field))
        } else {
            match &f.ty {
                Type::String => (quote!(impl Into<String>), quote!(#field.into())),
                Type::Timestamp => (
                    quote!(impl Into<crate::runtime::Timestamp>),
                    quote!(#field.into()),
                ),
                Type::Array { items } if matches!(**items, Type::String) => (
                    quote!(impl IntoIterator<Item = impl Into<String>>),
                    quote!(#field.into_iter().map(Into::into).collect()),
                ),
                _ => (ty.clone(), quote!(#field)),
            }
        };
        args.push(quote!(#field: #arg_ty));
        inits.push(if field == value.to_string() {
            quote!(#field)
        } else {
            quote!(#field: #value)
        });
    }
    let many = (args.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        impl #name {
            /// A value with the required fields; optional ones are unset (`None`).
            #[inline]
            #many
            pub fn new(#(#args),*) -> Self {
                Self { #(#inits,)* }
            }
        }
    }
}

/// The variant name of a union member (`string`, `number`, `object`).
pub fn member_name(t: &Type) -> &'static str {
    match t {
        Type::Array { .. } => "array",
        Type::Map { .. } | Type::Object { .. } => "object",
        other => other.json_type(),
    }
}

/// "`branch` and `path`" / "a string": what an alternative sends, for its variant's docs.
fn alt_summary(alt: &crate::model::Alternative) -> String {
    match &alt.ty {
        Type::Object { fields } if !fields.is_empty() => fields
            .iter()
            .map(|f| format!("`{}`", f.wire_name))
            .collect::<Vec<_>>()
            .join(", "),
        t => format!("a value of type `{}`", t.json_type()),
    }
}

/// The variant of each enum value (unique, never `Other`), in order.
pub fn enum_variants(values: &[String]) -> Vec<(proc_macro2::Ident, &String)> {
    let mut names = Names::with_reserved(&["Other"]);
    values
        .iter()
        .map(|v| {
            let mut wanted = variant_name(v);
            if wanted == "Other" {
                wanted = "OtherValue".to_owned();
            }
            (format_ident!("{}", names.claim(&wanted)), v)
        })
        .collect()
}

/// A string enum with an `Other(String)` fallback, `as_str()` and a manual `Serialize`.
pub fn enum_item(name: &proc_macro2::Ident, values: &[String], doc: &str) -> TokenStream {
    let variants = enum_variants(values);
    let decls = variants.iter().map(|(id, v)| {
        let vdoc = docs::doc_attrs(&docs::code(v));
        quote!(#vdoc #id,)
    });
    let arms = variants.iter().map(|(id, v)| quote!(Self::#id => #v,));
    let debug_arms = variants.iter().map(|(id, _)| {
        let text = id.to_string();
        quote!(Self::#id => #text,)
    });
    let mut doc_text = Doc::default();
    doc_text.spec(doc);
    let doc_attrs = doc_text.tokens();
    quote! {
        #doc_attrs
        #[derive(Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum #name {
            #(#decls)*
            /// A value this client does not know yet, sent as given.
            Other(String),
        }

        // Written out (as derived) so it is `#[inline]`: not compiled unless used.
        impl ::std::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(match self {
                    #(#debug_arms)*
                    Self::Other(value) => return f.debug_tuple("Other").field(value).finish(),
                })
            }
        }

        impl #name {
            /// The value as sent on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    #(#arms)*
                    Self::Other(value) => value,
                }
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    }
}

#[cfg(test)]
#[path = "types_tests.rs"]
mod tests;
