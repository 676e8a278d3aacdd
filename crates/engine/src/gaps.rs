//! The gaps of a fill-the-gaps prompt: `[[1]]`, `[[2]]`, … between pieces of text.

use crate::find_text::find_text;

/// A piece of a prompt with gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptPiece<'a> {
    Text(&'a str),
    /// The gap `[[number]]` (numbered from 1, as written).
    Gap(usize),
}

/// The prompt as text and gaps, in order. Reading stops at a `[[` without a closing `]]` or
/// without a number inside: the rest is text.
pub fn prompt_pieces(prompt: &str) -> Vec<PromptPiece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = prompt;
    while let Some(start) = find_text(rest, "[[") {
        let Some(length) = find_text(&rest[start..], "]]") else {
            break;
        };
        let Ok(number) = rest[start + 2..start + length].trim().parse::<usize>() else {
            break;
        };
        pieces.push(PromptPiece::Text(&rest[..start]));
        pieces.push(PromptPiece::Gap(number));
        rest = &rest[start + length + 2..];
    }
    pieces.push(PromptPiece::Text(rest));
    pieces
}
