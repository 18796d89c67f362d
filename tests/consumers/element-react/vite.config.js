// Builds the React 19 page (src/) into dist/ with the React plugin, as a React app would.
import react from "@vitejs/plugin-react";

export default {
  root: "src",
  base: "./",
  plugins: [react()],
  build: { outDir: "../dist", emptyOutDir: true, target: "es2022" },
  logLevel: "warn",
};
