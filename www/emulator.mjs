// Starting cognito-local and getting a user pool ready in it: shared by the
// demo server and the end-to-end tests, so both run the emulator the same way.

import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "node_modules", ".bin", "cognito-local");

/** Resolves to `port` if it is free on 127.0.0.1 (0: any free port, the one the system picks), else to null. */
export function freePort(port = 0) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(null));
    srv.listen(port, "127.0.0.1", () => {
      const { port: got } = srv.address();
      srv.close(() => resolve(got));
    });
  });
}

/** Whether process `pid` runs and its command line matches `pattern` (a pid can be reused). */
function running(pid, pattern) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code !== "EPERM") return false;
  }
  let command = "";
  try {
    command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    try {
      command = execFileSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" }); // no /proc (macOS)
    } catch {
      return false;
    }
  }
  return pattern.test(command);
}

/**
 * Takes `dir` for this process, so that two demos never share one emulator
 * database. Returns `{ release }`, or `{ heldBy: pid }` when a running demo
 * has it. A lock left by a demo that was killed is taken over.
 */
export function lockState(dir) {
  const file = path.join(dir, "demo.lock");
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return {
        // Called on Ctrl-C and again on exit: the second call finds the file gone.
        release() {
          if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === String(process.pid)) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
    }
    const holder = Number(fs.readFileSync(file, "utf8"));
    if (holder !== process.pid && running(holder, /server\.mjs/)) return { heldBy: holder };
    fs.rmSync(file, { force: true }); // its demo is gone
  }
}

/**
 * Stops the cognito-local that a demo killed without its Ctrl-C left running on
 * `dir`'s database (recorded in emulator.pid). Call it holding the lock.
 * Resolves to the pid it stopped, or null.
 */
export async function reapStaleEmulator(dir) {
  const file = path.join(dir, "emulator.pid");
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, "utf8"));
  fs.rmSync(file, { force: true });
  if (!running(pid, /cognito-local/)) return null;
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 50 && running(pid, /cognito-local/); i++) await new Promise((r) => setTimeout(r, 100));
  if (running(pid, /cognito-local/)) process.kill(pid, "SIGKILL");
  return pid;
}

/** Calls one Cognito operation on the emulator; resolves to the parsed body, rejects on a Cognito error. */
export async function cognito(endpoint, operation, body) {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = text ? JSON.parse(text) : {};
  if (parsed.__type) {
    const err = new Error(parsed.message ?? parsed.__type);
    err.name = parsed.__type;
    throw err;
  }
  return parsed;
}

async function waitUntilUp(endpoint, child, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited with code ${child.exitCode}`);
    try {
      await cognito(endpoint, "ListUserPools", { MaxResults: 1 });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`cognito-local did not answer on ${endpoint} within ${timeoutMs} ms`);
}

/**
 * Starts cognito-local with its state in `dir`/.cognito, on `port`.
 * `onOutput` receives its console output (where it prints confirmation codes).
 */
export async function startEmulator({ dir, port, onOutput = () => {} }) {
  fs.mkdirSync(path.join(dir, ".cognito"), { recursive: true });
  const config = path.join(dir, ".cognito", "config.json");
  // Plain usernames (not emails) as the demo's sign-up form uses them.
  fs.writeFileSync(config, JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }, null, 2));
  const child = spawn(process.execPath, [BIN], {
    cwd: dir,
    // COGNITO_LOCAL_DEVMODE would make cognito-local log the bodies of calls it does not
    // support (ResendConfirmationCode), SecretHash included, into the demo's log file.
    env: { ...process.env, COGNITO_LOCAL_DEVMODE: "", HOST: "127.0.0.1", PORT: String(port), NODE_NO_WARNINGS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => onOutput(d.toString()));
  child.stderr.on("data", (d) => onOutput(d.toString()));
  const endpoint = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilUp(endpoint, child);
  } catch (e) {
    child.kill();
    throw e;
  }
  fs.writeFileSync(path.join(dir, "emulator.pid"), String(child.pid));
  return { child, endpoint, port };
}

/**
 * The demo's user pool and its app client (with a client secret), made
 * through the emulator's API on first use and remembered in `dir`/pool.json.
 */
export async function ensurePool(endpoint, dir) {
  const file = path.join(dir, "pool.json");
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, "utf8"));
    try {
      await cognito(endpoint, "DescribeUserPoolClient", { UserPoolId: saved.userPoolId, ClientId: saved.clientId });
      return saved;
    } catch {
      // The emulator's state was removed: make a new pool below.
    }
  }
  const { UserPool } = await cognito(endpoint, "CreateUserPool", {
    PoolName: "cognito-confirm-demo",
    AutoVerifiedAttributes: ["email"],
  });
  const { UserPoolClient } = await cognito(endpoint, "CreateUserPoolClient", {
    UserPoolId: UserPool.Id,
    ClientName: "demo-web",
    GenerateSecret: true,
  });
  const pool = { userPoolId: UserPool.Id, clientId: UserPoolClient.ClientId, clientSecret: UserPoolClient.ClientSecret };
  fs.writeFileSync(file, JSON.stringify(pool, null, 2), { mode: 0o600 }); // it holds the client secret
  return pool;
}

/** The pending confirmation code of `username`, read from the emulator's database file. */
export function pendingCode(dir, userPoolId, username) {
  const file = path.join(dir, ".cognito", "db", `${userPoolId}.json`);
  if (!fs.existsSync(file)) return null;
  const db = JSON.parse(fs.readFileSync(file, "utf8"));
  return db.Users?.[username]?.ConfirmationCode ?? null;
}
