//! The hand-written runtime every generated method calls: client, requests, responses, errors,
//! pagination. Copied verbatim into each generated crate from `generator/runtime/`.

mod client;
pub mod decode;
pub mod encode;
mod error;
mod extra;
mod paginate;
mod redirect;
mod request;
mod response;
mod retry;
mod secret;
mod send;
mod typed;
mod types;

pub use client::{Client, ClientBuilder};
pub use decode::DecodeError;
pub use extra::{Extra, Key};
pub use error::{ApiError, Error, ErrorDetail, RateLimit, Result};
pub use paginate::{Page, Pages, Paginate};
pub use request::{JsonObject, Method, Request, ResponseFuture};
pub use response::Response;
pub use secret::{Auth, Secret};
pub use typed::{ResponseParts, ResponseValue, ValueFuture};
pub use types::{IntOrString, MediaType};
