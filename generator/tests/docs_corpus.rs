//! Doc sanitising over every description in the Octokit corpus: block structure (paragraphs,
//! lists, items, tables, headings, code blocks) survives, and sanitising is idempotent.

use std::path::PathBuf;

use client_generator::codegen::sanitize_markdown;
use client_generator::parse::parse_dir;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// `$OCTOKIT_CORPUS`, else `<workspace>/../shared/...`, else the same from a worktree.
fn corpus_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("OCTOKIT_CORPUS") {
        return PathBuf::from(dir);
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        manifest.join("../../shared/corpus/octokit-docs"),
        manifest.join("../../../shared/corpus/octokit-docs"),
    ];
    let found = candidates.iter().find(|p| p.is_dir()).cloned();
    found.unwrap_or_else(|| {
        panic!("corpus missing: looked at {candidates:?} (or set OCTOKIT_CORPUS)")
    })
}

/// The block-level skeleton of a Markdown text.
fn blocks(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_GFM;
    Parser::new_ext(markdown, options)
        .filter_map(|e| match e {
            Event::Start(
                t @ (Tag::Paragraph
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)),
            ) => Some(format!("{:?}", std::mem::discriminant(&t))),
            _ => None,
        })
        .collect()
}

#[test]
fn sanitising_keeps_structure_and_is_idempotent_over_the_corpus() {
    let specs = parse_dir(&corpus_dir()).unwrap_or_else(|d| panic!("{d}"));
    let texts: Vec<&str> = specs
        .iter()
        .flat_map(|s| {
            std::iter::once(s.description.as_str())
                .chain(s.params.iter().map(|p| p.description.as_str()))
        })
        .collect();
    assert!(texts.len() > 5000, "only {} texts", texts.len());
    let mut changed = Vec::new();
    let mut unstable = Vec::new();
    for md in &texts {
        let once = sanitize_markdown(md);
        // Quotes become paragraphs and raw HTML blocks become text on purpose.
        if !md.contains('>') && blocks(md) != blocks(&once) {
            changed.push(format!("IN:\n{md}\nOUT:\n{once}"));
        }
        if sanitize_markdown(&once) != once {
            unstable.push(once);
        }
    }
    assert!(
        changed.is_empty(),
        "{} texts changed structure, e.g.\n{}",
        changed.len(),
        changed[0]
    );
    assert!(
        unstable.is_empty(),
        "{} texts not idempotent, e.g.\n{}",
        unstable.len(),
        unstable[0]
    );
}
