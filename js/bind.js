// The package's API over the wasm-bindgen module: the module is compiled on
// the first call (or by `ready()`), once, however many calls follow. Nothing
// happens at import time and there is no top-level await. The entry points
// differ only in how they get the compiled module. The module's export is
// called through js/abi.js, not wasm-bindgen's generated JavaScript.
//
// A call waits for the load with its signal and its `timeoutMs` (js/driver.js):
// an abort or the deadline ends the call at once, while the load goes on for
// the calls that follow.
import { start, step } from "./abi.js";
import { calls, failure, stepsOf } from "./driver.js";

/** `compile()` resolves to the `WebAssembly.Module`. */
export function bind(compile, hint) {
  let loading;
  let loaded = false;
  const load = () =>
    // `compile` starts at once (its request goes out before the caller's code goes on).
    (loading ??= new Promise((resolve) => resolve(compile()))
      .then((module) => {
        start(module);
        loaded = true;
      })
      .catch((cause) => {
        loading = undefined;
        throw failure("LoadError", `cognito-confirm could not load its WebAssembly module${hint}`, cause);
      }));
  const core = {
    ...stepsOf(step),
    // After a trap: the next export runs on a fresh instance (src/web/mod.rs).
    retire: () => start(),
    load: () => (loaded ? undefined : load()),
  };
  // `ready()` also runs the calls' code, nothing sent (`warm`, js/driver.js),
  // once a page, so that the first call after it does not compile it:
  // docs/performance.md, "Loading the module earlier". A first call without
  // `ready()` does not pay for this.
  const { warm, ...api } = calls(core);
  let warmed;
  const ready = () => load().then(() => (warmed ??= warm().catch(() => {})));
  return { ready, ...api };
}
