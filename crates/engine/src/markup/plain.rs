//! Markup trees as plain text, for aria-labels, summaries and tests.
//!
//! Math is written linearly (`(x+1)/2`, `√(2)`, `x^2`), which is also how a person would type it.

use super::{Block, Inline, MathNode};

/// The text of blocks without markup: one line per block, list items on lines of their own.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut lines = Vec::new();
    push_block_lines(blocks, &mut lines);
    crate::text_rules::join_texts(&lines, "\n")
}

/// The text of inlines without markup; a line break becomes a newline.
pub fn plain_text_of_inlines(inlines: &[Inline]) -> String {
    let mut text = String::new();
    push_inlines(inlines, &mut text);
    text
}

/// Math written linearly, e.g. `(x+1)/2`.
pub fn plain_text_of_math(node: &MathNode) -> String {
    let mut text = String::new();
    push_math(node, &mut text);
    text
}

fn push_block_lines(blocks: &[Block], lines: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) | Block::Heading(_, inlines) => {
                lines.push(plain_text_of_inlines(inlines))
            }
            Block::List { items, .. } => {
                for item in items {
                    push_block_lines(item, lines);
                }
            }
            Block::Quote(inner) => push_block_lines(inner, lines),
            Block::Code(code) => lines.push(code.clone()),
            Block::DisplayMath(node) => lines.push(plain_text_of_math(node)),
            Block::Image { alt, .. } => lines.push(alt.clone()),
            Block::Audio { transcript, .. } => lines.push(transcript.clone()),
            Block::Rule => {}
        }
    }
}

fn push_inlines(inlines: &[Inline], text: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(content) | Inline::Code(content) => text.push_str(content),
            Inline::Emphasis(children)
            | Inline::Strong(children)
            | Inline::Link { children, .. } => push_inlines(children, text),
            Inline::Math(node) => push_math(node, text),
            Inline::LineBreak => text.push('\n'),
        }
    }
}

fn push_math(node: &MathNode, text: &mut String) {
    match node {
        MathNode::Row(children) => {
            for child in children {
                push_math(child, text);
            }
        }
        MathNode::Number(content)
        | MathNode::Identifier(content)
        | MathNode::Operator(content)
        | MathNode::Text(content) => text.push_str(content),
        MathNode::Fraction(numerator, denominator) => {
            push_math_operand(numerator, text);
            text.push('/');
            push_math_operand(denominator, text);
        }
        MathNode::Sqrt(radicand) => {
            text.push('√');
            push_math_in_parentheses(radicand, text);
        }
        MathNode::Root(radicand, index) => {
            text.push_str("root(");
            push_math(index, text);
            text.push_str(", ");
            push_math(radicand, text);
            text.push(')');
        }
        MathNode::Sup(base, superscript) => {
            push_math_operand(base, text);
            text.push('^');
            push_math_operand(superscript, text);
        }
        MathNode::Sub(base, subscript) => {
            push_math_operand(base, text);
            text.push('_');
            push_math_operand(subscript, text);
        }
        MathNode::SubSup(base, subscript, superscript) => {
            push_math_operand(base, text);
            text.push('_');
            push_math_operand(subscript, text);
            text.push('^');
            push_math_operand(superscript, text);
        }
        MathNode::Fenced { open, close, body } => {
            text.push_str(open);
            push_math(body, text);
            text.push_str(close);
        }
        MathNode::Overline(body) => {
            // A combining overline after each character: 0.3̅ for a repeating decimal.
            for character in plain_text_of_math(body).chars() {
                text.push(character);
                text.push('\u{305}');
            }
        }
    }
}

/// An operand of `/`, `^` or `_`, in parentheses unless it is one plain number or one name
/// (`$\frac{V}{WH}$` is `V/(WH)`: `WH` is a product).
fn push_math_operand(node: &MathNode, text: &mut String) {
    fn single(node: &MathNode) -> bool {
        match node {
            MathNode::Row(children) => children.len() == 1 && single(&children[0]),
            MathNode::Number(_) | MathNode::Identifier(_) | MathNode::Text(_) => true,
            _ => false,
        }
    }
    let operand = plain_text_of_math(node);
    if single(node)
        && operand
            .chars()
            .all(|c| crate::text_rules::is_letter_or_number(c) || c == '.')
        && !operand.is_empty()
    {
        text.push_str(&operand);
    } else {
        text.push('(');
        text.push_str(&operand);
        text.push(')');
    }
}

fn push_math_in_parentheses(node: &MathNode, text: &mut String) {
    text.push('(');
    push_math(node, text);
    text.push(')');
}
