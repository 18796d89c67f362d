//! Building text without `core::fmt`.
//!
//! The formatting machinery (`format!`, `write!`, `to_string` on numbers) adds
//! kilobytes to the wasm module, and every page that uses the package
//! downloads them. The messages and URLs this crate makes are a few pieces
//! and a few whole numbers, so they are put together by hand.

use alloc::string::String;

/// The pieces, one after another.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// Where `needle` first starts in `haystack`. A plain scan: core's
/// two-way searcher is faster on long texts and costs two kilobytes.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    (0..=h.len().checked_sub(n.len())?).find(|&i| h.get(i..i + n.len()) == Some(n))
}

/// How many chars `s` has: its bytes that do not continue a UTF-8 sequence.
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// A decimal whole number that fits in a `u32`, digits only.
pub fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| {
        n.checked_mul(10)?
            .checked_add(u32::from(b.checked_sub(b'0').filter(|d| *d <= 9)?))
    })
}

/// `s` split around the first `byte` (ASCII), like `str::split_once` with a char.
pub fn split_once(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == byte)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s` split around the last `byte` (ASCII), like `str::rsplit_once` with a char.
pub fn rsplit_once(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().rposition(|b| b == byte)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// Appends `n` in decimal.
pub fn push_uint(out: &mut String, n: u64) {
    // Most significant digit first, without an indexed buffer: no bounds
    // check, so no panic path that would link core's number formatting.
    let mut unit = 1;
    while n / unit >= 10 {
        unit *= 10;
    }
    while unit > 0 {
        out.push(char::from(b'0' + (n / unit % 10) as u8));
        unit /= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concatenates() {
        assert_eq!(concat(&["a", "", "bc", "é"]), "abcé");
        assert_eq!(concat(&[]), "");
    }

    #[test]
    fn finds() {
        assert_eq!(find("abcabc", "ca"), Some(2));
        assert_eq!(find("abc", "abcd"), None);
        assert_eq!(find("abc", ""), Some(0));
        assert_eq!(find("éé", "é"), Some(0));
    }

    #[test]
    fn splits_around_the_first_or_last_byte() {
        assert_eq!(split_once("a:b:c", b':'), Some(("a", "b:c")));
        assert_eq!(rsplit_once("a#b#c", b'#'), Some(("a#b", "c")));
        assert_eq!(split_once("é:ü", b':'), Some(("é", "ü")));
        assert_eq!(split_once("abc", b':'), None);
        assert_eq!(rsplit_once(":", b':'), Some(("", "")));
    }

    #[test]
    fn parses_whole_numbers_that_fit() {
        assert_eq!(parse_u32("0"), Some(0));
        assert_eq!(parse_u32("3600"), Some(3600));
        assert_eq!(parse_u32("4294967295"), Some(u32::MAX));
        for bad in ["", "-1", "1.5", "1e3", " 1", "4294967296", "99999999999", "x"] {
            assert_eq!(parse_u32(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_chars() {
        for s in ["", "abc", "é", "😀x", "José😀"] {
            assert_eq!(char_count(s), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn writes_whole_numbers() {
        for n in [0, 7, 10, 99, 1024, 65535, u64::MAX] {
            let mut s = String::from("x");
            push_uint(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }
}
