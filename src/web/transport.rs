//! Sending a prepared request with the browser's `fetch` (through gloo-net).
//!
//! No cookies go out (`credentials: "omit"`): Cognito needs none, and a
//! credentialed request would need stricter CORS answers. No `cache` mode is
//! set: `no-store` would make the request non-simple and cost a CORS
//! preflight on every call. One `AbortController` per attempt serves both the
//! caller's `AbortSignal` and the timeout, and covers reading the body as
//! well. Between attempts the core's [`Attempts`] decides; the wait between
//! them ends at once when the caller aborts.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, RequestCredentials};

use crate::call::Call;
use crate::error::{Error, ServiceError};
use crate::json::Value;
use crate::request::HttpRequest;
use crate::response::HttpResponse;
use crate::retry::{Attempts, Decision, RetryPolicy};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// What came back, owned.
pub struct Received {
    pub status: u16,
    pub error_type: Option<String>,
    pub request_id: Option<String>,
    pub body: String,
}

impl Received {
    pub fn as_response(&self) -> HttpResponse<'_> {
        HttpResponse {
            status: self.status,
            error_type_header: self.error_type.as_deref(),
            request_id: self.request_id.as_deref(),
            body: &self.body,
        }
    }
}

/// Aborts `controller` when the caller's signal fires or time runs out, until dropped.
struct Deadline {
    timer: JsValue,
    timed_out: Rc<Cell<bool>>,
    caller: Option<(AbortSignal, Closure<dyn FnMut()>)>,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    fn new(controller: &AbortController, caller: Option<&AbortSignal>, timeout_ms: u32) -> Self {
        let timed_out = Rc::new(Cell::new(false));
        let on_timeout = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            Closure::<dyn FnMut()>::new(move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let timer = set_timeout(
            on_timeout.as_ref().unchecked_ref(),
            timeout_ms.min(i32::MAX as u32) as i32,
        );
        let caller = caller.map(|signal| {
            let controller = controller.clone();
            let on_abort = Closure::<dyn FnMut()>::new(move || controller.abort());
            let _ =
                signal.add_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
            (signal.clone(), on_abort)
        });
        Deadline {
            timer,
            timed_out,
            caller,
            _on_timeout: on_timeout,
        }
    }

    fn caller_aborted(&self) -> bool {
        self.caller.as_ref().is_some_and(|(s, _)| s.aborted())
    }

    fn error(&self, timeout_ms: u32, cause: String) -> Error {
        if self.timed_out.get() {
            Error::Timeout(timeout_ms)
        } else if self.caller_aborted() {
            Error::Aborted
        } else {
            Error::Network(cause)
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        clear_timeout(&self.timer);
        if let Some((signal, on_abort)) = &self.caller {
            let _ = signal
                .remove_event_listener_with_callback("abort", on_abort.as_ref().unchecked_ref());
        }
    }
}

/// Sends `request`; an answer of any status is `Ok`.
pub async fn send(
    request: &HttpRequest,
    signal: Option<&AbortSignal>,
    timeout_ms: u32,
) -> Result<Received, Error> {
    if signal.is_some_and(AbortSignal::aborted) {
        return Err(Error::Aborted);
    }
    let controller = AbortController::new().map_err(|e| Error::Network(describe(&e)))?;
    let deadline = Deadline::new(&controller, signal, timeout_ms);
    let fail = |e: gloo_net::Error| deadline.error(timeout_ms, e.to_string());

    let mut builder = Request::post(&request.url)
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(&controller.signal()));
    for (name, value) in request.headers() {
        builder = builder.header(name, value);
    }
    let response = builder
        .body(request.body.as_str())
        .map_err(fail)?
        .send()
        .await
        .map_err(fail)?;
    let headers = response.headers();
    let status = response.status();
    let body = response.text().await.map_err(fail)?;
    Ok(Received {
        status,
        error_type: headers.get("x-amzn-errortype"),
        request_id: headers.get("x-amzn-requestid"),
        body,
    })
}

/// Waits `ms`, or less if the caller aborts.
async fn sleep(ms: u32, signal: Option<&AbortSignal>) -> Result<(), Error> {
    let controller = AbortController::new().map_err(|e| Error::Network(describe(&e)))?;
    let deadline = Deadline::new(&controller, signal, ms);
    let fired = Promise::new(&mut |resolve, _| {
        let _ = controller
            .signal()
            .add_event_listener_with_callback("abort", &resolve);
    });
    let _ = JsFuture::from(fired).await;
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

/// Sends one call, with retries, as the core's retry policy decides.
pub struct Exchange<'a> {
    pub signal: Option<&'a AbortSignal>,
    pub timeout_ms: u32,
    pub policy: RetryPolicy,
}

impl Exchange<'_> {
    pub async fn run(
        &self,
        call: &Call,
        done_already: fn(&ServiceError) -> bool,
    ) -> Result<Sent, Error> {
        let mut attempts = Attempts::new(self.policy);
        loop {
            let error = match send(call.request(), self.signal, self.timeout_ms).await {
                Ok(received) => match call.finish(&received.as_response()) {
                    Ok(output) => return Ok(Sent::Output(output)),
                    Err(e) => Error::Service(e),
                },
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
        .unwrap_or_else(|| "unknown error".to_owned())
}
