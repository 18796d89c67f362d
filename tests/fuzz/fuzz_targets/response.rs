//! Any answer at all, judged by the step the package ships (`judge`, which the
//! browser edge's `step` calls for every attempt): it never panics and always
//! answers JSON; `ok` only for a 2xx (or a retry's "already done"), an error
//! with a modeled name or `UnknownError`, a bounded message, and no secret of
//! the call (client secret, SecretHash, password) anywhere in an error. (A
//! success is the caller's own output: what Cognito sends there is theirs.)
//!
//! Input: two bytes of status, one byte that picks the export, the attempts
//! so far and where the first line goes (nowhere, the error-type header, the
//! request id), then the answer's text.
#![no_main]

use cognito_confirm::internals::{
    json::{self, Value},
    judge, prepare, HttpResponse, Kind, Outcome, Page, ServiceErrorName, MAX_TEXT_CHARS,
};
use libfuzzer_sys::fuzz_target;

const CLIENT_SECRET: &str = "CLIENTSECRET0123456789";
const PASSWORD: &str = "PASSWORD-hunter2-hunter2";

fn args(kind: Kind) -> String {
    let input = match kind {
        Kind::ConfirmSignUp => r#"{"username":"alice","confirmationCode":"123456"}"#.to_owned(),
        Kind::ResendSignUpCode => r#"{"username":"alice"}"#.to_owned(),
        Kind::AutoSignIn => format!(r#"{{"username":"alice","session":"{}"}}"#, "S".repeat(24)),
        Kind::SignUp => format!(r#"{{"username":"alice","password":"{PASSWORD}"}}"#),
    };
    format!(
        r#"{{"input":{input},"config":{{"userPoolId":"us-east-1_AbC123","clientId":"client1","clientSecret":"{CLIENT_SECRET}"}}}}"#
    )
}

/// The SecretHash the call sends, as `prepare` wrote it into the body.
fn secret_hash(kind: Kind) -> String {
    let prepared = prepare(Some(kind), &args(kind), None, Page::NoScript);
    let body = json::parse(prepared.split_once('\n').expect("a request").1).expect("a JSON body");
    let hash = body.get_str("SecretHash").or_else(|| body.get("AuthParameters")?.get_str("SECRET_HASH"));
    hash.expect("a SecretHash").to_owned()
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]) % 600;
    let kind = Kind::from_number(u32::from(data[2] / 3 % 4)).unwrap();
    let state = u32::from(data[2] / 12 % 8);
    let text = String::from_utf8_lossy(&data[3..]);
    let (first, body) = match text.split_once('\n') {
        Some((first, body)) if data[2] % 3 != 0 => (Some(first), body),
        _ => (None, &text[..]),
    };
    let (header, request_id) = if data[2] % 3 == 1 { (first, None) } else { (None, first) };
    let response = HttpResponse { status, error_type_header: header, request_id, body };
    let answer = judge(kind, &args(kind), None, state, 0.5, Outcome::Response(response));

    let parsed = json::parse(&answer).unwrap_or_else(|| panic!("judge answers JSON: {answer}"));
    let Value::Object(members) = &parsed else { panic!("an object: {answer}") };
    assert_eq!(members.len(), 1 + usize::from(parsed.get("state").is_some()), "{answer}");
    if parsed.get("ok").is_some() {
        let recovered = state & 1 == 1;
        assert!((200..300).contains(&status) || recovered, "ok for {status}: {answer}");
    } else if let Some(e) = parsed.get("error") {
        let hash = secret_hash(kind);
        // The password is a secret of the call that sends it (signUp); any other
        // call never had it, so a server may say those words.
        let password = if kind == Kind::SignUp { PASSWORD } else { CLIENT_SECRET };
        for secret in [CLIENT_SECRET, &hash, password] {
            assert!(!answer.contains(secret), "a secret in an error: {answer}");
        }
        let name = e.get_str("name").expect("a name");
        assert!(
            name == "UnknownError" || ServiceErrorName::from_type(name) != ServiceErrorName::Unknown,
            "a modeled name or UnknownError: {name}"
        );
        let message = e.get_str("message").expect("a message");
        assert!(message.chars().count() <= MAX_TEXT_CHARS + "[redacted]…".chars().count());
    } else {
        assert!(matches!(parsed.get("retry"), Some(Value::Number(_))), "{answer}");
        assert!(matches!(parsed.get("state"), Some(Value::Number(_))), "{answer}");
    }
});
