//! A small JSON reader: text to a tree (`Json`), with the line and column of a syntax error.
//!
//! The widget reads its bank with this and the hand-written readers of `bank_read.rs` instead
//! of serde, which costs many kilobytes of wasm. The grammar is RFC 8259's; the error messages
//! are worded as serde_json's (`expected `,` or `}``), so diagnostics read the same wherever a
//! bank is checked. Numbers are read correctly rounded, as Rust's `f64` parsing reads them
//! (`parse_float.rs`).

/// A JSON value. Objects keep their fields in file order; a repeated key is found last-wins.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number; `integer` is its exact value when it was written as a whole number (no
    /// fraction, no exponent), so that a `u64` seed beyond 2^53 reads back unchanged.
    Number {
        value: f64,
        integer: Option<Whole>,
    },
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// A whole number's exact value, `u64`'s whole range of either sign (`-0` is none: its sign is
/// kept by the `f64`). A sign and a magnitude rather than an `i128`: 16 bytes where an
/// `Option<i128>` took 32 (aligned to 16), so that a `Json` takes 32 bytes instead of 48: a
/// tree of less memory, written and copied as it is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole {
    pub negative: bool,
    pub magnitude: u64,
}

impl Whole {
    pub fn value(self) -> i128 {
        let magnitude = i128::from(self.magnitude);
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }
}

/// Why a text is not JSON, and where (both counted from 1; the column in bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

/// How deep arrays and objects may nest (as serde_json's default recursion limit).
pub const MAX_DEPTH: usize = 128;

/// Reads a whole text as one JSON value (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
        elements: Vec::new(),
        fields: Vec::new(),
    };
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.at < parser.bytes.len() {
        return Err(parser.error_here("trailing characters"));
    }
    Ok(value)
}

impl Json {
    /// The value of `key` in an object (the last one if the key is repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(elements) => Some(elements),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Object(fields) => Some(fields),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number { value, .. } => Some(*value),
            _ => None,
        }
    }

    /// A number written as a whole number, exactly.
    pub fn as_integer(&self) -> Option<i128> {
        match self {
            Json::Number { integer, .. } => integer.map(Whole::value),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        self.as_integer().and_then(|i| u64::try_from(i).ok())
    }

    pub fn as_i64(&self) -> Option<i64> {
        self.as_integer().and_then(|i| i64::try_from(i).ok())
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// The elements of the arrays being read, innermost last: each array's are moved out into a
    /// list of their exact length when it closes (no list grown step by step, copied each time).
    elements: Vec<Json>,
    /// The same for the fields of the objects being read.
    fields: Vec<(String, Json)>,
}

impl Parser<'_> {
    /// An error about the byte at `self.at` (or the end of the text).
    fn error_here(&self, message: &'static str) -> JsonError {
        let end = (self.at + 1).min(self.bytes.len());
        self.error_at(end, message)
    }

    /// An error whose column is the byte before `end` (serde_json's convention).
    fn error_at(&self, end: usize, message: &'static str) -> JsonError {
        let before = &self.bytes[..end];
        let mut line = 1;
        for &byte in before {
            line += usize::from(byte == b'\n');
        }
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        JsonError {
            message,
            line,
            column: end - line_start,
        }
    }

    // Always inlined: at opt-level "z" it was a call per byte read (and inlined, the wasm is
    // smaller).
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Json, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.error_here("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => Ok(Json::String(self.string()?)),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error_here("expected value")),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, JsonError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                None => return Err(self.error_here("EOF while parsing a value")),
                Some(_) => return Err(self.error_here("expected ident")),
            }
        }
        Ok(value)
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Json, JsonError>,
    ) -> Result<Json, JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_here("recursion limit exceeded"));
        }
        self.at += 1;
        let value = read(self)?;
        self.depth -= 1;
        Ok(value)
    }

    fn array(&mut self) -> Result<Json, JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(Vec::new()));
        }
        let start = self.elements.len();
        loop {
            let element = self.value()?;
            self.elements.push(element);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(self.elements.split_off(start)));
                }
                None => return Err(self.error_here("EOF while parsing a list")),
                Some(_) => return Err(self.error_here("expected `,` or `]`")),
            }
            self.skip_whitespace();
            if self.peek() == Some(b']') {
                return Err(self.error_here("trailing comma"));
            }
        }
    }

    fn object(&mut self) -> Result<Json, JsonError> {
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Object(Vec::new()));
        }
        let start = self.fields.len();
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.error_here("trailing comma")),
                None => return Err(self.error_here("EOF while parsing an object")),
                Some(_) => return Err(self.error_here("key must be a string")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error_here("EOF while parsing an object")),
                Some(_) => return Err(self.error_here("expected `:`")),
            }
            let value = self.value()?;
            self.fields.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Object(self.fields.split_off(start)));
                }
                None => return Err(self.error_here("EOF while parsing an object")),
                Some(_) => return Err(self.error_here("expected `,` or `}`")),
            }
        }
    }

    /// A string, `self.at` on its opening quote. A string without escapes (the usual case) is
    /// copied once, at its length.
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut text = String::new();
        loop {
            let start = self.at;
            self.at += self.bytes[start..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.bytes.len() - start);
            // The input is a `str` and the run stops only at ASCII bytes: a whole UTF-8 slice.
            let run = &self.text[start..self.at];
            if text.is_empty() && self.peek() == Some(b'"') {
                self.at += 1;
                return Ok(run.to_owned());
            }
            text.push_str(run);
            match self.peek() {
                None => return Err(self.error_here("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(text);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut text)?;
                }
                Some(_) => {
                    return Err(self.error_here(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
            }
        }
    }

    /// The escape after a backslash.
    fn escape(&mut self, text: &mut String) -> Result<(), JsonError> {
        let Some(b) = self.peek() else {
            return Err(self.error_here("EOF while parsing a string"));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(text),
            _ => return Err(self.error_at(self.at, "invalid escape")),
        };
        text.push(c);
        Ok(())
    }

    /// `\uXXXX`, with a surrogate pair written as two escapes.
    fn unicode_escape(&mut self, text: &mut String) -> Result<(), JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.error_at(self.at, "unexpected end of hex escape"));
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error_at(self.at, "lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.error_at(self.at, "lone trailing surrogate in hex escape"))
            }
            code => code,
        };
        match char::from_u32(code) {
            Some(c) => text.push(c),
            None => return Err(self.error_at(self.at, "invalid unicode code point")),
        }
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.error_here("EOF while parsing a string")),
                Some(b) => (b as char).to_digit(16),
            };
            self.at += 1;
            match digit {
                Some(digit) => code = code * 16 + digit,
                None => return Err(self.error_at(self.at, "invalid escape")),
            }
        }
        Ok(code)
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error_here("EOF while parsing a value")),
            Some(_) => return Err(self.error_here("invalid number")),
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            whole = false;
            self.at += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            whole = false;
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.required_digits()?;
        }
        let written = &self.text[start..self.at];
        let integer = if whole { exact_integer(written) } else { None };
        // A whole number within 2^53 is exactly an `f64`: no need for the general reading.
        let exact = integer
            .filter(|i| i.magnitude <= 1 << 53)
            .map(|i| i.value() as f64);
        match exact.or_else(|| crate::parse_float::parse_float(written)) {
            Some(value) if value.is_finite() => Ok(Json::Number { value, integer }),
            _ => Err(self.error_at(self.at, "number out of range")),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            None => Err(self.error_here("EOF while parsing a value")),
            Some(_) => Err(self.error_here("invalid number")),
        }
    }
}

pub(crate) mod read;
/// The exact value of a whole number as written (`-12`), when its magnitude fits `u64`; `-0`
/// is left to the `f64` (it keeps its sign there). Digits are added up by hand: `i128`'s own
/// parsing and printing cost kilobytes of wasm.
fn exact_integer(written: &str) -> Option<Whole> {
    let (negative, digits) = match written.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, written),
    };
    let mut magnitude: u64 = 0;
    for digit in digits.bytes() {
        magnitude = magnitude
            .checked_mul(10)?
            .checked_add(u64::from(digit - b'0'))?;
    }
    if negative && magnitude == 0 {
        return None;
    }
    Some(Whole {
        negative,
        magnitude,
    })
}

/// A whole number as text, printed through `u64` (see `exact_integer`).
/// A JSON path and what follows it (`$.items[0]` and `.prompt`), for a diagnostic: one call
/// where a `format!` at each place that writes a path compiled its arguments again.
pub(crate) fn path_then(path: &str, tail: &str) -> String {
    let mut joined = String::with_capacity(path.len() + tail.len());
    joined.push_str(path);
    joined.push_str(tail);
    joined
}

/// `path` and the element `index` of its list `list` (`$.items[0]`, `.choices`, 2 →
/// `$.items[0].choices[2]`).
pub(crate) fn path_index(path: &str, list: &str, index: usize) -> String {
    format!("{path}{list}[{index}]")
}

pub(crate) fn integer_text(integer: i128) -> String {
    let sign = if integer < 0 { "-" } else { "" };
    format!("{sign}{}", integer.unsigned_abs() as u64)
}

#[cfg(test)]
mod tests;
mod write;

pub use write::to_text;
pub(crate) use write::JsonText;
