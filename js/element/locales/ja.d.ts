// Types of `cognito-confirm/element/locales/ja`: importing it registers the Japanese texts.
import type { CognitoSignUpStrings } from "../strings.js";

/** Every text of <cognito-sign-up> in Japanese, as registered for `ja` when this module is imported. */
declare const ja: CognitoSignUpStrings;
export default ja;
