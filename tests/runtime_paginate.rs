//! Pagination by `Link: rel="next"`: pages, item streams, list wrappers, bad links.

#[path = "support/raw_server.rs"]
mod raw_server;

use std::sync::{Arc, OnceLock};

use futures_util::{StreamExt, TryStreamExt};
use github_rest_client::runtime::{Client, Error, Method, Page, Request};
use raw_server::{response, RawServer, Reply};

type Base = Arc<OnceLock<String>>;

/// Serves `pages[i]` for the i-th request, with a `Link` to the next page (if any).
async fn paged(pages: &'static [&'static str]) -> RawServer {
    let base: Base = Arc::default();
    let b = base.clone();
    let server = RawServer::start(move |n, _| {
        let body = pages.get(n).copied().unwrap_or("[]");
        let mut headers = vec![];
        let link;
        if n + 1 < pages.len() {
            let base = b.get().unwrap();
            link = format!(
                "<{base}/repositories/1/issues?per_page=2&page={}>; rel=\"next\", \
                 <{base}/repositories/1/issues?per_page=2&page={}>; rel=\"last\"",
                n + 2,
                pages.len()
            );
            headers.push(("link", link.as_str()));
        }
        Reply::Raw(response("200 OK", &headers, body.as_bytes()))
    })
    .await;
    base.set(server.base.clone()).unwrap();
    server
}

fn client(server: &RawServer) -> Client {
    Client::builder()
        .base_url(&server.base)
        .token("tok")
        .build()
        .unwrap()
}

fn issues(c: &Client) -> Request<'_> {
    Request::new(c, Method::Get, "/repos/o/r/issues".into())
        .query("per_page", "2".into())
        .accept("application/vnd.github.v3+json")
        .header("X-Custom", "kept")
}

const THREE_PAGES: &[&str] = &["[1,2]", "[3,4]", "[5]"];

#[tokio::test]
async fn page_by_page() {
    let server = paged(THREE_PAGES).await;
    let c = client(&server);
    let mut pages = issues(&c).pages::<u32>();
    let mut seen = vec![];
    while let Some(page) = pages.next_page().await.unwrap() {
        seen.push(page.items);
    }
    assert_eq!(seen, [vec![1, 2], vec![3, 4], vec![5]]);
    assert!(pages.next_page().await.unwrap().is_none());
    let rs = server.requests();
    let targets: Vec<&str> = rs.iter().map(|r| r.target.as_str()).collect();
    assert_eq!(
        targets,
        [
            "/repos/o/r/issues?per_page=2",
            "/repositories/1/issues?per_page=2&page=2",
            "/repositories/1/issues?per_page=2&page=3",
        ]
    );
    for r in &rs {
        assert_eq!(r.header("accept"), Some("application/vnd.github.v3+json"));
        assert_eq!(r.header("x-custom"), Some("kept"));
        assert_eq!(r.header("authorization"), Some("token tok"));
    }
}

#[tokio::test]
async fn single_page_with_next_link() {
    let server = paged(THREE_PAGES).await;
    let c = client(&server);
    let page: Page<u32> = issues(&c).page().await.unwrap();
    assert_eq!(page.items, [1, 2]);
    assert_eq!(
        page.next.as_deref(),
        Some(format!("{}/repositories/1/issues?per_page=2&page=2", server.base).as_str())
    );
    let next: Page<u32> = Request::from_url(&c, Method::Get, page.next.unwrap())
        .page()
        .await
        .unwrap();
    assert_eq!(next.items, [3, 4]);
}

#[tokio::test]
async fn stream_of_items() {
    let server = paged(THREE_PAGES).await;
    let c = client(&server);
    let all: Vec<u32> = issues(&c).paginate::<u32>().try_collect().await.unwrap();
    assert_eq!(all, [1, 2, 3, 4, 5]);
    // Lazy: taking two items fetches one page.
    let server = paged(THREE_PAGES).await;
    let c = client(&server);
    let two: Vec<_> = issues(&c).paginate::<u32>().take(2).collect().await;
    assert_eq!(two.len(), 2);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn wrapped_lists_are_unwrapped() {
    let server = paged(&[
        r#"{"total_count":3,"incomplete_results":false,"items":[{"n":1},{"n":2}]}"#,
        "{ \"total_count\" : 3 ,\n \"workflow_runs\" :\n [ {\"n\":3} ] , \"x\": {\"y\": []} }",
    ])
    .await;
    let c = client(&server);
    #[derive(serde::Deserialize)]
    struct N {
        n: u32,
    }
    let mut pages = issues(&c).pages::<N>();
    let p1 = pages.next_page().await.unwrap().unwrap();
    assert_eq!(p1.total_count, Some(3));
    assert_eq!(p1.items.iter().map(|x| x.n).collect::<Vec<_>>(), [1, 2]);
    let p2 = pages.next_page().await.unwrap().unwrap();
    assert_eq!(p2.items.iter().map(|x| x.n).collect::<Vec<_>>(), [3]);
    assert!(pages.next_page().await.unwrap().is_none());
}

#[tokio::test]
async fn objects_that_are_not_list_wrappers_are_decode_errors() {
    let server = RawServer::start(|n, _| {
        let body: &[u8] = match n {
            0 => br#"{"id":1}"#,
            1 => br#"{"total_count":1,"a":[1],"b":[2]}"#,
            2 => br#"{"total_count":0,"repository_selection":"all"}"#,
            3 => b"42",
            4 => b"[1,\"x\"]",
            _ => b"",
        };
        Reply::Raw(response("200 OK", &[], body))
    })
    .await;
    let c = client(&server);
    for _ in 0..5 {
        let err = issues(&c).page::<u32>().await.unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{err:?}");
    }
    let empty = issues(&c).page::<u32>().await.unwrap();
    assert!(empty.items.is_empty() && empty.next.is_none());
}

#[tokio::test]
async fn error_mid_stream_ends_the_stream() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response("200 OK", &[("link", "</page2>; rel=\"next\"")], b"[1]"),
            _ => response("404 Not Found", &[], br#"{"message":"Not Found"}"#),
        })
    })
    .await;
    let c = client(&server);
    let got: Vec<_> = issues(&c).paginate::<u32>().collect().await;
    assert_eq!(got.len(), 2);
    assert_eq!(*got[0].as_ref().unwrap(), 1);
    assert_eq!(got[1].as_ref().unwrap_err().status(), Some(404));
    assert_eq!(
        server.requests()[1].target,
        "/page2",
        "relative link resolved"
    );
}

#[tokio::test]
async fn self_link_and_garbage_links_are_errors_not_loops() {
    let base: Base = Arc::default();
    let b = base.clone();
    let server = RawServer::start(move |n, r| {
        let me = format!("{}{}", b.get().unwrap(), r.target);
        let link = match n {
            0 => format!("<{me}>; rel=\"next\""),
            1 => "<not a url at all; rel=next".to_owned(),
            2 => "rel=\"next\"".to_owned(),
            _ => "<mailto:x@y>; rel=\"next\"".to_owned(),
        };
        Reply::Raw(response("200 OK", &[("link", &link)], b"[7]"))
    })
    .await;
    base.set(server.base.clone()).unwrap();
    let c = client(&server);
    let mut outcomes = Vec::new();
    for _ in 0..4 {
        outcomes.push(
            match issues(&c).paginate::<u32>().try_collect::<Vec<u32>>().await {
                Ok(all) => format!("{all:?}"),
                Err(e) => e.to_string(),
            },
        );
    }
    assert_eq!(
        outcomes,
        [
            "pagination error: the next page is this page (page /repos/o/r/issues)",
            "pagination error: the Link header has an unclosed `<` (page /repos/o/r/issues)",
            "[7]",
            "pagination error: the next page is on another host or scheme (page /repos/o/r/issues)",
        ],
        "no loop, no silent end on a bad link; a Link without a target is no link"
    );
    assert_eq!(server.requests().len(), 4);
}

#[tokio::test]
async fn next_link_to_another_host_is_an_error_and_not_followed() {
    let other = RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], b"[2]"))).await;
    let other_base = other.base.clone();
    let api = RawServer::start(move |_, _| {
        let link = format!("<{other_base}/evil>; rel=\"next\"");
        Reply::Raw(response("200 OK", &[("link", &link)], b"[1]"))
    })
    .await;
    let c = client(&api);
    let err = issues(&c)
        .paginate::<u32>()
        .try_collect::<Vec<u32>>()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Pagination(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        "pagination error: the next page is on another host or scheme (page /repos/o/r/issues)"
    );
    assert!(other.requests().is_empty());
    // Another scheme on the same host and port is another origin too.
    let api_base = api.base.clone();
    let https = RawServer::start(move |_, _| {
        let link = format!("<{}/p2>; rel=\"next\"", api_base.replace("http:", "https:"));
        Reply::Raw(response("200 OK", &[("link", &link)], b"[1]"))
    })
    .await;
    let c = client(&https);
    let err = issues(&c).page::<u32>().await.unwrap_err();
    assert!(err.to_string().contains("another host or scheme"), "{err}");
}

/// A server whose page `n` (from `?page=n`, 1 without) links to `next(n)`.
async fn linking(next: fn(u32) -> Option<String>) -> RawServer {
    RawServer::start(move |_, req| {
        let page: u32 = req
            .target
            .split("page=")
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let mut headers = vec![];
        let link;
        if let Some(target) = next(page) {
            link = target;
            headers.push(("link", link.as_str()));
        }
        Reply::Raw(response("200 OK", &headers, format!("[{page}]").as_bytes()))
    })
    .await
}

#[tokio::test]
async fn link_cycle_is_an_error() {
    // Page 1 -> 2 -> 1 -> ...
    let server = linking(|n| Some(format!("</p?page={}>; rel=\"next\"", 3 - n))).await;
    let c = client(&server);
    let mut items = Request::new(&c, Method::Get, "/p?page=1".into()).paginate::<u32>();
    let mut got = Vec::new();
    let err = loop {
        match items.next().await {
            Some(Ok(i)) => got.push(i),
            Some(Err(e)) => break e,
            None => panic!("ended without an error after {got:?}"),
        }
    };
    assert_eq!(got, [1, 2], "the items of both pages, then the error");
    assert!(matches!(err, Error::Pagination(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains("Link cycle: page 2 links back to an earlier page (/p)"),
        "{err}"
    );
    assert!(
        items.next().await.is_none(),
        "the stream ends after the error"
    );
    assert_eq!(server.requests().len(), 2);
    // A page linking to itself.
    let server = linking(|_| Some("<>; rel=\"next\"".into())).await;
    let c = client(&server);
    let err = Request::new(&c, Method::Get, "/p".into())
        .page::<u32>()
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("the next page is this page"),
        "{err}"
    );
}

#[tokio::test]
async fn malformed_link_headers_are_errors() {
    for link in ["</p?page=2; rel=\"next\"", "<http://[::1>; rel=\"next\""] {
        let server =
            RawServer::start(move |_, _| Reply::Raw(response("200 OK", &[("link", link)], b"[1]")))
                .await;
        let c = client(&server);
        let err = Request::new(&c, Method::Get, "/p".into())
            .paginate::<u32>()
            .try_collect::<Vec<u32>>()
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Pagination(_)), "{link}: {err:?}");
    }
    // Links without rel="next" (first, last, prev) just end the pagination.
    let server = RawServer::start(|_, _| {
        Reply::Raw(response(
            "200 OK",
            &[(
                "link",
                "</p?page=1>; rel=\"first\", </p?page=1>; rel=\"prev\"",
            )],
            b"[1]",
        ))
    })
    .await;
    let c = client(&server);
    let all: Vec<u32> = Request::new(&c, Method::Get, "/p".into())
        .paginate::<u32>()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all, [1]);
}

#[tokio::test]
async fn endless_pages_stop_at_the_page_cap() {
    let server = linking(|n| Some(format!("</p?page={}>; rel=\"next\"", n + 1))).await;
    let c = client(&server);
    let mut items = Request::new(&c, Method::Get, "/p".into())
        .max_pages(5)
        .paginate::<u32>();
    let mut got = Vec::new();
    let err = loop {
        match items.next().await {
            Some(Ok(i)) => got.push(i),
            Some(Err(e)) => break e,
            None => panic!("ended without an error after {got:?}"),
        }
    };
    assert_eq!(got, [1, 2, 3, 4, 5]);
    assert!(
        err.to_string()
            .contains("more than 5 pages (raise `max_pages`)"),
        "{err}"
    );
    assert_eq!(server.requests().len(), 5);
    // The client's cap, with page-by-page access.
    let c = Client::builder()
        .base_url(&server.base)
        .max_pages(3)
        .build()
        .unwrap();
    let mut pages = Request::new(&c, Method::Get, "/p".into()).pages::<u32>();
    let mut n = 0;
    let err = loop {
        match pages.next_page().await {
            Ok(Some(_)) => n += 1,
            Ok(None) => panic!("ended after {n} pages"),
            Err(e) => break e,
        }
    };
    assert_eq!(n, 3, "three pages, then the fourth is refused");
    assert!(err.to_string().contains("more than 3 pages"), "{err}");
}
