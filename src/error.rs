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

use crate::wire::text::{char_count, concat, push_uint};
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
        // A modeled name's type is that name, a fixed text: nothing to hide.
        if let Some(t) = self
            .error_type
            .as_mut()
            .filter(|_| self.name == ServiceErrorName::Unknown)
        {
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
    let out = hidden(window, secrets);
    let kept = prefix(&out, MAX_TEXT_CHARS);
    if kept.len() < out.len() || window.len() < text.len() {
        let mut kept = kept;
        // A secret that starts before the cut and is cut short.
        let mut tail = "";
        for secret in secrets {
            let mut k = secret.len();
            while k > 1 {
                k -= 1;
                if let Some(part) = secret.get(..k).filter(|part| {
                    kept.ends_with(part) && stands(kept.as_bytes(), kept.len() - part.len(), secret, false)
                }) {
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

/// A secret of fewer characters than this is hidden only where it stands
/// as a word of its own: `en` or `1` would otherwise blank out pieces of
/// every message and request id.
pub const SHORT_SECRET_CHARS: usize = 8;

/// `text` with every occurrence of every secret hidden, each run of hidden
/// text written as one [`REDACTED`]. Occurrences are found in `text` as it
/// came, never in what replaced another, so secrets that overlap or
/// contain one another are hidden whole, whatever their order.
fn hidden(text: &str, secrets: &[String]) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut run_end = None;
    let mut visible_from = 0;
    for at in 0..bytes.len() {
        for secret in secrets {
            // A match of a whole str's bytes starts and ends on characters.
            if !secret.is_empty() && bytes[at..].starts_with(secret.as_bytes()) && stands(bytes, at, secret, true) {
                if !run_end.is_some_and(|end| at <= end) {
                    out.push_str(text.get(visible_from..at).unwrap_or_default());
                    out.push_str(REDACTED);
                }
                visible_from = run_end.unwrap_or(0).max(at + secret.len());
                run_end = Some(visible_from);
            }
        }
    }
    out.push_str(text.get(visible_from..).unwrap_or_default());
    out
}

/// Whether `secret`, found at `at` in `text`, is hidden there: always when
/// it is long, else only when no ASCII letter or digit is glued to it
/// (after it only when `whole`: a cut-short secret has no end in `text`).
fn stands(text: &[u8], at: usize, secret: &str, whole: bool) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let secret_bytes = secret.as_bytes();
    let glued_before = word(text.get(at.wrapping_sub(1))) && word(secret_bytes.first());
    let glued_after = whole && word(text.get(at + secret.len())) && word(secret_bytes.last());
    char_count(secret) >= SHORT_SECRET_CHARS || !(glued_before || glued_after)
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

    fn service_error(name: ServiceErrorName, error_type: &str, message: &str, request_id: &str) -> ServiceError {
        ServiceError {
            name,
            error_type: Some(error_type.into()),
            message: message.into(),
            status: 400,
            request_id: Some(request_id.into()),
        }
    }

    fn secrets(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| String::from(*v)).collect()
    }

    #[test]
    fn redact_removes_every_occurrence_in_every_member() {
        let mut e = service_error(
            ServiceErrorName::Unknown,
            "ShinyException abc=",
            "hash abc= does not match abc=",
            "abc=-1",
        );
        e.redact(&secrets(&["abc=", ""]));
        assert_eq!(e.message, "hash [redacted] does not match [redacted]");
        assert_eq!(e.error_type.as_deref(), Some("ShinyException [redacted]"));
        assert_eq!(e.request_id.as_deref(), Some("[redacted]-1"));
    }

    #[test]
    fn a_secret_inside_or_across_another_is_hidden_whole_in_any_order() {
        let message = "PreSignUp failed: jsmith@corp-internal.example is not invited";
        for order in [
            ["jsmith", "jsmith@corp-internal.example"],
            ["jsmith@corp-internal.example", "jsmith"],
        ] {
            let mut e = service_error(
                ServiceErrorName::UserLambdaValidation,
                "UserLambdaValidationException",
                message,
                "r",
            );
            e.redact(&secrets(&order));
            assert_eq!(e.message, "PreSignUp failed: [redacted] is not invited", "{order:?}");
        }
        // Overlapping, neither inside the other: one run, nothing of either left.
        let mut e = service_error(ServiceErrorName::Unknown, "T", "x abcdefghij-klmnop y", "r");
        e.redact(&secrets(&["abcdefghij", "ghij-klmnop"]));
        assert_eq!(e.message, "x [redacted] y");
        // A replacement is never searched again ("dacted] and" is only in what replaced "hunter22").
        let mut e = service_error(ServiceErrorName::Unknown, "T", "hunter22 and dacted", "r");
        e.redact(&secrets(&["hunter22", "dacted] and"]));
        assert_eq!(e.message, "[redacted] and dacted");
    }

    #[test]
    fn a_short_secret_is_hidden_only_as_a_word_of_its_own() {
        let id = "1b2c3d4e-0000-4111-8e1f-123456789abc";
        let mut e = service_error(
            ServiceErrorName::InvalidPassword,
            "InvalidPasswordException",
            "1 validation error: Password not long enough",
            id,
        );
        let values = secrets(&["en", "1", "e", "Password"]);
        e.redact(&values);
        // "Password" is long: hidden anywhere. The rest stand nowhere as words but "1".
        assert_eq!(e.message, "[redacted] validation error: [redacted] not long enough");
        // A modeled name's type is that name: never touched.
        assert_eq!(e.error_type.as_deref(), Some("InvalidPasswordException"));
        assert_eq!(e.request_id.as_deref(), Some(id));
        let mut e = service_error(
            ServiceErrorName::Unknown,
            "Bad_en",
            "locale en (or \"e\") refused; see 1.",
            "e",
        );
        e.redact(&values);
        assert_eq!(
            e.message,
            "locale [redacted] (or \"[redacted]\") refused; see [redacted]."
        );
        assert_eq!(e.error_type.as_deref(), Some("Bad_[redacted]"));
        assert_eq!(e.request_id.as_deref(), Some("[redacted]"));
        // From eight characters on, a secret is hidden wherever it is.
        let mut e = service_error(ServiceErrorName::Unknown, "T", "xhunter22x and ahunter2b", "r");
        e.redact(&secrets(&["hunter22", "hunter2"]));
        assert_eq!(e.message, "x[redacted]x and ahunter2b");
        assert_eq!(SHORT_SECRET_CHARS, 8);
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
