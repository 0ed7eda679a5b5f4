//! The hand-written runtime shared by every generated method: client, requests, responses,
//! errors. Copied verbatim into each generated crate by the generator (source of truth:
//! `generator/runtime/`).

mod client;
pub mod encode;
mod error;
mod int_or_string;
mod request;
mod response;

pub use client::{Client, ClientBuilder};
pub use error::{Error, Result};
pub use int_or_string::IntOrString;
pub use request::{JsonObject, Method, Request, ResponseFuture};
pub use response::Response;
