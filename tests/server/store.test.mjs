// cognito-confirm/server with a shared store: a real redis-server (Debian's),
// reached through node-redis and through ioredis. Instances share one limit;
// a store that goes away or stalls is a 503 within a second, the process
// lives, and the handler recovers when the store is back.
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";

import { Redis } from "ioredis";
import { createClient } from "redis";

import { startRedis } from "./redis.mjs";
import { captureLogs, CLIENT_SECRET, handler, hashOf, pageRequest, serve, VECTORS } from "./support.mjs";

const logs = captureLogs();
let redis;
let nodeRedis;
let ioredis;
// Failures that would end a real process.
const crashes = [];
const onCrash = (kind) => (e) => crashes.push(`${kind}: ${e?.name}`);
const onRejection = onCrash("unhandledRejection");
const onException = onCrash("uncaughtException");

before(async () => {
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  redis = await startRedis();
  // No 'error' listener of our own on either client: the handler must keep their errors from ending the process.
  nodeRedis = createClient({ url: redis.url });
  await nodeRedis.connect();
  ioredis = new Redis(redis.url);
  await new Promise((resolve, reject) => {
    ioredis.once("ready", resolve);
    ioredis.once("error", reject);
  });
});

after(async () => {
  nodeRedis?.destroy?.() ?? nodeRedis?.disconnect?.();
  ioredis?.disconnect();
  await redis?.stop();
  logs.restore();
  process.off("unhandledRejection", onRejection);
  process.off("uncaughtException", onException);
});

beforeEach(async () => {
  await redis.start(); // after a test that stopped it
  await waitFor(async () => (await nodeRedis.ping().catch(() => "")) === "PONG" && (await ioredis.ping().catch(() => "")) === "PONG", 15000);
  await nodeRedis.flushAll();
});

/** Polls `check` until it is true, or fails after `ms`. */
async function waitFor(check, ms) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not true within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const LIMIT = { points: 4, duration: 60 };

test("two instances sharing one Redis share one limit (node-redis and ioredis)", async () => {
  const a = await serve(handler({ limit: LIMIT, store: nodeRedis, log: logs.log }));
  const b = await serve(handler({ limit: LIMIT, store: ioredis, log: logs.log }));
  try {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const res = await hashOf(i % 2 ? b.port : a.port, VECTORS[0].username, { localAddress: "127.0.6.1" });
      if (res.status === 200) assert.deepEqual(JSON.parse(res.body), { secretHash: VECTORS[0].secretHash });
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429], "4 in all, across both instances");
    // Another client still has its whole limit on either instance.
    assert.equal((await hashOf(b.port, "u-bob-31", { localAddress: "127.0.6.2" })).status, 200);

    // Without the store, each instance would allow the full rate: the reason for the store.
    const m1 = await serve(handler({ limit: LIMIT, log: logs.log }));
    const m2 = await serve(handler({ limit: LIMIT, log: logs.log }));
    try {
      const alone = [];
      for (let i = 0; i < 8; i++) alone.push((await hashOf(i % 2 ? m2.port : m1.port, "u-carol-32", { localAddress: "127.0.6.3" })).status);
      assert.deepEqual(alone, [200, 200, 200, 200, 200, 200, 200, 200]);
    } finally {
      await m1.close();
      await m2.close();
    }
  } finally {
    await a.close();
    await b.close();
  }
});

test("with a store, a window longer than the memory store could time is accepted and counted (Redis keeps it by TTL)", async () => {
  const handle = handler({ limit: { points: 1, duration: 10 * 2147483 }, store: nodeRedis, log: logs.log });
  const statuses = [];
  for (let i = 0; i < 2; i++) statuses.push((await handle(pageRequest({ username: "a" }), { clientAddress: "192.0.2.31" })).status);
  assert.deepEqual(statuses, [200, 429]);
});

test("the store goes away: 503 within a second, the process lives; it comes back: the handler recovers", async () => {
  const servers = [await serve(handler({ limit: LIMIT, store: nodeRedis, log: logs.log })), await serve(handler({ limit: LIMIT, store: ioredis, log: logs.log }))];
  const firstLog = logs.lines.length;
  try {
    for (const s of servers) assert.equal((await hashOf(s.port, "u-dave-33", { localAddress: "127.0.7.1" })).status, 200);
    await redis.stop();
    for (const [i, s] of servers.entries()) {
      for (let round = 0; round < 3; round++) {
        const started = performance.now();
        const res = await hashOf(s.port, "u-dave-33", { localAddress: "127.0.7.1" });
        const took = performance.now() - started;
        assert.equal(res.status, 503, `client ${i}, round ${round}: ${res.body}`);
        assert.ok(took < 1000, `answered in ${took.toFixed(0)} ms`);
        assert.deepEqual(JSON.parse(res.body), { error: "the rate limit cannot be checked right now: try again later" });
        assert.equal(res.headers["cache-control"], "no-store");
        assert.ok(Number(res.headers["retry-after"]) >= 1);
      }
    }
    const outage = logs.lines.slice(firstLog).filter((l) => l.includes("store unavailable"));
    assert.equal(outage.length, 2, `one line per handler and outage, not one per request: ${JSON.stringify(outage)}`);

    await redis.start(); // the same port, as a user restarting it would
    for (const [i, s] of servers.entries()) {
      await waitFor(async () => (await hashOf(s.port, "u-dave-33", { localAddress: "127.0.7.2" })).status === 200, 20000).catch(() => {
        throw new Error(`client ${i} did not recover within 20 s`);
      });
    }
    assert.equal(logs.lines.slice(firstLog).filter((l) => l.includes("store is back")).length, 2);
    assert.deepEqual(crashes, [], "no unhandled rejection or uncaught 'error' event");
  } finally {
    for (const s of servers) await s.close();
  }
});

test("the store stalls: 503 within a second; it resumes: the handler recovers", async () => {
  const servers = [await serve(handler({ limit: LIMIT, store: nodeRedis, log: logs.log })), await serve(handler({ limit: LIMIT, store: ioredis, log: logs.log }))];
  try {
    redis.pause();
    try {
      for (const s of servers) {
        const started = performance.now();
        const res = await hashOf(s.port, "u-erin-34", { localAddress: "127.0.8.1" });
        const took = performance.now() - started;
        assert.equal(res.status, 503, res.body);
        assert.ok(took < 1000, `answered in ${took.toFixed(0)} ms`);
      }
    } finally {
      redis.resume();
    }
    for (const s of servers) {
      await waitFor(async () => (await hashOf(s.port, "u-erin-34", { localAddress: "127.0.8.2" })).status === 200, 10000);
    }
    assert.deepEqual(crashes, []);
  } finally {
    for (const s of servers) await s.close();
  }
});

test("while the store is stalled, a flood of requests queues no command behind the one that is late; one asks every 5 s", async () => {
  const handlers = [handler({ limit: LIMIT, store: nodeRedis, log: logs.log }), handler({ limit: LIMIT, store: ioredis, log: logs.log })];
  const ask = (handle) => handle(pageRequest({ username: "u-frank-35" }), { clientAddress: "192.0.2.35" });
  await nodeRedis.configResetStat();
  redis.pause();
  try {
    for (const handle of handlers) {
      assert.equal((await ask(handle)).status, 503, "the first one waits for the store, then gives up");
      const flood = await Promise.all(Array.from({ length: 100 }, () => ask(handle)));
      assert.deepEqual(new Set(flood.map((r) => r.status)), new Set([503]));
    }
    // 5 s on, one request asks again (a command the client never settled
    // must not keep the endpoint at 503), and the next ones do not.
    await new Promise((r) => setTimeout(r, 5100));
    for (const handle of handlers) {
      const again = await Promise.all(Array.from({ length: 20 }, () => ask(handle)));
      assert.deepEqual(new Set(again.map((r) => r.status)), new Set([503]));
    }
  } finally {
    redis.resume();
  }
  // A PING answered on each client means every command sent before it has run.
  assert.equal(await nodeRedis.ping(), "PONG");
  assert.equal(await ioredis.ping(), "PONG");
  const stats = await nodeRedis.info("commandstats");
  const evals = [...stats.matchAll(/^cmdstat_eval(?:sha)?:calls=(\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
  assert.equal(evals, 4, `one command per client when the stall began and one 5 s on, not one per request:\n${stats}`);
  // Its points are spent by the stall's commands: another client shows the store is back.
  for (const handle of handlers) {
    await waitFor(async () => (await handle(pageRequest({ username: "u-frank-35" }), { clientAddress: "192.0.2.36" })).status === 200, 10000);
  }
  assert.deepEqual(crashes, []);
});

test("no secret, hash or username in any log line of the outages", () => {
  assert.ok(logs.lines.length >= 4, JSON.stringify(logs.lines));
  for (const line of logs.lines) {
    assert.match(line, /^\[cognito-confirm\/server\] /);
    for (const s of [CLIENT_SECRET, ...VECTORS.map((v) => v.secretHash), VECTORS[0].username, "u-bob-31", "u-carol-32", "u-dave-33", "u-erin-34", "u-frank-35", "127.0.", "192.0.2."]) {
      assert.ok(!line.includes(s), `${s} in ${line}`);
    }
  }
});
