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
# Wall time is what a user waits for; CPU time (user + sys of cargo and rustc) is steadier
# when other work shares the machine.
walls=(); cpus=()
for _ in $(seq "$RUNS"); do
  touch src/lib.rs
  /usr/bin/time -f "%e %U %S" -o /tmp/own-build-time.$$ cargo build --quiet "${PROFILE[@]}" "${FEATURES[@]}"
  read -r wall user sys < /tmp/own-build-time.$$
  cpu=$(echo "$user + $sys" | bc -l)
  walls+=("$wall"); cpus+=("$cpu")
  printf 'own build: %.2f s wall, %.2f s CPU\n' "$wall" "$cpu"
done
rm -f /tmp/own-build-time.$$
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}'; }
echo "median of $RUNS: $(med "${walls[@]}") s wall, $(med "${cpus[@]}") s CPU (load: $(cut -d' ' -f1-3 /proc/loadavg))"
