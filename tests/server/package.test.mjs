// cognito-confirm/server as a user gets it: pkg/ packed, installed into a
// fresh project, imported by its package name, served, and type-checked.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

import { CLIENT_ID, CLIENT_SECRET, VECTORS } from "./support.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PKG = path.join(ROOT, "pkg");
const WORK = path.join(ROOT, "target", "server-consumer");
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

let manifest;

before(() => {
  assert.ok(fs.existsSync(path.join(PKG, "server.js")), "build the package first (scripts/test.sh does)");
  manifest = JSON.parse(fs.readFileSync(path.join(PKG, "package.json"), "utf8"));
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const [packed] = JSON.parse(run("npm", ["pack", PKG, "--pack-destination", WORK, "--json", "--loglevel=error"], ROOT));
  fs.writeFileSync(
    path.join(WORK, "package.json"),
    JSON.stringify({ name: "server-consumer", private: true, type: "module", dependencies: { "cognito-confirm": `file:${packed.filename}` } }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], WORK);
});

after(() => fs.rmSync(WORK, { recursive: true, force: true }));

test("the manifest exports ./server and depends on the limiter the repository tests", () => {
  assert.deepEqual(manifest.exports["./server"], { types: "./server.d.ts", default: "./server.js" });
  for (const f of ["server.js", "server.d.ts"]) assert.ok(manifest.files.includes(f), f);
  const dev = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).devDependencies["rate-limiter-flexible"];
  assert.equal(manifest.dependencies["rate-limiter-flexible"], `^${dev}`, "the range starts at the version the tests ran");
  // The page's entries never load the server's module.
  for (const entry of ["index.js", "index.node.js", "bind.js", "driver.js"]) {
    assert.doesNotMatch(fs.readFileSync(path.join(PKG, entry), "utf8"), /server\.js|rate-limiter-flexible/, entry);
  }
});

test("installed: import from cognito-confirm/server, serve with toNodeListener, get the vector's hash", async () => {
  const v = VECTORS[0];
  fs.writeFileSync(
    path.join(WORK, "serve.mjs"),
    `import http from "node:http";
import { secretHashHandler, toNodeListener } from "cognito-confirm/server";
const handle = secretHashHandler({ clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET, origins: ["https://app.example"] });
const server = http.createServer(toNodeListener(handle)).listen(0, "127.0.0.1", () => console.log("port " + server.address().port));
`,
  );
  const child = spawn(process.execPath, ["serve.mjs"], { cwd: WORK, env: { ...process.env, CLIENT_ID, CLIENT_SECRET }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr.on("data", (d) => (output += d));
  try {
    const port = await new Promise((resolve, reject) => {
      child.stdout.on("data", (d) => {
        output += d;
        const m = /port (\d+)/.exec(output);
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", (code) => reject(new Error(`the consumer exited (${code}):\n${output}`)));
    });
    const ok = await new Promise((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, method: "POST", headers: { Host: "app.example", Origin: "https://app.example", "Content-Type": "application/json" } },
        (r) => {
          let text = "";
          r.on("data", (d) => (text += d));
          r.on("end", () => resolve({ status: r.statusCode, body: text }));
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify({ username: v.username }));
    });
    assert.equal(ok.status, 200, ok.body);
    assert.deepEqual(JSON.parse(ok.body), { secretHash: v.secretHash });
  } finally {
    child.kill();
  }
});

test("installed: the types check under tsc --strict, and catch a missing option", () => {
  const good = `import http from "node:http";
import http2 from "node:http2";
import { secretHashHandler, toNodeListener, type SecretHashHandlerOptions } from "cognito-confirm/server";
const options: SecretHashHandlerOptions = {
  clientId: "c", clientSecret: "s", origins: ["https://app.example"], hosts: ["api.app.example"],
  limit: { points: 10, duration: 60 }, maxBody: 4096, trustProxy: 1, log: (line: string) => console.log(line),
};
const handle = secretHashHandler(options);
const answer: Promise<Response> = handle(new Request("https://api.app.example/"), { clientAddress: "192.0.2.1" });
void answer;
http.createServer(toNodeListener(handle));
http2.createServer(toNodeListener(handle));
http2.createSecureServer({}, toNodeListener(handle));
secretHashHandler({ ...options, store: null });
export default handle;
`;
  const tsconfig = { compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: [], lib: ["es2022", "dom"], skipLibCheck: false } };
  fs.writeFileSync(path.join(WORK, "tsconfig.json"), JSON.stringify({ ...tsconfig, files: ["good.ts"] }));
  fs.writeFileSync(path.join(WORK, "good.ts"), good);
  // node:http's types come from @types/node, which the repository has through its tools; without it, declare the module.
  const typesNode = fs.existsSync(path.join(ROOT, "node_modules", "@types", "node"));
  if (!typesNode)
    fs.writeFileSync(
      path.join(WORK, "node-http.d.ts"),
      'declare module "node:http" { export type IncomingMessage = any; export type ServerResponse = any; export function createServer(l: any): any; }\n' +
        'declare module "node:http2" { export type Http2ServerRequest = any; export type Http2ServerResponse = any; ' +
        "export function createServer(l: any): any; export function createSecureServer(o: any, l: any): any; }\n",
    );
  const files = typesNode ? ["good.ts"] : ["good.ts", "node-http.d.ts"];
  const tsc = path.join(ROOT, "node_modules", ".bin", "tsc");
  const compile = () => {
    try {
      return { ok: true, out: run(tsc, ["-p", "tsconfig.json"], WORK) };
    } catch (e) {
      return { ok: false, out: `${e.stdout}${e.stderr}` };
    }
  };
  const nodeTypes = typesNode ? { ...tsconfig.compilerOptions, types: ["node"], typeRoots: [path.join(ROOT, "node_modules", "@types")] } : tsconfig.compilerOptions;
  fs.writeFileSync(path.join(WORK, "tsconfig.json"), JSON.stringify({ compilerOptions: nodeTypes, files }));
  const first = compile();
  assert.ok(first.ok, first.out);
  fs.writeFileSync(path.join(WORK, "good.ts"), good.replace('origins: ["https://app.example"], ', ""));
  const second = compile();
  assert.ok(!second.ok, "a handler without origins does not type-check");
  assert.match(second.out, /origins/);
});
