// The smallest real use of the package: what a bundler keeps of the JS glue.
import init, { confirmSignUp } from "../../pkg/cognito_confirm.js";

export async function confirm(username, confirmationCode, config) {
  await init();
  return confirmSignUp({ username, confirmationCode }, config);
}
