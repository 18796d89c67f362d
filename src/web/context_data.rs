//! UserContextData from Cognito's threat-protection script, when the page loaded it.
//!
//! `amazon-cognito-advanced-security-data.min.js` defines the global
//! `AmazonCognitoAdvancedSecurityData`; its `getData(username, userPoolId,
//! clientId)` returns the opaque string Cognito expects as `EncodedData`. A
//! page without the script sends no `UserContextData` at all. A script that
//! throws is treated like a missing one: threat protection must not stop a
//! user from confirming.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::user_call::UserContextData;

pub fn collect(username: &str, user_pool_id: &str, client_id: &str) -> Option<UserContextData> {
    let global = js_sys::global();
    let asd = Reflect::get(&global, &JsValue::from_str("AmazonCognitoAdvancedSecurityData")).ok()?;
    if !asd.is_object() {
        return None;
    }
    let get_data: Function = Reflect::get(&asd, &JsValue::from_str("getData"))
        .ok()?
        .dyn_into()
        .ok()?;
    let data = get_data
        .call3(&asd, &username.into(), &user_pool_id.into(), &client_id.into())
        .ok()?
        .as_string()
        .filter(|s| !s.is_empty())?;
    Some(UserContextData {
        ip_address: None,
        encoded_data: Some(data),
    })
}
