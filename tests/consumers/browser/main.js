// The page every bundler fixture builds: it confirms the user named in the
// query string against the endpoint named there, twice over (the second call
// must not load the module again), and shows what happened.
import { confirmSignUp, resendSignUpCode } from "cognito-confirm";

const q = new URLSearchParams(location.search);
const config = { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: q.get("endpoint") };
const out = document.getElementById("out");

async function main() {
  const sent = await resendSignUpCode({ username: q.get("username") }, config);
  const code = await fetch(`${q.get("endpoint")}__control/user?username=${encodeURIComponent(q.get("username"))}`)
    .then((r) => r.json())
    .then((u) => u.code);
  const result = await confirmSignUp({ username: q.get("username"), confirmationCode: code }, config);
  return { ok: true, result, sent };
}

const settle = () =>
  main().then(
    (outcome) => JSON.stringify(outcome),
    (e) => JSON.stringify({ ok: false, name: e.name, message: e.message }),
  );
settle().then((text) => (out.textContent = text));
// For the test that makes the first load fail: runs the same calls again.
window.again = settle;
