//! What every endpoint method builds on: the client, requests, responses, errors and
//! pagination. The main types are re-exported at the crate root.

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
