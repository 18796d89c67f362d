// Types of `cognito-confirm/element`: the <cognito-sign-up> element, its
// events, and the declarations that make `document.createElement`,
// `querySelector`, `addEventListener` and React 19's JSX know it.
import type { AuthTokens, CodeDeliveryDetails, CognitoConfig, ConfirmSignUpError, ConfirmSignUpResult, SignUpResult } from "../index.js";
import type { CognitoSignUpStringOverrides } from "./strings.js";

export type { CognitoSignUpStringOverrides, CognitoSignUpStrings } from "./strings.js";

/** The element's steps, shown one at a time (`data-step`). */
export type CognitoSignUpStep = "sign-up" | "confirm" | "done";

/**
 * `cognito-signed-up`: Cognito created the user (the `signUp` result, without its session). After a
 * lost answer that the retry recovered (`UsernameExistsException` with `earlierAttemptMayHaveSucceeded`),
 * only `nextStep`: the answer with the user's id was lost.
 */
export type CognitoSignedUpDetail =
  | Omit<SignUpResult, "session">
  | { nextStep: { signUpStep: "CONFIRM_SIGN_UP" }; isSignUpComplete?: undefined; userId?: undefined };
/** `cognito-code-sent`: a code went out, after sign-up or a resend; `destination` is masked by Cognito. */
export type CognitoCodeSentDetail = CodeDeliveryDetails;
/** `cognito-confirmed`: the code was right (the `confirmSignUp` result, without its session), for `username`. */
export type CognitoConfirmedDetail = Omit<ConfirmSignUpResult, "session"> & { username: string };
/** `cognito-signed-in`: the user is signed in. Storing the tokens is the page's job. */
export interface CognitoSignedInDetail {
  tokens: AuthTokens;
}
/** `cognito-error`: a call failed; `step` is where (`done`: the sign-in after confirming). The form already shows the sentence for it. */
export interface CognitoErrorDetail {
  error: ConfirmSignUpError;
  step: CognitoSignUpStep;
}

/** The element's events: all bubble and are composed; fired by the user's actions and Cognito's answers only, never by a property the page sets. */
export interface CognitoSignUpEventMap {
  "cognito-signed-up": CustomEvent<CognitoSignedUpDetail>;
  "cognito-code-sent": CustomEvent<CognitoCodeSentDetail>;
  "cognito-confirmed": CustomEvent<CognitoConfirmedDetail>;
  "cognito-signed-in": CustomEvent<CognitoSignedInDetail>;
  "cognito-error": CustomEvent<CognitoErrorDetail>;
}

/**
 * `<cognito-sign-up>`: the sign-up and confirmation form. Each attribute is also a property: a
 * string property is `null` while its attribute is absent, and setting `null` removes it.
 */
export declare class CognitoSignUpElement extends HTMLElement {
  /** Defines the element as `tag` (default `cognito-sign-up`); nothing happens when the tag is defined already. Returns the class. */
  static define(tag?: string): typeof CognitoSignUpElement;
  static readonly observedAttributes: string[];

  /** `user-pool-id`, such as `us-east-1_AbC123`. */
  userPoolId: string | null;
  /** `client-id`: the app client id. */
  clientId: string | null;
  /** `region`: overrides the region read from the user pool id. */
  region: string | null;
  /** `endpoint`: a URL that replaces the AWS endpoint (a proxy, an emulator). */
  endpoint: string | null;
  /** `secret-hash-url`: for a client with a secret, the backend endpoint that answers `POST {"username"}` with `{"secretHash"}`. */
  secretHashUrl: string | null;
  /**
   * `step`: the step shown. Set `confirm` (with `username`) for a returning user who never confirmed.
   * Reads `sign-up` when the attribute is absent or not a step.
   */
  get step(): CognitoSignUpStep;
  set step(value: CognitoSignUpStep | null);
  /** `username`: the user's username; set with `step` `confirm` for a returning user. */
  username: string | null;
  /** `user-attributes`: the user attributes to ask for at sign-up, space-separated (`email` when absent). */
  userAttributes: string | null;
  /** `code-length`: the code's number of digits (default 6). */
  get codeLength(): number;
  set codeLength(value: number | null);
  /** `resend-cooldown`: seconds before a new code may be asked for (default 60; longer after `LimitExceededException`). */
  get resendCooldown(): number;
  set resendCooldown(value: number | null);
  /** `no-auto-sign-in`: stop at "confirmed" instead of signing the user in with the sign-up session. */
  noAutoSignIn: boolean;
  /** `lang`: the language of the texts; else the closest `[lang]`, else `<html lang>`, falling back `de-AT` → `de` → `en`. */
  lang: string;

  /** A whole CognitoConfig, `secretHash` function included: its members win over the attributes. */
  config: CognitoConfig | undefined;
  /** Overrides of any text, for this element only: they win over every language's table. */
  strings: CognitoSignUpStringOverrides | undefined;

  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, old: string | null, value: string | null): void;
}

/** A React `ref` to the element: an object from `useRef<CognitoSignUpElement>(null)` or a callback. */
type RefTo<T> = { current: T | null } | ((instance: T | null) => void | (() => void)) | null;

/** `<cognito-sign-up>`'s own JSX props: its attributes, the properties `config` and `strings`, and its events as `on<event>`. */
export interface CognitoSignUpJSXProps {
  ref?: RefTo<CognitoSignUpElement>;
  "user-pool-id"?: string;
  "client-id"?: string;
  region?: string;
  endpoint?: string;
  "secret-hash-url"?: string;
  step?: CognitoSignUpStep;
  username?: string;
  "user-attributes"?: string;
  "code-length"?: number;
  "resend-cooldown"?: number;
  "no-auto-sign-in"?: boolean;
  lang?: string;
  /** Set as a property: import the define entry before the first render. */
  config?: CognitoConfig;
  /** Set as a property: import the define entry before the first render. */
  strings?: CognitoSignUpStringOverrides;
  "oncognito-signed-up"?: (event: CognitoSignUpEventMap["cognito-signed-up"]) => void;
  "oncognito-code-sent"?: (event: CognitoSignUpEventMap["cognito-code-sent"]) => void;
  "oncognito-confirmed"?: (event: CognitoSignUpEventMap["cognito-confirmed"]) => void;
  "oncognito-signed-in"?: (event: CognitoSignUpEventMap["cognito-signed-in"]) => void;
  "oncognito-error"?: (event: CognitoSignUpEventMap["cognito-error"]) => void;
}

declare global {
  interface HTMLElementTagNameMap {
    "cognito-sign-up": CognitoSignUpElement;
  }
  // The events bubble: typed on every element, the document and the window.
  interface GlobalEventHandlersEventMap extends CognitoSignUpEventMap {}
}

// React 19 reads JSX types from `React.JSX`. The props are a <div>'s (id, className, onClick, …)
// plus the element's own; taken from React's own IntrinsicElements, so that this file needs no
// React types where React is not used.
declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "cognito-sign-up": (IntrinsicElements extends { div: infer Div } ? Omit<Div, "ref" | "lang"> : {}) & CognitoSignUpJSXProps;
    }
  }
}
