//! The hand-written runtime every generated method calls: client, requests, responses, errors,
//! pagination, throttling and hooks. Copied verbatim into each generated crate from `generator/runtime/`.

mod assemble;
mod client;
mod context;
pub mod encode;
mod error;
mod hook;
mod paginate;
mod redirect;
mod request;
mod response;
mod retry;
mod secret;
mod send;
mod throttle;
mod types;

pub use client::{Client, ClientBuilder};
pub use error::{
    ApiError, Error, ErrorDetail, RateLimit, RequestInfo, Result, TimeoutError, TransportError,
};
pub use hook::{Attempt, AttemptRequest, Hook};
pub use paginate::{Page, Pages, Paginate};
pub use request::{JsonObject, Method, Request, ResponseFuture};
pub use response::Response;
pub use secret::{Auth, Secret};
pub use send::Download;
pub use throttle::Throttle;
pub use types::{IntOrString, MediaType};
