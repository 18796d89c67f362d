// <cognito-sign-up> end to end in one engine (BROWSER = chrome, firefox or
// webkit; W3C WebDriver, tests/support/webdriver.mjs), against the strict fake
// Cognito (tests/fake-cognito/) on another 127.0.0.1 port and a SecretHash
// endpoint with the contract of www/backend.mjs. The demo's suites run the
// element against cognito-local.
//
// One browser session for the whole file (Firefox and WebKit are slow to
// start). The page (tests/element/site/) loads the built package from /pkg/
// under `default-src 'self'; style-src 'self'`, plus
// `require-trusted-types-for 'script'` when the URL has ?tt, and records the
// element's events and every CSP violation.
//
// Screenshots of every step, light and dark, 1280 and 390 px, and German go
// to tests/e2e/screenshots/element/ (git-ignored).

import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { startFake } from "../fake-cognito/start.mjs";
import { Key, openBrowser } from "../support/webdriver.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PKG = path.join(ROOT, "pkg");
const SITE = path.join(ROOT, "tests", "element", "site");
const SHOTS = path.join(ROOT, "tests", "e2e", "screenshots", "element");
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SECRET_CLIENT = "secretclient1";
const SECRET = "fakeclientsecret0123456789abcdefghijklmnopqrstuvwx"; // tests/fake-cognito/server.mjs
const POOL = "us-east-1_FakePool1";
const PASSWORD = "Passw0rd!element";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css", ".wasm": "application/wasm" };

let fake;
let server;
let origin;
let browser;
let page;
let engine;
let wasmRequests = 0;
let hashRequests = 0;

/** The test site: the page, the package, and POST /api/secret-hash as www/backend.mjs answers it. */
function serve(req, res) {
  const url = new URL(req.url, "http://x");
  if (url.pathname === "/api/secret-hash") {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hashRequests++;
      const { username } = JSON.parse(body || "{}");
      const ok = req.method === "POST" && req.headers["content-type"] === "application/json" && typeof username === "string";
      res.writeHead(ok ? 200 : 400, { "Content-Type": "application/json" });
      const secretHash = ok && crypto.createHmac("sha256", SECRET).update(username + SECRET_CLIENT).digest("base64");
      res.end(JSON.stringify(ok ? { secretHash } : { error: "bad request" }));
    });
    return;
  }
  const file = url.pathname.startsWith("/pkg/")
    ? path.join(PKG, url.pathname.slice(5))
    : path.join(SITE, url.pathname === "/" ? "index.html" : url.pathname.slice(1));
  if (!file.startsWith(PKG + path.sep) && !file.startsWith(SITE + path.sep)) return res.writeHead(404).end();
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
  if (file.endsWith(".wasm")) wasmRequests++;
  const headers = { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" };
  if (file.endsWith(".html")) {
    headers["Content-Security-Policy"] = [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      `connect-src 'self' ${fake.url}`,
      "style-src 'self'",
      "img-src 'self' data:",
      ...(url.searchParams.has("tt") ? ["require-trusted-types-for 'script'", "trusted-types 'none'"] : []),
    ].join("; ");
  }
  res.writeHead(200, headers);
  res.end(fs.readFileSync(file));
}

before(async () => {
  assert.ok(fs.existsSync(path.join(PKG, "element", "css.js")), "pkg/ is built with the element (bash scripts/build.sh)");
  fake = await startFake();
  server = http.createServer(serve);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await openBrowser();
  page = browser.session;
  engine = browser.name;
  console.log(`engine: ${engine} ${browser.version}`);
  fs.mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.stop();
  server?.close();
  fake?.stop();
});

// --- Page helpers ----------------------------------------------------------------------------------

let userCount = 0;
const newUser = (prefix) => `${prefix}${engine}${Date.now()}${++userCount}`;

/** Loads the test page (fresh: no events, no violations). */
async function load(query = "") {
  await page.navigate(`${origin}/${query}`);
  await page.waitFor(() => !!(window.pageReady && customElements.get("cognito-sign-up")), { what: "the page" });
}

/**
 * Puts `<cognito-sign-up id="su">` with `attrs` in <main>, with DOM calls only.
 * `markup`: [tag, attrs, ...children] trees put inside it first (the page's own form).
 */
function mount(attrs, markup = []) {
  return page.execute(
    `const [attrs, markup] = arguments;
     const build = ([tag, props, ...kids]) => {
       const e = document.createElement(tag);
       for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
       for (const k of kids) e.append(typeof k === "string" ? k : build(k));
       return e;
     };
     const el = document.createElement("cognito-sign-up");
     el.id = "su";
     for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
     for (const m of markup) el.append(build(m));
     document.querySelector("h1").after(el);`,
    attrs,
    markup,
  );
}

const fakeAttrs = (extra = {}) => ({
  "user-pool-id": POOL,
  "client-id": SECRET_CLIENT,
  endpoint: fake.url,
  "secret-hash-url": "/api/secret-hash",
  "resend-cooldown": "2",
  ...extra,
});

/** Runs `fn` (source of a function of the element) in the page; returns its value. */
const inEl = (fn, ...args) => page.evaluate(`async (...a) => (${fn})(document.getElementById("su"), ...a)`, ...args);
const waitEl = (fn, what, ...args) => page.waitFor(`(...a) => (${fn})(document.getElementById("su"), ...a)`, { what, timeoutMs: 20000 }, ...args);

/** The visible step's form/section. */
const visible = () => inEl((el) => [...el.querySelectorAll("[data-cognito-step]")].filter((f) => !f.hidden).map((f) => f.dataset.cognitoStep));
/** What has focus: its tag, name, text. */
const focused = () =>
  page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a.tagName.toLowerCase(), name: a.getAttribute("name"), text: a.textContent.trim(), role: a.getAttribute("role") };
  });
const events = () => page.evaluate(() => window.events);
const eventTypes = async () => (await events()).map((e) => e.type);
const fieldError = (name) =>
  inEl(
    (el, name) => {
      const input = el.querySelector(`[data-cognito-step]:not([hidden]) [name="${name}"]`);
      const slot = document.getElementById(`${input.id}-error`);
      return {
        text: slot.textContent,
        invalid: input.getAttribute("aria-invalid"),
        describedBy: (input.getAttribute("aria-describedby") ?? "").split(" ").includes(slot.id),
        focused: document.activeElement === input,
      };
    },
    name,
  );
const alertText = () => inEl((el) => el.querySelector("[data-cognito-step]:not([hidden]) [role=alert]").textContent);
const code = async (username) => (await fake.control(`user?username=${encodeURIComponent(username)}`)).code;

/** Presses Tab until `match(focused)` holds (a person tabbing), at most 20 presses. */
async function tabTo(match, what) {
  for (let i = 0; i < 20; i++) {
    if (match(await focused())) return;
    await page.press(Key.TAB);
  }
  assert.fail(`Tab never reached ${what}`);
}
const tabToField = (name) => tabTo((f) => f.tag === "input" && f.name === name, `the ${name} field`);
const tabToButton = (text) => tabTo((f) => f.tag === "button" && f.text === text, `the button "${text}"`);

/** Types into the visible step's field `name` (WebDriver focuses it first). */
const typeInto = (name, text) => page.sendKeys(`#su [data-cognito-step]:not([hidden]) [name="${name}"]`, text);
const clearField = (name) => inEl((el, n) => (el.querySelector(`[data-cognito-step]:not([hidden]) [name="${n}"]`).value = ""), name);

// --- Accessibility and screenshots -------------------------------------------------------------------

/** Sets the viewport's width (the window is made wider by what the browser's frame takes). */
async function viewport(width) {
  await page.cmd("POST", "/window/rect", { width, height: 900 });
  const inner = await page.execute("return window.innerWidth;");
  if (inner !== width) await page.cmd("POST", "/window/rect", { width: width + (width - inner), height: 900 });
  const got = await page.execute("return window.innerWidth;");
  if (got !== width && !narrowest.has(width)) {
    narrowest.add(width);
    console.log(`# ${engine}: asked for a ${width} px viewport, the browser gives ${got} px`);
  }
}
const narrowest = new Set();

/** The lowest contrast of a focus ring (--cognito-focus) or an input's border against the element's background, with where. */
function lowestNonTextContrast() {
  const su = document.getElementById("su");
  const rgb = (css) => {
    const probe = document.createElement("span");
    su.append(probe);
    probe.style.color = css;
    const m = getComputedStyle(probe).color.match(/[\d.]+/g).map(Number);
    probe.remove();
    return m;
  };
  const lum = (c) =>
    c
      .slice(0, 3)
      .map((v) => v / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const bg = rgb(getComputedStyle(su).backgroundColor);
  const focus = rgb(getComputedStyle(su).getPropertyValue("--cognito-focus"));
  let lowest = { ratio: ratio(focus, bg), where: "focus ring" };
  for (const input of su.querySelectorAll("input")) {
    if (!input.getClientRects().length) continue;
    const r = ratio(rgb(getComputedStyle(input).borderTopColor), bg);
    if (r < lowest.ratio) lowest = { ratio: r, where: `border of ${input.name}` };
  }
  return lowest;
}

/** axe-core (WCAG 2.2 A/AA and best practices) with 0 violations, 3:1 non-text contrast, light and dark, 1280 and 390 px; a screenshot of each. */
async function checkAccessibility(name) {
  if (!(await page.execute("return 'axe' in window;"))) await page.execute(AXE);
  for (const scheme of ["light", "dark"]) {
    await page.execute("document.documentElement.classList.toggle('dark', arguments[0] === 'dark');", scheme);
    for (const width of [1280, 390]) {
      await viewport(width);
      const violations = await page.evaluate(async () => {
        const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
        return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      assert.deepEqual(violations, [], `axe, ${name}, ${scheme}, ${width} px, ${engine}`);
      const lowest = await page.evaluate(`async () => (${lowestNonTextContrast})()`);
      assert.ok(lowest.ratio >= 3, `${name}, ${scheme}, ${width}: ${lowest.where} is ${lowest.ratio.toFixed(2)}:1`);
      fs.writeFileSync(path.join(SHOTS, `${engine}-${name}-${scheme}-${width}.png`), await page.screenshot());
    }
  }
  await page.execute("document.documentElement.classList.remove('dark');");
  await viewport(1280);
}

// --- Tests ------------------------------------------------------------------------------------------

test("package.json: a bundler keeps the define entry (sideEffects names it) and drops an unused import of the class", { skip: process.env.BROWSER && process.env.BROWSER !== "chrome" && "checked once, with chrome" }, async () => {
  const { build } = await import("esbuild");
  const dir = fs.mkdtempSync(path.join(ROOT, "target", "element-bundle-"));
  try {
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(PKG, path.join(dir, "node_modules", "cognito-confirm"), "dir");
    const bundle = async (source) => {
      fs.writeFileSync(path.join(dir, "entry.js"), source);
      const out = await build({ entryPoints: [path.join(dir, "entry.js")], bundle: true, minify: true, format: "esm", write: false, absWorkingDir: dir, logLevel: "silent" });
      return out.outputFiles[0].text;
    };
    const defined = await bundle('import "cognito-confirm/element/define";');
    assert.match(defined, /cognito-sign-up/, "the define entry's side effect is kept");
    assert.match(defined, /adoptedStyleSheets/);
    const unused = await bundle('import { CognitoSignUpElement } from "cognito-confirm/element";');
    assert.equal(unused.trim(), "", "an unused import of the class leaves nothing behind");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("defining renders at once and loads nothing; the .wasm comes once the element is connected and the page idle", async () => {
  wasmRequests = 0;
  await load();
  assert.equal(wasmRequests, 0, "importing the define entry fetches no .wasm");
  const { ms, ...rendered } = await page.evaluate(() => {
    const t0 = performance.now();
    const el = document.createElement("cognito-sign-up");
    el.id = "su";
    document.querySelector("h1").after(el);
    // Synchronously, before any network answer:
    const form = el.querySelector("form");
    const ms = performance.now() - t0;
    return { ms, form: !!form, fields: [...form.elements].filter((e) => e.name).map((e) => `${e.name}:${e.type}:${e.autocomplete}`) };
  });
  assert.deepEqual(rendered, { form: true, fields: ["username:text:username", "email:email:email", "password:password:new-password"] });
  const modules = await page.evaluate(() => performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".js") && r.name.includes("/pkg/")).map((r) => r.name.split("/pkg/")[1]));
  console.log(`# ${engine}: connected to rendered in ${ms.toFixed(1)} ms (the stylesheet adopted, both forms built); modules before it: ${modules.join(", ")}`);
  await page.waitFor(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith(".wasm")), { what: "ready() to load the .wasm" });
  assert.equal(wasmRequests, 1);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
});

test("the whole flow by keyboard alone: sign up, confirm, auto sign-in; events, focus and axe in every step", async () => {
  await load();
  await mount(fakeAttrs());
  const username = newUser("kb");
  assert.deepEqual(await visible(), ["sign-up"]);
  assert.equal(await inEl((el) => el.getAttribute("data-state")), "idle");
  await checkAccessibility("1-sign-up");

  // Empty: every field says what is missing; the first one gets focus.
  await page.execute("document.body.focus();");
  await tabToButton("Create account");
  await page.press(Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the errors");
  assert.deepEqual(await fieldError("username"), { text: "Enter your username.", invalid: "true", describedBy: true, focused: true });
  assert.equal((await fieldError("email")).text, "Enter your email.");
  assert.equal((await fieldError("password")).text, "Enter your password.");
  await checkAccessibility("2-sign-up-errors");
  assert.deepEqual(await events(), [], "a check before sending fires no event");

  await page.press(username);
  await page.press(Key.TAB);
  await page.press("not-an-address");
  await page.press(Key.ENTER);
  await waitEl((el) => el.querySelector("[name=username]").getAttribute("aria-invalid") === null, "the fixed field to clear");
  assert.match((await fieldError("email")).text, /like name@example.com/);
  await page.press(Array(20).fill(Key.BACKSPACE).join("") + `${username}@example.com`);
  await tabToField("password");
  await page.press(PASSWORD + Key.ENTER);

  await waitEl((el) => el.dataset.step === "confirm", "the confirm step");
  assert.deepEqual(await visible(), ["confirm"], "one step at a time");
  assert.deepEqual(await focused(), { tag: "h2", name: null, text: "Confirm your account", role: null }, "focus moves to the step's heading");
  assert.equal(await inEl((el) => el.getAttribute("step")), "confirm", "the step attribute follows");
  assert.match(await inEl((el) => el.querySelector("[data-cognito-step=confirm] .cognito-intro").textContent), /We sent a code to k\*\*\*@e\*\*\*/);
  assert.equal(await inEl((el) => el.querySelector("[name=password]").value), "", "the password is not kept");
  const signedUp = (await events()).filter((e) => e.type === "cognito-signed-up");
  assert.equal(signedUp.length, 1);
  assert.equal(signedUp[0].bubbles && signedUp[0].composed, true, "bubbling and composed");
  assert.equal(signedUp[0].detail.isSignUpComplete, false);
  assert.match(signedUp[0].detail.userId, /^[0-9a-f-]{36}$/);
  assert.equal(signedUp[0].detail.nextStep.signUpStep, "CONFIRM_SIGN_UP");
  assert.equal("session" in signedUp[0].detail, false, "the signUp result without its session");
  const sent = (await events()).find((e) => e.type === "cognito-code-sent");
  assert.deepEqual(sent.detail, { destination: "k***@e***", deliveryMedium: "EMAIL", attributeName: "email" });
  // The resend button waits out the cooldown, visibly.
  assert.equal(await inEl((el) => el.querySelector("[data-action=resend]").getAttribute("aria-disabled")), "true");
  assert.match(await inEl((el) => el.querySelector(".cognito-cooldown").textContent), /New code possible in [12] seconds?\./);
  await checkAccessibility("3-confirm");

  // A wrong code, by keyboard: at the code field.
  await tabToField("code");
  await page.press("000000" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the wrong code's error");
  const wrong = await fieldError("code");
  assert.deepEqual(wrong, { text: "That code isn't right. Check our latest message.", invalid: "true", describedBy: true, focused: true });
  assert.equal((await events()).at(-1).type, "cognito-error");
  assert.deepEqual((await events()).at(-1).detail.step, "confirm");
  assert.equal((await events()).at(-1).detail.error.name, "CodeMismatchException");
  assert.doesNotMatch(await inEl((el) => el.textContent), /Invalid verification|Exception/, "no service text");
  await checkAccessibility("4-confirm-wrong-code");

  await page.press(Array(8).fill(Key.BACKSPACE).join("") + (await code(username)) + Key.ENTER);
  await waitEl((el) => el.dataset.step === "done", "the done step");
  assert.deepEqual(await focused(), { tag: "h2", name: null, text: "Your account is confirmed", role: null });
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=done] .cognito-intro").textContent), `You are signed in as ${username}.`);
  const all = await events();
  assert.deepEqual(
    all.map((e) => e.type),
    ["cognito-signed-up", "cognito-code-sent", "cognito-error", "cognito-confirmed", "cognito-signed-in"],
  );
  assert.deepEqual(all[3].detail, { isSignUpComplete: true, nextStep: { signUpStep: "COMPLETE_AUTO_SIGN_IN" }, username });
  const tokens = all[4].detail.tokens;
  assert.match(tokens.accessToken, /^access\./);
  assert.match(tokens.idToken, /^id\./);
  assert.equal(tokens.expiresIn, 3600);
  assert.ok(all.every((e) => e.bubbles && e.composed && e.from === "su"));
  assert.equal((await fake.control(`user?username=${username}`)).status, "CONFIRMED");
  await checkAccessibility("5-done");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
});

test("a returning user (step=confirm): expired code, resend with its cooldown, LimitExceeded lengthens it", async () => {
  const username = newUser("ret");
  await fake.control("users", { username, code: "111111", expired: true });
  await load();
  await mount(fakeAttrs({ step: "confirm", username }));
  assert.deepEqual(await visible(), ["confirm"]);
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=confirm] [name=username]").closest(".cognito-field").hidden), true, "the known username is not asked");
  assert.equal(await inEl((el) => el.querySelector(".cognito-intro").textContent), `Enter the code we sent you for ${username}.`);
  assert.equal(await inEl((el) => el.querySelector("[data-action=resend]").getAttribute("aria-disabled")), null, "no cooldown: no code was sent here");

  await typeInto("code", "111111" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the expired code's error");
  assert.match((await fieldError("code")).text, /expired or was used\. Ask for a new one/);

  await page.execute("document.querySelector('#su [data-action=resend]').focus();");
  await page.press(Key.ENTER);
  await waitEl((el) => /We sent a new code to a\*\*\*@e\*\*\*/.test(el.querySelector("[role=status]").textContent), "the new code's announcement");
  assert.equal((await fieldError("code")).invalid, null, "the old error is cleared");
  assert.deepEqual((await events()).at(-1), {
    type: "cognito-code-sent",
    bubbles: true,
    composed: true,
    from: "su",
    detail: { destination: "a***@e***", deliveryMedium: "EMAIL", attributeName: "email" },
  });
  assert.equal((await focused()).text, "Send a new code", "focus stays on the button");
  assert.equal(await inEl((el) => el.querySelector("[data-action=resend]").getAttribute("aria-disabled")), "true", "cooling down");
  // A press during the cooldown sends nothing.
  await page.press(Key.ENTER);
  const before = (await fake.control(`requests?username=${username}`)).length;
  await waitEl((el) => el.querySelector("[role=status]").textContent === "You can ask for a new code now.", "the cooldown's end, announced", 8000);
  assert.equal((await fake.control(`requests?username=${username}`)).length, before);
  assert.equal(await inEl((el) => el.querySelector("[data-action=resend]").getAttribute("aria-disabled")), null);
  assert.equal(await inEl((el) => el.querySelectorAll("[role=status], [aria-live]").length), 1, "one live region");

  // Cognito's limit: the cooldown is five times longer, and the error is said.
  await fake.control("script", { username, responses: [{ type: "LimitExceededException", message: "Attempt limit exceeded" }] });
  await page.press(Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the limit's error");
  assert.equal(await alertText(), "Too many attempts. Wait a few minutes.");
  assert.match(await inEl((el) => el.querySelector(".cognito-cooldown").textContent), /in (9|10) seconds/);

  await clearField("code");
  await typeInto("code", (await code(username)) + Key.ENTER);
  await waitEl((el) => el.dataset.step === "done", "done");
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=done] .cognito-intro").textContent), "Sign in with your username and password.");
});

test("a pasted code with spaces or hyphens lands without them; the code field is one text input", async () => {
  const username = newUser("paste");
  await fake.control("users", { username, code: "123456" });
  await load();
  await mount(fakeAttrs({ step: "confirm", username, "no-auto-sign-in": "" }));
  const field = await inEl((el) => {
    const c = el.querySelector("[name=code]");
    return [c.type, c.inputMode, c.getAttribute("autocomplete"), el.querySelectorAll("[data-cognito-step=confirm] input:not([type=hidden])").length];
  });
  assert.deepEqual(field, ["text", "numeric", "one-time-code", 2]);
  await inEl((el) => {
    const c = el.querySelector("[name=code]");
    c.focus();
    c.value = " 123 456 ";
    c.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  });
  assert.equal(await inEl((el) => el.querySelector("[name=code]").value), "123456");
  await typeInto("code", Key.BACKSPACE + "-6");
  assert.equal(await inEl((el) => el.querySelector("[name=code]").value), "123456");
  await page.press(Key.ENTER);
  await waitEl((el) => el.dataset.step === "done", "done");
  const sentCodes = (await fake.control(`requests?username=${username}`)).map((r) => r.body.ConfirmationCode);
  assert.deepEqual(sentCodes, ["123456"]);
});

test("a lost answer on each call leads to the right step", async () => {
  await load();
  const lose = { apply: true, reset: true };

  // SignUp's answer lost: the retry hears UsernameExistsException (earlierAttemptMayHaveSucceeded): the code step, a fresh code.
  const u1 = newUser("lostsu");
  await mount(fakeAttrs());
  await fake.control("script", { username: u1, responses: [lose] });
  await typeInto("username", u1);
  await typeInto("email", `${u1}@example.com`);
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.step === "confirm" && /We sent a new code/.test(el.querySelector("[role=status]").textContent), "the code step after a lost sign-up");
  assert.equal(await inEl((el) => el.querySelector(".cognito-intro").textContent), `Enter the code we sent you for ${u1}.`);
  assert.ok(!(await eventTypes()).includes("cognito-error"), "the lost success is no error");
  // The lost ConfirmSignUp answer: the retry hears "already confirmed": confirmedByEarlierAttempt, done.
  await fake.control("script", { username: u1, responses: [lose] });
  await typeInto("code", (await code(u1)) + Key.ENTER);
  await waitEl((el) => el.dataset.step === "done", "done after a lost confirm");
  const confirmed = (await events()).find((e) => e.type === "cognito-confirmed");
  assert.equal(confirmed.detail.confirmedByEarlierAttempt, true);

  // ResendConfirmationCode's answer lost: the retry sends a code; autoSignIn's lost: the user is told to sign in.
  const u2 = newUser("lostrs");
  await page.execute("document.getElementById('su').remove(); window.events = [];");
  await mount(fakeAttrs());
  await typeInto("username", u2);
  await typeInto("email", `${u2}@example.com`);
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.step === "confirm", "the code step");
  await waitEl((el) => !el.querySelector("[data-action=resend]").getAttribute("aria-disabled"), "the cooldown to end", 8000);
  await fake.control("script", { username: u2, responses: [lose] });
  await inEl((el) => el.querySelector("[data-action=resend]").click());
  await waitEl((el) => /We sent a new code/.test(el.querySelector("[role=status]").textContent), "the resent code after a lost answer");
  await fake.control("script", { username: u2, responses: [{ pass: true }, lose] });
  await typeInto("code", (await code(u2)) + Key.ENTER);
  await waitEl((el) => el.dataset.step === "done", "done after a lost sign-in");
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=done] .cognito-intro").textContent), "Sign in with your username and password.");
  const types = await eventTypes();
  assert.deepEqual(types, ["cognito-signed-up", "cognito-code-sent", "cognito-code-sent", "cognito-confirmed", "cognito-error"]);
  assert.equal((await events()).at(-1).detail.step, "done");
});

test("the page's own markup is upgraded, not replaced", async () => {
  const username = newUser("own");
  await load();
  const field = (name, label, type, autocomplete) => ["p", {}, ["label", { for: `my-${name}` }, label], ["input", { id: `my-${name}`, name, type, autocomplete }]];
  await mount(fakeAttrs({ "user-attributes": "email phone_number" }), [
    ["form", { id: "my-form", class: "mine" }, ["h3", {}, "Join us"], field("username", "Your name", "text", "username"), field("email", "Mail", "email", "email"), field("phone_number", "Mobile", "tel", "tel"), field("password", "Secret", "password", "new-password"), ["button", {}, "Join"]],
  ]);
  const upgraded = await inEl((el) => {
    const form = el.querySelector("#my-form");
    return {
      same: el.querySelector("[data-cognito-step=sign-up]") === form,
      own: [...form.elements].filter((e) => e.name).map((e) => `${e.id}:${e.type}:${e.autocomplete}`),
      alert: form.querySelector("[role=alert]") !== null,
      heading: form.querySelector("h3").textContent,
    };
  });
  assert.deepEqual(upgraded, {
    same: true,
    own: ["my-username:text:username", "my-email:email:email", "my-phone_number:tel:tel", "my-password:password:new-password"],
    // (the page's own attributes, kept as written)
    alert: true,
    heading: "Join us",
  });
  await typeInto("username", username);
  await typeInto("email", `${username}@example.com`);
  await typeInto("phone_number", "2065550100");
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the phone number's error");
  assert.equal((await fieldError("phone_number")).text, "Enter the number with its country code.");
  await clearField("phone_number");
  await typeInto("phone_number", "+12065550100" + Key.ENTER);
  await waitEl((el) => el.dataset.step === "confirm", "the confirm step");
  assert.deepEqual((await fake.control(`user?username=${username}`)).attributes, { email: `${username}@example.com`, phone_number: "+12065550100" });
  await checkAccessibility("6-own-markup-confirm");
});

test('lang="de": a table registered after the element is defined takes effect at once; Intl formats the numbers', async () => {
  await load();
  await mount(fakeAttrs({ step: "confirm", username: "someone", lang: "de-AT" }));
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=confirm] h2").textContent), "Confirm your account", "English until German is registered");
  await page.evaluate(async () => {
    window.register("de", {
      confirmHeading: "Konto bestätigen",
      confirmButton: "Bestätigen",
      resendButton: "Neuen Code senden",
      label_code: "Bestätigungscode",
      confirmIntroFor: (u) => `Geben Sie den Code für ${u} ein.`,
      resendIn: (t) => `Einen neuen Code können Sie in ${t} anfordern.`,
      required: (label) => `Bitte ${label} eingeben.`,
      codeFormat: (n) => `Der Code hat ${n} Stellen.`,
    });
  });
  const texts = await inEl((el) => [...el.querySelectorAll("[data-cognito-step=confirm] h2, [data-cognito-step=confirm] label, .cognito-intro")].filter((n) => !n.closest("[hidden]")).map((n) => n.textContent));
  assert.deepEqual(texts, ["Konto bestätigen", "Geben Sie den Code für someone ein.", "Bestätigungscode"]);
  await inEl((el) => (el.codeLength = 1234));
  await typeInto("code", "12" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the short code");
  const deAT = await page.execute("return new Intl.NumberFormat('de-AT').format(1234);");
  assert.notEqual(deAT, "1,234");
  assert.equal((await fieldError("code")).text, `Der Code hat ${deAT} Stellen.`, "numbers through Intl, in the element's language (de-AT)");
  await inEl((el) => (el.codeLength = 6));
  await clearField("code");
  await typeInto("code", Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the missing code");
  assert.equal((await fieldError("code")).text, "Bitte Bestätigungscode eingeben.");
  await checkAccessibility("7-german");
  assert.equal(await inEl((el) => el.querySelector("[data-action=resend]").textContent), "Neuen Code senden");
  // A key the German table lacks falls back to English.
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=sign-up] h2").textContent), "Create your account");
  await inEl((el) => el.setAttribute("lang", "fr"));
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=confirm] h2").textContent), "Confirm your account", "fr → en");
});

test("WebOTP: started when the SMS code's step shows, the code lands in the field; aborted on resend, step change, submit and disconnect", async () => {
  await load();
  // navigator.credentials.get, replaced by a page script: records each request and answers when told.
  await page.evaluate(() => {
    window.OTPCredential = function OTPCredential() {};
    window.otp = [];
    // WebKitGTK has no navigator.credentials at all: the page script gives it one.
    if (!navigator.credentials) Object.defineProperty(navigator, "credentials", { value: {}, configurable: true });
    navigator.credentials.get = (options) =>
      new Promise((resolve, reject) => {
        const request = { transport: options.otp?.transport, aborted: false, answer: (code) => resolve({ type: "otp", code }) };
        options.signal?.addEventListener("abort", () => {
          request.aborted = true;
          reject(new DOMException("aborted", "AbortError"));
        });
        window.otp.push(request);
      });
  });
  const otp = () => page.evaluate(() => window.otp.map((r) => ({ transport: r.transport, aborted: r.aborted })));
  /** A fresh element, no SMS request recorded, signed up with `phone`: its confirm step shows. */
  const signUpBySms = async (phone) => {
    const username = newUser("sms");
    await page.execute("document.getElementById('su')?.remove(); window.otp = [];");
    await mount(fakeAttrs({ "user-attributes": "phone_number" }));
    await typeInto("username", username);
    await typeInto("phone_number", phone);
    await typeInto("password", PASSWORD + Key.ENTER);
    await waitEl((el) => el.dataset.step === "confirm", "the confirm step");
    return username;
  };
  await signUpBySms("+12065550142");
  assert.match(await inEl((el) => el.querySelector(".cognito-intro").textContent), /We sent a code to \+\*{7}0142/);
  assert.deepEqual(await otp(), [{ transport: ["sms"], aborted: false }], "started when the step shows");

  // Resend aborts the request and starts a new one once the new code is sent.
  await waitEl((el) => !el.querySelector("[data-action=resend]").getAttribute("aria-disabled"), "the cooldown to end", 8000);
  await inEl((el) => el.querySelector("[data-action=resend]").click());
  await waitEl((el) => /We sent a new code/.test(el.querySelector("[role=status]").textContent), "the new code");
  assert.deepEqual(await otp(), [
    { transport: ["sms"], aborted: true },
    { transport: ["sms"], aborted: false },
  ]);
  // Step change aborts it.
  await inEl((el) => (el.step = "sign-up"));
  assert.equal((await otp())[1].aborted, true, "aborted when the step changes");
  await inEl((el) => el.querySelector("[data-action=have-code]").click());
  assert.equal((await otp()).length, 2, "no SMS is awaited for 'I already have a code' (no code was sent by SMS here)");

  // A fresh element: the code from the SMS lands in the field and is submitted.
  const u2 = await signUpBySms("+12065550143");
  const smsCode = await code(u2);
  await page.execute("window.otp[0].answer(arguments[0]);", `${smsCode.slice(0, 3)} ${smsCode.slice(3)}`);
  await waitEl((el) => el.dataset.step === "done", "done with the SMS code");
  assert.deepEqual((await fake.control(`requests?username=${u2}`)).filter((r) => r.body.ConfirmationCode).map((r) => r.body.ConfirmationCode), [smsCode]);

  // Submitting by hand aborts the request; so does removing the element.
  await signUpBySms("+12065550144");
  await typeInto("code", "000000" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the wrong code");
  assert.equal((await otp())[0].aborted, true, "aborted on submit");
  await waitEl((el) => !el.querySelector("[data-action=resend]").getAttribute("aria-disabled"), "the cooldown to end", 8000);
  await inEl((el) => el.querySelector("[data-action=resend]").click());
  await waitEl((el) => /We sent a new code/.test(el.querySelector("[role=status]").textContent), "the new code");
  assert.equal((await otp()).at(-1).aborted, false);
  await page.execute("document.getElementById('su').remove();");
  assert.equal((await otp()).at(-1).aborted, true, "aborted on disconnect");

  // Cognito no longer knows the username the code went to: the element forgets it, and its SMS with it.
  const u4 = await signUpBySms("+12065550145");
  await fake.control("script", { username: u4, responses: [{ type: "UserNotFoundException", message: "User does not exist." }] });
  await typeInto("code", "000000" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the unknown user");
  assert.equal(await inEl((el) => el.hasAttribute("username")), false);
  assert.deepEqual(await otp(), [{ transport: ["sms"], aborted: true }], "no new SMS is awaited");
});

test("properties: attributes reflect, config wins, strings override; a property set fires no event", async () => {
  await load();
  await mount({ "user-attributes": "email given_name" });
  const props = await inEl((el) => {
    const before = [el.codeLength, el.resendCooldown, el.noAutoSignIn, el.userAttributes, el.step];
    const fields = [...el.querySelector("[data-cognito-step=sign-up]").elements].filter((e) => e.name).map((e) => e.name);
    el.userPoolId = "us-east-1_Zz";
    el.clientId = "abc";
    el.secretHashUrl = "/h";
    el.codeLength = 8;
    el.resendCooldown = 30;
    el.noAutoSignIn = true;
    el.userAttributes = "given_name email";
    el.username = "pat";
    el.step = "confirm";
    el.step = "done";
    el.step = "sign-up";
    return {
      before,
      attrs: ["user-pool-id", "client-id", "secret-hash-url", "code-length", "resend-cooldown", "no-auto-sign-in", "user-attributes", "username", "step"].map((a) => el.getAttribute(a)),
      fields,
      attributesIsTheDomOne: el.attributes instanceof NamedNodeMap,
    };
  });
  assert.deepEqual(props, {
    before: [6, 60, false, "email given_name", "sign-up"],
    attrs: ["us-east-1_Zz", "abc", "/h", "8", "30", "", "given_name email", "pat", "sign-up"],
    fields: ["username", "email", "given_name", "password"],
    attributesIsTheDomOne: true,
  });
  await inEl((el) => (el.strings = { signUpHeading: "Join the club", label_given_name: "Vorname" }));
  assert.deepEqual(await inEl((el) => [el.querySelector("h2").textContent, el.querySelectorAll("label")[2].textContent]), ["Join the club", "Vorname"]);

  // config wins over the attributes (here: a SecretHash function instead of the URL).
  const username = newUser("cfg");
  await inEl(
    (el, fakeUrl, pool, client, secretHash) => {
      el.config = { userPoolId: pool, clientId: client, endpoint: fakeUrl, secretHash: () => secretHash };
    },
    fake.url,
    POOL,
    SECRET_CLIENT,
    crypto.createHmac("sha256", SECRET).update(username + SECRET_CLIENT).digest("base64"),
  );
  const hashesBefore = hashRequests;
  await typeInto("username", username);
  await typeInto("email", `${username}@example.com`);
  await typeInto("given_name", "Pat");
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.step === "confirm", "the confirm step");
  assert.equal(hashRequests, hashesBefore, "the config's secretHash function, not the URL");
  assert.deepEqual(await eventTypes(), ["cognito-signed-up", "cognito-code-sent"], "only the user's action fired events");
});

test("under default-src 'self'; style-src 'self' and require-trusted-types-for 'script': styled, and no violation", async () => {
  await load("?tt");
  const username = newUser("csp");
  await mount(fakeAttrs());
  const styled = await inEl((el) => [getComputedStyle(el).display, getComputedStyle(el.querySelector("button")).borderTopStyle, !!window.trustedTypes]);
  assert.equal(styled[0], "block", "the element's stylesheet applies");
  console.log(`# ${engine}: Trusted Types ${styled[2] ? "enforced" : "not supported by this engine"}`);
  await typeInto("username", username);
  await typeInto("email", `${username}@example.com`);
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.step === "confirm", "the confirm step");
  await typeInto("code", (await code(username)) + Key.ENTER);
  await waitEl((el) => el.dataset.step === "done", "done");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  // The probe: a violation is seen when there is one.
  await page.evaluate(() => {
    try {
      document.createElement("div").innerHTML = "<b>x</b>";
    } catch {}
    document.createElement("div").setAttribute("style", "color: red");
    const d = document.createElement("div");
    d.setAttribute("style", "color: red");
    document.body.append(d);
  });
  await page.waitFor(() => window.violations.length > 0, { what: "the probe's violation" });
});

test("the email/SMS role errors (a pool set-up the user cannot fix) get the generic text", async () => {
  await load();
  await mount(fakeAttrs());
  const username = newUser("role");
  await fake.control("script", { username, responses: [{ type: "InvalidSmsRoleAccessPolicyException", message: "Role does not have permission" }] });
  await typeInto("username", username);
  await typeInto("email", `${username}@example.com`);
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the error");
  assert.equal(await alertText(), "Something went wrong on our side. Try again later.");
});

test("defined under another tag, the element is styled under that tag (the layer keeps its name)", async () => {
  await load();
  const shown = await page.evaluate(() => {
    class MySignUp extends window.CognitoSignUpElement {}
    MySignUp.define("my-sign-up");
    const el = document.createElement("my-sign-up");
    el.id = "mine";
    document.querySelector("h1").after(el);
    const layer = [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]).find((r) => r.name == "cognito-sign-up");
    return [getComputedStyle(el).display, getComputedStyle(el.querySelector("button")).borderTopStyle, !!layer, el.querySelector("h2").textContent];
  });
  assert.deepEqual(shown, ["block", "solid", true, "Create your account"]);
});

test("without constructable or adoptable stylesheets (Chrome 96–98, Firefox 91–100, Safari 15–16.3), the forms still work, unstyled", async () => {
  const breaks = {
    "no CSSStyleSheet constructor": "window.CSSStyleSheet = function () { throw new TypeError('Illegal constructor'); };",
    "a frozen adoptedStyleSheets": "Object.defineProperty(Document.prototype, 'adoptedStyleSheets', { configurable: true, get: () => Object.freeze([]), set() {} });",
  };
  for (const [what, script] of Object.entries(breaks)) {
    await load();
    await page.execute(script);
    await mount(fakeAttrs());
    assert.deepEqual(await visible(), ["sign-up"], what);
    assert.notEqual(await inEl((el) => getComputedStyle(el).display), "block", `${what}: unstyled`);
    await inEl((el) => el.querySelector("[data-cognito-step=sign-up] button:not([type=button])").click());
    await waitEl((el) => el.dataset.state === "error", `${what}: the form's checks`);
    assert.deepEqual(await fieldError("username"), { text: "Enter your username.", invalid: "true", describedBy: true, focused: true }, what);
  }
});

test("inside a shadow root: styled, <html lang> honoured, errors at their fields, the call sent", async () => {
  await load();
  const username = newUser("shadow");
  await page.evaluate(
    (attrs) => {
      document.documentElement.lang = "de";
      window.register("de", { signUpHeading: "Konto anlegen", required: (label) => `Bitte ${label} eingeben.` });
      const host = document.createElement("div");
      host.id = "host";
      document.querySelector("h1").after(host);
      const el = document.createElement("cognito-sign-up");
      el.id = "su";
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      host.attachShadow({ mode: "open" }).append(el);
    },
    fakeAttrs(),
  );
  const inShadow = (fn, ...args) => page.evaluate(`async (...a) => (${fn})(document.getElementById("host").shadowRoot.getElementById("su"), ...a)`, ...args);
  const styled = await inShadow((el) => [getComputedStyle(el).display, getComputedStyle(el.querySelector("button")).borderTopStyle, el.querySelector("h2").textContent]);
  assert.deepEqual(styled, ["block", "solid", "Konto anlegen"]);
  const errors = await inShadow((el) => {
    el.querySelector("[data-cognito-step=sign-up] button:not([type])").click();
    return [...el.querySelectorAll(".cognito-error")].filter((p) => p.textContent).map((p) => p.textContent);
  });
  assert.deepEqual(errors, ["Bitte Username eingeben.", "Bitte Email eingeben.", "Bitte Password eingeben."]);
  await inShadow(
    (el, u, password) => {
      const form = el.querySelector("[data-cognito-step=sign-up]");
      form.elements.username.value = u;
      form.elements.email.value = `${u}@example.com`;
      form.elements.password.value = password;
      form.requestSubmit();
    },
    username,
    PASSWORD,
  );
  await page.waitFor(() => document.getElementById("host").shadowRoot.getElementById("su").dataset.step === "confirm", { what: "the confirm step", timeoutMs: 20000 });
  assert.equal((await fake.control(`user?username=${username}`)).status, "UNCONFIRMED");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
});

test("an error at the field that already has focus is announced (its slot an alert); one that focus moves to is not announced twice", async () => {
  await load();
  await mount(fakeAttrs());
  const slotRole = (name) => inEl((el, n) => el.querySelector(`[data-cognito-step]:not([hidden]) [name="${n}"] + .cognito-error`).getAttribute("role"), name);
  // Enter in the empty form's button: focus moves to the username field, which says its error.
  await inEl((el) => el.querySelector("[data-cognito-step=sign-up] button:not([type])").focus());
  await page.press(Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the errors");
  assert.equal((await fieldError("username")).focused, true);
  assert.equal(await slotRole("username"), null, "focus moved: no alert as well");
  // Enter in the password field, Cognito refuses the password: focus stays, the error is an alert.
  const username = newUser("weak");
  await typeInto("username", username);
  await typeInto("email", `${username}@example.com`);
  await typeInto("password", "short" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error" && el.querySelector("[name=password]").getAttribute("aria-invalid"), "the weak password's error");
  assert.deepEqual(await fieldError("password"), { text: "That password is too weak. Choose a stronger one.", invalid: "true", describedBy: true, focused: true });
  assert.equal(await slotRole("password"), "alert");
  assert.equal(await slotRole("username"), null);
  // The wrong code, by Enter in the code field.
  const u2 = newUser("announce");
  await fake.control("users", { username: u2, code: "123456" });
  await page.execute("document.getElementById('su').remove();");
  await mount(fakeAttrs({ step: "confirm", username: u2 }));
  await typeInto("code", "000000" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the wrong code's error");
  assert.equal((await fieldError("code")).focused, true);
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=confirm] [role=alert]:not(:empty)")?.textContent), "That code isn't right. Check our latest message.");
  // Typed again and sent: the alert is cleared while the call runs.
  await typeInto("code", Key.BACKSPACE + "1" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the second wrong code's error");
  assert.equal(await slotRole("code"), "alert");
});

test("while a call runs the action buttons do nothing; an answer after the step changed is not written into the hidden step", async () => {
  await load();
  await mount(fakeAttrs());
  const username = newUser("busy");
  await fake.control("script", { username, responses: [{ type: "UsernameExistsException", message: "User already exists", delayMs: 1500 }] });
  await typeInto("username", username);
  await typeInto("email", `${username}@example.com`);
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.querySelector("[data-cognito-step=sign-up]").getAttribute("aria-busy"), "the call to run");
  await inEl((el) => el.querySelector("[data-action=have-code]").click());
  assert.deepEqual(await visible(), ["sign-up"], "'I already have a code' waits for the call");
  await waitEl((el) => el.dataset.state === "error", "the answer");
  assert.equal((await fieldError("username")).text, "That username is taken. Choose another, or sign in.");

  // The page changes the step while the call runs: the answer's error is not put in the hidden form.
  await fake.control("script", { username, responses: [{ type: "UsernameExistsException", message: "User already exists", delayMs: 1500 }] });
  await inEl((el) => el.querySelector("[data-cognito-step=sign-up]").requestSubmit());
  await waitEl((el) => el.querySelector("[data-cognito-step=sign-up]").getAttribute("aria-busy"), "the call to run");
  await inEl((el) => (el.step = "confirm"));
  await waitEl((el) => !el.querySelector("[data-cognito-step=sign-up]").getAttribute("aria-busy"), "the answer");
  assert.equal((await events()).filter((e) => e.type === "cognito-error").length, 2, "the page still hears of it");
  assert.deepEqual(await inEl((el) => [...el.querySelectorAll(".cognito-error, [role=alert]")].map((p) => p.textContent).filter(Boolean)), []);
  assert.equal(await inEl((el) => el.dataset.state), "idle");
});

test("the page's own action button without type=button does its action only, it does not submit", async () => {
  await load();
  await mount(fakeAttrs(), [["form", {}, ["h3", {}, "Join us"], ["input", { name: "username", "aria-label": "Username" }], ["input", { name: "email", type: "email", "aria-label": "Email" }], ["input", { name: "password", type: "password", "aria-label": "Password" }], ["button", {}, "Join"], ["button", { "data-action": "have-code" }, "I have a code"]]]);
  await inEl((el) => el.querySelector("[data-action=have-code]").click());
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(await visible(), ["confirm"]);
  assert.deepEqual(await events(), [], "nothing was sent");
  assert.equal(await inEl((el) => el.dataset.state), "idle");
});

test("a mistyped username after 'I already have a code': the username field comes back with the error at it", async () => {
  await load();
  await mount(fakeAttrs());
  const username = newUser("nosuch");
  await typeInto("username", username);
  await inEl((el) => el.querySelector("[data-action=have-code]").click());
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=confirm] [name=username]").closest("[hidden]") !== null), true, "the known username is not asked");
  await typeInto("code", "123456" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the unknown user's error");
  assert.deepEqual(await fieldError("username"), { text: "No account has that username. Check it, or sign up.", invalid: "true", describedBy: true, focused: true });
  assert.equal(await inEl((el) => el.querySelector("[data-cognito-step=confirm] [name=username]").closest("[hidden]")), null, "shown again");
  assert.equal(await alertText(), "");
  const intro = () => inEl((el) => el.querySelector("[data-cognito-step=confirm] .cognito-intro").textContent);
  assert.equal(await intro(), "Enter your username and the code we sent you.", "the mistyped username is no longer named");
  assert.deepEqual(await inEl((el) => [el.username, el.hasAttribute("username")]), [null, false], "forgotten");
  // The corrected username is the one sent.
  const corrected = newUser("corrected");
  await clearField("username");
  await clearField("code");
  await typeInto("username", corrected);
  await typeInto("code", "123456" + Key.ENTER);
  const sent = async () => (await fake.control(`requests?username=${corrected}`)).filter((r) => r.body.ConfirmationCode).length;
  for (const end = Date.now() + 5000; !(await sent()) && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  assert.equal(await sent(), 1, "confirmed for the corrected username");
  await waitEl((el) => !el.querySelector("[data-cognito-step=confirm]").getAttribute("aria-busy"), "the corrected user's answer");
  assert.equal(await intro(), "Enter your username and the code we sent you.");
});

test("a phone number with spaces, hyphens, parentheses or full-width digits, and a full-width code, are taken (German)", async () => {
  await load();
  // The German module, as a page loads it (a script's import() has its own module map in Firefox's WebDriver).
  await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const script = Object.assign(document.createElement("script"), { type: "module", src: "/pkg/element/locales/de.js", onload: resolve, onerror: reject });
        document.head.append(script);
      }),
  );
  await mount(fakeAttrs({ lang: "de", "user-attributes": "phone_number" }));
  const username = newUser("tel");
  await typeInto("username", username);
  await typeInto("phone_number", "0170 1234567");
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the number without its country code");
  assert.equal((await fieldError("phone_number")).text, "Geben Sie die Nummer mit Ländervorwahl ein.");
  await clearField("phone_number");
  await typeInto("phone_number", "+49 (170) 123-4567" + Key.ENTER);
  await waitEl((el) => el.dataset.step === "confirm", "the confirm step");
  assert.equal((await fake.control(`user?username=${username}`)).attributes.phone_number, "+491701234567");
  // Full-width, as a Japanese IME types it; and a code the same way.
  const u2 = newUser("tel");
  await page.execute("document.getElementById('su').remove();");
  await mount(fakeAttrs({ lang: "de", "user-attributes": "phone_number", "no-auto-sign-in": "" }));
  await inEl(
    (el, u, password) => {
      const form = el.querySelector("[data-cognito-step=sign-up]");
      form.elements.username.value = u;
      form.elements.phone_number.value = "＋４９－１７０ １２３４５６７";
      form.elements.password.value = password;
      form.requestSubmit();
    },
    u2,
    PASSWORD,
  );
  await waitEl((el) => el.dataset.step === "confirm", "the confirm step");
  assert.equal((await fake.control(`user?username=${u2}`)).attributes.phone_number, "+491701234567");
  const fullWidth = [...(await code(u2))].map((d) => String.fromCharCode(0xff10 + +d)).join("");
  await inEl((el, c) => {
    const form = el.querySelector("[data-cognito-step=confirm]");
    form.elements.code.value = c;
    form.requestSubmit();
  }, fullWidth);
  await waitEl((el) => el.dataset.step === "done", "done with the full-width code");
});

test("a long username wraps: a 390 px page does not scroll sideways", async () => {
  await load();
  await viewport(390);
  try {
    await mount(fakeAttrs({ step: "confirm", username: "maximiliane.mustermannschmidt@beispielunternehmen.example.com" }));
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(widths[0] <= widths[1], `the page is ${widths[0]} px wide in a ${widths[1]} px viewport`);
  } finally {
    await viewport(1280);
  }
});

test("config set before the element is defined is kept (the upgrade), and is a property React 19 sets", async () => {
  await load();
  const got = await page.evaluate(async (fakeUrl) => {
    const el = document.createElement("late-sign-up");
    document.querySelector("main").append(el);
    el.config = { endpoint: fakeUrl };
    const { CognitoSignUpElement } = await import("/pkg/element/element.js");
    class Late extends CognitoSignUpElement {}
    Late.define("late-sign-up");
    // React 19 sets a prop as a property only when it is `in` the element, else as an attribute.
    return [el.config?.endpoint, el.hasAttribute("config"), "config" in document.createElement("late-sign-up")];
  }, fake.url);
  assert.deepEqual(got, [fake.url, false, true]);
});

test("a removed and re-added element keeps its resend cooldown; a username set after the step shows in the confirm step", async () => {
  const username = newUser("move");
  await fake.control("users", { username, code: "123456" });
  await load();
  await mount(fakeAttrs({ step: "confirm", username, "resend-cooldown": "30" }));
  await inEl((el) => el.querySelector("[data-action=resend]").click());
  await waitEl((el) => /We sent a new code/.test(el.querySelector("[role=status]").textContent), "the new code");
  // Moved 2 s into the 30: the kept deadline shows 27 a second later; one started again would take 3 s.
  await new Promise((r) => setTimeout(r, 2000));
  await inEl((el) => {
    const main = el.parentNode;
    el.remove();
    main.append(el);
  });
  const moved = Date.now();
  await waitEl((el) => /New code possible in 2[0-7] seconds\./.test(el.querySelector(".cognito-cooldown").textContent), "the cooldown from its first deadline");
  assert.ok(Date.now() - moved < 2500, `the deadline was kept (27 s left ${Date.now() - moved} ms after the move)`);
  assert.equal(await inEl((el) => el.querySelector("[data-action=resend]").getAttribute("aria-disabled")), "true", "still cooling down");

  await page.execute("document.getElementById('su').remove();");
  await mount(fakeAttrs());
  const shown = await inEl((el) => {
    el.step = "confirm";
    el.username = "pat";
    const field = el.querySelector("[data-cognito-step=confirm] [name=username]");
    return [field.value, field.closest("[hidden]") !== null, el.querySelector("[data-cognito-step=confirm] .cognito-intro").textContent];
  });
  assert.deepEqual(shown, ["pat", true, "Enter the code we sent you for pat."]);
});

test("a sign-up whose lost answer the retry recovers is a sign-up: the password cleared, cognito-signed-up fired", async () => {
  await load();
  await mount(fakeAttrs());
  const username = newUser("lostpw");
  await fake.control("script", { username, responses: [{ apply: true, reset: true }] });
  await typeInto("username", username);
  await typeInto("email", `${username}@example.com`);
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.step === "confirm" && /We sent a new code/.test(el.querySelector("[role=status]").textContent), "the code step after a lost sign-up");
  assert.equal(await inEl((el) => el.querySelector("[name=password]").value), "", "the password is not kept");
  const all = await events();
  assert.deepEqual(all.map((e) => e.type), ["cognito-signed-up", "cognito-code-sent"]);
  assert.deepEqual(all[0].detail, { nextStep: { signUpStep: "CONFIRM_SIGN_UP" } });
  // Its code confirms the account.
  await typeInto("code", (await code(username)) + Key.ENTER);
  await waitEl((el) => el.dataset.step === "done", "done");
});

test("a field's label in its error follows a language registered after the error was shown", async () => {
  await load();
  await mount(fakeAttrs({ lang: "de" }));
  await inEl((el) => el.querySelector("[data-cognito-step=sign-up] button:not([type])").click());
  assert.equal((await fieldError("username")).text, "Enter your username.");
  await page.evaluate(() => window.register("de", { label_username: "Benutzername", required: (label) => `Bitte ${label} eingeben.` }));
  assert.equal((await fieldError("username")).text, "Bitte Benutzername eingeben.");
});

test("NotAuthorizedException at sign-up (the app client's set-up) gets the generic text; at confirm, its own", async () => {
  await load();
  await mount(fakeAttrs());
  const username = newUser("notauth");
  const refuse = { type: "NotAuthorizedException", message: "SignUp is not permitted for this user pool" };
  await fake.control("script", { username, responses: [refuse] });
  await typeInto("username", username);
  await typeInto("email", `${username}@example.com`);
  await typeInto("password", PASSWORD + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the error");
  assert.equal(await alertText(), "Something went wrong on our side. Try again later.");
  await fake.control("script", { username, responses: [refuse] });
  await inEl((el) => el.querySelector("[data-action=have-code]").click());
  await typeInto("code", "123456" + Key.ENTER);
  await waitEl((el) => el.dataset.state === "error", "the confirm step's error");
  assert.equal(await alertText(), "This account can't be confirmed. If you did so already, sign in.");
});
