//! Bank texts as GIFT texts: Markdown kept (the exporter writes `[markdown]`), inline math
//! `$…$` as `\(…\)` for Moodle's TeX filter, then GIFT's escapes as Moodle's exporter writes them.

/// Bank Markdown as GIFT text: `$…$` math as `\(…\)`, then escaped.
pub(super) fn markdown(text: &str) -> String {
    escape(&math_for_moodle(text))
}

/// `$…$` → `\(…\)`; `$$…$$` and everything else as written.
fn math_for_moodle(text: &str) -> String {
    let characters: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < characters.len() {
        let character = characters[index];
        if character == '\\' {
            out.push(character);
            if let Some(next) = characters.get(index + 1) {
                out.push(*next);
            }
            index += 2;
            continue;
        }
        if character != '$' {
            out.push(character);
            index += 1;
            continue;
        }
        let display = characters.get(index + 1) == Some(&'$');
        let delimiter = if display { 2 } else { 1 };
        let Some(end) = closing_dollar(&characters, index + delimiter, display) else {
            out.extend(&characters[index..]);
            break;
        };
        let inner: String = characters[index + delimiter..end].iter().collect();
        if display {
            out.push_str(&format!("$${inner}$$"));
        } else {
            out.push_str(&format!("\\({inner}\\)"));
        }
        index = end + delimiter;
    }
    out
}

/// Where the math that starts at `start` closes (`$`, or `$$` for display), skipping `\$`.
fn closing_dollar(characters: &[char], start: usize, display: bool) -> Option<usize> {
    let mut index = start;
    while index < characters.len() {
        match characters[index] {
            '\\' => index += 2,
            '$' if !display || characters.get(index + 1) == Some(&'$') => return Some(index),
            _ => index += 1,
        }
    }
    None
}

/// GIFT's escapes, as Moodle's exporter writes them: `\ ~ = # { } :` with a backslash, line ends
/// as `\n`.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                escaped.push('\\');
                escaped.push(character);
            }
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            other => escaped.push(other),
        }
    }
    escaped
}

pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
