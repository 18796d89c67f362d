// The steady state of package builds side by side: every build's bundle in
// one page (each with its own module), `fetch` stubbed as in the bench's CPU
// row, 3,000 calls of each to let the engine optimise them, then 12 rounds
// of 200 calls of each, alternating in order, after a gc(). Prints the
// median µs per call over the rounds of every page, and the first two
// builds' ratio. warm-curve.mjs gives the row before that steady state;
// this, what is left once every build is optimised. Not a test.
//
//   node tests/bench/ab.mjs PAGES PKG_DIR PKG_DIR...
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

import { launchChromium } from "../support/chromium.mjs";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dirs = process.argv.slice(3).map((d) => path.resolve(d));
const pages = Number(process.argv[2]);
const items = [];
for (const dir of dirs) {
  const entry = `import { ready, confirmSignUp } from ${JSON.stringify(path.join(dir, "index.js"))};
    const config = { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: "http://127.0.0.1:9/" };
    window.benches.push({ preload: ready, confirm: (u, c) => confirmSignUp({ username: u, confirmationCode: c }, config) });`;
  const built = await esbuild.build({ stdin: { contents: entry, resolveDir: ROOT, sourcefile: "entry.js" }, bundle: true, minify: true, format: "esm", write: false, logLevel: "error" });
  items.push({ id: String(items.length), js: Buffer.from(built.outputFiles[0].contents), wasm: fs.readFileSync(path.join(dir, "cognito_confirm_bg.wasm")) });
}
const server = http.createServer((req, res) => {
  const [, id, file] = new URL(req.url, "http://x").pathname.split("/");
  const item = items.find((x) => x.id === id);
  if (item && file === "bench.js") return res.writeHead(200, { "Content-Type": "text/javascript" }).end(item.js);
  if (item && file === "cognito_confirm_bg.wasm") return res.writeHead(200, { "Content-Type": "application/wasm" }).end(item.wasm);
  res.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>ab</title>");
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium(["--js-flags=--expose-gc"]);
const all = items.map(() => []);
for (let p = 0; p < pages; p++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  const res = await page.evaluate(async (ids) => {
    window.benches = [];
    for (const id of ids) {
      await new Promise((resolve, reject) => document.head.append(Object.assign(document.createElement("script"), { type: "module", src: `/${id}/bench.js`, onload: resolve, onerror: reject })));
    }
    for (const b of window.benches) await b.preload();
    const answer = '{"Session":"' + "s".repeat(64) + '"}';
    const headers = { "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "1c2d3e4f-0000-4000-8000-000000000000" };
    window.fetch = () => Promise.resolve(new Response(answer, { status: 200, headers }));
    for (const b of window.benches) for (let k = 0; k < 3000; k++) await b.confirm("alice", "123456");
    const out = window.benches.map(() => []);
    for (let round = 0; round < 12; round++) {
      const order = round % 2 ? [...window.benches.keys()].reverse() : [...window.benches.keys()];
      for (const i of order) {
        window.gc();
        const t = performance.now();
        for (let k = 0; k < 200; k++) await window.benches[i].confirm("alice", "123456");
        out[i].push(((performance.now() - t) / 200) * 1000);
      }
    }
    return out;
  }, items.map((x) => x.id));
  res.forEach((xs, i) => all[i].push(...xs));
  await context.close();
}
await browser.close();
server.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
dirs.forEach((d, i) => console.log(`${median(all[i]).toFixed(2)} µs  ${d}`));
console.log(`ratio ${dirs[0]} / ${dirs[1]}: ${(median(all[0]) / median(all[1])).toFixed(3)}`);
