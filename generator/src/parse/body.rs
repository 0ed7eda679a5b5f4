//! The Markdown body: `# Title`, deprecation/rename notice, description, the `js` example,
//! the `## Parameters` section and the closing `See also:` link.

use super::blocks::{scan, Block, Kind};
use super::source::{is_identifier, LineIndex, Reporter};
use super::{table, ParamRow};

/// Everything read from the body.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub title: String,
    pub deprecated: bool,
    pub renamed_to: Option<(String, String)>,
    pub renamed_line: usize,
    pub description: String,
    pub params: Vec<ParamRow>,
    /// The section says "This endpoint has no parameters".
    pub no_params: bool,
    /// The section was read without errors, so `params` lists every parameter.
    pub params_complete: bool,
    pub docs_url: Option<String>,
}

const DEPRECATED: &str = "**This method is deprecated.**";
const RENAMED: &str = "**Deprecated:** This method has been renamed to ";
const NO_PARAMS: &str = "This endpoint has no parameters";

/// Parses the body starting at byte `start` (file line `start_line`).
pub(crate) fn parse(
    text: &str,
    start: usize,
    start_line: usize,
    lines: &LineIndex,
    rep: &mut Reporter,
) -> Body {
    let blocks = scan(text, start);
    let src = |b: &Block| text.get(b.range.clone()).unwrap_or("");
    let inline = |b: &Block| text.get(b.inline.clone()).unwrap_or("").trim();
    let line_of = |b: &Block| lines.line(b.range.start);
    let mut body = Body::default();

    let params_at = blocks
        .iter()
        .position(|b| b.kind == Kind::Heading(2) && inline(b) == "Parameters");
    let head = &blocks[..params_at.unwrap_or(blocks.len())];

    // Title.
    let mut next = 0;
    match head.first() {
        Some(b) if b.kind == Kind::Heading(1) && !inline(b).is_empty() => {
            body.title = inline(b).to_string();
            next = 1;
        }
        first => rep.error(
            first.map_or(start_line, line_of),
            "missing `# Title` heading at the start of the body",
            "put a `# Title` line right after the closing `---` of the front-matter",
        ),
    }

    // Deprecation and rename notices.
    while let Some(b) = head.get(next).filter(|b| b.kind == Kind::Paragraph) {
        let para = src(b).trim();
        if para == DEPRECATED {
            body.deprecated = true;
        } else if let Some(target) = para.strip_prefix(RENAMED) {
            body.deprecated = true;
            body.renamed_line = line_of(b);
            body.renamed_to = rename_target(target);
            if body.renamed_to.is_none() {
                rep.error(
                    line_of(b),
                    format!("malformed rename notice: `{target}` is not `scope.methodId`"),
                    "write `**Deprecated:** This method has been renamed to scope.methodId`",
                );
            }
        } else {
            break;
        }
        next += 1;
    }

    // Description, up to the last `js` example before `## Parameters`.
    let example_at = head.iter().rposition(|b| b.kind == Kind::Code("js".into()));
    let desc_end = match example_at {
        Some(i) if i >= next => head[i].range.start,
        _ => params_at.map_or(text.len(), |i| blocks[i].range.start),
    };
    let desc_start = head.get(next).map_or(desc_end, |b| b.range.start);
    body.description = text
        .get(desc_start..desc_end.max(desc_start))
        .unwrap_or("")
        .trim()
        .to_string();

    let Some(params_at) = params_at else {
        rep.error(
            blocks.last().map_or(start_line, |b| lines.line(b.range.end.saturating_sub(1))),
            "missing `## Parameters` section",
            "add `## Parameters` followed by the parameters table, or by the sentence \"This endpoint has no parameters\"",
        );
        return body;
    };

    // `See also:` link, then the section between the heading and it.
    let tail = &blocks[params_at + 1..];
    let see_also = tail
        .iter()
        .rposition(|b| b.kind == Kind::Paragraph && src(b).starts_with("See also:"));
    if let Some(i) = see_also {
        body.docs_url = tail[i].link.clone();
    }
    let section = &tail[..see_also.unwrap_or(tail.len())];
    let section_line = line_of(&blocks[params_at]);
    match section {
        [] => rep.error(
            section_line,
            "the `## Parameters` section is empty",
            "add the parameters table, or the sentence \"This endpoint has no parameters\"",
        ),
        [only]
            if only.kind == Kind::Paragraph
                && src(only).trim().trim_end_matches('.') == NO_PARAMS =>
        {
            body.no_params = true;
            body.params_complete = true;
        }
        _ => {
            let before = rep.diags.len();
            body.params = table::read(text, section, lines, section_line, rep);
            body.params_complete = rep.diags.len() == before;
        }
    }
    body
}

/// Splits `scope.methodId` (a trailing `.` is allowed).
fn rename_target(target: &str) -> Option<(String, String)> {
    let target = target.trim().trim_end_matches('.');
    let (scope, method) = target.split_once('.')?;
    (is_identifier(scope) && is_identifier(method)).then(|| (scope.to_string(), method.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_targets() {
        let t = |s: &str| rename_target(s);
        assert_eq!(
            t("repos.getThing"),
            Some(("repos".into(), "getThing".into()))
        );
        assert_eq!(
            t(" repos.getThing.\n"),
            Some(("repos".into(), "getThing".into()))
        );
        assert_eq!(t("getThing"), None);
        assert_eq!(t("repos.get-thing"), None);
        assert_eq!(t("a.b.c"), None);
    }
}
