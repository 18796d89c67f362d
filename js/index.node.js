// The entry for Node.js (20 or later), where fetch() cannot read a file: URL:
// the module's bytes are read from disk, and compiled only when their SHA-384
// is the one this package was built with.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { bind } from "./bind.js";

// Written by js/package.mjs when the package is built.
const integrity = "sha384-(written by js/package.mjs)";

export const { ready, signUp, confirmSignUp, resendSignUpCode, autoSignIn, buildRequest, isCognitoError } = bind(async () => {
  const url = new URL("./cognito_confirm_bg.wasm", import.meta.url);
  const bytes = await readFile(url);
  if ("sha384-" + createHash("sha384").update(bytes).digest("base64") != integrity) {
    throw new Error(`${url} is not the module this package was built with (${integrity})`);
  }
  return WebAssembly.compile(bytes);
}, "");
