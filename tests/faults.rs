//! Fault injection: the strict fake answers badly, drops connections or says
//! nothing, and `confirmSignUp` must retry what is worth retrying, never what
//! spends the user's attempts, and end with the right outcome every time.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

mod common;

use common::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The outcome of one call against a scripted user: the result or the error's name,
/// and how many requests the fake saw for that user.
struct Outcome {
    result: Result<JsValue, JsValue>,
    requests: u32,
    username: String,
}

async fn run(canned: &str, configure: impl FnOnce(&JsValue)) -> Outcome {
    watch_page();
    let username = new_user("246810", "").await;
    script(&username, canned).await;
    let config = config(PLAIN);
    configure(&config);
    let result = call(input(&username, "246810"), config).await;
    let requests = requests(&username).await.length();
    Outcome {
        result,
        requests,
        username,
    }
}

fn no_change(_: &JsValue) {}

async fn assert_confirmed(o: &Outcome, requests: u32) {
    let result = o
        .result
        .as_ref()
        .unwrap_or_else(|e| panic!("expected success, got {}", name_of(e)));
    assert_eq!(get(result, "isSignUpComplete"), JsValue::TRUE);
    assert_eq!(o.requests, requests, "requests the fake saw");
    assert_eq!(user_status(&o.username).await.as_deref(), Some("CONFIRMED"));
    assert_page_clean();
}

fn assert_failed(o: &Outcome, name: &str, requests: u32) -> JsValue {
    let err = o.result.clone().expect_err("expected a failure");
    assert_eq!(name_of(&err), name);
    assert_eq!(o.requests, requests, "requests the fake saw");
    assert_page_clean();
    err
}

#[wasm_bindgen_test]
async fn server_errors_then_success() {
    for canned in [
        r#"[{"status":500,"type":"InternalErrorException"}]"#,
        r#"[{"status":502,"body":"<html><body><h1>502 Bad Gateway</h1></body></html>","headers":{"content-type":"text/html"}}]"#,
        r#"[{"status":503,"body":""}]"#,
        r#"[{"status":500,"body":"{\"__type\":\"InternalErr"}]"#,
        r#"[{"status":502},{"status":503,"body":""}]"#,
    ] {
        let o = run(canned, no_change).await;
        let expected = 1 + canned.matches("status").count() as u32;
        assert_confirmed(&o, expected).await;
    }
}

#[wasm_bindgen_test]
async fn throttling_then_success() {
    let o = run(
        r#"[{"status":400,"type":"TooManyRequestsException","message":"Rate exceeded"}]"#,
        no_change,
    )
    .await;
    assert_confirmed(&o, 2).await;
}

#[wasm_bindgen_test]
async fn connection_reset_then_success() {
    let o = run(r#"[{"reset":true}]"#, no_change).await;
    assert_confirmed(&o, 2).await;
}

#[wasm_bindgen_test]
async fn silence_times_out_then_success() {
    let o = run(r#"[{"hang":true}]"#, |c| set(c, "timeoutMs", &JsValue::from(400))).await;
    assert_confirmed(&o, 2).await;
}

#[wasm_bindgen_test]
async fn three_failures_give_up_with_the_last_error() {
    let o = run(
        r#"[{"status":500,"type":"InternalErrorException"},{"reset":true},{"status":503,"body":""}]"#,
        no_change,
    )
    .await;
    let err = assert_failed(&o, "UnknownError", 3);
    assert_eq!(get(&err, "status").as_f64(), Some(503.0));
    let o = run(r#"[{"hang":true},{"hang":true},{"hang":true}]"#, |c| {
        set(c, "timeoutMs", &JsValue::from(300))
    })
    .await;
    assert_failed(&o, "TimeoutError", 3);
    let o = run(r#"[{"reset":true},{"reset":true},{"reset":true}]"#, no_change).await;
    assert_failed(&o, "NetworkError", 3);
}

#[wasm_bindgen_test]
async fn max_attempts_one_disables_retries() {
    let o = run(r#"[{"status":500,"type":"InternalErrorException"}]"#, |c| {
        set(c, "maxAttempts", &JsValue::from(1))
    })
    .await;
    assert_failed(&o, "InternalErrorException", 1);
}

#[wasm_bindgen_test]
async fn answers_that_spend_attempts_are_not_retried() {
    for name in [
        "LimitExceededException",
        "CodeMismatchException",
        "ExpiredCodeException",
        "TooManyFailedAttemptsException",
        "NotAuthorizedException",
    ] {
        let o = run(&format!(r#"[{{"status":400,"type":"{name}"}}]"#), no_change).await;
        assert_failed(&o, name, 1);
    }
}

#[wasm_bindgen_test]
async fn a_lost_success_is_recognised_on_retry() {
    // Cognito confirms the user, then the answer is lost (reset, 500, silence);
    // the retry is told the user is confirmed: that is the first attempt's success.
    for (canned, timeout) in [
        (r#"[{"apply":true,"reset":true}]"#, 15_000),
        (
            r#"[{"apply":true,"status":500,"type":"InternalErrorException"}]"#,
            15_000,
        ),
        (r#"[{"apply":true,"hang":true}]"#, 400),
        // A 2xx whose body was cut short: Cognito acted, the answer is unreadable.
        (r#"[{"apply":true,"status":200,"body":"{\"Sess"}]"#, 15_000),
    ] {
        let o = run(canned, |c| set(c, "timeoutMs", &JsValue::from(timeout))).await;
        let result = o.result.as_ref().unwrap_or_else(|e| panic!("{canned}: {}", name_of(e)));
        assert_eq!(get(result, "confirmedByEarlierAttempt"), JsValue::TRUE, "{canned}");
        assert_eq!(o.requests, 2, "{canned}");
        assert_page_clean();
    }
}

#[wasm_bindgen_test]
async fn already_confirmed_without_a_lost_attempt_is_an_error() {
    watch_page();
    let username = new_user("1", r#","status":"CONFIRMED""#).await;
    let err = confirm_err(input(&username, "1"), config(PLAIN)).await;
    assert_eq!(name_of(&err), "NotAuthorizedException");
    assert_eq!(requests(&username).await.length(), 1);
}

#[wasm_bindgen_test]
async fn malformed_answers_are_unknown_errors_without_retry() {
    for (canned, error_type) in [
        (r#"[{"status":400,"body":"{\"__type\":\"CodeMismatchExc"}]"#, None),
        (
            r#"[{"status":403,"body":"<html><body>Request blocked</body></html>","headers":{"content-type":"text/html"}}]"#,
            None,
        ),
        (r#"[{"status":400,"body":""}]"#, None),
        (r#"[{"status":400,"body":"{\"message\":\"no type here\"}"}]"#, None),
        (
            r#"[{"status":400,"type":"SomethingNewException"}]"#,
            Some("SomethingNewException"),
        ),
    ] {
        let o = run(canned, no_change).await;
        let err = assert_failed(&o, "UnknownError", 1);
        assert_eq!(get_str(&err, "errorType").as_deref(), error_type, "{canned}");
    }
}

#[wasm_bindgen_test]
async fn an_unreadable_2xx_is_a_lost_answer_and_retried() {
    let o = run(r#"[{"status":200,"body":"this is not json"}]"#, no_change).await;
    assert_confirmed(&o, 2).await;
    let result = o.result.as_ref().unwrap();
    assert!(get(result, "confirmedByEarlierAttempt").is_undefined());
}

#[wasm_bindgen_test]
async fn a_huge_body_is_handled_and_its_message_cut() {
    // Under the body cap: read, and the message is cut.
    let o = run(
        r#"[{"status":400,"type":"CodeMismatchException","hugeMessage":200000}]"#,
        no_change,
    )
    .await;
    let err = assert_failed(&o, "CodeMismatchException", 1);
    let message = get_str(&err, "message").unwrap();
    assert_eq!(message.chars().count(), 1025);
    // Over it (4 MB): not read, an UnknownError with the status, not retried.
    let o = run(
        r#"[{"status":400,"type":"CodeMismatchException","hugeMessage":4000000}]"#,
        no_change,
    )
    .await;
    let err = assert_failed(&o, "UnknownError", 1);
    assert_eq!(get(&err, "status").as_f64(), Some(400.0));
    assert!(get_str(&err, "message").unwrap().contains("cap"));
}

#[wasm_bindgen_test]
async fn refused_cors_is_a_network_error_and_nothing_is_posted() {
    watch_page();
    let before = get(&stats().await, "requests").as_f64();
    let config = js(&format!(
        r#"{{"userPoolId":"{POOL}","clientId":"{PLAIN}","endpoint":"{}/nocors/"}}"#,
        fake()
    ));
    let err = confirm_err(input("corsuser", "1"), config).await;
    assert_eq!(name_of(&err), "NetworkError");
    assert_eq!(
        get(&stats().await, "requests").as_f64(),
        before,
        "no POST reached Cognito's path"
    );
    assert_page_clean();
}

/// The logger hears of the attempts that were sent, no more: an abort
/// during the backoff ends the call without a further entry.
#[wasm_bindgen_test]
async fn an_abort_in_the_backoff_logs_no_attempt_that_was_not_sent() {
    watch_page();
    let username = new_user("1", "").await;
    script(&username, r#"[{"status":500,"type":"InternalErrorException"}]"#).await;
    let controller = web_sys::AbortController::new().unwrap();
    let input = input(&username, "1");
    set(&input, "signal", &controller.signal());
    // The logger aborts as it hears of attempt 1, before the backoff.
    let entries = js_sys::Array::new();
    let logger = js_sys::Function::new_with_args("entries, c", "return (entry) => { entries.push(entry); c.abort(); }")
        .call2(&JsValue::NULL, &entries, &controller)
        .unwrap();
    let config = config(PLAIN);
    set(&config, "logger", &logger);
    assert_eq!(name_of(&confirm_err(input, config).await), "AbortError");
    assert_eq!(requests(&username).await.length(), 1);
    assert_eq!(entries.length(), 1, "one entry per attempt sent");
    assert_page_clean();
}

#[wasm_bindgen_test]
async fn abort_stops_retrying_at_once() {
    watch_page();
    let username = new_user("1", "").await;
    script(
        &username,
        r#"[{"status":500,"type":"InternalErrorException"},{"hang":true}]"#,
    )
    .await;
    let controller = web_sys::AbortController::new().unwrap();
    let input = input(&username, "1");
    set(&input, "signal", &controller.signal());
    js_sys::Function::new_with_args("c", "setTimeout(() => c.abort(), 250)")
        .call1(&JsValue::NULL, &controller)
        .unwrap();
    let started = js_sys::Date::now();
    let err = confirm_err(input, config(PLAIN)).await;
    assert_eq!(name_of(&err), "AbortError");
    assert!(
        js_sys::Date::now() - started < 1_000.0,
        "aborting ends the call at once"
    );
    assert!(requests(&username).await.length() <= 2);
    assert_page_clean();
}
