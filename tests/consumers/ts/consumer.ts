// A TypeScript consumer that uses every option and narrows every error: it
// must type-check with `tsc --strict` against the package's own types.
import {
  autoSignIn,
  buildRequest,
  confirmSignUp,
  signUp,
  ready,
  resendSignUpCode,
  type AttemptLog,
  isCognitoError,
  type AutoSignInResult,
  type CodeDeliveryDetails,
  type CognitoConfig,
  type CognitoError,
  type CognitoErrorOf,
  type ConfirmSignUpError,
  type ConfirmSignUpErrorName,
  type ConfirmSignUpInput,
  type ConfirmSignUpResult,
  type BuiltRequest,
  type SignUpInput,
  type SignUpResult,
} from "cognito-confirm";

const controller = new AbortController();

const config: CognitoConfig = {
  userPoolId: "us-east-1_AbC123",
  clientId: "1example23456789abcdefghij",
  secretHash: async (username: string, clientId: string): Promise<string> => {
    const res = await fetch("/api/secret-hash", { method: "POST", body: JSON.stringify({ username, clientId }) });
    return ((await res.json()) as { secretHash: string }).secretHash;
  },
  region: "us-east-1",
  useFips: false,
  useDualStack: true,
  timeoutMs: 10_000,
  maxAttempts: 3,
  logger: (entry: AttemptLog) => {
    const { operation, attempt, status, requestId, ms, retryInMs, error } = entry;
    console.debug(operation, attempt, status, requestId ?? "-", ms, retryInMs ?? "not retried", error ?? "");
  },
};
const withSecret: CognitoConfig = { userPoolId: "eu-west-1_X", clientId: "c", clientSecret: "s", endpoint: "https://proxy.example.com/" };
const withHash: CognitoConfig = { userPoolId: "eu-west-1_X", clientId: "c", secretHash: "abc=" };

const input: ConfirmSignUpInput = {
  username: "alice@example.com",
  confirmationCode: "123456",
  forceAliasCreation: false,
  clientMetadata: { source: "web" },
  analyticsMetadata: { analyticsEndpointId: "pinpoint-endpoint" },
  userContextData: { encodedData: "data", ipAddress: "192.0.2.1" },
  session: "S".repeat(24),
  signal: controller.signal,
};

function describe(error: ConfirmSignUpError): string {
  switch (error.name) {
    case "ValidationError":
      return `${error.field}: ${error.rule}`;
    case "NetworkError":
    case "AbortError":
    case "SecretHashError":
    case "PanicError":
    case "LoadError":
      return error.message;
    case "TimeoutError":
      return `after ${error.timeoutMs} ms`;
    case "UnknownError":
      return `${error.status} ${error.errorType ?? "no type"} ${error.requestId ?? ""}`;
    case "CodeMismatchException":
    case "ExpiredCodeException":
    case "LimitExceededException":
    case "NotAuthorizedException":
      return `${error.name} ${error.status} ${error.errorType}`;
    default: {
      const cognito: "CodeDeliveryFailureException" | "UserNotFoundException" | string = error.name;
      return `${cognito} ${error.status} ${error.requestId ?? ""}`;
    }
  }
}

const newUser: SignUpInput = {
  username: "alice@example.com",
  password: "Corr3ct-Horse!",
  userAttributes: { email: "alice@example.com", "custom:team": "blue" },
  validationData: { invite: "x" },
  clientMetadata: { source: "web" },
  signal: controller.signal,
};

export async function signUpFlow(): Promise<string> {
  const preview: BuiltRequest = await buildRequest("signUp", newUser, config);
  const method: "POST" = preview.method;
  const headers: Record<string, string> = preview.headers;
  const signedUp: SignUpResult = await signUp(newUser, config);
  const userId: string = signedUp.userId;
  const complete: boolean = signedUp.isSignUpComplete;
  switch (signedUp.nextStep.signUpStep) {
    case "CONFIRM_SIGN_UP":
      return `${method} ${headers["X-Amz-Target"]} ${userId} ${complete} ${signedUp.nextStep.codeDeliveryDetails?.destination}`;
    case "COMPLETE_AUTO_SIGN_IN": {
      const signedIn = await autoSignIn({ username: newUser.username, session: signedUp.session ?? "" }, config);
      return signedIn.isSignedIn ? (signedIn.newDeviceMetadata?.deviceKey ?? "") : (signedIn.nextStep.availableChallenges ?? []).join();
    }
    case "DONE":
      return preview.body;
  }
}

export function onSignUpError(error: ConfirmSignUpError): string {
  if (error.name === "UsernameExistsException" && error.earlierAttemptMayHaveSucceeded) return "resend the code";
  if (error.name === "InvalidPasswordException") return error.message;
  return describe(error);
}

export async function run(): Promise<string> {
  await ready();
  try {
    const result: ConfirmSignUpResult = await confirmSignUp(input, config);
    const step: "DONE" | "COMPLETE_AUTO_SIGN_IN" = result.nextStep.signUpStep;
    const recovered: true | undefined = result.confirmedByEarlierAttempt;
    const sent: CodeDeliveryDetails = await resendSignUpCode({ username: "alice", signal: controller.signal }, withHash);
    if (result.session) {
      const signedIn: AutoSignInResult = await autoSignIn({ username: input.username, session: result.session }, withSecret);
      if (signedIn.isSignedIn) {
        const token: string = signedIn.tokens.accessToken;
        const expiresIn: number | undefined = signedIn.tokens.expiresIn;
        return `${step} ${recovered} ${sent.destination} ${token} ${expiresIn}`;
      }
      const challenge: string = signedIn.nextStep.challengeName;
      const parameters: Record<string, string> = signedIn.nextStep.challengeParameters;
      return `${challenge} ${Object.keys(parameters).length}`;
    }
    return step;
  } catch (e) {
    if (!isCognitoError(e)) throw e;
    return describe(e);
  }
}

// The deprecated name is the same union as the new one.
const same: CognitoError = null as unknown as ConfirmSignUpError;
const back: ConfirmSignUpError = same;

/** A confirmation form's errors: only the names confirmSignUp can reject with. */
export function onConfirmError(error: CognitoErrorOf<ConfirmSignUpErrorName>): string {
  switch (error.name) {
    case "CodeMismatchException":
    case "ExpiredCodeException":
      return `${error.status} ${error.earlierAttemptMayHaveSucceeded ?? false}`;
    case "ValidationError":
      return error.field;
    case "TimeoutError":
      return String(error.timeoutMs);
    default:
      return `${error.name} ${back.name}`;
  }
}
