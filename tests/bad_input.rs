//! Bad input through the JavaScript API: each case is refused with a
//! `ValidationError` that names the field and the rule, and nothing is sent.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

mod common;

use common::*;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Each case: [description, input, config, field, rule]. `ok` and `cfg` are a
/// valid input and config; `change(base, changes)` copies one and applies changes
/// (a change to `undefined` removes the member).
const CASES: &str = r#"
const ok = { username: "alice", confirmationCode: "123456" };
const cfg = { userPoolId: "us-east-1_AbC123", clientId: "client1", endpoint: FAKE };
const change = (base, changes) => {
  const copy = { ...base };
  for (const [k, v] of Object.entries(changes)) { if (v === undefined) delete copy[k]; else copy[k] = v; }
  return copy;
};
const i = (changes) => change(ok, changes);
const c = (changes) => change(cfg, changes);
return [
  ["no input", undefined, cfg, "input", "required"],
  ["null input", null, cfg, "input", "required"],
  ["string input", "alice", cfg, "input", "type"],
  ["number input", 42, cfg, "input", "type"],
  ["array input", [], cfg, "input", "type"],
  ["function input", () => ok, cfg, "input", "type"],
  ["no config", ok, undefined, "config", "required"],
  ["null config", ok, null, "config", "required"],
  ["string config", ok, "cfg", "config", "type"],
  ["username missing", i({ username: undefined }), cfg, "username", "required"],
  ["username empty", i({ username: "" }), cfg, "username", "length"],
  ["username null", i({ username: null }), cfg, "username", "required"],
  ["username number", i({ username: 123 }), cfg, "username", "type"],
  ["username object", i({ username: {} }), cfg, "username", "type"],
  ["username array", i({ username: ["a"] }), cfg, "username", "type"],
  ["username boolean", i({ username: true }), cfg, "username", "type"],
  ["username with a space", i({ username: "a b" }), cfg, "username", "characters"],
  ["username with a tab", i({ username: "a\tb" }), cfg, "username", "characters"],
  ["username with a newline", i({ username: "a\nb" }), cfg, "username", "characters"],
  ["username with NUL", i({ username: "a\u0000b" }), cfg, "username", "characters"],
  ["username with DEL", i({ username: "a\u007fb" }), cfg, "username", "characters"],
  ["username with zero-width space", i({ username: "a\u200bb" }), cfg, "username", "characters"],
  ["username with BOM", i({ username: "\ufeffalice" }), cfg, "username", "characters"],
  ["username with no-break space", i({ username: "a\u00a0b" }), cfg, "username", "characters"],
  ["username with leading space", i({ username: " alice" }), cfg, "username", "characters"],
  ["username with lone high surrogate", i({ username: "\ud800abc" }), cfg, "username", "loneSurrogate"],
  ["username with lone low surrogate", i({ username: "abc\udc00" }), cfg, "username", "loneSurrogate"],
  ["username too long", i({ username: "x".repeat(129) }), cfg, "username", "length"],
  ["username with private use", i({ username: "a\ue000" }), cfg, "username", "characters"],
  ["code missing", i({ confirmationCode: undefined }), cfg, "confirmationCode", "required"],
  ["code empty", i({ confirmationCode: "" }), cfg, "confirmationCode", "length"],
  ["code number", i({ confirmationCode: 123456 }), cfg, "confirmationCode", "type"],
  ["code null", i({ confirmationCode: null }), cfg, "confirmationCode", "required"],
  ["code object", i({ confirmationCode: { code: 1 } }), cfg, "confirmationCode", "type"],
  ["code with inner space", i({ confirmationCode: "12 34" }), cfg, "confirmationCode", "characters"],
  ["code with trailing newline", i({ confirmationCode: "1234\n" }), cfg, "confirmationCode", "characters"],
  ["code with BEL", i({ confirmationCode: "12\u00073" }), cfg, "confirmationCode", "characters"],
  ["code with ideographic space", i({ confirmationCode: "12\u30003" }), cfg, "confirmationCode", "characters"],
  ["code too long", i({ confirmationCode: "9".repeat(2049) }), cfg, "confirmationCode", "length"],
  ["code with lone surrogate", i({ confirmationCode: "\ud83d" }), cfg, "confirmationCode", "loneSurrogate"],
  ["clientId missing", ok, c({ clientId: undefined }), "clientId", "required"],
  ["clientId empty", ok, c({ clientId: "" }), "clientId", "length"],
  ["clientId with a dash", ok, c({ clientId: "bad-id" }), "clientId", "characters"],
  ["clientId with a space", ok, c({ clientId: "id with space" }), "clientId", "characters"],
  ["clientId too long", ok, c({ clientId: "a".repeat(129) }), "clientId", "length"],
  ["clientId number", ok, c({ clientId: 42 }), "clientId", "type"],
  ["userPoolId missing", ok, c({ userPoolId: undefined }), "userPoolId", "required"],
  ["userPoolId without region", ok, c({ userPoolId: "AbC123" }), "userPoolId", "format"],
  ["userPoolId without id", ok, c({ userPoolId: "us-east-1_" }), "userPoolId", "format"],
  ["userPoolId without region part", ok, c({ userPoolId: "_AbC123" }), "userPoolId", "format"],
  ["userPoolId with a space", ok, c({ userPoolId: "us east-1_Ab" }), "userPoolId", "format"],
  ["userPoolId number", ok, c({ userPoolId: 7 }), "userPoolId", "type"],
  ["userPoolId too long", ok, c({ userPoolId: "us-east-1_" + "a".repeat(50) }), "userPoolId", "length"],
  ["region upper case", ok, c({ region: "US-EAST-1" }), "region", "format"],
  ["region number", ok, c({ region: 5 }), "region", "type"],
  ["secretHash with spaces", ok, c({ secretHash: "not a hash!" }), "secretHash", "characters"],
  ["secretHash empty", ok, c({ secretHash: "" }), "secretHash", "length"],
  ["secretHash number", ok, c({ secretHash: 42 }), "secretHash", "type"],
  ["secretHash too long", ok, c({ secretHash: "a".repeat(129) }), "secretHash", "length"],
  ["secretHash with lone surrogate", ok, c({ secretHash: "ab\ud800" }), "secretHash", "loneSurrogate"],
  ["secretHash and clientSecret", ok, c({ secretHash: "abc=", clientSecret: "s" }), "secretHash", "conflicts"],
  ["secretHash provider returns a number", ok, c({ secretHash: () => 42 }), "secretHash", "type"],
  ["secretHash provider returns a bad hash", ok, c({ secretHash: async () => "bad hash" }), "secretHash", "characters"],
  ["clientSecret empty", ok, c({ clientSecret: "" }), "clientSecret", "format"],
  ["clientSecret number", ok, c({ clientSecret: 123 }), "clientSecret", "type"],
  ["session too short", i({ session: "short" }), cfg, "session", "length"],
  ["session too long", i({ session: "s".repeat(4097) }), cfg, "session", "length"],
  ["session number", i({ session: 12345678901234567890 }), cfg, "session", "type"],
  ["endpoint http on a public host", ok, c({ endpoint: "http://example.com" }), "endpoint", "format"],
  ["endpoint http on a private address", ok, c({ endpoint: "http://10.0.0.1:9229" }), "endpoint", "format"],
  ["endpoint ftp", ok, c({ endpoint: "ftp://127.0.0.1" }), "endpoint", "format"],
  ["endpoint not a URL", ok, c({ endpoint: "not a url" }), "endpoint", "format"],
  ["endpoint with credentials", ok, c({ endpoint: "https://user:pw@example.com" }), "endpoint", "format"],
  ["endpoint with a query", ok, c({ endpoint: "https://example.com/?a=1" }), "endpoint", "format"],
  ["endpoint number", ok, c({ endpoint: 8080 }), "endpoint", "type"],
  ["useFips with an endpoint", ok, c({ useFips: true }), "useFips", "conflicts"],
  ["useDualStack not a boolean", ok, c({ useDualStack: "yes" }), "useDualStack", "type"],
  ["dual-stack in a partition without it", ok, c({ endpoint: undefined, region: "us-iso-east-1", useDualStack: true }), "useDualStack", "format"],
  ["forceAliasCreation string", i({ forceAliasCreation: "true" }), cfg, "forceAliasCreation", "type"],
  ["forceAliasCreation number", i({ forceAliasCreation: 1 }), cfg, "forceAliasCreation", "type"],
  ["clientMetadata string", i({ clientMetadata: "x" }), cfg, "clientMetadata", "type"],
  ["clientMetadata array", i({ clientMetadata: ["a"] }), cfg, "clientMetadata", "type"],
  ["clientMetadata number value", i({ clientMetadata: { a: 1 } }), cfg, "clientMetadata.a", "type"],
  ["clientMetadata null value", i({ clientMetadata: { a: null } }), cfg, "clientMetadata.a", "type"],
  ["clientMetadata lone surrogate", i({ clientMetadata: { k: "\ud800" } }), cfg, "clientMetadata.k", "loneSurrogate"],
  ["clientMetadata value too long", i({ clientMetadata: { big: "x".repeat(131073) } }), cfg, "clientMetadata.big", "length"],
  ["analyticsMetadata string", i({ analyticsMetadata: "x" }), cfg, "analyticsMetadata", "type"],
  ["analyticsEndpointId number", i({ analyticsMetadata: { analyticsEndpointId: 5 } }), cfg, "analyticsMetadata.analyticsEndpointId", "type"],
  ["userContextData number", i({ userContextData: 5 }), cfg, "userContextData", "type"],
  ["encodedData number", i({ userContextData: { encodedData: 7 } }), cfg, "userContextData.encodedData", "type"],
  ["ipAddress object", i({ userContextData: { ipAddress: {} } }), cfg, "userContextData.ipAddress", "type"],
  ["signal string", i({ signal: "abort" }), cfg, "signal", "type"],
  ["signal plain object", i({ signal: { aborted: true } }), cfg, "signal", "type"],
  ["timeoutMs zero", ok, c({ timeoutMs: 0 }), "timeoutMs", "type"],
  ["timeoutMs negative", ok, c({ timeoutMs: -5 }), "timeoutMs", "type"],
  ["timeoutMs fraction", ok, c({ timeoutMs: 1.5 }), "timeoutMs", "type"],
  ["timeoutMs string", ok, c({ timeoutMs: "100" }), "timeoutMs", "type"],
  ["timeoutMs infinite", ok, c({ timeoutMs: Infinity }), "timeoutMs", "type"],
  ["timeoutMs NaN", ok, c({ timeoutMs: NaN }), "timeoutMs", "type"],
  ["maxAttempts zero", ok, c({ maxAttempts: 0 }), "maxAttempts", "type"],
  ["maxAttempts eleven", ok, c({ maxAttempts: 11 }), "maxAttempts", "type"],
  ["maxAttempts string", ok, c({ maxAttempts: "3" }), "maxAttempts", "type"],
];
"#;

#[wasm_bindgen_test]
async fn every_bad_input_is_refused_by_name_before_sending() {
    refuse_all("confirmSignUp", CASES, 100).await;
}

/// SignUp's own members. The password and attribute values are secrets: no
/// message may repeat them.
const SIGN_UP_CASES: &str = r#"
const ok = { username: "alice", password: "S3cret-Pass", userAttributes: { email: "alice@example.com" } };
const cfg = { userPoolId: "us-east-1_AbC123", clientId: "client1", endpoint: FAKE };
const i = (changes) => {
  const copy = { ...ok };
  for (const [k, v] of Object.entries(changes)) { if (v === undefined) delete copy[k]; else copy[k] = v; }
  return copy;
};
const attrs = (a) => i({ userAttributes: a });
const vd = (v) => i({ validationData: v });
return [
  ["username missing", i({ username: undefined }), cfg, "username", "required"],
  ["username with a space", i({ username: "al ice" }), cfg, "username", "characters"],
  ["username too long", i({ username: "u".repeat(129) }), cfg, "username", "length"],
  ["password empty", i({ password: "" }), cfg, "password", "length"],
  ["password too long", i({ password: "S3cret-Pass".repeat(24) }), cfg, "password", "length"],
  ["password with a space", i({ password: "S3cret Pass" }), cfg, "password", "characters"],
  ["password with a tab", i({ password: "S3cret\tPass" }), cfg, "password", "characters"],
  ["password with a newline", i({ password: "S3cret-Pass\n" }), cfg, "password", "characters"],
  ["password with a vertical tab", i({ password: "S3cret\u000bPass" }), cfg, "password", "characters"],
  ["password with a form feed", i({ password: "S3cret\fPass" }), cfg, "password", "characters"],
  ["password with a carriage return", i({ password: "S3cret\rPass" }), cfg, "password", "characters"],
  ["password number", i({ password: 12345678 }), cfg, "password", "type"],
  ["password object", i({ password: { value: "S3cret-Pass" } }), cfg, "password", "type"],
  ["password array", i({ password: ["S3cret-Pass"] }), cfg, "password", "type"],
  ["password boolean", i({ password: true }), cfg, "password", "type"],
  ["password lone surrogate", i({ password: "S3cret-Pass\ud800" }), cfg, "password", "loneSurrogate"],
  ["userAttributes string", i({ userAttributes: "email=a@b.c" }), cfg, "userAttributes", "type"],
  ["userAttributes array", i({ userAttributes: [{ Name: "email", Value: "a@b.c" }] }), cfg, "userAttributes", "type"],
  ["userAttributes number", i({ userAttributes: 7 }), cfg, "userAttributes", "type"],
  ["userAttributes function", i({ userAttributes: () => ({}) }), cfg, "userAttributes", "type"],
  ["attribute value number", attrs({ email: 5 }), cfg, "userAttributes.email", "type"],
  ["attribute value null", attrs({ email: null }), cfg, "userAttributes.email", "type"],
  ["attribute value object", attrs({ address: { street: "x" } }), cfg, "userAttributes.address", "type"],
  ["attribute value boolean", attrs({ email_verified: true }), cfg, "userAttributes.email_verified", "type"],
  ["attribute value too long", attrs({ email: "S3cret-Pass".repeat(187) }), cfg, "userAttributes.email", "length"],
  ["attribute value lone surrogate", attrs({ name: "S3cret\udc00" }), cfg, "userAttributes.name", "loneSurrogate"],
  ["attribute name empty", attrs({ "": "v" }), cfg, "userAttributes", "format"],
  ["attribute name too long", attrs({ ["custom:" + "n".repeat(26)]: "v" }), cfg, "userAttributes", "format"],
  ["attribute name with NUL", attrs({ "a\u0000b": "v" }), cfg, "userAttributes", "format"],
  ["attribute name with no-break space", attrs({ "a\u00a0b": "v" }), cfg, "userAttributes", "format"],
  ["attribute name with zero-width space", attrs({ "a\u200bb": "v" }), cfg, "userAttributes", "format"],
  ["attribute name lone surrogate", attrs({ "a\ud800": "v" }), cfg, "userAttributes", "loneSurrogate"],
  ["validationData string", vd("x"), cfg, "validationData", "type"],
  ["validationData array", vd(["x"]), cfg, "validationData", "type"],
  ["validationData value number", vd({ ticket: 1 }), cfg, "validationData.ticket", "type"],
  ["validationData value too long", vd({ ticket: "S3cret-Pass".repeat(187) }), cfg, "validationData.ticket", "length"],
  ["validationData name too long", vd({ ["v".repeat(33)]: "x" }), cfg, "validationData", "format"],
  ["validationData name with a control", vd({ "a\u0007": "x" }), cfg, "validationData", "format"],
  ["clientMetadata number value", i({ clientMetadata: { a: 1 } }), cfg, "clientMetadata.a", "type"],
  ["secretHash bad with a password", i({}), { ...cfg, secretHash: "bad hash" }, "secretHash", "characters"],
];
"#;

#[wasm_bindgen_test]
async fn every_bad_sign_up_input_is_refused_by_name_before_sending() {
    refuse_all("signUp", SIGN_UP_CASES, 30).await;
}

/// Calls `operation` with each case of `source` (see [`CASES`]) and checks
/// that each is a `ValidationError` naming its field and rule, that no
/// message repeats a secret, and that nothing at all was sent.
async fn refuse_all(operation: &str, source: &str, at_least: u32) {
    watch_page();
    let cases: Array = js_sys::Function::new_with_args("FAKE", source)
        .call1(&JsValue::NULL, &fake().into())
        .unwrap()
        .unchecked_into();
    assert!(cases.length() >= at_least, "{} cases", cases.length());
    let before = stats().await;
    let mut descriptions = std::collections::HashSet::new();
    for case in cases.iter() {
        let case: Array = case.unchecked_into();
        let description = case.get(0).as_string().unwrap();
        assert!(descriptions.insert(description.clone()), "duplicate case {description}");
        let err = api(operation, case.get(1), case.get(2)).await.expect_err(&description);
        assert_eq!(
            name_of(&err),
            "ValidationError",
            "{description}: {:?}",
            get_str(&err, "message")
        );
        assert_eq!(
            get_str(&err, "field"),
            case.get(3).as_string(),
            "{description}: {:?}",
            get_str(&err, "message")
        );
        assert_eq!(
            get_str(&err, "rule"),
            case.get(4).as_string(),
            "{description}: {:?}",
            get_str(&err, "message")
        );
        let message = get_str(&err, "message").unwrap();
        assert!(
            message.starts_with(&case.get(3).as_string().unwrap()),
            "{description}: the message names the field: {message}"
        );
        assert!(!message.contains("S3cret"), "{description}: a secret in {message}");
    }
    let after = stats().await;
    assert_eq!(
        get(&after, "requests").as_f64(),
        get(&before, "requests").as_f64(),
        "no request was sent"
    );
    assert_eq!(
        get(&after, "preflights").as_f64(),
        get(&before, "preflights").as_f64(),
        "not even a preflight"
    );
    assert_page_clean();
}
