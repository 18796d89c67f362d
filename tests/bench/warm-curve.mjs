// How the CPU per call (fetch stubbed, as bench.mjs's last row) falls as the
// engine optimises: a fresh page per sample, ready() and an idle second,
// then 24 blocks of 50 calls, the mean of each block in µs. The bench's row
// is the mean of blocks 2–11 (calls 52–551); the last blocks show the
// steady state. Raw fetch and Amplify's confirmSignUp are the bundles of
// the last `node tests/bench/bench.mjs` run (target/bench/*.min.js); each
// package directory is bundled here. Not a test.
//
//   node tests/bench/warm-curve.mjs [--samples N] [--js-flags V8_FLAGS] [--profile] PKG_DIR...
//
// --profile: instead of the curve, where the bench's row (calls 52–551)
// spends its time, from Chrome's CPU profiler (samples every 25 µs, which
// slows the row by about a third): µs per call in the module (the .wasm's
// functions and the JavaScript-to-wasm wrappers), the garbage collector,
// the idle main thread, and the largest other items, by name. The driver's
// names are kept (its bundle is not minified then); a module built with
// its name section (wasm-opt's -g) also names its functions.
// --js-flags runs Chromium with those V8 flags: with
// --no-wasm-dynamic-tiering, every function of the module is optimised when
// compiled, a bound on what the baseline tier costs the row
// (docs/performance-2026-12.md, "Fifth session").
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

import { launchChromium } from "../support/chromium.mjs";
import { preparePage } from "./page-row.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const at = args.indexOf("--samples");
const samples = at < 0 ? 5 : Number(args.splice(at, 2)[1]);
const flagsAt = args.indexOf("--js-flags");
const jsFlags = flagsAt < 0 ? [] : [`--js-flags=${args.splice(flagsAt, 2)[1]}`];
const profiling = args.includes("--profile") && args.splice(args.indexOf("--profile"), 1).length > 0;
const bundles = path.join(ROOT, "target", "bench");
const items = ["raw", "amplifyConfirm"].map((id) => ({ id, js: fs.readFileSync(path.join(bundles, `${id}.min.js`)) }));
for (const dir of args.map((d) => path.resolve(d))) {
  const entry = `import { ready, confirmSignUp } from ${JSON.stringify(path.join(dir, "index.js"))};
    const { endpoint, poolId, clientId } = window.BENCH;
    const config = { userPoolId: poolId, clientId, endpoint };
    window.bench = { preload: ready, confirm: (username, confirmationCode) => confirmSignUp({ username, confirmationCode }, config) };`;
  const built = await esbuild.build({ stdin: { contents: entry, resolveDir: ROOT, sourcefile: "entry.js" }, bundle: true, minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: !profiling, format: "esm", write: false, logLevel: "error" });
  items.push({ id: `${items.length}-${path.basename(path.dirname(dir))}`, js: Buffer.from(built.outputFiles[0].contents), wasm: fs.readFileSync(path.join(dir, "cognito_confirm_bg.wasm")) });
}
const server = http.createServer((req, res) => {
  const [, id, file] = new URL(req.url, "http://x").pathname.split("/");
  const item = items.find((x) => x.id === id);
  if (item && file === "bench.js") return res.writeHead(200, { "Content-Type": "text/javascript" }).end(item.js);
  if (item?.wasm && file === "cognito_confirm_bg.wasm") return res.writeHead(200, { "Content-Type": "application/wasm" }).end(item.wasm);
  res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>curve</title>");
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium(jsFlags);
const blocks = Object.fromEntries(items.map((x) => [x.id, []]));
for (let i = 0; i < samples; i++) {
  for (let j = 0; j < items.length; j++) {
    const item = items[(i + j) % items.length];
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(preparePage, `/${item.id}/bench.js`);
    if (profiling) {
      blocks[item.id].push(await profileRow(page));
      await context.close();
      continue;
    }
    blocks[item.id].push(
      await page.evaluate(async () => {
        await window.bench.confirm("alice", "123456");
        const out = [];
        for (let b = 0; b < 24; b++) {
          const start = performance.now();
          for (let k = 0; k < 50; k++) await window.bench.confirm("alice", "123456");
          out.push(((performance.now() - start) / 50) * 1000);
        }
        return out;
      }),
    );
    await context.close();
  }
}
await browser.close();
server.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
if (profiling) {
  console.log(`µs per call in calls 52–551 (profiled), the median of ${samples} fresh pages:`);
  for (const item of items) {
    const names = new Set(blocks[item.id].flatMap((s) => Object.keys(s)));
    const by = [...names].map((k) => [k, median(blocks[item.id].map((s) => s[k] ?? 0))]);
    const [fixed, rest] = [by.filter(([k]) => k.startsWith(" ")), by.filter(([k]) => !k.startsWith(" ")).sort((a, b) => b[1] - a[1])];
    const cell = ([k, v]) => `${k.trim()} ${v.toFixed(1)}`;
    console.log(`${item.id.padEnd(20)} ${fixed.map(cell).join(", ")} | ${rest.slice(0, 12).map(cell).join(", ")}`);
  }
  process.exit(0);
}
console.log(`µs per call by block of 50 calls, the median of ${samples} fresh pages:`);
for (const item of items) {
  const curve = blocks[item.id][0].map((_, b) => median(blocks[item.id].map((s) => s[b])));
  const row = median(blocks[item.id].map((s) => s.slice(1, 11).reduce((a, b) => a + b, 0) / 10));
  const steady = median(blocks[item.id].map((s) => s.slice(-6).reduce((a, b) => a + b, 0) / 6));
  console.log(`${item.id.padEnd(20)} calls 52–551: ${row.toFixed(0).padStart(4)}  last 300: ${steady.toFixed(0).padStart(4)}  | ${curve.map((x) => x.toFixed(0)).join(" ")}`);
}

// Calls 52–551 under the CPU profiler: µs per call by category (names with
// a leading space: the row, the module, GC, idle) and by function name.
async function profileRow(page) {
  await page.evaluate(async () => {
    for (let k = 0; k < 51; k++) await window.bench.confirm("alice", "123456");
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 25 });
  await cdp.send("Profiler.start");
  const row = await page.evaluate(async () => {
    const start = performance.now();
    for (let k = 0; k < 500; k++) await window.bench.confirm("alice", "123456");
    return ((performance.now() - start) / 500) * 1000;
  });
  const { profile } = await cdp.send("Profiler.stop");
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const out = { " row": row, " module": 0, " GC": 0, " idle": 0 };
  profile.samples.forEach((id, i) => {
    const { functionName, url } = nodes.get(id);
    const us = (profile.timeDeltas[i + 1] ?? 0) / 500;
    const key = url.endsWith(".wasm") || functionName.startsWith("js-to-wasm") ? " module" : functionName === "(garbage collector)" ? " GC" : functionName === "(idle)" ? " idle" : functionName || "(anonymous)";
    out[key] = (out[key] ?? 0) + us;
  });
  return out;
}
