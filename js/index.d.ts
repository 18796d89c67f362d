/** What the first argument of every call has: the user, and per-call options. */
export interface UserInput {
  /** The username the user signed up with (their email or phone number when the pool uses those as usernames). Sent exactly as given. */
  username: string;
  /** Passed to your pool's Lambda triggers (`ClientMetadata`). */
  clientMetadata?: Record<string, string>;
  /** Amazon Pinpoint analytics (`AnalyticsMetadata`). */
  analyticsMetadata?: { analyticsEndpointId?: string };
  /** Threat-protection data (`UserContextData`). When left out, it is collected from Cognito's threat-protection script if the page loaded it. */
  userContextData?: { encodedData?: string; ipAddress?: string };
  /** Aborts the call: it then rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** The first argument of {@link signUp}. */
export interface SignUpInput extends UserInput {
  /** The new user's password (`Password`, up to 256 characters, no spaces). Leave it out in a passwordless pool. Never logged or echoed in errors. */
  password?: string;
  /** `{ email: "...", "custom:team": "..." }`, sent as `UserAttributes` `[{Name, Value}]` in this object's key order. Values are never echoed in errors. */
  userAttributes?: Record<string, string>;
  /** Sent to your pre-sign-up Lambda as `ValidationData` `[{Name, Value}]`, in key order. */
  validationData?: Record<string, string>;
}

/** What {@link signUp} resolves to. */
export interface SignUpResult {
  /** `UserConfirmed`: `true` when the user needs no confirmation code (a pre-sign-up Lambda confirmed them). */
  isSignUpComplete: boolean;
  /** `UserSub`: the new user's id. */
  userId: string;
  nextStep:
    | { signUpStep: "CONFIRM_SIGN_UP"; codeDeliveryDetails?: CodeDeliveryDetails }
    | { signUpStep: "COMPLETE_AUTO_SIGN_IN" }
    | { signUpStep: "DONE" };
  /** `Session`: pass it to {@link confirmSignUp}'s `session` (or to {@link autoSignIn} when already confirmed). */
  session?: string;
}

/** The first argument of {@link confirmSignUp}. */
export interface ConfirmSignUpInput extends UserInput {
  /** The code Cognito sent by email or SMS. */
  confirmationCode: string;
  /** Move an email or phone alias from another user to this one (`ForceAliasCreation`). */
  forceAliasCreation?: boolean;
  /** The `Session` from the SignUp response, which lets Cognito return a sign-in session. */
  session?: string;
}

/** The first argument of {@link resendSignUpCode}. */
export type ResendSignUpCodeInput = UserInput;

/** The first argument of {@link autoSignIn}. */
export interface AutoSignInInput extends UserInput {
  /** The `session` of a {@link ConfirmSignUpResult}: it signs the user in once, within minutes of confirming. */
  session: string;
}

/** Computes the SecretHash for a user, typically by asking your backend, which holds the client secret. */
export type SecretHashProvider = (username: string, clientId: string) => string | Promise<string>;

/** The second argument of every call: which user pool and app client, and how to reach them. */
export interface CognitoConfig {
  /** Such as `us-east-1_AbC123`; the region is read from it unless `region` is given. */
  userPoolId: string;
  /** The app client id. */
  clientId: string;
  /**
   * The app client's secret, for clients that have one. Anyone who opens your page can read it:
   * prefer `secretHash` with a provider that asks your backend.
   */
  clientSecret?: string;
  /** A precomputed SecretHash for this username, or a function that returns one. Not with `clientSecret`. */
  secretHash?: string | SecretHashProvider;
  /**
   * Overrides the region read from `userPoolId`.
   * @default the part of `userPoolId` before the `_`
   */
  region?: string;
  /**
   * Use the FIPS endpoint.
   * @default false
   */
  useFips?: boolean;
  /**
   * Use the dual-stack (IPv6) endpoint.
   * @default false
   */
  useDualStack?: boolean;
  /** A URL that replaces the AWS endpoint (a proxy, or an emulator: `http` is allowed on loopback only). */
  endpoint?: string;
  /**
   * The longest wait, in milliseconds (1 to 2147483647), for each of: an attempt's answer
   * (then `TimeoutError`, retried), the module's first load (`LoadError`) and the `secretHash`
   * provider (`SecretHashError`). The backoff between attempts comes on top.
   * @default 15000
   */
  timeoutMs?: number;
  /**
   * Attempts in all (1 to 10; 1 disables retries). Only network errors, timeouts,
   * HTTP 5xx naming none of Cognito's errors, `InternalErrorException` and `TooManyRequestsException` are retried, with
   * full-jitter exponential backoff; an answer about the code or the user never is.
   * @default 3
   */
  maxAttempts?: number;
  /** Called once per attempt with what happened, and never with a secret (see {@link AttemptLog}). */
  logger?: (entry: AttemptLog) => void;
}

/**
 * One attempt, as the config's `logger` sees it. It never holds the username, a code, the
 * password, an attribute value, the client secret or the SecretHash. What the logger throws or
 * rejects with is ignored.
 */
export interface AttemptLog {
  operation: "signUp" | "confirmSignUp" | "resendSignUpCode" | "autoSignIn";
  /** 1 for the first attempt. */
  attempt: number;
  /** The HTTP status; 0 when there was none (network error, timeout, abort, refused redirect). */
  status: number;
  /** Cognito's request id (a UUID), when it answered with one that repeats none of the arguments. */
  requestId?: string;
  /** How long the attempt took, in milliseconds. */
  ms: number;
  /** The wait before the next attempt, when this one is retried. */
  retryInMs?: number;
  /** The error's `name`, when the call ends with this attempt's error. */
  error?: string;
}

/** What a confirmed sign-up resolves to. */
export interface ConfirmSignUpResult {
  isSignUpComplete: true;
  /** `COMPLETE_AUTO_SIGN_IN` when Cognito returned a `session` that can sign the user in. */
  nextStep: { signUpStep: "DONE" | "COMPLETE_AUTO_SIGN_IN" };
  /** Present when Cognito returned one (pools that support sign-in right after sign-up). */
  session?: string;
  /**
   * `true` when an attempt failed after it may have reached Cognito (network error, timeout, 5xx)
   * and the retry was told the user is already confirmed: the lost attempt confirmed them.
   */
  confirmedByEarlierAttempt?: true;
}

/** Where a new confirmation code went (Cognito masks the destination). */
export interface CodeDeliveryDetails {
  destination?: string;
  deliveryMedium?: "EMAIL" | "SMS" | (string & {});
  attributeName?: string;
}

/** The tokens of a signed-in user. Keep them out of logs and URLs. */
export interface AuthTokens {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  /** Seconds until the access token expires. */
  expiresIn?: number;
  tokenType?: string;
}

/** `NewDeviceMetadata`: the device Cognito remembered, when device tracking is on. */
export interface NewDeviceMetadata {
  deviceKey: string;
  deviceGroupKey?: string;
}

/** What {@link autoSignIn} resolves to: tokens, or the challenge Cognito asks for next. */
export type AutoSignInResult =
  | { isSignedIn: true; tokens: AuthTokens; newDeviceMetadata?: NewDeviceMetadata; nextStep: { signInStep: "DONE" } }
  | {
      isSignedIn: false;
      nextStep: {
        signInStep: "CHALLENGE";
        /** Such as `EMAIL_OTP`, `SMS_OTP`, `SOFTWARE_TOKEN_MFA`, `SELECT_CHALLENGE`: answer it with `RespondToAuthChallenge`. */
        challengeName: string;
        session?: string;
        challengeParameters: Record<string, string>;
        /** `AvailableChallenges`: what the user may choose from when `challengeName` is `SELECT_CHALLENGE`. */
        availableChallenges?: string[];
      };
    };

/** The error names of Cognito's SignUp, ConfirmSignUp, ResendConfirmationCode and InitiateAuth operations. */
export type CognitoErrorName =
  | "ResourceNotFoundException"
  | "InvalidParameterException"
  | "UnexpectedLambdaException"
  | "UserLambdaValidationException"
  | "NotAuthorizedException"
  | "TooManyFailedAttemptsException"
  | "CodeMismatchException"
  | "ExpiredCodeException"
  | "InvalidLambdaResponseException"
  | "AliasExistsException"
  | "TooManyRequestsException"
  | "LimitExceededException"
  | "UserNotFoundException"
  | "OperationNotEnabledException"
  | "InternalErrorException"
  | "ForbiddenException"
  | "CodeDeliveryFailureException"
  | "InvalidEmailRoleAccessPolicyException"
  | "InvalidSmsRoleAccessPolicyException"
  | "InvalidSmsRoleTrustRelationshipException"
  | "InvalidUserPoolConfigurationException"
  | "PasswordResetRequiredException"
  | "UserNotConfirmedException"
  | "UnsupportedOperationException"
  | "FeatureUnavailableInTierException"
  | "InvalidPasswordException"
  | "UsernameExistsException";

/** Cognito answered with one of its modeled errors (`N`: which ones). */
export interface CognitoServiceError<N extends CognitoErrorName = CognitoErrorName> extends Error {
  name: N;
  /** The HTTP status. Don't branch on it: Cognito sends most errors as 400. */
  status: number;
  /** Cognito's request id, when the response let the browser read it. */
  requestId?: string;
  /** The error type as received (equal to `name`). */
  errorType: string;
  /**
   * `true` when an earlier attempt of this call failed in a way that may have reached Cognito
   * (network error, timeout, 5xx): this answer may be that attempt's consequence, such as
   * `UsernameExistsException` because the lost attempt created the user.
   */
  earlierAttemptMayHaveSucceeded?: true;
}

/**
 * An answer that is not a modeled Cognito error: a new error name, an HTML page from a proxy, an
 * error status with an empty body, a truncated body, a 2xx without what the model requires (an
 * empty 2xx body is read as `{}`, as AWS's SDKs do), a body over the size cap, or a refused
 * redirect (`status` 0).
 */
export interface UnknownServiceError extends Error {
  name: "UnknownError";
  status: number;
  requestId?: string;
  /** The error type as received, if there was one. */
  errorType?: string;
  /** See {@link CognitoServiceError.earlierAttemptMayHaveSucceeded}. */
  earlierAttemptMayHaveSucceeded?: true;
}

/** An argument broke a rule; nothing was sent. */
export interface ValidationError extends Error {
  name: "ValidationError";
  /** The member as you named it, such as `username` or `clientMetadata.source`. */
  field: string;
  rule: "required" | "type" | "length" | "characters" | "loneSurrogate" | "format" | "conflicts";
}

/** The request could not be sent or its answer not read (offline, DNS, TLS, CORS refused, connection reset). */
export interface NetworkError extends Error {
  name: "NetworkError";
}

/** Cognito did not answer within `timeoutMs` (on the last attempt). */
export interface TimeoutError extends Error {
  name: "TimeoutError";
  timeoutMs: number;
}

/** The caller's `signal` aborted the call. */
export interface AbortError extends Error {
  name: "AbortError";
}

/** The `secretHash` provider threw, rejected, or gave no answer within `timeoutMs`; nothing was sent. */
export interface SecretHashError extends Error {
  name: "SecretHashError";
}

/** A bug in this package stopped the call; the next call runs on a fresh WebAssembly instance. Other calls are not affected. */
export interface PanicError extends Error {
  name: "PanicError";
  /** The `WebAssembly.RuntimeError` of the trap. */
  cause: unknown;
}

/**
 * The WebAssembly module could not be loaded (network, CSP, the `.wasm` not served), or not within
 * `timeoutMs`: nothing was sent, and the next call tries again.
 */
export interface LoadError extends Error {
  name: "LoadError";
  /** What the browser or Node.js reported, when there was something. */
  cause?: unknown;
}

/**
 * Every way {@link signUp}, {@link confirmSignUp}, {@link resendSignUpCode}, {@link autoSignIn} and
 * {@link buildRequest} reject: narrow on `name`. {@link isCognitoError} tells one apart from any
 * other value.
 */
export type CognitoError =
  | LoadError
  | CognitoServiceError
  | UnknownServiceError
  | ValidationError
  | NetworkError
  | TimeoutError
  | AbortError
  | SecretHashError
  | PanicError;

/** @deprecated The same union under its first name: use {@link CognitoError}. */
export type ConfirmSignUpError = CognitoError;

/** The names every call can reject with besides Cognito's own: the package's. */
export type LocalErrorName =
  | "LoadError"
  | "ValidationError"
  | "SecretHashError"
  | "AbortError"
  | "PanicError"
  | "NetworkError"
  | "TimeoutError"
  | "UnknownError";

/** The names {@link signUp} rejects with: the package's, and Cognito's `SignUp` errors in its API model. */
export type SignUpErrorName =
  | LocalErrorName
  | "ResourceNotFoundException"
  | "InvalidParameterException"
  | "UnexpectedLambdaException"
  | "UserLambdaValidationException"
  | "NotAuthorizedException"
  | "InvalidPasswordException"
  | "InvalidLambdaResponseException"
  | "UsernameExistsException"
  | "TooManyRequestsException"
  | "InternalErrorException"
  | "LimitExceededException"
  | "InvalidSmsRoleAccessPolicyException"
  | "InvalidSmsRoleTrustRelationshipException"
  | "InvalidEmailRoleAccessPolicyException"
  | "CodeDeliveryFailureException"
  | "OperationNotEnabledException"
  | "ForbiddenException";

/** The names {@link confirmSignUp} rejects with: the package's, and Cognito's `ConfirmSignUp` errors in its API model. */
export type ConfirmSignUpErrorName =
  | LocalErrorName
  | "ResourceNotFoundException"
  | "InvalidParameterException"
  | "UnexpectedLambdaException"
  | "UserLambdaValidationException"
  | "NotAuthorizedException"
  | "TooManyFailedAttemptsException"
  | "CodeMismatchException"
  | "ExpiredCodeException"
  | "InvalidLambdaResponseException"
  | "AliasExistsException"
  | "TooManyRequestsException"
  | "LimitExceededException"
  | "UserNotFoundException"
  | "OperationNotEnabledException"
  | "InternalErrorException"
  | "ForbiddenException";

/** The names {@link resendSignUpCode} rejects with: the package's, and Cognito's `ResendConfirmationCode` errors in its API model. */
export type ResendSignUpCodeErrorName =
  | LocalErrorName
  | "ResourceNotFoundException"
  | "InvalidParameterException"
  | "UnexpectedLambdaException"
  | "UserLambdaValidationException"
  | "NotAuthorizedException"
  | "InvalidLambdaResponseException"
  | "TooManyRequestsException"
  | "LimitExceededException"
  | "InvalidSmsRoleAccessPolicyException"
  | "InvalidSmsRoleTrustRelationshipException"
  | "InvalidEmailRoleAccessPolicyException"
  | "CodeDeliveryFailureException"
  | "UserNotFoundException"
  | "OperationNotEnabledException"
  | "InternalErrorException"
  | "ForbiddenException";

/** The names {@link autoSignIn} rejects with: the package's, and Cognito's `InitiateAuth` errors in its API model. */
export type AutoSignInErrorName =
  | LocalErrorName
  | "UnsupportedOperationException"
  | "ResourceNotFoundException"
  | "InvalidParameterException"
  | "NotAuthorizedException"
  | "TooManyRequestsException"
  | "UnexpectedLambdaException"
  | "InvalidUserPoolConfigurationException"
  | "UserLambdaValidationException"
  | "InvalidLambdaResponseException"
  | "PasswordResetRequiredException"
  | "UserNotFoundException"
  | "UserNotConfirmedException"
  | "InternalErrorException"
  | "InvalidSmsRoleAccessPolicyException"
  | "InvalidEmailRoleAccessPolicyException"
  | "InvalidSmsRoleTrustRelationshipException"
  | "OperationNotEnabledException"
  | "FeatureUnavailableInTierException"
  | "ForbiddenException";

/** The names {@link buildRequest} rejects with: it sends nothing, so never a Cognito, network or timeout error. */
export type BuildRequestErrorName = "LoadError" | "ValidationError" | "SecretHashError" | "AbortError" | "PanicError";

/**
 * The errors whose `name` is one of `N`, such as `CognitoErrorOf<ConfirmSignUpErrorName>`.
 * (A name outside an operation's model still arrives by name, as a {@link CognitoServiceError}.)
 */
export type CognitoErrorOf<N extends string> =
  | Extract<Exclude<CognitoError, CognitoServiceError>, { name: N }>
  | ([Extract<N, CognitoErrorName>] extends [never] ? never : CognitoServiceError<Extract<N, CognitoErrorName>>);

/**
 * `true` when `e` is an error that a call of this package rejected with: narrows `e` to
 * {@link CognitoError}. Anything else (your own bug in a `then`, say) is `false`.
 * @example
 * try {
 *   await confirmSignUp({ username, confirmationCode }, config);
 * } catch (err) {
 *   if (!isCognitoError(err)) throw err;
 *   showError(err.name == "ValidationError" ? err.field : err.name);
 * }
 */
export function isCognitoError(e: unknown): e is CognitoError;

/**
 * Creates the user (`SignUp`). `UsernameExistsException` with `earlierAttemptMayHaveSucceeded`
 * means a lost attempt may have created this very user: go on to the code step.
 * @throws {CognitoErrorOf<SignUpErrorName>} (the promise rejects; nothing throws synchronously)
 * @example
 * const { nextStep, session } = await signUp(
 *   { username: "alice@example.com", password, userAttributes: { email: "alice@example.com" } },
 *   { userPoolId: "us-east-1_AbC123", clientId: "1example23456789abcdefghij" },
 * );
 */
export function signUp(input: SignUpInput, config: CognitoConfig): Promise<SignUpResult>;

/**
 * Confirms the sign-up with the code the user received (`ConfirmSignUp`). A retry after a lost
 * answer that finds the user confirmed resolves with `confirmedByEarlierAttempt: true`.
 * @throws {CognitoErrorOf<ConfirmSignUpErrorName>} (the promise rejects; nothing throws synchronously)
 * @example
 * const confirmed = await confirmSignUp({ username, confirmationCode: "123456", session }, config);
 * if (confirmed.nextStep.signUpStep == "COMPLETE_AUTO_SIGN_IN") await autoSignIn({ username, session: confirmed.session! }, config);
 */
export function confirmSignUp(input: ConfirmSignUpInput, config: CognitoConfig): Promise<ConfirmSignUpResult>;

/**
 * Sends the user a new confirmation code (`ResendConfirmationCode`); resolves to where it went.
 * @throws {CognitoErrorOf<ResendSignUpCodeErrorName>} (the promise rejects; nothing throws synchronously)
 * @example
 * const { destination, deliveryMedium } = await resendSignUpCode({ username }, config); // "a***@e***", "EMAIL"
 */
export function resendSignUpCode(input: ResendSignUpCodeInput, config: CognitoConfig): Promise<CodeDeliveryDetails>;

/**
 * Signs the user in with the `session` that {@link confirmSignUp} returned (`InitiateAuth`, `USER_AUTH`).
 * An expired or used session rejects with `NotAuthorizedException`; a missing one with a `ValidationError`.
 * @throws {CognitoErrorOf<AutoSignInErrorName>} (the promise rejects; nothing throws synchronously)
 * @example
 * const signedIn = await autoSignIn({ username, session: confirmed.session }, config);
 * if (signedIn.isSignedIn) useTokens(signedIn.tokens);
 * else askFor(signedIn.nextStep.challengeName);
 */
export function autoSignIn(input: AutoSignInInput, config: CognitoConfig): Promise<AutoSignInResult>;

/** The operations {@link buildRequest} can preview. */
export type Operation = "signUp" | "confirmSignUp" | "resendSignUpCode" | "autoSignIn";

/** A request exactly as the call would send it. */
export interface BuiltRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

/**
 * What the call `operation` would send, byte for byte, after every check, the SecretHash (provider
 * included) and the page's threat-protection data; nothing is sent. For a backend proxy, debugging,
 * or tests. The body holds the password and the SecretHash: treat it as a secret.
 * @throws {CognitoErrorOf<BuildRequestErrorName>} like the call would before sending; an unknown
 * `operation` is a `ValidationError` on `operation`
 * @example
 * const { url, headers, body } = await buildRequest("confirmSignUp", { username, confirmationCode }, config);
 */
export function buildRequest(operation: "signUp", input: SignUpInput, config: CognitoConfig): Promise<BuiltRequest>;
export function buildRequest(operation: "confirmSignUp", input: ConfirmSignUpInput, config: CognitoConfig): Promise<BuiltRequest>;
export function buildRequest(operation: "resendSignUpCode", input: ResendSignUpCodeInput, config: CognitoConfig): Promise<BuiltRequest>;
export function buildRequest(operation: "autoSignIn", input: AutoSignInInput, config: CognitoConfig): Promise<BuiltRequest>;

/**
 * Loads the WebAssembly module now and runs each of the four operations on a fixed input, three
 * times, once a page (nothing is sent, a page's threat-protection script is not asked for data),
 * so that the first call, whichever it is, does not wait for it. Optional: without it, the first
 * call loads the module.
 * @throws {LoadError} when the module cannot be loaded (the next call or `ready()` tries again)
 * @example
 * form.addEventListener("focusin", () => ready().catch(() => {}), { once: true });
 */
export function ready(): Promise<void>;
