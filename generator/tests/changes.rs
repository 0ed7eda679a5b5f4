//! `client-generator changes` on paired spec trees: one case per kind, each asserting the
//! kinds found and their level in the text, Markdown and JSON reports, plus the version gate,
//! a git revision base and the changelog.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

type Tree = BTreeMap<String, String>;

/// A spec file: `rows` are (name, required) table rows, `front` extra front-matter lines.
fn spec(route: &str, rows: &[(&str, bool)], front: &str, text: &str) -> String {
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

fn base() -> Tree {
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

fn edit(t: &mut Tree, file: &str, from: &str, to: &str) {
    let text = t.get_mut(file).unwrap_or_else(|| panic!("no {file}"));
    assert!(text.contains(from), "{file} has no `{from}`");
    *text = text.replacen(from, to, 1);
}

fn row(name: &str, required: bool) -> String {
    let yes = if required { "yes" } else { "no" };
    format!("<tr><td>{name}</td><td>{yes}</td><td>\n\nThe {name}.\n\n</td></tr>\n  </tbody>")
}

fn add_row(t: &mut Tree, file: &str, name: &str, required: bool) {
    edit(t, file, "  </tbody>", &row(name, required));
}

fn deprecate_get(t: &mut Tree) {
    edit(
        t,
        "things/get.md",
        "Gets a thing.",
        "**This method is deprecated.**\n\nGets a thing.",
    );
}

type Edit = fn(&mut Tree);

/// (name, edit of the base tree, edit of the new tree, expected kinds in report order).
fn cases() -> Vec<(&'static str, Edit, Edit, &'static [&'static str])> {
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
            &["method-renamed-with-forward"],
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

fn write(tree: &Tree, dir: &Path) {
    for (path, text) in tree {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_client-generator"))
}

/// Runs `changes` in `format`: (exit code, stdout, stderr).
fn changes(base: &str, specs: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin()
        .args(["changes", "--base", base, "--specs"])
        .arg(specs)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn level_of(kind: &str) -> &'static str {
    const PATCH: &[&str] = &[
        "undeprecated",
        "route-changed",
        "parameter-location-changed",
        "response-statuses-changed",
        "notifications-changed",
        "model-discriminator-changed",
        "documentation-changed",
    ];
    const MINOR: &[&str] = &[
        "endpoint-added",
        "optional-parameter-added",
        "parameter-enum-value-added",
        "endpoint-deprecated",
        "method-renamed-with-forward",
        "parameter-deprecated",
        "model-added",
        "model-enum-value-added",
    ];
    if PATCH.contains(&kind) {
        "patch"
    } else if MINOR.contains(&kind) {
        "minor"
    } else {
        "major"
    }
}

#[test]
fn every_kind_is_found_with_its_level_in_all_three_formats() {
    let all = client_generator::changes::Kind::ALL;
    let mut covered = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    for (name, base_edit, new_edit, expected) in cases() {
        let dir = tempfile::tempdir().unwrap();
        let (b, n) = (dir.path().join("base"), dir.path().join("new"));
        let mut base_tree = base();
        base_edit(&mut base_tree);
        let mut new_tree = base();
        new_edit(&mut new_tree);
        write(&base_tree, &b);
        write(&new_tree, &n);
        let b = b.to_str().unwrap();

        let (code, json, err) = changes(b, &n, &["--format", "json"]);
        assert_eq!(code, 0, "{name}: {err}");
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["format"], 1);
        let found: Vec<(String, String)> = v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["kind"].as_str().unwrap().to_owned(),
                    c["level"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let kinds: Vec<&str> = found.iter().map(|(k, _)| k.as_str()).collect();
        if kinds != expected {
            failures.push(format!("{name}: expected {expected:?}, found {kinds:?}"));
            continue;
        }
        for (kind, level) in &found {
            assert_eq!(level, level_of(kind), "{name}: {kind}");
            let k = all.iter().find(|k| k.name() == kind).unwrap();
            assert_eq!(k.level().name(), level, "{name}: {kind}");
        }
        let top = found
            .iter()
            .map(|(k, _)| level_of(k))
            .max_by_key(|l| ["patch", "minor", "major"].iter().position(|x| x == l));
        assert_eq!(v["level"].as_str(), top, "{name}");

        let (_, text, _) = changes(b, &n, &[]);
        let (_, md, _) = changes(b, &n, &["--format", "markdown"]);
        for (kind, level) in &found {
            assert!(
                text.contains(&format!("change[{kind}] ({level})")),
                "{name}: text lacks {kind}\n{text}"
            );
            assert!(
                md.contains(&format!("- `{kind}` ")),
                "{name}: markdown lacks {kind}\n{md}"
            );
            let section = format!("## {}{}", level[..1].to_uppercase(), &level[1..]);
            assert!(
                md.contains(&section),
                "{name}: markdown lacks {section}\n{md}"
            );
            covered.insert(kind.clone());
        }
        let head = md.lines().next().unwrap_or_default();
        assert!(
            head.starts_with(&format!("**API changes: {}**", top.unwrap_or("none"))),
            "{name}: {head}"
        );
        assert!(
            text.trim_end()
                .lines()
                .last()
                .unwrap()
                .contains(&format!("{} change(s)", found.len())),
            "{name}\n{text}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let missing: Vec<&str> = all
        .iter()
        .map(|k| k.name())
        .filter(|k| !covered.contains(*k))
        .collect();
    assert!(missing.is_empty(), "kinds without a case: {missing:?}");
}

#[test]
fn check_version_fails_when_the_bump_is_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let (b, n) = (dir.path().join("base"), dir.path().join("new"));
    let mut new_tree = base();
    edit(
        &mut new_tree,
        "models/Thing.yaml",
        "id: integer",
        "id: string",
    );
    write(&base(), &b);
    let b = b.to_str().unwrap();
    for (version, ok) in [
        ("0.1.0", false),
        ("0.1.1", false),
        ("0.2.0", true),
        ("1.0.0", true),
        ("0.0.9", false),
    ] {
        new_tree.insert(
            "crate.yaml".into(),
            format!("name: things\nversion: {version}\n"),
        );
        write(&new_tree, &n);
        let (code, _, err) = changes(b, &n, &["--check-version"]);
        assert_eq!(code, i32::from(!ok), "{version}: {err}");
        if !ok {
            assert!(
                err.contains("needs 0.2.0") || err.contains("goes down"),
                "{version}: {err}"
            );
        }
        // Without the flag the exit code is always 0.
        assert_eq!(changes(b, &n, &[]).0, 0);
    }
    // An addition fits a patch bump of 0.x; an unchanged version only takes patch-level changes.
    let mut added = base();
    added.insert(
        "models/Label.yaml".into(),
        "fields:\n  id: integer\n".into(),
    );
    for (version, ok) in [("0.1.0", false), ("0.1.1", true)] {
        added.insert(
            "crate.yaml".into(),
            format!("name: things\nversion: {version}\n"),
        );
        write(&added, &n);
        assert_eq!(
            changes(b, &n, &["--check-version"]).0,
            i32::from(!ok),
            "{version}"
        );
    }
}

#[test]
fn a_git_revision_is_read_without_touching_the_work_tree() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .arg("-C")
            .arg(repo)
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q"]);
    write(&base(), &repo.join("specs"));
    git(&["add", "-A"]);
    git(&["commit", "-qm", "base"]);
    let mut new_tree = base();
    add_row(&mut new_tree, "things/get.md", "page", false);
    write(&new_tree, &repo.join("specs"));
    let specs = repo.join("specs");
    let (code, json, err) = changes("HEAD", &specs, &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["changes"][0]["kind"], "optional-parameter-added");
    assert_eq!(v["base"], "HEAD");
    // A removal points into the revision, not into a temporary folder.
    std::fs::remove_file(specs.join("things/upload.md")).unwrap();
    let (_, text, _) = changes("HEAD", &specs, &[]);
    assert!(text.contains("--> HEAD:specs/things/upload.md"), "{text}");
    let (code, _, err) = changes("no-such-rev", &specs, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-rev"), "{err}");
}

#[test]
fn the_changelog_gets_one_section_per_version() {
    let dir = tempfile::tempdir().unwrap();
    let (b, n) = (dir.path().join("base"), dir.path().join("new"));
    write(&base(), &b);
    let mut new_tree = base();
    new_tree.insert("crate.yaml".into(), "name: things\nversion: 0.2.0\n".into());
    edit(
        &mut new_tree,
        "models/Thing.yaml",
        "id: integer",
        "id: string",
    );
    edit(
        &mut new_tree,
        "things/get.md",
        "Gets a thing.",
        "Gets one thing.",
    );
    write(&new_tree, &n);
    let log = dir.path().join("CHANGELOG.md");
    let b = b.to_str().unwrap();
    for _ in 0..2 {
        let (code, _, err) = changes(b, &n, &["--changelog", log.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
    }
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("# Changelog\n"), "{text}");
    assert_eq!(text.matches("## 0.2.0").count(), 1, "{text}");
    assert!(text.contains("### Breaking changes"), "{text}");
    assert!(text.contains("(`model-field-type-changed`)"), "{text}");
    assert!(
        text.contains("Documentation of 1 endpoint(s) and model(s)"),
        "{text}"
    );
}
