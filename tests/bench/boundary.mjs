// The boundary alone: the same warm prepare + judge of a ConfirmSignUp through
// wasm-bindgen's generated glue (pkg/cognito_confirm.js, not shipped) and
// through the package's js/abi.js, each on its own instance of the built
// module, interleaved in one Node process. Not a test; prints µs per pair.
//
//   node tests/bench/boundary.mjs [rounds]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
const compiled = new WebAssembly.Module(fs.readFileSync(path.join(PKG, "cognito_confirm_bg.wasm")));
const glue = await import(path.join(PKG, "cognito_confirm.js"));
const abi = await import(path.join(PKG, "abi.js"));
glue.initSync({ module: compiled });
abi.start(compiled);

const args = JSON.stringify({
  input: { username: "alice", confirmationCode: "123456" },
  config: { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1" },
});
const pair = (step) => {
  step(0, args, undefined, 0, 0, -1, undefined, undefined, undefined, 0);
  step(0, args, undefined, 0, 0, 200, undefined, "req-1", "{}", 0.5);
};
const time = (step, n) => {
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) pair(step);
  return Number(process.hrtime.bigint() - t) / n / 1000;
};
const rounds = Number(process.argv[2]) || 15;
for (const step of [glue.step, abi.step]) time(step, 2000); // warm both
const results = { glue: [], abi: [] };
for (let r = 0; r < rounds; r++) {
  results.glue.push(time(glue.step, 2000));
  results.abi.push(time(abi.step, 2000));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const ratios = results.abi.map((a, i) => a / results.glue[i]);
console.log(`prepare + judge, µs per pair, median of ${rounds} rounds of 2000:`);
console.log(`  wasm-bindgen glue ${median(results.glue).toFixed(2)}, js/abi.js ${median(results.abi).toFixed(2)}, abi/glue ${median(ratios).toFixed(3)}`);
