//! OATutor text to bank markup: `$$…$$` math (inline in OATutor, so `$…$` unless it stands
//! alone on its line), literal `\n` line breaks, figures written `##figure.gif##` or with no
//! closing `##` (`… lines.\n##figure.gif`), and Markdown escapes for everything else, so that
//! OATutor's plain text never turns into emphasis or lists.

use adaptive_practice_engine::markup::{parse_inline, plain_text_of_inlines};

use crate::import::escape_markdown;

/// How the converted text is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextShape {
    /// Paragraphs: math alone on its line becomes display math; figures become images.
    Block,
    /// One line (a choice): every math is inline; figures cannot be shown.
    Inline,
}

/// A figure named in a text: `##figure1.gif##`.
pub(super) type FigureToMarkdown<'a> = dyn FnMut(&str) -> Option<String> + 'a;

enum Piece {
    Text(String),
    Math(String),
    /// Already converted markup (an image line).
    Markup(String),
}

/// Converts one OATutor text. `figure` turns a figure's file name into a Markdown image line,
/// or `None` to drop it (the caller notes why).
pub(super) fn convert_text(
    raw: &str,
    shape: TextShape,
    figure: &mut FigureToMarkdown<'_>,
) -> String {
    let pieces = split_pieces(raw, shape, figure);
    let mut converted = String::new();
    for (index, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Text(text) => converted.push_str(&escape_markdown(text)),
            Piece::Markup(markup) => converted.push_str(markup),
            Piece::Math(source) => {
                let alone = shape == TextShape::Block && stands_alone(&pieces, index);
                let next_is_digit =
                    next_character(&pieces, index).is_some_and(|c| c.is_ascii_digit());
                // `$…$` cannot close before a digit; `$$…$$` is inline math too, unless alone.
                if alone || next_is_digit || source.ends_with('\\') {
                    converted.push_str(&format!("$${source}$$"));
                } else {
                    converted.push_str(&format!("${source}$"));
                }
            }
        }
    }
    tidy_blank_lines(&converted)
}

/// The math of an OATutor answer (`$$\frac{-3}{4}$$`) without its delimiters.
pub(super) fn strip_math_delimiters(answer: &str) -> String {
    let trimmed = answer.trim();
    let inner = trimmed
        .strip_prefix("$$")
        .and_then(|rest| rest.strip_suffix("$$"))
        .unwrap_or(trimmed);
    inner.trim().to_string()
}

/// Plain text for an alt text: math as its symbols, no brackets, escaped for Markdown.
pub(super) fn alt_text_from(converted_inline_text: &str) -> String {
    let plain = plain_text_of_inlines(&parse_inline(converted_inline_text));
    let without_brackets: String = plain
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | '(' | ')'))
        .collect();
    escape_markdown(
        without_brackets
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim(),
    )
}

fn split_pieces(raw: &str, shape: TextShape, figure: &mut FigureToMarkdown<'_>) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.find("$$") {
        let after = &rest[start + 2..];
        let Some(length) = after.find("$$") else {
            break;
        };
        push_text(&rest[..start], shape, figure, &mut pieces);
        let source = after[..length].trim();
        if !source.is_empty() && source.chars().all(|c| c == '_' || c.is_whitespace()) {
            // A blank to fill in (`$$___$$`): text, not a subscript.
            pieces.push(Piece::Text(source.chars().filter(|c| *c == '_').collect()));
        } else if !source.is_empty() {
            pieces.push(Piece::Math(source.to_string()));
        }
        rest = &after[length + 2..];
    }
    push_text(rest, shape, figure, &mut pieces);
    pieces
}

/// Plain text: literal `\n` becomes a line end, `##name##` a figure.
fn push_text(
    text: &str,
    shape: TextShape,
    figure: &mut FigureToMarkdown<'_>,
    pieces: &mut Vec<Piece>,
) {
    let text = text.replace("\\n", "\n");
    let text = if shape == TextShape::Inline {
        text.replace('\n', " ")
    } else {
        text
    };
    let mut rest = text.as_str();
    while let Some(start) = rest.find("##") {
        let after = &rest[start + 2..];
        let Some((name, skipped)) = figure_name(after) else {
            pieces.push(Piece::Text(rest[..start + 2].to_string()));
            rest = after;
            continue;
        };
        pieces.push(Piece::Text(rest[..start].to_string()));
        if shape == TextShape::Block {
            if let Some(image) = figure(name) {
                pieces.push(Piece::Markup(format!("\n\n{image}\n\n")));
            }
        } else {
            figure(name);
        }
        rest = &after[skipped..];
    }
    pieces.push(Piece::Text(rest.to_string()));
}

/// The figure named right after a `##`: `figure1.gif##` (the usual spelling), or `figure1.gif`
/// without the closing `##` when a space or the end of the text follows it (OATutor content
/// has both). Returns the name and how many bytes it and its closing take.
fn figure_name(after: &str) -> Option<(&str, usize)> {
    if let Some(length) = after.find("##") {
        let name = &after[..length];
        if looks_like_file_name(name) {
            return Some((name, length + 2));
        }
    }
    let length = after.find(char::is_whitespace).unwrap_or(after.len());
    let name = &after[..length];
    looks_like_file_name(name).then_some((name, length))
}

fn looks_like_file_name(name: &str) -> bool {
    !name.is_empty() && name.contains('.') && !name.contains(char::is_whitespace)
}

/// Whether only spaces stand between this math and the line ends around it.
fn stands_alone(pieces: &[Piece], index: usize) -> bool {
    let mut before = String::new();
    for piece in pieces[..index].iter().rev() {
        let text = piece_text(piece);
        before.insert_str(0, text);
        if text.contains('\n') {
            break;
        }
    }
    let line_before = before.rsplit('\n').next().unwrap_or_default();
    let mut after = String::new();
    for piece in &pieces[index + 1..] {
        let text = piece_text(piece);
        after.push_str(text);
        if text.contains('\n') {
            break;
        }
    }
    let line_after = after.split('\n').next().unwrap_or_default();
    let any_math_on_line = pieces[..index]
        .iter()
        .rev()
        .take_while(|p| !piece_text(p).contains('\n'))
        .any(is_math)
        || pieces[index + 1..]
            .iter()
            .take_while(|p| !piece_text(p).contains('\n'))
            .any(is_math);
    line_before.trim().is_empty() && line_after.trim().is_empty() && !any_math_on_line
}

fn is_math(piece: &Piece) -> bool {
    matches!(piece, Piece::Math(_))
}

fn piece_text(piece: &Piece) -> &str {
    match piece {
        Piece::Text(text) | Piece::Markup(text) => text,
        Piece::Math(_) => "",
    }
}

fn next_character(pieces: &[Piece], index: usize) -> Option<char> {
    pieces[index + 1..].iter().find_map(|piece| match piece {
        Piece::Math(_) => Some('$'),
        other => piece_text(other).chars().next(),
    })
}

/// At most one blank line in a row, no blank lines at the start or the end, no trailing spaces.
fn tidy_blank_lines(text: &str) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n').map(str::trim_end) {
        if line.is_empty() && lines.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}
