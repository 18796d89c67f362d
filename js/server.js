// cognito-confirm/server: the SecretHash endpoint, to install rather than copy.
//
// A page that signs up users of an app client with a secret needs each
// username's SecretHash, and the secret must stay on a server. This module is
// that server's endpoint: `POST {"username"}` as JSON answers
// `200 {"secretHash"}`. The endpoint is public by nature (its callers have not
// signed in yet), so anyone who can reach it gets hashes; what it can do
// against abuse, it does, in this order, cheapest first:
//
// 1. `Host` must name this server (421): a DNS-rebinding page reaches it under
//    another name.
// 2. Only `POST` (405), and a CORS preflight from an allowed origin (204).
// 3. `Origin` must be one of `origins` (403); `Sec-Fetch-Site`, where the
//    browser sends it, must say a page made the call (not `none`), and
//    `Sec-Fetch-Mode` must be a script's fetch, not a form's navigation (403).
// 4. JSON only (415): a form can send only other types without a preflight.
// 5. The client's rate (429 with Retry-After), counted per address (an IPv6
//    address by its /64) by rate-limiter-flexible: in this process's memory,
//    or in Redis when `store` is given, so that every instance shares one
//    limit. A store that does not answer within STORE_TIMEOUT_MS is a 503:
//    the endpoint fails closed, it never hashes unlimited.
// 6. At most `maxBody` bytes (413), JSON (400), a username by the API model's
//    rules (400).
//
// Built on the web platform's Request and Response (Node.js 20, serverless
// functions, edge workers); `toNodeListener` adapts it to `http.createServer`.
// Every refusal is a fixed sentence: no parser text, secret, hash or username
// reaches an answer or a log line.

import RateLimiterMemory from "rate-limiter-flexible/lib/RateLimiterMemory.js";
import RateLimiterRedis from "rate-limiter-flexible/lib/RateLimiterRedis.js";

/** How long the body may take to arrive before the request is refused with 408: a stalled client holds nothing for ever. */
const BODY_TIMEOUT_MS = 10_000;
/** How long the shared store may take before the request is refused with 503. */
const STORE_TIMEOUT_MS = 500;
/** While the store is stalled, how often one request still asks it. */
const STALL_PROBE_MS = 5000;
const DEFAULT_LIMIT = { points: 30, duration: 60 };
const thenOf = Promise.prototype.then;
const DEFAULT_MAX_BODY = 16 * 1024;
/**
 * The longest window of the memory store, in seconds: it times each window
 * with setTimeout, whose delay overflows past 2^31 - 1 ms (the limit would
 * then count nothing). Redis keeps windows by TTL, without this bound.
 */
const MAX_MEMORY_DURATION = Math.floor((2 ** 31 - 1) / 1000);
/** The rate-limit key of every request whose address is unknown: one shared limit, never none. */
const UNKNOWN_CLIENT = "unknown";
/** `UsernameType` of the API model: 1 to 128 letters, marks, symbols, numbers or punctuation. */
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;
/** `ClientIdType` of the API model. */
const CLIENT_ID = /^[\w+]{1,128}$/;
const OPTIONS = ["clientId", "clientSecret", "origins", "hosts", "limit", "store", "maxBody", "trustProxy", "log"];

/** Every refusal: its status and its fixed sentence. */
const REFUSALS = {
  host: [421, "this endpoint does not answer under this host name"],
  method: [405, "use POST"],
  origin: [403, "only the allowed sites' pages may call this endpoint"],
  type: [415, "send application/json"],
  rate: [429, "too many requests: try again later"],
  store: [503, "the rate limit cannot be checked right now: try again later"],
  size: [413, "the body is too large"],
  json: [400, "the body is not JSON"],
  cut: [400, "the body was cut off"],
  slow: [408, "the body did not arrive in time"],
  username: [400, "username must be 1 to 128 letters, digits, marks, symbols or punctuation"],
  internal: [500, "something went wrong on the server"],
};

const BASE_HEADERS = {
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
};

/** The store clients given an 'error' listener already (one each, however many handlers share them). */
const guarded = new WeakSet();

/** The option error: names the option and what it must be, never a secret. */
const optionError = (name, must) => new TypeError(`secretHashHandler: \`${name}\` must be ${must}`);

/** `origins` as a set of normalised origins ("https://app.example"). */
function readOrigins(origins) {
  const must = 'a non-empty array of origins such as "https://app.example" (scheme, host and port only)';
  if (!Array.isArray(origins) || origins.length === 0) throw optionError("origins", must);
  return new Set(
    origins.map((o) => {
      let url;
      try {
        url = typeof o === "string" ? new URL(o) : undefined;
      } catch {
        // reported below
      }
      const bare = url && (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
      if (!bare || url.pathname !== "/" || url.search || url.hash || o.endsWith("#") || o.endsWith("?")) {
        throw optionError("origins", `${must}; got ${JSON.stringify(String(o)).slice(0, 100)}`);
      }
      return url.origin;
    }),
  );
}

/** `hosts` (or the origins' hosts) as a set of normalised hosts ("app.example", "127.0.0.1:8080"). */
function readHosts(hosts, origins) {
  if (hosts === undefined) return new Set([...origins].map((o) => withoutDefaultPort(new URL(o).host)));
  const must = 'a non-empty array of host names, with a port when not the default ("api.example", "127.0.0.1:8080")';
  if (!Array.isArray(hosts) || hosts.length === 0) throw optionError("hosts", must);
  return new Set(
    hosts.map((h) => {
      let url;
      try {
        url = typeof h === "string" && /^[\w.:[\]-]+$/.test(h) ? new URL(`http://${h}`) : undefined;
      } catch {
        // reported below
      }
      const host = url?.host;
      // The default port is left out of `host`: "app.example:80" means "app.example".
      if (!host || (host !== h.toLowerCase() && `${host}:80` !== h.toLowerCase())) {
        throw optionError("hosts", `${must}; got ${JSON.stringify(String(h)).slice(0, 100)}`);
      }
      return withoutDefaultPort(host);
    }),
  );
}

/**
 * A host without the default ports: "app.example:443" is "app.example", as
 * an https Host header leaves :443 out (and http, :80) while a proxy in
 * front may not.
 */
const withoutDefaultPort = (host) => host.replace(/:(?:80|443)$/, "");

function readLimit(limit) {
  if (limit === undefined) return DEFAULT_LIMIT;
  const must = "{ points, duration }: a positive whole number of requests per client per `duration` whole seconds";
  if (typeof limit !== "object" || limit === null) throw optionError("limit", must);
  const unknown = Object.keys(limit).filter((k) => k !== "points" && k !== "duration");
  if (unknown.length) throw optionError("limit", `${must} (unknown: ${unknown.join(", ")})`);
  const { points = DEFAULT_LIMIT.points, duration = DEFAULT_LIMIT.duration } = limit;
  if (!Number.isSafeInteger(points) || points < 1) throw optionError("limit.points", "a positive whole number");
  if (!Number.isSafeInteger(duration) || duration < 1) throw optionError("limit.duration", "a positive whole number of seconds");
  return { points, duration };
}

/** The limiter: rate-limiter-flexible's memory store, or its Redis store on `store`. */
function makeLimiter(store, { points, duration }, keyPrefix) {
  // Once a key is over its limit, this instance refuses it without asking the
  // store until the window ends: a flood costs the store nothing.
  const common = { points, duration, keyPrefix, inMemoryBlockOnConsumed: points + 1 };
  if (store === undefined) return new RateLimiterMemory({ points, duration, keyPrefix });
  const ioredis = typeof store?.defineCommand === "function" && typeof store?.status === "string";
  const nodeRedis = typeof store?.isReady === "boolean" && typeof store?.eval === "function";
  if (!ioredis && !nodeRedis) throw optionError("store", "a connected node-redis (v4 or later) or ioredis client");
  return new RateLimiterRedis({ ...common, storeClient: store, useRedisPackage: nodeRedis, rejectIfRedisNotReady: true });
}

/** A short, safe word from an error (its code or class name) for a log line: never its message. */
function errorWord(e) {
  for (const word of [e?.code, e?.name]) {
    if (typeof word === "string" && /^[\w.-]{1,40}$/.test(word)) return word;
  }
  return "unknown";
}

/**
 * The rate-limit key of an address: an IPv4 address as it is, an IPv6 one by
 * its /64 (one subscriber's usual allocation: each address of it would
 * otherwise get its own limit), an IPv4-mapped IPv6 one as IPv4.
 */
export function clientKey(address) {
  if (typeof address !== "string") return UNKNOWN_CLIENT;
  let a = address.trim().toLowerCase();
  // With a port, as some proxies write X-Forwarded-For ("192.0.2.1:443", "[2001:db8::1]:443").
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(a) ?? /^(\[[^\]]*\]):\d{1,5}$/.exec(a);
  if (withPort) a = withPort[1];
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  a = a.replace(/%.*$/, ""); // an IPv6 zone
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped) a = mapped[1];
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(a)) return a;
  if (/^[0-9a-f:.]{2,45}$/.test(a) && a.includes(":")) {
    const [head, tail = undefined, ...more] = a.split("::");
    if (more.length === 0) {
      const left = head ? head.split(":") : [];
      const right = tail ? tail.split(":") : [];
      const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
      const first = groups.slice(0, 4);
      if (first.length === 4 && first.every((g) => /^[0-9a-f]{1,4}$/.test(g))) {
        return `${first.map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
      }
    }
  }
  return UNKNOWN_CLIENT; // not an address: counted with the other unknown ones
}

/**
 * The endpoint: `(request, info?) => Promise<Response>`. See the module's
 * comment for what it refuses, and docs/server.md for the options.
 */
export function secretHashHandler(options) {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("secretHashHandler: pass the options: { clientId, clientSecret, origins, ... }");
  }
  const unknown = Object.keys(options).filter((k) => !OPTIONS.includes(k));
  if (unknown.length) {
    throw new TypeError(`secretHashHandler: unknown option ${unknown.map((k) => `\`${k}\``).join(", ")} (the options are ${OPTIONS.join(", ")})`);
  }
  const { clientId, clientSecret, trustProxy = false, log = (line) => console.warn(line) } = options;
  const store = options.store ?? undefined; // null: no store, as when left out
  if (typeof clientId !== "string" || !CLIENT_ID.test(clientId)) {
    throw optionError("clientId", "the app client's id: 1 to 128 letters, digits, _ or +");
  }
  if (typeof clientSecret !== "string" || clientSecret.length === 0) {
    throw optionError("clientSecret", "the app client's secret, a non-empty string");
  }
  const origins = readOrigins(options.origins);
  const hosts = readHosts(options.hosts, origins);
  const limit = readLimit(options.limit);
  if (store === undefined && limit.duration > MAX_MEMORY_DURATION) {
    throw optionError("limit.duration", `at most ${MAX_MEMORY_DURATION} seconds (about 24 days) without a \`store\``);
  }
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  if (!Number.isSafeInteger(maxBody) || maxBody < 64) throw optionError("maxBody", "a whole number of bytes, at least 64");
  if (trustProxy !== false && !(Number.isSafeInteger(trustProxy) && trustProxy >= 1)) {
    throw optionError("trustProxy", "false, or the number of proxies in front of this server that append to X-Forwarded-For (1 or more)");
  }
  if (typeof log !== "function") throw optionError("log", "a function that takes one line of text");
  if (!globalThis.crypto?.subtle) throw new TypeError("secretHashHandler: this runtime has no Web Crypto (crypto.subtle); Node.js 20 or later has it");

  const limiter = makeLimiter(store, limit, `cognito-confirm:secret-hash:${clientId}`);
  const say = (line) => {
    try {
      // Promise's own `then`, not the returned promise's: one with its own catch or then stays handled.
      thenOf.call(Promise.resolve(log(`[cognito-confirm/server] ${line}`)), undefined, () => {});
    } catch {
      // a logger that throws, or rejects, does not change the answer
    }
  };
  // The store's outages are logged when they start and end, not once per request.
  let storeDown = false;
  const storeFailed = (e) => {
    if (!storeDown) say(`rate-limit store unavailable (${errorWord(e)}): answering 503 until it is back`);
    storeDown = true;
  };
  if (store !== undefined && typeof store.on === "function" && !guarded.has(store)) {
    // A client emits 'error' when its server goes away; with no listener that
    // would end the process. The handler answers 503 meanwhile, and logs it.
    guarded.add(store);
    store.on("error", () => {});
  }

  const encoder = new TextEncoder();
  const key = crypto.subtle.importKey("raw", encoder.encode(clientSecret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  key.catch(() => {}); // awaited (and its failure answered) in each request

  async function secretHash(username) {
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await key, encoder.encode(username + clientId)));
    let binary = "";
    for (const byte of mac) binary += String.fromCharCode(byte);
    return btoa(binary);
  }

  /** The address to limit under: forwarded-for only when `trustProxy` says so. */
  function clientAddress(request, info) {
    if (trustProxy) {
      const hops = (request.headers.get("x-forwarded-for") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (hops.length > 0) return hops[Math.max(0, hops.length - trustProxy)];
    }
    return info?.clientAddress;
  }

  // Since a store call passed its timeout, and until one settles, the store
  // is stalled: a new command would only queue behind the late one in the
  // client, and a flood would grow that queue without bound. One request
  // every STALL_PROBE_MS still asks, so that a command the client never
  // settles cannot keep the endpoint at 503 for good.
  let stalledAt;

  /** Consumes one point: undefined when allowed, else the refusal as [why, extra headers]. */
  async function checkRate(address) {
    if (stalledAt !== undefined) {
      if (Date.now() - stalledAt < STALL_PROBE_MS) return ["store", { "Retry-After": "5" }];
      stalledAt = Date.now();
    }
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => {
        stalledAt ??= Date.now();
        reject(Object.assign(new Error("store timeout"), { code: "ETIMEDOUT" }));
      }, STORE_TIMEOUT_MS);
    });
    const consumed = limiter.consume(clientKey(address));
    // A late failure after the timeout is not an unhandled rejection.
    consumed
      .catch(() => {})
      .finally(() => {
        stalledAt = undefined;
      });
    try {
      await Promise.race([consumed, late]);
      if (storeDown) say("rate-limit store is back");
      storeDown = false;
      return undefined;
    } catch (e) {
      // rate-limiter-flexible rejects with a RateLimiterRes (not an Error) when over the limit.
      if (typeof e?.msBeforeNext === "number" && !(e instanceof Error)) {
        return ["rate", { "Retry-After": String(Math.max(1, Math.ceil(e.msBeforeNext / 1000))) }];
      }
      storeFailed(e);
      return ["store", { "Retry-After": "5" }];
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The body, at most `maxBody` bytes, within BODY_TIMEOUT_MS: a Uint8Array,
   * or the refusal's name ("size", "cut" when the client hung up, "slow").
   */
  async function readBody(request) {
    if (Number(request.headers.get("content-length")) > maxBody) return "size";
    if (!request.body) return new Uint8Array(0);
    const reader = request.body.getReader();
    let timer;
    const slow = new Promise((resolve) => (timer = setTimeout(resolve, BODY_TIMEOUT_MS, "slow")));
    const chunks = [];
    let size = 0;
    try {
      for (;;) {
        let chunk;
        try {
          chunk = await Promise.race([reader.read(), slow]);
        } catch {
          return "cut"; // the client hung up, or its stream failed: not this server's error
        }
        if (chunk === "slow") {
          reader.cancel().catch(() => {});
          return "slow";
        }
        if (chunk.done) break;
        size += chunk.value.byteLength;
        if (size > maxBody) {
          reader.cancel().catch(() => {});
          return "size";
        }
        chunks.push(chunk.value);
      }
    } finally {
      clearTimeout(timer);
    }
    const body = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      body.set(c, at);
      at += c.byteLength;
    }
    return body;
  }

  const decoder = new TextDecoder("utf-8", { fatal: true });

  return async function handle(request, info) {
    // The CORS headers of an allowed origin go on every answer to it.
    let cors = {};
    const answer = (status, value, extra) => new Response(JSON.stringify(value), { status, headers: { ...BASE_HEADERS, ...cors, ...extra } });
    const refuse = (why, extra) => answer(REFUSALS[why][0], { error: REFUSALS[why][1] }, extra);
    try {
      const url = new URL(request.url);
      if (!hosts.has(withoutDefaultPort(url.host))) return refuse("host");
      const origin = request.headers.get("origin");
      const allowed = origin !== null && origins.has(origin);
      // Retry-After exposed: a page of another allowed origin can then read when to ask again.
      if (allowed) cors = { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": "Retry-After", Vary: "Origin" };
      if (request.method === "OPTIONS" && allowed && request.headers.get("access-control-request-method") === "POST") {
        return new Response(null, {
          status: 204,
          headers: {
            ...cors,
            "Access-Control-Allow-Methods": "POST",
            "Access-Control-Allow-Headers": "Content-Type",
            "Access-Control-Max-Age": "600",
            "Cache-Control": "no-store",
          },
        });
      }
      if (request.method !== "POST") return refuse("method", { Allow: "POST" });
      if (!allowed) return refuse("origin");
      // Sec-Fetch-* (sent by current browsers, cannot be set by a page's script):
      // a page made the call ("none" is the user's own navigation), and with a
      // script's fetch ("cors"), not a form's navigation. Which of same-origin,
      // same-site or cross-site is not checked against the Host: a browser says
      // it truthfully, the allowed Origin already says whose page it is, and a
      // proxy that rewrites Host would make a page's own call look foreign.
      const site = request.headers.get("sec-fetch-site");
      if (site !== null && site !== "same-origin" && site !== "same-site" && site !== "cross-site") return refuse("origin");
      const mode = request.headers.get("sec-fetch-mode");
      if (mode !== null && mode !== "cors" && mode !== "same-origin") return refuse("origin");
      const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
      if (type !== "application/json") return refuse("type");

      const limited = await checkRate(clientAddress(request, info));
      if (limited) return refuse(...limited);

      const bytes = await readBody(request);
      if (typeof bytes === "string") return refuse(bytes);
      let body;
      try {
        body = JSON.parse(decoder.decode(bytes));
      } catch {
        return refuse("json");
      }
      const username = body?.username;
      if (typeof username !== "string" || !USERNAME.test(username)) return refuse("username");
      return answer(200, { secretHash: await secretHash(username) });
    } catch (e) {
      // Logged by its code or class only: internal text can name files, state or input.
      say(`internal error (${errorWord(e)})`);
      return refuse("internal");
    }
  };
}

const BODY_READ_BEFORE =
  "the request's body was read before the handler, and nothing usable was left in req.body: " +
  "mount toNodeListener(handle) before any body parser (express.json(), express.raw()), or on a route without one";

/**
 * The body a framework parsed (`req.body`), as the handler takes it: bytes or
 * text as they are, a parsed object as JSON again, so that the handler's
 * checks (JSON, size, username) still run on it; undefined when none.
 */
function parsedBody(body) {
  if (body instanceof Uint8Array || typeof body === "string") return body;
  if (typeof body === "object" && body !== null) return JSON.stringify(body);
  return undefined;
}

/**
 * Adapts a `(request, info) => Promise<Response>` handler to Node's
 * `http.createServer((req, res) => …)`, with the socket's address as
 * `info.clientAddress`. A body the handler leaves unread (it refused it) is
 * not read further: the answer goes out with `Connection: close`.
 */
export function toNodeListener(handle) {
  if (typeof handle !== "function") throw new TypeError("toNodeListener: pass the handler, a function (request, info) => Promise<Response>");
  return async function listener(req, res) {
    let ended = false;
    try {
      const host = req.headers.host ?? req.headers[":authority"] ?? ""; // HTTP/1, HTTP/2
      const scheme = req.socket.encrypted ? "https" : "http";
      // The Host header is the host, whatever the request target says: a
      // target "//other/x" resolved against it, or an absolute-form
      // "http://other/x", would name another host and pass the Host check.
      let path = req.url ?? "/";
      if (!path.startsWith("/")) {
        try {
          const target = new URL(path);
          path = target.pathname + target.search;
        } catch {
          path = "/"; // "*", or junk
        }
      }
      let url;
      try {
        // Only a host name, an address and a port: anything else fails the handler's Host check.
        url = new URL(`${scheme}://${/^[\w.:[\]-]+$/.test(host) ? host : "host.invalid"}${path}`);
      } catch {
        url = new URL(`${scheme}://host.invalid/`);
      }
      const headers = new Headers();
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        try {
          headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
        } catch {
          // a header the web platform cannot hold is left out
        }
      }
      const withBody = req.method !== "GET" && req.method !== "HEAD";
      // A framework's body parser (Express's express.json()) may have read the
      // stream already: its 'end' will not come again, so take what it parsed.
      const read = withBody && (req.readableEnded || (req.complete && req.readableDidRead && req.readableLength === 0));
      const parsed = read ? parsedBody(req.body) : undefined;
      if (read && parsed === undefined) {
        console.warn(`[cognito-confirm/server] ${BODY_READ_BEFORE}`);
        res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ error: REFUSALS.internal[1] }));
        return;
      }
      let stopped = false;
      const body = withBody && !read
        ? new ReadableStream({
            start(controller) {
              req.on("data", (chunk) => {
                if (stopped) return;
                controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
                if (controller.desiredSize <= 0) req.pause();
              });
              req.on("end", () => {
                ended = true;
                if (!stopped) controller.close();
              });
              req.on("error", () => {
                if (!stopped) controller.error(new Error("the request was cut off"));
                stopped = true;
              });
            },
            pull() {
              req.resume();
            },
            cancel() {
              // Not destroyed: the answer must still go out on this socket.
              stopped = true;
              req.pause();
            },
          })
        : parsed;
      if (!withBody || read) ended = true;
      let request;
      try {
        request = new Request(url, { method: req.method, headers, body, duplex: "half" });
      } catch {
        request = undefined; // a method the web platform refuses (CONNECT, TRACE)
      }
      const response = request
        ? await handle(request, { clientAddress: req.socket.remoteAddress })
        : Response.json({ error: "use POST" }, { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } });
      const out = {};
      response.headers.forEach((value, name) => (out[name] = value));
      if (!ended && req.httpVersionMajor === 1) out.connection = "close";
      const bytes = req.method === "HEAD" || response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, out);
      res.end(bytes);
    } catch (e) {
      if (res.headersSent) {
        res.destroy();
      } else {
        res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store", connection: ended ? "keep-alive" : "close" });
        res.end(JSON.stringify({ error: "something went wrong on the server" }));
      }
      console.warn(`[cognito-confirm/server] internal error (${errorWord(e)})`);
    }
  };
}
