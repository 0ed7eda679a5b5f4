#!/usr/bin/env bash
# Cold-build cost of the whole-API generated client next to what a user would pick instead,
# measured in ONE run on this machine: octocrab, octorust, the dependency floor (reqwest +
# rustls + serde_json + tokio, no API code), ours with every scope, ours with 3 scopes.
#
#   scripts/build-cost.sh [--profile debug|release|both] [--only NAME[,NAME...]] [--specs DIR]
#
# --specs defaults to this repository's specs/ (all 1,044 endpoints, typed); `--corpus DIR`
# generates from another specs folder (e.g. the untyped Octokit corpus) instead. `ours3` is a
# program that uses only `repos`, `issues` and `pulls` (`default-features = false`).
#
# Each candidate is a scratch binary crate in a temporary directory with its own target
# directory; sources come from crates.io through cargo (never vendored) and are fetched
# before any clock starts (`cargo fetch`), so downloads are excluded. Per build it reports:
#   wall      `cargo build` wall time (all dependencies, cold)
#   own       the candidate crate alone (from `cargo build --timings`)
#   CPU       user + sys seconds of the whole build (steadier than wall on a busy machine)
#   peak RSS  the largest process of the build (`/usr/bin/time -f %M`: max over children)
# Also: the generator's wall time and peak RSS on the corpus. Results: a Markdown table on
# stdout and in $WORK/results.md ($WORK is printed first; kept for the --timings HTML).
# Builds run one after another; run it on a quiet machine (check `uptime`).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROFILE=debug
ONLY=""
CORPUS="$ROOT/specs"
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) PROFILE=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --corpus|--specs) CORPUS=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -d "$CORPUS" ] || { echo "specs folder not found: $CORPUS (pass --specs DIR)" >&2; exit 2; }
case "$PROFILE" in debug) PROFILES=(debug) ;; release) PROFILES=(release) ;; both) PROFILES=(debug release) ;;
  *) echo "--profile debug|release|both" >&2; exit 2 ;; esac

WORK=${BUILD_COST_DIR:-$(mktemp -d /tmp/build-cost.XXXXXX)}
mkdir -p "$WORK"
echo "work dir: $WORK" >&2
echo "machine: $(nproc) cores; $(uptime | sed 's/.*load/load/')" >&2

want() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }

# --- the generator on the full corpus -------------------------------------------------------
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml" -p client-generator
GEN="$ROOT/target/release/client-generator"
OURS="$WORK/github-rest-client"
rm -rf "$OURS"
/usr/bin/time -f "%e %M" -o "$WORK/gen.time" "$GEN" generate --specs "$CORPUS" --out "$OURS" 2>/dev/null
/usr/bin/time -f "%e %M" -o "$WORK/gen2.time" "$GEN" generate --specs "$CORPUS" --out "$OURS" 2>/dev/null
read -r GEN_S GEN_KB < "$WORK/gen.time"
read -r GEN2_S _ < "$WORK/gen2.time"
RS_LINES=$(find "$OURS/src" -name '*.rs' -print0 | xargs -0 cat | wc -l)

# --- scratch crates -------------------------------------------------------------------------
scratch() { # name, dependency lines, main body
  local dir="$WORK/$1"
  mkdir -p "$dir/src"
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "cost-$1"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
$2

[workspace]
TOML
  printf 'fn main() {\n    %s\n}\n' "$3" > "$dir/src/main.rs"
}
TOKIO='tokio = { version = "1", features = ["rt-multi-thread", "macros"] }'
scratch floor "reqwest = { version = \"0.12\", default-features = false, features = [\"rustls-tls\", \"json\"] }
serde_json = \"1\"
$TOKIO" 'let _ = reqwest::Client::new(); let _ = serde_json::json!({}); let _ = tokio::runtime::Runtime::new();'
scratch octocrab "octocrab = \"0.54\"
$TOKIO" 'let _ = octocrab::instance();'
scratch octorust "octorust = \"0.10\"
$TOKIO" 'let _ = octorust::Client::new("ua", None::<octorust::auth::Credentials>);'
scratch ours "github-rest-client = { path = \"$OURS\" }
$TOKIO" 'let _ = github_rest_client::Client::new();'
scratch ours3 "github-rest-client = { path = \"$OURS\", default-features = false, features = [\"repos\", \"issues\", \"pulls\"] }
$TOKIO" 'let _ = github_rest_client::Client::new();'

NAMES=()
for n in octocrab octorust floor ours ours3; do want "$n" && NAMES+=("$n"); done
for n in "${NAMES[@]}"; do
  (cd "$WORK/$n" && cargo generate-lockfile --quiet && cargo fetch --quiet)
done

# Seconds the named crate itself took in a --timings report (its own compile, no deps).
own_time() { # html, crate name -> "total|frontend / codegen" seconds
  python3 - "$1" "$2" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
m = re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S)
units = [u for u in (json.loads(m.group(1)) if m else [])
         if u["name"] == sys.argv[2] and "build" not in u.get("target", "")]
total = sum(u["duration"] for u in units)
split = {}
for u in units:
    for name, span in u.get("sections") or []:
        split[name] = split.get(name, 0) + span["end"] - span["start"]
parts = " / ".join("%.1f" % split[k] for k in ("frontend", "codegen") if k in split)
print("%.1f|%s" % (total, parts or "?") if units else "?|?")
PY
}

declare -A CRATE=([floor]=reqwest [octocrab]=octocrab [octorust]=octorust [ours]=github-rest-client [ours3]=github-rest-client)
RESULTS="$WORK/results.md"
{
  echo "| build | profile | wall s | CPU s | own crate s | own frontend / codegen s | peak RSS MB | load before |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$RESULTS"
for p in "${PROFILES[@]}"; do
  flag=""; [ "$p" = release ] && flag="--release"
  for n in "${NAMES[@]}"; do
    dir="$WORK/$n"
    rm -rf "$dir/target"
    load=$(cut -d' ' -f1 /proc/loadavg)
    echo "building $n ($p), load $load ..." >&2
    (cd "$dir" && /usr/bin/time -f "%e %M %U %S" -o "$dir/$p.time" cargo build $flag --offline --quiet --timings 2>"$dir/$p.log") \
      || { echo "  $n failed; see $dir/$p.log" >&2; continue; }
    read -r secs kb user sys < "$dir/$p.time"
    cpu=$(echo "$user + $sys" | bc -l)
    html=$(ls -t "$dir"/target/cargo-timings/cargo-timing-*.html | head -1)
    cp "$html" "$dir/$p-timing.html"
    own=$(own_time "$html" "${CRATE[$n]}")
    printf '| %s | %s | %.1f | %.1f | %s | %s | %d | %s |\n' "$n" "$p" "$secs" "$cpu" "${own%%|*}" "${own#*|}" $((kb / 1024)) "$load" | tee -a "$RESULTS" >&2
  done
done
rm -rf "$WORK"/*/target

echo
echo "generator on $(find "$CORPUS" -name '*.md' | wc -l) spec files: ${GEN_S} s wall (unchanged re-run ${GEN2_S} s), peak RSS $((GEN_KB / 1024)) MB; generated crate: $RS_LINES lines of Rust"
echo "load after: $(uptime | sed 's/.*load/load/')"
echo
cat "$RESULTS"
python3 - "$RESULTS" <<'PY'
import sys
rows = [l.strip().strip("|").split("|") for l in open(sys.argv[1])]
t = {(r[0].strip(), r[1].strip()): float(r[2]) for r in rows if r[2].strip().replace(".", "").isdigit()}
for p in ("debug", "release"):
    for ours in ("ours", "ours3"):
        for other in ("octocrab", "octorust", "floor"):
            if (ours, p) in t and (other, p) in t:
                print(f"{p}: {ours} / {other} = {t[ours, p] / t[other, p]:.2f}")
PY
