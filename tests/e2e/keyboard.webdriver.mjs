// The demo by keyboard alone in Firefox or WebKit (BROWSER=firefox|webkit),
// over W3C WebDriver: Playwright drives only Chromium here, where
// demo.test.mjs covers the demo in full. One person's path: Tab to the sign-up
// form, type, Enter; Tab to the code, type it, Enter; the account is
// confirmed in the emulator and focus lands on the result.
//
// Not named *.test.mjs: `node --test tests/e2e/` (the Chromium suite) must not
// pick it up; scripts/test.sh runs it once per engine.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { openBrowser } from "../support/webdriver.mjs";
import { cognito, pendingCode } from "../../www/emulator.mjs";

// The demo page is <cognito-sign-up>: what has focus is said as tag[name] or tag:text.
const FOCUSED = `const a = document.activeElement;
  return a.tagName.toLowerCase() + (a.name ? "[" + a.name + "]" : "") + (/^H\\d$/.test(a.tagName) ? ":" + a.textContent.trim() : "");`;
const TAB = "\uE004";
const ENTER = "\uE007";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STATE = fs.mkdtempSync(path.join(os.tmpdir(), "demo-keyboard-"));

let demo;
let output = "";
let browser;

/** Runs `scripts/demo.sh` on free ports; resolves to the page's and the emulator's URLs. */
function startDemo() {
  demo = spawn("bash", [path.join(ROOT, "scripts", "demo.sh")], {
    cwd: ROOT,
    env: { ...process.env, DEMO_STATE_DIR: STATE, DEMO_PORT: "0", COGNITO_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 180000);
    const look = (d) => {
      output += d;
      const page = output.match(/open (http:\/\/127\.0\.0\.1:\d+\/)/);
      const emulator = output.match(/cognito-local: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (page && emulator) {
        clearTimeout(timer);
        resolve({ page: page[1], emulator: emulator[1] });
      }
    };
    demo.stdout.on("data", look);
    demo.stderr.on("data", look);
    demo.once("exit", () => reject(new Error(`the demo exited:\n${output}`)));
  });
}

let urls;

before(async () => {
  urls = await startDemo();
  browser = await openBrowser();
  console.log(`engine: ${browser.name} ${browser.version}`);
});

after(async () => {
  await browser?.stop();
  if (demo && demo.exitCode === null) {
    const exited = new Promise((r) => demo.once("exit", r));
    demo.kill("SIGINT");
    await exited;
  }
  fs.rmSync(STATE, { recursive: true, force: true });
});

/** Presses Tab until `want` (as FOCUSED says it) has focus (a person tabbing through the page). */
async function tabTo(page, want) {
  for (let i = 0; i < 12; i++) {
    if ((await page.execute(FOCUSED)) === want) return;
    await page.press(TAB);
  }
  assert.fail(`Tab never reached ${want}`);
}

const inElement = (page, body, ...args) => page.execute(`const el = document.querySelector("cognito-sign-up"); ${body}`, ...args);

test("signs up and confirms with the emailed code, by keyboard alone", async () => {
  const page = browser.session;
  const pool = JSON.parse(fs.readFileSync(path.join(STATE, "pool.json"), "utf8"));
  const username = `kb${browser.name}${Date.now()}`;
  await page.navigate(urls.page);
  await page.waitFor(() => !document.getElementById("demo-emulator").hidden, { what: "the demo's settings" });

  await tabTo(page, "input[username]");
  await page.press(username);
  await tabTo(page, "input[email]");
  await page.press(`${username}@example.com`);
  await tabTo(page, "input[password]");
  await page.press(`Passw0rd!demo${ENTER}`);
  await page.waitFor(() => document.querySelector("cognito-sign-up").dataset.step === "confirm", { what: "the code to be sent" });
  assert.match(await inElement(page, "return el.querySelector('[data-cognito-step=confirm] .cognito-intro').textContent;"), new RegExp(`We sent a code to ${username}@example.com`));
  assert.equal(await inElement(page, "return el.username;"), username, "the username is carried over");
  assert.equal(await page.execute(FOCUSED), "h2:Confirm your account", "focus moves to the confirmation step");

  const code = pendingCode(STATE, pool.userPoolId, username);
  assert.match(code, /^\d{6}$/, "the emulator holds the code");
  await tabTo(page, "input[code]");
  await page.press(`${code}${ENTER}`);
  await page.waitFor(() => document.querySelector("cognito-sign-up").dataset.step === "done", { what: "the confirmed step" });
  assert.equal(await page.execute(FOCUSED), "h2:Your account is confirmed", "focus moves to the result");

  const shots = path.join(ROOT, "tests", "artifacts", `e2e-${browser.name}`);
  fs.mkdirSync(shots, { recursive: true });
  fs.writeFileSync(path.join(shots, "confirmed.png"), await page.screenshot());

  const user = await cognito(urls.emulator, "AdminGetUser", { UserPoolId: pool.userPoolId, Username: username });
  assert.equal(user.UserStatus, "CONFIRMED");
});
