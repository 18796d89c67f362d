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
//   median of the runs, each the mean of a loop of calls.
// - preflights/call and requests/call: what the server saw over 20 real calls.
//
// A third column, "async floor", is tests/bench/floor: one async wasm-bindgen
// export that awaits fetch and text and does nothing else. It shows what the
// design's async-export machinery costs before any of the package's own work.
// A fourth, "string boundary", is tests/bench/sync-core: the package's core
// behind sync string-in/string-out exports with the I/O in a small JS driver,
// a measurement for the design decision of issue 5 (it has no retries,
// timeouts, abort or SecretHash provider).

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
// The floor module: built here, bundled like the others.
const FLOOR = path.join(ROOT, "tests", "bench", "floor");
const floorOut = path.join(OUT, "floor");
execFileSync("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "-q", "--manifest-path", path.join(FLOOR, "Cargo.toml")], { stdio: "inherit" });
execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", floorOut, path.join(FLOOR, "target", "wasm32-unknown-unknown", "release", "bench_floor.wasm")], { stdio: "inherit" });
execFileSync(path.join(ROOT, "node_modules", ".bin", "wasm-opt"), ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", path.join(floorOut, "bench_floor_bg.wasm"), "-o", path.join(floorOut, "bench_floor_bg.wasm")]);
fs.writeFileSync(
  path.join(OUT, "floor-entry.js"),
  `import init, { post } from ${JSON.stringify(path.join(floorOut, "bench_floor.js"))};
   let ready;
   window.confirmImpl = async (endpoint, clientId, username, code) => {
     await (ready ??= init({ module_or_path: "/bench_floor_bg.wasm" }));
     return post(endpoint, JSON.stringify({ ClientId: clientId, Username: username, ConfirmationCode: code }));
   };`,
);
const floorJs = bundle(path.join(OUT, "floor-entry.js"), path.join(OUT, "floor.min.js"));
const floorWasm = fs.readFileSync(path.join(floorOut, "bench_floor_bg.wasm"));
// The string-boundary prototype, likewise.
const SYNC = path.join(ROOT, "tests", "bench", "sync-core");
const syncOut = path.join(OUT, "sync-core");
fs.mkdirSync(syncOut, { recursive: true });
execFileSync("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "-q", "--manifest-path", path.join(SYNC, "Cargo.toml")], { stdio: "inherit" });
execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", path.join(syncOut, "pkg"), path.join(SYNC, "target", "wasm32-unknown-unknown", "release", "bench_sync_core.wasm")], { stdio: "inherit" });
execFileSync(path.join(ROOT, "node_modules", ".bin", "wasm-opt"), ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", path.join(syncOut, "pkg", "bench_sync_core_bg.wasm"), "-o", path.join(syncOut, "pkg", "bench_sync_core_bg.wasm")]);
fs.copyFileSync(path.join(SYNC, "driver.js"), path.join(syncOut, "driver.js"));
fs.writeFileSync(
  path.join(OUT, "sync-entry.js"),
  `import { confirmSignUp } from ${JSON.stringify(path.join(syncOut, "driver.js"))};
   window.confirmImpl = (endpoint, clientId, username, confirmationCode) =>
     confirmSignUp({ username, confirmationCode }, { userPoolId: "us-east-1_Bench1", clientId, endpoint });`,
);
const syncJs = bundle(path.join(OUT, "sync-entry.js"), path.join(OUT, "sync.min.js"));
const syncWasm = fs.readFileSync(path.join(syncOut, "pkg", "bench_sync_core_bg.wasm"));
const rawJs = bundle(path.join(OUT, "raw-entry.js"), path.join(OUT, "raw.min.js"));
const oursJs = bundle(path.join(OUT, "ours-entry.js"), path.join(OUT, "ours.min.js"));
const wasm = fs.readFileSync(path.join(ROOT, "pkg", "cognito_confirm_bg.wasm"));
const bytes = {
  raw: brotli(rawJs),
  floor: brotli(floorJs) + brotli(floorWasm),
  sync: brotli(syncJs) + brotli(syncWasm),
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
    "/floor.js": floorJs,
    "/sync.js": syncJs,
    "/ours.js": oursJs,
    "/cognito_confirm_bg.wasm": wasm,
    "/bench_floor_bg.wasm": floorWasm,
    "/pkg/bench_sync_core_bg.wasm": syncWasm,
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

async function warm(which, calls) {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const us = await page.evaluate(
    async ({ which, endpoint, calls }) => {
      await import(`/${which}.js`);
      await window.confirmImpl(endpoint, "benchclient", "alice", "123456");
      window.fetch = () => Promise.resolve(new Response("{}", { status: 200, headers: { "Content-Type": "application/x-amz-json-1.1" } }));
      for (let i = 0; i < 50; i++) await window.confirmImpl(endpoint, "benchclient", "alice", "123456");
      const start = performance.now();
      for (let i = 0; i < calls; i++) await window.confirmImpl(endpoint, "benchclient", "alice", "123456");
      return ((performance.now() - start) / calls) * 1000;
    },
    { which, endpoint, calls },
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
const all = ["raw", "floor", "sync", "ours"];
for (const which of all) result[which] = { cold: [], warm: [] };
for (let i = 0; i < runs; i++) {
  for (const which of all) {
    result[which].cold.push(await cold(which));
    result[which].warm.push(await warm(which, 500));
  }
}
const net = {};
for (const which of all) net[which] = await network(which, 20);
await browser.close();
server.close();
api.close();

const cell = (value, raw, unit, digits) => `${value.toFixed(digits)} ${unit} (${(value / raw).toFixed(2)}×)`;
const row = (name, values, unit, digits = 1) =>
  `| ${name} | ${values.raw.toFixed(digits)} ${unit} | ${["floor", "sync", "ours"].map((w) => cell(values[w], values.raw, unit, digits)).join(" | ")} |`;
const stats = (key) => Object.fromEntries(all.map((w) => [w, median(result[w][key])]));
const counts = (key) => all.map((w) => net[w][key].toFixed(2)).join(" | ");
const table = [
  `Benchmark, ${new Date().toISOString().slice(0, 10)}, ${runs} runs, headless Chromium, loopback server; in brackets, the ratio to raw fetch`,
  "",
  "| measure | raw fetch | async floor | string boundary | cognito-confirm |",
  "| --- | --- | --- | --- | --- |",
  row("shipped bytes (brotli -q 11)", bytes, "B", 0),
  row("cold: script arrival to first call done (median)", stats("cold"), "ms"),
  row("warm: time per call, fetch stubbed (median)", stats("warm"), "µs"),
  `| CORS preflights per call (20 calls) | ${counts("preflights")} |`,
  `| requests per call (20 calls) | ${counts("requests")} |`,
].join("\n");
fs.writeFileSync(path.join(OUT, "results.md"), table + "\n");
console.log(table);
