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
use crate::operations::{auto_sign_in, confirm_sign_up, resend_sign_up_code, sign_up};
use crate::wire::json::{ObjectWriter, Value};

/// How a call ended well.
pub enum Sent {
    /// Cognito's output object.
    Output(Value),
    /// A retry found the work done by an earlier attempt.
    Recovered,
}

/// The output may hold tokens and a session: `Debug` shows none of it.
impl core::fmt::Debug for Sent {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Sent::Output(_) => "Output(<redacted>)",
            Sent::Recovered => "Recovered",
        })
    }
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
#[cfg(test)]
pub fn error(error: &Error) -> String {
    let mut w = ObjectWriter::new();
    write_error(&mut w, error, false);
    w.finish()
}

/// `{"error": {name, message, …}}`: a step's answer for `error`;
/// `after_lost` says an earlier attempt of the call failed in a way that may
/// have reached Cognito, so this answer may be its consequence
/// (`UsernameExistsException` because that attempt created the user, say).
pub fn error_answer(error: &Error, after_lost: bool) -> String {
    let mut w = ObjectWriter::new();
    let at = w.begin("error");
    write_error(&mut w, error, after_lost);
    w.end(at, false);
    w.finish()
}

/// The members of the JavaScript `Error` for `error`, into an object open in `w`.
fn write_error(w: &mut ObjectWriter, error: &Error, after_lost: bool) {
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
}

/// What the export `kind` resolves with.
#[cfg(test)]
pub fn result(kind: Kind, sent: Sent) -> Result<String, Error> {
    let mut w = ObjectWriter::new();
    write_result(&mut w, kind, sent)?;
    Ok(w.finish())
}

/// `{"ok": result}`: a step's answer when the export `kind` resolves.
pub fn result_answer(kind: Kind, sent: Sent) -> Result<String, Error> {
    let mut w = ObjectWriter::new();
    let at = w.begin("ok");
    write_result(&mut w, kind, sent)?;
    w.end(at, false);
    Ok(w.finish())
}

fn write_result(w: &mut ObjectWriter, kind: Kind, sent: Sent) -> Result<(), Error> {
    let (output, recovered) = match sent {
        Sent::Output(output) => (output, false),
        Sent::Recovered => (Value::Object(Vec::new()), true),
    };
    match kind {
        Kind::ConfirmSignUp => confirm_sign_up::result(w, &output, recovered),
        Kind::ResendSignUpCode => resend_sign_up_code::result(w, &output),
        Kind::AutoSignIn => auto_sign_in::result(w, &output)?,
        Kind::SignUp => sign_up::result(w, &output)?,
    }
    crate::discard(output);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ServiceError, ServiceErrorName};
    use crate::wire::validate::{Rule, ValidationError};

    #[test]
    fn a_recovered_call_settles_as_an_empty_output() {
        assert_eq!(
            result(Kind::ConfirmSignUp, Sent::Recovered).unwrap(),
            r#"{"isSignUpComplete":true,"nextStep":{"signUpStep":"DONE"},"confirmedByEarlierAttempt":true}"#
        );
        assert_eq!(result(Kind::ResendSignUpCode, Sent::Recovered).unwrap(), "{}");
    }

    #[test]
    fn errors_carry_their_members() {
        assert_eq!(
            error(&Error::Validation(ValidationError::new("username", Rule::Required))),
            r#"{"name":"ValidationError","message":"username is required","field":"username","rule":"required"}"#
        );
        let service = Error::from(ServiceError {
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
