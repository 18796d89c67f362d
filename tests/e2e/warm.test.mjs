// `ready()` runs the calls' code once the module is loaded (`warm`,
// js/driver.js), so that the engine has compiled it before the user
// submits. A run that stopped early (a rule that now refuses its input, an
// answer the core no longer takes) would leave the rest of its path cold and
// say nothing, since `ready()` ignores the outcome: so each run must end in
// its operation's success.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
const abi = await import(path.join(PKG, "abi.js"));
const { calls, stepsOf } = await import(path.join(PKG, "driver.js"));
abi.start(new WebAssembly.Module(fs.readFileSync(path.join(PKG, "cognito_confirm_bg.wasm"))));

test("the warm-up takes each of the four operations to its success, and sends nothing", async () => {
  const sent = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (...args) => (sent.push(args), Promise.reject(new Error("sent")));
  let steps = 0;
  const core = stepsOf((...args) => (steps++, abi.step(...args)));
  try {
    const [confirmed, resent, signedIn, signedUp] = await calls(core).warm();
    assert.deepEqual(confirmed, { isSignUpComplete: true, nextStep: { signUpStep: "COMPLETE_AUTO_SIGN_IN" }, session: "w".repeat(20) });
    // An empty CodeDeliveryDetails: read, and nothing in it to give back.
    assert.deepEqual(resent, {});
    assert.equal(signedIn.isSignedIn, true);
    assert.deepEqual(signedIn.tokens, { accessToken: "w", expiresIn: 1 });
    assert.equal(signedUp.isSignUpComplete, false);
    assert.equal(signedUp.userId, "w");
    assert.equal(signedUp.nextStep.signUpStep, "CONFIRM_SIGN_UP");
    assert.equal(signedUp.session, "w".repeat(20));
    // Three rounds of four calls, each one prepare and one judge.
    assert.equal(steps, 24);
    assert.deepEqual(sent, []);
  } finally {
    globalThis.fetch = realFetch;
  }
});
