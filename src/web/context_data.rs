//! UserContextData from Cognito's threat-protection script, when the page loaded it.
//!
//! `amazon-cognito-advanced-security-data.min.js` defines the global
//! `AmazonCognitoAdvancedSecurityData`; its `getData(username, userPoolId,
//! clientId)` returns the opaque string Cognito expects as `EncodedData`. A
//! page without the script sends no `UserContextData` at all. A script that
//! throws, or returns anything but a non-empty string, is treated like a
//! missing one: threat protection must not stop a user from confirming.
//!
//! The driver hands over the global itself (`undefined` on most pages), so a
//! page without the script costs no thrown `ReferenceError` per call.

use alloc::string::String;

use wasm_bindgen::prelude::*;

use crate::operations::UserContextData;

#[wasm_bindgen]
extern "C" {
    /// The page's `AmazonCognitoAdvancedSecurityData`.
    pub type SecurityData;

    #[wasm_bindgen(method, catch, js_name = getData)]
    fn get_data(
        this: &SecurityData,
        username: &str,
        user_pool_id: &str,
        client_id: &str,
    ) -> Result<Option<String>, JsValue>;
}

pub fn collect(script: &SecurityData, username: &str, user_pool_id: &str, client_id: &str) -> Option<UserContextData> {
    let data = script
        .get_data(username, user_pool_id, client_id)
        .ok()
        .flatten()
        .filter(|s| !s.is_empty())?;
    Some(UserContextData {
        ip_address: None,
        encoded_data: Some(data),
    })
}
