//! `changes` against one `inspect`, as medians over several runs in the same process (the
//! issue's goal: `changes` on two full trees under 2× one `inspect`). Asserts nothing.
//!
//! ```text
//! cargo bench -p client-generator --bench changes -- [--base REV] [--runs N]
//! ```
//!
//! - `inspect`: `Config::inspect_json` on `specs/` (load + the pretty JSON the CLI prints);
//! - `changes (two folders)`: `changes::run` with the base already extracted to a folder,
//!   plus rendering the text and JSON reports;
//! - `changes (git revision)`: the same with `--base REV` (extraction with `git archive` included).
//!
//! The base is `REV`'s copy of `specs/` (default `HEAD`: the same API, so every endpoint and
//! model is compared in full).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use client_generator::{changes, Config};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort_unstable();
    runs[runs.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm the page cache
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let mut base = "HEAD".to_owned();
    let mut runs = 11;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--base" => base = it.next().unwrap_or(base),
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            _ => {}
        }
    }
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let temp = tempfile::tempdir().expect("temp dir");
    let archive = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "git -C '{}' archive --format=tar '{base}' -- . | tar -x -C '{}'",
            specs.display(),
            temp.path().display()
        ))
        .status()
        .expect("git archive");
    assert!(archive.success(), "cannot extract {base}");
    // From a subfolder, `git archive` writes paths relative to it.
    let base_dir = temp.path().to_path_buf();
    let report = changes::run(base_dir.to_str().unwrap(), &specs).expect("changes");
    println!(
        "base {base}: {} change(s); {} endpoints, specs/",
        report.changes.len(),
        Config::new()
            .specs(&specs)
            .load()
            .map(|a| a.endpoints.len())
            .unwrap_or(0)
    );
    let inspect = time(runs, || {
        std::hint::black_box(Config::new().specs(&specs).inspect_json().expect("inspect"));
    });
    let two_dirs = time(runs, || {
        let r = changes::run(base_dir.to_str().unwrap(), &specs).expect("changes");
        std::hint::black_box((r.text(), r.json()));
    });
    let git = time(runs, || {
        let r = changes::run(&base, &specs).expect("changes");
        std::hint::black_box((r.text(), r.json()));
    });
    let load = time(runs, || {
        std::hint::black_box(Config::new().specs(&specs).load().expect("load"));
    });
    let (a, b) = (
        Config::new().specs(&base_dir).load().expect("load"),
        Config::new().specs(&specs).load().expect("load"),
    );
    let compare = time(runs, || {
        std::hint::black_box(changes::compare(&a, &b));
    });
    let ratio = |d: Duration| d.as_secs_f64() / inspect.as_secs_f64();
    println!("medians of {runs} runs:");
    println!(
        "  inspect                 {:>8.1} ms",
        inspect.as_secs_f64() * 1e3
    );
    println!(
        "  load one tree           {:>8.1} ms",
        load.as_secs_f64() * 1e3
    );
    println!(
        "  compare two loaded APIs {:>8.1} ms",
        compare.as_secs_f64() * 1e3
    );
    println!(
        "  changes (two folders)   {:>8.1} ms  {:.2}x inspect",
        two_dirs.as_secs_f64() * 1e3,
        ratio(two_dirs)
    );
    println!(
        "  changes (git revision)  {:>8.1} ms  {:.2}x inspect",
        git.as_secs_f64() * 1e3,
        ratio(git)
    );
    println!("goal: changes under 2x inspect");
}
