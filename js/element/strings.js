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

  // Hints under fields.
  passwordHint: "One you use nowhere else.",
  /** (length): the code's number of digits, formatted. */
  codeHint: (length) => `${length} digits, from our message.`,
  phoneHint: "With the country code: +12065550100",

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
  codeSentTo: (destination) => `We sent a code to ${destination}.`,
  codeSent: "We sent you a code.",
  codeSentSms: (destination) => `We texted a code to ${destination}.`,
  newCodeSentTo: (destination) => `We sent a new code to ${destination}. Older codes no longer work.`,
  newCodeSent: "We sent you a new code. Older codes no longer work.",
  confirmIntro: "Enter your username and the code we sent you.",
  /** (username): the returning user's username. */
  confirmIntroFor: (username) => `Enter the code we sent you for ${username}.`,
  /** (time): the seconds left, formatted ("45 seconds"). Shown, not announced at every tick. */
  resendIn: (time) => `New code possible in ${time}.`,
  resendAvailable: "You can ask for a new code now.",
  maybeCreated: "Your account may exist already: enter the code we sent you.",

  // The done step. (username): the user's username.
  signedIn: (username) => `You are signed in as ${username}.`,
  signInNow: "Sign in with your username and password.",
  signInChallenge: "Sign in to finish: one more step is needed.",

  // Checks before anything is sent. (label): the field's label, as above.
  required: (label) => `Enter your ${label.toLowerCase()}.`,
  requiredCode: "Enter the code we sent you.",
  emailFormat: "Enter an email address like name@example.com.",
  phoneFormat: "Enter the number with its country code, like +12065550100.",
  /** (length): the code's number of digits, formatted. */
  codeFormat: (length) => `The code has ${length} digits.`,

  // A call's error, by its `name` (README: "tell the user"). Keys are the names.
  CodeMismatchException: "That code isn't right. Check our latest message.",
  ExpiredCodeException: "That code expired or was used. Ask for a new one, or sign in if you confirmed already.",
  NotAuthorizedException: "This account can't be confirmed now. If you confirmed it already, sign in.",
  TooManyAttempts: "Too many attempts. Wait a few minutes.",
  UserNotFoundException: "No account has that username. Check it, or sign up.",
  UsernameExistsException: "That username is taken. Choose another, or sign in.",
  InvalidPasswordException: "That password is too weak. Choose a longer one with upper and lower case, numbers and symbols.",
  LambdaRefused: "This site's checks refused the sign-up.",
  DeliverySetup: "We couldn't send the code. Try again later.",
  AutoSignInUnavailable: "Sign in with your username and password.",
  AliasExistsException: "That email or phone number belongs to another account.",
  CodeDeliveryFailureException: "We couldn't send a code there. Check the address.",
  InvalidParameterException: "Something you entered was refused. Check it and try again.",
  Offline: "We couldn't reach the server. Check your connection and try again.",
  Unexpected: "Something went wrong on our side. Try again later.",
  // ValidationError, by the field it names.
  invalidUsername: "At most 128 characters, no spaces.",
  invalidPassword: "At most 256 characters, no space at the start or end.",
  invalidCode: "Enter the code exactly as you received it.",
  /** (label): the attribute's label. */
  invalidAttribute: (label) => `Check your ${label.toLowerCase()}: too long, or characters that are refused.`,
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
