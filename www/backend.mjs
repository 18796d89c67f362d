// The page's backend.
//
// It serves the page's own files and one endpoint that matters,
// `POST /api/secret-hash`, which returns the SecretHash of a username so that
// the app client's secret never reaches the browser. That endpoint is the
// package's own, `cognito-confirm/server` (docs/server.md): Host and Origin
// checks, JSON only, 413, a rate limit per client, the username checked as
// Cognito would, fixed sentences for every refusal. Nothing of it is copied
// here: a copy that drops one check is an open hash oracle.
//
// What this file adds is the demo's: the page's files, served by name and
// nothing else from the disk, with a CSP that forbids framing, `<base>` and
// form posts to elsewhere; `/config.json`; and, with the emulator,
// `/api/demo/code`, which shows the code waiting for a username after the same
// checks as the SecretHash endpoint.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The package's endpoint, as a user installs it (the demo serves pkg/ too).
import { secretHashHandler, toNodeListener } from "../pkg/server.js";

const WWW = path.dirname(fileURLToPath(import.meta.url));
const PKG = path.resolve(WWW, "..", "pkg");

/** What the server serves: a path, its file and type. Everything else is 404. */
const FILES = {
  "/": [path.join(WWW, "index.html"), "text/html; charset=utf-8"],
  "/app.js": [path.join(WWW, "app.js"), "text/javascript; charset=utf-8"],
  "/style.css": [path.join(WWW, "style.css"), "text/css; charset=utf-8"],
  // The package as a page loads it: its entry, the modules it imports and the .wasm.
  "/pkg/index.js": [path.join(PKG, "index.js"), "text/javascript; charset=utf-8"],
  "/pkg/bind.js": [path.join(PKG, "bind.js"), "text/javascript; charset=utf-8"],
  "/pkg/driver.js": [path.join(PKG, "driver.js"), "text/javascript; charset=utf-8"],
  "/pkg/abi.js": [path.join(PKG, "abi.js"), "text/javascript; charset=utf-8"],
  "/pkg/cognito_confirm_bg.wasm": [path.join(PKG, "cognito_confirm_bg.wasm"), "application/wasm"],
  // The <cognito-sign-up> element: its define entry and the modules it imports.
  ...Object.fromEntries(
    ["define.js", "element.js", "strings.js", "css.js"].map((f) => [`/pkg/element/${f}`, [path.join(PKG, "element", f), "text/javascript; charset=utf-8"]]),
  ),
};

/**
 * The request handler.
 * - `config`: what the page may know: `{ userPoolId, clientId, endpoint? }` (no secret).
 * - `clientSecret`: the app client's secret, or undefined for a client without one.
 * - `connectSrc`: Cognito's origin, for the CSP.
 * - `pendingCode(username)`: demo only (the emulator), the code waiting for `username`.
 * - `port`: the port the server listens on: the page's origins and the Host check.
 * - `limit`: the endpoint's rate limit (requests per client per `duration` seconds).
 */
export function createBackend({ config, clientSecret, connectSrc, pendingCode, port, limit = { points: 30, duration: 60 } }) {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const secretHash =
    clientSecret &&
    secretHashHandler({
      clientId: config.clientId,
      clientSecret,
      origins: hosts.map((h) => `http://${h}`),
      limit,
      log: (line) => console.error("[demo]", line),
    });
  /** The emulator's code for a username, asked like a SecretHash: the same checks, the same limit. */
  const demoCode = async (request, info) => {
    const checked = await secretHash(request.clone(), info);
    if (checked.status !== 200) return checked;
    const { username } = await request.json();
    return Response.json({ code: pendingCode(username) ?? null }, { headers: { "Cache-Control": "no-store" } });
  };
  const api = {
    "/api/secret-hash": secretHash && toNodeListener(secretHash),
    "/api/demo/code": secretHash && pendingCode && toNodeListener(demoCode),
  };
  const csp = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' compiles the package's module; no 'unsafe-inline', no 'unsafe-eval'.
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src 'self' ${connectSrc}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");

  function send(res, status, type, body, extra = {}) {
    res.writeHead(status, {
      "Content-Type": type,
      "Cache-Control": "no-store",
      "Content-Security-Policy": csp,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Resource-Policy": "same-origin",
      ...extra,
    });
    res.end(body);
  }
  const json = (res, status, value, extra) => send(res, status, "application/json", JSON.stringify(value), extra);
  const refuse = (res, status, error, extra) => json(res, status, { error }, extra);

  return async function handle(req, res) {
    try {
      const host = req.headers.host;
      if (!hosts.includes(host)) return refuse(res, 421, "this server answers only as 127.0.0.1 or localhost");
      const url = new URL(req.url, `http://${host}`);

      if (url.pathname.startsWith("/api/")) {
        const endpoint = api[url.pathname];
        return endpoint ? endpoint(req, res) : refuse(res, 404, "no such endpoint");
      }

      if (req.method !== "GET" && req.method !== "HEAD") return refuse(res, 405, "use GET", { Allow: "GET, HEAD" });
      if (url.pathname === "/config.json") return json(res, 200, config);
      const file = FILES[url.pathname === "/index.html" ? "/" : url.pathname];
      if (!file) return refuse(res, 404, "not found");
      const [name, type] = file;
      return send(res, 200, type, req.method === "HEAD" ? undefined : fs.readFileSync(name));
    } catch (e) {
      // Logged here, never answered: internal text can name files and state.
      console.error("[demo] internal error:", e?.code ?? e?.name ?? "unknown");
      if (!res.headersSent) refuse(res, 500, "something went wrong on the server");
      else res.destroy();
    }
  };
}
