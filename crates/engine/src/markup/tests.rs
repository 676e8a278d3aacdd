//! Markup tests: each is one call to a `check*` helper with a text and its expected outline.
//! Update the expected outlines with `UPDATE_EXPECT=1 cargo test -p adaptive-practice-engine markup`.

use expect_test::Expect;

use super::math::parse_math;
use super::{
    check_inline_markup, check_markup, is_allowed_url, parse_inline, parse_markup, plain_text,
    Block, Inline, MathNode, MAX_TEXT_CHARS,
};

/// The blocks of `text` as an indented outline, then its problems.
fn check(text: &str, expect: Expect) {
    let mut outline = String::new();
    write_blocks(&parse_markup(text), 0, &mut outline);
    for problem in check_markup(text) {
        outline.push_str(&format!("problem: {problem}\n"));
    }
    expect.assert_eq(&outline);
}

/// The inlines of a short text as an outline, then its problems.
fn check_inline(text: &str, expect: Expect) {
    let mut outline = String::new();
    write_inlines(&parse_inline(text), 0, &mut outline);
    for problem in check_inline_markup(text) {
        outline.push_str(&format!("problem: {problem}\n"));
    }
    expect.assert_eq(&outline);
}

/// Math source as a compact expression, then its problems.
fn check_math(source: &str, expect: Expect) {
    let mut problems = Vec::new();
    let mut outline = math_expression(&parse_math(source, &mut problems));
    for problem in problems {
        outline.push_str(&format!("\nproblem: {problem}"));
    }
    expect.assert_eq(&outline);
}

fn check_plain(text: &str, expect: Expect) {
    expect.assert_eq(&plain_text(&parse_markup(text)));
}

fn write_line(depth: usize, line: &str, outline: &mut String) {
    outline.push_str(&"  ".repeat(depth));
    outline.push_str(line);
    outline.push('\n');
}

fn write_blocks(blocks: &[Block], depth: usize, outline: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => {
                write_line(depth, "paragraph", outline);
                write_inlines(inlines, depth + 1, outline);
            }
            Block::Heading(level, inlines) => {
                write_line(depth, &format!("heading {level}"), outline);
                write_inlines(inlines, depth + 1, outline);
            }
            Block::List { ordered, items } => {
                write_line(
                    depth,
                    if *ordered {
                        "list ordered"
                    } else {
                        "list bullets"
                    },
                    outline,
                );
                for item in items {
                    write_line(depth + 1, "item", outline);
                    write_blocks(item, depth + 2, outline);
                }
            }
            Block::Quote(inner) => {
                write_line(depth, "quote", outline);
                write_blocks(inner, depth + 1, outline);
            }
            Block::Code(code) => write_line(depth, &format!("code {code:?}"), outline),
            Block::DisplayMath(node) => write_line(
                depth,
                &format!("display-math {}", math_expression(node)),
                outline,
            ),
            Block::Image { src, alt } => {
                write_line(depth, &format!("image src={src:?} alt={alt:?}"), outline)
            }
            Block::Audio { src, transcript } => write_line(
                depth,
                &format!("audio src={src:?} transcript={transcript:?}"),
                outline,
            ),
            Block::Rule => write_line(depth, "rule", outline),
        }
    }
}

fn write_inlines(inlines: &[Inline], depth: usize, outline: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => write_line(depth, &format!("{text:?}"), outline),
            Inline::Emphasis(children) => {
                write_line(depth, "em", outline);
                write_inlines(children, depth + 1, outline);
            }
            Inline::Strong(children) => {
                write_line(depth, "strong", outline);
                write_inlines(children, depth + 1, outline);
            }
            Inline::Code(code) => write_line(depth, &format!("code {code:?}"), outline),
            Inline::Math(node) => {
                write_line(depth, &format!("math {}", math_expression(node)), outline)
            }
            Inline::Link { href, children } => {
                write_line(depth, &format!("link {href:?}"), outline);
                write_inlines(children, depth + 1, outline);
            }
            Inline::LineBreak => write_line(depth, "br", outline),
        }
    }
}

fn math_expression(node: &MathNode) -> String {
    let list = |nodes: &[&MathNode]| {
        nodes
            .iter()
            .map(|node| math_expression(node))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match node {
        MathNode::Row(children) => format!("row({})", list(&children.iter().collect::<Vec<_>>())),
        MathNode::Number(text) => format!("n:{text}"),
        MathNode::Identifier(text) => format!("i:{text}"),
        MathNode::Operator(text) => format!("o:{text}"),
        MathNode::Text(text) => format!("t:{text:?}"),
        MathNode::Fraction(numerator, denominator) => {
            format!("frac({})", list(&[numerator, denominator]))
        }
        MathNode::Sqrt(radicand) => format!("sqrt({})", list(&[radicand])),
        MathNode::Root(radicand, index) => format!("root({})", list(&[radicand, index])),
        MathNode::Sup(base, superscript) => format!("sup({})", list(&[base, superscript])),
        MathNode::Sub(base, subscript) => format!("sub({})", list(&[base, subscript])),
        MathNode::SubSup(base, subscript, superscript) => {
            format!("subsup({})", list(&[base, subscript, superscript]))
        }
        MathNode::Fenced { open, close, body } => {
            format!("fenced({open:?}, {close:?}, {})", list(&[body]))
        }
        MathNode::Overline(body) => format!("overline({})", list(&[body])),
    }
}

mod blocks_and_inlines;
mod check_paths;
mod math_and_safety;

/// The packed tables of math commands: each name finds its own symbol, a name that only starts
/// or ends like one finds nothing, and every entry is a name of letters (its symbol none).
#[test]
fn math_command_tables() {
    use super::math_symbols::{
        find_command, FUNCTION_NAMES, IDENTIFIER_COMMANDS, OPERATOR_COMMANDS, TEXT_COMMANDS,
    };
    assert_eq!(find_command(OPERATOR_COMMANDS, "times"), Some("×"));
    assert_eq!(find_command(OPERATOR_COMMANDS, "le"), Some("≤"));
    assert_eq!(find_command(OPERATOR_COMMANDS, "leq"), Some("≤"));
    assert_eq!(find_command(OPERATOR_COMMANDS, "colon"), Some(":"));
    assert_eq!(find_command(OPERATOR_COMMANDS, "rceil"), Some("⌉"));
    assert_eq!(find_command(IDENTIFIER_COMMANDS, "alpha"), Some("α"));
    assert_eq!(find_command(IDENTIFIER_COMMANDS, "varnothing"), Some("∅"));
    assert_eq!(find_command(FUNCTION_NAMES, "sin"), Some(""));
    assert_eq!(find_command(FUNCTION_NAMES, "mod"), Some(""));
    assert_eq!(find_command(TEXT_COMMANDS, "operatorname"), Some(""));
    for missing in ["", "l", "lea", "time", "timesx", "alph", "Alpha", "si"] {
        assert_eq!(find_command(OPERATOR_COMMANDS, missing), None, "{missing}");
        assert_eq!(
            find_command(IDENTIFIER_COMMANDS, missing),
            None,
            "{missing}"
        );
        assert_eq!(find_command(FUNCTION_NAMES, missing), None, "{missing}");
    }
    for table in [OPERATOR_COMMANDS, IDENTIFIER_COMMANDS] {
        let mut count = 0;
        for entry in table.split(' ') {
            let letters = entry.bytes().take_while(u8::is_ascii_alphabetic).count();
            assert!(letters > 0 && letters < entry.len(), "{entry:?}");
            assert_eq!(entry[letters..].chars().count(), 1, "{entry:?}");
            count += 1;
        }
        assert!(count > 40);
    }
    for entry in FUNCTION_NAMES.split(' ').chain(TEXT_COMMANDS.split(' ')) {
        assert!(!entry.is_empty() && entry.bytes().all(|b| b.is_ascii_alphabetic()));
    }
}
