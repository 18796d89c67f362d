// The benchmark: our package against a hand-written raw fetch, in the same
// run, in headless Chromium against a local server on loopback. Prints the
// table and writes it to target/bench/results.md. Not a test: it asserts nothing.
//
//   node tests/bench/bench.mjs [--runs N]
//
// - bytes: what a page downloads (esbuild --minify, brotli -q 11); ours adds the .wasm.
// - cold: from the script's arrival to the first call done (a fresh page each run;
//   wasm compile and instantiate included), median of the runs.
// - warm: time per call with fetch stubbed in the page (only the caller's own work),
//   after 50 calls, median of the runs, each the mean of 500 calls.
// - steady: the same after 5,000 calls, once the engine has optimised both
//   (a page rarely makes that many; V8 tiers WebAssembly up gradually).
// - preflights/call and requests/call: what the server saw over 20 real calls.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../support/chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const OUT = path.join(ROOT, "target", "bench");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 15;
fs.mkdirSync(OUT, { recursive: true });

const esbuild = path.join(ROOT, "node_modules", ".bin", "esbuild");
function bundle(entry, out) {
  execFileSync(esbuild, [entry, "--bundle", "--minify", "--format=esm", "--log-level=error", `--outfile=${out}`]);
  return fs.readFileSync(out);
}
const brotli = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

fs.writeFileSync(path.join(OUT, "raw-entry.js"), `import { rawConfirm } from ${JSON.stringify(path.join(ROOT, "tests/bench/raw-fetch.js"))}; window.confirmImpl = rawConfirm;`);
fs.writeFileSync(
  path.join(OUT, "ours-entry.js"),
  `import { confirmSignUp } from ${JSON.stringify(path.join(ROOT, "pkg/index.js"))};
   window.confirmImpl = (endpoint, clientId, username, confirmationCode) =>
     confirmSignUp({ username, confirmationCode }, { userPoolId: "us-east-1_Bench1", clientId, endpoint });`,
);
const rawJs = bundle(path.join(OUT, "raw-entry.js"), path.join(OUT, "raw.min.js"));
const oursJs = bundle(path.join(OUT, "ours-entry.js"), path.join(OUT, "ours.min.js"));
const wasm = fs.readFileSync(path.join(ROOT, "pkg", "cognito_confirm_bg.wasm"));
const bytes = {
  raw: brotli(rawJs),
  ours: brotli(oursJs) + brotli(wasm),
};

let preflights = 0;
let posts = 0;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://bench");
  const cors = { "Access-Control-Allow-Origin": "*" };
  if (url.pathname === "/cognito/") {
    if (req.method === "OPTIONS") {
      preflights++;
      res.writeHead(204, { ...cors, "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "content-type, x-amz-target", "Access-Control-Max-Age": "600" });
      return res.end();
    }
    posts++;
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { ...cors, "Content-Type": "application/x-amz-json-1.1" });
      res.end("{}");
    });
    return;
  }
  // esbuild leaves `new URL("./cognito_confirm_bg.wasm", import.meta.url)` as it is: the .wasm sits beside the bundle.
  const files = {
    "/raw.js": rawJs,
    "/ours.js": oursJs,
    "/cognito_confirm_bg.wasm": wasm,
  };
  if (files[url.pathname]) {
    res.writeHead(200, { "Content-Type": url.pathname.endsWith(".wasm") ? "application/wasm" : "text/javascript", "Cache-Control": "no-store" });
    return res.end(files[url.pathname]);
  }
  res.writeHead(200, { "Content-Type": "text/html" });
  res.end("<!doctype html><title>bench</title>");
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
// The "API" on a second origin, as Cognito is: calls are cross-origin and need a preflight.
const api = http.createServer((req, res) => server.emit("request", req, res));
await new Promise((r) => api.listen(0, "127.0.0.1", r));
const endpoint = `http://127.0.0.1:${api.address().port}/cognito/`;

const browser = await launchChromium();

async function cold(which) {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const ms = await page.evaluate(
    async ({ which, endpoint }) => {
      const start = performance.now();
      await new Promise((resolve, reject) => {
        const s = document.createElement("script");
        s.type = "module";
        s.src = `/${which}.js`;
        s.onload = resolve;
        s.onerror = reject;
        document.head.append(s);
      });
      await window.confirmImpl(endpoint, "benchclient", "alice", "123456");
      return performance.now() - start;
    },
    { which, endpoint },
  );
  await page.close();
  return ms;
}

async function warm(which, warmup, calls) {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const us = await page.evaluate(
    async ({ which, endpoint, warmup, calls }) => {
      await import(`/${which}.js`);
      await window.confirmImpl(endpoint, "benchclient", "alice", "123456");
      window.fetch = () => Promise.resolve(new Response("{}", { status: 200, headers: { "Content-Type": "application/x-amz-json-1.1" } }));
      for (let i = 0; i < warmup; i++) await window.confirmImpl(endpoint, "benchclient", "alice", "123456");
      const start = performance.now();
      for (let i = 0; i < calls; i++) await window.confirmImpl(endpoint, "benchclient", "alice", "123456");
      return ((performance.now() - start) / calls) * 1000;
    },
    { which, endpoint, warmup, calls },
  );
  await page.close();
  return us;
}

async function network(which, calls) {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  [preflights, posts] = [0, 0];
  await page.evaluate(
    async ({ which, endpoint, calls }) => {
      await import(`/${which}.js`);
      for (let i = 0; i < calls; i++) await window.confirmImpl(endpoint, "benchclient", "alice", "123456");
    },
    { which, endpoint, calls },
  );
  await page.close();
  return { preflights: preflights / calls, requests: posts / calls };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {};
const all = ["raw", "ours"];
for (const which of all) result[which] = { cold: [], warm: [], steady: [] };
for (let i = 0; i < runs; i++) {
  for (const which of all) {
    result[which].cold.push(await cold(which));
    result[which].warm.push(await warm(which, 50, 500));
    result[which].steady.push(await warm(which, 5000, 2000));
  }
}
const net = {};
for (const which of all) net[which] = await network(which, 20);
await browser.close();
server.close();
api.close();

const cell = (value, raw, unit, digits) => `${value.toFixed(digits)} ${unit} (${(value / raw).toFixed(2)}×)`;
const row = (name, values, unit, digits = 1) =>
  `| ${name} | ${values.raw.toFixed(digits)} ${unit} | ${cell(values.ours, values.raw, unit, digits)} |`;
const stats = (key) => Object.fromEntries(all.map((w) => [w, median(result[w][key])]));
const counts = (key) => all.map((w) => net[w][key].toFixed(2)).join(" | ");
const table = [
  `Benchmark, ${new Date().toISOString().slice(0, 10)}, ${runs} runs, headless Chromium, loopback server; in brackets, the ratio to raw fetch`,
  "",
  "| measure | raw fetch | cognito-confirm |",
  "| --- | --- | --- |",
  row("shipped bytes (brotli -q 11)", bytes, "B", 0),
  row("cold: script arrival to first call done (median)", stats("cold"), "ms"),
  row("warm: time per call after 50 calls, fetch stubbed (median)", stats("warm"), "µs"),
  row("steady: time per call after 5,000 calls, fetch stubbed (median)", stats("steady"), "µs"),
  `| CORS preflights per call (20 calls) | ${counts("preflights")} |`,
  `| requests per call (20 calls) | ${counts("requests")} |`,
].join("\n");
fs.writeFileSync(path.join(OUT, "results.md"), table + "\n");
console.log(table);
