//! One snapshot per spec file of the code generated for it, named `<scope>__<methodId>`, and
//! one per response model, named `models__<Name>`.

use std::collections::BTreeSet;

use client_generator::{codegen, codegen::endpoint_source, Config};
use github_client_suite::{specs_dir, workspace_root};

#[test]
fn every_spec_has_a_snapshot_of_its_generated_code() {
    let api = Config::new()
        .specs(specs_dir())
        .load()
        .unwrap_or_else(|d| panic!("{d}"));
    assert!(
        !api.endpoints.is_empty(),
        "no specs found in {}",
        specs_dir().display()
    );
    let mut names = BTreeSet::new();
    for endpoint in &api.endpoints {
        let name = format!("{}__{}", endpoint.scope, endpoint.id);
        let source = endpoint_source(&api, endpoint);
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            description => format!("generated from specs/{}/{}.md", endpoint.scope, endpoint.id),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name.clone(), source);
        });
        names.insert(name);
    }
    for model in &api.models {
        let name = format!("models__{}", model.name);
        let source = codegen::model_source(&api, &model.name).expect("a model of this API");
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            description => format!(
                "generated from specs/models/{}",
                model.source.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
            ),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name.clone(), source);
        });
        names.insert(name);
    }
    // A snapshot whose spec is gone would otherwise linger unnoticed.
    let dir = workspace_root().join("tests/snapshots");
    let stale: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".snap").map(String::from))
                .filter(|n| !names.contains(n))
                .collect()
        })
        .unwrap_or_default();
    assert!(
        stale.is_empty(),
        "snapshots without a spec or model (delete them): {stale:?}"
    );
}
