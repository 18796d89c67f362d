//! Turning Cognito's answer into the output object or a [`ServiceError`].
//!
//! The answer is judged by its body first, because the status code is not
//! reliable (most errors come as 400 whatever the model says) and neither is
//! the Content-Type. Proxies, gateways and emulators also send HTML pages,
//! empty bodies and truncated JSON; each of those becomes a typed error rather
//! than a parse failure.

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::{ServiceError, ServiceErrorName};
use crate::wire::json::{self, Value};
use crate::wire::text::{push_uint, rsplit_once, split_once};

/// What came back, as the transport saw it.
#[derive(Debug, Clone, Copy)]
pub struct HttpResponse<'a> {
    pub status: u16,
    /// `x-amzn-ErrorType`, where the browser let us read it.
    pub error_type_header: Option<&'a str>,
    /// `x-amzn-RequestId`, where the browser let us read it.
    pub request_id: Option<&'a str>,
    pub body: &'a str,
}

/// The output object of a successful call, or the error it carried.
pub fn parse(response: &HttpResponse<'_>) -> Result<Value, ServiceError> {
    let body = response.body.trim_ascii();
    let parsed = if body.is_empty() {
        Some(Value::Object(Vec::new()))
    } else {
        json::parse(body)
    };
    let body_type = parsed
        .as_ref()
        .and_then(|v| v.get_str("__type").or_else(|| v.get_str("code")));
    let error_type = body_type
        .or(response.error_type_header)
        .map(normalise_type)
        .filter(|t| !t.is_empty());
    let ok_status = (200..300).contains(&response.status);

    if ok_status && error_type.is_none() {
        if let Some(object @ Value::Object(_)) = parsed {
            return Ok(object);
        }
    }

    let message = parsed
        .as_ref()
        .and_then(|v| v.get_str("message").or_else(|| v.get_str("Message")))
        .map(str::to_owned)
        .unwrap_or_else(|| default_message(response.status, parsed.is_some(), ok_status));
    let name = error_type.map_or(ServiceErrorName::Unknown, ServiceErrorName::from_type);
    Err(ServiceError {
        name,
        error_type: error_type.map(str::to_owned),
        message,
        status: response.status,
        request_id: response.request_id.map(str::to_owned),
    })
}

/// `aws.protocols#CodeMismatchException:http://...` → `CodeMismatchException`.
fn normalise_type(raw: &str) -> &str {
    let before_colon = split_once(raw, b':').map_or(raw, |(t, _)| t);
    rsplit_once(before_colon, b'#')
        .map_or(before_colon, |(_, t)| t)
        .trim_ascii()
}

fn default_message(status: u16, is_json: bool, ok_status: bool) -> String {
    let (lead, tail) = match (ok_status, is_json) {
        (true, _) => ("Cognito answered HTTP ", " with a body that is not a JSON object"),
        (false, true) => ("Cognito answered HTTP ", " without an error name"),
        (false, false) => (
            "HTTP ",
            " with a body that is not JSON (an error page from a proxy or gateway?)",
        ),
    };
    let mut out = String::from(lead);
    push_uint(&mut out, u64::from(status));
    out.push_str(tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> HttpResponse<'_> {
        HttpResponse {
            status,
            error_type_header: None,
            request_id: Some("req-1"),
            body,
        }
    }

    #[test]
    fn success_with_and_without_session() {
        assert_eq!(parse(&resp(200, "{}")).unwrap(), Value::Object(vec![]));
        let v = parse(&resp(200, r#"{"Session":"abc"}"#)).unwrap();
        assert_eq!(v.get_str("Session"), Some("abc"));
        assert_eq!(parse(&resp(200, "")).unwrap(), Value::Object(vec![]));
    }

    #[test]
    fn error_by_type_with_prefix_and_suffix_stripped() {
        for t in [
            "CodeMismatchException",
            "com.amazonaws#CodeMismatchException",
            "a.b#CodeMismatchException:http://internal/",
        ] {
            let body = format!(r#"{{"__type":"{t}","message":"Invalid code"}}"#);
            let e = parse(&resp(400, &body)).unwrap_err();
            assert_eq!(e.name, ServiceErrorName::CodeMismatch, "{t}");
            assert_eq!(e.error_type.as_deref(), Some("CodeMismatchException"));
            assert_eq!(e.message, "Invalid code");
            assert_eq!(e.status, 400);
            assert_eq!(e.request_id.as_deref(), Some("req-1"));
        }
    }

    #[test]
    fn capitalised_message_is_read_too() {
        let e = parse(&resp(400, r#"{"__type":"ExpiredCodeException","Message":"expired"}"#)).unwrap_err();
        assert_eq!((e.name, e.message.as_str()), (ServiceErrorName::ExpiredCode, "expired"));
    }

    #[test]
    fn header_is_the_fallback_for_the_type() {
        let r = HttpResponse {
            status: 400,
            error_type_header: Some("LimitExceededException:"),
            request_id: None,
            body: "{}",
        };
        assert_eq!(parse(&r).unwrap_err().name, ServiceErrorName::LimitExceeded);
        let r = HttpResponse {
            status: 400,
            error_type_header: Some("LimitExceededException"),
            request_id: None,
            body: r#"{"__type":"CodeMismatchException"}"#,
        };
        assert_eq!(parse(&r).unwrap_err().name, ServiceErrorName::CodeMismatch);
    }

    #[test]
    fn an_error_type_wins_over_a_2xx_status() {
        let e = parse(&resp(200, r#"{"__type":"InternalErrorException"}"#)).unwrap_err();
        assert_eq!(e.name, ServiceErrorName::InternalError);
    }

    #[test]
    fn unknown_names_are_kept() {
        let e = parse(&resp(400, r#"{"__type":"ShinyNewException","message":"m"}"#)).unwrap_err();
        assert_eq!(e.name, ServiceErrorName::Unknown);
        assert_eq!(e.error_type.as_deref(), Some("ShinyNewException"));
    }

    #[test]
    fn html_empty_and_truncated_bodies() {
        let e = parse(&resp(502, "<html><body>Bad Gateway</body></html>")).unwrap_err();
        assert_eq!((e.name, e.status, e.error_type), (ServiceErrorName::Unknown, 502, None));
        assert!(e.message.contains("502"));
        let e = parse(&resp(503, "")).unwrap_err();
        assert_eq!(e.name, ServiceErrorName::Unknown);
        let e = parse(&resp(400, r#"{"__type":"CodeMism"#)).unwrap_err();
        assert_eq!(e.name, ServiceErrorName::Unknown);
        let e = parse(&resp(200, "<html>captive portal</html>")).unwrap_err();
        assert_eq!(e.name, ServiceErrorName::Unknown);
        let e = parse(&resp(200, "[]")).unwrap_err();
        assert_eq!(e.name, ServiceErrorName::Unknown);
        let e = parse(&resp(400, r#"{"message":"no type"}"#)).unwrap_err();
        assert_eq!((e.name, e.message.as_str()), (ServiceErrorName::Unknown, "no type"));
    }

    #[test]
    fn every_modeled_name_is_recognised() {
        for &name in ServiceErrorName::MODELED {
            let body = format!(r#"{{"__type":"{}","message":"x"}}"#, name.as_str());
            assert_eq!(parse(&resp(400, &body)).unwrap_err().name, name);
        }
    }
}
