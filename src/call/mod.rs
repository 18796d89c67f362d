//! The call machinery: one export's call, from the driver's arguments to what
//! the promise settles with, with no I/O.
//!
//! [`arguments`] reads the JSON the driver sends into an operation and its
//! config; [`steps`] answers the driver's two questions (`prepare`: what to
//! send; `judge`: what an attempt's outcome means); [`retry`] decides whether
//! a failed attempt is tried again; [`settle`] writes the error (and
//! dispatches to the operation's result writer) as JSON for the driver.
//!
//! [`Call`] is the request of one call together with the secrets that went
//! into it (client secret, SecretHash, the model's `sensitive` values), so
//! that [`Call::redact`] keeps every one of them out of an error message.

pub mod arguments;
pub mod retry;
pub mod settle;
pub mod steps;

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::ServiceError;
use crate::wire::request::HttpRequest;

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

    /// `e`, an error found in this call's answer, with every secret redacted.
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
    use crate::wire::response::{parse, HttpResponse};

    #[test]
    fn errors_never_repeat_a_secret() {
        let call = Call::new("https://x/".into(), "ConfirmSignUp", "{}".into())
            .redacting("hash==")
            .redacting("");
        let body = r#"{"__type":"NotAuthorizedException","message":"SecretHash hash== does not match"}"#;
        let e = call.redact(
            parse(&HttpResponse {
                status: 400,
                error_type_header: None,
                request_id: None,
                body,
            })
            .unwrap_err(),
        );
        assert_eq!(e.message, "SecretHash [redacted] does not match");
        assert!(!format!("{call:?}").contains("hash=="));
    }
}
