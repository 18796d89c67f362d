// The error names the docs and the types state, against their one source:
// the API model of the four operations (tests/data/sign_up_flow_model.json)
// and the package's own names. A name added to the model, or dropped from a
// union or a table, fails here.
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (file) => fs.readFileSync(path.join(ROOT, file), "utf8");
const model = JSON.parse(read("tests/data/sign_up_flow_model.json"));
const dts = read("js/index.d.ts");

// The export of each operation, and the union of names TypeScript gives it.
const OPERATIONS = {
  SignUp: ["signUp", "SignUpErrorName"],
  ConfirmSignUp: ["confirmSignUp", "ConfirmSignUpErrorName"],
  ResendConfirmationCode: ["resendSignUpCode", "ResendSignUpCodeErrorName"],
  InitiateAuth: ["autoSignIn", "AutoSignInErrorName"],
};
const LOCAL = ["LoadError", "ValidationError", "SecretHashError", "AbortError", "PanicError", "NetworkError", "TimeoutError", "UnknownError"];
const modelErrors = (op) => model.operations[op].errors.map((e) => e.shape).sort();
const allModeled = [...new Set(Object.keys(OPERATIONS).flatMap(modelErrors))].sort();

/** The string literals of `export type NAME = | "a" | "b" | Other;` in index.d.ts, with unions it names expanded. */
function union(name) {
  const m = dts.match(new RegExp(`export type ${name} =([^;]*);`));
  assert.ok(m, `index.d.ts declares ${name}`);
  const names = [...m[1].matchAll(/"(\w+)"/g)].map((x) => x[1]);
  for (const ref of m[1].replace(/"\w+"/g, "").matchAll(/\b([A-Z]\w+)\b/g)) names.push(...union(ref[1]));
  return names.sort();
}

test("CognitoErrorName is every error of the four operations' models", () => {
  assert.deepEqual(union("CognitoErrorName"), allModeled);
});

test("each operation's union of names is its model's errors and the package's own", () => {
  assert.deepEqual(union("LocalErrorName"), [...LOCAL].sort());
  for (const [op, [, type]] of Object.entries(OPERATIONS)) {
    assert.deepEqual(union(type), [...modelErrors(op), ...LOCAL].sort(), type);
  }
  assert.deepEqual(union("BuildRequestErrorName"), ["AbortError", "LoadError", "PanicError", "SecretHashError", "ValidationError"]);
});

test("docs/errors.md's table by operation is the model's", () => {
  const text = read("docs/errors.md");
  const section = text.slice(text.indexOf("## Cognito's names, by operation"), text.indexOf("## What to tell the user"));
  const rows = [...section.matchAll(/^\| `(\w+)` \|(.*)\|$/gm)];
  assert.deepEqual(rows.map((r) => r[1]).sort(), allModeled, "one row per modeled name");
  const header = section.match(/^\| name \|(.*)\|$/m)[1].split("|").map((c) => c.trim());
  for (const [op, [exported]] of Object.entries(OPERATIONS)) {
    const column = header.indexOf(exported);
    assert.ok(column >= 0, `a column for ${exported}`);
    const marked = rows.filter((r) => r[2].split("|")[column].trim() == "✓").map((r) => r[1]).sort();
    assert.deepEqual(marked, modelErrors(op), `${exported}'s column`);
  }
  assert.match(text, new RegExp(`Cognito's ${allModeled.length} error names`));
});

test("every name in a 'tell the user' table exists", () => {
  const known = new Set([...allModeled, ...LOCAL]);
  for (const file of ["README.md", "docs/errors.md"]) {
    const text = read(file);
    const table = text.slice(text.indexOf("| `name` | tell the user |"));
    const rows = table.slice(0, table.search(/\n\n/)).split("\n").slice(2);
    assert.ok(rows.length >= 10, `${file} has the table`);
    const names = rows.flatMap((row) => [...row.split("|")[1].matchAll(/`(\w+)`/g)].map((m) => m[1]));
    for (const name of names) assert.ok(known.has(name), `${file}: ${name} is not a name the package rejects with`);
    for (const name of LOCAL) assert.ok(names.includes(name), `${file}: ${name} has no row`);
  }
});

test("docs/api.md's config defaults are index.d.ts's @default (which tests/crossing.rs holds to the core)", () => {
  const table = read("docs/api.md").match(/\| member \| type \| default \| meaning \|\n\| --- .*\n((?:\|.*\n)+)/)[1];
  const stated = Object.fromEntries(
    table
      .trim()
      .split("\n")
      .map((row) => row.split("|").map((c) => c.trim()))
      .map((cells) => [cells[1].replace(/`/g, ""), cells[3].replace(/`/g, "")]),
  );
  let checked = 0;
  for (const [, value, member] of dts.matchAll(/@default ([^\n]+)\n\s*\*\/\n\s*(\w+)\?:/g)) {
    assert.ok(member in stated, `docs/api.md's config table lists ${member}`);
    const expected = value.startsWith("the part of `userPoolId`") ? "from userPoolId" : value.trim();
    assert.equal(stated[member], expected, `${member}'s default`);
    checked++;
  }
  assert.ok(checked >= 4, `${checked} defaults checked`);
});

test("the body cap the docs state is the core's", () => {
  const sources = fs.readdirSync(path.join(ROOT, "src"), { recursive: true }).filter((f) => f.endsWith(".rs"));
  const cap = sources.map((f) => read(path.join("src", f)).match(/MAX_BODY_BYTES: u32 = ([\d_]+);/)).find(Boolean);
  assert.ok(cap, "MAX_BODY_BYTES in src/");
  const bytes = Number(cap[1].replace(/_/g, "")).toLocaleString("en-US");
  const text = read("docs/security-model.md");
  assert.match(text, new RegExp(`reads at most ${bytes} bytes`));
});
