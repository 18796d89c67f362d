//! What a call resolves or rejects with, as JSON text for the driver.
//!
//! The driver turns each into the result object, or the `Error` whose `name`
//! a form switches on, with one `JSON.parse`: much cheaper, in bytes and in
//! time, than building the objects member by member across the boundary.
//! Messages come from [`Error::message`], which never includes a secret.

use alloc::string::String;
use alloc::vec::Vec;

use crate::call::arguments::Kind;
use crate::error::Error;
use crate::operations::auto_sign_in::{string, token, AutoSignInOutput, Tokens};
use crate::operations::confirm_sign_up::ConfirmSignUpOutput;
use crate::operations::sign_up::SignUpOutput;
use crate::wire::json::{ObjectWriter, Value};
use crate::wire::text::parse_u32;

/// How a call ended well.
#[derive(Debug)]
pub enum Sent {
    /// Cognito's output object.
    Output(Value),
    /// A retry found the work done by an earlier attempt.
    Recovered,
}

/// The `name` of the JavaScript `Error` for `error`.
pub fn error_name(error: &Error) -> &'static str {
    match error {
        Error::Validation(_) => "ValidationError",
        Error::Service(e) => e.name.as_str(),
        Error::Network(_) => "NetworkError",
        Error::Timeout(_) => "TimeoutError",
        Error::Aborted => "AbortError",
        Error::SecretHashProvider(_) => "SecretHashError",
    }
}

/// `{name, message, …}`: the members of the JavaScript `Error`.
pub fn error(error: &Error) -> String {
    error_after(error, false)
}

/// [`error`]; `after_lost` says an earlier attempt of the call failed in a
/// way that may have reached Cognito, so this answer may be its consequence
/// (`UsernameExistsException` because that attempt created the user, say).
pub fn error_after(error: &Error, after_lost: bool) -> String {
    let mut w = ObjectWriter::new();
    w.string("name", error_name(error)).string("message", &error.message());
    match error {
        Error::Validation(e) => {
            w.string("field", &e.field).string("rule", e.rule.code());
        }
        Error::Service(e) => {
            w.number("status", e.status.into())
                .opt_string("requestId", e.request_id.as_deref())
                .opt_string("errorType", e.error_type.as_deref())
                .opt_bool("earlierAttemptMayHaveSucceeded", after_lost.then_some(true));
        }
        Error::Timeout(ms) => {
            w.number("timeoutMs", (*ms).into());
        }
        Error::Network(_) | Error::Aborted | Error::SecretHashProvider(_) => {}
    }
    w.finish()
}

/// What the export `kind` resolves with.
pub fn result(kind: Kind, sent: Sent) -> Result<String, Error> {
    let (output, recovered) = match sent {
        Sent::Output(output) => (output, false),
        Sent::Recovered => (Value::Object(Vec::new()), true),
    };
    Ok(match kind {
        Kind::ConfirmSignUp => confirm(&output, recovered),
        Kind::ResendSignUpCode => resend(&output),
        Kind::AutoSignIn => sign_in(&output)?,
        Kind::SignUp => sign_up(&output)?,
    })
}

/// `{ isSignUpComplete, userId, nextStep: { signUpStep, codeDeliveryDetails? }, session? }`
fn sign_up(output: &Value) -> Result<String, Error> {
    let out = SignUpOutput::from_json(output)?;
    let mut next_step = ObjectWriter::new();
    if !out.user_confirmed {
        next_step.string("signUpStep", "CONFIRM_SIGN_UP");
        if let Some(details) = out.code_delivery {
            next_step.raw("codeDeliveryDetails", &delivery(Some(details)));
        }
    } else if out.session.is_some() {
        next_step.string("signUpStep", "COMPLETE_AUTO_SIGN_IN");
    } else {
        next_step.string("signUpStep", "DONE");
    }
    let mut w = ObjectWriter::new();
    w.bool("isSignUpComplete", out.user_confirmed)
        .string("userId", out.user_sub)
        .raw("nextStep", &next_step.finish())
        .opt_string("session", out.session);
    Ok(w.finish())
}

/// `{ isSignUpComplete: true, nextStep: { signUpStep }, session?, confirmedByEarlierAttempt? }`
fn confirm(output: &Value, recovered: bool) -> String {
    let session = ConfirmSignUpOutput::from_json(output).session;
    let mut next_step = ObjectWriter::new();
    next_step.string(
        "signUpStep",
        if session.is_some() {
            "COMPLETE_AUTO_SIGN_IN"
        } else {
            "DONE"
        },
    );
    let mut w = ObjectWriter::new();
    w.bool("isSignUpComplete", true)
        .raw("nextStep", &next_step.finish())
        .opt_string("session", session)
        .opt_bool("confirmedByEarlierAttempt", recovered.then_some(true));
    w.finish()
}

/// `{ destination?, deliveryMedium?, attributeName? }`
fn resend(output: &Value) -> String {
    delivery(output.get("CodeDeliveryDetails"))
}

/// `CodeDeliveryDetails` (see `CodeDeliveryDetails`) as the result spells it:
/// a table and one loop, where a line a member cost 0.1 kB more.
fn delivery(details: Option<&Value>) -> String {
    const NAMES: [(&str, &str); 3] = [
        ("Destination", "destination"),
        ("DeliveryMedium", "deliveryMedium"),
        ("AttributeName", "attributeName"),
    ];
    let mut w = ObjectWriter::new();
    for (cognito, ours) in NAMES {
        w.opt_string(ours, details.and_then(|d| d.get_str(cognito)));
    }
    w.finish()
}

/// `{ isSignedIn: true, tokens, nextStep: { signInStep: "DONE" } }` or the challenge.
fn sign_in(output: &Value) -> Result<String, Error> {
    let mut w = ObjectWriter::new();
    let mut next_step = ObjectWriter::new();
    match AutoSignInOutput::from_json(output)? {
        AutoSignInOutput::SignedIn(Tokens(result)) => {
            const TOKENS: [(&str, &str); 3] = [
                ("AccessToken", "accessToken"),
                ("IdToken", "idToken"),
                ("RefreshToken", "refreshToken"),
            ];
            let mut tokens = ObjectWriter::new();
            for (cognito, ours) in TOKENS {
                tokens.opt_string(ours, token(result, cognito));
            }
            tokens.opt_string("tokenType", string(result, "TokenType"));
            if let Some(Value::Number(n)) = result.get("ExpiresIn") {
                if let Some(seconds) = parse_u32(n) {
                    tokens.number("expiresIn", seconds.into());
                }
            }
            w.bool("isSignedIn", true).raw("tokens", &tokens.finish());
            let device = result.get("NewDeviceMetadata");
            let key = device.and_then(|d| string(d, "DeviceKey"));
            if let (Some(d), Some(key)) = (device, key.filter(|k| k.len() <= 55)) {
                let mut w_device = ObjectWriter::new();
                w_device
                    .string("deviceKey", key)
                    .opt_string("deviceGroupKey", string(d, "DeviceGroupKey"));
                w.raw("newDeviceMetadata", &w_device.finish());
            }
            next_step.string("signInStep", "DONE");
        }
        AutoSignInOutput::Challenge {
            name,
            session,
            parameters,
            available,
        } => {
            let mut challenge_parameters = ObjectWriter::new();
            for (k, v) in parameters {
                if let Value::String(v) = v {
                    challenge_parameters.string(k, v);
                }
            }
            w.bool("isSignedIn", false);
            next_step
                .string("signInStep", "CHALLENGE")
                .string("challengeName", name)
                .opt_string("session", session)
                .raw("challengeParameters", &challenge_parameters.finish());
            let mut list = String::from("[");
            for v in available {
                if let Value::String(name) = v {
                    if name.is_empty() {
                        continue;
                    }
                    if list.len() > 1 {
                        list.push(',');
                    }
                    crate::wire::json::write_string(&mut list, name);
                }
            }
            if list.len() > 1 {
                list.push(']');
                next_step.raw("availableChallenges", &list);
            }
        }
    }
    w.raw("nextStep", &next_step.finish());
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ServiceError, ServiceErrorName};
    use crate::wire::json::parse;
    use crate::wire::validate::{Rule, ValidationError};

    fn ok(kind: Kind, output: &str) -> String {
        result(kind, Sent::Output(parse(output).unwrap())).unwrap()
    }

    #[test]
    fn confirmation_results() {
        assert_eq!(
            ok(Kind::ConfirmSignUp, "{}"),
            r#"{"isSignUpComplete":true,"nextStep":{"signUpStep":"DONE"}}"#
        );
        assert_eq!(
            ok(Kind::ConfirmSignUp, r#"{"Session":"s\"123456789012345678"}"#),
            r#"{"isSignUpComplete":true,"nextStep":{"signUpStep":"COMPLETE_AUTO_SIGN_IN"},"session":"s\"123456789012345678"}"#
        );
        assert_eq!(
            result(Kind::ConfirmSignUp, Sent::Recovered).unwrap(),
            r#"{"isSignUpComplete":true,"nextStep":{"signUpStep":"DONE"},"confirmedByEarlierAttempt":true}"#
        );
    }

    #[test]
    fn delivery_details() {
        assert_eq!(
            ok(
                Kind::ResendSignUpCode,
                r#"{"CodeDeliveryDetails":{"Destination":"a***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#
            ),
            r#"{"destination":"a***@e***","deliveryMedium":"EMAIL","attributeName":"email"}"#
        );
        assert_eq!(result(Kind::ResendSignUpCode, Sent::Recovered).unwrap(), "{}");
    }

    #[test]
    fn sign_in_results() {
        assert_eq!(
            ok(
                Kind::AutoSignIn,
                r#"{"AuthenticationResult":{"AccessToken":"a","IdToken":"i","ExpiresIn":3600,"TokenType":"Bearer"}}"#
            ),
            r#"{"isSignedIn":true,"tokens":{"accessToken":"a","idToken":"i","tokenType":"Bearer","expiresIn":3600},"nextStep":{"signInStep":"DONE"}}"#
        );
        assert_eq!(
            ok(
                Kind::AutoSignIn,
                r#"{"ChallengeName":"SELECT_CHALLENGE","Session":"ssssssssssssssssssss","ChallengeParameters":{},"AvailableChallenges":["EMAIL_OTP","PASSWORD"]}"#
            ),
            r#"{"isSignedIn":false,"nextStep":{"signInStep":"CHALLENGE","challengeName":"SELECT_CHALLENGE","session":"ssssssssssssssssssss","challengeParameters":{},"availableChallenges":["EMAIL_OTP","PASSWORD"]}}"#
        );
        assert_eq!(
            ok(
                Kind::AutoSignIn,
                r#"{"ChallengeName":"EMAIL_OTP","ChallengeParameters":{"A":"a","N":1},"AvailableChallenges":[7]}"#
            ),
            r#"{"isSignedIn":false,"nextStep":{"signInStep":"CHALLENGE","challengeName":"EMAIL_OTP","challengeParameters":{"A":"a"}}}"#,
            "string parameters only; no list of choices without a string in it"
        );
        assert_eq!(
            ok(
                Kind::AutoSignIn,
                r#"{"AuthenticationResult":{"AccessToken":"a.b-c_d=","IdToken":"<script>","ExpiresIn":"3600","NewDeviceMetadata":{"DeviceKey":"us-east-1_0a-f","DeviceGroupKey":"g"}}}"#
            ),
            r#"{"isSignedIn":true,"tokens":{"accessToken":"a.b-c_d="},"newDeviceMetadata":{"deviceKey":"us-east-1_0a-f","deviceGroupKey":"g"},"nextStep":{"signInStep":"DONE"}}"#,
            "a token or number outside the model is left out; the device is kept"
        );
        let long_key = format!(
            r#"{{"AuthenticationResult":{{"AccessToken":"a","NewDeviceMetadata":{{"DeviceKey":"{}"}}}}}}"#,
            "k".repeat(56)
        );
        assert!(!ok(Kind::AutoSignIn, &long_key).contains("newDeviceMetadata"));
        let e = result(Kind::AutoSignIn, Sent::Output(parse("{}").unwrap())).unwrap_err();
        assert_eq!(error_name(&e), "UnknownError");
    }

    #[test]
    fn errors_carry_their_members() {
        assert_eq!(
            error(&Error::Validation(ValidationError::new("username", Rule::Required))),
            r#"{"name":"ValidationError","message":"username is required","field":"username","rule":"required"}"#
        );
        let service = Error::Service(ServiceError {
            name: ServiceErrorName::CodeMismatch,
            error_type: Some("CodeMismatchException".into()),
            message: "Invalid code".into(),
            status: 400,
            request_id: Some("r-1".into()),
        });
        assert_eq!(
            error(&service),
            r#"{"name":"CodeMismatchException","message":"Invalid code","status":400,"requestId":"r-1","errorType":"CodeMismatchException"}"#
        );
        assert_eq!(
            error(&Error::Timeout(250)),
            r#"{"name":"TimeoutError","message":"Cognito did not answer within 250 ms","timeoutMs":250}"#
        );
        assert_eq!(
            error(&Error::Aborted),
            r#"{"name":"AbortError","message":"the call was aborted"}"#
        );
    }
}
