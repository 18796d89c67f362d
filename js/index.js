// The entry for browsers and bundlers: the .wasm is fetched from beside this file.
import { bind } from "./bind.js";

export const { ready, confirmSignUp, resendSignUpCode, autoSignIn } = bind(
  () => new URL("./cognito_confirm_bg.wasm", import.meta.url),
  " (network, a Content-Security-Policy without 'wasm-unsafe-eval', or the .wasm file not served next to the script)",
);
