//! Tokenizes one raw HTML block with html5ever's spec-compliant tokenizer (the parser
//! under `scraper`), keeping each token's file line. Entities in text are decoded.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// One HTML token, simplified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    /// `<name attr="v">`; `text` is the tag re-serialized (for inline markup in cells).
    Start { name: String, text: String },
    /// `</name>`.
    End { name: String },
    /// Character data with entities decoded.
    Text(String),
}

/// A token and its 1-based file line.
pub(crate) type LineTok = (Tok, usize);

struct Sink {
    first_line: usize,
    out: RefCell<Vec<LineTok>>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<()> {
        let line = self.first_line + usize::try_from(line_number).unwrap_or(1).saturating_sub(1);
        let tok = match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                match tag.kind {
                    TagKind::StartTag => {
                        let mut text = format!("<{name}");
                        for a in &tag.attrs {
                            text.push_str(&format!(" {}=\"{}\"", a.name.local, a.value));
                        }
                        text.push_str(if tag.self_closing { " />" } else { ">" });
                        Tok::Start { name, text }
                    }
                    TagKind::EndTag => Tok::End { name },
                }
            }
            Token::CharacterTokens(t) => Tok::Text(t.to_string()),
            Token::NullCharacterToken => Tok::Text("\u{FFFD}".to_string()),
            // Comments, doctypes, EOF and the tokenizer's own pedantic parse errors carry no
            // table structure; structural problems are reported by the table reader.
            _ => return TokenSinkResult::Continue,
        };
        let mut out = self.out.borrow_mut();
        match (out.last_mut(), tok) {
            (Some((Tok::Text(prev), _)), Tok::Text(more)) => prev.push_str(&more),
            (_, tok) => out.push((tok, line)),
        }
        TokenSinkResult::Continue
    }
}

/// Tokenizes `html`, whose first line is file line `first_line`.
pub(crate) fn tokenize(html: &str, first_line: usize) -> Vec<LineTok> {
    let sink = Sink {
        first_line,
        out: RefCell::new(Vec::new()),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.out.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(name: &str, text: &str) -> Tok {
        Tok::Start {
            name: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn tokens_with_lines_and_entities() {
        let toks = tokenize("<table>\n  <tr><TD Align=left>a &amp; b</td>\n<br/>", 10);
        assert_eq!(
            toks,
            vec![
                (start("table", "<table>"), 10),
                (Tok::Text("\n  ".into()), 11),
                (start("tr", "<tr>"), 11),
                (start("td", "<td align=\"left\">"), 11),
                (Tok::Text("a & b".into()), 11),
                (Tok::End { name: "td".into() }, 11),
                (Tok::Text("\n".into()), 12),
                (start("br", "<br />"), 12),
            ]
        );
    }

    #[test]
    fn unfinished_tag_is_dropped_not_panicking() {
        let toks = tokenize("<tr><td", 1);
        assert_eq!(toks, vec![(start("tr", "<tr>"), 1)]);
    }
}
