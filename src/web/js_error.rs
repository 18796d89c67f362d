//! [`Error`] as a JavaScript `Error` whose `name` says what happened.
//!
//! A form switches on `error.name`; TypeScript narrows on it (see `types.d.ts`).
//! Messages come from the core's `Error::message`, which never includes a value
//! that could be secret.

use wasm_bindgen::JsValue;

use super::object::set;
use crate::error::Error;

pub fn to_js(error: &Error) -> JsValue {
    let name = match error {
        Error::Validation(_) => "ValidationError",
        Error::Service(e) => e.name.as_str(),
        Error::Network(_) => "NetworkError",
        Error::Timeout(_) => "TimeoutError",
        Error::Aborted => "AbortError",
        Error::SecretHashProvider(_) => "SecretHashError",
    };
    let js = js_sys::Error::new(&error.message());
    js.set_name(name);
    let js = JsValue::from(js);
    match error {
        Error::Validation(e) => {
            set(&js, "field", &JsValue::from_str(&e.field));
            set(&js, "rule", &JsValue::from_str(e.rule.code()));
        }
        Error::Service(e) => {
            set(&js, "status", &JsValue::from(e.status));
            if let Some(id) = &e.request_id {
                set(&js, "requestId", &JsValue::from_str(id));
            }
            if let Some(t) = &e.error_type {
                set(&js, "errorType", &JsValue::from_str(t));
            }
        }
        Error::Timeout(ms) => set(&js, "timeoutMs", &JsValue::from(*ms)),
        Error::Network(_) | Error::Aborted | Error::SecretHashProvider(_) => {}
    }
    js
}
