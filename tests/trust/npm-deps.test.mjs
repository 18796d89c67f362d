// scripts/npm-deps.mjs, the test command's check of the shipped package's
// npm dependencies, on small installed trees made here: it passes a clean
// tree and names each problem it exists for (a licence not allowed, a
// package in two versions, a dependency no shipped file imports, an import
// that is no dependency, a dependency not installed).

import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { allowed, check } from "../../scripts/npm-deps.mjs";

let root;
afterEach(() => root && fs.rmSync(root, { recursive: true, force: true }));

/** A root with pkg/ (its manifest and index.js) and node_modules/ (each `dir: manifest`). */
function tree({ dependencies = {}, peerDependencies, imports = [] }, installed) {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "npm-deps-"));
  const pkg = path.join(root, "pkg");
  fs.mkdirSync(pkg);
  fs.writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "shipped", files: ["index.js"], dependencies, peerDependencies }));
  fs.writeFileSync(path.join(pkg, "index.js"), imports.map((name, n) => `import * as m${n} from "${name}";\n`).join("") + 'import fs from "node:fs";\n');
  for (const [dir, manifest] of Object.entries(installed)) {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    fs.writeFileSync(path.join(root, dir, "package.json"), JSON.stringify(manifest));
  }
  return check(pkg, root);
}

test("a clean tree passes, its transitive packages checked", () => {
  const { checked, problems } = tree(
    { dependencies: { a: "^1.0.0" }, peerDependencies: { redis: "*" }, imports: ["a", "a/sub", "redis"] },
    {
      "node_modules/a": { name: "a", version: "1.0.0", license: "MIT", dependencies: { b: "^2.0.0" } },
      "node_modules/b": { name: "b", version: "2.0.0", license: "(ISC OR GPL-3.0)" },
    },
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(checked.map((c) => `${c.name}@${c.version}`), ["a@1.0.0", "b@2.0.0"]);
});

test("a licence not allowed, two versions, an unused and an undeclared package, a missing one: each named", () => {
  const { problems } = tree(
    { dependencies: { a: "^1.0.0", c: "^2.0.0", d: "^1.0.0", gone: "^1.0.0" }, imports: ["a", "c", "gone", "e"] },
    {
      "node_modules/a": { name: "a", version: "1.0.0", license: "MIT", dependencies: { b: "*", c: "^1.0.0" } },
      "node_modules/b": { name: "b", version: "1.0.0", license: "GPL-3.0-only" },
      "node_modules/a/node_modules/c": { name: "c", version: "1.0.0", license: "MIT" },
      "node_modules/c": { name: "c", version: "2.0.0", license: "MIT" },
      "node_modules/d": { name: "d", version: "1.0.0", license: "MIT" },
    },
  );
  const expected = [
    /^b@1\.0\.0 has the licence "GPL-3\.0-only"/,
    /^c is installed in 2 versions: 1\.0\.0, 2\.0\.0$/,
    /^d is a dependency, but no shipped file imports it$/,
    /^a shipped file imports e, which is not a dependency$/,
    /^gone \(needed by shipped\) is not installed$/,
  ];
  for (const pattern of expected) assert.ok(problems.some((p) => pattern.test(p)), `${pattern} in ${JSON.stringify(problems)}`);
  assert.equal(problems.length, expected.length, JSON.stringify(problems));
});

test("SPDX expressions: OR needs one allowed licence, AND all of them", () => {
  for (const yes of ["MIT", "(MIT OR Apache-2.0)", "MIT OR GPL-3.0", "ISC AND BSD-3-Clause", "(MIT OR GPL-2.0) AND Apache-2.0"]) assert.ok(allowed(yes), yes);
  for (const no of ["GPL-3.0", "MIT AND GPL-3.0", "UNLICENSED", "SEE LICENSE IN LICENSE.txt", "", undefined, "(MIT", "MIT OR"]) assert.ok(!allowed(no), String(no));
});
