// The module's one export, `step`, called through the ABI wasm-bindgen gives
// it (src/web/mod.rs), without wasm-bindgen's generated JavaScript: that glue
// is written for any export and cost 1.1 kB brotli on the first call's path;
// this file is what our one export needs.
//
// The ABI (wasm-bindgen 0.2.130, the version Cargo.toml pins): a `&str` or
// `Option<String>` argument crosses as a pointer and a length into the
// module's memory, allocated with `__wbindgen_malloc(length, 1)` and filled
// with UTF-8 (pointer 0 for `None`); numbers cross as they are; the `String`
// answer comes back as [pointer, length]. wasm-bindgen's glue gives it back
// with `__wbindgen_free` once decoded; this file does not, because the
// module's allocator frees everything when the next export starts
// (src/web/heap.rs), so that call would only cost a crossing. The module is built
// without reference types (scripts/nightly.sh), so it has no table of
// JavaScript values to fill and no start function; its one import is below.
//
// tests/e2e/abi.test.mjs holds this file to wasm-bindgen's own glue for the
// same module: the same answers for the same calls, and the same imports. A
// change of wasm-bindgen's ABI fails that test (and a changed import fails
// every call, at instantiation).

let module;
let wasm;
let view;
let decoder;
let decoded = 0;
let length = 0;
const encoder = new TextEncoder();

// The module's memory as bytes; a fresh view once growing it detached the old one.
const bytes = () => (view?.byteLength ? view : (view = new Uint8Array(wasm.memory.buffer)));

// Safari's TextDecoder breaks after about 2 GiB decoded: a fresh one before
// that, as wasm-bindgen's glue does.
const text = (pointer, size) => {
  if (!decoder || (decoded += size) >= 2146435072) {
    decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    decoded = size;
  }
  return decoder.decode(bytes().subarray(pointer, pointer + size));
};

const imports = {
  "./cognito_confirm_bg.js": {
    __wbg___wbindgen_throw_4c88d8bf264fd984: (pointer, size) => {
      throw new Error(text(pointer >>> 0, size));
    },
  },
};

// A string argument: its pointer in the module's memory (0 for none), and
// its length in `length`. `encoded` is its UTF-8, when the caller has it.
// The browser encodes it and copies it in, rather than a loop here over its
// characters, as wasm-bindgen's glue does: in the warm row that loop, in a
// tier V8 has not optimised yet, cost more (docs/performance-2026-12.md).
const pass = (value, encoded = value != null && encoder.encode(value)) => {
  if (!encoded) return (length = 0);
  const pointer = wasm.__wbindgen_malloc((length = encoded.length), 1) >>> 0;
  bytes().set(encoded, pointer);
  return pointer;
};

// The last arguments' text and its UTF-8: a call hands the same text to both
// of its steps, encoded once.
let lastArgs;
let lastEncoded;

/** Instantiates the compiled module; again after a trap, so that the next call runs on a fresh instance. */
export const start = (compiled = module) => {
  module = compiled;
  wasm = new WebAssembly.Instance(module, imports).exports;
  view = undefined;
};

/** The running instance's memory (for the memory test). */
export const memory = () => wasm.memory;

/** `step` of src/web/mod.rs, argument for argument. */
export const step = (kind, args, provided, page, state, outcome, errorType, requestId, body, random) => {
  if (args !== lastArgs) lastEncoded = encoder.encode((lastArgs = args));
  const a = pass(args, lastEncoded);
  const aLength = length;
  const p = pass(provided);
  const pLength = length;
  const e = pass(errorType);
  const eLength = length;
  const r = pass(requestId);
  const rLength = length;
  const b = pass(body);
  const answer = wasm.step(kind, a, aLength, p, pLength, page, state, outcome, e, eLength, r, rLength, b, length, random);
  return text(answer[0] >>> 0, answer[1]);
};
