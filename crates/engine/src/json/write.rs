//! Writing a `Json` tree as compact JSON text, escaped as serde_json escapes it. Every number
//! reads back as the same `f64` (`display_float` writes the shortest text that does, as Rust's
//! `Display`); a number that is not finite is written `null`, as serde_json writes it. `JsonText`
//! writes it as it goes, with or without a tree (`to_text` walks one through it).

use super::Json;
use crate::display_float::display_float;

/// The compact JSON text of `value`, written by `JsonText`, the one writer of JSON text.
pub fn to_text(value: &Json) -> String {
    let mut text = JsonText::default();
    write_value(value, &mut text);
    text.text()
}

fn write_value(value: &Json, out: &mut JsonText) {
    match value {
        Json::Null => out.literal("null"),
        Json::Bool(flag) => out.literal(if *flag { "true" } else { "false" }),
        Json::Number {
            integer: Some(integer),
            ..
        } => out.integer(integer.value()),
        Json::Number { value, .. } => out.float(*value),
        Json::String(text) => out.string(text),
        Json::Array(elements) => {
            out.open('[');
            for element in elements {
                write_value(element, out);
            }
            out.close(']');
        }
        Json::Object(fields) => {
            out.open('{');
            for (key, field) in fields.iter() {
                out.key(key);
                write_value(field, out);
            }
            out.close('}');
        }
    }
}

/// Plain digits, never an exponent (`0.0000001`), as the widget prints numbers.
fn write_float(value: f64, out: &mut String) {
    if value.is_finite() {
        out.push_str(&display_float(value));
    } else {
        out.push_str("null");
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[c as usize >> 4]));
                out.push(char::from(HEX[c as usize & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// JSON text written as it goes, without a `Json` tree: for the texts the engine writes (saved
/// progress and its answer log, preferences, reports), where building the tree first compiled a
/// value, a vector and a drop for each field. The same text as `to_text` of the tree with the
/// same fields in the same order.
#[derive(Default)]
pub(crate) struct JsonText(String);

impl JsonText {
    /// A comma unless the value is the first of its object or array, or follows its key.
    fn separate(&mut self) {
        if !matches!(self.0.as_bytes().last(), None | Some(b'{' | b'[' | b':')) {
            self.0.push(',');
        }
    }

    /// Opens an object (`{`) or an array (`[`) as the next value.
    pub(crate) fn open(&mut self, bracket: char) {
        self.separate();
        self.0.push(bracket);
    }

    /// Closes the object (`}`) or array (`]`) opened last.
    pub(crate) fn close(&mut self, bracket: char) {
        self.0.push(bracket);
    }

    /// The key of the next value of an object.
    pub(crate) fn key(&mut self, key: &str) {
        self.separate();
        write_string(key, &mut self.0);
        self.0.push(':');
    }

    pub(crate) fn string(&mut self, text: &str) {
        self.separate();
        write_string(text, &mut self.0);
    }

    pub(crate) fn integer(&mut self, integer: i128) {
        self.separate();
        self.0.push_str(&super::integer_text(integer));
    }

    pub(crate) fn float(&mut self, value: f64) {
        self.separate();
        write_float(value, &mut self.0);
    }

    /// `true`, `false` or `null`.
    pub(crate) fn literal(&mut self, word: &str) {
        self.separate();
        self.0.push_str(word);
    }

    pub(crate) fn text(self) -> String {
        self.0
    }
}
