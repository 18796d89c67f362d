// The npm package as its users get it: `npm pack`, installed into empty
// projects, built with Vite, webpack 5 and esbuild and run in Chromium, run
// from a Node 20 script, and type-checked by `tsc --strict`. Each browser page
// confirms a sign-up against the strict fake.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../support/chromium.mjs";

import { startFake } from "../fake-cognito/start.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FIXTURES = path.join(ROOT, "tests", "consumers");
const WORK = path.join(ROOT, "target", "consumers");
const BIN = path.join(ROOT, "node_modules", ".bin");

let tarball;
let fake;
let server;
/** How the .wasm is served: "ok", "missing" (404) or "untyped" (not `application/wasm`). */
let wasmServing = "ok";
let origin;
let browser;
const wasmRequests = new Map();

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A fresh project in target/consumers/NAME with the packed tarball installed. */
function project(name, { withPage = false } = {}) {
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  if (withPage) fs.cpSync(path.join(FIXTURES, "browser"), path.join(dir, "src"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: `consumer-${name}`, private: true, type: "module", dependencies: { "cognito-confirm": `file:${tarball}` } }, null, 2),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
  const installed = JSON.parse(fs.readFileSync(path.join(dir, "node_modules", "cognito-confirm", "package.json"), "utf8"));
  assert.equal(installed.name, "cognito-confirm");
  return dir;
}

before(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const [packed] = JSON.parse(run("npm", ["pack", path.join(ROOT, "pkg"), "--pack-destination", WORK, "--json", "--loglevel=error"], ROOT));
  tarball = path.join(WORK, packed.filename);
  const summary = `tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`;
  fs.writeFileSync(path.join(WORK, "tarball.txt"), summary + "\n");
  console.log(summary);
  fake = await startFake();
  server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://consumers");
    const [, name, ...rest] = url.pathname.split("/");
    const file = path.join(WORK, name ?? "", "dist", rest.join("/") || "index.html");
    if (!file.startsWith(WORK) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      return res.end();
    }
    if (file.endsWith(".wasm")) wasmRequests.set(name, (wasmRequests.get(name) ?? 0) + 1);
    if (file.endsWith(".wasm") && wasmServing === "missing") {
      res.writeHead(404);
      return res.end();
    }
    const wasmType = wasmServing === "untyped" ? "application/octet-stream" : "application/wasm";
    const type = file.endsWith(".wasm") ? wasmType : file.endsWith(".html") ? "text/html" : "text/javascript";
    res.writeHead(200, { "Content-Type": type });
    res.end(fs.readFileSync(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  fake?.stop();
});

/** Opens NAME's built page for a new user; returns what the page reported and the user's status. */
async function confirmInPage(name) {
  const username = `${name}${Date.now()}`;
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/${name}/?endpoint=${encodeURIComponent(fake.url + "/")}&username=${username}`);
  const out = page.locator("#out");
  await out.filter({ hasText: /\S/ }).waitFor();
  const outcome = JSON.parse(await out.textContent());
  await page.close();
  const user = await fake.control(`user?username=${username}`);
  return { outcome, status: user.status, errors };
}

async function assertBrowserConsumer(name) {
  const { outcome, status, errors } = await confirmInPage(name);
  assert.equal(outcome.ok, true, JSON.stringify(outcome));
  assert.equal(outcome.signUpStep, "CONFIRM_SIGN_UP");
  assert.equal(outcome.previewMatches, true, "buildRequest's body is the body sent");
  assert.equal(outcome.result.isSignUpComplete, true);
  assert.equal(outcome.result.nextStep.signUpStep, "COMPLETE_AUTO_SIGN_IN");
  assert.equal(outcome.signedIn, true);
  assert.equal(outcome.sent.deliveryMedium, "EMAIL");
  assert.equal(status, "CONFIRMED");
  assert.deepEqual(errors, []);
  assert.equal(wasmRequests.get(name), 1, "the .wasm loads once for all the calls");
}

test("Vite builds a page that confirms a sign-up", async () => {
  const dir = project("vite", { withPage: true });
  run(path.join(BIN, "vite"), ["build", "--config", path.join(dir, "vite.config.js")], dir);
  await assertBrowserConsumer("vite");
});

test("webpack 5 builds a page that confirms a sign-up", async () => {
  const dir = project("webpack", { withPage: true });
  run(path.join(BIN, "webpack"), ["--config", path.join(dir, "webpack.config.cjs")], dir);
  fs.copyFileSync(path.join(dir, "src", "index.html"), path.join(dir, "dist", "index.html"));
  await assertBrowserConsumer("webpack");
});

test("esbuild builds a page that confirms a sign-up", async () => {
  const dir = project("esbuild", { withPage: true });
  execFileSync("bash", [path.join(dir, "build.sh")], { cwd: dir, env: { ...process.env, PATH: `${BIN}:${process.env.PATH}` } });
  await assertBrowserConsumer("esbuild");
});

test("a .wasm that fails to load is a LoadError, and the next call loads it even untyped", async () => {
  assert.ok(fs.existsSync(path.join(WORK, "esbuild", "dist")), "runs after the esbuild test");
  const username = `reload${Date.now()}`;
  const page = await browser.newPage();
  wasmServing = "missing";
  try {
    await page.goto(`${origin}/esbuild/?endpoint=${encodeURIComponent(fake.url + "/")}&username=${username}`);
    const out = page.locator("#out");
    await out.filter({ hasText: /\S/ }).waitFor();
    const failed = JSON.parse(await out.textContent());
    assert.equal(failed.name, "LoadError", JSON.stringify(failed));
    assert.match(failed.message, /could not load its WebAssembly module/);
    wasmServing = "untyped";
    const again = JSON.parse(await page.evaluate(() => window.again()));
    assert.equal(again.ok, true, JSON.stringify(again));
    assert.equal((await fake.control(`user?username=${username}`)).status, "CONFIRMED");
  } finally {
    wasmServing = "ok";
    await page.close();
  }
});

test("a Node 20 script confirms a sign-up", async () => {
  const dir = project("node");
  const username = `node${Date.now()}`;
  await fake.control("users", { username, code: "7" });
  const printed = run(process.execPath, ["confirm.mjs", fake.url + "/", username, "7"], dir);
  assert.deepEqual(JSON.parse(printed), { isSignUpComplete: true, nextStep: { signUpStep: "DONE" } });
  assert.equal((await fake.control(`user?username=${username}`)).status, "CONFIRMED");
});

test("tsc --strict accepts a consumer of every option and error, and refuses wrong types", async () => {
  const dir = project("ts");
  run(path.join(BIN, "tsc"), ["-p", path.join(dir, "tsconfig.json")], dir);
  fs.writeFileSync(
    path.join(dir, "wrong.ts"),
    `import { buildRequest, confirmSignUp, signUp } from "cognito-confirm";
     confirmSignUp({ username: 42, confirmationCode: "1" }, { userPoolId: "x_y", clientId: "c" });
     confirmSignUp({ username: "a" }, { userPoolId: "x_y", clientId: "c" });
     confirmSignUp({ username: "a", confirmationCode: "1" }, { userPoolId: "x_y", clientId: "c", timeoutMs: "10" });
     signUp({ username: "a", userAttributes: { age: 42 } }, { userPoolId: "x_y", clientId: "c" });
     buildRequest("deleteUser", { username: "a" }, { userPoolId: "x_y", clientId: "c" });\n`,
  );
  const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
  tsconfig.files = ["wrong.ts"];
  fs.writeFileSync(path.join(dir, "tsconfig.wrong.json"), JSON.stringify(tsconfig));
  let output = "";
  assert.throws(() => {
    try {
      run(path.join(BIN, "tsc"), ["-p", path.join(dir, "tsconfig.wrong.json")], dir);
    } catch (e) {
      output = e.stdout;
      throw e;
    }
  });
  assert.equal((output.match(/error TS/g) ?? []).length, 5, output);
});
