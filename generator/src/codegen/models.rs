//! Response models → `src/models.rs`: a struct per object model (with a map-visitor
//! `Deserialize` keeping unknown fields in `extra`), an enum per string enum and `one_of`.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::Doc;
use super::naming::{bare, ident, scope_module, Names};
use super::types::{enum_item, PRELUDE};
use crate::model::Api;
use crate::schema::{Field, Model, ModelKind, Schema};

/// The Rust name of a model (`Name`, or `NameModel` for a name the prelude uses).
pub fn model_ident(name: &str) -> Ident {
    if PRELUDE.contains(&name) {
        format_ident!("{}Model", name)
    } else {
        format_ident!("{}", name)
    }
}

/// The Rust type of a schema; `models` is the path of the models module (`crate::models`,
/// or empty inside it).
pub fn schema_type(schema: &Schema, models: &TokenStream) -> TokenStream {
    match schema {
        Schema::String | Schema::Text => quote!(String),
        Schema::Integer => quote!(i64),
        Schema::Number => quote!(f64),
        Schema::Boolean => quote!(bool),
        // `binary` is whole-body only; inside a JSON document it can only be some value.
        Schema::Any => quote!(::serde_json::Value),
        Schema::Binary => quote!(::bytes::Bytes),
        Schema::Ref { name, boxed } => {
            let id = model_ident(name);
            if *boxed {
                quote!(Box<#models #id>)
            } else {
                quote!(#models #id)
            }
        }
        Schema::Array { items } => {
            let inner = schema_type(items, models);
            quote!(Vec<#inner>)
        }
        Schema::Map { values } => {
            let inner = schema_type(values, models);
            quote!(::std::collections::BTreeMap<String, #inner>)
        }
    }
}

/// The whole `src/models.rs` body: every model, each behind the features that reach it.
pub fn models_file(api: &Api) -> TokenStream {
    let scopes = model_scopes(api);
    let items = api.models.iter().map(|m| model_item(api, m, &scopes));
    quote! {
        #![doc = " Types of response bodies, from `specs/models/`. Unknown object fields are kept in"]
        #![doc = " `extra`, unknown enum values in `Other`, so a field GitHub adds never fails a decode."]
        #(#items)*
    }
}

/// One model's items (type, impls) with its `cfg`.
pub fn model_item(
    api: &Api,
    model: &Model,
    scopes: &BTreeMap<String, BTreeSet<String>>,
) -> TokenStream {
    let cfg = scopes.get(&model.name).filter(|s| !s.is_empty()).map(|s| {
        let features: Vec<TokenStream> = s.iter().map(|f| quote!(feature = #f)).collect();
        match features.as_slice() {
            [one] => quote!(#[cfg(#one)]),
            _ => quote!(#[cfg(any(#(#features),*))]),
        }
    });
    let name = model_ident(&model.name);
    let mut doc = Doc::default();
    doc.spec(&model.doc);
    let items = match &model.kind {
        ModelKind::Object { fields } => object_items(&name, fields, doc),
        ModelKind::Enum { values } => {
            let item = enum_item(&name, values, &model.doc);
            let de = enum_deserialize(&name, values);
            quote!(#item #de)
        }
        ModelKind::OneOf {
            variants,
            discriminator,
            array,
        } => super::one_of::one_of_items(
            api,
            &name,
            variants,
            discriminator.as_deref(),
            array.as_ref(),
            doc,
        ),
    };
    // Every item of the model gets the cfg (the type and each impl).
    let items: Vec<TokenStream> = split_items(items)
        .into_iter()
        .map(|item| quote!(#cfg #item))
        .collect();
    quote!(#(#items)*)
}

/// Top-level items of a token stream (so each can carry the model's `cfg`).
fn split_items(tokens: TokenStream) -> Vec<TokenStream> {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => file.items.into_iter().map(|i| quote!(#i)).collect(),
        Err(err) => panic!("generated model does not parse: {err}\n{tokens}"),
    }
}

/// For each model, the features (scope modules) whose endpoints reach it, transitively.
pub fn model_scopes(api: &Api) -> BTreeMap<String, BTreeSet<String>> {
    let by_name: BTreeMap<&str, &Model> = api.models.iter().map(|m| (m.name.as_str(), m)).collect();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in &api.endpoints {
        let feature = scope_module(&e.scope);
        let mut roots: Vec<&str> = Vec::new();
        for r in &e.responses {
            if let Some(body) = &r.body {
                refs(body, &mut roots);
            }
        }
        for name in reachable(&by_name, roots) {
            out.entry(name.to_owned())
                .or_default()
                .insert(feature.clone());
        }
    }
    // A model no endpoint reaches is always compiled, and so is everything it refers to.
    let unreached: Vec<&str> = api
        .models
        .iter()
        .map(|m| m.name.as_str())
        .filter(|n| !out.contains_key(*n))
        .collect();
    for name in reachable(&by_name, unreached) {
        out.remove(name);
    }
    out
}

/// The models reachable from `roots` (the roots included) through fields and variants.
fn reachable<'a>(
    by_name: &BTreeMap<&str, &'a Model>,
    mut stack: Vec<&'a str>,
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    while let Some(name) = stack.pop() {
        if !seen.insert(name) {
            continue;
        }
        let Some(model) = by_name.get(name) else {
            continue;
        };
        match &model.kind {
            ModelKind::Object { fields } => {
                for f in fields {
                    refs(&f.schema, &mut stack);
                }
            }
            ModelKind::OneOf {
                variants, array, ..
            } => {
                stack.extend(variants.iter().map(String::as_str));
                stack.extend(array.iter().map(|a| a.items.as_str()));
            }
            ModelKind::Enum { .. } => {}
        }
    }
    seen
}

/// The model names a schema refers to.
fn refs<'a>(schema: &'a Schema, out: &mut Vec<&'a str>) {
    match schema {
        Schema::Ref { name, .. } => out.push(name),
        Schema::Array { items } => refs(items, out),
        Schema::Map { values } => refs(values, out),
        _ => {}
    }
}

struct FieldCode {
    field: Ident,
    /// Local variable in the visitor (never clashes with the visitor's own names).
    var: Ident,
    wire: String,
    ty: TokenStream,
    /// Stored as `Option<T>` (optional or nullable).
    optional: bool,
    required: bool,
}

fn object_items(name: &Ident, fields: &[Field], doc: Doc) -> TokenStream {
    let doc = doc.tokens();
    let none = TokenStream::new();
    let codes: Vec<FieldCode> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let ty = schema_type(&f.schema, &none);
            FieldCode {
                field: ident(&f.rust_name),
                var: format_ident!("f{}", i),
                wire: f.wire_name.clone(),
                ty,
                optional: !f.required || f.nullable,
                required: f.required,
            }
        })
        .collect();
    let mut names = Names::with_reserved(&[]);
    for f in fields {
        names.claim(bare(&f.rust_name));
    }
    let extra = format_ident!("{}", names.claim("extra"));
    let decls = fields.iter().zip(&codes).map(|(f, c)| {
        let field = &c.field;
        let ty = &c.ty;
        let ty = if c.optional {
            quote!(Option<#ty>)
        } else {
            ty.clone()
        };
        let mut d = Doc::default();
        d.spec(&f.doc);
        let d = d.tokens();
        quote! {
            #d
            pub #field: #ty
        }
    });
    let lets = codes.iter().map(|c| {
        let var = &c.var;
        let ty = &c.ty;
        quote!(let mut #var: Option<#ty> = None;)
    });
    let arms = codes.iter().map(|c| {
        let var = &c.var;
        let wire = &c.wire;
        if c.optional {
            // `null` and absent are both `None`.
            quote!(#wire => #var = map.next_value()?,)
        } else {
            quote!(#wire => #var = Some(map.next_value()?),)
        }
    });
    let inits = codes.iter().map(|c| {
        let field = &c.field;
        let var = &c.var;
        let wire = &c.wire;
        if c.optional {
            quote!(#field: #var)
        } else {
            quote!(#field: crate::runtime::required(#var, #wire)?)
        }
    });
    // Absent optional fields are left out; a required nullable field is written as `null`.
    let entries = codes.iter().map(|c| {
        let field = &c.field;
        let wire = &c.wire;
        if c.required {
            quote!(m.serialize_entry(#wire, &self.#field)?;)
        } else {
            quote!(if let Some(v) = &self.#field { m.serialize_entry(#wire, v)?; })
        }
    });
    let expecting = format!("a {name} object");
    quote! {
        #doc
        #[derive(Debug, Clone)]
        #[cfg_attr(feature = "model-eq", derive(PartialEq))]
        pub struct #name {
            #(#decls,)*
            /// Fields this client does not know, by wire name (kept when serialised).
            pub #extra: crate::runtime::Extra,
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut m = s.serialize_map(None)?;
                #(#entries)*
                self.#extra.serialize_entries(&mut m)?;
                m.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct ModelVisitor;
                impl<'de> ::serde::de::Visitor<'de> for ModelVisitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#name, A::Error> {
                        #(#lets)*
                        let mut #extra = crate::runtime::Extra::new();
                        while let Some(key) = map.next_key::<crate::runtime::Key<'de>>()? {
                            match key.as_str() {
                                #(#arms)*
                                _ => #extra.insert_next(key, &mut map)?,
                            }
                        }
                        Ok(#name {
                            #(#inits,)*
                            #extra,
                        })
                    }
                }
                deserializer.deserialize_map(ModelVisitor)
            }
        }
    }
}

/// `Deserialize` of a string enum: known values to variants, anything else to `Other`.
fn enum_deserialize(name: &Ident, values: &[String]) -> TokenStream {
    let variants = super::types::enum_variants(values);
    let arms = variants.iter().map(|(id, v)| quote!(#v => Self::#id,));
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <crate::runtime::Key<'de> as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(match value.as_str() {
                    #(#arms)*
                    _ => Self::Other(value.into_owned()),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codegen::tests::endpoint;
    use crate::model::HttpMethod;
    use crate::schema::ResponseDecl;

    fn field(wire: &str, rust: &str, schema: Schema, required: bool, nullable: bool) -> Field {
        Field {
            wire_name: wire.into(),
            rust_name: rust.into(),
            schema,
            required,
            nullable,
            doc: String::new(),
            line: 1,
        }
    }

    fn model(name: &str, kind: ModelKind) -> Model {
        Model {
            name: name.into(),
            doc: format!("A {name}."),
            kind,
            source: "specs/models/x.yaml".into(),
            line: 1,
        }
    }

    fn api() -> Api {
        let user = Schema::Ref {
            name: "User".into(),
            boxed: false,
        };
        let mut get = endpoint("repos", "get", HttpMethod::Get, "/r", vec![]);
        get.responses = vec![ResponseDecl {
            status: 200,
            body: Some(Schema::Ref {
                name: "Repo".into(),
                boxed: false,
            }),
            nullable: false,
            line: 1,
        }];
        let mut users = endpoint("users", "get", HttpMethod::Get, "/u", vec![]);
        users.responses = vec![ResponseDecl {
            status: 200,
            body: Some(user.clone()),
            nullable: false,
            line: 1,
        }];
        Api {
            endpoints: vec![get, users],
            models: vec![
                model(
                    "Repo",
                    ModelKind::Object {
                        fields: vec![
                            field("type", "r#type", Schema::String, true, false),
                            field("extra", "extra", Schema::String, false, false),
                            field("owner", "owner", user, true, true),
                        ],
                    },
                ),
                model(
                    "User",
                    ModelKind::Object {
                        fields: vec![field("login", "login", Schema::String, true, false)],
                    },
                ),
                model(
                    "Lonely",
                    ModelKind::Enum {
                        values: vec!["a".into()],
                    },
                ),
            ],
        }
    }

    /// The formatted source with all whitespace removed (line breaks are prettyplease's).
    fn source(name: &str) -> String {
        let src = crate::codegen::model_source(&api(), name).unwrap();
        src.split_whitespace().collect()
    }

    fn squeeze(text: &str) -> String {
        text.split_whitespace().collect()
    }

    #[test]
    fn models_are_behind_the_features_that_reach_them() {
        assert!(source("Repo").contains(&squeeze("#[cfg(feature = \"repos\")]")));
        let both = "#[cfg(any(feature = \"repos\", feature = \"users\"))]";
        assert!(source("User").contains(&squeeze(both)));
        assert!(!source("Lonely").contains("cfg("), "{}", source("Lonely"));
    }

    #[test]
    fn objects_rename_wire_names_and_keep_unknown_fields_apart() {
        let src = source("Repo");
        for needle in [
            "    pub r#type: String,",
            "pub extra: Option<String>",
            "pub owner: Option<User>",
            "pub extra_2: crate::runtime::Extra",
            "f0 = Some(map.next_value()?)",
            "crate::runtime::required(f0, \"type\")?",
            "\"owner\" => f2 = map.next_value()?",
        ] {
            assert!(src.contains(&squeeze(needle)), "{needle} missing in\n{src}");
        }
        assert!(!src.contains("required(f2"), "nullable is lenient");
        assert!(!src.contains("rename=\"type\""), "serde strips r#: {src}");
    }

    #[test]
    fn enums_decode_unknown_values_into_other() {
        let src = source("Lonely");
        assert!(src.contains(&squeeze("\"a\" => Self::A")), "{src}");
        let other = squeeze("_ => Self::Other(value.into_owned())");
        assert!(src.contains(&other), "{src}");
    }
}
