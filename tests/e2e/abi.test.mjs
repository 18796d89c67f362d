// The package calls its module through js/abi.js, written by hand for the one
// export `step`; wasm-bindgen still generates its own glue for the same module
// (pkg/cognito_confirm.js, not shipped). Both run here side by side over the
// built module, each on its own instance: every call must give the same
// answer through both. A change in how wasm-bindgen passes arguments or
// answers (their order, strings, `None`, numbers), or in the module's imports,
// fails this test.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
const compiled = new WebAssembly.Module(fs.readFileSync(path.join(PKG, "cognito_confirm_bg.wasm")));
const generated = await import(path.join(PKG, "cognito_confirm.js"));
const ours = await import(path.join(PKG, "abi.js"));
generated.initSync({ module: compiled });
ours.start(compiled);

const config = { userPoolId: "us-east-1_Abc123", clientId: "client1" };
const json = (input, more = {}) => JSON.stringify({ input, config: { ...config, ...more } });
const confirm = json({ username: "ünï©ødé-user", confirmationCode: "123456" });
const secret = json({ username: "alice", confirmationCode: "1" }, { clientSecret: "s3cret-é" });
const signUp = json({ username: "bob", password: "Pa55word!", userAttributes: { email: "b@example.com" } });
const autoSignIn = json({ username: "carol", session: "x".repeat(40) });
const bad = json({ username: "", confirmationCode: "no" });
const big = "\u00e9\u{1F600}a".repeat(30000);

// [kind, args, provided, page, state, outcome, errorType, requestId, body, random]
const prepare = (kind, args, provided, page = 0, data) => [kind, args, provided, page, 0, -1, undefined, undefined, data, 0];
const judge = (kind, args, state, outcome, errorType, requestId, body, random = 0.5) =>
  [kind, args, undefined, 0, state, outcome, errorType, requestId, body, random];

const calls = [
  ...[0, 1, 2, 3, -1, 7].flatMap((kind) => [confirm, secret, signUp, autoSignIn, bad, "", "{", big].map((args) => prepare(kind, args))),
  prepare(0, secret, JSON.stringify({ config: { secretHash: "aGFzaA==" } })),
  prepare(0, secret, JSON.stringify({ config: { secretHash: big } })),
  prepare(0, confirm, undefined, 1),
  prepare(0, confirm, undefined, 2, "page data ✓"),
  prepare(0, confirm, undefined, 2, undefined),
  prepare(0, confirm, undefined, 2, big),
  ...[0, 1, 2, 3].flatMap((kind) => [
    judge(kind, confirm, 0, 200, undefined, "req-1", "{}"),
    judge(kind, signUp, 0, 200, null, null, JSON.stringify({ UserConfirmed: false, UserSub: "5f0c-ü", CodeDeliveryDetails: { Destination: "b***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" } })),
    judge(kind, autoSignIn, 0, 200, undefined, "r", JSON.stringify({ AuthenticationResult: { AccessToken: "a.b.c", IdToken: "d.e.f", RefreshToken: "g", ExpiresIn: 3600, TokenType: "Bearer" } })),
    judge(kind, confirm, 1, 400, "CodeMismatchException:http://x", "req-2", JSON.stringify({ __type: "CodeMismatchException", message: "wrong 123456 é" })),
    judge(kind, confirm, 2, 500, undefined, undefined, big),
    judge(kind, confirm, 0, 429, undefined, undefined, "", 0.999),
    judge(kind, confirm, 0, 0, undefined, undefined, "Failed to fetch ✗"),
    judge(kind, confirm, 0, 1),
    judge(kind, confirm, 0, 2),
    judge(kind, confirm, 0, 3, undefined, undefined, "provider said no"),
    judge(kind, confirm, 0, 3, undefined, undefined, "a lone \ud800 surrogate"),
    judge(kind, signUp, 0, 200, undefined, "", ""),
    judge(kind, confirm, 0, 4),
    judge(kind, confirm, 0, 1200, undefined, "req-3"),
    judge(kind, confirm, 5, 503, undefined, undefined, "<html>"),
  ]),
];

test("js/abi.js answers every call as wasm-bindgen's generated glue does", () => {
  let differ = [];
  for (const args of calls) {
    const expected = generated.step(...args);
    const actual = ours.step(...args);
    if (actual !== expected) differ.push({ args: args.map((a) => (typeof a == "string" ? a.slice(0, 80) : a)), expected: expected.slice(0, 200), actual: actual.slice(0, 200) });
  }
  assert.deepEqual(differ, []);
  assert.ok(calls.length > 100, `${calls.length} calls`);
});

test("the answers are real ones: an error, a request and a result among them", () => {
  const answers = calls.map((args) => ours.step(...args));
  assert.ok(answers.some((a) => a.startsWith('{"error"')), "an error");
  assert.ok(answers.some((a) => a.includes("\n") && a.includes("cognito-idp.us-east-1.amazonaws.com")), "a request");
  assert.ok(answers.some((a) => a.startsWith('{"ok"')), "a result");
});

test("the module's imports are exactly the ones js/abi.js gives", () => {
  const source = fs.readFileSync(path.join(PKG, "abi.js"), "utf8");
  for (const { module, name } of WebAssembly.Module.imports(compiled)) {
    assert.equal(module, "./cognito_confirm_bg.js");
    assert.ok(source.includes(`${name}:`), `js/abi.js does not give the import ${name}`);
    assert.ok(fs.readFileSync(path.join(PKG, "cognito_confirm.js"), "utf8").includes(name), name);
  }
});

test("js/abi.js uses every export wasm-bindgen's glue uses but the free and the realloc, and no other", () => {
  const used = (file) => new Set(fs.readFileSync(path.join(PKG, file), "utf8").match(/\bwasm\.\w+/g));
  const glue = used("cognito_confirm.js");
  // abi.js never frees (the module's allocator frees everything when the next
  // export starts) and allocates a string's UTF-8 at its length at once.
  assert.ok(glue.delete("wasm.__wbindgen_free"));
  assert.ok(glue.delete("wasm.__wbindgen_realloc"));
  assert.deepEqual([...used("abi.js")].sort(), [...glue].sort());
});

test("answers that are never given back leave the module's memory where one call's peak put it", () => {
  const run = () => {
    for (let i = 0; i < 300; i++) ours.step(...prepare(3, signUp, undefined, 2, big));
  };
  run();
  const size = ours.memory().buffer.byteLength;
  run();
  assert.equal(ours.memory().buffer.byteLength, size);
});

test("after start() again (a retired instance), calls go on with the same answers", () => {
  const before = ours.step(...prepare(0, confirm));
  const memory = ours.memory();
  ours.start();
  assert.notEqual(ours.memory(), memory, "a fresh instance");
  assert.equal(ours.step(...prepare(0, confirm)), before);
});
