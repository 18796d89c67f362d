//! The steps of a call, as the JavaScript driver takes them.
//!
//! The driver (`js/driver.js`) owns the I/O: `fetch`, timers, the caller's
//! `AbortSignal` and SecretHash provider. It asks [`prepare`] what to send and
//! [`judge`] what an attempt's outcome means. Each answers with JSON text, so a
//! step is one string crossing each way, and neither keeps state between
//! steps: the driver hands the arguments back, and the attempts so far as one
//! number ([`Attempts::state`]). Every decision is made here.
//!
//! `prepare` answers `{"error": {…}}`, `{"provide": true}` (call the
//! SecretHash provider, then prepare again with what it returned),
//! `{"askPage": n}` (call the page's `getData`, then prepare again with the
//! string it returned when it has at most `n` characters), or
//! `{"url", "headers", "timeoutMs", "maxBytes"}`, a line break and the request body as it
//! is sent (JSON text never holds a raw line break, and the body is not
//! escaped twice). `judge` answers `{"ok": result}`, `{"error": {…}}`, or
//! `{"retry": milliseconds, "state": n}`.
//!
//! The page's threat-protection script is asked once per call, by the
//! driver, when `prepare` says so: after the input is checked and the
//! SecretHash is known, and only when the caller gave no `userContextData`.
//! The driver calls it, so no page code ever runs inside this module (an
//! exception thrown through its frames would leave wasm-bindgen's stack
//! pointer behind), and the module has no imports of its own. What the script
//! gives is not the caller's input: when the model refuses it (too long,
//! say), it is left out rather than failing the call.
//!
//! Two outcomes are the driver's refusals, not answers: a redirect (Cognito
//! never sends one; the driver does not follow it, so nothing went to another
//! origin) fails at once, and an answer whose body passed the driver's cap is
//! not read. Over the cap, a 2xx is judged like a lost answer (Cognito acted,
//! and its answer is lost to us), so it is retried and a retry's "already
//! done" is the earlier attempt's success; other statuses are judged by
//! status as any unreadable answer, and neither is ever a success.

use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::string::String;

use crate::call::arguments::{self, Arguments, Config, Kind, SecretSource};
use crate::call::retry::{Attempts, Decision};
use crate::call::settle::{self, Sent};
use crate::call::Call;
use crate::error::{Error, ServiceError};
use crate::operations::{Operation, UserContextData};
use crate::wire::json::ObjectWriter;
use crate::wire::response::{self, HttpResponse};
use crate::wire::secret_hash::SecretHash;
use crate::wire::validate::{self, Rule, ValidationError};

/// The most of an answer's body the driver reads, in bytes. The largest
/// legitimate answer is InitiateAuth's tokens: an ID token that carries a
/// pool's 50 custom attributes at their 2,048-character limit is about 140 kB
/// encoded. A quarter of a megabyte leaves room for that and keeps what a
/// hostile server can make this module hold small (docs/security-model.md).
pub const MAX_BODY_BYTES: u32 = 262_144;

/// The message of an answer over [`MAX_BODY_BYTES`] (a test holds the two together).
const TOO_LARGE: &str = "a body over the 262,144-byte cap, not read";

/// The numbers of `step`'s `outcome` argument (`web::step`) that are no HTTP
/// status, as `judge` reads them. The driver writes the same names
/// (`js/driver.js`, `js/bind.js`); `tests/crossing.rs` holds the copies to these.
pub mod code {
    /// `fetch` or reading the body failed; the body argument is the message.
    pub const OUTCOME_NETWORK: u32 = 0;
    /// The attempt's time ran out.
    pub const OUTCOME_TIMEOUT: u32 = 1;
    /// The caller's signal aborted.
    pub const OUTCOME_ABORTED: u32 = 2;
    /// The SecretHash provider failed; the body argument says how.
    pub const OUTCOME_PROVIDER_FAILED: u32 = 3;
    /// A redirect, refused.
    pub const OUTCOME_REDIRECTED: u32 = 4;
    /// Plus the status: an answer whose body passed the cap, not read.
    pub const OUTCOME_TOO_LARGE: u32 = 1000;
    /// No outcome: `step` is asked to prepare (the driver's -1).
    pub const OUTCOME_PREPARE: u32 = u32::MAX;
    /// `page` (for `prepare`): the page has no threat-protection script.
    pub const PAGE_NO_SCRIPT: u32 = 0;
    /// It has one, not asked yet.
    pub const PAGE_SCRIPT: u32 = 1;
    /// Its `getData` was asked; the body argument is what it gave, if usable.
    pub const PAGE_ASKED: u32 = 2;
}

/// What the driver knows of the page's threat-protection script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// The page has none.
    NoScript,
    /// It has one, not asked yet.
    Script,
    /// Its `getData` was asked and gave this string (`None`: it threw, gave
    /// something else, or a string longer than [`MAX_PAGE_DATA`]).
    Asked(Option<&'a str>),
}

/// The longest `getData` string the driver hands over: the model's limit
/// for `EncodedData`. A longer one is not copied into the module at all.
pub const MAX_PAGE_DATA: u32 = crate::wire::validate::STRING_MAX as u32;

/// How an attempt ended, as the driver saw it.
#[derive(Debug, Clone, Copy)]
pub enum Outcome<'a> {
    /// An answer of any status.
    Response(HttpResponse<'a>),
    /// `fetch` or reading the body failed; the text is the browser's message.
    Network(&'a str),
    /// The attempt's time ran out.
    Timeout,
    /// The caller's signal aborted.
    Aborted,
    /// The SecretHash provider threw, rejected or timed out; the text says which.
    ProviderFailed(&'a str),
    /// The answer was a redirect, which the driver refuses to follow.
    Redirected,
    /// The answer's body passed the driver's cap, so it was not read.
    TooLarge { status: u16, request_id: Option<&'a str> },
}

/// A call read and checked, with its request built.
struct Checked {
    op: Box<dyn Operation>,
    config: Box<Config>,
    call: Call,
    /// The provider has yet to give the SecretHash.
    needs_hash: bool,
    /// The page's script has yet to be asked.
    needs_page: bool,
}

fn check(kind: Kind, args: &str, provided: Option<&str>, page: Page<'_>) -> Result<Box<Checked>, Error> {
    let Arguments { mut op, config } = arguments::read(kind, args)?;
    op.validate()?;
    let user = op.user_mut();
    let mut needs_hash = false;
    let client_secret = match &config.secret {
        SecretSource::None => None,
        SecretSource::Compute(secret) => {
            user.secret_hash = Some(SecretHash::compute(secret, &user.username, &user.client_id));
            Some(secret)
        }
        SecretSource::Given(hash) => {
            user.secret_hash = Some(hash.clone());
            None
        }
        SecretSource::Provider => {
            match provided {
                Some(text) => user.secret_hash = Some(arguments::provided_hash(text)?),
                None => needs_hash = true,
            }
            None
        }
    };
    let mut needs_page = false;
    if !needs_hash && op.user().user_context_data.is_none() {
        match page {
            Page::Script => needs_page = true,
            // `EncodedData`'s rule (`StringType`), checked here alone: the
            // rest of the input passed above.
            Page::Asked(Some(data)) if validate::length_rule(data, 1, validate::STRING_MAX).is_ok() => {
                op.user_mut().user_context_data = Some(UserContextData {
                    ip_address: None,
                    encoded_data: Some(data.to_owned()),
                });
            }
            // No script, nothing usable from it, or what the model refuses.
            Page::NoScript | Page::Asked(_) => {}
        }
    }
    let call = op.call(config.url.clone(), client_secret);
    Ok(Box::new(Checked {
        op,
        config,
        call,
        needs_hash,
        needs_page,
    }))
}

/// What `buildRequest`'s `operation` must be: every name of [`Kind::EXPORTS`]
/// (a test holds the two together).
const OPERATIONS: &str = r#"one of "signUp", "confirmSignUp", "resendSignUpCode" and "autoSignIn""#;

fn answer(key: &str, json: &str) -> String {
    let mut w = ObjectWriter::new();
    w.raw(key, json);
    w.finish()
}

/// What to send for the export `kind` (see the module docs); `None` for an
/// operation name `buildRequest` does not know. `provided` is what the
/// SecretHash provider returned, as `{"config": {"secretHash": …}}`.
pub fn prepare(kind: Option<Kind>, args: &str, provided: Option<&str>, page: Page<'_>) -> String {
    let kind = kind.ok_or_else(|| ValidationError::new("operation", Rule::Type(OPERATIONS)));
    match kind
        .map_err(Error::from)
        .and_then(|kind| check(kind, args, provided, page))
    {
        Err(e) => settle::error_answer(&e, false),
        Ok(r) if r.needs_hash => answer("provide", "true"),
        Ok(r) if r.needs_page => {
            let mut w = ObjectWriter::new();
            w.number("askPage", MAX_PAGE_DATA.into());
            w.finish()
        }
        Ok(r) => {
            let request = r.call.request();
            let mut headers = ObjectWriter::new();
            for (name, value) in request.headers() {
                headers.string(name, value);
            }
            let mut w = ObjectWriter::new();
            w.string("url", &request.url)
                .raw("headers", &headers.finish())
                .number("timeoutMs", r.config.timeout_ms.into())
                .number("maxBytes", MAX_BODY_BYTES.into());
            let mut answer = w.finish();
            answer.push('\n');
            answer.push_str(&request.body);
            crate::discard(request);
            crate::discard(r);
            answer
        }
    }
}

/// What an attempt's outcome means (see the module docs). `state` is 0 for the
/// first attempt; `random` is uniform in `[0, 1)`, for the backoff's jitter.
pub fn judge(kind: Kind, args: &str, provided: Option<&str>, state: u32, random: f64, outcome: Outcome<'_>) -> String {
    match judged(kind, args, provided, state, random, outcome) {
        Ok(answer) => answer,
        Err(e) => settle::error_answer(&e, false),
    }
}

fn judged(
    kind: Kind,
    args: &str,
    provided: Option<&str>,
    state: u32,
    random: f64,
    outcome: Outcome<'_>,
) -> Result<String, Error> {
    // A success needs nothing from the arguments: no secret can be in it to
    // redact, and no retry to plan. Only a failure reads them again.
    let checked = || check(kind, args, provided, Page::NoScript);
    let error = match outcome {
        Outcome::Response(response) => match response::parse(&response) {
            Ok(output) => {
                return match settle::result_answer(kind, Sent::Output(output)) {
                    Ok(answer) => Ok(answer),
                    Err(Error::Service(mut e)) => {
                        e.status = response.status;
                        e.request_id = response.request_id.map(ToOwned::to_owned);
                        Err(Error::from(checked()?.call.redact(*e)))
                    }
                    Err(e) => Err(e),
                };
            }
            Err(e) => Error::from(e),
        },
        Outcome::Network(message) => Error::Network(message.to_owned()),
        // The config's milliseconds, filled in below.
        Outcome::Timeout => Error::Timeout(0),
        Outcome::Aborted => Error::Aborted,
        Outcome::ProviderFailed(message) => Error::SecretHashProvider(message.to_owned()),
        Outcome::Redirected => Error::from(ServiceError::unknown(
            0,
            "a redirect (Cognito never sends one), not followed",
        )),
        // A 2xx among them is a lost answer to the retry policy, as any
        // unreadable 2xx (`retry`), so it is retried.
        Outcome::TooLarge { status, request_id } => Error::from(ServiceError {
            request_id: request_id.map(str::to_owned),
            ..ServiceError::unknown(status, TOO_LARGE)
        }),
    };
    // The arguments, read again once for every failure: the timeout is the
    // config's, and every service error is redacted of the call's secrets
    // (the request id of an answer over the cap too: a server may echo
    // anything in a header).
    let r = checked()?;
    let error = match error {
        Error::Service(e) => Error::from(r.call.redact(*e)),
        Error::Timeout(_) => Error::Timeout(r.config.timeout_ms),
        e => e,
    };
    let mut attempts = Attempts::resume(r.config.policy, state);
    let after_lost = attempts.ambiguous() && matches!(error, Error::Service(_));
    match attempts.after_failure(&error, random, |e| r.op.done_already(e)) {
        Decision::Retry { delay_ms } => {
            let mut w = ObjectWriter::new();
            w.number("retry", delay_ms.into())
                .number("state", attempts.state().into());
            Ok(w.finish())
        }
        Decision::Fail => Ok(settle::error_answer(&error, after_lost)),
        Decision::Recovered => settle::result_answer(kind, Sent::Recovered),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::json::{parse, Value};

    const ARGS: &str = r#"{"input":{"username":"alice","confirmationCode":"123456"},
        "config":{"userPoolId":"us-east-1_AbC123","clientId":"client1","endpoint":"http://127.0.0.1:9/"}}"#;

    fn response(status: u16, body: &str) -> Outcome<'_> {
        Outcome::Response(HttpResponse {
            status,
            error_type_header: None,
            request_id: None,
            body,
        })
    }

    fn json(text: &str) -> Value {
        parse(text).unwrap_or_else(|| panic!("not JSON: {text}"))
    }

    /// [`ARGS`] with a SecretHash provider (the driver's tag for a function).
    fn with_provider() -> String {
        ARGS.replace(
            r#""clientId":"client1""#,
            r#""clientId":"client1","secretHash":{"\u0000":"function"}"#,
        )
    }

    /// A prepared request: its head, and its body after the line break.
    fn request(answer: &str) -> (Value, &str) {
        let (head, body) = answer.split_once('\n').expect("a head and a body");
        (json(head), body)
    }

    #[test]
    fn an_unknown_operation_is_refused_with_every_export_named() {
        for (_, name) in Kind::EXPORTS {
            assert!(OPERATIONS.contains(&format!("\"{name}\"")), "{name}");
        }
        assert_eq!(OPERATIONS.matches('"').count(), 2 * Kind::EXPORTS.len());
        let e = json(&prepare(None, ARGS, None, Page::NoScript));
        assert_eq!(e.get("error").unwrap().get_str("field"), Some("operation"));
    }

    #[test]
    fn the_cap_message_names_the_cap() {
        let digits = MAX_BODY_BYTES.to_string();
        let (thousands, rest) = digits.split_at(digits.len() - 3);
        assert!(
            TOO_LARGE.contains(&format!(" {thousands},{rest}-byte cap")),
            "{TOO_LARGE}"
        );
    }

    #[test]
    fn prepare_writes_the_request() {
        let answer = prepare(Some(Kind::ConfirmSignUp), ARGS, None, Page::NoScript);
        let (p, body) = request(&answer);
        assert_eq!(p.get_str("url"), Some("http://127.0.0.1:9/"));
        assert_eq!(
            p.get("headers").and_then(|h| h.get_str("X-Amz-Target")),
            Some("AWSCognitoIdentityProviderService.ConfirmSignUp")
        );
        assert_eq!(
            body,
            r#"{"ClientId":"client1","Username":"alice","ConfirmationCode":"123456"}"#
        );
        assert_eq!(p.get("timeoutMs"), Some(&Value::Number("15000".into())));
    }

    #[test]
    fn prepare_refuses_bad_input_with_a_named_error() {
        let args = ARGS.replace("123456", "12 34");
        let p = json(&prepare(Some(Kind::ConfirmSignUp), &args, None, Page::NoScript));
        let e = p.get("error").unwrap();
        assert_eq!(e.get_str("name"), Some("ValidationError"));
        assert_eq!(e.get_str("field"), Some("confirmationCode"));
    }

    #[test]
    fn page_data_is_asked_for_only_when_not_given() {
        assert_eq!(
            prepare(Some(Kind::ResendSignUpCode), ARGS, None, Page::Script),
            r#"{"askPage":131072}"#
        );
        let answer = prepare(Some(Kind::ResendSignUpCode), ARGS, None, Page::Asked(Some("page")));
        assert!(request(&answer)
            .1
            .contains(r#""UserContextData":{"EncodedData":"page"}"#));
        for nothing in [Page::Asked(None), Page::Asked(Some("")), Page::NoScript] {
            let answer = prepare(Some(Kind::ResendSignUpCode), ARGS, None, nothing);
            assert!(!request(&answer).1.contains("UserContextData"), "{nothing:?}");
        }
        let given = ARGS.replace(
            r#""username":"alice""#,
            r#""username":"alice","userContextData":{"encodedData":"mine"}"#,
        );
        let answer = prepare(Some(Kind::ResendSignUpCode), &given, None, Page::Script);
        assert!(request(&answer).1.contains(r#""EncodedData":"mine""#));
    }

    #[test]
    fn a_provider_is_asked_after_the_input_is_checked() {
        let args = with_provider();
        assert_eq!(
            prepare(Some(Kind::ConfirmSignUp), &args, None, Page::NoScript),
            r#"{"provide":true}"#
        );
        let bad = args.replace("alice", "al ice");
        assert!(prepare(Some(Kind::ConfirmSignUp), &bad, None, Page::NoScript).starts_with(r#"{"error":"#));
        let provided = r#"{"config":{"secretHash":"c2VjcmV0"}}"#;
        let answer = prepare(Some(Kind::ConfirmSignUp), &args, Some(provided), Page::NoScript);
        assert!(request(&answer).1.contains(r#""SecretHash":"c2VjcmV0""#));
        let p = json(&judge(
            Kind::ConfirmSignUp,
            &args,
            None,
            0,
            0.5,
            Outcome::ProviderFailed("backend down"),
        ));
        let e = p.get("error").unwrap();
        assert_eq!(e.get_str("name"), Some("SecretHashError"));
        assert_eq!(
            e.get_str("message"),
            Some("the secretHash provider failed: backend down")
        );
    }

    #[test]
    fn judge_resolves_retries_and_fails() {
        assert_eq!(
            judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, response(200, "{}")),
            r#"{"ok":{"isSignUpComplete":true,"nextStep":{"signUpStep":"DONE"}}}"#
        );
        assert_eq!(
            judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, Outcome::Timeout),
            r#"{"retry":100,"state":3}"#
        );
        let last = json(&judge(
            Kind::ConfirmSignUp,
            ARGS,
            None,
            4,
            0.5,
            Outcome::Network("offline"),
        ));
        assert_eq!(last.get("error").unwrap().get_str("name"), Some("NetworkError"));
        let aborted = json(&judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, Outcome::Aborted));
        assert_eq!(aborted.get("error").unwrap().get_str("name"), Some("AbortError"));
        let mismatch = r#"{"__type":"CodeMismatchException","message":"Invalid code"}"#;
        let e = json(&judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, response(400, mismatch)));
        assert_eq!(e.get("error").unwrap().get_str("name"), Some("CodeMismatchException"));
    }

    #[test]
    fn a_lost_attempt_that_confirmed_is_a_success() {
        let confirmed =
            r#"{"__type":"NotAuthorizedException","message":"User cannot be confirmed. Current status is CONFIRMED"}"#;
        assert_eq!(
            judge(Kind::ConfirmSignUp, ARGS, None, 3, 0.5, response(400, confirmed)),
            r#"{"ok":{"isSignUpComplete":true,"nextStep":{"signUpStep":"DONE"},"confirmedByEarlierAttempt":true}}"#
        );
        let e = json(&judge(
            Kind::ConfirmSignUp,
            ARGS,
            None,
            0,
            0.5,
            response(400, confirmed),
        ));
        assert_eq!(e.get("error").unwrap().get_str("name"), Some("NotAuthorizedException"));
    }

    #[test]
    fn the_page_is_asked_only_after_the_input_is_checked_and_the_hash_known() {
        let args = with_provider();
        assert_eq!(
            prepare(Some(Kind::ConfirmSignUp), &args, None, Page::Script),
            r#"{"provide":true}"#,
            "not while the provider has yet to answer"
        );
        let provided = Some(r#"{"config":{"secretHash":"c2VjcmV0"}}"#);
        assert_eq!(
            prepare(Some(Kind::ConfirmSignUp), &args, provided, Page::Script),
            r#"{"askPage":131072}"#
        );
        let answer = prepare(Some(Kind::ConfirmSignUp), &args, provided, Page::Asked(Some("page")));
        assert!(request(&answer).1.contains(r#""EncodedData":"page""#));
        let bad = ARGS.replace("123456", "12 34");
        let refused = prepare(Some(Kind::ConfirmSignUp), &bad, None, Page::Script);
        assert!(refused.starts_with(r#"{"error":"#), "not for input that is refused");
    }

    #[test]
    fn page_data_the_model_refuses_is_left_out() {
        let long = "x".repeat(131_073);
        let answer = prepare(Some(Kind::ConfirmSignUp), ARGS, None, Page::Asked(Some(&long)));
        let (head, body) = request(&answer);
        assert!(head.get("error").is_none(), "{answer:.200}");
        assert!(!body.contains("UserContextData"));
        assert_eq!(head.get("maxBytes"), Some(&Value::Number("262144".into())));
    }

    #[test]
    fn a_redirect_fails_at_once_and_is_never_a_success() {
        let e = json(&judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, Outcome::Redirected));
        let e = e.get("error").unwrap();
        assert_eq!(e.get_str("name"), Some("UnknownError"));
        assert_eq!(e.get("status"), Some(&Value::Number("0".into())));
        assert!(e.get_str("message").unwrap().contains("redirect"));
    }

    #[test]
    fn an_answer_over_the_cap_is_never_a_success() {
        let too_large = |status| Outcome::TooLarge {
            status,
            request_id: Some("req-9"),
        };
        // A 2xx: Cognito acted and the answer is lost, as after a reset.
        assert_eq!(
            judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, too_large(200)),
            judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, Outcome::Network("reset"))
        );
        let confirmed =
            r#"{"__type":"NotAuthorizedException","message":"User cannot be confirmed. Current status is CONFIRMED"}"#;
        let retry = json(&judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, too_large(200)));
        let state = parse_u32_value(retry.get("state").unwrap());
        assert!(
            judge(Kind::ConfirmSignUp, ARGS, None, state, 0.5, response(400, confirmed))
                .contains(r#""confirmedByEarlierAttempt":true"#)
        );
        // The last attempt: the error says what happened.
        let last = json(&judge(Kind::ConfirmSignUp, ARGS, None, 4, 0.5, too_large(200)));
        let e = last.get("error").unwrap();
        assert_eq!(e.get_str("name"), Some("UnknownError"));
        assert_eq!(e.get("status"), Some(&Value::Number("200".into())));
        assert_eq!(e.get_str("requestId"), Some("req-9"));
        assert!(e.get_str("message").unwrap().contains("262,144-byte cap"));
        // A 4xx is not retried; a 5xx is, as any 5xx.
        let e = json(&judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, too_large(400)));
        assert_eq!(e.get("error").unwrap().get_str("name"), Some("UnknownError"));
        assert!(judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, too_large(503)).starts_with(r#"{"retry":"#));
    }

    fn parse_u32_value(v: &Value) -> u32 {
        match v {
            Value::Number(n) => n.parse().unwrap(),
            _ => panic!("not a number: {v:?}"),
        }
    }

    #[test]
    fn errors_never_carry_the_client_secret() {
        let args = ARGS.replace(
            r#""clientId":"client1""#,
            r#""clientId":"client1","clientSecret":"s3cr3t""#,
        );
        let echo = r#"{"__type":"NotAuthorizedException","message":"secret s3cr3t is wrong"}"#;
        let answer = judge(Kind::ConfirmSignUp, &args, None, 0, 0.5, response(400, echo));
        assert!(!answer.contains("s3cr3t"), "{answer}");
        assert!(answer.contains("[redacted]"));
        let p = prepare(Some(Kind::ConfirmSignUp), &args, None, Page::NoScript);
        assert!(!p.contains("s3cr3t") && p.contains("SecretHash"));
    }

    const SIGN_UP: &str = r#"{"input":{"username":"alice","password":"Pa55-word!","userAttributes":{"email":"alice@example.com","name":"Alice"},
        "validationData":{"ticket":"t1ck3t"}},
        "config":{"userPoolId":"us-east-1_AbC123","clientId":"client1","endpoint":"http://127.0.0.1:9/"}}"#;

    #[test]
    fn sign_up_is_prepared_and_judged() {
        let (p, body) = request_owned(&prepare(Some(Kind::SignUp), SIGN_UP, None, Page::NoScript));
        assert_eq!(
            p.get("headers").and_then(|h| h.get_str("X-Amz-Target")),
            Some("AWSCognitoIdentityProviderService.SignUp")
        );
        assert_eq!(
            body,
            r#"{"ClientId":"client1","Username":"alice","Password":"Pa55-word!","UserAttributes":[{"Name":"email","Value":"alice@example.com"},{"Name":"name","Value":"Alice"}],"ValidationData":[{"Name":"ticket","Value":"t1ck3t"}]}"#
        );
        let answer = r#"{"UserConfirmed":false,"UserSub":"sub-1","CodeDeliveryDetails":{"Destination":"a***@e***","DeliveryMedium":"EMAIL","AttributeName":"email"},"Session":"SESSIONSESSIONSESSION"}"#;
        assert_eq!(
            judge(Kind::SignUp, SIGN_UP, None, 0, 0.5, response(200, answer)),
            r#"{"ok":{"isSignUpComplete":false,"userId":"sub-1","nextStep":{"signUpStep":"CONFIRM_SIGN_UP","codeDeliveryDetails":{"destination":"a***@e***","deliveryMedium":"EMAIL","attributeName":"email"}},"session":"SESSIONSESSIONSESSION"}}"#
        );
        let confirmed = r#"{"UserConfirmed":true,"UserSub":"sub-2","Session":"SESSIONSESSIONSESSION"}"#;
        let ok = json(&judge(Kind::SignUp, SIGN_UP, None, 0, 0.5, response(200, confirmed)));
        assert_eq!(
            ok.get("ok")
                .and_then(|r| r.get("nextStep"))
                .and_then(|n| n.get_str("signUpStep")),
            Some("COMPLETE_AUTO_SIGN_IN")
        );
        let done = r#"{"UserConfirmed":true,"UserSub":"sub-3"}"#;
        let ok = json(&judge(Kind::SignUp, SIGN_UP, None, 0, 0.5, response(200, done)));
        assert_eq!(
            ok.get("ok")
                .and_then(|r| r.get("nextStep"))
                .and_then(|n| n.get_str("signUpStep")),
            Some("DONE")
        );
    }

    fn request_owned(answer: &str) -> (Value, String) {
        let (head, body) = request(answer);
        (head, body.to_owned())
    }

    #[test]
    fn sign_up_errors_never_carry_the_password_or_attribute_values() {
        let echo = Outcome::Response(HttpResponse {
            status: 400,
            error_type_header: None,
            request_id: Some("req Pa55-word!"),
            body: r#"{"__type":"InvalidPasswordException t1ck3t","message":"Pa55-word! is weak; alice@example.com, Alice"}"#,
        });
        let answer = judge(Kind::SignUp, SIGN_UP, None, 0, 0.5, echo);
        for secret in ["Pa55-word!", "alice@example.com", "Alice", "t1ck3t"] {
            assert!(!answer.contains(secret), "{secret} in {answer}");
        }
        let e = json(&answer);
        let e = e.get("error").unwrap();
        assert_eq!(e.get_str("name"), Some("UnknownError"));
        assert_eq!(e.get_str("requestId"), Some("req [redacted]"));
        let refused = prepare(
            Some(Kind::SignUp),
            &SIGN_UP.replace("Pa55-word!", "Pa55 word!"),
            None,
            Page::NoScript,
        );
        assert!(!refused.contains("Pa55"), "{refused}");
        assert!(refused.contains(r#""field":"password""#));
    }

    #[test]
    fn an_answer_over_the_cap_never_repeats_a_secret_in_its_request_id() {
        let echo = Outcome::TooLarge {
            status: 400,
            request_id: Some("req Pa55-word! t1ck3t"),
        };
        let answer = judge(Kind::SignUp, SIGN_UP, None, 0, 0.5, echo);
        for secret in ["Pa55-word!", "t1ck3t"] {
            assert!(!answer.contains(secret), "{secret} in {answer}");
        }
        let e = json(&answer);
        assert_eq!(
            e.get("error").unwrap().get_str("requestId"),
            Some("req [redacted] [redacted]")
        );
    }

    #[test]
    fn a_lost_sign_up_then_username_exists_says_so() {
        let exists = r#"{"__type":"UsernameExistsException","message":"User already exists"}"#;
        let after_lost = json(&judge(Kind::SignUp, SIGN_UP, None, 3, 0.5, response(400, exists)));
        let e = after_lost.get("error").unwrap();
        assert_eq!(e.get_str("name"), Some("UsernameExistsException"));
        assert_eq!(e.get("earlierAttemptMayHaveSucceeded"), Some(&Value::Bool(true)));
        let first = json(&judge(Kind::SignUp, SIGN_UP, None, 0, 0.5, response(400, exists)));
        assert_eq!(first.get("error").unwrap().get("earlierAttemptMayHaveSucceeded"), None);
        // Throttling does not make the next answer ambiguous.
        let throttled = judge(Kind::SignUp, SIGN_UP, None, 2, 0.5, response(400, exists));
        assert!(!throttled.contains("earlierAttempt"), "{throttled}");
    }

    #[test]
    fn a_truncated_2xx_is_a_lost_answer() {
        let truncated = response(200, r#"{"Sess"#);
        let retry = json(&judge(Kind::ConfirmSignUp, ARGS, None, 0, 0.5, truncated));
        assert_eq!(retry.get("state"), Some(&Value::Number("3".into())));
        let confirmed =
            r#"{"__type":"NotAuthorizedException","message":"User cannot be confirmed. Current status is CONFIRMED"}"#;
        assert!(judge(Kind::ConfirmSignUp, ARGS, None, 3, 0.5, response(400, confirmed))
            .contains(r#""confirmedByEarlierAttempt":true"#));
    }

    #[test]
    fn an_empty_sign_in_answer_keeps_its_request_id() {
        let args = ARGS.replace(r#""confirmationCode":"123456""#, r#""session":"SESSIONSESSIONSESSION""#);
        let empty = Outcome::Response(HttpResponse {
            status: 200,
            error_type_header: None,
            request_id: Some("req-42"),
            body: "{}",
        });
        let e = json(&judge(Kind::AutoSignIn, &args, None, 0, 0.5, empty));
        let e = e.get("error").unwrap();
        assert_eq!(e.get_str("name"), Some("UnknownError"));
        assert_eq!(e.get_str("requestId"), Some("req-42"));
    }

    #[test]
    fn an_unknown_operation_is_refused_by_name() {
        let e = json(&prepare(None, ARGS, None, Page::NoScript));
        let e = e.get("error").unwrap();
        assert_eq!(
            (e.get_str("field"), e.get_str("rule")),
            (Some("operation"), Some("type"))
        );
    }
}
