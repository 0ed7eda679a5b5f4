use std::path::Path;

use super::*;

fn load(yaml: &str, overrides: &Overrides) -> Result<Package, Diagnostics> {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join(FILE_NAME), yaml).unwrap();
    Package::load(tmp.path(), overrides)
}

fn messages(d: &Diagnostics) -> Vec<(usize, String)> {
    d.0.iter().map(|d| (d.line, d.message.clone())).collect()
}

#[test]
fn without_crate_yaml_the_defaults_apply() {
    let tmp = tempfile::tempdir().unwrap();
    let p = Package::load(tmp.path(), &Overrides::default()).unwrap();
    assert_eq!(p, Package::default());
    assert_eq!(p.name, "github-rest-client");
    assert!(!p.publish);
}

#[test]
fn every_key_is_read() {
    let p = load(
        "name: my-client\nversion: 2.1.0-beta.1\ndescription: Mine\nlicense: MIT\n\
         repository: https://github.com/me/x\nhomepage: https://x.dev\n\
         documentation: https://docs.rs/my-client\nrust-version: 1.80\npublish: true\n\
         keywords: [github, api]\ncategories: [api-bindings]\nreadme: Hello.\n",
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(p.name, "my-client");
    assert_eq!(p.lib_name(), "my_client");
    assert_eq!(p.version, "2.1.0-beta.1");
    assert_eq!(p.description, "Mine");
    assert_eq!(p.license, "MIT");
    assert_eq!(p.repository.as_deref(), Some("https://github.com/me/x"));
    assert_eq!(p.homepage.as_deref(), Some("https://x.dev"));
    assert_eq!(
        p.documentation.as_deref(),
        Some("https://docs.rs/my-client")
    );
    // An unquoted `1.80` is a YAML number; it is taken as written.
    assert_eq!(p.rust_version.as_deref(), Some("1.80"));
    assert!(p.publish);
    assert_eq!(p.keywords, ["github", "api"]);
    assert_eq!(p.categories, ["api-bindings"]);
    assert_eq!(p.readme.as_deref(), Some("Hello."));
}

#[test]
fn flags_override_the_file() {
    let overrides = Overrides {
        name: Some("from-flag".into()),
        version: Some("9.9.9".into()),
        publish: Some(false),
        ..Overrides::default()
    };
    let p = load(
        "name: from-file\nversion: 1.0.0\npublish: true\nlicense: MIT\n",
        &overrides,
    )
    .unwrap();
    assert_eq!(
        (p.name.as_str(), p.version.as_str(), p.publish),
        ("from-flag", "9.9.9", false)
    );
    assert_eq!(p.license, "MIT");
}

#[test]
fn unknown_keys_and_bad_values_are_reported_with_their_lines() {
    let err = load(
        "# comment\nname: 1bad\nversion: one\nlicence: MIT\npublish: yes-please\nkeywords: [a, b, c, d, e, f]\nrepository: github.com/x\nrust-version: latest\n",
        &Overrides::default(),
    )
    .unwrap_err();
    let got = messages(&err);
    assert!(
        got.contains(&(4, "unknown key `licence` in crate.yaml".into())),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(l, m)| *l == 5 && m.contains("`publish` must be")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(l, m)| *l == 2 && m.contains("crate name `1bad`")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(l, m)| *l == 3 && m.contains("not a semantic version")),
        "{got:?}"
    );
    assert!(
        got.iter().any(|(l, m)| *l == 6 && m.contains("at most 5")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(l, m)| *l == 7 && m.contains("not an http(s) URL")),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(l, m)| *l == 8 && m.contains("rust-version `latest`")),
        "{got:?}"
    );
    assert!(err
        .0
        .iter()
        .all(|d| d.file.ends_with(FILE_NAME) && d.hint.is_some()));
    let unknown = err
        .0
        .iter()
        .find(|d| d.message.contains("licence"))
        .unwrap();
    assert!(unknown.hint.as_deref().unwrap().contains("license"));
}

#[test]
fn a_bad_flag_names_the_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let overrides = Overrides {
        version: Some("v1".into()),
        ..Overrides::default()
    };
    let err = Package::load(tmp.path(), &overrides).unwrap_err();
    assert_eq!(err.0.len(), 1);
    assert_eq!(err.0[0].file, Path::new("--crate-version"));
}

#[test]
fn invalid_yaml_is_a_diagnostic() {
    let err = load("name: [unclosed\n", &Overrides::default()).unwrap_err();
    assert!(err.0[0].message.starts_with("invalid YAML"), "{err}");
    let err = load("- a list\n", &Overrides::default()).unwrap_err();
    assert!(err.0[0].message.contains("not a YAML mapping"), "{err}");
}

#[test]
fn the_package_table_escapes_and_omits_what_is_absent() {
    let mut p = Package::default();
    let table = package_table(&p);
    assert!(table.starts_with(
        "[package]\nname = \"github-rest-client\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
    ));
    assert!(table.contains("readme = \"README.md\"\n"));
    assert!(table.ends_with("publish = false\n"));
    assert!(!table.contains("repository"));
    p.description = "Say \"hi\" \\ bye".into();
    p.publish = true;
    p.keywords = vec!["github".into()];
    p.rust_version = Some("1.80".into());
    let table = package_table(&p);
    assert!(
        table.contains("description = \"Say \\\"hi\\\" \\\\ bye\"\n"),
        "{table}"
    );
    assert!(table.contains("keywords = [\"github\"]\n"));
    assert!(table.contains("rust-version = \"1.80\"\n"));
    assert!(!table.contains("publish"));
}
