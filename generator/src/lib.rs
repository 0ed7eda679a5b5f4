//! Generates a typed Rust GitHub REST client from Octokit-style endpoint description files.
//!
//! The pipeline has one module per stage: [`parse`] → [`model`] (with [`infer`]) →
//! [`codegen`] → [`write`].

pub mod codegen;
pub mod diag;
pub mod infer;
pub mod model;
pub mod parse;
pub mod write;
