// Builds ../browser (copied beside this file as src/) into dist/.
export default {
  root: "src",
  base: "./",
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022" },
  logLevel: "warn",
};
