// The demo page: sign up (a few lines of fetch), then confirm with the package.

import { autoSignIn, confirmSignUp, ready, resendSignUpCode } from "/pkg/index.js";

const $ = (id) => document.getElementById(id);
// Start loading the WebAssembly module now; the calls would wait for it anyway.
ready();
const config = fetch("/config.json").then((r) => r.json());

/** The SecretHash comes from our backend, which keeps the client secret. */
async function secretHashFromBackend(username) {
  const res = await fetch("/api/secret-hash", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username }),
  });
  if (!res.ok) throw new Error(`the backend answered ${res.status}`);
  return (await res.json()).secretHash;
}

/** What to tell the user for each way confirmSignUp can fail. */
function sentenceFor(err) {
  switch (err.name) {
    case "CodeMismatchException":
      return "That code isn't right. Check the most recent code we sent you and try again.";
    case "ExpiredCodeException":
      return "That code has expired or was already used. If you confirmed your account already, you can sign in; otherwise ask for a new code.";
    case "NotAuthorizedException":
      return /CONFIRMED/.test(err.message)
        ? "This account is already confirmed. You can sign in."
        : "This account can't be confirmed right now. Contact support if this keeps happening.";
    case "TooManyFailedAttemptsException":
    case "LimitExceededException":
    case "TooManyRequestsException":
      return "Too many attempts. Wait a few minutes before you try again.";
    case "UserNotFoundException":
      return "We couldn't find an account with that username. Check it, or sign up first.";
    case "AliasExistsException":
      return "Another account already uses this email or phone number.";
    case "NetworkError":
      return "We couldn't reach the server. Check your internet connection and try again.";
    case "TimeoutError":
      return "The server took too long to answer. Try again in a moment.";
    case "SecretHashError":
      return "We couldn't prepare your request. Try again in a moment.";
    case "CodeDeliveryFailureException":
      return "We couldn't send a code to your address. Check it, or try again later.";
    case "InvalidParameterException":
      return /already confirmed/i.test(err.message)
        ? "This account is already confirmed. You can sign in."
        : "Something in the request was not accepted. Check your entry and try again.";
    case "ValidationError":
      return err.field === "confirmationCode"
        ? "Enter the code exactly as you received it, without spaces."
        : err.field === "username"
          ? "Enter the username you signed up with."
          : `Please check your entry (${err.message}).`;
    default:
      return "Something went wrong on our side. Try again later.";
  }
}

function setBusy(form, busy, statusEl, text) {
  form.setAttribute("aria-busy", String(busy));
  for (const el of form.elements) el.disabled = busy;
  statusEl.textContent = busy ? text : "";
}

function showError(el, message) {
  el.textContent = message;
  if (message) el.focus();
}

/** Where the package is configured: the page's backend keeps the client secret. */
async function cognitoConfig() {
  const { userPoolId, clientId, endpoint } = await config;
  return { userPoolId, clientId, endpoint, secretHash: secretHashFromBackend };
}

/** After confirming: sign in with the session Cognito returned, where the pool gives one. */
async function signInAfterConfirming(username, result) {
  const text = $("sign-in-text");
  if (!result.session) {
    text.textContent =
      "Sign in with your password. (Cognito returns a sign-in session only to pools that allow sign-in right after sign-up; the local emulator never does.)";
    return;
  }
  text.textContent = "Signing you in…";
  try {
    const signedIn = await autoSignIn({ username, session: result.session }, await cognitoConfig());
    text.textContent = signedIn.isSignedIn
      ? "You are signed in."
      : `One more step to sign in: ${signedIn.nextStep.challengeName}.`;
  } catch (err) {
    text.textContent = `Sign in with your password (${sentenceFor(err)})`;
  }
}

$("resend-button").addEventListener("click", async () => {
  const username = $("cf-username").value.trim();
  const notice = $("resend-notice");
  showError($("confirm-error"), "");
  notice.textContent = "";
  if (!username) {
    showError($("confirm-error"), "Enter your username first.");
    return;
  }
  $("resend-button").disabled = true;
  try {
    const sent = await resendSignUpCode({ username }, await cognitoConfig());
    notice.textContent = `We sent a new code${sent.destination ? ` to ${sent.destination}` : ""}. Codes sent before no longer work.`;
  } catch (err) {
    if (err.name === "UnknownError" && err.errorType === "Unsupported") {
      // cognito-local answers ResendConfirmationCode with "CognitoLocal#Unsupported".
      notice.textContent =
        "The local emulator cannot send new codes. Against Amazon Cognito this button sends one; here, your first code still works.";
    } else {
      showError($("confirm-error"), sentenceFor(err));
    }
  } finally {
    $("resend-button").disabled = false;
  }
});

$("confirm-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const username = $("cf-username").value.trim();
  // People paste codes with spaces around them; inside a code they are a typo.
  const confirmationCode = $("cf-code").value.trim();
  showError($("confirm-error"), "");
  setBusy(form, true, $("confirm-status"), "Confirming your account…");
  try {
    const result = await confirmSignUp(
      { username, confirmationCode, clientMetadata: { source: "demo" } },
      await cognitoConfig(),
    );
    $("signup-step").hidden = true;
    $("confirm-step").hidden = true;
    $("done-text").textContent = `Welcome, ${username}.`;
    $("done-step").hidden = false;
    $("done-title").focus();
    await signInAfterConfirming(username, result);
  } catch (err) {
    setBusy(form, false, $("confirm-status"));
    showError($("confirm-error"), sentenceFor(err));
  }
});

$("signup-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const username = $("su-username").value.trim();
  const email = $("su-email").value.trim();
  const password = $("su-password").value;
  showError($("signup-error"), "");
  if (!username || !email || !password) {
    showError($("signup-error"), "Fill in your username, email and password.");
    return;
  }
  setBusy(form, true, $("signup-status"), "Creating your account…");
  try {
    const { clientId, endpoint } = await config;
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.SignUp" },
      body: JSON.stringify({
        ClientId: clientId,
        SecretHash: await secretHashFromBackend(username),
        Username: username,
        Password: password,
        UserAttributes: [{ Name: "email", Value: email }],
      }),
    });
    const body = await res.json();
    if (body.__type) throw Object.assign(new Error(body.message), { name: body.__type.split("#").pop() });
    setBusy(form, false, $("signup-status"));
    form.hidden = true;
    $("signup-done").textContent = `Account created for ${username}.`;
    $("signup-done").hidden = false;
    $("cf-username").value = username;
    $("confirm-intro").textContent = `We sent a confirmation code to ${body.CodeDeliveryDetails?.Destination ?? email}. Enter it below.`;
    $("confirm-title").focus();
  } catch (err) {
    setBusy(form, false, $("signup-status"));
    const sentence =
      err.name === "UsernameExistsException"
        ? "That username is taken. If it is yours, enter your code below."
        : err.name === "InvalidPasswordException"
          ? "That password is too weak. Use at least 8 characters with upper and lower case letters, a number and a symbol."
          : err instanceof TypeError
            ? "We couldn't reach the server. Check your internet connection and try again."
            : `Sign-up failed: ${err.message}`;
    showError($("signup-error"), sentence);
  }
});

$("have-code").addEventListener("click", (event) => {
  event.preventDefault();
  $("cf-username").value ||= $("su-username").value.trim();
  $("cf-username").focus();
});

$("show-code").addEventListener("click", async () => {
  const username = $("cf-username").value.trim();
  const { code } = await fetch(`/api/demo/code?username=${encodeURIComponent(username)}`).then((r) => r.json());
  $("demo-code").textContent = code ? `Your code: ${code}` : "No pending code for that username.";
});
