//! The HTML elements that need more than a wrapper: lists, images, audio, super- and subscripts,
//! tables and MathML, each written into the paragraph being built or as a block of its own.

use adaptive_practice_engine::markup::check_inline_markup;

use super::{
    escape_text, html_to_markdown, inline_markdown, mathml_to_latex, plain_text, BlockWriter,
    HtmlContext, HtmlElement, HtmlNode, TextShape,
};
use crate::import::NoteKind;

pub(super) fn write_list(
    element: &HtmlElement,
    writer: &mut BlockWriter,
    context: &mut HtmlContext<'_>,
    depth: usize,
) {
    let ordered = element.name == "ol";
    let mut lines = Vec::new();
    let mut number = 0;
    for child in &element.children {
        let HtmlNode::Element(item) = child else {
            continue;
        };
        if item.name != "li" {
            continue;
        }
        number += 1;
        let text = html_to_markdown(&item.children, TextShape::Block, context);
        let marker = if ordered {
            format!("{number}. ")
        } else {
            "- ".to_string()
        };
        let indent = " ".repeat(marker.len());
        let mut item_lines = text.lines();
        let first = item_lines.next().unwrap_or_default();
        lines.push(format!("{marker}{first}"));
        for line in item_lines {
            lines.push(if line.is_empty() {
                String::new()
            } else {
                format!("{indent}{line}")
            });
        }
    }
    let _ = depth;
    writer.block(lines.join("\n"));
}

pub(super) fn write_image(
    element: &HtmlElement,
    writer: &mut BlockWriter,
    context: &mut HtmlContext<'_>,
) {
    let Some(src) = element.attribute("src") else {
        context.note(
            NoteKind::Skipped,
            &element.position,
            "an image without an address".into(),
        );
        return;
    };
    let Some(address) = (context.resolve_image)(src, context.notes) else {
        return;
    };
    let alt = element
        .attribute("alt")
        .map(|alt| alt.trim().to_string())
        .filter(|alt| !alt.is_empty())
        .unwrap_or_else(|| {
            context.note(
                NoteKind::Changed,
                &element.position,
                format!("the image {src} has no alt text; used \"Image\" (write a better one)"),
            );
            "Image".to_string()
        });
    let alt = alt.replace(['[', ']'], "");
    writer.block(format!("![{alt}]({address})"));
}

/// `<audio src>` with its transcript as content: the bank's `![audio: transcript](file)`.
pub(super) fn write_audio(
    element: &HtmlElement,
    writer: &mut BlockWriter,
    context: &mut HtmlContext<'_>,
) {
    let source = element.attribute("src").map(str::to_string).or_else(|| {
        element.children.iter().find_map(|child| match child {
            HtmlNode::Element(source) if source.name == "source" => {
                source.attribute("src").map(str::to_string)
            }
            _ => None,
        })
    });
    let Some(src) = source else {
        context.note(
            NoteKind::Skipped,
            &element.position,
            "an audio without a file".into(),
        );
        return;
    };
    let Some(address) = (context.resolve_image)(&src, context.notes) else {
        return;
    };
    let transcript = plain_text(&element.children).trim().replace(['[', ']'], "");
    let transcript = if transcript.is_empty() {
        context.note(
            NoteKind::Changed,
            &element.position,
            format!("the audio {src} has no transcript; used \"Audio\""),
        );
        "Audio".to_string()
    } else {
        transcript
    };
    writer.block(format!("![audio: {transcript}]({address})"));
}

/// `x<sup>2</sup>`: Unicode superscript digits when every character has one, else `^(…)`.
pub(super) fn write_script(
    element: &HtmlElement,
    writer: &mut BlockWriter,
    context: &mut HtmlContext<'_>,
) {
    let text = plain_text(&element.children);
    let (table, marker): (&[(char, char)], &str) = if element.name == "sup" {
        (SUPERSCRIPTS, "^")
    } else {
        (SUBSCRIPTS, "\\_")
    };
    let mapped: Option<String> = text
        .chars()
        .map(|c| table.iter().find(|(from, _)| *from == c).map(|(_, to)| *to))
        .collect();
    match mapped {
        Some(mapped) if !mapped.is_empty() => writer.inline(&mapped),
        _ if text.trim().is_empty() => {}
        _ => {
            context.note(
                NoteKind::Changed,
                &element.position,
                format!(
                    "<{}>{}</{}> written as {marker}({}) (use math for powers and indices)",
                    element.name,
                    text.trim(),
                    element.name,
                    text.trim()
                ),
            );
            writer.inline(&format!("{marker}({})", escape_text(text.trim())));
        }
    }
}

const SUPERSCRIPTS: &[(char, char)] = &[
    ('0', '⁰'),
    ('1', '¹'),
    ('2', '²'),
    ('3', '³'),
    ('4', '⁴'),
    ('5', '⁵'),
    ('6', '⁶'),
    ('7', '⁷'),
    ('8', '⁸'),
    ('9', '⁹'),
    ('+', '⁺'),
    ('-', '⁻'),
    ('−', '⁻'),
    ('n', 'ⁿ'),
];

const SUBSCRIPTS: &[(char, char)] = &[
    ('0', '₀'),
    ('1', '₁'),
    ('2', '₂'),
    ('3', '₃'),
    ('4', '₄'),
    ('5', '₅'),
    ('6', '₆'),
    ('7', '₇'),
    ('8', '₈'),
    ('9', '₉'),
    ('+', '₊'),
    ('-', '₋'),
];

pub(super) fn write_table(
    element: &HtmlElement,
    writer: &mut BlockWriter,
    context: &mut HtmlContext<'_>,
    depth: usize,
) {
    let mut rows = Vec::new();
    collect_rows(element, &mut rows);
    let mut lines = Vec::new();
    for row in rows {
        let cells: Vec<String> = match row {
            TableLine::Row(children) => children
                .iter()
                .map(|node| match node {
                    HtmlNode::Element(cell) if cell.name == "td" || cell.name == "th" => {
                        inline_markdown(&cell.children, context, depth)
                    }
                    // Text a broken row has between its cells is a cell of its own.
                    other => inline_markdown(std::slice::from_ref(*other), context, depth),
                })
                .collect(),
            TableLine::Other(nodes) => {
                let nodes: Vec<HtmlNode> = nodes.into_iter().cloned().collect();
                vec![inline_markdown(&nodes, context, depth)]
            }
        };
        let cells: Vec<String> = cells
            .iter()
            .map(|cell| cell.trim().to_string())
            .filter(|cell| !cell.is_empty())
            .collect();
        if !cells.is_empty() {
            lines.push(cells.join(" | "));
        }
    }
    context.note(
        NoteKind::Changed,
        &element.position,
        "a table is written as one line per row, cells separated by |".into(),
    );
    writer.block(lines.join("\\\n"));
}

/// One line of a flattened table: a row's children, or what the table holds outside its rows
/// (a caption, or text a broken table has between its rows), kept, never dropped.
enum TableLine<'a> {
    Row(Vec<&'a HtmlNode>),
    Other(Vec<&'a HtmlNode>),
}

fn collect_rows<'a>(element: &'a HtmlElement, rows: &mut Vec<TableLine<'a>>) {
    for child in &element.children {
        match child {
            HtmlNode::Element(row) if row.name == "tr" => {
                rows.push(TableLine::Row(row.children.iter().collect()));
            }
            HtmlNode::Element(section)
                if matches!(section.name.as_str(), "thead" | "tbody" | "tfoot") =>
            {
                collect_rows(section, rows);
            }
            HtmlNode::Element(caption) if caption.name == "caption" => {
                rows.push(TableLine::Other(vec![child]));
            }
            other => match rows.last_mut() {
                Some(TableLine::Other(nodes)) if !matches!(nodes.first(), Some(HtmlNode::Element(first)) if first.name == "caption") =>
                {
                    nodes.push(other);
                }
                _ => rows.push(TableLine::Other(vec![other])),
            },
        }
    }
}

pub(super) fn write_math(
    element: &HtmlElement,
    writer: &mut BlockWriter,
    context: &mut HtmlContext<'_>,
) {
    match mathml_to_latex(element) {
        Ok(latex) => {
            let problems = check_inline_markup(&format!("${latex}$"));
            if let Some(problem) = problems.first() {
                context.note(
                    NoteKind::Changed,
                    &element.position,
                    format!("the math ${latex}$ may not show as written: {problem}"),
                );
            }
            if element.attribute("display") == Some("block") {
                writer.block(format!("$${latex}$$"));
            } else {
                writer.inline(&format!("${latex}$"));
            }
        }
        Err(reason) => {
            let text = plain_text(&element.children);
            context.note(
                NoteKind::Changed,
                &element.position,
                format!("MathML kept as plain text {:?}: {reason}", text.trim()),
            );
            writer.inline(&escape_text(&text));
        }
    }
}
