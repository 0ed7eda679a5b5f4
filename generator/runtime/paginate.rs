//! Pagination by `Link: rel="next"`: one page at a time, or a `Stream` of items. It always
//! ends: a cycle, a link elsewhere, a malformed header or too many pages is an error.

use std::collections::{BTreeMap, HashSet};
use std::future::Future;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::error::{Error, Result};
use super::request::{Request, ResponseFuture};
use super::response::{decode_error, from_json, Response};

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
    /// The items of this page.
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
        let next = next_link(resp)?;
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
/// Errors (never silent truncation): a header that is not text, an unclosed `<`, a target
/// that is not a URL, on another host or scheme, or this page itself.
pub(crate) fn next_link(resp: &Response) -> Result<Option<String>> {
    let Ok(base) = reqwest::Url::parse(resp.url()) else {
        return Ok(None);
    };
    for value in resp.headers().get_all(reqwest::header::LINK) {
        let mut rest = value
            .to_str()
            .map_err(|_| bad_link(&base, "the Link header is not ASCII text"))?;
        while let Some(start) = rest.find('<') {
            let after = &rest[start + 1..];
            let end = after
                .find('>')
                .ok_or_else(|| bad_link(&base, "the Link header has an unclosed `<`"))?;
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
                let url = base
                    .join(target.trim())
                    .map_err(|_| bad_link(&base, "the rel=\"next\" target is not a URL"))?;
                if url.origin() != base.origin() {
                    return Err(bad_link(
                        &base,
                        "the next page is on another host or scheme",
                    ));
                }
                if url == base {
                    return Err(bad_link(&base, "the next page is this page"));
                }
                return Ok(Some(url.into()));
            }
        }
    }
    Ok(None)
}

fn bad_link(page: &reqwest::Url, why: &str) -> Error {
    Error::Pagination(format!("{why} (page {})", shown_path(page)).into())
}

/// A page's path for errors: percent-encoded by the URL parser, cut at 200 bytes.
fn shown_path(url: &reqwest::Url) -> &str {
    let p = url.path();
    let mut end = p.len().min(200);
    while !p.is_char_boundary(end) {
        end -= 1;
    }
    &p[..end]
}

/// Pages seen so far: hashes of their URLs (a cycle check in constant memory per page) and
/// the page cap.
#[derive(Debug, Clone)]
struct Visited {
    seen: HashSet<u64, BuildHasherDefault<DefaultHasher>>,
    max_pages: usize,
}

impl Visited {
    fn new(req: &Request<'_>) -> Visited {
        Visited {
            seen: HashSet::default(),
            max_pages: (req.limits.as_ref().and_then(|l| l.max_pages))
                .unwrap_or(req.client.inner.max_pages),
        }
    }

    fn key(url: &str) -> u64 {
        BuildHasherDefault::<DefaultHasher>::default().hash_one(url)
    }

    /// Record a fetched page; check its next link before it is fetched.
    fn check(&mut self, page_url: &str, next: Option<&String>) -> Result<()> {
        self.seen.insert(Self::key(page_url));
        let Some(next) = next else {
            return Ok(());
        };
        if self.seen.contains(&Self::key(next)) {
            let path =
                reqwest::Url::parse(next).map_or(String::new(), |u| shown_path(&u).to_owned());
            return Err(Error::Pagination(
                format!(
                    "Link cycle: page {} links back to an earlier page ({path})",
                    self.seen.len()
                )
                .into(),
            ));
        }
        if self.seen.len() >= self.max_pages {
            return Err(Error::Pagination(
                format!("more than {} pages (raise `max_pages`)", self.max_pages).into(),
            ));
        }
        Ok(())
    }
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
            visited: Visited::new(&self),
            pending: None,
            template: self.clone(),
            next: Some(self),
            _items: PhantomData,
        }
    }

    /// Every item of every page, fetching pages as the stream is polled.
    pub fn paginate<T: DeserializeOwned>(self) -> Paginate<'c, T> {
        Paginate {
            visited: Visited::new(&self),
            pending: None,
            template: self.clone(),
            next: Some(self),
            fetching: None,
            items: Vec::new().into_iter(),
        }
    }
}

/// Pages of a list request, fetched one by one.
pub struct Pages<'c, T> {
    visited: Visited,
    /// A bad next link: returned instead of the next page.
    pending: Option<Error>,
    template: Request<'c>,
    next: Option<Request<'c>>,
    _items: PhantomData<fn() -> T>,
}

impl<'c, T: DeserializeOwned> Pages<'c, T> {
    /// The next page, or `None` after the last one.
    pub async fn next_page(&mut self) -> Result<Option<Page<T>>> {
        if let Some(e) = self.pending.take() {
            return Err(e);
        }
        let Some(req) = self.next.take() else {
            return Ok(None);
        };
        let resp = req.send().await?;
        let page = Page::<T>::from_response(&resp)?;
        match self.visited.check(resp.url(), page.next.as_ref()) {
            Ok(()) => self.next = page.next.clone().map(|url| self.template.to_url(url)),
            Err(e) => self.pending = Some(e),
        }
        Ok(Some(page))
    }
}

/// A [`Stream`] of the items of all pages. An error ends the stream; a `Link` cycle or the
/// page cap is reported after the items of the last page fetched.
///
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
    visited: Visited,
    /// A bad next link: yielded after the current page's items.
    pending: Option<Error>,
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
                let visited = &mut this.visited;
                let page = result.and_then(|resp| {
                    let page = Page::<T>::from_response(&resp)?;
                    let checked = visited.check(resp.url(), page.next.as_ref());
                    Ok((page, checked))
                });
                match page {
                    Ok((page, checked)) => {
                        match checked {
                            Ok(()) => this.next = page.next.map(|url| this.template.to_url(url)),
                            Err(e) => this.pending = Some(e),
                        }
                        this.items = page.items.into_iter();
                    }
                    Err(e) => {
                        this.next = None;
                        return Poll::Ready(Some(Err(e)));
                    }
                }
                continue;
            }
            if let Some(e) = this.pending.take() {
                return Poll::Ready(Some(Err(e)));
            }
            match this.next.take() {
                Some(req) => this.fetching = Some(req.send()),
                None => return Poll::Ready(None),
            }
        }
    }
}
