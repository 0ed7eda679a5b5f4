//! The library entry point, prost-build style: `Config::new().specs(dir).out(dir).generate()`.
//! Every failure comes back as [`Diagnostics`] naming a file and line.

use std::path::{Path, PathBuf};

use crate::codegen::GeneratedFile;
use crate::diag::Diagnostics;
use crate::model::Api;
use crate::package::{Overrides, Package};
use crate::write::Plan;

/// Where to read specs from and where the generated crate lives.
#[derive(Debug, Clone)]
pub struct Config {
    specs: PathBuf,
    out: PathBuf,
    overrides: Overrides,
}

/// What [`Config::generate_outcome`] did: the applied plan and the size of the API.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub plan: Plan,
    pub scopes: usize,
    pub endpoints: usize,
    pub models: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

impl Config {
    /// Specs in `specs/`, output in `generated/` (relative to the current directory).
    pub fn new() -> Self {
        Config {
            specs: PathBuf::from("specs"),
            out: PathBuf::from("generated"),
            overrides: Overrides::default(),
        }
    }

    /// The directory holding `<scope>/<methodId>.md` spec files.
    pub fn specs(mut self, dir: impl Into<PathBuf>) -> Self {
        self.specs = dir.into();
        self
    }

    /// The directory of the generated crate.
    pub fn out(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out = dir.into();
        self
    }

    /// Crate identity values that replace those of `<specs>/crate.yaml` (CLI flags).
    pub fn package_overrides(mut self, overrides: Overrides) -> Self {
        self.overrides = overrides;
        self
    }

    pub fn specs_dir(&self) -> &Path {
        &self.specs
    }

    pub fn out_dir(&self) -> &Path {
        &self.out
    }

    /// Parse every spec and every model file (`<specs>/models/*.yaml`) and build the model.
    /// Problems in spec files and model files are reported together.
    pub fn load(&self) -> Result<Api, Diagnostics> {
        let specs = crate::parse::parse_dir(&self.specs);
        let models = crate::schema::read_models(&self.specs.join(crate::parse::MODELS_DIR));
        match (specs, models) {
            (Ok(specs), Ok(models)) => crate::model::build_api_with_models(&specs, &models),
            (specs, models) => {
                let mut diags = specs.err().unwrap_or_default();
                diags.extend(models.err().unwrap_or_default());
                Err(diags)
            }
        }
    }

    /// The generated crate's identity: `<specs>/crate.yaml` (defaults without it) and overrides.
    pub fn package(&self) -> Result<Package, Diagnostics> {
        Package::load(&self.specs, &self.overrides)
    }

    /// The model and the package, with the problems of both reported together.
    fn load_all(&self) -> Result<(Api, Package), Diagnostics> {
        match (self.load(), self.package()) {
            (Ok(api), Ok(package)) => Ok((api, package)),
            (api, package) => {
                let mut diags = Diagnostics::default();
                diags.extend(api.err().unwrap_or_default());
                diags.extend(package.err().unwrap_or_default());
                Err(diags)
            }
        }
    }

    /// Every file of the generated crate, in memory (nothing is written).
    pub fn render(&self) -> Result<Vec<GeneratedFile>, Diagnostics> {
        let (api, package) = self.load_all()?;
        Ok(crate::codegen::generate_package(&api, &package))
    }

    /// Write the crate into the output directory, touching only changed files; returns what
    /// was done (an empty plan when everything was already in step).
    pub fn generate(&self) -> Result<Plan, Diagnostics> {
        self.generate_outcome().map(|o| o.plan)
    }

    /// [`Config::generate`], also counting what was generated (for the CLI's summary line).
    pub fn generate_outcome(&self) -> Result<Outcome, Diagnostics> {
        let (api, package) = self.load_all()?;
        let files = crate::codegen::generate_package(&api, &package);
        let plan = crate::write::generate(&self.out, &files)?;
        let mut scopes: Vec<&str> = api.endpoints.iter().map(|e| e.scope.as_str()).collect();
        scopes.sort_unstable();
        scopes.dedup();
        Ok(Outcome {
            plan,
            scopes: scopes.len(),
            endpoints: api.endpoints.len(),
            models: api.models.len(),
        })
    }

    /// Compare the output directory with what would be generated; an empty plan means in step.
    pub fn check(&self) -> Result<Plan, Diagnostics> {
        let files = self.render()?;
        crate::write::check(&self.out, &files)
    }

    /// The conformance calls of every endpoint (see [`crate::conformance`]), as Rust source.
    pub fn conformance_calls(&self) -> Result<String, Diagnostics> {
        let (api, package) = self.load_all()?;
        Ok(crate::conformance::calls_source(&api, &package.lib_name()))
    }

    /// The inferred model as pretty JSON (what `inspect --format json` prints).
    pub fn inspect_json(&self) -> Result<String, Diagnostics> {
        let api = self.load()?;
        let json = crate::model::inspect_json(&api);
        Ok(serde_json::to_string_pretty(&json).unwrap_or_default())
    }
}
