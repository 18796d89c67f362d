//! Input rules of the Cognito API model, checked before any request is sent.
//!
//! Cognito would reject a bad request with `InvalidParameterException`, but only
//! after a round trip, with a message that does not always name the field, and
//! some of its failures (a malformed SecretHash) cost the user one of their
//! limited confirmation attempts. Each check here names the field as the caller
//! wrote it and the rule it broke, and never echoes the value (it may be secret).
//!
//! Lengths count Unicode scalar values, as the Smithy `length` trait does.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;

use crate::wire::text::{char_count, push_uint, rsplit_once};

/// A value that breaks a rule, found before anything was sent. Boxed: a
/// `Result` that carries one is a word wide, so each `?` on the way out of
/// reading and checking the arguments moves a pointer, not seven words
/// (the copies cost more code than the allocation: see
/// docs/performance-2026-12.md, "Code cuts (second session)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError(Box<Invalid>);

/// What a [`ValidationError`] says: which field, and which rule it broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The field as the JavaScript caller names it, such as `username` or `clientMetadata.source`.
    pub field: Cow<'static, str>,
    pub rule: Rule,
}

impl core::ops::Deref for ValidationError {
    type Target = Invalid;

    fn deref(&self) -> &Invalid {
        &self.0
    }
}

impl ValidationError {
    pub fn new(field: impl Into<Cow<'static, str>>, rule: Rule) -> Self {
        Self::boxed(field.into(), rule)
    }

    /// One copy of the construction for every caller of [`ValidationError::new`].
    #[inline(never)]
    fn boxed(field: Cow<'static, str>, rule: Rule) -> Self {
        ValidationError(Box::new(Invalid { field, rule }))
    }

    /// `"{field} {rule}"`, such as `username must be 1 to 128 characters long (it is 0)`.
    pub fn message(&self) -> String {
        let mut out = String::from(&*self.field);
        out.push(' ');
        self.rule.describe(&mut out);
        out
    }
}

/// The rule a value broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// Nothing was given where a value is needed.
    Required,
    /// A value of the wrong JavaScript type; the payload says which type was expected.
    Type(&'static str),
    /// Too short or too long, in characters.
    Length { min: usize, max: usize, actual: usize },
    /// A character outside the allowed set; the payload describes the set.
    Characters(&'static str),
    /// A JavaScript string with an unpaired UTF-16 surrogate, which cannot be sent as UTF-8.
    LoneSurrogate,
    /// A value whose form is wrong as a whole; the payload describes the form.
    Format(&'static str),
    /// Two options that cannot be used together; the payload names the other one.
    Conflicts(&'static str),
}

impl Rule {
    /// A stable code for programs, such as `"length"`.
    pub fn code(&self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Type(_) => "type",
            Rule::Length { .. } => "length",
            Rule::Characters(_) => "characters",
            Rule::LoneSurrogate => "loneSurrogate",
            Rule::Format(_) => "format",
            Rule::Conflicts(_) => "conflicts",
        }
    }
}

impl Rule {
    /// Appends what the rule asks for, such as `must be a string`.
    pub fn describe(&self, out: &mut String) {
        let (lead, detail) = match self {
            Rule::Required => ("is required", ""),
            Rule::Type(expected) => ("must be ", *expected),
            Rule::Length { min, max, actual } => {
                out.push_str("must be ");
                push_uint(out, *min as u64);
                out.push_str(" to ");
                push_uint(out, *max as u64);
                out.push_str(" characters long (it is ");
                push_uint(out, *actual as u64);
                out.push(')');
                return;
            }
            Rule::Characters(allowed) => ("may contain only ", *allowed),
            Rule::LoneSurrogate => ("must be well-formed Unicode (it has a lone surrogate)", ""),
            Rule::Format(form) => ("must be ", *form),
            Rule::Conflicts(other) => ("cannot be given together with ", *other),
        };
        out.push_str(lead);
        out.push_str(detail);
    }
}

/// Model limit for every `StringType` member (metadata, analytics and context data).
pub const STRING_MAX: usize = 131_072;

/// Checks that `value` has `min..=max` characters.
pub fn length(field: &'static str, value: &str, min: usize, max: usize) -> Result<(), ValidationError> {
    length_rule(value, min, max).map_err(|rule| ValidationError::new(field, rule))
}

/// [`length`] for a field whose name is built at run time.
pub fn length_rule(value: &str, min: usize, max: usize) -> Result<(), Rule> {
    // A character is one to four bytes, so these lengths need no count.
    if value.len() <= max && value.len() >= min * 4 {
        return Ok(());
    }
    let actual = char_count(value);
    if actual < min || actual > max {
        return Err(Rule::Length { min, max, actual });
    }
    Ok(())
}

/// Whether every character of `value` is `ok`. A function pointer rather
/// than a closure: one copy of the loop serves every rule.
pub fn all(value: &str, ok: fn(char) -> bool) -> bool {
    value.chars().all(ok)
}

fn chars(field: &'static str, value: &str, allowed: &'static str, ok: fn(char) -> bool) -> Result<(), ValidationError> {
    if all(value, ok) {
        Ok(())
    } else {
        Err(ValidationError::new(field, Rule::Characters(allowed)))
    }
}

/// Java's `\w` (the API model's patterns are Java regular expressions): ASCII only.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// `ClientIdType`: 1–128 of `[\w+]`.
pub fn client_id(value: &str) -> Result<(), ValidationError> {
    length("clientId", value, 1, 128)?;
    chars("clientId", value, "ASCII letters, digits, _ and +", |c| {
        is_word(c) || c == '+'
    })
}

/// `SecretHashType`: 1–128 of `[\w+=/]`.
pub fn secret_hash(value: &str) -> Result<(), ValidationError> {
    length("secretHash", value, 1, 128)?;
    chars("secretHash", value, "ASCII letters, digits, _, +, = and /", |c| {
        is_word(c) || matches!(c, '+' | '=' | '/')
    })
}

/// `UsernameType`: 1–128 characters of the categories L, M, S, N and P.
///
/// The complement of those is Z (separators), C (controls, format characters,
/// surrogates, private use, unassigned). All of it is refused here except the
/// code points that are unassigned only in the Unicode version we were built
/// with: whether a new character is assigned is the server's Unicode version's
/// call, and refusing a valid username would be worse than one round trip.
pub fn username(value: &str) -> Result<(), ValidationError> {
    length("username", value, 1, 128)?;
    chars(
        "username",
        value,
        "letters, marks, symbols, numbers and punctuation (no spaces, control or format characters)",
        is_username_char,
    )
}

/// A character of the categories L, M, S, N or P, as far as we can tell (see [`username`]).
pub fn is_username_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_graphic();
    }
    !(c.is_whitespace() || c.is_control() || is_format(c) || is_private_use(c) || is_noncharacter(c))
}

/// General category Cf (Unicode 16), which `char` has no method for.
fn is_format(c: char) -> bool {
    /// A range packed in one word (first code point, then the count less one
    /// in the low byte): half the table's bytes.
    const fn r(lo: u32, hi: u32) -> u32 {
        lo << 8 | (hi - lo)
    }
    const CF: [u32; 21] = [
        r(0x00AD, 0x00AD),
        r(0x0600, 0x0605),
        r(0x061C, 0x061C),
        r(0x06DD, 0x06DD),
        r(0x070F, 0x070F),
        r(0x0890, 0x0891),
        r(0x08E2, 0x08E2),
        r(0x180E, 0x180E),
        r(0x200B, 0x200F),
        r(0x202A, 0x202E),
        r(0x2060, 0x2064),
        r(0x2066, 0x206F),
        r(0xFEFF, 0xFEFF),
        r(0xFFF9, 0xFFFB),
        r(0x110BD, 0x110BD),
        r(0x110CD, 0x110CD),
        r(0x13430, 0x1343F),
        r(0x1BCA0, 0x1BCA3),
        r(0x1D173, 0x1D17A),
        r(0xE0001, 0xE0001),
        r(0xE0020, 0xE007F),
    ];
    let c = c as u32;
    CF.iter()
        .any(|&range| (range >> 8..=(range >> 8) + (range & 0xFF)).contains(&c))
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD)
}

/// The 66 code points that Unicode promises never to assign.
fn is_noncharacter(c: char) -> bool {
    let c = c as u32;
    (0xFDD0..=0xFDEF).contains(&c) || c & 0xFFFE == 0xFFFE
}

/// `ConfirmationCodeType`: 1–2048 characters, none of them white space.
/// Control characters are refused too: no code Cognito sends has them, and they
/// are what a bad paste leaves behind.
pub fn confirmation_code(value: &str) -> Result<(), ValidationError> {
    length("confirmationCode", value, 1, 2048)?;
    chars(
        "confirmationCode",
        value,
        "visible characters (no spaces or control characters)",
        |c| !c.is_whitespace() && !c.is_control(),
    )
}

/// `PasswordType`: 1–256 characters, none of them white space. The model's
/// pattern is a Java `[\S]+`, whose white space is ASCII only: a password
/// with a no-break space is valid, and refusing it would lock the user out.
pub fn password(value: &str) -> Result<(), ValidationError> {
    length("password", value, 1, 256)?;
    chars(
        "password",
        value,
        "characters other than spaces, tabs and line breaks",
        |c| !matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r'),
    )
}

/// `SessionType`: 20–4096 characters.
pub fn session(value: &str) -> Result<(), ValidationError> {
    length("session", value, 20, 4096)
}

/// The user pool id, `[\w-]+_[0-9a-zA-Z]+` of at most 55 characters, whose part
/// before the underscore is the region. Returns that region.
pub fn user_pool_id(value: &str) -> Result<&str, ValidationError> {
    const FORM: &str = "a user pool id such as us-east-1_AbC123 (region, underscore, id)";
    length("userPoolId", value, 1, 55)?;
    let (region, _id) = rsplit_once(value, b'_')
        .filter(|(region, id)| {
            !region.is_empty()
                && !id.is_empty()
                && all(region, |c| is_word(c) || c == '-')
                && all(id, |c| c.is_ascii_alphanumeric())
        })
        .ok_or_else(|| ValidationError::new("userPoolId", Rule::Format(FORM)))?;
    Ok(region)
}

/// A region as the endpoint rules accept it: one DNS label.
pub fn region(field: &'static str, value: &str) -> Result<(), ValidationError> {
    length(field, value, 1, 63)?;
    let ok = all(value, |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new(
            field,
            Rule::Format("an AWS region such as us-east-1"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_of<T: core::fmt::Debug>(r: Result<T, ValidationError>) -> Rule {
        r.unwrap_err().rule.clone()
    }

    #[test]
    fn client_id_follows_the_model() {
        assert!(client_id("1example23456789abcdefghij").is_ok());
        assert!(client_id("a+b_C9").is_ok());
        assert_eq!(
            rule_of(client_id("")),
            Rule::Length {
                min: 1,
                max: 128,
                actual: 0
            }
        );
        assert_eq!(
            rule_of(client_id(&"a".repeat(129))),
            Rule::Length {
                min: 1,
                max: 128,
                actual: 129
            }
        );
        assert!(client_id(&"a".repeat(128)).is_ok());
        for bad in ["a-b", "a b", "a/b", "é", "a=b"] {
            assert!(matches!(rule_of(client_id(bad)), Rule::Characters(_)), "{bad}");
        }
    }

    #[test]
    fn secret_hash_follows_the_model() {
        assert!(secret_hash("yQ77/sUM/lP05pod807auR9SarJg5iMEiZ1c/M0D9gk=").is_ok());
        assert!(matches!(rule_of(secret_hash("abc def")), Rule::Characters(_)));
        assert!(matches!(rule_of(secret_hash("abc-")), Rule::Characters(_)));
        assert!(matches!(rule_of(secret_hash("")), Rule::Length { .. }));
    }

    #[test]
    fn username_allows_letters_marks_symbols_numbers_punctuation() {
        for ok in [
            "alice",
            "alice@example.com",
            "José😀",
            "Jose\u{301}",
            "+14155550100",
            "名前",
            "a.b-c_d",
        ] {
            assert!(username(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn username_refuses_separators_controls_format_private_use() {
        for bad in [
            "a b",
            "a\tb",
            "a\u{a0}b",
            "a\u{2028}",
            "a\u{0}",
            "a\u{7f}",
            "a\u{200b}",
            "\u{feff}a",
            "a\u{e000}",
            "a\u{fffe}",
            "a\u{fdd0}",
            "a\u{e0041}",
        ] {
            assert!(matches!(rule_of(username(bad)), Rule::Characters(_)), "{bad:?}");
        }
    }

    #[test]
    fn format_characters_are_general_category_cf() {
        // Unicode 16's Cf ranges, written out: the packed table must give exactly these.
        let cf = [
            (0x00AD, 0x00AD),
            (0x0600, 0x0605),
            (0x061C, 0x061C),
            (0x06DD, 0x06DD),
            (0x070F, 0x070F),
            (0x0890, 0x0891),
            (0x08E2, 0x08E2),
            (0x180E, 0x180E),
            (0x200B, 0x200F),
            (0x202A, 0x202E),
            (0x2060, 0x2064),
            (0x2066, 0x206F),
            (0xFEFF, 0xFEFF),
            (0xFFF9, 0xFFFB),
            (0x110BD, 0x110BD),
            (0x110CD, 0x110CD),
            (0x13430, 0x1343F),
            (0x1BCA0, 0x1BCA3),
            (0x1D173, 0x1D17A),
            (0xE0001, 0xE0001),
            (0xE0020, 0xE007F),
        ];
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let expected = cf.iter().any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)));
            assert_eq!(is_format(c), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn length_skips_the_count_only_where_the_bytes_decide() {
        for unit in ["a", "é", "€", "😀"] {
            for n in 0..24 {
                let value = unit.repeat(n);
                for (min, max) in [(0, 3), (1, 4), (2, 8), (3, 12), (5, 5), (1, 128)] {
                    let expected = (min..=max).contains(&n);
                    assert_eq!(
                        length_rule(&value, min, max).is_ok(),
                        expected,
                        "{unit} x{n}, {min}..={max}"
                    );
                }
            }
        }
    }

    #[test]
    fn ascii_username_characters_are_the_visible_ones() {
        for c in (0..128u8).map(char::from) {
            let general = !(c.is_whitespace() || c.is_control() || is_format(c));
            assert_eq!(is_username_char(c), general, "{c:?}");
        }
    }

    #[test]
    fn username_length_counts_characters_not_bytes() {
        assert!(username(&"é".repeat(128)).is_ok());
        assert_eq!(
            rule_of(username(&"😀".repeat(129))),
            Rule::Length {
                min: 1,
                max: 128,
                actual: 129
            }
        );
    }

    #[test]
    fn confirmation_code_has_no_white_space_or_controls() {
        assert!(confirmation_code("123456").is_ok());
        assert!(confirmation_code(&"9".repeat(2048)).is_ok());
        assert!(matches!(
            rule_of(confirmation_code(&"9".repeat(2049))),
            Rule::Length { .. }
        ));
        for bad in [" 123456", "123 456", "123456\n", "12\u{1}3", "123\u{3000}"] {
            assert!(
                matches!(rule_of(confirmation_code(bad)), Rule::Characters(_)),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn session_is_20_to_4096() {
        assert!(matches!(
            rule_of(session("short")),
            Rule::Length {
                min: 20,
                max: 4096,
                actual: 5
            }
        ));
        assert!(session(&"s".repeat(20)).is_ok());
        assert!(matches!(rule_of(session(&"s".repeat(4097))), Rule::Length { .. }));
    }

    #[test]
    fn user_pool_id_yields_its_region() {
        assert_eq!(user_pool_id("us-east-1_AbC123"), Ok("us-east-1"));
        assert_eq!(user_pool_id("eusc-de-east-1_x9"), Ok("eusc-de-east-1"));
        for bad in ["AbC123", "_AbC123", "us-east-1_", "us east-1_A", "us-east-1_Ab-C"] {
            assert!(matches!(rule_of(user_pool_id(bad)), Rule::Format(_)), "{bad}");
        }
        assert!(matches!(
            rule_of(user_pool_id(&format!("us-east-1_{}", "a".repeat(50)))),
            Rule::Length { .. }
        ));
    }

    #[test]
    fn region_is_one_dns_label() {
        assert!(region("region", "ap-southeast-2").is_ok());
        for bad in ["", "US-EAST-1", "us_east_1", "-us", "us.east", "us-east-1/"] {
            assert!(region("region", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn display_and_message_agree() {
        assert_eq!(
            ValidationError::new("secretHash", Rule::Conflicts("clientSecret")).message(),
            "secretHash cannot be given together with clientSecret"
        );
        assert_eq!(
            ValidationError::new("input", Rule::Required).message(),
            "input is required"
        );
        assert_eq!(
            ValidationError::new("x", Rule::LoneSurrogate).message(),
            "x must be well-formed Unicode (it has a lone surrogate)"
        );
    }

    #[test]
    fn messages_name_the_field_and_rule_but_not_the_value() {
        let e = client_id("bad value!").unwrap_err();
        let text = e.message();
        assert_eq!(text, "clientId may contain only ASCII letters, digits, _ and +");
        assert!(!text.contains("bad value"));
        assert_eq!(e.rule.code(), "characters");
        assert_eq!(
            username("").unwrap_err().message(),
            "username must be 1 to 128 characters long (it is 0)"
        );
    }
}
