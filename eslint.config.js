// ESLint 9 flat config: @eslint/js's recommended rules over every JavaScript
// file we write (the package's js/, the demo's www/, the tests and scripts).
// Run by `make check` and the test command (scripts/check.sh eslint).
import js from "@eslint/js";
import globals from "globals";

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
];
