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
        text(&again.stderr).contains("no file changed"),
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

fn generate(specs: &str, out: &Path, extra: &[&str]) -> Output {
    let out = out.display().to_string();
    let mut args = vec!["generate", "--specs", specs, "--out", &out];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn a_folder_without_specs_is_an_error_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // Empty folder.
    let empty = tmp.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let result = generate(&empty.display().to_string(), &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(stderr.contains("error: no spec files in"), "{stderr}");
    assert!(
        stderr.contains("= help: pass the folder holding one sub-folder per scope"),
        "{stderr}"
    );
    // Sub-folders without spec files.
    fs::create_dir_all(empty.join("repos")).unwrap();
    fs::write(empty.join("repos/notes.txt"), "not a spec").unwrap();
    let result = generate(&empty.display().to_string(), &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    assert!(text(&result.stderr).contains("no spec files in"));
    // A scope folder instead of the specs folder.
    let specs = specs_in(tmp.path());
    let scope = Path::new(&specs).join("orgs");
    let result = generate(&scope.display().to_string(), &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(stderr.contains("it looks like a scope folder"), "{stderr}");
    assert!(stderr.contains(&format!("--specs {specs}")), "{stderr}");
    assert!(!out.exists(), "nothing may be written without specs");
    // `check` and `inspect` say the same.
    let check = run(&[
        "check",
        "--specs",
        &scope.display().to_string(),
        "--out",
        "x",
    ]);
    assert_eq!(check.status.code(), Some(1));
    let inspect = run(&["inspect", "--specs", &empty.display().to_string()]);
    assert_eq!(inspect.status.code(), Some(1));
    assert!(text(&inspect.stderr).contains("no spec files in"));
}

/// Option lines of a `--help` text (`  -q, --quiet  …`, `      --specs <DIR>  …`), each with
/// its description: after the flag on the same line, or on the next line (clap's layout for
/// long descriptions).
fn option_lines(help: &str) -> Vec<(&str, &str)> {
    let lines: Vec<&str> = help.lines().collect();
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start();
            l.starts_with("--") || (l.starts_with('-') && l[1..].starts_with(char::is_alphabetic))
        })
        .map(|(i, l)| {
            let same_line = l.trim().split("  ").filter(|p| !p.trim().is_empty()).nth(1);
            let next = lines
                .get(i + 1)
                .map(|n| n.trim())
                .filter(|n| !n.starts_with('-'));
            (*l, same_line.or(next).unwrap_or(""))
        })
        .collect()
}

#[test]
fn help_describes_every_subcommand_and_option() {
    let top = text(&run(&["--help"]).stdout);
    for sub in ["generate", "check", "inspect", "diff-upstream"] {
        let line = top
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{sub} ")))
            .unwrap_or_else(|| panic!("`{sub}` missing from --help:\n{top}"));
        assert!(
            line.split_whitespace().count() > 3,
            "`{sub}` has no description: {line}"
        );
        let help = text(&run(&[sub, "--help"]).stdout);
        let options = option_lines(&help);
        assert!(options.len() >= 2, "{help}");
        for (option, description) in options {
            assert!(
                description.split_whitespace().count() >= 2,
                "`{sub} --help`: option without a description: {option}\n{help}"
            );
        }
    }
    let generate = text(&run(&["generate", "--help"]).stdout);
    for flag in [
        "--specs",
        "--out",
        "--quiet",
        "--crate-name",
        "--crate-version",
        "--description",
        "--license",
        "--repository",
        "--rust-version",
        "--publish",
    ] {
        assert!(generate.contains(flag), "{flag} missing:\n{generate}");
    }
    let diff = text(&run(&["diff-upstream", "--help"]).stdout);
    for flag in ["--specs", "--upstream", "--allow", "--format"] {
        assert!(diff.contains(flag), "{flag} missing:\n{diff}");
    }
}

#[test]
fn generate_prints_a_summary_unless_quiet() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    let out = tmp.path().join("out");
    let first = generate(&specs, &out, &[]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let stderr = text(&first.stderr);
    let files = fs::read_dir(out.join("src/runtime")).unwrap().count() + 4;
    assert_eq!(
        stderr.trim(),
        format!(
            "generated {}: 1 scope, 1 endpoint, 0 models; {files} files changed",
            out.display()
        ),
    );
    let again = generate(&specs, &out, &[]);
    assert!(
        text(&again.stderr).ends_with("; no file changed\n"),
        "{}",
        text(&again.stderr)
    );
    fs::write(
        out.join("src/orgs.rs"),
        "// @generated by client-generator from specs/. edited",
    )
    .unwrap();
    let quiet = generate(&specs, &out, &["--quiet"]);
    assert!(quiet.status.success());
    assert_eq!(text(&quiet.stderr), "");
    assert_eq!(text(&quiet.stdout), "");
    assert!(fs::read_to_string(out.join("src/orgs.rs"))
        .unwrap()
        .contains("pub fn get"));
    // Errors are still printed with --quiet.
    fs::write(Path::new(&specs).join("orgs/get.md"), "").unwrap();
    let broken = generate(&specs, &out, &["-q"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(text(&broken.stderr).contains("spec file is empty"));
}

#[test]
fn crate_yaml_and_flags_set_the_package() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    fs::write(
        Path::new(&specs).join("crate.yaml"),
        "name: acme-github\nversion: 1.2.3\ndescription: Acme's client\nlicense: MIT\npublish: true\nkeywords: [github]\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let result = generate(&specs, &out, &["--crate-version", "1.2.4"]);
    assert!(result.status.success(), "{}", text(&result.stderr));
    let manifest = fs::read_to_string(out.join("Cargo.toml")).unwrap();
    for line in [
        "name = \"acme-github\"",
        "version = \"1.2.4\"",
        "description = \"Acme's client\"",
        "license = \"MIT\"",
        "readme = \"README.md\"",
        "keywords = [\"github\"]",
    ] {
        assert!(
            manifest.contains(&format!("\n{line}\n")),
            "{line} missing:\n{manifest}"
        );
    }
    assert!(!manifest.contains("publish"), "{manifest}");
    assert!(
        !manifest.contains("path ="),
        "no path dependencies: {manifest}"
    );
    let readme = fs::read_to_string(out.join("README.md")).unwrap();
    assert!(
        readme.contains("# acme-github\n") && readme.contains("acme-github = \"1.2.4\""),
        "{readme}"
    );
    // The docs and the runtime name the crate by its library name.
    let lib = fs::read_to_string(out.join("src/lib.rs")).unwrap();
    assert!(lib.contains("use acme_github::{Client, Error};"), "{lib}");
    assert!(
        lib.contains("client.orgs().get(\"github\").send().await"),
        "{lib}"
    );
    let mut runtime = String::new();
    for entry in fs::read_dir(out.join("src/runtime")).unwrap() {
        runtime.push_str(&fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    assert!(!runtime.contains("github_rest_client"));

    // An unknown key: file and line, nothing written.
    fs::write(
        Path::new(&specs).join("crate.yaml"),
        "name: acme-github\nlicence: MIT\n",
    )
    .unwrap();
    let result = generate(&specs, &out, &[]);
    assert_eq!(result.status.code(), Some(1));
    let stderr = text(&result.stderr);
    assert!(
        stderr.contains("unknown key `licence` in crate.yaml"),
        "{stderr}"
    );
    assert!(stderr.contains("crate.yaml:2"), "{stderr}");
    assert!(fs::read_to_string(out.join("Cargo.toml"))
        .unwrap()
        .contains("1.2.4"));
}

#[test]
fn a_hand_edited_manifest_is_refused_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    let out = tmp.path().join("out");
    assert!(generate(&specs, &out, &[]).status.success());
    let manifest = out.join("Cargo.toml");
    let edited = format!(
        "{}\n[dev-dependencies]\nmine = \"1\"\n",
        fs::read_to_string(&manifest).unwrap()
    );
    fs::write(&manifest, &edited).unwrap();
    // A spec change would rewrite the manifest's neighbours: nothing is written.
    fs::write(
        Path::new(&specs).join("orgs/get.md"),
        SPEC.replace("Gets an organization.", "Reads an organization."),
    )
    .unwrap();
    for cmd in ["generate", "check"] {
        let result = run(&[cmd, "--specs", &specs, "--out", &out.display().to_string()]);
        assert_eq!(result.status.code(), Some(1), "{cmd}");
        let stderr = text(&result.stderr);
        assert!(stderr.contains("Cargo.toml was edited by hand"), "{stderr}");
        assert!(stderr.contains("specs/crate.yaml"), "{stderr}");
    }
    assert_eq!(fs::read_to_string(&manifest).unwrap(), edited);
    assert!(!fs::read_to_string(out.join("src/orgs.rs"))
        .unwrap()
        .contains("Reads an"));
    // Dropping the hash line gives the file back to the generator.
    let unsealed: String = edited
        .lines()
        .filter(|l| !l.starts_with("# content-hash:"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&manifest, unsealed).unwrap();
    assert!(generate(&specs, &out, &[]).status.success());
    assert!(!fs::read_to_string(&manifest).unwrap().contains("mine"));
}

#[test]
fn diff_upstream_exit_codes_text_and_json() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    let upstream = tmp.path().join("upstream");
    fs::create_dir_all(upstream.join("orgs")).unwrap();
    fs::write(upstream.join("orgs/get.md"), SPEC).unwrap();
    let up = upstream.display().to_string();
    let clean = run(&["diff-upstream", "--specs", &specs, "--upstream", &up]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stdout));
    assert!(text(&clean.stdout).contains("0 difference(s)"));

    // Upstream made `org` optional and added `per_page`.
    let changed = SPEC
        .replace(
            "<tr><td>org</td><td>yes</td>",
            "<tr><td>org</td><td>no</td>",
        )
        .replace(
            "  </tbody>",
            "<tr><td>per_page</td><td>no</td><td>\n\nPage size.\n\n</td></tr>\n  </tbody>",
        );
    fs::write(upstream.join("orgs/get.md"), changed).unwrap();
    let diff = run(&["diff-upstream", "--specs", &specs, "--upstream", &up]);
    assert_eq!(diff.status.code(), Some(1));
    let out = text(&diff.stdout);
    assert!(out.contains("difference[required-changed]: orgs.get: parameter `org` is optional upstream, required here"), "{out}");
    assert!(
        out.contains(&format!(
            "--> {}:",
            Path::new(&specs).join("orgs/get.md").display()
        )),
        "{out}"
    );
    assert!(
        out.contains("difference[parameter-added]: orgs.get"),
        "{out}"
    );
    let json = run(&[
        "diff-upstream",
        "--specs",
        &specs,
        "--upstream",
        &up,
        "--format",
        "json",
    ]);
    assert_eq!(json.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["clean"], false);
    assert_eq!(json["differences"].as_array().unwrap().len(), 2);

    // The default allowlist in the specs folder suppresses one; a stale entry fails.
    fs::write(
        Path::new(&specs).join("upstream-allow.yaml"),
        "- scope: orgs\n  id: get\n  kind: parameter-added\n  parameter: per_page\n  reason: not needed\n- scope: orgs\n  id: get\n  kind: required-changed\n  parameter: org\n  reason: the route needs it\n",
    )
    .unwrap();
    let allowed = run(&["diff-upstream", "--specs", &specs, "--upstream", &up]);
    assert_eq!(allowed.status.code(), Some(0), "{}", text(&allowed.stdout));
    assert!(text(&allowed.stdout).contains("0 difference(s), 2 allowed"));
    fs::write(upstream.join("orgs/get.md"), SPEC).unwrap();
    let stale = run(&["diff-upstream", "--specs", &specs, "--upstream", &up]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(
        text(&stale.stdout).contains("2 stale allowlist entries"),
        "{}",
        text(&stale.stdout)
    );

    // Unparsable input and usage errors: exit code 2.
    fs::write(upstream.join("orgs/get.md"), "").unwrap();
    let broken = run(&["diff-upstream", "--specs", &specs, "--upstream", &up]);
    assert_eq!(broken.status.code(), Some(2));
    assert!(text(&broken.stderr).contains("spec file is empty"));
    let usage = run(&["diff-upstream", "--specs", &specs]);
    assert_eq!(usage.status.code(), Some(2));
    let missing_allow = run(&[
        "diff-upstream",
        "--specs",
        &specs,
        "--upstream",
        &up,
        "--allow",
        "/no/such/file.yaml",
    ]);
    assert_eq!(missing_allow.status.code(), Some(2));
}

/// `cargo package` accepts the generated crate as it is: description, license, README, no
/// path dependencies (offline: the dependencies are in cargo's cache once the workspace has
/// been built; `cargo publish --dry-run` needs the registry and is a manual check, see README).
#[test]
fn the_generated_crate_packages_for_crates_io() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = specs_in(tmp.path());
    fs::write(
        Path::new(&specs).join("crate.yaml"),
        "name: acme-github\nversion: 0.3.0\ndescription: Acme's client\nlicense: MIT\npublish: true\n\
         documentation: https://docs.rs/acme-github\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    assert!(generate(&specs, &out, &["-q"]).status.success());
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let result = Command::new(cargo)
        .args(["package", "--no-verify", "--offline", "--allow-dirty"])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", tmp.path().join("target"))
        .output()
        .expect("cargo runs");
    let stderr = text(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let krate = tmp.path().join("target/package/acme-github-0.3.0.crate");
    assert!(krate.is_file(), "{stderr}");
}
