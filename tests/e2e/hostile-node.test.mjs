// The package in Node.js against a hostile page's globals and a hostile
// server: what a page sets on Object.prototype never reads as an answer (its
// headers: tests/e2e/hostile-page.test.mjs, in a browser; Node's own fetch
// reads Object.prototype[Symbol.iterator] whatever it is given), a redirect is refused in Node.js as in a browser (Node hands the
// 3xx over), and an attempt ends at its deadline and on abort even when a
// fetch wrapper drops the signal or a body never ends.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { startFake } from "../fake-cognito/start.mjs";

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
const ENTRY = path.join(PKG, "index.node.js");

let fake;
before(async () => {
  fake = await startFake();
});
after(() => fake?.stop());

const config = (endpoint = fake.url + "/") => ({ userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint });

/** Runs `body` (an async function's text, given `api`, `config` and `username`) in a fresh Node.js after `pollute`. */
function inFreshNode(pollute, body, username) {
  const script = `
    ${pollute}
    const api = await import(${JSON.stringify(ENTRY)});
    const config = ${JSON.stringify(config())};
    const username = ${JSON.stringify(username)};
    const out = await (async () => { ${body} })().then((v) => ({ ok: v }), (e) => ({ error: e?.name, message: e?.message }));
    process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30000 }));
}

test("Object.prototype.done on the page is no answer: the call is sent and judged", async () => {
  const username = `done${Date.now()}`;
  const out = inFreshNode(
    'Object.prototype.done = { ok: { isSignUpComplete: true, userId: "attacker", nextStep: { signUpStep: "DONE" } } };',
    'return await api.signUp({ username, password: "Corr3ct-Horse!", userAttributes: { email: username + "@example.com" } }, config);',
    username,
  );
  assert.equal(out.ok?.userId === "attacker", false, JSON.stringify(out));
  assert.equal(out.ok?.nextStep?.signUpStep, "CONFIRM_SIGN_UP", JSON.stringify(out));
  const seen = await fake.control(`requests?username=${encodeURIComponent(username)}`);
  assert.equal(seen.length, 1, "the sign-up was sent");
});

/** A server of our own: `answer(req, res)` for each request; counts them. */
async function serve(answer) {
  const server = http.createServer((req, res) => {
    server.requests++;
    req.resume();
    answer(req, res);
  });
  server.requests = 0;
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  server.url = `http://127.0.0.1:${server.address().port}/`;
  return server;
}

test("a redirect in Node.js is refused at once, whatever its headers say, and not retried", async () => {
  const api = await import(ENTRY);
  let followed = 0;
  const target = await serve((req, res) => {
    followed++;
    res.end("{}");
  });
  const server = await serve((req, res) =>
    res.writeHead(302, { Location: target.url, "x-amzn-ErrorType": "InternalErrorException", "Content-Type": "application/x-amz-json-1.1" }).end('{"__type":"InternalErrorException"}'),
  );
  try {
    const err = await api.confirmSignUp({ username: "alice", confirmationCode: "123456" }, config(server.url)).then(
      () => assert.fail("a redirect is no success"),
      (e) => e,
    );
    assert.equal(err.name, "UnknownError");
    assert.equal(err.status, 0);
    assert.equal(server.requests, 1, "not retried");
    assert.equal(followed, 0, "nothing went to its target");
  } finally {
    server.close();
    target.close();
  }
});

test("an attempt ends at its deadline and on abort when a fetch wrapper drops the signal or a body never ends", async () => {
  const api = await import(ENTRY);
  const server = await serve((req, res) => {
    if (req.url.includes("drip")) res.writeHead(200, { "Content-Type": "application/x-amz-json-1.1" }).write('{"Session":"');
    // else: no answer at all
  });
  const realFetch = globalThis.fetch;
  // A page's wrapper that loses the signal on the way.
  globalThis.fetch = (url, init) => realFetch(url, { ...init, signal: undefined });
  const input = { username: "alice", confirmationCode: "123456" };
  try {
    for (const where of ["hang", "drip"]) {
      let started = Date.now();
      const timedOut = await api.confirmSignUp(input, { ...config(server.url + where), timeoutMs: 300, maxAttempts: 1 }).catch((e) => e);
      assert.equal(timedOut.name, "TimeoutError", where);
      assert.ok(Date.now() - started < 2000, `${where}: ended at the deadline, not ${Date.now() - started} ms`);

      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      started = Date.now();
      const aborted = await api.confirmSignUp({ ...input, signal: controller.signal }, config(server.url + where)).catch((e) => e);
      assert.equal(aborted.name, "AbortError", where);
      assert.ok(Date.now() - started < 2000, `${where}: ended on abort, not ${Date.now() - started} ms`);
    }
  } finally {
    globalThis.fetch = realFetch;
    server.closeAllConnections();
    server.close();
  }
});
