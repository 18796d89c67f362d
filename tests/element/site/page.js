// The element's test page: defines <cognito-sign-up> from the built package
// and records what the tests read back: every event the element fires (with
// its detail as JSON carries it) and every Content-Security-Policy violation.
// The tests put elements on the page with DOM calls (no innerHTML: the page
// runs under Trusted Types when served with ?tt).
import "/pkg/element/define.js";
import { CognitoSignUpElement } from "/pkg/element/element.js";
import { register } from "/pkg/element/strings.js";

// For the tests: registering a language as a locale module does, and defining the element under another tag.
window.register = register;
window.CognitoSignUpElement = CognitoSignUpElement;

window.events = [];
window.violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
);
for (const type of ["cognito-signed-up", "cognito-code-sent", "cognito-confirmed", "cognito-signed-in", "cognito-error"]) {
  document.addEventListener(type, (e) => {
    const detail = e.detail?.error
      ? { step: e.detail.step, error: { name: e.detail.error.name, message: e.detail.error.message, earlierAttemptMayHaveSucceeded: e.detail.error.earlierAttemptMayHaveSucceeded } }
      : e.detail;
    window.events.push({ type, bubbles: e.bubbles, composed: e.composed, from: e.target.id, detail: JSON.parse(JSON.stringify(detail ?? null)) });
  });
}
window.pageReady = true;
