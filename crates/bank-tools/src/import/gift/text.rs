//! GIFT texts to bank Markdown. A text may start with its format: `[markdown]` is kept as
//! Markdown, `[plain]` is shown as typed, `[moodle]` (the default: plain text with line breaks,
//! HTML allowed) and `[html]` go through a small, safe HTML conversion. Math written for
//! Moodle's TeX filter (`\(…\)`, `\[…\]`, `$$…$$`) becomes `$…$` and `$$…$$`, except in `[plain]`.

use super::parse::{placeholder_character, BLANK, NEWLINE};
use crate::import::escape_markdown;

/// The text formats GIFT names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextFormat {
    Moodle,
    Html,
    Plain,
    Markdown,
}

/// The format a text starts with (`[html]…`) and the text after it; `default` when none is given.
pub(super) fn split_format(text: &str, default: TextFormat) -> (TextFormat, &str) {
    let trimmed = text.trim_start();
    let formats = [
        ("[moodle]", TextFormat::Moodle),
        ("[html]", TextFormat::Html),
        ("[plain]", TextFormat::Plain),
        ("[markdown]", TextFormat::Markdown),
    ];
    for (tag, format) in formats {
        if let Some(rest) = trimmed.strip_prefix(tag) {
            return (format, rest);
        }
    }
    (default, text)
}

/// Converts one text (placeholders included) to bank Markdown; `changed` receives a sentence for
/// anything that could not be kept as it was. [`BLANK`] stays in the result for the caller.
pub(super) fn convert_text(
    text: &str,
    format: TextFormat,
    changed: &mut dyn FnMut(String),
) -> String {
    let restored = restore_except_newlines(text.trim());
    let pieces = if format == TextFormat::Plain {
        vec![Piece::Text(restored)]
    } else {
        split_math(&restored)
    };
    let is_html = match format {
        TextFormat::Html => true,
        TextFormat::Moodle => pieces.iter().any(|piece| match piece {
            Piece::Text(text) => looks_like_html(text),
            Piece::Math { .. } => false,
        }),
        TextFormat::Plain | TextFormat::Markdown => false,
    };
    let mut converted = String::new();
    // The same text with a space between inline math and a digit after it, used only where the
    // bank's markup needs it: `$…$` does not close before a digit (`$x$3` reads as money).
    let mut spaced = String::new();
    let mut after_inline_math = false;
    for piece in &pieces {
        let previous_inline_math = after_inline_math;
        after_inline_math = matches!(piece, Piece::Math { display: false, .. });
        let after_inline_math = previous_inline_math;
        match piece {
            Piece::Math { source, display } => {
                let source = source.replace(NEWLINE, "\n");
                if *display {
                    converted.push_str(&format!("$${}$$", source.trim()));
                    spaced.push_str(&format!("$${}$$", source.trim()));
                } else {
                    converted.push_str(&format!("${}$", source.trim()));
                    spaced.push_str(&format!("${}$", source.trim()));
                }
            }
            Piece::Text(text) => {
                let text = text.replace(NEWLINE, "\n");
                let text = if is_html {
                    super::html::html_to_markdown(&text, changed)
                } else if format == TextFormat::Markdown {
                    // `-\>` is how `->` is written outside a matching question.
                    text.replace("-\\>", "->")
                } else {
                    hard_line_breaks(&escape_markdown(&text))
                };
                // The bank's `$…$` does not close before a digit (`$x$3` is a dollar amount): a
                // space keeps inline math that a number follows closed.
                if after_inline_math && text.starts_with(|c: char| c.is_ascii_digit()) {
                    spaced.push(' ');
                }
                converted.push_str(&text);
                spaced.push_str(&text);
            }
        }
    }
    if adaptive_practice_engine::markup::check_markup(converted.trim()).is_empty()
        || !adaptive_practice_engine::markup::check_markup(spaced.trim()).is_empty()
    {
        converted.trim().to_string()
    } else {
        spaced.trim().to_string()
    }
}

/// Text shown as typed: every line break kept (a backslash at the end of a line), blank lines
/// kept as paragraph breaks.
fn hard_line_breaks(escaped: &str) -> String {
    let lines: Vec<&str> = escaped.split('\n').collect();
    let mut joined = String::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(next) = lines.get(index + 1) else {
            joined.push_str(line);
            break;
        };
        joined.push_str(line.trim_end());
        if line.trim().is_empty() || next.trim().is_empty() {
            joined.push('\n');
        } else {
            joined.push_str("\\\n");
        }
    }
    joined
}

fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).any(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || pair[1] == b'/' || pair[1] == b'!')
    }) || text.contains("&nbsp;")
        || text.contains("&amp;")
}

enum Piece {
    Text(String),
    Math { source: String, display: bool },
}

/// Every placeholder back to its character, except `\n`, which depends on where it is.
fn restore_except_newlines(text: &str) -> String {
    text.chars()
        .map(|c| placeholder_character(c).unwrap_or(c))
        .collect()
}

/// Math delimited for Moodle's TeX filter: `$$…$$`, `\(…\)` (inline) and `\[…\]` (display).
/// A backslash pair (`\\`, `\$`) is text; a delimiter that is never closed is text too.
/// Inside math, a `\n` placeholder followed by a letter is a command (`\neq`), not a line break.
fn split_math(text: &str) -> Vec<Piece> {
    let characters: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut plain = String::new();
    let mut index = 0;
    while index < characters.len() {
        let character = characters[index];
        let next = characters.get(index + 1).copied();
        let opening = match (character, next) {
            ('\\', Some('(')) => Some((['\\', ')'], false)),
            ('\\', Some('[')) => Some((['\\', ']'], true)),
            ('$', Some('$')) => Some((['$', '$'], true)),
            _ => None,
        };
        let closing = opening.and_then(|(close, display)| {
            (index + 2..characters.len().saturating_sub(1))
                .find(|&at| characters[at] == close[0] && characters[at + 1] == close[1])
                .map(|at| (at, display))
        });
        if let Some((at, display)) = closing {
            if !plain.is_empty() {
                pieces.push(Piece::Text(std::mem::take(&mut plain)));
            }
            let source: String = characters[index + 2..at].iter().collect();
            pieces.push(Piece::Math {
                source: latex_newlines(&source),
                display,
            });
            index = at + 2;
            continue;
        }
        plain.push(character);
        if character == '\\' {
            if let Some(next) = next {
                plain.push(next);
                index += 1;
            }
        }
        index += 1;
    }
    if !plain.is_empty() {
        pieces.push(Piece::Text(plain));
    }
    pieces
}

/// `\n` placeholders in LaTeX: `\neq` when a letter follows, else a line break.
fn latex_newlines(source: &str) -> String {
    let characters: Vec<char> = source.chars().collect();
    let mut converted = String::new();
    for (index, &character) in characters.iter().enumerate() {
        if character == NEWLINE {
            let command = characters
                .get(index + 1)
                .is_some_and(|next| next.is_ascii_alphabetic());
            converted.push_str(if command { "\\n" } else { "\n" });
        } else {
            converted.push(character);
        }
    }
    converted
}

/// The missing word's place in a converted prompt: a gap of fill-the-gaps, or a line to fill.
pub(super) fn fill_blank(prompt: &str, gap: &str) -> String {
    prompt.replace(BLANK, gap)
}

/// Plain text for an id or a name: placeholders restored, line breaks as spaces.
pub(super) fn plain(text: &str) -> String {
    restore_except_newlines(text)
        .replace(NEWLINE, " ")
        .replace("-\\>", "->")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
