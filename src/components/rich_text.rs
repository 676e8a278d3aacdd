//! Bank text on screen: Markdown with LaTeX math, parsed by the engine, built as DOM nodes.
//!
//! Every node is made with `html!`, and bank text only ever becomes text nodes or attribute
//! values, never HTML, so nothing a bank contains can run. Links and images carry only addresses
//! the engine allowed (`is_allowed_url`, checked again here). Math is MathML: yew 0.23 creates a `<math>` element,
//! and every element inside one, with `createElementNS` in the MathML namespace
//! (`VTag::create_element` in yew's `dom_bundle/btag/mod.rs`), so browsers render it natively.

use adaptive_practice_engine::markup::{is_allowed_url, parse_inline, parse_markup, Block, Inline, MathNode};
use yew::prelude::*;

/// The label before an audio transcript. It belongs in `messages.rs` with every other sentence.
const TRANSCRIPT_LABEL: &str = "Transcript: ";

#[derive(Properties, PartialEq)]
pub struct RichTextProps {
    /// Bank text: Markdown with `$…$` and `$$…$$` math.
    pub text: AttrValue,
    /// For short texts (choices, blanks): inlines only, inside a `<span>` instead of a `<div>`.
    #[prop_or_default]
    pub inline: bool,
    #[prop_or_default]
    pub class: Classes,
}

/// Renders bank text; parsing happens again only when the text changes.
#[component]
pub fn RichText(props: &RichTextProps) -> Html {
    let content = use_memo((props.text.clone(), props.inline), |(text, inline)| {
        if *inline {
            render_inlines(&parse_inline(text))
        } else {
            render_blocks(&parse_markup(text))
        }
    });
    let class = classes!("ap-rich", props.class.clone());
    if props.inline {
        html! { <span {class}>{ (*content).clone() }</span> }
    } else {
        html! { <div {class}>{ (*content).clone() }</div> }
    }
}

/// A short text (a choice, a blank) as inlines, for places where a component is not wanted.
pub fn inline_text(text: &str) -> Html {
    html! { <span class="ap-rich">{ render_inlines(&parse_inline(text)) }</span> }
}

/// A longer text (a prompt, a hint, a solution) as blocks, for places where a component is not
/// wanted. Unlike [`RichText`], it parses again on every render.
pub fn block_text(text: &str) -> Html {
    html! { <div class="ap-rich">{ render_blocks(&parse_markup(text)) }</div> }
}

fn render_blocks(blocks: &[Block]) -> Html {
    blocks.iter().map(render_block).collect()
}

fn render_block(block: &Block) -> Html {
    match block {
        Block::Paragraph(inlines) => html! { <p>{ render_inlines(inlines) }</p> },
        // The widget's title is an h2, so bank headings start at h3.
        Block::Heading(level, inlines) => {
            let children = render_inlines(inlines);
            match level {
                1 => html! { <h3 class="ap-rich-heading">{ children }</h3> },
                2 => html! { <h4 class="ap-rich-heading">{ children }</h4> },
                _ => html! { <h5 class="ap-rich-heading">{ children }</h5> },
            }
        }
        Block::List { ordered, items } => {
            let items: Html = items.iter().map(|item| html! { <li>{ render_list_item(item) }</li> }).collect();
            if *ordered {
                html! { <ol>{ items }</ol> }
            } else {
                html! { <ul>{ items }</ul> }
            }
        }
        Block::Quote(inner) => html! { <blockquote>{ render_blocks(inner) }</blockquote> },
        Block::Code(code) => html! { <pre class="ap-rich-code"><code>{ code.clone() }</code></pre> },
        Block::DisplayMath(node) => {
            html! { <math class="ap-math" display="block">{ render_math(node) }</math> }
        }
        Block::Image { src, alt } if is_allowed_url(src) => {
            html! { <img class="ap-rich-image" src={src.clone()} alt={alt.clone()} loading="lazy" /> }
        }
        Block::Audio { src, transcript } if is_allowed_url(src) => html! {
            <figure class="ap-rich-audio">
                <audio controls=true preload="none" src={src.clone()}></audio>
                <figcaption class="ap-rich-transcript">{ TRANSCRIPT_LABEL }{ transcript.clone() }</figcaption>
            </figure>
        },
        Block::Image { alt: text, .. } | Block::Audio { transcript: text, .. } => html! { <p>{ text.clone() }</p> },
        Block::Rule => html! { <hr /> },
    }
}

/// A list item that is one paragraph shows its text directly, without a `<p>` (a tight list).
fn render_list_item(item: &[Block]) -> Html {
    match item {
        [Block::Paragraph(inlines)] => render_inlines(inlines),
        _ => render_blocks(item),
    }
}

fn render_inlines(inlines: &[Inline]) -> Html {
    inlines.iter().map(render_inline).collect()
}

fn render_inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => Html::from(text.as_str()),
        Inline::Emphasis(children) => html! { <em>{ render_inlines(children) }</em> },
        Inline::Strong(children) => html! { <strong>{ render_inlines(children) }</strong> },
        Inline::Code(code) => html! { <code>{ code.clone() }</code> },
        Inline::Math(node) => html! { <math class="ap-math">{ render_math(node) }</math> },
        Inline::Link { href, children } if is_allowed_url(href) => html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ render_inlines(children) }</a>
        },
        Inline::Link { children, .. } => render_inlines(children),
        Inline::LineBreak => html! { <br /> },
    }
}

/// One MathML element per node; each argument of `<mfrac>`, `<msup>`… is exactly one element.
fn render_math(node: &MathNode) -> Html {
    match node {
        MathNode::Row(children) => html! { <mrow>{ for children.iter().map(render_math) }</mrow> },
        MathNode::Number(text) => html! { <mn>{ text.clone() }</mn> },
        MathNode::Identifier(text) => html! { <mi>{ text.clone() }</mi> },
        MathNode::Operator(text) => html! { <mo>{ text.clone() }</mo> },
        MathNode::Text(text) => html! { <mtext>{ text.clone() }</mtext> },
        MathNode::Fraction(numerator, denominator) => {
            html! { <mfrac>{ render_math(numerator) }{ render_math(denominator) }</mfrac> }
        }
        MathNode::Sqrt(radicand) => html! { <msqrt>{ render_math(radicand) }</msqrt> },
        MathNode::Root(radicand, index) => html! { <mroot>{ render_math(radicand) }{ render_math(index) }</mroot> },
        MathNode::Sup(base, superscript) => html! { <msup>{ render_math(base) }{ render_math(superscript) }</msup> },
        MathNode::Sub(base, subscript) => html! { <msub>{ render_math(base) }{ render_math(subscript) }</msub> },
        MathNode::SubSup(base, subscript, superscript) => html! {
            <msubsup>{ render_math(base) }{ render_math(subscript) }{ render_math(superscript) }</msubsup>
        },
        MathNode::Fenced { open, close, body } => html! {
            <mrow>{ render_fence(open) }{ render_math(body) }{ render_fence(close) }</mrow>
        },
        MathNode::Overline(body) => html! {
            <mover accent="true">{ render_math(body) }<mo stretchy="true">{ "\u{203e}" }</mo></mover>
        },
    }
}

/// A stretchy delimiter of `\left … \right`; the empty delimiter `.` shows nothing.
fn render_fence(delimiter: &str) -> Html {
    if delimiter.is_empty() {
        return html! {};
    }
    html! { <mo fence="true" stretchy="true">{ delimiter.to_string() }</mo> }
}
