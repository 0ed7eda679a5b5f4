//! Command-line interface: `generate`, `check`, `inspect`, `draft-models`, `diff-upstream`,
//! `conformance-calls`, `changes`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use client_generator::draft::{draft, DraftOptions};
use client_generator::package::Overrides;
use client_generator::Config;

#[derive(Parser)]
#[command(
    name = "client-generator",
    version,
    about = "Generate a typed Rust GitHub client from endpoint description files",
    long_about = "Generate a typed Rust GitHub client from endpoint description files \
                  (Markdown + YAML front-matter, Octokit's format), one file per endpoint in \
                  <specs>/<scope>/<methodId>.md. The crate's name, version, license, ... come \
                  from <specs>/crate.yaml and the --crate-* flags.\n\n\
                  Exit codes: 0 success, 1 errors in the specs or an out-of-step crate \
                  (check) or differences (diff-upstream) or a version bump too small for \
                  the changes (changes --check-version), 2 usage errors (and, for \
                  diff-upstream and changes, files that do not parse)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the generated crate (only changed files; stale generated files are deleted) and
    /// print a one-line summary.
    Generate {
        #[command(flatten)]
        dirs: Dirs,
        #[command(flatten)]
        package: PackageFlags,
        /// Print nothing on success (errors are still printed).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Exit 0 when the generated crate is in step with the specs, 1 with a diff otherwise.
    Check {
        #[command(flatten)]
        dirs: Dirs,
        #[command(flatten)]
        package: PackageFlags,
    },
    /// Print the inferred model (every endpoint, parameter type and location).
    Inspect {
        /// Folder holding one sub-folder per scope with `<methodId>.md` spec files.
        #[arg(long, value_name = "DIR")]
        specs: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Write the conformance calls: for every generated method, Rust functions calling it with
    /// sample arguments (required only; every optional parameter; `paginate()`), and their
    /// table, as used by `tests/conformance.rs` (which builds them itself from `specs/`).
    ConformanceCalls {
        /// Folder holding one sub-folder per scope with `<methodId>.md` spec files.
        #[arg(long, value_name = "DIR")]
        specs: PathBuf,
        /// File to write [default: standard output].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Draft `specs/models/*.yaml` and each spec's `responses:` from an OpenAPI description.
    ///
    /// Specs that already declare `responses:` are left as they are; existing model files
    /// are only replaced with `--force`. Review the drafts: they are a starting point.
    DraftModels {
        /// A GitHub OpenAPI description (`api.github.com.json` of `@octokit/openapi`, the
        /// variant with `$ref`s). Repeatable: every description that has a spec's operation
        /// is evidence (a field is required only where all require it and every example has
        /// it); the first names the models.
        #[arg(long, value_name = "FILE", required_unless_present = "openapi_dir")]
        openapi: Vec<PathBuf>,
        /// A folder of descriptions, e.g. `tests/fidelity/node_modules/@octokit/openapi/generated`:
        /// all its `*.json` but `*.deref.json` (api.github.com, ghec, then GHES by version).
        #[arg(long, value_name = "DIR")]
        openapi_dir: Option<PathBuf>,
        /// The specs directory (`<scope>/<methodId>.md`); models are written to `models/` in it.
        #[arg(long, value_name = "DIR")]
        specs: PathBuf,
        /// Only draft for these specs, as `scope/methodId` (repeatable).
        #[arg(long, value_name = "SCOPE/METHOD_ID")]
        only: Vec<String>,
        /// Print what would be written; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Overwrite model files whose content differs from the draft.
        #[arg(long)]
        force: bool,
    },
    /// Compare the specs with a folder of upstream endpoint docs (Octokit's format): exit 0
    /// when they agree, 1 on differences, 2 when a file does not parse.
    DiffUpstream {
        /// Folder holding one sub-folder per scope with `<methodId>.md` spec files (ours).
        #[arg(long, value_name = "DIR")]
        specs: PathBuf,
        /// Folder of upstream endpoint docs in the same layout (e.g. octokit's docs).
        #[arg(long, value_name = "DIR")]
        upstream: PathBuf,
        /// Allowlist of intended differences [default: <specs>/upstream-allow.yaml if present].
        #[arg(long, value_name = "FILE")]
        allow: Option<PathBuf>,
        /// Report format: `text` (rustc-style, for people) or `json` (stable shape, "format": 1).
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// What a spec change does to the crate's users: every change to the generated API
    /// between two spec trees, with its kind and semver level. Exit 0 (with
    /// `--check-version`: 1 when the `crate.yaml` version bump is too small), 2 when a tree
    /// does not load.
    Changes {
        /// The tree before: a specs folder, or a git revision (`HEAD~1`, `main`, a tag) whose
        /// copy of the `--specs` folder is read with `git archive` (the work tree is untouched).
        #[arg(long, value_name = "DIR_OR_GIT_REV")]
        base: String,
        /// The tree after (and the folder whose path a git revision is read at).
        #[arg(long, value_name = "DIR")]
        specs: PathBuf,
        /// Report format: `text` (rustc-style), `markdown` (a pull-request comment) or
        /// `json` (stable shape, "format": 1).
        #[arg(long, value_enum, default_value_t = ChangesFormat::Text)]
        format: ChangesFormat,
        /// Exit 1 when the step between the two `crate.yaml` versions is too small for the
        /// changes' level (Cargo's rules: in 0.y.z a breaking change needs a new y).
        #[arg(long)]
        check_version: bool,
        /// Also write this version's section of a changelog (e.g. `generated/CHANGELOG.md`),
        /// replacing a section of the same version.
        #[arg(long, value_name = "FILE")]
        changelog: Option<PathBuf>,
    },
}

/// Input and output folders of `generate` and `check`.
#[derive(Args)]
struct Dirs {
    /// Folder holding one sub-folder per scope with `<methodId>.md` spec files (and, optionally,
    /// `crate.yaml`).
    #[arg(long, value_name = "DIR")]
    specs: PathBuf,
    /// Folder of the generated crate: new, empty, or written by client-generator before.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// Crate identity flags: each overrides the same key of `<specs>/crate.yaml`.
#[derive(Args)]
struct PackageFlags {
    /// Crate name [crate.yaml: name; default: github-rest-client].
    #[arg(long, value_name = "NAME")]
    crate_name: Option<String>,
    /// Crate version [crate.yaml: version; default: 0.1.0].
    #[arg(long, value_name = "SEMVER")]
    crate_version: Option<String>,
    /// One-line crate description [crate.yaml: description].
    #[arg(long, value_name = "TEXT")]
    description: Option<String>,
    /// SPDX license expression [crate.yaml: license; default: MIT OR Apache-2.0].
    #[arg(long, value_name = "SPDX")]
    license: Option<String>,
    /// Repository URL [crate.yaml: repository].
    #[arg(long, value_name = "URL")]
    repository: Option<String>,
    /// Minimum supported Rust version, e.g. 1.80 [crate.yaml: rust-version].
    #[arg(long, value_name = "VERSION")]
    rust_version: Option<String>,
    /// Whether the crate may be published [crate.yaml: publish; default: false].
    #[arg(long, value_name = "BOOL")]
    publish: Option<bool>,
}

impl PackageFlags {
    fn overrides(self) -> Overrides {
        Overrides {
            name: self.crate_name,
            version: self.crate_version,
            description: self.description,
            license: self.license,
            repository: self.repository,
            rust_version: self.rust_version,
            publish: self.publish,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Pretty-printed JSON.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// Readable report with file:line of our spec and of upstream's.
    Text,
    /// `{"format": 1, "clean", "differences", "allowed", "stale"}` (see the README).
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ChangesFormat {
    /// rustc-style entries (like diff-upstream's) and a summary line.
    Text,
    /// A pull-request comment: summary line, then sections by level and scope.
    Markdown,
    /// `{"format": 1, "level", "counts", "version", "changes"}` (see the README).
    Json,
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate {
            dirs,
            package,
            quiet,
        } => {
            let config = Config::new()
                .specs(dirs.specs)
                .out(&dirs.out)
                .package_overrides(package.overrides());
            config.generate_outcome().map(|o| {
                if !quiet {
                    eprintln!(
                        "generated {}: {}, {}, {}; {} changed",
                        dirs.out.display(),
                        plural(o.scopes, "scope"),
                        plural(o.endpoints, "endpoint"),
                        plural(o.models, "model"),
                        if o.plan.is_empty() {
                            "no file".to_string()
                        } else {
                            plural(o.plan.len(), "file")
                        }
                    );
                }
                ExitCode::SUCCESS
            })
        }
        Command::Check { dirs, package } => Config::new()
            .specs(dirs.specs)
            .out(&dirs.out)
            .package_overrides(package.overrides())
            .check()
            .map(|plan| {
                let out = dirs.out.display();
                if plan.is_empty() {
                    eprintln!("{out} is in step with the specs");
                    ExitCode::SUCCESS
                } else {
                    print!("{}", plan.diff());
                    eprintln!(
                        "error: {out} is out of step with the specs ({} file(s) differ)\n   = help: run `client-generator generate` to update it",
                        plan.len()
                    );
                    ExitCode::FAILURE
                }
            }),
        Command::Inspect {
            specs,
            format: Format::Json,
        } => Config::new().specs(specs).inspect_json().map(|json| {
            print_stdout(&json);
            ExitCode::SUCCESS
        }),
        Command::ConformanceCalls { specs, out } => {
            Config::new()
                .specs(specs)
                .conformance_calls()
                .and_then(|source| match out {
                    None => {
                        print_stdout(source.trim_end());
                        Ok(ExitCode::SUCCESS)
                    }
                    Some(path) => std::fs::write(&path, source)
                        .map(|()| ExitCode::SUCCESS)
                        .map_err(|e| {
                            client_generator::Diagnostic::new(&path, 0, format!("cannot write: {e}"))
                                .into()
                        }),
                })
        }
        Command::DiffUpstream {
            specs,
            upstream,
            allow,
            format,
        } => {
            return match client_generator::upstream::run(&specs, &upstream, allow.as_deref()) {
                Ok(report) => {
                    print_stdout(match format {
                        ReportFormat::Text => report.text(),
                        ReportFormat::Json => report.json(),
                    }.trim_end());
                    ExitCode::from(u8::from(!report.is_clean()))
                }
                Err(diags) => {
                    eprintln!("{diags}");
                    ExitCode::from(2)
                }
            };
        }
        Command::Changes {
            base,
            specs,
            format,
            check_version,
            changelog,
        } => return changes(&base, &specs, format, check_version, changelog.as_deref()),
        Command::DraftModels {
            openapi,
            openapi_dir,
            specs,
            only,
            dry_run,
            force,
        } => {
            let opts = DraftOptions {
                openapi,
                openapi_dir,
                specs,
                only,
                dry_run,
                force,
            };
            draft(&opts).map(|report| {
                eprint!("{report}");
                ExitCode::SUCCESS
            })
        }
    };
    result.unwrap_or_else(|diags| {
        eprintln!("{diags}");
        ExitCode::FAILURE
    })
}

/// The `changes` subcommand: report, optional changelog section, optional version gate.
fn changes(
    base: &str,
    specs: &std::path::Path,
    format: ChangesFormat,
    check_version: bool,
    changelog: Option<&std::path::Path>,
) -> ExitCode {
    let report = match client_generator::changes::run(base, specs) {
        Ok(report) => report,
        Err(diags) => {
            eprintln!("{diags}");
            return ExitCode::from(2);
        }
    };
    print_stdout(
        match format {
            ChangesFormat::Text => report.text(),
            ChangesFormat::Markdown => report.markdown(),
            ChangesFormat::Json => report.json(),
        }
        .trim_end(),
    );
    if let Some(path) = changelog {
        if let Err(e) = client_generator::changes::update_changelog(path, &report) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
        eprintln!(
            "wrote the {} section of {}",
            report.new_version,
            path.display()
        );
    }
    let check = report.version_check();
    if check_version && !check.ok {
        eprintln!(
            "error: {}\n   = help: set `version` in {}/crate.yaml",
            check.sentence(),
            specs.display()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Prints a line to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print_stdout(text: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stdout(), "{text}");
}
