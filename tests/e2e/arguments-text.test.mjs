// The driver writes the arguments' JSON text for the core member by member
// (js/driver.js `value`, `copy`): JSON.stringify over the copies, which have
// no prototype, takes V8's slow path. Here the text is held to what
// JSON.stringify writes of the copy as the core reads it (src/call/arguments.rs):
// members as JSON carries them, tags for what it cannot, `\0`-escaped keys,
// nothing for undefined. Random arguments with getters, signals, lone
// surrogates, odd numbers and keys, and a SecretHash provider's answers.

import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";

const { calls } = await import(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "js", "driver.js"));

// The reference: the copy as an object, serialised by JSON.stringify.
const NESTED = ["analyticsMetadata", "userContextData", "clientMetadata", "userAttributes", "validationData"];
const tag = (kind) => ({ __proto__: null, "\0": kind });
const data = (v, nested) => {
  const type = typeof v;
  if (type == "string") return /\p{Cs}/u.test(v) ? tag("loneSurrogate") : v;
  if (type == "number") return isFinite(v) ? v : tag(type);
  if (type == "boolean" || v == null) return v;
  if (v instanceof AbortSignal) return tag("signal");
  return nested && type == "object" && !Array.isArray(v) ? object(v) : tag(type);
};
const object = (v, nested) => {
  let out = { __proto__: null };
  for (let k of Object.keys(v)) {
    const d = data(v[k], nested?.includes(k));
    if (/\p{Cs}/u.test(k)) out = tag("loneSurrogate");
    if (k[0] == "\0") k = "\0" + k;
    if (out["\0"] == null) out[k] = d;
  }
  return out;
};
const argument = (v, nested) => (v && typeof v == "object" && !Array.isArray(v) && !(v instanceof AbortSignal) ? object(v, nested) : data(v));
const expected = (input, config) => JSON.stringify({ input: argument(input, NESTED), config: argument(config) });

// What the driver hands the core: every `prepare`'s arguments and SecretHash text.
const driver = () => {
  let seen;
  const api = calls({
    prepare: (kind, args, provided) => {
      seen.push([args, provided]);
      return provided == null && seen.provide ? '{"provide":true}' : '{"error":{"name":"ValidationError","message":"stop"}}';
    },
    judge: () => '{"error":{"name":"ValidationError","message":"stop"}}',
  });
  return async (input, config, provide) => {
    seen = [];
    seen.provide = provide;
    await api.confirmSignUp(input, config).catch(() => {});
    return seen;
  };
};

let seed = 20261204;
const random = (n) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
const pick = (xs) => xs[random(xs.length)];
const STRINGS = ["a", "", "\ud800", "x\udc00y", "😀", "\0", "\0a", "\0\0b", '"q"', "\\", "é", "1", "0", "__proto__", "toJSON", "\n"];
const KEYS = [...STRINGS, "username", "confirmationCode", "signal", "endpoint", ...NESTED];
const primitive = () =>
  pick([
    () => pick(STRINGS),
    () => pick([0, -0, 1.5, NaN, Infinity, -Infinity, 1e21, 2 ** 53, -1e-7]),
    () => random(2) == 0,
    () => null,
    () => undefined,
    () => () => 1,
    () => Symbol("s"),
    () => 10n,
    () => [1, "a"],
    () => AbortSignal.abort(),
  ])();
const randomObject = (depth) => {
  const o = {};
  for (let n = random(6); n > 0; n--) o[pick(KEYS)] = depth < 2 && random(3) == 0 ? randomObject(depth + 1) : primitive();
  if (random(5) == 0) {
    const got = pick(STRINGS);
    Object.defineProperty(o, "g", { enumerable: true, get: () => got });
  }
  return o;
};

test("the arguments' text is what JSON.stringify writes of the copy", async () => {
  const run = driver();
  for (let i = 0; i < 5000; i++) {
    const input = random(8) == 0 ? primitive() : randomObject(0);
    const config = random(8) == 0 ? primitive() : randomObject(0);
    const [[args]] = await run(input, config, false);
    assert.equal(args, expected(input, config));
  }
});

test("a SecretHash provider's answer crosses as JSON.stringify writes it", async () => {
  const run = driver();
  for (const hash of ["c2VjcmV0", "", "\ud800", 5, NaN, null, undefined, {}, () => 1, "\0"]) {
    const seen = await run({ username: "a", confirmationCode: "1" }, { userPoolId: "us-east-1_a", clientId: "c", secretHash: () => hash }, true);
    assert.equal(seen.length, 2, String(hash));
    assert.equal(seen[1][1], JSON.stringify({ config: { secretHash: data(hash) } }), String(hash));
  }
});
