// A real Redis for the tests: Debian's redis-server on a free loopback port,
// without persistence, stopped and started again on the same port as a user
// would (scripts/setup.sh installs it).
import { spawn } from "node:child_process";
import net from "node:net";

/** A free port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on `port`, or rejects after `ms`. */
async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`redis-server did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts redis-server; `{ url, port, stop(), start(), pause(), resume() }`. */
export async function startRedis() {
  const port = await freePort();
  let child;
  let output = "";
  const redis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    /** Starts it (again) on the same port; nothing when it runs. */
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) return;
      output = "";
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const exited = new Promise((_, reject) => child.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`))));
      exited.catch(() => {});
      await Promise.race([waitForPort(port, 10000), exited]);
    },
    /** Stops it and waits until it has exited (its port is closed). */
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await gone;
    },
    /** Freezes it (SIGSTOP): connections stay open, nothing answers. */
    pause: () => child.kill("SIGSTOP"),
    resume: () => child.kill("SIGCONT"),
  };
  await redis.start();
  return redis;
}
