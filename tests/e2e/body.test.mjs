// An answer's body as the driver reads it (js/driver.js, `read`): whole, in
// as many chunks as the network gives it, a character split between two
// chunks decoded as one, and the same text as the same body in one chunk.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
const abi = await import(path.join(PKG, "abi.js"));
const { calls, stepsOf } = await import(path.join(PKG, "driver.js"));
abi.start(new WebAssembly.Module(fs.readFileSync(path.join(PKG, "cognito_confirm_bg.wasm"))));
const api = calls(stepsOf(abi.step));
const config = { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: "http://127.0.0.1:1/" };

// A Session of two-, three- and four-byte characters, so that most cuts fall inside one.
const session = "é€😀".repeat(20);
const body = new TextEncoder().encode(`{"Session":"${session}"}`);

// Confirms with `fetch` answering `body` cut into pieces of `size` bytes.
const confirmWith = async (size) => {
  const realFetch = globalThis.fetch;
  let pieces = 0;
  globalThis.fetch = async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (let at = 0; at < body.length; at += size, pieces++) controller.enqueue(body.slice(at, at + size));
        controller.close();
      },
    });
    return new Response(stream, { status: 200, headers: { "x-amzn-RequestId": "1c2d3e4f-0000-4000-8000-000000000000" } });
  };
  try {
    return { result: await api.confirmSignUp({ username: "alice", confirmationCode: "123456" }, config), pieces };
  } finally {
    globalThis.fetch = realFetch;
  }
};

test("a body in one chunk is read whole", async () => {
  const { result, pieces } = await confirmWith(body.length);
  assert.equal(pieces, 1);
  assert.equal(result.session, session);
});

for (const size of [1, 3, 7]) {
  test(`a body in chunks of ${size} bytes, characters cut between them, reads as in one`, async () => {
    const { result, pieces } = await confirmWith(size);
    assert.ok(pieces > 1);
    assert.equal(result.session, session);
  });
}
