//! Command-line interface: `generate`, `check`, `inspect`.

fn main() {
    eprintln!("not implemented yet");
    std::process::exit(1);
}
