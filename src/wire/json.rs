//! The little JSON this crate needs: writing a flat request object and reading
//! a response into a tree.
//!
//! Cognito speaks `application/x-amz-json-1.1`, which is plain JSON. A general
//! JSON library costs tens of kilobytes of wasm (number formatting, float
//! parsing, error machinery), and every page that uses this package downloads
//! it. Requests here are objects of strings, booleans and nested string maps;
//! responses are read into [`Value`] with numbers kept as their source text.
//! The reader is strict (it rejects what `JSON.parse` rejects), bounded in
//! depth, and never panics: it is fuzzed.

use alloc::string::String;
use alloc::vec::Vec;

use crate::wire::text::push_uint;

/// How deep arrays and objects may nest before the reader gives up.
const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Numbers keep their text: nothing here does arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object (the first one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member `key` when it is a string.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        }
    }
}

/// Parses a whole document. `None` when it is not exactly one JSON value.
pub fn parse(text: &str) -> Option<Value> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = reader.value(0)?;
    reader.skip_ws();
    (reader.pos == reader.bytes.len()).then_some(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, literal: &[u8]) -> Option<()> {
        let end = self.pos.checked_add(literal.len())?;
        (self.bytes.get(self.pos..end)? == literal).then(|| self.pos = end)
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_ws();
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(Value::String),
            b't' => self.eat(b"true").map(|()| Value::Bool(true)),
            b'f' => self.eat(b"false").map(|()| Value::Bool(false)),
            b'n' => self.eat(b"null").map(|()| Value::Null),
            _ => self.number().map(Value::Number),
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.skip_ws();
            self.eat(b":")?;
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(Value::Object(members));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(Value::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(Value::Array(items));
                }
                _ => return None,
            }
        }
    }

    fn number(&mut self) -> Option<String> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.require_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.require_digits()?;
        }
        self.text.get(start..self.pos).map(String::from)
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn require_digits(&mut self) -> Option<()> {
        let start = self.pos;
        self.digits();
        (self.pos > start).then_some(())
    }

    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // The run starts and stops at ASCII bytes, so both ends are character boundaries.
            out.push_str(self.text.get(run_start..self.pos)?);
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.pos += 1;
                    let escaped = self.peek()?;
                    self.pos += 1;
                    out.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    });
                }
                _ => return None,
            }
        }
    }

    /// After `\u`: one code unit, or a surrogate pair. A lone surrogate becomes U+FFFD,
    /// as `JSON.parse` followed by a UTF-8 encoder would give.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u") {
            let saved = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return char::from_u32(code);
            }
            self.pos = saved;
        }
        Some(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let mut code = 0;
        for &d in digits {
            code = code * 16 + char::from(d).to_digit(16)?;
        }
        self.pos += 4;
        Some(code)
    }
}

/// Writes one JSON object, member by member, leaving out what is unset.
pub struct ObjectWriter {
    out: String,
}

impl ObjectWriter {
    pub fn new() -> Self {
        // Room for a plain call's request or answer: writing it seldom regrows the text.
        let mut out = String::with_capacity(256);
        out.push('{');
        ObjectWriter { out }
    }

    fn key(&mut self, key: &str) {
        // The first member of an object, nested or not, follows its `{`.
        if self.out.as_bytes().last() != Some(&b'{') {
            self.out.push(',');
        }
        write_string(&mut self.out, key);
        self.out.push(':');
    }

    pub fn string(&mut self, key: &str, value: &str) -> &mut Self {
        self.key(key);
        write_string(&mut self.out, value);
        self
    }

    pub fn opt_string(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        if let Some(value) = value {
            self.string(key, value);
        }
        self
    }

    pub fn opt_bool(&mut self, key: &str, value: Option<bool>) -> &mut Self {
        if let Some(value) = value {
            self.key(key);
            self.out.push_str(if value { "true" } else { "false" });
        }
        self
    }

    pub fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.opt_bool(key, Some(value))
    }

    pub fn number(&mut self, key: &str, value: u64) -> &mut Self {
        self.key(key);
        push_uint(&mut self.out, value);
        self
    }

    /// A member whose value is JSON text written elsewhere.
    pub fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key);
        self.out.push_str(json);
        self
    }

    /// Opens the member `key` as a nested object, written in the same text:
    /// the members written next are its own until [`ObjectWriter::end`]
    /// closes it, or, when `optional`, takes it out again if it has none.
    /// Returns where it starts, for `end`.
    pub fn begin(&mut self, key: &str) -> usize {
        let at = self.out.len();
        self.key(key);
        self.out.push('{');
        at
    }

    /// Closes the nested object that [`ObjectWriter::begin`] opened at `at`;
    /// an `optional` one without members is taken out, key and all.
    pub fn end(&mut self, at: usize, optional: bool) -> &mut Self {
        if optional && self.out.as_bytes().last() == Some(&b'{') {
            self.out.truncate(at);
        } else {
            self.out.push('}');
        }
        self
    }

    pub fn finish(mut self) -> String {
        self.out.push('}');
        self.out
    }
}

impl Default for ObjectWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// Writes `s` as a JSON string, copying the runs between escapes whole.
pub fn write_string(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "\\u00",
            _ => continue,
        };
        // Every escaped byte is ASCII, so `i` is a character boundary.
        out.push_str(s.get(run..i).unwrap_or_default());
        out.push_str(escape);
        if escape.len() == 4 {
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
        run = i + 1;
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_objects_with_every_kind_of_value() {
        let v = parse(r#" {"a": "x", "b": [1, -2.5e3, true, false, null], "c": {"d": {}}} "#).unwrap();
        assert_eq!(v.get_str("a"), Some("x"));
        assert_eq!(
            v.get("b"),
            Some(&Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ]))
        );
        assert_eq!(v.get("c").and_then(|c| c.get("d")), Some(&Value::Object(vec![])));
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let v = parse(r#"{"s":"a\"b\\c\/d\n\u00e9\ud83d\ude00\ud800x"}"#).unwrap();
        assert_eq!(v.get_str("s"), Some("a\"b\\c/d\né😀\u{fffd}x"));
        for (text, expected) in [
            (r#""""#, ""),
            (r#""\n""#, "\n"),
            (r#""\tab""#, "\tab"),
            (r#""ab\u0041""#, "abA"),
        ] {
            assert_eq!(parse(text), Some(Value::String(expected.into())), "{text}");
        }
    }

    #[test]
    fn rejects_what_json_parse_rejects() {
        for bad in [
            "",
            "{",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "[1,]",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "\"\t\"",
            "\"\\x\"",
            "\"\\u12\"",
            "{} x",
            "{'a':1}",
            "<html>",
            "{\"a\":1}}",
            "\"abc",
        ] {
            assert_eq!(parse(bad), None, "{bad:?} should be rejected");
        }
    }

    #[test]
    fn bounds_nesting_depth() {
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep), None);
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_some());
    }

    #[test]
    fn first_of_repeated_keys_wins() {
        let v = parse(r#"{"k":"first","k":"second"}"#).unwrap();
        assert_eq!(v.get_str("k"), Some("first"));
    }

    #[test]
    fn writes_members_in_order_and_leaves_out_unset_ones() {
        let mut w = ObjectWriter::new();
        w.string("A", "q\"uote\\ \u{1} \n é")
            .opt_string("B", None)
            .opt_bool("C", Some(false))
            .opt_bool("D", None);
        let e = w.begin("E");
        w.opt_string("e", None).end(e, true);
        let f = w.begin("F");
        w.string("x", "1");
        let nested = w.begin("y");
        w.bool("z", true).end(nested, false).end(f, true);
        let empty = w.begin("Z");
        w.end(empty, false).bool("G", true).number("H", 3600).raw("I", "[1]");
        assert_eq!(
            w.finish(),
            r#"{"A":"q\"uote\\ \u0001 \n é","C":false,"F":{"x":"1","y":{"z":true}},"Z":{},"G":true,"H":3600,"I":[1]}"#
        );
        let mut first = ObjectWriter::new();
        let at = first.begin("E");
        first.end(at, true).string("a", "b");
        assert_eq!(first.finish(), r#"{"a":"b"}"#);
    }

    #[test]
    fn written_strings_read_back_unchanged() {
        let tricky = "\u{0}\u{1f}\u{7f}\"\\/\u{2028}😀 José";
        let mut w = ObjectWriter::new();
        w.string("k", tricky);
        assert_eq!(parse(&w.finish()).unwrap().get_str("k"), Some(tricky));
    }
}
