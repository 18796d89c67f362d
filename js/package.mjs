// Turns what wasm-pack wrote into pkg/ into the npm package: adds the entry
// points of js/ and completes package.json (exports, files, sideEffects...).
// Run by scripts/build.sh after wasm-pack.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The package directory: pkg/ unless another is given (the test build of the panic probe).
const PKG = path.resolve(process.argv[2] ?? path.join(ROOT, "pkg"));
for (const file of ["abi.js", "bind.js", "driver.js", "index.js", "index.node.js", "index.d.ts"]) {
  fs.copyFileSync(path.join(ROOT, "js", file), path.join(PKG, file));
}
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
    "cognito_confirm_bg.wasm",
    "cognito_confirm_bg.wasm.d.ts",
    "README.md",
    "LICENSE",
    "CHANGELOG.md",
  ],
  sideEffects: false,
  engines: { node: ">=20" },
};
fs.copyFileSync(path.join(ROOT, "CHANGELOG.md"), path.join(PKG, "CHANGELOG.md"));
fs.writeFileSync(path.join(PKG, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
