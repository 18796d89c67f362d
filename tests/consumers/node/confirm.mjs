// A Node.js 20 script that confirms a sign-up: fetch is global there.
// Usage: node confirm.mjs <fake-endpoint> <username> <code>
import { confirmSignUp, ready } from "cognito-confirm";

const [endpoint, username, confirmationCode] = process.argv.slice(2);
await ready();
const result = await confirmSignUp(
  { username, confirmationCode },
  { userPoolId: "us-east-1_FakePool1", clientId: "plainclient1", endpoint },
);
console.log(JSON.stringify(result));
