// The entry for browsers and bundlers: the .wasm is fetched from beside this
// file and compiled while it streams in (or from its bytes when the server
// does not say `application/wasm`).
import { bind } from "./bind.js";

export const { ready, signUp, confirmSignUp, resendSignUpCode, autoSignIn, buildRequest, isCognitoError } = bind(
  async () => {
    const res = await fetch(new URL("./cognito_confirm_bg.wasm", import.meta.url));
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${res.url}`);
    return res.headers.get("Content-Type") == "application/wasm"
      ? WebAssembly.compileStreaming(res)
      : WebAssembly.compile(await res.arrayBuffer());
  },
  " (network, a Content-Security-Policy without 'wasm-unsafe-eval', or the .wasm file not served next to the script)",
);
