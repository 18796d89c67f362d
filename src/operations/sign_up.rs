//! `signUp` (Cognito's SignUp): a new user with a password (or none, in a
//! passwordless pool) and attributes, and what Cognito says next.
//!
//! The password and every attribute value are `sensitive` in the model: they
//! are held as [`Sensitive`], whose `Debug` shows nothing, checked without
//! being echoed, and redacted from any error the service sends back.
//!
//! The answer decides the next step: an unconfirmed user needs the code that
//! went to `CodeDeliveryDetails`; a user confirmed already (a pre-sign-up
//! Lambda, say) with a `Session` can sign in at once; otherwise sign-up is done.

use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use super::{delivery, Operation, Sensitive, UserCall};
use crate::error::{Error, ServiceError};
use crate::wire::json::{ObjectWriter, Value};
use crate::wire::text::concat;
use crate::wire::validate::{self, Rule, ValidationError};

/// `AttributeType` entries (`UserAttributes`, `ValidationData`), in the
/// caller's order. The values are sensitive: `Debug` shows the names only.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Attributes(pub Vec<(String, String)>);

impl core::fmt::Debug for Attributes {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.0.iter().map(|(name, _)| name)).finish()
    }
}

/// Every member of `SignUpRequest`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignUp {
    pub user: Box<UserCall>,
    pub password: Option<Sensitive>,
    pub user_attributes: Attributes,
    pub validation_data: Attributes,
}

/// What an attribute name may be: 1–32 of letters, marks, symbols, numbers,
/// punctuation, spaces, tabs and line breaks (`AttributeNameType`).
const NAME_RULE: Rule = Rule::Format(
    "an object whose keys are attribute names of 1 to 32 letters, marks, symbols, numbers, punctuation or spaces",
);

fn check_attributes(field: &'static str, attributes: &Attributes) -> Result<(), ValidationError> {
    for (name, value) in &attributes.0 {
        let name_ok = (1..=32).contains(&crate::wire::text::char_count(name))
            && validate::all(name, |c| {
                validate::is_username_char(c) || matches!(c, ' ' | '\t' | '\n' | '\r')
            });
        if !name_ok {
            return Err(ValidationError::new(field, NAME_RULE));
        }
        validate::length_rule(value, 0, 2048)
            .map_err(|rule| ValidationError::new(concat(&[field, ".", name]), rule))?;
    }
    Ok(())
}

fn write_attributes(w: &mut ObjectWriter, key: &str, attributes: &Attributes) {
    if attributes.0.is_empty() {
        return;
    }
    let mut list = String::from("[");
    for (name, value) in &attributes.0 {
        if list.len() > 1 {
            list.push(',');
        }
        let mut entry = ObjectWriter::new();
        entry.string("Name", name).string("Value", value);
        list.push_str(&entry.finish());
    }
    list.push(']');
    w.raw(key, &list);
}

impl Operation for SignUp {
    fn name(&self) -> &'static str {
        "SignUp"
    }

    fn user(&self) -> &UserCall {
        &self.user
    }

    fn user_mut(&mut self) -> &mut UserCall {
        &mut self.user
    }

    fn validate(&self) -> Result<(), ValidationError> {
        self.user.validate()?;
        if let Some(password) = &self.password {
            validate::password(&password.0)?;
        }
        check_attributes("userAttributes", &self.user_attributes)?;
        check_attributes("validationData", &self.validation_data)
    }

    fn body(&self) -> String {
        let mut w = ObjectWriter::new();
        w.string("ClientId", &self.user.client_id)
            .opt_string("SecretHash", self.user.secret_hash())
            .string("Username", &self.user.username)
            .opt_string("Password", self.password.as_ref().map(|p| p.0.as_str()));
        write_attributes(&mut w, "UserAttributes", &self.user_attributes);
        write_attributes(&mut w, "ValidationData", &self.validation_data);
        self.user.write_metadata(&mut w);
        w.finish()
    }

    fn sensitive<'a>(&'a self, values: &mut Vec<&'a str>) {
        if let Some(password) = &self.password {
            values.push(&password.0);
        }
        for attributes in [&self.user_attributes, &self.validation_data] {
            for (_, value) in &attributes.0 {
                values.push(value);
            }
        }
    }
}

/// `SignUpResponse`, with the model's rules applied: a member that breaks
/// them is treated as absent, and an answer without `UserConfirmed` and
/// `UserSub` is no answer at all.
#[derive(Clone, PartialEq)]
pub struct SignUpOutput<'a> {
    pub user_confirmed: bool,
    pub user_sub: &'a str,
    /// `CodeDeliveryDetails`, as received ([`super::delivery`] writes it).
    pub code_delivery: Option<&'a Value>,
    pub session: Option<&'a str>,
}

impl core::fmt::Debug for SignUpOutput<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SignUpOutput")
            .field("user_confirmed", &self.user_confirmed)
            .field("user_sub", &self.user_sub)
            .field("code_delivery", &self.code_delivery)
            .field("session", &super::Hidden(self.session))
            .finish()
    }
}

impl<'a> SignUpOutput<'a> {
    pub fn from_json(output: &'a Value) -> Result<Self, ServiceError> {
        let confirmed = match output.get("UserConfirmed") {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        };
        match (confirmed, output.get_str("UserSub")) {
            (Some(user_confirmed), Some(sub)) => Ok(SignUpOutput {
                user_confirmed,
                user_sub: sub,
                code_delivery: output.get("CodeDeliveryDetails"),
                session: super::session_of(output),
            }),
            _ => Err(ServiceError::unknown(
                200,
                "SignUp answered without UserConfirmed and UserSub",
            )),
        }
    }
}

/// `{ isSignUpComplete, userId, nextStep: { signUpStep, codeDeliveryDetails? }, session? }`
/// The members are written into the object open in `w`.
pub fn result(w: &mut ObjectWriter, output: &Value) -> Result<(), Error> {
    let out = SignUpOutput::from_json(output)?;
    w.bool("isSignUpComplete", out.user_confirmed)
        .string("userId", out.user_sub);
    let next_step = w.begin("nextStep");
    if !out.user_confirmed {
        w.string("signUpStep", "CONFIRM_SIGN_UP");
        if let Some(details) = out.code_delivery {
            let at = w.begin("codeDeliveryDetails");
            delivery(w, Some(details));
            w.end(at, false);
        }
    } else if out.session.is_some() {
        w.string("signUpStep", "COMPLETE_AUTO_SIGN_IN");
    } else {
        w.string("signUpStep", "DONE");
    }
    w.end(next_step, false).opt_string("session", out.session);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ServiceErrorName;
    use crate::wire::json;
    use crate::wire::secret_hash::{ClientSecret, SecretHash};

    fn op() -> SignUp {
        SignUp {
            user: Box::new(UserCall {
                client_id: "client1".into(),
                username: "alice".into(),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn attrs(pairs: &[(&str, &str)]) -> Attributes {
        Attributes(pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect())
    }

    #[test]
    fn minimal_body_has_only_the_required_members() {
        assert_eq!(op().body(), r#"{"ClientId":"client1","Username":"alice"}"#);
    }

    #[test]
    fn full_body_reaches_every_member_in_model_order() {
        let mut o = op();
        o.user.secret_hash = Some(SecretHash::compute(&ClientSecret::new("s".into()), "alice", "client1"));
        o.password = Some(Sensitive("Pa55word!".into()));
        o.user_attributes = attrs(&[("email", "a@example.com"), ("custom:team", "blue")]);
        o.validation_data = attrs(&[("invite", "x\"y")]);
        o.user.client_metadata = vec![("k".into(), "v".into())];
        o.user.analytics_endpoint_id = Some("e".into());
        let body = o.body();
        let hash = o.user.secret_hash().unwrap().to_owned();
        assert_eq!(
            body,
            format!(
                r#"{{"ClientId":"client1","SecretHash":"{hash}","Username":"alice","Password":"Pa55word!","UserAttributes":[{{"Name":"email","Value":"a@example.com"}},{{"Name":"custom:team","Value":"blue"}}],"ValidationData":[{{"Name":"invite","Value":"x\"y"}}],"AnalyticsMetadata":{{"AnalyticsEndpointId":"e"}},"ClientMetadata":{{"k":"v"}}}}"#
            )
        );
        assert!(json::parse(&body).is_some());
        assert_eq!(
            (&o as &dyn Operation).call("https://x/".into(), None).request().target,
            "AWSCognitoIdentityProviderService.SignUp"
        );
    }

    #[test]
    fn password_follows_the_model() {
        let mut o = op();
        for ok in ["x", "Pa55 word".replace(' ', "\u{a0}").as_str(), &"p".repeat(256)] {
            o.password = Some(Sensitive(ok.into()));
            assert!(o.validate().is_ok(), "{ok:?}");
        }
        for (bad, rule) in [
            ("", "length"),
            ("pass word", "characters"),
            ("pass\tword", "characters"),
            ("pass\u{b}word", "characters"),
            (&*"p".repeat(257), "length"),
        ] {
            o.password = Some(Sensitive(bad.into()));
            let e = o.validate().unwrap_err();
            assert_eq!((e.field.as_ref(), e.rule.code()), ("password", rule), "{bad:?}");
            assert!(bad.is_empty() || !e.message().contains(bad));
        }
    }

    #[test]
    fn attributes_follow_the_model() {
        let mut o = op();
        o.user_attributes = attrs(&[("custom:a b", ""), (&"n".repeat(32), &"v".repeat(2048))]);
        assert!(o.validate().is_ok());
        for (name, value, field, rule) in [
            ("", "v", "userAttributes", "format"),
            (&*"n".repeat(33), "v", "userAttributes", "format"),
            ("a\u{0}", "v", "userAttributes", "format"),
            ("a\u{a0}b", "v", "userAttributes", "format"),
            ("email", &*"v".repeat(2049), "userAttributes.email", "length"),
        ] {
            o.user_attributes = attrs(&[(name, value)]);
            let e = o.validate().unwrap_err();
            assert_eq!((e.field.as_ref(), e.rule.code()), (field, rule), "{name:?}");
        }
        o.user_attributes = Attributes::default();
        o.validation_data = attrs(&[("k", &"v".repeat(2049))]);
        assert_eq!(o.validate().unwrap_err().field, "validationData.k");
    }

    #[test]
    fn sensitive_values_stay_out_of_debug_and_errors() {
        let mut o = op();
        o.password = Some(Sensitive("hunter2hunter2".into()));
        o.user_attributes = attrs(&[("email", "alice@example.com")]);
        o.validation_data = attrs(&[("ticket", "t1ck3t")]);
        let debug = format!("{o:?}");
        for secret in ["hunter2hunter2", "alice@example.com", "t1ck3t"] {
            assert!(!debug.contains(secret), "{debug}");
        }
        let call = (&o as &dyn Operation).call("https://x/".into(), None);
        let body = r#"{"__type":"InvalidPasswordException","message":"hunter2hunter2 for alice@example.com (t1ck3t) refused"}"#;
        let e = crate::wire::response::parse(&crate::wire::response::HttpResponse {
            status: 400,
            error_type_header: None,
            request_id: None,
            body,
        })
        .unwrap_err();
        let e = call.redact(e);
        assert_eq!(e.message, "[redacted] for [redacted] ([redacted]) refused");
    }

    #[test]
    fn output_needs_confirmed_and_sub() {
        let v = json::parse(
            r#"{"UserConfirmed":false,"UserSub":"sub-1","CodeDeliveryDetails":{"Destination":"a***","DeliveryMedium":"EMAIL","AttributeName":"email"},"Session":"short"}"#,
        )
        .unwrap();
        let out = SignUpOutput::from_json(&v).unwrap();
        assert!(!out.user_confirmed);
        assert_eq!(out.user_sub, "sub-1");
        assert_eq!(out.code_delivery.and_then(|d| d.get_str("Destination")), Some("a***"));
        assert_eq!(out.session, None, "a session outside 20-4096 is dropped");
        let s = "S".repeat(20);
        let v = json::parse(&format!(r#"{{"UserConfirmed":true,"UserSub":"u","Session":"{s}"}}"#)).unwrap();
        let out = SignUpOutput::from_json(&v).unwrap();
        assert_eq!((out.user_confirmed, out.session), (true, Some(s.as_str())));
        assert!(out.code_delivery.is_none());
        for bad in ["{}", r#"{"UserSub":"u"}"#, r#"{"UserConfirmed":"true","UserSub":"u"}"#] {
            let e = SignUpOutput::from_json(&json::parse(bad).unwrap()).unwrap_err();
            assert_eq!((e.name, e.status), (ServiceErrorName::Unknown, 200), "{bad}");
        }
    }
}
