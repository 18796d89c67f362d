// ESLint 9 flat config: @eslint/js's recommended rules over every JavaScript
// file we write (the package's js/, the demo's www/, the tests and scripts).
// Run by `make check` and the test command (scripts/check.sh eslint).
import js from "@eslint/js";
import compat from "eslint-plugin-compat";
import esx from "eslint-plugin-es-x";
import globals from "globals";

// The browsers the README promises (docs/api.md: the floor), for the files a
// page runs: the calls' entry, driver and loader, and the element.
const FLOOR = ["chrome >= 96", "edge >= 96", "firefox >= 91", "safari >= 15", "ios_saf >= 15"];
const BROWSER_FILES = ["js/index.js", "js/driver.js", "js/abi.js", "js/bind.js", "js/element/**/*.js"];

export default [
  { ignores: ["pkg/", "target/", "node_modules/", "**/node_modules/", "tests/consumers/*/out/", "tests/fuzz/"] },
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // An empty catch is the driver's way of saying "anything wrong with the
      // page's code means no data" (js/driver.js: Math.random, the page's script).
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  // Nothing newer than the floor: the language (ES2021, and of ES2022 what
  // all of those browsers have: class fields and private members, `#x in`,
  // an Error's cause, the RegExp d flag) and the web APIs.
  {
    files: BROWSER_FILES,
    plugins: { "es-x": esx, compat },
    settings: { browsers: FLOOR, "es-x": { aggressive: true } },
    rules: {
      ...esx.configs["flat/restrict-to-es2022"].rules,
      "es-x/no-array-prototype-at": "error",
      "es-x/no-string-prototype-at": "error",
      "es-x/no-object-hasown": "error",
      "es-x/no-class-static-block": "error",
      "es-x/no-top-level-await": "error",
      "es-x/no-regexp-unicode-property-escapes-2022": "error",
      "es-x/no-arbitrary-module-namespace-names": "error",
      "compat/compat": "error",
      // What eslint-plugin-compat does not know of.
      "no-restricted-properties": [
        "error",
        ...["timeout", "any"].map((property) => ({ object: "AbortSignal", property, message: "newer than Safari 15 or Firefox 91" })),
      ],
      // (Aggressive: a method of a value of unknown type counts, so `list.at(-1)` is caught. Iterator
      // helpers share their names with Array's old methods, and this code calls none on an iterator.)
      ...Object.fromEntries(
        ["every", "filter", "find", "flatMap", "forEach", "map", "reduce", "some"].map((m) => [`es-x/no-iterator-prototype-${m.toLowerCase()}`, "off"]),
      ),
    },
  },
];
