//! Any input at all: validation never panics, and what it accepts is written
//! as a body that reads back to exactly the same members. The driver's steps,
//! given the same bytes as their arguments, always answer with JSON (and a
//! prepared request with a JSON head and a JSON body).
#![no_main]

use cognito_confirm::internals::json::{self, Value};
use cognito_confirm::internals::{
    prepare, judge, resolve, validate, Attributes, AutoSignIn, ConfirmSignUp, EndpointConfig, Kind, Operation, Outcome,
    Page, Sensitive, SignUp, UserCall, UserContextData,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for kind in [Kind::ConfirmSignUp, Kind::ResendSignUpCode, Kind::AutoSignIn, Kind::SignUp] {
        let answer = prepare(Some(kind), &text, Some(&text), Page::Asked(Some(&text)));
        let head = answer.split_once('\n').map_or(answer.as_str(), |(head, body)| {
            assert!(json::parse(body).is_some(), "the body is JSON: {body}");
            head
        });
        assert!(json::parse(head).is_some(), "prepare answers JSON: {answer}");
        let answer = judge(kind, &text, None, data.len() as u32, 0.5, Outcome::Network(&text));
        assert!(json::parse(&answer).is_some(), "judge answers JSON: {answer}");
    }
    let mut parts = text.split('\u{1e}').map(str::to_owned);
    let mut next = || parts.next().unwrap_or_default();
    let user = UserCall {
        client_id: next(),
        username: next(),
        secret_hash: None,
        analytics_endpoint_id: Some(next()),
        user_context_data: Some(UserContextData { ip_address: None, encoded_data: Some(next()) }),
        client_metadata: vec![(next(), next())],
    };
    let op = ConfirmSignUp {
        user: Box::new(user.clone()),
        confirmation_code: next(),
        force_alias_creation: Some(data.len() % 2 == 0),
        session: Some(Sensitive(next())),
    };
    if op.validate().is_ok() {
        let body = json::parse(&op.body()).expect("an accepted input writes valid JSON");
        assert_eq!(body.get_str("Username"), Some(op.user.username.as_str()));
        assert_eq!(body.get_str("ConfirmationCode"), Some(op.confirmation_code.as_str()));
        assert_eq!(body.get_str("ClientId"), Some(op.user.client_id.as_str()));
        let (k, v) = &op.user.client_metadata[0];
        assert_eq!(body.get("ClientMetadata").and_then(|m| m.get_str(k)), Some(v.as_str()));
        assert!(matches!(body, Value::Object(_)));
    }
    let sign_up = SignUp {
        user: Box::new(user.clone()),
        password: Some(Sensitive(next())),
        user_attributes: Attributes(vec![(next(), next())]),
        validation_data: Attributes(vec![(next(), next())]),
    };
    if sign_up.validate().is_ok() {
        let body = json::parse(&sign_up.body()).expect("an accepted input writes valid JSON");
        let Some(Value::Array(attributes)) = body.get("UserAttributes") else { panic!("UserAttributes") };
        assert_eq!(attributes[0].get_str("Name"), Some(sign_up.user_attributes.0[0].0.as_str()));
        assert_eq!(attributes[0].get_str("Value"), Some(sign_up.user_attributes.0[0].1.as_str()));
        assert_eq!(body.get_str("Password"), sign_up.password.as_ref().map(|p| p.0.as_str()));
    }
    let sign_in = AutoSignIn { user: Box::new(user), session: op.session.clone().unwrap_or_default() };
    if sign_in.validate().is_ok() {
        let body = json::parse(&sign_in.body()).expect("an accepted input writes valid JSON");
        let parameters = body.get("AuthParameters").expect("AuthParameters");
        assert_eq!(parameters.get_str("USERNAME"), Some(sign_in.user.username.as_str()));
        assert_eq!(body.get_str("Session"), Some(sign_in.session.0.as_str()));
    }
    let pool = next();
    if let Ok(region) = validate::user_pool_id(&pool) {
        assert!(pool.starts_with(region));
    }
    let custom = next();
    let config = EndpointConfig { region: "us-east-1", use_fips: false, use_dual_stack: false, custom: Some(&custom) };
    if let Ok(url) = resolve(&config) {
        assert!(url.starts_with("https://") || url.starts_with("http://"));
        assert!(!url.contains(char::is_whitespace) && !url.contains('@'));
    }
});
