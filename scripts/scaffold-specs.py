#!/usr/bin/env python3
"""Write `specs/<scope>/<id>.md` from our own prose and the facts of an upstream endpoint doc.

The prose (title, description, parameter texts) comes from a YAML file written by us; the
facts (route, example, parameter names and required-ness, rename/deprecation notices) from the
Octokit doc; explicit `parameters:` entries (types, enums, nullability) from GitHub's OpenAPI
descriptions, only where the generator's inference (read back with `inspect`) differs.

    scripts/scaffold-specs.py --prose prose.yaml [--prose more.yaml] \
        --generator target/release/client-generator [--specs specs] [--corpus DIR] [--check]

Prose file shape (keys are `scope/methodId`):

    actions/listRepoWorkflows:
      title: List the workflows of a repository
      text: |
        Markdown paragraphs in our own words.
      params:                  # rows without an entry take the shared text of their name
        per_page: How many ...
      parameters: |            # optional: raw YAML list items appended to `parameters:`
        - name: foo
          one_of: [...]

`--check` only lists what is missing (prose for rows, unknown ids) and writes nothing.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import shutil
import tempfile

import yaml  # PyYAML

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DESCRIPTIONS = ["api.github.com", "ghec"] + [f"ghes-3.{n}" for n in range(14, 20)]

# Shared texts for parameters that mean the same everywhere (our own words).
SHARED = {
    "owner": "Login of the user or organization that owns the repository. Case does not matter.",
    "repo": "Repository name, without the `.git` suffix. Case does not matter.",
    "org": "Login of the organization. Case does not matter.",
    "enterprise": "Slug of the enterprise, or its numeric ID.",
    "username": "Login of the user account.",
    "team_slug": "Slug of the team: its name in lower case, with spaces turned into dashes.",
    "per_page": "How many results to return per page, at most 100 (see the [pagination guide](https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api)). Default: `30`.",
    "page": "Which page of results to return, counting from 1 (see the [pagination guide](https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api)). Default: `1`.",
    "before": "Cursor for the page before this one, taken from the `Link` header of a previous answer.",
    "after": "Cursor for the page after this one, taken from the `Link` header of a previous answer.",
    "direction": "Sort direction, `asc` or `desc`.",
    "since": "Only return results changed after this moment, written as an ISO 8601 timestamp `YYYY-MM-DDTHH:MM:SSZ`.",
    "run_id": "Numeric ID of the workflow run.",
    "job_id": "Numeric ID of the job.",
    "runner_id": "Numeric ID of the self-hosted runner.",
    "runner_group_id": "Numeric ID of the self-hosted runner group.",
    "secret_name": "Name of the secret.",
    "hook_id": "Numeric ID of the webhook.",
    "delivery_id": "Numeric ID of the webhook delivery.",
    "installation_id": "Numeric ID of the GitHub App installation.",
    "package_type": "Kind of package registry the package lives in.",
    "package_name": "Name of the package.",
    "package_version_id": "Numeric ID of the package version.",
    "alert_number": "The number that identifies the alert within its repository, as shown in its URL.",
    "codespace_name": "Name of the codespace.",
    "migration_id": "Numeric ID of the migration.",
    "artifact_id": "Numeric ID of the artifact.",
    "ref": "Git reference: a branch name, tag name or commit SHA.",
    "branch": "Name of the branch, without the `refs/heads/` prefix. Wildcards are not accepted.",
    "environment_name": "Name of the environment. A `/` in it must be written as `%2F`.",
    "workflow_id": "ID of the workflow, or the name of its file (for example `main.yaml`).",
    "ghsa_id": "GHSA identifier of the security advisory.",
    "comment_id": "Numeric ID of the comment.",
    "pull_number": "Number of the pull request.",
    "issue_number": "Number of the issue.",
    "team_id": "Numeric ID of the team.",
    "client_id": "Client ID of the GitHub App or OAuth app.",
    "app_slug": "URL-friendly name of the GitHub App, as in `https://github.com/apps/<slug>`.",
    "project_id": "Numeric ID of the project.",
    "column_id": "Numeric ID of the project column.",
    "card_id": "Numeric ID of the project card.",
    "key_id": "Numeric ID of the key.",
    "gpg_key_id": "Numeric ID of the GPG key.",
    "ssh_signing_key_id": "Numeric ID of the SSH signing key.",
    "invitation_id": "Numeric ID of the invitation.",
    "cache_id": "Numeric ID of the Actions cache entry.",
    "role_id": "Numeric ID of the role.",
    "pat_id": "Numeric ID of the fine-grained personal access token.",
    "configuration_id": "Numeric ID of the code security configuration.",
    "subject_digest": "Digest of the attested subject, written as `sha256:HEX`.",
    "repository_id": "Numeric ID of the repository.",
    "account_id": "Numeric ID of the account.",
    "plan_id": "Numeric ID of the Marketplace plan.",
    "ruleset_id": "Numeric ID of the ruleset.",
    "property_name": "Name of the custom property.",
    "tool_name": "Name of a code scanning tool. Use it or `tool_guid`, not both.",
    "tool_guid": "GUID of a code scanning tool. Use it or `tool_name`, not both.",
    "analysis_id": "Numeric ID of the analysis, as returned by the analyses list.",
    "sarif_id": "ID of the SARIF upload, as returned when it was sent.",
    "manifest_path": "Path of the dependency manifest to inspect.",
    "env_name": "Name of the environment. A `/` in it must be written as `%2F`.",
    "variable_name": "Name of the variable.",
    "autolink_id": "Numeric ID of the autolink.",
    "asset_id": "Numeric ID of the release asset.",
    "release_id": "Numeric ID of the release.",
    "deployment_id": "Numeric ID of the deployment.",
    "status_id": "Numeric ID of the deployment status.",
    "protection_rule_id": "Numeric ID of the protection rule.",
    "tag_protection_id": "Numeric ID of the tag protection state.",
    "subject_id": "Numeric ID of the subject.",
    "thread_id": "Numeric ID of the notification thread.",
    "target_user": "Login of the user the action applies to.",
    "classroom_id": "Numeric ID of the classroom.",
    "assignment_id": "Numeric ID of the assignment.",
    "network_configuration_id": "ID of the hosted compute network configuration.",
    "network_settings_id": "ID of the hosted compute network settings resource.",
    "secret_scanning_alert": "Number of the secret scanning alert.",
    "campaign_number": "Number of the campaign.",
    "team": "Slug of the team.",
    "enterprise-team": "Slug of the enterprise team, or its ID.",
    "sub_issue_id": "ID of the sub-issue.",
}

ROW = re.compile(r"<tr><td>(.*?)</td><td>(yes|no)</td><td>", re.S)
DEPRECATED = "**This method is deprecated.**"
RENAMED = "**Deprecated:** This method has been renamed to "


def parse_upstream(path):
    text = open(path, encoding="utf-8").read()
    _, fm, body = text.split("---", 2)
    front = {}
    for line in fm.strip().splitlines():
        key, _, value = line.partition(":")
        front[key.strip()] = value.strip()
    notices = [
        line.strip()
        for line in body.splitlines()
        if line.strip() == DEPRECATED or line.strip().startswith(RENAMED)
    ]
    js = re.search(r"```js\n.*?```", body, re.S).group(0)
    rows = [(html_unescape(n.strip()), r == "yes") for n, r in ROW.findall(body)]
    see = re.search(r"^See also: .*$", body, re.M)
    return front, notices, js, rows, see.group(0) if see else None


def html_unescape(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- OpenAPI facts


class Doc:
    def __init__(self, path):
        self.v = json.load(open(path, encoding="utf-8"))
        self.ops = {}
        for p, item in self.v["paths"].items():
            shared = item.get("parameters", [])
            for m in ("get", "post", "put", "patch", "delete"):
                if m in item:
                    self.ops[f"{m.upper()} {normalise(p)}"] = (item[m], shared)

    def deref(self, v):
        while isinstance(v, dict) and "$ref" in v:
            cur = self.v
            for key in v["$ref"].lstrip("#/").split("/"):
                cur = cur[key]
            v = cur
        return v

    def alternatives(self, v, out):
        v = self.deref(v)
        if not isinstance(v, dict):
            return
        out.append(v)
        for key in ("oneOf", "anyOf", "allOf"):
            for alt in v.get(key, []):
                self.alternatives(alt, out)

    def types(self, v):
        v = self.deref(v)
        if not isinstance(v, dict):
            return []
        t = v.get("type")
        out = [t] if isinstance(t, str) else list(t or [])
        if not out:
            for key in ("oneOf", "anyOf", "allOf"):
                for alt in v.get(key, []):
                    out += self.types(alt)
        if not out and "properties" in v:
            out.append("object")
        return sorted(set(x for x in out if x != "null"))

    def nullable(self, v):
        alts = []
        self.alternatives(v, alts)
        return any(
            a.get("nullable") is True
            or (isinstance(a.get("type"), list) and "null" in a["type"])
            or a.get("type") == "null"
            for a in alts
        )

    def items(self, v):
        alts = []
        self.alternatives(v, alts)
        out = []
        for a in alts:
            if "items" in a:
                out += self.types(a["items"])
        return sorted(set(out))

    def values(self, v):
        alts = []
        self.alternatives(v, alts)
        for a in list(alts):
            if "items" in a:
                self.alternatives(a["items"], alts)
        out = []
        for a in alts:
            for e in a.get("enum", []) or []:
                if isinstance(e, bool):
                    out.append("true" if e else "false")
                elif isinstance(e, (str, int, float)):
                    out.append(str(e))
        return out

    def date_time(self, v):
        """The value (or an array's elements) is a string of `format: date-time`."""
        alts = []
        self.alternatives(v, alts)
        for a in list(alts):
            if "items" in a:
                self.alternatives(a["items"], alts)
        return any(a.get("format") == "date-time" for a in alts)

    def step(self, v, segment):
        alts = []
        self.alternatives(v, alts)
        out = []
        for alt in alts:
            if segment.endswith("[]"):
                for inner in self.step(alt, segment[:-2]):
                    ia = []
                    self.alternatives(inner, ia)
                    out += [a["items"] for a in ia if "items" in a]
            elif segment == "*":
                ap = alt.get("additionalProperties")
                if isinstance(ap, dict):
                    out.append(ap)
            elif segment in alt.get("properties", {}):
                out.append(alt["properties"][segment])
        return out

    def schemas(self, key, name):
        """(location, [schemas]) for one row name of one operation, or None."""
        if key not in self.ops:
            return None
        op, shared = self.ops[key]
        for p in shared + op.get("parameters", []):
            p = self.deref(p)
            if p.get("name") == name and p.get("in") in ("path", "query", "header"):
                return p["in"], [p.get("schema", {})]
        body = self.deref(op.get("requestBody", {}))
        content = body.get("content", {})
        if not content:
            return None
        ctype, media = next(iter(content.items()))
        cands = [media.get("schema", {})]
        for seg in name.split("."):
            cands = [s for c in cands for s in self.step(c, seg)]
        cands = [c for c in cands if self.types(c)]
        if cands:
            return "body", cands
        if name == "data" and "json" not in ctype:
            return "raw", []
        return None


def normalise(path):
    return re.sub(r"\{[^}]*\}", "{}", path)


def route_key(route):
    method, _, path = route.partition(" ")
    path = re.sub(r"\{\?[^}]*\}$", "", path)
    path = path.replace("{origin}", "")
    return f"{method} {normalise(path)}"


class Facts:
    """What the eight descriptions say about a row: first description's types, union of the rest."""

    def __init__(self, openapi_dir):
        self.docs = []
        for name in DESCRIPTIONS:
            path = os.path.join(openapi_dir, f"{name}.json")
            if os.path.exists(path):
                self.docs.append(Doc(path))

    def truth(self, route, name):
        key = route_key(route)
        found = None
        values, nullable, date_time = [], False, False
        for doc in self.docs:
            hit = doc.schemas(key, name)
            if hit is None:
                continue
            loc, schemas = hit
            if loc == "raw":
                return {"raw": True}
            if found is None:
                types = sorted({t for s in schemas for t in doc.types(s)})
                items = sorted({t for s in schemas for t in doc.items(s)})
                found = {"in": loc, "types": types, "items": items}
            for s in schemas:
                for v in doc.values(s):
                    if v not in values:
                        values.append(v)
                nullable = nullable or doc.nullable(s)
                # A date-time where any description says so (the rule of `draft-models` too).
                date_time = date_time or doc.date_time(s)
        if found is None:
            return None
        found["values"] = [] if set(values) <= {"true", "false"} else values
        found["nullable"] = nullable
        found["date_time"] = date_time
        return found


# ---------------------------------------------------------------- writing


def yaml_scalar(s):
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", s) and s not in ("true", "false", "null", "yes", "no", "on", "off", "y", "n"):
        return s
    return json.dumps(s)


def render(key, prose, up, explicit_lines):
    front, notices, js, rows, see = up
    scope, mid = key.split("/")
    title = prose["title"].strip()
    out = ["---", f"name: {title}", f"example: {front['example']}", f"route: {front['route']}",
           f"scope: {scope}", f"type: {front.get('type', 'API method')}"]
    extra = prose.get("parameters")
    if explicit_lines or extra:
        out.append("parameters:")
        out += explicit_lines
        if extra:
            out += ["  " + line if line.strip() else line for line in extra.rstrip().splitlines()]
    out += ["---", "", f"# {title}", ""]
    for n in notices:
        out += [n, ""]
    text = (prose.get("text") or "").strip()
    if text:
        out += [text, ""]
    out += [js, "", "## Parameters", ""]
    if not rows:
        out += ["This endpoint has no parameters.", ""]
    else:
        out += ["<table>", "  <thead>", "    <tr>", "      <th>name</th>", "      <th>required</th>",
                "      <th>description</th>", "    </tr>", "  </thead>", "  <tbody>"]
        first = True
        for name, required in rows:
            desc = param_text(prose, name)
            lead = "    " if first else ""
            first = False
            out += [f"{lead}<tr><td>{html_escape(name)}</td><td>{'yes' if required else 'no'}</td><td>", "",
                    desc.strip(), "", "</td></tr>"]
        out += ["  </tbody>", "</table>", ""]
    if see:
        out += [see, ""]
    return "\n".join(out)


def param_text(prose, name):
    params = prose.get("params") or {}
    if name in params and params[name]:
        return str(params[name])
    return SHARED.get(name, "")


def explicit_for(facts, route, rows, inspected):
    """Explicit entries where inference (inspect) differs from the descriptions."""
    by_name = {p["name"]: p for p in inspected.get("params", [])}
    lines = []
    for name, _ in rows:
        t = facts.truth(route, name)
        got = by_name.get(name)
        if t is None or got is None or t.get("raw"):
            continue
        entry = []
        got_types = got["type"] if isinstance(got["type"], list) else [got["type"]]
        got_items = got.get("items") or []
        got_items = got_items if isinstance(got_items, list) else [got_items]

        def accept(want, have):
            return not want or (have and all(any(w == g or (w == "number" and g == "integer") for w in want) for g in have))

        type_ok = accept(t["types"], got_types) and (
            got_types != ["array"] or not t["items"] or accept(t["items"], got_items))
        want_enum = t["values"]
        enum_ok = not want_enum or sorted(got.get("enum") or []) == sorted(want_enum)
        if got.get("enum") and not want_enum:
            enum_ok = False
        null_ok = bool(got.get("nullable")) == t["nullable"] or (not t["nullable"])
        format_ok = got.get("format") == ("date-time" if t["date_time"] else None)
        if type_ok and enum_ok and null_ok and format_ok:
            continue
        types = t["types"] or got_types
        if t["date_time"]:
            types = ["timestamp" if x == "string" else x for x in types]
        if len(types) == 1:
            entry.append(f"    type: {types[0]}")
        else:
            entry.append(f"    type: [{', '.join(types)}]")
        if types == ["array"] and t["items"]:
            items = t["items"]
            if t["date_time"]:
                items = ["timestamp" if x == "string" else x for x in items]
            entry.append(f"    items: {items[0] if len(items) == 1 else '[' + ', '.join(items) + ']'}")
        if want_enum and (types in (["string"], ["array"], ["integer"])):
            entry.append("    enum: [" + ", ".join(json.dumps(v) for v in want_enum) + "]")
        if t["nullable"]:
            entry.append("    nullable: true")
        lines.append(f"  - name: {yaml_scalar(name)}")
        lines += entry
    return lines


def inspect(generator, files, specs):
    """Inspect the given (key, text) specs in a scratch folder beside a copy of `specs` (so a
    rename notice finds its target); endpoints by key."""
    with tempfile.TemporaryDirectory() as tmp:
        if os.path.isdir(specs):
            shutil.copytree(specs, tmp, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("models", "*.yaml"))
            for dirpath, _, names in os.walk(tmp):  # parameters only: no models here
                for n in names:
                    if n.endswith(".md"):
                        f = os.path.join(dirpath, n)
                        t = open(f, encoding="utf-8").read()
                        open(f, "w", encoding="utf-8").write(strip_responses(t))
        for key, text in files:
            scope, mid = key.split("/")
            os.makedirs(os.path.join(tmp, scope), exist_ok=True)
            open(os.path.join(tmp, scope, mid + ".md"), "w", encoding="utf-8").write(text)
        res = subprocess.run([generator, "inspect", "--specs", tmp, "--format", "json"],
                             capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"inspect failed on the scaffolded specs:\n{res.stderr}")
        data = json.loads(res.stdout)
    return {f"{e['scope']}/{e['id']}": e for e in data["endpoints"]}


def default_corpus():
    """`../shared/corpus/octokit-docs` beside the checkout, or beside a worktree's parent."""
    for up in ("..", os.path.join("..", "..")):
        d = os.path.join(ROOT, up, "shared", "corpus", "octokit-docs")
        if os.path.isdir(d):
            return d
    return os.path.join(ROOT, "..", "shared", "corpus", "octokit-docs")


def strip_responses(text):
    """The spec without its front-matter `responses:` block (models are not copied)."""
    return re.sub(r"^responses:\n(?:[ \t].*\n)*", "", text, count=1, flags=re.M)


def timestamp_entries(fm, facts, route, key):
    """Existing entries of date-time rows: `string` becomes `timestamp` in their `type:` and
    `items:` (an entry is otherwise left as it is)."""
    out, name = [], None
    for line in fm.split("\n"):
        m = re.match(r"  - name: (.+)$", line)
        if m:
            name = json.loads(m.group(1)) if m.group(1).startswith('"') else m.group(1)
        elif not line.startswith("    "):
            name = None
        t = facts.truth(route, name) if name else None
        if t and t.get("date_time") and re.match(r"    (type|items): ", line):
            changed = re.sub(r"\bstring\b", "timestamp", line)
            if changed != line:
                print(f"{key}: `{name}` is a date-time", file=sys.stderr)
            line = changed
        out.append(line)
    return "\n".join(out)


def augment(args):
    """Insert missing explicit entries into every spec of `--specs`; an entry that exists but
    still disagrees is reported, not changed, except `string` -> `timestamp` for date-times."""
    facts = Facts(args.openapi)
    inspected = inspect(args.generator, [], args.specs)
    added, conflicts, touched = 0, [], 0
    for key, endpoint in sorted(inspected.items()):
        path = os.path.join(args.specs, key + ".md")
        text = open(path, encoding="utf-8").read()
        _, fm, body = text.split("---", 2)
        rows = [(html_unescape(n.strip()), r == "yes") for n, r in ROW.findall(body)]
        route = re.search(r"^route: (.*)$", fm, re.M).group(1)
        lines = explicit_for(facts, route, rows, endpoint)
        before = fm
        have = set(re.findall(r"^  - name: (.+)$", fm, re.M))
        have = {json.loads(h) if h.startswith('"') else h for h in have}
        fm = timestamp_entries(fm, facts, route, key)
        new, name = [], None
        for line in lines:
            m = re.match(r"  - name: (.+)$", line)
            if m:
                name = json.loads(m.group(1)) if m.group(1).startswith('"') else m.group(1)
                if name in have:
                    conflicts.append(f"{key}: `{name}` has an explicit entry that still differs")
            if name not in have:
                new.append(line)
        if not new:
            if fm != before:
                open(path, "w", encoding="utf-8").write("---" + fm + "---" + body)
                touched += 1
            continue
        if re.search(r"^parameters:\n", fm, re.M):
            fm = re.sub(r"^parameters:\n", "parameters:\n" + "\n".join(new) + "\n", fm, count=1, flags=re.M)
        else:
            fm = re.sub(r"^(type: .*\n)", r"\1parameters:\n" + "\n".join(new).replace("\\", "\\\\") + "\n", fm, count=1, flags=re.M)
        open(path, "w", encoding="utf-8").write("---" + fm + "---" + body)
        added += sum(1 for l in new if l.startswith("  - name:"))
    print(f"{added} explicit entr(ies) added, {touched} other spec(s) with entries made timestamps")
    for c in conflicts:
        print(c, file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prose", action="append")
    ap.add_argument("--specs", default=os.path.join(ROOT, "specs"))
    ap.add_argument("--corpus", default=os.environ.get("OCTOKIT_CORPUS", default_corpus()))
    ap.add_argument("--openapi", default=os.path.join(ROOT, "tests", "fidelity", "node_modules", "@octokit", "openapi", "generated"))
    ap.add_argument("--generator", default=os.path.join(ROOT, "target", "release", "client-generator"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--overwrite", action="store_true", help="replace spec files that exist")
    ap.add_argument("--augment", action="store_true",
                    help="no prose: add the explicit entries that existing specs lack (types, enums, nullability)")
    args = ap.parse_args()

    if args.augment:
        augment(args)
        return
    prose = {}
    for f in args.prose or []:
        data = yaml.safe_load(open(f, encoding="utf-8")) or {}
        prose.update(data)
    problems, ups = [], {}
    for key, p in prose.items():
        if "/" not in key:
            problems.append(f"{key}: keys are scope/methodId")
            continue
        scope, mid = key.split("/")
        path = os.path.join(args.corpus, scope, mid + ".md")
        if not os.path.exists(path):
            problems.append(f"{key}: no upstream doc at {path}")
            continue
        up = parse_upstream(path)
        ups[key] = up
        if not (p or {}).get("title"):
            problems.append(f"{key}: no title")
        for name, _ in up[3]:
            if not param_text(p or {}, name):
                problems.append(f"{key}: no text for parameter `{name}`")
        for name in (p or {}).get("params") or {}:
            if name not in [n for n, _ in up[3]]:
                problems.append(f"{key}: text for `{name}`, which upstream does not have")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    if args.check:
        print(f"{len(prose)} endpoint(s) ready")
        return
    facts = Facts(args.openapi)
    first = [(k, render(k, prose[k], ups[k], [])) for k in prose]
    inspected = inspect(args.generator, first, args.specs)
    written = 0
    for key in prose:
        up = ups[key]
        lines = explicit_for(facts, up[0]["route"], up[3], inspected[key])
        text = render(key, prose[key], up, lines)
        scope, mid = key.split("/")
        target = os.path.join(args.specs, scope, mid + ".md")
        if os.path.exists(target) and not args.overwrite:
            old = open(target, encoding="utf-8").read()
            if old != text:
                print(f"kept {target} (exists; --overwrite to replace)", file=sys.stderr)
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        open(target, "w", encoding="utf-8").write(text)
        written += 1
    print(f"{written} spec(s) written")


if __name__ == "__main__":
    main()
