// The demo page: sign up, confirm, sign in, with the package doing every call
// to Cognito and the backend keeping the client secret.
//
// One step at a time: sign-up, then confirm (or "I already have a code"),
// then done. Errors sit next to the field they are about, which is marked
// (aria-invalid, aria-describedby) and focused; errors about no field go to
// the form's alert. Busy states never disable the focused control (focus would
// fall to <body>): buttons get aria-disabled and a second press is ignored.
// The username (never the password or code) is kept in session storage, so a
// reload comes back to the confirm step.

import { autoSignIn, confirmSignUp, ready, resendSignUpCode, signUp } from "/pkg/index.js";

const $ = (id) => document.getElementById(id);
// Start loading the WebAssembly module now; the first call would wait for it otherwise.
ready();
const settings = fetch("/config.json").then((r) => r.json());
const RESEND_COOLDOWN_S = 30; // Cognito limits how often a code can be sent.
const SAVED = "cognito-confirm-demo"; // session storage: { step, username, destination }

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

/** The package's config: the pool and app client, and the backend for the SecretHash when the client has a secret. */
async function cognitoConfig() {
  const { userPoolId, clientId, endpoint, secretHash } = await settings;
  return { userPoolId, clientId, endpoint, ...(secretHash && { secretHash: secretHashFromBackend }) };
}

// --- Steps --------------------------------------------------------------------------------------

const steps = ["signup-step", "confirm-step", "done-step"];
let signUpSession; // from signUp, for confirmSignUp: kept in memory only

function show(step, focusId) {
  for (const id of steps) $(id).hidden = id !== step;
  if (focusId) $(focusId).focus();
}

let saved = null; // what session storage holds

function save(state) {
  saved = state;
  try {
    if (state) sessionStorage.setItem(SAVED, JSON.stringify(state));
    else sessionStorage.removeItem(SAVED);
  } catch {
    // Storage can be off; the page works without it.
  }
}

function toConfirm({ username, destination, focus = "confirm-title" }) {
  $("cf-username").value = username ?? "";
  $("confirm-intro").textContent = destination
    ? `We sent a confirmation code to ${destination}. Enter it below.`
    : "Enter the username you signed up with and the code from the email we sent you.";
  save({ step: "confirm", username, destination });
  show("confirm-step", focus);
}

// --- Errors next to their fields -----------------------------------------------------------------

function clearErrors(form) {
  for (const input of form.querySelectorAll("input")) {
    input.removeAttribute("aria-invalid");
    setDescribedBy(input, false);
    $(`${input.id}-error`).textContent = "";
  }
  form.querySelector(".form-error").textContent = "";
}

function setDescribedBy(input, withError) {
  const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== `${input.id}-error`);
  if (withError) ids.push(`${input.id}-error`);
  if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
  else input.removeAttribute("aria-describedby");
}

/** Shows `errors` ([fieldId, sentence] pairs; fieldId null for the form) and focuses the first. */
function showErrors(form, errors) {
  let first;
  for (const [fieldId, sentence] of errors) {
    if (fieldId) {
      const input = $(fieldId);
      input.setAttribute("aria-invalid", "true");
      $(`${fieldId}-error`).textContent = sentence;
      setDescribedBy(input, true);
      first ??= input;
    } else {
      const alert = form.querySelector(".form-error");
      alert.textContent = sentence;
      first ??= alert;
    }
  }
  first?.focus();
}

/** What to tell the user when a call fails in a way no field explains. */
function generalSentence(err) {
  switch (err.name) {
    case "TooManyFailedAttemptsException":
    case "LimitExceededException":
    case "TooManyRequestsException":
      return "Too many attempts. Wait a few minutes before you try again.";
    case "NetworkError":
      return "We couldn't reach the server. Check your internet connection and try again.";
    case "TimeoutError":
      return "The server took too long to answer. Try again in a moment.";
    case "AliasExistsException":
      return "Another account already uses this email address.";
    default:
      // SecretHashError, LoadError, UnknownError, PanicError, other Cognito names:
      // nothing the user can fix. Log the name for us; never show service text.
      console.warn("cognito-confirm:", err.name, err.status ?? "", err.requestId ?? "");
      return "Something went wrong on our side. Try again later.";
  }
}

const USERNAME_RULES = {
  required: "Enter your username.",
  length: "A username has at most 128 characters.",
  characters: "A username has no spaces or control characters.",
};

/** [fieldId, sentence] for a failed confirmSignUp or resendSignUpCode. */
function confirmError(err) {
  switch (err.name) {
    case "CodeMismatchException":
      return ["cf-code", "That code isn't right. Check the most recent code we sent you and try again."];
    case "ExpiredCodeException":
      return ["cf-code", "That code has expired or was already used. Ask for a new code below; if you confirmed your account already, sign in."];
    case "UserNotFoundException":
      return ["cf-username", "We couldn't find an account with that username. Check it, or sign up first."];
    case "CodeDeliveryFailureException":
      return [null, "We couldn't send a code to your address. Try again later."];
    case "InvalidParameterException":
      return [null, "That account can't be confirmed with a code. If you confirmed it already, sign in."];
    case "NotAuthorizedException":
      return [null, "This account can't be confirmed right now. Contact support if this keeps happening."];
    case "ValidationError":
      if (err.field === "username") return ["cf-username", USERNAME_RULES[err.rule] ?? "Check your username."];
      if (err.field === "confirmationCode") {
        return ["cf-code", err.rule === "length" ? "That code is too long: enter the code from your email." : "Enter the code exactly as you received it."];
      }
      return [null, generalSentence(err)];
    default:
      return [null, generalSentence(err)];
  }
}

/** [fieldId, sentence] for a failed signUp. */
function signUpError(err) {
  switch (err.name) {
    case "UsernameExistsException":
      return ["su-username", "That username is taken. If it is yours, confirm it with \"I already have a code\"."];
    case "InvalidPasswordException":
      return ["su-password", "That password is too weak. Use at least 8 characters with upper and lower case letters, a number and a symbol."];
    case "CodeDeliveryFailureException":
      return ["su-email", "We couldn't send a code to that address. Check it and try again."];
    case "InvalidParameterException":
      return [null, "Something in your entries was not accepted. Check them and try again."];
    case "ValidationError":
      if (err.field === "username") return ["su-username", USERNAME_RULES[err.rule] ?? "Check your username."];
      if (err.field === "password") {
        return ["su-password", err.rule === "length" ? "A password has at most 256 characters." : "Choose another password: this one has characters that are not accepted."];
      }
      if (err.field?.startsWith("userAttributes")) return ["su-email", "Check your email address: it is too long or has characters that are not accepted."];
      return [null, generalSentence(err)];
    default:
      return [null, generalSentence(err)];
  }
}

// --- Busy states -----------------------------------------------------------------------------------

/** Marks `form` busy (its status outside it, so that it is announced) without moving focus. */
function setBusy(form, statusEl, text) {
  const busy = !!text;
  form.setAttribute("aria-busy", String(busy));
  for (const el of form.elements) {
    if (el.tagName === "BUTTON") el.setAttribute("aria-disabled", String(busy));
    else el.readOnly = busy;
  }
  statusEl.textContent = text ?? "";
}
const isBusy = (form) => form.getAttribute("aria-busy") === "true";

// --- Sign up -------------------------------------------------------------------------------------

$("signup-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  if (isBusy(form)) return;
  clearErrors(form);
  const username = $("su-username").value.trim();
  const email = $("su-email").value.trim();
  const password = $("su-password").value;
  const missing = [];
  if (!username) missing.push(["su-username", "Enter a username."]);
  if (!email) missing.push(["su-email", "Enter your email address."]);
  else if ($("su-email").validity.typeMismatch) missing.push(["su-email", "Enter an email address like name@example.com."]);
  if (!password) missing.push(["su-password", "Enter a password."]);
  if (missing.length) return showErrors(form, missing);

  setBusy(form, $("signup-status"), "Creating your account…");
  let result;
  try {
    result = await signUp({ username, password, userAttributes: { email } }, await cognitoConfig());
  } catch (err) {
    setBusy(form, $("signup-status"));
    return showErrors(form, [signUpError(err)]);
  }
  setBusy(form, $("signup-status"));
  $("su-password").value = "";
  signUpSession = result.session;
  if (result.nextStep.signUpStep === "CONFIRM_SIGN_UP") {
    return toConfirm({ username, destination: result.nextStep.codeDeliveryDetails?.destination ?? email });
  }
  // The pool confirmed the user itself: sign in if Cognito says so, else offer to.
  return finish(username, result.nextStep.signUpStep === "COMPLETE_AUTO_SIGN_IN" ? result.session : undefined);
});

// --- Confirm -------------------------------------------------------------------------------------

$("confirm-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  if (isBusy(form)) return;
  clearErrors(form);
  const username = $("cf-username").value.trim();
  // People paste codes with spaces in them ("123 456"): remove every space.
  const confirmationCode = $("cf-code").value.replace(/\s+/g, "");
  $("cf-code").value = confirmationCode;
  const missing = [];
  if (!username) missing.push(["cf-username", "Enter your username."]);
  if (!confirmationCode) missing.push(["cf-code", "Enter the code from your email."]);
  if (missing.length) return showErrors(form, missing);

  save({ ...saved, username });
  setBusy(form, $("confirm-status"), "Confirming your account…");
  let result;
  try {
    result = await confirmSignUp(
      { username, confirmationCode, ...(signUpSession && { session: signUpSession }), clientMetadata: { source: "demo" } },
      await cognitoConfig(),
    );
  } catch (err) {
    setBusy(form, $("confirm-status"));
    if (err.name === "NotAuthorizedException" && /CONFIRMED/.test(err.message)) {
      return finish(username, undefined, "This account is already confirmed.");
    }
    return showErrors(form, [confirmError(err)]);
  }
  setBusy(form, $("confirm-status"));
  form.reset();
  return finish(username, result.session);
});

// --- Resend, with a busy state and a cooldown ------------------------------------------------------

let cooldownTimer;
$("resend-button").addEventListener("click", async () => {
  const button = $("resend-button");
  const form = $("confirm-form");
  if (button.getAttribute("aria-disabled") === "true") return;
  clearErrors(form);
  const notice = $("resend-notice");
  notice.textContent = "";
  const username = $("cf-username").value.trim();
  if (!username) return showErrors(form, [["cf-username", "Enter your username, then ask for a new code."]]);
  button.setAttribute("aria-disabled", "true");
  $("confirm-status").textContent = "Sending a new code…";
  try {
    const sent = await resendSignUpCode({ username }, await cognitoConfig());
    notice.textContent = `We sent a new code${sent.destination ? ` to ${sent.destination}` : ""}. Codes sent before no longer work.`;
    cooldown(button, RESEND_COOLDOWN_S);
  } catch (err) {
    button.setAttribute("aria-disabled", "false");
    if (err.name === "UnknownError" && err.errorType === "Unsupported") {
      // cognito-local answers ResendConfirmationCode with "CognitoLocal#Unsupported".
      notice.textContent = "The local emulator cannot send new codes (see the demo box below). Your first code still works.";
    } else {
      showErrors(form, [confirmError(err)]);
    }
  } finally {
    $("confirm-status").textContent = "";
  }
});

function cooldown(button, seconds) {
  clearInterval(cooldownTimer);
  let left = seconds;
  const label = () => (button.textContent = left > 0 ? `Send me a new code (in ${left} s)` : "Send me a new code");
  label();
  cooldownTimer = setInterval(() => {
    left -= 1;
    label();
    if (left <= 0) {
      clearInterval(cooldownTimer);
      button.setAttribute("aria-disabled", "false");
    }
  }, 1000);
}

// --- Done: sign in when Cognito gave a session, else offer to --------------------------------------

// In memory only, and never read here: a real app hands them to its session handling.
// eslint-disable-next-line no-unused-vars
let tokens;

async function finish(username, session, heading) {
  save(null);
  signUpSession = undefined;
  $("done-title").textContent = heading ?? "Your account is confirmed";
  $("done-text").textContent = `Welcome, ${username}.`;
  $("signed-in-actions").hidden = true;
  $("signed-out-actions").hidden = true;
  show("done-step", "done-title");
  const text = $("sign-in-text");
  const offerSignIn = (sentence) => {
    text.textContent = sentence;
    $("signed-out-actions").hidden = false;
  };
  if (!session) return offerSignIn("Sign in with your username and password.");
  text.textContent = "Signing you in…";
  try {
    const signedIn = await autoSignIn({ username, session }, await cognitoConfig());
    if (signedIn.isSignedIn) {
      tokens = signedIn.tokens;
      text.textContent = `You are signed in as ${username}.`;
      $("signed-in-actions").hidden = false;
    } else {
      offerSignIn("Sign in to finish: your account asks for one more step.");
    }
  } catch (err) {
    offerSignIn(err.name === "NotAuthorizedException" ? "Sign in with your username and password." : `We couldn't sign you in. ${generalSentence(err)}`);
  }
}

$("sign-out-button").addEventListener("click", () => {
  tokens = undefined;
  $("signed-in-actions").hidden = true;
  $("sign-in-text").textContent = "";
  $("signup-form").reset();
  show("signup-step", "signup-title");
});

// --- Moving between steps --------------------------------------------------------------------------

$("have-code").addEventListener("click", (event) => {
  event.preventDefault();
  const username = $("su-username").value.trim();
  toConfirm({ username, focus: username ? "cf-code" : "cf-username" });
});

$("back-to-sign-up").addEventListener("click", (event) => {
  event.preventDefault();
  save(null);
  show("signup-step", "signup-title");
});

// --- Demo only -------------------------------------------------------------------------------------

$("show-code").addEventListener("click", async () => {
  const username = ($("confirm-step").hidden ? $("su-username") : $("cf-username")).value.trim();
  const out = $("demo-code");
  if (!username) {
    out.textContent = "Enter your username first.";
    return;
  }
  const res = await fetch("/api/demo/code", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username }),
  }).catch(() => null);
  const { code } = res?.ok ? await res.json() : {};
  out.textContent = code ? `Your code: ${code}` : res?.ok ? "No code is waiting for that username." : "The demo's server did not answer.";
});

// --- Start -----------------------------------------------------------------------------------------

settings.then((s) => {
  $("demo-emulator").hidden = !s.emulator;
  $("demo-pool").hidden = !!s.emulator;
  $("demo-pool-id").textContent = s.userPoolId;
  if (s.signInUrl) $("sign-in-link").href = s.signInUrl;
});

try {
  const restored = JSON.parse(sessionStorage.getItem(SAVED) ?? "null");
  if (restored?.step === "confirm") toConfirm({ username: restored.username, destination: restored.destination, focus: null });
} catch {
  // Nothing saved, or storage is off.
}
