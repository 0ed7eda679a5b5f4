//! Runs every case of the hostile-spec catalogue (`tests/hostile-specs/`, see
//! `tests/support/hostile.rs`) through `Config::load` (spec files and `models/*.yaml`) (+ code generation for valid
//! cases), and a few hostile inputs too large or too odd to commit.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use client_generator::codegen::generate_crate;
use client_generator::diag::Diagnostics;
use client_generator::model::Api;
use client_generator::Config;
use github_client_suite::hostile::{cases, mismatch, Case, Expect};

fn catalogue() -> Vec<Case> {
    cases(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile-specs"))
}

/// Parse specs and model files + model, the way `generate` starts.
fn load(dir: &Path) -> Result<Api, Diagnostics> {
    Config::new().specs(dir).load()
}

/// (path relative to `dir`, line, message) of each diagnostic.
fn relative(dir: &Path, diags: &Diagnostics) -> Vec<(PathBuf, usize, String)> {
    diags
        .0
        .iter()
        .map(|d| {
            let file = d.file.strip_prefix(dir).unwrap_or(&d.file).to_path_buf();
            (file, d.line, d.message.clone())
        })
        .collect()
}

#[test]
fn catalogue_has_at_least_thirty_invalid_cases() {
    let all = catalogue();
    let invalid = all
        .iter()
        .filter(|c| matches!(c.expect, Expect::Errors(_)))
        .count();
    assert!(invalid >= 30, "only {invalid} invalid cases");
    for case in &all {
        let specs = walk_md(&case.dir);
        assert!(!specs.is_empty(), "{}: no spec file", case.name);
    }
}

fn walk_md(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk_md(&path));
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    out
}

#[test]
fn every_invalid_case_reports_exactly_its_errors_with_file_and_line() {
    let mut failures = Vec::new();
    for case in catalogue() {
        let Expect::Errors(expected) = &case.expect else {
            continue;
        };
        match load(&case.dir) {
            Ok(_) => failures.push(format!("{}: accepted, expected errors", case.name)),
            Err(diags) => {
                if let Some(diff) = mismatch(expected, &relative(&case.dir, &diags)) {
                    failures.push(format!("{}:\n{diff}", case.name));
                }
                for d in &diags.0 {
                    let shown = d.to_string();
                    let location = match d.line {
                        0 => format!("--> {}", d.file.display()),
                        n => format!("--> {}:{n}", d.file.display()),
                    };
                    let hinted = d.hint.as_ref().is_some_and(|h| !h.trim().is_empty());
                    if !shown.contains(&location) || !hinted {
                        failures.push(format!("{}: unclear diagnostic:\n{shown}", case.name));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_valid_case_builds_and_generates() {
    let mut failures = Vec::new();
    for case in catalogue() {
        let Expect::Valid { doc_only } = &case.expect else {
            continue;
        };
        let api = match load(&case.dir) {
            Ok(api) => api,
            Err(diags) => {
                failures.push(format!("{}: rejected:\n{diags}", case.name));
                continue;
            }
        };
        let files = generate_crate(&api);
        let code: String = files.iter().map(|f| f.contents.as_str()).collect();
        for text in doc_only {
            if !code.contains(text.as_str()) {
                failures.push(format!("{}: `{text}` lost from the docs", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A valid spec from the catalogue, for tests that build odd variants of it.
fn valid_spec() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile-specs/nul-bytes/nulBytes");
    std::fs::read_to_string(dir.join("getThing.md")).unwrap()
}

/// Writes `text` as `<tmp>/nulBytes/getThing.md` and loads the folder, timing it.
fn load_one(text: &str) -> (Result<Api, Diagnostics>, Duration, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let scope = tmp.path().join("nulBytes");
    std::fs::create_dir_all(&scope).unwrap();
    std::fs::write(scope.join("getThing.md"), text).unwrap();
    let started = Instant::now();
    let result = load(tmp.path());
    (result, started.elapsed(), tmp)
}

/// ~10 MB of Markdown paragraphs.
fn ten_megabytes() -> String {
    let line = "Lorem ipsum `code` **bold** [link](https://example.com/x) dolor sit amet.\n";
    let mut text = String::with_capacity(10 << 20);
    while text.len() < 10 << 20 {
        text.push_str(line);
        text.push('\n');
    }
    text
}

#[test]
fn ten_megabyte_descriptions_are_kept_and_processed_quickly() {
    let big = ten_megabytes();
    let spec = valid_spec();
    let in_body = spec.replacen("Returns one thing", &format!("{big}\nReturns one thing"), 1);
    let in_cell = spec.replacen("The numeric id", &format!("{big}\nThe numeric id"), 1);
    for (what, text) in [("description", in_body), ("table cell", in_cell)] {
        let (result, took, _tmp) = load_one(&text);
        let api = result.unwrap_or_else(|d| panic!("{what}: {d}"));
        let e = &api.endpoints[0];
        let total =
            e.description.len() + e.params.iter().map(|p| p.description.len()).sum::<usize>();
        assert!(total > 10 << 20, "{what}: text lost ({total} bytes)");
        // Debug build: tens of MB/s when linear; a quadratic step would take minutes.
        assert!(took < Duration::from_secs(30), "{what}: took {took:?}");
        eprintln!("{what}: parsed and modelled 10 MB in {took:?}");
        if what == "description" {
            let started = Instant::now();
            let files = generate_crate(&api);
            let took = started.elapsed();
            let code: usize = files.iter().map(|f| f.contents.len()).sum();
            assert!(code > 10 << 20, "the description is not in the docs");
            assert!(took < Duration::from_secs(60), "generation took {took:?}");
        }
    }
}

#[test]
fn a_non_utf8_file_name_is_a_clear_error() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let scope = tmp.path().join("things");
    std::fs::create_dir_all(&scope).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"get\xffThing.md");
    std::fs::write(scope.join(name), valid_spec().replace("nulBytes", "things")).unwrap();
    let diags = load(tmp.path()).unwrap_err();
    assert_eq!(diags.0.len(), 1, "{diags}");
    assert_eq!(diags.0[0].line, 0);
    assert!(
        diags.0[0].message.contains("is not a valid identifier"),
        "{diags}"
    );
}

#[test]
fn typed_responses_case_round_trips_through_inspect() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile-specs/typed-responses");
    let text = Config::new()
        .specs(&dir)
        .inspect_json()
        .unwrap_or_else(|d| panic!("{d}"));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        json["endpoints"][0]["responses"],
        serde_json::json!([
            {"status": 200, "type": "models::FullThing"},
            {"status": 304, "type": null},
            {"status": 404, "type": null},
        ])
    );
    let models = json["models"].as_array().unwrap();
    let names: Vec<&str> = models.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Content",
            "DirContent",
            "FileContent",
            "FullThing",
            "FullThingPermissions",
            "FullThingVisibility",
            "Label",
            "Owner",
            "Thing",
            "ThingKind"
        ]
    );
    let model = |name: &str| models.iter().find(|m| m["name"] == name).unwrap();
    let fields: Vec<String> = model("FullThing")["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {} {}",
                f["name"].as_str().unwrap(),
                f["rust_name"].as_str().unwrap(),
                f["type"].as_str().unwrap(),
                f["required"],
                f["nullable"]
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            "id id i64 true false",
            "name name String true false",
            "+1 plus_1 i64 true false",
            "type r#type models::ThingKind true false",
            "owner owner Option<models::Owner> true true",
            "parent parent Option<Box<models::FullThing>> false true",
            "labels labels Option<Vec<models::Label>> false false",
            "meta meta Option<std::collections::BTreeMap<String, serde_json::Value>> false false",
            "description description Option<String> true true",
            "permissions permissions Option<models::FullThingPermissions> false false",
            "visibility visibility Option<models::FullThingVisibility> false false",
            "content content Option<models::Content> false false",
            "children_by_name children_by_name std::collections::BTreeMap<String, Vec<models::Thing>> true false",
        ]
    );
    assert_eq!(
        model("Content"),
        &serde_json::json!({"name": "Content", "kind": "one_of", "doc": "A file or a folder.",
            "variants": ["FileContent", "DirContent"], "discriminator": "type",
            "array": {"name": "Listing", "type": "Vec<models::Label>", "items": "Label"}})
    );
    assert_eq!(
        model("FullThingVisibility")["values"],
        serde_json::json!(["public", "private", "*/"])
    );
    assert_eq!(
        model("FullThingPermissions")["doc"],
        "What the caller may do."
    );
    assert!(model("Thing")["doc"]
        .as_str()
        .unwrap()
        .contains("*/ and opens #[attr]"));
    // `FullThing.parent` (inherited) refers to `FullThing` itself and is boxed; `Thing.parent`
    // is no cycle (`FullThing` holds no `Thing` by value), so it is not.
    let thing = model("Thing")["fields"].as_array().unwrap().clone();
    assert_eq!(thing[5]["type"], "Option<models::FullThing>");
    assert_eq!(thing[3]["type"], "models::ThingKind");
}

#[test]
fn model_names_that_differ_only_in_case_clash() {
    let tmp = tempfile::tempdir().unwrap();
    let case =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile-specs/model-duplicate-name-case");
    github_client_suite::hostile::copy_tree(&case, tmp.path());
    let models = tmp.path().join("models");
    std::fs::remove_file(models.join("Vec.yaml")).unwrap();
    std::fs::remove_file(models.join("Thing.yaml")).unwrap();
    std::fs::write(models.join("Thingowner.yaml"), "fields:\n  id: integer\n").unwrap();
    if std::fs::read_dir(&models).unwrap().count() < 2 {
        eprintln!("case-insensitive file system: nothing to check");
        return;
    }
    let diags = load(tmp.path()).unwrap_err();
    let got = relative(tmp.path(), &diags);
    assert_eq!(got.len(), 1, "{diags}");
    assert_eq!(got[0].0, Path::new("models/Thingowner.yaml"));
    assert_eq!(got[0].1, 1);
    assert!(
        got[0].2.starts_with("duplicate model name `Thingowner`"),
        "{diags}"
    );
}
