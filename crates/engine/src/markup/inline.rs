//! Inline Markdown: emphasis, strong, code spans, `$…$` math, links and hard line breaks.
//!
//! Two linear passes, CommonMark-style but simpler. The tokenizer (`inline_tokens.rs`) reads
//! escapes, code spans, math, runs of `*`/`_` and brackets. Then brackets and runs are matched
//! here with stacks; a closing run must be as long as its opener. Anything unmatched, and every
//! `<`, `&` or other character, stays literal text.

use std::ops::Range;

use super::inline_tokens::{tokenize, Token};
use super::{
    excerpt, is_allowed_url, plain_text_of_inlines, report, Inline, MarkupProblem, MAX_NESTING,
};

/// Parses the text of one paragraph, heading or short answer.
pub(super) fn parse_inlines(text: &str, problems: &mut Vec<MarkupProblem>) -> Vec<Inline> {
    let mut tokens = tokenize(text, problems);
    let partners = match_pairs(&tokens);
    let end = tokens.len();
    build_inlines(&mut tokens, &partners, 0..end, 0, problems)
}

/// For every bracket and delimiter token, the index of its partner, if it has one.
fn match_pairs(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut partners = vec![None; tokens.len()];
    match_brackets(tokens, &mut partners);
    match_delimiters(tokens, &mut partners);
    partners
}

/// `]` pairs with the nearest open `[`; after a link, earlier `[` cannot start a link (no links
/// inside links).
fn match_brackets(tokens: &[Token], partners: &mut [Option<usize>]) {
    let mut openers: Vec<(usize, bool)> = Vec::new();
    // Plain `[` openers below this stack height are inactive.
    let mut active_floor = 0;
    for (index, token) in tokens.iter().enumerate() {
        match token {
            Token::OpenBracket { image } => openers.push((index, *image)),
            Token::CloseBracket { destination, .. } => {
                let Some((opener, image)) = openers.pop() else {
                    continue;
                };
                let inactive = !image && openers.len() < active_floor;
                active_floor = active_floor.min(openers.len());
                if destination.is_some() && !inactive {
                    partners[opener] = Some(index);
                    partners[index] = Some(opener);
                    if !image {
                        active_floor = openers.len();
                    }
                }
            }
            _ => {}
        }
    }
}

/// Pairs runs of `*`/`_` of equal length inside the same link text, innermost first.
fn match_delimiters(tokens: &[Token], partners: &mut [Option<usize>]) {
    let mut stack: Vec<usize> = Vec::new();
    // For each open bracket scope: the stack height at its start, and its openers by kind.
    let mut scopes: Vec<(usize, [usize; 6])> = vec![(0, [0; 6])];
    for (index, token) in tokens.iter().enumerate() {
        match token {
            Token::OpenBracket { .. } if partners[index].is_some() => {
                scopes.push((stack.len(), [0; 6]))
            }
            Token::CloseBracket { .. } if partners[index].is_some() && scopes.len() > 1 => {
                if let Some((floor, _)) = scopes.pop() {
                    stack.truncate(floor);
                }
            }
            Token::Delimiter {
                character,
                length,
                can_open,
                can_close,
            } => {
                let kind = delimiter_kind(*character, *length);
                let Some((_, counts)) = scopes.last_mut() else {
                    continue;
                };
                if *can_close && counts[kind] > 0 {
                    while let Some(opener) = stack.pop() {
                        let opener_kind = match &tokens[opener] {
                            Token::Delimiter {
                                character, length, ..
                            } => delimiter_kind(*character, *length),
                            _ => continue,
                        };
                        counts[opener_kind] -= 1;
                        if opener_kind == kind {
                            partners[opener] = Some(index);
                            partners[index] = Some(opener);
                            break;
                        }
                    }
                } else if *can_open {
                    stack.push(index);
                    counts[kind] += 1;
                }
            }
            _ => {}
        }
    }
}

/// 0..6: `*` or `_`, times a run length of 1, 2 or 3 (longer runs never pair).
fn delimiter_kind(character: char, length: usize) -> usize {
    let character_part = if character == '*' { 0 } else { 3 };
    character_part + length.clamp(1, 3) - 1
}

/// Each token is read once (the ranges of nested calls never overlap; a link's closing bracket,
/// read for its address, is skipped after), so it is moved out of the list, not cloned: a clone
/// of `MathNode`'s tree would be compiled for this alone.
fn build_inlines(
    tokens: &mut [Token],
    partners: &[Option<usize>],
    range: Range<usize>,
    depth: usize,
    problems: &mut Vec<MarkupProblem>,
) -> Vec<Inline> {
    let flat = depth >= MAX_NESTING;
    if flat && !range.is_empty() {
        report(
            problems,
            "emphasis or links are nested too deeply; the inner part is shown as written"
                .to_string(),
        );
    }
    let mut inlines = Vec::new();
    let mut index = range.start;
    while index < range.end {
        let partner =
            partners[index].filter(|&partner| partner > index && partner < range.end && !flat);
        match (
            std::mem::replace(&mut tokens[index], Token::LineBreak),
            partner,
        ) {
            (Token::Text(text), _) => push_text(&mut inlines, &text),
            (Token::Code(code), _) => inlines.push(Inline::Code(code)),
            (Token::Math(node), _) => inlines.push(Inline::Math(node)),
            (Token::LineBreak, _) => inlines.push(Inline::LineBreak),
            (Token::Delimiter { length, .. }, Some(closer)) => {
                let children =
                    build_inlines(tokens, partners, index + 1..closer, depth + 1, problems);
                inlines.push(match length {
                    1 => Inline::Emphasis(children),
                    2 => Inline::Strong(children),
                    _ => Inline::Strong(vec![Inline::Emphasis(children)]),
                });
                index = closer;
            }
            (
                Token::Delimiter {
                    character, length, ..
                },
                None,
            ) => {
                // A loop, not `str::repeat` (compiled in for this and `\qquad` alone).
                let mut run = String::new();
                for _ in 0..length {
                    run.push(character);
                }
                push_text(&mut inlines, &run)
            }
            (Token::OpenBracket { image }, Some(closer)) => {
                let children =
                    build_inlines(tokens, partners, index + 1..closer, depth + 1, problems);
                let destination = match &tokens[closer] {
                    Token::CloseBracket {
                        destination: Some(destination),
                        ..
                    } => destination.as_str(),
                    _ => "",
                };
                push_link_or_text(&mut inlines, image, destination, children, problems);
                index = closer;
            }
            (Token::OpenBracket { image }, None) => {
                push_text(&mut inlines, if image { "![" } else { "[" })
            }
            (Token::CloseBracket { literal, .. }, _) => push_text(&mut inlines, &literal),
        }
        index += 1;
    }
    inlines
}

/// A link with an allowed address; otherwise its text. An image inside a line becomes its alt.
fn push_link_or_text(
    inlines: &mut Vec<Inline>,
    image: bool,
    destination: &str,
    children: Vec<Inline>,
    problems: &mut Vec<MarkupProblem>,
) {
    let allowed = is_allowed_url(destination);
    let what = if image { "image" } else { "link" };
    if !allowed {
        report(
            problems,
            format!(
                "the {what} address `{}` is not allowed (only http:, https:, mailto: and relative addresses); \
                 it is shown as plain text",
                excerpt(destination)
            ),
        );
    }
    if image {
        if allowed {
            let message = "an image inside a line of text is shown as its alt text; put `![alt](address)` on a line of its own";
            report(problems, message.to_string());
        }
        push_text(inlines, &plain_text_of_inlines(&children));
    } else if allowed {
        inlines.push(Inline::Link {
            href: destination.to_string(),
            children,
        });
    } else {
        for child in children {
            match child {
                Inline::Text(text) => push_text(inlines, &text),
                other => inlines.push(other),
            }
        }
    }
}

/// Appends text, joining it to the text before when there is one.
fn push_text(inlines: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match inlines.last_mut() {
        Some(Inline::Text(previous)) => previous.push_str(text),
        _ => inlines.push(Inline::Text(text.to_string())),
    }
}
