//! `use` items instead of repeated paths: in one module, `crate::runtime::Client`,
//! `::serde::Serialize` or `::std::fmt::Debug` become `Client`, `Serialize`, `fmt::Debug`
//! under a `use` line, unless the short name could mean something else there.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Delimiter, Group, Ident, Spacing, TokenStream, TokenTree};

use super::types::PRELUDE;

/// The paths whose next segment is imported, longest first (`""` is a leading `::`).
const PREFIXES: &[&[&str]] = &[
    &["crate", "runtime", "__private"],
    &["crate", "runtime"],
    &["crate", "models"],
    &["crate", "params"],
    &["", "std", "collections"],
    &["", "std"],
    &["", "serde"],
    &["", "serde_json"],
    &["", "bytes"],
];

/// Words that are never imported (keywords a path segment can be).
const KEYWORDS: &[&str] = &["self", "super", "crate", "Self"];

/// Keywords after which a leading `::` starts a path (after any other word it continues one).
const BEFORE_PATH: &[&str] = &[
    "as", "const", "dyn", "else", "for", "if", "impl", "in", "let", "match", "move", "mut", "ref",
    "return", "static", "type", "unsafe", "use", "where",
];

/// `body`, the items of the module at path `local` (`crate::repos::get`; may be empty), with
/// the `use` items it needs first, paths to its own items written from inside it, and the
/// imported paths shortened; `extra` adds imports no path shows
/// (`("crate::runtime::__private", "RequestExt as _")` for trait methods).
pub fn with_imports(body: TokenStream, local: &str, extra: &[(&str, &str)]) -> TokenStream {
    debug_assert!(local.is_empty() || local.starts_with("crate::"), "{local}");
    let mut prefixes: Vec<Vec<&str>> = PREFIXES.iter().map(|p| p.to_vec()).collect();
    if !local.is_empty() {
        prefixes.push(local.split("::").collect());
    }
    // Longest first, so `crate::runtime::__private::X` is not read as `crate::runtime::X`.
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let local = prefixes.iter().position(|p| p.join("::") == local);
    let cx = Cx {
        prefixes: &prefixes,
        local,
    };
    let mut scan = Scan::default();
    let tokens: Vec<TokenTree> = body.into_iter().collect();
    scan.walk(&cx, &tokens);
    let chosen = scan.chosen();
    let mut shortened = chosen.clone();
    shortened.extend(
        scan.reexported
            .iter()
            .map(|(name, prefix)| (name.clone(), *prefix)),
    );
    let rewritten = rewrite(&cx, tokens, &shortened, &scan.groups, &mut 0);
    let mut groups: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for (name, prefix) in &chosen {
        groups.entry(*prefix).or_default().insert(name.clone());
    }
    for (path, item) in extra {
        let index = prefixes
            .iter()
            .position(|p| p.join("::") == *path)
            .expect("an extra import names one of PREFIXES");
        groups.entry(index).or_default().insert((*item).to_owned());
    }
    let mut uses: Vec<(bool, String, String)> = groups
        .into_iter()
        .map(|(index, names)| {
            let prefix = &prefixes[index];
            // `use std::fmt;` unless the module defines or names a module `std` (an endpoint's
            // module, named in its method's return type).
            let local = |name: &str| scan.defined.contains(name) || scan.heads.contains(name);
            let path = match prefix.first() {
                Some(&"") if !local(prefix[1]) => prefix[1..].join("::"),
                _ => prefix.join("::"),
            };
            let mut names: Vec<String> = names.into_iter().collect();
            // Modules before types, as rustfmt orders them.
            names.sort_by_key(|n| (n.starts_with(char::is_uppercase), n.clone()));
            let list = match names.as_slice() {
                [one] => one.clone(),
                _ => format!("{{{}}}", names.join(", ")),
            };
            (prefix[0] == "crate", path, list)
        })
        .collect();
    uses.sort();
    let mut out: TokenStream = uses
        .iter()
        .map(|(_, path, list)| format!("use {path}::{list};"))
        .collect::<String>()
        .parse()
        .expect("use items parse");
    out.extend(rewritten);
    out
}

/// The prefixes of one module, and which one is the module itself (written from inside).
struct Cx<'a> {
    prefixes: &'a [Vec<&'a str>],
    local: Option<usize>,
}

/// What a module's tokens hold: the imports it could use and the names it uses otherwise.
#[derive(Default)]
struct Scan {
    /// Each name found right after a prefix, with the prefixes it was found after.
    found: BTreeMap<String, BTreeSet<usize>>,
    /// Words outside those paths (other than method, field and function names): an import of
    /// one of these could change what the word means.
    others: BTreeSet<String>,
    /// Words outside those paths that start a path (`x::`): a lower-case import (a module)
    /// could only change these, as other lower-case words are values.
    heads: BTreeSet<String>,
    /// Names the module defines in the type namespace (`mod std`, `struct Key`).
    defined: BTreeSet<String>,
    /// Each group in the order met: whether a prefix occurs in it, and how many groups it
    /// holds, so the rewrite keeps a group without one as it is.
    groups: Vec<(bool, usize)>,
    /// Names a `pub use prefix::Name;` of the module brings in under their own name: written
    /// short elsewhere, never imported a second time.
    reexported: BTreeMap<String, usize>,
}

impl Scan {
    /// Whether a prefix occurs in `tokens` (at any depth).
    fn walk(&mut self, cx: &Cx, tokens: &[TokenTree]) -> bool {
        let mut any = false;
        let mut i = 0;
        while i < tokens.len() {
            if let Some((prefix, len)) = prefix_at(cx.prefixes, tokens, i) {
                any = true;
                let name = ident_at(tokens, i + len).expect("a prefix match ends before a name");
                let continues = path_sep_at(tokens, i + len + 1);
                let after_use = matches!(i.checked_sub(1).map(|p| &tokens[p]),
                    Some(TokenTree::Ident(w)) if w == "use");
                let renamed =
                    matches!(tokens.get(i + len + 1), Some(TokenTree::Ident(w)) if w == "as");
                if after_use && !continues && !renamed {
                    self.reexported.insert(name, prefix);
                    i += len + 1;
                    continue;
                }
                // A lower-case leaf is a function (`serde_json::to_string`): kept qualified.
                if cx.local != Some(prefix) && (continues || name.starts_with(char::is_uppercase)) {
                    self.found.entry(name).or_default().insert(prefix);
                }
                // The rest of the path is qualified by the imported name.
                i += len + 1;
                while path_sep_at(tokens, i) && ident_at(tokens, i + 2).is_some() {
                    i += 3;
                }
                continue;
            }
            match &tokens[i] {
                TokenTree::Group(g) => {
                    let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                    let at = self.groups.len();
                    self.groups.push((false, 0));
                    let found = self.walk(cx, &inner);
                    self.groups[at] = (found, self.groups.len() - at - 1);
                    any |= found;
                }
                TokenTree::Ident(id) => {
                    let word = id.to_string();
                    let previous = i.checked_sub(1).map(|p| &tokens[p]);
                    let member = matches!(previous, Some(TokenTree::Punct(p)) if p.as_char() == '.')
                        || matches!(previous, Some(TokenTree::Ident(p)) if p == "fn");
                    if matches!(previous, Some(TokenTree::Ident(p))
                        if ["mod", "struct", "enum", "type", "trait", "union"].iter().any(|k| p == k))
                    {
                        self.defined.insert(word.clone());
                    }
                    if path_sep_at(tokens, i + 1) {
                        self.heads.insert(word.clone());
                    }
                    if !member {
                        self.others.insert(word);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        any
    }

    /// The names to import, each with its prefix: found after one prefix only, and neither
    /// a prelude name nor a word the module uses otherwise (for a module: as a path's start
    /// or a module's name).
    fn chosen(&self) -> BTreeMap<String, usize> {
        self.found
            .iter()
            .filter(|(name, prefixes)| {
                let clash = match name.starts_with(char::is_lowercase) {
                    true => self.heads.contains(*name) || self.defined.contains(*name),
                    false => self.others.contains(*name),
                };
                prefixes.len() == 1
                    && !clash
                    && !self.reexported.contains_key(*name)
                    && !PRELUDE.contains(&name.as_str())
                    && !KEYWORDS.contains(&name.as_str())
            })
            .map(|(name, prefixes)| (name.clone(), *prefixes.first().expect("one prefix")))
            .collect()
    }
}

/// `tokens` with each `prefix::name` of `chosen`, and each path to a local item, written `name`.
fn rewrite(
    cx: &Cx,
    tokens: Vec<TokenTree>,
    chosen: &BTreeMap<String, usize>,
    groups: &[(bool, usize)],
    next: &mut usize,
) -> Vec<TokenTree> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        // A `use` item keeps its path: `pub use crate::models::X as Y;` re-exports, and a
        // re-export of a private import would not compile.
        let after_use =
            matches!(i.checked_sub(1).map(|p| &tokens[p]), Some(TokenTree::Ident(w)) if w == "use");
        if let Some((prefix, len)) = prefix_at(cx.prefixes, &tokens, i).filter(|_| !after_use) {
            let name = ident_at(&tokens, i + len).expect("a prefix match ends before a name");
            if cx.local == Some(prefix) || chosen.get(&name) == Some(&prefix) {
                out.push(tokens[i + len].clone());
                i += len + 1;
                continue;
            }
            // Not imported: keep the prefix as written.
            out.extend(tokens[i..i + len].iter().cloned());
            i += len;
            continue;
        }
        match &tokens[i] {
            TokenTree::Group(g) => {
                let (found, holds) = groups[*next];
                *next += 1;
                if !found {
                    // Nothing to shorten inside: the group as it is (a cheap clone).
                    *next += holds;
                    out.push(tokens[i].clone());
                    i += 1;
                    continue;
                }
                let inner = rewrite(cx, g.stream().into_iter().collect(), chosen, groups, next);
                let mut group = Group::new(g.delimiter(), inner.into_iter().collect());
                group.set_span(g.span());
                out.push(TokenTree::Group(group));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out
}

/// The prefix (index into `prefixes`) starting at `i` and its length in tokens, when a name
/// follows it and it starts a path there.
fn prefix_at(prefixes: &[Vec<&str>], tokens: &[TokenTree], i: usize) -> Option<(usize, usize)> {
    // Every prefix starts with `crate` or a leading `::`: most tokens are neither.
    match tokens.get(i) {
        Some(TokenTree::Ident(w)) if w == "crate" => {}
        Some(token) if is_colon(token) => {}
        _ => return None,
    }
    prefixes.iter().enumerate().find_map(|(index, prefix)| {
        let mut at = i;
        for (n, segment) in prefix.iter().enumerate() {
            if segment.is_empty() {
                if !path_sep_at(tokens, at) || !starts_path(tokens, i) {
                    return None;
                }
                at += 2;
                continue;
            }
            if n > 0 && !prefix[n - 1].is_empty() {
                if !path_sep_at(tokens, at) {
                    return None;
                }
                at += 2;
            }
            if !matches!(tokens.get(at), Some(TokenTree::Ident(w)) if w == segment) {
                return None;
            }
            // `crate` at the start only when nothing qualifies it (`x: crate::…` is fine).
            if n == 0 && i >= 2 && is_colon(&tokens[i - 1]) && path_sep_at(tokens, i - 2) {
                return None;
            }
            at += 1;
        }
        if !path_sep_at(tokens, at) {
            return None;
        }
        ident_at(tokens, at + 2).map(|_| (index, at + 2 - i))
    })
}

/// A leading `::` at `i` starts a path (it does not continue one, as in `a::b`).
fn starts_path(tokens: &[TokenTree], i: usize) -> bool {
    match i.checked_sub(1).map(|p| &tokens[p]) {
        None => true,
        Some(TokenTree::Ident(word)) => BEFORE_PATH.contains(&word.to_string().as_str()),
        // `-> ::std::…` and `impl<'de> ::serde::…` start a path; `<T as X>::f` and
        // `f::<T>::g` continue one.
        Some(TokenTree::Punct(p)) if p.as_char() == '>' => {
            let arrow = matches!(i.checked_sub(2).map(|p| &tokens[p]),
                Some(TokenTree::Punct(q)) if q.as_char() == '-' && q.spacing() == Spacing::Joint);
            arrow || after_impl_generics(tokens, i - 1)
        }
        // `x: ::std::…` starts one (a lone `:`); `a:: ::b` is not Rust.
        Some(TokenTree::Punct(p)) if p.as_char() == ':' => {
            p.spacing() == Spacing::Alone
                && !matches!(i.checked_sub(2).map(|p| &tokens[p]),
                    Some(TokenTree::Punct(q)) if q.as_char() == ':' && q.spacing() == Spacing::Joint)
        }
        Some(TokenTree::Punct(_)) => true,
        Some(TokenTree::Group(g)) => g.delimiter() == Delimiter::None,
        Some(TokenTree::Literal(_)) => true,
    }
}

/// The `>` at `close` ends the generics of an `impl`.
fn after_impl_generics(tokens: &[TokenTree], close: usize) -> bool {
    let mut depth = 0usize;
    for at in (0..=close).rev() {
        match &tokens[at] {
            TokenTree::Punct(p) if p.as_char() == '>' => depth += 1,
            TokenTree::Punct(p) if p.as_char() == '<' => {
                depth -= 1;
                if depth == 0 {
                    return matches!(at.checked_sub(1).map(|b| &tokens[b]),
                        Some(TokenTree::Ident(word)) if word == "impl");
                }
            }
            _ => {}
        }
    }
    false
}

fn is_colon(token: &TokenTree) -> bool {
    matches!(token, TokenTree::Punct(p) if p.as_char() == ':')
}

/// `::` at `i`.
fn path_sep_at(tokens: &[TokenTree], i: usize) -> bool {
    matches!(
        (tokens.get(i), tokens.get(i + 1)),
        (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
            if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':'
    )
}

fn ident_at(tokens: &[TokenTree], i: usize) -> Option<String> {
    match tokens.get(i) {
        Some(TokenTree::Ident(id)) => Some(Ident::to_string(id)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn squeeze(tokens: TokenStream) -> String {
        tokens.to_string().split_whitespace().collect()
    }

    #[test]
    fn repeated_paths_become_one_use_line_each() {
        let body = quote! {
            pub struct B<'c> { client: &'c crate::runtime::Client }
            impl<'de> ::serde::Deserialize<'de> for B<'_> {}
            impl ::std::fmt::Debug for B<'_> {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { Ok(()) }
            }
            fn build(c: &crate::runtime::Client) -> crate::runtime::Request<'_> {
                crate::runtime::Request::at(c, crate::runtime::Method::Get, "/x",
                    &[crate::runtime::__private::PathValue::Segment("a")])
            }
            fn send() -> crate::runtime::ValueFuture<'static, Vec<crate::models::Issue>> {
                todo(crate::runtime::__private::decode::json)
            }
            pub enum State { Open }
            fn state(s: crate::repos::get::State, m: ::std::collections::BTreeMap<String, u8>) {}
        };
        let out = squeeze(with_imports(
            body,
            "crate::repos::get",
            &[("crate::runtime::__private", "RequestExt as _")],
        ));
        for needle in [
            "useserde::Deserialize;",
            "usestd::fmt;",
            "usecrate::runtime::{Client,Method,Request,ValueFuture};",
            "usecrate::runtime::__private::{decode,PathValue,RequestExtas_};",
            "usecrate::models::Issue;",
            "client:&'cClient}",
            "implfmt::DebugforB<'_>",
            "impl<'de>Deserialize<'de>forB<'_>",
            "Request::at(c,Method::Get,\"/x\",&[PathValue::Segment(\"a\")])",
            "ValueFuture<'static,Vec<Issue>>",
            "todo(decode::json)",
            // The module's own items are written as from inside it.
            "fnstate(s:State,m:BTreeMap<String,u8>)",
            "usestd::collections::BTreeMap;",
        ] {
            assert!(out.contains(needle), "{needle} missing in {out}");
        }
        assert!(!out.contains("crate::runtime::Client"), "{out}");
        // `std` first, then the crate's own modules.
        assert!(out.find("usestd").unwrap() < out.find("usecrate").unwrap());
    }

    #[test]
    fn a_name_the_module_uses_otherwise_stays_qualified() {
        // A local `Method` enum, a model `Page` next to the runtime's `Page`, a variant
        // named like a model: none of them may be shadowed.
        let body = quote! {
            pub enum Method { Get }
            fn a(x: crate::runtime::Method, p: crate::runtime::Page, q: crate::models::Page) {}
            fn b() -> crate::models::Label { Self::Label }
            fn c() -> crate::runtime::Result<()> {}
        };
        let out = squeeze(with_imports(body, "", &[]));
        assert!(out.contains("x:crate::runtime::Method"), "{out}");
        assert!(
            out.contains("p:crate::runtime::Page,q:crate::models::Page"),
            "{out}"
        );
        assert!(out.contains("->crate::models::Label"), "{out}");
        // `Result` is the prelude's wherever generated code writes it bare.
        assert!(out.contains("->crate::runtime::Result<()>"), "{out}");
        assert!(!out.contains("use"), "{out}");
    }

    #[test]
    fn functions_and_continued_paths_are_left_alone() {
        let body = quote! {
            fn f(v: &::serde_json::Value) -> String { ::serde_json::to_string(v).unwrap_or_default() }
            fn g() { <D::Error as ::serde::de::Error>::custom("x"); a::std::b(); }
            #[derive(::serde::Serialize)] #[serde(untagged)] enum E { A(::bytes::Bytes) }
        };
        let out = squeeze(with_imports(body, "", &[]));
        assert!(out.contains("::serde_json::to_string(v)"), "{out}");
        assert!(out.contains("usebytes::Bytes;"), "{out}");
        assert!(out.contains("useserde::{de,Serialize};"), "{out}");
        assert!(out.contains("useserde_json::Value;"), "{out}");
        assert!(
            out.contains("<D::Erroras de::Error>::custom")
                || out.contains("<D::Errorasde::Error>::custom"),
            "{out}"
        );
        assert!(out.contains("a::std::b()"), "{out}");
        assert!(out.contains("#[derive(Serialize)]"), "{out}");
    }

    #[test]
    fn a_module_import_is_not_shadowed_by_a_value_of_its_name() {
        // A field and a lifetime named like the modules: values, not paths.
        let body = quote! {
            pub struct M<'de> { pub model: Option<&'de str> }
            fn f(&self) { crate::runtime::__private::model::Skip(&self.model); <E as ::serde::de::Error>::custom("x"); }
            mod decode {}
            fn g() { crate::runtime::__private::decode::json; }
        };
        let out = squeeze(with_imports(body, "", &[]));
        assert!(
            out.contains("usecrate::runtime::__private::model;"),
            "{out}"
        );
        assert!(out.contains("model::Skip(&self.model)"), "{out}");
        assert!(out.contains("useserde::de;"), "{out}");
        // A module of that name is a clash.
        assert!(
            out.contains("crate::runtime::__private::decode::json"),
            "{out}"
        );
    }

    #[test]
    fn a_re_export_keeps_its_path() {
        let body = quote! {
            pub use crate::models::ReactionContent as Content;
            fn f(c: crate::models::ReactionContent, i: crate::models::Issue) {}
        };
        let out = squeeze(with_imports(body, "", &[]));
        assert!(
            out.contains("pubusecrate::models::ReactionContentasContent;"),
            "{out}"
        );
        // Elsewhere the name is imported; a re-export under its own name is not imported
        // again, and other paths to it are written short.
        let body = quote! {
            pub use crate::params::Direction;
            fn g(d: crate::params::Direction) {}
        };
        let again = squeeze(with_imports(body, "", &[]));
        assert_eq!(again, "pubusecrate::params::Direction;fng(d:Direction){}");
        assert!(out.contains("c:ReactionContent"), "{out}");
        assert!(
            out.contains("usecrate::models::{Issue,ReactionContent};"),
            "{out}"
        );
    }

    #[test]
    fn a_module_named_like_a_crate_keeps_the_leading_colons() {
        let body = quote! {
            pub mod serde {}
            impl ::serde::Serialize for X {}
        };
        let out = squeeze(with_imports(body, "", &[]));
        assert!(out.contains("use::serde::Serialize;"), "{out}");
        // A scope's head names its endpoints' modules only in return types.
        let body = quote! {
            fn bytes(&self) -> bytes::Bytes2 {}
            fn raw(&self) -> ::bytes::Bytes {}
        };
        let out = squeeze(with_imports(body, "", &[]));
        assert!(out.contains("use::bytes::Bytes;"), "{out}");
    }
}
