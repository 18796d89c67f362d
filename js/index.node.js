// The entry for Node.js (20 or later), where fetch() cannot read a file: URL:
// the module's bytes are read from disk.
import { readFile } from "node:fs/promises";
import { bind } from "./bind.js";

export const { ready, signUp, confirmSignUp, resendSignUpCode, autoSignIn, buildRequest, isCognitoError } = bind(
  async () => WebAssembly.compile(await readFile(new URL("./cognito_confirm_bg.wasm", import.meta.url))),
  "",
);
