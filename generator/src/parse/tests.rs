//! End-to-end tests of [`super::parse_spec`] on small hand-written specs: the values read
//! and the errors (with their lines) for broken files.

use std::path::Path;

use super::*;

/// A valid spec; line numbers are noted on the right where tests rely on them.
const SPEC: &str = "\
---
name: Get a thing
example: octokit.rest.things.get({ owner, id })
route: GET /things/{owner}/{id}{?page}
scope: things
type: API method
---

# Get a *thing*

Gets a thing. A first `js` block is part of the description:

```js
notTheExample();
```

> [!NOTE]
> Admonitions stay as written.

```js
octokit.rest.things.get({ owner, id });
```

## Parameters

<table>
  <thead>
    <tr>
      <th>name</th>
      <th>required</th>
      <th>description</th>
    </tr>
  </thead>
  <tbody>
    <tr><td>owner</td><td>yes</td><td>

The owner, formatted as `refs/heads/<branch name>`.

Second paragraph &amp; more.

</td></tr>
<tr><td>id</td><td>no</td><td>

</td></tr>
<tr><td>page</td><td>no</td><td>Inline &amp; decoded</td></tr>
  </tbody>
</table>

See also: [GitHub Developer Guide documentation](https://docs.github.com/rest/things#get).
";

fn parse(text: &str) -> Result<SpecFile, Diagnostics> {
    parse_spec(Path::new("specs/things/get.md"), text)
}

/// The errors as `(line, message)`.
fn errors(text: &str) -> Vec<(usize, String)> {
    match parse(text) {
        Ok(_) => panic!("expected errors"),
        Err(d) => d.0.into_iter().map(|d| (d.line, d.message)).collect(),
    }
}

/// The single error, asserting its line and that its message contains `needle`.
fn assert_error(text: &str, line: usize, needle: &str) {
    let errs = errors(text);
    assert!(
        errs.iter().any(|(l, m)| *l == line && m.contains(needle)),
        "expected `{needle}` at line {line}, got {errs:#?}"
    );
}

#[test]
fn reads_every_field() {
    let spec = parse(SPEC).unwrap();
    assert_eq!(spec.scope_dir, "things");
    assert_eq!(spec.method_id, "get");
    assert_eq!(spec.name, "Get a thing");
    assert_eq!(spec.example, "octokit.rest.things.get({ owner, id })");
    assert_eq!(spec.scope, "things");
    assert_eq!(spec.kind, "API method");
    assert_eq!(spec.route_line, 4);
    assert_eq!(spec.route.method, HttpMethod::Get);
    assert_eq!(spec.route.query, ["page"]);
    assert_eq!(spec.title, "Get a *thing*");
    assert!(!spec.deprecated);
    assert_eq!(spec.renamed_to, None);
    assert_eq!(
        spec.docs_url.as_deref(),
        Some("https://docs.github.com/rest/things#get")
    );
    assert!(spec.explicit.is_empty());
}

#[test]
fn description_excludes_the_last_js_block_only() {
    let spec = parse(SPEC).unwrap();
    assert!(spec.description.starts_with("Gets a thing."));
    assert!(spec.description.contains("```js\nnotTheExample();\n```"));
    assert!(spec.description.ends_with("> Admonitions stay as written."));
    assert!(!spec.description.contains("octokit.rest"));
}

#[test]
fn table_rows_with_lines_and_markdown_descriptions() {
    let spec = parse(SPEC).unwrap();
    let rows: Vec<_> = spec
        .params
        .iter()
        .map(|p| (p.name.as_str(), p.required, p.line))
        .collect();
    assert_eq!(
        rows,
        [("owner", true, 35), ("id", false, 42), ("page", false, 45)]
    );
    assert_eq!(
        spec.params[0].description,
        "The owner, formatted as `refs/heads/<branch name>`.\n\nSecond paragraph &amp; more."
    );
    assert_eq!(spec.params[1].description, "");
    assert_eq!(spec.params[2].description, "Inline & decoded");
}

#[test]
fn deprecation_notice() {
    let text = SPEC.replace(
        "# Get a *thing*\n",
        "# Get a *thing*\n\n**This method is deprecated.**\n",
    );
    let spec = parse(&text).unwrap();
    assert!(spec.deprecated);
    assert_eq!(spec.renamed_to, None);
    assert!(spec.description.starts_with("Gets a thing."));
}

#[test]
fn rename_notice() {
    let text = SPEC.replace(
        "# Get a *thing*\n",
        "# Get a *thing*\n\n**Deprecated:** This method has been renamed to things.getThing\n",
    );
    let spec = parse(&text).unwrap();
    assert!(spec.deprecated);
    assert_eq!(spec.renamed_to, Some(("things".into(), "getThing".into())));
    assert_eq!(spec.renamed_line, 11);
    assert!(spec.description.starts_with("Gets a thing."));

    let bad = SPEC.replace(
        "# Get a *thing*\n",
        "# Get a *thing*\n\n**Deprecated:** This method has been renamed to nowhere\n",
    );
    assert_error(&bad, 11, "malformed rename notice");
}

#[test]
fn no_parameters_sentence() {
    let start = SPEC.find("<table>").unwrap();
    let end = SPEC.find("See also:").unwrap();
    let text = format!(
        "{}This endpoint has no parameters\n\n{}",
        &SPEC[..start],
        &SPEC[end..]
    )
    .replace(
        "route: GET /things/{owner}/{id}{?page}",
        "route: GET /things",
    );
    let spec = parse(&text).unwrap();
    assert!(spec.params.is_empty());
    assert!(spec.docs_url.is_some());
}

#[test]
fn origin_route_without_origin_row() {
    let text = SPEC.replace("route: GET /things", "route: POST {origin}/things");
    let spec = parse(&text).unwrap();
    assert!(spec.route.origin);
    assert_eq!(spec.route.method, HttpMethod::Post);
}

#[test]
fn explicit_parameters_with_lines() {
    let text = SPEC.replace(
        "type: API method\n",
        "type: API method\nparameters:\n  - name: id\n    in: path\n    type: integer\n  - name: page\n    type: integer\n    nullable: true\n",
    );
    let spec = parse(&text).unwrap();
    let got: Vec<_> = spec
        .explicit
        .iter()
        .map(|p| (p.name.as_str(), p.ty.as_deref(), p.line))
        .collect();
    assert_eq!(
        got,
        [("id", Some("integer"), 8), ("page", Some("integer"), 11)]
    );
    assert_eq!(spec.explicit[0].location.as_deref(), Some("path"));
    assert_eq!(spec.explicit[1].nullable, Some(true));
    // Body lines shift by the 7 added lines.
    assert_eq!(spec.params[0].line, 42);
}

#[test]
fn explicit_parameter_errors() {
    let text = SPEC.replace(
        "type: API method\n",
        "type: API method\nparameters:\n  - name: id\n    in: path\n  - name: id\n  - name: page\n    tpye: integer\n  - name: page\n    in: cookie\n",
    );
    let errs = errors(&text);
    assert_eq!(errs.len(), 3, "{errs:#?}");
    assert_eq!(errs[0].0, 10);
    assert!(
        errs[0].1.contains("`id` is listed twice (first at line 8)"),
        "{}",
        errs[0].1
    );
    assert_eq!(errs[1].0, 12);
    assert!(errs[1].1.contains("unknown field `tpye`"), "{}", errs[1].1);
    assert_eq!(
        errs[2],
        (13, "unknown parameter location `in: cookie`".to_string())
    );
}

#[test]
fn empty_and_front_matter_errors() {
    assert_eq!(errors(""), [(0, "spec file is empty".to_string())]);
    assert_error("# Title\n", 1, "missing front-matter");
    assert_error("---\nname: x\n", 1, "unterminated front-matter");
    assert_error(
        &SPEC.replace("scope: things", "scope: [things"),
        6,
        "expected ',' or ']' (in a flow sequence starting at line 5)",
    );
    assert_error(
        &SPEC.replace("name: Get a thing", "name: a: b"),
        2,
        "invalid YAML",
    );
    assert_error(
        &SPEC.replace("type: API method", "rout: x"),
        6,
        "unknown front-matter key `rout`",
    );
}

#[test]
fn missing_required_keys_are_all_reported() {
    let text = SPEC
        .replace("name: Get a thing\n", "")
        .replace("scope: things\n", "")
        .replace("route: GET /things/{owner}/{id}{?page}\n", "");
    let errs = errors(&text);
    let msgs: Vec<_> = errs.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(
        msgs,
        [
            "front-matter has no `name`",
            "front-matter has no `route`",
            "front-matter has no `scope`"
        ]
    );
    assert!(errs.iter().all(|e| e.0 == 1));
}

#[test]
fn route_errors_point_at_the_route_line() {
    assert_error(
        &SPEC.replace("route: GET", "route: FETCH"),
        4,
        "unknown HTTP method `FETCH`",
    );
    assert_error(
        &SPEC.replace("{owner}/{id}", "{owner/{id}"),
        4,
        "unbalanced braces",
    );
    assert_error(
        &SPEC.replace("{owner}/{id}", "{}/{owner}/{id}"),
        4,
        "empty `{}`",
    );
    assert_error(
        &SPEC.replace("{owner}/{id}", "{owner}/{owner}/{id}"),
        4,
        "duplicate parameter `{owner}`",
    );
    assert_error(
        &SPEC.replace("{owner}/{id}", "{owner}/{id}/{sha}"),
        4,
        "`{sha}` has no row",
    );
    assert_error(&SPEC.replace("{?page}", "{?page,q}"), 4, "`{q}` has no row");
}

#[test]
fn file_name_and_scope_folder() {
    let err = parse_spec(Path::new("specs/things/get-thing.md"), SPEC).unwrap_err();
    assert_eq!(err.0[0].line, 0);
    assert!(err.0[0].message.contains("`get-thing`"));
    let err = parse_spec(Path::new("specs/other/get.md"), SPEC).unwrap_err();
    assert_eq!(err.0[0].line, 5);
    assert!(err.0[0]
        .message
        .contains("does not match the folder `other`"));
    // Without a folder there is nothing to compare.
    assert!(parse_spec(Path::new("get.md"), SPEC).is_ok());
}

#[test]
fn scope_must_be_an_identifier() {
    let at = |scope: &str| {
        let text = SPEC.replace("scope: things", &format!("scope: {scope}"));
        parse_spec(&Path::new("specs").join(scope).join("get.md"), &text)
    };
    let err = at("my-things").unwrap_err();
    assert_eq!(err.0.len(), 1, "{err}");
    assert_eq!(err.0[0].line, 5);
    assert!(err.0[0]
        .message
        .contains("`my-things` is not a valid identifier"));
    // Keywords are identifiers: code generation escapes them.
    for ok in ["codeScanning", "type", "self"] {
        assert!(at(ok).is_ok(), "{ok}");
    }
}

#[test]
fn unknown_end_tag_is_named_as_written() {
    let text = SPEC.replace("<tr><td>id</td>", "<div>\n</div>\n<tr><td>id</td>");
    let errs = errors(&text);
    let got: Vec<_> = errs.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(
        got,
        [
            "unexpected `<div>` in the parameters table",
            "unexpected `</div>` in the parameters table"
        ]
    );
}

#[test]
fn body_structure_errors() {
    assert_error(
        &SPEC.replace("# Get a *thing*", "Get a thing"),
        9,
        "missing `# Title`",
    );
    assert_error(
        &SPEC.replace("## Parameters", "## Params"),
        49,
        "missing `## Parameters`",
    );
    let end = SPEC.find("<table>").unwrap();
    assert_error(&SPEC[..end], 24, "section is empty");
    let prose = SPEC.replace("<table>\n  <thead>", "Some prose.\n\n<table>\n  <thead>");
    assert_error(&prose, 26, "expected a `<table>`");
}

#[test]
fn header_errors() {
    assert_error(
        &SPEC.replace("      <th>required</th>\n", ""),
        28,
        "missing column(s): required",
    );
    assert_error(
        &SPEC.replace("<th>description</th>", "<th>description</th><th>type</th>"),
        28,
        "extra column(s): type",
    );
    let no_head = SPEC.replace("  <thead>\n", "").replace("  </thead>\n", "");
    // Without <thead>, a row of <th> cells is still the header.
    assert!(parse(&no_head).is_ok());
}

#[test]
fn row_errors() {
    assert_error(
        &SPEC.replace("<td>no</td><td>Inline", "<td>Inline"),
        45,
        "has 2 cell(s)",
    );
    assert_error(
        &SPEC.replace("<td>Inline &amp; decoded</td>", "<td>x</td><td>y</td>"),
        45,
        "extra column(s)",
    );
    assert_error(
        &SPEC.replace("<td>id</td><td>no</td>", "<td>id</td><td>maybe</td>"),
        42,
        "found `maybe`",
    );
    assert_error(
        &SPEC.replace("<td>page</td>", "<td>owner</td>"),
        45,
        "duplicate parameter row `owner` (first at line 35)",
    );
    assert_error(
        &SPEC.replace("<td>page</td>", "<td></td>"),
        45,
        "name cell is empty",
    );
}

#[test]
fn nesting_and_unclosed_structure() {
    let nested = SPEC.replace(
        "Second paragraph &amp; more.",
        "<table><tr><td>x</td></tr></table>",
    );
    assert_error(&nested, 39, "nested table");
    let unclosed = SPEC.replace("</td></tr>\n<tr><td>id</td>", "\n<tr><td>id</td>");
    assert_error(&unclosed, 35, "`<td>` is not closed before line 42");
    let no_end = SPEC.replace("</table>", "");
    assert_error(&no_end, 26, "`<table>` is never closed");
    let stray = SPEC.replace("</tbody>", "</tbody></tr>");
    assert_error(&stray, 46, "`</tr>` closes nothing");
}

#[test]
fn several_errors_in_one_file_sorted_by_line() {
    let text = SPEC
        .replace("route: GET", "route: FETCH")
        .replace("<td>id</td><td>no</td>", "<td>id</td><td>maybe</td>")
        .replace("<td>page</td>", "<td>owner</td>");
    let lines: Vec<_> = errors(&text).into_iter().map(|e| e.0).collect();
    assert_eq!(lines, [4, 42, 45]);
}

#[test]
fn diagnostics_render_rustc_style() {
    let err = parse(&SPEC.replace("route: GET", "route: FETCH")).unwrap_err();
    let shown = err.to_string();
    assert!(
        shown.starts_with(
            "error: unknown HTTP method `FETCH` in route\n  --> specs/things/get.md:4\n   = help: "
        ),
        "{shown}"
    );
    assert!(shown.ends_with("error: aborting due to 1 previous error"));
}

#[test]
fn never_panics_on_truncated_or_mangled_input() {
    for (i, _) in SPEC.char_indices() {
        let _ = parse(&SPEC[..i]);
    }
    let mangled = [
        "<", ">", "{", "}", "---", "\n", "`", "ä", "&", "</td>", "<table>", "\r\n",
    ];
    for (n, piece) in mangled.iter().enumerate() {
        for (i, _) in SPEC.char_indices().step_by(7 + n) {
            let text = format!("{}{piece}{}", &SPEC[..i], &SPEC[i..]);
            let _ = parse(&text);
        }
    }
}

#[test]
fn crlf_and_byte_order_mark() {
    let text = format!("\u{feff}{}", SPEC.replace('\n', "\r\n"));
    let spec = parse(&text).unwrap();
    let lines: Vec<_> = spec.params.iter().map(|p| p.line).collect();
    assert_eq!(lines, [35, 42, 45]);
    assert_eq!(spec.route_line, 4);
    assert_eq!(spec.title, "Get a *thing*");
    assert_eq!(spec.params[2].description, "Inline & decoded");
}

#[test]
fn html_comments_in_the_section_are_ignored() {
    let text = SPEC.replace("<table>\n", "<!-- generated -->\n\n<table>\n");
    assert_eq!(parse(&text).unwrap().params.len(), 3);
}

#[test]
fn duplicate_yaml_key() {
    let text = SPEC.replace("type: API method", "type: API method\nname: Again");
    assert_error(&text, 7, "duplicate entry with key \"name\"");
}

#[test]
fn misplaced_elements_are_reported_once() {
    let text = SPEC.replace(
        "<tr><td>page</td><td>no</td><td>Inline &amp; decoded</td></tr>",
        "<td>page</td>",
    );
    let errs = errors(&text);
    assert_eq!(errs, [(45, "`<td>` is not allowed here".to_string())]);
    let second = SPEC.replace(
        "</table>\n",
        "</table>\n<table><tr><td>x</td></tr></table>\n",
    );
    assert_error(
        &second,
        48,
        "second `<table>` in the parameters section (the first is at line 26)",
    );
    assert_eq!(errors(&second).len(), 1);
}

#[test]
fn unclosed_header_cell_is_named_as_written() {
    let text = SPEC.replace("<th>name</th>", "<th>name");
    assert_error(&text, 29, "`<th>` is not closed before line 30");
}

#[test]
fn never_panics_on_random_edits() {
    // Deterministic xorshift: random deletions and insertions of syntax-laden snippets.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let snippets = [
        "<tr>",
        "</td>",
        "<th>",
        "{",
        "}",
        "\n\n",
        "---\n",
        "- ",
        "**",
        "```",
        "é",
        "&#x1F600;",
        ": ",
    ];
    for _ in 0..2000 {
        let mut text = SPEC.to_string();
        for _ in 0..3 {
            let mut at = next(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if next(2) == 0 {
                text.insert_str(at, snippets[next(snippets.len())]);
            } else {
                let mut end = (at + next(20)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            }
        }
        if let Err(d) = parse(&text) {
            let lines = text.lines().count();
            assert!(
                d.0.iter().all(|e| e.line <= lines + 1),
                "line out of range: {d}"
            );
        }
    }
}

#[test]
fn explicit_parameter_must_name_a_row() {
    let text = SPEC.replace(
        "type: API method\n",
        "type: API method\nparameters:\n  - name: owner\n  - name: ownr\n    type: string\n",
    );
    assert_eq!(
        errors(&text),
        [(
            9,
            "explicit parameter `ownr` has no row in the parameters table".to_string()
        )]
    );
}

#[test]
fn many_route_parameters_are_checked_without_quadratic_scans() {
    // 40,000 `{pN}` parameters, each with a row: 13 s with the former linear look-ups in a
    // debug build, under 2 s with sets. Judged by growth, not a clock limit (the machine may be
    // busy): 4x the parameters must cost well under the 16x of a quadratic scan.
    let text = |n: usize| {
        let route: String = (0..n).map(|i| format!("/{{p{i}}}")).collect();
        let rows: String = (0..n)
            .map(|i| format!("<tr><td>p{i}</td><td>yes</td><td>x</td></tr>\n"))
            .collect();
        format!(
            "---\nname: n\nroute: GET {route}\nscope: things\n---\n\n# T\n\n## Parameters\n\n<table>\n<thead><tr><th>name</th><th>required</th><th>description</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
        )
    };
    let timed = |n: usize| {
        let text = text(n);
        (0..2)
            .map(|_| {
                let started = std::time::Instant::now();
                let spec = parse(&text).unwrap();
                assert_eq!(spec.route.path_params().count(), n);
                assert_eq!(spec.params.len(), n);
                started.elapsed()
            })
            .min()
            .unwrap()
    };
    let (small, large) = (timed(10_000), timed(40_000));
    assert!(
        large < small * 9 + std::time::Duration::from_millis(200),
        "4x the parameters took {large:?} against {small:?}: quadratic?"
    );
}
