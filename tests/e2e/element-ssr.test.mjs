// Server-side rendering (Next.js, Nuxt, Astro…) imports a page's modules in
// Node.js, where there is no DOM: the element's modules must import there,
// and defining it must do nothing, not throw.
import assert from "node:assert/strict";
import { test } from "node:test";

test("the element's modules import in Node.js, and define() does nothing there", async () => {
  assert.equal(typeof globalThis.HTMLElement, "undefined");
  assert.equal(typeof globalThis.customElements, "undefined");
  await import("../../pkg/element/define.js");
  const { CognitoSignUpElement } = await import("../../pkg/element/element.js");
  assert.equal(CognitoSignUpElement.define(), CognitoSignUpElement);
  assert.equal(CognitoSignUpElement.define("my-sign-up"), CognitoSignUpElement);
});
