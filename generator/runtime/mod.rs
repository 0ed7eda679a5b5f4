//! The runtime every generated method calls, in layers that use only the ones below: leaf
//! types (method, errors, responses), the transport, the cache and auth layers, the front.

// Every public item a user can reach is documented; the plumbing is in `__private`.
#![deny(missing_docs)]

#[doc(hidden)]
pub mod __private;

#[cfg(feature = "github-app")]
mod app_auth;
#[cfg(feature = "github-app")]
mod app_jwt;
mod assemble;
mod body;
#[cfg(feature = "http-cache")]
mod cache;
mod call;
mod client;
#[cfg(feature = "github-app")]
mod client_app;
#[cfg(feature = "redis")]
mod client_redis;
#[cfg(feature = "github-app")]
mod clock;
mod context;
mod decode;
mod decode_error;
mod encode;
mod error;
mod extra;
mod hook;
mod layers;
mod model;
#[cfg(feature = "http-cache")]
mod memory_cache;
mod method;
mod paginate;
mod prepared;
mod redirect;
#[cfg(feature = "redis")]
mod redis_cache;
#[cfg(feature = "redis")]
mod redis_pace;
#[cfg(feature = "redis")]
mod redis_state;
#[cfg(feature = "redis")]
mod redis_tokens;
mod request;
mod response;
mod retry;
#[cfg(feature = "github-app")]
mod rsa_pem;
mod secret;
mod send;
mod throttle;
mod timer;
mod timestamp;
mod transport;
mod typed;
mod types;

#[cfg(feature = "http-cache")]
pub use cache::{CacheKey, CacheStore, CachedResponse};
pub use client::{Client, ClientBuilder};
pub use decode_error::DecodeError;
pub use error::{
    ApiError, Error, ErrorDetail, RateLimit, RequestInfo, Result, TimeoutError, TransportError,
};
pub use extra::Extra;
pub use hook::{Attempt, AttemptRequest, Hook};
#[cfg(feature = "http-cache")]
pub use memory_cache::MemoryCache;
pub use paginate::{Page, Pages, Paginate};
#[cfg(feature = "redis")]
pub use redis_state::RedisState;
pub use method::Method;
pub use request::{Request, ResponseFuture};
pub use response::Response;
pub use secret::{Auth, Secret};
pub use body::Download;
pub use throttle::Throttle;
pub use timestamp::Timestamp;
pub use typed::{ResponseParts, ResponseValue, ValueFuture};
pub use types::{IntOrString, MediaType};
