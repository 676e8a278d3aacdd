//! HTML (Moodle's question text, QTI's XHTML item bodies) to the bank's Markdown with LaTeX math,
//! safely: text is escaped so that nothing becomes markup by accident, only paragraphs, emphasis,
//! lists, headings, code, links with allowed addresses, images (through the caller's media
//! resolver) and math come through. MathML becomes LaTeX (`mathml.rs`); scripts, styles, event
//! handlers, forms and embedded objects are dropped, each with a note; a table is flattened to
//! one line per row with a note (the bank's Markdown has no tables).
//!
//! Both sources become the same small tree first: [`parse_html`] reads lenient HTML (unclosed
//! tags, void elements, entities), `qti.rs` builds the tree from its XML elements.

mod elements;
mod mathml;
mod parse;
#[cfg(test)]
mod tests;

use adaptive_practice_engine::markup::is_allowed_url;

use self::elements::{write_audio, write_image, write_list, write_math, write_script, write_table};

pub use self::mathml::mathml_to_latex;
pub use self::parse::{decode_entities, parse_html};
use crate::import::{ImportNote, NoteKind};

/// A node of the HTML tree.
#[derive(Debug, Clone, PartialEq)]
pub enum HtmlNode {
    Element(HtmlElement),
    Text(String),
    /// Markdown the caller already built (a gap marker `[[1]]`, a template value `{{a}}`): kept
    /// as it is, never escaped.
    Markdown(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlElement {
    /// The local name in lower case (`p`, `img`, `math`, `mfrac`).
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<HtmlNode>,
    /// Where the element is in its source (`line 12`), for notes; empty when unknown.
    pub position: String,
}

impl HtmlElement {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Whether the text becomes paragraphs (a prompt, a hint) or one line (a choice, a gap answer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextShape {
    Block,
    Inline,
}

/// What converting one text needs: where it is (for notes), the notes, and how an image address
/// becomes a media address (`None`: the image is missing; the resolver notes why).
pub struct HtmlContext<'a> {
    pub source: String,
    pub notes: &'a mut Vec<ImportNote>,
    pub resolve_image: &'a mut dyn FnMut(&str, &mut Vec<ImportNote>) -> Option<String>,
}

impl HtmlContext<'_> {
    pub(super) fn note(&mut self, kind: NoteKind, position: &str, message: String) {
        let source = if position.is_empty() {
            self.source.clone()
        } else {
            format!("{} ({position})", self.source)
        };
        let note = ImportNote {
            kind,
            source,
            message,
        };
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }
}

/// Converts HTML text (Moodle) to Markdown.
pub fn html_text_to_markdown(
    html: &str,
    shape: TextShape,
    context: &mut HtmlContext<'_>,
) -> String {
    html_to_markdown(&parse_html(html), shape, context)
}

/// Converts a tree to Markdown.
pub fn html_to_markdown(
    nodes: &[HtmlNode],
    shape: TextShape,
    context: &mut HtmlContext<'_>,
) -> String {
    let mut writer = BlockWriter::default();
    write_nodes(nodes, &mut writer, context, 0);
    let blocks = writer.finish();
    match shape {
        TextShape::Block => blocks.join("\n\n"),
        TextShape::Inline => {
            if blocks.len() > 1 || blocks.iter().any(|block| is_block_markup(block)) {
                context.note(
                    NoteKind::Changed,
                    "",
                    "paragraphs, lists or images in a one-line text (a choice, a gap) are run \
                     together on one line"
                        .into(),
                );
            }
            // One line is never read as a list or heading: no line-start escape is needed.
            blocks
                .iter()
                .map(|block| {
                    let line = block.replace("\\\n", " ").replace('\n', " ");
                    match line.strip_prefix('\\') {
                        Some(rest)
                            if rest.starts_with(['#', '>', '-', '+'])
                                || rest.starts_with(|c: char| c.is_ascii_digit()) =>
                        {
                            rest.to_string()
                        }
                        _ => line,
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        }
    }
}

fn is_block_markup(block: &str) -> bool {
    block.starts_with("![") || block.starts_with("- ") || block.starts_with("1. ")
}

/// Blocks being written: finished blocks and the paragraph being filled.
#[derive(Default)]
pub(super) struct BlockWriter {
    blocks: Vec<String>,
    paragraph: String,
}

impl BlockWriter {
    pub(super) fn inline(&mut self, text: &str) {
        self.paragraph.push_str(text);
    }

    pub(super) fn flush(&mut self) {
        let text = tidy_paragraph(&self.paragraph);
        if !text.is_empty() {
            self.blocks.push(text);
        }
        self.paragraph.clear();
    }

    pub(super) fn block(&mut self, block: String) {
        self.flush();
        if !block.trim().is_empty() {
            self.blocks.push(block);
        }
    }

    fn finish(mut self) -> Vec<String> {
        self.flush();
        self.blocks
    }
}

/// What `<br>` leaves in a paragraph being written (source newlines are spaces).
const LINE_BREAK: &str = "\u{2028}";

/// Collapses runs of spaces (a no-break space is kept, as HTML keeps it), trims each line, and escapes a line start that would read as a
/// list, heading or quote.
fn tidy_paragraph(text: &str) -> String {
    let lines: Vec<String> = text
        .split(['\n', '\u{2028}'])
        .map(|line| {
            let mut collapsed = String::new();
            for word in line
                .split([' ', '\t', '\r'])
                .filter(|word| !word.is_empty())
            {
                if !collapsed.is_empty() {
                    collapsed.push(' ');
                }
                collapsed.push_str(word);
            }
            escape_line_start(&collapsed)
        })
        .collect();
    // Hard line breaks inside a paragraph: a backslash at the line end; empty lines go.
    let kept: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|line| !line.is_empty())
        .collect();
    kept.join("\\\n")
}

fn escape_line_start(line: &str) -> String {
    let starts_block = line.starts_with(['#', '>', '-', '+'])
        || line.split_once(". ").is_some_and(|(number, _)| {
            !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
        });
    if starts_block {
        format!("\\{line}")
    } else {
        line.to_string()
    }
}

/// Elements dropped with their content, and why.
fn dropped_element(name: &str) -> Option<&'static str> {
    Some(match name {
        "script" | "noscript" => "a script is never run",
        "style" | "link" => "a style sheet is not kept",
        "iframe" | "object" | "embed" | "applet" | "frame" | "frameset" => {
            "embedded content is not kept"
        }
        "form" | "input" | "button" | "select" | "textarea" => "a form control is not kept",
        "video" | "canvas" | "svg" => {
            "video players, canvas and inline SVG are not kept (give the file as media)"
        }
        "head" | "title" | "meta" | "template" => return Some(""),
        _ => return None,
    })
}

fn write_nodes(
    nodes: &[HtmlNode],
    writer: &mut BlockWriter,
    context: &mut HtmlContext<'_>,
    depth: usize,
) {
    for node in nodes {
        match node {
            HtmlNode::Text(text) => writer.inline(&escape_text_with_tex(&text.replace('\n', " "))),
            HtmlNode::Markdown(markdown) => writer.inline(markdown),
            HtmlNode::Element(element) => write_element(element, writer, context, depth),
        }
    }
}

fn write_element(
    element: &HtmlElement,
    writer: &mut BlockWriter,
    context: &mut HtmlContext<'_>,
    depth: usize,
) {
    if depth > 40 {
        context.note(
            NoteKind::Changed,
            &element.position,
            "HTML nested more than 40 deep is kept as plain text".into(),
        );
        writer.inline(&escape_text(&plain_text(&element.children)));
        return;
    }
    if let Some(reason) = dropped_element(&element.name) {
        if !reason.is_empty() {
            context.note(
                NoteKind::Skipped,
                &element.position,
                format!("<{}> left out: {reason}", element.name),
            );
        }
        return;
    }
    if let Some((name, _)) = element
        .attributes
        .iter()
        .find(|(name, _)| name.to_ascii_lowercase().starts_with("on"))
    {
        context.note(
            NoteKind::Skipped,
            &element.position,
            format!(
                "the event handler {name} on <{}> is never run",
                element.name
            ),
        );
    }
    let inner = |context: &mut HtmlContext<'_>| inline_markdown(&element.children, context, depth);
    match element.name.as_str() {
        "p" | "div" | "section" | "article" | "header" | "footer" | "main" | "aside" | "figure"
        | "center" | "body" | "html" | "dl" | "dd" | "dt" | "figcaption" | "caption" => {
            writer.flush();
            write_nodes(&element.children, writer, context, depth + 1);
            writer.flush();
        }
        "br" => writer.inline(LINE_BREAK),
        "hr" => writer.block("---".into()),
        "em" | "i" | "cite" | "dfn" | "var" => wrap(writer, &inner(context), "*"),
        "strong" | "b" => wrap(writer, &inner(context), "**"),
        "code" | "kbd" | "samp" | "tt" => {
            let text = plain_text(&element.children).replace('`', "'");
            if !text.trim().is_empty() {
                writer.inline(&format!("`{}`", text.trim()));
            }
        }
        "pre" => {
            let text = plain_text(&element.children);
            writer.block(format!(
                "```\n{}\n```",
                text.trim_end().replace("```", "'''")
            ));
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = element.name[1..].parse::<usize>().unwrap_or(3).min(3);
            let text = inner(context);
            writer.block(format!("{} {}", "#".repeat(level), text.trim()));
        }
        "blockquote" => {
            let text = html_to_markdown(&element.children, TextShape::Block, context);
            let quoted: Vec<String> = text.lines().map(|line| format!("> {line}")).collect();
            writer.block(quoted.join("\n"));
        }
        "ul" | "ol" => write_list(element, writer, context, depth),
        "li" => {
            writer.flush();
            write_nodes(&element.children, writer, context, depth + 1);
            writer.flush();
        }
        "img" => write_image(element, writer, context),
        "audio" => write_audio(element, writer, context),
        "a" => {
            let text = inner(context);
            match element.attribute("href") {
                Some(href) if is_allowed_url(href) && !text.trim().is_empty() => {
                    writer.inline(&format!("[{}]({href})", text.trim()));
                }
                Some(href) => {
                    if !is_allowed_url(href) {
                        context.note(
                            NoteKind::Changed,
                            &element.position,
                            format!(
                                "the link to {href:?} is not an allowed address; its text is kept"
                            ),
                        );
                    }
                    writer.inline(&text);
                }
                None => writer.inline(&text),
            }
        }
        "sup" | "sub" => write_script(element, writer, context),
        "table" => write_table(element, writer, context, depth),
        "math" => write_math(element, writer, context),
        _ => write_nodes(&element.children, writer, context, depth + 1),
    }
}

pub(super) fn inline_markdown(
    nodes: &[HtmlNode],
    context: &mut HtmlContext<'_>,
    depth: usize,
) -> String {
    let mut writer = BlockWriter::default();
    write_nodes(nodes, &mut writer, context, depth + 1);
    let blocks = writer.finish();
    blocks.join(" ")
}

fn wrap(writer: &mut BlockWriter, text: &str, marker: &str) {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        writer.inline(text);
        return;
    }
    let leading = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trailing = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    writer.inline(&format!("{leading}{marker}{trimmed}{marker}{trailing}"));
}

/// The text of nodes without markup.
pub fn plain_text(nodes: &[HtmlNode]) -> String {
    let mut text = String::new();
    for node in nodes {
        match node {
            HtmlNode::Text(part) | HtmlNode::Markdown(part) => text.push_str(part),
            HtmlNode::Element(element) if element.name == "br" => text.push('\n'),
            HtmlNode::Element(element) if dropped_element(&element.name).is_none() => {
                text.push_str(&plain_text(&element.children));
            }
            HtmlNode::Element(_) => {}
        }
    }
    text
}

/// Source text without the brackets `⟦ ⟧` the importers use as markers (gaps, parts): a source
/// that holds them cannot pass for a marker.
pub fn without_markers(text: &str) -> String {
    text.replace('⟦', "〚").replace('⟧', "〛")
}

/// A piece of running text with Markdown's inline special characters escaped, so it shows as
/// written. Unlike `import::escape_markdown` (a whole text), line starts are left to the
/// paragraph writer: a fragment in the middle of a line (`0.4` in a cell) stays as it is.
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in text.chars() {
        let special =
            matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '$') || (c == '{' && previous == '{');
        if special {
            escaped.push('\\');
        }
        escaped.push(c);
        previous = c;
    }
    escaped
}

/// Text that may hold TeX as Moodle's filters read it (`\(…\)`, `\[…\]`, `$$…$$`): the math is
/// kept as the bank's `$…$` / `$$…$$`, the rest escaped.
fn escape_text_with_tex(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    loop {
        let next = [("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$")]
            .iter()
            .filter_map(|(open, close)| {
                let start = rest.find(open)?;
                let end = rest[start + open.len()..].find(close)? + start + open.len();
                Some((start, end, open.len(), close.len()))
            })
            .min_by_key(|(start, ..)| *start);
        match next {
            Some((start, end, open_len, close_len)) => {
                out.push_str(&escape_text(&rest[..start]));
                let latex = rest[start + open_len..end].trim().replace('\n', " ");
                out.push_str(&format!("${latex}$"));
                rest = &rest[end + close_len..];
            }
            None => {
                out.push_str(&escape_text(rest));
                return out;
            }
        }
    }
}
