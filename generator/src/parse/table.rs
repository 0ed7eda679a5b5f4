//! Reads the `## Parameters` HTML table: its HTML blocks are tokenized with html5ever (the
//! parser under `scraper`; its tree builder would silently repair broken tables and has no
//! positions) and checked strictly; the Markdown between them (each description cell) is kept
//! exactly as written, so `<branch name>` in a code span is not mistaken for a tag.

use std::collections::HashMap;

use super::blocks::{Block, Kind};
use super::html::{tokenize, Tok};
use super::source::{LineIndex, Reporter};
use super::ParamRow;

const COLUMNS: [&str; 3] = ["name", "required", "description"];
const TABLE_TAGS: [&str; 6] = ["table", "thead", "tbody", "tr", "th", "td"];
const ROW_HINT: &str =
    "rows look like `<tr><td>name</td><td>yes</td><td>` + blank line + Markdown + blank line + `</td></tr>`";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Elem {
    Table,
    Thead,
    Tbody,
    Tr,
    Th,
    Td,
}

impl Elem {
    fn from_tag(name: &str) -> Option<Elem> {
        Some(match name {
            "table" => Elem::Table,
            "thead" => Elem::Thead,
            "tbody" => Elem::Tbody,
            "tr" => Elem::Tr,
            "th" => Elem::Th,
            "td" => Elem::Td,
            _ => return None,
        })
    }
    fn tag(self) -> &'static str {
        match self {
            Elem::Table => "table",
            Elem::Thead => "thead",
            Elem::Tbody => "tbody",
            Elem::Tr => "tr",
            Elem::Th => "th",
            Elem::Td => "td",
        }
    }
    fn is_cell(self) -> bool {
        matches!(self, Elem::Th | Elem::Td)
    }
}

struct Cell {
    text: String,
    markup: bool,
    line: usize,
}

struct Row {
    line: usize,
    header: bool,
    cells: Vec<Cell>,
}

/// The table reader's state while walking the section's blocks.
struct Reader<'r, 'p> {
    rep: &'r mut Reporter<'p>,
    stack: Vec<(Elem, usize)>,
    row: Option<Row>,
    cell: Option<Cell>,
    /// Depth of a nested `<table>` being skipped.
    skip: usize,
    table_line: Option<usize>,
    closed: bool,
    header: Option<usize>,
    rows: Vec<ParamRow>,
    seen: HashMap<String, usize>,
}

/// Reads the table from the section blocks (between `## Parameters` and `See also:`).
/// `section_line` is the line of the `## Parameters` heading.
pub(crate) fn read(
    text: &str,
    blocks: &[Block],
    lines: &LineIndex,
    section_line: usize,
    rep: &mut Reporter,
) -> Vec<ParamRow> {
    let mut r = Reader {
        rep,
        stack: Vec::new(),
        row: None,
        cell: None,
        skip: 0,
        table_line: None,
        closed: false,
        header: None,
        rows: Vec::new(),
        seen: HashMap::new(),
    };
    // Start of source not yet consumed by a structural HTML block.
    let mut pending = blocks.first().map_or(0, |b| b.range.start);
    for block in blocks {
        let src = text.get(block.range.clone()).unwrap_or("");
        let line = lines.line(block.range.start);
        let toks = if block.kind == Kind::Html {
            tokenize(src, line)
        } else {
            Vec::new()
        };
        let structural = toks.iter().find_map(|(t, _)| match t {
            Tok::Start { name, .. } | Tok::End { name } => {
                Some(TABLE_TAGS.contains(&name.as_str()))
            }
            Tok::Text(s) if s.trim().is_empty() => None,
            Tok::Text(_) => Some(false),
        });
        if structural != Some(true) {
            // An HTML block of comments only (`structural == None`) is ignored.
            let comment_only = block.kind == Kind::Html && structural.is_none();
            if r.cell.is_none() && r.skip == 0 && !comment_only {
                r.stray_content(line);
            }
            continue; // part of a cell's Markdown: taken from the source below
        }
        r.markdown(text.get(pending..block.range.start).unwrap_or(""));
        pending = block.range.end;
        for (tok, line) in toks {
            r.token(tok, line);
        }
    }
    r.finish(section_line)
}

impl Reader<'_, '_> {
    fn token(&mut self, tok: Tok, line: usize) {
        if self.skip > 0 {
            match &tok {
                Tok::Start { name, .. } if name == "table" => self.skip += 1,
                Tok::End { name } if name == "table" => self.skip -= 1,
                _ => {}
            }
            return;
        }
        match tok {
            Tok::Text(s) => match self.cell.as_mut() {
                Some(cell) => cell.text.push_str(&s),
                None if s.trim().is_empty() => {}
                None => self.stray_content(line),
            },
            Tok::Start { name, text } => match Elem::from_tag(&name) {
                Some(elem) => self.open(elem, &name, line),
                None => self.inline_markup(&text, line),
            },
            Tok::End { name } => match Elem::from_tag(&name) {
                Some(elem) => self.close(elem, &name, line),
                None => self.inline_markup(&format!("</{name}>"), line),
            },
        }
    }

    /// Source text between structural blocks: Markdown belonging to the open cell.
    fn markdown(&mut self, src: &str) {
        if let Some(cell) = self.cell.as_mut() {
            cell.text.push_str(src);
        }
    }

    fn stray_content(&mut self, line: usize) {
        let (msg, hint) = if self.closed {
            (
                "unexpected content after `</table>`",
                "only `See also: [..](url)` may follow the table",
            )
        } else if self.table_line.is_none() {
            (
                "expected a `<table>` or \"This endpoint has no parameters\" after `## Parameters`",
                "start the section with `<table>`",
            )
        } else {
            ("text outside a table cell", ROW_HINT)
        };
        self.rep.error(line, msg, hint);
    }

    fn inline_markup(&mut self, text: &str, line: usize) {
        match self.cell.as_mut() {
            Some(cell) => {
                cell.text.push_str(text);
                cell.markup = true;
            }
            None => self.rep.error(
                line,
                format!("unexpected `{text}` in the parameters table"),
                "only table, thead, tbody, tr, th and td are allowed outside cells",
            ),
        }
    }

    fn parent(&self) -> Option<Elem> {
        self.stack.last().map(|(e, _)| *e)
    }

    fn open(&mut self, elem: Elem, name: &str, line: usize) {
        if self.cell.is_some() && elem == Elem::Table {
            self.rep.error(
                line,
                "nested table inside a parameters table cell",
                "describe nested fields as their own rows, e.g. `committer.name`",
            );
            self.skip = 1;
            return;
        }
        // Recover from a missing `</td>` or `</tr>` before a new cell or row.
        if self.cell.is_some() && (elem.is_cell() || elem == Elem::Tr) {
            self.unclosed_top(line);
        }
        if self.parent() == Some(Elem::Tr) && elem == Elem::Tr {
            self.unclosed_top(line);
        }
        let ok = match elem {
            Elem::Table => self.stack.is_empty() && self.table_line.is_none(),
            Elem::Thead | Elem::Tbody => self.parent() == Some(Elem::Table),
            Elem::Tr => matches!(self.parent(), Some(Elem::Table | Elem::Thead | Elem::Tbody)),
            Elem::Th | Elem::Td => self.parent() == Some(Elem::Tr),
        };
        let hint = "the table is `<table>` › `<thead>`/`<tbody>` › `<tr>` › `<th>`/`<td>`";
        match (ok, elem, self.table_line) {
            (false, Elem::Table, first) => {
                let msg = match first.filter(|_| self.stack.is_empty()) {
                    Some(first) => format!(
                        "second `<table>` in the parameters section (the first is at line {first})"
                    ),
                    None => "nested table inside the parameters table".to_string(),
                };
                self.rep.error(line, msg, hint);
                self.skip = 1; // ignore it up to its `</table>`
                return;
            }
            // Misplaced elements are still opened, so their end tags match and the
            // problem is reported once.
            (false, ..) => self
                .rep
                .error(line, format!("`<{name}>` is not allowed here"), hint),
            (true, ..) => {}
        }
        match elem {
            Elem::Table => self.table_line = Some(line),
            Elem::Tr => {
                self.row = Some(Row {
                    line,
                    header: self.parent() == Some(Elem::Thead),
                    cells: Vec::new(),
                })
            }
            Elem::Th | Elem::Td => {
                if let Some(row) = self.row.as_mut() {
                    row.header |= elem == Elem::Th;
                }
                self.cell = Some(Cell {
                    text: String::new(),
                    markup: false,
                    line,
                });
            }
            Elem::Thead | Elem::Tbody => {}
        }
        self.stack.push((elem, line));
    }

    /// Reports and closes the innermost open element (it should have been closed by now).
    fn unclosed_top(&mut self, line: usize) {
        if let Some((elem, opened)) = self.stack.pop() {
            self.rep.error(
                opened,
                format!("`<{}>` is not closed before line {line}", elem.tag()),
                format!("add `</{}>`; {ROW_HINT}", elem.tag()),
            );
            self.finish_elem(elem);
        }
    }

    fn close(&mut self, elem: Elem, name: &str, line: usize) {
        if self.parent() == Some(elem) {
            self.stack.pop();
            self.finish_elem(elem);
            return;
        }
        if self.stack.iter().any(|(e, _)| *e == elem) {
            while self.parent().is_some_and(|e| e != elem) {
                self.unclosed_top(line);
            }
            self.stack.pop();
            self.finish_elem(elem);
        } else {
            self.rep.error(
                line,
                format!("`</{name}>` closes nothing"),
                "remove it or add the matching opening tag",
            );
        }
    }

    fn finish_elem(&mut self, elem: Elem) {
        match elem {
            Elem::Th | Elem::Td => {
                if let (Some(cell), Some(row)) = (self.cell.take(), self.row.as_mut()) {
                    row.cells.push(cell);
                }
            }
            Elem::Tr => {
                if let Some(row) = self.row.take() {
                    self.finish_row(row);
                }
            }
            Elem::Table => self.closed = true,
            Elem::Thead | Elem::Tbody => {}
        }
    }

    fn finish_row(&mut self, row: Row) {
        if row.header {
            self.finish_header(row);
            return;
        }
        if self.header.is_none() {
            self.rep.error(
                row.line,
                "parameter row before the table header",
                "start the table with `<thead><tr><th>name</th><th>required</th><th>description</th></tr></thead>`",
            );
            self.header = Some(0);
        }
        let n = row.cells.len();
        if n != COLUMNS.len() {
            let what = if n < 3 {
                "missing column(s)"
            } else {
                "extra column(s)"
            };
            self.rep.error(
                row.line,
                format!("parameter row has {n} cell(s), expected 3 (name, required, description): {what}"),
                ROW_HINT,
            );
        }
        let mut cells = row.cells.into_iter();
        let (Some(name), Some(required)) = (cells.next(), cells.next()) else {
            return;
        };
        let description = cells
            .next()
            .map_or_else(String::new, |c| trim_blank_lines(&c.text));
        let param = name.text.trim().to_string();
        let name_ok = self.check_name(&name, &param);
        let required_ok = self.check_required(&required);
        let ok = n == COLUMNS.len() && name_ok && required_ok;
        if let Some(first) = self.seen.get(&param) {
            self.rep.error(
                row.line,
                format!("duplicate parameter row `{param}` (first at line {first})"),
                "remove one of the rows",
            );
        } else if !param.is_empty() {
            self.seen.insert(param.clone(), row.line);
            if ok {
                self.rows.push(ParamRow {
                    name: param,
                    required: required.text.trim() == "yes",
                    description,
                    line: row.line,
                });
            }
        }
    }

    fn check_name(&mut self, cell: &Cell, name: &str) -> bool {
        let problem = if name.is_empty() {
            "parameter name cell is empty"
        } else if cell.markup || name.contains(char::is_whitespace) {
            "parameter name must be plain text without spaces or markup"
        } else {
            return true;
        };
        self.rep.error(
            cell.line,
            problem,
            "write the wire name, e.g. `<td>owner</td>`",
        );
        false
    }

    fn check_required(&mut self, cell: &Cell) -> bool {
        let value = cell.text.trim();
        if matches!(value, "yes" | "no") && !cell.markup {
            return true;
        }
        self.rep.error(
            cell.line,
            format!("`required` must be `yes` or `no`, found `{value}`"),
            "write `<td>yes</td>` or `<td>no</td>`",
        );
        false
    }

    fn finish_header(&mut self, row: Row) {
        if let Some(first) = self.header.filter(|&l| l > 0) {
            self.rep.error(
                row.line,
                format!("second header row (the first is at line {first})"),
                "a table has one header row",
            );
            return;
        }
        self.header = Some(row.line);
        let found: Vec<String> = row
            .cells
            .iter()
            .map(|c| c.text.trim().to_ascii_lowercase())
            .collect();
        let missing: Vec<&str> = COLUMNS
            .iter()
            .copied()
            .filter(|c| !found.iter().any(|f| f == c))
            .collect();
        let extra: Vec<&str> = found
            .iter()
            .map(String::as_str)
            .filter(|f| !COLUMNS.contains(f))
            .collect();
        let hint = "the header is `<th>name</th><th>required</th><th>description</th>`";
        if !missing.is_empty() {
            self.rep.error(
                row.line,
                format!("table header is missing column(s): {}", missing.join(", ")),
                hint,
            );
        }
        if !extra.is_empty() || found.len() > COLUMNS.len() {
            self.rep.error(
                row.line,
                format!("table header has extra column(s): {}", extra.join(", ")),
                hint,
            );
        }
        if missing.is_empty() && extra.is_empty() && found != COLUMNS {
            self.rep
                .error(row.line, "table header columns are out of order", hint);
        }
    }

    fn finish(mut self, section_line: usize) -> Vec<ParamRow> {
        if self.skip > 0 {
            self.rep.error(
                section_line,
                "nested table is never closed",
                "add `</table>`",
            );
        }
        while let Some((elem, opened)) = self.stack.pop() {
            self.rep.error(
                opened,
                format!("`<{}>` is never closed", elem.tag()),
                format!("add `</{}>` before `See also:`", elem.tag()),
            );
        }
        match (self.table_line, self.header) {
            (None, _) => self.rep.error(
                section_line,
                "the `## Parameters` section has no `<table>`",
                "add the parameters table, or the sentence \"This endpoint has no parameters\"",
            ),
            (Some(line), None) => self.rep.error(
                line,
                "the parameters table has no header row",
                "add `<thead><tr><th>name</th><th>required</th><th>description</th></tr></thead>`",
            ),
            _ => {}
        }
        self.rows
    }
}

/// Drops leading blank lines and trailing whitespace, keeping the Markdown as written.
fn trim_blank_lines(s: &str) -> String {
    let mut start = 0;
    for line in s.split_inclusive('\n') {
        if !line.trim().is_empty() {
            break;
        }
        start += line.len();
    }
    s.get(start..).unwrap_or("").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_blank_lines_only() {
        assert_eq!(
            trim_blank_lines("\n  \n    code\n\ntext\n\n"),
            "    code\n\ntext"
        );
        assert_eq!(trim_blank_lines("\n\n"), "");
        assert_eq!(trim_blank_lines("one"), "one");
    }
}
