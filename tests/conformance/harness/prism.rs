//! Prism (`@stoplight/prism-cli`, installed in `tests/conformance/node_modules` by `npm ci`)
//! as a child process on 127.0.0.1: started on a free port with one OpenAPI description,
//! awaited until it answers, and stopped when dropped (also when a test panics). It runs
//! under `sh`, which stops it when our end of its stdin closes, so it cannot outlive the test
//! process either.

use std::io::Write as _;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// How long Prism may take to load a description and listen (it takes ~15 s on
/// `api.github.com.json`; more on a busy machine).
const START_LIMIT: Duration = Duration::from_secs(240);

/// The seed of Prism's generated (`Prefer: dynamic=true`) answers.
pub const SEED: &str = "21";

pub struct Prism {
    /// `http://127.0.0.1:<port>`
    pub base: String,
    pub log: PathBuf,
    child: Option<Child>,
    stdin: Option<ChildStdin>,
}

/// `tests/conformance` (where `package.json` and `node_modules` are).
pub fn npm_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

/// The OpenAPI descriptions of `@octokit/openapi` (installed in `tests/fidelity`).
pub fn descriptions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fidelity/node_modules/@octokit/openapi/generated")
}

/// `npm ci` in `dir` when `probe` (a path inside `node_modules`) is missing.
pub fn npm_ci(dir: &Path, probe: &str) {
    if dir.join("node_modules").join(probe).exists() {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(dir)
        .stdout(Stdio::null())
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "running `npm ci` in {} (is npm installed?): {e}",
                dir.display()
            )
        });
    assert!(
        status.success(),
        "`npm ci` in {} failed: {status}",
        dir.display()
    );
}

/// Install Prism and the descriptions when missing.
pub fn install() {
    npm_ci(&npm_dir(), "@stoplight/prism-cli");
    npm_ci(&npm_dir().join("../fidelity"), "@octokit/openapi");
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a free port");
    listener.local_addr().unwrap().port()
}

impl Prism {
    /// Start `prism mock` on `description` (a file name in [`descriptions_dir`]) and wait
    /// until it answers HTTP. Its output goes to `target/conformance/prism-<name>.log`.
    pub fn start(description: &str) -> Prism {
        install();
        let file = descriptions_dir().join(description);
        assert!(
            file.is_file(),
            "no OpenAPI description at {}",
            file.display()
        );
        let logs = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/conformance");
        std::fs::create_dir_all(&logs).unwrap();
        let log = logs.join(format!("prism-{description}.log"));
        let out = std::fs::File::create(&log).unwrap();
        let port = free_port();
        let prism = npm_dir().join("node_modules/.bin/prism");
        // `sh` starts Prism, then waits for its stdin to close and stops it.
        let script = r#""$0" "$@" & pid=$!; cat >/dev/null; kill "$pid" 2>/dev/null; wait "$pid""#;
        let child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(&prism)
            .args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()])
            .args(["-v", "warn", "--seed", SEED])
            .arg(&file)
            .stdin(Stdio::piped())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap_or_else(|e| panic!("starting {} (is node installed?): {e}", prism.display()));
        let mut prism = Prism {
            base: format!("http://127.0.0.1:{port}"),
            log,
            child: Some(child),
            stdin: None,
        };
        prism.stdin = prism.child.as_mut().and_then(|c| c.stdin.take());
        prism.wait_ready(port);
        prism
    }

    /// Poll until a request to `/` gets any HTTP answer; fail early if Prism exits.
    fn wait_ready(&mut self, port: u16) {
        let started = Instant::now();
        loop {
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!(
                    "Prism exited ({status}) before answering:\n{}",
                    self.log_tail()
                );
            }
            if answers(port) {
                return;
            }
            assert!(
                started.elapsed() < START_LIMIT,
                "Prism did not answer within {START_LIMIT:?}:\n{}",
                self.log_tail()
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// The last lines Prism wrote.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }
}

/// One `GET /` that gets a status line back.
fn answers(port: u16) -> bool {
    let Ok(mut sock) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = sock.set_read_timeout(Some(Duration::from_secs(5)));
    if sock
        .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut head = [0u8; 12];
    std::io::Read::read_exact(&mut sock, &mut head).is_ok() && head.starts_with(b"HTTP/1.")
}

impl Drop for Prism {
    fn drop(&mut self) {
        // Closing stdin makes `sh` stop Prism; kill `sh` if it has not exited in 10 s.
        drop(self.stdin.take());
        if let Some(mut child) = self.child.take() {
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(10) {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
