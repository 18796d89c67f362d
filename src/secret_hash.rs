//! SecretHash: `Base64(HMAC-SHA256(key = client secret, message = username + clientId))`.
//!
//! An app client with a secret makes Cognito demand this value on every call
//! that names a user. The secret and the hash are wrapped in types whose
//! `Debug` prints nothing of them, so neither can reach an error, a log line or
//! a panic message by accident. The username is hashed exactly as sent: no
//! Unicode normalisation, or the hash stops matching what Cognito computes.
//!
//! The 32 bytes of the MAC are base64-encoded here, in a few lines: the
//! `base64` crate's general-purpose engine cost 1.76 kB brotli of wasm.

use alloc::string::String;
use core::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// An app client secret. Only [`SecretHash::compute`] reads it.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientSecret(String);

impl ClientSecret {
    pub fn new(secret: String) -> Self {
        ClientSecret(secret)
    }

    /// For scrubbing it out of text that came from elsewhere.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ClientSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientSecret(<redacted>)")
    }
}

/// A SecretHash, computed here or given by the caller.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretHash(String);

impl SecretHash {
    /// Hashes `username` and `client_id` with the client secret.
    pub fn compute(secret: &ClientSecret, username: &str, client_id: &str) -> SecretHash {
        // HMAC takes a key of any length, so `new_from_slice` cannot fail; no
        // `expect` here or below, because its Debug output costs bytes.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.0.as_bytes()) else {
            unreachable!("HMAC takes any key length")
        };
        mac.update(username.as_bytes());
        mac.update(client_id.as_bytes());
        SecretHash(base64(&mac.finalize().into_bytes()))
    }

    /// Wraps a hash computed elsewhere (by a backend, say), after checking it
    /// against the model's `[\w+=/]{1,128}`.
    pub fn given(hash: String) -> Result<SecretHash, crate::validate::ValidationError> {
        crate::validate::secret_hash(&hash)?;
        Ok(SecretHash(hash))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

impl fmt::Debug for SecretHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretHash(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
    }

    #[test]
    fn matches_a_known_vector() {
        let secret = ClientSecret::new("1examplesecret0123456789abcdefghijklmnopqrstuvwxyz0".into());
        let hash = SecretHash::compute(&secret, "alice", "1example23456789abcdefghij");
        assert_eq!(hash.expose(), "yQ77/sUM/lP05pod807auR9SarJg5iMEiZ1c/M0D9gk=");
    }

    #[test]
    fn debug_shows_neither_secret_nor_hash() {
        let secret = ClientSecret::new("topsecretvalue".into());
        let hash = SecretHash::compute(&secret, "alice", "client");
        let shown = format!("{secret:?} {hash:?}");
        assert!(!shown.contains("topsecretvalue"));
        assert!(!shown.contains(hash.expose()));
        assert_eq!(shown, "ClientSecret(<redacted>) SecretHash(<redacted>)");
    }

    #[test]
    fn given_hash_is_checked_against_the_model() {
        assert!(SecretHash::given("abc+/=_9".into()).is_ok());
        let err = SecretHash::given("not a hash".into()).unwrap_err();
        assert_eq!(err.field, "secretHash");
        assert!(!err.to_string().contains("not a hash"));
    }
}
