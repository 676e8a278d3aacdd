//! One item on screen: its prompt, the way to answer it (choices or a number), and Check.

use std::rc::Rc;

use adaptive_practice_engine::{IndexedBank, ItemKind, Response};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::messages;
use crate::state::Phase;

#[derive(Properties, PartialEq)]
pub struct ItemViewProps {
    pub bank: Rc<IndexedBank>,
    pub item_position: usize,
    pub phase: Phase,
    pub on_submit: Callback<Response>,
}

#[component]
pub fn ItemView(props: &ItemViewProps) -> Html {
    let picked = use_state(|| None::<usize>);
    let typed = use_state(String::new);
    let Some(item) = props.bank.bank.items.get(props.item_position) else { return html! {} };
    let (answered, given) = match &props.phase {
        Phase::Answered { response, .. } => (true, Some(response.clone())),
        Phase::Answering { .. } => (false, None),
    };
    let unreadable = match &props.phase {
        Phase::Answering { unreadable } => unreadable.clone(),
        Phase::Answered { .. } => None,
    };
    let onsubmit = {
        let picked = picked.clone();
        let typed = typed.clone();
        let on_submit = props.on_submit.clone();
        let is_choice = matches!(item.kind, ItemKind::SingleChoice { .. });
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if is_choice {
                // No pick yet: an out-of-range index makes the engine ask for a pick.
                on_submit.emit(Response::Choice(picked.unwrap_or(usize::MAX)));
            } else {
                on_submit.emit(Response::Text((*typed).clone()));
            }
        })
    };
    let body = match &item.kind {
        ItemKind::SingleChoice { choices, answer } => {
            let given_choice = match given {
                Some(Response::Choice(c)) => Some(c),
                _ => None,
            };
            html! {
                <fieldset class="ap-choices" aria-describedby={unreadable.as_ref().map(|_| "ap-unreadable")}>
                    <legend class="ap-prompt" id="ap-prompt">{ &item.prompt }</legend>
                    { for choices.iter().enumerate().map(|(index, choice)| {
                        let onchange = {
                            let picked = picked.clone();
                            Callback::from(move |_: Event| picked.set(Some(index)))
                        };
                        let mut class = classes!("ap-choice");
                        if answered && index == *answer { class.push("ap-choice-correct"); }
                        if answered && given_choice == Some(index) && index != *answer { class.push("ap-choice-wrong"); }
                        html! {
                            <label class={class}>
                                <input type="radio" name="ap-choice" value={index.to_string()}
                                    checked={*picked == Some(index)} disabled={answered} {onchange} />
                                <span>{ &choice.text }</span>
                            </label>
                        }
                    }) }
                </fieldset>
            }
        }
        ItemKind::Numeric { .. } => {
            let oninput = {
                let typed = typed.clone();
                Callback::from(move |event: InputEvent| {
                    let input: HtmlInputElement = event.target_unchecked_into();
                    typed.set(input.value());
                })
            };
            let described = if unreadable.is_some() { "ap-hint ap-unreadable" } else { "ap-hint" };
            html! {
                <div class="ap-numeric">
                    <p class="ap-prompt" id="ap-prompt">{ &item.prompt }</p>
                    <label class="ap-label" for="ap-answer">{ messages::YOUR_ANSWER }</label>
                    <input id="ap-answer" class="ap-input" type="text" inputmode="decimal" autocomplete="off"
                        spellcheck="false" aria-describedby={described} aria-invalid={unreadable.is_some().to_string()}
                        value={(*typed).clone()} disabled={answered} {oninput} />
                    <p class="ap-hint" id="ap-hint">{ messages::NUMERIC_HINT }</p>
                </div>
            }
        }
    };
    html! {
        <form class="ap-item" {onsubmit} novalidate=true data-item-id={item.id.clone()} data-item-type={item.type_name()}>
            { body }
            if let Some(message) = unreadable {
                <p class="ap-unreadable" id="ap-unreadable" role="alert">{ message }</p>
            }
            if !answered {
                <button type="submit" class="ap-button ap-check">{ messages::CHECK }</button>
            }
        </form>
    }
}
