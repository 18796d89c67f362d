// The plain page: the define entry, one locale imported up front (Japanese,
// kept by the bundler only if the package names it a side effect), and the
// others on demand, after the element is defined. The endpoint comes from the
// query string (the fake Cognito's port changes from run to run). The events
// are caught on the document, where they bubble to.
import "cognito-confirm/element/define";
import "cognito-confirm/element/locales/ja";

const q = new URLSearchParams(location.search);
document.querySelector("cognito-sign-up").setAttribute("endpoint", q.get("endpoint"));

const TYPES = ["cognito-signed-up", "cognito-code-sent", "cognito-confirmed", "cognito-signed-in", "cognito-error"];
window.cognitoEvents = [];
for (const type of TYPES) {
  document.addEventListener(type, (event) => {
    const detail = JSON.parse(JSON.stringify(event.detail, (k, v) => (v instanceof Error ? { name: v.name, ...v } : v)));
    window.cognitoEvents.push({ type, detail, bubbles: event.bubbles, composed: event.composed, target: event.target.localName });
  });
}

window.locales = {
  de: () => import("cognito-confirm/element/locales/de"),
  fr: () => import("cognito-confirm/element/locales/fr"),
  es: () => import("cognito-confirm/element/locales/es"),
};
