// Side effect: defines <cognito-sign-up> (nothing happens when the tag is
// already defined). package.json's `sideEffects` names this file.
import { CognitoSignUpElement } from "./element.js";

CognitoSignUpElement.define();
