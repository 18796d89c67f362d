// What the package's types must refuse: each `@ts-expect-error` line must be
// a type error under `tsc --strict`, or tsc fails with "Unused
// '@ts-expect-error' directive". (consumer.ts holds what they must accept.)
import {
  autoSignIn,
  buildRequest,
  confirmSignUp,
  isCognitoError,
  signUp,
  type AutoSignInErrorName,
  type BuildRequestErrorName,
  type CognitoConfig,
  type CognitoError,
  type CognitoErrorOf,
  type ConfirmSignUpErrorName,
  type ResendSignUpCodeErrorName,
  type SignUpErrorName,
} from "cognito-confirm";

const config: CognitoConfig = { userPoolId: "us-east-1_AbC123", clientId: "c" };

// The arguments.
// @ts-expect-error a username is a string
confirmSignUp({ username: 42, confirmationCode: "1" }, config);
// @ts-expect-error confirmSignUp needs the code
confirmSignUp({ username: "a" }, config);
// @ts-expect-error autoSignIn needs the session
autoSignIn({ username: "a" }, config);
// @ts-expect-error timeoutMs is a number
confirmSignUp({ username: "a", confirmationCode: "1" }, { ...config, timeoutMs: "10" });
// @ts-expect-error attribute values are strings
signUp({ username: "a", userAttributes: { age: 42 } }, config);
// @ts-expect-error not an operation of the package
buildRequest("deleteUser", { username: "a" }, config);
// @ts-expect-error the config needs a client id
confirmSignUp({ username: "a", confirmationCode: "1" }, { userPoolId: "us-east-1_AbC123" });

// The names of each operation, from its API model.
export const signUpNames: SignUpErrorName[] = ["UsernameExistsException", "InvalidPasswordException", "NetworkError"];
// @ts-expect-error SignUp's model has no CodeMismatchException
export const notSignUp: SignUpErrorName = "CodeMismatchException";
// @ts-expect-error ConfirmSignUp's model has no UsernameExistsException
export const notConfirm: ConfirmSignUpErrorName = "UsernameExistsException";
// @ts-expect-error ResendConfirmationCode's model has no ExpiredCodeException
export const notResend: ResendSignUpCodeErrorName = "ExpiredCodeException";
// @ts-expect-error InitiateAuth's model has no CodeMismatchException
export const notSignIn: AutoSignInErrorName = "CodeMismatchException";
// @ts-expect-error buildRequest sends nothing: no network error
export const notBuilt: BuildRequestErrorName = "NetworkError";

export function narrowed(built: CognitoErrorOf<BuildRequestErrorName>, confirm: CognitoErrorOf<ConfirmSignUpErrorName>, any: CognitoError) {
  // @ts-expect-error buildRequest never rejects with a TimeoutError
  if (built.name === "TimeoutError") return 1;
  // @ts-expect-error confirmSignUp never rejects with UsernameExistsException
  if (confirm.name === "UsernameExistsException") return 2;
  // @ts-expect-error only a ValidationError has a field: narrow on name first
  return any.field;
}

export function guarded(e: unknown) {
  // @ts-expect-error isCognitoError takes the value to test
  isCognitoError();
  // @ts-expect-error without the guard, e is unknown
  e.name;
  if (isCognitoError(e)) return e.name;
  // @ts-expect-error the guard's false branch is still unknown
  return e.message;
}
