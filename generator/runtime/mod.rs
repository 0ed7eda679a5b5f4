//! The hand-written runtime every generated method calls: client, requests, responses, errors,
//! pagination. Copied verbatim into each generated crate from `generator/runtime/`.

mod client;
pub mod encode;
mod error;
mod paginate;
mod redirect;
mod request;
mod response;
mod retry;
mod secret;
mod send;
mod types;

pub use client::{Client, ClientBuilder};
pub use error::{ApiError, Error, ErrorDetail, RateLimit, Result};
pub use paginate::{Page, Pages, Paginate};
pub use request::{JsonObject, Method, Request, ResponseFuture};
pub use response::Response;
pub use secret::{Auth, Secret};
pub use types::{IntOrString, MediaType};
