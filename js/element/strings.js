// Every text the <cognito-sign-up> element shows, in English, and the
// registry through which a locale module adds its language.
//
// A table maps a key to a string, or to a function of values the element has
// already formatted with Intl for the element's language (a number of
// seconds, a code length) or taken from Cognito (a masked destination). A
// locale module gives any subset of the keys: a key it leaves out falls back
// to the next language of the chain (`de-AT` → `de` → `en`), so English is the
// floor. A page overrides single texts per element with its `strings`
// property, which wins over every table.
//
//   import { register } from "cognito-confirm/element/strings";  // or "../strings.js" from a locale module
//   register("de", { signUpHeading: "Konto anlegen", resendIn: (time) => `Neuer Code in ${time}`, … });
//
// `register` takes effect at once: every connected element re-renders its
// texts (the values in the fields stay). Registering the same language again
// merges the new keys over the old ones.
//
// The keys are stable: locale modules and pages rely on them. Add, never rename.

/** The English texts: every key the element uses. */
export const en = {
  // Headings of the three steps (focus moves to them).
  signUpHeading: "Create your account",
  confirmHeading: "Confirm your account",
  doneHeading: "Your account is confirmed",

  // Field labels. `label_<attribute>` for a user attribute (`user-attributes`);
  // an attribute without a label here is labelled with its own name.
  label_username: "Username",
  label_password: "Password",
  label_code: "Confirmation code",
  label_email: "Email",
  label_phone_number: "Phone number",
  label_name: "Full name",
  label_given_name: "First name",
  label_family_name: "Last name",
  label_nickname: "Nickname",
  label_preferred_username: "Preferred username",
  label_birthdate: "Date of birth",

  // Hints under fields.
  passwordHint: "Use a password you don't use anywhere else.",
  /** (length): the code's number of digits, formatted. */
  codeHint: (length) => `The ${length}-digit code from your message.`,
  phoneHint: "With the country code, like +12065550100.",

  // Buttons and links.
  signUpButton: "Create account",
  confirmButton: "Confirm",
  resendButton: "Send a new code",
  haveCodeLink: "I already have a code",
  signUpLink: "I don't have an account yet",

  // Busy states, announced while a call runs.
  signingUp: "Creating your account…",
  confirming: "Confirming your account…",
  sending: "Sending a new code…",
  signingIn: "Signing you in…",

  // The confirm step. (destination): Cognito's masked address or number, such as "a***@e***".
  codeSentTo: (destination) => `We sent a code to ${destination}. Enter it below.`,
  codeSent: "We sent you a code. Enter it below.",
  codeSentSms: (destination) => `We sent a code by text message to ${destination}. Enter it below.`,
  newCodeSentTo: (destination) => `We sent a new code to ${destination}. Codes sent before no longer work.`,
  newCodeSent: "We sent you a new code. Codes sent before no longer work.",
  confirmIntro: "Enter your username and the code we sent you.",
  /** (username): the returning user's username. */
  confirmIntroFor: (username) => `Enter the code we sent you for ${username}.`,
  /** (time): the seconds left, formatted ("45 seconds"). Shown, not announced at every tick. */
  resendIn: (time) => `You can ask for a new code in ${time}.`,
  resendAvailable: "You can ask for a new code now.",
  maybeCreated: "Your account may have been created a moment ago. Enter the code we sent you, or ask for a new one.",

  // The done step. (username): the user's username.
  signedIn: (username) => `You are signed in as ${username}.`,
  signInNow: "You can now sign in with your username and password.",
  signInChallenge: "Sign in to finish: your account asks for one more step.",

  // Checks before anything is sent. (label): the field's label, as above.
  required: (label) => `Enter your ${label.toLowerCase()}.`,
  requiredCode: "Enter the code we sent you.",
  emailFormat: "Enter an email address like name@example.com.",
  phoneFormat: "Enter the phone number with its country code, like +12065550100.",
  /** (length): the code's number of digits, formatted. */
  codeFormat: (length) => `The code has ${length} digits.`,

  // A call's error, by its `name` (README: "tell the user"). Keys are the names.
  CodeMismatchException: "That code isn't right. Check the most recent code we sent you.",
  ExpiredCodeException: "That code has expired or was already used. Ask for a new code. If you confirmed your account already, sign in.",
  NotAuthorizedException: "This account can't be confirmed now. If you confirmed it already, sign in.",
  TooManyAttempts: "Too many attempts. Wait a few minutes, then try again.",
  UserNotFoundException: "There is no account with that username. Check it, or create an account.",
  UsernameExistsException: "That username is taken. Choose another, or sign in if it is yours.",
  InvalidPasswordException: "That password doesn't meet this site's rules. Choose a longer one with upper and lower case letters, numbers and symbols.",
  LambdaRefused: "This site's checks refused the sign-up. Check your entries or contact support.",
  DeliverySetup: "We couldn't send the code. Try again later.",
  AutoSignInUnavailable: "You can now sign in with your username and password.",
  AliasExistsException: "That email address or phone number belongs to another account.",
  CodeDeliveryFailureException: "We couldn't send a code there. Check the address and try again.",
  InvalidParameterException: "Something in your entries was not accepted. Check them and try again.",
  Offline: "We couldn't reach the server. Check your connection and try again.",
  Unexpected: "Something went wrong on our side. Try again later.",
  // ValidationError, by the field it names.
  invalidUsername: "A username has at most 128 characters and no spaces.",
  invalidPassword: "That password isn't accepted: it is too long, or starts or ends with a space.",
  invalidCode: "Enter the code exactly as you received it.",
  /** (label): the attribute's label. */
  invalidAttribute: (label) => `Check your ${label.toLowerCase()}: it is too long or has characters that aren't accepted.`,
};

const tables = { __proto__: null, en };
const listeners = new Set();

/**
 * Adds `strings` (any subset of the keys of {@link en}) for `lang`, a BCP 47
 * tag such as `de` or `de-AT`, merged over what that language had. Every
 * connected element shows them at once.
 */
export function register(lang, strings) {
  const key = String(lang).toLowerCase();
  tables[key] = { ...tables[key], ...strings };
  for (const listener of listeners) listener();
}

/** Calls `listener` after each {@link register}; returns the function that stops it. */
export function onRegister(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The tables for `lang`, most specific first, ending with English: `de-AT` → [de-at, de, en]. */
export function chain(lang) {
  const found = [];
  const parts = String(lang || "en")
    .toLowerCase()
    .split("-");
  for (let n = parts.length; n > 0; n--) {
    const table = tables[parts.slice(0, n).join("-")];
    if (table && table != en) found.push(table);
  }
  found.push(en);
  return found;
}
