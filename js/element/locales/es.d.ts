// Types of `cognito-confirm/element/locales/es`: importing it registers the Spanish texts.
import type { CognitoSignUpStrings } from "../strings.js";

/** Every text of <cognito-sign-up> in Spanish, as registered for `es` when this module is imported. */
declare const es: CognitoSignUpStrings;
export default es;
