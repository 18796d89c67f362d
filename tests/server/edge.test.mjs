// The handler outside Node.js: bundled for a web platform (esbuild, platform
// "browser": a Node built-in would fail the build) and run in a Web Worker of
// Debian's Chromium, the nearest thing to an edge worker here: Request,
// Response and Web Crypto only. It must hash the vectors and refuse as in Node.
import assert from "node:assert/strict";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

import { launchChromium } from "../support/chromium.mjs";
import { ORIGIN, VECTORS } from "./support.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let server;
let browser;
let base;

before(async () => {
  const built = await esbuild.build({
    entryPoints: [path.join(ROOT, "js", "server.js")],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const bundle = built.outputFiles[0].text;
  // The worker imports the bundle and answers one message: a list of requests to run.
  const worker = `
import { secretHashHandler } from "./server.js";
onmessage = async ({ data: { options, requests } }) => {
  try {
    const handle = secretHashHandler(options);
    const out = [];
    for (const r of requests) {
      // A page's Request drops Origin and Sec-Fetch-* (forbidden names there);
      // a worker's incoming request has them: the same request, with headers unguarded.
      const sent = new Request(r.url, { method: "POST", body: r.body });
      const request = { url: sent.url, method: sent.method, body: sent.body, headers: new Headers(r.headers) };
      const res = await handle(request, r.info);
      out.push({ status: res.status, body: await res.json(), cacheControl: res.headers.get("cache-control") });
    }
    postMessage({ out, node: typeof process !== "undefined" || typeof Buffer !== "undefined" });
  } catch (e) {
    postMessage({ error: String(e) });
  }
};`;
  const files = { "/server.js": bundle, "/worker.js": worker, "/": "<!doctype html><title>edge</title>" };
  server = http.createServer((req, res) => {
    const body = files[req.url];
    res.writeHead(body === undefined ? 404 : 200, { "Content-Type": req.url === "/" ? "text/html" : "text/javascript" });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("in a Web Worker (no Node.js): the vectors' hashes, and the refusals", async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const headers = { Origin: ORIGIN, "Content-Type": "application/json", "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors" };
  const requests = [
    ...VECTORS.map((v) => ({ url: `${ORIGIN}/api`, headers, body: JSON.stringify({ username: v.username }), info: { clientAddress: "192.0.2.1" } })),
    { url: "https://evil.example/api", headers, body: '{"username":"alice"}', info: {} },
    { url: `${ORIGIN}/api`, headers: { ...headers, Origin: "https://evil.example" }, body: '{"username":"alice"}', info: {} },
    { url: `${ORIGIN}/api`, headers, body: '{"username":"a b"}', info: { clientAddress: "192.0.2.2" } },
    { url: `${ORIGIN}/api`, headers, body: '{"username":"alice"}', info: {} },
  ];
  const v = VECTORS[0];
  const result = await page.evaluate(
    ({ options, requests }) =>
      new Promise((resolve) => {
        const worker = new Worker("/worker.js", { type: "module" });
        worker.onmessage = ({ data }) => resolve(data);
        worker.onerror = (e) => resolve({ error: e.message ?? "worker error" });
        worker.postMessage({ options, requests });
      }),
    { options: { clientId: v.clientId, clientSecret: v.clientSecret, origins: [ORIGIN], limit: { points: 1, duration: 60 } }, requests },
  );
  await page.close();
  assert.equal(result.error, undefined, result.error);
  assert.equal(result.node, false, "no Node.js globals in the worker");
  const { out } = result;
  // Each vector comes from one address under a limit of 1: the first is hashed, the others are over the rate.
  assert.deepEqual(out[0], { status: 200, body: { secretHash: v.secretHash }, cacheControl: "no-store" });
  assert.deepEqual(
    out.slice(1).map((r) => r.status),
    [429, 429, 429, 421, 403, 400, 200],
  );
  // The others, each with a fresh limit: every vector's hash.
  const again = [];
  for (const [i, vector] of VECTORS.entries()) {
    const p = await browser.newPage();
    await p.goto(`${base}/`);
    again.push(
      await p.evaluate(
        ({ options, requests }) =>
          new Promise((resolve) => {
            const worker = new Worker("/worker.js", { type: "module" });
            worker.onmessage = ({ data }) => resolve(data.out?.[0]?.body ?? data);
            worker.postMessage({ options, requests });
          }),
        { options: { clientId: vector.clientId, clientSecret: vector.clientSecret, origins: [ORIGIN] }, requests: [requests[i]] },
      ),
    );
    await p.close();
  }
  assert.deepEqual(
    again,
    VECTORS.map((x) => ({ secretHash: x.secretHash })),
  );
});
