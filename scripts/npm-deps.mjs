// Checks the npm dependencies of the shipped package, offline: every package
// that pkg/package.json's `dependencies` bring in (transitively, as installed
// in node_modules/) has an allowed licence, no package is there in two
// versions, and every direct dependency is imported by a file the package
// ships (and every package a shipped file imports is a dependency).
// Usage: node scripts/npm-deps.mjs [package-dir] [root-with-node_modules]
// Prints what it checked; exits 1 with the problems when there are any.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Licences the package can ship with under MIT, its notices included. */
export const ALLOWED = ["MIT", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "0BSD"];

/** Whether an SPDX expression (`A OR B`, `A AND B`, parentheses) allows shipping. */
export function allowed(expression) {
  if (typeof expression != "string") return false;
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const term = () => {
    const t = tokens[i++];
    if (t == "(") {
      const v = or();
      return tokens[i++] == ")" && v;
    }
    return ALLOWED.includes(t);
  };
  const and = () => {
    let v = term();
    while (tokens[i] == "AND") i++, (v = term() && v);
    return v;
  };
  const or = () => {
    let v = and();
    while (tokens[i] == "OR") i++, (v = and() || v);
    return v;
  };
  return tokens.length > 0 && or() && i == tokens.length;
}

const read = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

/** Where `name` resolves from `dir`, as Node.js looks it up: the nearest node_modules/name up to `root`. */
function resolve(name, dir, root) {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (d == root || d == path.dirname(d)) return null;
  }
}

/** The bare package names the package's shipped .js files import. */
function importsOf(pkgDir, manifest) {
  const names = new Set();
  for (const file of manifest.files ?? []) {
    if (!/\.(m|c)?js$/.test(file) || !fs.existsSync(path.join(pkgDir, file))) continue;
    const text = fs.readFileSync(path.join(pkgDir, file), "utf8");
    for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g)) {
      if (spec.startsWith("node:")) continue;
      names.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  }
  return names;
}

/** { checked: [{name, version, license}], problems: [string] } */
export function check(pkgDir, root) {
  const manifest = read(path.join(pkgDir, "package.json"));
  const problems = [];
  const checked = [];
  const versions = new Map();
  const direct = Object.keys(manifest.dependencies ?? {});
  const queue = direct.map((name) => [name, root, manifest.name]);
  const seen = new Set();
  while (queue.length) {
    const [name, from, by] = queue.shift();
    const dir = resolve(name, from, root);
    if (!dir) {
      problems.push(`${name} (needed by ${by}) is not installed`);
      continue;
    }
    if (seen.has(dir)) continue;
    seen.add(dir);
    const dep = read(path.join(dir, "package.json"));
    const license = typeof dep.license == "string" ? dep.license : dep.license?.type;
    checked.push({ name, version: dep.version, license });
    if (!allowed(license)) problems.push(`${name}@${dep.version} has the licence ${JSON.stringify(license ?? null)}, not one of ${ALLOWED.join(", ")}`);
    versions.set(name, new Set([...(versions.get(name) ?? []), dep.version]));
    for (const next of Object.keys({ ...dep.dependencies, ...dep.optionalDependencies })) queue.push([next, dir, `${name}@${dep.version}`]);
  }
  for (const [name, set] of versions) if (set.size > 1) problems.push(`${name} is installed in ${set.size} versions: ${[...set].sort().join(", ")}`);
  const imported = importsOf(pkgDir, manifest);
  for (const name of direct) if (!imported.has(name)) problems.push(`${name} is a dependency, but no shipped file imports it`);
  // A peer dependency (a store client the user brings, say) may be imported without being shipped.
  const declared = [...direct, ...Object.keys({ ...manifest.peerDependencies, ...manifest.optionalDependencies })];
  for (const name of imported) if (!declared.includes(name)) problems.push(`a shipped file imports ${name}, which is not a dependency`);
  return { checked, problems };
}

if (process.argv[1] && path.resolve(process.argv[1]) == fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const pkgDir = path.resolve(process.argv[2] ?? path.join(root, "pkg"));
  const { checked, problems } = check(pkgDir, path.resolve(process.argv[3] ?? root));
  console.log(`npm dependencies of ${path.relative(root, pkgDir) || "."}: ${checked.length} package(s)`);
  for (const c of checked) console.log(`  ${c.name}@${c.version} ${c.license}`);
  for (const p of problems) console.log(`problem: ${p}`);
  process.exit(problems.length ? 1 : 0);
}
