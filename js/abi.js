// The module's one export, `step`, called through the ABI wasm-bindgen gives
// it (src/web/mod.rs), without wasm-bindgen's generated JavaScript: that glue
// is written for any export and cost 1.1 kB brotli on the first call's path;
// this file is what our one export needs.
//
// The ABI (wasm-bindgen 0.2.130, the version Cargo.toml pins): a `&str` or
// `Option<String>` argument crosses as a pointer and a length into the
// module's memory, allocated with `__wbindgen_malloc(length, 1)` and filled
// with UTF-8 (pointer 0 for `None`); numbers cross as they are; the `String`
// answer comes back as [pointer, length] and is given back with
// `__wbindgen_free(pointer, length, 1)` once decoded. The module is built
// without reference types (scripts/nightly.sh), so it has no table of
// JavaScript values to fill and no start function; its one import is below.
//
// tests/e2e/abi.test.mjs holds this file to wasm-bindgen's own glue for the
// same module: the same answers for the same calls, and the same imports. A
// change of wasm-bindgen's ABI fails that test (and a changed import fails
// every call, at instantiation).

let module;
let wasm;
let decoder;
let decoded = 0;
const encoder = new TextEncoder();

// Safari's TextDecoder breaks after about 2 GiB decoded: a fresh one before
// that, as wasm-bindgen's glue does.
const text = (pointer, length) => {
  if (!decoder || (decoded += length) >= 2146435072) {
    decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    decoded = length;
  }
  return decoder.decode(new Uint8Array(wasm.memory.buffer, pointer, length));
};

const imports = {
  "./cognito_confirm_bg.js": {
    __wbg___wbindgen_throw_4c88d8bf264fd984: (pointer, length) => {
      throw new Error(text(pointer >>> 0, length));
    },
  },
};

// A string argument: [pointer, length] in the module's memory; [0, 0] for none.
const pass = (value) => {
  if (value == null) return [0, 0];
  const bytes = encoder.encode(value);
  const pointer = wasm.__wbindgen_malloc(bytes.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer, pointer, bytes.length).set(bytes);
  return [pointer, bytes.length];
};

/** Instantiates the compiled module; again after a trap, so that the next call runs on a fresh instance. */
export const start = (compiled = module) => {
  module = compiled;
  wasm = new WebAssembly.Instance(module, imports).exports;
};

/** The running instance's memory (for the memory test). */
export const memory = () => wasm.memory;

/** `step` of src/web/mod.rs, argument for argument. */
export const step = (kind, args, provided, page, state, outcome, errorType, requestId, body, random) => {
  const [answer, length] = wasm.step(
    kind,
    ...pass(args),
    ...pass(provided),
    page,
    state,
    outcome,
    ...pass(errorType),
    ...pass(requestId),
    ...pass(body),
    random,
  );
  try {
    return text(answer >>> 0, length);
  } finally {
    wasm.__wbindgen_free(answer, length, 1);
  }
};
