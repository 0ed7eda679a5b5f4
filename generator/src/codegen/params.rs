//! Shared parameter enums → `src/params/`: a file per scope for the enums only its endpoints
//! use (behind its feature) and `shared.rs`, always compiled, for those of several scopes.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::Doc;
use super::imports::with_imports;
use super::naming::ident;
use super::param_plan::{ParamEnums, SharedEnum};
use super::types::enum_item;

/// Uses listed by name in an enum's docs; more are counted.
const LISTED_USES: usize = 6;

const SHARED: &str = "shared";

/// The `params` files (path, tokens); none when no enum is shared (model enums live in
/// `models`).
pub fn params_files(shared: &ParamEnums) -> Vec<(String, TokenStream)> {
    let mut groups: BTreeMap<&str, Vec<&SharedEnum>> = BTreeMap::new();
    for e in shared.enums.iter().filter(|e| !e.model) {
        let module = match e.scopes.iter().collect::<Vec<_>>().as_slice() {
            [one] => one.as_str(),
            _ => SHARED,
        };
        groups.entry(module).or_default().push(e);
    }
    if groups.is_empty() {
        return Vec::new();
    }
    let mut files = Vec::new();
    let mut decls = Vec::new();
    for (module, enums) in &groups {
        let in_shared = *module == SHARED;
        let items = enums.iter().map(|e| shared_item(e));
        let body = with_imports(quote!(#(#items)*), "", &[]);
        // Unused, an enum costs next to nothing (its methods are `#[inline]` or generic), so
        // the shared ones need no `cfg` each.
        let doc = if in_shared {
            " Parameter enums of several scopes (compiled with any feature or none).".to_owned()
        } else {
            format!(" Parameter enums that only the `{module}` endpoints use (feature `{module}`).")
        };
        files.push((
            format!("src/params/{module}.rs"),
            quote! {
                #![doc = #doc]
                #body
            },
        ));
        let id = ident(module);
        let cfg = (!in_shared).then(|| quote!(#[cfg(feature = #module)]));
        // `shared` holds nothing when no scope feature is on: its glob then imports nothing.
        let allow = in_shared.then(|| quote!(#[allow(unused_imports)]));
        decls.push(quote! {
            #cfg mod #id;
            #cfg #allow pub use #id::*;
        });
    }
    files.push((
        "src/params/mod.rs".to_owned(),
        quote! {
            #![doc = " Enums of parameter values that several methods take: one type per idea and set of"]
            #![doc = " values (`Direction` is `asc` or `desc` wherever it is taken). Each keeps unknown"]
            #![doc = " values in `Other`. An endpoint's module re-exports the ones it uses under its own"]
            #![doc = " name (`issues::list_for_repo::State`)."]
            #(#decls)*
        },
    ));
    files
}

/// One shared enum with its docs: the values and where it is taken.
pub fn shared_item(e: &SharedEnum) -> TokenStream {
    let name = format_ident!("{}", e.name);
    let mut doc = Doc::default();
    if let Some(d) = &e.description {
        doc.spec(d);
    }
    let params: Vec<String> = e.params.iter().map(|p| format!("`{p}`")).collect();
    let mut uses: Vec<String> = e
        .uses
        .iter()
        .take(LISTED_USES)
        .map(|u| format!("`{u}`"))
        .collect();
    if e.uses.len() > LISTED_USES {
        uses.push(format!("and {} more", e.uses.len() - LISTED_USES));
    }
    doc.raw(format!(
        "The {} parameter of {}.",
        params.join(" / "),
        uses.join(", ")
    ));
    let doc = doc.tokens();
    let item = enum_item(&name, &e.values, "");
    quote!(#doc #item)
}
