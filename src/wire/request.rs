//! The HTTP request of an `awsJson1_1` call, ready for any transport.
//!
//! Cognito's user-facing operations are unsigned (`authtype: none`): a POST
//! with two headers and a JSON body. Nothing here knows how it will be sent.

use alloc::string::String;

use crate::wire::text::concat;

/// The `Content-Type` of every call.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// One request to send.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub url: String,
    /// The `X-Amz-Target` header.
    pub target: String,
    pub body: String,
}

impl HttpRequest {
    /// A call of `operation` (such as `"ConfirmSignUp"`) on `url`.
    pub fn new(url: String, operation: &str, body: String) -> Self {
        HttpRequest {
            url,
            target: concat(&["AWSCognitoIdentityProviderService.", operation]),
            body,
        }
    }

    /// The headers to send, all of them. No credentials, no cookies.
    pub fn headers(&self) -> [(&'static str, &str); 2] {
        [("Content-Type", CONTENT_TYPE), ("X-Amz-Target", &self.target)]
    }
}

/// The body carries the SecretHash and the confirmation code: show neither.
impl core::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HttpRequest")
            .field("url", &self.url)
            .field("target", &self.target)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_name_the_operation() {
        let r = HttpRequest::new("https://x/".into(), "ConfirmSignUp", "{}".into());
        assert_eq!(
            r.headers(),
            [
                ("Content-Type", "application/x-amz-json-1.1"),
                ("X-Amz-Target", "AWSCognitoIdentityProviderService.ConfirmSignUp")
            ]
        );
    }

    #[test]
    fn debug_hides_the_body() {
        let r = HttpRequest::new(
            "https://x/".into(),
            "ConfirmSignUp",
            r#"{"SecretHash":"s3cr3t"}"#.into(),
        );
        assert!(!format!("{r:?}").contains("s3cr3t"));
    }
}
