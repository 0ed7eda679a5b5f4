#!/usr/bin/env node
// Prints SCENARIOS.md: every request of every recorded api.github.com scenario of
// @octokit/fixtures, as the fixtures server expects it. Regenerate after upgrading:
//   node scenarios.js > SCENARIOS.md

import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve("@octokit/fixtures/package.json"));
const version = JSON.parse(readFileSync(join(pkgDir, "package.json"))).version;
const serverVersion = JSON.parse(
  readFileSync(
    join(dirname(require.resolve("@octokit/fixtures-server")), "package.json"),
  ),
).version;
const dir = join(pkgDir, "scenarios", "api.github.com");

const S = "[^/]+";
// [method, host, path regex, route template, Octokit method]
const ROUTES = [
  ["GET", "api", "/", "/", "meta.root"],
  ["GET", "api", `/orgs/${S}`, "/orgs/{org}", "orgs.get"],
  ["GET", "api", `/repos/${S}/${S}`, "/repos/{owner}/{repo}", "repos.get"],
  ["PATCH", "api", `/repos/${S}/${S}`, "/repos/{owner}/{repo}", "repos.update"],
  ["PUT", "api", `/repos/${S}/${S}/collaborators/${S}`, "/repos/{owner}/{repo}/collaborators/{username}", "repos.addCollaborator"],
  ["DELETE", "api", `/repos/${S}/${S}/collaborators/${S}`, "/repos/{owner}/{repo}/collaborators/{username}", "repos.removeCollaborator"],
  ["GET", "api", `/repos/${S}/${S}/collaborators`, "/repos/{owner}/{repo}/collaborators", "repos.listCollaborators"],
  ["GET", "api", `/repos/${S}/${S}/invitations`, "/repos/{owner}/{repo}/invitations", "repos.listInvitations"],
  ["PATCH", "api", `/user/repository_invitations/${S}`, "/user/repository_invitations/{invitation_id}", "repos.acceptInvitationForAuthenticatedUser"],
  ["POST", "api", `/repos/${S}/${S}/issues`, "/repos/{owner}/{repo}/issues", "issues.create"],
  ["GET", "api", `/repos/${S}/${S}/issues`, "/repos/{owner}/{repo}/issues", "issues.listForRepo"],
  ["POST", "api", `/repos/${S}/${S}/issues/${S}/labels`, "/repos/{owner}/{repo}/issues/{issue_number}/labels", "issues.addLabels"],
  ["PUT", "api", `/repos/${S}/${S}/issues/${S}/lock`, "/repos/{owner}/{repo}/issues/{issue_number}/lock", "issues.lock"],
  ["DELETE", "api", `/repos/${S}/${S}/issues/${S}/lock`, "/repos/{owner}/{repo}/issues/{issue_number}/lock", "issues.unlock"],
  ["GET", "api", `/repos/${S}/${S}/branches/${S}/protection`, "/repos/{owner}/{repo}/branches/{branch}/protection", "repos.getBranchProtection"],
  ["PUT", "api", `/repos/${S}/${S}/branches/${S}/protection`, "/repos/{owner}/{repo}/branches/{branch}/protection", "repos.updateBranchProtection"],
  ["DELETE", "api", `/repos/${S}/${S}/branches/${S}/protection`, "/repos/{owner}/{repo}/branches/{branch}/protection", "repos.deleteBranchProtection"],
  ["PUT", "api", `/repos/${S}/${S}/contents/.+`, "/repos/{owner}/{repo}/contents/{path}", "repos.createOrUpdateFileContents"],
  ["GET", "api", `/repos/${S}/${S}/contents/.*`, "/repos/{owner}/{repo}/contents/{path}", "repos.getContent"],
  ["POST", "api", `/repos/${S}/${S}/statuses/${S}`, "/repos/{owner}/{repo}/statuses/{sha}", "repos.createCommitStatus"],
  ["GET", "api", `/repos/${S}/${S}/commits/${S}/statuses`, "/repos/{owner}/{repo}/commits/{ref}/statuses", "repos.listCommitStatusesForRef"],
  ["GET", "api", `/repos/${S}/${S}/commits/${S}/status`, "/repos/{owner}/{repo}/commits/{ref}/status", "repos.getCombinedStatusForRef"],
  ["GET", "api", `/repos/${S}/${S}/labels`, "/repos/{owner}/{repo}/labels", "issues.listLabelsForRepo"],
  ["POST", "api", `/repos/${S}/${S}/labels`, "/repos/{owner}/{repo}/labels", "issues.createLabel"],
  ["GET", "api", `/repos/${S}/${S}/labels/${S}`, "/repos/{owner}/{repo}/labels/{name}", "issues.getLabel"],
  ["PATCH", "api", `/repos/${S}/${S}/labels/${S}`, "/repos/{owner}/{repo}/labels/{name}", "issues.updateLabel"],
  ["DELETE", "api", `/repos/${S}/${S}/labels/${S}`, "/repos/{owner}/{repo}/labels/{name}", "issues.deleteLabel"],
  ["GET", "api", `/repos/${S}/${S}/tarball/${S}`, "/repos/{owner}/{repo}/tarball/{ref}", "repos.downloadTarballArchive"],
  ["GET", "codeload", ".*", "(redirect target)", "followed by the runtime"],
  ["GET", "api", `/repos/${S}/${S}/git/refs/`, "/repos/{owner}/{repo}/git/refs/{namespace} with namespace \"\"", "git.listRefs (legacy; not in today's spec)"],
  ["POST", "api", `/repos/${S}/${S}/git/refs`, "/repos/{owner}/{repo}/git/refs", "git.createRef"],
  ["PATCH", "api", `/repos/${S}/${S}/git/refs/.+`, "/repos/{owner}/{repo}/git/refs/{ref}", "git.updateRef"],
  ["DELETE", "api", `/repos/${S}/${S}/git/refs/.+`, "/repos/{owner}/{repo}/git/refs/{ref}", "git.deleteRef"],
  ["PUT", "api", "/notifications", "/notifications", "activity.markNotificationsAsRead"],
  ["POST", "api", "/markdown", "/markdown", "markdown.render"],
  ["POST", "api", "/markdown/raw", "/markdown/raw", "markdown.renderRaw"],
  ["GET", "api", `/repositories/${S}/issues`, "(Link rel=\"next\" target)", "followed by pagination"],
  ["GET", "api", `/repositories/${S}`, "(Location of a 301)", "followed by the runtime"],
  ["PATCH", "api", `/repositories/${S}`, "(Location of a 307)", "followed by the runtime"],
  ["POST", "api", `/projects/columns/${S}/cards`, "/projects/columns/{column_id}/cards", "projects.createCard (classic projects; removed from today's spec)"],
  ["GET", "api", `/projects/columns/${S}/cards`, "/projects/columns/{column_id}/cards", "projects.listCards (classic)"],
  ["GET", "api", `/projects/columns/cards/${S}`, "/projects/columns/cards/{card_id}", "projects.getCard (classic)"],
  ["PATCH", "api", `/projects/columns/cards/${S}`, "/projects/columns/cards/{card_id}", "projects.updateCard (classic)"],
  ["POST", "api", `/projects/columns/cards/${S}/moves`, "/projects/columns/cards/{card_id}/moves", "projects.moveCard (classic)"],
  ["DELETE", "api", `/projects/columns/cards/${S}`, "/projects/columns/cards/{card_id}", "projects.deleteCard (classic)"],
  ["GET", "api", `/repos/${S}/${S}/releases/tags/${S}`, "/repos/{owner}/{repo}/releases/tags/{tag}", "repos.getReleaseByTag"],
  ["POST", "uploads", `/repos/${S}/${S}/releases/${S}/assets`, "{origin}/repos/{owner}/{repo}/releases/{release_id}/assets", "repos.uploadReleaseAsset"],
  ["GET", "api", `/repos/${S}/${S}/releases/${S}/assets`, "/repos/{owner}/{repo}/releases/{release_id}/assets", "repos.listReleaseAssets"],
  ["GET", "api", `/repos/${S}/${S}/releases/assets/${S}`, "/repos/{owner}/{repo}/releases/assets/{asset_id}", "repos.getReleaseAsset"],
  ["PATCH", "api", `/repos/${S}/${S}/releases/assets/${S}`, "/repos/{owner}/{repo}/releases/assets/{asset_id}", "repos.updateReleaseAsset"],
  ["DELETE", "api", `/repos/${S}/${S}/releases/assets/${S}`, "/repos/{owner}/{repo}/releases/assets/{asset_id}", "repos.deleteReleaseAsset"],
  ["GET", "api", "/search/issues", "/search/issues", "search.issuesAndPullRequests"],
];

function route(method, host, path) {
  const p = path.split("?")[0];
  for (const [m, h, re, template, name] of ROUTES) {
    if (m === method && host.startsWith(h) && new RegExp(`^${re}$`).test(p)) {
      return `\`${template}\` — ${name}`;
    }
  }
  return "(unknown)";
}

const code = (s) => "`" + String(s).replace(/\|/g, "\\|").replace(/\n/g, "\\n") + "`";
const TOKENS = {
  "token 0000000000000000000000000000000000000001": "token A (`000…001`)",
  "token 0000000000000000000000000000000000000002": "token B (`000…002`)",
};

const out = [];
out.push(`# Recorded scenarios of @octokit/fixtures ${version} (served by @octokit/fixtures-server ${serverVersion})

Generated by \`node scenarios.js > SCENARIOS.md\` from \`node_modules/@octokit/fixtures/scenarios/api.github.com/*/normalized-fixture.json\`.

## How the fixtures server matches (read from its source and nock's)

- Load: \`POST /fixtures\` with \`{"scenario": "<name>"}\` (the directory name below, e.g. \`get-repository\`; **no** \`api.github.com/\` prefix). Answer \`201 {"id", "url"}\`; \`url\` is \`http://127.0.0.1:<port>/api.github.com/<id>\`: use it as the client's base URL. Other recorded hosts of the same scenario live at \`http://127.0.0.1:<port>/<host>/<id>\` (\`uploads.github.com\`, \`codeload.github.com\`). Every URL inside responses (\`upload_url\`, \`Link\`, \`Location\`, \`*_url\` fields) is rewritten the same way.
- Requests must come **in order**: method and path (without query) must equal the next pending request, else \`404 {"error": "<M> <path> does not match next fixture: ..."}\`. An \`Accept\` header is required (\`400\` otherwise).
- Then nock matches: the query (parsed, so \`%20\`/\`+\` both work), each header listed below (**exact string**; headers not listed are ignored, so \`User-Agent\` and \`X-GitHub-Api-Version\` are free), and the body: JSON bodies are compared as JSON (key order free) but \`Content-Length\` is compared exactly, so bodies must be **compact** JSON as written below; raw bodies are compared as strings.
- Bodyless \`PUT\`/\`PATCH\` must send \`Content-Length: 0\`. \`GET\`/\`DELETE\` send none.
- Check: when the last request of a scenario has been served the server forgets the scenario, so any further request to its URL answers \`404 {"error": "Fixture \\"<id>\\" not found"}\` — that is the "all consumed" signal (\`tests/support/fixtures.rs\` \`Scenario::check\` sends \`GET <url>/__check__\`). A scenario also expires after \`TTL\` ms (60 s).
- A miss answers \`404 {"error": "Nock: No match for request", "detail": {"expected": ...}}\`, which shows the expected request.

Common to (almost) every request: \`Accept: application/vnd.github.v3+json\` and \`Authorization: token 0000000000000000000000000000000000000001\` (token A). Differences are in **bold**. Bodies are shown exactly as they must be sent (compact JSON, key order as recorded).
`);

for (const name of readdirSync(dir).sort()) {
  const fixtures = JSON.parse(readFileSync(join(dir, name, "normalized-fixture.json")));
  out.push(`## ${name}\n`);
  out.push("| # | request | endpoint | headers that must match | body | answer |");
  out.push("|---|---|---|---|---|---|");
  fixtures.forEach((f, i) => {
    const host = new URL(f.scope).hostname;
    const method = f.method.toUpperCase();
    const hostNote = host === "api.github.com" ? "" : ` (on **${host}**)`;
    const h = { ...f.reqheaders };
    delete h.host;
    const headers = [];
    if (h.accept !== "application/vnd.github.v3+json") headers.push(`**Accept: ${code(h.accept)}**`);
    delete h.accept;
    if (h.authorization !== "token 0000000000000000000000000000000000000001")
      headers.push(`**Authorization: ${TOKENS[h.authorization] || code(h.authorization)}**`);
    delete h.authorization;
    for (const [k, v] of Object.entries(h)) headers.push(`${k}: ${code(v)}`);
    let body = "";
    if (f.body !== "") {
      const text = typeof f.body === "string" ? f.body : JSON.stringify(f.body);
      body = code(text);
      const len = Buffer.byteLength(text);
      if (String(f.reqheaders["content-length"]) !== String(len)) body += ` (**${len} bytes but Content-Length ${f.reqheaders["content-length"]}**)`;
      if (typeof f.body === "string") body += " (raw)";
    }
    const answer = [String(f.status)];
    for (const k of ["location", "link"]) {
      if (f.headers[k]) answer.push(`${k}: ${code(f.headers[k].replace(/https:\/\/api\.github\.com/g, "…"))}`);
    }
    const ct = f.headers["content-type"];
    if (ct && ct !== "application/json; charset=utf-8") answer.push(`content-type: ${code(ct)}`);
    if (f.responseIsBinary) answer.push("**binary body**");
    out.push(
      `| ${i + 1} | ${method} ${code(f.path)}${hostNote} | ${route(method, host, f.path)} | ${headers.join("<br>") || "(common)"} | ${body} | ${answer.join("<br>")} |`,
    );
  });
  out.push("");
}


const NOTES = `## Notes per scenario (for specs and codegen)

- **add-and-remove-repository-collaborator**: request 3 is made by the *second* user: token B (\`0000000000000000000000000000000000000002\`). Use a second client or \`.build().header("Authorization", "token 000…002")\`. PUT (1) and PATCH (3) are bodyless: \`Content-Length: 0\` (runtime does it).
- **branch-protection**: request 1 answers \`404 {"message":"Branch not protected"}\` (an \`Error::Api\` the test expects). Request 2 sends the four required fields as explicit \`null\`: required-but-nullable body fields must be written as \`null\`, never omitted (omitting changes body and Content-Length).
- **errors**: answers \`422\` with \`errors: [{"resource":"Label","code":"invalid","field":"color"}]\`.
- **get-archive**: the caller sets \`Accept-Encoding: gzip, compress, deflate, br\` exactly (the runtime adds no Accept-Encoding and never decompresses). The 302 to codeload is followed by the runtime; under the fixtures server codeload is the same origin (\`127.0.0.1:<port>\`), so Authorization is kept as recorded (against real GitHub it is a cross-host hop and Authorization is dropped). Body: raw gzip bytes (\`Response::bytes\`).
- **get-content**: request 1 has \`path = ""\`, giving a trailing slash (\`contents/\`): \`encode::slashed("")\`; do not trim it. Request 2 uses \`Accept: application/vnd.github.v3.raw\` (a per-request Accept / media type) and answers raw text.
- **git-refs**: requests 1 and 4 are \`GET …/git/refs/\` with a trailing slash: legacy \`git.listRefs\` with an empty namespace; today's spec only has \`GET /repos/{owner}/{repo}/git/matching-refs/{ref}\` (different path, will not match). \`{ref}\` of update/delete is \`heads/test\`: slashes kept (\`encode::slashed\`).
- **mark-notifications-as-read**: bodyless PUT → \`205\` with an empty body (\`json::<()>()\` works).
- **markdown**: \`Accept: text/html\` on both. \`/markdown/raw\` takes a raw body with \`Content-Type: text/plain; charset=utf-8\`.
- **paginate-issues**: first request \`?per_page=3\`; the next 4 come from \`Link: rel="next"\` (\`/repositories/1000/issues?per_page=3&page=N\`), rewritten to the fixtures server. 13 issues in all (3+3+3+3+1).
- **project-cards**: classic Projects (\`/projects/columns/...\`), removed from GitHub's current OpenAPI description: needs hand-written endpoint files. \`column_id\` in the move body is an integer.
- **release-assets**: the upload goes to \`{origin}\` = the part of the release's \`upload_url\` before \`/repos/\` (\`http://127.0.0.1:<port>/uploads.github.com/<id>\`), query \`name\` and \`label\`, \`Content-Type: text/plain\`, raw body \`Hello, world!\\n\` (14 bytes). Generated code: \`Request::origin(origin)\` (or \`.uploads()\` with the client's uploads URL set to that base).
- **release-assets-conflict**: the first upload answers \`422\` (\`already_exists\`), then the existing asset is deleted and the upload repeated (201).
- **rename-repository**: request 2 answers \`301\` and request 4 \`307\` (PATCH): the runtime follows both (3 and 5 are the follow-ups; 307 re-sends the same PATCH body). A generated call for 2 or 4 is one \`send()\`.
- **search-issues**: \`q = "sesame repo:octokit-fixture-org/search-issues"\`; answers the \`{total_count, incomplete_results, items}\` wrapper (pagination unwraps \`items\`).
- Every scenario: \`Accept: application/vnd.github.v3+json\` must be the client's default Accept (\`ClientBuilder::accept\`), since the runtime default is \`application/vnd.github+json\`. \`X-GitHub-Api-Version\` and \`User-Agent\` are not checked.
`;

out.push(NOTES);
process.stdout.write(out.join("\n"));
