//! The rest of the confirmation flow against the strict fake: a new code
//! (`resendSignUpCode`) and signing in with the session a confirmation
//! returned (`autoSignIn`), with their error paths.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

mod common;

use common::*;
use js_sys::JSON;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn user_input(username: &str) -> JsValue {
    js(&format!(r#"{{"username":"{username}"}}"#))
}

fn sign_in_input(username: &str, session: &str) -> JsValue {
    js(&format!(r#"{{"username":"{username}","session":"{session}"}}"#))
}

#[wasm_bindgen_test]
async fn a_new_code_replaces_the_old_one() {
    watch_page();
    let username = new_user("111111", "").await;
    let details = resend(user_input(&username), config(PLAIN)).await.unwrap();
    assert_eq!(get_str(&details, "destination").as_deref(), Some("a***@e***"));
    assert_eq!(get_str(&details, "deliveryMedium").as_deref(), Some("EMAIL"));
    assert_eq!(get_str(&details, "attributeName").as_deref(), Some("email"));
    let req = only_request(&username).await;
    assert_eq!(
        get_str(&get(&req, "headers"), "x-amz-target").as_deref(),
        Some("AWSCognitoIdentityProviderService.ResendConfirmationCode")
    );
    assert_eq!(
        JSON::stringify(&get(&req, "body")).unwrap(),
        format!(r#"{{"ClientId":"{PLAIN}","Username":"{username}"}}"#)
    );

    let new_code = code_of(&username).await;
    assert_ne!(new_code, "111111");
    assert_eq!(
        name_of(&confirm_err(input(&username, "111111"), config(PLAIN)).await),
        "CodeMismatchException"
    );
    call(input(&username, &new_code), config(PLAIN)).await.unwrap();
    assert_eq!(user_status(&username).await.as_deref(), Some("CONFIRMED"));
    assert_page_clean();
}

#[wasm_bindgen_test]
async fn resend_with_a_client_secret_sends_the_secret_hash() {
    let username = new_user("1", "").await;
    let config = config(SECRET_CLIENT);
    set(&config, "clientSecret", &SECRET.into());
    resend(user_input(&username), config).await.unwrap();
    let body = get(&only_request(&username).await, "body");
    assert_eq!(get_str(&body, "SecretHash").map(|h| h.len()), Some(44));
}

#[wasm_bindgen_test]
async fn resend_error_paths() {
    let confirmed = new_user("1", r#","status":"CONFIRMED""#).await;
    assert_eq!(
        name_of(&resend(user_input(&confirmed), config(PLAIN)).await.unwrap_err()),
        "InvalidParameterException"
    );
    assert_eq!(
        name_of(&resend(user_input(&unique("nobody")), config(PLAIN)).await.unwrap_err()),
        "UserNotFoundException"
    );

    let username = new_user("1", "").await;
    script(
        &username,
        r#"[{"status":400,"type":"CodeDeliveryFailureException","message":"could not send"}]"#,
    )
    .await;
    let err = resend(user_input(&username), config(PLAIN)).await.unwrap_err();
    assert_eq!(
        (name_of(&err), get_str(&err, "message")),
        ("CodeDeliveryFailureException".into(), Some("could not send".into()))
    );
    assert_eq!(
        requests(&username).await.length(),
        1,
        "a delivery failure is not retried"
    );

    let flaky = new_user("1", "").await;
    script(&flaky, r#"[{"status":503,"body":""}]"#).await;
    resend(user_input(&flaky), config(PLAIN)).await.unwrap();
    assert_eq!(requests(&flaky).await.length(), 2, "the shared retry policy applies");

    let err = resend(js("{}"), config(PLAIN)).await.unwrap_err();
    assert_eq!(
        (name_of(&err), get_str(&err, "field")),
        ("ValidationError".into(), Some("username".into()))
    );
}

async fn confirmed_with_session(extra: &str, client: &str, configure: impl Fn(&JsValue)) -> (String, String) {
    let username = new_user("5", &format!(r#","session":true{extra}"#)).await;
    let config = config(client);
    configure(&config);
    let result = call(input(&username, "5"), config).await.unwrap();
    (
        username,
        get_str(&result, "session").expect("the fake returned a session"),
    )
}

#[wasm_bindgen_test]
async fn the_confirmation_session_signs_the_user_in() {
    watch_page();
    let (username, session) = confirmed_with_session("", PLAIN, |_| {}).await;
    let result = sign_in(sign_in_input(&username, &session), config(PLAIN))
        .await
        .unwrap();
    assert_eq!(get(&result, "isSignedIn"), JsValue::TRUE);
    assert_eq!(
        get_str(&get(&result, "nextStep"), "signInStep").as_deref(),
        Some("DONE")
    );
    let tokens = get(&result, "tokens");
    assert!(get_str(&tokens, "accessToken").is_some_and(|t| t.starts_with("access.")));
    assert!(get_str(&tokens, "idToken").is_some_and(|t| t.starts_with("id.")));
    assert!(get_str(&tokens, "refreshToken").is_some_and(|t| t.starts_with("refresh.")));
    assert_eq!(get(&tokens, "expiresIn").as_f64(), Some(3600.0));
    assert_eq!(get_str(&tokens, "tokenType").as_deref(), Some("Bearer"));

    let seen = requests(&username).await;
    let auth = seen.get(seen.length() - 1);
    assert_eq!(
        get_str(&get(&auth, "headers"), "x-amz-target").as_deref(),
        Some("AWSCognitoIdentityProviderService.InitiateAuth")
    );
    let body = get(&auth, "body");
    assert_eq!(get_str(&body, "AuthFlow").as_deref(), Some("USER_AUTH"));
    assert_eq!(get_str(&body, "Session"), Some(session));
    assert_eq!(
        JSON::stringify(&get(&body, "AuthParameters")).unwrap(),
        format!(r#"{{"USERNAME":"{username}"}}"#)
    );
    assert_page_clean();
}

#[wasm_bindgen_test]
async fn sign_in_with_a_client_secret_sends_the_hash_in_auth_parameters() {
    let with_secret = |c: &JsValue| set(c, "clientSecret", &SECRET.into());
    let (username, session) = confirmed_with_session("", SECRET_CLIENT, with_secret).await;
    let config = config(SECRET_CLIENT);
    with_secret(&config);
    let result = sign_in(sign_in_input(&username, &session), config).await.unwrap();
    assert_eq!(get(&result, "isSignedIn"), JsValue::TRUE);
}

#[wasm_bindgen_test]
async fn a_challenge_comes_back_by_name() {
    let (username, session) = confirmed_with_session(r#","challenge":"EMAIL_OTP""#, PLAIN, |_| {}).await;
    let result = sign_in(sign_in_input(&username, &session), config(PLAIN))
        .await
        .unwrap();
    assert_eq!(get(&result, "isSignedIn"), JsValue::FALSE);
    let next = get(&result, "nextStep");
    assert_eq!(get_str(&next, "signInStep").as_deref(), Some("CHALLENGE"));
    assert_eq!(get_str(&next, "challengeName").as_deref(), Some("EMAIL_OTP"));
    assert!(get_str(&next, "session").is_some());
    assert_eq!(
        get_str(&get(&next, "challengeParameters"), "CODE_DELIVERY_DESTINATION").as_deref(),
        Some("a***@e***")
    );
}

#[wasm_bindgen_test]
async fn sign_in_error_paths() {
    // A session signs in once.
    let (username, session) = confirmed_with_session("", PLAIN, |_| {}).await;
    sign_in(sign_in_input(&username, &session), config(PLAIN))
        .await
        .unwrap();
    let err = sign_in(sign_in_input(&username, &session), config(PLAIN))
        .await
        .unwrap_err();
    assert_eq!(name_of(&err), "NotAuthorizedException");

    // An expired session says so.
    let (username, session) = confirmed_with_session("", PLAIN, |_| {}).await;
    control("expire-sessions", format!(r#"{{"username":"{username}"}}"#)).await;
    let err = sign_in(sign_in_input(&username, &session), config(PLAIN))
        .await
        .unwrap_err();
    assert_eq!(name_of(&err), "NotAuthorizedException");
    assert!(get_str(&err, "message").unwrap().contains("expired"));

    // No session is refused before anything is sent.
    let before = get(&stats().await, "requests").as_f64();
    for input in [user_input(&username), sign_in_input(&username, "")] {
        let err = sign_in(input, config(PLAIN)).await.unwrap_err();
        assert_eq!(name_of(&err), "ValidationError");
        assert_eq!(
            (get_str(&err, "field"), get_str(&err, "rule")),
            (Some("session".into()), Some("required".into()))
        );
    }
    let err = sign_in(sign_in_input(&username, "short"), config(PLAIN))
        .await
        .unwrap_err();
    assert_eq!(get_str(&err, "rule").as_deref(), Some("length"));
    assert_eq!(get(&stats().await, "requests").as_f64(), before);
}

/// The session stands in for a password (the model marks it sensitive): a
/// server that echoes it back in an error gets it redacted, in both calls
/// that send one.
#[wasm_bindgen_test]
async fn an_echoed_session_is_redacted() {
    let username = new_user("1", "").await;
    let session = format!("echoed-session-{username}");
    let echo =
        format!(r#"[{{"status":400,"type":"NotAuthorizedException","message":"session {session} is not valid"}}]"#);
    script(&username, &echo).await;
    let err = sign_in(sign_in_input(&username, &session), config(PLAIN))
        .await
        .unwrap_err();
    script(&username, &echo).await;
    let confirm = js(&format!(
        r#"{{"username":"{username}","confirmationCode":"1","session":"{session}"}}"#
    ));
    let confirm_err = confirm_err(confirm, config(PLAIN)).await;
    for err in [err, confirm_err] {
        assert_eq!(name_of(&err), "NotAuthorizedException");
        let message = get_str(&err, "message").unwrap();
        assert_eq!(message, "session [redacted] is not valid");
    }
}
