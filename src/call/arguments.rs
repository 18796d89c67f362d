//! A call's two arguments, read from the JSON text the JavaScript driver sends.
//!
//! The driver hands `{"input": …, "config": …}` over in one string crossing
//! (it writes the JSON text member by member, quickly and in few bytes),
//! instead of this crate reading members one `Reflect.get` at a time. JSON cannot carry every
//! JavaScript value, so the driver replaces those it cannot with a tag object
//! `{"\u0000": kind}`: `"function"`, `"signal"` (an `AbortSignal`),
//! `"loneSurrogate"` (a string that is not well-formed UTF-16), `"object"`
//! (an array, a nested object where none belongs, or a value with `toJSON`),
//! or the `typeof` of anything else. A caller's own key never reads as a tag:
//! the driver puts one more `"\u0000"` in front of every key that starts
//! with one, so a tag's lone `"\u0000"` key is the driver's alone, and
//! [`Obj::opt_string_map`] takes it off again (`clientMetadata` is sent with
//! the caller's keys as given). The rules stay here: a wrong type is a
//! [`ValidationError`] that names the member as the caller wrote it, such as
//! `userContextData.encodedData`. `undefined` and `null` mean "not given".

use alloc::borrow::{Cow, ToOwned};
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::call::retry::RetryPolicy;
use crate::operations::auto_sign_in::AutoSignIn;
use crate::operations::confirm_sign_up::ConfirmSignUp;
use crate::operations::resend_sign_up_code::ResendSignUpCode;
use crate::operations::sign_up::{Attributes, SignUp};
use crate::operations::{Operation, Sensitive, UserCall, UserContextData};
use crate::wire::endpoint::{self, EndpointConfig};
use crate::wire::json::{self, Value};
use crate::wire::secret_hash::{ClientSecret, SecretHash};
use crate::wire::text::{concat, parse_u32};
use crate::wire::validate::{self, Rule, ValidationError};

/// Used when the config sets no `timeoutMs`: long enough for a slow phone
/// network and a Lambda trigger, short enough that a form never hangs.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// The key of the driver's tag objects.
const TAG: &str = "\u{0}";

/// Which export was called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    ConfirmSignUp,
    ResendSignUpCode,
    AutoSignIn,
    SignUp,
}

impl Kind {
    /// Every export by its JavaScript name, in the driver's numbering
    /// (`KINDS` in `js/driver.js`; `tests/crossing.rs` compares them).
    pub const EXPORTS: [(Kind, &'static str); 4] = [
        (Kind::ConfirmSignUp, "confirmSignUp"),
        (Kind::ResendSignUpCode, "resendSignUpCode"),
        (Kind::AutoSignIn, "autoSignIn"),
        (Kind::SignUp, "signUp"),
    ];

    /// The driver's number for the export: its index in [`Kind::EXPORTS`].
    pub fn from_number(n: u32) -> Option<Kind> {
        [
            Kind::ConfirmSignUp,
            Kind::ResendSignUpCode,
            Kind::AutoSignIn,
            Kind::SignUp,
        ]
        .get(n as usize)
        .copied()
    }
}

/// Where the SecretHash comes from.
#[derive(Debug)]
pub enum SecretSource {
    None,
    Compute(ClientSecret),
    Given(SecretHash),
    /// The config's `secretHash` is a function: the driver calls it.
    Provider,
}

/// The second argument, read and checked.
#[derive(Debug)]
pub struct Config {
    pub client_id: String,
    pub url: String,
    pub secret: SecretSource,
    pub timeout_ms: u32,
    pub policy: RetryPolicy,
}

/// Both arguments, read and type-checked; the operation's own rules are
/// checked by [`Operation::validate`].
pub struct Arguments {
    pub op: Box<dyn Operation>,
    pub config: Box<Config>,
}

type Field = Cow<'static, str>;

fn tag(v: &Value) -> Option<&str> {
    match v {
        Value::Object(members) => match members.as_slice() {
            [(k, Value::String(t))] if k == TAG => Some(t),
            _ => None,
        },
        _ => None,
    }
}

fn is_object(v: &Value) -> bool {
    matches!(v, Value::Object(_)) && tag(v).is_none()
}

fn not_a_string(v: &Value, field: Field) -> ValidationError {
    let rule = match tag(v) {
        Some("loneSurrogate") => Rule::LoneSurrogate,
        _ => Rule::Type("a string"),
    };
    ValidationError::new(field, rule)
}

/// An object argument, or a nested object member, with the path that names it.
struct Obj<'a> {
    value: &'a Value,
    /// Empty for a top-level argument: its members are named on their own.
    path: &'static str,
}

impl<'a> Obj<'a> {
    fn argument(value: Option<&'a Value>, name: &'static str) -> Result<Self, ValidationError> {
        match value {
            Some(v) if is_object(v) => Ok(Obj { value: v, path: "" }),
            None | Some(Value::Null) => Err(ValidationError::new(name, Rule::Required)),
            Some(_) => Err(ValidationError::new(name, Rule::Type("an object"))),
        }
    }

    fn field(&self, key: &'static str) -> Field {
        if self.path.is_empty() {
            Cow::Borrowed(key)
        } else {
            Cow::Owned(concat(&[self.path, ".", key]))
        }
    }

    /// An error about the member `key`.
    fn error(&self, key: &'static str, rule: Rule) -> ValidationError {
        ValidationError::new(self.field(key), rule)
    }

    /// A member, `None` when it is absent or `null`. Its name is built only
    /// for an error (`Obj::error`).
    fn member(&self, key: &'static str) -> Option<&'a Value> {
        self.value.get(key).filter(|v| !matches!(v, Value::Null))
    }

    /// A string member, borrowed: a caller copies it once it has read
    /// everything that may fail, so a refusal has fewer owned strings to drop.
    fn opt_string(&self, key: &'static str) -> Result<Option<&'a str>, ValidationError> {
        match self.member(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(v) => Err(not_a_string(v, self.field(key))),
        }
    }

    fn string(&self, key: &'static str) -> Result<&'a str, ValidationError> {
        self.opt_string(key)?.ok_or_else(|| self.error(key, Rule::Required))
    }

    /// A whole number from `min` to `max`; `expected` describes that for the error.
    fn opt_whole_number(
        &self,
        key: &'static str,
        min: u32,
        max: u32,
        expected: &'static str,
    ) -> Result<Option<u32>, ValidationError> {
        self.member(key)
            .map(|v| {
                // The driver writes a number as `String(n)` (and `JSON.stringify`) do: plain digits for a whole number below 1e21.
                match v {
                    Value::Number(n) => parse_u32(n).filter(|n| (min..=max).contains(n)),
                    _ => None,
                }
                .ok_or_else(|| self.error(key, Rule::Type(expected)))
            })
            .transpose()
    }

    fn opt_bool(&self, key: &'static str) -> Result<Option<bool>, ValidationError> {
        match self.member(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.error(key, Rule::Type("true or false"))),
        }
    }

    /// Whether the member is there and carries the driver's tag `kind`.
    fn is_tagged(&self, key: &'static str, kind: &str, expected: &'static str) -> Result<bool, ValidationError> {
        match self.member(key) {
            None => Ok(false),
            Some(v) if tag(v) == Some(kind) => Ok(true),
            Some(_) => Err(self.error(key, Rule::Type(expected))),
        }
    }

    /// A nested object member; `path` names it in errors.
    fn opt_object(&self, key: &'static str, path: &'static str) -> Result<Option<Obj<'a>>, ValidationError> {
        match self.member(key) {
            None => Ok(None),
            Some(value) if is_object(value) => Ok(Some(Obj { value, path })),
            Some(_) => Err(self.error(key, Rule::Type("an object"))),
        }
    }

    /// A member that maps strings to strings, in the object's own key order.
    fn opt_string_map(&self, key: &'static str) -> Result<Option<Vec<(String, String)>>, ValidationError> {
        let Some(v) = self.member(key) else {
            return Ok(None);
        };
        match v {
            Value::Object(members) if is_object(v) => {
                let mut map = Vec::with_capacity(members.len());
                for (k, value) in members {
                    let k = k.strip_prefix(TAG).unwrap_or(k);
                    match value {
                        Value::String(s) => map.push((k.to_owned(), s.clone())),
                        _ => return Err(not_a_string(value, Cow::Owned(concat(&[&self.field(key), ".", k])))),
                    }
                }
                Ok(Some(map))
            }
            _ if tag(v) == Some("loneSurrogate") => Err(self.error(key, Rule::LoneSurrogate)),
            _ => Err(self.error(key, Rule::Type("an object whose values are strings"))),
        }
    }
}

fn read_config(config: Obj<'_>) -> Result<Box<Config>, ValidationError> {
    let pool_region = validate::user_pool_id(config.string("userPoolId")?)?;
    let region = config.opt_string("region")?;
    if let Some(region) = region {
        validate::region("region", region)?;
    }
    let client_id = config.string("clientId")?;
    validate::client_id(client_id)?;
    let custom = config.opt_string("endpoint")?;
    let url = endpoint::resolve(&EndpointConfig {
        region: region.unwrap_or(pool_region),
        use_fips: config.opt_bool("useFips")?.unwrap_or(false),
        use_dual_stack: config.opt_bool("useDualStack")?.unwrap_or(false),
        custom,
    })?;
    let client_secret = config.opt_string("clientSecret")?;
    let secret = match (client_secret, config.member("secretHash")) {
        (Some(_), Some(_)) => return Err(ValidationError::new("secretHash", Rule::Conflicts("clientSecret"))),
        (Some(""), None) => return Err(ValidationError::new("clientSecret", Rule::Format("a non-empty string"))),
        (Some(s), None) => SecretSource::Compute(ClientSecret::new(s.to_owned())),
        (None, Some(v)) if tag(v) == Some("function") => SecretSource::Provider,
        (None, Some(v)) => SecretSource::Given(given_hash(Some(v), "a string or a function")?),
        (None, None) => SecretSource::None,
    };
    let timeout_ms = config
        .opt_whole_number(
            "timeoutMs",
            1,
            i32::MAX as u32,
            "a whole number of milliseconds from 1 to 2147483647",
        )?
        .unwrap_or(DEFAULT_TIMEOUT_MS);
    let max_attempts = config
        .opt_whole_number("maxAttempts", 1, 10, "a whole number from 1 to 10")?
        .unwrap_or(RetryPolicy::default().max_attempts);
    Ok(Box::new(Config {
        client_id: client_id.to_owned(),
        url,
        secret,
        timeout_ms,
        policy: RetryPolicy {
            max_attempts,
            ..RetryPolicy::default()
        },
    }))
}

/// The members every call's first argument shares.
fn read_user(input: &Obj<'_>, client_id: &str) -> Result<Box<UserCall>, ValidationError> {
    let username = input.string("username")?;
    let analytics = input.opt_object("analyticsMetadata", "analyticsMetadata")?;
    let context = input.opt_object("userContextData", "userContextData")?;
    let analytics_endpoint_id = analytics
        .map(|a| a.opt_string("analyticsEndpointId"))
        .transpose()?
        .flatten();
    let context = context
        .map(|c| -> Result<_, ValidationError> { Ok((c.opt_string("ipAddress")?, c.opt_string("encodedData")?)) })
        .transpose()?;
    let client_metadata = input.opt_string_map("clientMetadata")?.unwrap_or_default();
    input.is_tagged("signal", "signal", "an AbortSignal")?;
    Ok(Box::new(UserCall {
        client_id: client_id.to_owned(),
        username: username.to_owned(),
        secret_hash: None,
        analytics_endpoint_id: analytics_endpoint_id.map(String::from),
        user_context_data: context.map(|(ip_address, encoded_data)| UserContextData {
            ip_address: ip_address.map(String::from),
            encoded_data: encoded_data.map(String::from),
        }),
        client_metadata,
    }))
}

/// Reads `{"input": …, "config": …}` for the export `kind`.
pub fn read(kind: Kind, text: &str) -> Result<Arguments, ValidationError> {
    let args = json::parse(text).ok_or_else(|| ValidationError::new("input", Rule::Type("an object")))?;
    let read = read_parsed(kind, &args);
    crate::discard(args);
    read
}

fn read_parsed(kind: Kind, args: &Value) -> Result<Arguments, ValidationError> {
    let config = read_config(Obj::argument(args.get("config"), "config")?)?;
    let input = Obj::argument(args.get("input"), "input")?;
    let user = read_user(&input, &config.client_id)?;
    let op: Box<dyn Operation> = match kind {
        Kind::ConfirmSignUp => {
            let code = input.string("confirmationCode")?;
            let force_alias_creation = input.opt_bool("forceAliasCreation")?;
            let session = input.opt_string("session")?;
            Box::new(ConfirmSignUp {
                user,
                confirmation_code: code.to_owned(),
                force_alias_creation,
                session: session.map(|s| Sensitive(s.to_owned())),
            })
        }
        Kind::ResendSignUpCode => Box::new(ResendSignUpCode { user }),
        Kind::AutoSignIn => Box::new(AutoSignIn {
            user,
            session: Sensitive(input.opt_string("session")?.unwrap_or_default().to_owned()),
        }),
        Kind::SignUp => Box::new(SignUp {
            user,
            password: input.opt_string("password")?.map(|p| Sensitive(p.to_owned())),
            user_attributes: Attributes(input.opt_string_map("userAttributes")?.unwrap_or_default()),
            validation_data: Attributes(input.opt_string_map("validationData")?.unwrap_or_default()),
        }),
    };
    Ok(Arguments { op, config })
}

/// What the caller's SecretHash provider returned, sent by the driver as
/// `{"config": {"secretHash": …}}`.
pub fn provided_hash(text: &str) -> Result<SecretHash, ValidationError> {
    let provided = json::parse(text);
    let value = provided
        .as_ref()
        .and_then(|v| v.get("config"))
        .and_then(|c| c.get("secretHash"));
    given_hash(value, "a string (what the provider returned)")
}

/// A `secretHash` given as a value (in the config, or by the provider);
/// `expected` says what else it could have been.
fn given_hash(value: Option<&Value>, expected: &'static str) -> Result<SecretHash, ValidationError> {
    let rule = match value {
        Some(Value::String(hash)) => return SecretHash::given(hash.clone()),
        Some(v) if tag(v) == Some("loneSurrogate") => Rule::LoneSurrogate,
        _ => Rule::Type(expected),
    };
    Err(ValidationError::new("secretHash", rule))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#""config":{"userPoolId":"us-east-1_AbC123","clientId":"client1"}"#;

    fn args(input: &str, config: &str) -> String {
        concat(&["{\"input\":", input, ",\"config\":", config, "}"])
    }

    fn refused(text: &str) -> (String, &'static str) {
        let e = read(Kind::ConfirmSignUp, text).err().expect("refused");
        (e.field.to_string(), e.rule.code())
    }

    fn confirm(input: &str) -> String {
        concat(&["{\"input\":", input, ",", CONFIG, "}"])
    }

    #[test]
    fn reads_every_member_of_a_confirmation() {
        let text = args(
            r#"{"username":"alice","confirmationCode":"123456","forceAliasCreation":true,"session":"s",
               "clientMetadata":{"b":"2","a":"1"},"analyticsMetadata":{"analyticsEndpointId":"e"},
               "userContextData":{"encodedData":"d","ipAddress":null},"signal":{"\u0000":"signal"}}"#,
            r#"{"userPoolId":"eu-west-1_AbC123","clientId":"client1","clientSecret":"s3","timeoutMs":2500,
               "maxAttempts":1,"useDualStack":true}"#,
        );
        let a = read(Kind::ConfirmSignUp, &text).unwrap();
        let user = a.op.user();
        assert_eq!(user.username, "alice");
        assert_eq!(
            user.client_metadata,
            vec![("b".into(), "2".into()), ("a".into(), "1".into())]
        );
        assert_eq!(user.analytics_endpoint_id.as_deref(), Some("e"));
        assert_eq!(
            user.user_context_data,
            Some(UserContextData {
                ip_address: None,
                encoded_data: Some("d".into())
            })
        );
        assert_eq!(a.config.url, "https://cognito-idp.eu-west-1.amazonaws.com/");
        assert_eq!((a.config.timeout_ms, a.config.policy.max_attempts), (2500, 1));
        assert!(matches!(a.config.secret, SecretSource::Compute(_)));
        let body = a.op.body();
        assert!(body.contains(r#""ForceAliasCreation":true"#) && body.contains(r#""Session":"s""#));
    }

    #[test]
    fn defaults_apply_when_members_are_absent_or_null() {
        let a = read(
            Kind::ResendSignUpCode,
            &args(
                r#"{"username":"bob","clientMetadata":null}"#,
                r#"{"userPoolId":"us-east-1_AbC123","clientId":"client1","timeoutMs":null}"#,
            ),
        )
        .unwrap();
        assert_eq!(a.config.timeout_ms, DEFAULT_TIMEOUT_MS);
        assert_eq!(a.config.policy, RetryPolicy::default());
        assert!(matches!(a.config.secret, SecretSource::None));
        assert_eq!(a.op.name(), "ResendConfirmationCode");
    }

    #[test]
    fn wrong_types_name_the_member() {
        let cases = [
            ("{}".to_owned(), ("config", "required")),
            (r#"{"input":"x","config":{}}"#.to_owned(), ("userPoolId", "required")),
            (confirm("null"), ("input", "required")),
            (confirm(r#"[]"#), ("input", "type")),
            (confirm(r#"{"\u0000":"function"}"#), ("input", "type")),
            (
                confirm(r#"{"username":5,"confirmationCode":"1"}"#),
                ("username", "type"),
            ),
            (
                confirm(r#"{"username":{"\u0000":"loneSurrogate"},"confirmationCode":"1"}"#),
                ("username", "loneSurrogate"),
            ),
            (
                confirm(r#"{"username":"a","confirmationCode":"1","clientMetadata":{"k":{"\u0000":"loneSurrogate"}}}"#),
                ("clientMetadata.k", "loneSurrogate"),
            ),
            (
                confirm(r#"{"username":"a","confirmationCode":"1","clientMetadata":{"k":1}}"#),
                ("clientMetadata.k", "type"),
            ),
            (
                confirm(r#"{"username":"a","confirmationCode":"1","userContextData":{"encodedData":7}}"#),
                ("userContextData.encodedData", "type"),
            ),
            (
                confirm(r#"{"username":"a","confirmationCode":"1","signal":{"aborted":true}}"#),
                ("signal", "type"),
            ),
            (
                confirm(r#"{"username":"a","confirmationCode":"1","forceAliasCreation":"yes"}"#),
                ("forceAliasCreation", "type"),
            ),
        ];
        for (text, expected) in cases {
            let (field, rule) = refused(&text);
            assert_eq!((field.as_str(), rule), expected, "{text}");
        }
    }

    #[test]
    fn a_callers_key_is_never_a_tag() {
        // The driver escapes `{"\u0000": "v"}` as `{"\u0000\u0000": "v"}`.
        let text = confirm(
            r#"{"username":"a","confirmationCode":"1","clientMetadata":{"\u0000\u0000":"function","\u0000\u0000k":"v","k":"w"}}"#,
        );
        let a = read(Kind::ConfirmSignUp, &text).unwrap();
        assert_eq!(
            a.op.user().client_metadata,
            vec![
                ("\u{0}".into(), "function".into()),
                ("\u{0}k".into(), "v".into()),
                ("k".into(), "w".into())
            ]
        );
        assert!(a
            .op
            .body()
            .contains(r#""ClientMetadata":{"\u0000":"function","\u0000k":"v","k":"w"}"#));
    }

    #[test]
    fn numbers_must_be_whole_and_in_range() {
        let input = r#"{"username":"a","confirmationCode":"1"}"#;
        for bad in [
            "0",
            "-5",
            "1.5",
            "\"100\"",
            r#"{"\u0000":"number"}"#,
            "1e+21",
            "2147483648",
        ] {
            let config = concat(&[
                r#"{"userPoolId":"us-east-1_AbC123","clientId":"client1","timeoutMs":"#,
                bad,
                "}",
            ]);
            assert_eq!(refused(&args(input, &config)), ("timeoutMs".into(), "type"), "{bad}");
        }
        let config =
            r#"{"userPoolId":"us-east-1_AbC123","clientId":"client1","timeoutMs":2147483647,"maxAttempts":10}"#;
        let a = read(Kind::ConfirmSignUp, &args(input, config)).unwrap();
        assert_eq!((a.config.timeout_ms, a.config.policy.max_attempts), (2_147_483_647, 10));
        let config = r#"{"userPoolId":"us-east-1_AbC123","clientId":"client1","maxAttempts":11}"#;
        assert_eq!(refused(&args(input, config)), ("maxAttempts".into(), "type"));
    }

    #[test]
    fn secret_hash_comes_one_way_only() {
        let input = r#"{"username":"a","confirmationCode":"1"}"#;
        let with = |member: &str| {
            args(
                input,
                &concat(&[r#"{"userPoolId":"us-east-1_AbC123","clientId":"client1","#, member, "}"]),
            )
        };
        let a = read(Kind::ConfirmSignUp, &with(r#""secretHash":{"\u0000":"function"}"#)).unwrap();
        assert!(matches!(a.config.secret, SecretSource::Provider));
        let a = read(Kind::ConfirmSignUp, &with(r#""secretHash":"abc=""#)).unwrap();
        assert!(matches!(a.config.secret, SecretSource::Given(_)));
        for (member, expected) in [
            (r#""secretHash":5"#, ("secretHash", "type")),
            (r#""secretHash":{"\u0000":"object"}"#, ("secretHash", "type")),
            (r#""secretHash":"a b""#, ("secretHash", "characters")),
            (
                r#""secretHash":{"\u0000":"loneSurrogate"}"#,
                ("secretHash", "loneSurrogate"),
            ),
            (r#""clientSecret":"""#, ("clientSecret", "format")),
            (r#""clientSecret":"s","secretHash":"h""#, ("secretHash", "conflicts")),
        ] {
            assert_eq!(refused(&with(member)), (expected.0.into(), expected.1), "{member}");
        }
    }

    #[test]
    fn the_provider_must_return_a_valid_hash() {
        assert!(provided_hash(r#"{"config":{"secretHash":"abc="}}"#).is_ok());
        let rule = |text: &str| provided_hash(text).unwrap_err().rule.code();
        assert_eq!(rule(r#"{"config":{}}"#), "type");
        assert_eq!(rule(r#"{"config":{"secretHash":7}}"#), "type");
        assert_eq!(rule(r#"{"config":{"secretHash":"no spaces"}}"#), "characters");
        assert_eq!(
            rule(r#"{"config":{"secretHash":{"\u0000":"loneSurrogate"}}}"#),
            "loneSurrogate"
        );
        assert_eq!(rule("not json"), "type");
    }

    #[test]
    fn kinds_are_numbered_as_the_exports_table_says() {
        for (n, (kind, _)) in Kind::EXPORTS.iter().enumerate() {
            assert_eq!(Kind::from_number(n as u32), Some(*kind));
        }
        assert_eq!(Kind::from_number(Kind::EXPORTS.len() as u32), None);
    }
}
