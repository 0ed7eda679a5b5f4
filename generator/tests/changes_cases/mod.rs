//! The paired spec trees of `tests/changes.rs` (and of the cargo-semver-checks cross-check in
//! `tests/semver_checks.rs`): a small base tree and one edit per kind of change.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

pub type Tree = BTreeMap<String, String>;

/// A spec file: `rows` are (name, required) table rows, `front` extra front-matter lines.
pub fn spec(route: &str, rows: &[(&str, bool)], front: &str, text: &str) -> String {
    let mut out = format!(
        "---\nname: Thing\nexample: x\nroute: {route}\nscope: things\ntype: API method\n{front}---\n\n# Thing\n\n{text}\n\n```js\nx();\n```\n\n## Parameters\n\n<table>\n  <thead>\n    <tr><th>name</th><th>required</th><th>description</th></tr>\n  </thead>\n  <tbody>\n"
    );
    for (name, required) in rows {
        let yes = if *required { "yes" } else { "no" };
        out.push_str(&format!(
            "<tr><td>{name}</td><td>{yes}</td><td>\n\nThe {name}.\n\n</td></tr>\n"
        ));
    }
    out.push_str("  </tbody>\n</table>\n\nSee also: [docs](https://example.com/x).\n");
    out
}

const GET_FRONT: &str =
    "parameters:\n  - name: state\n    enum: [open, closed]\nresponses:\n  200: Thing\n  404: ~\n";
const GET_ROWS: &[(&str, bool)] = &[("thing_id", true), ("state", false), ("per_page", false)];
const CREATE_ROWS: &[(&str, bool)] = &[
    ("name", true),
    ("note", false),
    ("owner", false),
    ("owner.name", true),
];
const THING: &str = "fields:\n  id: integer\n  name: string\n  color?: Color\n  shape?: Shape\n";
const SHAPE: &str = "one_of: [Circle, Square]\ndiscriminator: kind\n";

pub fn base() -> Tree {
    let mut t = Tree::new();
    t.insert("crate.yaml".into(), "name: things\nversion: 0.1.0\n".into());
    t.insert(
        "things/get.md".into(),
        spec(
            "GET /things/{thing_id}",
            GET_ROWS,
            GET_FRONT,
            "Gets a thing.",
        ),
    );
    t.insert(
        "things/create.md".into(),
        spec(
            "POST /things",
            CREATE_ROWS,
            "responses:\n  201: Thing\n",
            "Creates a thing.",
        ),
    );
    t.insert(
        "things/upload.md".into(),
        spec(
            "POST /things/{thing_id}/data",
            &[("thing_id", true), ("data", true)],
            "",
            "Uploads data.",
        ),
    );
    t.insert(
        "things/getOld.md".into(),
        spec(
            "GET /things/{thing_id}/old",
            &[("thing_id", true)],
            "",
            "Gets it the old way.",
        ),
    );
    t.insert("models/Thing.yaml".into(), THING.into());
    t.insert("models/Color.yaml".into(), "enum: [red, green]\n".into());
    t.insert("models/Shape.yaml".into(), SHAPE.into());
    t.insert(
        "models/Circle.yaml".into(),
        "fields:\n  kind: string\n  radius: number\n".into(),
    );
    t.insert(
        "models/Square.yaml".into(),
        "fields:\n  kind: string\n  side: number\n".into(),
    );
    t
}

/// `things/list.md` with an optional `state` enum of `values` (YAML after `enum:`).
fn add_list(t: &mut Tree, values: &str) {
    t.insert(
        "things/list.md".into(),
        spec(
            "GET /things",
            &[("state", false)],
            &format!("parameters:\n  - name: state\n    enum: {values}\n"),
            "Lists things.",
        ),
    );
}

pub fn edit(t: &mut Tree, file: &str, from: &str, to: &str) {
    let text = t.get_mut(file).unwrap_or_else(|| panic!("no {file}"));
    assert!(text.contains(from), "{file} has no `{from}`");
    *text = text.replacen(from, to, 1);
}

pub fn row(name: &str, required: bool) -> String {
    let yes = if required { "yes" } else { "no" };
    format!("<tr><td>{name}</td><td>{yes}</td><td>\n\nThe {name}.\n\n</td></tr>\n  </tbody>")
}

pub fn add_row(t: &mut Tree, file: &str, name: &str, required: bool) {
    edit(t, file, "  </tbody>", &row(name, required));
}

pub fn deprecate_get(t: &mut Tree) {
    edit(
        t,
        "things/get.md",
        "Gets a thing.",
        "**This method is deprecated.**\n\nGets a thing.",
    );
}

pub type Edit = fn(&mut Tree);

/// (name, edit of the base tree, edit of the new tree, expected kinds in report order).
pub fn cases() -> Vec<(&'static str, Edit, Edit, &'static [&'static str])> {
    vec![
        (
            "endpoint removed",
            |_| {},
            |t| {
                t.remove("things/upload.md");
            },
            &["endpoint-removed"],
        ),
        (
            "method renamed",
            |_| {},
            |t| {
                let s = t.remove("things/upload.md").unwrap();
                t.insert("things/uploadData.md".into(), s);
            },
            &["method-renamed"],
        ),
        (
            "request body",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/upload.md",
                    "Uploads data.",
                    "Uploads data, sent with the `Content-Type` `text/plain`.",
                );
            },
            &[
                "request-body-changed",
                "parameter-removed",
                "documentation-changed",
            ],
        ),
        (
            "return type",
            |_| {},
            |t| edit(t, "things/get.md", "200: Thing", "200: Thing[]"),
            &["return-type-changed"],
        ),
        (
            "required parameter",
            |_| {},
            |t| add_row(t, "things/get.md", "login", true),
            &["required-parameter-added"],
        ),
        (
            "struct field of a parameter",
            |_| {},
            |t| add_row(t, "things/create.md", "owner.email", false),
            &["parameter-field-added"],
        ),
        (
            "parameter removed",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/get.md",
                    "<tr><td>per_page</td><td>no</td><td>\n\nThe per_page.\n\n</td></tr>\n",
                    "",
                );
            },
            &["parameter-removed"],
        ),
        (
            "became required",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/get.md",
                    "per_page</td><td>no",
                    "per_page</td><td>yes",
                )
            },
            &["parameter-became-required"],
        ),
        (
            "became optional",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/create.md",
                    "<td>name</td><td>yes",
                    "<td>name</td><td>no",
                )
            },
            &["parameter-became-optional"],
        ),
        (
            "parameter type",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/get.md",
                    "parameters:\n",
                    "parameters:\n  - name: per_page\n    type: string\n",
                );
            },
            &["parameter-type-changed"],
        ),
        (
            "nullable parameter",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/create.md",
                    "responses:",
                    "parameters:\n  - name: note\n    type: string\n    nullable: true\nresponses:",
                );
            },
            &["parameter-nullability-changed"],
        ),
        (
            "enum value removed",
            |_| {},
            |t| edit(t, "things/get.md", "[open, closed]", "[open]"),
            &["parameter-enum-value-removed"],
        ),
        (
            "model removed",
            |_| {},
            |t| {
                t.remove("models/Color.yaml");
                edit(t, "models/Thing.yaml", "  color?: Color\n", "");
            },
            &["model-removed", "model-field-removed"],
        ),
        (
            "model kind",
            |_| {},
            |t| {
                t.insert(
                    "models/Color.yaml".into(),
                    "fields:\n  name: string\n".into(),
                );
            },
            &["model-kind-changed"],
        ),
        (
            "model field removed",
            |_| {},
            |t| edit(t, "models/Thing.yaml", "  name: string\n", ""),
            &["model-field-removed"],
        ),
        (
            "model field added",
            |_| {},
            |t| {
                edit(
                    t,
                    "models/Thing.yaml",
                    "  name: string\n",
                    "  name: string\n  size?: integer\n",
                )
            },
            &["model-field-added"],
        ),
        (
            "model field optional",
            |_| {},
            |t| edit(t, "models/Thing.yaml", "  name: string", "  name?: string"),
            &["model-field-became-optional"],
        ),
        (
            "model field type",
            |_| {},
            |t| edit(t, "models/Thing.yaml", "id: integer", "id: string"),
            &["model-field-type-changed"],
        ),
        (
            "model field became a timestamp",
            |_| {},
            |t| edit(t, "models/Thing.yaml", "name: string", "name: timestamp"),
            &["model-field-timestamp-changed"],
        ),
        (
            "parameter became a timestamp",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/create.md",
                    "responses:",
                    "parameters:\n  - name: note\n    type: timestamp\nresponses:",
                );
            },
            &["parameter-timestamp-changed"],
        ),
        (
            "model enum value removed",
            |_| {},
            |t| {
                t.insert("models/Color.yaml".into(), "enum: [red]\n".into());
            },
            &["model-enum-value-removed"],
        ),
        (
            "one-of variant added",
            |_| {},
            |t| {
                t.insert(
                    "models/Shape.yaml".into(),
                    "one_of: [Circle, Square, Dot]\ndiscriminator: kind\n".into(),
                );
                t.insert("models/Dot.yaml".into(), "fields:\n  kind: string\n".into());
            },
            &["model-variant-added", "model-added"],
        ),
        (
            "one-of variant removed",
            |_| {},
            |t| {
                t.insert(
                    "models/Shape.yaml".into(),
                    "one_of: [Circle]\ndiscriminator: kind\n".into(),
                );
            },
            &["model-variant-removed"],
        ),
        (
            "endpoint added",
            |_| {},
            |t| {
                t.insert(
                    "things/list.md".into(),
                    spec("GET /things", &[], "", "Lists things."),
                );
            },
            &["endpoint-added"],
        ),
        (
            "optional parameter",
            |_| {},
            |t| add_row(t, "things/get.md", "page", false),
            &["optional-parameter-added"],
        ),
        (
            "enum value added",
            |_| {},
            |t| edit(t, "things/get.md", "[open, closed]", "[open, closed, all]"),
            &["parameter-enum-value-added"],
        ),
        (
            "enum shared",
            |t| add_list(t, "[open]"),
            |t| add_list(t, "[closed, open]"),
            &[
                "parameter-enum-shared",
                "parameter-enum-shared",
                "parameter-enum-value-added",
            ],
        ),
        (
            "shared enum type changed",
            |t| add_list(t, "[closed, open]"),
            |t| add_list(t, "[closed, open]\n    enum_name: ListState"),
            &["parameter-enum-type-changed", "parameter-enum-type-changed"],
        ),
        (
            "endpoint deprecated",
            |_| {},
            deprecate_get,
            &["endpoint-deprecated"],
        ),
        (
            "renamed with a forward",
            |_| {},
            |t| {
                edit(t, "things/getOld.md", "Gets it the old way.", "**Deprecated:** This method has been renamed to things.get\n\nGets it the old way.");
            },
            &["request-builder-removed", "method-renamed-with-forward"],
        ),
        (
            "parameter deprecated",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/get.md",
                    "The per_page.",
                    "The per_page. **This parameter is closing down.**",
                );
            },
            &["parameter-deprecated", "documentation-changed"],
        ),
        (
            "model added",
            |_| {},
            |t| {
                t.insert(
                    "models/Label.yaml".into(),
                    "fields:\n  id: integer\n".into(),
                );
            },
            &["model-added"],
        ),
        (
            "model enum value added",
            |_| {},
            |t| {
                t.insert(
                    "models/Color.yaml".into(),
                    "enum: [red, green, blue]\n".into(),
                );
            },
            &["model-enum-value-added"],
        ),
        ("undeprecated", deprecate_get, |_| {}, &["undeprecated"]),
        (
            "route",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/get.md",
                    "route: GET /things/{thing_id}",
                    "route: GET /items/{thing_id}",
                )
            },
            &["route-changed"],
        ),
        (
            "parameter location",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/get.md",
                    "parameters:\n",
                    "parameters:\n  - name: per_page\n    in: header\n",
                );
            },
            &["parameter-location-changed"],
        ),
        (
            "statuses",
            |_| {},
            |t| edit(t, "things/get.md", "  404: ~\n", ""),
            &["response-statuses-changed"],
        ),
        (
            "notifications",
            |_| {},
            |t| {
                edit(
                    t,
                    "things/create.md",
                    "Creates a thing.",
                    "Creates a thing. This endpoint triggers notifications.",
                )
            },
            &["notifications-changed", "documentation-changed"],
        ),
        (
            "discriminator",
            |_| {},
            |t| {
                t.insert(
                    "models/Shape.yaml".into(),
                    "one_of: [Circle, Square]\n".into(),
                );
            },
            &["model-discriminator-changed"],
        ),
        (
            "documentation",
            |_| {},
            |t| edit(t, "things/get.md", "Gets a thing.", "Gets one thing."),
            &["documentation-changed"],
        ),
        ("nothing", |_| {}, |_| {}, &[]),
    ]
}

pub fn write(tree: &Tree, dir: &Path) {
    for (path, text) in tree {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
}
