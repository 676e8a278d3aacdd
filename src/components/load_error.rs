//! What the widget shows when its bank cannot be loaded: what is wrong and where, drawn by a plain
//! function the root component calls (a component of its own cost Yew's machinery for one
//! screen), and the page's `error` event, sent by the root when it shows this.

use std::rc::Rc;

use adaptive_practice_engine::Diagnostic;
use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::browser::later;
use crate::events;
use crate::i18n::{fill, Words};

/// How many diagnostics are listed; the rest are counted.
const SHOWN_DIAGNOSTICS: usize = 5;

/// The error card: the summary, the first diagnostics with their paths, how many more.
pub fn load_error(words: &Words, summary: &str, diagnostics: &[Diagnostic]) -> Html {
    let hidden = diagnostics.len().saturating_sub(SHOWN_DIAGNOSTICS);
    let mut shown = Vec::with_capacity(SHOWN_DIAGNOSTICS);
    for d in diagnostics.iter().take(SHOWN_DIAGNOSTICS) {
        shown.push(html! { <li><code>{ &d.path }</code>{ ": " }{ &d.message }</li> });
    }
    html! {
        <div class="ap-card ap-error" role="alert">
            <h2 class="ap-error-title">{ words.load_failed_title() }</h2>
            <p>{ summary }</p>
            if !diagnostics.is_empty() {
                <ul class="ap-diagnostics">
                    { VList::with_children(shown, None) }
                </ul>
            }
            if hidden > 0 {
                <p>{ fill(words.more_problems(), &[("count", &hidden.to_string())]) }</p>
            }
        </div>
    }
}

/// Tells the page (`host`, the custom element) that the bank cannot be loaded, once, when the
/// widget turns to `load_error`: after Yew has drawn it (its scheduler runs first, queued by the
/// state's `set`), as the card's own effect did when it was a component.
pub fn send_load_error(
    host: Option<web_sys::Element>,
    summary: String,
    diagnostics: Rc<Vec<Diagnostic>>,
) {
    if let Some(host) = host {
        later(
            None,
            Box::new(move |_| events::send(&host, &events::error_event(&summary, &diagnostics))),
        );
    }
}
