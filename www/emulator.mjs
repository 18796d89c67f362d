// Starting cognito-local and getting a user pool ready in it: shared by the
// demo server and the end-to-end tests, so both run the emulator the same way.

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "node_modules", ".bin", "cognito-local");

/** `preferred` if it is free on 127.0.0.1, else any free port. */
export async function freePort(preferred = 0) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(null));
      srv.listen(port, "127.0.0.1", () => {
        const { port: got } = srv.address();
        srv.close(() => resolve(got));
      });
    });
  return (preferred && (await tryListen(preferred))) || tryListen(0);
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
  fs.writeFileSync(file, JSON.stringify(pool, null, 2));
  return pool;
}

/** The pending confirmation code of `username`, read from the emulator's database file. */
export function pendingCode(dir, userPoolId, username) {
  const file = path.join(dir, ".cognito", "db", `${userPoolId}.json`);
  if (!fs.existsSync(file)) return null;
  const db = JSON.parse(fs.readFileSync(file, "utf8"));
  return db.Users?.[username]?.ConfirmationCode ?? null;
}
