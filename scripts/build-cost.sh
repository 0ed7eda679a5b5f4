#!/usr/bin/env bash
# Cold build cost of a crate that depends only on a GitHub client, side by side:
# octocrab, octorust, the bare reqwest+serde_json+tokio floor, and our full-corpus client.
# Each runs in a scratch crate under a temp dir (nothing is vendored), after `cargo fetch`,
# so downloads are excluded. Prints wall seconds and peak RSS per build.
#
# usage: scripts/build-cost.sh [debug|release] [corpus-dir]
set -euo pipefail
profile=${1:-debug}
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus=${2:-$repo/../shared/corpus/octokit-docs}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flag=""; [ "$profile" = release ] && flag="--release"

# Our client, generated from the full corpus.
cargo run -q --release --manifest-path "$repo/generator/Cargo.toml" -- \
  generate --specs "$corpus" --out "$work/corpus-client" >/dev/null

scratch() { # name, dependency lines, main body
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n%s\n' "$1" "$2" > "$work/$1/Cargo.toml"
  printf '%s\n' "$3" > "$work/$1/src/main.rs"
}
scratch floor 'reqwest = { version = "0.12", default-features = false, features = ["rustls-tls", "json"] }
serde_json = "1"
tokio = { version = "1", features = ["rt-multi-thread", "macros"] }' \
  '#[tokio::main] async fn main() { let _ = reqwest::Client::new(); let _ = serde_json::json!({}); }'
scratch octocrab 'octocrab = "0.54"
tokio = { version = "1", features = ["rt-multi-thread", "macros"] }' \
  '#[tokio::main] async fn main() { let _ = octocrab::instance(); }'
scratch octorust 'octorust = "0.10"
tokio = { version = "1", features = ["rt-multi-thread", "macros"] }' \
  '#[tokio::main] async fn main() { let _ = octorust::Client::new("ua", None::<octorust::auth::Credentials>); }'
scratch ours "github-rest-client = { path = \"$work/corpus-client\" }
tokio = { version = \"1\", features = [\"rt-multi-thread\", \"macros\"] }" \
  '#[tokio::main] async fn main() { let _ = github_rest_client::Client::new(); }'

printf '%-10s %-8s %10s %12s\n' crate profile seconds peak_rss_mb
for c in floor octocrab octorust ours; do
  (cd "$work/$c" && cargo fetch -q)
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/$c.rss" cargo build -q $flag --manifest-path "$work/$c/Cargo.toml" \
    --target-dir "$work/$c/target" 2>"$work/$c.err" || { cat "$work/$c.err"; exit 1; }
  end=$(date +%s.%N)
  printf '%-10s %-8s %10.1f %12d\n' "$c" "$profile" "$(echo "$end - $start" | bc)" $(( $(cat "$work/$c.rss") / 1024 ))
done
# The generated crate alone (its dependencies already built).
touch "$work/corpus-client/src/lib.rs"
start=$(date +%s.%N)
cargo build -q $flag --manifest-path "$work/ours/Cargo.toml" --target-dir "$work/ours/target" -p github-rest-client
end=$(date +%s.%N)
printf '%-10s %-8s %10.1f %12s\n' "ours-only" "$profile" "$(echo "$end - $start" | bc)" "-"
