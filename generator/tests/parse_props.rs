//! Property tests of the spec parser: it never panics (arbitrary text, mutations of a
//! realistic spec), every diagnostic points inside the file, and generated valid specs parse
//! back to exactly the route, rows and descriptions they were made from.

use std::path::Path;

use client_generator::parse::{parse_spec, PathPart, SpecFile};
use proptest::prelude::*;
use proptest::test_runner::Config;

const PATH: &str = "specs/things/getThing.md";

/// A realistic spec in the project's format.
const SPEC: &str = include_str!("../../specs/packages/getPackageVersionForOrganization.md");

/// Snippets that carry meaning in one of the spec's languages (YAML, Markdown, HTML, routes).
const SNIPPETS: &[&str] = &[
    "---",
    "\n",
    "\r\n",
    "\n\n",
    ":",
    ": ",
    "- ",
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    "{?",
    ",",
    "\"",
    "'",
    "#",
    "# ",
    "## Parameters",
    "```",
    "```js\n",
    "    ",
    "<",
    ">",
    "</",
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    "</th>",
    "<thead>",
    "<tbody>",
    "<!--",
    "-->",
    "&amp;",
    "&",
    "\u{feff}",
    "\0",
    "é",
    "\u{2028}",
    "yes",
    "no",
    "|",
    "\\",
    "**Deprecated:** This method has been renamed to ",
    "This endpoint has no parameters",
    "See also: [x](y)",
];

fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Every diagnostic names the file and a line that exists (0 = whole file).
fn check_result(text: &str, result: &Result<SpecFile, client_generator::Diagnostics>) {
    let Err(diags) = result else { return };
    assert!(!diags.0.is_empty(), "an error without diagnostics");
    let last_line = text.split('\n').count();
    for d in &diags.0 {
        assert_eq!(d.file, Path::new(PATH));
        assert!(!d.message.is_empty());
        assert!(
            d.line <= last_line,
            "line {} past the end ({last_line} lines): {}",
            d.line,
            d.message
        );
        let _ = d.render_with_source(text);
    }
}

fn parse(text: &str) -> Result<SpecFile, client_generator::Diagnostics> {
    let result = parse_spec(Path::new(PATH), text);
    check_result(text, &result);
    result
}

/// One edit of a text: insert a snippet, delete a range, or duplicate a line.
#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), prop::sample::select(SNIPPETS)).prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => any::<usize>().prop_map(Edit::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

/// Applies an edit at char boundaries (positions are taken modulo the length).
fn apply(text: &str, e: &Edit) -> String {
    let boundary = |at: usize| {
        let mut i = at % (text.len() + 1);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    match e {
        Edit::Insert(at, s) => {
            let i = boundary(*at);
            format!("{}{s}{}", &text[..i], &text[i..])
        }
        Edit::Delete(at, n) => {
            let i = boundary(*at);
            let j = boundary(i.saturating_add(*n).min(text.len()));
            format!("{}{}", &text[..i], &text[j.max(i)..])
        }
        Edit::DuplicateLine(at) | Edit::SwapLines(at, _) => {
            let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
            if lines.is_empty() {
                return text.to_string();
            }
            let n = lines.len();
            let a = at % n;
            match e {
                Edit::SwapLines(_, b) => lines.swap(a, b % n),
                _ => lines.insert(a, lines[a]),
            }
            lines.concat()
        }
    }
}

/// Found by `never_panics_on_snippet_soup`: a file ending on its closing `---` (no newline)
/// reported its missing title on a line past the end.
#[test]
fn a_file_ending_on_the_closing_fence_reports_a_line_inside_it() {
    for text in ["---\n---", "---\nname: n\n---", "---\r\n---\r"] {
        assert!(parse(text).is_err(), "{text:?} has no title");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn never_panics_on_snippet_soup(parts in prop::collection::vec(prop::sample::select(SNIPPETS), 0..80)) {
        let _ = parse(&parts.concat());
        let _ = parse(&format!("---\nname: n\nroute: GET /x\nscope: things\n---\n{}", parts.concat()));
    }

    #[test]
    fn never_panics_on_mutated_specs(edits in prop::collection::vec(edit(), 1..8)) {
        let mut text = SPEC.to_string();
        for e in &edits {
            text = apply(&text, e);
        }
        let _ = parse(&text);
    }
}

// ---- round trips ----------------------------------------------------------------------

/// A parameter of a generated spec.
#[derive(Debug, Clone)]
struct Row {
    name: String,
    required: bool,
    description: String,
}

/// Names as they occur in real tables: snake, kebab, camel, nested, arrays, maps.
fn param_name() -> impl Strategy<Value = String> {
    "[a-z][a-zA-Z0-9_-]{0,12}(\\.[a-z][a-z0-9_]{0,6}|\\[\\]|\\[\\]\\.[a-z]{1,5}|\\.\\*)?"
}

/// Plain words and inline Markdown; never text that ends a cell or starts a block.
fn description() -> impl Strategy<Value = String> {
    prop::collection::vec(
        "[A-Za-z0-9]{1,8}|`[a-z<> ]{1,8}`|\\*\\*bold\\*\\*|&amp;|\\{x\\}",
        0..12,
    )
    .prop_map(|words| words.join(" "))
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec((param_name(), any::<bool>(), description()), 1..12).prop_map(|rows| {
        let mut seen = std::collections::HashSet::new();
        rows.into_iter()
            .filter(|(name, ..)| seen.insert(name.clone()))
            .map(|(name, required, description)| Row {
                name,
                required,
                description,
            })
            .collect()
    })
}

/// The route uses the plain names among the rows with `required: yes` as path parameters.
fn path_params(rows: &[Row]) -> Vec<&str> {
    rows.iter()
        .filter(|r| {
            r.required
                && r.name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
        .map(|r| r.name.as_str())
        .collect()
}

/// Writes a spec; returns it with the 1-based line of each row.
fn write_spec(title: &str, rows: &[Row]) -> (String, Vec<usize>) {
    let route: String = path_params(rows)
        .iter()
        .map(|p| format!("/seg/{{{p}}}"))
        .collect();
    let mut text = format!(
        "---\nname: \"{title}\"\nexample: x\nroute: POST /things{route}\nscope: things\ntype: API method\n---\n\n# {title}\n\nA description.\n\n## Parameters\n\n<table>\n  <thead>\n    <tr><th>name</th><th>required</th><th>description</th></tr>\n  </thead>\n  <tbody>\n"
    );
    let mut lines = Vec::new();
    for r in rows {
        lines.push(text.matches('\n').count() + 1);
        let yes = if r.required { "yes" } else { "no" };
        text.push_str(&format!(
            "<tr><td>{}</td><td>{yes}</td><td>\n\n{}\n\n</td></tr>\n",
            r.name, r.description
        ));
    }
    text.push_str("  </tbody>\n</table>\n\nSee also: [docs](https://example.com/x).\n");
    (text, lines)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn generated_tables_parse_back_to_their_rows(
        title in "[A-Z][a-z]{0,10}( [a-z]{1,8}){0,4}",
        rows in rows(),
    ) {
        let (text, lines) = write_spec(&title, &rows);
        let spec = parse(&text).unwrap_or_else(|d| panic!("{d}\n---\n{text}"));
        prop_assert_eq!(&spec.title, &title);
        prop_assert_eq!(spec.params.len(), rows.len());
        for ((got, want), line) in spec.params.iter().zip(&rows).zip(&lines) {
            prop_assert_eq!(&got.name, &want.name);
            prop_assert_eq!(got.required, want.required);
            // Entities in a Markdown cell stay as written (they are Markdown, not HTML text).
            prop_assert_eq!(&got.description, &want.description);
            prop_assert_eq!(got.line, *line);
        }
        let params: Vec<&str> = spec.route.path.iter().filter_map(|p| match p {
            PathPart::Param(n) => Some(n.as_str()),
            PathPart::Literal(_) => None,
        }).collect();
        prop_assert_eq!(params, path_params(&rows));
    }

    #[test]
    fn removing_a_path_parameters_row_is_reported_on_the_route_line(rows in rows()) {
        let Some(gone) = path_params(&rows).first().map(|s| s.to_string()) else {
            return Ok(());
        };
        let (with_all, _) = write_spec("Get", &rows);
        // Same route, one row (five lines) fewer.
        let row = with_all
            .lines()
            .position(|l| l.starts_with(&format!("<tr><td>{gone}</td>")))
            .unwrap();
        let mut lines: Vec<&str> = with_all.lines().collect();
        lines.drain(row..row + 5);
        let text = lines.join("\n");
        let err = parse(&text).expect_err("a route parameter lost its row");
        prop_assert_eq!(err.0.len(), 1, "{}", err);
        prop_assert_eq!(err.0[0].line, 4);
        let expected = format!("`{{{gone}}}` has no row");
        prop_assert!(err.0[0].message.contains(&expected), "{}", err);
    }
}

/// An explicit `parameters:` entry of a generated spec.
#[derive(Debug, Clone)]
struct Entry {
    location: Option<&'static str>,
    ty: Option<&'static str>,
    required: Option<bool>,
    nullable: Option<bool>,
    values: Option<Vec<String>>,
}

fn entry() -> impl Strategy<Value = Entry> {
    let opt = |values: &'static [&'static str]| prop::option::of(prop::sample::select(values));
    (
        opt(&["path", "query", "body", "header"]),
        opt(&["string", "integer", "number", "boolean", "array", "object"]),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
        prop::option::of(prop::collection::vec("[a-z][a-z0-9-]{0,6}", 1..4)),
    )
        .prop_map(|(location, ty, required, nullable, values)| Entry {
            location,
            ty,
            required,
            nullable,
            values,
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn explicit_entries_parse_back_with_their_lines(
        rows in rows(),
        entries in prop::collection::vec(entry(), 1..6),
    ) {
        let (table, _) = write_spec("Get", &rows);
        let mut yaml = String::from("parameters:\n");
        let mut lines = Vec::new();
        let named: Vec<(&Row, &Entry)> = rows.iter().zip(&entries).collect();
        for (row, e) in &named {
            // `---` is line 1 and `name` … `type` are lines 2–6: entries start at line 8.
            lines.push(8 + yaml.matches('\n').count() - 1);
            yaml.push_str(&format!("  - name: \"{}\"\n", row.name));
            if let Some(l) = e.location { yaml.push_str(&format!("    in: {l}\n")); }
            if let Some(t) = e.ty { yaml.push_str(&format!("    type: {t}\n")); }
            if let Some(r) = e.required { yaml.push_str(&format!("    required: {r}\n")); }
            if let Some(n) = e.nullable { yaml.push_str(&format!("    nullable: {n}\n")); }
            if let Some(v) = &e.values {
                // Quoted: an unquoted `true` or `null` is not a string in YAML.
                let quoted: Vec<String> = v.iter().map(|s| format!("\"{s}\"")).collect();
                yaml.push_str(&format!("    enum: [{}]\n", quoted.join(", ")));
            }
        }
        let text = table.replacen("type: API method\n", &format!("type: API method\n{yaml}"), 1);
        let spec = parse(&text).unwrap_or_else(|d| panic!("{d}\n---\n{text}"));
        prop_assert_eq!(spec.explicit.len(), named.len());
        for ((got, (row, want)), line) in spec.explicit.iter().zip(&named).zip(&lines) {
            prop_assert_eq!(&got.name, &row.name);
            prop_assert_eq!(got.location.as_deref(), want.location);
            prop_assert_eq!(got.ty.as_deref(), want.ty);
            prop_assert_eq!(got.required, want.required);
            prop_assert_eq!(got.nullable, want.nullable);
            prop_assert_eq!(&got.values, &want.values);
            prop_assert_eq!(got.line, *line);
        }
    }
}
