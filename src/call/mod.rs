//! One call to Cognito from prepared request to parsed outcome, with no I/O.
//!
//! The transport sends [`Call::request`] however it likes and hands the
//! answer to [`Call::finish`]. The call remembers which secrets went into the
//! request, so that none of them can come back out in an error message.

pub mod arguments;
pub mod retry;
pub mod settle;
pub mod steps;

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::ServiceError;
use crate::wire::json::Value;
use crate::wire::request::HttpRequest;
use crate::wire::response::{self, HttpResponse};

pub struct Call {
    request: HttpRequest,
    secrets: Vec<String>,
}

impl Call {
    /// A call of `operation` on `url` with a JSON `body`.
    pub fn new(url: String, operation: &str, body: String) -> Self {
        Call {
            request: HttpRequest::new(url, operation, body),
            secrets: Vec::new(),
        }
    }

    /// Marks `secret` as something no error may repeat.
    pub fn redacting(mut self, secret: &str) -> Self {
        if !secret.is_empty() {
            self.secrets.push(secret.to_owned());
        }
        self
    }

    pub fn request(&self) -> &HttpRequest {
        &self.request
    }

    /// The output object, or the service's error with every secret redacted.
    pub fn finish(&self, response: &HttpResponse<'_>) -> Result<Value, ServiceError> {
        response::parse(response).map_err(|e| self.redact(e))
    }

    /// `e`, an error `response::parse` found in this call's answer, with every secret redacted.
    pub fn redact(&self, mut e: ServiceError) -> ServiceError {
        e.redact(&self.secrets);
        e
    }
}

impl core::fmt::Debug for Call {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Call")
            .field("request", &self.request)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_never_repeat_a_secret() {
        let call = Call::new("https://x/".into(), "ConfirmSignUp", "{}".into())
            .redacting("hash==")
            .redacting("");
        let body = r#"{"__type":"NotAuthorizedException","message":"SecretHash hash== does not match"}"#;
        let e = call
            .finish(&HttpResponse {
                status: 400,
                error_type_header: None,
                request_id: None,
                body,
            })
            .unwrap_err();
        assert_eq!(e.message, "SecretHash [redacted] does not match");
        assert!(!format!("{call:?}").contains("hash=="));
    }
}
