// A page for the probe build of the package (target/pkg-probe, built by
// scripts/test.sh with the `panic-probe` feature): `/` is an empty page, and
// every other path is that file of the package. `beforeWasm`, when given, is
// awaited before the .wasm is answered (a stalled download).

import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PROBE_PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../target/pkg-probe");

/** Resolves to `{ url, close() }`; `url` ends with a slash. */
export async function serveProbePackage(title, beforeWasm = async () => {}) {
  assert.ok(fs.existsSync(path.join(PROBE_PKG, "driver.js")), "build the probe package first (scripts/test.sh does)");
  const server = http.createServer(async (req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "Content-Type": "text/html" });
      return res.end(`<!doctype html><title>${title}</title>`);
    }
    const file = path.join(PROBE_PKG, path.basename(req.url));
    if (!fs.existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    if (file.endsWith(".wasm")) await beforeWasm();
    res.writeHead(200, { "Content-Type": file.endsWith(".wasm") ? "application/wasm" : "text/javascript" });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
