// The demo: cognito-local with a user pool ready, the confirmation page, and
// the small backend a real site would have.
//
// The backend part is the pattern to copy: the app client's secret stays on
// the server, and the page asks `POST /api/secret-hash` for the SecretHash of
// the username it is about to send. (A production backend would also check
// that the caller may act for that username and rate-limit the endpoint.)
//
// Environment: DEMO_PORT (default 8080), COGNITO_PORT (default 9229); either
// falls back to a free port when taken. DEMO_STATE_DIR (default .demo/) keeps
// the emulator's database and the pool's ids between runs.

import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ensurePool, freePort, pendingCode, startEmulator } from "./emulator.mjs";

const WWW = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(WWW, "..");
const PKG = path.join(ROOT, "pkg");
const STATE = path.resolve(process.env.DEMO_STATE_DIR ?? path.join(ROOT, ".demo"));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

const log = (...a) => console.log("[demo]", ...a);

// Shows cognito-local's "Confirmation Code Delivery" boxes, keeps the rest in a log file.
fs.mkdirSync(STATE, { recursive: true });
const emulatorLog = fs.createWriteStream(path.join(STATE, "cognito-local.log"), { flags: "a" });
function onEmulatorOutput(text) {
  emulatorLog.write(text);
  if (text.includes("Confirmation Code Delivery")) {
    const lines = text.split("\n").filter((l) => /Username:|Destination:|Code:/.test(l));
    log("cognito-local sent a code:", lines.map((l) => l.replace(/[│\s]+/g, " ").trim()).join(" | "));
  }
}

const emulatorPort = await freePort(Number(process.env.COGNITO_PORT ?? 9229));
const emulator = await startEmulator({ dir: STATE, port: emulatorPort, onOutput: onEmulatorOutput });
emulator.child.on("exit", (code, signal) => log(`cognito-local stopped (${signal ?? code}); the page will show network errors`));
const pool = await ensurePool(emulator.endpoint, STATE);

function secretHash(username) {
  return crypto.createHmac("sha256", pool.clientSecret).update(username + pool.clientId, "utf8").digest("base64");
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on("data", (c) => {
      size += c.length;
      if (size > 16384) req.destroy();
      else chunks.push(c);
    });
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"));
      } catch (e) {
        reject(e);
      }
    });
    req.on("error", reject);
  });
}

function send(res, status, type, body) {
  res.writeHead(status, {
    "Content-Type": type,
    "Cache-Control": "no-cache",
    // What a page that uses the package needs: 'wasm-unsafe-eval' to compile the module,
    // connect-src for Cognito's endpoint. No 'unsafe-inline', no 'unsafe-eval'.
    "Content-Security-Policy": `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${emulator.endpoint.replace(/\/$/, "")}; style-src 'self'; img-src 'self' data:`,
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
}

const json = (res, status, value) => send(res, status, "application/json", JSON.stringify(value));

function serveFile(res, base, rel) {
  const file = path.resolve(base, "." + rel);
  if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return send(res, 404, "text/plain", "not found");
  }
  send(res, 200, TYPES[path.extname(file)] ?? "application/octet-stream", fs.readFileSync(file));
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://demo");
  try {
    if (req.method === "GET" && url.pathname === "/config.json") {
      // Everything the page needs, and not the client secret.
      return json(res, 200, { userPoolId: pool.userPoolId, clientId: pool.clientId, endpoint: emulator.endpoint });
    }
    if (req.method === "POST" && url.pathname === "/api/secret-hash") {
      const { username } = await readJson(req);
      if (typeof username !== "string" || !username) return json(res, 400, { error: "username is required" });
      return json(res, 200, { secretHash: secretHash(username) });
    }
    if (req.method === "GET" && url.pathname === "/api/demo/code") {
      // Demo only: a real site emails or texts the code. Here it is in cognito-local's database.
      return json(res, 200, { code: pendingCode(STATE, pool.userPoolId, url.searchParams.get("username") ?? "") });
    }
    if (req.method !== "GET") return send(res, 405, "text/plain", "method not allowed");
    if (url.pathname.startsWith("/pkg/")) return serveFile(res, PKG, url.pathname.slice(4));
    return serveFile(res, WWW, url.pathname === "/" ? "/index.html" : url.pathname);
  } catch (e) {
    return json(res, 400, { error: String(e.message ?? e) });
  }
});

const pagePort = await freePort(Number(process.env.DEMO_PORT ?? 8080));
server.listen(pagePort, "127.0.0.1", () => {
  log(`cognito-local: ${emulator.endpoint} (state in ${path.relative(ROOT, STATE) || "."}/)`);
  log(`user pool ${pool.userPoolId}, app client ${pool.clientId} (with a client secret, kept on this server)`);
  log(`confirmation codes appear here and in ${path.relative(ROOT, path.join(STATE, ".cognito", "db", pool.userPoolId + ".json"))}`);
  log(`open http://127.0.0.1:${pagePort}/`);
  log("press Ctrl-C to stop");
});

function stop() {
  log("stopping");
  emulator.child.kill();
  server.close();
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 200).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
