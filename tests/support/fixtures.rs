//! Harness for `@octokit/fixtures-server` (tests/fixtures-server): starts it once per test
//! binary, loads scenarios and checks that every recorded request was made.
//!
//! Include with `#[path = "support/fixtures.rs"] mod fixtures;`. Needs `node` and `npm`;
//! runs `npm ci` when `node_modules` is missing. The server exits when the test process
//! does (it watches its stdin).
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};

use github_rest_client::runtime::__private::{JsonObject, RequestExt as _};
use github_rest_client::runtime::{Client, ClientBuilder, Method, Request};

/// The token every scenario was recorded with (`Authorization: token 000…001`).
pub const TOKEN: &str = "0000000000000000000000000000000000000001";
/// The token of the second user in some scenarios (`add-and-remove-repository-collaborator`).
pub const TOKEN_B: &str = "0000000000000000000000000000000000000002";
/// The `Accept` every scenario was recorded with, unless it says otherwise.
pub const ACCEPT: &str = "application/vnd.github.v3+json";

pub struct FixturesServer {
    /// `http://127.0.0.1:<port>`
    pub base: String,
    _child: Mutex<Child>,
    _stdin: Mutex<ChildStdin>,
}

/// A loaded scenario: its requests must be made in order, each exactly once.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    pub id: String,
    /// API base URL of the scenario, `http://127.0.0.1:<port>/api.github.com/<id>`.
    pub url: String,
    server_base: String,
}

/// Loads scenario `name` on the shared server, with a client for it.
pub async fn scenario(name: &str) -> (Scenario, Client) {
    let s = server().load(name).await;
    let client = s.client().build().unwrap();
    (s, client)
}

/// The shared server of this test binary, started on first use.
pub fn server() -> &'static FixturesServer {
    static SERVER: OnceLock<FixturesServer> = OnceLock::new();
    SERVER.get_or_init(start)
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures-server")
}

fn start() -> FixturesServer {
    let dir = dir();
    if !dir.join("node_modules/@octokit/fixtures-server").is_dir() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .stdout(Stdio::null())
            .status()
            .expect("running `npm ci` in tests/fixtures-server (is npm installed?)");
        assert!(
            status.success(),
            "`npm ci` in tests/fixtures-server failed: {status}"
        );
    }
    let mut child = Command::new("node")
        .arg("server.js")
        .current_dir(&dir)
        .env("PORT", "0")
        .env("LOG_LEVEL", "silent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("starting `node server.js` (is node installed?)");
    let stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout
        .read_line(&mut line)
        .expect("reading the fixtures server's port");
    let port: u16 = line.trim().parse().unwrap_or_else(|_| {
        let _ = child.kill();
        panic!("fixtures server did not print its port, got {line:?}")
    });
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut stdout.take(u64::MAX), &mut std::io::sink());
    });
    FixturesServer {
        base: format!("http://127.0.0.1:{port}"),
        _child: Mutex::new(child),
        _stdin: Mutex::new(stdin),
    }
}

impl FixturesServer {
    /// Load a scenario by name (`get-repository`; an `api.github.com/` prefix is accepted).
    pub async fn load(&self, name: &str) -> Scenario {
        let name = name.trim_start_matches("api.github.com/");
        let client = Client::builder()
            .base_url(&self.base)
            .max_retries(0)
            .build()
            .unwrap();
        let mut body = JsonObject::new();
        body.field("scenario", name);
        let resp = Request::from_url(&client, Method::Post, format!("{}/fixtures", self.base))
            .json(body)
            .send()
            .await
            .unwrap_or_else(|e| panic!("loading scenario {name}: {e}"));
        let v: serde_json::Value = resp.json().unwrap();
        Scenario {
            name: name.to_owned(),
            id: v["id"].as_str().expect("fixture id").to_owned(),
            url: v["url"].as_str().expect("fixture url").to_owned(),
            server_base: self.base.clone(),
        }
    }
}

impl Scenario {
    /// The base URL of another recorded host for this scenario, e.g.
    /// `uploads.github.com` → `http://127.0.0.1:<port>/uploads.github.com/<id>`.
    pub fn host_url(&self, host: &str) -> String {
        format!("{}/{host}/{}", self.server_base, self.id)
    }

    /// A client for this scenario: API and uploads URLs, the recorded token and `Accept`,
    /// no retries (a retry would consume, or miss, a recorded request).
    pub fn client(&self) -> ClientBuilder {
        Client::builder()
            .base_url(&self.url)
            .uploads_url(self.host_url("uploads.github.com"))
            .token(TOKEN)
            .accept(ACCEPT)
            .max_retries(0)
    }

    /// `Ok` when every recorded request was made. The server forgets a scenario once its
    /// last request is served, so any further request answers `Fixture "<id>" not found`;
    /// otherwise it answers with the pending requests.
    pub async fn check(&self) -> Result<(), String> {
        let client = Client::builder().max_retries(0).build().unwrap();
        let url = format!("{}/__check__", self.url);
        let err = match Request::from_url(&client, Method::Get, url)
            .accept(ACCEPT)
            .send()
            .await
        {
            Ok(resp) => return Err(format!("unexpected answer to the check: {}", resp.text())),
            Err(e) => e,
        };
        let body = err
            .api()
            .map(|a| a.body.clone())
            .unwrap_or_else(|| err.to_string());
        let done = serde_json::json!({ "error": format!("Fixture \"{}\" not found", self.id) });
        match serde_json::from_str::<serde_json::Value>(&body) {
            Ok(v) if err.status() == Some(404) && v == done => Ok(()),
            _ => Err(format!("scenario {} not complete: {body}", self.name)),
        }
    }
}
