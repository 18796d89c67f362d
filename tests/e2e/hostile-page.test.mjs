// What only a real page with the real package shows (issue 12): a module load
// that stalls ends at once on abort and at the call's deadline (and the load
// goes on for the next call); a trap that is no panic retires the instance;
// a page's Math.random that throws never reaches the module. Runs the probe
// build (target/pkg-probe, built by scripts/test.sh), whose `prepare` traps
// without a panic when the input has a `__trapProbe` member and then traps on
// every call until the instance is replaced.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { launchChromium } from "../support/chromium.mjs";
import { serveProbePackage } from "../support/probe-page.mjs";
import { startFake } from "../fake-cognito/start.mjs";

let fake;
let server;
let pageUrl;
let browser;
// While set, requests for the .wasm wait for it to be called.
let stalled;

before(async () => {
  fake = await startFake();
  server = await serveProbePackage("hostile page", () => stalled?.promise);
  pageUrl = server.url;
  browser = await launchChromium();
});

after(async () => {
  stalled?.release();
  await browser?.close();
  server?.close();
  fake?.stop();
});

const config = () => ({ userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: fake.url });

test("a stalled module load ends the call on abort and at its deadline, and goes on for the next call", async () => {
  let release;
  stalled = { promise: new Promise((r) => (release = r)), release: () => release() };
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const stamp = Date.now();
  await fake.control("users", { username: `load${stamp}`, code: "1" });
  const waits = await page.evaluate(async (config) => {
    const m = await import("/index.js");
    globalThis.__m = m;
    const settle = async (p) => {
      const started = performance.now();
      const outcome = await p.then((v) => ({ ok: v }), (e) => ({ name: e.name, message: e.message }));
      return { ...outcome, ms: performance.now() - started };
    };
    const c = new AbortController();
    setTimeout(() => c.abort(), 100);
    const aborted = await settle(m.confirmSignUp({ username: "u", confirmationCode: "1", signal: c.signal }, config));
    const deadline = await settle(m.confirmSignUp({ username: "u", confirmationCode: "1" }, { ...config, timeoutMs: 300 }));
    return { aborted, deadline };
  }, config());
  assert.equal(waits.aborted.name, "AbortError", JSON.stringify(waits.aborted));
  assert.ok(waits.aborted.ms < 1000, `the abort ended the wait at once (${waits.aborted.ms} ms)`);
  assert.equal(waits.deadline.name, "LoadError", JSON.stringify(waits.deadline));
  assert.match(waits.deadline.message, /within 300 ms/);
  assert.ok(waits.deadline.ms < 1500, `the deadline ended the wait (${waits.deadline.ms} ms)`);

  stalled.release();
  stalled = undefined;
  const next = await page.evaluate(
    ({ config, stamp }) =>
      globalThis.__m.confirmSignUp({ username: `load${stamp}`, confirmationCode: "1" }, config).then(
        (v) => ({ ok: v }),
        (e) => ({ name: e.name }),
      ),
    { config: config(), stamp },
  );
  assert.equal(next.ok?.isSignUpComplete, true, JSON.stringify(next));
  await page.close();
});

test("a trap that is no panic retires the instance: the next call runs on a fresh one", async () => {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const stamp = Date.now();
  await fake.control("users", { username: `trap${stamp}`, code: "1" });
  const outcome = await page.evaluate(
    async ({ config, stamp }) => {
      const m = await import("/index.js");
      const settle = (p) => p.then((v) => ({ ok: v }), (e) => ({ name: e.name, cause: String(e.cause) }));
      const trap = await settle(m.confirmSignUp({ username: "probe", confirmationCode: "1", __trapProbe: true }, config));
      const next = await settle(m.confirmSignUp({ username: `trap${stamp}`, confirmationCode: "1" }, config));
      return { trap, next };
    },
    { config: config(), stamp },
  );
  assert.equal(outcome.trap.name, "PanicError");
  assert.match(outcome.trap.cause, /RuntimeError/);
  assert.equal(outcome.next.ok?.isSignUpComplete, true, `the next call works: ${JSON.stringify(outcome.next)}`);
  await page.close();
});

test("a Math.random that throws never reaches the module, however many calls", async () => {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const outcome = await page.evaluate(async (config) => {
    const m = await import("/index.js");
    await m.ready();
    Math.random = () => {
      throw new Error("patched Math.random");
    };
    // Answers without the network, so that thousands of calls are quick.
    globalThis.fetch = async () => new Response("{}", { status: 200 });
    const names = new Map();
    for (let i = 0; i < 4000; i++) {
      const name = await m.confirmSignUp({ username: "u", confirmationCode: "1" }, config).then(
        () => "ok",
        (e) => e.name + ": " + e.message,
      );
      names.set(name, (names.get(name) ?? 0) + 1);
    }
    return Object.fromEntries(names);
  }, config());
  assert.deepEqual(outcome, { ok: 4000 });
  await page.close();
});

test("Object.prototype[Symbol.iterator] on the page does not rewrite the request's headers", async () => {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const username = `iter${Date.now()}`;
  await fake.control("users", { username, code: "123456" });
  const outcome = await page.evaluate(
    async ([config, username]) => {
      const m = await import("/index.js");
      // fetch looks for an @@iterator on its `headers` option, through the prototype chain.
      Object.prototype[Symbol.iterator] = function* () {
        yield ["X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth"];
        yield ["X-Extra", "1"];
      };
      try {
        const r = await m.resendSignUpCode({ username }, config);
        return r.codeDeliveryDetails ? "ok" : JSON.stringify(r);
      } catch (e) {
        return e.name + ": " + e.message;
      } finally {
        delete Object.prototype[Symbol.iterator];
      }
    },
    [config(), username],
  );
  const seen = await fake.control(`requests?username=${encodeURIComponent(username)}`);
  assert.equal(seen.length, 1, outcome);
  assert.equal(seen[0].target, "AWSCognitoIdentityProviderService.ResendConfirmationCode", outcome);
  assert.equal(seen[0].headers["x-extra"], undefined);
  await page.close();
});

test("memory stays at one call's peak, however many calls and however large their answers", async () => {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const outcome = await page.evaluate(async (config) => {
    const m = await import("/index.js");
    await m.ready();
    // The running instance's memory, from the package's own loader.
    const memory = (await import("/abi.js")).memory();
    // An error answer just under the body cap, echoing the code: read, parsed, redacted, cut.
    const body = JSON.stringify({ __type: "CodeMismatchException", message: "123456 ".repeat(37000) });
    globalThis.fetch = async () => new Response(body, { status: 400 });
    const sizes = [];
    for (let i = 0; i < 600; i++) {
      const name = await m.confirmSignUp({ username: "u", confirmationCode: "123456" }, config).then(
        () => "ok",
        (e) => e.name,
      );
      if (name != "CodeMismatchException") return { name };
      if (i == 99 || i == 599) sizes.push(memory.buffer.byteLength);
    }
    return { sizes };
  }, config());
  assert.ok(outcome.sizes, JSON.stringify(outcome));
  const [after100, after600] = outcome.sizes;
  assert.equal(after600, after100, "no growth after the first calls");
  assert.ok(after600 < 16 * 1024 * 1024, `${after600} bytes`);
  await page.close();
});

test("ready() loads the module and runs every operation with a stand-in for fetch, sending nothing; the next call works", async () => {
  const before = await fake.control("stats");
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const stamp = Date.now();
  await fake.control("users", { username: `ready${stamp}`, code: "1" });
  const warmed = await page.evaluate(async () => {
    const m = await import("/index.js");
    await m.ready();
    await m.ready();
    return true;
  });
  assert.equal(warmed, true);
  const after = await fake.control("stats");
  assert.equal(after.requests, before.requests, "ready() sends no request");
  assert.equal(after.preflights, before.preflights, "not even a preflight");
  const outcome = await page.evaluate(
    async ({ config, stamp }) => {
      const m = await import("/index.js");
      return m.confirmSignUp({ username: `ready${stamp}`, confirmationCode: "1" }, config);
    },
    { config: config(), stamp },
  );
  assert.equal(outcome.isSignUpComplete, true);
  await page.close();
});
