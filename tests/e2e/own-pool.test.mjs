// End-to-end: the demo against "your own user pool" (COGNITO_USER_POOL_ID,
// COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET), with the strict fake Cognito on
// loopback standing in for AWS (COGNITO_ENDPOINT). The fake checks every
// SecretHash the backend computes and returns a sign-in session, which the
// emulator cannot. Then the backend's refusals, asked over plain HTTP.

import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../support/chromium.mjs";
import { startFake } from "../fake-cognito/start.mjs";
import { assertFocusRing, checkAccessibility } from "./a11y.mjs";
import { STEP, field, focused } from "./element-page.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const POOL = "us-east-1_FakePool1";
const CLIENT = "secretclient1";
// The fake's secret for secretclient1, read from its source (importing it would start a server).
const SECRET = fs
  .readFileSync(path.join(ROOT, "tests", "fake-cognito", "server.mjs"), "utf8")
  .match(/secretclient1: \{ secret: "([^"]+)" \}/)[1];

let fake;
let server;
let serverOutput = "";
let pageUrl;
let port;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(ROOT, "pkg", "index.js")), "build the package first (scripts/test.sh does)");
  fake = await startFake();
  server = spawn(process.execPath, [path.join(ROOT, "www", "server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DEMO_PORT: "0",
      COGNITO_USER_POOL_ID: POOL,
      COGNITO_CLIENT_ID: CLIENT,
      COGNITO_CLIENT_SECRET: SECRET,
      COGNITO_ENDPOINT: `${fake.url}/`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (serverOutput += d));
  server.stderr.on("data", (d) => (serverOutput += d));
  pageUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${serverOutput}`)), 20000);
    server.stdout.on("data", () => {
      const m = serverOutput.match(/open (http:\/\/127\.0\.0\.1:(\d+)\/)/);
      if (m) {
        clearTimeout(timer);
        port = Number(m[2]);
        resolve(m[1]);
      }
    });
    server.on("exit", () => reject(new Error(`the server exited:\n${serverOutput}`)));
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.kill("SIGINT");
  fake?.stop();
});

const doneText = (page) => page.locator(`${STEP("done")} .cognito-intro`);
const errorOf = async (page, step, name) => page.locator(`#${await page.locator(field(step, name)).getAttribute("id")}-error`);

async function newPage() {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
  await page.goto(pageUrl);
  await page.locator("#demo-pool").waitFor();
  return { page, problems };
}

/** Tabs until `want` (as `focused` says it) has focus. */
async function tabTo(page, want) {
  for (let i = 0; i < 15 && (await focused(page)) !== want; i++) await page.keyboard.press("Tab");
  assert.equal(await focused(page), want);
}

/** From the page's start, by keyboard: "I already have a code", then the username. */
async function haveCode(page, username) {
  await tabTo(page, "button:I already have a code");
  await assertFocusRing(page);
  await page.keyboard.press("Enter");
  assert.equal(await focused(page), "h2:Confirm your account");
  await tabTo(page, "input[username]");
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
}

test("the server names your pool and keeps the secret to itself", async () => {
  assert.match(serverOutput, new RegExp(`user pool ${POOL}, app client ${CLIENT} \\(with a client secret, kept on this server\\)`));
  assert.doesNotMatch(serverOutput, new RegExp(SECRET));
  const config = await (await fetch(`${pageUrl}config.json`)).text();
  assert.doesNotMatch(config, new RegExp(SECRET), "config.json has no secret");
  assert.deepEqual(JSON.parse(config).userPoolId, POOL);
});

/** Fills the sign-up form by keyboard from the page's start and submits it. */
async function signUpWith(page, username, password) {
  await tabTo(page, "input[username]");
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(`${username}@example.com`);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
}

test("the whole flow against your pool: signUp's session goes to confirmSignUp, and the user is signed in", async () => {
  const { page, problems } = await newPage();
  const username = `heidi${Date.now()}`;
  await signUpWith(page, username, "Passw0rd!pool");
  await page.locator(`${STEP("confirm")} .cognito-intro`).getByText("We sent a code to h***@e***").waitFor();
  assert.equal(await focused(page), "h2:Confirm your account");
  const { code } = await fake.control(`user?username=${username}`);
  await page.locator(field("confirm", "code")).focus();
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await doneText(page).getByText(`You are signed in as ${username}.`).waitFor();
  assert.match((await page.locator("#demo-events").textContent()), /cognito-signed-in: tokens received/);

  const seen = await fake.control(`requests?username=${username}`);
  assert.deepEqual(seen.map((r) => r.target.split(".").pop()), ["SignUp", "ConfirmSignUp", "InitiateAuth"]);
  assert.deepEqual(seen.flatMap((r) => r.problems), [], "the fake found nothing wrong");
  assert.deepEqual(seen[0].body.UserAttributes, [{ Name: "email", Value: `${username}@example.com` }]);
  assert.ok(seen[1].body.Session, "the sign-up session is passed on to confirmSignUp");
  assert.ok(seen.every((r) => r.body.SecretHash || r.body.AuthParameters?.SECRET_HASH), "every SecretHash came from the backend (secret-hash-url)");
  assert.deepEqual(problems, []);
  await page.close();
});

test("sign-up refusals go next to their field, in the page's words", async () => {
  const { page, problems } = await newPage();
  const taken = `ivan${Date.now()}`;
  await fake.control("users", { username: taken, code: "1" });
  await signUpWith(page, taken, "Passw0rd!pool");
  await (await errorOf(page, "sign-up", "username")).getByText("That username is taken").waitFor();
  assert.equal(await focused(page), "input[username]");
  assert.equal(await page.locator(field("sign-up", "username")).getAttribute("aria-invalid"), "true");
  await checkAccessibility(page, "22-pool-username-taken");

  await page.locator(field("sign-up", "username")).fill(`${taken}x`);
  await page.locator(field("sign-up", "password")).fill("short");
  await page.locator(field("sign-up", "password")).focus();
  await page.keyboard.press("Enter");
  await (await errorOf(page, "sign-up", "password")).getByText("That password is too weak").waitFor();
  assert.equal(await focused(page), "input[password]");
  assert.equal(await page.locator(field("sign-up", "username")).getAttribute("aria-invalid"), null);
  assert.doesNotMatch(await page.locator("main").textContent(), /conform|policy|Exception/, "no service text");
  assert.deepEqual(problems, []);
  await page.close();
});

test("confirming against your pool signs the user in with the session Cognito returns", async () => {
  const { page, problems } = await newPage();
  assert.equal(await page.locator("#demo-emulator").isVisible(), false, "no emulator helpers against a real pool");
  assert.match(await page.locator("#demo-pool").textContent(), new RegExp(POOL));
  const username = `frank${Date.now()}`;
  await fake.control("users", { username, code: "123456", session: true });

  await haveCode(page, username);
  await page.keyboard.type("123 456"); // pasted with a space inside
  await page.keyboard.press("Enter");
  await doneText(page).getByText(`You are signed in as ${username}.`).waitFor();
  assert.equal(await focused(page), "h2:Your account is confirmed");
  await checkAccessibility(page, "20-pool-signed-in");

  const seen = await fake.control(`requests?username=${username}`);
  assert.deepEqual(
    seen.map((r) => r.target.split(".").pop()),
    ["ConfirmSignUp", "InitiateAuth"],
  );
  assert.deepEqual(seen.flatMap((r) => r.problems), [], "the fake found nothing wrong");
  assert.equal(seen[0].body.ConfirmationCode, "123456", "spaces inside the code were removed");
  assert.ok(seen[0].body.SecretHash, "the SecretHash came from the backend");
  assert.deepEqual(problems, []);
  await page.close();
});

test("resend: busy, then a cooldown; focus stays on the button; the new code confirms", async () => {
  const { page, problems } = await newPage();
  const username = `grace${Date.now()}`;
  await fake.control("users", { username, code: "111111" });

  await haveCode(page, username);
  await tabTo(page, "button:Send a new code");
  // Hold the fake's answer back a little, so that the busy state can be seen.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(`${fake.url}/`, async (route) => {
    await held;
    await route.continue();
  });
  const resend = page.locator(`${STEP("confirm")} [data-action=resend]`);
  await page.keyboard.press("Enter");
  await page.locator("cognito-sign-up [role=status]").getByText("Sending a new code").waitFor();
  assert.equal(await resend.getAttribute("aria-disabled"), "true", "busy while sending");
  assert.equal(await focused(page), "button:Send a new code", "focus stays on the button while busy");
  release();
  await page.locator("cognito-sign-up [role=status]").getByText("We sent a new code to a***@e***").waitFor();
  await page.unroute(`${fake.url}/`);
  assert.equal(await focused(page), "button:Send a new code", "focus stays on the button");
  assert.match(await page.locator(`${STEP("confirm")} .cognito-cooldown`).textContent(), /in (60|59) seconds/);
  assert.equal(await resend.getAttribute("aria-disabled"), "true", "cooling down");
  await checkAccessibility(page, "21-pool-resent");

  // During the cooldown a press sends nothing.
  await page.keyboard.press("Enter");
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await fake.control(`requests?username=${username}`)).length, 1, "one resend only");

  // The old code is refused next to its field; the new one confirms.
  const { code } = await fake.control(`user?username=${username}`);
  assert.notEqual(code, "111111", "the fake sent a new code");
  await page.locator(field("confirm", "code")).focus();
  await page.keyboard.type("111111");
  await page.keyboard.press("Enter");
  await (await errorOf(page, "confirm", "code")).getByText("That code isn't right").waitFor();
  await page.locator(field("confirm", "code")).fill("");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  await doneText(page).getByText("Sign in with your username and password.").waitFor();
  assert.equal(await page.locator("#sign-in-link").isVisible(), true, "no session: the page offers its sign-in");
  assert.deepEqual(problems, []);
  await page.close();
});

/** A raw HTTP request to the demo's server; resolves to `{ status, headers, body }`. */
function ask({ method = "GET", path: p = "/", headers = {}, body, localAddress } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: p, headers: { Host: `127.0.0.1:${port}`, ...headers }, localAddress }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const sameOrigin = () => ({ Origin: `http://127.0.0.1:${port}`, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json" });
const hashOf = (username, headers = sameOrigin(), extra = {}) =>
  ask({ method: "POST", path: "/api/secret-hash", headers, body: JSON.stringify({ username }), ...extra });

test("the backend hashes for its own page only", async () => {
  const ok = await hashOf("alice");
  assert.equal(ok.status, 200, ok.body);
  assert.match(JSON.parse(ok.body).secretHash, /^[A-Za-z0-9+/]{43}=$/);

  const refusals = [
    ["another Host (DNS rebinding)", { headers: { ...sameOrigin(), Host: `evil.example:${port}` } }, 421],
    ["a cross-site Origin", { headers: { ...sameOrigin(), Origin: "http://evil.example" } }, 403],
    ["the user's own navigation (Sec-Fetch-Site: none), not a page's call", { headers: { ...sameOrigin(), "Sec-Fetch-Site": "none" } }, 403],
    ["a form's navigation, not a script's fetch", { headers: { ...sameOrigin(), "Sec-Fetch-Mode": "navigate" } }, 403],
    ["no Origin (not a page of this site)", { headers: { "Content-Type": "application/json" } }, 403],
    ["a simple form POST", { headers: { ...sameOrigin(), "Content-Type": "text/plain" } }, 415],
    ["form encoding", { headers: { ...sameOrigin(), "Content-Type": "application/x-www-form-urlencoded" } }, 415],
  ];
  for (const [what, { headers }, status] of refusals) {
    const res = await ask({ method: "POST", path: "/api/secret-hash", headers, body: JSON.stringify({ username: "alice" }) });
    assert.equal(res.status, status, `${what}: ${res.body}`);
    assert.doesNotMatch(res.body, /secretHash/, what);
  }
  const get = await ask({ path: "/api/secret-hash?username=alice" });
  assert.equal(get.status, 405);
  assert.equal(get.headers.allow, "POST");
});

test("the backend refuses big, broken and unchecked bodies with its own words", async () => {
  const big = JSON.stringify({ username: "a".repeat(20000) });
  const declared = await ask({ method: "POST", path: "/api/secret-hash", headers: sameOrigin(), body: big });
  assert.equal(declared.status, 413, "a body over 16 KiB with its length declared");
  const chunked = await ask({ method: "POST", path: "/api/secret-hash", headers: { ...sameOrigin(), "Transfer-Encoding": "chunked" }, body: big });
  assert.equal(chunked.status, 413, "a chunked body over 16 KiB");

  const broken = await ask({ method: "POST", path: "/api/secret-hash", headers: sameOrigin(), body: '{"username": ' });
  assert.equal(broken.status, 400);
  assert.deepEqual(JSON.parse(broken.body), { error: "the body is not JSON" }, "no parser text");
  for (const username of ["", "a b", "x".repeat(129), 42]) {
    const res = await hashOf(username);
    assert.equal(res.status, 400, JSON.stringify(username));
    assert.match(JSON.parse(res.body).error, /^username must be/);
  }
  const none = await ask({ method: "POST", path: "/api/demo/code", headers: sameOrigin(), body: '{"username":"a"}' });
  assert.equal(none.status, 404, "no emulator helpers against a real pool");
});

test("the backend limits each client's rate", async () => {
  // Another loopback address is another client: the page's own (127.0.0.1) is not slowed.
  let limited;
  for (let i = 0; i < 40 && !limited; i++) {
    const res = await hashOf(`rate${i}`, sameOrigin(), { localAddress: "127.0.0.2" });
    if (res.status === 429) limited = { at: i, res };
    else assert.equal(res.status, 200, res.body);
  }
  assert.ok(limited, "40 requests at once are limited");
  assert.equal(limited.at, 30, "after a burst of 30");
  assert.ok(Number(limited.res.headers["retry-after"]) >= 1, "with Retry-After");
  assert.equal((await hashOf("alice")).status, 200, "another client is not limited");
});

test("the server serves the page's files only, with a CSP that forbids framing", async () => {
  const page = await ask({ path: "/" });
  assert.equal(page.status, 200);
  const csp = page.headers["content-security-policy"];
  for (const directive of ["frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "script-src 'self' 'wasm-unsafe-eval'", `connect-src 'self' ${fake.url}`]) {
    assert.ok(csp.includes(directive), `${directive} in ${csp}`);
  }
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  for (const p of ["/app.js", "/style.css", "/pkg/index.js", "/pkg/driver.js", "/pkg/cognito_confirm_bg.wasm"]) {
    assert.equal((await ask({ path: p })).status, 200, p);
  }
  for (const p of ["/server.mjs", "/backend.mjs", "/emulator.mjs", "/../package.json", "/%2e%2e/package.json", "/pkg/package.json", "/pkg/index.node.js", "/.demo/pool.json"]) {
    const res = await ask({ path: p });
    assert.equal(res.status, 404, p);
    assert.doesNotMatch(res.body, /import|secret/i, p);
  }
});
