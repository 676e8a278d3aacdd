//! Bank text on screen: Markdown with LaTeX math, parsed by the engine, built as DOM nodes.
//!
//! Every node is made with `html!` or `VTag`, and bank text only ever becomes text nodes or
//! attribute values, never HTML, so nothing a bank contains can run. Links and images carry only
//! addresses the engine allowed (`is_allowed_url`, checked again here), and pictures and
//! recordings load only from the origins in `MediaBase` (no other site learns what is shown). Math is MathML: yew 0.23
//! creates a `<math>` element, and every element inside one, with `createElementNS` in the MathML
//! namespace (`VTag::create_element` in yew's `dom_bundle/btag/mod.rs`), so browsers render it
//! natively.

use adaptive_practice_engine::markup::{
    is_allowed_url, parse_inline, parse_markup, Block, Inline, MathNode,
};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::{VList, VTag};

use crate::components::mount_effect::use_effect_on;
use crate::components::practice::ScreenContext;
use crate::i18n::fill;

/// Where bank media may come from. `base` is the address relative media and links are resolved
/// against: the bank file's URL (a bank's `media/x.svg` sits next to the bank, not next to the
/// page), or the page's for an inline bank. `origins` are the origins media are loaded from: the
/// bank's own and those the host listed (`media-origins`). Provided by the practice screen.
#[derive(Clone, PartialEq, Default)]
pub struct MediaBase {
    pub base: AttrValue,
    pub origins: Rc<Vec<String>>,
}

/// The media address resolved, when its origin may be loaded; else `Err(site)`, the host name to
/// tell the learner. Nothing from another origin is ever put in an element, so the browser never
/// asks that site for it.
fn media_source(cx: &ScreenContext, address: &str) -> Result<String, String> {
    let resolved = resolve(&cx.media.base, address);
    match web_sys::Url::new(&resolved) {
        Ok(url) if cx.media.origins.iter().any(|o| *o == url.origin()) => Ok(resolved),
        Ok(url) => Err(url.host()),
        Err(_) => Err(address.to_string()),
    }
}

/// `address` resolved against `base` (unchanged when there is no base or it cannot be resolved).
fn resolve(base: &str, address: &str) -> String {
    if base.is_empty() {
        return address.to_string();
    }
    web_sys::Url::new_with_base(address, base)
        .map(|url| url.href())
        .unwrap_or_else(|_| address.to_string())
}

/// The origin of an address (`https://example.org` of `https://example.org/a/b.json`), `None`
/// when it is not an absolute URL with a host (`data:`, `about:blank`, text).
pub fn origin_of(address: &str) -> Option<String> {
    let origin = web_sys::Url::new(address).ok()?.origin();
    (origin != "null").then_some(origin)
}

/// Marks each formula box under `holder` (the practice screen's card) that is wider than its room
/// as a region the keyboard reaches (`tabindex=0`, `role=region`, a label), and unmarks one that
/// fits, after each render of the screen and when the window is resized (a phone turned). A box
/// that fits is no tab stop. One effect for the whole screen: the texts are drawn by plain
/// functions, not by a component of their own each.
#[hook]
pub fn use_wide_formulas_focusable(holder: &NodeRef, label: &'static str) {
    let holder = holder.clone();
    // A new key at each render: each rendering's number.
    let rendering = RENDERINGS.fetch_add(1, Ordering::Relaxed);
    use_effect_on(
        rendering,
        Box::new(move || {
            let mark = move || {
                let Some(element) = holder.cast::<web_sys::Element>() else {
                    return;
                };
                let Ok(boxes) = element.query_selector_all(".ap-math-scroll") else {
                    return;
                };
                for index in 0..boxes.length() {
                    let Some(scroller) = boxes
                        .item(index)
                        .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
                    else {
                        continue;
                    };
                    if scroller.scroll_width() > scroller.client_width() {
                        let _ = scroller.set_attribute("tabindex", "0");
                        let _ = scroller.set_attribute("role", "region");
                        let _ = scroller.set_attribute("aria-label", label);
                    } else {
                        for name in ["tabindex", "role", "aria-label"] {
                            let _ = scroller.remove_attribute(name);
                        }
                    }
                }
            };
            mark();
            let on_resize = Closure::<dyn Fn()>::new(mark);
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
            }
            Box::new(move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "resize",
                        on_resize.as_ref().unchecked_ref(),
                    );
                }
            })
        }),
    );
}

/// How many times the practice screen has rendered: each render's number keys the effect that
/// marks its wide formulas.
static RENDERINGS: AtomicU64 = AtomicU64::new(0);

/// A short text (a choice, a blank) as inlines, inside a `<span>`. Bank text may be in another
/// language and direction than the interface (an English bank with an Arabic interface): its
/// direction comes from its own first letters. A plain function, not a component of its own.
pub fn inline_text(text: &str, cx: &ScreenContext) -> Html {
    html! { <span class="ap-rich" dir="auto">{ render_inlines(&parse_inline(text), cx) }</span> }
}

/// A longer text (a prompt, a hint, a solution) as blocks, inside a `<div>`.
pub fn block_text(text: &str, cx: &ScreenContext) -> Html {
    html! { <div class="ap-rich" dir="auto">{ render_blocks(&parse_markup(text), cx) }</div> }
}

// The lists below are built in plain loops: a `map` and `collect` is compiled for each closure.
fn render_blocks(blocks: &[Block], cx: &ScreenContext) -> Html {
    let mut children = Vec::with_capacity(blocks.len());
    for block in blocks {
        children.push(render_block(block, cx));
    }
    VList::with_children(children, None).into()
}

fn render_block(block: &Block, cx: &ScreenContext) -> Html {
    match block {
        Block::Paragraph(inlines) => html! { <p>{ render_inlines(inlines, cx) }</p> },
        // The widget's title is an h2, so bank headings start at h3.
        Block::Heading(level, inlines) => {
            let children = render_inlines(inlines, cx);
            match level {
                1 => html! { <h3 class="ap-rich-heading">{ children }</h3> },
                2 => html! { <h4 class="ap-rich-heading">{ children }</h4> },
                _ => html! { <h5 class="ap-rich-heading">{ children }</h5> },
            }
        }
        Block::List { ordered, items } => {
            let mut entries = Vec::with_capacity(items.len());
            for item in items {
                entries.push(html! { <li>{ render_list_item(item, cx) }</li> });
            }
            let items = VList::with_children(entries, None);
            if *ordered {
                html! { <ol>{ items }</ol> }
            } else {
                html! { <ul>{ items }</ul> }
            }
        }
        Block::Quote(inner) => html! { <blockquote>{ render_blocks(inner, cx) }</blockquote> },
        Block::Code(code) => {
            html! { <pre class="ap-rich-code"><code>{ code.clone() }</code></pre> }
        }
        // A formula wider than the card scrolls sideways in its own box; the practice screen makes
        // the box a labelled, focusable region when it overflows, so the keyboard can scroll it
        // (`use_wide_formulas_focusable`).
        Block::DisplayMath(node) => html! {
            <div class="ap-math-scroll">
                <math class="ap-math" display="block">{ render_math(node) }</math>
            </div>
        },
        Block::Image { src, alt } if is_allowed_url(src) => match media_source(cx, src) {
            Ok(source) => html! {
                <img class="ap-rich-image" src={source} alt={alt.clone()} loading="lazy" />
            },
            Err(site) => media_not_loaded(alt, &site, cx),
        },
        Block::Audio { src, transcript } if is_allowed_url(src) => match media_source(cx, src) {
            Ok(source) => html! {
                <figure class="ap-rich-audio">
                    <audio controls=true preload="none" src={source}></audio>
                    <figcaption class="ap-rich-transcript">{ cx.words.transcript() }{ transcript.clone() }</figcaption>
                </figure>
            },
            Err(site) => {
                media_not_loaded(&format!("{}{transcript}", cx.words.transcript()), &site, cx)
            }
        },
        Block::Image { alt: text, .. }
        | Block::Audio {
            transcript: text, ..
        } => html! { <p>{ text.clone() }</p> },
        Block::Rule => html! { <hr /> },
    }
}

/// A picture or recording from a site the page does not allow: its text and a short note.
fn media_not_loaded(text: &str, site: &str, cx: &ScreenContext) -> Html {
    html! {
        <p class="ap-media-blocked">
            { text.to_string() }
            <span class="ap-media-note">{ fill(cx.words.media_not_loaded(), &[("site", site)]) }</span>
        </p>
    }
}

/// A list item that is one paragraph shows its text directly, without a `<p>` (a tight list).
fn render_list_item(item: &[Block], cx: &ScreenContext) -> Html {
    match item {
        [Block::Paragraph(inlines)] => render_inlines(inlines, cx),
        _ => render_blocks(item, cx),
    }
}

fn render_inlines(inlines: &[Inline], cx: &ScreenContext) -> Html {
    let mut children = Vec::with_capacity(inlines.len());
    for inline in inlines {
        children.push(render_inline(inline, cx));
    }
    VList::with_children(children, None).into()
}

fn render_inline(inline: &Inline, cx: &ScreenContext) -> Html {
    match inline {
        Inline::Text(text) => Html::from(text.as_str()),
        Inline::Emphasis(children) => html! { <em>{ render_inlines(children, cx) }</em> },
        Inline::Strong(children) => html! { <strong>{ render_inlines(children, cx) }</strong> },
        Inline::Code(code) => html! { <code>{ code.clone() }</code> },
        Inline::Math(node) => html! { <math class="ap-math">{ render_math(node) }</math> },
        Inline::Link { href, children } if is_allowed_url(href) => html! {
            <a href={resolve(&cx.media.base, href)} target="_blank" rel="noopener noreferrer">{ render_inlines(children, cx) }</a>
        },
        Inline::Link { children, .. } => render_inlines(children, cx),
        Inline::LineBreak => html! { <br /> },
    }
}

/// One MathML element per node; each argument of `<mfrac>`, `<msup>`… is exactly one element.
/// Built with `VTag` through one helper rather than an `html!` per element, which keeps the wasm
/// smaller; yew picks the namespace from the tag name and the parent either way.
fn render_math(node: &MathNode) -> Html {
    // Each element's text or parts (up to three), then one loop that renders the parts: a
    // `vec![…]` of rendered parts for each kind compiled the moves of each into its list.
    let (name, text, parts): (&'static str, Option<&str>, [Option<&Box<MathNode>>; 3]) = match node
    {
        MathNode::Row(children) => {
            let mut row = Vec::with_capacity(children.len());
            for child in children {
                row.push(render_math(child));
            }
            return math_element("mrow", row);
        }
        MathNode::Number(text) => ("mn", Some(text.as_str()), [None; 3]),
        MathNode::Identifier(text) => ("mi", Some(text.as_str()), [None; 3]),
        MathNode::Operator(text) => ("mo", Some(text.as_str()), [None; 3]),
        MathNode::Text(text) => ("mtext", Some(text.as_str()), [None; 3]),
        MathNode::Fraction(numerator, denominator) => {
            ("mfrac", None, [Some(numerator), Some(denominator), None])
        }
        MathNode::Sqrt(radicand) => ("msqrt", None, [Some(radicand), None, None]),
        MathNode::Root(radicand, index) => ("mroot", None, [Some(radicand), Some(index), None]),
        MathNode::Sup(base, superscript) => ("msup", None, [Some(base), Some(superscript), None]),
        MathNode::Sub(base, subscript) => ("msub", None, [Some(base), Some(subscript), None]),
        MathNode::SubSup(base, subscript, superscript) => (
            "msubsup",
            None,
            [Some(base), Some(subscript), Some(superscript)],
        ),
        MathNode::Fenced { open, close, body } => {
            return math_element(
                "mrow",
                vec![render_fence(open), render_math(body), render_fence(close)],
            )
        }
        MathNode::Overline(body) => {
            return html! {
                <mover accent="true">{ render_math(body) }<mo stretchy="true">{ "\u{203e}" }</mo></mover>
            }
        }
    };
    let mut children = Vec::with_capacity(3);
    if let Some(text) = text {
        children.push(Html::from(text));
    }
    // A plain loop: `flatten` would be compiled for this list alone.
    for part in &parts {
        let Some(part) = part else { continue };
        children.push(render_math(part));
    }
    math_element(name, children)
}

fn math_element(name: &'static str, children: Vec<Html>) -> Html {
    let mut element = VTag::new(name);
    element.add_children(children);
    element.into()
}

/// A stretchy delimiter of `\left … \right`; the empty delimiter `.` shows nothing.
fn render_fence(delimiter: &str) -> Html {
    if delimiter.is_empty() {
        return html! {};
    }
    html! { <mo fence="true" stretchy="true">{ delimiter.to_string() }</mo> }
}
