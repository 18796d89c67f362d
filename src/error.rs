//! What can go wrong, as types a caller can match on.
//!
//! Cognito's errors arrive as a name (`__type`) and a message. The names of the
//! ConfirmSignUp model become [`ServiceErrorName`]; a name outside the model
//! becomes [`ServiceErrorName::Unknown`] with its text kept in
//! [`ServiceError::error_type`], so a new Cognito error is never a parse failure. Failures that never reached Cognito
//! (bad input, no network, timeout, abort) have variants of their own.

use alloc::string::String;
use core::fmt;

use crate::text::{concat, find, push_uint, replace_all};
use crate::validate::ValidationError;

macro_rules! service_error_names {
    ($($variant:ident = $text:literal,)*) => {
        /// The error names of the models of ConfirmSignUp, ResendConfirmationCode
        /// and InitiateAuth, plus `Unknown`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ServiceErrorName {
            $($variant,)*
            /// A name outside the model, or no name at all (an HTML error page, say).
            Unknown,
        }

        impl ServiceErrorName {
            /// Every name of the model, for tests and documentation.
            pub const MODELED: &'static [ServiceErrorName] = &[$(ServiceErrorName::$variant,)*];

            /// The name as Cognito spells it; `"UnknownError"` for [`ServiceErrorName::Unknown`].
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ServiceErrorName::$variant => $text,)*
                    ServiceErrorName::Unknown => "UnknownError",
                }
            }

            /// The name for an already normalised error type.
            pub fn from_type(error_type: &str) -> ServiceErrorName {
                match error_type {
                    $($text => ServiceErrorName::$variant,)*
                    _ => ServiceErrorName::Unknown,
                }
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
    /// Replaces every occurrence of `secret` in the message. Servers echo
    /// parameters back in messages now and then; a secret must not ride along.
    pub fn redact(&mut self, secret: &str) {
        if !secret.is_empty() && find(&self.message, secret).is_some() {
            self.message = replace_all(&self.message, secret, "[redacted]");
        }
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&concat(&[self.name.as_str(), ": ", &self.message]))
    }
}

impl core::error::Error for ServiceError {}

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    Validation(ValidationError),
    Service(ServiceError),
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl core::error::Error for Error {}

impl From<ValidationError> for Error {
    fn from(e: ValidationError) -> Self {
        Error::Validation(e)
    }
}

impl From<ServiceError> for Error {
    fn from(e: ServiceError) -> Self {
        Error::Service(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modeled_names_round_trip() {
        assert_eq!(ServiceErrorName::MODELED.len(), 23);
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
            Error::Network("Failed to fetch".into()).to_string(),
            "could not reach Cognito: Failed to fetch"
        );
        assert_eq!(Error::Aborted.message(), "the call was aborted");
    }

    #[test]
    fn redact_removes_every_occurrence() {
        let mut e = ServiceError {
            name: ServiceErrorName::NotAuthorized,
            error_type: Some("NotAuthorizedException".into()),
            message: "hash abc= does not match abc=".into(),
            status: 400,
            request_id: None,
        };
        e.redact("abc=");
        assert_eq!(e.message, "hash [redacted] does not match [redacted]");
        e.redact("");
        assert_eq!(e.message, "hash [redacted] does not match [redacted]");
    }
}
