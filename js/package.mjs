// Turns what wasm-pack wrote into pkg/ into the npm package: adds the entry
// points of js/ and completes package.json (exports, files, sideEffects...).
// Run by scripts/build.sh after wasm-pack.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The package directory: pkg/ unless another is given (the test build of the panic probe).
const PKG = path.resolve(process.argv[2] ?? path.join(ROOT, "pkg"));
for (const file of ["bind.js", "driver.js", "index.js", "index.node.js", "index.d.ts"]) {
  fs.copyFileSync(path.join(ROOT, "js", file), path.join(PKG, file));
}
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
  .trim();
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
    "./cognito_confirm_bg.wasm": "./cognito_confirm_bg.wasm",
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
    "bind.js",
    "driver.js",
    "index.js",
    "index.node.js",
    "index.d.ts",
    "element/",
    "element.d.ts",
    "cognito_confirm.js",
    "cognito_confirm.d.ts",
    "cognito_confirm_bg.wasm",
    "cognito_confirm_bg.wasm.d.ts",
    "README.md",
    "LICENSE",
    "CHANGELOG.md",
  ],
  // Only the element's define entry and the locale modules act on import (bundlers drop the rest when unused).
  sideEffects: ["./element/define.js", "./element/locales/*.js"],
  engines: { node: ">=20" },
};
fs.copyFileSync(path.join(ROOT, "CHANGELOG.md"), path.join(PKG, "CHANGELOG.md"));
fs.writeFileSync(path.join(PKG, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
