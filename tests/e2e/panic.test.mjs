// A Rust panic inside the module: the call that hit it rejects with a
// PanicError, a call in flight goes on unharmed, and the next call works on a
// fresh instance. Runs the package built with the `panic-probe` feature
// (`prepare` panics when the input has a `__panicProbe` member), which
// scripts/test.sh builds into target/pkg-probe/.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";

import { launchChromium } from "../support/chromium.mjs";
import { serveProbePackage } from "../support/probe-page.mjs";
import { startFake } from "../fake-cognito/start.mjs";

let fake;
let fakeUrl;
let server;
let pageUrl;
let browser;

before(async () => {
  fake = await startFake();
  fakeUrl = fake.url;
  server = await serveProbePackage("panic probe");
  pageUrl = server.url;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  fake?.stop();
});

const control = (pathname, body) => fake.control(pathname, body);

test("a panic rejects its own call only, and the next call works", async () => {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const stamp = Date.now();
  await control("users", { username: `slow${stamp}`, code: "1" });
  await control("script", { username: `slow${stamp}`, responses: [{ delayMs: 1500, apply: true, status: 200, body: "{}" }] });
  await control("users", { username: `after${stamp}`, code: "2" });

  const outcome = await page.evaluate(
    async ({ fakeUrl, stamp }) => {
      const m = await import("/index.js");
      const config = { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: fakeUrl };
      const settle = (p) => p.then((v) => ({ ok: v }), (e) => ({ name: e.name, message: e.message }));
      const inFlight = settle(m.confirmSignUp({ username: `slow${stamp}`, confirmationCode: "1" }, config));
      await new Promise((r) => setTimeout(r, 100));
      const panicProbe = () => settle(m.confirmSignUp({ username: "probe", confirmationCode: "1", __panicProbe: true }, config));
      const probe = await panicProbe();
      const flight = await Promise.race([inFlight, new Promise((r) => setTimeout(() => r({ hung: true }), 5000))]);
      const next = await settle(m.confirmSignUp({ username: `after${stamp}`, confirmationCode: "2" }, config));
      const again = await panicProbe();
      const last = await settle(m.confirmSignUp({ username: `after${stamp}`, confirmationCode: "2" }, config));
      return { probe, flight, next, again, last };
    },
    { fakeUrl, stamp },
  );
  assert.equal(outcome.probe.name, "PanicError");
  assert.match(outcome.probe.message, /because of a bug \(a Rust panic\)/);
  assert.equal(outcome.flight.ok?.isSignUpComplete, true, `the call in flight finishes on the fresh instance: ${JSON.stringify(outcome.flight)}`);
  assert.equal(outcome.next.ok?.isSignUpComplete, true, "the next call works");
  assert.equal(outcome.again.name, "PanicError");
  assert.equal(outcome.last.name, "NotAuthorizedException", "the module still reaches Cognito after a second panic");
  await page.close();
});
