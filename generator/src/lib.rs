//! Generates a typed Rust GitHub REST client from Octokit-style endpoint description files.
//!
//! The pipeline has one module per stage: [`parse`] → [`model`] (with [`infer`] and
//! [`schema`]) → [`codegen`] → [`write`](mod@write). Drive it with [`Config`]:
//!
//! ```no_run
//! let plan = client_generator::Config::new().specs("specs").out("generated").generate()?;
//! println!("{} file(s) changed", plan.len());
//! # Ok::<(), client_generator::diag::Diagnostics>(())
//! ```
//!
//! Beside the pipeline, [`draft`] drafts response models and `responses:` for the specs from
//! GitHub's OpenAPI description (`client-generator draft-models`), [`conformance`] writes
//! calls of every generated method for the conformance suite (`client-generator
//! conformance-calls`), and [`changes`] reports what a spec change does to the crate's users,
//! with the semver level it needs.

pub mod changes;
pub mod codegen;
mod config;
pub mod conformance;
pub mod diag;
pub mod draft;
mod ident;
pub mod infer;
pub mod ir;
pub mod model;
pub mod package;
pub mod parse;
pub mod schema;
pub mod upstream;
pub mod write;

pub use config::{Config, Outcome};
pub use diag::{Diagnostic, Diagnostics};
