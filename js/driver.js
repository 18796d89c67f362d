// The I/O of a call: fetch, timers, the caller's AbortSignal and SecretHash
// provider. Every decision is the WebAssembly core's: `prepare` says what to
// send, `judge` what an attempt's outcome means (src/steps.rs). Both take and
// return JSON text, so a step is one string crossing each way.

const TAG = "\0";
const tag = (kind) => ({ [TAG]: kind });
const illFormed = /\p{Cs}/u;
const NESTED = ["analyticsMetadata", "userContextData", "clientMetadata", "userAttributes", "validationData"];
const MAPS = ["clientMetadata", "userAttributes", "validationData"];

// JSON.stringify of the arguments, with what JSON cannot carry replaced by a
// tag the core reads (src/arguments.rs): functions, signals, strings with a
// lone surrogate, non-finite numbers, and objects where none belongs.
const encode = (input, config) => {
  const top = { input, config };
  return JSON.stringify(top, function (key, value) {
    const type = typeof value;
    if (!Object.is(this[key], value)) return tag("object"); // toJSON replaced it (a Date, say)
    if (type == "string") return illFormed.test(value) ? tag("loneSurrogate") : value;
    if (type == "number") return isFinite(value) ? value : tag(type);
    if (type == "boolean" || type == "undefined" || value === null) return value;
    if (type != "object") return tag(type);
    if (typeof AbortSignal == "function" && value instanceof AbortSignal) return tag("signal");
    if (Array.isArray(value) || !(this === top || key === "" || (this === input && NESTED.includes(key)))) {
      return tag("object");
    }
    return MAPS.includes(key) && this === input && Object.keys(value).some((k) => illFormed.test(k)) ? tag("loneSurrogate") : value;
  });
};

// The page's threat-protection script, if it loaded one (src/web/context_data.rs).
const page = () => globalThis.AmazonCognitoAdvancedSecurityData;

const message = (e) => (e instanceof Error ? e.message : typeof e == "string" ? e : "unknown error");

const sleep = (ms, signal) =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done);
  });

// One attempt: [outcome, errorType, requestId, body] as `judge` takes them.
async function send(request, signal) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const timer = setTimeout(abort, request.timeoutMs);
  signal?.addEventListener("abort", abort);
  try {
    const res = await fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      credentials: "omit",
      signal: controller.signal,
    });
    const body = await res.text();
    return [res.status, res.headers.get("x-amzn-errortype"), res.headers.get("x-amzn-requestid"), body];
  } catch (e) {
    return signal?.aborted ? [2] : controller.signal.aborted ? [1] : [0, undefined, undefined, message(e)];
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}

/** The calls, over a core of `prepare` and `judge` (the wasm-bindgen exports). */
export function calls(core) {
  const step = (f, ...args) => {
    let answer;
    try {
      answer = f(...args);
    } catch (cause) {
      if (!(cause instanceof WebAssembly.RuntimeError)) throw cause;
      const error = new Error("cognito-confirm stopped this call because of a bug (a Rust panic); the next call starts afresh", { cause });
      error.name = "PanicError";
      throw error;
    }
    // A prepared request is its JSON head, a line break and the body as sent.
    const cut = answer.indexOf("\n");
    const parsed = JSON.parse(cut < 0 ? answer : answer.slice(0, cut));
    if (parsed.error) throw Object.assign(new Error(parsed.error.message), parsed.error);
    if (cut >= 0) parsed.body = answer.slice(cut + 1);
    return parsed;
  };

  // Checks everything, gets the SecretHash (from the provider if need be)
  // and returns the request as `prepare` wrote it, with what `judge` needs.
  const prepared = async (kind, input, config) => {
    const args = encode(input, config);
    const signal = input?.signal;
    let provided;
    const judge = (state, outcome, errorType, requestId, body = "") =>
      step(core.judge, kind, args, provided, state, outcome, errorType, requestId, body);
    let request = step(core.prepare, kind, args, provided, page());
    if (request.provide) {
      if (signal?.aborted) return judge(0, 2).ok;
      try {
        provided = encode({}, { secretHash: await config.secretHash.call(null, input.username, config.clientId) });
      } catch (e) {
        return judge(0, 3, undefined, undefined, message(e)).ok;
      }
      request = step(core.prepare, kind, args, provided, page());
    }
    return { request, judge, signal };
  };

  const call = (kind) => async (input, config) => {
    const { request, judge, signal } = await prepared(kind, input, config);
    for (let state = 0; ; ) {
      const answer = judge(state, ...(signal?.aborted ? [2] : await send(request, signal)));
      if ("ok" in answer) return answer.ok;
      state = answer.state;
      await sleep(answer.retry, signal);
    }
  };

  const KINDS = { confirmSignUp: 0, resendSignUpCode: 1, autoSignIn: 2, signUp: 3 };

  return {
    confirmSignUp: call(0),
    resendSignUpCode: call(1),
    autoSignIn: call(2),
    signUp: call(3),
    // What the call `operation` would send, byte for byte; nothing is sent.
    buildRequest: async (operation, input, config) => {
      const kind = typeof operation == "string" && Object.hasOwn(KINDS, operation) ? KINDS[operation] : -1;
      const { request } = await prepared(kind, input, config);
      return { url: request.url, method: "POST", headers: request.headers, body: request.body };
    },
  };
}
