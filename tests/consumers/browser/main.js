// The page every bundler fixture builds: the whole flow for the user named in
// the query string against the endpoint named there (signUp, a new code,
// confirmSignUp with the session, autoSignIn), with a buildRequest preview
// compared to what was sent. The module must load once for all of it.
import { autoSignIn, buildRequest, confirmSignUp, resendSignUpCode, signUp } from "cognito-confirm";

const q = new URLSearchParams(location.search);
const config = { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint: q.get("endpoint") };
const out = document.getElementById("out");
const control = (path) => fetch(`${q.get("endpoint")}__control/${path}`).then((r) => r.json());

async function main() {
  const username = q.get("username");
  const input = { username, password: "Corr3ct-Horse!", userAttributes: { email: `${username}@example.com` } };
  const preview = await buildRequest("signUp", input, config);
  const signedUp = await signUp(input, config);
  const [seen] = await control(`requests?username=${encodeURIComponent(username)}`);
  const sent = await resendSignUpCode({ username }, config);
  const { code } = await control(`user?username=${encodeURIComponent(username)}`);
  const result = await confirmSignUp({ username, confirmationCode: code, session: signedUp.session }, config);
  const signedIn = await autoSignIn({ username, session: result.session }, config);
  return {
    ok: true,
    signUpStep: signedUp.nextStep.signUpStep,
    previewMatches: JSON.stringify(seen.body) === preview.body,
    result,
    sent,
    signedIn: signedIn.isSignedIn,
  };
}

const settle = () =>
  main().then(
    (outcome) => JSON.stringify(outcome),
    (e) => JSON.stringify({ ok: false, name: e.name, message: e.message }),
  );
settle().then((text) => (out.textContent = text));
// For the test that makes the first load fail: runs the same calls again.
window.again = settle;
