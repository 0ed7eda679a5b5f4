//! Splits the Markdown body into its top-level blocks with `pulldown-cmark`, keeping each
//! block's byte range so later steps can slice the source and compute line numbers.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// What kind of top-level block this is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `#`…`######` (or setext) heading, by level 1–6.
    Heading(u8),
    Paragraph,
    /// Fenced or indented code; the info string's first word (`js`), empty if none.
    Code(String),
    /// A raw HTML block (table markup is seen as these).
    Html,
    /// Lists, block quotes, rules and everything else.
    Other,
}

/// One top-level block of the body.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub kind: Kind,
    /// Byte range of the whole block in the file text.
    pub range: Range<usize>,
    /// Byte range of the inline content (headings and paragraphs), as written.
    pub inline: Range<usize>,
    /// Destination of the last link inside the block.
    pub link: Option<String>,
}

/// Scans `text[start..]` and returns its top-level blocks with ranges relative to `text`.
pub(crate) fn scan(text: &str, start: usize) -> Vec<Block> {
    let body = text.get(start..).unwrap_or("");
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<Block> = None;
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        let range = range.start + start..range.end + start;
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    current = Some(Block {
                        kind: kind_of(&tag),
                        inline: range.end..range.start,
                        range: range.clone(),
                        link: None,
                    });
                }
                if let (Tag::Link { dest_url, .. }, Some(b)) = (&tag, current.as_mut()) {
                    b.link = Some(dest_url.to_string());
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if let Some(b) = current.as_mut().filter(|_| is_inline_end(&end)) {
                    widen(b, &range);
                }
                if depth == 0 {
                    blocks.extend(current.take().map(finish));
                }
            }
            _ => match current.as_mut() {
                Some(b) => widen(b, &range),
                // Top-level events without a Start (e.g. a rule) are blocks of their own.
                None => blocks.push(finish(Block {
                    kind: Kind::Other,
                    inline: range.clone(),
                    range,
                    link: None,
                })),
            },
        }
    }
    blocks
}

fn kind_of(tag: &Tag) -> Kind {
    match tag {
        Tag::Heading { level, .. } => Kind::Heading(*level as u8),
        Tag::Paragraph => Kind::Paragraph,
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
            Kind::Code(info.split_whitespace().next().unwrap_or("").to_string())
        }
        Tag::CodeBlock(CodeBlockKind::Indented) => Kind::Code(String::new()),
        Tag::HtmlBlock => Kind::Html,
        _ => Kind::Other,
    }
}

/// End events of inline containers (emphasis, links, …) also bound the inline content.
fn is_inline_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

fn widen(b: &mut Block, range: &Range<usize>) {
    b.inline.start = b.inline.start.min(range.start);
    b.inline.end = b.inline.end.max(range.end);
}

/// An empty inline range collapses to the block end.
fn finish(mut b: Block) -> Block {
    if b.inline.start > b.inline.end {
        b.inline = b.range.end..b.range.end;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice<'a>(text: &'a str, r: &Range<usize>) -> &'a str {
        &text[r.clone()]
    }

    #[test]
    fn finds_top_level_blocks_with_ranges() {
        let text = "---\nx\n---\n# The *Title*\n\nSome [link](https://a.b/c) text.\n\n```js\nf();\n```\n\n<table>\n<tr><td>a</td><td>\n\ninner *md*\n\n</td></tr>\n</table>\n";
        let blocks = scan(text, 10);
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind.clone()).collect();
        assert_eq!(
            kinds,
            [
                Kind::Heading(1),
                Kind::Paragraph,
                Kind::Code("js".into()),
                Kind::Html,
                Kind::Paragraph,
                Kind::Html
            ]
        );
        assert_eq!(slice(text, &blocks[0].inline), "The *Title*");
        assert_eq!(blocks[1].link.as_deref(), Some("https://a.b/c"));
        assert_eq!(
            slice(text, &blocks[1].inline),
            "Some [link](https://a.b/c) text."
        );
        assert!(slice(text, &blocks[3].range).starts_with("<table>\n<tr><td>a</td><td>"));
        assert_eq!(slice(text, &blocks[4].inline), "inner *md*");
        assert!(slice(text, &blocks[5].range).starts_with("</td></tr>\n</table>"));
    }

    #[test]
    fn inline_range_of_empty_heading_is_empty() {
        let text = "#\n\npara\n";
        let blocks = scan(text, 0);
        assert_eq!(blocks[0].kind, Kind::Heading(1));
        assert!(blocks[0].inline.is_empty());
    }
}
