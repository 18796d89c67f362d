// The package's entry for Node.js (20 or later), where fetch() cannot read a
// file: URL: the module's bytes are read from disk instead. Otherwise as index.js.
import { readFile } from "node:fs/promises";
import init, * as wasm from "./cognito_confirm.js";

let loading;

function load() {
  loading ??= readFile(new URL("./cognito_confirm_bg.wasm", import.meta.url))
    .then((bytes) => init({ module_or_path: bytes }))
    .then(
      () => undefined,
      (cause) => {
        loading = undefined;
        const error = new Error("cognito-confirm could not load its WebAssembly module", { cause });
        error.name = "LoadError";
        throw error;
      },
    );
  return loading;
}

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
