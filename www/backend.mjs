// The page's backend: the part of the demo to copy.
//
// It serves the page's own files and one endpoint that matters,
// `POST /api/secret-hash`, which returns the SecretHash of a username so that
// the app client's secret never reaches the browser. That endpoint is public
// by nature: the people who call it have not signed in yet (they are signing
// up or confirming), so it cannot be tied to a session, and anyone who can
// reach it gets hashes (README, "Client secrets"). What it can do, it does here:
//
// - answer only its own pages: the `Host` header must name this server (a
//   DNS-rebinding page reaches 127.0.0.1 under another name), a POST must come
//   from this origin (`Origin`, and `Sec-Fetch-Site` where the browser sends
//   it), so another site's form or script gets nothing;
// - take JSON only, and at most 16 KiB of it (413 beyond, never a reset);
// - limit each client's rate (a token bucket per address: 429 and Retry-After);
// - check the username as Cognito would before hashing it;
// - never put internal error text in an answer: every refusal is a fixed sentence;
// - serve the page's files by name, nothing else from the disk, with a CSP
//   that forbids framing, `<base>` and form posts to elsewhere.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
  "/pkg/cognito_confirm.js": [path.join(PKG, "cognito_confirm.js"), "text/javascript; charset=utf-8"],
  "/pkg/cognito_confirm_bg.wasm": [path.join(PKG, "cognito_confirm_bg.wasm"), "application/wasm"],
  // The <cognito-sign-up> element: its define entry and the modules it imports.
  ...Object.fromEntries(
    ["define.js", "element.js", "strings.js", "css.js"].map((f) => [`/pkg/element/${f}`, [path.join(PKG, "element", f), "text/javascript; charset=utf-8"]]),
  ),
};

export const MAX_BODY = 16 * 1024;
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;

/** A token bucket per client address: `burst` requests at once, refilled at `perMinute`. */
export function rateLimiter({ burst = 30, perMinute = 60, maxClients = 10000 } = {}) {
  const clients = new Map(); // address -> { tokens, at }
  return (address, now = Date.now()) => {
    let c = clients.get(address);
    if (!c) {
      // Bounded memory: when full, forget the clients seen longest ago (Map keeps insertion order).
      if (clients.size >= maxClients) clients.delete(clients.keys().next().value);
      c = { tokens: burst, at: now };
    }
    clients.delete(address);
    clients.set(address, c);
    c.tokens = Math.min(burst, c.tokens + ((now - c.at) * perMinute) / 60000);
    c.at = now;
    if (c.tokens >= 1) {
      c.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - c.tokens) * 60) / perMinute); // seconds until the next token
  };
}

/**
 * The request handler.
 * - `config`: what the page may know: `{ userPoolId, clientId, endpoint? }` (no secret).
 * - `clientSecret`: the app client's secret, or undefined for a client without one.
 * - `connectSrc`: Cognito's origin, for the CSP.
 * - `pendingCode(username)`: demo only (the emulator), the code waiting for `username`.
 * - `rate`: options of `rateLimiter`.
 */
export function createBackend({ config, clientSecret, connectSrc, pendingCode, rate }) {
  const limited = rateLimiter(rate);
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

  /** The body as JSON, or the refusal already sent (returns undefined). */
  function readJson(req, res) {
    return new Promise((resolve) => {
      const tooLarge = () => {
        // Answer, then close the connection: what is left of the body is not read.
        refuse(res, 413, `the body is larger than ${MAX_BODY} bytes`, { Connection: "close" });
        resolve(undefined);
      };
      if (Number(req.headers["content-length"]) > MAX_BODY) return tooLarge();
      const chunks = [];
      let size = 0;
      let done = false;
      req.on("data", (c) => {
        if (done) return;
        size += c.length;
        if (size > MAX_BODY) {
          done = true;
          return tooLarge();
        }
        chunks.push(c);
      });
      req.on("end", () => {
        if (done) return;
        done = true;
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch {
          refuse(res, 400, "the body is not JSON");
          resolve(undefined);
        }
      });
      req.on("error", () => {
        done = true;
        resolve(undefined);
      });
    });
  }

  function secretHash(username) {
    return crypto.createHmac("sha256", clientSecret).update(username + config.clientId, "utf8").digest("base64");
  }

  const api = {
    "/api/secret-hash": clientSecret && (({ username }) => ({ secretHash: secretHash(username) })),
    "/api/demo/code": pendingCode && (({ username }) => ({ code: pendingCode(username) ?? null })),
  };

  /** `handle(req, res, port)`: `port` is the one the server listens on, for the Host check. */
  return async function handle(req, res, port) {
    try {
      const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      const host = req.headers.host;
      if (!hosts.includes(host)) return refuse(res, 421, "this server answers only as 127.0.0.1 or localhost");
      const url = new URL(req.url, `http://${host}`);

      if (url.pathname.startsWith("/api/")) {
        const handler = api[url.pathname];
        if (!handler) return refuse(res, 404, "no such endpoint");
        if (req.method !== "POST") return refuse(res, 405, "use POST", { Allow: "POST" });
        const site = req.headers["sec-fetch-site"];
        if (req.headers.origin !== `http://${host}` || (site !== undefined && site !== "same-origin")) {
          return refuse(res, 403, "only this site's pages may call this endpoint");
        }
        if ((req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase() !== "application/json") {
          return refuse(res, 415, "send application/json");
        }
        const wait = limited(req.socket.remoteAddress);
        if (wait) return refuse(res, 429, "too many requests: try again later", { "Retry-After": String(wait) });
        const body = await readJson(req, res);
        if (body === undefined) return;
        if (typeof body?.username !== "string" || !USERNAME.test(body.username)) {
          return refuse(res, 400, "username must be 1 to 128 letters, digits, marks, symbols or punctuation");
        }
        return json(res, 200, handler(body));
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
