//! `confirmSignUp` (Cognito's ConfirmSignUp): its input, checked against the
//! model and written as the request body; Cognito's answer; the result.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Operation, Sensitive, UserCall};
use crate::error::{ServiceError, ServiceErrorName};
use crate::wire::json::{ObjectWriter, Value};
use crate::wire::text::find;
use crate::wire::validate::{self, ValidationError};

/// Every member of `ConfirmSignUpRequest`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ConfirmSignUp {
    pub user: Box<UserCall>,
    pub confirmation_code: String,
    pub force_alias_creation: Option<bool>,
    pub session: Option<Sensitive>,
}

/// The code is one user's proof of the address: `Debug` shows none of it.
impl core::fmt::Debug for ConfirmSignUp {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ConfirmSignUp")
            .field("user", &self.user)
            .field("confirmation_code", &super::Hidden(Some(&self.confirmation_code)))
            .field("force_alias_creation", &self.force_alias_creation)
            .field("session", &self.session)
            .finish()
    }
}

impl Operation for ConfirmSignUp {
    fn name(&self) -> &'static str {
        "ConfirmSignUp"
    }

    fn user(&self) -> &UserCall {
        &self.user
    }

    fn user_mut(&mut self) -> &mut UserCall {
        &mut self.user
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validate::confirmation_code(&self.confirmation_code)?;
        self.user.validate()?;
        if let Some(Sensitive(session)) = &self.session {
            validate::session(session)?;
        }
        Ok(())
    }

    fn body(&self) -> String {
        let mut w = ObjectWriter::new();
        w.string("ClientId", &self.user.client_id)
            .opt_string("SecretHash", self.user.secret_hash())
            .string("Username", &self.user.username)
            .string("ConfirmationCode", &self.confirmation_code)
            .opt_bool("ForceAliasCreation", self.force_alias_creation);
        self.user.write_metadata(&mut w);
        w.opt_string("Session", self.session.as_ref().map(|s| s.0.as_str()));
        w.finish()
    }

    fn done_already(&self, e: &ServiceError) -> bool {
        is_already_confirmed(e)
    }

    fn sensitive<'a>(&'a self, values: &mut Vec<&'a str>) {
        if let Some(session) = &self.session {
            values.push(&session.0);
        }
    }
}

/// Whether Cognito refused because the user is confirmed already: after an
/// attempt that may have reached Cognito, that means the attempt confirmed them.
/// (cognito-local answers `ExpiredCodeException` here, which says nothing of the kind.)
pub fn is_already_confirmed(e: &ServiceError) -> bool {
    e.name == ServiceErrorName::NotAuthorized && find(&e.message, "Current status is CONFIRMED").is_some()
}

/// `ConfirmSignUpResponse`.
#[derive(Clone, PartialEq, Eq)]
pub struct ConfirmSignUpOutput<'a> {
    /// Lets the app sign the user in at once (`InitiateAuth` with `USER_AUTH`).
    pub session: Option<&'a str>,
}

impl core::fmt::Debug for ConfirmSignUpOutput<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ConfirmSignUpOutput")
            .field("session", &super::Hidden(self.session))
            .finish()
    }
}

impl<'a> ConfirmSignUpOutput<'a> {
    pub fn from_json(output: &'a Value) -> Self {
        ConfirmSignUpOutput {
            session: super::session_of(output),
        }
    }
}

/// `{ isSignUpComplete: true, nextStep: { signUpStep }, session?, confirmedByEarlierAttempt? }`,
/// the members written into the object open in `w`.
pub fn result(w: &mut ObjectWriter, output: &Value, recovered: bool) {
    let session = ConfirmSignUpOutput::from_json(output).session;
    w.bool("isSignUpComplete", true);
    let next_step = w.begin("nextStep");
    w.string(
        "signUpStep",
        if session.is_some() {
            "COMPLETE_AUTO_SIGN_IN"
        } else {
            "DONE"
        },
    )
    .end(next_step, false)
    .opt_string("session", session)
    .opt_bool("confirmedByEarlierAttempt", recovered.then_some(true));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operations::UserContextData;
    use crate::wire::json;
    use crate::wire::secret_hash::{ClientSecret, SecretHash};
    use crate::wire::validate::STRING_MAX;

    fn ok(output: &str) -> String {
        let mut w = ObjectWriter::new();
        result(&mut w, &json::parse(output).unwrap(), false);
        w.finish()
    }

    fn minimal() -> ConfirmSignUp {
        ConfirmSignUp {
            user: Box::new(UserCall {
                client_id: "client1".into(),
                username: "alice".into(),
                ..Default::default()
            }),
            confirmation_code: "123456".into(),
            ..Default::default()
        }
    }

    #[test]
    fn minimal_body_has_only_the_required_members() {
        assert_eq!(
            minimal().body(),
            r#"{"ClientId":"client1","Username":"alice","ConfirmationCode":"123456"}"#
        );
    }

    #[test]
    fn full_body_reaches_every_member() {
        let mut op = minimal();
        op.user.secret_hash = Some(SecretHash::compute(&ClientSecret::new("s".into()), "alice", "client1"));
        op.force_alias_creation = Some(true);
        op.user.analytics_endpoint_id = Some("pinpoint-1".into());
        op.user.user_context_data = Some(UserContextData {
            ip_address: Some("192.0.2.1".into()),
            encoded_data: Some("enc".into()),
        });
        op.user.client_metadata = vec![("source".into(), "web".into()), ("q\"".into(), "v".into())];
        op.session = Some(Sensitive("s".repeat(20)));
        let body = json::parse(&op.body()).unwrap();
        let keys: Vec<&str> = match &body {
            Value::Object(m) => m.iter().map(|(k, _)| k.as_str()).collect(),
            _ => unreachable!(),
        };
        assert_eq!(
            keys,
            [
                "ClientId",
                "SecretHash",
                "Username",
                "ConfirmationCode",
                "ForceAliasCreation",
                "AnalyticsMetadata",
                "UserContextData",
                "ClientMetadata",
                "Session"
            ]
        );
        assert_eq!(body.get("ForceAliasCreation"), Some(&Value::Bool(true)));
        assert_eq!(
            body.get("AnalyticsMetadata").unwrap().get_str("AnalyticsEndpointId"),
            Some("pinpoint-1")
        );
        assert_eq!(body.get("UserContextData").unwrap().get_str("EncodedData"), Some("enc"));
        assert_eq!(body.get("ClientMetadata").unwrap().get_str("q\""), Some("v"));
        assert_eq!(body.get_str("SecretHash").map(str::len), Some(44));
    }

    #[test]
    fn empty_user_context_data_and_metadata_are_left_out() {
        let mut op = minimal();
        op.user.user_context_data = Some(UserContextData::default());
        op.force_alias_creation = Some(false);
        assert_eq!(
            op.body(),
            r#"{"ClientId":"client1","Username":"alice","ConfirmationCode":"123456","ForceAliasCreation":false}"#
        );
    }

    #[test]
    fn validate_names_the_first_bad_field() {
        assert!(minimal().validate().is_ok());
        let mut op = minimal();
        op.session = Some(Sensitive("short".into()));
        assert_eq!(op.validate().unwrap_err().field, "session");
        let mut op = minimal();
        op.user.client_metadata = vec![("k".into(), "v".repeat(STRING_MAX + 1))];
        let err = op.validate().unwrap_err();
        assert_eq!(err.field, "clientMetadata.k");
        assert_eq!(err.rule.code(), "length");
        let mut op = minimal();
        op.confirmation_code = "12 34".into();
        assert_eq!(op.validate().unwrap_err().field, "confirmationCode");
    }

    #[test]
    fn call_targets_the_operation_and_redacts_both_secrets() {
        let secret = ClientSecret::new("the-client-secret".into());
        let mut op = minimal();
        op.user.secret_hash = Some(SecretHash::compute(&secret, "alice", "client1"));
        let hash = op.user.secret_hash().unwrap().to_owned();
        let call = (&op as &dyn Operation).call("https://x/".into(), Some(&secret));
        assert_eq!(call.request().target, "AWSCognitoIdentityProviderService.ConfirmSignUp");
        assert_eq!(call.request().body, op.body());
        let body = format!(r#"{{"__type":"NotAuthorizedException","message":"{hash} the-client-secret"}}"#);
        let resp = crate::wire::response::HttpResponse {
            status: 400,
            error_type_header: None,
            request_id: None,
            body: &body,
        };
        assert_eq!(
            call.redact(crate::wire::response::parse(&resp).unwrap_err()).message,
            "[redacted] [redacted]"
        );
    }

    #[test]
    fn already_confirmed_is_recognised_by_name_and_message() {
        let e = |name, message: &str| ServiceError {
            name,
            error_type: None,
            message: message.into(),
            status: 400,
            request_id: None,
        };
        assert!(is_already_confirmed(&e(
            ServiceErrorName::NotAuthorized,
            "User cannot be confirmed. Current status is CONFIRMED"
        )));
        assert!(!is_already_confirmed(&e(
            ServiceErrorName::NotAuthorized,
            "Unable to verify secret hash for client x"
        )));
        assert!(!is_already_confirmed(&e(
            ServiceErrorName::ExpiredCode,
            "Current status is CONFIRMED"
        )));
        assert!(minimal().done_already(&e(ServiceErrorName::NotAuthorized, "Current status is CONFIRMED")));
    }

    #[test]
    fn output_session_is_optional() {
        assert_eq!(
            ConfirmSignUpOutput::from_json(&json::parse("{}").unwrap()).session,
            None
        );
        let s = "a".repeat(20);
        let v = json::parse(&format!(r#"{{"Session":"{s}"}}"#)).unwrap();
        let out = ConfirmSignUpOutput::from_json(&v);
        assert_eq!(out.session, Some(s.as_str()));
        let v = json::parse(r#"{"Session":"abc"}"#).unwrap();
        let out = ConfirmSignUpOutput::from_json(&v);
        assert_eq!(out.session, None, "shorter than the model allows");
    }

    #[test]
    fn confirmation_results() {
        assert_eq!(
            ok("{}"),
            r#"{"isSignUpComplete":true,"nextStep":{"signUpStep":"DONE"}}"#
        );
        assert_eq!(
            ok(r#"{"Session":"s\"123456789012345678"}"#),
            r#"{"isSignUpComplete":true,"nextStep":{"signUpStep":"COMPLETE_AUTO_SIGN_IN"},"session":"s\"123456789012345678"}"#
        );
    }
}
