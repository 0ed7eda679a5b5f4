#!/usr/bin/env bash
# Compile time of a generated crate alone (dependencies already built): touch its lib.rs and
# rebuild, N times; prints each time and the median. Cheap enough for a busy machine, where a
# cold comparison (scripts/build-cost.sh) is not fair.
#
#   scripts/own-build-time.sh [--release] [--runs N] [--features LIST|--no-default-features] CRATE_DIR
#
# Without CRATE_DIR... there is no default: generate one first, e.g.
#   cargo run --release -p client-generator -- generate --specs CORPUS --out /tmp/full/github-rest-client
# Dependencies are resolved with the workspace's Cargo.lock (same versions as the tests) and
# built once in $OWN_TARGET (default /tmp/own-build-target).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROFILE=(); RUNS=3; FEATURES=(); CRATE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --release) PROFILE=(--release); shift ;;
    --runs) RUNS=$2; shift 2 ;;
    --features) FEATURES=(--no-default-features --features "$2"); shift 2 ;;
    --no-default-features) FEATURES=(--no-default-features); shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) CRATE=$1; shift ;;
  esac
done
[ -f "$CRATE/Cargo.toml" ] || { echo "usage: $0 [options] CRATE_DIR" >&2; exit 2; }
export CARGO_TARGET_DIR=${OWN_TARGET:-/tmp/own-build-target}
# Incremental compilation would reuse the previous build of the unchanged sources.
export CARGO_INCREMENTAL=0
# A standalone crate: no parent workspace, the workspace's lock file.
grep -q '^\[workspace\]' "$CRATE/Cargo.toml" || printf '\n[workspace]\n' >> "$CRATE/Cargo.toml"
cp "$ROOT/Cargo.lock" "$CRATE/Cargo.lock"
cd "$CRATE"
cargo build --quiet "${PROFILE[@]}" "${FEATURES[@]}"
times=()
for _ in $(seq "$RUNS"); do
  touch src/lib.rs
  start=$(date +%s.%N)
  cargo build --quiet "${PROFILE[@]}" "${FEATURES[@]}"
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  times+=("$t")
  printf 'own build: %.2f s\n' "$t"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median of %d: %.2f s\n", NR, a[int((NR+1)/2)]}'
