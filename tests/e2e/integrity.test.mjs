// The package compiles only the .wasm it was built with. The Node.js entry
// hashes the bytes it reads (the browsers' fetch `integrity` is checked in
// tests/pages/): a module with other bytes, swapped or truncated, is a
// LoadError whose cause says so, nothing is sent, and the next call, once
// the right bytes are back, loads them. The package carries the digests the
// build printed (integrity.json), and both entry points carry the SHA-384.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { startFake } from "../fake-cognito/start.mjs";

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../pkg");
const WASM = "cognito_confirm_bg.wasm";

let fake;
let dir;

before(async () => {
  assert.ok(fs.existsSync(path.join(PKG, WASM)), "pkg/ is built (bash scripts/build.sh)");
  fake = await startFake();
  // A copy of the package, whose .wasm the tests replace.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-confirm-integrity-"));
  fs.cpSync(PKG, dir, { recursive: true });
});

after(() => {
  fake?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const right = () => fs.readFileSync(path.join(PKG, WASM));
const sha384 = (bytes) => "sha384-" + crypto.createHash("sha384").update(bytes).digest("base64");

test("the package carries the module's digests, and both entry points its SHA-384", () => {
  const bytes = right();
  const { [WASM]: recorded } = JSON.parse(fs.readFileSync(path.join(PKG, "integrity.json"), "utf8"));
  assert.equal(recorded.bytes, bytes.length);
  assert.equal(recorded.sha256, crypto.createHash("sha256").update(bytes).digest("hex"));
  assert.equal(recorded.sha384, crypto.createHash("sha384").update(bytes).digest("hex"));
  assert.equal(recorded.integrity, sha384(bytes));
  for (const entry of ["index.js", "index.node.js"]) {
    const text = fs.readFileSync(path.join(PKG, entry), "utf8");
    assert.ok(text.includes(`"${sha384(bytes)}"`), `${entry} holds the module's SHA-384`);
    assert.ok(!text.includes("written by js/package.mjs)"), `${entry}: the placeholder is gone`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(PKG, "package.json"), "utf8"));
  assert.ok(manifest.files.includes("integrity.json"), "integrity.json is packed");
});

test("the Node.js entry refuses a swapped and a truncated .wasm with a LoadError, sends nothing, and loads the right bytes on the next call", async () => {
  const config = { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: fake.url + "/" };
  const bytes = right();
  const variants = {
    // Other bytes that compile and run as well: a custom section "test" of no bytes appended.
    swapped: Buffer.concat([bytes, Buffer.from([0, 5, 4, 116, 101, 115, 116])]),
    truncated: bytes.subarray(0, bytes.length >> 1),
  };
  // The swapped module would work: only the digest tells it apart.
  await WebAssembly.compile(variants.swapped);
  for (const [name, variant] of Object.entries(variants)) {
    // A fresh load for each: the entry imported anew, as a new process would.
    const { confirmSignUp } = await import(`${pathToFileURL(path.join(dir, "index.node.js"))}?${name}`);
    const username = `integrity${name}${Date.now()}`;
    await fake.control("users", { username, code: "1" });
    fs.writeFileSync(path.join(dir, WASM), variant);
    const failed = await confirmSignUp({ username, confirmationCode: "1" }, config).then(
      (v) => assert.fail(`${name}: resolved ${JSON.stringify(v)}`),
      (e) => e,
    );
    assert.ok(failed instanceof Error, name);
    assert.equal(failed.name, "LoadError", `${name}: ${failed.message}`);
    assert.match(String(failed.cause?.message), /cognito_confirm_bg\.wasm is not the module this package was built with \(sha384-[A-Za-z0-9+/]{64}\)/, name);
    assert.equal((await fake.control(`requests?username=${username}`)).length, 0, `${name}: nothing was sent`);

    fs.writeFileSync(path.join(dir, WASM), bytes);
    const result = await confirmSignUp({ username, confirmationCode: "1" }, config);
    assert.equal(result.isSignUpComplete, true, name);
  }
});
