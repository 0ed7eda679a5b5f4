#!/usr/bin/env python3
"""Count the parameter enum types of a generated crate (BENCHMARKS.md, "Shared parameter
enums"): string enums with an `Other(String)` fallback outside `src/models/` and the runtime,
in total, in `params`, and of the ideas `Sort`, `Direction`, `State` and reaction content.

Usage: scripts/enum-counts.py CRATE_DIR   (e.g. generated)
"""
import collections
import glob
import re
import sys

ENUM = re.compile(r"pub enum (\w+) \{(.*?)\n\s*\}", re.S)


def main(root):
    params, others, models = collections.Counter(), collections.Counter(), collections.Counter()
    for path in glob.glob(f"{root}/src/**/*.rs", recursive=True):
        if "/runtime/" in path:
            continue
        text = open(path, encoding="utf-8").read()
        for m in ENUM.finditer(text):
            if "Other(String)" not in m.group(2) or "sent as given" not in m.group(2):
                continue
            if "/models/" in path:
                models[m.group(1)] += 1
            elif "/params/" in path:
                params[m.group(1)] += 1
            else:
                others[m.group(1)] += 1
    every = params + others
    print(f"parameter enum types: {sum(every.values())} ({sum(params.values())} in params)")
    for idea in ["Direction", "Sort", "State"]:
        n = sum(v for k, v in every.items() if k.startswith(idea))
        print(f"  {idea}*: {n} ({every[idea]} named exactly {idea})")
    content = sum(v for k, v in every.items() if k == "Content" or k.startswith("Content") and "Type" not in k)
    print(f"  reaction content: {content} parameter enums + {models['ReactionContent']} models::ReactionContent")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
