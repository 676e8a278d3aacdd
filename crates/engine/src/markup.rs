//! Bank text as a safe tree: a small Markdown subset with LaTeX math, parsed by hand.
//!
//! Authors write prompts, choices, hints, feedback and solutions as Markdown with `$…$` (inline)
//! and `$$…$$` (display) math. [`parse_markup`] turns that into [`Block`]s, [`Inline`]s and
//! [`MathNode`]s, which the widget renders as DOM nodes, math as MathML.
//!
//! Raw HTML is never interpreted: `<script>`, `<img onerror=…>`, comments and entities stay
//! literal text, and the renderer only ever builds text nodes from text. Links and images keep
//! only `http:`, `https:`, `mailto:` and relative addresses ([`is_allowed_url`]); any other link
//! becomes its plain text.
//!
//! Every function here is total: any input gives a tree, in time roughly linear in its length.
//! Text beyond [`MAX_TEXT_CHARS`] and nesting deeper than [`MAX_NESTING`] are kept as plain text.
//! [`check_markup`] reports what an author should fix (unbalanced math, unknown commands, images
//! without alt text, refused links).

mod blocks;
mod inline;
mod inline_tokens;
mod math;
mod math_symbols;
mod plain;
#[cfg(test)]
mod tests;

use crate::find_text::has_text;
use serde::{Deserialize, Serialize};

pub use plain::{plain_text, plain_text_of_inlines, plain_text_of_math};

/// Characters parsed as markup; the rest of a longer text is kept as one plain text paragraph.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// How deep lists, quotes, emphasis, links and math groups may nest before the rest is plain text.
pub const MAX_NESTING: usize = 32;
/// At most this many problems are reported for one text.
const MAX_PROBLEMS: usize = 20;

/// A block of bank text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A heading written with `#`, `##` or `###` (deeper levels count as 3).
    Heading(u8, Vec<Inline>),
    /// A list; every item is a list of blocks (usually one paragraph).
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    /// A fenced code block, shown as written.
    Code(String),
    DisplayMath(MathNode),
    /// `![alt](src)` on a line of its own. The address is always allowed by [`is_allowed_url`].
    Image {
        src: String,
        alt: String,
    },
    /// `![audio: transcript](file.mp3)` on a line of its own (`.mp3`, `.ogg`, `.wav`, `.m4a`).
    Audio {
        src: String,
        transcript: String,
    },
    Rule,
}

/// A run of text inside a block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Code(String),
    Math(MathNode),
    /// A link; `href` is always allowed by [`is_allowed_url`].
    Link {
        href: String,
        children: Vec<Inline>,
    },
    LineBreak,
}

/// Math, shaped like the MathML elements it becomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MathNode {
    /// `<mrow>`: a group, e.g. `{a+b}`.
    Row(Vec<MathNode>),
    /// `<mn>`: digits with at most one decimal point.
    Number(String),
    /// `<mi>`: a letter, a Greek letter or a function name such as `sin`.
    Identifier(String),
    /// `<mo>`: `+`, `−`, `=`, `×`, `(` and the like.
    Operator(String),
    /// `<mtext>`: `\text{…}` and spaces such as `\,` or `\quad`.
    Text(String),
    /// `\frac{numerator}{denominator}`.
    Fraction(Box<MathNode>, Box<MathNode>),
    Sqrt(Box<MathNode>),
    /// `\sqrt[index]{radicand}`, stored as (radicand, index) like `<mroot>`.
    Root(Box<MathNode>, Box<MathNode>),
    /// (base, superscript).
    Sup(Box<MathNode>, Box<MathNode>),
    /// (base, subscript).
    Sub(Box<MathNode>, Box<MathNode>),
    /// (base, subscript, superscript).
    SubSup(Box<MathNode>, Box<MathNode>, Box<MathNode>),
    /// `\left( … \right)`; an empty delimiter (`\left.`) is an empty string.
    Fenced {
        open: String,
        close: String,
        body: Box<MathNode>,
    },
    /// `\overline{…}` or `\bar{…}`, e.g. a repeating decimal.
    Overline(Box<MathNode>),
}

/// Something in a bank text that an author should fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkupProblem {
    pub message: String,
}

impl std::fmt::Display for MarkupProblem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message)
    }
}

/// Parses a whole text (a prompt, a hint, a solution) into blocks.
pub fn parse_markup(text: &str) -> Vec<Block> {
    parse_markup_with_problems(text).0
}

/// Parses a short text (a choice, a blank) as one line of inlines; line breaks are kept.
pub fn parse_inline(text: &str) -> Vec<Inline> {
    parse_inline_with_problems(text).0
}

/// What an author should fix in a text meant for [`parse_markup`].
pub fn check_markup(text: &str) -> Vec<MarkupProblem> {
    check_block_markup(text).problems
}

/// What an author should fix in a text meant for [`parse_inline`].
pub fn check_inline_markup(text: &str) -> Vec<MarkupProblem> {
    if cannot_have_problems(text) {
        return Vec::new();
    }
    parse_inline_with_problems(text).1
}

/// What the bank checker needs of a block text, from one parse.
#[derive(Debug, Default, PartialEq)]
pub struct BlockCheck {
    /// As [`check_markup`].
    pub problems: Vec<MarkupProblem>,
    /// The address of every image and audio, as written, in text order.
    pub media: Vec<String>,
}

/// The problems and media addresses of a text meant for [`parse_markup`], parsed once.
pub fn check_block_markup(text: &str) -> BlockCheck {
    if cannot_have_problems(text) {
        return BlockCheck::default();
    }
    let (blocks, problems) = parse_markup_with_problems(text);
    let mut media = Vec::new();
    collect_media(&blocks, &mut media);
    BlockCheck { problems, media }
}

fn collect_media(blocks: &[Block], addresses: &mut Vec<String>) {
    for block in blocks {
        match block {
            Block::Image { src, .. } | Block::Audio { src, .. } => addresses.push(src.clone()),
            Block::List { items, .. } => {
                items.iter().for_each(|item| collect_media(item, addresses))
            }
            Block::Quote(inner) => collect_media(inner, addresses),
            _ => {}
        }
    }
}

/// Whether a text parses with no problem and no media, seen without parsing it. Every problem
/// the parser reports needs one of a few ASCII characters or a text over [`MAX_TEXT_CHARS`]:
/// math needs `$`; a code fence `` ` `` or `~`; links, images and audio `[`; emphasis nested too
/// deeply `*` or `_`; lists and quotes nested [`MAX_NESTING`] deep a marker (`>`, `-`, `*`, `+`,
/// a number then `.` or `)`) per level, each at its own place in the text. So a text of at most
/// `MAX_TEXT_CHARS` bytes with none of `` $`~[*_ `` and fewer than `MAX_NESTING` of `>-+.)` has
/// none (the property tests compare this with the full parse).
fn cannot_have_problems(text: &str) -> bool {
    if text.len() > MAX_TEXT_CHARS {
        return false;
    }
    let mut markers = 0;
    for byte in text.bytes() {
        match byte {
            b'$' | b'`' | b'~' | b'[' | b'*' | b'_' => return false,
            b'>' | b'-' | b'+' | b'.' | b')' => markers += 1,
            _ => {}
        }
    }
    markers < MAX_NESTING
}

/// Whether an address may become a link or an image: `http:`, `https:`, `mailto:` or relative.
///
/// Conservative on purpose: any colon before the first `/`, `?` or `#` must belong to one of
/// the three schemes, and addresses with spaces, control characters or `&#` are refused
/// (browsers drop tabs and newlines inside URLs, so `java\tscript:` would otherwise slip by).
pub fn is_allowed_url(url: &str) -> bool {
    if url.is_empty() || url.chars().any(|c| c <= ' ' || c == '\u{7f}') || has_text(url, "&#") {
        return false;
    }
    let first_segment_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    match url[..first_segment_end].find(':') {
        None => true,
        Some(colon) => {
            let scheme = url[..colon].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
    }
}

fn parse_markup_with_problems(text: &str) -> (Vec<Block>, Vec<MarkupProblem>) {
    let mut problems = Vec::new();
    let (parsed_part, rest) = split_at_char_limit(text, MAX_TEXT_CHARS);
    let normalized = normalize_line_endings(parsed_part);
    // The lines by a loop, as `split('\n')` gives them (an empty last one after a final line
    // break), not `collect` (compiled with the splitter on its own).
    let mut lines: Vec<&str> = Vec::new();
    let mut start = 0;
    for (index, byte) in normalized.bytes().enumerate() {
        if byte == b'\n' {
            lines.push(&normalized[start..index]);
            start = index + 1;
        }
    }
    lines.push(&normalized[start..]);
    let mut blocks = blocks::parse_blocks(&lines, 0, &mut problems);
    if !rest.is_empty() {
        report_too_long(&mut problems);
        blocks.push(Block::Paragraph(vec![Inline::Text(rest.to_string())]));
    }
    (blocks, problems)
}

fn parse_inline_with_problems(text: &str) -> (Vec<Inline>, Vec<MarkupProblem>) {
    let mut problems = Vec::new();
    let (parsed_part, rest) = split_at_char_limit(text, MAX_TEXT_CHARS);
    let normalized = normalize_line_endings(parsed_part);
    let mut inlines = inline::parse_inlines(normalized.trim(), &mut problems);
    if !rest.is_empty() {
        report_too_long(&mut problems);
        inlines.push(Inline::Text(rest.to_string()));
    }
    (inlines, problems)
}

fn split_at_char_limit(text: &str, limit: usize) -> (&str, &str) {
    match text.char_indices().nth(limit) {
        Some((byte_index, _)) => text.split_at(byte_index),
        None => (text, ""),
    }
}

/// `\r\n` and a lone `\r` become `\n`.
fn normalize_line_endings(text: &str) -> String {
    let mut normalized = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        if character == '\r' {
            characters.next_if_eq(&'\n');
            normalized.push('\n');
        } else {
            normalized.push(character);
        }
    }
    normalized
}

fn report_too_long(problems: &mut Vec<MarkupProblem>) {
    report(
        problems,
        format!(
            "the text is longer than {MAX_TEXT_CHARS} characters; the rest is shown as plain text"
        ),
    );
}

/// Adds a problem unless it is already there or the text already has [`MAX_PROBLEMS`].
fn report(problems: &mut Vec<MarkupProblem>, message: String) {
    if problems.len() < MAX_PROBLEMS && !problems.iter().any(|problem| problem.message == message) {
        problems.push(MarkupProblem { message });
    }
}

/// The start of a text for a message, at most 40 characters.
fn excerpt(text: &str) -> String {
    let (start, rest) = split_at_char_limit(text, 40);
    if rest.is_empty() {
        start.to_string()
    } else {
        format!("{start}…")
    }
}
