//! Response models → `src/models/`: a struct per object model (with a map-visitor
//! `Deserialize` keeping unknown fields in `extra`), an enum per string enum and `one_of`.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::Doc;
use super::imports::with_imports;
use super::model_plan::ModelPlan;
use super::naming::{bare, ident, Names};
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
        Schema::Timestamp => quote!(crate::runtime::Timestamp),
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

/// The models as files (path, tokens): `src/models/mod.rs` re-exports one module per scope
/// (the models only that scope's endpoints reach, behind its feature) and `shared` (models
/// several scopes reach, in a module per set of features that reach them, or none). Each
/// `cfg` is written once, on a module. Every model stays `crate::models::Name`.
pub fn models_files(api: &Api) -> Vec<(String, TokenStream)> {
    let plan = ModelPlan::new(api);
    let mut groups: BTreeMap<String, Vec<&Model>> = BTreeMap::new();
    for m in &api.models {
        groups
            .entry(model_module(&plan, &m.name))
            .or_default()
            .push(m);
    }
    let mut files = Vec::new();
    let mut decls = Vec::new();
    for (module, models) in &groups {
        let shared = module == SHARED;
        let (doc, body) = if shared {
            let doc = " Models that the endpoints of several scopes return (or none): a module per set of\n features that reach them, compiled when one of them is on.".to_string();
            (doc, shared_body(api, &plan, models))
        } else {
            let items = models.iter().map(|m| model_item_in(api, m, &plan, false));
            let doc =
                format!(" Models that only the `{module}` endpoints return (feature `{module}`).");
            (doc, models_body(quote!(#(#items)*)))
        };
        files.push((
            format!("src/models/{module}.rs"),
            quote! {
                #![doc = #doc]
                #body
            },
        ));
        let ident = ident(module);
        let cfg = (!shared).then(|| quote!(#[cfg(feature = #module)]));
        // `shared` holds nothing when no scope feature is on: its glob then imports nothing.
        let allow = shared.then(|| quote!(#[allow(unused_imports)]));
        decls.push(quote! {
            #cfg mod #ident;
            #cfg #allow pub use #ident::*;
        });
    }
    files.push((
        "src/models/mod.rs".to_string(),
        quote! {
            #![doc = " Types of response bodies. Unknown object fields are kept in `extra`, unknown enum"]
            #![doc = " values in `Other`, so a field GitHub adds never fails a decode."]
            #![doc = ""]
            #![doc = " All models are here as `models::Name`; the source is split by the scope that uses them."]
            #(#decls)*
        },
    ));
    files
}

/// The items of a module of models, after the `use` items they need (the other models come
/// from the parent's glob; a module whose models name no other model leaves it unused).
fn models_body(items: TokenStream) -> TokenStream {
    let body = quote! {
        #[allow(unused_imports)]
        use super::*;
        #items
    };
    with_imports(body, "", &[])
}

/// `shared.rs`: the models always compiled, then a module per set of features that reach
/// models, named after the features (`apps_orgs`; `actions_and_9_more` for long sets).
fn shared_body(api: &Api, plan: &ModelPlan, models: &[&Model]) -> TokenStream {
    let mut always = Vec::new();
    let mut by_features: BTreeMap<Vec<String>, Vec<&Model>> = BTreeMap::new();
    for m in models {
        match plan.scopes.get(&m.name) {
            Some(features) if !features.is_empty() => by_features
                .entry(features.iter().cloned().collect())
                .or_default()
                .push(m),
            _ => always.push(model_item_in(api, m, plan, false)),
        }
    }
    let mut names = Names::with_reserved(&[]);
    let modules = by_features.iter().map(|(features, models)| {
        let wanted = match features.as_slice() {
            [a, b, c, _, ..] => format!("{a}_{b}_{c}_and_{}_more", features.len() - 3),
            _ => features.join("_"),
        };
        let name = ident(&names.claim(&wanted));
        let listed: Vec<String> = features.iter().map(|f| format!("`{f}`")).collect();
        let doc = format!(" Models the endpoints of {} return.", listed.join(", "));
        let cfgs: Vec<TokenStream> = features.iter().map(|f| quote!(feature = #f)).collect();
        let cfg = match cfgs.as_slice() {
            [one] => quote!(#[cfg(#one)]),
            _ => quote!(#[cfg(any(#(#cfgs),*))]),
        };
        let items = models.iter().map(|m| model_item_in(api, m, plan, false));
        let body = models_body(quote!(#(#items)*));
        quote! {
            #[doc = #doc]
            #cfg
            mod #name {
                #body
            }
            #cfg
            pub use #name::*;
        }
    });
    let body = models_body(quote!(#(#always)*));
    quote! {
        #body
        #(#modules)*
    }
}

/// The module of `models` that holds a model: the one scope that reaches it, else `shared`.
pub fn model_module(plan: &ModelPlan, name: &str) -> String {
    match plan.scopes.get(name).map(|s| s.iter().collect::<Vec<_>>()) {
        Some(one) if one.len() == 1 => one[0].clone(),
        _ => SHARED.to_string(),
    }
}

const SHARED: &str = "shared";

/// One model's items (type, impls) with its `cfg`, as a snapshot shows it.
pub fn model_item(api: &Api, model: &Model, plan: &ModelPlan) -> TokenStream {
    model_item_in(api, model, plan, true)
}

/// One model's items; with `with_cfg`, each behind the features that reach the model (inside a
/// scope's module the module's `cfg` does that once).
fn model_item_in(api: &Api, model: &Model, plan: &ModelPlan, with_cfg: bool) -> TokenStream {
    let cfg = plan
        .scopes
        .get(&model.name)
        .filter(|s| with_cfg && !s.is_empty())
        .map(|s| {
            let features: Vec<TokenStream> = s.iter().map(|f| quote!(feature = #f)).collect();
            match features.as_slice() {
                [one] => quote!(#[cfg(#one)]),
                _ => quote!(#[cfg(any(#(#features),*))]),
            }
        });
    let name = model_ident(&model.name);
    let mut doc = Doc::default();
    doc.spec(&model.doc);
    if let Some(target) = plan.alias_of.get(&model.name) {
        let target = model_ident(target);
        doc.raw(format!(
            "The same fields as [`{target}`], whose type this is: values of the two mix freely."
        ));
        let doc = doc.tokens();
        return quote!(#doc #cfg pub type #name = #target;);
    }
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

struct FieldCode {
    field: Ident,
    /// The binding of the decoded value in the generated `deserialize` (`f0`, `f1`, …).
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
    // The name table is sorted (the runtime looks keys up by binary search); the tuples of
    // slots, values and bindings follow its order.
    let mut order: Vec<&FieldCode> = codes.iter().collect();
    order.sort_by(|a, b| a.wire.as_bytes().cmp(b.wire.as_bytes()));
    let wires = order.iter().map(|c| &c.wire);
    let slots = nest(order.iter().map(|c| {
        let ty = &c.ty;
        if c.optional {
            quote!(crate::runtime::__private::model::Opt<#ty>)
        } else {
            quote!(crate::runtime::__private::model::Req<#ty>)
        }
    }));
    let binds = nest(order.iter().map(|c| {
        let var = &c.var;
        quote!(#var)
    }));
    let inits = order.iter().map(|c| {
        let field = &c.field;
        let var = &c.var;
        quote!(#field: #var)
    });
    // Absent optional fields are left out; a required nullable field is written as `null`.
    let values = nest(order.iter().map(|c| {
        let field = &c.field;
        if c.required {
            quote!(&self.#field)
        } else {
            quote!(crate::runtime::__private::model::Skip(&self.#field))
        }
    }));
    let model = name.to_string();
    quote! {
        #doc
        #[derive(Clone)]
        #[cfg_attr(feature = "model-eq", derive(PartialEq))]
        pub struct #name {
            #(#decls,)*
            /// Fields this client does not know, by wire name (kept when serialised).
            pub #extra: crate::runtime::Extra,
        }

        impl #name {
            const WIRE_NAMES: &'static [&'static str] = &[#(#wires),*];
        }

        impl ::std::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                crate::runtime::__private::model::debug(self, #model, f)
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                crate::runtime::__private::model::serialize(s, Self::WIRE_NAMES, #values, &self.#extra)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let (#binds, #extra) = crate::runtime::__private::model::decode::<D, #slots>(d, Self::WIRE_NAMES, #model)?;
                Ok(#name { #(#inits,)* #extra })
            }
        }
    }
}

/// The longest tuple `runtime/model.rs` implements its field traits for.
const TUPLE_MAX: usize = 12;

/// A tuple of `items`, nested so that no tuple has more than [`TUPLE_MAX`] elements:
/// `(a, b, c,)`, or `((a, …, l,), (m, …),)` for longer lists.
fn nest(items: impl Iterator<Item = TokenStream>) -> TokenStream {
    let mut items: Vec<TokenStream> = items.collect();
    while items.len() > TUPLE_MAX {
        items = items
            .chunks(TUPLE_MAX)
            .map(|chunk| quote!((#(#chunk,)*)))
            .collect();
    }
    quote!((#(#items,)*))
}

/// `Deserialize` of a string enum: known values to variants, anything else to `Other`.
fn enum_deserialize(name: &Ident, values: &[String]) -> TokenStream {
    let variants = super::types::enum_variants(values);
    let arms = variants.iter().map(|(id, v)| quote!(#v => Self::#id,));
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <crate::runtime::__private::Key<'de> as ::serde::Deserialize>::deserialize(deserializer)?;
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
    fn models_are_split_into_a_module_per_scope_and_a_shared_one() {
        let files: BTreeMap<String, String> = models_files(&api())
            .into_iter()
            .map(|(path, tokens)| (path, squeeze(&tokens.to_string())))
            .collect();
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "src/models/mod.rs",
                "src/models/repos.rs",
                "src/models/shared.rs"
            ]
        );
        // `Repo` only reaches `repos`: its module carries the cfg once, its items none.
        let repos = &files["src/models/repos.rs"];
        assert!(repos.contains("pubstructRepo"), "{repos}");
        assert!(!repos.contains("cfg("), "{repos}");
        // `User` reaches both scopes, `Lonely` none: shared, each item with its own cfg.
        let shared = &files["src/models/shared.rs"];
        assert!(shared.contains("pubstructUser") && shared.contains("pubenumLonely"));
        assert!(shared.contains(&squeeze(
            "#[cfg(any(feature = \"repos\", feature = \"users\"))]"
        )));
        let module = &files["src/models/mod.rs"];
        assert!(module.contains(&squeeze("#[cfg(feature = \"repos\")] mod repos;")));
        assert!(module.contains(&squeeze("#[cfg(feature = \"repos\")] pub use repos::*;")));
        assert!(module.contains(&squeeze(
            "mod shared; #[allow(unused_imports)] pub use shared::*;"
        )));
    }

    #[test]
    fn objects_rename_wire_names_and_keep_unknown_fields_apart() {
        let src = source("Repo");
        for needle in [
            "    pub r#type: String,",
            "pub extra: Option<String>",
            "pub owner: Option<User>",
            "pub extra_2: Extra",
            "use crate::runtime::Extra;",
            // The name table is sorted by wire name; slots, bindings and values follow it.
            "const WIRE_NAMES: &'static [&'static str] = &[\"extra\", \"owner\", \"type\"];",
            "use crate::runtime::__private::model;",
            "(model::Opt<String>, model::Opt<User>, model::Req<String>)",
            // A failed decode returns its error as it is.
            "let ((f1, f2, f0), extra_2) = model::decode::<",
            "Ok(Repo { extra: f1, owner: f2, r#type: f0, extra_2, })",
            // An optional field is left out when `None`; a required one is always written.
            "(model::Skip(&self.extra), &self.owner, &self.r#type)",
        ] {
            assert!(src.contains(&squeeze(needle)), "{needle} missing in\n{src}");
        }
        assert!(!src.contains("Req<User>"), "nullable is lenient");
        assert!(!src.contains("rename=\"type\""), "serde strips r#: {src}");
    }

    #[test]
    fn the_runtime_implements_every_tuple_length_the_generator_writes() {
        let runtime = include_str!("../../runtime/model.rs");
        let arities: Vec<usize> = runtime
            .lines()
            .filter_map(|l| l.strip_prefix("tuples!("))
            .map(|args| args.split(',').count())
            .collect();
        assert_eq!(arities, (1..=TUPLE_MAX).collect::<Vec<_>>());
    }

    #[test]
    fn long_field_lists_nest_tuples_of_at_most_twelve() {
        let items = |n: usize| (0..n).map(|i| quote!(#i));
        let flat = nest(items(12)).to_string();
        assert_eq!(flat.matches('(').count(), 1, "{flat}");
        let nested: syn::Type = syn::parse2(nest(items(30).map(|_| quote!(u8)))).unwrap();
        let syn::Type::Tuple(outer) = nested else {
            panic!()
        };
        let sizes: Vec<usize> = outer
            .elems
            .iter()
            .map(|e| match e {
                syn::Type::Tuple(t) => t.elems.len(),
                _ => 1,
            })
            .collect();
        assert_eq!(sizes, [12, 12, 6]);
        // 200 fields: 17 groups of 12 or fewer, then 2 groups of those.
        let deep = nest(items(200)).to_string();
        assert!(deep.starts_with("((("), "{deep}");
    }

    #[test]
    fn enums_decode_unknown_values_into_other() {
        let src = source("Lonely");
        assert!(src.contains(&squeeze("\"a\" => Self::A")), "{src}");
        let other = squeeze("_ => Self::Other(value.into_owned())");
        assert!(src.contains(&other), "{src}");
    }
}
