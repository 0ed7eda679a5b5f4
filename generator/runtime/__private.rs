//! What only generated code uses: route values, JSON bodies, the decoders of typed sends and
//! the model impls. Public so that generated modules reach it; hidden, and no part of the API.

use super::client::Client;
use super::method::Method;
use super::request::Request;
use super::typed::{ResponseValue, ValueFuture};

pub use super::encode::PathValue;
pub use super::extra::Key;
pub use super::request::JsonObject;

/// The decoders a generated `send()` passes to [`RequestExt::send_into`].
pub mod decode {
    pub use crate::runtime::decode::{bytes, check, json, json_or_none, text, unit, Decoder};
}

/// The shared `Serialize`, `Deserialize` and `Debug` of generated object models.
pub mod model {
    pub use crate::runtime::model::{debug, decode, serialize, Fields, Opt, Req, SerFields, Skip};
}

/// The percent-encoding of path values (a route's `{name}` placeholders).
pub mod encode {
    pub use crate::runtime::encode::{fill, segment, slashed, PathValue, Segment};
}

/// What generated builders call on a [`Request`]: the constructor from a route and its values,
/// the JSON body written field by field, and the typed sends.
pub trait RequestExt<'c>: Sized {
    /// A request to `route` (`/repos/{owner}/{repo}`) on the API host, its placeholders
    /// filled with `values` in order, each encoded so that no value can change the route.
    fn at(
        client: &'c Client,
        method: Method,
        route: &'static str,
        values: &[PathValue<'_>],
    ) -> Self;

    /// Set a JSON body written field by field (sent compact, as `application/json`).
    fn json(self, body: JsonObject) -> Self;

    /// Send and decode with `decode`, returning only the value; `endpoint` (`repos.get`)
    /// names the request in decode errors.
    fn send_into<T: Send + 'c>(
        self,
        endpoint: &'static str,
        decode: decode::Decoder<T>,
    ) -> ValueFuture<'c, T>;

    /// Send and decode with `decode`, keeping the response.
    fn send_with<T: Send + 'c>(
        self,
        endpoint: &'static str,
        decode: decode::Decoder<T>,
    ) -> ValueFuture<'c, ResponseValue<T>>;
}

impl<'c> RequestExt<'c> for Request<'c> {
    #[inline]
    fn at(
        client: &'c Client,
        method: Method,
        route: &'static str,
        values: &[PathValue<'_>],
    ) -> Self {
        Request::at_route(client, method, route, values)
    }

    #[inline]
    fn json(self, body: JsonObject) -> Self {
        self.json_object(body)
    }

    fn send_into<T: Send + 'c>(
        self,
        endpoint: &'static str,
        decode: decode::Decoder<T>,
    ) -> ValueFuture<'c, T> {
        let sent = self.send();
        Box::pin(async move { decode(sent.await, endpoint).map(ResponseValue::into_inner) })
    }

    fn send_with<T: Send + 'c>(
        self,
        endpoint: &'static str,
        decode: decode::Decoder<T>,
    ) -> ValueFuture<'c, ResponseValue<T>> {
        let sent = self.send();
        Box::pin(async move { decode(sent.await, endpoint) })
    }
}
