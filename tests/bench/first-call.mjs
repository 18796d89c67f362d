// The cold path without the network: in a fresh Node process each time,
// import the package's Node entry and await its first buildRequest (the
// module read from disk, compiled, instantiated, and prepare run for the
// first time, with the driver's first run). Packages given as directories
// are measured interleaved, so the machine's load moves them alike. Not a
// test; prints the median and the interquartile range per package.
//
//   node tests/bench/first-call.mjs [--samples N] PKG_DIR...
import { execFileSync } from "node:child_process";
import path from "node:path";

const args = process.argv.slice(2);
const at = args.indexOf("--samples");
const samples = at < 0 ? 25 : Number(args.splice(at, 2)[1]);
const dirs = args.map((d) => path.resolve(d));
const probe = (dir) => `
  const t = performance.now();
  const m = await import(${JSON.stringify(path.join(dir, "index.node.js"))});
  await m.buildRequest("confirmSignUp", { username: "alice", confirmationCode: "123456" },
    { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1" });
  console.log(performance.now() - t);`;
const times = dirs.map(() => []);
for (let i = 0; i < samples; i++) {
  dirs.forEach((dir, j) => {
    times[j].push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", probe(dir)], { encoding: "utf8" })));
  });
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];
dirs.forEach((dir, j) => {
  const t = times[j];
  console.log(`${dir}: ${q(t, 0.5).toFixed(2)} ms (${q(t, 0.25).toFixed(2)}–${q(t, 0.75).toFixed(2)}), ${samples} samples`);
});
const ratios = times[0].map((t, i) => times[1]?.[i] / t).filter(Number.isFinite);
if (ratios.length) console.log(`second / first, median of the per-sample ratios: ${q(ratios, 0.5).toFixed(3)}`);
