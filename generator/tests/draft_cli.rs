//! `client-generator draft-models`: wired into the CLI, reports what it wrote, writes nothing
//! with `--dry-run`, and fails with a diagnostic on a bad description.

use std::fs;
use std::process::{Command, Output};

const SPEC: &str = "---\nname: Get an organization\nexample: octokit.rest.orgs.get({ org })\nroute: GET /orgs/{org}\nscope: orgs\ntype: API method\n---\n\n# Get an organization\n\nThis endpoint has no parameters\n";

const OPENAPI: &str = r##"{"paths": {"/orgs/{org}": {"get": {"operationId": "orgs/get", "responses": {
  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/organization-full"}}}}}}}},
  "components": {"schemas": {"organization-full": {"type": "object", "required": ["login"],
    "properties": {"login": {"type": "string"}, "plan": {"type": "object", "properties": {"seats": {"type": "integer"}}}}}}}}"##;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_client-generator"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn draft_models_writes_responses_and_models() {
    let tmp = tempfile::tempdir().unwrap();
    let specs = tmp.path().join("specs");
    fs::create_dir_all(specs.join("orgs")).unwrap();
    fs::write(specs.join("orgs/get.md"), SPEC).unwrap();
    let openapi = tmp.path().join("api.json");
    fs::write(&openapi, OPENAPI).unwrap();
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "draft-models".to_string(),
            "--openapi".into(),
            openapi.display().to_string(),
            "--specs".into(),
            specs.display().to_string(),
        ];
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    let call = |extra: &[&'static str]| {
        let a = args(extra);
        run(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };

    let dry = call(&["--dry-run"]);
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(String::from_utf8_lossy(&dry.stderr).contains("would write"));
    assert_eq!(fs::read_to_string(specs.join("orgs/get.md")).unwrap(), SPEC);

    let out = call(&["--only", "orgs/get"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("models: 1 drafted"), "{stderr}");
    let spec = fs::read_to_string(specs.join("orgs/get.md")).unwrap();
    assert!(
        spec.contains("type: API method\nresponses:\n  200: OrganizationFull\n---\n"),
        "{spec}"
    );
    let model = fs::read_to_string(specs.join("models/OrganizationFull.yaml")).unwrap();
    assert!(
        model.ends_with("fields:\n  login: string\n  plan?:\n    fields:\n      seats?: integer\n"),
        "{model}"
    );

    // `--openapi-dir`: every `*.json` but `*.deref.json` is evidence; a field one
    // description does not require is optional, with the platform named.
    let dir = tmp.path().join("generated");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("api.github.com.json"), OPENAPI).unwrap();
    fs::write(dir.join("api.github.com.deref.json"), "{ not read").unwrap();
    fs::write(
        dir.join("ghes-3.14.json"),
        OPENAPI.replace(r#""required": ["login"]"#, r#""required": []"#),
    )
    .unwrap();
    let out = run(&[
        "draft-models",
        "--openapi-dir",
        &dir.display().to_string(),
        "--specs",
        &specs.display().to_string(),
        "--force",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("(api.github.com and 1 more)"), "{stderr}");
    let model = fs::read_to_string(specs.join("models/OrganizationFull.yaml")).unwrap();
    assert!(
        model.contains("fields:\n  # optional: not required in ghes-3.14\n  login?: string\n"),
        "{model}"
    );

    fs::write(&openapi, "{ not json").unwrap();
    let bad = call(&[]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a JSON OpenAPI description"));
}
