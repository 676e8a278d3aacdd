//! Bank Markdown to QTI 3.0 item body XHTML: the engine's own markup tree, written element by
//! element (never the text as HTML). Math becomes presentation MathML with the author's LaTeX
//! kept in a TeX annotation, so an importer (ours included) gets the LaTeX back as written.
//! `{{expression}}` of a template becomes a `qti-printed-variable` (through [`TemplateNames`]).

use adaptive_practice_engine::markup::{parse_inline, parse_markup, Block, Inline, MathNode};

/// Template expressions met in texts, each given a variable name (`a` stays `a`; `a * b`
/// becomes a derived `ap_1`).
#[derive(Debug, Default)]
pub struct TemplateNames {
    pub derived: Vec<(String, String)>,
}

impl TemplateNames {
    pub fn name_for(&mut self, expression: &str) -> String {
        let trimmed = expression.trim();
        if !trimmed.is_empty()
            && trimmed
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            return trimmed.to_string();
        }
        if let Some((name, _)) = self.derived.iter().find(|(_, known)| known == trimmed) {
            return name.clone();
        }
        let name = format!("ap_{}", self.derived.len() + 1);
        self.derived.push((name.clone(), trimmed.to_string()));
        name
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A block text (a prompt, a hint) as XHTML blocks.
pub fn blocks_xhtml(text: &str, names: &mut TemplateNames) -> String {
    let mut latex = math_sources(text);
    let mut out = String::new();
    for block in parse_markup(text) {
        write_block(&block, &mut out, &mut latex, names);
    }
    out
}

/// A one-line text (a choice) as inline XHTML.
pub fn inline_xhtml(text: &str, names: &mut TemplateNames) -> String {
    let mut latex = math_sources(text);
    let mut out = String::new();
    for inline in parse_inline(text) {
        write_inline(&inline, &mut out, &mut latex, names);
    }
    out
}

/// The LaTeX of each `$…$` / `$$…$$` of a text, in order (reversed, to pop).
pub(super) fn math_sources(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        match chars[index] {
            '\\' => index += 2,
            '$' => {
                let display = chars.get(index + 1) == Some(&'$');
                let delimiter = if display { 2 } else { 1 };
                let start = index + delimiter;
                let mut end = start;
                while end < chars.len() {
                    if chars[end] == '\\' {
                        end += 2;
                        continue;
                    }
                    if chars[end] == '$' && (!display || chars.get(end + 1) == Some(&'$')) {
                        break;
                    }
                    end += 1;
                }
                let end = end.min(chars.len());
                found.push(
                    chars[start..end]
                        .iter()
                        .collect::<String>()
                        .trim()
                        .to_string(),
                );
                index = end + delimiter;
            }
            _ => index += 1,
        }
    }
    found.reverse();
    found
}

fn write_block(
    block: &Block,
    out: &mut String,
    latex: &mut Vec<String>,
    names: &mut TemplateNames,
) {
    match block {
        Block::Paragraph(inlines) => {
            out.push_str("<p>");
            inlines
                .iter()
                .for_each(|inline| write_inline(inline, out, latex, names));
            out.push_str("</p>");
        }
        Block::Heading(level, inlines) => {
            let level = (*level).clamp(1, 3) + 1;
            out.push_str(&format!("<h{level}>"));
            inlines
                .iter()
                .for_each(|inline| write_inline(inline, out, latex, names));
            out.push_str(&format!("</h{level}>"));
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>"));
            for item in items {
                out.push_str("<li>");
                item.iter()
                    .for_each(|block| write_block(block, out, latex, names));
                out.push_str("</li>");
            }
            out.push_str(&format!("</{tag}>"));
        }
        Block::Quote(blocks) => {
            out.push_str("<blockquote>");
            blocks
                .iter()
                .for_each(|block| write_block(block, out, latex, names));
            out.push_str("</blockquote>");
        }
        Block::Code(code) => out.push_str(&format!("<pre>{}</pre>", escape(code))),
        Block::DisplayMath(math) => {
            out.push_str("<p>");
            write_math(math, true, out, latex);
            out.push_str("</p>");
        }
        Block::Image { src, alt } => out.push_str(&format!(
            "<p><img src=\"{}\" alt=\"{}\"/></p>",
            escape(src),
            escape(alt)
        )),
        Block::Audio { src, transcript } => out.push_str(&format!(
            "<p><audio src=\"{}\" controls=\"controls\">{}</audio></p>",
            escape(src),
            escape(transcript)
        )),
        Block::Rule => out.push_str("<hr/>"),
    }
}

fn write_inline(
    inline: &Inline,
    out: &mut String,
    latex: &mut Vec<String>,
    names: &mut TemplateNames,
) {
    match inline {
        Inline::Text(text) => write_text(text, out, names),
        Inline::Emphasis(children) => {
            out.push_str("<em>");
            children
                .iter()
                .for_each(|child| write_inline(child, out, latex, names));
            out.push_str("</em>");
        }
        Inline::Strong(children) => {
            out.push_str("<strong>");
            children
                .iter()
                .for_each(|child| write_inline(child, out, latex, names));
            out.push_str("</strong>");
        }
        Inline::Code(code) => out.push_str(&format!("<code>{}</code>", escape(code))),
        Inline::Math(math) => write_math(math, false, out, latex),
        Inline::Link { href, children } => {
            out.push_str(&format!("<a href=\"{}\">", escape(href)));
            children
                .iter()
                .for_each(|child| write_inline(child, out, latex, names));
            out.push_str("</a>");
        }
        Inline::LineBreak => out.push_str("<br/>"),
    }
}

/// Text, with `{{expression}}` as printed template variables.
fn write_text(text: &str, out: &mut String, names: &mut TemplateNames) {
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}").map(|end| end + start) else {
            break;
        };
        out.push_str(&escape(&rest[..start]));
        let name = names.name_for(&rest[start + 2..end]);
        out.push_str(&format!(
            "<qti-printed-variable identifier=\"{}\"/>",
            escape(&name)
        ));
        rest = &rest[end + 2..];
    }
    out.push_str(&escape(rest));
}

fn write_math(math: &MathNode, display: bool, out: &mut String, latex: &mut Vec<String>) {
    let display_attribute = if display { " display=\"block\"" } else { "" };
    out.push_str(&format!("<m:math{display_attribute}><m:semantics><m:mrow>"));
    write_math_node(math, out);
    out.push_str("</m:mrow>");
    if let Some(source) = latex.pop() {
        out.push_str(&format!(
            "<m:annotation encoding=\"application/x-tex\">{}</m:annotation>",
            escape(&source)
        ));
    }
    out.push_str("</m:semantics></m:math>");
}

fn write_math_node(node: &MathNode, out: &mut String) {
    let element = |out: &mut String, name: &str, children: &[&MathNode]| {
        out.push_str(&format!("<m:{name}>"));
        for child in children {
            write_math_node(child, out);
        }
        out.push_str(&format!("</m:{name}>"));
    };
    match node {
        MathNode::Row(children) => {
            out.push_str("<m:mrow>");
            children
                .iter()
                .for_each(|child| write_math_node(child, out));
            out.push_str("</m:mrow>");
        }
        MathNode::Number(text) => out.push_str(&format!("<m:mn>{}</m:mn>", escape(text))),
        MathNode::Identifier(text) => out.push_str(&format!("<m:mi>{}</m:mi>", escape(text))),
        MathNode::Operator(text) => out.push_str(&format!("<m:mo>{}</m:mo>", escape(text))),
        MathNode::Text(text) => out.push_str(&format!("<m:mtext>{}</m:mtext>", escape(text))),
        MathNode::Fraction(top, bottom) => element(out, "mfrac", &[top, bottom]),
        MathNode::Sqrt(inner) => element(out, "msqrt", &[inner]),
        MathNode::Root(radicand, index) => element(out, "mroot", &[radicand, index]),
        MathNode::Sup(base, sup) => element(out, "msup", &[base, sup]),
        MathNode::Sub(base, sub) => element(out, "msub", &[base, sub]),
        MathNode::SubSup(base, sub, sup) => element(out, "msubsup", &[base, sub, sup]),
        MathNode::Fenced { open, close, body } => {
            out.push_str("<m:mrow>");
            if !open.is_empty() {
                out.push_str(&format!("<m:mo>{}</m:mo>", escape(open)));
            }
            write_math_node(body, out);
            if !close.is_empty() {
                out.push_str(&format!("<m:mo>{}</m:mo>", escape(close)));
            }
            out.push_str("</m:mrow>");
        }
        MathNode::Overline(inner) => {
            out.push_str("<m:mover accent=\"true\">");
            write_math_node(inner, out);
            out.push_str("<m:mo>‾</m:mo></m:mover>");
        }
    }
}
