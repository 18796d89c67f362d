// The package's entry for browsers and bundlers. The WebAssembly module is
// loaded on the first call (or by `ready()`), once, however many calls follow;
// nothing happens at import time and there is no top-level await.
import init, * as wasm from "./cognito_confirm.js";

let loading;

function load() {
  loading ??= init({ module_or_path: new URL("./cognito_confirm_bg.wasm", import.meta.url) }).then(
    () => undefined,
    (cause) => {
      loading = undefined;
      const error = new Error(
        "cognito-confirm could not load its WebAssembly module (network, a Content-Security-Policy without 'wasm-unsafe-eval', or the .wasm file not served next to the script)",
        { cause },
      );
      error.name = "LoadError";
      throw error;
    },
  );
  return loading;
}

/** Loads the WebAssembly module now, so that the first call does not wait for it. */
export function ready() {
  return load();
}

export async function confirmSignUp(input, config) {
  await load();
  return wasm.confirmSignUp(input, config);
}

export async function resendSignUpCode(input, config) {
  await load();
  return wasm.resendSignUpCode(input, config);
}

export async function autoSignIn(input, config) {
  await load();
  return wasm.autoSignIn(input, config);
}
