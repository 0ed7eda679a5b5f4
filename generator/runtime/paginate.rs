//! Pagination by `Link: rel="next"`: one page at a time, or a `Stream` of items.

use std::collections::BTreeMap;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::decode::{decode_error, from_json};
use super::error::{Error, Result};
use super::request::{Request, ResponseFuture};
use super::response::Response;

/// One page of a list endpoint, from [`Request::page`] or [`Pages::next_page`].
///
/// ```no_run
/// use github_rest_client::runtime::Method;
/// use github_rest_client::{Client, Request};
///
/// # async fn run(client: Client) -> github_rest_client::Result<()> {
/// let mut pages = Request::new(&client, Method::Get, "/orgs/github/repos".into())
///     .query("per_page", "100".into())
///     .pages::<serde_json::Value>();
/// while let Some(page) = pages.next_page().await? {
///     println!("{} repositories, more: {}", page.items.len(), page.next.is_some());
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The absolute URL of the next page (`Link: rel="next"`), if any.
    pub next: Option<String>,
    /// `total_count` of a wrapped list (`{"total_count": .., "items": [..]}`).
    pub total_count: Option<u64>,
}

impl<T: DeserializeOwned> Page<T> {
    /// Decode a list response: a JSON array, or an object with `total_count` and exactly
    /// one array-valued field (`items`, `workflow_runs`, `repositories`, ...).
    pub fn from_response(resp: &Response) -> Result<Page<T>> {
        let (raw, total_count) = list_json(resp)?;
        let items = match raw {
            Some(raw) => from_json(raw.get().as_bytes(), None, resp.status(), resp.body_bytes())?,
            None => Vec::new(),
        };
        let next = next_link(resp).filter(|n| n != resp.url());
        Ok(Page {
            items,
            next,
            total_count,
        })
    }
}

/// The list part of a response body (non-generic).
fn list_json(resp: &Response) -> Result<(Option<&RawValue>, Option<u64>)> {
    let body = resp.json_input();
    let first = body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match first {
        Some(b'[') => {
            let raw: &RawValue = from_json(body, None, resp.status(), resp.body_bytes())?;
            Ok((Some(raw), None))
        }
        Some(b'n') => Ok((None, None)),
        Some(b'{') => {
            let fields: BTreeMap<String, &RawValue> =
                from_json(body, None, resp.status(), resp.body_bytes())?;
            let total = fields
                .get("total_count")
                .ok_or_else(|| not_a_list(resp, "no total_count"))?;
            let total_count = serde_json::from_str(total.get()).ok();
            let mut lists = fields.values().filter(|v| v.get().starts_with('['));
            match (lists.next(), lists.next()) {
                (Some(list), None) => Ok((Some(*list), total_count)),
                _ => Err(not_a_list(resp, "not exactly one array field")),
            }
        }
        _ => Err(not_a_list(resp, "neither an array nor an object")),
    }
}

fn not_a_list(resp: &Response, why: &str) -> Error {
    let msg = serde::de::Error::custom(format_args!("list response is not a list ({why})"));
    decode_error(None, resp.status(), ".".to_owned(), msg, resp.body_bytes())
}

/// The `rel="next"` target of the `Link` headers, resolved against the response URL.
/// Anything unparsable counts as no link.
pub(crate) fn next_link(resp: &Response) -> Option<String> {
    let base = reqwest::Url::parse(resp.url()).ok()?;
    for value in resp.headers().get_all(reqwest::header::LINK) {
        let Ok(mut rest) = value.to_str() else {
            continue;
        };
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('>') else {
                break;
            };
            let target = &after[..end];
            let params_end = after[end..].find(',').map_or(after.len(), |i| end + i);
            let params = &after[end + 1..params_end];
            rest = &after[params_end..];
            let is_next = params.split(';').any(|p| {
                let Some((k, v)) = p.split_once('=') else {
                    return false;
                };
                k.trim().eq_ignore_ascii_case("rel")
                    && v.trim()
                        .trim_matches('"')
                        .split_ascii_whitespace()
                        .any(|r| r == "next")
            });
            if is_next {
                let url = base.join(target.trim()).ok()?;
                return matches!(url.scheme(), "http" | "https").then(|| url.into());
            }
        }
    }
    None
}

impl<'c> Request<'c> {
    /// Send this request and decode one page.
    pub fn page<T: DeserializeOwned + 'c>(
        self,
    ) -> impl Future<Output = Result<Page<T>>> + Send + 'c {
        let fut = self.send();
        async move { Page::from_response(&fut.await?) }
    }

    /// Page-by-page access: call [`Pages::next_page`] until it returns `None`.
    pub fn pages<T: DeserializeOwned>(self) -> Pages<'c, T> {
        Pages {
            template: self.clone(),
            next: Some(self),
            _items: PhantomData,
        }
    }

    /// Every item of every page, fetching pages as the stream is polled.
    pub fn paginate<T: DeserializeOwned>(self) -> Paginate<'c, T> {
        Paginate {
            template: self.clone(),
            next: Some(self),
            fetching: None,
            items: Vec::new().into_iter(),
        }
    }
}

/// Pages of a list request, fetched one by one.
pub struct Pages<'c, T> {
    template: Request<'c>,
    next: Option<Request<'c>>,
    _items: PhantomData<fn() -> T>,
}

impl<'c, T: DeserializeOwned> Pages<'c, T> {
    /// The next page, or `None` after the last one.
    pub async fn next_page(&mut self) -> Result<Option<Page<T>>> {
        let Some(req) = self.next.take() else {
            return Ok(None);
        };
        let page = Page::<T>::from_response(&req.send().await?)?;
        self.next = page.next.clone().map(|url| self.template.to_url(url));
        Ok(Some(page))
    }
}

/// A [`Stream`] of the items of all pages. An error ends the stream.
///
/// Read it with `futures_util::TryStreamExt::try_next`, or with no extra crate:
///
/// ```no_run
/// use std::pin::Pin;
/// use futures_core::Stream;
/// use github_rest_client::runtime::Method;
/// use github_rest_client::{Client, Request};
///
/// # async fn run(client: Client) -> github_rest_client::Result<()> {
/// let mut issues = Request::new(&client, Method::Get, "/repos/octocat/hello-world/issues".into())
///     .paginate::<serde_json::Value>();
/// while let Some(issue) = std::future::poll_fn(|cx| Pin::new(&mut issues).poll_next(cx)).await {
///     println!("#{}", issue?["number"]);
/// }
/// # Ok(())
/// # }
/// ```
#[must_use = "streams do nothing unless polled"]
pub struct Paginate<'c, T> {
    template: Request<'c>,
    next: Option<Request<'c>>,
    fetching: Option<ResponseFuture<'c>>,
    items: std::vec::IntoIter<T>,
}

// `T` is only moved in and out of a Vec, never pinned.
impl<T> Unpin for Paginate<'_, T> {}

impl<T: DeserializeOwned> Stream for Paginate<'_, T> {
    type Item = Result<T>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T>>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            if let Some(fut) = &mut this.fetching {
                let result = std::task::ready!(fut.as_mut().poll(cx));
                this.fetching = None;
                match result.and_then(|resp| Page::<T>::from_response(&resp)) {
                    Ok(page) => {
                        this.next = page.next.map(|url| this.template.to_url(url));
                        this.items = page.items.into_iter();
                    }
                    Err(e) => {
                        this.next = None;
                        return Poll::Ready(Some(Err(e)));
                    }
                }
                continue;
            }
            match this.next.take() {
                Some(req) => this.fetching = Some(req.send()),
                None => return Poll::Ready(None),
            }
        }
    }
}
