//! Path encoding: no parameter value can change the route.

#[path = "support/raw_server.rs"]
mod raw_server;

use github_rest_client::runtime::__private::encode::{self, PathValue};
use github_rest_client::runtime::__private::RequestExt as _;
use github_rest_client::runtime::{Client, Method, Request};
use raw_server::{response, RawServer, Reply};

fn seg(v: &str) -> String {
    encode::segment(v).to_string()
}

fn sl(v: &str) -> String {
    encode::slashed(v).to_string()
}

#[test]
fn segment_encodes_everything_but_unreserved() {
    assert_eq!(seg("hello-world_1.2~x"), "hello-world_1.2~x");
    assert_eq!(seg("../admin"), "..%2Fadmin");
    assert_eq!(seg("a?b#c"), "a%3Fb%23c");
    assert_eq!(seg("%2e%2e"), "%252e%252e");
    assert_eq!(seg("a b+c"), "a%20b%2Bc");
    assert_eq!(seg("héllo"), "h%C3%A9llo");
    assert_eq!(seg("a/b"), "a%2Fb");
    assert_eq!(seg("a\\b"), "a%5Cb");
    assert_eq!(seg(""), "");
}

#[test]
fn dot_segments_cannot_be_dot_segments() {
    assert_eq!(seg("."), "%252E");
    assert_eq!(seg(".."), "%252E%252E");
    assert_eq!(seg("..."), "...");
    assert_eq!(seg(".a"), ".a");
}

#[test]
fn slashed_keeps_slashes_but_not_escapes() {
    assert_eq!(sl("refs/heads/main"), "refs/heads/main");
    assert_eq!(sl("docs/read me.md"), "docs/read%20me.md");
    assert_eq!(sl("../../admin"), "%252E%252E/%252E%252E/admin");
    assert_eq!(sl("a/./b"), "a/%252E/b");
    assert_eq!(sl("a?x=1#f"), "a%3Fx%3D1%23f");
    assert_eq!(sl("a/"), "a/");
    assert_eq!(sl("/"), "/");
    assert_eq!(sl("日本/語"), "%E6%97%A5%E6%9C%AC/%E8%AA%9E");
}

/// `Request::at` fills a route's placeholders in order, each value encoded as its kind says.
#[test]
fn fill_puts_each_value_in_its_placeholder_encoded() {
    let route = "/repos/{owner}/{repo}/contents/{path}/x/{n}";
    let values = [
        PathValue::Segment("../admin"),
        PathValue::Segment("a?b"),
        PathValue::Slashed("docs/../read me.md"),
        PathValue::Integer(-42),
    ];
    assert_eq!(
        encode::fill(route, &values),
        "/repos/..%2Fadmin/a%3Fb/contents/docs/%252E%252E/read%20me.md/x/-42"
    );
    // No placeholder: the route as is; a missing value keeps its placeholder.
    assert_eq!(encode::fill("/user", &[]), "/user");
    assert_eq!(
        encode::fill("/a/{x}/b/{y}", &[PathValue::Segment("1")]),
        "/a/1/b/{y}"
    );
    // A value that looks like a placeholder is only a value.
    assert_eq!(
        encode::fill(
            "/a/{x}/{y}",
            &[PathValue::Segment("{y}"), PathValue::Segment("z")]
        ),
        "/a/%7By%7D/z"
    );
}

#[test]
fn at_keeps_the_route_template() {
    let client = Client::builder().build().unwrap();
    let req = Request::at(
        &client,
        Method::Get,
        "/repos/{owner}/{repo}",
        &[PathValue::Segment("o"), PathValue::Segment("r/x")],
    );
    assert_eq!(req.route_template(), Some("/repos/{owner}/{repo}"));
    assert!(format!("{req:?}").contains("/repos/o/r%2Fx"), "{req:?}");
}

/// What actually goes on the wire for a route built with hostile values.
#[tokio::test]
async fn hostile_values_stay_inside_their_segment_on_the_wire() {
    let server = RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], b"{}"))).await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let cases: &[(&str, bool)] = &[
        ("..", false),
        (".", false),
        ("../admin", false),
        ("%2e%2e", false),
        ("a?b#c", false),
        ("a b", false),
        ("ünï", false),
        ("", false),
        ("../../x", true),
        ("a/../../b", true),
        ("./.", true),
    ];
    for (value, slashed) in cases {
        let v = if *slashed { sl(value) } else { seg(value) };
        let path = format!("/repos/o/{v}/tail");
        Request::new(&client, Method::Get, path)
            .send()
            .await
            .unwrap();
    }
    let got: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    let expected = [
        "/repos/o/%252E%252E/tail",
        "/repos/o/%252E/tail",
        "/repos/o/..%2Fadmin/tail",
        "/repos/o/%252e%252e/tail",
        "/repos/o/a%3Fb%23c/tail",
        "/repos/o/a%20b/tail",
        "/repos/o/%C3%BCn%C3%AF/tail",
        "/repos/o//tail",
        "/repos/o/%252E%252E/%252E%252E/x/tail",
        "/repos/o/a/%252E%252E/%252E%252E/b/tail",
        "/repos/o/%252E/%252E/tail",
    ];
    assert_eq!(got, expected);
    for t in &got {
        assert!(t.starts_with("/repos/o/") && t.ends_with("/tail"), "{t}");
        assert!(!t.contains('?') && !t.contains('#'), "{t}");
    }
}

/// The WHATWG URL parser treats `%2E%2E` as `..`: plain `%2E` encoding would not be safe.
#[tokio::test]
async fn percent_2e_dot_segments_would_be_normalised_away() {
    let server = RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], b"{}"))).await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let path = "/repos/o/%2E%2E/tail".to_owned();
    Request::new(&client, Method::Get, path)
        .send()
        .await
        .unwrap();
    assert_eq!(server.requests()[0].target, "/repos/tail");
}

/// The reference encodings: RFC 3986 unreserved characters kept in a path segment, and
/// what JavaScript's `encodeURIComponent` keeps in a query component.
mod reference {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

    const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    const QUERY: &AsciiSet = &SEGMENT
        .remove(b'!')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')')
        .remove(b'*');

    pub fn segment(v: &str) -> String {
        utf8_percent_encode(v, SEGMENT).to_string()
    }

    pub fn query(v: &str) -> String {
        utf8_percent_encode(v, QUERY).to_string()
    }
}

proptest::proptest! {
    /// The runtime's own table-driven encoder agrees with the `percent-encoding` crate on
    /// any text (but for the dot segments, which it encodes twice on purpose).
    #[test]
    fn segment_agrees_with_percent_encoding(v in "\\PC{0,24}|[ -~]{0,24}") {
        proptest::prop_assume!(v != "." && v != "..");
        proptest::prop_assert_eq!(seg(&v), reference::segment(&v));
        let filled = encode::fill("/a/{x}/b", &[PathValue::Segment(&v)]);
        proptest::prop_assert_eq!(filled, format!("/a/{}/b", reference::segment(&v)));
    }

    /// A slashed value is its `/`-separated parts, each encoded like a segment (dot parts
    /// encoded twice), the slashes kept; `fill` writes the same.
    #[test]
    fn slashed_is_its_parts_encoded(v in "[a-z./%?# é]{0,16}") {
        let part = |p: &str| match p {
            "." => "%252E".to_owned(),
            ".." => "%252E%252E".to_owned(),
            _ => reference::segment(p),
        };
        let expected = v.split('/').map(part).collect::<Vec<_>>().join("/");
        proptest::prop_assert_eq!(sl(&v), expected.clone());
        let filled = encode::fill("/c/{path}", &[PathValue::Slashed(&v)]);
        proptest::prop_assert_eq!(filled, format!("/c/{expected}"));
    }
}

/// Query values go on the wire as `encodeURIComponent` writes them: every ASCII character
/// and some beyond, against the reference encoder. (But for `'`: the URL standard encodes
/// it in the query of an `http(s)` URL, so `url` sends it as `%27`, the same to a server.)
#[tokio::test]
async fn query_values_are_encoded_like_encode_uri_component() {
    let server = RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], b"{}"))).await;
    let client = Client::builder().base_url(&server.base).build().unwrap();
    let ascii: String = (0u8..128).map(char::from).collect();
    let values = [ascii.as_str(), "héllo wörld", "日本語", "a+b c", ""];
    for v in values {
        Request::new(&client, Method::Get, "/search".to_owned())
            .query("x", v.to_owned())
            .send()
            .await
            .unwrap();
    }
    let got: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    let expected: Vec<String> = values
        .iter()
        .map(|v| format!("/search?x={}", reference::query(v).replace('\'', "%27")))
        .collect();
    assert_eq!(got, expected);
}
