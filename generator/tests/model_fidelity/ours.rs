//! Our side of the comparison, read by the generator's own `schema` stage: every model of
//! `specs/models/*.yaml` (inline types hoisted, `extends` flattened) and each spec's responses.

use std::collections::BTreeMap;
use std::path::Path;

use client_generator::model::build_api_with_models;
use client_generator::parse::parse_dir;
use client_generator::schema::{read_models, resolve, Model, ResponseDecl};

/// One spec: `scope/methodId`, its route line and its declared responses.
pub struct SpecDecl {
    pub id: String,
    pub route: String,
    pub responses: Vec<ResponseDecl>,
}

/// Our models by name and our specs, sorted by path.
pub struct Ours {
    pub models: BTreeMap<String, Model>,
    pub specs: Vec<SpecDecl>,
}

fn lines(d: impl std::fmt::Display) -> Vec<String> {
    vec![d.to_string()]
}

/// Reads `specs/models/*.yaml` and every `specs/<scope>/<methodId>.md`.
pub fn load(dir: &Path) -> Result<Ours, Vec<String>> {
    let specs = parse_dir(dir).map_err(lines)?;
    let files = read_models(&dir.join("models")).map_err(lines)?;
    let api = build_api_with_models(&specs, &files).map_err(lines)?;
    Ok(Ours {
        models: api
            .models
            .into_iter()
            .map(|m| (m.name.clone(), m))
            .collect(),
        specs: api
            .endpoints
            .into_iter()
            .map(|e| SpecDecl {
                id: format!("{}/{}", e.scope, e.id),
                route: e.route,
                responses: e.responses,
            })
            .collect(),
    })
}

/// Models from `(name, yaml)` pairs, as if they were files of `specs/models/`.
pub fn models_from_texts(
    files: &[(String, String)],
) -> Result<BTreeMap<String, Model>, Vec<String>> {
    let tmp = tempfile::tempdir().map_err(lines)?;
    for (name, text) in files {
        std::fs::write(tmp.path().join(format!("{name}.yaml")), text).map_err(lines)?;
    }
    let files = read_models(tmp.path()).map_err(lines)?;
    let resolved = resolve(&files, &[]).map_err(lines)?;
    Ok(resolved
        .models
        .into_iter()
        .map(|m| (m.name.clone(), m))
        .collect())
}
