//! The generated crate's identity (the `[package]` table of its `Cargo.toml`): defaults, then
//! `specs/crate.yaml`, then overrides (CLI flags), validated with file:line diagnostics.

mod toml;
mod validate;
mod yaml;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use crate::diag::Diagnostics;

pub use toml::package_table;

/// The file in the specs folder that describes the generated crate.
pub const FILE_NAME: &str = "crate.yaml";

/// Where a value came from, for diagnostics: a line of `crate.yaml` or a command-line flag.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Origin {
    #[default]
    Default,
    File(PathBuf, usize),
    Flag(&'static str),
}

/// The generated crate's `[package]` fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// Crate name on crates.io (`github-rest-client`); the library is this name with `_`.
    pub name: String,
    /// Semantic version (`0.1.0`).
    pub version: String,
    /// One-line description (required by crates.io).
    pub description: String,
    /// SPDX license expression (`MIT OR Apache-2.0`).
    pub license: String,
    pub repository: Option<String>,
    pub homepage: Option<String>,
    pub documentation: Option<String>,
    /// Minimum supported Rust version (`1.80`).
    pub rust_version: Option<String>,
    /// `false` writes `publish = false` (the default: nothing is published by accident).
    pub publish: bool,
    /// At most five crates.io keywords.
    pub keywords: Vec<String>,
    /// crates.io category slugs (`api-bindings`, `web-programming::http-client`).
    pub categories: Vec<String>,
    /// Markdown placed at the top of the generated `README.md` (a default text otherwise).
    pub readme: Option<String>,
}

impl Default for Package {
    fn default() -> Self {
        Package {
            name: "github-rest-client".into(),
            version: "0.1.0".into(),
            description: "Typed GitHub REST API client generated from endpoint description files"
                .into(),
            license: "MIT OR Apache-2.0".into(),
            repository: None,
            homepage: None,
            documentation: None,
            rust_version: None,
            publish: false,
            keywords: Vec::new(),
            categories: Vec::new(),
            readme: None,
        }
    }
}

impl Package {
    /// The Rust name of the library (`github_rest_client`).
    pub fn lib_name(&self) -> String {
        self.name.replace('-', "_")
    }

    /// Defaults, then `<specs>/crate.yaml` when it exists, then `overrides`; every problem
    /// (unknown key, wrong type, invalid value) is reported at once with its file and line.
    pub fn load(specs: &Path, overrides: &Overrides) -> Result<Package, Diagnostics> {
        let path = specs.join(FILE_NAME);
        match std::fs::read_to_string(&path) {
            Ok(text) => Package::from_text(&path, Some(&text), overrides),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Package::from_text(&path, None, overrides)
            }
            Err(e) => {
                Err(
                    crate::diag::Diagnostic::new(&path, 0, format!("cannot read {FILE_NAME}: {e}"))
                        .into(),
                )
            }
        }
    }

    /// [`Package::load`] from the text of `crate.yaml` (`None`: no such file), reported at `path`.
    pub fn from_text(
        path: &Path,
        text: Option<&str>,
        overrides: &Overrides,
    ) -> Result<Package, Diagnostics> {
        let mut diags = Diagnostics::default();
        let (mut package, mut origins) = match text {
            Some(text) => yaml::read(path, text, &mut diags),
            None => (Package::default(), yaml::Origins::default()),
        };
        overrides.apply(&mut package, &mut origins);
        validate::check(&package, &origins, &mut diags);
        if diags.is_empty() {
            Ok(package)
        } else {
            Err(diags)
        }
    }
}

/// Values given on the command line; each replaces the one from `crate.yaml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    pub license: Option<String>,
    pub repository: Option<String>,
    pub rust_version: Option<String>,
    pub publish: Option<bool>,
}

impl Overrides {
    fn apply(&self, p: &mut Package, origins: &mut yaml::Origins) {
        let strings = [
            (&self.name, &mut p.name, "--crate-name"),
            (&self.version, &mut p.version, "--crate-version"),
            (&self.description, &mut p.description, "--description"),
            (&self.license, &mut p.license, "--license"),
        ];
        for (given, slot, flag) in strings {
            if let Some(v) = given {
                slot.clone_from(v);
                origins.set(flag_key(flag), Origin::Flag(flag));
            }
        }
        if let Some(v) = &self.repository {
            p.repository = Some(v.clone());
            origins.set("repository", Origin::Flag("--repository"));
        }
        if let Some(v) = &self.rust_version {
            p.rust_version = Some(v.clone());
            origins.set("rust-version", Origin::Flag("--rust-version"));
        }
        if let Some(v) = self.publish {
            p.publish = v;
        }
    }
}

/// The `crate.yaml` key a flag overrides.
fn flag_key(flag: &str) -> &'static str {
    match flag {
        "--crate-name" => "name",
        "--crate-version" => "version",
        "--description" => "description",
        _ => "license",
    }
}
