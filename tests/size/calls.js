// Every call the element makes: the package's share of the element's bundle.
export { autoSignIn, confirmSignUp, ready, resendSignUpCode, signUp } from "../../pkg/index.js";
