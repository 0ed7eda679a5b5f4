//! The `client-generator` binary: generate, check (exit codes and diff), inspect, and
//! rustc-style diagnostics for broken specs.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const SPEC: &str = r#"---
name: Get an organization
example: octokit.rest.orgs.get({ org })
route: GET /orgs/{org}
scope: orgs
type: API method
---

# Get an organization

Gets an organization.

```js
octokit.rest.orgs.get({
  org,
});
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
    <tr><td>org</td><td>yes</td><td>

The organization name.

</td></tr>
  </tbody>
</table>

See also: [GitHub Developer Guide documentation](https://docs.github.com/rest/orgs/orgs#get-an-organization).
"#;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_client-generator"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn specs_in(dir: &Path) -> String {
    let specs = dir.join("specs");
    fs::create_dir_all(specs.join("orgs")).unwrap();
    fs::write(specs.join("orgs/get.md"), SPEC).unwrap();
    specs.display().to_string()
}

#[test]
fn generate_then_check_in_step_then_out_of_step() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    let out = tmp.path().join("out");
    let out_s = out.display().to_string();

    let gen = run(&["generate", "--specs", &specs, "--out", &out_s]);
    assert!(gen.status.success(), "{}", text(&gen.stderr));
    assert!(out.join("Cargo.toml").is_file());
    assert!(out.join("src/orgs.rs").is_file());

    let check = run(&["check", "--specs", &specs, "--out", &out_s]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));

    let again = run(&["generate", "--specs", &specs, "--out", &out_s]);
    assert!(
        text(&again.stderr).contains("up to date"),
        "{}",
        text(&again.stderr)
    );

    let orgs = out.join("src/orgs.rs");
    let edited = fs::read_to_string(&orgs)
        .unwrap()
        .replace("Gets an organization.", "Edited.");
    fs::write(&orgs, edited).unwrap();
    let check = run(&["check", "--specs", &specs, "--out", &out_s]);
    assert_eq!(check.status.code(), Some(1));
    let diff = text(&check.stdout);
    assert!(diff.contains("--- a/src/orgs.rs"), "{diff}");
    assert!(
        diff.contains("-    /// Edited.") && diff.contains("+    /// Gets an organization."),
        "{diff}"
    );
    assert!(
        text(&check.stderr).contains("out of step"),
        "{}",
        text(&check.stderr)
    );
}

#[test]
fn inspect_prints_the_model_as_json() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    let out = run(&["inspect", "--specs", &specs, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["endpoints"][0]["id"], "get");
    assert_eq!(json["endpoints"][0]["params"][0]["name"], "org");
}

#[test]
fn broken_specs_fail_with_file_line_and_hint_and_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    let bad = Path::new(&specs).join("orgs/get.md");
    fs::write(&bad, SPEC.replace("route: GET", "route: FETCH")).unwrap();
    let out = tmp.path().join("out");
    let result = run(&[
        "generate",
        "--specs",
        &specs,
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(stderr.contains("error:"), "{stderr}");
    assert!(stderr.contains(&format!("{}:4", bad.display())), "{stderr}");
    assert!(stderr.contains("= help:"), "{stderr}");
    assert!(
        !out.exists(),
        "nothing may be written when specs are broken"
    );
}

#[test]
fn refuses_to_overwrite_a_directory_that_is_not_generated() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    let out = tmp.path().join("mine");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("Cargo.toml"), "[package]\nname = \"mine\"\n").unwrap();
    let result = run(&[
        "generate",
        "--specs",
        &specs,
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(result.status.code(), Some(1));
    assert!(
        text(&result.stderr).contains("not a generated crate"),
        "{}",
        text(&result.stderr)
    );
    assert!(!out.join("src").exists());
}
