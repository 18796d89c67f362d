// <cognito-sign-up> as its users get it: `npm pack`, installed into empty
// projects, and mounted by a plain HTML page, a React 19 page and a Vue 3
// page, each built with Vite and run in Chromium against the strict fake
// Cognito: sign up, a wrong code, the right one, auto sign-in, done, with
// every event and its `detail`. `tsc --strict` accepts the React page and
// refuses the wrong uses in misuse.tsx. The locale modules: every English key
// and its placeholders, and a locale imported after the element is defined
// takes effect at once.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath, pathToFileURL } from "node:url";

import { launchChromium } from "../support/chromium.mjs";
import { startFake } from "../fake-cognito/start.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURES = path.join(ROOT, "tests", "consumers");
const WORK = path.join(ROOT, "target", "consumers-element");
const BIN = path.join(ROOT, "node_modules", ".bin");
const LOCALES = ["de", "fr", "es", "ja"];
// The English texts as built into pkg/ (the tarball holds the same file).
const { en } = await import(pathToFileURL(path.join(ROOT, "pkg", "element", "strings.js")).href);
// The secret of the fake's `secretclient1` (tests/fake-cognito/server.mjs): the
// pages' backend below hashes with it, and the fake checks every SecretHash.
const CLIENT_SECRET = "fakeclientsecret0123456789abcdefghijklmnopqrstuvwx";

let tarball;
let fake;
let server;
let origin;
let browser;

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A fresh project in target/consumers-element/NAME from the fixture NAME, with the packed tarball installed. */
function project(name) {
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: `consumer-${name}`, private: true, type: "module", dependencies: { "cognito-confirm": `file:${tarball}` } }, null, 2),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
  return dir;
}

function viteBuild(dir) {
  run(path.join(BIN, "vite"), ["build", "--config", path.join(dir, "vite.config.js")], dir);
}

/** The page's backend: its built files, and `POST /api/secret-hash` as www/backend.mjs answers it. */
function serve(req, res) {
  const url = new URL(req.url, "http://consumers");
  if (url.pathname === "/api/secret-hash" && req.method === "POST") {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const { username } = JSON.parse(body);
      const secretHash = crypto.createHmac("sha256", CLIENT_SECRET).update(username + "secretclient1", "utf8").digest("base64");
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ secretHash }));
    });
    return;
  }
  const [, name, ...rest] = url.pathname.split("/");
  const file = path.join(WORK, name ?? "", "dist", rest.join("/") || "index.html");
  if (!file.startsWith(WORK) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404);
    return res.end();
  }
  const types = { ".wasm": "application/wasm", ".html": "text/html", ".css": "text/css" };
  res.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "text/javascript" });
  res.end(fs.readFileSync(file));
}

before(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const [packed] = JSON.parse(run("npm", ["pack", path.join(ROOT, "pkg"), "--pack-destination", WORK, "--json", "--loglevel=error"], ROOT));
  tarball = path.join(WORK, packed.filename);
  fake = await startFake();
  server = http.createServer(serve);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  fake?.stop();
});

/** Opens NAME's page; returns it with the page errors it reports. */
async function open(name) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // (Chromium logs each 4xx answer, such as the wrong code's 400, as a console error: not the page's.)
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  await page.goto(`${origin}/${name}/?endpoint=${encodeURIComponent(fake.url + "/")}`);
  return { page, errors };
}

/**
 * The whole flow in NAME's page, as a user types it: sign up, a wrong code,
 * the right one pasted with a space, and the auto sign-in. Returns the events
 * the page caught and the user's record at the fake.
 */
async function signUpInPage(name) {
  const username = `${name.replace(/\W/g, "")}${Date.now()}`;
  const email = `${username}@example.com`;
  const { page, errors } = await open(name);
  const element = page.locator("cognito-sign-up");
  const signUpForm = element.locator("form[data-cognito-step=sign-up]");
  await signUpForm.locator("input[name=username]").fill(username);
  await signUpForm.locator("input[name=email]").fill(email);
  await signUpForm.locator("input[name=password]").fill("Corr3ct-Horse!");
  await signUpForm.locator("input[name=password]").press("Enter");
  await page.locator("cognito-sign-up[data-step=confirm]").waitFor();
  const cooldown = await element.locator(".cognito-cooldown").textContent();

  const { code, sub } = await fake.control(`user?username=${encodeURIComponent(username)}`);
  const confirmForm = element.locator("form[data-cognito-step=confirm]");
  const codeField = confirmForm.locator("input[name=code]");
  const wrong = String((Number(code) + 1) % 1000000).padStart(code.length, "0");
  await codeField.fill(wrong);
  await codeField.press("Enter");
  await page.waitForFunction(() => window.cognitoEvents.some((e) => e.type === "cognito-error"));
  assert.equal(await codeField.getAttribute("aria-invalid"), "true", "the wrong code is marked at its field");

  await codeField.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await codeField.press("Enter");
  await page.locator("cognito-sign-up[data-step=done]").waitFor();
  await page.waitForFunction(() => window.cognitoEvents.some((e) => e.type === "cognito-signed-in"));
  const events = await page.evaluate(() => window.cognitoEvents);
  const user = await fake.control(`user?username=${encodeURIComponent(username)}`);
  return { page, errors, username, email, sub, events, user, cooldown };
}

/** The events of one sign-up in order, with the detail each must carry. */
function assertEvents({ events, username, email, sub }) {
  assert.deepEqual(
    events.map((e) => e.type),
    ["cognito-signed-up", "cognito-code-sent", "cognito-error", "cognito-confirmed", "cognito-signed-in"],
  );
  for (const e of events) {
    assert.equal(e.bubbles, true, `${e.type} bubbles`);
    assert.equal(e.composed, true, `${e.type} is composed`);
    assert.equal(e.target, "cognito-sign-up", `${e.type} comes from the element`);
  }
  const [signedUp, codeSent, error, confirmed, signedIn] = events.map((e) => e.detail);
  const delivery = { destination: `${email[0]}***@e***`, deliveryMedium: "EMAIL", attributeName: "email" };
  assert.deepEqual(signedUp, { isSignUpComplete: false, userId: sub, nextStep: { signUpStep: "CONFIRM_SIGN_UP", codeDeliveryDetails: delivery } });
  assert.deepEqual(codeSent, delivery);
  assert.equal(error.step, "confirm");
  assert.equal(error.error.name, "CodeMismatchException");
  assert.equal(error.error.status, 400);
  assert.deepEqual(confirmed, { isSignUpComplete: true, nextStep: { signUpStep: "COMPLETE_AUTO_SIGN_IN" }, username });
  assert.deepEqual(Object.keys(signedIn), ["tokens"]);
  assert.match(signedIn.tokens.accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/);
  assert.equal(typeof signedIn.tokens.idToken, "string");
  assert.equal(typeof signedIn.tokens.refreshToken, "string");
  assert.equal(signedIn.tokens.expiresIn, 3600);
  assert.equal(signedIn.tokens.tokenType, "Bearer");
}

test("a plain HTML page built with Vite runs the flow, with the SecretHash from secret-hash-url", async () => {
  viteBuild(project("element-html"));
  const flow = await signUpInPage("element-html");
  assertEvents(flow);
  assert.equal(flow.user.status, "CONFIRMED");
  const requests = await fake.control(`requests?username=${encodeURIComponent(flow.username)}`);
  assert.deepEqual(
    requests.map((r) => [r.target.split(".")[1], typeof (r.body.SecretHash ?? r.body.AuthParameters?.SECRET_HASH), r.problems.length]),
    [
      ["SignUp", "string", 0],
      ["ConfirmSignUp", "string", 0],
      ["ConfirmSignUp", "string", 0],
      ["InitiateAuth", "string", 0],
    ],
    "every call carried a SecretHash the fake accepted",
  );
  assert.equal(await flow.page.locator("cognito-sign-up [data-cognito-step=done] h2").textContent(), en.doneHeading);
  // The default cooldown, 60 s, counting down (a few seconds may have passed on a busy machine).
  const left = [60, 59, 58, 57, 56, 55];
  assert.ok(left.some((n) => flow.cooldown === en.resendIn(`${n} seconds`)), flow.cooldown);
  assert.deepEqual(flow.errors, []);
  await flow.page.close();
});

test("a React 19 page mounts the element as JSX: config with a secretHash function, strings, on<event> props", async () => {
  viteBuild(project("element-react"));
  const { page } = await open("element-react");
  // `strings` reached the element as a property, function texts included.
  await page.locator("cognito-sign-up h2", { hasText: "Join Example" }).waitFor();
  await page.close();
  const flow = await signUpInPage("element-react");
  assertEvents(flow);
  assert.equal(flow.user.status, "CONFIRMED");
  await flow.page.locator("#welcome", { hasText: `Welcome, ${flow.username} (Bearer, 3600 s)` }).waitFor();
  // `resend-cooldown={30}` as an attribute, and `strings`' function text for it.
  const [, left] = flow.cooldown.match(/^New code in (\d+) seconds$/) ?? [];
  assert.ok(left <= 30 && left >= 25, flow.cooldown);
  assert.equal(await flow.page.locator("#problem").textContent(), "confirm: CodeMismatchException");
  assert.deepEqual(flow.errors, []);
  await flow.page.close();
});

test("a Vue 3 page mounts the element from its template (isCustomElement), binds :strings, and handles its events with @", async () => {
  viteBuild(project("element-vue"));
  const flow = await signUpInPage("element-vue");
  assertEvents(flow);
  assert.equal(flow.user.status, "CONFIRMED");
  await flow.page.locator("#sent", { hasText: `Code sent to ${flow.email[0]}***@e***` }).waitFor();
  assert.equal(await flow.page.locator("cognito-sign-up [data-cognito-step=confirm] h2").textContent(), "Check your inbox", ":strings as a property");
  await flow.page.locator("#welcome", { hasText: `Welcome, ${flow.username}` }).waitFor();
  assert.deepEqual(flow.errors, []);
  await flow.page.close();
});

test("tsc --strict accepts the React page's JSX (and the docs' React example) and refuses each wrong use in misuse.tsx for its reason", () => {
  const dir = path.join(WORK, "element-react");
  assert.ok(fs.existsSync(path.join(dir, "node_modules", "cognito-confirm")), "runs after the React page's test");
  // docs/element-frameworks.md's React example, compiled with the page.
  const docs = fs.readFileSync(path.join(ROOT, "docs", "element-frameworks.md"), "utf8");
  const [, example] = docs.match(/^```tsx\n([^]*?)^```$/m) ?? [];
  assert.ok(example, "the docs have a React example");
  fs.writeFileSync(path.join(dir, "src", "docs-example.tsx"), example);
  const checked = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
  checked.files.push("src/docs-example.tsx");
  fs.writeFileSync(path.join(dir, "tsconfig.checked.json"), JSON.stringify(checked));
  run(path.join(BIN, "tsc"), ["-p", path.join(dir, "tsconfig.checked.json")], dir);

  // Without its directives, misuse.tsx must fail exactly where they were, with the codes they name.
  const source = fs.readFileSync(path.join(dir, "src", "misuse.tsx"), "utf8").split("\n");
  const expected = [];
  const stripped = source.map((line, i) => {
    const m = line.match(/@ts-expect-error (TS\d+)/);
    if (!m) return line;
    expected.push(`${i + 2} ${m[1]}`);
    return "";
  });
  assert.ok(expected.length >= 10, "misuse.tsx has its wrong uses");
  fs.writeFileSync(path.join(dir, "src", "misuse.bare.tsx"), stripped.join("\n"));
  const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
  tsconfig.files = ["src/misuse.bare.tsx"];
  fs.writeFileSync(path.join(dir, "tsconfig.bare.json"), JSON.stringify(tsconfig));
  let output = "";
  try {
    run(path.join(BIN, "tsc"), ["-p", path.join(dir, "tsconfig.bare.json"), "--pretty", "false"], dir);
  } catch (e) {
    output = e.stdout;
  }
  const found = [...output.matchAll(/^src\/misuse\.bare\.tsx\((\d+),\d+\): error (TS\d+)/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual([...new Set(found)].sort(), expected.sort(), output);
});

test("tsc --strict accepts the element's types without React, under every moduleResolution", () => {
  const dir = path.join(WORK, "element-react");
  // Outside the repository's tree, so that React's types in ROOT/node_modules cannot be found.
  const outside = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? "/tmp"), "cognito-no-react-"));
  try {
    fs.cpSync(path.join(dir, "node_modules"), path.join(outside, "node_modules"), { recursive: true, dereference: true });
    assert.throws(() => createRequire(path.join(outside, "x.js")).resolve("react"), "no React where this project is");
    fs.writeFileSync(
      path.join(outside, "plain.ts"),
      `import "cognito-confirm/element/define";
       import { CognitoSignUpElement, type CognitoErrorDetail } from "cognito-confirm/element";
       import de from "cognito-confirm/element/locales/de";
       import { register } from "cognito-confirm/element/strings";
       register("de-CH", { signUpHeading: de.signUpHeading, resendIn: (time) => time });
       const el = document.querySelector("cognito-sign-up");
       if (el instanceof CognitoSignUpElement) {
         el.step = "confirm";
         el.username = "alice";
         const digits: number = el.codeLength;
         el.addEventListener("cognito-signed-in", (e) => console.log(e.detail.tokens.accessToken, digits));
       }
       document.addEventListener("cognito-error", (e) => {
         const detail: CognitoErrorDetail = e.detail;
         console.log(detail.error.name, detail.step);
       });\n`,
    );
    // Node 16+ and bundlers read package.json's `exports`; the older "node" (node10) reads files by path.
    for (const [module, moduleResolution] of [["nodenext", "nodenext"], ["esnext", "bundler"], ["commonjs", "node10"]]) {
      const compilerOptions = { strict: true, noEmit: true, target: "es2022", module, moduleResolution, lib: ["es2022", "dom"], types: [], skipLibCheck: false };
      fs.writeFileSync(path.join(outside, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["plain.ts"] }));
      try {
        run(path.join(BIN, "tsc"), ["-p", path.join(outside, "tsconfig.json")], outside);
      } catch (e) {
        assert.fail(`moduleResolution ${moduleResolution}:\n${e.stdout}`);
      }
    }
  } finally {
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test("the types name every English text: a string, or a function of as many strings", () => {
  const dts = fs.readFileSync(path.join(WORK, "element-html", "node_modules", "cognito-confirm", "element", "strings.d.ts"), "utf8");
  const body = dts.slice(dts.indexOf("export interface CognitoSignUpStrings {"), dts.indexOf("\n}\n"));
  const typed = Object.fromEntries(
    [...body.matchAll(/^ {2}(\w+): (?:string|\(([^)]*)\) => string);$/gm)].map(([, key, params]) => [key, params === undefined ? "string" : params.split(",").length]),
  );
  const texts = Object.fromEntries(Object.entries(en).map(([key, text]) => [key, typeof text === "function" ? text.length : "string"]));
  assert.deepEqual(typed, texts);
});

/** Calls a text with a marker for each of its values: a placeholder that the text drops shows as a missing marker. */
const shown = (text) => (typeof text === "function" ? text(...Array.from({ length: text.length }, (_, i) => `⟦${i}⟧`)) : text);

test("each locale module gives every English key, with the same placeholders, all translated", async () => {
  const dir = path.join(WORK, "element-html");
  const require = createRequire(path.join(dir, "package.json"));
  const load = (specifier) => import(pathToFileURL(require.resolve(specifier)).href);
  const { en: shipped, chain } = await load("cognito-confirm/element/strings");
  assert.deepEqual(Object.keys(shipped), Object.keys(en));
  for (const lang of LOCALES) {
    const table = (await load(`cognito-confirm/element/locales/${lang}`)).default;
    assert.deepEqual(Object.keys(table).sort(), Object.keys(en).sort(), `${lang}: the English keys, no more`);
    for (const [key, english] of Object.entries(en)) {
      const text = table[key];
      assert.equal(typeof text, typeof english, `${lang}.${key}: a ${typeof english}`);
      assert.equal(text.length === 0, false, `${lang}.${key}: not empty`);
      const markers = (s) => [...s.matchAll(/⟦\d⟧/g)].map((m) => m[0]).sort();
      if (typeof english === "function") assert.equal(text.length, english.length, `${lang}.${key}: ${english.length} value(s)`);
      assert.deepEqual(markers(shown(text)), markers(shown(english)), `${lang}.${key}: the same placeholders`);
      assert.notEqual(shown(text), shown(english), `${lang}.${key}: translated`);
      assert.doesNotMatch(shown(text), /undefined|\$\{/, `${lang}.${key}: no unfilled template`);
    }
    // Importing the module registered it: the chain of a regional tag starts with it.
    assert.equal(chain(`${lang}-XX`)[0].signUpHeading, table.signUpHeading, `${lang}: registered`);
  }
});

test("a locale takes effect at once: imported before the element (bundled) or after it is defined", async () => {
  const { page, errors } = await open("element-html");
  const heading = page.locator("cognito-sign-up form[data-cognito-step=sign-up] h2");
  const button = page.locator("cognito-sign-up form[data-cognito-step=sign-up] button:not([type=button])");
  const label = page.locator("cognito-sign-up form[data-cognito-step=sign-up] label[for]").first();
  const texts = async () => [await heading.textContent(), await button.textContent(), await label.textContent()];
  const tables = {};
  for (const lang of LOCALES) {
    const dir = path.join(WORK, "element-html", "node_modules", "cognito-confirm", "element", "locales");
    tables[lang] = (await import(pathToFileURL(path.join(dir, `${lang}.js`)).href)).default;
  }
  const english = [en.signUpHeading, en.signUpButton, en.label_username];
  assert.deepEqual(await texts(), english);

  // Japanese was imported by the page's bundle before the element was defined.
  await page.evaluate(() => document.querySelector("cognito-sign-up").setAttribute("lang", "ja-JP"));
  assert.deepEqual(await texts(), [tables.ja.signUpHeading, tables.ja.signUpButton, tables.ja.label_username]);

  for (const lang of ["de", "fr", "es"]) {
    // A regional tag whose language is not loaded yet: English until the module arrives, then at once.
    await page.evaluate((tag) => document.querySelector("cognito-sign-up").setAttribute("lang", tag), `${lang}-XX`);
    assert.deepEqual(await texts(), english, `${lang} not loaded yet`);
    const now = await page.evaluate(async (l) => {
      await window.locales[l]();
      const form = document.querySelector("cognito-sign-up form[data-cognito-step=sign-up]");
      return [form.querySelector("h2").textContent, form.querySelector("button:not([type=button])").textContent, form.querySelector("label[for]").textContent];
    }, lang);
    assert.deepEqual(now, [tables[lang].signUpHeading, tables[lang].signUpButton, tables[lang].label_username], `${lang} right after its import`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
