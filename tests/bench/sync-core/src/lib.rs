//! `prepare` reads the JSON text of the arguments, checks them, computes the
//! SecretHash and writes the request; `judge` reads the answer. Both return
//! JSON text; the JS driver does fetch and builds the result or the Error.
#![no_std]
// The core modules are compiled in whole; this prototype uses only part of them.
#![allow(dead_code)]

extern crate alloc;

use alloc::borrow::ToOwned;
use alloc::string::String;

#[path = "../../../../src/call.rs"]
mod call;
#[path = "../../../../src/confirm_sign_up.rs"]
mod confirm_sign_up;
#[path = "../../../../src/endpoint.rs"]
mod endpoint;
#[path = "../../../../src/error.rs"]
mod error;
#[path = "../../../../src/json.rs"]
mod json;
#[path = "../../../../src/request.rs"]
mod request;
#[path = "../../../../src/response.rs"]
mod response;
#[path = "../../../../src/secret_hash.rs"]
mod secret_hash;
#[path = "../../../../src/text.rs"]
mod text;
#[path = "../../../../src/user_call.rs"]
mod user_call;
#[path = "../../../../src/validate.rs"]
mod validate;

use confirm_sign_up::{ConfirmSignUp, ConfirmSignUpOutput};
use endpoint::{resolve, EndpointConfig};
use json::{parse, ObjectWriter, Value};
use response::HttpResponse;
use secret_hash::{ClientSecret, SecretHash};
use user_call::{Operation, UserCall};
use validate::{Rule, ValidationError};
use wasm_bindgen::prelude::*;

// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

fn text(v: &Value, key: &'static str, required: bool) -> Result<Option<String>, ValidationError> {
    match v.get(key) {
        None | Some(Value::Null) if required => Err(ValidationError::new(key, Rule::Required)),
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ValidationError::new(key, Rule::Type("a string"))),
    }
}

fn error_json(e: &ValidationError) -> String {
    let mut inner = ObjectWriter::new();
    inner
        .string("name", "ValidationError")
        .string("field", &e.field)
        .string("rule", e.rule.code())
        .string("message", &e.message());
    let mut w = ObjectWriter::new();
    w.opt_object("error", inner);
    w.finish()
}

fn prepare_inner(args: &str) -> Result<String, ValidationError> {
    let args = parse(args).ok_or(ValidationError::new("input", Rule::Type("JSON")))?;
    let (input, config) = match (args.get("input"), args.get("config")) {
        (Some(i @ Value::Object(_)), Some(c @ Value::Object(_))) => (i, c),
        _ => return Err(ValidationError::new("input", Rule::Type("an object"))),
    };
    let pool = text(config, "userPoolId", true)?.unwrap_or_default();
    let region = validate::user_pool_id(&pool)?.to_owned();
    let client_id = text(config, "clientId", true)?.unwrap_or_default();
    validate::client_id(&client_id)?;
    let custom = text(config, "endpoint", false)?;
    let url = resolve(&EndpointConfig {
        region: &region,
        use_fips: false,
        use_dual_stack: false,
        custom: custom.as_deref(),
    })?;
    let mut op = ConfirmSignUp {
        user: UserCall {
            client_id,
            username: text(input, "username", true)?.unwrap_or_default(),
            ..Default::default()
        },
        confirmation_code: text(input, "confirmationCode", true)?.unwrap_or_default(),
        force_alias_creation: None,
        session: text(input, "session", false)?,
    };
    op.validate()?;
    let secret = text(config, "clientSecret", false)?.map(ClientSecret::new);
    if let Some(secret) = &secret {
        op.user.secret_hash = Some(SecretHash::compute(secret, &op.user.username, &op.user.client_id));
    }
    let call = op.call(url, secret.as_ref());
    let request = call.request();
    let mut w = ObjectWriter::new();
    w.string("url", &request.url)
        .string("target", &request.target)
        .string("body", &request.body);
    Ok(w.finish())
}

/// `{url, target, body}` or `{error: {name, field, rule, message}}`.
#[wasm_bindgen]
pub fn prepare(args: &str) -> String {
    prepare_inner(args).unwrap_or_else(|e| error_json(&e))
}

/// `{ok: {isSignUpComplete, nextStep, session?}}` or `{error: {name, message, status, requestId?}}`.
#[wasm_bindgen]
pub fn judge(status: u16, error_type: Option<String>, request_id: Option<String>, body: &str) -> String {
    let response = HttpResponse {
        status,
        error_type_header: error_type.as_deref(),
        request_id: request_id.as_deref(),
        body,
    };
    let mut w = ObjectWriter::new();
    match response::parse(&response) {
        Ok(output) => {
            let session = ConfirmSignUpOutput::from_json(&output).session;
            let mut step = ObjectWriter::new();
            step.string(
                "signUpStep",
                if session.is_some() {
                    "COMPLETE_AUTO_SIGN_IN"
                } else {
                    "DONE"
                },
            );
            let mut ok = ObjectWriter::new();
            ok.opt_bool("isSignUpComplete", Some(true))
                .opt_object("nextStep", step)
                .opt_string("session", session.as_deref());
            w.opt_object("ok", ok);
        }
        Err(e) => {
            let mut error = ObjectWriter::new();
            let mut status_text = String::new();
            text::push_uint(&mut status_text, u64::from(e.status));
            error
                .string("name", e.name.as_str())
                .string("message", &e.message)
                .string("status", &status_text);
            error.opt_string("requestId", e.request_id.as_deref());
            w.opt_object("error", error);
        }
    }
    w.finish()
}
