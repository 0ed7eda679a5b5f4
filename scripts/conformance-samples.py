#!/usr/bin/env python3
"""Write `generator/src/conformance/samples.rs`: values GitHub accepts for string parameters
that its OpenAPI descriptions restrict to a list (an `enum`) or to a URL (`format: uri`), for
the conformance calls.

A spec may type such a parameter as a plain string (the list is not in its text); the
conformance calls then still send a value GitHub accepts. One entry per route and parameter
name (nested body fields by their last name), keyed like the harness: `METHOD /path/{}/...`;
only where the description has a list or a URL format, so a name that is free text elsewhere
(`path`) keeps its usual sample there.

    scripts/conformance-samples.py [--openapi DIR] > generator/src/conformance/samples.rs
"""

import argparse
import json
import os
import re
import sys
from collections import defaultdict

DESCRIPTIONS = ["api.github.com.deref.json", "ghes-3.14.deref.json"]


def route_key(method, path):
    return f"{method.upper()} {re.sub(r'{[^}]*}', '{}', path)}"


# The sample of a string whose format is `uri` (a name such as `path` does not say it is one).
URI = "https://example.com/octocat"


def walk(schema, name, found, depth=0):
    """Every (name, accepted values) under a schema: an enum's values, or a URL for a string
    of format `uri`; array items take the array's name."""
    if not isinstance(schema, dict) or depth > 8:
        return
    values = [v for v in schema.get("enum", []) if isinstance(v, str)]
    if not values and schema.get("type") == "string" and schema.get("format") == "uri":
        values = [URI]
    if values and name:
        found.append((name, values))
    for key, sub in (schema.get("properties") or {}).items():
        walk(sub, key, found, depth + 1)
    if isinstance(schema.get("items"), dict):
        walk(schema["items"], name, found, depth + 1)
    for combinator in ("oneOf", "anyOf", "allOf"):
        for sub in schema.get(combinator, []):
            walk(sub, name, found, depth + 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--openapi",
        default="tests/fidelity/node_modules/@octokit/openapi/generated",
        help="folder of @octokit/openapi's generated descriptions",
    )
    args = parser.parse_args()
    by_route = defaultdict(dict)  # route -> name -> values
    for file in DESCRIPTIONS:
        with open(os.path.join(args.openapi, file)) as f:
            doc = json.load(f)
        for path, item in doc["paths"].items():
            for method, op in item.items():
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                found = []
                for p in op.get("parameters", []):
                    walk(p.get("schema", {}), p["name"], found)
                for content in op.get("requestBody", {}).get("content", {}).values():
                    walk(content.get("schema", {}), None, found)
                key = route_key(method, path)
                for name, values in found:
                    by_route[key].setdefault(name, values)
    out = sys.stdout
    q = lambda text: json.dumps(text, ensure_ascii=False)
    out.write(
        "//! Values GitHub accepts for string parameters its OpenAPI descriptions restrict to a\n"
        "//! list or to a URL, for specs that type them as plain strings. Written by\n"
        "//! `scripts/conformance-samples.py` from `@octokit/openapi` (`api.github.com` and\n"
        "//! `ghes-3.14`); do not edit.\n\n"
        "/// `(route key, [(parameter name, first value of its list, or a URL)])`, sorted by route\n"
        "/// and name.\n"
        "#[rustfmt::skip]\n"
        "pub const BY_ROUTE: &[(&str, &[(&str, &str)])] = &[\n"
    )
    for key in sorted(by_route):
        pairs = ", ".join(f"({q(n)}, {q(v[0])})" for n, v in sorted(by_route[key].items()))
        out.write(f"    ({q(key)}, &[{pairs}]),\n")
    out.write("];\n")


if __name__ == "__main__":
    main()
