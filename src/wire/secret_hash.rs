//! SecretHash: `Base64(HMAC-SHA256(key = client secret, message = username + clientId))`.
//!
//! An app client with a secret makes Cognito demand this value on every call
//! that names a user. The secret and the hash are wrapped in types whose
//! `Debug` prints nothing of them, so neither can reach an error, a log line or
//! a panic message by accident. The username is hashed exactly as sent: no
//! Unicode normalisation, or the hash stops matching what Cognito computes.
//!
//! The SHA-256 compression is the `sha2` crate's; HMAC and SHA-256's padding
//! are written out here, because `hmac` and `digest`'s generic block buffers
//! cost 0.55 kB brotli for one short message (checked against both crates in
//! the tests). The 32 bytes of the MAC are base64-encoded here too, in a few
//! lines: the `base64` crate's general-purpose engine cost 1.76 kB brotli.

use alloc::string::String;
use core::fmt;

use sha2::digest::generic_array::GenericArray;

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
        let mac = hmac_sha256(secret.0.as_bytes(), &[username.as_bytes(), client_id.as_bytes()]);
        SecretHash(base64(&mac))
    }

    /// Wraps a hash computed elsewhere (by a backend, say), after checking it
    /// against the model's `[\w+=/]{1,128}`.
    pub fn given(hash: String) -> Result<SecretHash, crate::wire::validate::ValidationError> {
        crate::wire::validate::secret_hash(&hash)?;
        Ok(SecretHash(hash))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

/// HMAC (RFC 2104) with SHA-256 of the concatenated `message` parts.
fn hmac_sha256(key: &[u8], message: &[&[u8]]) -> [u8; 32] {
    let mut block = [0u8; 64];
    let hashed;
    let key = if key.len() > 64 {
        hashed = sha256(&[key]);
        &hashed[..]
    } else {
        key
    };
    // Zipped, not sliced: no bounds checks, so no panic path (see `text::push_uint`).
    for (b, k) in block.iter_mut().zip(key) {
        *b = *k;
    }
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let inner_key = pad(0x36);
    let mut inner: [&[u8]; 3] = [&inner_key, b"", b""];
    for (slot, part) in inner[1..].iter_mut().zip(message) {
        *slot = part;
    }
    let inner = sha256(&inner);
    sha256(&[&pad(0x5c), &inner])
}

/// SHA-256 (FIPS 180-4) of the concatenated `parts`: the padding and length
/// here, the compression function from the `sha2` crate. Its `Digest`
/// wrappers and the `hmac` crate cost 0.5 kB brotli more for one short message.
fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut state: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];
    let mut block = [0u8; 64];
    let mut used = 0;
    let mut push = |state: &mut [u32; 8], byte: u8| {
        if let Some(slot) = block.get_mut(used) {
            *slot = byte;
        }
        used += 1;
        if used == 64 {
            sha2::compress256(state, &[GenericArray::from(block)]);
            used = 0;
        }
    };
    let mut len = 0;
    for part in parts {
        len += part.len();
        for &byte in *part {
            push(&mut state, byte);
        }
    }
    // 0x80, zeros up to 56 bytes into the last block, the length in bits.
    push(&mut state, 0x80);
    for _ in 0..(119 - len % 64) % 64 {
        push(&mut state, 0);
    }
    for byte in (8 * len as u64).to_be_bytes() {
        push(&mut state, byte);
    }
    let mut out = [0u8; 32];
    for (b, s) in out.iter_mut().zip(state.iter().flat_map(|w| w.to_be_bytes())) {
        *b = s;
    }
    out
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
    fn sha256_and_hmac_match_their_standards() {
        let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        // FIPS 180-4 examples: one block, two blocks, and the empty message.
        assert_eq!(
            hex(&sha256(&[b"abc"])),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(&[
                b"abcdbcdecdefdefgefghfghighij",
                b"hijkijkljklmklmnlmnomnopnopq"
            ])),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(&sha256(&[])),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        // RFC 4231 test cases 2 (a short key) and 6 (a key longer than a block).
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", &[b"what do ya want ", b"for nothing?"])),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex(&hmac_sha256(
                &[0xaa; 131],
                &[b"Test Using Larger Than Block-Size Key - Hash Key First"]
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn agrees_with_the_rustcrypto_crates_at_every_length() {
        use hmac::{Hmac, Mac};
        use sha2::{Digest, Sha256};
        let data: Vec<u8> = (0..300u32).map(|i| (i * 7 + 3) as u8).collect();
        for len in 0..data.len() {
            let (a, b) = data[..len].split_at(len / 3);
            assert_eq!(sha256(&[a, b]), <[u8; 32]>::from(Sha256::digest(&data[..len])), "{len}");
            for key_len in [0, 1, 63, 64, 65, 129] {
                let key = &data[..key_len];
                let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
                mac.update(&data[..len]);
                let expected: [u8; 32] = mac.finalize().into_bytes().into();
                assert_eq!(hmac_sha256(key, &[a, b]), expected, "{len} {key_len}");
            }
        }
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
        assert!(!err.message().contains("not a hash"));
    }
}
