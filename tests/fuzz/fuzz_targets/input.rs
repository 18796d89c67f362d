//! Any input at all: validation never panics, and what it accepts is written
//! as a body that reads back to exactly the same members.
#![no_main]

use cognito_confirm::confirm_sign_up::{ConfirmSignUp, UserContextData};
use cognito_confirm::endpoint::{resolve, EndpointConfig};
use cognito_confirm::json::{self, Value};
use cognito_confirm::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{1e}').map(str::to_owned);
    let mut next = || parts.next().unwrap_or_default();
    let op = ConfirmSignUp {
        client_id: next(),
        username: next(),
        confirmation_code: next(),
        secret_hash: None,
        force_alias_creation: Some(data.len() % 2 == 0),
        analytics_endpoint_id: Some(next()),
        user_context_data: Some(UserContextData { ip_address: None, encoded_data: Some(next()) }),
        client_metadata: vec![(next(), next())],
        session: Some(next()),
    };
    if op.validate().is_ok() {
        let body = json::parse(&op.body()).expect("an accepted input writes valid JSON");
        assert_eq!(body.get_str("Username"), Some(op.username.as_str()));
        assert_eq!(body.get_str("ConfirmationCode"), Some(op.confirmation_code.as_str()));
        assert_eq!(body.get_str("ClientId"), Some(op.client_id.as_str()));
        let (k, v) = &op.client_metadata[0];
        assert_eq!(body.get("ClientMetadata").and_then(|m| m.get_str(k)), Some(v.as_str()));
        assert!(matches!(body, Value::Object(_)));
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
