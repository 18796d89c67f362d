//! What can go wrong, as types a caller can match on.
//!
//! Cognito's errors arrive as a name (`__type`) and a message. The names of the
//! ConfirmSignUp model become [`ServiceErrorName`]; a name outside the model
//! becomes [`ServiceErrorName::Unknown`] with its text kept in
//! [`ServiceError::error_type`], so a new Cognito error is never a parse failure. Failures that never reached Cognito
//! (bad input, no network, timeout, abort) have variants of their own.

use std::fmt;

use crate::validate::ValidationError;

macro_rules! service_error_names {
    ($($variant:ident = $text:literal,)*) => {
        /// The error names of Cognito's ConfirmSignUp model, plus `Unknown`.
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
        if !secret.is_empty() && self.message.contains(secret) {
            self.message = self.message.replace(secret, "[redacted]");
        }
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name.as_str(), self.message)
    }
}

/// Why a call did not succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Validation(#[from] ValidationError),
    #[error("{0}")]
    Service(ServiceError),
    /// The request could not be sent or its answer not read: offline, DNS,
    /// TLS, CORS refused, connection reset. The request may or may not have
    /// reached Cognito.
    #[error("could not reach Cognito: {0}")]
    Network(String),
    #[error("Cognito did not answer within {0} ms")]
    Timeout(u32),
    #[error("the call was aborted")]
    Aborted,
    /// The caller's SecretHash provider failed (its backend was unreachable, say).
    #[error("the secretHash provider failed: {0}")]
    SecretHashProvider(String),
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
    fn sixteen_modeled_names_round_trip() {
        assert_eq!(ServiceErrorName::MODELED.len(), 16);
        for &name in ServiceErrorName::MODELED {
            assert_eq!(ServiceErrorName::from_type(name.as_str()), name);
        }
        assert_eq!(
            ServiceErrorName::from_type("BrandNewException"),
            ServiceErrorName::Unknown
        );
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
