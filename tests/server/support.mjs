// What the server tests share: the vectors, a handler served by a real Node
// server, a raw HTTP client, and a log that records every line.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { secretHashHandler, toNodeListener } from "../../js/server.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const VECTORS = JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "data", "secret_hash_vectors.json"), "utf8"));
export const CLIENT_ID = VECTORS[0].clientId;
export const CLIENT_SECRET = VECTORS[0].clientSecret;
export const ORIGIN = "https://app.example";

/** Every line logged through the `log` option, and through console.*. */
export function captureLogs() {
  const lines = [];
  const saved = {};
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    saved[level] = console[level];
    console[level] = (...args) => lines.push(args.map(String).join(" "));
  }
  return {
    lines,
    log: (line) => lines.push(line),
    restore: () => Object.assign(console, saved),
  };
}

/** A handler for ORIGIN with the vectors' client, options overridden by `extra`. */
export function handler(extra = {}) {
  return secretHashHandler({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, origins: [ORIGIN], ...extra });
}

/** Serves `handle` on a free loopback port through toNodeListener; `{ port, close() }`. */
export const serve = (handle) => serveListener(toNodeListener(handle));

/** Serves a node:http listener (an Express app, say) on a free loopback port; `{ port, close() }`. */
export async function serveListener(listener) {
  const server = http.createServer(listener);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: server.address().port,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  };
}

/** A raw HTTP request; resolves to `{ status, headers, body }` (a reset rejects). */
export function ask(port, { method = "POST", path: p = "/", headers = {}, body, localAddress } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: p, headers: { Host: "app.example", ...headers }, localAddress, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A page of ORIGIN asking with fetch(): the headers a browser sends. */
export const fromPage = (extra = {}) => ({
  Origin: ORIGIN,
  "Sec-Fetch-Site": "same-origin",
  "Sec-Fetch-Mode": "cors",
  "Content-Type": "application/json",
  ...extra,
});

/** POSTs `{ username }` as the page would. */
export const hashOf = (port, username, extra = {}) =>
  ask(port, { headers: fromPage(extra.headers), body: JSON.stringify({ username }), localAddress: extra.localAddress });

/** A web-platform Request from the page, for calling a handler directly. */
export const pageRequest = (body, headers = {}) =>
  new Request(`${ORIGIN}/api/secret-hash`, { method: "POST", headers: fromPage(headers), body: typeof body === "string" ? body : JSON.stringify(body) });
