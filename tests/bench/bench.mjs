// The benchmark: our package against a hand-written raw fetch and the peers
// (Amplify v6, amazon-cognito-identity-js, AWS SDK v3), in the same run, in
// one headless Chromium process, interleaved, against the strict fake Cognito
// (tests/fake-cognito/server.mjs) on loopback. Prints the table and writes it
// to target/bench/results.md (every sample to results.json, the chart to
// results.svg: tests/bench/chart.mjs). Not a test:
// it asserts nothing, and the test command does not run it.
//
//   node tests/bench/bench.mjs [--runs N] [--only a,b] [--prototypes] [--profile [N]] [--phases [N]] [--baseline DIR]
//
// The peers are pinned in tests/bench/package.json (its own lock file) and
// installed there when missing; the root package.json does not list them.
//
// Each contender is bundled the same way (esbuild, minified, ESM, for the
// browser) from a small entry below that sets `window.bench`:
//   { preload(): what the library documents doing ahead of the first call,
//     confirm(username, code): one ConfirmSignUp }.
// Its setup (Amplify.configure, a pool or client object) runs when the script
// is evaluated, as a page would do it.
//
// Rows (each contender on a fresh page, in a fresh browser context, so no
// cache, connection or preflight is shared between measurements):
// - bytes: brotli -q 11 of the bundle, plus the .wasm for ours.
// - cold: from inserting the <script> to the first ConfirmSignUp done, nothing
//   preloaded (for ours: the .wasm is fetched and compiled by that first call).
// - cold 4× throttle: the same under CDP Emulation.setCPUThrottlingRate 4.
// - idle first call: the script loaded, `preload()` called, the page idle for
//   a second, then the first ConfirmSignUp (preflight included, as for raw).
// - warm over the network: the 20 calls after that one, mean per call.
// - preflights per call: CORS preflights the server saw over those 20 calls.
// - the idle first call again with fetch stubbed in the page (on another
//   page): the library's own time for it, without the network's noise.
// - CPU per call: fetch stubbed (only the caller's own work), after 50 calls,
//   the mean of 500.
// Every cell is the median over the runs with the interquartile range; the
// ratio is the median of the per-run ratios to raw fetch (each run measures
// raw fetch next to the others, so the machine's load moves both).

import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

import * as esbuild from "esbuild";

import { launchChromium } from "../support/chromium.mjs";
import { chart } from "./chart.mjs";
import { prototypes } from "./prototypes.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const OUT = path.join(ROOT, "target", "bench");
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const runs = Number(arg("--runs")) || 15;
const only = arg("--only")?.split(",");
const withPrototypes = process.argv.includes("--prototypes");
// --phases N: the phases of --profile's cold calls without the CPU profiler,
// whose sampling slows the page (the phases then add up to the cold row).
const phasesOnly = process.argv.includes("--phases");
const profileRuns = process.argv.includes("--profile") || phasesOnly ? Number(arg(phasesOnly ? "--phases" : "--profile")) || 10 : 0;
fs.mkdirSync(OUT, { recursive: true });

// The peers, installed from tests/bench/package-lock.json when missing.
if (!fs.existsSync(path.join(HERE, "node_modules", ".package-lock.json")) ||
  fs.statSync(path.join(HERE, "package-lock.json")).mtimeMs > fs.statSync(path.join(HERE, "node_modules", ".package-lock.json")).mtimeMs) {
  console.error("[bench] installing the peers (tests/bench/package-lock.json)");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: HERE, stdio: ["ignore", "inherit", "inherit"] });
}
const version = (name) => JSON.parse(fs.readFileSync(path.join(HERE, "node_modules", name, "package.json"), "utf8")).version;

const POOL_ID = "us-east-1_FakePool1";
// The fake's client without a secret: only ours supports one, and raw fetch has none either.
const CLIENT_ID = "plainclient1";
const PKG = path.join(ROOT, "pkg");

// Every entry reads window.BENCH = { endpoint, poolId, clientId } (set by the page before the script).
const CONTENDERS = [
  {
    id: "raw",
    label: "raw fetch",
    entry: `import { rawConfirm } from ${JSON.stringify(path.join(HERE, "raw-fetch.js"))};
      const { endpoint, clientId } = window.BENCH;
      window.bench = { preload: async () => {}, confirm: (u, c) => rawConfirm(endpoint, clientId, u, c) };`,
  },
  {
    id: "ours",
    label: "cognito-confirm (4 ops)",
    entry: oursEntry(PKG),
    wasm: path.join(PKG, "cognito_confirm_bg.wasm"),
  },
  {
    id: "amplifyConfirm",
    label: `Amplify v6 confirmSignUp`,
    entry: `import { Amplify } from "@aws-amplify/core";
      import { confirmSignUp } from "@aws-amplify/auth";
      const { endpoint, poolId, clientId } = window.BENCH;
      Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: endpoint } } });
      window.bench = { preload: async () => {}, confirm: (username, confirmationCode) => confirmSignUp({ username, confirmationCode }) };`,
  },
  {
    id: "amplifyFlow",
    label: `Amplify v6 (4 ops)`,
    entry: `import { Amplify } from "@aws-amplify/core";
      import { signUp, confirmSignUp, resendSignUpCode, autoSignIn } from "@aws-amplify/auth";
      const { endpoint, poolId, clientId } = window.BENCH;
      Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: endpoint } } });
      window.bench = { preload: async () => {}, flow: { signUp, resendSignUpCode, autoSignIn },
        confirm: (username, confirmationCode) => confirmSignUp({ username, confirmationCode }) };`,
  },
  {
    id: "identityJs",
    label: `amazon-cognito-identity-js`,
    entry: `import { CognitoUserPool, CognitoUser } from "amazon-cognito-identity-js";
      const { endpoint, poolId, clientId } = window.BENCH;
      const Pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint });
      window.bench = { preload: async () => {},
        confirm: (Username, code) => new Promise((resolve, reject) =>
          new CognitoUser({ Username, Pool }).confirmRegistration(code, false, (err, result) => (err ? reject(err) : resolve(result)))) };`,
    // Its dependencies (buffer, crypto-js) read Node's `global`: every browser bundler set-up for it maps that.
    define: { global: "globalThis" },
  },
  {
    id: "sdkV3",
    label: `AWS SDK v3 (4 commands)`,
    entry: `import { CognitoIdentityProviderClient, ConfirmSignUpCommand, SignUpCommand, ResendConfirmationCodeCommand, InitiateAuthCommand }
        from "@aws-sdk/client-cognito-identity-provider";
      const { endpoint, clientId } = window.BENCH;
      const client = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint });
      window.bench = { preload: async () => {}, flow: { SignUpCommand, ResendConfirmationCodeCommand, InitiateAuthCommand },
        confirm: (Username, ConfirmationCode) => client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username, ConfirmationCode })) };`,
  },
];

function oursEntry(pkg) {
  return `import { ready, signUp, confirmSignUp, resendSignUpCode, autoSignIn } from ${JSON.stringify(path.join(pkg, "index.js"))};
    const { endpoint, poolId, clientId } = window.BENCH;
    const config = { userPoolId: poolId, clientId, endpoint };
    window.bench = { preload: ready, flow: { signUp, resendSignUpCode, autoSignIn },
      confirm: (username, confirmationCode) => confirmSignUp({ username, confirmationCode }, config) };`;
}

let contenders = CONTENDERS;
// --baseline DIR: another build of the package (say, of the commit before a
// change, built into DIR by scripts/build.sh there), measured in the same run.
const baseline = arg("--baseline");
if (baseline) {
  const dir = path.resolve(baseline);
  contenders = [...contenders, { id: "baseline", label: `baseline (${path.basename(path.dirname(dir))})`, entry: oursEntry(dir), wasm: path.join(dir, "cognito_confirm_bg.wasm") }];
}
if (withPrototypes) contenders = [...contenders, ...prototypes({ ROOT, PKG, OUT, oursEntry, profiling: profileRuns > 0 })];
if (only) contenders = contenders.filter((c) => c.id === "raw" || only.includes(c.id));

async function bundle(c) {
  const result = await esbuild.build({
    stdin: { contents: c.entry, resolveDir: HERE, sourcefile: `${c.id}-entry.js` },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
    define: c.define ?? {},
  });
  return Buffer.from(result.outputFiles[0].contents);
}
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const median = (xs) => quantile(xs, 0.5);
const brotli = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const files = {}; // path on the page's origin -> [bytes, content type]
for (const c of contenders) {
  c.js = await bundle(c);
  fs.writeFileSync(path.join(OUT, `${c.id}.min.js`), c.js);
  files[`/${c.id}/bench.js`] = [c.js, "text/javascript"];
  c.bytes = brotli(c.js);
  if (c.wasm) {
    // esbuild leaves `new URL("./cognito_confirm_bg.wasm", import.meta.url)` as it is: the .wasm sits beside the bundle.
    const wasm = fs.readFileSync(c.wasm);
    files[`/${c.id}/cognito_confirm_bg.wasm`] = [wasm, "application/wasm"];
    c.jsBytes = c.bytes;
    c.bytes += brotli(wasm);
  }
}

// The strict fake Cognito, on its own origin (another port), as Cognito is: every call is cross-origin.
const fake = spawn(process.execPath, [path.join(ROOT, "tests/fake-cognito/server.mjs"), "0"], { stdio: ["ignore", "pipe", "ignore"] });
process.on("exit", () => fake.kill());
const fakePort = await new Promise((resolve, reject) => {
  let seen = "";
  fake.stdout.on("data", (d) => {
    seen += d;
    const m = /fake-cognito listening on (\d+)/.exec(seen);
    if (m) resolve(Number(m[1]));
  });
  fake.on("exit", (code) => reject(new Error(`the fake Cognito exited (${code})`)));
});
const endpoint = `http://127.0.0.1:${fakePort}/`;
const control = async (p, body) => {
  const res = await fetch(`${endpoint}__control/${p}`, body ? { method: "POST", body: JSON.stringify(body) } : undefined);
  return res.json();
};
let userCounter = 0;
// Fresh UNCONFIRMED users, so that every timed ConfirmSignUp succeeds for real.
async function users(n) {
  const names = [];
  for (let i = 0; i < n; i++) {
    const username = `bench${process.pid}x${++userCounter}`;
    await control("users", { username, code: "123456" });
    names.push(username);
  }
  return names;
}

// The page's origin: a blank page, the bundles and the .wasm.
const server = http.createServer((req, res) => {
  const file = files[new URL(req.url, "http://bench").pathname];
  if (file) {
    res.writeHead(200, { "Content-Type": file[1], "Cache-Control": "no-store" });
    return res.end(file[0]);
  }
  res.writeHead(200, { "Content-Type": "text/html" });
  res.end("<!doctype html><title>bench</title>");
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();
const BENCH = { endpoint, poolId: POOL_ID, clientId: CLIENT_ID };

// A fresh context (no HTTP cache, no connection, no preflight cache) with the page at the origin.
async function freshPage(throttle = 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`[bench] error in the page: ${e.message}`));
  await page.goto(`${origin}/`);
  await page.evaluate((b) => (window.BENCH = b), BENCH);
  if (throttle !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  }
  return { page, context, close: () => context.close() };
}

// In the page: inserts the contender's <script type=module> and resolves when it has run.
const LOAD = `(id, linkPreload) => new Promise((resolve, reject) => {
  if (linkPreload) {
    const l = document.createElement("link");
    l.rel = "preload";
    l.as = "fetch";
    l.crossOrigin = "anonymous";
    l.href = "/" + id + "/cognito_confirm_bg.wasm";
    document.head.append(l);
  }
  const s = document.createElement("script");
  s.type = "module";
  s.src = "/" + id + "/bench.js";
  s.onload = resolve;
  s.onerror = reject;
  document.head.append(s);
})`;

async function cold(c, throttle = 1) {
  const [username] = await users(1);
  const { page, close } = await freshPage(throttle);
  const ms = await page.evaluate(
    async ({ id, linkPreload, username, LOAD }) => {
      const load = (0, eval)(LOAD);
      const start = performance.now();
      await load(id, linkPreload);
      await window.bench.confirm(username, "123456");
      return performance.now() - start;
    },
    { id: c.id, linkPreload: !!c.linkPreload, username, LOAD },
  );
  await close();
  return ms;
}

// The idle first call, then `calls` more over the network; counts the preflights of those.
async function idleAndWarm(c, calls) {
  const names = await users(calls + 1);
  const { page, close } = await freshPage();
  await page.evaluate(
    async ({ id, linkPreload, LOAD }) => {
      await (0, eval)(LOAD)(id, linkPreload);
      await window.bench.preload();
      await new Promise((r) => setTimeout(r, 1000));
    },
    { id: c.id, linkPreload: !!c.linkPreload, LOAD },
  );
  const first = await page.evaluate(async (u) => {
    const start = performance.now();
    await window.bench.confirm(u, "123456");
    return performance.now() - start;
  }, names[0]);
  const before = await control("stats");
  const warm = await page.evaluate(async (names) => {
    const start = performance.now();
    for (const u of names) await window.bench.confirm(u, "123456");
    return (performance.now() - start) / names.length;
  }, names.slice(1));
  const after = await control("stats");
  await close();
  return {
    idle: first,
    warm,
    preflights: (after.preflights - before.preflights) / calls,
    requests: (after.requests - before.requests) / calls,
  };
}

// Time per call with fetch stubbed: only the library's own work.
async function cpu(c, warmup, calls) {
  const [username] = await users(1);
  const { page, close } = await freshPage();
  const us = await page.evaluate(
    async ({ id, linkPreload, username, LOAD, warmup, calls }) => {
      await (0, eval)(LOAD)(id, linkPreload);
      await window.bench.preload();
      await new Promise((r) => setTimeout(r, 1000));
      const answer = '{"Session":"' + "s".repeat(64) + '"}';
      window.fetch = () =>
        Promise.resolve(new Response(answer, { status: 200, headers: { "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "1c2d3e4f-0000-4000-8000-000000000000" } }));
      let start = performance.now();
      await window.bench.confirm(username, "123456");
      const first = (performance.now() - start) * 1000;
      for (let i = 0; i < warmup; i++) await window.bench.confirm(username, "123456");
      start = performance.now();
      for (let i = 0; i < calls; i++) await window.bench.confirm(username, "123456");
      return { first, cpu: ((performance.now() - start) / calls) * 1000 };
    },
    { id: c.id, linkPreload: !!c.linkPreload, username, LOAD, warmup, calls },
  );
  await close();
  return us;
}

// --profile N: Chrome's CPU profile (over CDP) of N cold first calls of each
// contender that ships a .wasm, from the .wasm's response to the POST: where
// the main thread's time goes. Writes target/bench/profile.md.
async function profile(n) {
  const out = [];
  for (const c of contenders) {
    const phases = c.wasm
      ? { "script inserted → script run": [], "script run → .wasm requested": [], ".wasm requested → response": [], ".wasm response → POST sent": [], "POST sent → call done": [] }
      : { "script inserted → script run": [], "script run → POST sent": [], "POST sent → call done": [] };
    const self = new Map(); // category or function -> µs in the window, summed over the runs
    let window = 0;
    for (let i = 0; i < n; i++) {
      const [username] = await users(1);
      const { page, context, close } = await freshPage();
      const cdp = await context.newCDPSession(page);
      const net = {};
      cdp.on("Network.responseReceived", (e) => e.response.url.endsWith(".wasm") && (net.wasmResponse = e.timestamp));
      cdp.on("Network.requestWillBeSent", (e) => e.request.method === "POST" && e.request.url.startsWith(endpoint) && (net.post ??= e.timestamp));
      await cdp.send("Network.enable");
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
      if (!phasesOnly) await cdp.send("Profiler.start");
      const t = await page.evaluate(
        async ({ id, linkPreload, username, LOAD, endpoint }) => {
          const t = {};
          const realFetch = window.fetch;
          window.fetch = (url, init) => {
            if (String(url).startsWith(endpoint)) t.post ??= performance.now();
            return realFetch(url, init);
          };
          t.start = performance.now();
          await (0, eval)(LOAD)(id, linkPreload);
          t.loaded = performance.now();
          await window.bench.confirm(username, "123456");
          t.done = performance.now();
          const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
          return { ...t, wasmStart: wasm?.startTime, wasmEnd: wasm?.responseEnd };
        },
        { id: c.id, linkPreload: !!c.linkPreload, username, LOAD, endpoint },
      );
      const prof = phasesOnly ? undefined : (await cdp.send("Profiler.stop")).profile;
      phases["script inserted → script run"].push(t.loaded - t.start);
      if (c.wasm) {
        phases["script run → .wasm requested"].push(t.wasmStart - t.loaded);
        phases[".wasm requested → response"].push(t.wasmEnd - t.wasmStart);
        phases[".wasm response → POST sent"].push(t.post - t.wasmEnd);
      } else {
        phases["script run → POST sent"].push(t.post - t.loaded);
      }
      phases["POST sent → call done"].push(t.done - t.post);
      if (!c.wasm || phasesOnly) {
        await close();
        continue;
      }
      await close();
      // Self time of each sample inside [the .wasm's response, the POST's request], by function.
      const from = net.wasmResponse * 1e6;
      const to = net.post * 1e6;
      const nodes = new Map(prof.nodes.map((node) => [node.id, node]));
      let at = prof.startTime;
      prof.samples.forEach((id, k) => {
        at += prof.timeDeltas[k];
        const dt = prof.timeDeltas[k + 1] ?? 0;
        if (at < from || at >= to) return;
        const f = nodes.get(id).callFrame;
        const where = f.url.endsWith(".wasm") || f.functionName.startsWith("wasm-function") ? "wasm: " + (f.functionName || "?") : f.url ? `js: ${f.functionName || "(anonymous)"} ${path.basename(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : f.functionName;
        self.set(where, (self.get(where) ?? 0) + dt);
        window += dt;
      });
    }
    const lines = [`### ${c.label}: ${n} cold first calls`, "", "| phase | median | IQR |", "| --- | --- | --- |"];
    for (const [name, xs] of Object.entries(phases)) lines.push(`| ${name} | ${median(xs).toFixed(2)} ms | ${quantile(xs, 0.25).toFixed(2)}–${quantile(xs, 0.75).toFixed(2)} ms |`);
    if (!c.wasm || phasesOnly) {
      out.push(lines.join("\n") + "\n");
      continue;
    }
    lines.push("", `Main thread from the .wasm's response to the POST (self time, summed over the runs; ${(window / 1000 / n).toFixed(2)} ms a run):`, "", "| where | ms a run | share |", "| --- | --- | --- |");
    const wasmTotal = [...self].filter(([k]) => k.startsWith("wasm: ")).reduce((a, [, v]) => a + v, 0);
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
    for (const [k, v] of top) lines.push(`| ${k.replaceAll("|", "\\|")} | ${(v / 1000 / n).toFixed(3)} | ${((100 * v) / window).toFixed(1)} % |`);
    lines.push(`| all WebAssembly functions together | ${(wasmTotal / 1000 / n).toFixed(3)} | ${((100 * wasmTotal) / window).toFixed(1)} % |`, "");
    out.push(lines.join("\n"));
  }
  fs.writeFileSync(path.join(OUT, "profile.md"), out.join("\n") + "\n");
  console.log(out.join("\n"));
}

// One call of each contender first, so that a broken set-up fails before the long run.
for (const c of contenders) {
  try {
    await cold(c);
  } catch (e) {
    console.error(`[bench] ${c.label} failed its first call: ${e.message}`);
    throw e;
  }
}

if (profileRuns) {
  await profile(profileRuns);
  await browser.close();
  server.close();
  process.exit(0);
}

const KEYS = ["cold", "throttled", "idle", "idleCpu", "warm", "cpu", "preflights", "requests"];
const samples = Object.fromEntries(contenders.map((c) => [c.id, Object.fromEntries(KEYS.map((k) => [k, []]))]));
const started = Date.now();
for (let run = 0; run < runs; run++) {
  // Interleaved, in a rotated order, so that no contender always follows the same one.
  const order = contenders.map((_, i) => contenders[(i + run) % contenders.length]);
  for (const c of order) {
    const s = samples[c.id];
    s.cold.push(await cold(c));
    s.throttled.push(await cold(c, 4));
    const w = await idleAndWarm(c, 20);
    for (const k of ["idle", "warm", "preflights", "requests"]) s[k].push(w[k]);
    const u = await cpu(c, 50, 500);
    s.idleCpu.push(u.first);
    s.cpu.push(u.cpu);
  }
  process.stderr.write(`[bench] run ${run + 1}/${runs} (${Math.round((Date.now() - started) / 1000)} s)\n`);
}
await browser.close();
server.close();
fake.kill();

const ratio = (id, key) => median(samples[id][key].map((v, i) => v / samples.raw[key][i]));
const fmt = (v, digits) => v.toFixed(digits);
const timed = (key, unit, digits = 1) => (c) => {
  const xs = samples[c.id][key];
  const value = `${fmt(median(xs), digits)} ${unit} (${fmt(quantile(xs, 0.25), digits)}–${fmt(quantile(xs, 0.75), digits)})`;
  return c.id === "raw" ? value : `${value} **${ratio(c.id, key).toFixed(2)}×**`;
};
const ROWS = [
  ["shipped bytes (brotli -q 11, .wasm included)", (c) => (c.id === "raw" ? `${c.bytes} B` : `${c.bytes} B **${(c.bytes / contenders[0].bytes).toFixed(1)}×**`)],
  ["cold: script inserted → first call done", timed("cold", "ms")],
  ["cold under a 4× CPU throttle", timed("throttled", "ms")],
  ["first call after an idle second (preloaded)", timed("idle", "ms")],
  ["the same first call, fetch stubbed (the library's own time)", timed("idleCpu", "µs", 0)],
  ["warm: per call over the network (20 calls)", timed("warm", "ms", 2)],
  ["CPU per call, fetch stubbed (after 50 calls, mean of 500)", timed("cpu", "µs", 0)],
  ["CORS preflights per call (after the first)", (c) => fmt(median(samples[c.id].preflights), 2)],
  ["requests per call", (c) => fmt(median(samples[c.id].requests), 2)],
];
const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
const table = [
  `Benchmark of ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC: ${runs} runs, ${os.cpus().length}× ${os.cpus()[0].model.trim()}, ` +
    `load average at the end ${load}; headless Chromium ${browser.version()}, the fake Cognito on loopback.`,
  `Each cell: the median (interquartile range) over the runs; in bold, the median of the per-run ratios to raw fetch.`,
  `Peers: @aws-amplify/core ${version("@aws-amplify/core")} + @aws-amplify/auth ${version("@aws-amplify/auth")}, ` +
    `amazon-cognito-identity-js ${version("amazon-cognito-identity-js")}, @aws-sdk/client-cognito-identity-provider ${version("@aws-sdk/client-cognito-identity-provider")}.`,
  "",
  `| measure | ${contenders.map((c) => c.label).join(" | ")} |`,
  `| --- | ${contenders.map(() => "---").join(" | ")} |`,
  ...ROWS.map(([name, cell]) => `| ${name} | ${contenders.map(cell).join(" | ")} |`),
].join("\n");
fs.writeFileSync(path.join(OUT, "results.md"), table + "\n");
const run = {
  date: new Date().toISOString(),
  runs,
  bytes: Object.fromEntries(contenders.map((c) => [c.id, c.bytes])),
  labels: Object.fromEntries(contenders.map((c) => [c.id, c.label])),
  samples,
};
fs.writeFileSync(path.join(OUT, "results.json"), JSON.stringify(run, null, 1));
fs.writeFileSync(path.join(OUT, "results.svg"), chart(run));
console.log(table);
