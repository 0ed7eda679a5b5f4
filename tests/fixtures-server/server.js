#!/usr/bin/env node
// Starts @octokit/fixtures-server's middleware on 127.0.0.1, on a free port (or $PORT),
// and prints the port alone on the first line of stdout. Exits when stdin closes, so a
// test process that dies takes its server with it.
//
// Environment: PORT (default 0 = any free port), TTL (ms a loaded scenario lives,
// default 60000), LOG_LEVEL (default "silent"), FIXTURES (glob of normalized-fixture.json
// files, default: all scenarios of @octokit/fixtures).
//
// Same app as the package's bin/server.js, but bound to 127.0.0.1 and with fixturesUrl
// known only after listen(), so rewritten URLs (Link, Location, upload_url) point here.

import http from "node:http";

import express from "express";
import fixtureServerMiddleware from "@octokit/fixtures-server";
import globToFixtures from "@octokit/fixtures-server/lib/glob-to-fixtures.js";

const server = http.createServer();

server.listen(Number(process.env.PORT || 0), "127.0.0.1", () => {
  const { port } = server.address();
  const options = {
    port,
    fixturesUrl: `http://127.0.0.1:${port}`,
    logLevel: process.env.LOG_LEVEL || "silent",
    ttl: Number(process.env.TTL || 60000),
  };
  if (process.env.FIXTURES) {
    options.fixtures = globToFixtures(process.env.FIXTURES);
  }

  const app = express();
  app.get("/ping", (request, response) => {
    response.json({ ok: true });
  });
  app.use(fixtureServerMiddleware(options));
  server.on("request", app);

  process.stdout.write(`${port}\n`);
});

process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
