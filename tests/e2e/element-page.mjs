// How the Playwright suites of the demo find the parts of <cognito-sign-up>:
// a step's form, a field by step and name, and what has focus (tag[name], or
// tag:text for a button or heading).
export const STEP = (step) => `cognito-sign-up [data-cognito-step=${step}]`;
export const field = (step, name) => `${STEP(step)} [name="${name}"]`;
export const focused = (page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return `${a.tagName.toLowerCase()}${a.name ? `[${a.name}]` : ""}${a.tagName === "BUTTON" || /^H\d$/.test(a.tagName) ? `:${a.textContent.trim()}` : ""}`;
  });
