//! The ways to answer, one per item type, all usable by keyboard alone (no drag and drop):
//! radio buttons, checkboxes, a text field, Up/Down buttons to order, gaps in a sentence, and
//! drop-down lists to match. Each reports the learner's current answer with `on_change`.

use std::rc::Rc;

use adaptive_practice_engine::choose::seeded_order;
use adaptive_practice_engine::markup::{parse_inline, plain_text_of_inlines};
use adaptive_practice_engine::{ItemKind, Response};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::browser::later;
use crate::components::practice::ScreenContext;
use crate::components::rich_text::inline_text;
use crate::i18n::fill;

/// What an answer control is drawn from.
pub struct AnswerControlProps {
    pub kind: Rc<ItemKind>,
    /// Seeds the order of shuffled choices and entries.
    pub seed: u64,
    pub disabled: bool,
    /// The response given, once answered (to mark right and wrong choices).
    pub given: Option<Response>,
    pub on_change: Callback<Response>,
    /// The id of the element that labels the control (the prompt).
    pub labelled_by: AttrValue,
    /// The interface's words and the media base, from the view that draws the control.
    pub screen: ScreenContext,
    /// An ordering item's entries in their order now (`current_order`), empty for other kinds.
    pub order: Vec<usize>,
    /// Renders the screen again (after an ordering entry moved).
    pub render: UseForceUpdateHandle,
}

/// The control for `props.kind`: a plain function, as is each control below (none has a state or
/// a component of its own: the page's fields keep what was typed or picked, and an ordering
/// item's order is the caller's answer so far).
pub fn answer_control(props: AnswerControlProps) -> Html {
    match &*props.kind {
        ItemKind::SingleChoice { .. } | ItemKind::MultipleResponse { .. } => choice_list(&props),
        ItemKind::Numeric { .. } | ItemKind::MathExpression { .. } | ItemKind::ShortText { .. } => {
            typed_answer(&props)
        }
        ItemKind::Ordering { .. } => ordering_list(&props),
        ItemKind::Matching { .. } => matching_table(&props),
        // Fill-in-the-blanks renders its gaps inside the prompt (see item_view.rs).
        ItemKind::FillBlanks { .. } | ItemKind::MultiStep { .. } => html! {},
    }
}

/// The values of the controls matching `selector` in the group around `control` (its parent's
/// parent: the choices' or the matching rows' element), in the order of the page. The controls
/// below keep their state in the page's fields, as the text field does, so that they need no
/// state, and no component, of their own.
fn values_in_group(control: &web_sys::Element, selector: &str) -> Vec<String> {
    let mut values = Vec::new();
    let found = control
        .parent_element()
        .and_then(|parent| parent.parent_element())
        .and_then(|group| group.query_selector_all(selector).ok());
    if let Some(found) = found {
        for index in 0..found.length() {
            if let Some(node) = found.item(index) {
                values.push(match node.dyn_into::<HtmlSelectElement>() {
                    Ok(select) => select.value(),
                    Err(node) => node.unchecked_into::<HtmlInputElement>().value(),
                });
            }
        }
    }
    values
}

/// Radio buttons or checkboxes, one per choice: a plain function (see `values_in_group`).
fn choice_list(props: &AnswerControlProps) -> Html {
    let words = props.screen.words;
    let (choices, correct, multiple, shuffle) = match &*props.kind {
        ItemKind::SingleChoice {
            choices,
            answer,
            shuffle,
        } => (choices, vec![*answer], false, *shuffle),
        ItemKind::MultipleResponse {
            choices,
            answers,
            shuffle,
        } => (choices, answers.clone(), true, *shuffle),
        _ => return html! {},
    };
    let order = if shuffle {
        seeded_order(choices.len(), props.seed)
    } else {
        (0..choices.len()).collect()
    };
    let given: Vec<usize> = match &props.given {
        Some(Response::Choice(c)) => vec![*c],
        Some(Response::Choices(c)) => c.clone(),
        _ => Vec::new(),
    };
    let answered = props.given.is_some();
    let mut choice_labels = Vec::new();
    for index in order {
        let onchange = {
            let on_change = props.on_change.clone();
            Callback::from(move |event: Event| {
                on_change.emit(if multiple {
                    let input: web_sys::Element = event.target_unchecked_into();
                    let mut now = Vec::new();
                    for value in values_in_group(&input, "input:checked") {
                        if let Ok(picked) = value.parse::<usize>() {
                            now.push(picked);
                        }
                    }
                    Response::Choices(now)
                } else {
                    Response::Choice(index)
                });
            })
        };
        // Set as the `className` property (`~className`): `class={…}` goes through Yew's
        // `Classes`, an ordered set compiled in for it alone.
        let class = if answered && correct.contains(&index) {
            "ap-choice ap-choice-correct"
        } else if answered && given.contains(&index) {
            "ap-choice ap-choice-wrong"
        } else {
            "ap-choice"
        };
        // The choice's words as plain text name the control: a choice that is only math
        // (MathML) gives the wrapping label no text of its own to name it.
        let name = plain_text_of_inlines(&parse_inline(&choices[index].text));
        choice_labels.push(html! {
            <label ~className={class}>
                <input type={if multiple { "checkbox" } else { "radio" }} name="ap-choice" value={index.to_string()}
                    aria-label={name} disabled={props.disabled} {onchange} />
                <span>{ inline_text(&choices[index].text, &props.screen) }</span>
            </label>
        });
    }
    html! {
        <div class="ap-choices" role={if multiple { "group" } else { "radiogroup" }} aria-labelledby={props.labelled_by.clone()}>
            if multiple {
                <p class="ap-hint">{ words.pick_all() }</p>
            }
            { VList::with_children(choice_labels, None) }
        </div>
    }
}

/// A text field: a plain function, not a component, as it holds no state (the field keeps what
/// was typed; the view it is drawn in is made anew for each item and step).
fn typed_answer(props: &AnswerControlProps) -> Html {
    let words = props.screen.words;
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(Response::Text(input.value()));
        })
    };
    // No phone number pad (`inputmode="decimal"`): it has no minus sign, slash, percent or
    // letters, so offering it only when the answer is digits alone would give that away.
    let hint = match &*props.kind {
        ItemKind::Numeric { .. } => words.numeric_hint(),
        ItemKind::MathExpression { .. } => words.math_hint(),
        _ => "",
    };
    let input_id = format!("{}-answer", props.labelled_by);
    let hint_id = format!("{}-hint", props.labelled_by);
    html! {
        <div class="ap-typed">
            <label class="ap-label" for={input_id.clone()}>{ words.your_answer() }</label>
            <input id={input_id} class="ap-input" type="text" autocomplete="off"
                autocapitalize="off" autocorrect="off" spellcheck="false" aria-describedby={if hint.is_empty() { None } else { Some(hint_id.clone()) }}
                disabled={props.disabled} {oninput} />
            if !hint.is_empty() {
                <p class="ap-hint" id={hint_id}>{ hint }</p>
            }
        </div>
    }
}

/// The entries' order of an ordering item now: the one in `draft`, else its first order (never
/// the right one), then put in `draft` as the answer so far (read at Check). Empty for the other
/// kinds. The order is the caller's (the item view's or a scaffold's answer so far), so that the
/// ordering list is a plain function with no state of its own.
pub fn current_order(kind: &ItemKind, seed: u64, draft: &mut Option<Response>) -> Vec<usize> {
    let ItemKind::Ordering { items } = kind else {
        return Vec::new();
    };
    if let Some(Response::Order(order)) = draft {
        return order.clone();
    }
    let count = items.len();
    let mut order = seeded_order(count, seed);
    // Never start in the right order.
    let mut in_place = true;
    for (place, &index) in order.iter().enumerate() {
        in_place &= place == index;
    }
    if in_place && count > 1 {
        // The first to the end (as `rotate_left(1)`, which is compiled in for this alone).
        let first = order.remove(0);
        order.push(first);
    }
    *draft = Some(Response::Order(order.clone()));
    order
}

/// Up and Down buttons per entry, in `props.order`: a plain function. A move reports the new
/// order (`on_change`, which keeps it as the answer so far) and renders the screen again.
fn ordering_list(props: &AnswerControlProps) -> Html {
    let words = props.screen.words;
    let ItemKind::Ordering { items } = &*props.kind else {
        return html! {};
    };
    let count = props.order.len();
    let mover = |place: usize, up: bool| {
        let on_change = props.on_change.clone();
        let render = props.render.clone();
        let order = props.order.clone();
        Callback::from(move |event: MouseEvent| {
            let other = if up {
                place.checked_sub(1)
            } else {
                Some(place + 1).filter(|&p| p < order.len())
            };
            if let Some(other) = other {
                let mut order = order.clone();
                order.swap(place, other);
                on_change.emit(Response::Order(order));
                render.force_update();
                let button: web_sys::Element = event.target_unchecked_into();
                let list = button
                    .parent_element()
                    .and_then(|entry| entry.parent_element());
                // After the render (Yew's runs first in the same queue of tasks), so that the
                // button's name is the entry's at its new place when focus reaches it.
                later(
                    None,
                    Box::new(move |_| {
                        if let Some(list) = list {
                            focus_moved_entry(&list, other, up);
                        }
                    }),
                );
            }
        })
    };
    let mut entries = Vec::new();
    for (place, &index) in props.order.iter().enumerate() {
        let Some(label) = items.get(index) else {
            continue;
        };
        entries.push(html! {
            <li class="ap-order-entry">
                <span class="ap-order-text">{ inline_text(label, &props.screen) }</span>
                <button type="button" class="ap-icon-button" disabled={props.disabled || place == 0}
                    aria-label={fill(words.move_up(), &[("entry", label), ("place", &(place + 1).to_string())])} onclick={mover(place, true)}>{ "↑" }</button>
                <button type="button" class="ap-icon-button" disabled={props.disabled || place + 1 == count}
                    aria-label={fill(words.move_down(), &[("entry", label), ("place", &(place + 1).to_string())])} onclick={mover(place, false)}>{ "↓" }</button>
            </li>
        });
    }
    html! {
        <ol class="ap-ordering" aria-labelledby={props.labelled_by.clone()}>
            { VList::with_children(entries, None) }
        </ol>
    }
}

/// Focus follows the entry that moved to `place`: the same button at its new place, or the other
/// one when that direction ends there (a disabled button would drop focus to the page).
fn focus_moved_entry(list: &web_sys::Element, place: usize, up: bool) {
    let wanted = if up { 1 } else { 2 };
    for child in [wanted, 3 - wanted] {
        let selector = format!(
            "li:nth-child({}) button:nth-of-type({child}):not([disabled])",
            place + 1
        );
        if let Ok(Some(button)) = list.query_selector(&selector) {
            if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                let _ = button.focus();
                break;
            }
        }
    }
}

/// A drop-down list per entry to match: a plain function (see `values_in_group`).
fn matching_table(props: &AnswerControlProps) -> Html {
    let words = props.screen.words;
    let ItemKind::Matching { pairs, distractors } = &*props.kind else {
        return html! {};
    };
    let mut rights: Vec<&str> = Vec::with_capacity(pairs.len() + distractors.len());
    for pair in pairs {
        rights.push(&pair.right);
    }
    for distractor in distractors {
        rights.push(distractor);
    }
    let order = seeded_order(rights.len(), props.seed);
    let mut rows_of_pairs = Vec::new();
    for (left, pair) in pairs.iter().enumerate() {
        let onchange = {
            let on_change = props.on_change.clone();
            Callback::from(move |event: Event| {
                let select: web_sys::Element = event.target_unchecked_into();
                let mut now = Vec::new();
                for value in values_in_group(&select, "select") {
                    now.push(value.parse::<usize>().ok());
                }
                on_change.emit(Response::Matches(now));
            })
        };
        let id = format!("ap-match-{left}");
        // As for choices: an entry that is only math gives the label no text of its own,
        // so its words as plain text name the list; an option holds plain text only.
        let name = plain_text_of_inlines(&parse_inline(&pair.left));
        let mut options = Vec::with_capacity(order.len());
        for &r in &order {
            options.push(html! {
                <option value={r.to_string()}>{ plain_text_of_inlines(&parse_inline(rights[r])) }</option>
            });
        }
        rows_of_pairs.push(html! {
            <div class="ap-match-row">
                <label class="ap-match-left" for={id.clone()}>{ inline_text(&pair.left, &props.screen) }</label>
                <select id={id} class="ap-select" aria-label={name} disabled={props.disabled} {onchange}>
                    // Chosen at first: Yew puts the options in from the last, which a list with
                    // no option marked would keep chosen.
                    <option value="" selected=true>{ words.choose() }</option>
                    { VList::with_children(options, None) }
                </select>
            </div>
        });
    }
    html! {
        <div class="ap-matching" role="group" aria-labelledby={props.labelled_by.clone()}>
            { VList::with_children(rows_of_pairs, None) }
        </div>
    }
}
