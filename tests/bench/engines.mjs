// Two of the benchmark's rows, `fetch` stubbed, in Chromium, Firefox and
// WebKit: the first call after ready() and an idle second (the library's own
// time), and the CPU per warm call. bench.mjs drives Chromium alone (it
// needs the DevTools protocol), so this runs them over W3C WebDriver
// (tests/support/webdriver.mjs) in each engine. A sample is a fresh
// document: ready(), an idle second, one call (timed alone), 50 more, then
// the mean of 500. Each sample's
// .wasm is a module of its own (a custom section with the sample's number,
// the bundle's integrity to match), so that no engine carries one sample's
// compiled or optimised code over to the next. Raw fetch and Amplify's
// confirmSignUp are the bundles of the last `node tests/bench/bench.mjs`
// run (target/bench/*.min.js); each package directory is bundled here. The
// warm call: the median µs, and the medians of the per-sample ratios to raw
// fetch and to Amplify. The first call: the mean ms over the samples, since
// Firefox's and WebKit's clocks step by 1 ms (2 µs over 500 warm calls,
// which also makes WebKit's ratios to its 2–6 µs raw fetch coarse). Not a
// test. WebKit needs an X display:
//
//   xvfb-run -a node tests/bench/engines.mjs [--samples N] [--engines chrome,firefox,webkit] PKG_DIR...
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

import { openBrowser } from "../support/webdriver.mjs";
import { preparePage } from "./page-row.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args.splice(at, 2)[1];
};
const samples = Number(option("--samples", 8));
const engines = option("--engines", "chrome,firefox,webkit").split(",");
const bundles = path.join(ROOT, "target", "bench");
const items = ["raw", "amplifyConfirm"].map((id) => ({ id, js: fs.readFileSync(path.join(bundles, `${id}.min.js`), "utf8") }));
for (const [k, dir] of args.map((d) => path.resolve(d)).entries()) {
  const entry = `import { ready, confirmSignUp } from ${JSON.stringify(path.join(dir, "index.js"))};
    const { endpoint, poolId, clientId } = window.BENCH;
    const config = { userPoolId: poolId, clientId, endpoint };
    window.bench = { preload: ready, confirm: (username, confirmationCode) => confirmSignUp({ username, confirmationCode }, config) };`;
  const built = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    write: false,
    logLevel: "error",
  });
  const wasm = fs.readFileSync(path.join(dir, "cognito_confirm_bg.wasm"));
  items.push({ id: `${k + 1}-${path.basename(path.dirname(path.join(dir, "x")))}`, js: built.outputFiles[0].text, wasm });
}

// The package's .wasm and bundle for one sample: the module with a custom
// section naming the sample, and the integrity of exactly those bytes.
const forSample = (item, sample) => {
  const name = Buffer.from(`sample ${sample}`);
  const wasm = Buffer.concat([item.wasm, Buffer.from([0, name.length + 1, name.length]), name]);
  const integrity = `sha384-${crypto.createHash("sha384").update(wasm).digest("base64")}`;
  return { wasm, js: item.js.replace(/sha384-[A-Za-z0-9+/=]{64}/g, integrity) };
};

const server = http.createServer((req, res) => {
  const [, at, file] = new URL(req.url, "http://x").pathname.split("/");
  const [id, sample = ""] = (at ?? "").split("~");
  const item = items.find((x) => x.id === id);
  if (item && file === "bench.js") {
    return res.writeHead(200, { "Content-Type": "text/javascript" }).end(item.wasm ? forSample(item, sample).js : item.js);
  }
  if (item?.wasm && file === "cognito_confirm_bg.wasm") {
    return res.writeHead(200, { "Content-Type": "application/wasm" }).end(forSample(item, sample).wasm);
  }
  res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>engines</title>");
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

// The rows, in a page that preparePage has set up.
const rows = async () => {
  let start = performance.now();
  await window.bench.confirm("alice", "123456");
  const first = performance.now() - start;
  for (let i = 0; i < 50; i++) await window.bench.confirm("alice", "123456");
  start = performance.now();
  for (let i = 0; i < 500; i++) await window.bench.confirm("alice", "123456");
  return { first, warm: ((performance.now() - start) / 500) * 1000 };
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
try {
  for (const engine of engines) {
    const browser = await openBrowser(engine);
    const us = Object.fromEntries(items.map((x) => [x.id, []]));
    const first = Object.fromEntries(items.map((x) => [x.id, []]));
    try {
      for (let i = 0; i < samples; i++) {
        for (let j = 0; j < items.length; j++) {
          const item = items[(i + j) % items.length];
          await browser.session.navigate(`${origin}/?${i}-${j}`);
          await browser.session.evaluate(preparePage.toString(), `/${item.id}~${engine}-${i}/bench.js`);
          const sample = await browser.session.evaluate(rows.toString());
          us[item.id].push(sample.warm);
          first[item.id].push(sample.first);
        }
      }
    } finally {
      await browser.stop();
    }
    console.log(`${engine} ${browser.version}, ${samples} fresh documents, fetch stubbed:`);
    console.log(`  ${"".padEnd(20)} first call after ready(), ms (mean) | warm call, µs (median), × raw fetch, × Amplify`);
    const ratio = (id, to) => median(us[id].map((x, k) => x / us[to][k])).toFixed(2);
    for (const item of items) {
      const warm = `${median(us[item.id]).toFixed(1).padStart(6)}  ${ratio(item.id, "raw")}×  ${ratio(item.id, "amplifyConfirm")}×`;
      console.log(`  ${item.id.padEnd(20)} ${mean(first[item.id]).toFixed(2).padStart(6)} | ${warm}`);
    }
  }
} finally {
  server.close();
}
