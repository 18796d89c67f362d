//! Any answer at all: the parser never panics, a success is an object, an
//! error has a name, a bounded message and no secret in it.
#![no_main]

use cognito_confirm::call::Call;
use cognito_confirm::wire::json::{self, Value};
use cognito_confirm::error::MAX_TEXT_CHARS;
use cognito_confirm::wire::response::HttpResponse;
use cognito_confirm::ServiceErrorName;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]) % 600;
    let text = String::from_utf8_lossy(&data[3..]);
    let (header, body) = match data[2] % 3 {
        0 => (None, &text[..]),
        _ => match text.split_once('\n') {
            Some((h, b)) => (Some(h), b),
            None => (None, &text[..]),
        },
    };
    let _ = json::parse(body);
    let call = Call::new("https://x/".into(), "ConfirmSignUp", String::new()).redacting("SECRETHASH=");
    let response = HttpResponse { status, error_type_header: header, request_id: None, body };
    match call.finish(&response) {
        Ok(value) => {
            assert!(matches!(value, Value::Object(_)));
            assert!((200..300).contains(&status));
        }
        Err(e) => {
            assert!(e.message.chars().count() <= MAX_TEXT_CHARS + "[redacted]…".chars().count());
            assert!(!e.message.contains("SECRETHASH="));
            if e.name != ServiceErrorName::Unknown {
                assert_eq!(ServiceErrorName::from_type(e.name.as_str()), e.name);
            }
        }
    }
});
