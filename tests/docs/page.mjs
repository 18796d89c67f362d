// What a documentation example may assume, set up before it runs
// (tests/docs/run-block.mjs imports this first). CONTRIBUTING.md,
// "Examples that run", lists these names; keep the two in step.
//
// - The AWS endpoint is the fake: `fetch` to https://cognito-idp.<region>.amazonaws.com/
//   goes to the fake Cognito (FAKE_URL), and a path such as "/api/secret-hash"
//   to the test's SecretHash endpoint (SECRET_HASH_URL), as a page's own
//   backend would answer it. Every other URL is refused.
// - Values a page would have: `username`, `password`, `confirmationCode`,
//   `config` (the app client without a secret) and its `userPoolId` and `clientId`; in process.env, what a server
//   holds: COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and COGNITO_CLIENT_SECRET
//   (the example client with a secret; set by docs.test.mjs).
// - Stand-ins for the page's own code: `askForCode()` (the code the fake sent
//   to the last username a request named), `showError(err)`, `useTokens(tokens)`,
//   `askFor(challengeName)`. What they saw goes to stdout as `docs:` lines,
//   which the test reads; never a message, code or token.

const realFetch = globalThis.fetch;
const FAKE = process.env.FAKE_URL;
const BACKEND = process.env.SECRET_HASH_URL;
let lastUsername;

globalThis.fetch = async (resource, init) => {
  const url = new URL(String(resource instanceof Request ? resource.url : resource), "relative:/");
  let target;
  if (url.protocol == "https:" && /^cognito-idp(-fips)?\.[a-z0-9-]+\.(amazonaws\.com|api\.aws)(\.cn)?$/.test(url.hostname)) {
    target = FAKE + url.pathname;
    try {
      const body = JSON.parse(init?.body ?? "null");
      lastUsername = body?.Username ?? body?.AuthParameters?.USERNAME ?? lastUsername;
    } catch {}
  } else if (url.protocol == "relative:") {
    target = BACKEND + url.pathname;
  } else {
    throw new TypeError(`a documentation example fetched ${url.origin}, which the docs test does not serve`);
  }
  return realFetch(target, init);
};

const report = (line) => process.stdout.write(`docs:${line}\n`);

Object.assign(globalThis, {
  username: "alice@example.com",
  password: "correct-horse-battery-staple",
  confirmationCode: "123456",
  config: { userPoolId: "us-east-1_AbC123", clientId: "1example23456789abcdefghij" },
  userPoolId: "us-east-1_AbC123",
  clientId: "1example23456789abcdefghij",
  async askForCode() {
    const res = await realFetch(`${FAKE}/__control/user?username=${encodeURIComponent(lastUsername ?? "")}`);
    const user = await res.json();
    if (!user?.code) throw new Error("askForCode(): no code was sent to anybody yet");
    return user.code;
  },
  showError(err) {
    report(`shown ${err?.name}`);
  },
  useTokens(tokens) {
    if (typeof tokens?.accessToken != "string") throw new Error("useTokens() got no access token");
    report("tokens");
  },
  askFor(challengeName) {
    report(`challenge ${challengeName}`);
  },
});

export const reportThrown = (e) => report(`thrown ${e?.name ?? typeof e}`);
