//! What every endpoint method builds on: the client, requests, responses, errors and
//! pagination. The main types are re-exported at the crate root.

#[cfg(feature = "github-app")]
mod app_auth;
#[cfg(feature = "github-app")]
mod app_jwt;
#[cfg(feature = "http-cache")]
mod cache;
mod client;
#[cfg(feature = "github-app")]
mod clock;
pub mod decode;
pub mod encode;
mod error;
mod extra;
mod layers;
#[cfg(feature = "http-cache")]
mod memory_cache;
mod paginate;
mod redirect;
mod request;
mod response;
mod retry;
#[cfg(feature = "github-app")]
mod rsa_pem;
mod secret;
mod send;
mod typed;
mod types;

#[cfg(feature = "http-cache")]
pub use cache::{CacheKey, CacheStore, CachedResponse};
pub use client::{Client, ClientBuilder};
pub use decode::DecodeError;
pub use extra::{required, Extra, Key};
pub use error::{ApiError, Error, ErrorDetail, RateLimit, Result};
#[cfg(feature = "http-cache")]
pub use memory_cache::MemoryCache;
pub use paginate::{Page, Pages, Paginate};
pub use request::{JsonObject, Method, Request, ResponseFuture};
pub use response::Response;
pub use secret::{Auth, Secret};
pub use typed::{ResponseParts, ResponseValue, ValueFuture};
pub use types::{IntOrString, MediaType};
