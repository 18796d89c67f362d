// The built package in real pages, in one engine (BROWSER = chrome, firefox or
// webkit; driven over W3C WebDriver, tests/support/webdriver.mjs): what only a
// page shows. The packed tarball, installed as a user installs it, loaded by
// a Vite build and by a page with no bundler (tests/pages/site/); the .wasm
// fetched once; a missing .wasm and an untyped one; the README's
// Content-Security-Policy with and without 'wasm-unsafe-eval'; a .wasm with
// other bytes (a swapped module that would run, a truncated one) refused by
// the fetch's `integrity` before it is compiled; one CORS
// preflight per page; a refused CORS answer. Every page calls the strict fake
// Cognito on another 127.0.0.1 port, so every call is cross-origin.
//
// The pages are built once into target/pages/ and rebuilt when pkg/ changes,
// so the second and third engines reuse the first one's build.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { startFake } from "../fake-cognito/start.mjs";
import { openBrowser } from "../support/webdriver.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PKG = path.join(ROOT, "pkg");
const WORK = path.join(ROOT, "target", "pages");
const PROJECT = path.join(WORK, "project");
const INSTALLED = path.join(PROJECT, "node_modules", "cognito-confirm");
const SITE = path.join(ROOT, "tests", "pages", "site");
const BIN = path.join(ROOT, "node_modules", ".bin");

const CSP_WITH = (fake) => `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${fake}`;
const CSP_WITHOUT = (fake) => `default-src 'self'; script-src 'self'; connect-src 'self' ${fake}`;

let fake;
let server;
let origin;
let browser;
let page;
/**
 * How the .wasm is served: "ok", "missing" (404), "untyped" (not `application/wasm`), "swapped"
 * (other bytes that would compile and run just as well: the module with a custom section added)
 * or "truncated" (its first half).
 */
let wasmServing = "ok";
let wasmRequests = 0;

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const FIXTURES = [PKG, path.join(ROOT, "tests", "consumers", "vite"), path.join(ROOT, "tests", "consumers", "browser")];

/** A digest of pkg/ and the Vite fixture: the build in target/pages/ is reused while it matches. */
function digestOf(dirs) {
  const hash = crypto.createHash("sha256");
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isFile()) hash.update(file).update(fs.readFileSync(file));
    }
  }
  return hash.digest("hex");
}

/** `npm pack` of pkg/, installed into an empty project, and a Vite build of the consumers' page. */
function buildPages() {
  assert.ok(fs.existsSync(path.join(PKG, "index.js")), "pkg/ is built (bash scripts/build.sh)");
  const digest = digestOf(FIXTURES);
  const stamp = path.join(WORK, "digest");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === digest) return;
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(PROJECT, { recursive: true });
  const [packed] = JSON.parse(run("npm", ["pack", PKG, "--pack-destination", WORK, "--json", "--loglevel=error"], ROOT));
  fs.cpSync(path.join(ROOT, "tests", "consumers", "vite"), PROJECT, { recursive: true });
  fs.cpSync(path.join(ROOT, "tests", "consumers", "browser"), path.join(PROJECT, "src"), { recursive: true });
  fs.writeFileSync(
    path.join(PROJECT, "package.json"),
    JSON.stringify({ name: "pages", private: true, type: "module", dependencies: { "cognito-confirm": `file:${path.join(WORK, packed.filename)}` } }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], PROJECT);
  run(path.join(BIN, "vite"), ["build", "--config", path.join(PROJECT, "vite.config.js")], PROJECT);
  fs.writeFileSync(stamp, digest);
}

/** Where a path of the test site is read from: /vite/ is Vite's output, /plain/ the page with no bundler and the installed package. */
function fileFor(pathname) {
  const [, site, ...rest] = pathname.split("/");
  const tail = rest.join("/") || "index.html";
  if (site === "vite") return path.join(PROJECT, "dist", tail);
  if (site === "plain" && rest[0] === "pkg") return path.join(INSTALLED, rest.slice(1).join("/"));
  if (site === "plain") return path.join(SITE, tail);
  return null;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm" };

function serve(req, res) {
  const url = new URL(req.url, "http://pages");
  const file = fileFor(url.pathname);
  const allowed = file && [PROJECT, INSTALLED, SITE].some((dir) => file.startsWith(dir + path.sep));
  if (!allowed || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404, { "Cache-Control": "no-store" });
    return res.end();
  }
  const headers = { "Cache-Control": "no-store", "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" };
  if (file.endsWith(".wasm")) {
    wasmRequests++;
    if (wasmServing === "missing") {
      res.writeHead(404, { "Cache-Control": "no-store" });
      return res.end();
    }
    if (wasmServing === "untyped") headers["Content-Type"] = "application/octet-stream";
    const bytes = fs.readFileSync(file);
    // A custom section, "test", of no bytes: id 0, size 5, name length 4, the name.
    if (wasmServing === "swapped") return res.writeHead(200, headers), res.end(Buffer.concat([bytes, Buffer.from([0, 5, 4, 116, 101, 115, 116])]));
    if (wasmServing === "truncated") return res.writeHead(200, headers), res.end(bytes.subarray(0, bytes.length >> 1));
  }
  const csp = url.searchParams.get("csp");
  if (file.endsWith(".html") && csp) headers["Content-Security-Policy"] = (csp === "with" ? CSP_WITH : CSP_WITHOUT)(fake.url);
  res.writeHead(200, headers);
  res.end(fs.readFileSync(file));
}

// Should the process end without running after(), the fakes go with it.
const fakes = [];
process.once("exit", () => fakes.forEach((f) => f.stop()));

before(async () => {
  buildPages();
  fake = await startFake();
  fakes.push(fake);
  server = http.createServer(serve);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await openBrowser();
  page = browser.session;
  console.log(`engine: ${browser.name} ${browser.version}`);
});

after(async () => {
  await browser?.stop();
  server?.close();
  fake?.stop();
});

beforeEach(() => {
  wasmServing = "ok";
  wasmRequests = 0;
});

async function newUser(prefix) {
  const username = `${prefix}${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await fake.control("users", { username, code: "1" });
  return username;
}

/**
 * Opens SITE's page for a new user and waits for what it shows in #out. The
 * Vite site is the consumers' page (tests/consumers/browser/), which signs
 * its user up itself; the others confirm a user made here.
 */
async function openFor(site, query = {}) {
  const username = site == "vite" ? `${site}${Date.now()}${Math.floor(Math.random() * 1000)}` : await newUser(site);
  const params = new URLSearchParams({ endpoint: fake.url + "/", username, ...query });
  await page.navigate(`${origin}/${site}/?${params}`);
  const text = await page.waitFor(() => document.getElementById("out")?.textContent, { what: "#out" });
  return { username, outcome: JSON.parse(text) };
}

async function assertConfirmed({ username, outcome }) {
  assert.equal(outcome.ok, true, JSON.stringify(outcome));
  assert.equal(outcome.result.isSignUpComplete, true);
  assert.equal(outcome.sent.deliveryMedium, "EMAIL");
  assert.equal((await fake.control(`user?username=${username}`)).status, "CONFIRMED");
}

test("a Vite build of the installed package runs the whole flow, fetching the .wasm once for all its calls", async () => {
  const opened = await openFor("vite");
  await assertConfirmed(opened);
  assert.equal(opened.outcome.signUpStep, "CONFIRM_SIGN_UP");
  assert.equal(opened.outcome.previewMatches, true, "buildRequest's body is the body sent");
  assert.equal(opened.outcome.signedIn, true);
  assert.equal(wasmRequests, 1);
});

test("a page with no bundler imports the package's index.js and confirms a sign-up, fetching the .wasm once", async () => {
  await assertConfirmed(await openFor("plain"));
  assert.equal(wasmRequests, 1);
  assert.deepEqual(await page.execute("return window.pageErrors;"), []);
});

test("a missing .wasm is a LoadError with its cause; the next call loads it, even untyped", async (t) => {
  wasmServing = "missing";
  const { username, outcome } = await openFor("plain");
  t.diagnostic(JSON.stringify(outcome));
  assert.equal(outcome.name, "LoadError", JSON.stringify(outcome));
  assert.match(outcome.message, /could not load its WebAssembly module/);
  assert.match(outcome.cause?.message ?? "", /HTTP 404/);
  assert.equal((await fake.control(`requests?username=${username}`)).length, 0, "nothing was sent");

  wasmServing = "untyped";
  const again = await page.evaluate((u) => window.flow(u), username);
  assert.equal(again.ok, true, JSON.stringify(again));
  assert.equal((await fake.control(`user?username=${username}`)).status, "CONFIRMED");
  assert.equal(wasmRequests, 3, "a fetch with integrity (which the 404 page fails too), one to tell a missing file from other bytes, one that worked");
});

test("a .wasm with other bytes, swapped or truncated, is a LoadError that says so; nothing is sent, and the next call loads the right one", async (t) => {
  for (const serving of ["swapped", "truncated"]) {
    wasmServing = serving;
    wasmRequests = 0;
    const { username, outcome } = await openFor("plain");
    t.diagnostic(`${serving}: ${JSON.stringify(outcome)}`);
    assert.equal(outcome.name, "LoadError", `${serving}: ${JSON.stringify(outcome)}`);
    assert.match(outcome.cause?.message ?? "", /cognito_confirm_bg\.wasm is not the module this package was built with \(sha384-[A-Za-z0-9+/]{64}\)/, serving);
    assert.equal((await fake.control(`requests?username=${username}`)).length, 0, `${serving}: nothing was sent`);
    assert.equal(wasmRequests, 2, `${serving}: the fetch with integrity, and one to tell other bytes from a missing file`);

    wasmServing = "ok";
    const again = await page.evaluate((u) => window.flow(u), username);
    assert.equal(again.ok, true, `${serving}, then the right bytes: ${JSON.stringify(again)}`);
    assert.equal((await fake.control(`user?username=${username}`)).status, "CONFIRMED");
    assert.equal(wasmRequests, 3);
  }
  assert.deepEqual(await page.execute("return window.pageErrors;"), []);
});

test("under the README's Content-Security-Policy the page confirms a sign-up", async () => {
  await assertConfirmed(await openFor("plain", { csp: "with" }));
  assert.deepEqual(await page.execute("return window.pageErrors;"), []);
});

test("without 'wasm-unsafe-eval' in the CSP a call is a LoadError with its cause, and nothing is sent", async (t) => {
  const { username, outcome } = await openFor("plain", { csp: "without" });
  t.diagnostic(JSON.stringify(outcome));
  assert.equal(outcome.name, "LoadError", JSON.stringify(outcome));
  assert.ok(outcome.cause?.name, `the cause is kept: ${JSON.stringify(outcome)}`);
  assert.equal((await fake.control(`requests?username=${username}`)).length, 0, "nothing was sent");
});

test("three calls from one page cost one CORS preflight", async () => {
  // A fake of its own: a new origin, so no preflight is cached for it yet.
  const own = await startFake();
  fakes.push(own);
  try {
    const users = [];
    for (const prefix of ["pre1", "pre2"]) {
      const username = `${prefix}${Date.now()}`;
      await own.control("users", { username, code: "1" });
      users.push(username);
    }
    await page.navigate(`${origin}/plain/`);
    await page.waitFor(() => typeof window.flow == "function", { what: "the page's script" });
    // A resend and a confirm for the first user, then a resend for the second.
    const first = await page.evaluate((u, e) => window.flow(u, e), users[0], own.url + "/");
    assert.equal(first.ok, true, JSON.stringify(first));
    const second = await page.evaluate(
      (u, e) =>
        window.cognito.resendSignUpCode({ username: u }, { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: e }),
      users[1],
      own.url + "/",
    );
    assert.equal(second.deliveryMedium, "EMAIL");
    const stats = await own.control("stats");
    assert.equal(stats.requests, 3);
    assert.equal(stats.preflights, 1, JSON.stringify(stats));
  } finally {
    own.stop();
  }
});

test("a refused CORS answer is a NetworkError, and nothing is posted", async (t) => {
  const username = await newUser("nocors");
  await page.navigate(`${origin}/plain/`);
  await page.waitFor(() => typeof window.flow == "function", { what: "the page's script" });
  const before = (await fake.control("stats")).requests;
  const outcome = await page.evaluate((u, e) => window.flow(u, e), username, fake.url + "/nocors/");
  t.diagnostic(JSON.stringify(outcome));
  assert.equal(outcome.ok, false);
  assert.equal(outcome.name, "NetworkError", JSON.stringify(outcome));
  assert.equal((await fake.control("stats")).requests, before, "no POST reached Cognito's path");
  assert.equal((await fake.control(`user?username=${username}`)).status, "UNCONFIRMED");
});
