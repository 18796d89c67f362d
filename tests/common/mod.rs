//! Helpers shared by the browser suites: the fake Cognito's control API and
//! small conveniences for building and reading JavaScript values.
#![allow(dead_code)]

use gloo_net::http::Request;
use js_sys::{Function, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/js/driver.js")]
extern "C" {
    /// The package's driver, the same file the npm package ships.
    fn calls(core: &JsValue) -> JsValue;
}

type Step = dyn Fn(js_sys::Array) -> String;

thread_local! {
    /// The driver over this test module's own `prepare` and `judge`, as the package wires it.
    static API: JsValue = {
        // Ten arguments are more than a Closure takes: they cross as one array.
        let step = Closure::<Step>::new(|a: js_sys::Array| {
            let text = |i| a.get(i).as_string();
            let number = |i| a.get(i).as_f64().unwrap_or_default();
            cognito_confirm::web::step(
                number(0) as i64 as u32,
                &text(1).unwrap(),
                text(2),
                number(3) as u32,
                number(4) as u32,
                number(5) as i64 as u32,
                text(6),
                text(7),
                text(8),
                number(9),
            )
        });
        let step = Function::new_with_args("f", "return (...a) => f(a)")
            .call1(&JsValue::NULL, step.as_ref())
            .map(|f| (f, step))
            .unwrap();
        // The same adapters as js/bind.js.
        let adapters = Function::new_with_args(
            "step",
            "return {
               prepare: (kind, args, provided, page, data) => step(kind, args, provided, page, 0, -1, undefined, undefined, data, 0),
               judge: (kind, args, provided, state, outcome, errorType, requestId, body, random) =>
                 step(kind, args, provided, 0, state, outcome, errorType, requestId, body, random),
             };",
        )
        .call1(&JsValue::NULL, &step.0)
        .unwrap();
        step.1.forget();
        let core = adapters;
        calls(&core)
    };
}
/// Calls one of the package's functions as JavaScript would.
pub async fn api(name: &str, input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let f: Function = API.with(|api| get(api, name)).unchecked_into();
    let promise: Promise = f.call2(&JsValue::NULL, &input, &config)?.unchecked_into();
    let result = JsFuture::from(promise).await;
    if let Err(e) = &result {
        // What trapped: a failing test's console output then names it.
        if get_str(e, "name").as_deref() == Some("PanicError") {
            let log = Function::new_with_args(
                "e",
                "console.info(`${e.name}'s cause:`, String(e.cause?.message), e.cause?.stack)",
            );
            let _ = log.call1(&JsValue::NULL, e);
        }
    }
    result
}

pub const POOL: &str = "us-east-1_FakePool1";
pub const PLAIN: &str = "plainclient1";
pub const SECRET_CLIENT: &str = "secretclient1";
pub const SECRET: &str = "fakeclientsecret0123456789abcdefghijklmnopqrstuvwx";

pub fn fake() -> &'static str {
    option_env!("COGNITO_FAKE_URL").unwrap_or("http://127.0.0.1:9250")
}

pub fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap_or_else(|_| panic!("bad test JSON: {json}"))
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

pub fn get_str(v: &JsValue, key: &str) -> Option<String> {
    get(v, key).as_string()
}

pub fn set(v: &JsValue, key: &str, value: &JsValue) {
    Reflect::set(v, &key.into(), value).unwrap();
}

pub fn unique(prefix: &str) -> String {
    format!("{prefix}{}", (js_sys::Math::random() * 1e12) as u64)
}

pub async fn control(path: &str, body: String) {
    let resp = Request::post(&format!("{}/__control/{path}", fake()))
        .header("content-type", "application/json")
        .body(body)
        .unwrap()
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "control {path}");
}

pub async fn control_get(path: &str) -> JsValue {
    let text = Request::get(&format!("{}/__control/{path}", fake()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    js(&text)
}

pub async fn new_user(code: &str, extra: &str) -> String {
    let username = unique("user");
    control(
        "users",
        format!(r#"{{"username":"{username}","code":"{code}"{extra}}}"#),
    )
    .await;
    username
}

pub async fn script(username: &str, responses: &str) {
    control(
        "script",
        format!(r#"{{"username":"{username}","responses":{responses}}}"#),
    )
    .await;
}

pub async fn requests(username: &str) -> js_sys::Array {
    control_get(&format!("requests?username={username}"))
        .await
        .unchecked_into()
}

pub async fn user_status(username: &str) -> Option<String> {
    get_str(&control_get(&format!("user?username={username}")).await, "status")
}

pub fn input(username: &str, code: &str) -> JsValue {
    js(&format!(r#"{{"username":"{username}","confirmationCode":"{code}"}}"#))
}

pub fn config(client_id: &str) -> JsValue {
    js(&format!(
        r#"{{"userPoolId":"{POOL}","clientId":"{client_id}","endpoint":"{}"}}"#,
        fake()
    ))
}

pub async fn confirm_err(input: JsValue, config: JsValue) -> JsValue {
    call(input, config).await.expect_err("the call should fail")
}

pub fn name_of(err: &JsValue) -> String {
    assert!(err.is_instance_of::<js_sys::Error>(), "rejections are Error objects");
    get_str(err, "name").unwrap()
}

/// The one request the fake saw, with no model problems found in it.
pub async fn only_request(username: &str) -> JsValue {
    let seen = requests(username).await;
    assert_eq!(seen.length(), 1, "exactly one request");
    let req = seen.get(0);
    let problems: js_sys::Array = get(&req, "problems").unchecked_into();
    assert_eq!(
        problems.length(),
        0,
        "problems: {:?}",
        JSON::stringify(&problems).unwrap()
    );
    req
}

/// Calls `confirmSignUp` as JavaScript would.
pub async fn call(input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    api("confirmSignUp", input, config).await
}

/// Counts unhandled promise rejections and `console.error` calls on the page from now on.
pub fn watch_page() {
    js_sys::Function::new_no_args(
        "if (!globalThis.__watch) {
           globalThis.__watch = { unhandled: 0, consoleErrors: 0 };
           addEventListener('unhandledrejection', () => globalThis.__watch.unhandled++);
           const original = console.error;
           console.error = (...args) => { globalThis.__watch.consoleErrors++; original(...args); };
         }
         globalThis.__watch.unhandled = 0;
         globalThis.__watch.consoleErrors = 0;",
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

/// Neither an unhandled rejection nor a console error has happened since [`watch_page`].
pub fn assert_page_clean() {
    let watch = get(&js_sys::global(), "__watch");
    assert_eq!(get(&watch, "unhandled").as_f64(), Some(0.0), "unhandled rejections");
    assert_eq!(get(&watch, "consoleErrors").as_f64(), Some(0.0), "console errors");
}

pub async fn stats() -> JsValue {
    control_get("stats").await
}

/// Calls `resendSignUpCode` as JavaScript would.
pub async fn resend(input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    api("resendSignUpCode", input, config).await
}

/// Calls `autoSignIn` as JavaScript would.
pub async fn sign_in(input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    api("autoSignIn", input, config).await
}

/// Calls `signUp` as JavaScript would.
pub async fn sign_up(input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    api("signUp", input, config).await
}

/// Calls `buildRequest(operation, input, config)` as JavaScript would.
pub async fn build_request(operation: &str, input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    build_request_with(operation.into(), input, config).await
}

/// [`build_request`] with any value as the operation.
pub async fn build_request_with(operation: JsValue, input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let f: Function = API.with(|api| get(api, "buildRequest")).unchecked_into();
    let promise: Promise = f.call3(&JsValue::NULL, &operation, &input, &config)?.unchecked_into();
    JsFuture::from(promise).await
}

/// The code the fake Cognito holds for `username`.
pub async fn code_of(username: &str) -> String {
    get_str(&control_get(&format!("user?username={username}")).await, "code").expect("the user has a code")
}
