//! What can go wrong, as the types the core decides with; the JavaScript
//! `Error` a caller switches on is written from them by [`crate::call::settle`].
//!
//! Cognito's errors arrive as a name (`__type`) and a message. The names of the
//! sign-up flow's models become [`ServiceErrorName`]; a name outside the model
//! becomes [`ServiceErrorName::Unknown`] with its text kept in
//! [`ServiceError::error_type`], so a new Cognito error is never a parse
//! failure. Failures that never reached Cognito (bad input, no network,
//! timeout, abort, the SecretHash provider) have variants of their own.

use alloc::boxed::Box;
use alloc::string::String;

use crate::wire::text::{concat, find, push_uint, replace_all};
use crate::wire::validate::ValidationError;

macro_rules! service_error_names {
    ($($variant:ident = $text:literal,)*) => {
        /// The error names of the models of SignUp, ConfirmSignUp,
        /// ResendConfirmationCode and InitiateAuth, plus `Unknown`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ServiceErrorName {
            $($variant,)*
            /// A name outside the model, or no name at all (an HTML error page, say).
            Unknown,
        }

        impl ServiceErrorName {
            /// Every name of the model, for tests and documentation.
            pub const MODELED: &'static [ServiceErrorName] = &[$(ServiceErrorName::$variant,)*];

            /// The names, in the order of [`ServiceErrorName::MODELED`], then `Unknown`'s:
            /// one table serves both directions.
            const NAMES: &'static [&'static str] = &[$($text,)* "UnknownError"];

            /// The name as Cognito spells it; `"UnknownError"` for [`ServiceErrorName::Unknown`].
            pub fn as_str(self) -> &'static str {
                Self::NAMES.get(self as usize).copied().unwrap_or_default()
            }

            /// The name for an already normalised error type.
            pub fn from_type(error_type: &str) -> ServiceErrorName {
                for (name, text) in Self::MODELED.iter().zip(Self::NAMES) {
                    if *text == error_type {
                        return *name;
                    }
                }
                ServiceErrorName::Unknown
            }
        }
    };
}

service_error_names! {
    ResourceNotFound = "ResourceNotFoundException",
    InvalidParameter = "InvalidParameterException",
    UnexpectedLambda = "UnexpectedLambdaException",
    UserLambdaValidation = "UserLambdaValidationException",
    NotAuthorized = "NotAuthorizedException",
    TooManyFailedAttempts = "TooManyFailedAttemptsException",
    CodeMismatch = "CodeMismatchException",
    ExpiredCode = "ExpiredCodeException",
    InvalidLambdaResponse = "InvalidLambdaResponseException",
    AliasExists = "AliasExistsException",
    TooManyRequests = "TooManyRequestsException",
    LimitExceeded = "LimitExceededException",
    UserNotFound = "UserNotFoundException",
    OperationNotEnabled = "OperationNotEnabledException",
    InternalError = "InternalErrorException",
    Forbidden = "ForbiddenException",
    // ResendConfirmationCode and InitiateAuth add these.
    CodeDeliveryFailure = "CodeDeliveryFailureException",
    InvalidEmailRoleAccessPolicy = "InvalidEmailRoleAccessPolicyException",
    InvalidSmsRoleAccessPolicy = "InvalidSmsRoleAccessPolicyException",
    InvalidSmsRoleTrustRelationship = "InvalidSmsRoleTrustRelationshipException",
    InvalidUserPoolConfiguration = "InvalidUserPoolConfigurationException",
    PasswordResetRequired = "PasswordResetRequiredException",
    UserNotConfirmed = "UserNotConfirmedException",
    UnsupportedOperation = "UnsupportedOperationException",
    FeatureUnavailableInTier = "FeatureUnavailableInTierException",
    // SignUp adds these.
    InvalidPassword = "InvalidPasswordException",
    UsernameExists = "UsernameExistsException",
}

/// Cognito (or something in front of it) answered with an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    pub name: ServiceErrorName,
    /// The error type as received, after normalisation; `None` when there was none.
    pub error_type: Option<String>,
    pub message: String,
    pub status: u16,
    pub request_id: Option<String>,
}

impl ServiceError {
    /// An answer that is no modeled error, described by this crate (`status`
    /// is the HTTP status it came with): a 2xx without what the model
    /// requires of it, a redirect, a body over the cap.
    pub fn unknown(status: u16, message: &str) -> ServiceError {
        ServiceError {
            name: ServiceErrorName::Unknown,
            error_type: None,
            message: String::from(message),
            status,
            request_id: None,
        }
    }

    /// Removes every occurrence of each of `secrets` from every member, then
    /// cuts each to [`MAX_TEXT_CHARS`]. Servers echo parameters back in
    /// messages now and then; a secret must not ride along, not even the part
    /// of one that a cut leaves.
    pub fn redact(&mut self, secrets: &[String]) {
        // Bytes, not characters: a wider window is as safe, and cheaper to know.
        let mut longest = 0;
        for secret in secrets {
            longest = longest.max(secret.len());
        }
        self.message = redacted(&self.message, secrets, longest);
        if let Some(t) = &mut self.error_type {
            *t = redacted(t, secrets, longest);
        }
        if let Some(id) = &mut self.request_id {
            *id = redacted(id, secrets, longest);
        }
    }
}

/// Longer service texts are cut: a proxy's page or a hostile server must not flood a form.
pub const MAX_TEXT_CHARS: usize = 1024;

const REDACTED: &str = "[redacted]";

/// `text` without `secrets`, cut to [`MAX_TEXT_CHARS`] characters. Only the
/// first `MAX_TEXT_CHARS + longest` characters are searched: nothing after
/// them survives the cut, and the search stays linear in the cap, not in
/// whatever a server sent.
fn redacted(text: &str, secrets: &[String], longest: usize) -> String {
    let window = prefix(text, MAX_TEXT_CHARS + longest);
    let mut out = String::from(window);
    for secret in secrets {
        if !secret.is_empty() && find(&out, secret).is_some() {
            out = replace_all(&out, secret, REDACTED);
        }
    }
    let kept = prefix(&out, MAX_TEXT_CHARS);
    if kept.len() < out.len() || window.len() < text.len() {
        let mut kept = kept;
        // A secret that starts before the cut and is cut short.
        let mut tail = "";
        for secret in secrets {
            let mut k = secret.len();
            while k > 1 {
                k -= 1;
                if let Some(part) = secret.get(..k).filter(|part| kept.ends_with(part)) {
                    kept = kept.get(..kept.len() - part.len()).unwrap_or_default();
                    tail = REDACTED;
                    break;
                }
            }
        }
        return concat(&[kept, tail, "…"]);
    }
    out
}

/// The first `chars` characters of `s`.
pub fn prefix(s: &str, chars: usize) -> &str {
    // Counted as `text::char_count` does: the bytes that start a character.
    let mut seen = 0;
    for (i, b) in s.bytes().enumerate() {
        if b & 0xC0 != 0x80 {
            if seen == chars {
                return s.get(..i).unwrap_or(s);
            }
            seen += 1;
        }
    }
    s
}

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    Validation(ValidationError),
    /// Boxed, as [`ValidationError`] is: an `Error` moves as two words.
    Service(Box<ServiceError>),
    /// The request could not be sent or its answer not read: offline, DNS,
    /// TLS, CORS refused, connection reset. The request may or may not have
    /// reached Cognito.
    Network(String),
    /// No answer within this many milliseconds.
    Timeout(u32),
    Aborted,
    /// The caller's SecretHash provider failed (its backend was unreachable, say).
    SecretHashProvider(String),
}

impl Error {
    /// The message for people: Cognito's own for service errors.
    pub fn message(&self) -> String {
        match self {
            Error::Validation(e) => e.message(),
            Error::Service(e) => e.message.clone(),
            Error::Network(cause) => concat(&["could not reach Cognito: ", cause]),
            Error::Timeout(ms) => {
                let mut out = String::from("Cognito did not answer within ");
                push_uint(&mut out, u64::from(*ms));
                out.push_str(" ms");
                out
            }
            Error::Aborted => String::from("the call was aborted"),
            Error::SecretHashProvider(cause) => concat(&["the secretHash provider failed: ", cause]),
        }
    }
}

impl From<ValidationError> for Error {
    fn from(e: ValidationError) -> Self {
        Error::Validation(e)
    }
}

impl From<ServiceError> for Error {
    fn from(e: ServiceError) -> Self {
        Error::Service(Box::new(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modeled_names_round_trip() {
        assert_eq!(ServiceErrorName::MODELED.len(), 27);
        for &name in ServiceErrorName::MODELED {
            assert_eq!(ServiceErrorName::from_type(name.as_str()), name);
        }
        assert_eq!(
            ServiceErrorName::from_type("BrandNewException"),
            ServiceErrorName::Unknown
        );
    }

    #[test]
    fn messages_of_local_failures() {
        assert_eq!(Error::Timeout(1500).message(), "Cognito did not answer within 1500 ms");
        assert_eq!(
            Error::Network("Failed to fetch".into()).message(),
            "could not reach Cognito: Failed to fetch"
        );
        assert_eq!(Error::Aborted.message(), "the call was aborted");
    }

    #[test]
    fn prefix_cuts_after_whole_characters() {
        for s in ["", "abc", "é", "José😀x", "😀😀😀", "a\u{301}b"] {
            for n in 0..7 {
                let expected: String = s.chars().take(n).collect();
                assert_eq!(prefix(s, n), expected, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn redact_removes_every_occurrence_in_every_member() {
        let mut e = ServiceError {
            name: ServiceErrorName::NotAuthorized,
            error_type: Some("NotAuthorizedException abc=".into()),
            message: "hash abc= does not match abc=".into(),
            status: 400,
            request_id: Some("abc=-1".into()),
        };
        e.redact(&["abc=".into(), String::new()]);
        assert_eq!(e.message, "hash [redacted] does not match [redacted]");
        assert_eq!(e.error_type.as_deref(), Some("NotAuthorizedException [redacted]"));
        assert_eq!(e.request_id.as_deref(), Some("[redacted]-1"));
    }

    #[test]
    fn redact_then_cut_leaves_no_part_of_a_secret() {
        let secret = String::from("S3CRETHASHVALUE=");
        for at in MAX_TEXT_CHARS - 20..MAX_TEXT_CHARS + 4 {
            let message = concat(&[&"é".repeat(at), &secret, " tail"]);
            let mut e = ServiceError {
                name: ServiceErrorName::Unknown,
                error_type: None,
                message: message.clone(),
                status: 400,
                request_id: None,
            };
            e.redact(core::slice::from_ref(&secret));
            assert!(
                !e.message.contains("S3C"),
                "at {at}: …{}",
                &e.message[e.message.len() - 30..]
            );
            assert!(e.message.chars().count() <= MAX_TEXT_CHARS + REDACTED.len() + 1);
        }
        let mut short = ServiceError {
            name: ServiceErrorName::Unknown,
            error_type: None,
            message: "fine".into(),
            status: 400,
            request_id: None,
        };
        short.redact(&[]);
        assert_eq!(short.message, "fine");
        let mut long = short.clone();
        long.message = "x".repeat(100_000);
        long.redact(&[]);
        assert_eq!(long.message.chars().count(), MAX_TEXT_CHARS + 1);
    }
}
