//! Sending a prepared request with the browser's `fetch`, retrying as the core decides.
//!
//! No cookies go out (`credentials: "omit"`): Cognito needs none, and a
//! credentialed request would need stricter CORS answers. No `cache` mode is
//! set: `no-store` would make the request non-simple and cost a CORS
//! preflight on every call. One `AbortController` per attempt serves both the
//! caller's `AbortSignal` and the timeout, and covers reading the body as
//! well. The timer and the listener are the controller's own bound `abort`,
//! so no Rust closure has to outlive a call. Between attempts the core's
//! [`Attempts`] decides; the wait between them ends at once when the caller aborts.
//!
//! `fetch` is called directly rather than through gloo-net: gloo-net needs
//! std, and std's runtime would cost more bytes than this whole module.

use alloc::string::String;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

use super::object::{object, set};
use crate::call::Call;
use crate::error::{Error, ServiceError};
use crate::json::Value;
use crate::request::HttpRequest;
use crate::response::HttpResponse;
use crate::retry::{Attempts, Decision, RetryPolicy};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch(url: &str, init: &JsValue) -> Promise;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &Function, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);

    type Response;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Response) -> u16;
    #[wasm_bindgen(method, getter)]
    fn headers(this: &Response) -> Headers;
    #[wasm_bindgen(method)]
    fn text(this: &Response) -> Promise;

    type Headers;
    #[wasm_bindgen(method)]
    fn get(this: &Headers, name: &str) -> Option<String>;
}

/// An `AbortController` that aborts when the caller's signal does or when time runs out, until dropped.
struct Deadline<'a> {
    controller: AbortController,
    abort: Function,
    timer: JsValue,
    caller: Option<&'a AbortSignal>,
}

impl<'a> Deadline<'a> {
    fn new(caller: Option<&'a AbortSignal>, ms: u32) -> Result<Self, Error> {
        let controller = AbortController::new().map_err(|e| Error::Network(describe(&e)))?;
        let abort: Function = Reflect::get(&controller, &JsValue::from_str("abort"))
            .map_err(|e| Error::Network(describe(&e)))?
            .unchecked_into::<Function>()
            .bind0(&controller);
        let timer = set_timeout(&abort, ms.min(i32::MAX as u32) as i32);
        if let Some(signal) = caller {
            let _ = signal.add_event_listener_with_callback("abort", &abort);
        }
        Ok(Deadline {
            controller,
            abort,
            timer,
            caller,
        })
    }

    fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    fn caller_aborted(&self) -> bool {
        self.caller.is_some_and(AbortSignal::aborted)
    }

    /// What a rejected fetch means: the caller aborted, time ran out, or the network failed.
    fn failure(&self, ms: u32, cause: &JsValue) -> Error {
        if self.caller_aborted() {
            Error::Aborted
        } else if self.signal().aborted() {
            Error::Timeout(ms)
        } else {
            Error::Network(describe(cause))
        }
    }
}

impl Drop for Deadline<'_> {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some(signal) = self.caller {
            let _ = signal.remove_event_listener_with_callback("abort", &self.abort);
        }
    }
}

/// What came back, owned.
struct Received {
    status: u16,
    error_type: Option<String>,
    request_id: Option<String>,
    body: String,
}

/// Sends `request` once; an answer of any status is `Ok`.
async fn send(request: &HttpRequest, caller: Option<&AbortSignal>, ms: u32) -> Result<Received, Error> {
    if caller.is_some_and(AbortSignal::aborted) {
        return Err(Error::Aborted);
    }
    let deadline = Deadline::new(caller, ms)?;
    let headers = object();
    for (name, value) in request.headers() {
        set(&headers, name, &JsValue::from_str(value));
    }
    let init = object();
    set(&init, "method", &JsValue::from_str("POST"));
    set(&init, "headers", &headers);
    set(&init, "body", &JsValue::from_str(&request.body));
    set(&init, "credentials", &JsValue::from_str("omit"));
    set(&init, "signal", &deadline.signal());
    let response: Response = JsFuture::from(fetch(&request.url, &init))
        .await
        .map_err(|e| deadline.failure(ms, &e))?
        .unchecked_into();
    let body = JsFuture::from(response.text())
        .await
        .map_err(|e| deadline.failure(ms, &e))?;
    let headers = response.headers();
    Ok(Received {
        status: response.status(),
        error_type: headers.get("x-amzn-errortype"),
        request_id: headers.get("x-amzn-requestid"),
        body: body.as_string().unwrap_or_default(),
    })
}

/// Waits `ms`, or less if the caller aborts.
async fn sleep(ms: u32, caller: Option<&AbortSignal>) -> Result<(), Error> {
    let deadline = Deadline::new(caller, ms)?;
    let ended = Promise::new(&mut |resolve, _| {
        let _ = deadline.signal().add_event_listener_with_callback("abort", &resolve);
    });
    let _ = JsFuture::from(ended).await;
    if deadline.caller_aborted() {
        Err(Error::Aborted)
    } else {
        Ok(())
    }
}

/// How a call ended well.
pub enum Sent {
    /// Cognito's output object.
    Output(Value),
    /// A retry found the work done by an earlier attempt.
    Recovered,
}

/// One call's sending: its abort signal, per-attempt timeout and retry policy.
pub struct Exchange<'a> {
    pub signal: Option<&'a AbortSignal>,
    pub timeout_ms: u32,
    pub policy: RetryPolicy,
}

impl Exchange<'_> {
    pub async fn run(&self, call: &Call, done_already: &dyn Fn(&ServiceError) -> bool) -> Result<Sent, Error> {
        let mut attempts = Attempts::new(self.policy);
        loop {
            let error = match send(call.request(), self.signal, self.timeout_ms).await {
                Ok(r) => {
                    let response = HttpResponse {
                        status: r.status,
                        error_type_header: r.error_type.as_deref(),
                        request_id: r.request_id.as_deref(),
                        body: &r.body,
                    };
                    match call.finish(&response) {
                        Ok(output) => return Ok(Sent::Output(output)),
                        Err(e) => Error::Service(e),
                    }
                }
                Err(e) => e,
            };
            match attempts.after_failure(&error, js_sys::Math::random(), done_already) {
                Decision::Retry { delay_ms } => sleep(delay_ms, self.signal).await?,
                Decision::Fail => return Err(error),
                Decision::Recovered => return Ok(Sent::Recovered),
            }
        }
    }
}

/// The message of a JavaScript exception, whatever was thrown.
pub fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| String::from("unknown error"))
}
