//! The shared test data (from the AWS API model and endpoint rules, in
//! `tests/data/`) checked against the native core.

use cognito_confirm::internals::validate;
use cognito_confirm::internals::ServiceErrorName;
use cognito_confirm::internals::{resolve, EndpointConfig};
use cognito_confirm::internals::{ClientSecret, SecretHash};
use serde_json::Value;

fn data(name: &str) -> Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn secret_hash_vectors() {
    let vectors = data("secret_hash_vectors.json");
    let vectors = vectors.as_array().unwrap();
    assert_eq!(vectors.len(), 4);
    for v in vectors {
        let username = v["username"].as_str().unwrap();
        let hex: String = username.bytes().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            v["username_utf8_hex"].as_str().unwrap(),
            "the username is hashed as given"
        );
        let secret = ClientSecret::new(v["clientSecret"].as_str().unwrap().into());
        let hash = SecretHash::compute(&secret, username, v["clientId"].as_str().unwrap());
        let expected = SecretHash::given(v["secretHash"].as_str().unwrap().into()).unwrap();
        assert_eq!(hash, expected, "vector for {username:?}");
    }
}

#[test]
fn endpoint_table() {
    let table = data("endpoint_table.json");
    let table = table.as_object().unwrap();
    assert_eq!(table.len(), 32);
    for (key, url) in table {
        let mut parts = key.split(' ');
        let region = parts.next().unwrap();
        let use_fips = parts.next().unwrap() == "fips=True";
        let use_dual_stack = parts.next().unwrap() == "dualstack=True";
        let got = resolve(&EndpointConfig {
            region,
            use_fips,
            use_dual_stack,
            custom: None,
        })
        .unwrap();
        assert_eq!(got, format!("{}/", url.as_str().unwrap()), "{key}");
    }
}

#[test]
fn model_errors_are_the_ones_we_name() {
    let model = data("confirm_sign_up_model.json");
    let names: Vec<&str> = model["operation"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 16);
    for name in names {
        assert_ne!(ServiceErrorName::from_type(name), ServiceErrorName::Unknown, "{name}");
    }
}

type Check = fn(&str) -> Result<(), validate::ValidationError>;

/// A shape's `(min, max)` in `model`. A shape without `min` has
/// `min_if_absent`, and must have one when that is `None`.
fn shape(model: &Value, name: &str, min_if_absent: Option<u64>) -> (usize, usize) {
    let s = &model["shapes"][name];
    let min = s["min"].as_u64().or(min_if_absent).expect("a min");
    (min as usize, s["max"].as_u64().unwrap() as usize)
}

/// Each check at its shape's bounds in `model`: min-1, min, max and max+1,
/// with a value of the one character given.
fn probe_bounds(model: &Value, min_if_absent: Option<u64>, checks: &[(&str, char, Check)]) {
    for &(name, c, check) in checks {
        let (min, max) = shape(model, name, min_if_absent);
        let of = |n: usize| c.to_string().repeat(n);
        assert!(check(&of(min)).is_ok(), "{name} at min");
        assert!(check(&of(max)).is_ok(), "{name} at max");
        assert!(check(&of(max + 1)).is_err(), "{name} above max");
        if min > 0 {
            assert!(check(&of(min - 1)).is_err(), "{name} below min");
        }
    }
}

/// Each length bound of the model, probed at min-1, min, max and max+1.
#[test]
fn model_length_bounds() {
    let model = data("confirm_sign_up_model.json");
    probe_bounds(
        &model,
        None,
        &[
            ("ClientIdType", 'a', validate::client_id),
            ("UsernameType", 'é', validate::username),
            ("ConfirmationCodeType", '7', validate::confirmation_code),
            ("SecretHashType", '=', validate::secret_hash),
            ("SessionType", 's', validate::session),
        ],
    );
    assert_eq!(shape(&model, "StringType", None), (0, validate::STRING_MAX));
}

/// Every error of the four operations of the sign-up flow has its own name.
#[test]
fn sign_up_flow_errors_are_the_ones_we_name() {
    let model = data("sign_up_flow_model.json");
    let mut count = 0;
    for op in ["SignUp", "ConfirmSignUp", "ResendConfirmationCode", "InitiateAuth"] {
        for e in model["operations"][op]["errors"].as_array().unwrap() {
            let name = e["shape"].as_str().unwrap();
            assert_ne!(
                ServiceErrorName::from_type(name),
                ServiceErrorName::Unknown,
                "{op}: {name}"
            );
            count += 1;
        }
    }
    assert_eq!(count, 17 + 16 + 16 + 19);
}

/// SignUp's own members, probed at the model's bounds.
#[test]
fn sign_up_length_bounds() {
    let model = data("sign_up_flow_model.json");
    // PasswordType has no min: its pattern `[\S]+` needs one character.
    probe_bounds(
        &model,
        Some(1),
        &[
            ("PasswordType", 'p', validate::password),
            ("SessionType", 's', validate::session),
        ],
    );
    assert_eq!(shape(&model, "AttributeNameType", None), (1, 32));
    assert_eq!(model["shapes"]["AttributeValueType"]["min"], Value::Null);
    assert_eq!(model["shapes"]["AttributeValueType"]["max"], 2048);
    assert_eq!(model["shapes"]["AttributeValueType"]["sensitive"], true);
    assert_eq!(model["shapes"]["PasswordType"]["sensitive"], true);
}
