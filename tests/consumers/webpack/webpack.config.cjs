// Builds src/main.js into dist/; `new URL("./x.wasm", import.meta.url)` in the
// package becomes an emitted asset, as webpack 5 does by default.
const path = require("node:path");

module.exports = {
  mode: "production",
  entry: "./src/main.js",
  output: { path: path.resolve(__dirname, "dist"), filename: "main.js", clean: true, publicPath: "auto" },
  performance: { hints: false },
};
