//! Property: any spec the parser and model accept generates Rust that parses — whatever its
//! method id, parameter names, enum values and descriptions (keywords, signs, quotes, braces,
//! non-ASCII, comment and attribute openers). Code generation panics on unparseable output.

use std::path::Path;

use client_generator::codegen::generate_crate;
use client_generator::model::build_api;
use client_generator::parse::parse_spec;
use proptest::prelude::*;
use proptest::test_runner::Config;

const WORDS: &[&str] = &[
    "self", "Self", "type", "crate", "super", "fn", "match", "r#type", "client", "build", "send",
    "new", "value", "Option", "String", "Vec", "Result", "Some", "None", "into", "default", "+1",
    "-1", "2fa", "größe", "日本", "x\"y", "a}b", "a{b", "__", "_", "a--b", "ÄÖÜ",
];
const TEXT: &[&str] = &[
    "*/",
    "/*",
    "\"#",
    "r#\"",
    "#[doc(hidden)]",
    "#![x]",
    "</td>",
    "`</td>`",
    "```rust\nx();\n```",
    "\\",
    "{",
    "}",
    "<script>",
    "&amp;",
    "https://example.com/x",
    "[a](b)",
    "\u{202e}",
    "é",
];

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(WORDS).prop_map(str::to_string),
        "[a-zA-Z][a-zA-Z0-9_-]{0,8}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(TEXT).prop_map(str::to_string),
            "[a-z]{1,6}"
        ],
        0..8,
    )
    .prop_map(|parts| parts.join(" "))
}

fn values() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(WORDS).prop_map(str::to_string),
            prop::sample::select(TEXT).prop_map(str::to_string),
            "[a-z0-9 .-]{0,6}"
        ],
        1..6,
    )
}

/// A spec with `id`, path parameter `owner`, and optional rows `names` (one of them, if any,
/// described as an enum of `values`).
fn spec(id: &str, method: &str, names: &[String], values: &[String], desc: &str) -> String {
    let mut rows = String::from("<tr><td>owner</td><td>yes</td><td>\n\nThe owner.\n\n</td></tr>\n");
    for (i, n) in names.iter().enumerate() {
        let d = if i == 0 {
            let list: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
            format!("{desc} Can be one of: {}.", list.join(", "))
        } else {
            desc.to_string()
        };
        rows.push_str(&format!(
            "<tr><td>{n}</td><td>no</td><td>\n\n{d}\n\n</td></tr>\n"
        ));
    }
    format!(
        "---\nname: n\nexample: \"octokit.rest.things.{id}()\"\nroute: {method} /owners/{{owner}}\nscope: things\ntype: API method\n---\n\n# {desc}\n\n{desc}\n\n## Parameters\n\n<table>\n<thead><tr><th>name</th><th>required</th><th>description</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
    )
}

proptest! {
    #![proptest_config(Config { cases: 128, failure_persistence: None, ..Config::default() })]

    #[test]
    fn accepted_specs_generate_parseable_rust(
        id in prop_oneof![prop::sample::select(WORDS).prop_map(str::to_string), "[a-z][a-zA-Z0-9]{0,8}"],
        method in prop::sample::select(&["GET", "POST", "PATCH", "DELETE"][..]),
        names in prop::collection::vec(name(), 0..5),
        values in values(),
        desc in text(),
    ) {
        let text = spec(&id, method, &names, &values, &desc);
        let path = Path::new("specs/things").join(format!("{id}.md"));
        let Ok(parsed) = parse_spec(&path, &text) else {
            return Ok(()); // rejected with diagnostics: fine
        };
        let Ok(api) = build_api(&[parsed]) else {
            return Ok(());
        };
        for file in generate_crate(&api) {
            if file.path.extension().is_some_and(|e| e == "rs") {
                let parsed = syn::parse_file(&file.contents);
                prop_assert!(parsed.is_ok(), "{}: {:?}\n{text}", file.path.display(), parsed.err());
            }
        }
    }
}
