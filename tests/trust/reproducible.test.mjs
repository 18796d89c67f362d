// The package's bytes are the source's, whoever builds them: HEAD is cloned
// into two directories of different names, each is built by
// scripts/build.sh with a CARGO_HOME of its own (its crates fetched from the
// registry first, so the builds share no file), and the two pkg/ folders, the
// tarballs `npm pack` makes of them, and every file in them are compared
// byte for byte. No shipped file names a directory of either build.
// Same toolchain (pkg/integrity.json says which), same bytes.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "node_modules", ".bin");

let work;
let commit;
const builds = [];

function run(cmd, args, options) {
  return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20, ...options });
}

/** Clones HEAD into `name` under the work directory and builds it with its own CARGO_HOME. */
function build(name, cargoHome) {
  const dir = path.join(work, name);
  const home = path.join(work, cargoHome);
  run("git", ["clone", "--quiet", "--no-hardlinks", ROOT, dir]);
  run("git", ["checkout", "--quiet", "--detach", commit], { cwd: dir });
  // The rustup toolchains stay shared (RUSTUP_HOME); the crates do not.
  const env = { ...process.env, CARGO_HOME: home, RUSTUP_HOME: process.env.RUSTUP_HOME ?? path.join(os.homedir(), ".rustup"), PATH: `${path.join(os.homedir(), ".cargo", "bin")}:${BIN}:${process.env.PATH}` };
  delete env.CARGO_TARGET_DIR;
  run("cargo", ["fetch", "--locked", "--target", "wasm32-unknown-unknown"], { cwd: dir, env });
  const printed = run("bash", ["scripts/build.sh", "--force"], { cwd: dir, env });
  const [packed] = JSON.parse(run("npm", ["pack", "./pkg", "--json", "--loglevel=error", "--pack-destination", work + "/" + name + "-tarball"], { cwd: dir, env, input: "" }));
  return { dir, home, printed, tarball: path.join(work, name + "-tarball", packed.filename), files: packed.files.map((f) => f.path).sort() };
}

before(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "cognito-confirm-reproducible-"));
  // Both from one commit, even if HEAD moves while they build.
  commit = run("git", ["rev-parse", "HEAD"], { cwd: ROOT }).trim();
  for (const [name, home] of [["one", "cargo-a"], ["checkout-number-two", "cargo-home-for-the-second-build"]]) {
    fs.mkdirSync(path.join(work, name + "-tarball"));
    builds.push(build(name, home));
  }
});

after(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("two checkouts with two cargo homes build the same .wasm and pack the same files, byte for byte", () => {
  const [a, b] = builds;
  assert.deepEqual(a.files, b.files, "the same files are packed");
  assert.ok(a.files.includes("cognito_confirm_bg.wasm") && a.files.includes("integrity.json") && a.files.includes("THIRD_PARTY_LICENSES"));
  for (const file of a.files) {
    const left = fs.readFileSync(path.join(a.dir, "pkg", file));
    const right = fs.readFileSync(path.join(b.dir, "pkg", file));
    assert.ok(left.equals(right), `${file} differs between the two builds`);
  }
  assert.ok(fs.readFileSync(a.tarball).equals(fs.readFileSync(b.tarball)), "the tarballs are the same bytes");
  const { "cognito_confirm_bg.wasm": wasm, toolchain } = JSON.parse(fs.readFileSync(path.join(a.dir, "pkg", "integrity.json"), "utf8"));
  for (const { printed } of builds) {
    assert.ok(printed.includes(`SHA-256 ${wasm.sha256}`) && printed.includes(`SHA-384 ${wasm.sha384}`), "the build prints the module's digests");
  }
  console.log(`both builds: SHA-256 ${wasm.sha256}, SHA-384 ${wasm.sha384} (${toolchain.rustc})`);
});

test("no packed file names a directory of the machine that built it", () => {
  const [a, b] = builds;
  const machine = [a.dir, b.dir, a.home, b.home, os.homedir(), work, "/home/", "/root/", "/tmp/", os.tmpdir()];
  for (const build of builds) {
    for (const file of build.files) {
      const text = fs.readFileSync(path.join(build.dir, "pkg", file)).toString("latin1");
      for (const p of machine) assert.ok(!text.includes(p), `${file} of ${path.basename(build.dir)} holds ${p}`);
    }
  }
});
