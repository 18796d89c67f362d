//! The operations of the sign-up flow, and what makes an operation one.
//!
//! Each is named after its JavaScript export, in every layer: `signUp` is
//! [`sign_up`], `SignUp` and `Kind::SignUp`. Cognito's own name, where it
//! differs (`resendSignUpCode` calls `ResendConfirmationCode`, `autoSignIn`
//! calls `InitiateAuth`), appears where it is sent: [`Operation::name`].
//!
//! The flow is one state machine, driven by the caller one event at a time:
//! `signUp` creates the user (and may return a `session`), `confirmSignUp`
//! proves the code (passing that session on, and maybe returning a new one),
//! `autoSignIn` (`InitiateAuth` with `USER_AUTH`) spends the session to sign
//! in; `resendSignUpCode` sends a new code while the user is unconfirmed. No
//! state is kept here between them: each answer hands the caller what the
//! next step needs.
//!
//! Every operation names an app client and a user, may need a SecretHash, and
//! carries the same analytics, threat-protection and Lambda metadata: those
//! members ([`UserCall`]) are checked and written here once. An [`Operation`]
//! adds only its own members, its body and its rules; its file also reads
//! Cognito's answer and writes the result (`result`).
//!
//! A new operation, `fooBar`, touches (the tests named fail until each is done):
//!
//! 1. `src/operations/foo_bar.rs`: `FooBar` (its members), its [`Operation`]
//!    impl (Cognito's name, `validate`, `body`, and `done_already` or
//!    `sensitive` when they apply), its `result` writer, their unit tests;
//!    `pub mod foo_bar;` here.
//! 2. `src/call/arguments.rs`: `Kind::FooBar`, its place in `Kind::EXPORTS`
//!    and `Kind::from_number`, and how `read` reads its members.
//! 3. `src/call/settle.rs`: its arm in `result`; `src/call/steps.rs`: its
//!    name in `OPERATIONS` (what `buildRequest` accepts; a unit test checks).
//! 4. `src/error.rs`: any error name its model adds (`service_error_names!`).
//! 5. `js/driver.js`: its number in `KINDS` (and `NESTED` for a member that is
//!    an object) and its name in `calls()`'s `@returns`; `js/index.js` and
//!    `js/index.node.js`: the export; `js/index.d.ts`: its function, input,
//!    result and error names (`tests/crossing.rs` checks all of these against
//!    `Kind::EXPORTS` and the error table).
//! 6. The fake Cognito (`tests/fake-cognito/server.mjs`) learns it, strictly;
//!    a browser test (`tests/*.rs`) and `docs/` describe it.

pub mod auto_sign_in;
pub mod confirm_sign_up;
pub mod resend_sign_up_code;
pub mod sign_up;

use alloc::string::String;
use alloc::vec::Vec;

use crate::call::Call;
use crate::error::ServiceError;
use crate::wire::json::{ObjectWriter, Value};
use crate::wire::secret_hash::{ClientSecret, SecretHash};
use crate::wire::text::concat;
use crate::wire::validate::{self, Rule, ValidationError, STRING_MAX};

/// A value the model marks `sensitive` (a password, a session): `Debug`
/// shows nothing of it, and [`Operation::sensitive`] lists it for redaction.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Sensitive(pub String);

impl core::fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// How `Debug` shows a secret that an answer carries as a plain `&str` (a
/// session, which the next call sends): whether there is one, never what.
pub struct Hidden<'a>(pub Option<&'a str>);

impl core::fmt::Debug for Hidden<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(if self.0.is_some() { "Some(<redacted>)" } else { "None" })
    }
}

/// `UserContextData`: what Cognito's threat protection reads about the device.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserContextData {
    pub ip_address: Option<String>,
    pub encoded_data: Option<String>,
}

/// The members shared by the calls that act for one user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserCall {
    pub client_id: String,
    pub username: String,
    pub secret_hash: Option<SecretHash>,
    pub analytics_endpoint_id: Option<String>,
    pub user_context_data: Option<UserContextData>,
    /// In the caller's order; keys are unique.
    pub client_metadata: Vec<(String, String)>,
}

impl UserCall {
    /// Checks the shared members against the model. The SecretHash was checked when it was made.
    pub fn validate(&self) -> Result<(), ValidationError> {
        validate::username(&self.username)?;
        validate::client_id(&self.client_id)?;
        if let Some(id) = &self.analytics_endpoint_id {
            validate::length("analyticsMetadata.analyticsEndpointId", id, 0, STRING_MAX)?;
        }
        if let Some(ucd) = &self.user_context_data {
            if let Some(ip) = &ucd.ip_address {
                validate::length("userContextData.ipAddress", ip, 0, STRING_MAX)?;
            }
            if let Some(data) = &ucd.encoded_data {
                validate::length("userContextData.encodedData", data, 0, STRING_MAX)?;
            }
        }
        for (key, value) in &self.client_metadata {
            validate::length_rule(key, 0, STRING_MAX)
                .and_then(|()| validate::length_rule(value, 0, STRING_MAX))
                .map_err(|rule: Rule| ValidationError::new(concat(&["clientMetadata.", key]), rule))?;
        }
        Ok(())
    }

    pub fn secret_hash(&self) -> Option<&str> {
        self.secret_hash.as_ref().map(SecretHash::expose)
    }

    /// Writes `AnalyticsMetadata`, `UserContextData` and `ClientMetadata`, each only when set.
    pub fn write_metadata(&self, w: &mut ObjectWriter) {
        let at = w.begin("AnalyticsMetadata");
        w.opt_string("AnalyticsEndpointId", self.analytics_endpoint_id.as_deref())
            .end(at, true);
        if let Some(ucd) = &self.user_context_data {
            let at = w.begin("UserContextData");
            w.opt_string("IpAddress", ucd.ip_address.as_deref())
                .opt_string("EncodedData", ucd.encoded_data.as_deref())
                .end(at, true);
        }
        let at = w.begin("ClientMetadata");
        for (key, value) in &self.client_metadata {
            w.string(key, value);
        }
        w.end(at, true);
    }
}

/// One Cognito operation that acts for a user. Object safe, so that one
/// copy of the browser edge's flow serves every operation.
pub trait Operation {
    /// The operation's name, for `X-Amz-Target`.
    fn name(&self) -> &'static str;

    fn user(&self) -> &UserCall;
    fn user_mut(&mut self) -> &mut UserCall;
    /// Checks every member against the model.
    fn validate(&self) -> Result<(), ValidationError>;
    /// The JSON body, members the caller left unset left out.
    fn body(&self) -> String;

    /// Whether an error means the work is done already (see [`crate::call::retry`]).
    fn done_already(&self, _: &ServiceError) -> bool {
        false
    }

    /// Adds to `values` the values of the request the model marks
    /// `sensitive`, besides the SecretHash: no error may repeat them.
    fn sensitive<'a>(&'a self, _values: &mut Vec<&'a str>) {}
}

impl dyn Operation {
    /// The call to send to `url`. `client_secret`, when the hash was computed
    /// from one, is redacted from errors along with the hash and every
    /// [`Operation::sensitive`] value. (Not a provided method: one copy serves
    /// every operation.)
    pub fn call(&self, url: String, client_secret: Option<&ClientSecret>) -> Call {
        let mut call = Call::new(url, self.name(), self.body());
        let mut secrets = Vec::new();
        self.sensitive(&mut secrets);
        secrets.extend(self.user().secret_hash());
        secrets.extend(client_secret.map(ClientSecret::expose));
        for secret in secrets {
            call = call.redacting(secret);
        }
        call
    }
}

/// `CodeDeliveryDetails` as the results of `signUp` and `resendSignUpCode`
/// spell it, the members written into the object open in `w`: a table and
/// one loop, where a line a member cost 0.1 kB more.
pub fn delivery(w: &mut ObjectWriter, details: Option<&Value>) {
    const NAMES: [(&str, &str); 3] = [
        ("Destination", "destination"),
        ("DeliveryMedium", "deliveryMedium"),
        ("AttributeName", "attributeName"),
    ];
    for (cognito, ours) in NAMES {
        w.opt_string(ours, details.and_then(|d| d.get_str(cognito)));
    }
}

/// The output's `Session`, when it is what the model allows (20 to 4096
/// characters); anything else is treated as absent.
pub fn session_of(output: &Value) -> Option<&str> {
    output.get_str("Session").filter(|s| validate::session(s).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operations::auto_sign_in::AutoSignIn;
    use crate::operations::confirm_sign_up::ConfirmSignUp;

    fn user() -> UserCall {
        UserCall {
            client_id: "client1".into(),
            username: "alice".into(),
            ..Default::default()
        }
    }

    /// The model marks `SessionType` sensitive: the session stands in for a
    /// password in `autoSignIn`, and `confirmSignUp` passes it on.
    #[test]
    fn a_session_stays_out_of_debug_and_errors() {
        let session = "SeSsIoN-0123456789abcdef";
        let confirm = ConfirmSignUp {
            user: Box::new(user()),
            confirmation_code: "123456".into(),
            session: Some(Sensitive(session.into())),
            ..Default::default()
        };
        let sign_in = AutoSignIn {
            user: Box::new(user()),
            session: Sensitive(session.into()),
        };
        let body =
            alloc::format!(r#"{{"__type":"NotAuthorizedException","message":"session {session} is not valid"}}"#);
        for op in [&confirm as &dyn Operation, &sign_in] {
            assert!(op.validate().is_ok());
            assert!(op.body().contains(session), "the session is sent");
            let e = crate::wire::response::parse(&crate::wire::response::HttpResponse {
                status: 400,
                error_type_header: None,
                request_id: Some(session),
                body: &body,
            })
            .unwrap_err();
            let e = op.call("https://x/".into(), None).redact(e);
            assert_eq!(e.message, "session [redacted] is not valid");
            assert_eq!(e.request_id.as_deref(), Some("[redacted]"));
        }
        for debug in [alloc::format!("{confirm:?}"), alloc::format!("{sign_in:?}")] {
            assert!(!debug.contains(session), "{debug}");
            assert!(!debug.contains("123456"), "the code: {debug}");
        }
    }

    /// A session an answer carries is the one the next call sends, and an
    /// answer may carry tokens: `Debug` of what was read shows neither.
    #[test]
    fn what_an_answer_carries_stays_out_of_debug() {
        use crate::wire::json::parse;
        let session = "SeSsIoN-0123456789abcdef";
        let confirmed = parse(&alloc::format!(r#"{{"Session":"{session}"}}"#)).unwrap();
        let signed_up = parse(&alloc::format!(
            r#"{{"UserConfirmed":false,"UserSub":"sub-1","Session":"{session}"}}"#
        ))
        .unwrap();
        let challenge = parse(&alloc::format!(
            r#"{{"ChallengeName":"EMAIL_OTP","Session":"{session}"}}"#
        ))
        .unwrap();
        let tokens = parse(r#"{"AuthenticationResult":{"AccessToken":"ACCESS.TOKEN","ExpiresIn":3600}}"#).unwrap();
        let debug = [
            alloc::format!("{:?}", confirm_sign_up::ConfirmSignUpOutput::from_json(&confirmed)),
            alloc::format!("{:?}", sign_up::SignUpOutput::from_json(&signed_up).unwrap()),
            alloc::format!("{:?}", auto_sign_in::AutoSignInOutput::from_json(&challenge).unwrap()),
            alloc::format!("{:?}", auto_sign_in::AutoSignInOutput::from_json(&tokens).unwrap()),
            alloc::format!("{:?}", crate::call::settle::Sent::Output(tokens.clone())),
        ];
        for debug in &debug {
            assert!(!debug.contains(session) && !debug.contains("ACCESS.TOKEN"), "{debug}");
        }
        assert!(
            debug[0].contains("Some(<redacted>)") && debug[1].contains("sub-1"),
            "{debug:?}"
        );
    }

    #[test]
    fn shared_members_are_checked_by_name() {
        assert!(user().validate().is_ok());
        let mut u = user();
        u.username = "a b".into();
        assert_eq!(u.validate().unwrap_err().field, "username");
        let mut u = user();
        u.client_id = "bad-id".into();
        assert_eq!(u.validate().unwrap_err().field, "clientId");
        let mut u = user();
        u.client_metadata = vec![("k".into(), "v".repeat(STRING_MAX + 1))];
        let err = u.validate().unwrap_err();
        assert_eq!((err.field.as_ref(), err.rule.code()), ("clientMetadata.k", "length"));
        let mut u = user();
        u.user_context_data = Some(UserContextData {
            ip_address: Some("x".repeat(STRING_MAX + 1)),
            encoded_data: None,
        });
        assert_eq!(u.validate().unwrap_err().field, "userContextData.ipAddress");
    }

    #[test]
    fn metadata_is_written_only_when_set() {
        let mut w = ObjectWriter::new();
        user().write_metadata(&mut w);
        assert_eq!(w.finish(), "{}");
        let mut u = user();
        u.user_context_data = Some(UserContextData::default());
        u.analytics_endpoint_id = Some("e".into());
        u.client_metadata = vec![("a".into(), "b".into())];
        let mut w = ObjectWriter::new();
        u.write_metadata(&mut w);
        assert_eq!(
            w.finish(),
            r#"{"AnalyticsMetadata":{"AnalyticsEndpointId":"e"},"ClientMetadata":{"a":"b"}}"#
        );
    }
}
