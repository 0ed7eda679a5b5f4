//! Rustdoc from spec text: Markdown sanitised through pulldown-cmark events so rustdoc stays
//! quiet (no doctests, no broken intra-doc links, no bare URLs, no raw HTML), emitted only as
//! `#[doc = "…"]` string literals built by `quote` — spec text can never become code.

use proc_macro2::TokenStream;
use pulldown_cmark::{
    BlockQuoteKind, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};
use quote::quote;

/// Markdown extensions understood when reading spec descriptions (rustdoc knows them too).
fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Distinct texts one thread keeps sanitised; past this the memo starts afresh.
const MEMO_LIMIT: usize = 50_000;

thread_local! {
    /// Sanitised text by spec text: one description is rendered for the method's docs, its
    /// setter and its field, and the same row text recurs across endpoints (`owner`, `repo`,
    /// `per_page`), so most calls are repeats.
    static SANITIZED: std::cell::RefCell<std::collections::HashMap<String, String>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Rewrite spec Markdown into Markdown that rustdoc renders without warnings or doctests.
pub fn sanitize(markdown: &str) -> String {
    if let Some(done) = SANITIZED.with(|memo| memo.borrow().get(markdown).cloned()) {
        return done;
    }
    let done = sanitize_uncached(markdown);
    SANITIZED.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.len() >= MEMO_LIMIT {
            memo.clear();
        }
        memo.insert(markdown.to_owned(), done.clone());
    });
    done
}

/// [`sanitize`] without the memo.
fn sanitize_uncached(markdown: &str) -> String {
    let text = markdown.replace("\r\n", "\n").replace('\r', "\n");
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut link_depth = 0usize;
    let mut in_code_block = false;
    // The label of a GitHub alert (`> [!WARNING]`) waiting for its first paragraph.
    let mut alert: Option<&'static str> = None;
    for event in Parser::new_ext(&text, parser_options() | Options::ENABLE_GFM) {
        match event {
            // Block quotes become plain paragraphs (the serialiser's quotes can swallow the
            // next paragraph); a GitHub alert keeps its kind as a bold label.
            Event::Start(Tag::BlockQuote(kind)) => alert = kind.map(alert_label),
            Event::End(TagEnd::BlockQuote(_)) => alert = None,
            Event::Start(Tag::Paragraph) if alert.is_some() => {
                events.push(Event::Start(Tag::Paragraph));
                events.push(Event::Start(Tag::Strong));
                events.push(Event::Text(CowStr::Borrowed(
                    alert.take().unwrap_or_default(),
                )));
                events.push(Event::End(TagEnd::Strong));
                events.push(Event::Text(CowStr::Borrowed(" ")));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                in_code_block = true;
                let text_kind = CodeBlockKind::Fenced(CowStr::Borrowed("text"));
                events.push(Event::Start(Tag::CodeBlock(text_kind)));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                events.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                link_depth += 1;
                events.push(Event::Start(relink(tag)));
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
                link_depth = link_depth.saturating_sub(1);
                events.push(Event::End(end));
            }
            // Raw HTML becomes visible text (escaped on output) — except line breaks.
            Event::Html(html) | Event::InlineHtml(html) => {
                if is_line_break(&html) {
                    events.push(Event::SoftBreak);
                } else if in_code_block {
                    events.push(Event::Text(html));
                } else {
                    let trimmed = html.trim_end_matches('\n').to_owned();
                    if !trimmed.is_empty() {
                        events.push(Event::Text(trimmed.into()));
                    }
                }
            }
            // HTML blocks become paragraphs so their (escaped) text is not raw HTML.
            Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::Paragraph)),
            Event::Text(t) if !in_code_block && link_depth == 0 => autolink_urls(t, &mut events),
            Event::FootnoteReference(name) => events.push(Event::Text(format!("[^{name}]").into())),
            other => events.push(other),
        }
    }
    let mut out = String::new();
    let options = pulldown_cmark_to_cmark::Options {
        code_block_token_count: 3,
        ..Default::default()
    };
    match pulldown_cmark_to_cmark::cmark_with_options(
        events.iter(),
        &mut out,
        parser_options(),
        options,
    ) {
        Ok(_) => out.trim().to_owned(),
        // An event stream the serialiser cannot represent: keep the words, drop the markup.
        Err(_) => plain_text(&events),
    }
}

/// The text of `events` with every Markdown-significant character escaped.
fn plain_text(events: &[Event<'_>]) -> String {
    let mut out = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => {
                for c in t.chars() {
                    if c.is_ascii_punctuation() {
                        out.push('\\');
                    }
                    out.push(c);
                }
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item) => {
                out.push_str("\n\n")
            }
            _ => {}
        }
    }
    out.trim().to_owned()
}

fn alert_label(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Note:",
        BlockQuoteKind::Tip => "Tip:",
        BlockQuoteKind::Important => "Important:",
        BlockQuoteKind::Warning => "Warning:",
        BlockQuoteKind::Caution => "Caution:",
    }
}

/// Keep links as inline links to their destination (reference definitions are not emitted).
fn relink(tag: Tag<'_>) -> Tag<'_> {
    match tag {
        Tag::Link {
            link_type: LinkType::Autolink | LinkType::Email,
            ..
        } => tag,
        Tag::Link {
            dest_url,
            title,
            id,
            ..
        } => Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            title,
            id,
        },
        Tag::Image {
            dest_url,
            title,
            id,
            ..
        } => Tag::Image {
            link_type: LinkType::Inline,
            dest_url,
            title,
            id,
        },
        other => other,
    }
}

fn is_line_break(html: &str) -> bool {
    let t = html.trim().to_ascii_lowercase().replace(' ', "");
    matches!(t.as_str(), "<br>" | "<br/>")
}

/// Split a text event so every bare `http(s)://` URL becomes an autolink (`<url>`).
fn autolink_urls<'a>(text: CowStr<'a>, events: &mut Vec<Event<'a>>) {
    let mut rest: &str = &text;
    if !rest.contains("http://") && !rest.contains("https://") {
        events.push(Event::Text(text));
        return;
    }
    let mut owned = Vec::new();
    while let Some(start) = find_url(rest) {
        let tail = &rest[start..];
        let mut end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
            .unwrap_or(tail.len());
        // Trailing punctuation belongs to the sentence, not the URL.
        while end > 0 && tail[..end].ends_with(['.', ',', ';', ':', '!', '?', ')', '\'']) {
            end -= 1;
        }
        if start > 0 {
            owned.push(Event::Text(rest[..start].to_owned().into()));
        }
        let url = tail[..end].to_owned();
        owned.push(Event::Start(Tag::Link {
            link_type: LinkType::Autolink,
            dest_url: url.clone().into(),
            title: CowStr::Borrowed(""),
            id: CowStr::Borrowed(""),
        }));
        owned.push(Event::Text(url.into()));
        owned.push(Event::End(TagEnd::Link));
        rest = &tail[end..];
        if end == 0 {
            break;
        }
    }
    if !rest.is_empty() {
        owned.push(Event::Text(rest.to_owned().into()));
    }
    events.extend(owned);
}

fn find_url(text: &str) -> Option<usize> {
    [text.find("https://"), text.find("http://")]
        .into_iter()
        .flatten()
        .min()
}

/// One `#[doc = "…"]` attribute per line of already-sanitised Markdown (tabs become spaces,
/// as clippy's `tabs_in_doc_comments` wants).
pub fn doc_attrs(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|line| {
        let line = line.replace('\t', "    ");
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Builder for the doc text of one item: paragraphs joined by blank lines.
#[derive(Debug, Default)]
pub struct Doc {
    parts: Vec<String>,
}

impl Doc {
    /// Add trusted Markdown written by the generator itself.
    pub fn raw(&mut self, markdown: impl Into<String>) -> &mut Self {
        let s = markdown.into();
        if !s.trim().is_empty() {
            self.parts.push(s);
        }
        self
    }

    /// Add Markdown from a spec (sanitised).
    pub fn spec(&mut self, markdown: &str) -> &mut Self {
        self.raw(sanitize(markdown))
    }

    pub fn tokens(&self) -> TokenStream {
        doc_attrs(&self.parts.join("\n\n"))
    }
}

/// Inline code span for trusted generator text that may contain backticks (a route never does).
pub fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// An intra-doc link `[`label`](path)` to a generated item; plain code when the path has a
/// raw identifier (`r#type`), which intra-doc links cannot name.
pub fn link(label: &str, path: &str) -> String {
    if path.contains("r#") {
        code(label)
    } else {
        format!("[{}]({path})", code(label))
    }
}

/// Sanitised spec Markdown as the body of a `- ` list item: the first paragraph follows the
/// item marker, every further line is indented two spaces so lists, code blocks and paragraphs
/// stay inside the item (no lazy continuation lines).
pub fn list_item(markdown: &str) -> String {
    let s = sanitize(markdown);
    let starts_block = |line: &str| {
        let t = line.trim_start();
        t.starts_with("```")
            || t.starts_with("* ")
            || t.starts_with("- ")
            || t.starts_with("+ ")
            || t.starts_with('#')
            || t.starts_with('|')
            || t.starts_with('>')
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut out = String::new();
    for (i, line) in s.lines().enumerate() {
        if i == 0 && !starts_block(line) {
            out.push_str(line);
            continue;
        }
        out.push('\n');
        if !line.is_empty() {
            out.push_str("  ");
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_texts_come_from_the_memo_unchanged() {
        let texts = [
            "The account owner. <b>Bold</b> and https://x.y/z.",
            "> [!NOTE]\n> Beta.\n\nA list:\n\n- a\n- b",
            "",
            "Plain.",
        ];
        for t in texts {
            let first = sanitize(t);
            assert_eq!(first, sanitize_uncached(t));
            assert_eq!(sanitize(t), first);
        }
    }

    #[test]
    fn code_blocks_become_text() {
        let s = sanitize("Example:\n\n```js\nlet x = 1;\n```\n\n    indented code\n");
        assert!(s.contains("```text\nlet x = 1;\n```"), "{s}");
        assert!(s.contains("```text\nindented code\n```"), "{s}");
        assert!(!s.contains("```js"), "{s}");
    }

    #[test]
    fn broken_reference_links_are_escaped() {
        let s = sanitize("Use [x] or [the thing][nowhere] here.");
        assert!(s.contains(r"\[x\]"), "{s}");
        assert!(s.contains(r"\[the thing\]\[nowhere\]"), "{s}");
    }

    #[test]
    fn resolved_reference_links_become_inline() {
        let s = sanitize("See [docs][d].\n\n[d]: https://docs.github.com/x\n");
        assert_eq!(s, "See [docs](https://docs.github.com/x).");
    }

    #[test]
    fn bare_urls_are_wrapped() {
        let s = sanitize("Go to https://api.github.com/foo. Or [a](https://x.y/z).");
        assert!(s.contains("<https://api.github.com/foo>."), "{s}");
        assert!(s.contains("[a](https://x.y/z)"), "{s}");
    }

    #[test]
    fn raw_html_is_escaped() {
        let s = sanitize("Set <owner> or <b>bold</b> text.<br/>Next\n\n<details>\n<summary>x</summary>\n</details>\n");
        let unescaped = s
            .match_indices('<')
            .filter(|(i, _)| !s[..*i].ends_with('\\'));
        assert_eq!(unescaped.count(), 0, "{s}");
        assert!(s.contains(r"\<owner>"), "{s}");
        assert!(s.contains(r"\<b>bold\</b>"), "{s}");
        assert!(!s.contains("<br"), "{s}");
        assert!(s.contains(r"\<details>"), "{s}");
    }

    #[test]
    fn comment_and_attribute_lookalikes_stay_text() {
        let md = "Ends a comment */ and \"# raw string\"# and #[attr] and /* open";
        let tokens = Doc::default().spec(md).tokens();
        let item: syn::ItemStruct = syn::parse2(quote!(#tokens struct S;)).unwrap();
        assert_eq!(item.attrs.len(), 1);
        let file = syn::parse2::<syn::File>(quote!(#tokens pub struct S;)).unwrap();
        let printed = prettyplease::unparse(&file);
        let reparsed: syn::File = syn::parse_str(&printed).unwrap();
        assert_eq!(reparsed.items.len(), 1, "{printed}");
        let doc = match &reparsed.items[0] {
            syn::Item::Struct(s) => s.attrs.len(),
            _ => 0,
        };
        assert_eq!(doc, 1, "{printed}");
        assert!(printed.contains("*/"), "{printed}");
    }

    #[test]
    fn quotes_and_alerts_become_paragraphs() {
        let s = sanitize("> [!WARNING]\n> Closing down.\n\nAfter.\n\n> Quoted\n> text.");
        assert_eq!(s, "**Warning:** Closing down.\n\nAfter.\n\nQuoted\ntext.");
    }

    #[test]
    fn list_items_keep_blocks_inside_the_item() {
        assert_eq!(list_item("One.\n\nTwo\nthree."), "One.\n\n  Two\n  three.");
        assert_eq!(
            list_item("Values:\n\n* `a`\n* `b`"),
            "Values:\n\n  * `a`\n  * `b`"
        );
        assert_eq!(
            list_item("```\nx\n\ny\n```"),
            "\n  ```text\n  x\n\n  y\n  ```"
        );
        assert_eq!(list_item(""), "");
    }
}
