// The I/O of a call: fetch, timers, the caller's AbortSignal and SecretHash
// provider. Every decision is the WebAssembly core's: `prepare` says what to
// send, `judge` what an attempt's outcome means (src/call/steps.rs). Both take and
// return JSON text, so a step is one string crossing each way.
//
// What the caller and the page hand over is read once, own members only: a
// call starts by copying its arguments (each member read once, getters
// included), and the provider, the signal and the request all work on that
// copy; nothing set on Object.prototype is read as a member of anything.
// Every wait (the module load, the provider, each attempt, each backoff) ends
// at once when the signal aborts, and none is longer than `timeoutMs`.
//
// Every rejection is an Error of the README's names, whatever the caller's
// values throw: a member that cannot be read (a getter or a Proxy trap that
// throws, a revoked Proxy) is a ValidationError on that member, anything
// wrong with the provider a SecretHashError, a logger's throw is ignored,
// and anything else (a bug here) a PanicError.

const TAG = "\0";
// A tag as JSON text: `{"\u0000": kind}`.
const tag = (kind) => `{"\\u0000":"${kind}"}`;
const illFormed = /\p{Cs}/u;
const NESTED = ["analyticsMetadata", "userContextData", "clientMetadata", "userAttributes", "validationData"];
const ABORTED = {};
const TIMED_OUT = {};
// What crosses to the core as a number: how an attempt ended when it is no
// answer's status, what is known of the page's script, and the default
// timeout (src/call/steps.rs `code`, src/call/arguments.rs; tests/crossing.rs
// fails when a copy here disagrees).
export const OUTCOME_NETWORK = 0, OUTCOME_TIMEOUT = 1, OUTCOME_ABORTED = 2, OUTCOME_PROVIDER_FAILED = 3;
export const OUTCOME_REDIRECTED = 4, OUTCOME_TOO_LARGE = 1000, OUTCOME_PREPARE = -1;
export const PAGE_NO_SCRIPT = 0, PAGE_SCRIPT = 1, PAGE_ASKED = 2;
const DEFAULT_TIMEOUT_MS = 15000;
// `tag("signal")`, written out: a call up here would stop esbuild inlining the numbers above (30 B).
const SIGNAL = '{"\\u0000":"signal"}';

// `prepare` and `judge` as the two uses of the module's one export, over
// `step` with that export's arguments (js/abi.js's `step`, or one that
// records them).
export const stepsOf = (step) => ({
  prepare: (kind, args, provided, page, data) => step(kind, args, provided, page, 0, OUTCOME_PREPARE, undefined, undefined, data, 0),
  judge: (kind, args, provided, state, outcome, errorType, requestId, body, random) =>
    step(kind, args, provided, 0, state, outcome, errorType, requestId, body, random),
});

const isSignal = (v) => typeof AbortSignal == "function" && v instanceof AbortSignal;

// A member as JSON text (undefined for none, as JSON.stringify leaves it
// out); what JSON cannot carry becomes a tag the core reads
// (src/call/arguments.rs): functions, signals, strings with a lone
// surrogate, non-finite numbers, and objects where none belongs. The text is
// written here, member by member: JSON.stringify over the copies, which have
// no prototype, takes V8's slow path (docs/performance-2026-12.md).
const value = (v, nested) => {
  const type = typeof v;
  if (type == "string") return illFormed.test(v) ? tag("loneSurrogate") : JSON.stringify(v);
  if (type == "boolean" || v === null || (type == "number" && isFinite(v))) return "" + v;
  return v === undefined ? v : isSignal(v) ? SIGNAL : nested && type == "object" && !Array.isArray(v) ? copy(v, null, nested)[1] : tag(type);
};

// `key:text,` (`key` as JSON text), or nothing for no text; `object` closes a run of them.
const member = (key, text) => (text === undefined ? "" : key + ":" + text + ",");
const object = (members) => "{" + members.slice(0, -1) + "}";

// The errors made here; anything else that reaches a call's end is a bug.
const ours = new WeakSet();
export const failure = (name, text, cause, members) => {
  const e = Object.assign(new Error(text, cause && { cause }), { name }, members);
  ours.add(e);
  return e;
};

// Runs `f`; what it throws is an error of ours, or else `field` could not be
// read: a getter or a Proxy trap threw, or the Proxy is revoked. What it
// threw is not kept (it may hold the value).
const reading = (field, f) => {
  try {
    return f();
  } catch (e) {
    throw ours.has(e) ? e : failure("ValidationError", field + " could not be read", 0, { field, rule: "type" });
  }
};

// [raw, text, signal] of an object: its own enumerable members as given (in
// an object without a prototype) and as JSON text, and its `signal` member
// when that is an AbortSignal. A key that starts with the tag's key gets one
// more in front, so that no caller's key reads as a tag
// (src/call/arguments.rs takes it off again). `at` names the object in
// errors: its members are `at.key`, or just `key` for an argument's own.
const copy = (v, nested, at, whole = at) => {
  const raw = { __proto__: null };
  let text = "";
  let wellFormed = true;
  let signal;
  for (let k of reading(whole, () => Object.keys(v))) {
    let x;
    const d = reading(at ? at + "." + k : k, () => value((x = v[k]), nested?.includes(k) && k));
    if (illFormed.test(k)) wellFormed = false;
    if (k == "signal" && d === SIGNAL) signal = x;
    if (k[0] == TAG) k = TAG + k;
    raw[k] = x;
    text += member(JSON.stringify(k), d);
  }
  return wellFormed ? [raw, object(text), signal] : [raw, tag("loneSurrogate")];
};

// An argument: copied when it is an object, else handed to the core to refuse.
const argument = (v, name, nested) =>
  reading(name, () =>
    v && typeof v == "object" && !Array.isArray(v) && !isSignal(v) ? copy(v, nested, "", name) : [{ __proto__: null }, value(v)],
  );

// What an error says, whatever it is (a getter of `message` may throw too).
const message = (e) => {
  try {
    if (e instanceof Error) return String(e.message);
    if (typeof e == "string") return e;
  } catch {}
  return "unknown error";
};

// Settles as `promise` does, unless the signal aborts first (rejects with
// ABORTED) or `ms` pass first (rejects with TIMED_OUT). A promise that
// settles later is still handled, so it never surfaces as unhandled.
const until = (promise, signal, ms) =>
  new Promise((resolve, reject) => {
    const end = (settle) => (v) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", aborted);
      settle(v);
    };
    const aborted = end(() => reject(ABORTED));
    const timer = setTimeout(end(() => reject(TIMED_OUT)), ms);
    signal?.addEventListener("abort", aborted);
    if (signal?.aborted) aborted();
    promise.then(end(resolve), end(reject));
  });

const sleep = (ms, signal) => until(new Promise(() => {}), signal, ms).catch(() => {});

// One decoder for every body: each is decoded whole, so no call leaves it
// mid-character.
const utf8 = new TextDecoder();

// The body as text, or undefined once it passes `max` bytes (`stop` then
// ends the request, so the rest is never read).
async function read(res, max, stop) {
  if (res.headers.get("content-length") > max) return stop();
  const reader = res.body?.getReader();
  const chunks = [];
  for (let size = 0, chunk; reader && !(chunk = await reader.read()).done; chunks.push(chunk.value)) {
    if ((size += chunk.value.length) > max) return stop();
  }
  // Almost every answer is one chunk, decoded as it came.
  return utf8.decode(chunks[1] ? await new Blob(chunks).arrayBuffer() : chunks[0]);
}

// One attempt: [outcome, errorType, requestId, body] as `judge` takes them.
// `fake` stands for `fetch` in `ready()`'s run, which sends nothing.
/** @param {() => Promise<Response>} [fake] */
async function send(request, signal, fake) {
  const controller = new AbortController();
  // The deadline and the caller's abort also end the waits themselves: a
  // page's fetch wrapper may drop the signal, a stream may ignore it.
  let stop;
  const stopped = new Promise((_, reject) => (stop = reject));
  const cancel = () => controller.abort();
  const abort = () => stop(cancel());
  const timer = setTimeout(abort, request.timeoutMs);
  signal?.addEventListener("abort", abort);
  const race = (promise) => Promise.race([promise, stopped]);
  try {
    const res = await race((fake || fetch)(request.url, {
      // @ts-expect-error: no prototype, so that nothing set on Object.prototype is read as an option
      __proto__: null,
      method: "POST",
      headers: request.headers,
      body: request.body,
      credentials: "omit",
      // Cognito never redirects; a redirect is refused, and sends nothing elsewhere.
      redirect: "manual",
      signal: controller.signal,
    }));
    // A browser hides a redirect (opaqueredirect); Node.js hands the 3xx over.
    if (res.type == "opaqueredirect" || (res.status > 299 && res.status < 400)) return [OUTCOME_REDIRECTED];
    // Past the cap, the request is cancelled: the answer is judged as over it, not as timed out.
    const body = await race(read(res, request.maxBytes, cancel));
    const head = [res.headers.get("x-amzn-errortype"), res.headers.get("x-amzn-requestid")];
    return body == null ? [OUTCOME_TOO_LARGE + res.status, ...head] : [res.status, ...head, body];
  } catch (e) {
    return signal?.aborted
      ? [OUTCOME_ABORTED]
      : controller.signal.aborted
        ? [OUTCOME_TIMEOUT]
        : [OUTCOME_NETWORK, undefined, undefined, message(e)];
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}

// The backoff's jitter: a page's broken Math.random never reaches the core.
const random = () => {
  try {
    const r = +Math.random();
    if (r >= 0 && r < 1) return r;
  } catch {}
  return 0.5;
};

// The call's own signal, which follows the caller's: every wait listens to
// it, so a caller's signal is read once, here, and its listener removed when
// the call ends (`ends`). Without the caller's there is none: nothing else
// aborts a call, and its controller and a listener per attempt took about
// 6 % of a warm call's CPU in Chromium (docs/performance-2026-12.md).
const follow = (signal, ends) => {
  if (!signal) return;
  const own = new AbortController();
  const abort = () => own.abort();
  reading("signal", () => (signal.aborted ? abort() : signal.addEventListener("abort", abort)));
  ends.push(() => {
    try {
      signal.removeEventListener("abort", abort);
    } catch {}
  });
  return own.signal;
};

// Hands an attempt's record to the caller's logger; nothing it does (throw,
// reject, return a thenable that throws) reaches the call.
const log = (logger, entry) => {
  try {
    Promise.resolve(logger(entry)).catch(() => {});
  } catch {}
};

// The page's threat-protection script, if it loaded one (src/call/steps.rs, `askPage`).
const page = () => {
  try {
    return globalThis.AmazonCognitoAdvancedSecurityData;
  } catch {}
};

/**
 * The calls, over a core of `prepare` and `judge` (js/bind.js: the two uses
 * of the one wasm-bindgen export `step`), `retire` (the next export runs on a
 * fresh instance) and `load` (undefined once the module is loaded, else a
 * promise of it).
 * @returns {Pick<typeof import("./index.js"), "signUp" | "confirmSignUp" | "resendSignUpCode" | "autoSignIn" | "buildRequest" | "isCognitoError"> & { warm(): Promise<unknown[]> }}
 */
export function calls(core) {
  const step = (f) => {
    let answer;
    try {
      answer = f();
    } catch (cause) {
      if (!(cause instanceof WebAssembly.RuntimeError)) throw cause;
      core.retire?.();
      throw failure("PanicError", "cognito-confirm stopped this call because of a bug (a Rust panic); the next call starts afresh", cause);
    }
    // A prepared request is its JSON head, a line break and the body as sent.
    const cut = answer.indexOf("\n");
    const parsed = Object.setPrototypeOf(JSON.parse(cut < 0 ? answer : answer.slice(0, cut)), null);
    if (parsed.error) throw failure(0, parsed.error.message, 0, parsed.error);
    if (cut >= 0) {
      parsed.body = answer.slice(cut + 1);
      // fetch looks for an @@iterator on `headers`: none from Object.prototype.
      Object.setPrototypeOf(parsed.headers, null);
    }
    return parsed;
  };

  // Checks everything, gets the SecretHash (from the provider if need be) and
  // answers with the request as `prepare` wrote it and what `judge` needs, or
  // with `done`: the core's judgement of a call that ended before sending.
  // `quiet` (ready()'s runs) never asks the page's script for data.
  const prepared = async (kind, input, config, ends, loading, quiet) => {
    const [i, inputText, callerSignal] = argument(input, "input", NESTED);
    const [c, configText] = argument(config, "config");
    const args = object(member('"input"', inputText) + member('"config"', configText));
    const signal = follow(callerSignal, ends);
    const logger = c.logger;
    if (logger != null && typeof logger != "function") {
      throw failure("ValidationError", "logger must be a function", 0, { field: "logger", rule: "type" });
    }
    // The core checks timeoutMs; until it is loaded, a bad one waits the default.
    const ms = typeof c.timeoutMs == "number" && c.timeoutMs >= 1 && c.timeoutMs < 2 ** 31 ? c.timeoutMs : DEFAULT_TIMEOUT_MS;
    if (loading) {
      await until(loading, signal, ms).catch((e) => {
        throw e == ABORTED
          ? failure("AbortError", "the call was aborted")
          : e == TIMED_OUT
            ? failure("LoadError", `the module did not load within ${ms} ms`)
            : e;
      });
    }
    let provided;
    const judge = (state, outcome, errorType, requestId, body = "") =>
      step(() => core.judge(kind, args, provided, state, outcome, errorType, requestId, body, random()));
    // The page's script is read once and, when the core asks, its getData called once.
    const script = page();
    let pageState = quiet || script == null ? PAGE_NO_SCRIPT : PAGE_SCRIPT;
    let pageData;
    const prepare = () => step(() => core.prepare(kind, args, provided, pageState, pageData));
    let request = prepare();
    if (request.provide) {
      if (signal?.aborted) return { __proto__: null, done: judge(0, OUTCOME_ABORTED) };
      const provider = c.secretHash;
      try {
        const hash = await until(new Promise((r) => r(provider(i.username, c.clientId))), signal, ms);
        provided = `{"config":${object(member('"secretHash"', value(hash)))}}`;
      } catch (e) {
        return {
          __proto__: null,
          done:
            e == ABORTED
              ? judge(0, OUTCOME_ABORTED)
              : judge(0, OUTCOME_PROVIDER_FAILED, undefined, undefined, e == TIMED_OUT ? `no answer within ${ms} ms` : message(e)),
        };
      }
      request = prepare();
    }
    if (request.askPage) {
      // Anything wrong with the script means no data: it never blocks a call.
      try {
        const data = script.getData(i.username, c.userPoolId, c.clientId);
        if (typeof data == "string" && data.length <= request.askPage) pageData = data;
      } catch {}
      pageState = PAGE_ASKED;
      request = prepare();
    }
    // No prototype: a page's Object.prototype.done must not read as an answer.
    return { __proto__: null, request, judge, signal, logger, args };
  };

  // Runs `body` over the prepared call. Whatever rejects is an error of
  // ours; the listener on the caller's signal goes when the call ends.
  const run = async (kind, input, config, body, quiet) => {
    const ends = [];
    // The module's load starts first, so that its request overlaps the copying of the arguments.
    const loading = core.load?.();
    loading?.catch(() => {});
    try {
      const p = await prepared(kind, input, config, ends, loading, quiet);
      return p.done ? p.done.ok : await body(p);
    } catch (e) {
      throw ours.has(e) ? e : failure("PanicError", "cognito-confirm stopped this call because of a bug", e);
    } finally {
      ends.forEach((end) => end());
    }
  };

  // The attempts of a prepared call, until the core's judgement ends it.
  const attempts =
    (operation, fake) =>
    async ({ request, judge, signal, logger, args }) => {
      for (let state = 0, attempt = 1; ; attempt++) {
        const started = Date.now();
        // Aborted before this attempt was sent: nothing to log, the core says AbortError.
        const unsent = signal?.aborted;
        const [outcome, errorType, requestId, body] = unsent ? [OUTCOME_ABORTED] : await send(request, signal, fake);
        let answer, error;
        try {
          answer = judge(state, outcome, errorType, requestId, body);
        } catch (e) {
          error = e;
        }
        if (logger && !unsent) {
          log(logger, {
            operation,
            attempt,
            // An HTTP status; 0 when there was none (network error, timeout, abort, refused redirect).
            status: outcome > OUTCOME_TOO_LARGE ? outcome - OUTCOME_TOO_LARGE : outcome > 99 ? outcome : 0,
            // A request id as Cognito writes them (a UUID), and one that repeats none of the arguments.
            requestId: /^[\da-f-]{36}$/i.test(requestId) && !args.includes(requestId) ? requestId : undefined,
            ms: Date.now() - started,
            retryInMs: answer?.retry,
            error: error?.name,
          });
        }
        if (error) throw error;
        // (No prototype: `in` sees its own members only. Object.hasOwn is newer than Safari 15 and Firefox 91.)
        if ("ok" in answer) return answer.ok;
        state = answer.state;
        await sleep(answer.retry, signal);
      }
    };

  // The core's numbers for the operations (src/call/arguments.rs, `Kind::EXPORTS`).
  const KINDS = { __proto__: null, confirmSignUp: 0, resendSignUpCode: 1, autoSignIn: 2, signUp: 3 };
  const api = {
    // What the calls run before and after the network, on fixed inputs: each
    // operation to its success (a stand-in for `fetch` answers for all four),
    // one of them to a custom endpoint, whose URL check runs only then.
    // Nothing is sent and the page's script is not asked. `ready()` runs it,
    // so that the engine has compiled all of it before the user submits;
    // three rounds, a task apart, because V8 gives a function its inline
    // caches only from its 8th call (docs/performance-2026-12.md, "Fourth
    // session"). Resolves to the last round's results.
    warm: async () => {
      // Cognito's shortest session: a shorter one would be refused.
      const session = "w".repeat(20);
      const input = { username: "w", confirmationCode: "1", password: "w", session, userAttributes: { email: "w" } };
      const success = `{"Session":"${session}","UserConfirmed":false,"UserSub":"w","CodeDeliveryDetails":{},"AuthenticationResult":{"AccessToken":"w","ExpiresIn":1}}`;
      const body = attempts("", () => new Response(success));
      for (let round = 1; ; round++) {
        const results = await Promise.all(
          [0, 1, 2, 3].map((kind) =>
            run(
              kind,
              input,
              { userPoolId: "us-east-1_w", clientId: "w", endpoint: kind == 1 ? "http://127.0.0.1:1/" : undefined },
              body,
              true,
            ),
          ),
        );
        if (round == 3) return results;
        await new Promise((resolve) => setTimeout(resolve));
      }
    },
    isCognitoError: (e) => ours.has(e),
    // What the call `operation` would send, byte for byte; nothing is sent.
    buildRequest: (operation, input, config) =>
      run(typeof operation == "string" ? (KINDS[operation] ?? -1) : -1, input, config, ({ request, judge, signal }) =>
        // As the call would: an aborted signal sends nothing, so builds nothing.
        signal?.aborted
          ? judge(0, OUTCOME_ABORTED)
          : {
              url: request.url,
              method: "POST",
              headers: request.headers,
              body: request.body,
            },
      ),
  };
  for (const name in KINDS) {
    const body = attempts(name);
    api[name] = (input, config) => run(KINDS[name], input, config, body);
  }
  return /** @type {any} */ (api);
}
