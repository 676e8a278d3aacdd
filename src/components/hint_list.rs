//! Hints in order, opened one at a time; a scaffold hint is a smaller question to try, checked
//! on the spot (it counts as a hint used, not as an answer).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adaptive_practice_engine::{
    check_response_with, Hint, Outcome, Response, Step, UnreadableReason, Verdict,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::components::answer_controls::{answer_control, current_order, AnswerControlProps};
use crate::components::item_view::AnswerFormHandlers;
use crate::components::mount_effect::use_effect_on;
use crate::components::practice::ScreenContext;
use crate::components::rich_text::block_text;
use crate::i18n::{fill, Words};

/// What the hint list is drawn from: the part's hints, how many are shown, and the list's
/// element (`list`, for `use_focus_on_opened_hint`, which the item view calls).
pub struct HintListProps<'a> {
    pub hints: &'a [Hint],
    pub shown: u32,
    pub answered: bool,
    pub seed: u64,
    pub list: NodeRef,
    /// The item's revision (`ItemViewProps::revision`): the list is made anew for each item.
    pub revision: u32,
    pub screen: &'a ScreenContext,
    pub scaffolds: &'a ScaffoldsHeld,
}

/// What a scaffold keeps between renders: the answer so far, read at Check (as the item view's:
/// nothing on screen shows it), what the check said, and whether the answer was read (then the
/// step is done).
#[derive(Default)]
pub struct ScaffoldState {
    draft: Option<Response>,
    said: String,
    done: bool,
}

/// The scaffolds' states of the item on screen, by hint index, held by the practice screen (in
/// `use_item_view_state`, emptied for each item), and how to render it again when one changes:
/// the scaffold is a plain function, not a component with states of its own.
pub struct ScaffoldsHeld {
    pub states: Rc<RefCell<Vec<ScaffoldState>>>,
    pub render: UseForceUpdateHandle,
}

/// The hints: a plain function the item view calls at each of its renders, not a component of
/// its own (its props, a new list of hints at each render, never compared equal anyway).
pub fn hint_list(props: &HintListProps) -> Html {
    let words = props.screen.words;
    let shown = (props.shown as usize).min(props.hints.len());
    let left = props.hints.len() - shown;
    if props.hints.is_empty() {
        return html! {};
    }
    let mut entries = Vec::with_capacity(shown);
    for (index, hint) in props.hints.iter().take(shown).enumerate() {
        entries.push(html! {
            <li class="ap-hint-entry" data-hint={index.to_string()} tabindex="-1">
                if !hint.text.is_empty() { { block_text(&hint.text, props.screen) } }
                if let Some(scaffold) = &hint.scaffold {
                    { self::scaffold(scaffold, index, props.seed, props.screen, props.scaffolds) }
                }
            </li>
        });
    }
    html! {
        <section key={props.revision} class="ap-hints" aria-label={words.hints()}>
            if shown > 0 {
                <ol class="ap-hint-list" ref={props.list.clone()}>
                    { VList::with_children(entries, None) }
                </ol>
            }
            if left > 0 && !props.answered {
                <button type="button" class="ap-button ap-button-quiet ap-hint-button" data-do="hint">
                    { fill(words.show_hint(), &[("number", &(shown + 1).to_string()), ("count", &props.hints.len().to_string())]) }
                </button>
            }
        </section>
    }
}

/// When a hint opens, focus moves to it, so a screen reader reads it at once (and focus is not
/// lost when the last hint's button goes away). A hint shown at the start of an item (resumed)
/// takes none: `shown` counts for the item of `revision` only.
/// `before` holds the key of the last run (`None` until the first render, which sets it).
#[hook]
pub fn use_focus_on_opened_hint(
    list: &NodeRef,
    revision: u32,
    shown: usize,
    before: &Rc<Cell<Option<u64>>>,
) {
    // The item's revision in the high 32 bits, the hints shown in the low ones.
    let key = u64::from(revision) << 32 | (shown as u64 & 0xffff_ffff);
    if before.get().is_none() {
        before.set(Some(key));
    }
    let before = before.clone();
    let list = list.clone();
    use_effect_on(
        key,
        Box::new(move || {
            let earlier = before.get().unwrap_or(key);
            let opened = earlier >> 32 == key >> 32 && key > earlier;
            before.set(Some(key));
            if opened {
                let entry = list
                    .cast::<web_sys::Element>()
                    .and_then(|list| {
                        list.query_selector(&format!("[data-hint=\"{}\"]", shown - 1))
                            .ok()
                            .flatten()
                    })
                    .and_then(|entry| entry.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(entry) = entry {
                    let _ = entry.focus();
                }
            }
            Box::new(|| ())
        }),
    );
}

/// A scaffold: a plain function the hint list calls, its state in `held` at `index`.
fn scaffold(
    step: &Step,
    index: usize,
    seed: u64,
    screen: &ScreenContext,
    held: &ScaffoldsHeld,
) -> Html {
    let words = screen.words;
    let (said, done, order) = {
        let mut states = held.states.borrow_mut();
        if states.len() <= index {
            states.resize_with(index + 1, ScaffoldState::default);
        }
        let state = &mut states[index];
        let order = current_order(&step.kind, seed, &mut state.draft);
        (state.said.clone(), state.done, order)
    };
    let kind = Rc::new(step.kind.clone());
    let handlers = {
        let states = held.states.clone();
        let render = held.render.clone();
        let kind = kind.clone();
        let reading = screen.reading;
        AnswerFormHandlers::new(Callback::from(move |()| {
            {
                let mut states = states.borrow_mut();
                let Some(state) = states.get_mut(index) else {
                    return;
                };
                let response = state.draft.clone().unwrap_or(Response::Text(String::new()));
                let verdict = check_response_with(&kind, &response, &reading);
                state.done = verdict.is_ok();
                state.said =
                    scaffold_feedback(&verdict.map_err(|unreadable| unreadable.reason), words);
            }
            render.force_update();
        }))
    };
    let on_change = {
        let states = held.states.clone();
        Callback::from(move |response: Response| {
            if let Some(state) = states.borrow_mut().get_mut(index) {
                state.draft = Some(response);
            }
        })
    };
    let prompt_id = format!("ap-scaffold-{index}");
    html! {
        <form class="ap-scaffold" onsubmit={handlers.onsubmit} onkeydown={handlers.onkeydown} novalidate=true>
            <div class="ap-scaffold-prompt" id={prompt_id.clone()}>{ block_text(&step.prompt, screen) }</div>
            { answer_control(AnswerControlProps { kind, seed, disabled: done, given: None,
                on_change, labelled_by: prompt_id.into(), screen: screen.clone(), order, render: held.render.clone() }) }
            if !done {
                <button type="button" class="ap-button ap-button-quiet" onclick={handlers.onclick}>{ words.check() }</button>
            }
            <p class="ap-scaffold-feedback" role="status">
                { said }
            </p>
        </form>
    }
}

/// What a scaffold says once checked: right, or the verdict, its reason and the right answer; or
/// why the answer could not be read.
fn scaffold_feedback(verdict: &Result<Outcome, UnreadableReason>, words: &Words) -> String {
    match verdict {
        Ok(outcome) if outcome.verdict == Verdict::Right => words.correct().to_string(),
        Ok(outcome) => {
            let word = if outcome.verdict == Verdict::Partial {
                words.partially_right()
            } else {
                words.incorrect()
            };
            let reason = outcome
                .reason
                .as_ref()
                .map(|r| format!(" {}", words.verdict_reason(r)))
                .unwrap_or_default();
            format!(
                "{word}{reason} {}",
                words.correct_answer_sentence(&outcome.correct_answer)
            )
        }
        Err(reason) => words.unreadable(reason),
    }
}
