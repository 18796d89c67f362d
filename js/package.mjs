// Turns what wasm-pack wrote into pkg/ into the npm package: adds the entry
// points of js/ and completes package.json (exports, files, sideEffects...).
// Run by scripts/build.sh after wasm-pack.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { thirdPartyNotices } from "./licenses.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The package directory: pkg/ unless another is given (the test build of the panic probe).
const PKG = path.resolve(process.argv[2] ?? path.join(ROOT, "pkg"));
// The module's digests: the entry points compile only these bytes (the
// browser's fetch checks `integrity`, the Node entry hashes what it reads),
// and integrity.json carries them for whoever checks a published package.
const wasm = fs.readFileSync(path.join(PKG, "cognito_confirm_bg.wasm"));
const digest = (algorithm) => crypto.createHash(algorithm).update(wasm).digest();
const integrity = {
  "cognito_confirm_bg.wasm": {
    bytes: wasm.length,
    sha256: digest("sha256").toString("hex"),
    sha384: digest("sha384").toString("hex"),
    integrity: `sha384-${digest("sha384").toString("base64")}`,
  },
};
// The tools whose versions reproduce these bytes (with the same source and Cargo.lock).
const version = (tool, ...args) => execFileSync(tool, args, { cwd: ROOT, encoding: "utf8" }).trim();
integrity.toolchain = {
  rustc: version("rustc", "--version"),
  "wasm-bindgen": version("wasm-bindgen", "--version"),
  "wasm-opt": version("wasm-opt", "--version"),
};
const PLACEHOLDER = "sha384-(written by js/package.mjs)";
for (const file of ["abi.js", "bind.js", "driver.js", "index.js", "index.node.js", "index.d.ts", "server.js", "server.d.ts"]) {
  let text = fs.readFileSync(path.join(ROOT, "js", file), "utf8");
  if (file.startsWith("index.") && file.endsWith(".js")) {
    if (!text.includes(PLACEHOLDER)) throw new Error(`js/${file} has no ${PLACEHOLDER} to write the module's digest into`);
    text = text.replace(PLACEHOLDER, integrity["cognito_confirm_bg.wasm"].integrity);
  }
  fs.writeFileSync(path.join(PKG, file), text);
}
fs.writeFileSync(path.join(PKG, "THIRD_PARTY_LICENSES"), thirdPartyNotices(ROOT));
fs.writeFileSync(path.join(PKG, "integrity.json"), JSON.stringify(integrity, null, 2) + "\n");
console.log(`cognito_confirm_bg.wasm: ${wasm.length} bytes
  SHA-256 ${integrity["cognito_confirm_bg.wasm"].sha256}
  SHA-384 ${integrity["cognito_confirm_bg.wasm"].sha384}
  integrity ${integrity["cognito_confirm_bg.wasm"].integrity}`);
// The <cognito-sign-up> element (js/element/): its modules, its CSS, the locale
// modules, and css.js, the stylesheet as a module the element adopts (no
// <style>, no inline style: it passes `style-src 'self'`).
const ELEMENT = path.join(PKG, "element");
fs.rmSync(ELEMENT, { recursive: true, force: true });
fs.cpSync(path.join(ROOT, "js", "element"), ELEMENT, { recursive: true });
const css = fs
  .readFileSync(path.join(ELEMENT, "element.css"), "utf8")
  .replace(/\/\*[^]*?\*\//g, "")
  .replace(/\s+/g, " ")
  .replace(/ ?([{};,]) ?/g, "$1")
  .replace(/: /g, ":")
  .replace(/;}/g, "}")
  .replace(/([ :])0\./g, "$1.")
  .replace(/"(\w+)"\]/g, "$1]")
  // A nested rule without & is its descendant's ("h2" is "& h2"): every browser with light-dark() reads it so.
  .replace(/([{};,])& /g, "$1")
  .trim()
  // The element's selector is the tag it was defined under: the element writes it for the first "%".
  .replace("@layer cognito-sign-up{cognito-sign-up{", "@layer cognito-sign-up{%{");
if (css.indexOf("%") != 23) throw new Error("element.css must start with `@layer cognito-sign-up { cognito-sign-up {`");
fs.writeFileSync(path.join(ELEMENT, "css.js"), `// Made from element.css by js/package.mjs.\nexport default ${JSON.stringify(css)};\n`);
// The types of cognito-confirm/element also where TypeScript's older moduleResolution "node" looks (it ignores exports).
fs.copyFileSync(path.join(ROOT, "js", "element.d.ts"), path.join(PKG, "element.d.ts"));
const generated = JSON.parse(fs.readFileSync(path.join(PKG, "package.json"), "utf8"));
const manifest = {
  name: generated.name,
  version: generated.version,
  description: generated.description,
  license: generated.license,
  repository: generated.repository,
  homepage: `${generated.repository.url}#readme`,
  bugs: `${generated.repository.url}/issues`,
  keywords: ["cognito", "amazon-cognito", "aws", "confirm-sign-up", "signup", "authentication", "webassembly", "wasm"],
  type: "module",
  exports: {
    ".": {
      types: "./index.d.ts",
      node: "./index.node.js",
      default: "./index.js",
    },
    // The SecretHash endpoint, for servers (Node.js, serverless, edge): docs/server.md.
    "./server": { types: "./server.d.ts", default: "./server.js" },
    "./cognito_confirm_bg.wasm": "./cognito_confirm_bg.wasm",
    "./integrity.json": "./integrity.json",
    "./element": "./element/element.js",
    "./element/define": "./element/define.js",
    "./element/strings": "./element/strings.js",
    "./element/element.css": "./element/element.css",
    "./element/locales/*": "./element/locales/*.js",
    "./package.json": "./package.json",
  },
  main: "./index.js",
  module: "./index.js",
  types: "./index.d.ts",
  files: [
    "abi.js",
    "bind.js",
    "driver.js",
    "index.js",
    "index.node.js",
    "index.d.ts",
    "server.js",
    "server.d.ts",
    "element/",
    "element.d.ts",
    "cognito_confirm_bg.wasm",
    "cognito_confirm_bg.wasm.d.ts",
    "integrity.json",
    "README.md",
    "LICENSE",
    "THIRD_PARTY_LICENSES",
    "CHANGELOG.md",
  ],
  // Only the element's define entry and the locale modules act on import (bundlers drop the rest when unused).
  sideEffects: ["./element/define.js", "./element/locales/*.js"],
  engines: { node: ">=20" },
  // Only ./server imports it (the rate limit); the browser entry does not.
  dependencies: { "rate-limiter-flexible": "^11.4.0" },
};
fs.copyFileSync(path.join(ROOT, "CHANGELOG.md"), path.join(PKG, "CHANGELOG.md"));
fs.writeFileSync(path.join(PKG, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
