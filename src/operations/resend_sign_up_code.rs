//! `resendSignUpCode` (Cognito's ResendConfirmationCode): a new code for a
//! user who has not confirmed yet, and where it went.

use alloc::boxed::Box;
use alloc::string::String;

use super::{delivery, Operation, UserCall};
use crate::wire::json::{ObjectWriter, Value};
use crate::wire::validate::ValidationError;

/// Every member of `ResendConfirmationCodeRequest`: all of them shared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResendSignUpCode {
    pub user: Box<UserCall>,
}

impl Operation for ResendSignUpCode {
    fn name(&self) -> &'static str {
        "ResendConfirmationCode"
    }

    fn user(&self) -> &UserCall {
        &self.user
    }

    fn user_mut(&mut self) -> &mut UserCall {
        &mut self.user
    }

    fn validate(&self) -> Result<(), ValidationError> {
        self.user.validate()
    }

    fn body(&self) -> String {
        let mut w = ObjectWriter::new();
        w.string("ClientId", &self.user.client_id)
            .opt_string("SecretHash", self.user.secret_hash())
            .string("Username", &self.user.username);
        self.user.write_metadata(&mut w);
        w.finish()
    }
}

/// `{ destination?, deliveryMedium?, attributeName? }`, the members written
/// into the object open in `w`.
pub fn result(w: &mut ObjectWriter, output: &Value) {
    delivery(w, output.get("CodeDeliveryDetails"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::json;
    use crate::wire::secret_hash::{ClientSecret, SecretHash};

    fn ok(output: &str) -> String {
        let mut w = ObjectWriter::new();
        result(&mut w, &json::parse(output).unwrap());
        w.finish()
    }

    fn op() -> ResendSignUpCode {
        ResendSignUpCode {
            user: Box::new(UserCall {
                client_id: "client1".into(),
                username: "alice".into(),
                ..Default::default()
            }),
        }
    }

    #[test]
    fn body_has_the_shared_members() {
        assert_eq!(op().body(), r#"{"ClientId":"client1","Username":"alice"}"#);
        let mut with_hash = op();
        with_hash.user.secret_hash = Some(SecretHash::compute(&ClientSecret::new("s".into()), "alice", "client1"));
        with_hash.user.client_metadata = vec![("k".into(), "v".into())];
        let body = json::parse(&with_hash.body()).unwrap();
        assert_eq!(body.get_str("SecretHash").map(str::len), Some(44));
        assert_eq!(body.get("ClientMetadata").unwrap().get_str("k"), Some("v"));
        assert_eq!(
            (&with_hash as &dyn Operation)
                .call("https://x/".into(), None)
                .request()
                .target,
            "AWSCognitoIdentityProviderService.ResendConfirmationCode"
        );
    }

    #[test]
    fn validation_is_the_shared_one() {
        let mut bad = op();
        bad.user.username = String::new();
        assert_eq!(bad.validate().unwrap_err().field, "username");
    }

    #[test]
    fn delivery_details() {
        assert_eq!(
            ok(
                r#"{"CodeDeliveryDetails":{"Destination":"a***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#
            ),
            r#"{"destination":"a***@e***","deliveryMedium":"EMAIL","attributeName":"email"}"#
        );
        assert_eq!(
            ok(r#"{"CodeDeliveryDetails":{"DeliveryMedium":"SMS","Extra":1}}"#),
            r#"{"deliveryMedium":"SMS"}"#
        );
        assert_eq!(ok("{}"), "{}");
    }
}
