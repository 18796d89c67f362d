export type {
  AbortError,
  AuthTokens,
  AutoSignInInput,
  AutoSignInResult,
  CodeDeliveryDetails,
  CognitoConfig,
  CognitoErrorName,
  CognitoServiceError,
  ConfirmSignUpInput,
  ConfirmSignUpResult,
  NetworkError,
  PanicError,
  ResendSignUpCodeInput,
  SecretHashError,
  SecretHashProvider,
  TimeoutError,
  UnknownServiceError,
  UserInput,
  ValidationError,
} from "./cognito_confirm.js";
export { autoSignIn, confirmSignUp, resendSignUpCode } from "./cognito_confirm.js";

import type { ConfirmSignUpError as ModuleError } from "./cognito_confirm.js";

/** The WebAssembly module could not be loaded: the calls reject with this, and the next call tries again. */
export interface LoadError extends Error {
  name: "LoadError";
}

/** Every way the calls reject: narrow on `name`. */
export type ConfirmSignUpError = ModuleError | LoadError;

/** Loads the WebAssembly module now, so that the first call does not wait for it. Optional. */
export function ready(): Promise<void>;
