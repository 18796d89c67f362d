// Wrong uses of the element's types: each line after a `@ts-expect-error`
// must be refused, with the error code the comment names (the test also
// compiles this file without the directives and compares the codes).
// Never bundled.
import { useRef } from "react";
import "cognito-confirm/element/define";
import { CognitoSignUpElement } from "cognito-confirm/element";
import type { CognitoSignUpStrings } from "cognito-confirm/element";
import { register } from "cognito-confirm/element/strings";
import de from "cognito-confirm/element/locales/de";

export function Misuse() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      {/* @ts-expect-error TS2322 a step that does not exist */}
      <cognito-sign-up step="signed-in" />
      {/* @ts-expect-error TS2551 a member the signed-in event's detail does not have */}
      <cognito-sign-up oncognito-signed-in={(e) => console.log(e.detail.token)} />
      {/* @ts-expect-error TS2339 an error detail holds `error`, not `name` */}
      <cognito-sign-up oncognito-error={(e) => console.log(e.detail.name)} />
      {/* @ts-expect-error TS2322 a ref to another kind of element */}
      <cognito-sign-up ref={input} />
      {/* @ts-expect-error TS2741 config is a whole CognitoConfig: the client id is missing */}
      <cognito-sign-up config={{ userPoolId: "us-east-1_AbC123" }} />
      {/* @ts-expect-error TS2322 an attribute the element does not have */}
      <cognito-sign-up attributes="email" />
      {/* @ts-expect-error TS2322 code-length is a number */}
      <cognito-sign-up code-length={true} />
    </>
  );
}

export function misuseInDom(): void {
  const el = document.createElement("cognito-sign-up");
  // @ts-expect-error TS2322 a step that does not exist
  el.step = "login";
  // @ts-expect-error TS2339 the code-sent event's detail is CodeDeliveryDetails
  el.addEventListener("cognito-code-sent", (e) => console.log(e.detail.code));
  // @ts-expect-error TS2339 the confirmed event's detail has no session
  document.addEventListener("cognito-confirmed", (e) => console.log(e.detail.session));
  // @ts-expect-error TS2322 a text that takes a value is a string or a function of strings
  el.strings = { resendIn: (seconds: number) => `${seconds}` };
  // @ts-expect-error TS2561 no such text (a near miss of signUpHeading)
  register("de-CH", { signupHeading: "Konto erstellen" });
  // @ts-expect-error TS2740 a locale's table is complete
  const partial: CognitoSignUpStrings = { signUpHeading: de.signUpHeading };
  // @ts-expect-error TS2345 define takes a tag name
  CognitoSignUpElement.define(42);
  void partial;
}
