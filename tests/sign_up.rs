//! `signUp` and `buildRequest` against the strict fake Cognito: the whole
//! flow from a new user to tokens, the SecretHash ways, errors, the lost
//! sign-up, and a preview that is byte for byte what the call sends.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

mod common;

use common::*;
use js_sys::JSON;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASSWORD: &str = "Corr3ct-Horse!";

fn sign_up_input(username: &str, extra: &str) -> JsValue {
    js(&format!(
        r#"{{"username":"{username}","password":"{PASSWORD}","userAttributes":{{"email":"{username}@example.com","custom:team":"blue"}}{extra}}}"#
    ))
}

fn next_step(result: &JsValue) -> String {
    get_str(&get(result, "nextStep"), "signUpStep").unwrap()
}

#[wasm_bindgen_test]
async fn the_whole_flow_from_sign_up_to_tokens() {
    watch_page();
    let username = unique("new");
    let result = sign_up(sign_up_input(&username, ""), config(PLAIN)).await.unwrap();
    assert_eq!(get(&result, "isSignUpComplete"), JsValue::FALSE);
    assert!(get_str(&result, "userId").is_some_and(|id| id.len() == 36));
    assert_eq!(next_step(&result), "CONFIRM_SIGN_UP");
    let details = get(&get(&result, "nextStep"), "codeDeliveryDetails");
    assert_eq!(get_str(&details, "deliveryMedium").as_deref(), Some("EMAIL"));
    assert_eq!(get_str(&details, "destination").as_deref(), Some("n***@e***"));
    let session = get_str(&result, "session").expect("SignUp returned a session");

    let body = get(&only_request(&username).await, "body");
    assert_eq!(
        JSON::stringify(&body).unwrap(),
        format!(
            r#"{{"ClientId":"{PLAIN}","Username":"{username}","Password":"{PASSWORD}","UserAttributes":[{{"Name":"email","Value":"{username}@example.com"}},{{"Name":"custom:team","Value":"blue"}}]}}"#
        )
    );
    assert_eq!(user_status(&username).await.as_deref(), Some("UNCONFIRMED"));

    let code = code_of(&username).await;
    let confirm_input = js(&format!(
        r#"{{"username":"{username}","confirmationCode":"{code}","session":"{session}"}}"#
    ));
    let confirmed = call(confirm_input, config(PLAIN)).await.unwrap();
    assert_eq!(
        get_str(&get(&confirmed, "nextStep"), "signUpStep").as_deref(),
        Some("COMPLETE_AUTO_SIGN_IN")
    );
    let sign_in_session = get_str(&confirmed, "session").unwrap();
    let signed_in = common::sign_in(
        js(&format!(r#"{{"username":"{username}","session":"{sign_in_session}"}}"#)),
        config(PLAIN),
    )
    .await
    .unwrap();
    assert_eq!(get(&signed_in, "isSignedIn"), JsValue::TRUE);
    assert!(get_str(&get(&signed_in, "tokens"), "accessToken").is_some());
    assert_page_clean();
}

#[wasm_bindgen_test]
async fn a_user_confirmed_at_sign_up_signs_in_at_once() {
    let username = unique("auto");
    let input = sign_up_input(&username, r#","validationData":{"autoConfirm":"true"}"#);
    let result = sign_up(input, config(PLAIN)).await.unwrap();
    assert_eq!(get(&result, "isSignUpComplete"), JsValue::TRUE);
    assert_eq!(next_step(&result), "COMPLETE_AUTO_SIGN_IN");
    let session = get_str(&result, "session").unwrap();
    let body = get(&only_request(&username).await, "body");
    assert_eq!(
        JSON::stringify(&get(&body, "ValidationData")).unwrap(),
        r#"[{"Name":"autoConfirm","Value":"true"}]"#
    );
    let signed_in = common::sign_in(
        js(&format!(r#"{{"username":"{username}","session":"{session}"}}"#)),
        config(PLAIN),
    )
    .await
    .unwrap();
    assert_eq!(get(&signed_in, "isSignedIn"), JsValue::TRUE);
}

#[wasm_bindgen_test]
async fn passwordless_sign_up_sends_no_password() {
    let username = unique("nopw");
    let input = js(&format!(r#"{{"username":"{username}"}}"#));
    let result = sign_up(input, config(PLAIN)).await.unwrap();
    assert_eq!(next_step(&result), "CONFIRM_SIGN_UP");
    let body = get(&only_request(&username).await, "body");
    assert_eq!(
        JSON::stringify(&body).unwrap(),
        format!(r#"{{"ClientId":"{PLAIN}","Username":"{username}"}}"#)
    );
}

#[wasm_bindgen_test]
async fn every_secret_hash_way_works_for_sign_up() {
    let provider = js_sys::eval(&format!(
        "(async (username, clientId) => {{
           globalThis.__asked = (globalThis.__asked ?? 0) + 1;
           const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('{SECRET}'),
             {{ name: 'HMAC', hash: 'SHA-256' }}, false, ['sign']);
           const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(username + clientId));
           return btoa(String.fromCharCode(...new Uint8Array(mac)));
         }})"
    ))
    .unwrap();
    let with_secret = config(SECRET_CLIENT);
    set(&with_secret, "clientSecret", &SECRET.into());
    let with_provider = config(SECRET_CLIENT);
    set(&with_provider, "secretHash", &provider);
    for config in [with_secret, with_provider] {
        let username = unique("hashed");
        let result = sign_up(sign_up_input(&username, ""), config).await.unwrap();
        assert_eq!(next_step(&result), "CONFIRM_SIGN_UP");
        let body = get(&only_request(&username).await, "body");
        assert_eq!(get_str(&body, "SecretHash").map(|h| h.len()), Some(44));
    }
    assert_eq!(get(&js_sys::global(), "__asked").as_f64(), Some(1.0));
    let username = unique("nohash");
    let err = sign_up(sign_up_input(&username, ""), config(SECRET_CLIENT))
        .await
        .unwrap_err();
    assert_eq!(name_of(&err), "NotAuthorizedException");
}

#[wasm_bindgen_test]
async fn sign_up_errors_by_name_without_secrets() {
    let username = unique("taken");
    sign_up(sign_up_input(&username, ""), config(PLAIN)).await.unwrap();
    let err = sign_up(sign_up_input(&username, ""), config(PLAIN)).await.unwrap_err();
    assert_eq!(name_of(&err), "UsernameExistsException");
    assert!(get(&err, "earlierAttemptMayHaveSucceeded").is_undefined());

    let weak = unique("weak");
    let input = js(&format!(r#"{{"username":"{weak}","password":"short"}}"#));
    let err = sign_up(input, config(PLAIN)).await.unwrap_err();
    assert_eq!(name_of(&err), "InvalidPasswordException");

    // A server that echoes the password and an attribute value: both are redacted.
    let echo = unique("echo");
    script(
        &echo,
        &format!(
            r#"[{{"status":400,"type":"InvalidParameterException","message":"password {PASSWORD} for {echo}@example.com is not allowed"}}]"#
        ),
    )
    .await;
    let err = sign_up(sign_up_input(&echo, ""), config(PLAIN)).await.unwrap_err();
    let message = get_str(&err, "message").unwrap();
    assert!(
        !message.contains(PASSWORD) && !message.contains("@example.com"),
        "{message}"
    );
    assert!(message.contains("[redacted]"));
}

#[wasm_bindgen_test]
async fn a_lost_sign_up_then_username_exists_is_flagged() {
    let username = unique("lost");
    // The first attempt creates the user but its answer is lost.
    script(&username, r#"[{"apply":true,"reset":true}]"#).await;
    let err = sign_up(sign_up_input(&username, ""), config(PLAIN)).await.unwrap_err();
    assert_eq!(name_of(&err), "UsernameExistsException");
    assert_eq!(get(&err, "earlierAttemptMayHaveSucceeded"), JsValue::TRUE);
    assert_eq!(requests(&username).await.length(), 2);
    assert_eq!(user_status(&username).await.as_deref(), Some("UNCONFIRMED"));
    // The form's way on: a new code for the user the lost attempt created.
    let details = resend(js(&format!(r#"{{"username":"{username}"}}"#)), config(PLAIN))
        .await
        .unwrap();
    assert_eq!(get_str(&details, "deliveryMedium").as_deref(), Some("EMAIL"));
}

#[wasm_bindgen_test]
async fn build_request_is_what_the_call_sends() {
    watch_page();
    let before = stats().await;
    let username = unique("preview");
    let preview_config = config(SECRET_CLIENT);
    set(&preview_config, "clientSecret", &SECRET.into());
    let input = sign_up_input(&username, r#","clientMetadata":{"b":"2","a":"1"}"#);
    let preview = build_request("signUp", input.clone(), preview_config.clone())
        .await
        .unwrap();
    assert_eq!(get_str(&preview, "method").as_deref(), Some("POST"));
    assert_eq!(get_str(&preview, "url"), Some(format!("{}/", fake())));
    let headers = get(&preview, "headers");
    assert_eq!(
        JSON::stringify(&headers).unwrap(),
        r#"{"Content-Type":"application/x-amz-json-1.1","X-Amz-Target":"AWSCognitoIdentityProviderService.SignUp"}"#
    );
    let after = stats().await;
    assert_eq!(
        get(&after, "requests").as_f64(),
        get(&before, "requests").as_f64(),
        "a preview sends nothing"
    );
    assert_eq!(requests(&username).await.length(), 0);

    sign_up(input, preview_config).await.unwrap();
    let sent = only_request(&username).await;
    assert_eq!(
        get_str(&preview, "body"),
        JSON::stringify(&get(&sent, "body")).unwrap().as_string(),
        "the preview's body is the body sent"
    );

    for (operation, input) in [
        (
            "confirmSignUp",
            input_json(&username, r#","confirmationCode":"123456""#),
        ),
        ("resendSignUpCode", input_json(&username, "")),
        (
            "autoSignIn",
            input_json(&username, r#","session":"SESSIONSESSIONSESSION1""#),
        ),
    ] {
        let preview = build_request(operation, js(&input), config(PLAIN)).await.unwrap();
        let target = get_str(&get(&preview, "headers"), "X-Amz-Target").unwrap();
        assert!(target.starts_with("AWSCognitoIdentityProviderService."), "{target}");
        assert!(get_str(&preview, "body").unwrap().contains(&username));
    }
    let err = build_request("deleteUser", js(&input_json(&username, "")), config(PLAIN))
        .await
        .unwrap_err();
    assert_eq!(name_of(&err), "ValidationError");
    assert_eq!(get_str(&err, "field").as_deref(), Some("operation"));
    let err = build_request("toString", js(&input_json(&username, "")), config(PLAIN))
        .await
        .unwrap_err();
    assert_eq!(get_str(&err, "field").as_deref(), Some("operation"));
    let err = build_request("signUp", js(r#"{"username":"a b"}"#), config(PLAIN))
        .await
        .unwrap_err();
    assert_eq!(get_str(&err, "field").as_deref(), Some("username"));
    assert_page_clean();
}

fn input_json(username: &str, extra: &str) -> String {
    format!(r#"{{"username":"{username}"{extra}}}"#)
}

#[wasm_bindgen_test]
async fn build_request_asks_the_provider_and_the_page_once_each() {
    let provider = js_sys::eval(
        "(async () => { globalThis.__previewAsked = (globalThis.__previewAsked ?? 0) + 1; return 'aGFzaA=='; })",
    )
    .unwrap();
    let cfg = config(SECRET_CLIENT);
    set(&cfg, "secretHash", &provider);
    let preview = build_request("resendSignUpCode", js(r#"{"username":"carol"}"#), cfg)
        .await
        .unwrap();
    assert!(get_str(&preview, "body")
        .unwrap()
        .contains(r#""SecretHash":"aGFzaA==""#));
    assert_eq!(get(&js_sys::global(), "__previewAsked").as_f64(), Some(1.0));
}
