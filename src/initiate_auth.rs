//! Signing in right after confirming: InitiateAuth with `USER_AUTH` and the
//! `Session` that ConfirmSignUp returned.
//!
//! The session stands in for a password: Cognito hands it out only to the
//! client that just confirmed the user, for a few minutes, once. The answer is
//! either tokens or the next challenge (an MFA code, say) by name.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{ServiceError, ServiceErrorName};
use crate::json::{ObjectWriter, Value};
use crate::text::parse_u32;
use crate::user_call::{Operation, UserCall};
use crate::validate::{self, Rule, ValidationError};

/// `InitiateAuth` with `AuthFlow: USER_AUTH` and a sign-up session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInAfterSignUp {
    pub user: UserCall,
    pub session: String,
}

impl Operation for SignInAfterSignUp {
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
        if self.session.is_empty() {
            return Err(ValidationError::new("session", Rule::Required));
        }
        validate::session(&self.session)
    }

    fn body(&self) -> String {
        let mut parameters = ObjectWriter::new();
        parameters
            .string("USERNAME", &self.user.username)
            .opt_string("SECRET_HASH", self.user.secret_hash());
        let mut w = ObjectWriter::new();
        w.string("AuthFlow", "USER_AUTH")
            .opt_object("AuthParameters", parameters)
            .string("ClientId", &self.user.client_id);
        self.user.write_metadata(&mut w);
        w.string("Session", &self.session);
        w.finish()
    }
}

/// `AuthenticationResult`: the user's tokens.
#[derive(Clone, PartialEq, Eq)]
pub struct Tokens {
    pub access_token: String,
    pub id_token: Option<String>,
    pub refresh_token: Option<String>,
    /// Lifetime of the access token, in seconds.
    pub expires_in: Option<u32>,
    pub token_type: Option<String>,
}

/// Tokens are credentials: `Debug` shows none of them.
impl core::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Tokens(<redacted>)")
    }
}

/// What InitiateAuth answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInOutcome {
    SignedIn(Tokens),
    /// Cognito wants more before it hands out tokens: answer with `RespondToAuthChallenge`.
    Challenge {
        name: String,
        session: Option<String>,
        parameters: Vec<(String, String)>,
    },
}

impl SignInOutcome {
    /// Reads the output object; one with neither tokens nor a challenge is an error.
    pub fn from_json(output: &Value) -> Result<Self, ServiceError> {
        let string = |v: &Value, key| v.get_str(key).filter(|s| !s.is_empty()).map(str::to_owned);
        if let Some(result) = output.get("AuthenticationResult") {
            if let Some(access_token) = string(result, "AccessToken") {
                let expires_in = match result.get("ExpiresIn") {
                    Some(Value::Number(n)) => parse_u32(n),
                    _ => None,
                };
                return Ok(SignInOutcome::SignedIn(Tokens {
                    access_token,
                    id_token: string(result, "IdToken"),
                    refresh_token: string(result, "RefreshToken"),
                    expires_in,
                    token_type: string(result, "TokenType"),
                }));
            }
        }
        if let Some(name) = string(output, "ChallengeName") {
            let parameters = match output.get("ChallengeParameters") {
                Some(Value::Object(members)) => members
                    .iter()
                    .filter_map(|(k, v)| match v {
                        Value::String(s) => Some((k.clone(), s.clone())),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            return Ok(SignInOutcome::Challenge {
                name,
                session: string(output, "Session"),
                parameters,
            });
        }
        Err(ServiceError {
            name: ServiceErrorName::Unknown,
            error_type: None,
            message: String::from("Cognito answered InitiateAuth with neither tokens nor a challenge"),
            status: 200,
            request_id: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json;
    use crate::secret_hash::{ClientSecret, SecretHash};

    fn op() -> SignInAfterSignUp {
        SignInAfterSignUp {
            user: UserCall {
                client_id: "client1".into(),
                username: "alice".into(),
                ..Default::default()
            },
            session: "S".repeat(24),
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
            o.call("https://x/".into(), None).request().target,
            "AWSCognitoIdentityProviderService.InitiateAuth"
        );
    }

    #[test]
    fn a_session_is_required() {
        let mut o = op();
        o.session = String::new();
        let e = o.validate().unwrap_err();
        assert_eq!((e.field.as_ref(), e.rule.code()), ("session", "required"));
        o.session = "short".into();
        assert_eq!(o.validate().unwrap_err().rule.code(), "length");
    }

    #[test]
    fn tokens_or_a_challenge() {
        let tokens = json::parse(
            r#"{"AuthenticationResult":{"AccessToken":"at","IdToken":"it","RefreshToken":"rt","ExpiresIn":3600,"TokenType":"Bearer"},"ChallengeParameters":{}}"#,
        )
        .unwrap();
        match SignInOutcome::from_json(&tokens).unwrap() {
            SignInOutcome::SignedIn(t) => {
                assert_eq!((t.access_token.as_str(), t.expires_in), ("at", Some(3600)));
                assert_eq!(t.id_token.as_deref(), Some("it"));
                assert_eq!(format!("{t:?}"), "Tokens(<redacted>)");
            }
            other => panic!("{other:?}"),
        }
        let challenge = json::parse(r#"{"ChallengeName":"EMAIL_OTP","Session":"next","ChallengeParameters":{"CODE_DELIVERY_DESTINATION":"a***","N":1}}"#).unwrap();
        assert_eq!(
            SignInOutcome::from_json(&challenge).unwrap(),
            SignInOutcome::Challenge {
                name: "EMAIL_OTP".into(),
                session: Some("next".into()),
                parameters: vec![("CODE_DELIVERY_DESTINATION".into(), "a***".into())]
            }
        );
        assert_eq!(
            SignInOutcome::from_json(&json::parse("{}").unwrap()).unwrap_err().name,
            ServiceErrorName::Unknown
        );
    }
}
