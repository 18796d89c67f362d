// Types of `cognito-confirm/element/locales/de`: importing it registers the German texts.
import type { CognitoSignUpStrings } from "../strings.js";

/** Every text of <cognito-sign-up> in German, as registered for `de` when this module is imported. */
declare const de: CognitoSignUpStrings;
export default de;
