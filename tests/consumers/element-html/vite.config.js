// Builds the plain HTML page (src/) into dist/: no framework, the element as a tag.
export default {
  root: "src",
  base: "./",
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022" },
  logLevel: "warn",
};
