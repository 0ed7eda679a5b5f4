//! What the runtime sends (headers, auth, bodies, query, hosts) and how it reads responses.

#[path = "support/raw_server.rs"]
mod raw_server;

use github_rest_client::runtime::__private::{JsonObject, RequestExt as _};
use github_rest_client::runtime::{Client, Error, IntOrString, MediaType, Method, Request};
use raw_server::{response, RawServer, Reply};
use wiremock::matchers::{body_string, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn ok_server() -> RawServer {
    RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], b"{}"))).await
}

#[tokio::test]
async fn default_headers_and_token() {
    let server = ok_server().await;
    let client = Client::builder()
        .base_url(&server.base)
        .token("ghp_secret123")
        .build()
        .unwrap();
    Request::new(&client, Method::Get, "/user".into())
        .send()
        .await
        .unwrap();
    let r = &server.requests()[0];
    assert_eq!(r.method, "GET");
    assert_eq!(r.target, "/user");
    assert_eq!(r.header("accept"), Some("application/vnd.github+json"));
    assert_eq!(r.header("authorization"), Some("token ghp_secret123"));
    assert_eq!(r.header("x-github-api-version"), Some("2022-11-28"));
    assert!(r
        .header("user-agent")
        .unwrap()
        .starts_with("github-rest-client/"));
    assert_eq!(r.header("content-length"), None);
    assert_eq!(r.header("content-type"), None);
    assert_eq!(
        r.header("accept-encoding"),
        cfg!(feature = "gzip").then_some("gzip"),
        "gzip asked for only with the `gzip` feature"
    );
}

#[tokio::test]
async fn bearer_custom_accept_user_agent_and_no_api_version() {
    let server = ok_server().await;
    let client = Client::builder()
        .base_url(&server.base)
        .bearer_token("eyJhbGciOi.jwt")
        .accept("application/vnd.github.v3+json")
        .user_agent("my-app/1.0")
        .api_version(None)
        .build()
        .unwrap();
    Request::new(&client, Method::Get, "/app".into())
        .send()
        .await
        .unwrap();
    let r = &server.requests()[0];
    assert_eq!(r.header("authorization"), Some("Bearer eyJhbGciOi.jwt"));
    assert_eq!(r.header("accept"), Some("application/vnd.github.v3+json"));
    assert_eq!(r.header("user-agent"), Some("my-app/1.0"));
    assert_eq!(r.header("x-github-api-version"), None);
}

#[tokio::test]
async fn anonymous_client_sends_no_authorization() {
    let server = ok_server().await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    Request::new(&client, Method::Get, "/zen".into())
        .send()
        .await
        .unwrap();
    assert_eq!(server.requests()[0].header("authorization"), None);
}

#[tokio::test]
async fn per_request_media_type_accept_and_header_override() {
    let server = ok_server().await;
    let client = Client::builder()
        .base_url(&server.base)
        .token("t")
        .build()
        .unwrap();
    let c = &client;
    Request::new(c, Method::Get, "/a".into())
        .media_type(MediaType::Raw)
        .send()
        .await
        .unwrap();
    Request::new(c, Method::Get, "/b".into())
        .media_type(MediaType::Diff)
        .send()
        .await
        .unwrap();
    Request::new(c, Method::Get, "/c".into())
        .accept("text/x-custom")
        .send()
        .await
        .unwrap();
    Request::new(c, Method::Get, "/d".into())
        .header("X-Extra", "1")
        .header("Authorization", "token other")
        .header("User-Agent", "ua2")
        .header("X-Note", "café")
        .send()
        .await
        .unwrap();
    let rs = server.requests();
    assert_eq!(rs[0].header("accept"), Some("application/vnd.github.raw"));
    assert_eq!(rs[1].header("accept"), Some("application/vnd.github.diff"));
    assert_eq!(rs[2].header("accept"), Some("text/x-custom"));
    assert_eq!(rs[3].header("x-extra"), Some("1"));
    assert_eq!(rs[3].header("authorization"), Some("token other"));
    assert_eq!(rs[3].header("user-agent"), Some("ua2"));
    assert_eq!(rs[3].header("x-note"), Some("café"));
    assert_eq!(
        rs[3]
            .headers
            .iter()
            .filter(|(k, _)| k == "authorization")
            .count(),
        1
    );
    assert_eq!(MediaType::Html.as_str(), "application/vnd.github.html");
    assert_eq!(MediaType::Patch.as_str(), "application/vnd.github.patch");
}

#[tokio::test]
async fn json_body_is_compact_with_type_and_length() {
    let server = ok_server().await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let mut body = JsonObject::new();
    body.field("title", "Found a bug");
    body.field("labels", &["bug", "ü"]);
    body.opt("milestone", &None::<i64>);
    body.opt("assignee", &Some("octocat"));
    body.field("id", &IntOrString::from(5));
    body.field("name", &IntOrString::from("x"));
    Request::new(&client, Method::Post, "/repos/o/r/issues".into())
        .json(body)
        .send()
        .await
        .unwrap();
    let r = &server.requests()[0];
    let expected =
        r#"{"title":"Found a bug","labels":["bug","ü"],"assignee":"octocat","id":5,"name":"x"}"#;
    assert_eq!(String::from_utf8(r.body.clone()).unwrap(), expected);
    assert_eq!(
        r.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(
        r.header("content-length"),
        Some(expected.len().to_string().as_str())
    );
}

#[tokio::test]
async fn empty_json_object_and_bodyless_put_patch_post() {
    let server = ok_server().await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let c = &client;
    Request::new(c, Method::Put, "/x".into())
        .send()
        .await
        .unwrap();
    Request::new(c, Method::Patch, "/x".into())
        .send()
        .await
        .unwrap();
    Request::new(c, Method::Post, "/x".into())
        .send()
        .await
        .unwrap();
    Request::new(c, Method::Delete, "/x".into())
        .send()
        .await
        .unwrap();
    Request::new(c, Method::Put, "/x".into())
        .json(JsonObject::new())
        .send()
        .await
        .unwrap();
    let rs = server.requests();
    for r in &rs[..3] {
        assert_eq!(r.header("content-length"), Some("0"), "{}", r.method);
        assert_eq!(r.header("content-type"), None);
        assert_eq!(
            r.headers
                .iter()
                .filter(|(k, _)| k == "content-length")
                .count(),
            1
        );
    }
    assert_eq!(rs[3].header("content-length"), None);
    assert_eq!(rs[4].body, b"{}");
    assert_eq!(rs[4].header("content-length"), Some("2"));
}

#[test]
fn json_object_is_empty_until_a_field_is_added() {
    let mut body = JsonObject::new();
    assert!(body.is_empty());
    body.opt("lock_reason", &None::<String>);
    assert!(body.is_empty());
    body.opt("lock_reason", &Some("spam"));
    assert!(!body.is_empty());
    assert_eq!(body.into_bytes(), br#"{"lock_reason":"spam"}"#);
    // A field that failed to serialise is not "empty": send() must still report it.
    struct Fails;
    impl serde::Serialize for Fails {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("nope"))
        }
    }
    let mut body = JsonObject::new();
    body.field("x", &Fails);
    assert!(!body.is_empty());
}

#[tokio::test]
async fn raw_body_with_caller_content_type() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/markdown/raw"))
        .and(header("content-type", "text/plain; charset=utf-8"))
        .and(body_string("Hello **world**"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<p>Hello</p>"))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    let resp = Request::new(&client, Method::Post, "/markdown/raw".into())
        .header("Content-Type", "text/plain; charset=utf-8")
        .raw(b"Hello **world**".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.text(), "<p>Hello</p>");
}

#[tokio::test]
async fn query_is_encoded_like_octokit() {
    let server = ok_server().await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    Request::new(&client, Method::Get, "/search/issues".into())
        .query("q", "repo:o/r+is:open label:\"a&b\"".into())
        .query("per_page", 100.to_string())
        .query("since", "2020-01-01T00:00:00Z".into())
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.requests()[0].target,
        "/search/issues?q=repo%3Ao%2Fr+is%3Aopen%20label%3A%22a%26b%22&per_page=100\
         &since=2020-01-01T00%3A00%3A00Z"
    );
}

#[tokio::test]
async fn query_via_wiremock_matchers() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/repos/o/r/issues"))
        .and(query_param("state", "all"))
        .and(query_param("labels", "a b,c"))
        .respond_with(ResponseTemplate::new(200).set_body_string("[]"))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder().base_url(server.uri()).build().unwrap();
    Request::new(&client, Method::Get, "/repos/o/r/issues".into())
        .query("state", "all".into())
        .query("labels", "a b,c".into())
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn enterprise_base_url_keeps_its_path_prefix() {
    let server = ok_server().await;
    let client = Client::builder()
        .base_url(format!("{}/api/v3/", server.base))
        .build()
        .unwrap();
    assert_eq!(client.base_url(), format!("{}/api/v3", server.base));
    Request::new(&client, Method::Get, "/repos/o/r".into())
        .query("a", "1".into())
        .send()
        .await
        .unwrap();
    assert_eq!(server.requests()[0].target, "/api/v3/repos/o/r?a=1");
}

#[test]
fn default_uploads_url_follows_the_base_url() {
    let url = |b: Option<&str>| {
        let builder = Client::builder();
        let builder = match b {
            Some(b) => builder.base_url(b),
            None => builder,
        };
        builder.build().unwrap().uploads_url().to_owned()
    };
    assert_eq!(url(None), "https://uploads.github.com");
    assert_eq!(
        url(Some("https://api.github.com/")),
        "https://uploads.github.com"
    );
    assert_eq!(
        url(Some("https://ghe.example/api/v3")),
        "https://ghe.example/api/uploads"
    );
    assert_eq!(
        url(Some("http://127.0.0.1:9/prefix")),
        "http://127.0.0.1:9/prefix"
    );
    let c = Client::builder()
        .base_url("https://ghe.example/api/v3")
        .uploads_url("https://up.example/")
        .build()
        .unwrap();
    assert_eq!(c.uploads_url(), "https://up.example");
}

#[tokio::test]
async fn uploads_and_origin_hosts() {
    let api = ok_server().await;
    let uploads = ok_server().await;
    let other = ok_server().await;
    let client = Client::builder()
        .base_url(&api.base)
        .uploads_url(format!("{}/up", uploads.base))
        .token("tok")
        .build()
        .unwrap();
    Request::new(&client, Method::Post, "/repos/o/r/releases/1/assets".into())
        .uploads()
        .query("name", "a.zip".into())
        .header("Content-Type", "application/zip")
        .raw(vec![1, 2, 3])
        .send()
        .await
        .unwrap();
    Request::new(&client, Method::Post, "/repos/o/r/releases/2/assets".into())
        .uploads()
        .origin(format!("{}/", other.base))
        .raw(vec![4])
        .send()
        .await
        .unwrap();
    assert!(api.requests().is_empty());
    let u = &uploads.requests()[0];
    assert_eq!(u.target, "/up/repos/o/r/releases/1/assets?name=a.zip");
    assert_eq!(u.body, [1, 2, 3]);
    assert_eq!(u.header("content-type"), Some("application/zip"));
    assert_eq!(u.header("authorization"), Some("token tok"));
    let o = &other.requests()[0];
    assert_eq!(o.target, "/repos/o/r/releases/2/assets");
    assert_eq!(
        o.header("authorization"),
        Some("token tok"),
        "explicit origin is trusted"
    );
}

#[tokio::test]
async fn responses_as_json_text_bytes() {
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Repo {
        id: u64,
        name: String,
    }
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response(
                "200 OK",
                &[("x-ratelimit-remaining", "4999")],
                br#"{"id":1,"name":"r"}"#,
            ),
            1 => response("200 OK", &[("content-type", "text/plain")], b"plain text"),
            _ => response("200 OK", &[], &[0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00]),
        })
    })
    .await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let r = Request::new(&client, Method::Get, "/r".into())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Repo>().unwrap(),
        Repo {
            id: 1,
            name: "r".into()
        }
    );
    assert_eq!(r.json::<serde_json::Value>().unwrap()["name"], "r");
    assert_eq!(r.rate_limit().unwrap().remaining, Some(4999));
    assert_eq!(r.header("x-ratelimit-remaining"), Some("4999"));
    assert!(r.url().ends_with("/r"));
    let t = Request::new(&client, Method::Get, "/t".into())
        .send()
        .await
        .unwrap();
    assert_eq!(t.text(), "plain text");
    assert_eq!(t.text_utf8(), Some("plain text"));
    let b = Request::new(&client, Method::Get, "/b".into())
        .send()
        .await
        .unwrap();
    assert_eq!(b.bytes(), [0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00]);
    assert_eq!(&b.into_bytes()[..], [0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00]);
}

#[tokio::test]
async fn no_content_responses() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(if n == 0 {
            b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n".to_vec()
        } else {
            response("205 Reset Content", &[], b"")
        })
    })
    .await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let r = Request::new(&client, Method::Delete, "/x".into())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    r.json::<()>().unwrap();
    assert_eq!(r.json::<Option<u32>>().unwrap(), None);
    assert_eq!(
        r.json::<serde_json::Value>().unwrap(),
        serde_json::Value::Null
    );
    assert!(r.bytes().is_empty());
    let r = Request::new(&client, Method::Put, "/y".into())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 205);
    r.json::<()>().unwrap();
}

#[tokio::test]
async fn invalid_requests_are_errors_not_panics() {
    let server = ok_server().await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let c = &client;
    let cases = vec![
        Request::new(c, Method::Get, "/x".into()).header("bad header", "v"),
        Request::new(c, Method::Get, "/x".into()).header("X-Ok", "line\nbreak"),
        Request::new(c, Method::Get, "/x".into()).accept("a\rb"),
        Request::new(c, Method::Get, "@evil.example/x".into()),
        Request::new(c, Method::Get, "/x".into()).origin("not a url".into()),
        Request::new(c, Method::Get, "/x".into()).origin("ftp://h".into()),
        Request::from_url(c, Method::Get, "file:///etc/passwd".into()),
    ];
    for req in cases {
        let dbg = format!("{req:?}");
        let err = req.send().await.unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{dbg}: {err:?}");
    }
    assert!(server.requests().is_empty());
    for bad in ["", "api.github.com", "ftp://x", "https://h/api?x=1"] {
        let err = Client::builder().base_url(bad).build().unwrap_err();
        assert!(matches!(err, Error::InvalidRequest(_)), "{bad}");
    }
}

#[test]
fn int_or_string() {
    assert_eq!(IntOrString::from(42i64).to_string(), "42");
    assert_eq!(IntOrString::from("bug").to_string(), "bug");
    assert_eq!(
        IntOrString::from(String::from("s")),
        IntOrString::String("s".into())
    );
    assert_eq!(serde_json::to_string(&IntOrString::from(7)).unwrap(), "7");
    assert_eq!(
        serde_json::to_string(&IntOrString::from("7")).unwrap(),
        "\"7\""
    );
    let v: Vec<IntOrString> = serde_json::from_str(r#"[1,"a"]"#).unwrap();
    assert_eq!(v, [IntOrString::Int(1), IntOrString::String("a".into())]);
}

#[tokio::test]
async fn build_is_cheap() {
    // Request construction is field moves; 10k of them take well under a second even
    // unoptimised (a regression to per-request parsing or cloning would show).
    let client = Client::new().unwrap();
    let start = std::time::Instant::now();
    for i in 0..10_000 {
        let mut body = JsonObject::new();
        body.field("title", "t");
        let req = Request::new(&client, Method::Post, format!("/repos/o/r/issues/{i}"))
            .query("per_page", "100".into())
            .json(body);
        let _ = std::hint::black_box(req);
    }
    assert!(
        start.elapsed() < std::time::Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn public_types_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<Client>();
    send_sync::<Request<'static>>();
    send_sync::<github_rest_client::runtime::Response>();
    send_sync::<Error>();
    send_sync::<github_rest_client::runtime::Page<serde_json::Value>>();
    send::<github_rest_client::runtime::ResponseFuture<'static>>();
    send::<github_rest_client::runtime::Paginate<'static, serde_json::Value>>();
    send::<github_rest_client::runtime::Pages<'static, serde_json::Value>>();
    // Errors stay small so `Result<T>` is cheap to move.
    assert!(
        std::mem::size_of::<Error>() <= 32,
        "{}",
        std::mem::size_of::<Error>()
    );
}

#[tokio::test]
async fn bodies_that_do_not_serialise_fail_at_send() {
    use std::collections::HashMap;
    let server = ok_server().await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    // A map with non-string (tuple) keys cannot be JSON.
    let bad: HashMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
    let mut body = JsonObject::new();
    body.field("ok", "yes");
    body.field("bad", &bad);
    let err = Request::new(&client, Method::Post, "/x".into())
        .json(body)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)), "{err:?}");
    assert!(err.to_string().contains("`bad`"), "{err}");
    let err = Request::new(&client, Method::Post, "/x".into())
        .json_value(&bad)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidRequest(_)));
    assert!(server.requests().is_empty());
    // A top-level array body.
    Request::new(&client, Method::Put, "/contexts".into())
        .json_value(&["ci/a", "ci/b"])
        .send()
        .await
        .unwrap();
    let r = &server.requests()[0];
    assert_eq!(r.body, br#"["ci/a","ci/b"]"#);
    assert_eq!(
        r.header("content-type"),
        Some("application/json; charset=utf-8")
    );
}

/// The call's future is one allocation per call. glibc serves blocks up to 1,032 bytes from
/// its per-thread cache; a larger future sends every call through the allocator's slow path
/// (~600 instructions, BENCHMARKS.md "Run time", 2026-11-30 20:10). Grow it only knowingly.
/// The test package builds the runtime with its optional features on: they must not count.
#[tokio::test]
async fn the_call_future_fits_the_allocators_per_thread_cache() {
    let client = Client::builder().build().unwrap();
    let call = client.repos().get("o", "r").build().send();
    let bytes = std::mem::size_of_val(&*call);
    assert!(bytes <= 1032, "the send() future is {bytes} bytes");
}
