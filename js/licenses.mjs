// The licence notices of the code the package ships, for pkg/THIRD_PARTY_LICENSES:
// the crates linked into the .wasm (the normal dependencies for
// wasm32-unknown-unknown; proc-macros and build dependencies run at build
// time and ship nothing), the Rust standard library
// the .wasm links, and wasm-bindgen's JavaScript glue. Each notice is the
// crate's own licence file as published, so the text is the same on every
// machine (no path of the build machine in it). `cargo deny` (deny.toml)
// checks that each licence is allowed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const TARGET = "wasm32-unknown-unknown";

/**
 * The crates whose code the .wasm links: [{ name, version, license, repository, dir }], sorted.
 * `cargo tree` resolves features as the build does (dev-dependencies left out, proc-macros and
 * what only they use pruned); `cargo metadata` says where each crate's files are.
 */
export function shippedCrates(root) {
  const cargo = (args) => execFileSync("cargo", [...args, "--locked"], { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 });
  const tree = cargo(["tree", "-e", "normal,no-proc-macro", "--target", TARGET, "--prefix", "none", "-f", "{p}"]);
  const names = new Set(tree.split("\n").map((line) => line.split(" ").slice(0, 2).join(" ")));
  const metadata = JSON.parse(cargo(["metadata", "--format-version", "1", "--filter-platform", TARGET]));
  const rootId = metadata.resolve.root;
  return metadata.packages
    .filter((p) => p.id != rootId && names.has(`${p.name} v${p.version}`))
    .map((p) => ({ name: p.name, version: p.version, license: p.license, repository: p.repository, dir: path.dirname(p.manifest_path) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/**
 * A crate's licence files, all of them but the Apache licence's text where
 * the crate offers MIT or Apache-2.0 and has an MIT file (the MIT licence is
 * the one used).
 */
function licenceFiles(crate) {
  const all = fs
    .readdirSync(crate.dir)
    .filter((f) => /^(licen[cs]e|copying)/i.test(f))
    .sort();
  const choice = /\bMIT OR Apache-2\.0\b|\bApache-2\.0 OR MIT\b/.test(crate.license ?? "") && all.some((f) => /mit/i.test(f));
  const chosen = choice ? all.filter((f) => !/apache/i.test(f)) : all;
  if (!chosen.length) throw new Error(`${crate.name} ${crate.version} has no licence file to ship`);
  return chosen.map((f) => fs.readFileSync(path.join(crate.dir, f), "utf8").trim());
}

/** The text of THIRD_PARTY_LICENSES. */
export function thirdPartyNotices(root) {
  const crates = shippedCrates(root);
  const sysroot = execFileSync("rustc", ["--print", "sysroot"], { encoding: "utf8" }).trim();
  const mitText = fs
    .readFileSync(path.join(sysroot, "share", "doc", "rust", "licenses", "MIT.txt"), "utf8")
    .replace(/^MIT License\s+Copyright \(c\) <year> <copyright holders>\s+/, "")
    .trim();
  const rule = "=".repeat(78);
  const parts = [
    "Third-party code in this package, and its licence notices.",
    "",
    "cognito_confirm_bg.wasm links the Rust crates below and the Rust standard",
    "library; cognito_confirm.js is written by wasm-bindgen (the wasm-bindgen",
    "crate's licence below covers it). Each dual-licensed crate is used under",
    "its MIT licence.",
  ];
  for (const crate of crates) {
    parts.push("", rule, `${crate.name} ${crate.version} (${crate.license})${crate.repository ? `\n${crate.repository}` : ""}`, rule, "");
    parts.push(licenceFiles(crate).join("\n\n"));
  }
  parts.push(
    "",
    rule,
    "The Rust standard library: core, alloc (MIT OR Apache-2.0)\nhttps://github.com/rust-lang/rust",
    rule,
    "",
    "Copyright (c) The Rust Project Contributors. Copyrights in the Rust project are retained by their contributors.",
    "",
    mitText,
  );
  return parts.join("\n") + "\n";
}
