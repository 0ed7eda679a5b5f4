#!/usr/bin/env python3
"""The least that typed responses can cost to build, next to what they cost.

    scripts/model-cost-floor.py [--rounds N] [--work DIR]

Builds these variants of the client generated from specs/ and times each crate's own debug
build (scripts/own-build-time.sh --runs 1), the variants alternating round by round:

  untyped       specs/ without `responses:` and models: every endpoint returns a raw response
  shells-only   untyped endpoints, plus models.rs whose trait impls do nothing (see below),
                compiled but returned by no endpoint
  floor         typed endpoints (send, send_with_response, paginate returning models) and
                models.rs whose trait impls do nothing
  typed         the crate as generated from specs/ (what `generated/` holds)
  runtime       that crate with no scope feature (`--no-default-features`): the runtime alone

"Do nothing": every model keeps its struct or enum definition and an impl of each trait the
typed-responses issue requires (Deserialize, Serialize, Debug, Clone), but the bodies are one
call (`Err(custom(..))`, `serialize_unit()`, `write_str(..)`, `unimplemented!()` for a struct's
Clone instead of the derive); feature `cfg`s are dropped from models.rs (all scopes are on).
No working implementation of those traits can be cheaper, so `floor` bounds from below what
typed responses of this shape add to the crate. Prints medians (wall and CPU seconds) and the
ratio of each variant to `untyped`.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def strip_responses(src, dst):
    """Copy a specs folder without `responses:` blocks and without models/."""
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(src, dst)
    shutil.rmtree(os.path.join(dst, "models"), ignore_errors=True)
    for root, _, files in os.walk(dst):
        for f in files:
            if not f.endswith(".md"):
                continue
            path = os.path.join(root, f)
            parts = open(path).read().split("---\n", 2)
            out, skipping = [], False
            for line in parts[1].split("\n"):
                if line.startswith("responses:"):
                    skipping = True
                    continue
                if skipping and line[:1] in (" ", "\t"):
                    continue
                skipping = False
                out.append(line)
            parts[1] = "\n".join(out)
            open(path, "w").write("---\n".join(parts))


def matching(s, i, open_c, close_c):
    """Index of the bracket closing the one at s[i]."""
    depth = 0
    for j in range(i, len(s)):
        if s[j] == open_c:
            depth += 1
        elif s[j] == close_c:
            depth -= 1
            if depth == 0:
                return j
    raise ValueError("unbalanced brackets in models.rs")


def hollow_models(s):
    """models.rs with trait bodies that do nothing, struct Clone by hand, no cfg attributes."""
    bodies = {
        "deserialize": '{{ let _ = {}; Err(<D::Error as ::serde::de::Error>::custom("x")) }}',
        "serialize": "{{ {}.serialize_unit() }}",
        "fmt": '{{ {}.write_str("x") }}',
    }
    fn = re.compile(r"fn (deserialize|serialize|fmt)\b[^{]*?\(\s*(?:&self,\s*)?(\w+)\s*:")
    out, pos = [], 0
    while (m := fn.search(s, pos)) is not None:
        start = s.index("{", m.end())
        out += [s[pos:start], bodies[m.group(1)].format(m.group(2))]
        pos = matching(s, start, "{", "}") + 1
    s = "".join(out) + s[pos:]

    out, pos = [], 0
    for m in re.finditer(r"#\[derive\(Clone\)\]\n((?:#\[[^\n]*\n)*)pub struct (\w+) \{", s):
        start = s.index("{", m.end() - 1)
        end = matching(s, start, "{", "}")
        out += [s[pos:m.start()], m.group(1), f"pub struct {m.group(2)} ", s[start:end + 1]]
        out.append(f"\nimpl Clone for {m.group(2)} {{ #[inline] fn clone(&self) -> Self {{ unimplemented!() }} }}")
        pos = end + 1
    s = "".join(out) + s[pos:]

    out, pos = [], 0
    while (i := s.find("#[cfg", pos)) != -1:
        end = matching(s, i + 1, "[", "]")
        out.append(s[pos:i])
        pos = end + 1
        if s[pos:pos + 1] == "\n":
            pos += 1
    return "".join(out) + s[pos:]


def run(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--work", default="/tmp/model-cost-floor")
    args = ap.parse_args()
    work = args.work
    os.makedirs(work, exist_ok=True)

    run(["cargo", "build", "--quiet", "--release", "-p", "client-generator"], cwd=ROOT)
    gen = os.path.join(ROOT, "target", "release", "client-generator")
    crates = {}
    for name in ("untyped", "typed"):
        shutil.rmtree(os.path.join(work, name), ignore_errors=True)
    strip_responses(os.path.join(ROOT, "specs"), os.path.join(work, "specs-untyped"))
    for name, specs in (("untyped", os.path.join(work, "specs-untyped")), ("typed", os.path.join(ROOT, "specs"))):
        out = os.path.join(work, name)
        run([gen, "generate", "--quiet", "--specs", specs, "--out", out])
        crates[name] = out
    hollow = hollow_models(open(os.path.join(crates["typed"], "src", "models.rs")).read())

    floor = os.path.join(work, "floor")
    shutil.rmtree(floor, ignore_errors=True)
    shutil.copytree(crates["typed"], floor)
    open(os.path.join(floor, "src", "models.rs"), "w").write(hollow)

    shells = os.path.join(work, "shells-only")
    shutil.rmtree(shells, ignore_errors=True)
    shutil.copytree(crates["untyped"], shells)
    open(os.path.join(shells, "src", "models.rs"), "w").write(hollow)
    lib = os.path.join(shells, "src", "lib.rs")
    text = open(lib).read().replace("pub mod runtime;\n", "pub mod runtime;\n#[allow(dead_code)]\npub mod models;\n", 1)
    open(lib, "w").write(text)
    manifest = os.path.join(shells, "Cargo.toml")
    text = open(manifest).read()
    if "\nmodel-eq = " not in text:
        text = text.replace("\n[dependencies]", "\nmodel-eq = []\n\n[dependencies]", 1)
    open(manifest, "w").write(text)
    crates["shells-only"], crates["floor"] = shells, floor

    order = ["untyped", "shells-only", "floor", "typed", "runtime"]
    crates["runtime"] = crates["typed"]
    flags = {"runtime": ["--no-default-features"]}
    for name in order:
        # A crate whose sources no longer match the sealed hash is fine to build here.
        manifest = os.path.join(crates[name], "Cargo.toml")
        lines = [line for line in open(manifest) if not line.startswith("# content-hash:")]
        open(manifest, "w").writelines(lines)

    env = dict(os.environ, OWN_TARGET=os.path.join(work, "target"))
    times = {name: ([], []) for name in order}
    pattern = re.compile(r"own build: ([\d.]+) s wall, ([\d.]+) s CPU")
    for r in range(args.rounds):
        for name in order[r % len(order):] + order[:r % len(order)]:
            out = subprocess.run([os.path.join(ROOT, "scripts", "own-build-time.sh"), "--runs", "1", *flags.get(name, []), crates[name]],
                                 env=env, check=True, capture_output=True, text=True).stdout
            m = pattern.search(out)
            times[name][0].append(float(m.group(1)))
            times[name][1].append(float(m.group(2)))
            print(f"round {r + 1}: {name:<12} {m.group(1)} s wall, {m.group(2)} s CPU", flush=True)
    base_wall = statistics.median(times["untyped"][0])
    base_cpu = statistics.median(times["untyped"][1])
    print(f"\nmedians of {args.rounds} rounds (load {open('/proc/loadavg').read().split()[0]}):")
    print(f"{'variant':<12} {'wall s':>7} {'vs untyped':>10} {'CPU s':>7} {'vs untyped':>10}")
    for name in order:
        wall, cpu = statistics.median(times[name][0]), statistics.median(times[name][1])
        print(f"{name:<12} {wall:>7.2f} {wall / base_wall:>10.3f} {cpu:>7.2f} {cpu / base_cpu:>10.3f}")


if __name__ == "__main__":
    sys.exit(main())
