//! Building plain JavaScript objects member by member.
//!
//! One `Reflect.set` import serves every object the edge makes (request init,
//! headers, results, error members), which keeps the JS glue small.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

pub fn object() -> JsValue {
    Object::new().into()
}

pub fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Sets a string member, or leaves it out when `value` is `None`.
pub fn set_opt(target: &JsValue, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        set(target, key, &JsValue::from_str(value));
    }
}
