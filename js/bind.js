// The package's API over the wasm-bindgen module: the module is compiled on
// the first call (or by `ready()`), once, however many calls follow. Nothing
// happens at import time and there is no top-level await. The entry points
// differ only in how they get the compiled module. Only wasm-bindgen's
// `initSync` is used, so a bundler leaves out its URL-fetching loader.
import { initSync, judge, prepare } from "./cognito_confirm.js";
import { calls } from "./driver.js";

/** `compile()` resolves to the `WebAssembly.Module`. */
export function bind(compile, hint) {
  let loading;
  let loaded = false;
  const load = () =>
    (loading ??= Promise.resolve()
      .then(compile)
      .then((module) => {
        initSync({ module });
        loaded = true;
      })
      .catch((cause) => {
        loading = undefined;
        const error = new Error(`cognito-confirm could not load its WebAssembly module${hint}`, { cause });
        error.name = "LoadError";
        throw error;
      }));
  const api = calls({ prepare, judge });
  const after = (fn) => (...args) => (loaded ? fn(...args) : load().then(() => fn(...args)));
  return {
    ready: load,
    signUp: after(api.signUp),
    confirmSignUp: after(api.confirmSignUp),
    resendSignUpCode: after(api.resendSignUpCode),
    autoSignIn: after(api.autoSignIn),
    buildRequest: after(api.buildRequest),
  };
}
