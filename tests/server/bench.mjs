// Requests per second of cognito-confirm/server on this machine: one server
// process (toNodeListener + secretHashHandler), loaded over loopback by this
// process with keep-alive connections, with the memory store and with a
// Redis store (a real redis-server). Every answer must be a 200 with a hash.
// A bare node:http server with the same answer is measured first, for scale:
// on a shared machine the ratio says more than the absolute numbers.
//
//   node tests/server/bench.mjs [seconds=5] [connections=32]
import { fork } from "node:child_process";
import http from "node:http";
import { fileURLToPath } from "node:url";

if (process.argv[2] === "--bare") {
  // For scale: node:http answering a fixed hash, no checks, no limit, no HMAC.
  const answer = JSON.stringify({ secretHash: "yQ77/sUM/lP05pod807auR9SarJg5iMEiZ1c/M0D9gk=" });
  const server = http
    .createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(answer));
    })
    .listen(0, "127.0.0.1", () => process.send(server.address().port));
} else if (process.argv[2] === "--serve") {
  // The server process.
  const { secretHashHandler, toNodeListener } = await import("../../js/server.js");
  const { CLIENT_ID, CLIENT_SECRET, ORIGIN } = await import("./support.mjs");
  let store;
  if (process.argv[3]) {
    const { createClient } = await import("redis");
    store = createClient({ url: process.argv[3] });
    await store.connect();
  }
  const handle = secretHashHandler({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, origins: [ORIGIN], limit: { points: 1e9, duration: 3600 }, store });
  const server = http.createServer(toNodeListener(handle)).listen(0, "127.0.0.1", () => process.send(server.address().port));
} else {
  const seconds = Number(process.argv[2] ?? 5);
  const connections = Number(process.argv[3] ?? 32);
  const { startRedis } = await import("./redis.mjs");
  const { fromPage } = await import("./support.mjs");
  const body = JSON.stringify({ username: "alice@example.com" });
  const headers = { ...fromPage(), Host: "app.example", "Content-Length": Buffer.byteLength(body) };

  async function load(port) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    let done = 0;
    let wrong = 0;
    const until = performance.now() + seconds * 1000;
    const one = () =>
      new Promise((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, method: "POST", headers, agent }, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => {
            if (res.statusCode === 200 && text.startsWith('{"secretHash":')) done++;
            else wrong++;
            resolve();
          });
        });
        req.on("error", reject);
        req.end(body);
      });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) await one();
      }),
    );
    agent.destroy();
    return { rps: done / ((performance.now() - started) / 1000), done, wrong };
  }

  async function measure(name, redisUrl, mode = "--serve") {
    const child = fork(fileURLToPath(import.meta.url), [mode, ...(redisUrl ? [redisUrl] : [])]);
    const port = await new Promise((r) => child.once("message", r));
    await load(port); // warm-up, not counted
    const { rps, done, wrong } = await load(port);
    child.kill();
    console.log(`${name}: ${Math.round(rps)} requests/s (${done} answers in ${seconds} s over ${connections} connections, ${wrong} not 200)`);
  }

  await measure("bare node:http, same answer (for scale)", undefined, "--bare");
  await measure("memory store", undefined);
  const redis = await startRedis();
  try {
    await measure("Redis store (node-redis, redis-server on loopback)", redis.url);
  } finally {
    await redis.stop();
  }
}
