// Every JavaScript example in README.md, the top-level *.md files and docs/
// runs against the built package (pkg/, its Node.js entry) and a fresh fake
// Cognito, so an example that drifts from the package fails the test command.
//
// The convention (CONTRIBUTING.md, "Examples that run"): every ```js block
// runs, as an ES module that imports "cognito-confirm" as a user would. Its
// info string may add:
//   expect=Name        the block must end in that error: thrown, or given to showError()
//   given=unconfirmed  the fake already has `username` unconfirmed, with code `confirmationCode`
//   no-run="reason"    not run (a browser-only block, say); the reason is required
// What a block may assume (`config`, `username`, `askForCode()`, …) is in page.mjs.
// Every ```ts block is type-checked (tsc --strict) against the package's types.

import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

import { startFake } from "../fake-cognito/start.mjs";
import { DOCS_CLIENTS } from "../fake-cognito/docs-clients.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = path.join(ROOT, "target", "docs");
const RUNNER = path.join(ROOT, "tests", "docs", "run-block.mjs");
const SECRET_CLIENT = "2example23456789abcdefghij";
const LANGS = new Set(["js", "javascript", "mjs"]);

/** The Markdown files whose examples run. */
export function docFiles() {
  const top = fs.readdirSync(ROOT).filter((f) => f.endsWith(".md"));
  const docs = fs.existsSync(path.join(ROOT, "docs"))
    ? fs.readdirSync(path.join(ROOT, "docs"), { recursive: true }).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))
    : [];
  return [...top, ...docs].sort();
}

/** The fenced blocks of a Markdown text: `{ line, lang, attrs, code }`, indentation removed. */
export function blocks(text) {
  const out = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/);
    if (!open) continue;
    const [, indent, fence, lang, info] = open;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].trimStart().startsWith(fence); j++) body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    const attrs = {};
    for (const m of info.matchAll(/([\w-]+)(?:=("([^"]*)"|\S+))?/g)) attrs[m[1]] = m[3] ?? m[2] ?? true;
    out.push({ line: i + 1, lang: lang.toLowerCase(), attrs, code: body.join("\n") + "\n" });
    i = j;
  }
  return out;
}

let backend;
let backendUrl;

before(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(path.join(WORK, "node_modules"), { recursive: true });
  assert.ok(fs.existsSync(path.join(ROOT, "pkg", "index.node.js")), "build the package first: bash scripts/build.sh");
  // The blocks import "cognito-confirm" as a user's code does: the package's
  // own exports map picks the Node.js entry.
  fs.symlinkSync(path.join(ROOT, "pkg"), path.join(WORK, "node_modules", "cognito-confirm"), "dir");
  // The page's backend: POST {"username"} -> {"secretHash"} for the example client with a secret.
  backend = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      let username;
      try {
        username = JSON.parse(raw).username;
      } catch {}
      if (req.method != "POST" || req.url != "/api/secret-hash" || typeof username != "string") {
        res.writeHead(400);
        return res.end();
      }
      const secretHash = crypto.createHmac("sha256", DOCS_CLIENTS[SECRET_CLIENT].secret).update(username + SECRET_CLIENT).digest("base64");
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ secretHash }));
    });
  });
  await new Promise((r) => backend.listen(0, "127.0.0.1", r));
  backendUrl = `http://127.0.0.1:${backend.address().port}`;
});

after(() => backend?.close());

/** Runs one block in its own Node.js process against a fresh fake; resolves to what it reported. */
async function run(name, block) {
  const fake = await startFake();
  try {
    if (block.attrs.given == "unconfirmed") {
      await fake.control("users", { username: "alice@example.com", code: "123456", session: true });
    } else if (block.attrs.given) {
      throw new Error(`unknown given=${block.attrs.given}`);
    }
    const file = path.join(WORK, `${name}.mjs`);
    fs.writeFileSync(file, block.code);
    const child = spawn(process.execPath, [RUNNER, file], {
      cwd: WORK,
      env: {
        ...process.env,
        FAKE_URL: fake.url,
        SECRET_HASH_URL: backendUrl,
        COGNITO_USER_POOL_ID: "us-east-1_AbC123",
        COGNITO_CLIENT_ID: SECRET_CLIENT,
        COGNITO_CLIENT_SECRET: DOCS_CLIENTS[SECRET_CLIENT].secret,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 30000);
    const code = await new Promise((r) => child.on("exit", (c, signal) => r(signal ?? c)));
    clearTimeout(timer);
    const said = stdout.split("\n").filter((l) => l.startsWith("docs:")).map((l) => l.slice(5));
    return { code, said, stderr };
  } finally {
    fake.stop();
  }
}

const files = docFiles();
let runnable = 0;

for (const file of files) {
  const found = blocks(fs.readFileSync(path.join(ROOT, file), "utf8")).filter((b) => LANGS.has(b.lang));
  if (found.length == 0) continue;
  describe(file, () => {
    for (const block of found) {
      const name = `${file.replace(/[/.]/g, "_")}_${block.line}`;
      const title = `${file}:${block.line}${block.attrs.expect ? ` ends in ${block.attrs.expect}` : ""}`;
      if (block.attrs["no-run"] !== undefined) {
        test(`${file}:${block.line} says why it does not run`, () => {
          assert.equal(typeof block.attrs["no-run"], "string", 'write no-run="the reason"');
          assert.ok(block.attrs["no-run"].length > 3, 'write no-run="the reason"');
        });
        continue;
      }
      runnable++;
      test(title, async () => {
        const { code, said, stderr } = await run(name, block);
        const ended = said.filter((s) => s.startsWith("thrown ") || s.startsWith("shown ")).map((s) => s.split(" ")[1]);
        if (block.attrs.expect) {
          assert.ok(ended.includes(block.attrs.expect), `expected ${block.attrs.expect}; the block reported ${JSON.stringify(said)}\n${stderr}`);
          assert.ok(ended.every((n) => n == block.attrs.expect), `other errors too: ${JSON.stringify(said)}\n${stderr}`);
        } else {
          const hint = 'make it runnable, or mark it no-run="why" if it cannot run in Node.js (CONTRIBUTING.md, "Examples that run")';
          assert.deepEqual(ended, [], `the block failed: ${JSON.stringify(said)}; ${hint}\n${stderr}`);
          assert.equal(code, 0, stderr);
          assert.ok(said.includes("finished"), `the block did not finish\n${stderr}`);
        }
      });
    }
  });
}

// The ```ts blocks are type-checked, with `tsc --strict`, against the package's own types.
test("every ```ts block type-checks", () => {
  const dir = path.join(WORK, "ts");
  fs.mkdirSync(dir, { recursive: true });
  const names = [];
  for (const file of files) {
    for (const block of blocks(fs.readFileSync(path.join(ROOT, file), "utf8")).filter((b) => b.lang == "ts" && b.attrs["no-run"] === undefined)) {
      const name = `${file.replace(/[/.]/g, "_")}_${block.line}.ts`;
      fs.writeFileSync(path.join(dir, name), block.code + "export {};\n");
      names.push(name);
    }
  }
  if (names.length == 0) return;
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "consumers", "ts", "tsconfig.json"), "utf8"));
  config.files = names;
  config.compilerOptions.noUnusedLocals = false;
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(config));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsc"), ["-p", dir], { cwd: dir, encoding: "utf8" });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test("the README has examples that run", () => {
  const readme = blocks(fs.readFileSync(path.join(ROOT, "README.md"), "utf8")).filter((b) => LANGS.has(b.lang) && b.attrs["no-run"] === undefined);
  assert.ok(readme.length >= 3, `only ${readme.length} runnable blocks in README.md`);
  assert.ok(runnable >= readme.length);
});

test("the block reader sees fences, indentation and info strings", () => {
  const text = ["text", "  ```js expect=CodeMismatchException given=unconfirmed", "  a();", "  ```", '```js no-run="needs a DOM"', "b", "```"].join("\n");
  assert.deepEqual(blocks(text), [
    { line: 2, lang: "js", attrs: { expect: "CodeMismatchException", given: "unconfirmed" }, code: "a();\n" },
    { line: 5, lang: "js", attrs: { "no-run": "needs a DOM" }, code: "b\n" },
  ]);
});
