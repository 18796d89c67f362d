// Types of `cognito-confirm/element/strings`: the texts of <cognito-sign-up>
// and the registry that the locale modules (and a page's own languages) use.

/**
 * Every text the element shows, by key. A text that takes values is a function of strings the
 * element has already formatted for the element's language (numbers and times through `Intl`) or
 * taken from Cognito (a masked destination). The keys are stable: new ones are added, none renamed.
 */
export interface CognitoSignUpStrings {
  /** The sign-up step's heading (focus moves to it). */
  signUpHeading: string;
  /** The confirm step's heading. */
  confirmHeading: string;
  /** The done step's heading. */
  doneHeading: string;

  label_username: string;
  label_password: string;
  label_code: string;
  label_email: string;
  label_phone_number: string;
  /** The label of any other user attribute of `user-attributes`, such as `label_custom:team`; without one, the attribute's name is shown. */
  [label: `label_${string}`]: string;

  signUpButton: string;
  confirmButton: string;
  resendButton: string;
  haveCodeLink: string;

  /** Busy states, announced while a call runs. */
  signingUp: string;
  confirming: string;
  sending: string;
  signingIn: string;

  /** `destination`: Cognito's masked address, such as `a***@e***`. */
  codeSentTo: (destination: string) => string;
  newCodeSentTo: (destination: string) => string;
  newCodeSent: string;
  confirmIntro: string;
  /** `username`: the returning user's username. */
  confirmIntroFor: (username: string) => string;
  /** `time`: the seconds left, formatted ("45 seconds"). Shown, not announced at every tick. */
  resendIn: (time: string) => string;
  resendAvailable: string;

  /** `username`: the user's username. */
  signedIn: (username: string) => string;
  signInNow: string;

  /** `label`: the field's label. */
  required: (label: string) => string;
  emailFormat: string;
  phoneFormat: string;
  /** `length`: the code's number of digits, formatted. */
  codeFormat: (length: string) => string;

  /** Errors by the call's error `name` (README: "tell the user"); several names share a sentence. */
  CodeMismatchException: string;
  ExpiredCodeException: string;
  NotAuthorizedException: string;
  /** `TooManyFailedAttemptsException`, `LimitExceededException`, `TooManyRequestsException`. */
  TooManyAttempts: string;
  UserNotFoundException: string;
  UsernameExistsException: string;
  InvalidPasswordException: string;
  /** `UserLambdaValidationException`, `InvalidLambdaResponseException`, `UnexpectedLambdaException`. */
  LambdaRefused: string;
  AliasExistsException: string;
  CodeDeliveryFailureException: string;
  /** `NetworkError`, `TimeoutError`. */
  Offline: string;
  /** Every other error (the pool's email or SMS role errors, `SecretHashError`, `UnknownError`, …): "try again later". */
  Unexpected: string;
  /** A `ValidationError` about the username. */
  invalidUsername: string;
  /** A `ValidationError` about the password. */
  invalidPassword: string;
  /** A `ValidationError` about the code. */
  invalidCode: string;
  /** A `ValidationError` about a user attribute; `label`: its label. */
  invalidAttribute: (label: string) => string;
}

/**
 * Texts that a page (`strings`) or a language (`register`) gives: any subset of the keys. A text
 * that takes values may also be a plain string.
 */
export type CognitoSignUpStringOverrides = {
  [K in keyof CognitoSignUpStrings]?: CognitoSignUpStrings[K] | string;
};

/** The English texts: every key the element uses. */
export declare const en: CognitoSignUpStrings;

/**
 * Adds `strings` for `lang`, a BCP 47 tag such as `de` or `de-AT` (the element falls back
 * `de-AT` → `de` → `en`), merged over what that language had. Every element on the page shows
 * them at once.
 */
export declare function register(lang: string, strings: CognitoSignUpStringOverrides): void;

/** Calls `listener` after each {@link register}; returns the function that stops it. */
export declare function onRegister(listener: () => void): () => boolean;

/** The tables for `lang`, most specific first, ending with English: `de-AT` → de-AT's, de's, en. */
export declare function chain(lang: string): CognitoSignUpStringOverrides[];
