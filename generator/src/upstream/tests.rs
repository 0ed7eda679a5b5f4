use std::path::Path;

use super::*;
use crate::parse::{parse_spec, SpecFile};

/// A spec file: `params` are (name, required) rows; `notice` goes under the title.
fn spec(
    side: &str,
    scope: &str,
    id: &str,
    route: &str,
    params: &[(&str, bool)],
    notice: &str,
) -> SpecFile {
    spec_with(side, scope, id, route, params, notice, "")
}

/// [`spec`] with extra front-matter lines.
fn spec_with(
    side: &str,
    scope: &str,
    id: &str,
    route: &str,
    params: &[(&str, bool)],
    notice: &str,
    front: &str,
) -> SpecFile {
    let mut text = format!(
        "---\nname: Thing\nexample: x\nroute: {route}\nscope: {scope}\ntype: API method\n{front}---\n\n# Thing\n\n{notice}\n\nDoes it.\n\n```js\nx();\n```\n\n## Parameters\n\n<table>\n  <thead>\n    <tr><th>name</th><th>required</th><th>description</th></tr>\n  </thead>\n  <tbody>\n"
    );
    for (name, required) in params {
        let yes = if *required { "yes" } else { "no" };
        text.push_str(&format!(
            "<tr><td>{name}</td><td>{yes}</td><td>\n\nIt.\n\n</td></tr>\n"
        ));
    }
    text.push_str("  </tbody>\n</table>\n\nSee also: [docs](https://example.com/x).\n");
    let path = Path::new(side).join(scope).join(format!("{id}.md"));
    parse_spec(&path, &text).unwrap_or_else(|d| panic!("{d}"))
}

const ROUTE: &str = "GET /things/{id}";

fn kinds(d: &[Difference]) -> Vec<(Kind, Option<&str>)> {
    d.iter().map(|d| (d.kind, d.parameter.as_deref())).collect()
}

#[test]
fn identical_specs_have_no_differences() {
    let ours = [spec(
        "ours",
        "things",
        "get",
        ROUTE,
        &[("id", true), ("page", false)],
        "",
    )];
    let theirs = [spec(
        "up",
        "things",
        "get",
        ROUTE,
        &[("id", true), ("page", false)],
        "",
    )];
    assert_eq!(compare(&ours, &theirs), []);
}

#[test]
fn upstream_endpoints_we_lack_are_missing() {
    let ours = [spec("ours", "things", "get", ROUTE, &[("id", true)], "")];
    let theirs = [
        spec("up", "things", "get", ROUTE, &[("id", true)], ""),
        spec("up", "things", "list", "GET /things", &[], ""),
    ];
    assert_eq!(compare(&ours, &theirs), []);
    let lacking = missing(&ours, &theirs, Path::new("specs"));
    assert_eq!(kinds(&lacking), [(Kind::Missing, None)]);
    let d = &lacking[0];
    assert_eq!((d.scope.as_str(), d.id.as_str()), ("things", "list"));
    assert_eq!(d.file, Path::new("specs/things/list.md"));
    assert_eq!(d.upstream.as_deref(), Some("GET /things"));
    assert_eq!(
        d.upstream_file.as_deref(),
        Some(Path::new("up/things/list.md"))
    );
    // The same route under another id does not cover it: ids are what users call.
    let moved = [spec("ours", "things", "all", "GET /things", &[], "")];
    assert_eq!(missing(&moved, &theirs, Path::new("specs")).len(), 2);
}

#[test]
fn missing_endpoints_are_counted_allowed_and_reported_with_coverage() {
    let dir = std::env::temp_dir().join(format!("upstream-missing-{}", std::process::id()));
    let write = |side: &str, id: &str, route: &str| {
        let s = spec(side, "things", id, route, &[], "");
        let path = dir.join(side).join("things").join(format!("{id}.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = format!(
            "---\nname: Thing\nexample: x\nroute: {route}\nscope: things\ntype: API method\n---\n\n# Thing\n\nDoes it.\n\n```js\nx();\n```\n\n## Parameters\n\nThis endpoint has no parameters\n\nSee also: [docs](https://example.com/x).\n"
        );
        std::fs::write(&path, text).unwrap();
        s
    };
    write("ours", "get", "GET /things/one");
    for (id, route) in [
        ("get", "GET /things/one"),
        ("list", "GET /things"),
        ("make", "POST /things"),
    ] {
        write("up", id, route);
    }
    let allow = dir.join("allow.yaml");
    std::fs::write(
        &allow,
        "- scope: things\n  id: make\n  kind: missing\n  reason: not offered here\n",
    )
    .unwrap();
    let report = run(&dir.join("ours"), &dir.join("up"), Some(&allow)).unwrap();
    assert_eq!(kinds(&report.differences), [(Kind::Missing, None)]);
    assert_eq!(report.differences[0].id, "list");
    assert_eq!(report.allowed.len(), 1);
    assert_eq!(
        report.coverage,
        Coverage {
            ours: 1,
            upstream: 3
        }
    );
    assert!(!report.is_clean());
    let text = report.text();
    assert!(text.contains("difference[missing]: things.list: upstream has `things.list` (`GET /things`), which is not here"), "{text}");
    assert!(
        text.ends_with("coverage 1/3 upstream endpoints\n"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&report.json()).unwrap();
    assert_eq!(
        json["coverage"],
        serde_json::json!({"ours": 1, "upstream": 3})
    );
    assert_eq!(json["differences"][0]["kind"], "missing");
    assert_eq!(json["differences"][0]["line"], 0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_endpoint_gone_upstream_is_removed() {
    let ours = [spec("ours", "things", "get", ROUTE, &[("id", true)], "")];
    let theirs = [spec("up", "things", "list", "GET /things", &[], "")];
    let d = compare(&ours, &theirs);
    assert_eq!(kinds(&d), [(Kind::Removed, None)]);
    assert_eq!(d[0].file, Path::new("ours/things/get.md"));
    assert_eq!(d[0].line, 4);
    assert_eq!(d[0].ours.as_deref(), Some("GET /things/{id}"));
}

#[test]
fn the_same_route_under_another_id_is_an_id_change() {
    let ours = [spec("ours", "things", "get", ROUTE, &[("id", true)], "")];
    let theirs = [spec("up", "stuff", "fetch", ROUTE, &[("id", true)], "")];
    let d = compare(&ours, &theirs);
    assert_eq!(kinds(&d), [(Kind::IdChanged, None)]);
    assert_eq!(d[0].upstream.as_deref(), Some("stuff.fetch"));
    assert_eq!(
        d[0].upstream_file.as_deref(),
        Some(Path::new("up/stuff/fetch.md"))
    );
}

#[test]
fn a_rename_notice_upstream_is_reported_unless_we_have_it_too() {
    let notice = "**Deprecated:** This method has been renamed to things.fetch";
    let theirs = [spec("up", "things", "get", ROUTE, &[("id", true)], notice)];
    let ours = [spec("ours", "things", "get", ROUTE, &[("id", true)], "")];
    let d = compare(&ours, &theirs);
    assert_eq!(kinds(&d), [(Kind::Renamed, None)]);
    assert_eq!(d[0].upstream.as_deref(), Some("things.fetch"));
    assert!(d[0].upstream_line > 0);
    let ours = [spec(
        "ours",
        "things",
        "get",
        ROUTE,
        &[("id", true)],
        notice,
    )];
    assert_eq!(compare(&ours, &theirs), []);
}

#[test]
fn a_deprecation_upstream_is_reported_unless_we_have_it_too() {
    let notice = "**This method is deprecated.**";
    let theirs = [spec("up", "things", "get", ROUTE, &[("id", true)], notice)];
    let ours = [spec("ours", "things", "get", ROUTE, &[("id", true)], "")];
    assert_eq!(kinds(&compare(&ours, &theirs)), [(Kind::Deprecated, None)]);
    let ours = [spec(
        "ours",
        "things",
        "get",
        ROUTE,
        &[("id", true)],
        notice,
    )];
    assert_eq!(compare(&ours, &theirs), []);
}

#[test]
fn a_different_method_or_path_is_a_route_change() {
    let ours = [spec("ours", "things", "get", ROUTE, &[("id", true)], "")];
    let theirs = [spec(
        "up",
        "things",
        "get",
        "POST /things/{id}",
        &[("id", true)],
        "",
    )];
    let d = compare(&ours, &theirs);
    assert_eq!(kinds(&d), [(Kind::RouteChanged, None)]);
    assert_eq!(d[0].ours.as_deref(), Some("GET /things/{id}"));
    assert_eq!(d[0].upstream.as_deref(), Some("POST /things/{id}"));
    let theirs = [spec(
        "up",
        "things",
        "get",
        "GET /things/{thing_id}",
        &[("thing_id", true)],
        "",
    )];
    let d = compare(&ours, &theirs);
    assert_eq!(
        kinds(&d),
        [
            (Kind::RouteChanged, None),
            (Kind::ParameterRemoved, Some("id")),
            (Kind::ParameterAdded, Some("thing_id"))
        ]
    );
}

#[test]
fn parameters_added_removed_and_requiredness_changes() {
    let ours = [spec(
        "ours",
        "things",
        "get",
        ROUTE,
        &[("id", true), ("old", false), ("page", false)],
        "",
    )];
    let theirs = [spec(
        "up",
        "things",
        "get",
        ROUTE,
        &[("id", true), ("page", true), ("new", false)],
        "",
    )];
    let d = compare(&ours, &theirs);
    assert_eq!(
        kinds(&d),
        [
            (Kind::ParameterRemoved, Some("old")),
            (Kind::RequiredChanged, Some("page")),
            (Kind::ParameterAdded, Some("new")),
        ]
    );
    let page = &d[1];
    assert_eq!(
        (page.ours.as_deref(), page.upstream.as_deref()),
        (Some("optional"), Some("required"))
    );
    assert!(page.line > 0 && page.upstream_line > 0);
    assert_eq!(d[2].upstream.as_deref(), Some("optional"));
}

#[test]
fn an_explicit_required_in_our_front_matter_counts() {
    let front = "parameters:\n  - name: page\n    required: true\n";
    let ours = spec_with(
        "ours",
        "things",
        "get",
        ROUTE,
        &[("id", true), ("page", false)],
        "",
        front,
    );
    let theirs = [spec(
        "up",
        "things",
        "get",
        ROUTE,
        &[("id", true), ("page", false)],
        "",
    )];
    assert_eq!(
        kinds(&compare(&[ours], &theirs)),
        [(Kind::RequiredChanged, Some("page"))]
    );
}

const ALLOW: &str = "# why\n- scope: things\n  id: get\n  kind: parameter-added\n  parameter: new\n  reason: typed under another name\n\n- scope: things\n  id: get\n  kind: removed\n  reason: kept on purpose\n";

#[test]
fn the_allowlist_suppresses_matches_and_reports_stale_entries() {
    let entries = allow::parse(Path::new("allow.yaml"), ALLOW).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!((entries[0].line, entries[1].line), (2, 8));
    let ours = [spec("ours", "things", "get", ROUTE, &[("id", true)], "")];
    let theirs = [spec(
        "up",
        "things",
        "get",
        ROUTE,
        &[("id", true), ("new", false), ("other", false)],
        "",
    )];
    let report = allow::apply(compare(&ours, &theirs), entries);
    assert_eq!(
        kinds(&report.differences),
        [(Kind::ParameterAdded, Some("other"))]
    );
    assert_eq!(report.allowed.len(), 1);
    assert_eq!(report.allowed[0].1, "typed under another name");
    assert_eq!(report.stale.len(), 1);
    assert_eq!(
        (report.stale[0].kind, report.stale[0].line),
        (Kind::Removed, 8)
    );
    assert!(!report.is_clean());
    let text = report.text();
    assert!(
        text.contains("difference[parameter-added]: things.get: upstream has a parameter `other`"),
        "{text}"
    );
    assert!(text.contains("stale: allowlist entry `removed` for things.get matches no difference\n  --> allow.yaml:8"), "{text}");
    assert!(
        text.ends_with(
            "diff-upstream: 1 difference(s), 1 allowed, 1 stale allowlist entry; coverage 0/0 upstream endpoints\n"
        ),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&report.json()).unwrap();
    assert_eq!(json["format"], 1);
    assert_eq!(json["clean"], false);
    assert_eq!(json["differences"][0]["kind"], "parameter-added");
    assert_eq!(json["differences"][0]["parameter"], "other");
    assert_eq!(json["differences"][0]["upstream"], "optional");
    assert_eq!(json["allowed"][0]["reason"], "typed under another name");
    assert_eq!(json["stale"][0]["line"], 8);
}

#[test]
fn allowlist_problems_are_reported_with_lines() {
    let text = "- scope: things\n  id: get\n  kind: parameter-added\n  reason: x\n- scope: things\n  id: get\n  kind: removed\n  reason: ''\n- scope: a\n  id: b\n  kind: vanished\n  because: x\n- scope: a\n  id: b\n  kind: removed\n  parameter: p\n  reason: r\n";
    let err = allow::parse(Path::new("allow.yaml"), text).unwrap_err();
    let got: Vec<(usize, &str)> = err.0.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert!(
        got.contains(&(1, "allowlist entry without `parameter`")),
        "{got:?}"
    );
    assert!(
        got.contains(&(8, "`reason` must be a non-empty string")),
        "{got:?}"
    );
    assert!(
        got.contains(&(11, "unknown difference kind `vanished`")),
        "{got:?}"
    );
    assert!(
        got.contains(&(12, "unknown key `because` in an allowlist entry")),
        "{got:?}"
    );
    assert!(
        got.contains(&(9, "allowlist entry without `reason`")),
        "{got:?}"
    );
    assert!(
        got.contains(&(16, "a `removed` entry has no `parameter`")),
        "{got:?}"
    );
    assert!(allow::parse(Path::new("a.yaml"), "# nothing yet\n")
        .unwrap()
        .is_empty());
    assert!(allow::parse(Path::new("a.yaml"), "scope: x\n").is_err());
}
