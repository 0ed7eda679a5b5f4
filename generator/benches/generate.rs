//! Generation benchmark: the full pipeline of the library, stage by stage, as medians over
//! several runs. Not a test: it asserts nothing about time.
//!
//! ```text
//! cargo bench -p client-generator --bench generate -- [--corpus DIR] [--runs N] [--quick]
//! ```
//!
//! Stages, each timed on its own (single-threaded unless said otherwise):
//! - `read files`: list `<scope>/*.md` and read every file (the floor: what any tool must do);
//! - `parse`: `parse::parse_spec` on the in-memory texts;
//! - `read+parse (parse_dir)`: what the pipeline runs (reads and parses on all cores);
//! - `model`: `model::build_api`;
//! - `codegen+format`: `codegen::generate_crate_timed` (wall time; scope files are built and
//!   formatted on all cores), split into building token streams (quote, docs) and formatting
//!   them (syn + prettyplease), each summed over the threads;
//! - `write (fresh dir)`: `write::generate` into an empty directory;
//! - `write (unchanged)`: `write::generate` again: compares and writes nothing;
//! - `total (Config::generate, unchanged)`: the library entry point end to end, output in step.
//!
//! The corpus defaults to `$OCTOKIT_CORPUS`, else `../shared/corpus/octokit-docs` beside the
//! workspace (or two levels up, from a worktree), else the workspace's `specs/`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use client_generator::{codegen, model, parse, write, Config};

struct Args {
    corpus: PathBuf,
    runs: usize,
}

fn args() -> Args {
    let mut corpus = None;
    let mut runs = 15;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().map(PathBuf::from),
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).unwrap_or(runs),
            "--quick" => runs = 1,
            // `cargo bench` passes `--bench`; other harness flags are ignored too.
            _ => {}
        }
    }
    Args {
        corpus: corpus.unwrap_or_else(default_corpus),
        runs: runs.max(1),
    }
}

fn default_corpus() -> PathBuf {
    if let Some(dir) = std::env::var_os("OCTOKIT_CORPUS") {
        return PathBuf::from(dir);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for c in [
        root.join("../shared/corpus/octokit-docs"),
        root.join("../../shared/corpus/octokit-docs"),
    ] {
        if c.is_dir() {
            return c;
        }
    }
    root.join("specs")
}

/// `<scope>/<file>.md` paths, sorted.
fn spec_paths(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut scopes: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    scopes.sort();
    for s in scopes {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&s)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

struct Row {
    name: &'static str,
    times: Vec<Duration>,
}

fn time<T>(times: &mut Vec<Duration>, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    times.push(start.elapsed());
    out
}

fn main() {
    let args = args();
    let corpus = &args.corpus;
    let names = [
        "read files",
        "parse",
        "read+parse (parse_dir, all cores)",
        "model",
        "codegen+format (wall, all cores)",
        "  codegen: token streams (thread sum)",
        "  format: syn + prettyplease (thread sum)",
        "write (fresh dir)",
        "write (unchanged)",
        "total (Config::generate, unchanged)",
    ];
    let mut rows: Vec<Row> = names
        .iter()
        .map(|&name| Row {
            name,
            times: Vec::new(),
        })
        .collect();
    let tmp = tempfile::tempdir().expect("temporary directory");
    let (mut endpoints, mut files_out, mut bytes_out, mut bytes_in) = (0, 0, 0, 0);
    let mut rewritten = 0;

    for run in 0..args.runs {
        let t = &mut rows;
        let texts: Vec<(PathBuf, String)> = time(&mut t[0].times, || {
            spec_paths(corpus)
                .into_iter()
                .map(|p| {
                    let s = std::fs::read_to_string(&p).expect("readable spec");
                    (p, s)
                })
                .collect()
        });
        bytes_in = texts.iter().map(|(_, s)| s.len()).sum::<usize>();
        let specs: Vec<parse::SpecFile> = time(&mut t[1].times, || {
            texts
                .iter()
                .map(|(p, s)| parse::parse_spec(p, s).unwrap_or_else(|d| panic!("{d}")))
                .collect()
        });
        let specs2 = time(&mut t[2].times, || parse::parse_dir(corpus));
        let specs2 = specs2.unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(specs.len(), specs2.len());
        let api =
            time(&mut t[3].times, || model::build_api(&specs2)).unwrap_or_else(|d| panic!("{d}"));
        endpoints = api.endpoints.len();
        let (files, timings) = time(&mut t[4].times, || codegen::generate_crate_timed(&api));
        t[5].times.push(timings.tokens);
        t[6].times.push(timings.format);
        files_out = files.len();
        bytes_out = files.iter().map(|f| f.contents.len()).sum::<usize>();
        let out = tmp.path().join(format!("run{run}"));
        let plan = time(&mut t[7].times, || write::generate(&out, &files))
            .unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(plan.len(), files.len());
        let plan = time(&mut t[8].times, || write::generate(&out, &files))
            .unwrap_or_else(|d| panic!("{d}"));
        rewritten += plan.len();
        let plan = time(&mut t[9].times, || {
            Config::new().specs(corpus).out(&out).generate()
        })
        .unwrap_or_else(|d| panic!("{d}"));
        rewritten += plan.len();
        std::fs::remove_dir_all(&out).ok();
    }

    println!(
        "generate: {} ({} spec files, {:.1} MiB in; {} endpoints; {} files, {:.1} MiB out), median of {} run(s)",
        corpus.display(),
        spec_paths(corpus).len(),
        bytes_in as f64 / (1 << 20) as f64,
        endpoints,
        files_out,
        bytes_out as f64 / (1 << 20) as f64,
        args.runs
    );
    let read = median(rows[0].times.clone());
    println!(
        "{:<42} {:>10} {:>8} {:>13}",
        "stage", "median ms", "min ms", "x read files"
    );
    for r in &rows {
        let m = median(r.times.clone());
        let min = r.times.iter().min().copied().unwrap_or_default();
        println!(
            "{:<42} {:>10.1} {:>8.1} {:>13.1}",
            r.name,
            ms(m),
            ms(min),
            m.as_secs_f64() / read.as_secs_f64()
        );
    }
    println!("files rewritten by unchanged re-runs: {rewritten}");
}
