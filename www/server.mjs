// The demo: the page, its backend (backend.mjs, the part to copy) and a Cognito
// to talk to: cognito-local with a user pool ready, or your own user pool.
//
// Environment:
// - DEMO_PORT (default 8080): the page's port; 0 picks a free one. A taken port
//   stops the demo with a message (it never moves silently).
// - With cognito-local (the default): COGNITO_PORT (default 9229, 0 = free);
//   DEMO_STATE_DIR (default .demo/) keeps the emulator's database and the
//   pool's ids between runs. One demo at a time uses a state directory (a lock
//   file); a cognito-local left running by a killed demo is stopped first.
// - Your own user pool instead: COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID, and
//   COGNITO_CLIENT_SECRET when the app client has one (it stays on this server);
//   COGNITO_ENDPOINT replaces AWS's endpoint (a proxy, or a fake for tests).
// - DEMO_SIGN_IN_URL: your sign-in page, for the link shown after confirming.

import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { createBackend } from "./backend.mjs";
import { ensurePool, freePort, lockState, pendingCode, reapStaleEmulator, startEmulator } from "./emulator.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = process.env;
const log = (...a) => console.log("[demo]", ...a);
const fail = (...lines) => {
  for (const l of lines) console.error("[demo]", l);
  process.exit(1);
};

/** The port from `variable` (or `fallback`) if it is free; stops the demo with a message if not. */
async function port(variable, fallback) {
  const wanted = Number(env[variable] ?? fallback);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) fail(`${variable} must be a port number (0 picks a free one)`);
  const got = await freePort(wanted);
  if (got === null) {
    fail(
      `port ${wanted} on 127.0.0.1 is taken (by another program, or another demo).`,
      `Stop it, or choose another port: ${variable}=${wanted + 1} bash scripts/demo.sh (${variable}=0 picks a free one).`,
    );
  }
  return got;
}

// Where the "Sign in" link goes once the account is confirmed: your app's sign-in page.
const signInUrl = env.DEMO_SIGN_IN_URL || "/";
const cleanups = [];
/** createBackend's options, completed with the page's port once it is known. */
let backendOptions;
let stopping = false;

if (env.COGNITO_USER_POOL_ID) {
  // Your own user pool: nothing local but this server.
  const userPoolId = env.COGNITO_USER_POOL_ID;
  const clientId = env.COGNITO_CLIENT_ID ?? fail("COGNITO_USER_POOL_ID needs COGNITO_CLIENT_ID too (the app client's id)");
  const endpoint = env.COGNITO_ENDPOINT || undefined;
  const region = userPoolId.split("_")[0];
  const connectSrc = endpoint ? new URL(endpoint).origin : `https://cognito-idp.${region}.amazonaws.com`;
  const clientSecret = env.COGNITO_CLIENT_SECRET || undefined;
  backendOptions = { config: { userPoolId, clientId, endpoint, secretHash: !!clientSecret, signInUrl }, clientSecret, connectSrc };
  log(`Cognito: ${endpoint ?? connectSrc} (your user pool)`);
  log(`user pool ${userPoolId}, app client ${clientId} (${clientSecret ? "with a client secret, kept on this server" : "without a client secret"})`);
  log("Cognito sends the confirmation codes: to the email address given at sign-up");
} else {
  const state = path.resolve(env.DEMO_STATE_DIR ?? path.join(ROOT, ".demo"));
  fs.mkdirSync(state, { recursive: true, mode: 0o700 });
  const shown = (p) => (path.relative(process.cwd(), p).startsWith("..") ? p : path.relative(process.cwd(), p) || ".");
  const stateName = shown(state);
  const lock = lockState(state);
  if (lock.heldBy) {
    fail(
      `another demo (process ${lock.heldBy}) is using ${stateName}/: stop it with Ctrl-C in its terminal,`,
      "or run this one with its own state and ports: DEMO_STATE_DIR=.demo-2 DEMO_PORT=8081 COGNITO_PORT=9230 bash scripts/demo.sh",
    );
  }
  cleanups.push(() => lock.release());
  process.on("exit", () => lock.release());
  const reaped = await reapStaleEmulator(state);
  if (reaped) log(`stopped cognito-local (process ${reaped}), left running by an earlier demo that was killed`);

  // Shows cognito-local's "Confirmation Code Delivery" boxes, keeps the rest in a log file.
  const emulatorLog = fs.createWriteStream(path.join(state, "cognito-local.log"), { flags: "a" });
  const onOutput = (text) => {
    emulatorLog.write(text);
    if (text.includes("Confirmation Code Delivery")) {
      const lines = text.split("\n").filter((l) => /Username:|Destination:|Code:/.test(l));
      log("cognito-local sent a code:", lines.map((l) => l.replace(/[│\s]+/g, " ").trim()).join(" | "));
    }
  };
  const emulator = await startEmulator({ dir: state, port: await port("COGNITO_PORT", 9229), onOutput });
  cleanups.push(() => emulator.child.kill());
  // (Ctrl-C reaches cognito-local too: stopped with the demo, it is no news.)
  emulator.child.on("exit", (code, signal) => stopping || log(`cognito-local stopped (${signal ?? code}); the page will show network errors`));
  const pool = await ensurePool(emulator.endpoint, state);
  backendOptions = {
    config: { userPoolId: pool.userPoolId, clientId: pool.clientId, endpoint: emulator.endpoint, secretHash: true, emulator: true, signInUrl },
    clientSecret: pool.clientSecret,
    connectSrc: new URL(emulator.endpoint).origin,
    pendingCode: (username) => pendingCode(state, pool.userPoolId, username),
  };
  log(`cognito-local: ${emulator.endpoint} (state in ${stateName}/)`);
  log(`user pool ${pool.userPoolId}, app client ${pool.clientId} (with a client secret, kept on this server)`);
  log(`confirmation codes appear here and in ${shown(path.join(state, ".cognito", "db", pool.userPoolId + ".json"))}`);
}

const pagePort = await port("DEMO_PORT", 8080);
const server = http.createServer(createBackend({ ...backendOptions, port: pagePort }));
server.on("error", (e) =>
  fail(e.code === "EADDRINUSE" ? `port ${pagePort} on 127.0.0.1 was taken just now: run the demo again` : `the page server failed: ${e.code}`),
);
server.listen(pagePort, "127.0.0.1", () => {
  log(`open http://127.0.0.1:${server.address().port}/`);
  log("press Ctrl-C to stop");
});

function stop() {
  stopping = true;
  log("stopping");
  for (const cleanup of cleanups) cleanup();
  server.close();
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 200).unref();
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
