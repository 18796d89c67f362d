//! `confirmSignUp` in headless Chromium against the strict fake Cognito
//! (`tests/fake-cognito/server.mjs`, started by `scripts/test.sh`).
#![cfg(all(target_arch = "wasm32", feature = "web"))]

mod common;

use common::*;
use js_sys::{Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn confirms_a_user_without_a_client_secret() {
    let username = new_user("123456", "").await;
    let result = call(input(&username, "123456"), config(PLAIN)).await.unwrap();
    assert_eq!(get(&result, "isSignUpComplete"), JsValue::TRUE);
    assert_eq!(
        get_str(&get(&result, "nextStep"), "signUpStep").as_deref(),
        Some("DONE")
    );
    assert!(get(&result, "session").is_undefined());
    let req = only_request(&username).await;
    let headers = get(&req, "headers");
    assert_eq!(
        get_str(&headers, "content-type").as_deref(),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(
        get_str(&headers, "x-amz-target").as_deref(),
        Some("AWSCognitoIdentityProviderService.ConfirmSignUp")
    );
    assert!(get(&headers, "cookie").is_undefined());
    assert_eq!(
        JSON::stringify(&get(&req, "body")).unwrap(),
        format!(r#"{{"ClientId":"{PLAIN}","Username":"{username}","ConfirmationCode":"123456"}}"#)
    );
    assert_eq!(user_status(&username).await.as_deref(), Some("CONFIRMED"));
}

#[wasm_bindgen_test]
async fn a_returned_session_means_sign_in_can_follow() {
    let username = new_user("777", r#","session":true"#).await;
    let result = call(input(&username, "777"), config(PLAIN)).await.unwrap();
    assert_eq!(
        get_str(&get(&result, "nextStep"), "signUpStep").as_deref(),
        Some("COMPLETE_AUTO_SIGN_IN")
    );
    assert!(get_str(&result, "session").is_some_and(|s| s.len() >= 20));
}

#[wasm_bindgen_test]
async fn every_request_member_reaches_the_body() {
    let username = new_user("4242", "").await;
    let input = js(&format!(
        r#"{{"username":"{username}","confirmationCode":"4242","forceAliasCreation":true,
            "clientMetadata":{{"source":"web","plan":"pro"}},
            "analyticsMetadata":{{"analyticsEndpointId":"pinpoint-endpoint"}},
            "userContextData":{{"encodedData":"explicit-data","ipAddress":"192.0.2.7"}},
            "session":"{}"}}"#,
        "S".repeat(24)
    ));
    call(input, config(PLAIN)).await.unwrap();
    let body = get(&only_request(&username).await, "body");
    assert_eq!(
        JSON::stringify(&body).unwrap(),
        format!(
            r#"{{"ClientId":"{PLAIN}","Username":"{username}","ConfirmationCode":"4242","ForceAliasCreation":true,"AnalyticsMetadata":{{"AnalyticsEndpointId":"pinpoint-endpoint"}},"UserContextData":{{"IpAddress":"192.0.2.7","EncodedData":"explicit-data"}},"ClientMetadata":{{"source":"web","plan":"pro"}},"Session":"{}"}}"#,
            "S".repeat(24)
        )
    );
}

#[wasm_bindgen_test]
async fn client_secret_is_turned_into_the_secret_hash() {
    let username = new_user("1111", "").await;
    let config = config(SECRET_CLIENT);
    set(&config, "clientSecret", &SECRET.into());
    call(input(&username, "1111"), config).await.unwrap();
    let body = get(&only_request(&username).await, "body");
    assert_eq!(get_str(&body, "SecretHash").map(|h| h.len()), Some(44));
    assert_eq!(user_status(&username).await.as_deref(), Some("CONFIRMED"));
}

/// Stands in for a backend that holds the secret: SecretHash with WebCrypto.
fn webcrypto_provider() -> js_sys::Function {
    js_sys::Function::new_with_args(
        "username, clientId",
        &format!(
            r#"globalThis.__providerArgs = [username, clientId];
            const enc = new TextEncoder();
            return crypto.subtle.importKey("raw", enc.encode("{SECRET}"), {{name: "HMAC", hash: "SHA-256"}}, false, ["sign"])
              .then(k => crypto.subtle.sign("HMAC", k, enc.encode(username + clientId)))
              .then(sig => btoa(String.fromCharCode(...new Uint8Array(sig))));"#
        ),
    )
}

#[wasm_bindgen_test]
async fn secret_hash_from_an_async_provider() {
    let username = new_user("2222", "").await;
    let config = config(SECRET_CLIENT);
    set(&config, "secretHash", &webcrypto_provider());
    call(input(&username, "2222"), config).await.unwrap();
    let args = get(&js_sys::global(), "__providerArgs");
    assert_eq!(
        JSON::stringify(&args).unwrap(),
        format!(r#"["{username}","{SECRET_CLIENT}"]"#)
    );
    only_request(&username).await;
}

#[wasm_bindgen_test]
async fn precomputed_secret_hash_is_sent_as_given() {
    let username = new_user("3333", "").await;
    let config_bad = config(SECRET_CLIENT);
    set(&config_bad, "secretHash", &"d3JvbmdoYXNo".into());
    let err = confirm_err(input(&username, "3333"), config_bad).await;
    assert_eq!(name_of(&err), "NotAuthorizedException");
    let body = get(&requests(&username).await.get(0), "body");
    assert_eq!(get_str(&body, "SecretHash").as_deref(), Some("d3JvbmdoYXNo"));

    let promise: js_sys::Promise = webcrypto_provider()
        .call2(&JsValue::NULL, &username.as_str().into(), &SECRET_CLIENT.into())
        .unwrap()
        .unchecked_into();
    let hash = wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    let config_good = config(SECRET_CLIENT);
    set(&config_good, "secretHash", &hash);
    call(input(&username, "3333"), config_good).await.unwrap();
    assert_eq!(user_status(&username).await.as_deref(), Some("CONFIRMED"));
}

#[wasm_bindgen_test]
async fn a_failing_provider_sends_nothing() {
    let username = new_user("5555", "").await;
    let config = config(SECRET_CLIENT);
    set(
        &config,
        "secretHash",
        &js_sys::Function::new_no_args("return Promise.reject(new Error('backend down'))"),
    );
    let err = confirm_err(input(&username, "5555"), config).await;
    assert_eq!(name_of(&err), "SecretHashError");
    assert!(get_str(&err, "message").unwrap().contains("backend down"));
    assert_eq!(requests(&username).await.length(), 0);
}

#[wasm_bindgen_test]
async fn a_wrong_secret_never_shows_in_the_error() {
    let username = new_user("6666", "").await;
    let config = config(SECRET_CLIENT);
    set(&config, "clientSecret", &"not-the-right-secret".into());
    let err = confirm_err(input(&username, "6666"), config).await;
    assert_eq!(name_of(&err), "NotAuthorizedException");
    let sent_hash = get_str(&get(&requests(&username).await.get(0), "body"), "SecretHash").unwrap();
    let everything = format!("{} {:?}", JSON::stringify(&err).unwrap(), get_str(&err, "message"));
    assert!(!everything.contains("not-the-right-secret") && !everything.contains(&sent_hash));
}

#[wasm_bindgen_test]
async fn wrong_code_is_a_code_mismatch_and_leaves_the_user_unconfirmed() {
    let username = new_user("123456", "").await;
    let err = confirm_err(input(&username, "654321"), config(PLAIN)).await;
    assert_eq!(name_of(&err), "CodeMismatchException");
    assert_eq!(get(&err, "status").as_f64(), Some(400.0));
    assert!(get_str(&err, "requestId").is_some_and(|id| id.len() == 36));
    assert_eq!(get_str(&err, "errorType").as_deref(), Some("CodeMismatchException"));
    assert_eq!(user_status(&username).await.as_deref(), Some("UNCONFIRMED"));
}

#[wasm_bindgen_test]
async fn service_answers_for_real_states() {
    let expired = new_user("9", r#","expired":true"#).await;
    assert_eq!(
        name_of(&confirm_err(input(&expired, "9"), config(PLAIN)).await),
        "ExpiredCodeException"
    );
    let confirmed = new_user("9", r#","status":"CONFIRMED""#).await;
    assert_eq!(
        name_of(&confirm_err(input(&confirmed, "9"), config(PLAIN)).await),
        "NotAuthorizedException"
    );
    assert_eq!(
        name_of(&confirm_err(input(&unique("nobody"), "9"), config(PLAIN)).await),
        "UserNotFoundException"
    );
    let user = new_user("9", "").await;
    assert_eq!(
        name_of(&confirm_err(input(&user, "9"), config("noSuchClient")).await),
        "ResourceNotFoundException"
    );
}

#[wasm_bindgen_test]
async fn every_modeled_error_name_reaches_the_caller() {
    let names = [
        "ResourceNotFoundException",
        "InvalidParameterException",
        "UnexpectedLambdaException",
        "UserLambdaValidationException",
        "NotAuthorizedException",
        "TooManyFailedAttemptsException",
        "CodeMismatchException",
        "ExpiredCodeException",
        "InvalidLambdaResponseException",
        "AliasExistsException",
        "TooManyRequestsException",
        "LimitExceededException",
        "UserNotFoundException",
        "OperationNotEnabledException",
        "InternalErrorException",
        "ForbiddenException",
    ];
    for (i, name) in names.iter().enumerate() {
        let username = new_user("1", "").await;
        let status = if *name == "InternalErrorException" { 500 } else { 400 };
        script(
            &username,
            &format!(r#"[{{"status":{status},"type":"aws.cognito#{name}","message":"m{i}"}}]"#),
        )
        .await;
        let config = config(PLAIN);
        set(&config, "maxAttempts", &JsValue::from(1));
        let err = confirm_err(input(&username, "1"), config).await;
        assert_eq!(name_of(&err), *name);
        assert_eq!(get_str(&err, "message"), Some(format!("m{i}")));
        assert_eq!(get(&err, "status").as_f64(), Some(f64::from(status)));
        assert_eq!(requests(&username).await.length(), 1, "{name}: one request");
    }
}

#[wasm_bindgen_test]
async fn unknown_and_malformed_answers_are_unknown_errors() {
    let cases = [
        (
            r#"{"status":400,"type":"BrandNewException","message":"new"}"#,
            Some("BrandNewException"),
            400.0,
        ),
        (
            r#"{"status":502,"body":"<html><body>Bad Gateway</body></html>","headers":{"content-type":"text/html"}}"#,
            None,
            502.0,
        ),
        (r#"{"status":500,"body":""}"#, None, 500.0),
        (r#"{"status":400,"body":"{\"__type\":\"CodeMis"}"#, None, 400.0),
        (r#"{"status":200,"body":"not json"}"#, None, 200.0),
    ];
    for (canned, error_type, status) in cases {
        let username = new_user("1", "").await;
        script(&username, &format!("[{canned}]")).await;
        let config = config(PLAIN);
        set(&config, "maxAttempts", &JsValue::from(1));
        let err = confirm_err(input(&username, "1"), config).await;
        assert_eq!(name_of(&err), "UnknownError", "{canned}");
        assert_eq!(get_str(&err, "errorType").as_deref(), error_type, "{canned}");
        assert_eq!(get(&err, "status").as_f64(), Some(status), "{canned}");
    }
}

#[wasm_bindgen_test]
async fn unreachable_server_is_a_network_error() {
    let config = js(&format!(
        r#"{{"userPoolId":"{POOL}","clientId":"{PLAIN}","endpoint":"http://127.0.0.1:9"}}"#
    ));
    let err = confirm_err(input("alice", "1"), config).await;
    assert_eq!(name_of(&err), "NetworkError");
}

#[wasm_bindgen_test]
async fn a_silent_server_times_out() {
    let username = new_user("1", "").await;
    script(&username, r#"[{"hang":true}]"#).await;
    let config = config(PLAIN);
    set(&config, "timeoutMs", &JsValue::from(300));
    set(&config, "maxAttempts", &JsValue::from(1));
    let started = js_sys::Date::now();
    let err = confirm_err(input(&username, "1"), config).await;
    assert_eq!(name_of(&err), "TimeoutError");
    assert_eq!(get(&err, "timeoutMs").as_f64(), Some(300.0));
    assert!(js_sys::Date::now() - started < 5_000.0);
}

#[wasm_bindgen_test]
async fn the_callers_signal_aborts() {
    let username = new_user("1", "").await;
    script(&username, r#"[{"delayMs":3000}]"#).await;
    let controller = web_sys::AbortController::new().unwrap();
    let input = input(&username, "1");
    set(&input, "signal", &controller.signal());
    let abort_soon = js_sys::Function::new_with_args("c", "setTimeout(() => c.abort(), 100)");
    abort_soon.call1(&JsValue::NULL, &controller).unwrap();
    let err = confirm_err(input, config(PLAIN)).await;
    assert_eq!(name_of(&err), "AbortError");

    let already = web_sys::AbortController::new().unwrap();
    already.abort();
    let other = new_user("1", "").await;
    let input = self::input(&other, "1");
    set(&input, "signal", &already.signal());
    assert_eq!(name_of(&confirm_err(input.clone(), config(PLAIN)).await), "AbortError");
    assert_eq!(
        requests(&other).await.length(),
        0,
        "nothing is sent with an aborted signal"
    );
    // buildRequest rejects as the call would, also with the module loaded.
    let built = build_request("confirmSignUp", input, config(PLAIN)).await;
    assert_eq!(
        name_of(&built.expect_err("an aborted signal builds nothing")),
        "AbortError"
    );
}

#[wasm_bindgen_test]
async fn bad_input_is_refused_before_sending() {
    let username = new_user("1", "").await;
    let err = confirm_err(input(&username, "12 34"), config(PLAIN)).await;
    assert_eq!(name_of(&err), "ValidationError");
    assert_eq!(get_str(&err, "field").as_deref(), Some("confirmationCode"));
    assert_eq!(get_str(&err, "rule").as_deref(), Some("characters"));
    let err = confirm_err(
        js(&format!(r#"{{"username":"{username}","confirmationCode":1234}}"#)),
        config(PLAIN),
    )
    .await;
    assert_eq!(
        (get_str(&err, "field"), get_str(&err, "rule")),
        (Some("confirmationCode".into()), Some("type".into()))
    );
    assert_eq!(requests(&username).await.length(), 0);
}

fn install_security_script(body: &str) {
    let get_data = js_sys::Function::new_with_args("username, poolId, clientId", body);
    let asd = js_sys::Object::new();
    set(&asd, "getData", &get_data);
    set(&js_sys::global(), "AmazonCognitoAdvancedSecurityData", &asd);
}

fn remove_security_script() {
    let global: js_sys::Object = js_sys::global();
    Reflect::delete_property(&global, &"AmazonCognitoAdvancedSecurityData".into()).unwrap();
}

/// One test owns the page global, so no other test sees it half set up.
#[wasm_bindgen_test]
async fn user_context_data_comes_from_the_page() {
    install_security_script("return 'enc:' + username + ':' + poolId + ':' + clientId;");
    let username = new_user("1", "").await;
    call(input(&username, "1"), config(PLAIN)).await.unwrap();
    let body = get(&only_request(&username).await, "body");
    assert_eq!(
        JSON::stringify(&get(&body, "UserContextData")).unwrap(),
        format!(r#"{{"EncodedData":"enc:{username}:{POOL}:{PLAIN}"}}"#)
    );

    let explicit = new_user("1", "").await;
    let input_with = js(&format!(
        r#"{{"username":"{explicit}","confirmationCode":"1","userContextData":{{"encodedData":"mine"}}}}"#
    ));
    call(input_with, config(PLAIN)).await.unwrap();
    let body = get(&only_request(&explicit).await, "body");
    assert_eq!(
        JSON::stringify(&get(&body, "UserContextData")).unwrap(),
        r#"{"EncodedData":"mine"}"#
    );

    install_security_script("throw new Error('script broke');");
    let thrown = new_user("1", "").await;
    call(input(&thrown, "1"), config(PLAIN)).await.unwrap();
    assert!(get(&get(&only_request(&thrown).await, "body"), "UserContextData").is_undefined());

    for odd in ["return 42;", "return { length: 3 };", "return '';"] {
        install_security_script(odd);
        let user = new_user("1", "").await;
        call(input(&user, "1"), config(PLAIN)).await.unwrap();
        let body = get(&only_request(&user).await, "body");
        assert!(get(&body, "UserContextData").is_undefined(), "{odd}");
    }

    remove_security_script();
    let without = new_user("1", "").await;
    call(input(&without, "1"), config(PLAIN)).await.unwrap();
    assert!(get(&get(&only_request(&without).await, "body"), "UserContextData").is_undefined());
}
