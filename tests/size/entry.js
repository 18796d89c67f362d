// The smallest real use of the package: what a bundler keeps of its JS.
import { confirmSignUp } from "../../pkg/index.js";

export function confirm(username, confirmationCode, config) {
  return confirmSignUp({ username, confirmationCode }, config);
}
