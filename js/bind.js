// The package's API over the wasm-bindgen module: the module is loaded on the
// first call (or by `ready()`), once, however many calls follow. Nothing
// happens at import time and there is no top-level await. The entry points
// differ only in where the module's bytes come from.
import init, { judge, prepare } from "./cognito_confirm.js";
import { calls } from "./driver.js";

/** `source()` gives what wasm-bindgen's `init` takes: a URL or the bytes (or a promise of either). */
export function bind(source, hint) {
  let loading;
  const load = () =>
    (loading ??= Promise.resolve()
      .then(source)
      .then((module_or_path) => init({ module_or_path }))
      .then(
        () => undefined,
        (cause) => {
          loading = undefined;
          const error = new Error(`cognito-confirm could not load its WebAssembly module${hint}`, { cause });
          error.name = "LoadError";
          throw error;
        },
      ));
  const api = calls({ prepare, judge });
  const after = (fn) => async (input, config) => {
    await load();
    return fn(input, config);
  };
  return {
    ready: load,
    confirmSignUp: after(api.confirmSignUp),
    resendSignUpCode: after(api.resendSignUpCode),
    autoSignIn: after(api.autoSignIn),
  };
}
