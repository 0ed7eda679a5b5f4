//! Observability and extension: tracing spans per call and per attempt, hooks that see
//! every attempt (retries and redirects), and a caller-supplied `reqwest::Client`.

#[path = "support/raw_server.rs"]
mod raw_server;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use github_rest_client::runtime::{Attempt, AttemptRequest, Client, Hook, Method, Request};
use raw_server::{response, RawServer, Reply};
use reqwest::header::HeaderMap;

/// Recorded fields: name and value.
type FieldList = Vec<(String, String)>;

/// Span names and fields, and events, recorded by a minimal subscriber.
#[derive(Default)]
struct Captured {
    spans: Mutex<Vec<(String, FieldList)>>,
    events: Mutex<Vec<FieldList>>,
}

struct Fields<'a>(&'a mut Vec<(String, String)>);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name().to_owned(), format!("{value:?}")));
    }
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        self.0.push((field.name().to_owned(), value.to_owned()));
    }
}

struct Capture(Arc<Captured>);

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut fields = Vec::new();
        span.record(&mut Fields(&mut fields));
        let mut spans = self.0.spans.lock().unwrap();
        spans.push((span.metadata().name().to_owned(), fields));
        tracing::span::Id::from_u64(spans.len() as u64)
    }
    fn record(&self, span: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut spans = self.0.spans.lock().unwrap();
        let entry = &mut spans[span.into_u64() as usize - 1];
        values.record(&mut Fields(&mut entry.1));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Vec::new();
        event.record(&mut Fields(&mut fields));
        self.0.events.lock().unwrap().push(fields);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn spans_per_call_and_per_attempt() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response("502 Bad Gateway", &[], b""),
            _ => response("200 OK", &[], b"{}"),
        })
    })
    .await;
    let client = Client::builder()
        .base_url(&server.base)
        .retry_base_delay(Duration::from_millis(5))
        .build()
        .unwrap();
    let captured = Arc::new(Captured::default());
    let _guard = tracing::subscriber::set_default(Capture(captured.clone()));
    Request::new(&client, Method::Get, "/repos/o/r".into())
        .route("/repos/{owner}/{repo}")
        .send()
        .await
        .unwrap();
    let spans = captured.spans.lock().unwrap();
    let names: Vec<&str> = spans.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["github.call", "github.attempt", "github.attempt"]);
    let call = &spans[0].1;
    assert_eq!(field(call, "method"), Some("GET"));
    assert_eq!(field(call, "route"), Some("/repos/{owner}/{repo}"));
    assert_eq!(field(call, "status"), Some("200"));
    assert_eq!(field(call, "attempts"), Some("2"));
    assert_eq!(field(&spans[1].1, "attempt"), Some("1"));
    assert_eq!(field(&spans[1].1, "status"), Some("502"));
    assert_eq!(field(&spans[2].1, "attempt"), Some("2"));
    assert_eq!(field(&spans[2].1, "status"), Some("200"));
    let events = captured.events.lock().unwrap();
    let retry = events
        .iter()
        .find(|e| field(e, "message") == Some("retrying"))
        .expect("a retry event");
    assert_eq!(field(retry, "reason"), Some("server error"));
    assert!(field(retry, "wait_ms").is_some());
}

/// Records every hook call; adds a header to each attempt.
#[derive(Default, Clone)]
struct Recorder(Arc<Mutex<Vec<String>>>);

impl Hook for Recorder {
    fn on_request(&self, a: &mut AttemptRequest<'_>) {
        a.headers
            .insert("x-attempt", a.attempt.attempt.to_string().parse().unwrap());
        self.0.lock().unwrap().push(format!(
            "request {} {} #{} hop {} trusted {}",
            a.attempt.wire_method,
            a.attempt.url.path(),
            a.attempt.attempt,
            a.attempt.redirects,
            a.trusted
        ));
    }
    fn on_response(&self, a: &Attempt<'_>, status: u16, _: &HeaderMap) {
        self.0
            .lock()
            .unwrap()
            .push(format!("response {status} {}", a.route.unwrap_or("-")));
    }
    fn on_error(&self, a: &Attempt<'_>, e: &reqwest::Error) {
        self.0
            .lock()
            .unwrap()
            .push(format!("error #{} timeout {}", a.attempt, e.is_timeout()));
    }
}

#[tokio::test]
async fn hooks_see_every_attempt_retries_and_redirects() {
    let server = RawServer::start(|n, _| {
        Reply::Raw(match n {
            0 => response("503 Unavailable", &[("retry-after", "0")], b""),
            1 => response("307 Temporary Redirect", &[("location", "/moved")], b""),
            _ => response("201 Created", &[], b"{}"),
        })
    })
    .await;
    let recorder = Recorder::default();
    let client = Client::builder()
        .base_url(&server.base)
        .token("tok")
        .hook(recorder.clone())
        .build()
        .unwrap();
    Request::new(&client, Method::Put, "/a".into())
        .route("/a")
        .send()
        .await
        .unwrap();
    assert_eq!(
        *recorder.0.lock().unwrap(),
        [
            "request PUT /a #1 hop 0 trusted true",
            "response 503 /a",
            "request PUT /a #2 hop 0 trusted true",
            "response 307 /a",
            "request PUT /moved #2 hop 1 trusted true",
            "response 201 /a",
        ]
    );
    let sent: Vec<_> = server
        .requests()
        .iter()
        .map(|r| r.header("x-attempt").unwrap().to_owned())
        .collect();
    assert_eq!(sent, ["1", "2", "2"]);
    assert!(server
        .requests()
        .iter()
        .all(|r| r.header("authorization") == Some("token tok")));

    // Failures without a response reach `on_error`.
    let silent = RawServer::start(|_, _| {
        Reply::Delayed(Duration::from_secs(5), response("200 OK", &[], b"{}"))
    })
    .await;
    let recorder = Recorder::default();
    let client = Client::builder()
        .base_url(&silent.base)
        .hook(recorder.clone())
        .attempt_timeout(Duration::from_millis(50))
        .timeout(Duration::from_millis(150))
        .retry_base_delay(Duration::from_millis(1))
        .build()
        .unwrap();
    Request::new(&client, Method::Get, "/a".into())
        .send()
        .await
        .unwrap_err();
    let log = recorder.0.lock().unwrap();
    assert!(log.contains(&"error #1 timeout true".to_owned()), "{log:?}");
}

#[tokio::test]
async fn own_reqwest_client_is_used() {
    let server = RawServer::start(|_, _| Reply::Raw(response("200 OK", &[], b"{}"))).await;
    let mut defaults = reqwest::header::HeaderMap::new();
    defaults.insert("x-from-own-client", "yes".parse().unwrap());
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(defaults)
        .build()
        .unwrap();
    let client = Client::builder()
        .base_url(&server.base)
        .http_client(http)
        .build()
        .unwrap();
    Request::new(&client, Method::Get, "/x".into())
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.requests()[0].header("x-from-own-client"),
        Some("yes")
    );
}
