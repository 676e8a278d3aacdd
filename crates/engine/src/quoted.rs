//! `quoted`: a text in double quotes as Rust's `{:?}` writes it in the engine's messages
//! (`skill "fractions" is not defined`), without std's `Debug` of `str`, whose tables of
//! printable and combining characters weigh about 2 KB of the widget's wasm gzipped.

/// `text` in double quotes: `"` and `\` escaped, tab, newline, carriage return and NUL as `\t`,
/// `\n`, `\r`, `\0`, other control characters and the invisible ones (zero-width spaces and
/// joiners, direction marks, the byte-order mark, the soft hyphen, the line and paragraph
/// separators) as `\u{200b}`: all as `{:?}` writes them. Other characters are written as they
/// are (`{:?}` also escapes combining marks and unassigned code points).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{1}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}' => {
                out.push_str("\\u{");
                let code = character as u32;
                let digits = (32 - code.leading_zeros()).div_ceil(4);
                for place in (0..digits).rev() {
                    let digit = (code >> (4 * place)) & 15;
                    out.push(char::from_digit(digit, 16).unwrap_or('0'));
                }
                out.push('}');
            }
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests;
