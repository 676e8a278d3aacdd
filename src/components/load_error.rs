//! What the widget shows when its bank cannot be loaded: what is wrong and where.

use std::rc::Rc;

use adaptive_practice_engine::Diagnostic;
use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::components::mount_effect::use_mount_effect;
use crate::events;
use crate::i18n::{fill, use_words};

/// How many diagnostics are listed; the rest are counted.
const SHOWN_DIAGNOSTICS: usize = 5;

#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    pub summary: String,
    pub diagnostics: Rc<Vec<Diagnostic>>,
    pub host: Option<web_sys::Element>,
}

#[component]
pub fn LoadError(props: &LoadErrorProps) -> Html {
    let words = use_words();
    {
        let host = props.host.clone();
        let summary = props.summary.clone();
        let diagnostics = props.diagnostics.clone();
        use_mount_effect(Box::new(move || {
            if let Some(host) = host {
                events::send(&host, &events::error_event(&summary, &diagnostics));
            }
            Box::new(|| ())
        }));
    }
    let hidden = props.diagnostics.len().saturating_sub(SHOWN_DIAGNOSTICS);
    let mut shown = Vec::with_capacity(SHOWN_DIAGNOSTICS);
    for d in props.diagnostics.iter().take(SHOWN_DIAGNOSTICS) {
        shown.push(html! { <li><code>{ &d.path }</code>{ ": " }{ &d.message }</li> });
    }
    html! {
        <div class="ap-card ap-error" role="alert">
            <h2 class="ap-error-title">{ words.load_failed_title }</h2>
            <p>{ &props.summary }</p>
            if !props.diagnostics.is_empty() {
                <ul class="ap-diagnostics">
                    { VList::with_children(shown, None) }
                </ul>
            }
            if hidden > 0 {
                <p>{ fill(words.more_problems, &[("count", &hidden.to_string())]) }</p>
            }
        </div>
    }
}
