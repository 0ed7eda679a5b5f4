//! Command-line interface: `generate`, `check`, `inspect`, `draft-models`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use client_generator::draft::{draft, DraftOptions};
use client_generator::Config;

#[derive(Parser)]
#[command(
    name = "client-generator",
    version,
    about = "Generate a typed Rust GitHub client from endpoint description files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the generated crate (only changed files; stale generated files are deleted).
    Generate {
        #[arg(long, value_name = "DIR")]
        specs: PathBuf,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Exit 0 when the generated crate is in step with the specs, 1 with a diff otherwise.
    Check {
        #[arg(long, value_name = "DIR")]
        specs: PathBuf,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print the inferred model.
    Inspect {
        #[arg(long, value_name = "DIR")]
        specs: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Draft `specs/models/*.yaml` and each spec's `responses:` from an OpenAPI description.
    ///
    /// Specs that already declare `responses:` are left as they are; existing model files
    /// are only replaced with `--force`. Review the drafts: they are a starting point.
    DraftModels {
        /// GitHub's OpenAPI description (`api.github.com.json` of `@octokit/openapi`, the
        /// variant with `$ref`s). Repeat to fall back to further descriptions (e.g. a GHES
        /// one) for routes the first lacks.
        #[arg(long, value_name = "FILE", required = true)]
        openapi: Vec<PathBuf>,
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
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate { specs, out } => {
            Config::new().specs(specs).out(&out).generate().map(|plan| {
                if plan.is_empty() {
                    eprintln!("{} is up to date", out.display());
                } else {
                    eprintln!("wrote {} ({} file(s) changed)", out.display(), plan.len());
                }
                ExitCode::SUCCESS
            })
        }
        Command::Check { specs, out } => Config::new().specs(specs).out(&out).check().map(|plan| {
            if plan.is_empty() {
                eprintln!("{} is in step with the specs", out.display());
                ExitCode::SUCCESS
            } else {
                print!("{}", plan.diff());
                eprintln!(
                    "error: {} is out of step with the specs ({} file(s) differ)\n   = help: run `client-generator generate` to update it",
                    out.display(),
                    plan.len()
                );
                ExitCode::FAILURE
            }
        }),
        Command::Inspect { specs, format: Format::Json } => {
            Config::new().specs(specs).inspect_json().map(|json| {
                use std::io::Write as _;
                // A closed pipe (`| head`) is not an error worth a panic.
                let _ = writeln!(std::io::stdout(), "{json}");
                ExitCode::SUCCESS
            })
        }
        Command::DraftModels {
            openapi,
            specs,
            only,
            dry_run,
            force,
        } => {
            let opts = DraftOptions {
                openapi,
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
