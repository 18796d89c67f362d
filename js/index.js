// The entry for browsers and bundlers: the .wasm is fetched from beside this
// file with the SHA-384 it was built with (`integrity`, checked by the
// browser before a byte is compiled), and compiled while it streams in (or
// from its bytes when the server does not say `application/wasm`).
import { bind } from "./bind.js";

// Written by js/package.mjs when the package is built.
const integrity = "sha384-(written by js/package.mjs)";

export const { ready, signUp, confirmSignUp, resendSignUpCode, autoSignIn, buildRequest, isCognitoError } = bind(
  async () => {
    const url = new URL("./cognito_confirm_bg.wasm", import.meta.url);
    const ok = (res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${res.url}`);
      return res;
    };
    let res;
    try {
      res = await fetch(url, { integrity });
    } catch (e) {
      // The browser says only that the fetch failed: a second one, not
      // compiled, tells a module with other bytes from a missing one.
      ok(await fetch(url).catch(() => Promise.reject(e)));
      throw new Error(`${url} is not the module this package was built with (${integrity})`, { cause: e });
    }
    ok(res);
    return res.headers.get("Content-Type") == "application/wasm"
      ? WebAssembly.compileStreaming(res)
      : WebAssembly.compile(await res.arrayBuffer());
  },
  " (network, a Content-Security-Policy without 'wasm-unsafe-eval', the .wasm file not served next to the script, or other bytes than this package's)",
);
