// cognito-confirm/server without a shared store: the options, the hash against
// the vectors, every refusal over real HTTP (toNodeListener), the client
// address and the limit, and what may appear in answers and logs.
import assert from "node:assert/strict";
import http2 from "node:http2";
import { after, before, test } from "node:test";

import { clientKey, secretHashHandler, toNodeListener } from "../../js/server.js";
import { ask, captureLogs, CLIENT_ID, CLIENT_SECRET, fromPage, handler, hashOf, ORIGIN, pageRequest, serve, VECTORS } from "./support.mjs";

const logs = captureLogs();
let served;
// Every answer body seen, checked at the end for secrets, hashes and usernames.
const bodies = [];
const seen = (res) => (bodies.push(res.body), res);

before(async () => {
  served = await serve(handler({ limit: { points: 3, duration: 60 }, log: logs.log }));
});
after(async () => {
  await served.close();
  logs.restore();
});

test("the options are checked when the handler is made, naming the option and never the secret", () => {
  const base = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, origins: [ORIGIN] };
  const wrong = [
    [{ ...base, origins: undefined }, /`origins` must be/],
    [{ ...base, origins: [] }, /`origins` must be/],
    [{ ...base, origins: ["app.example"] }, /`origins` must be/],
    [{ ...base, origins: ["https://app.example/signup"] }, /`origins` must be/],
    [{ ...base, origins: ["ftp://app.example"] }, /`origins` must be/],
    [{ ...base, hosts: ["app.example/x"] }, /`hosts` must be/],
    [{ ...base, hosts: [] }, /`hosts` must be/],
    [{ ...base, clientId: "" }, /`clientId` must be/],
    [{ ...base, clientId: "a b" }, /`clientId` must be/],
    [{ ...base, clientSecret: "" }, /`clientSecret` must be/],
    [{ ...base, clientSecret: 42 }, /`clientSecret` must be/],
    [{ ...base, limit: { points: 0 } }, /`limit.points` must be/],
    [{ ...base, limit: { duration: 1.5 } }, /`limit.duration` must be/],
    [{ ...base, limit: { points: 5, per: 60 } }, /`limit` must be .*unknown: per/],
    [{ ...base, limit: { duration: 2147484 } }, /`limit.duration` must be at most 2147483 seconds \(about 24 days\) without a `store`/],
    [{ ...base, store: {} }, /`store` must be a connected node-redis/],
    [{ ...base, maxBody: 10 }, /`maxBody` must be/],
    [{ ...base, trustProxy: true }, /`trustProxy` must be false, or the number of proxies/],
    [{ ...base, log: "console" }, /`log` must be/],
    [{ ...base, secret: CLIENT_SECRET }, /unknown option `secret`/],
    [undefined, /pass the options/],
  ];
  for (const [options, message] of wrong) {
    assert.throws(
      () => secretHashHandler(options),
      (e) => {
        assert.ok(e instanceof TypeError);
        assert.match(e.message, message);
        assert.ok(!e.message.includes(CLIENT_SECRET), `the secret in: ${e.message}`);
        return true;
      },
    );
  }
  assert.throws(() => toNodeListener(undefined), /toNodeListener: pass the handler/);
  assert.equal(typeof secretHashHandler({ ...base, store: null }), "function", "store: null is no store");
});

test("the hash is HMAC-SHA256(secret, username + clientId) in base64: every vector", async () => {
  for (const v of VECTORS) {
    const handle = secretHashHandler({ clientId: v.clientId, clientSecret: v.clientSecret, origins: [ORIGIN] });
    const res = await handle(pageRequest({ username: v.username }), { clientAddress: "192.0.2.1" });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { secretHash: v.secretHash }, v.note ?? v.username);
    assert.equal(res.headers.get("cache-control"), "no-store");
    assert.equal(res.headers.get("content-type"), "application/json");
  }
  // Over HTTP too, with a username of exactly 128 characters (code points, not UTF-16 units).
  const long = "😀".repeat(128);
  const res = seen(await hashOf(served.port, long, { localAddress: "127.0.0.9" }));
  assert.equal(res.status, 200, res.body);
  assert.match(JSON.parse(res.body).secretHash, /^[A-Za-z0-9+/]{43}=$/);
  assert.equal(res.headers["cache-control"], "no-store");
});

/** The fixed sentence of each status (400 here: the body's). */
const SENTENCES = {
  400: "the body is not JSON",
  403: "only the allowed sites' pages may call this endpoint",
  405: "use POST",
  413: "the body is too large",
  415: "send application/json",
  421: "this endpoint does not answer under this host name",
};

test("every refusal has its status, a fixed sentence and no-store", async () => {
  const big = JSON.stringify({ username: "a".repeat(20000) });
  const alice = JSON.stringify({ username: "alice" });
  const refusals = [
    ["another Host (DNS rebinding)", { headers: { ...fromPage(), Host: "evil.example" }, body: alice }, 421],
    ["a Host with the right name in it", { headers: { ...fromPage(), Host: "app.example.evil.example" }, body: alice }, 421],
    ["no usable Host", { headers: { ...fromPage(), Host: "user@app.example" }, body: alice }, 421],
    ["GET", { method: "GET", headers: fromPage() }, 405],
    ["PUT", { method: "PUT", headers: fromPage(), body: alice }, 405],
    ["a foreign Origin", { headers: fromPage({ Origin: "https://evil.example" }), body: alice }, 403],
    ["no Origin", { headers: { "Content-Type": "application/json" }, body: alice }, 403],
    ["Origin null (a sandboxed page)", { headers: fromPage({ Origin: "null" }), body: alice }, 403],
    ["the right origin on another scheme", { headers: fromPage({ Origin: "http://app.example" }), body: alice }, 403],
    [
      "a cross-site form post",
      {
        headers: {
          Origin: "https://evil.example",
          "Sec-Fetch-Site": "cross-site",
          "Sec-Fetch-Mode": "navigate",
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: "username=alice",
      },
      403,
    ],
    ["a form post from the allowed page itself (a navigation)", { headers: fromPage({ "Sec-Fetch-Mode": "navigate" }), body: alice }, 403],
    ["a no-cors request", { headers: fromPage({ "Sec-Fetch-Mode": "no-cors" }), body: alice }, 403],
    ["a typed-in request", { headers: fromPage({ "Sec-Fetch-Site": "none" }), body: alice }, 403],
    ["a Sec-Fetch-Site no browser sends", { headers: fromPage({ "Sec-Fetch-Site": "cross-origin" }), body: alice }, 403],
    ["text/plain (a simple request)", { headers: fromPage({ "Content-Type": "text/plain" }), body: alice }, 415],
    ["form encoding", { headers: fromPage({ "Content-Type": "application/x-www-form-urlencoded" }), body: "username=alice" }, 415],
    ["a body over the cap, its length declared", { headers: fromPage(), body: big }, 413],
    ["a body over the cap, chunked", { headers: fromPage({ "Transfer-Encoding": "chunked" }), body: big }, 413],
    ["broken JSON", { headers: fromPage(), body: '{"username": ' }, 400],
    ["bytes that are not UTF-8", { headers: fromPage(), body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]) }, 400],
  ];
  for (const [i, [what, request, status]] of refusals.entries()) {
    // Each from its own loopback address: the limit (3) is not what answers here.
    const res = seen(await ask(served.port, { ...request, localAddress: `127.0.1.${i + 1}` }));
    assert.equal(res.status, status, `${what}: ${res.body}`);
    assert.equal(res.headers["cache-control"], "no-store", what);
    assert.equal(res.headers["content-type"], "application/json", what);
    assert.deepEqual(JSON.parse(res.body), { error: SENTENCES[status] }, what);
  }
  assert.equal((await ask(served.port, { method: "GET", headers: fromPage(), localAddress: "127.0.1.99" })).headers.allow, "POST");

  const usernames = ["", "a b", "tab\there", "x".repeat(129), "😀".repeat(129), "\u0000", "lone\ud800surrogate", 42, null, ["alice"]];
  for (const [i, username] of usernames.entries()) {
    const res = seen(await hashOf(served.port, username, { localAddress: `127.0.2.${i + 1}` }));
    assert.equal(res.status, 400, JSON.stringify(username));
    assert.deepEqual(JSON.parse(res.body), { error: "username must be 1 to 128 letters, digits, marks, symbols or punctuation" });
  }
  for (const [i, body] of ['{"name":"alice"}', "[]", "null", '"alice"'].entries()) {
    const res = seen(await ask(served.port, { headers: fromPage(), body, localAddress: `127.0.3.${i + 1}` }));
    assert.equal(res.status, 400, body);
  }
});

test("the longest window the memory store can time still limits", async () => {
  // One second more overflows its setTimeout and is refused above; this one must count.
  const handle = handler({ limit: { points: 1, duration: 2147483 }, log: logs.log });
  const statuses = [];
  for (let i = 0; i < 2; i++) statuses.push((await handle(pageRequest({ username: "a" }), { clientAddress: "192.0.2.30" })).status);
  assert.deepEqual(statuses, [200, 429]);
});

test("over the rate: 429 with Retry-After, for that client only", async () => {
  const from = (localAddress) => ({ localAddress });
  for (let i = 0; i < 3; i++) assert.equal(seen(await hashOf(served.port, `rate${i}`, from("127.0.4.1"))).status, 200);
  const limited = seen(await hashOf(served.port, "rate3", from("127.0.4.1")));
  assert.equal(limited.status, 429);
  assert.deepEqual(JSON.parse(limited.body), { error: "too many requests: try again later" });
  const wait = Number(limited.headers["retry-after"]);
  assert.ok(wait >= 1 && wait <= 60, `Retry-After ${limited.headers["retry-after"]}`);
  assert.equal(limited.headers["cache-control"], "no-store");
  // Refusals before the limit (wrong Origin) do not reach it, and another address has its own.
  assert.equal(seen(await hashOf(served.port, "other", from("127.0.4.2"))).status, 200);
});

test("toNodeListener passes the socket's address; X-Forwarded-For is ignored by default", async () => {
  const addresses = [];
  const inner = handler({ limit: { points: 2, duration: 60 }, log: logs.log });
  const local = await serve((request, info) => {
    addresses.push(info?.clientAddress);
    return inner(request, info);
  });
  try {
    assert.equal((await hashOf(local.port, "a", { localAddress: "127.0.5.1" })).status, 200);
    assert.deepEqual(addresses, ["127.0.5.1"]);
    // Another X-Forwarded-For on each request: the same socket address, the same limit.
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await hashOf(local.port, "a", { localAddress: "127.0.5.2", headers: { "X-Forwarded-For": `198.51.100.${i}` } })).status);
    }
    assert.deepEqual(statuses, [200, 200, 429]);
  } finally {
    await local.close();
  }
});

test("toNodeListener under HTTP/2 (the compatibility API): :authority is the host", async () => {
  const server = http2.createServer(toNodeListener(handler({ log: logs.log })));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const client = http2.connect(`http://127.0.0.1:${server.address().port}`);
  const post = (authority) =>
    new Promise((resolve, reject) => {
      const stream = client.request({ ":method": "POST", ":path": "/", ":authority": authority, ...fromPage() });
      let status;
      let text = "";
      stream.on("response", (h) => (status = h[":status"]));
      stream.setEncoding("utf8");
      stream.on("data", (d) => (text += d));
      stream.on("end", () => resolve({ status, body: text }));
      stream.on("error", reject);
      stream.end(JSON.stringify({ username: VECTORS[0].username }));
    });
  try {
    const ok = await post("app.example");
    assert.equal(ok.status, 200, ok.body);
    assert.deepEqual(JSON.parse(ok.body), { secretHash: VECTORS[0].secretHash });
    assert.equal((await post("evil.example")).status, 421);
  } finally {
    client.close();
    server.close();
  }
});

test("trustProxy: the client is that many entries from the right of X-Forwarded-For", async () => {
  const handle = handler({ limit: { points: 1, duration: 60 }, trustProxy: 1, log: logs.log });
  const call = (xff) => handle(pageRequest({ username: "alice" }, xff === undefined ? {} : { "X-Forwarded-For": xff }), { clientAddress: "10.0.0.1" });
  assert.equal((await call("198.51.100.1")).status, 200);
  assert.equal((await call("198.51.100.2")).status, 200, "another client behind the proxy");
  // A client cannot pick its key by writing its own X-Forwarded-For: the proxy appends the real one.
  assert.equal((await call("203.0.113.7, 198.51.100.1")).status, 429);
  assert.equal((await call("203.0.113.8, 198.51.100.1")).status, 429);
  // No header: the socket's address (the request did not come through the proxy).
  assert.equal((await call(undefined)).status, 200);
  assert.equal((await call(undefined)).status, 429);

  const two = handler({ limit: { points: 1, duration: 60 }, trustProxy: 2, log: logs.log });
  const call2 = (xff) => two(pageRequest({ username: "alice" }, { "X-Forwarded-For": xff }), { clientAddress: "10.0.0.1" });
  assert.equal((await call2("spoofed, 198.51.100.1, 10.1.1.1")).status, 200);
  assert.equal((await call2("other, 198.51.100.1, 10.1.1.2")).status, 429, "keyed by the second from the right");
});

test("a request without a client address is limited under one shared key, never unlimited", async () => {
  const handle = handler({ limit: { points: 2, duration: 60 }, log: logs.log });
  const statuses = [];
  for (const info of [undefined, {}, { clientAddress: undefined }, { clientAddress: "" }]) {
    statuses.push((await handle(pageRequest({ username: "alice" }), info)).status);
  }
  assert.deepEqual(statuses, [200, 200, 429, 429]);
  assert.equal((await handle(pageRequest({ username: "alice" }), { clientAddress: "192.0.2.1" })).status, 200, "a known address has its own");
  assert.equal(clientKey(undefined), "unknown");
  assert.equal(clientKey("not an address"), "unknown", "junk is counted with the unknown ones, not given its own key");
});

test("an IPv6 client is limited by its /64; IPv4-mapped addresses as IPv4", async () => {
  assert.equal(clientKey("2001:db8:0:1::1"), "2001:db8:0:1::/64");
  assert.equal(clientKey("2001:0db8:0000:0001:ffff:ffff:ffff:ffff"), "2001:db8:0:1::/64");
  assert.equal(clientKey("[2001:db8:0:1::2]"), "2001:db8:0:1::/64");
  assert.equal(clientKey("fe80::1%eth0"), "fe80:0:0:0::/64");
  assert.equal(clientKey("::ffff:192.0.2.1"), "192.0.2.1");
  const handle = handler({ limit: { points: 1, duration: 60 }, log: logs.log });
  const from = async (clientAddress) => (await handle(pageRequest({ username: "alice" }), { clientAddress })).status;
  assert.equal(await from("2001:db8:0:1::1"), 200);
  assert.equal(await from("2001:db8:0:1::ffff"), 429, "another address of the same /64");
  assert.equal(await from("2001:db8:0:2::1"), 200, "another /64");
});

test("an address with a port (as some proxies write X-Forwarded-For) is keyed without it", async () => {
  assert.equal(clientKey("203.0.113.9:54321"), "203.0.113.9");
  assert.equal(clientKey("[2001:db8::1]:54321"), "2001:db8:0:0::/64");
  assert.equal(clientKey("[::ffff:192.0.2.1]:80"), "192.0.2.1");
  assert.equal(clientKey("203.0.113.9:"), "unknown");
  // Two ports of one client share its limit, apart from the unknown clients'.
  const handle = handler({ limit: { points: 1, duration: 60 }, trustProxy: 1, log: logs.log });
  const from = (xff) => handle(pageRequest({ username: "a" }, { "X-Forwarded-For": xff })).then((r) => r.status);
  assert.deepEqual([await from("203.0.113.9:1111"), await from("203.0.113.9:2222"), await from("[2001:db8::1]:3333")], [200, 429, 200]);
});

test("a page of another allowed origin: a CORS preflight, then the hash", async () => {
  const handle = handler({ origins: ["https://app.example", "https://www.app.example"], hosts: ["api.app.example"], log: logs.log });
  const preflight = await handle(
    new Request("https://api.app.example/", {
      method: "OPTIONS",
      headers: { Origin: "https://www.app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    }),
  );
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get("access-control-allow-origin"), "https://www.app.example");
  assert.equal(preflight.headers.get("access-control-allow-headers"), "Content-Type");
  const foreign = await handle(
    new Request("https://api.app.example/", { method: "OPTIONS", headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" } }),
  );
  assert.equal(foreign.status, 405);
  assert.equal(foreign.headers.get("access-control-allow-origin"), null);

  const post = (site) =>
    handle(
      new Request("https://api.app.example/", {
        method: "POST",
        headers: { Origin: "https://www.app.example", "Sec-Fetch-Site": site, "Sec-Fetch-Mode": "cors", "Content-Type": "application/json" },
        body: JSON.stringify({ username: VECTORS[0].username }),
      }),
      { clientAddress: "192.0.2.50" },
    );
  const ok = await post("same-site");
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { secretHash: VECTORS[0].secretHash });
  assert.equal(ok.headers.get("access-control-allow-origin"), "https://www.app.example");
  assert.equal(ok.headers.get("vary"), "Origin");
  // The app's own host is not one of `hosts`: answered only under api.app.example.
  const wrongHost = await handle(pageRequest({ username: "alice" }), { clientAddress: "192.0.2.51" });
  assert.equal(wrongHost.status, 421);
});

test("a page of another allowed origin can read Retry-After on a 429", async () => {
  const handle = handler({ origins: ["https://app.example", "https://www.app.example"], limit: { points: 1, duration: 60 }, log: logs.log });
  const post = () => handle(pageRequest({ username: "a" }, { Origin: "https://www.app.example", "Sec-Fetch-Site": "same-site" }), { clientAddress: "192.0.2.52" });
  assert.equal((await post()).status, 200);
  const over = await post();
  assert.equal(over.status, 429);
  assert.equal(over.headers.get("access-control-allow-origin"), "https://www.app.example");
  assert.ok(Number(over.headers.get("retry-after")) >= 1);
  assert.equal(over.headers.get("access-control-expose-headers"), "Retry-After");
});

test("hosts with a default port (:443 or :80) match the Host header with or without it", async () => {
  for (const hosts of [["api.example:443"], ["api.example:80"], ["api.example"]]) {
    const handle = handler({ hosts, log: logs.log });
    for (const url of ["https://api.example/", "http://api.example/", "https://api.example:80/", "http://api.example:443/"]) {
      const res = await handle(new Request(url, { method: "POST", headers: fromPage({ "Sec-Fetch-Site": "same-site" }), body: '{"username":"a"}' }), {
        clientAddress: "192.0.2.53",
      });
      assert.equal(res.status, 200, `${hosts} for ${url}`);
    }
    assert.equal((await handle(pageRequest({ username: "a" }, { "Sec-Fetch-Site": "same-site" }))).status, 421, "another host still refused");
    const other = await handle(new Request("https://api.example:8443/", { method: "POST", headers: fromPage({ "Sec-Fetch-Site": "same-site" }), body: '{"username":"a"}' }));
    assert.equal(other.status, 421, "another port still refused");
  }
});

test("hosts taken from origins on the other scheme's default port (http://…:443) match the Host header with or without it", async () => {
  for (const origins of [["http://api.example:443"], ["https://api.example:80"]]) {
    const handle = handler({ origins, log: logs.log });
    for (const url of ["https://api.example/", "http://api.example:443/", "https://api.example:80/"]) {
      const res = await handle(new Request(url, { method: "POST", headers: fromPage({ Origin: origins[0], "Sec-Fetch-Site": "same-origin" }), body: '{"username":"a"}' }), {
        clientAddress: "192.0.2.54",
      });
      assert.equal(res.status, 200, `${origins} for ${url}`);
    }
    const other = await handle(new Request("https://api.example:8443/", { method: "POST", headers: fromPage({ Origin: origins[0], "Sec-Fetch-Site": "same-origin" }), body: '{"username":"a"}' }));
    assert.equal(other.status, 421, "another port still refused");
  }
});

test("behind a proxy that rewrites Host, the public origin's own page (Sec-Fetch-Site: same-origin) gets its hash", async () => {
  // The docs' setup: the proxy passes its internal host name, listed in `hosts`.
  const handle = handler({ hosts: ["backend.internal:8080"], log: logs.log });
  const post = (site, mode = "cors") =>
    handle(
      new Request("http://backend.internal:8080/api/secret-hash", {
        method: "POST",
        headers: fromPage({ "Sec-Fetch-Site": site, "Sec-Fetch-Mode": mode }),
        body: JSON.stringify({ username: VECTORS[0].username }),
      }),
      { clientAddress: "192.0.2.54" },
    );
  const ok = await post("same-origin");
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { secretHash: VECTORS[0].secretHash });
  for (const site of ["same-site", "cross-site"]) assert.equal((await post(site)).status, 200, site);
  // Still refused: the user's own navigation, an unknown value, a form's navigation.
  for (const site of ["none", "other"]) assert.equal((await post(site)).status, 403, site);
  assert.equal((await post("same-origin", "navigate")).status, 403);
});

test("an internal failure is a 500 with a fixed sentence, logged by its name only", async () => {
  const handle = handler({ log: logs.log });
  const before = logs.lines.length;
  const res = await handle({
    get url() {
      throw new Error(`internal detail ${CLIENT_SECRET} alice`);
    },
  });
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), { error: "something went wrong on the server" });
  assert.deepEqual(logs.lines.slice(before), ["[cognito-confirm/server] internal error (Error)"]);
  // A logger that throws changes nothing.
  const loud = handler({
    log: () => {
      throw new Error("logger down");
    },
  });
  assert.equal((await loud({ url: 42 })).status, 500);
});

test("an async logger that rejects neither ends the process nor changes the answer", async () => {
  const rejections = [];
  const onRejection = (e) => rejections.push(e);
  process.on("unhandledRejection", onRejection);
  try {
    let calls = 0;
    for (const log of [
      async () => {
        calls++;
        throw new Error("log sink down");
      },
      // A rejected promise whose own catch and then do nothing.
      () => {
        calls++;
        return Object.assign(Promise.reject(new Error("log sink down")), { catch() {}, then() {} });
      },
    ]) {
      const res = await handler({ log })({ url: 42 });
      assert.equal(res.status, 500);
      assert.deepEqual(await res.json(), { error: "something went wrong on the server" });
    }
    assert.equal(calls, 2, "the lines were logged");
    await new Promise((r) => setTimeout(r, 50)); // unhandled rejections are reported after the microtasks
    assert.deepEqual(rejections, []);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
});

test("no secret, hash or username in any answer body or log line", () => {
  const secrets = [CLIENT_SECRET, ...VECTORS.map((v) => v.secretHash), "alice", "rate0", "rate3", "😀😀😀"];
  const allowed = new Set(VECTORS.map((v) => JSON.stringify({ secretHash: v.secretHash })));
  let hashes = 0;
  for (const body of bodies) {
    if (/^\{"secretHash":"[A-Za-z0-9+/]{43}="\}$/.test(body)) {
      hashes++;
      continue; // a 200's hash is the answer itself
    }
    for (const s of secrets) assert.ok(!body.includes(s), `${s} in ${body}`);
  }
  assert.ok(hashes >= 5, "the happy paths were seen");
  assert.ok(bodies.length >= 40, `${bodies.length} answers checked`);
  assert.ok(logs.lines.length >= 1, "the log was captured");
  for (const line of logs.lines) {
    for (const s of secrets) assert.ok(!line.includes(s), `${s} in log line ${line}`);
    assert.ok(!allowed.has(line));
  }
});
