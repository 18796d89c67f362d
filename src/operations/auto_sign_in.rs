//! `autoSignIn`, signing in right after sign-up: Cognito's InitiateAuth with
//! `USER_AUTH` and the `Session` that ConfirmSignUp returned (or SignUp, for
//! a user a pre-sign-up Lambda confirmed at once).
//!
//! The session stands in for a password: Cognito hands it out only to the
//! client that just confirmed the user, for a few minutes, once. The answer is
//! either tokens or the next challenge (an MFA code, say) by name.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::{Operation, Sensitive, UserCall};
use crate::error::{Error, ServiceError};
use crate::wire::json::{ObjectWriter, Value};
use crate::wire::text::parse_u32;
use crate::wire::validate::{self, Rule, ValidationError};

/// `InitiateAuth` with `AuthFlow: USER_AUTH` and a sign-up session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AutoSignIn {
    pub user: Box<UserCall>,
    pub session: Sensitive,
}

impl Operation for AutoSignIn {
    fn name(&self) -> &'static str {
        "InitiateAuth"
    }

    fn user(&self) -> &UserCall {
        &self.user
    }

    fn user_mut(&mut self) -> &mut UserCall {
        &mut self.user
    }

    fn validate(&self) -> Result<(), ValidationError> {
        self.user.validate()?;
        if self.session.0.is_empty() {
            return Err(ValidationError::new("session", Rule::Required));
        }
        validate::session(&self.session.0)
    }

    fn body(&self) -> String {
        let mut w = ObjectWriter::new();
        w.string("AuthFlow", "USER_AUTH");
        let at = w.begin("AuthParameters");
        w.string("USERNAME", &self.user.username)
            .opt_string("SECRET_HASH", self.user.secret_hash())
            .end(at, false)
            .string("ClientId", &self.user.client_id);
        self.user.write_metadata(&mut w);
        w.string("Session", &self.session.0);
        w.finish()
    }

    fn sensitive<'a>(&'a self, values: &mut Vec<&'a str>) {
        values.push(&self.session.0);
    }
}

/// `AuthenticationResult`, with an `AccessToken` of the model's form. Its
/// other members are read where they are written, each held to the model
/// there (tokens by [`token`], `DeviceKey` 1–55), from one table.
#[derive(Clone, PartialEq)]
pub struct Tokens<'a>(pub &'a Value);

/// Tokens are credentials: `Debug` shows none of them.
impl core::fmt::Debug for Tokens<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Tokens(<redacted>)")
    }
}

/// The member `key` when it is a non-empty string.
pub fn string<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get_str(key).filter(|s| !s.is_empty())
}

/// The member `key` when it is a token of the model's form (`TokenModelType`):
/// a token with anything else in it is no token.
pub fn token<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    string(v, key).filter(|t| {
        t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'.'))
    })
}

/// What InitiateAuth answered.
#[derive(Clone, PartialEq)]
pub enum AutoSignInOutput<'a> {
    SignedIn(Tokens<'a>),
    /// Cognito wants more before it hands out tokens: answer with `RespondToAuthChallenge`.
    Challenge {
        name: &'a str,
        session: Option<&'a str>,
        /// `ChallengeParameters`, as received: its string members are the parameters.
        parameters: &'a [(String, Value)],
        /// `AvailableChallenges`, as received: its strings are what the user
        /// may choose from, to answer `SELECT_CHALLENGE`.
        available: &'a [Value],
    },
}

impl core::fmt::Debug for AutoSignInOutput<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            AutoSignInOutput::SignedIn(tokens) => f.debug_tuple("SignedIn").field(tokens).finish(),
            AutoSignInOutput::Challenge {
                name,
                session,
                parameters,
                available,
            } => f
                .debug_struct("Challenge")
                .field("name", name)
                .field("session", &super::Hidden(*session))
                .field("parameters", parameters)
                .field("available", available)
                .finish(),
        }
    }
}

impl<'a> AutoSignInOutput<'a> {
    /// Reads the output object; one with neither tokens nor a challenge is an error.
    pub fn from_json(output: &'a Value) -> Result<Self, ServiceError> {
        if let Some(result) = output.get("AuthenticationResult") {
            if token(result, "AccessToken").is_some() {
                return Ok(AutoSignInOutput::SignedIn(Tokens(result)));
            }
        }
        if let Some(name) = string(output, "ChallengeName") {
            let parameters = match output.get("ChallengeParameters") {
                Some(Value::Object(members)) => members.as_slice(),
                _ => &[],
            };
            let available = match output.get("AvailableChallenges") {
                Some(Value::Array(items)) => items.as_slice(),
                _ => &[],
            };
            return Ok(AutoSignInOutput::Challenge {
                name,
                session: super::session_of(output),
                parameters,
                available,
            });
        }
        Err(ServiceError::unknown(
            200,
            "Cognito answered InitiateAuth with neither tokens nor a challenge",
        ))
    }
}

/// `{ isSignedIn: true, tokens, nextStep: { signInStep: "DONE" } }` or the challenge.
/// The members are written into the object open in `w`.
pub fn result(w: &mut ObjectWriter, output: &Value) -> Result<(), Error> {
    match AutoSignInOutput::from_json(output)? {
        AutoSignInOutput::SignedIn(Tokens(result)) => {
            const TOKENS: [(&str, &str); 3] = [
                ("AccessToken", "accessToken"),
                ("IdToken", "idToken"),
                ("RefreshToken", "refreshToken"),
            ];
            w.bool("isSignedIn", true);
            let tokens = w.begin("tokens");
            for (cognito, ours) in TOKENS {
                w.opt_string(ours, token(result, cognito));
            }
            w.opt_string("tokenType", string(result, "TokenType"));
            if let Some(Value::Number(n)) = result.get("ExpiresIn") {
                if let Some(seconds) = parse_u32(n) {
                    w.number("expiresIn", seconds.into());
                }
            }
            w.end(tokens, false);
            let device = result.get("NewDeviceMetadata");
            let key = device.and_then(|d| string(d, "DeviceKey"));
            if let (Some(d), Some(key)) = (device, key.filter(|k| k.len() <= 55)) {
                let at = w.begin("newDeviceMetadata");
                w.string("deviceKey", key)
                    .opt_string("deviceGroupKey", string(d, "DeviceGroupKey"))
                    .end(at, false);
            }
            let next_step = w.begin("nextStep");
            w.string("signInStep", "DONE").end(next_step, false);
        }
        AutoSignInOutput::Challenge {
            name,
            session,
            parameters,
            available,
        } => {
            w.bool("isSignedIn", false);
            let next_step = w.begin("nextStep");
            w.string("signInStep", "CHALLENGE")
                .string("challengeName", name)
                .opt_string("session", session);
            let at = w.begin("challengeParameters");
            for (k, v) in parameters {
                if let Value::String(v) = v {
                    w.string(k, v);
                }
            }
            w.end(at, false);
            let mut list = String::from("[");
            for v in available {
                if let Value::String(name) = v {
                    if name.is_empty() {
                        continue;
                    }
                    if list.len() > 1 {
                        list.push(',');
                    }
                    crate::wire::json::write_string(&mut list, name);
                }
            }
            if list.len() > 1 {
                list.push(']');
                w.raw("availableChallenges", &list);
            }
            w.end(next_step, false);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::json;
    use crate::wire::secret_hash::{ClientSecret, SecretHash};

    fn ok(output: &str) -> String {
        let mut w = ObjectWriter::new();
        result(&mut w, &json::parse(output).unwrap()).unwrap();
        w.finish()
    }

    fn op() -> AutoSignIn {
        AutoSignIn {
            user: Box::new(UserCall {
                client_id: "client1".into(),
                username: "alice".into(),
                ..Default::default()
            }),
            session: Sensitive("S".repeat(24)),
        }
    }

    #[test]
    fn body_puts_username_and_hash_in_auth_parameters() {
        let mut o = op();
        assert_eq!(
            o.body(),
            format!(
                r#"{{"AuthFlow":"USER_AUTH","AuthParameters":{{"USERNAME":"alice"}},"ClientId":"client1","Session":"{}"}}"#,
                "S".repeat(24)
            )
        );
        o.user.secret_hash = Some(SecretHash::compute(&ClientSecret::new("s".into()), "alice", "client1"));
        let body = json::parse(&o.body()).unwrap();
        assert_eq!(
            body.get("AuthParameters").unwrap().get_str("SECRET_HASH").map(str::len),
            Some(44)
        );
        assert_eq!(
            (&o as &dyn Operation).call("https://x/".into(), None).request().target,
            "AWSCognitoIdentityProviderService.InitiateAuth"
        );
    }

    #[test]
    fn a_session_is_required() {
        let mut o = op();
        o.session = Sensitive(String::new());
        let e = o.validate().unwrap_err();
        assert_eq!((e.field.as_ref(), e.rule.code()), ("session", "required"));
        o.session = Sensitive("short".into());
        assert_eq!(o.validate().unwrap_err().rule.code(), "length");
    }

    #[test]
    fn tokens_or_a_challenge() {
        let tokens = json::parse(
            r#"{"AuthenticationResult":{"AccessToken":"at","IdToken":"it","RefreshToken":"rt","ExpiresIn":3600,"TokenType":"Bearer"},"ChallengeParameters":{}}"#,
        )
        .unwrap();
        match AutoSignInOutput::from_json(&tokens).unwrap() {
            AutoSignInOutput::SignedIn(t) => {
                assert_eq!(token(t.0, "AccessToken"), Some("at"));
                assert_eq!(format!("{t:?}"), "Tokens(<redacted>)");
                assert_eq!(
                    format!("{:?}", AutoSignInOutput::SignedIn(t)),
                    "SignedIn(Tokens(<redacted>))"
                );
            }
            other => panic!("{other:?}"),
        }
        let session = "N".repeat(20);
        let challenge = json::parse(&format!(
            r#"{{"ChallengeName":"SELECT_CHALLENGE","Session":"{session}","ChallengeParameters":{{"CODE_DELIVERY_DESTINATION":"a***","N":1}},"AvailableChallenges":["EMAIL_OTP",7,"PASSWORD"]}}"#
        ))
        .unwrap();
        let AutoSignInOutput::Challenge {
            name,
            session: got,
            parameters,
            available,
        } = AutoSignInOutput::from_json(&challenge).unwrap()
        else {
            panic!("a challenge expected")
        };
        assert_eq!((name, got), ("SELECT_CHALLENGE", Some(session.as_str())));
        assert_eq!(
            (parameters.len(), available.len()),
            (2, 3),
            "as received; result() keeps the strings"
        );
        assert_eq!(
            AutoSignInOutput::from_json(&json::parse("{}").unwrap())
                .unwrap_err()
                .name,
            crate::error::ServiceErrorName::Unknown
        );
    }

    #[test]
    fn members_outside_the_model_are_dropped() {
        let tokens = json::parse(
            r#"{"AuthenticationResult":{"AccessToken":"a.b-c_d=","IdToken":"<script>","NewDeviceMetadata":{"DeviceKey":"us-east-1_0a-f","DeviceGroupKey":"g"}}}"#,
        )
        .unwrap();
        let AutoSignInOutput::SignedIn(t) = AutoSignInOutput::from_json(&tokens).unwrap() else {
            panic!("tokens expected")
        };
        assert_eq!(token(t.0, "IdToken"), None, "not of the model's form");
        let bad_access = json::parse(r#"{"AuthenticationResult":{"AccessToken":"a b"}}"#).unwrap();
        assert!(AutoSignInOutput::from_json(&bad_access).is_err());
        let long_session = json::parse(&format!(
            r#"{{"ChallengeName":"EMAIL_OTP","Session":"{}"}}"#,
            "s".repeat(4097)
        ))
        .unwrap();
        let AutoSignInOutput::Challenge { session, .. } = AutoSignInOutput::from_json(&long_session).unwrap() else {
            panic!("a challenge expected")
        };
        assert_eq!(session, None);
    }

    #[test]
    fn sign_in_results() {
        assert_eq!(
            ok(r#"{"AuthenticationResult":{"AccessToken":"a","IdToken":"i","ExpiresIn":3600,"TokenType":"Bearer"}}"#),
            r#"{"isSignedIn":true,"tokens":{"accessToken":"a","idToken":"i","tokenType":"Bearer","expiresIn":3600},"nextStep":{"signInStep":"DONE"}}"#
        );
        assert_eq!(
            ok(
                r#"{"ChallengeName":"SELECT_CHALLENGE","Session":"ssssssssssssssssssss","ChallengeParameters":{},"AvailableChallenges":["EMAIL_OTP","PASSWORD"]}"#
            ),
            r#"{"isSignedIn":false,"nextStep":{"signInStep":"CHALLENGE","challengeName":"SELECT_CHALLENGE","session":"ssssssssssssssssssss","challengeParameters":{},"availableChallenges":["EMAIL_OTP","PASSWORD"]}}"#
        );
        assert_eq!(
            ok(r#"{"ChallengeName":"EMAIL_OTP","ChallengeParameters":{"A":"a","N":1},"AvailableChallenges":[7]}"#),
            r#"{"isSignedIn":false,"nextStep":{"signInStep":"CHALLENGE","challengeName":"EMAIL_OTP","challengeParameters":{"A":"a"}}}"#,
            "string parameters only; no list of choices without a string in it"
        );
        assert_eq!(
            ok(
                r#"{"AuthenticationResult":{"AccessToken":"a.b-c_d=","IdToken":"<script>","ExpiresIn":"3600","NewDeviceMetadata":{"DeviceKey":"us-east-1_0a-f","DeviceGroupKey":"g"}}}"#
            ),
            r#"{"isSignedIn":true,"tokens":{"accessToken":"a.b-c_d="},"newDeviceMetadata":{"deviceKey":"us-east-1_0a-f","deviceGroupKey":"g"},"nextStep":{"signInStep":"DONE"}}"#,
            "a token or number outside the model is left out; the device is kept"
        );
        let long_key = format!(
            r#"{{"AuthenticationResult":{{"AccessToken":"a","NewDeviceMetadata":{{"DeviceKey":"{}"}}}}}}"#,
            "k".repeat(56)
        );
        assert!(!ok(&long_key).contains("newDeviceMetadata"));
        let e = result(&mut ObjectWriter::new(), &json::parse("{}").unwrap()).unwrap_err();
        assert_eq!(crate::call::settle::error_name(&e), "UnknownError");
    }
}
