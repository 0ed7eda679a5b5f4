#!/usr/bin/env python3
"""Instructions and simulated cache misses per call of `benches/request.rs`, per variant.

Runs the bench binary under `valgrind --tool=cachegrind --cache-sim=yes` with `--only V`
at two iteration counts; the difference divided by 3 x (N2 - N1) is the cost of one call
(start-up and warm-up cancel). Counts are repeatable whatever else the machine is doing,
which wall times on a shared machine are not. Usage:

    scripts/percall-cachegrind.py [--bin PATH] [--iters N1,N2] [VARIANT ...]

VARIANT is gen, reqwest, total (reqwest with a 60 s deadline) or timeouts (default: all).
Without --bin the bench is built first (`cargo bench --no-default-features --no-run`).
"""

import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

EVENTS = ("Ir", "I1mr", "D1mr", "D1mw")


def build() -> str:
    """Build the bench with the client's optional features off; its executable."""
    cmd = ["cargo", "bench", "-p", "github-client-suite", "--no-default-features",
           "--bench", "request", "--no-run"]
    for _ in range(2):  # build.rs asks for a second run after regenerating `generated/`
        out = subprocess.run(cmd, capture_output=True, text=True)
        found = re.search(r"Executable benches/request\.rs \((.+?)\)", out.stderr)
        if out.returncode == 0 and found:
            return found.group(1)
    sys.exit(f"building the bench failed:\n{out.stderr[-2000:]}")


def totals(binary: str, variant: str, iters: int, work: str) -> dict:
    """Whole-run event totals of `--only VARIANT --iters ITERS` under cachegrind."""
    out_file = os.path.join(work, f"{variant}.{iters}.out")
    subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=yes", f"--cachegrind-out-file={out_file}",
         binary, "--only", variant, "--iters", str(iters)],
        check=True, capture_output=True)
    events = summary = None
    with open(out_file) as f:
        for line in f:
            if line.startswith("events:"):
                events = line.split()[1:]
            elif line.startswith("summary:"):
                summary = [int(x) for x in line.split()[1:]]
    if not events or not summary:
        sys.exit(f"{out_file}: no events or summary line")
    return dict(zip(events, summary))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", help="a built bench binary (default: build it)")
    ap.add_argument("--iters", default="300,1300", help="two iteration counts (default 300,1300)")
    ap.add_argument("variants", nargs="*", default=["gen", "reqwest", "total", "timeouts"])
    args = ap.parse_args()
    try:
        n1, n2 = (int(x) for x in args.iters.split(","))
    except ValueError:
        sys.exit(f"--iters {args.iters}: expected two counts, e.g. 300,1300")
    if not 0 < n1 < n2:
        sys.exit(f"--iters {args.iters}: expected 0 < N1 < N2")
    for v in args.variants:
        if v not in ("gen", "reqwest", "total", "timeouts"):
            sys.exit(f"unknown variant {v!r}: expected gen, reqwest, total or timeouts")
    binary = args.bin or build()
    calls = 3 * (n2 - n1)  # three requests per iteration
    with tempfile.TemporaryDirectory() as work, concurrent.futures.ThreadPoolExecutor(
            max_workers=os.cpu_count() or 2) as pool:
        jobs = {(v, n): pool.submit(totals, binary, v, n, work)
                for v in args.variants for n in (n1, n2)}
        per_call = {v: {e: (jobs[v, n2].result()[e] - jobs[v, n1].result()[e]) / calls
                        for e in EVENTS} for v in args.variants}
    base = per_call.get("reqwest")
    print(f"per call ({binary}, --only V at {n1} and {n2} iterations, difference / {calls})")
    print(f"{'variant':<10}" + "".join(f"{e:>10}" for e in EVENTS) +
          ("   Ir vs reqwest  misses vs reqwest" if base else ""))
    for v, c in per_call.items():
        row = f"{v:<10}" + "".join(f"{c[e]:>10.0f}" for e in EVENTS)
        if base:
            misses = sum(c[e] - base[e] for e in EVENTS[1:])
            row += f"   {c['Ir'] / base['Ir']:>13.3f}  {misses:>+17.0f}"
        print(row)


if __name__ == "__main__":
    main()
