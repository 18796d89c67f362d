// End-to-end: the demo as `scripts/demo.sh` starts it (cognito-local, the
// page, its backend), driven in Debian's Chromium by Playwright with the
// keyboard alone. Every state of the page is checked with axe-core in light
// and dark, at desktop and mobile widths (a11y.mjs), and kept as screenshots
// in tests/artifacts/e2e/. The last tests are about running the demo: its
// state directory's lock, taken ports, a stale emulator, Ctrl-C.

import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../support/chromium.mjs";
import { assertFocusRing, checkAccessibility } from "./a11y.mjs";

import { cognito, pendingCode, startEmulator } from "../../www/emulator.mjs";
import { STEP, field, focused } from "./element-page.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STATE = fs.mkdtempSync(path.join(os.tmpdir(), "demo-e2e-"));

let demo;
let pageUrl;
let emulatorEndpoint;
let pool;
let browser;
let restartedEmulator;
const others = []; // demos started by the last tests

/** Runs `scripts/demo.sh` as a person would; resolves to `{ child, output(), page, emulator }` once it serves, or when it exits. */
function runDemo(env = {}) {
  const child = spawn("bash", [path.join(ROOT, "scripts", "demo.sh")], {
    cwd: ROOT,
    env: { ...process.env, DEMO_STATE_DIR: STATE, DEMO_PORT: "0", COGNITO_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const run = { child, output: () => text };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not come up:\n${text}`)), 180000);
    const check = () => {
      const page = text.match(/open (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (!page) return;
      clearTimeout(timer);
      resolve({ ...run, page: page[1], emulator: text.match(/cognito-local: (http:\/\/127\.0\.0\.1:\d+\/)/)?.[1] });
    };
    child.stdout.on("data", (d) => ((text += d), check()));
    child.stderr.on("data", (d) => (text += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ ...run, exitCode: code });
    });
  });
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null;

before(async () => {
  demo = await runDemo();
  assert.ok(demo.page, `the demo serves the page:\n${demo.output()}`);
  ({ page: pageUrl, emulator: emulatorEndpoint } = demo);
  pool = JSON.parse(fs.readFileSync(path.join(STATE, "pool.json"), "utf8"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  restartedEmulator?.child.kill();
  for (const d of [demo, ...others]) if (d && !exited(d.child)) d.child.kill("SIGINT");
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(STATE, { recursive: true, force: true });
});

async function userStatus(username) {
  const user = await cognito(emulatorEndpoint, "AdminGetUser", { UserPoolId: pool.userPoolId, Username: username });
  return user.UserStatus;
}

async function newPage() {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && !/Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
  await page.goto(pageUrl);
  await page.locator("#demo-emulator").waitFor(); // shown once the page has its settings
  return { page, problems };
}

const visibleStep = (page) =>
  page.evaluate(() => [...document.querySelectorAll("cognito-sign-up [data-cognito-step]")].filter((s) => !s.hidden).map((s) => s.dataset.cognitoStep));

/** Tabs from the current focus until `want` (as `focused` says it) has it (at most 30 presses); checks the focus ring on the way. */
async function tabTo(page, want) {
  for (let i = 0; i < 30; i++) {
    if ((await focused(page)) === want) return assertFocusRing(page);
    await page.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached ${want}`);
}

/** Holds the emulator's answers until \`release()\`, to see the busy states. */
async function holdCognito(page) {
  let release;
  const held = new Promise((r) => (release = r));
  const handled = [];
  const handler = (route) => {
    const done = (async () => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    })();
    handled.push(done);
    return done;
  };
  await page.route(emulatorEndpoint, handler);
  return async () => {
    release();
    await Promise.all(handled);
    await page.unroute(emulatorEndpoint, handler);
  };
}

/** Signs up through the form by keyboard alone, from the page's start; returns the username. */
async function signUp(page, prefix, { check } = {}) {
  const username = `${prefix}${Date.now()}`;
  await page.keyboard.press("Tab");
  await tabTo(page, "input[username]");
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(`${username}@example.com`);
  await tabTo(page, "input[password]");
  await page.keyboard.type("Passw0rd!demo");
  const release = check ? await holdCognito(page) : null;
  await page.keyboard.press("Enter");
  if (check) {
    await page.locator("cognito-sign-up [role=status]").getByText("Creating your account").waitFor();
    assert.equal(await page.locator(STEP("sign-up")).getAttribute("aria-busy"), "true");
    assert.equal(await page.locator(`${STEP("sign-up")} button:not([type])`).getAttribute("aria-disabled"), "true", "no double sign-up");
    assert.equal(await page.locator("cognito-sign-up").getAttribute("data-state"), "busy");
    assert.equal(await focused(page), "input[password]", "focus stays where it was while busy");
    await checkAccessibility(page, "02-signing-up");
    await release();
  }
  await page.locator(`${STEP("confirm")} .cognito-intro`).getByText(`We sent a code to ${username}@example.com.`).waitFor();
  assert.deepEqual(await visibleStep(page), ["confirm"], "one step at a time");
  assert.equal(await page.locator("cognito-sign-up").getAttribute("username"), username);
  assert.equal(await focused(page), "h2:Confirm your account", "focus moves to the confirmation step");
  return username;
}

/** Types `code` into the code field and submits it with Enter. */
async function submitCode(page, code) {
  await page.locator(field("confirm", "code")).focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

/** The error shown at the field `name` of `step`, after checking that the field is marked, described and focused. */
async function fieldError(page, step, name) {
  const input = page.locator(field(step, name));
  const id = await input.getAttribute("id");
  const error = page.locator(`#${id}-error`);
  await error.filter({ hasText: /\S/ }).waitFor();
  assert.equal(await input.getAttribute("aria-invalid"), "true", `${name} is marked invalid`);
  assert.ok((await input.getAttribute("aria-describedby")).split(" ").includes(`${id}-error`), `${name} is described by its error`);
  assert.equal(await focused(page), `input[${name}]`, "focus moves to the field");
  return error.textContent();
}

async function formError(page, step) {
  const error = page.locator(`${STEP(step)} .cognito-alert`);
  await error.filter({ hasText: /\S/ }).waitFor();
  assert.equal(await error.getAttribute("role"), "alert", "errors about no field are announced");
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("cognito-alert")), true, "focus moves to the error");
  return error.textContent();
}

const events = (page) => page.locator("#demo-events li").allTextContents();

test("the whole flow by keyboard: sign up, confirm, done; axe-clean in every state", async () => {
  const { page, problems } = await newPage();
  assert.deepEqual(await visibleStep(page), ["sign-up"], "the page starts at sign-up alone");
  assert.match(await page.locator("#demo-box h2").textContent(), /Demo only/);
  assert.equal(await page.locator("main form").count(), 2, "the page's HTML has no form: the element renders both");
  await checkAccessibility(page, "01-sign-up");

  // An empty form: each field says what is missing.
  await page.keyboard.press("Tab");
  await tabTo(page, "button:Create account");
  await page.keyboard.press("Enter");
  assert.equal(await fieldError(page, "sign-up", "username"), "Enter your username.");
  assert.equal(await page.locator(`#${await page.locator(field("sign-up", "email")).getAttribute("id")}-error`).textContent(), "Enter your email.");
  await checkAccessibility(page, "01-sign-up-missing");
  await page.keyboard.type("x");
  await page.keyboard.press("Tab");
  await page.keyboard.type("not-an-address");
  await page.keyboard.press("Enter");
  assert.match(await fieldError(page, "sign-up", "email"), /Enter an email address like name@example.com/);
  assert.equal(await page.locator(field("sign-up", "username")).getAttribute("aria-invalid"), null, "a fixed field is no longer marked");
  await page.reload();
  await page.locator("#demo-emulator").waitFor();

  const username = await signUp(page, "alice", { check: true });
  assert.equal(await userStatus(username), "UNCONFIRMED");
  await checkAccessibility(page, "03-confirm");

  // No code: say so. A wrong code: say so, next to the field.
  await page.locator(field("confirm", "code")).focus();
  await page.keyboard.press("Enter");
  assert.equal(await fieldError(page, "confirm", "code"), "Enter your confirmation code.");
  await checkAccessibility(page, "04-confirm-no-code");
  const code = pendingCode(STATE, pool.userPoolId, username);
  assert.match(code, /^\d{6}$/, "the emulator holds the code");
  await submitCode(page, code === "000000" ? "111111" : "000000");
  assert.match(await fieldError(page, "confirm", "code"), /code isn't right/);
  assert.doesNotMatch(await page.locator("main").textContent(), /Invalid|verification code provided|Exception/, "no service text");
  await checkAccessibility(page, "05-confirm-wrong-code");
  assert.equal(await userStatus(username), "UNCONFIRMED");

  // A pasted code with spaces inside is taken without them.
  const release = await holdCognito(page);
  await submitCode(page, `${code.slice(0, 3)} ${code.slice(3)} `);
  await page.locator("cognito-sign-up [role=status]").getByText("Confirming your account").waitFor();
  assert.equal(await page.locator(field("confirm", "code")).inputValue(), code);
  assert.equal(await page.locator(STEP("confirm")).getAttribute("aria-busy"), "true");
  assert.equal(await page.locator(`${STEP("confirm")} button:not([type])`).getAttribute("aria-disabled"), "true", "no double submit while confirming");
  assert.equal(await focused(page), "input[code]", "focus is not lost while confirming");
  assert.equal(await page.locator("cognito-sign-up [role=status]").evaluate((el) => !!el.closest("[aria-busy=true]")), false, "the busy message is outside the busy form");
  await checkAccessibility(page, "06-confirming");
  await release();

  await page.locator(STEP("done")).waitFor();
  assert.deepEqual(await visibleStep(page), ["done"]);
  assert.equal(await focused(page), "h2:Your account is confirmed");
  // cognito-local returns no session: no sign-in right after confirming.
  await page.locator(`${STEP("done")} .cognito-intro`).getByText("Sign in with your username and password.").waitFor();
  assert.equal(await page.locator("#sign-in-link").isVisible(), true, "the page offers its sign-in once confirmed");
  await checkAccessibility(page, "07-done");
  assert.equal(await userStatus(username), "CONFIRMED");
  const heard = await events(page);
  assert.deepEqual(
    heard.map((e) => e.split(":")[0]),
    ["cognito-signed-up", "cognito-code-sent", "cognito-error", "cognito-confirmed"],
  );
  assert.match(heard[3], /"isSignUpComplete":true/);
  assert.doesNotMatch(heard.join(" "), /Passw0rd/, "never the password");
  assert.deepEqual(problems, []);
  await page.close();
});

test("I already have a code: the demo box shows it; resend fails with a sentence the emulator cannot help", async () => {
  const { page, problems } = await newPage();
  const username = await signUp(page, "erin");
  await page.close();

  const again = await newPage();
  await again.page.keyboard.press("Tab");
  await tabTo(again.page, "button:I already have a code");
  await again.page.keyboard.press("Enter");
  assert.deepEqual(await visibleStep(again.page), ["confirm"]);
  assert.equal(await focused(again.page), "h2:Confirm your account");
  await tabTo(again.page, "input[username]");
  await again.page.keyboard.type(username);

  // Resend with the keyboard: cognito-local cannot ("CognitoLocal#Unsupported"): a sentence, no service text.
  await tabTo(again.page, "button:Send a new code");
  await again.page.keyboard.press("Enter");
  assert.match(await formError(again.page, "confirm"), /Something went wrong on our side/);
  await checkAccessibility(again.page, "08-resend-unsupported");

  await again.page.locator("#show-code").click();
  const code = pendingCode(STATE, pool.userPoolId, username);
  await again.page.locator("#demo-code").getByText(`Your code: ${code}`).waitFor();
  await checkAccessibility(again.page, "09-demo-code");
  await submitCode(again.page, code);
  await again.page.locator(STEP("done")).waitFor();
  assert.deepEqual([...problems, ...again.problems], []);
  await again.page.close();
});

test("confirming an already confirmed user says so, and offers to sign in", async () => {
  const { page } = await newPage();
  const username = await signUp(page, "carol");
  const code = pendingCode(STATE, pool.userPoolId, username);
  await submitCode(page, code);
  await page.locator(STEP("done")).waitFor();

  const second = await newPage();
  await second.page.locator(`${STEP("sign-up")} [data-action=have-code]`).click();
  await second.page.locator(field("confirm", "username")).fill(username);
  await submitCode(second.page, code);
  // AWS answers NotAuthorizedException ("... status is CONFIRMED"); cognito-local ExpiredCodeException.
  assert.match(await fieldError(second.page, "confirm", "code"), /expired or was used.*sign in if you confirmed/);
  await checkAccessibility(second.page, "10-already-confirmed");
  assert.equal(await userStatus(username), "CONFIRMED");
  await page.close();
  await second.page.close();
});

test("with the emulator stopped the page shows a network error, and recovers", async () => {
  const { page } = await newPage();
  const username = await signUp(page, "dave");
  const code = pendingCode(STATE, pool.userPoolId, username);

  const pid = Number(fs.readFileSync(path.join(STATE, "emulator.pid"), "utf8"));
  process.kill(pid, "SIGTERM");
  const port = Number(new URL(emulatorEndpoint).port);
  await waitFor(async () => !(await reachable(emulatorEndpoint)));

  await submitCode(page, code);
  assert.match(await formError(page, "confirm"), /couldn't reach the server/);
  await checkAccessibility(page, "11-network-down");

  restartedEmulator = await startEmulator({ dir: STATE, port });
  await submitCode(page, code);
  await page.locator(STEP("done")).waitFor();
  assert.equal(await page.locator(`${STEP("confirm")} .cognito-alert`).textContent(), "", "the old error is gone");
  assert.equal(await userStatus(username), "CONFIRMED");
  await page.close();
});

test("a second demo on the same state says so and stops; a taken port is named", async () => {
  const second = await runDemo({ COGNITO_PORT: "0" });
  others.push(second);
  assert.equal(second.exitCode, 1, second.output());
  assert.match(second.output(), /another demo \(process \d+\) is using .*: stop it/);
  assert.match(second.output(), /DEMO_STATE_DIR=/, "it says how to run a second one");

  const ownState = fs.mkdtempSync(path.join(os.tmpdir(), "demo-e2e-2-"));
  const pagePort = new URL(pageUrl).port;
  const taken = await runDemo({ DEMO_STATE_DIR: ownState, DEMO_PORT: pagePort });
  others.push(taken);
  assert.equal(taken.exitCode, 1, taken.output());
  assert.match(taken.output(), new RegExp(`port ${pagePort} on 127.0.0.1 is taken`));
  assert.match(taken.output(), /DEMO_PORT=\d+ bash scripts\/demo.sh/);

  const blocker = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => blocker.once("listening", r));
  const cognitoPort = blocker.address().port;
  const emulatorTaken = await runDemo({ DEMO_STATE_DIR: ownState, COGNITO_PORT: String(cognitoPort) });
  others.push(emulatorTaken);
  blocker.close();
  assert.equal(emulatorTaken.exitCode, 1, emulatorTaken.output());
  assert.match(emulatorTaken.output(), new RegExp(`port ${cognitoPort} on 127.0.0.1 is taken[^]*COGNITO_PORT=`));
  fs.rmSync(ownState, { recursive: true, force: true });
});

test("a killed demo's emulator is stopped by the next run, which keeps the users; Ctrl-C stops everything", async () => {
  // The first run's emulator was replaced above by one this test started: stop it, restart the demo.
  restartedEmulator.child.kill();
  demo.child.kill("SIGINT");
  await waitFor(async () => exited(demo.child));
  assert.equal(await reachable(pageUrl), false, "the page server is gone");
  assert.equal(fs.existsSync(path.join(STATE, "demo.lock")), false, "Ctrl-C releases the state directory");
  assert.doesNotMatch(demo.output(), /ENOENT|Error:/, "Ctrl-C stops without an error");

  const killed = await runDemo();
  others.push(killed);
  assert.match(killed.output(), new RegExp(`user pool ${pool.userPoolId}`), "the pool is reused");
  const stalePid = Number(fs.readFileSync(path.join(STATE, "emulator.pid"), "utf8"));
  // Killed without its Ctrl-C: the server (demo.sh exec'd into it) dies, its cognito-local does not.
  killed.child.kill("SIGKILL");
  await waitFor(async () => exited(killed.child));
  assert.equal(await reachable(killed.emulator), true, "the killed demo's cognito-local is still running");

  const next = await runDemo();
  others.push(next);
  assert.ok(next.page, next.output());
  assert.match(next.output(), new RegExp(`stopped cognito-local \\(process ${stalePid}\\), left running by an earlier demo`));
  assert.equal(await reachable(killed.emulator), false, "the stale emulator is gone");
  const users = await cognito(next.emulator, "ListUsers", { UserPoolId: pool.userPoolId });
  assert.ok(users.Users.some((u) => u.UserStatus === "CONFIRMED"), "users confirmed in the first run are still there");

  next.child.kill("SIGINT");
  await waitFor(async () => exited(next.child));
  await waitFor(async () => !(await reachable(next.emulator)));
  assert.equal(await reachable(next.page), false);
});

async function reachable(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("condition not met in time");
}
