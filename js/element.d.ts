// `cognito-confirm/element` for TypeScript's older `moduleResolution: "node"`
// (node10), which ignores package.json's `exports` and looks for this file;
// the other settings find element/element.d.ts beside the module itself.
export * from "./element/element.js";
