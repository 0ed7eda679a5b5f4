//! Redirects are followed by the runtime: bounded, method rules, credentials stay home.

#[path = "support/raw_server.rs"]
mod raw_server;

use std::sync::{Arc, OnceLock};

use github_rest_client::runtime::__private::{JsonObject, RequestExt as _};
use github_rest_client::runtime::{Client, Error, Method, Request};
use raw_server::{response, RawServer, Reply};

fn redirect(status: &str, location: &str) -> Reply {
    Reply::Raw(response(status, &[("location", location)], b""))
}

/// A server whose first request is redirected to `target` (set after start) + `path`.
async fn redirecting(
    status: &'static str,
    path: &'static str,
) -> (RawServer, Arc<OnceLock<String>>) {
    let target: Arc<OnceLock<String>> = Arc::default();
    let t = target.clone();
    let server = RawServer::start(move |n, _| match n {
        0 => redirect(status, &format!("{}{path}", t.get().unwrap())),
        _ => Reply::Raw(response("200 OK", &[], b"{\"done\":true}")),
    })
    .await;
    (server, target)
}

fn client(base: &str) -> Client {
    Client::builder()
        .base_url(base)
        .token("tok")
        .accept("application/vnd.github.v3+json")
        .build()
        .unwrap()
}

#[tokio::test]
async fn same_host_redirect_keeps_accept_and_authorization() {
    let (server, target) = redirecting("301 Moved Permanently", "/repositories/42").await;
    target.set(server.base.clone()).unwrap();
    let c = client(&server.base);
    let resp = Request::new(&c, Method::Get, "/repos/o/r".into())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert!(resp.url().ends_with("/repositories/42"));
    let rs = server.requests();
    assert_eq!(rs.len(), 2);
    assert_eq!(rs[1].target, "/repositories/42");
    assert_eq!(rs[1].header("authorization"), Some("token tok"));
    assert_eq!(
        rs[1].header("accept"),
        Some("application/vnd.github.v3+json")
    );
}

#[tokio::test]
async fn relative_location_is_resolved() {
    let (server, target) = redirecting("302 Found", "/b?x=1").await;
    target.set(String::new()).unwrap();
    let c = client(&format!("{}/api/v3", server.base));
    Request::new(&c, Method::Get, "/a".into())
        .send()
        .await
        .unwrap();
    assert_eq!(server.requests()[1].target, "/b?x=1");
}

#[tokio::test]
async fn cross_host_redirect_drops_authorization() {
    let other = RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], b"tarball"))).await;
    let (api, target) = redirecting("302 Found", "/codeload/archive.tar.gz").await;
    target.set(other.base.clone()).unwrap();
    let c = client(&api.base);
    let resp = Request::new(&c, Method::Get, "/repos/o/r/tarball/main".into())
        .header("Authorization", "token caller-set")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.bytes(), b"tarball");
    assert_eq!(
        api.requests()[0].header("authorization"),
        Some("token caller-set")
    );
    let o = &other.requests()[0];
    assert_eq!(o.target, "/codeload/archive.tar.gz");
    assert_eq!(o.header("authorization"), None);
    assert_eq!(o.header("accept"), Some("application/vnd.github.v3+json"));
}

#[tokio::test]
async fn credentials_do_not_come_back_after_visiting_another_host() {
    // api -> other -> api: the other host chose the last target, so no credentials.
    let (other, other_target) = redirecting("302 Found", "/back").await;
    let (api, api_target) = redirecting("302 Found", "/away").await;
    api_target.set(other.base.clone()).unwrap();
    other_target.set(api.base.clone()).unwrap();
    let c = client(&api.base);
    Request::new(&c, Method::Get, "/start".into())
        .send()
        .await
        .unwrap();
    let a = api.requests();
    assert_eq!(a[0].header("authorization"), Some("token tok"));
    assert_eq!(other.requests()[0].header("authorization"), None);
    assert_eq!(a[1].target, "/back");
    assert_eq!(a[1].header("authorization"), None);
}

#[tokio::test]
async fn status_307_and_308_keep_method_and_body() {
    for status in ["307 Temporary Redirect", "308 Permanent Redirect"] {
        let (server, target) = redirecting(status, "/moved").await;
        target.set(server.base.clone()).unwrap();
        let c = client(&server.base);
        let mut body = JsonObject::new();
        body.field("name", "x");
        Request::new(&c, Method::Patch, "/repos/o/r".into())
            .json(body)
            .send()
            .await
            .unwrap();
        let r = &server.requests()[1];
        assert_eq!(
            (r.method.as_str(), r.target.as_str()),
            ("PATCH", "/moved"),
            "{status}"
        );
        assert_eq!(r.body, br#"{"name":"x"}"#);
        assert_eq!(
            r.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        assert_eq!(r.header("content-length"), Some("12"));
    }
}

#[tokio::test]
async fn post_on_301_302_and_anything_on_303_becomes_get() {
    for (status, method) in [
        ("301 Moved", Method::Post),
        ("302 Found", Method::Post),
        ("303 See Other", Method::Put),
    ] {
        let (server, target) = redirecting(status, "/then").await;
        target.set(server.base.clone()).unwrap();
        let c = client(&server.base);
        let mut body = JsonObject::new();
        body.field("a", &1);
        Request::new(&c, method, "/x".into())
            .json(body)
            .send()
            .await
            .unwrap();
        let r = &server.requests()[1];
        assert_eq!(r.method, "GET", "{status}");
        assert!(r.body.is_empty());
        assert_eq!(r.header("content-type"), None);
        assert_eq!(r.header("content-length"), None);
    }
    // 302 keeps a PUT a PUT (fetch semantics).
    let (server, target) = redirecting("302 Found", "/then").await;
    target.set(server.base.clone()).unwrap();
    let c = client(&server.base);
    Request::new(&c, Method::Put, "/x".into())
        .send()
        .await
        .unwrap();
    assert_eq!(server.requests()[1].method, "PUT");
}

#[tokio::test]
async fn redirect_loop_is_bounded() {
    let server = RawServer::start(|_, _| redirect("302 Found", "/loop")).await;
    let c = Client::builder()
        .base_url(&server.base)
        .max_redirects(5)
        .build()
        .unwrap();
    let err = Request::new(&c, Method::Get, "/loop".into())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Redirect(_)), "{err:?}");
    assert!(err.to_string().contains("too many redirects"));
    assert_eq!(server.requests().len(), 6);
    let c = client(&server.base);
    let _ = Request::new(&c, Method::Get, "/loop".into())
        .send()
        .await
        .unwrap_err();
    assert_eq!(server.requests().len(), 6 + 11, "default limit is 10");
}

#[tokio::test]
async fn unfollowable_redirects() {
    let server = RawServer::start(|n, _| match n {
        0 => Reply::Raw(response("302 Found", &[], b"")),
        1 => redirect("301 Moved", "javascript:alert(1)"),
        2 => redirect("301 Moved", "http://[broken"),
        _ => Reply::Raw(response("304 Not Modified", &[("etag", "\"x\"")], b"")),
    })
    .await;
    let c = client(&server.base);
    let err = Request::new(&c, Method::Get, "/a".into())
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(302), "no Location: returned as an error");
    let err = Request::new(&c, Method::Get, "/a".into())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Redirect(_)));
    let err = Request::new(&c, Method::Get, "/a".into())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Redirect(_)));
    let resp = Request::new(&c, Method::Get, "/a".into())
        .header("If-None-Match", "\"x\"")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 304);
    assert_eq!(server.requests().len(), 4);
}
