//! Spec text can never become code. The valid catalogue cases (`tests/hostile-specs/doc-*`,
//! …) put `*/`, `"#`, `#[`, `</td>`, code fences and unbalanced braces into titles,
//! descriptions and cells. Their generated crates must parse with `syn`; each `doc-only:`
//! text must occur only inside `#[doc = "…"]` values; no doc block may hold a code block
//! rustdoc would run as a doctest; and the crate of all valid cases together must
//! `cargo check`.

#[path = "../../tests/support/hostile.rs"]
#[allow(dead_code)]
mod hostile;

use std::path::{Path, PathBuf};
use std::process::Command;

use client_generator::codegen::GeneratedFile;
use client_generator::Config;
use hostile::{cases, Case, Expect};
use proc_macro2::{Delimiter, TokenStream, TokenTree};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
use quote::ToTokens;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn valid_cases() -> Vec<(Case, Vec<String>)> {
    cases(&root().join("tests/hostile-specs"))
        .into_iter()
        .filter_map(|c| match &c.expect {
            Expect::Valid { doc_only } => {
                let d = doc_only.clone();
                Some((c, d))
            }
            Expect::Errors(_) => None,
        })
        .collect()
}

fn render(specs: &Path) -> Vec<GeneratedFile> {
    Config::new()
        .specs(specs)
        .render()
        .unwrap_or_else(|d| panic!("{} must generate:\n{d}", specs.display()))
}

/// What a walk over a file's tokens found.
#[derive(Default)]
struct Findings {
    /// Doc blocks: the values of consecutive `#[doc]` attributes, joined by newlines.
    docs: Vec<String>,
    /// Every identifier and every non-doc literal, as written.
    code: Vec<String>,
}

/// Collects doc attribute values (grouped per item) and all other identifiers and literals.
fn walk(tokens: TokenStream, found: &mut Findings, in_block: &mut bool) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < tokens.len() {
        // `#` [`!`] `[doc = "…"]`
        if let TokenTree::Punct(p) = &tokens[i] {
            if p.as_char() == '#' {
                let bang =
                    matches!(&tokens.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == '!');
                let at = i + 1 + usize::from(bang);
                if let Some(doc) = tokens.get(at).and_then(doc_value) {
                    match (found.docs.last_mut(), *in_block) {
                        (Some(last), true) => {
                            last.push('\n');
                            last.push_str(&doc);
                        }
                        _ => found.docs.push(doc),
                    }
                    *in_block = true;
                    i = at + 1;
                    continue;
                }
            }
        }
        *in_block = false;
        match &tokens[i] {
            TokenTree::Group(g) => walk(g.stream(), found, &mut false),
            TokenTree::Ident(id) => found.code.push(id.to_string()),
            TokenTree::Literal(lit) => found.code.push(lit.to_string()),
            TokenTree::Punct(_) => {}
        }
        i += 1;
    }
}

/// The string of a `[doc = "…"]` group.
fn doc_value(tree: &TokenTree) -> Option<String> {
    let TokenTree::Group(g) = tree else {
        return None;
    };
    if g.delimiter() != Delimiter::Bracket {
        return None;
    }
    let attr: syn::MetaNameValue = syn::parse2(g.stream()).ok()?;
    if !attr.path.is_ident("doc") {
        return None;
    }
    match attr.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.value()),
        _ => None,
    }
}

/// Code blocks rustdoc would compile (anything but a fenced block marked `text`), with their
/// contents.
fn doctests(doc: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for e in Parser::new(doc) {
        match e {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.split([',', ' ']).any(|w| w == "text" || w == "ignore") => {}
            Event::Start(Tag::CodeBlock(kind)) => {
                current = Some((format!("{kind:?}"), String::new()))
            }
            Event::Text(t) => {
                if let Some((_, body)) = &mut current {
                    body.push_str(&t);
                }
            }
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// The crate-level usage example the generator writes into `src/lib.rs` on purpose: a
/// `no_run` doctest that builds a client; it may not carry any text from the specs.
fn is_generated_example(file: &str, kind: &str, body: &str) -> bool {
    // The crate example in lib.rs, and the runtime's own examples (hand-written, copied as is).
    (file.ends_with("src/lib.rs") && kind.contains("no_run") && body.contains("Client::builder()"))
        || (file.contains("src/runtime/") && kind.contains("no_run"))
}

#[test]
fn hostile_text_stays_inside_doc_attributes() {
    let cases = valid_cases();
    assert!(cases.len() >= 6, "too few valid hostile cases");
    let mut failures = Vec::new();
    for (case, sentinels) in &cases {
        let mut docs = String::new();
        for file in render(&case.dir) {
            let name = format!("{}: {}", case.name, file.path.display());
            if file.path.extension().is_none_or(|e| e != "rs") {
                for s in sentinels
                    .iter()
                    .filter(|s| file.contents.contains(s.as_str()))
                {
                    failures.push(format!("{name}: `{s}` outside Rust code"));
                }
                continue;
            }
            let parsed = match syn::parse_file(&file.contents) {
                Ok(parsed) => parsed,
                Err(e) => {
                    failures.push(format!("{name}: does not parse: {e}"));
                    continue;
                }
            };
            let mut found = Findings::default();
            walk(parsed.to_token_stream(), &mut found, &mut false);
            for token in &found.code {
                if let Some(s) = sentinels.iter().find(|s| token.contains(s.as_str())) {
                    failures.push(format!("{name}: `{s}` escaped into code: {token}"));
                }
            }
            for doc in &found.docs {
                for (kind, body) in doctests(doc) {
                    if is_generated_example(&name, &kind, &body)
                        && !sentinels.iter().any(|s| body.contains(s.as_str()))
                    {
                        continue;
                    }
                    failures.push(format!(
                        "{name}: doc block would run a doctest ({kind}):\n{doc}"
                    ));
                }
                docs.push_str(doc);
            }
        }
        for s in sentinels.iter().filter(|s| !docs.contains(s.as_str())) {
            failures.push(format!("{}: `{s}` is missing from the docs", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_checker_sees_injected_code() {
    let file =
        "/// fine `evil()`\n#[doc = \"also fine evil()\"]\nfn f() { evil(); let s = \"evil\"; }\n";
    let parsed = syn::parse_file(file).unwrap();
    let mut found = Findings::default();
    walk(parsed.to_token_stream(), &mut found, &mut false);
    assert_eq!(found.docs, [" fine `evil()`\nalso fine evil()"]);
    assert_eq!(found.code.iter().filter(|t| t.contains("evil")).count(), 2);
    assert_eq!(
        doctests("x\n\n```\nrun();\n```\n\n    indented();\n").len(),
        2
    );
    assert!(doctests("```text\nshown();\n```\n").is_empty());
}

/// All valid cases in one crate, checked by rustc.
#[test]
fn generated_crate_of_all_valid_cases_compiles() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = tmp.path().join("specs");
    for (case, _) in valid_cases() {
        hostile::copy_tree(&case.dir, &specs);
    }
    let out = tmp.path().join("crate");
    Config::new()
        .specs(&specs)
        .out(&out)
        .generate()
        .unwrap_or_else(|d| panic!("{d}"));
    std::fs::copy(root().join("Cargo.lock"), out.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--lib"])
        .current_dir(&out)
        // Shared with the root package's generated-crate checks (same flags): dependencies
        // compile once.
        .env("CARGO_TARGET_DIR", root().join("target/corpus-check"))
        .env("RUSTFLAGS", "-D warnings")
        .env("RUSTDOCFLAGS", "-D warnings")
        .env("CARGO_NET_OFFLINE", "true")
        .output()
        .expect("run cargo check");
    assert!(
        output.status.success(),
        "the generated crate does not compile:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
