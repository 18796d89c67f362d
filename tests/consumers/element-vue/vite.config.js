// Builds the Vue 3 page (src/) into dist/. Vue must be told that
// <cognito-sign-up> is a custom element, not a component to resolve.
import vue from "@vitejs/plugin-vue";

export default {
  root: "src",
  base: "./",
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === "cognito-sign-up" } } })],
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022" },
  logLevel: "warn",
};
