//! The conformance harness: what the generated calls (`client_generator::conformance`) run
//! on, and the sweep that runs them against Prism.
//!
//! A crate using it has `mod harness;` (this folder) and `mod calls;` (the generated calls,
//! which name `crate::harness::{Run, Fut, Call}`), and needs `github_rest_client`, `tokio`,
//! `reqwest`, `serde`, `serde_json` and `futures_util`.
#![allow(dead_code)]

pub mod describe;
pub mod prism;
pub mod proxy;
pub mod report;
pub mod sweep;

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use github_rest_client::runtime::{
    Attempt as HookAttempt, AttemptRequest, Client, Hook, Paginate, Response, ResponseValue,
};
use github_rest_client::Error;

/// The future of one generated call.
pub type Fut<'a> = Pin<Box<dyn Future<Output = Outcome> + 'a>>;
/// One generated call.
pub type CallFn = for<'a> fn(&'a Run) -> Fut<'a>;

/// A method of the generated crate and its calls (one row of the generated `CALLS`).
pub struct Call {
    pub scope: &'static str,
    pub id: &'static str,
    pub method: &'static str,
    /// The route template the generated code sends (`/repos/{owner}/{repo}`).
    pub route: &'static str,
    /// The success statuses the spec declares (empty for untyped endpoints).
    pub statuses: &'static [u16],
    /// `send()` decodes a typed answer.
    pub typed: bool,
    /// `scope.id` of the method this one forwards to (a renamed endpoint).
    pub alias_of: Option<&'static str>,
    /// Required parameters only.
    pub required: CallFn,
    /// Every optional parameter set too (absent when there are none).
    pub full: Option<CallFn>,
    /// `paginate()`, for list endpoints.
    pub pages: Option<CallFn>,
}

impl Call {
    /// `scope.id`
    pub fn name(&self) -> String {
        format!("{}.{}", self.scope, self.id)
    }
}

/// What a generated call ended with (the attempts are recorded apart, by the hook).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// A success; the status `send_with_response()` (or the raw response) shows.
    Ok { status: u16 },
    /// `paginate()` ran to its end with this many items.
    Pages { items: usize },
    /// The answer did not decode into the method's type.
    Decode(String),
    /// Prism rejected the request (`422`, its own problem body listing the violations as
    /// JSON, when the operation documents no `422` of its own).
    Rejected(String),
    /// Any other error, as the client shows it.
    Failed(String),
}

/// One HTTP attempt as the client's hook saw it.
#[derive(Debug, Clone)]
pub struct Attempt {
    pub method: String,
    /// Path and query.
    pub target: String,
    pub status: u16,
    /// Prism's `sl-violations` header.
    pub violations: Option<String>,
}

/// Sets `Accept` and `Prefer` on every attempt and records what came back.
#[derive(Default)]
pub struct Recorder {
    state: Mutex<RecorderState>,
}

#[derive(Default)]
struct RecorderState {
    accept: String,
    dynamic: bool,
    pages: bool,
    attempts: Vec<Attempt>,
}

impl Recorder {
    /// Before a call: what to ask for (`pages`: ask the proxy for a second page); forgets
    /// earlier attempts.
    pub fn begin(&self, accept: &str, dynamic: bool, pages: bool) {
        let mut s = self.state.lock().unwrap();
        s.accept = accept.to_owned();
        s.dynamic = dynamic;
        s.pages = pages;
        s.attempts.clear();
    }

    /// After a call: its attempts.
    pub fn take(&self) -> Vec<Attempt> {
        std::mem::take(&mut self.state.lock().unwrap().attempts)
    }
}

struct RecorderHook(Arc<Recorder>);

impl Hook for RecorderHook {
    fn on_request(&self, a: &mut AttemptRequest<'_>) {
        let s = self.0.state.lock().unwrap();
        if let Ok(v) = s.accept.parse() {
            a.headers.insert("accept", v);
        }
        if s.dynamic {
            a.headers
                .insert("prefer", "dynamic=true".parse().expect("a valid header"));
        }
        if s.pages {
            a.headers
                .insert(proxy::PAGES_HEADER, "2".parse().expect("a valid header"));
        }
    }

    fn on_response(&self, a: &HookAttempt<'_>, status: u16, headers: &reqwest::header::HeaderMap) {
        let target = match a.url.query() {
            Some(q) => format!("{}?{q}", a.url.path()),
            None => a.url.path().to_owned(),
        };
        let violations = headers
            .get("sl-violations")
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
        self.0.state.lock().unwrap().attempts.push(Attempt {
            method: a.wire_method.to_string(),
            target,
            status,
            violations,
        });
    }

    fn on_error(&self, a: &HookAttempt<'_>, error: &reqwest::Error) {
        self.0.state.lock().unwrap().attempts.push(Attempt {
            method: a.wire_method.to_string(),
            target: a.url.path().to_owned(),
            status: 0,
            violations: Some(format!("transport error: {error}")),
        });
    }
}

/// A client pointed at Prism (through the [`proxy`]), with the [`Recorder`] as its hook.
pub struct Run {
    client: Client,
    origin: String,
    pub recorder: Arc<Recorder>,
}

impl Run {
    /// A client for the Prism at `prism` (`http://127.0.0.1:<port>`), through a new proxy.
    pub async fn new(prism: &str) -> Run {
        let base = proxy::start(prism.to_owned()).await;
        let recorder = Arc::new(Recorder::default());
        let client = Client::builder()
            .base_url(&base)
            .uploads_url(&base)
            .token("conformance")
            .accept("application/json")
            .max_retries(0)
            .timeout(Duration::from_secs(60))
            .hook(RecorderHook(recorder.clone()))
            .build()
            .expect("a client");
        Run {
            client,
            origin: base,
            recorder,
        }
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The origin for `{origin}` routes: the proxy.
    pub fn origin(&self) -> String {
        self.origin.clone()
    }

    /// The outcome of `send_with_response()`.
    pub fn typed<T>(&self, result: Result<ResponseValue<T>, Error>) -> Outcome {
        match result {
            Ok(v) => Outcome::Ok { status: v.status() },
            Err(e) => failed(e),
        }
    }

    /// The outcome of an untyped `send()`.
    pub fn untyped(&self, result: Result<Response, Error>) -> Outcome {
        match result {
            Ok(r) => Outcome::Ok { status: r.status() },
            Err(e) => failed(e),
        }
    }

    /// Drive `paginate()` to its end (at most 1,000 items).
    pub async fn pages<T: serde::de::DeserializeOwned>(
        &self,
        mut items: Paginate<'_, T>,
    ) -> Outcome {
        use futures_util::StreamExt;
        let mut n = 0;
        while let Some(item) = items.next().await {
            if let Err(e) = item {
                return failed(e);
            }
            n += 1;
            if n >= 1000 {
                return Outcome::Failed("paginate() yielded more than 1000 items".into());
            }
        }
        Outcome::Pages { items: n }
    }
}

fn failed(e: Error) -> Outcome {
    if let Some(api) = e.api().filter(|a| a.status == 422) {
        let body: serde_json::Value = serde_json::from_str(&api.body).unwrap_or_default();
        let prism = body["type"]
            .as_str()
            .is_some_and(|t| t.contains("stoplight.io/prism"));
        if let (true, Some(list)) = (prism, body.get("validation")) {
            return Outcome::Rejected(list.to_string());
        }
    }
    match e {
        Error::Decode(d) => Outcome::Decode(d.to_string()),
        e => Outcome::Failed(e.to_string()),
    }
}
