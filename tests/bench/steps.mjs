// The module's two steps of the benchmark's call (a ConfirmSignUp to a custom
// endpoint, answered with a Session), timed in V8's baseline tier: where the
// benchmark's warm row runs them, since V8 optimises a function only after
// about 13 MB of its own code has run. Each package directory's js/abi.js
// and .wasm get the arguments its own driver writes for that call (fetch
// stubbed, as the warm row does), then the steps alone are timed,
// interleaved across the directories; the best of the rounds, in µs per
// step, and each one's ratio to the first directory. Not a test.
//
//   node --no-wasm-tier-up tests/bench/steps.mjs [PKG_DIR...]   (default: pkg/)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

if (!process.execArgv.includes("--no-wasm-tier-up")) {
  console.error("run with node --no-wasm-tier-up: the steps in the baseline tier, as the warm row runs them");
  process.exit(2);
}
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dirs = process.argv.slice(2).map((d) => path.resolve(d));
if (!dirs.length) dirs.push(path.join(ROOT, "pkg"));

const answer = '{"Session":"' + "s".repeat(64) + '"}';
globalThis.fetch = async () =>
  new Response(answer, { status: 200, headers: { "x-amzn-RequestId": "1c2d3e4f-0000-4000-8000-000000000000" } });

const packages = [];
for (const dir of dirs) {
  const abi = await import(path.join(dir, "abi.js"));
  const { calls, OUTCOME_PREPARE } = await import(path.join(dir, "driver.js"));
  abi.start(new WebAssembly.Module(fs.readFileSync(path.join(dir, "cognito_confirm_bg.wasm"))));
  // What the driver hands the module for the call: [kind, args, provided, page, state, outcome, errorType, requestId, body, random].
  const seen = [];
  const step = (...a) => (seen.push(a), abi.step(...a));
  // The core as js/bind.js builds it, written out rather than driver.js's `stepsOf`: older packages have none.
  const api = calls({
    prepare: (kind, args, provided, page, data) => step(kind, args, provided, page, 0, OUTCOME_PREPARE, undefined, undefined, data, 0),
    judge: (kind, args, provided, state, outcome, errorType, requestId, body, random) =>
      step(kind, args, provided, 0, state, outcome, errorType, requestId, body, random),
  });
  const config = { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: "http://127.0.0.1:1/" };
  await api.confirmSignUp({ username: "alice", confirmationCode: "123456" }, config);
  const [prepare, judge] = seen;
  if (seen.length != 2 || !abi.step(...judge).startsWith('{"ok"')) throw new Error(`${dir}: not the two steps of a success`);
  packages.push({ dir, abi, prepare, judge, best: { prepare: Infinity, judge: Infinity } });
}

const N = 2000;
for (let round = 0; round < 15; round++) {
  for (const p of packages) {
    for (const which of ["prepare", "judge"]) {
      const a = p[which];
      const start = process.hrtime.bigint();
      for (let i = 0; i < N; i++) p.abi.step(...a);
      p.best[which] = Math.min(p.best[which], Number(process.hrtime.bigint() - start) / N / 1000);
    }
  }
}
const [first] = packages;
for (const p of packages) {
  const cell = (which) => `${which} ${p.best[which].toFixed(2)} µs (${(p.best[which] / first.best[which]).toFixed(2)})`;
  console.log(`${path.relative(process.cwd(), p.dir) || "."}: ${cell("prepare")}, ${cell("judge")}`);
}
