// toNodeListener inside the frameworks and the requests it meets in the wild:
// a real Express app whose body parser ran first, request targets that look
// like another host, a client that hangs up mid-body.
import assert from "node:assert/strict";
import http from "node:http";
import net from "node:net";
import { after, test } from "node:test";

import express from "express";

import { toNodeListener } from "../../js/server.js";
import { ask, captureLogs, fromPage, handler, serve, serveListener, VECTORS } from "./support.mjs";

const logs = captureLogs();
after(() => logs.restore());

const alice = JSON.stringify({ username: VECTORS[0].username });

/** `ask`, failing after 3 s rather than waiting for an answer that never comes. */
const askSoon = (port, options) =>
  Promise.race([ask(port, options), new Promise((_, reject) => setTimeout(() => reject(new Error("no answer within 3 s")), 3000).unref())]);

test("under Express, a body parser mounted before the handler: its parsed body is used, never waited for", async () => {
  const listener = toNodeListener(handler({ log: logs.log }));
  const parsers = [
    ["express.json()", express.json()],
    ["express.raw() (a Buffer)", express.raw({ type: "application/json" })],
    ["express.text() (a string)", express.text({ type: "application/json" })],
  ];
  for (const [name, parser] of parsers) {
    const app = express();
    app.use(parser);
    app.post("/api/secret-hash", listener);
    const served = await serveListener(app);
    try {
      const ok = await askSoon(served.port, { path: "/api/secret-hash", headers: fromPage(), body: alice });
      assert.equal(ok.status, 200, `${name}: ${ok.body}`);
      assert.deepEqual(JSON.parse(ok.body), { secretHash: VECTORS[0].secretHash }, name);
      // The handler's own checks still run on what the parser read.
      const long = await askSoon(served.port, { path: "/api/secret-hash", headers: fromPage(), body: JSON.stringify({ username: "x".repeat(129) }) });
      assert.equal(long.status, 400, `${name}: ${long.body}`);
      const noName = await askSoon(served.port, { path: "/api/secret-hash", headers: fromPage(), body: "[1]" });
      assert.equal(noName.status, 400, `${name}: ${noName.body}`);
    } finally {
      await served.close();
    }
  }
});

test("a body read before the handler and not left in req.body: 500 at once, and a log line that says how to mount it", async () => {
  const app = express();
  app.use((req, res, next) => {
    req.on("data", () => {});
    req.on("end", () => next());
  });
  app.post("/api/secret-hash", toNodeListener(handler({ log: logs.log })));
  const served = await serveListener(app);
  const before = logs.lines.length;
  try {
    const res = await askSoon(served.port, { path: "/api/secret-hash", headers: fromPage(), body: alice });
    assert.equal(res.status, 500);
    assert.deepEqual(JSON.parse(res.body), { error: "something went wrong on the server" });
    const lines = logs.lines.slice(before);
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0], /^\[cognito-confirm\/server\] the request's body was read before the handler.*mount toNodeListener\(handle\) before any body parser/);
  } finally {
    await served.close();
  }
});

test("the Host header is the host: a target starting // or in absolute form cannot name another", async () => {
  const inner = handler({ origins: ["https://app.example", "https://rebind.example"], hosts: ["app.example"], log: logs.log });
  const urls = [];
  const served = await serve((request, info) => {
    urls.push(request.url);
    return inner(request, info);
  });
  const post = (path, host) => askSoon(served.port, { path, headers: fromPage({ Host: host, Origin: `https://${host}` }), body: alice });
  try {
    // A rebinding page (its origin allowed here only to reach the Host check) naming this host in the target.
    assert.equal((await post("//app.example/api", "rebind.example")).status, 421);
    assert.equal((await post("http://app.example/api", "rebind.example")).status, 421);
    // This host's own page on a path that starts with //, or in absolute form naming another host.
    assert.equal((await post("//api/secret-hash?x=1", "app.example")).status, 200);
    assert.equal((await post("http://other.example/api", "app.example")).status, 200);
    assert.deepEqual(urls, [
      "http://rebind.example//app.example/api",
      "http://rebind.example/api",
      "http://app.example//api/secret-hash?x=1",
      "http://app.example/api",
    ]);
  } finally {
    await served.close();
  }
});

test("a client that hangs up mid-body: 400 with a fixed sentence, and no internal error logged", async () => {
  const handle = handler({ log: logs.log });
  const before = logs.lines.length;
  // Called directly: a body stream that fails part-way.
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"user'));
      controller.error(new Error("cut"));
    },
  });
  const direct = await handle(new Request("https://app.example/", { method: "POST", headers: fromPage(), body, duplex: "half" }), { clientAddress: "192.0.2.60" });
  assert.equal(direct.status, 400);
  assert.deepEqual(await direct.json(), { error: "the body was cut off" });
  // Through toNodeListener: a socket that closes before its declared length.
  const listener = toNodeListener(handle);
  const settled = [];
  const server = http.createServer((req, res) => listener(req, res).then(() => settled.push(res.statusCode)));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  try {
    const socket = net.connect(server.address().port, "127.0.0.1");
    await new Promise((r) => socket.once("connect", r));
    socket.write(
      "POST / HTTP/1.1\r\nHost: app.example\r\nOrigin: https://app.example\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user",
    );
    await new Promise((r) => setTimeout(r, 100));
    socket.destroy();
    const until = Date.now() + 3000;
    while (settled.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(settled, [400], "the listener finished, with the refusal");
  } finally {
    server.closeAllConnections();
    server.close();
  }
  assert.deepEqual(logs.lines.slice(before), [], "a cut-off body is not an internal error");
});

test("a body that stalls is refused with 408 after 10 s, and its stream is let go", async (t) => {
  // The clock is node:test's, so that the test does not wait 10 s; the stream is a real one that never ends.
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const handle = handler({ log: logs.log });
  let cancelled = false;
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"user'));
    },
    cancel() {
      cancelled = true;
    },
  });
  let res;
  handle(new Request("https://app.example/", { method: "POST", headers: fromPage(), body, duplex: "half" }), { clientAddress: "192.0.2.61" }).then((r) => (res = r));
  let waited = 0;
  while (!res && waited < 30000) {
    await new Promise((r) => setImmediate(r));
    if (res) break;
    t.mock.timers.tick(500);
    waited += 500;
  }
  assert.ok(res, "answered");
  assert.ok(waited >= 10000 && waited <= 11000, `after ${waited} ms`);
  assert.equal(res.status, 408);
  assert.deepEqual(await res.json(), { error: "the body did not arrive in time" });
  assert.ok(cancelled, "the stream was cancelled");
});
