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
// The keys are stable: locale modules and pages rely on them. Add, never
// rename; a key a table has and the element does not use is ignored.

/** The English texts: every key the element uses. */
export const en = {
  // Headings of the three steps (focus moves to them).
  signUpHeading: "Create your account",
  confirmHeading: "Confirm your account",
  doneHeading: "Your account is confirmed",

  // Field labels. `label_<attribute>` for a user attribute (`user-attributes`);
  // an attribute without a label here is labelled with its own name (give it
  // one with the element's `strings`: { "label_custom:team": "Team" }).
  label_username: "Username",
  label_password: "Password",
  label_code: "Confirmation code",
  label_email: "Email",
  label_phone_number: "Phone number with country code",

  // Buttons and links.
  signUpButton: "Create account",
  confirmButton: "Confirm",
  resendButton: "Send a new code",
  haveCodeLink: "I already have a code",

  // Busy states, announced while a call runs.
  signingUp: "Creating your account…",
  confirming: "Confirming your account…",
  sending: "Sending a new code…",
  signingIn: "Signing you in…",

  // The confirm step. (destination): Cognito's masked address or number, such as "a***@e***".
  codeSentTo: (destination) => `We sent a code to ${destination}.`,
  newCodeSentTo: (destination) => `We sent a new code to ${destination}. Older codes no longer work.`,
  newCodeSent: "We sent you a new code. Older codes no longer work.",
  confirmIntro: "Enter your username and the code we sent you.",
  /** (username): the returning user's username. */
  confirmIntroFor: (username) => `Enter the code we sent you for ${username}.`,
  /** (time): the seconds left, formatted ("45 seconds"). Shown, not announced at every tick. */
  resendIn: (time) => `New code possible in ${time}.`,
  resendAvailable: "You can ask for a new code now.",

  // The done step. (username): the user's username.
  signedIn: (username) => `You are signed in as ${username}.`,
  signInNow: "Sign in with your username and password.",

  // Checks before anything is sent. (label): the field's label, as above.
  required: (label) => `Enter your ${label.toLowerCase()}.`,
  emailFormat: "Enter an email address like name@example.com.",
  phoneFormat: "Enter the number with its country code.",
  /** (length): the code's number of digits, formatted. */
  codeFormat: (length) => `The code has ${length} digits.`,

  // A call's error, by its `name` (README: "tell the user"): the key is the
  // name, or a group: TooManyAttempts (TooManyFailedAttempts, LimitExceeded,
  // TooManyRequests), LambdaRefused (the three Lambda errors), Offline
  // (NetworkError, TimeoutError), Unexpected (any other: "try again later";
  // also the email/SMS role errors, a pool set-up the user cannot fix).
  // FeatureUnavailableInTier and
  // UnsupportedOperation (autoSignIn unavailable) end at signInNow.
  CodeMismatchException: "That code isn't right. Check our latest message.",
  ExpiredCodeException: "That code expired or was used. Ask for a new one, or sign in if you confirmed.",
  // (At sign-up, NotAuthorizedException is the app client's set-up: the element says Unexpected.)
  NotAuthorizedException: "This account can't be confirmed. If you did so already, sign in.",
  TooManyAttempts: "Too many attempts. Wait a few minutes.",
  UserNotFoundException: "No account has that username. Check it, or sign up.",
  UsernameExistsException: "That username is taken. Choose another, or sign in.",
  InvalidPasswordException: "That password is too weak. Choose a stronger one.",
  AliasExistsException: "That email or phone number belongs to another account.",
  CodeDeliveryFailureException: "We couldn't send a code there. Check the address.",
  LambdaRefused: "This site's checks refused the sign-up.",
  Offline: "We couldn't reach the server. Check your connection and try again.",
  Unexpected: "Something went wrong on our side. Try again later.",
  // ValidationError, by the field it names.
  invalidUsername: "At most 128 characters, no spaces.",
  invalidPassword: "At most 256 characters, no space at the start or end.",
  invalidCode: "Enter the code exactly as you received it.",
  /** (label): the attribute's label. */
  invalidAttribute: (label) => `Check your ${label.toLowerCase()}.`,
};

const tables = { __proto__: null, en };
const listeners = new Set();

/**
 * Adds `strings` (any subset of the keys of {@link en}) for `lang`, a BCP 47
 * tag such as `de` or `de-AT`, merged over what that language had. Every
 * connected element shows them at once.
 */
export function register(lang, strings) {
  lang = lang.toLowerCase();
  tables[lang] = { ...tables[lang], ...strings };
  listeners.forEach((f) => f());
}

/** Calls `listener` after each {@link register}; returns the function that stops it. */
export const onRegister = (listener) => (listeners.add(listener), () => listeners.delete(listener));

/** The tables for `lang`, most specific first, ending with English: `de-AT` → [de-at, de, en]. */
export function chain(lang) {
  const parts = lang.toLowerCase().split("-");
  return [...parts.map((_, n) => tables[parts.slice(0, parts.length - n).join("-")]).filter(Boolean), en];
}
