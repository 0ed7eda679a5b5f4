//! End-to-end tests of the stage: model files and responses in, models and diagnostics out.

use std::path::{Path, PathBuf};

use super::file::parse_model;
use super::*;
use crate::parse::{parse_spec, ResponseSpec};

/// Model files from `(name, text)` and the problems found reading them one by one.
pub(super) fn files(list: &[(&str, &str)]) -> (Vec<ModelFile>, Vec<crate::diag::Diagnostic>) {
    let mut diags = Vec::new();
    let files = list
        .iter()
        .filter_map(|(name, text)| {
            let path = PathBuf::from(format!("models/{name}.yaml"));
            parse_model(&path, text, &mut diags)
        })
        .collect();
    (files, diags)
}

/// The `responses:` of a spec `things/getThing.md` whose front-matter ends with `block`
/// (the block starts on file line 6).
pub(super) fn responses(block: &str) -> Vec<ResponseSpec> {
    let text = format!(
        "---\nname: Get a thing\nroute: GET /things\nscope: things\ntype: API method\n{block}---\n\n# Get a thing\n\nGets it.\n\n## Parameters\n\nThis endpoint has no parameters\n"
    );
    parse_spec(Path::new("things/getThing.md"), &text)
        .unwrap_or_else(|d| panic!("{d}"))
        .responses
}

pub(super) fn run(
    models: &[(&str, &str)],
    block: &str,
) -> Result<Resolved, Vec<(String, usize, String)>> {
    let specs = responses(block);
    let endpoint = EndpointResponses {
        file: Path::new("things/getThing.md"),
        scope: "things",
        id: "getThing",
        responses: &specs,
    };
    let (files, diags) = files(models);
    let result = match diags.is_empty() {
        true => resolve(&files, &[endpoint]),
        false => Err(crate::diag::Diagnostics(diags)),
    };
    result.map_err(|d| {
        d.0.into_iter()
            .map(|d| (d.file.display().to_string(), d.line, d.message))
            .collect()
    })
}

pub(super) fn errors(models: &[(&str, &str)], block: &str) -> Vec<(String, usize, String)> {
    match run(models, block) {
        Ok(r) => panic!("accepted: {:?}", r.models),
        Err(e) => e,
    }
}

pub(super) fn err(file: &str, line: usize, message: &str) -> (String, usize, String) {
    (file.to_string(), line, message.to_string())
}

fn model<'a>(r: &'a Resolved, name: &str) -> &'a Model {
    r.models
        .iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no model {name}"))
}

fn fields(m: &Model) -> Vec<(&str, String, bool, bool)> {
    let ModelKind::Object { fields } = &m.kind else {
        panic!("{} is not an object", m.name)
    };
    fields
        .iter()
        .map(|f| {
            (
                f.wire_name.as_str(),
                field_type_path(f),
                f.required,
                f.nullable,
            )
        })
        .collect()
}

const BASE: &str = "fields:\n  id: integer\n  name: string\n  url: string\n";

#[test]
fn extends_puts_base_fields_first_and_replaces_in_place() {
    let derived =
        "doc: More.\nextends: Base\nfields:\n  topics?: string[]\n  name: string | null\n";
    let r = run(&[("Base", BASE), ("Full", derived)], "").unwrap();
    assert_eq!(
        fields(model(&r, "Full")),
        [
            ("id", "i64".to_string(), true, false),
            ("name", "Option<String>".to_string(), true, true),
            ("url", "String".to_string(), true, false),
            ("topics", "Option<Vec<String>>".to_string(), false, false),
        ]
    );
    assert_eq!(model(&r, "Full").doc, "More.");
    // Names sorted.
    let names: Vec<_> = r.models.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Base", "Full"]);
}

#[test]
fn inline_objects_and_enums_are_hoisted_with_parent_names() {
    let repo = "fields:\n  permissions?:\n    doc: What you may do.\n    fields:\n      admin: boolean\n      extra_info:\n        fields:\n          a: any\n  visibility?:\n    enum: [public, private]\n  labels:\n    items:\n      fields:\n        name: string\n  \"+1\": integer\n  type: string\n";
    let r = run(&[("Repository", repo)], "").unwrap();
    let names: Vec<_> = r.models.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Repository",
            "RepositoryLabels",
            "RepositoryPermissions",
            "RepositoryPermissionsExtraInfo",
            "RepositoryVisibility"
        ]
    );
    let f = fields(model(&r, "Repository"));
    assert_eq!(f[0].1, "Option<models::RepositoryPermissions>");
    assert_eq!(f[1].1, "Option<models::RepositoryVisibility>");
    assert_eq!(f[2].1, "Vec<models::RepositoryLabels>");
    let perms = model(&r, "RepositoryPermissions");
    assert_eq!((perms.doc.as_str(), perms.line), ("What you may do.", 2));
    assert_eq!(perms.source, Path::new("models/Repository.yaml"));
    let ModelKind::Object { fields: all } = &model(&r, "Repository").kind else {
        panic!()
    };
    let rust: Vec<_> = all.iter().map(|f| f.rust_name.as_str()).collect();
    assert_eq!(
        rust,
        ["permissions", "visibility", "labels", "plus_1", "r#type"]
    );
    assert_eq!(all[3].line, 15);
}

#[test]
fn by_value_cycles_are_boxed_and_arrays_break_them() {
    let node = "fields:\n  parent?: Node | null\n  children: Node[]\n  index: map<Node>\n";
    let a = "fields:\n  b: B\n";
    let b = "fields:\n  a?: A\n  c: C\n";
    let c = "fields:\n  x: integer\n";
    let r = run(&[("Node", node), ("A", a), ("B", b), ("C", c)], "").unwrap();
    let f = fields(model(&r, "Node"));
    assert_eq!(f[0].1, "Option<Box<models::Node>>");
    assert_eq!(f[1].1, "Vec<models::Node>");
    assert_eq!(f[2].1, "std::collections::BTreeMap<String, models::Node>");
    assert_eq!(fields(model(&r, "A"))[0].1, "Box<models::B>");
    let b = fields(model(&r, "B"));
    assert_eq!(
        (b[0].1.as_str(), b[1].1.as_str()),
        ("Option<Box<models::A>>", "models::C")
    );
}

#[test]
fn one_of_cycles_are_errors_but_cycles_through_objects_are_boxed() {
    let e = errors(
        &[
            ("A", "one_of: [B]\n"),
            ("B", "one_of: [A, C]\n"),
            ("C", "fields:\n  a: A\n"),
        ],
        "",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(e[0].2.contains("`one_of` cycle: A, B"), "{e:?}");
    let r = run(&[("A", "one_of: [C]\n"), ("C", "fields:\n  a?: A\n")], "").unwrap();
    assert_eq!(fields(model(&r, "C"))[0].1, "Option<Box<models::A>>");
}

#[test]
fn unknown_models_everywhere() {
    let m = "extends: Nope\nfields:\n  a: Missing[]\n  b: map<Missing2>\n";
    let e = errors(
        &[
            ("M", m),
            ("SimpleUser", "fields: {}\n"),
            ("U", "one_of: [M, Gone]\n"),
        ],
        "responses:\n  200: Absent\n",
    );
    assert_eq!(
        e,
        [
            err("models/M.yaml", 1, "unknown model `Nope` in `extends`"),
            err("models/M.yaml", 3, "unknown model `Missing` in type"),
            err("models/M.yaml", 4, "unknown model `Missing2` in type"),
            err("models/U.yaml", 1, "unknown model `Gone` in `one_of` entry"),
            err("things/getThing.md", 7, "unknown model `Absent` in type"),
        ]
    );
    // Lower-case names are no model names: a bad type expression, found while reading.
    let e = errors(
        &[("M", "fields:\n  b: map<missing>\n  c: simpleUser\n")],
        "",
    );
    assert_eq!(
        e,
        [
            err(
                "models/M.yaml",
                2,
                "unknown type `missing` (in `map<missing>`)"
            ),
            err("models/M.yaml", 3, "unknown type `simpleUser`"),
        ]
    );
    let e = errors(
        &[
            ("SimpleUser", "fields: {}\n"),
            ("M", "fields:\n  a: Simpleuser\n"),
        ],
        "",
    );
    assert_eq!(
        e,
        [err(
            "models/M.yaml",
            2,
            "unknown model `Simpleuser` in type"
        )]
    );
}

#[test]
fn extends_cycles_and_non_object_bases() {
    let e = errors(
        &[
            ("A", "extends: B\nfields: {}\n"),
            ("B", "extends: A\nfields: {}\n"),
            ("C", "extends: C\nfields: {}\n"),
            ("D", "extends: E\nfields: {}\n"),
            ("E", "enum: [x]\n"),
        ],
        "",
    );
    assert_eq!(
        e,
        [
            err("models/B.yaml", 1, "`extends` cycle: B -> A -> B"),
            err("models/C.yaml", 1, "`extends` cycle: C -> C"),
            err(
                "models/D.yaml",
                1,
                "`extends` names `E`, which is not an object model"
            ),
        ]
    );
}

#[test]
fn name_clashes() {
    let e = errors(
        &[("FooBar", "fields: {}\n"), ("Foobar", "fields: {}\n")],
        "",
    );
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].0.as_str(), e[0].1), ("models/Foobar.yaml", 1));
    assert!(e[0].2.starts_with("duplicate model name `Foobar`"), "{e:?}");
    let e = errors(
        &[
            ("Repo", "fields:\n  owner:\n    fields: {}\n"),
            ("RepoOwner", "fields: {}\n"),
        ],
        "",
    );
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].1, 2);
    assert!(e[0].2.contains("would be named `RepoOwner`"), "{e:?}");
    let e = errors(&[("String", "fields: {}\n")], "");
    assert_eq!(
        e,
        [err(
            "models/String.yaml",
            1,
            "model name `String` is reserved"
        )]
    );
}

#[test]
fn rust_name_clashes_own_and_inherited() {
    let e = errors(
        &[(
            "A",
            "fields:\n  foo-bar: string\n  foo_bar: string\n  extra: any\n",
        )],
        "",
    );
    assert_eq!(
        e,
        [
            err(
                "models/A.yaml",
                3,
                "fields `foo-bar` and `foo_bar` both map to the Rust name `foo_bar`"
            ),
            err(
                "models/A.yaml",
                4,
                "field `extra` has the Rust name `extra`"
            ),
        ]
    );
    let e = errors(
        &[
            ("Base", "fields:\n  foo-bar: string\n"),
            (
                "D",
                "extends: Base\nfields:\n  x: integer\n  fooBar: string\n",
            ),
        ],
        "",
    );
    assert_eq!(
        e,
        [err(
            "models/D.yaml",
            4,
            "fields `foo-bar` and `fooBar` both map to the Rust name `foo_bar`"
        )]
    );
}

#[test]
fn one_of_entries_must_be_models_with_the_discriminator() {
    let e = errors(
        &[
            ("U", "one_of:\n  - A\n  - string\n  - B[]\n  - A\n"),
            ("A", "fields:\n  kind: string\n"),
            ("B", "fields:\n  other: string\n"),
        ],
        "",
    );
    assert_eq!(
        e,
        [
            err("models/U.yaml", 3, "`one_of` entry `string` is not a model"),
            err("models/U.yaml", 4, "array variant `B[]` has no name"),
            err("models/U.yaml", 5, "`one_of` lists `A` twice"),
        ]
    );
    let e = errors(
        &[
            ("U", "one_of:\n  - A\n  - B\ndiscriminator: kind\n"),
            ("A", "fields:\n  kind: string\n"),
            ("B", "enum: [x]\n"),
        ],
        "",
    );
    assert_eq!(
        e,
        [err(
            "models/U.yaml",
            4,
            "variant `B` of a `one_of` with a discriminator is not an object model"
        )]
    );
    let e = errors(
        &[
            ("U", "one_of: [A]\ndiscriminator: kind\n"),
            ("A", "fields:\n  type: string\n"),
        ],
        "",
    );
    assert_eq!(
        e,
        [err(
            "models/U.yaml",
            2,
            "discriminator `kind` is not a field of variant `A`"
        )]
    );
}

#[test]
fn whole_body_types_and_nested_nulls() {
    let e = errors(
        &[("A", "fields:\n  data: binary\n  md: text | null\n  list: string[]\n  m: map<string | null>\n  i:\n    items:\n      type: string\n      nullable: true\n")],
        "responses:\n  200: binary[]\n",
    );
    assert_eq!(
        e,
        [
            err(
                "models/A.yaml",
                2,
                "`binary` can only be a whole response body"
            ),
            err(
                "models/A.yaml",
                3,
                "`text` can only be a whole response body"
            ),
            err(
                "models/A.yaml",
                5,
                "`null` is not allowed for array elements or map values"
            ),
            err(
                "models/A.yaml",
                7,
                "`null` is not allowed for array elements or map values"
            ),
            err(
                "things/getThing.md",
                7,
                "`binary` can only be a whole response body"
            ),
        ]
    );
    let r = run(&[], "responses:\n  200: binary\n  404: ~\n").unwrap();
    assert_eq!(r.responses[0][0].body, Some(Schema::Binary));
    assert_eq!(r.responses[0][1].body, None);
}

#[test]
fn responses_resolve_with_lines_and_nullability() {
    let r = run(
        &[("Label", "fields:\n  name: string\n")],
        "responses:\n  200: Label[] | null\n  301: ~\n  422:\n    type: any\n",
    )
    .unwrap();
    let got: Vec<_> = r.responses[0]
        .iter()
        .map(|d| (d.status, response_type_path(d), d.line))
        .collect();
    assert_eq!(
        got,
        [
            (200, Some("Option<Vec<models::Label>>".to_string()), 7),
            (301, None, 8),
            (422, Some("serde_json::Value".to_string()), 9),
        ]
    );
}

#[test]
fn success_bodies_must_agree_and_inline_bodies_are_hoisted_once() {
    let e = errors(
        &[("A", "fields: {}\n"), ("B", "fields: {}\n")],
        "responses:\n  200: A\n  201: B\n  202: ~\n",
    );
    assert_eq!(
        e,
        [err(
            "things/getThing.md",
            8,
            "responses 200 and 201 have different bodies"
        )]
    );
    let block = "responses:\n  200:\n    fields:\n      id: integer\n  201: {fields: {id: integer}}\n  404:\n    fields:\n      message: string\n";
    let r = run(&[], block).unwrap();
    let names: Vec<_> = r.models.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        ["ThingsGetThingResponse", "ThingsGetThingResponse404"]
    );
    let types: Vec<_> = r.responses[0]
        .iter()
        .map(|d| response_type_path(d).unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "models::ThingsGetThingResponse",
            "models::ThingsGetThingResponse",
            "models::ThingsGetThingResponse404"
        ]
    );
}

#[test]
fn all_problems_of_all_files_at_once() {
    let e = errors(
        &[
            ("A", "fields:\n  a: Nope\n  b: binary\n"),
            ("B", "extends: B\nfields: {}\n"),
        ],
        "responses:\n  200: Gone\n",
    );
    assert_eq!(e.len(), 4, "{e:?}");
}

#[test]
fn many_models_resolve_in_linear_time() {
    // 3,000 models extending one base, in one reference cycle through all of them.
    let n = 3000;
    let texts: Vec<(String, String)> = (0..n)
        .map(|i| {
            (
                format!("M{i}"),
                format!(
                    "extends: Root\nfields:\n  next: M{}\n  f{i}: string\n",
                    (i + 1) % n
                ),
            )
        })
        .collect();
    let mut list: Vec<(&str, &str)> = texts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    list.push(("Root", "fields:\n  id: integer\n"));
    let started = std::time::Instant::now();
    let mut diags = Vec::new();
    let parsed: Vec<ModelFile> = list
        .iter()
        .map(|(name, text)| {
            parse_model(Path::new(&format!("models/{name}.yaml")), text, &mut diags).unwrap()
        })
        .collect();
    let r = resolve(&parsed, &[]).unwrap();
    assert_eq!(r.models.len(), n + 1);
    assert!(fields(model(&r, "M7"))[1].1.starts_with("Box<"));
    eprintln!("{} models in {:?}", n + 1, started.elapsed());
}

#[test]
fn overlong_extends_chains_are_refused_without_deep_recursion() {
    let texts: Vec<(String, String)> = (0..200)
        .map(|i| {
            (
                format!("M{i}"),
                format!("extends: M{}\nfields:\n  f{i}: string\n", i + 1),
            )
        })
        .chain([("M200".to_string(), "fields: {}\n".to_string())])
        .collect();
    let list: Vec<(&str, &str)> = texts
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let e = errors(&list, "");
    assert!(!e.is_empty());
    assert!(
        e.iter()
            .all(|(_, line, m)| *line == 1 && m.contains("chain longer than 64")),
        "{e:?}"
    );
}

#[test]
fn a_huge_model_file_is_read_in_linear_time() {
    // 50,000 fields (one of them a repeat) and a 50,000-value enum: quadratic duplicate
    // checks would take minutes in a debug build.
    let n = 50_000;
    let mut text = String::from("fields:\n");
    for i in 0..n {
        text.push_str(&format!("  field{i}: string\n"));
    }
    text.push_str("  field7?: integer\n");
    let values: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
    let enum_text = format!("enum: [{}]\n", values.join(", "));
    let started = std::time::Instant::now();
    let e = errors(&[("Big", &text), ("Many", &enum_text)], "");
    let took = started.elapsed();
    assert_eq!(
        e,
        [err(
            "models/Big.yaml",
            n + 2,
            "duplicate field `field7` (first at line 9)"
        )]
    );
    assert!(took < std::time::Duration::from_secs(20), "took {took:?}");
    eprintln!("{n} fields and {n} enum values in {took:?}");
}

#[test]
fn inline_response_bodies_are_checked_like_models() {
    let block = "responses:\n  200:\n    fields:\n      html-url: string\n      html_url: string\n";
    let e = errors(&[], block);
    assert_eq!(
        e,
        [err(
            "things/getThing.md",
            10,
            "fields `html-url` and `html_url` both map to the Rust name `html_url`"
        )]
    );
}
