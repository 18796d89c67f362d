// End-to-end: the demo as `scripts/demo.sh` starts it (cognito-local, the
// page, its backend), driven in Debian's Chromium by Playwright.
// Screenshots of each state go to tests/artifacts/e2e/.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../support/chromium.mjs";

import { cognito, pendingCode, startEmulator } from "../../www/emulator.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHOTS = path.join(ROOT, "tests", "artifacts", "e2e");
const STATE = fs.mkdtempSync(path.join(os.tmpdir(), "demo-e2e-"));

let demo;
let demoOutput = "";
let pageUrl;
let emulatorEndpoint;
let pool;
let browser;
let restartedEmulator;

function waitForOutput(pattern, timeoutMs = 120000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not print ${pattern}:\n${demoOutput}`)), timeoutMs);
    const check = () => {
      const m = demoOutput.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    demo.stdout.on("data", check);
    demo.on("exit", () => {
      clearTimeout(timer);
      reject(new Error(`demo exited:\n${demoOutput}`));
    });
    check();
  });
}

/** Runs `scripts/demo.sh` as a person would, on free ports; resolves to the page's and emulator's URLs. */
async function startDemo() {
  demoOutput = "";
  demo = spawn("bash", [path.join(ROOT, "scripts", "demo.sh")], {
    cwd: ROOT,
    env: { ...process.env, DEMO_STATE_DIR: STATE, DEMO_PORT: "0", COGNITO_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  demo.stdout.on("data", (d) => (demoOutput += d));
  demo.stderr.on("data", (d) => (demoOutput += d));
  const [, page] = await waitForOutput(/open (http:\/\/127\.0\.0\.1:\d+\/)/);
  const [, emulator] = demoOutput.match(/cognito-local: (http:\/\/127\.0\.0\.1:\d+\/)/);
  return { page, emulator };
}

before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  ({ page: pageUrl, emulator: emulatorEndpoint } = await startDemo());
  pool = JSON.parse(fs.readFileSync(path.join(STATE, "pool.json"), "utf8"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  restartedEmulator?.child.kill();
  if (demo && demo.exitCode === null) demo.kill("SIGINT");
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
  return { page, problems };
}

/** Signs up through the form with the keyboard alone; returns the username. */
async function signUp(page, prefix) {
  const username = `${prefix}${Date.now()}`;
  await page.locator("#su-username").focus();
  await page.keyboard.type(username);
  await page.keyboard.press("Tab");
  await page.keyboard.type(`${username}@example.com`);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Passw0rd!demo");
  await page.keyboard.press("Enter");
  await page.locator("#confirm-intro").getByText(`${username}@example.com`).waitFor();
  assert.equal(await page.locator("#cf-username").inputValue(), username);
  assert.equal(await page.evaluate(() => document.activeElement.id), "confirm-title", "focus moves to the confirmation step");
  return username;
}

/** Types the code into the focused form and submits it with Enter. */
async function submitCode(page, code) {
  await page.locator("#cf-code").fill("");
  await page.locator("#cf-code").focus();
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
}

async function errorShown(page) {
  const error = page.locator("#confirm-error");
  await error.filter({ hasText: /\S/ }).waitFor();
  assert.equal(await error.getAttribute("role"), "alert", "errors are announced");
  assert.equal(await page.evaluate(() => document.activeElement.id), "confirm-error", "focus moves to the error");
  return error.textContent();
}

test("signs up and confirms with the emailed code, by keyboard alone", async () => {
  const { page, problems } = await newPage();
  const username = await signUp(page, "alice");
  await page.screenshot({ path: path.join(SHOTS, "1-code-sent.png"), fullPage: true });
  assert.equal(await userStatus(username), "UNCONFIRMED");
  const code = pendingCode(STATE, pool.userPoolId, username);
  assert.match(code, /^\d{6}$/, "the emulator holds the code");

  // Hold Cognito's answer back a little so the progress state can be seen.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(emulatorEndpoint, async (route) => {
    if (route.request().method() === "POST") await held;
    await route.continue();
  });
  await submitCode(page, code);
  await page.locator("#confirm-status").getByText("Confirming your account").waitFor();
  assert.equal(await page.locator("#confirm-button").isDisabled(), true, "no double submit while confirming");
  assert.equal(await page.locator("#confirm-form").getAttribute("aria-busy"), "true");
  await page.screenshot({ path: path.join(SHOTS, "2-confirming.png"), fullPage: true });
  release();

  await page.locator("#done-title").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), "done-title");
  await page.locator("#sign-in-text").getByText("Sign in with your password").waitFor();
  await page.screenshot({ path: path.join(SHOTS, "3-confirmed.png"), fullPage: true });
  assert.equal(await userStatus(username), "CONFIRMED");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the resend button explains what the emulator cannot do", async () => {
  const { page, problems } = await newPage();
  const username = await signUp(page, "erin");
  await page.locator("#resend-button").focus();
  await page.keyboard.press("Enter");
  await page.locator("#resend-notice").getByText("cannot send new codes").waitFor();
  await page.screenshot({ path: path.join(SHOTS, "9-resend-unsupported.png"), fullPage: true });
  const code = pendingCode(STATE, pool.userPoolId, username);
  await submitCode(page, code);
  await page.locator("#done-title").waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("a wrong code shows the mismatch and leaves the user unconfirmed", async () => {
  const { page, problems } = await newPage();
  const username = await signUp(page, "bob");
  const code = pendingCode(STATE, pool.userPoolId, username);
  const wrong = code === "000000" ? "111111" : "000000";
  await submitCode(page, wrong);
  assert.match(await errorShown(page), /code isn't right/);
  await page.screenshot({ path: path.join(SHOTS, "4-wrong-code.png"), fullPage: true });
  assert.equal(await userStatus(username), "UNCONFIRMED");
  assert.equal(await page.locator("#confirm-button").isDisabled(), false, "the form can be used again");

  await submitCode(page, "12 34");
  assert.match(await errorShown(page), /without spaces/);
  await page.screenshot({ path: path.join(SHOTS, "5-invalid-code.png"), fullPage: true });

  await submitCode(page, code);
  await page.locator("#done-title").waitFor();
  assert.equal(await userStatus(username), "CONFIRMED");
  assert.deepEqual(problems, []);
  await page.close();
});

test("confirming an already confirmed user says so sensibly", async () => {
  const { page } = await newPage();
  const username = await signUp(page, "carol");
  const code = pendingCode(STATE, pool.userPoolId, username);
  await submitCode(page, code);
  await page.locator("#done-title").waitFor();

  const second = await newPage();
  await second.page.locator("#cf-username").fill(username);
  await submitCode(second.page, code);
  // AWS answers NotAuthorizedException ("... status is CONFIRMED"); cognito-local ExpiredCodeException.
  assert.match(await errorShown(second.page), /already confirmed|already used/);
  await second.page.screenshot({ path: path.join(SHOTS, "6-already-confirmed.png"), fullPage: true });
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
  assert.match(await errorShown(page), /couldn't reach the server/);
  await page.screenshot({ path: path.join(SHOTS, "7-network-down.png"), fullPage: true });

  restartedEmulator = await startEmulator({ dir: STATE, port });
  await submitCode(page, code);
  await page.locator("#done-title").waitFor();
  await page.screenshot({ path: path.join(SHOTS, "8-recovered.png"), fullPage: true });
  assert.equal(await userStatus(username), "CONFIRMED");
  await page.close();
});

test("Ctrl-C stops everything; a second run reuses the pool and its users", async () => {
  // The first run's emulator was replaced above: stop that one, then the demo.
  restartedEmulator.child.kill();
  demo.kill("SIGINT");
  await waitFor(async () => demo.exitCode !== null || demo.signalCode !== null);
  assert.equal(await reachable(pageUrl), false, "the page server is gone");
  const firstPool = pool.userPoolId;

  const { page: secondPage, emulator: secondEmulator } = await startDemo();
  assert.match(demoOutput, new RegExp(`user pool ${firstPool}`), "the pool is reused");
  emulatorEndpoint = secondEmulator;
  const users = await cognito(emulatorEndpoint, "ListUsers", { UserPoolId: firstPool });
  assert.ok(users.Users.some((u) => u.UserStatus === "CONFIRMED"), "users confirmed in the first run are still there");

  demo.kill("SIGINT");
  await waitFor(async () => demo.exitCode !== null || demo.signalCode !== null);
  await waitFor(async () => !(await reachable(secondEmulator)));
  assert.equal(await reachable(secondPage), false);
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
