// Types of `cognito-confirm/element/locales/fr`: importing it registers the French texts.
import type { CognitoSignUpStrings } from "../strings.js";

/** Every text of <cognito-sign-up> in French, as registered for `fr` when this module is imported. */
declare const fr: CognitoSignUpStrings;
export default fr;
