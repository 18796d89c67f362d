// Scratch variants of the package for `bench.mjs --prototypes`: each is a copy
// of pkg/ under target/bench/ with one change, bundled and measured like the
// package itself. The package's own files (js/, src/) are not touched; a
// variant that measures well is a recommendation, written up in docs/performance.md.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Copies pkg/ to target/bench/<id>/pkg and applies `edits`: { file: [[from, to], …] }.
function variant(PKG, OUT, id, edits, wasm) {
  const dir = path.join(OUT, id, "pkg");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(PKG)) fs.copyFileSync(path.join(PKG, f), path.join(dir, f));
  for (const [file, pairs] of Object.entries(edits)) {
    let text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const [from, to] of pairs) {
      if (!text.includes(from)) throw new Error(`prototype ${id}: ${file} no longer has ${JSON.stringify(from)}`);
      text = text.replace(from, to);
    }
    fs.writeFileSync(path.join(dir, file), text);
  }
  if (wasm) {
    // Another module: the entry's integrity (docs/security.md) names its digest instead.
    const bytes = fs.readFileSync(wasm);
    fs.writeFileSync(path.join(dir, "cognito_confirm_bg.wasm"), bytes);
    const { integrity } = JSON.parse(fs.readFileSync(path.join(PKG, "integrity.json"), "utf8"))["cognito_confirm_bg.wasm"];
    const entry = path.join(dir, "index.js");
    const text = fs.readFileSync(entry, "utf8");
    if (!text.includes(integrity)) throw new Error(`prototype ${id}: index.js does not hold ${integrity}`);
    fs.writeFileSync(entry, text.replace(integrity, "sha384-" + crypto.createHash("sha384").update(bytes).digest("base64")));
  }
  return dir;
}

// The same module with its function names kept (as scripts/twiggy.sh builds
// it), so that a CPU profile names the Rust functions. For --profile only.
function namedWasm(ROOT, OUT) {
  const out = path.join(OUT, "named");
  fs.mkdirSync(out, { recursive: true });
  const env = { ...process.env, PATH: `${process.env.HOME}/.cargo/bin:${ROOT}/node_modules/.bin:${process.env.PATH}` };
  const built = path.join(ROOT, "target/wasm32-unknown-unknown/release/cognito_confirm.wasm");
  execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", out, built], { env });
  execFileSync("wasm-opt", ["-Oz", "-g", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
    "--enable-mutable-globals", "--enable-reference-types", path.join(out, "cognito_confirm_bg.wasm"), "-o", path.join(out, "named.wasm")], { env });
  return path.join(out, "named.wasm");
}

export function prototypes({ ROOT, PKG, OUT, oursEntry, profiling }) {
  const list = [];
  const add = (id, label, edits, wasm, extra = {}) => {
    const dir = variant(PKG, OUT, id, edits, wasm);
    list.push({ id, label, entry: oursEntry(dir), wasm: path.join(dir, "cognito_confirm_bg.wasm"), ...extra });
  };
  if (profiling) add("named", "cognito-confirm, names kept", {}, namedWasm(ROOT, OUT));
  // A: the module starts loading when the page is next idle after the import
  // (a side effect at import time: what "nothing at import time" rules out).
  add("idleImport", "proto A: load on idle after import", {
    "bind.js": [[`  return { ready, ...calls(core) };`, `  (globalThis.requestIdleCallback ?? setTimeout)(() => load().catch(() => {}));
  return { ready, ...calls(core) };`]],
  });
  // B: ready() as it was before it ran both steps once (the package now does,
  // prototype B of the first run): what the warm-up buys, in the same run.
  add("coldReady", "proto B: ready() without the warm-up", {
    "bind.js": [[`  return { ready, ...calls(core) };`, `  return { ready: load, ...calls(core) };`]],
  });
  // C: the package unchanged; the page names the .wasm in a
  // <link rel="preload" as="fetch" crossorigin> next to its script, so that
  // the browser fetches it while the script loads (the cold rows insert both).
  add("linkPreload", "proto C: page preloads the .wasm", {}, undefined, { linkPreload: true });
  return list;
}
