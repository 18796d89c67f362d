// A page with no bundler: the package's own index.js, imported by its path as
// a browser would load it from a CDN or a copied node_modules folder. Given a
// username in the query string, it asks for a code and confirms with it (two
// calls, one module load) and shows what happened in #out; `window.flow`
// runs the same for the tests, against any endpoint, and `window.cognito`
// is the package.
import * as cognito from "./pkg/index.js";

const { confirmSignUp, resendSignUpCode } = cognito;
window.cognito = cognito;

window.pageErrors = [];
addEventListener("error", (e) => window.pageErrors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => window.pageErrors.push(String(e.reason)));

const q = new URLSearchParams(location.search);

async function flow(username, endpoint) {
  const config = { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint };
  const sent = await resendSignUpCode({ username }, config);
  const control = new URL(`__control/user?username=${encodeURIComponent(username)}`, endpoint);
  const { code } = await fetch(control).then((r) => r.json());
  const result = await confirmSignUp({ username, confirmationCode: code }, config);
  return { sent, result };
}

const described = (e) => ({ name: e?.name, message: String(e?.message), cause: e?.cause && { name: e.cause.name, message: String(e.cause.message) } });

/** Resolves to `{ ok: true, sent, result }` or `{ ok: false, name, message, cause }`; never rejects. */
window.flow = (username, endpoint = q.get("endpoint")) =>
  flow(username, endpoint).then(
    (done) => ({ ok: true, ...done }),
    (e) => ({ ok: false, ...described(e) }),
  );

if (q.get("username")) window.flow(q.get("username")).then((outcome) => (document.getElementById("out").textContent = JSON.stringify(outcome)));
