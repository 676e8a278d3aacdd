//! One item on screen: the problem, the current step's prompt, the way to answer it, the hints
//! opened so far, and Check.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adaptive_practice_engine::bank::Blank;
use adaptive_practice_engine::find_text::{has_text, split_at_text};
use adaptive_practice_engine::gaps::{prompt_pieces, PromptPiece};
use adaptive_practice_engine::markup::{parse_inline, plain_text_of_inlines};
use adaptive_practice_engine::{Item, ItemKind, Response};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::components::answer_controls::{answer_control, current_order, AnswerControlProps};
use crate::components::hint_list::{
    hint_list, use_focus_on_opened_hint, HintListProps, ScaffoldState, ScaffoldsHeld,
};
use crate::components::practice::ScreenContext;
use crate::components::rich_text::{block_text, inline_text};
use crate::i18n::fill;
use crate::state::{Phase, PracticeAction};

/// What the item view is drawn from: the item on screen and its step, the phase, and what the
/// practice screen holds for it (`use_item_view_state`).
pub struct ItemViewProps<'a> {
    pub item: &'a Rc<Item>,
    /// The practice state's `item_revision`: the form and the hints are made anew for each item
    /// (keyed by it), so that no field keeps what was typed for the one before.
    pub revision: u32,
    pub part_index: usize,
    pub phase: &'a Phase,
    pub hints_shown: u32,
    pub seed: u64,
    /// The practice screen's `dispatch_callback`: Check sends `PracticeAction::Submit`.
    pub dispatch: &'a Callback<PracticeAction>,
    pub screen: &'a ScreenContext,
    pub held: &'a ItemViewState,
}

/// What the item view keeps between renders, held by the practice screen: the answer so far
/// (the gaps' texts for fill-in-the-blanks), read when the learner checks it (nothing on screen
/// shows it, so it changes no hook state that renders again), the hint list's element, and its
/// scaffolds' answers and checks.
pub struct ItemViewState {
    draft: Rc<RefCell<Option<Response>>>,
    hint_list: NodeRef,
    scaffolds: ScaffoldsHeld,
}

/// What the item view keeps between renders, in the practice screen's `ScreenHeld`: the answer
/// so far, the item it is for, the scaffolds' states, and the hints shown when the list was last
/// drawn (`use_focus_on_opened_hint`).
#[derive(Default)]
pub struct ItemViewHeld {
    draft: Rc<RefCell<Option<Response>>>,
    drafted_for: Cell<u32>,
    scaffolds: Rc<RefCell<Vec<ScaffoldState>>>,
    hints_key: Rc<Cell<Option<u64>>>,
}

/// The item view's state, for the item of `revision` (its answer so far starts empty at each new
/// item), with focus moved to a hint when one opens (`use_focus_on_opened_hint`). At the first
/// render, a revision other than 0 empties a draft and scaffolds that are empty anyway.
#[hook]
pub fn use_item_view_state(
    revision: u32,
    hints_shown: usize,
    held: &ItemViewHeld,
) -> ItemViewState {
    let draft = held.draft.clone();
    let scaffolds = ScaffoldsHeld {
        states: held.scaffolds.clone(),
        render: use_force_update(),
    };
    if held.drafted_for.get() != revision {
        held.drafted_for.set(revision);
        *draft.borrow_mut() = None;
        scaffolds.states.borrow_mut().clear();
    }
    let hint_list = use_node_ref();
    use_focus_on_opened_hint(&hint_list, revision, hints_shown, &held.hints_key);
    ItemViewState {
        draft,
        hint_list,
        scaffolds,
    }
}

/// How many of the hints of the part shown are open (`hints_shown`, at most the part's hints).
pub fn shown_hint_count(item: &Item, part_index: usize, hints_shown: u32) -> usize {
    let parts = item.parts();
    let part_index = part_index.min(parts.len().saturating_sub(1));
    let hints = parts.get(part_index).map_or(0, |part| part.hints.len());
    (hints_shown as usize).min(hints)
}

/// How an answer form is sent: Check is a plain button and Enter in a field answers, without
/// form submission, which a frame sandboxed without `allow-forms` blocks (no `submit` event at
/// all). A `submit` that still happens (a browser's own way) is kept from navigating and answers.
pub struct AnswerFormHandlers {
    pub onclick: Callback<MouseEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
    pub onsubmit: Callback<SubmitEvent>,
}

impl AnswerFormHandlers {
    pub fn new(submit: Callback<()>) -> Self {
        let onkeydown = {
            let submit = submit.clone();
            Callback::from(move |event: KeyboardEvent| {
                // Enter in a field (text, number, radio, checkbox), not on a button or a list,
                // and not while an input method is composing a character.
                let in_field = event
                    .target()
                    .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
                    .is_some();
                if event.key() == "Enter" && in_field && !event.is_composing() {
                    event.prevent_default();
                    submit.emit(());
                }
            })
        };
        let onsubmit = {
            let submit = submit.clone();
            Callback::from(move |event: SubmitEvent| {
                event.prevent_default();
                submit.emit(());
            })
        };
        AnswerFormHandlers {
            onclick: Callback::from(move |_: MouseEvent| submit.emit(())),
            onkeydown,
            onsubmit,
        }
    }
}

/// The empty answer of each kind: submitting it makes the engine say what is missing.
fn empty_response(kind: &ItemKind, blanks: usize) -> Response {
    match kind {
        ItemKind::SingleChoice { .. } => Response::Choice(usize::MAX),
        ItemKind::MultipleResponse { .. } => Response::Choices(Vec::new()),
        ItemKind::Ordering { .. } => Response::Order(Vec::new()),
        ItemKind::Matching { pairs, .. } => Response::Matches(vec![None; pairs.len()]),
        ItemKind::FillBlanks { .. } => Response::Blanks(vec![String::new(); blanks]),
        _ => Response::Text(String::new()),
    }
}

/// A prompt with gaps: `[[1]]`, `[[2]]`, … become labelled text fields, or drop-downs for
/// blanks with `choices` (drawn as matching's lists are, in the order written).
fn prompt_with_gaps(
    prompt: &str,
    screen: &ScreenContext,
    blanks: &[Blank],
    disabled: bool,
    on_gap: Callback<(usize, String)>,
    gap_label: &str,
) -> Html {
    let all = prompt_pieces(prompt);
    let last = all.len().saturating_sub(1);
    let mut pieces = Vec::new();
    for (k, piece) in all.into_iter().enumerate() {
        pieces.push(match piece {
            // Markdown and LaTeX as in every other prompt. A paragraph with no gap (a blank line
            // sets it apart) is shown whole, pictures and displayed formulas too; the text on
            // either side of a gap is shown inline, on a line of its own after a blank line.
            PromptPiece::Text(text) => {
                let mut parts = Vec::new();
                let mut rest = text;
                let mut first = true;
                loop {
                    let (paragraph, after) = match split_at_text(rest, "\n\n") {
                        Some((paragraph, after)) => (paragraph, Some(after.trim_start())),
                        None => (rest, None),
                    };
                    let beside_gap = (first && k > 0) || (after.is_none() && k < last);
                    parts.push(if beside_gap {
                        inline_text(paragraph, screen)
                    } else {
                        block_text(paragraph, screen)
                    });
                    // Two inline texts a blank line apart: a line break between them.
                    if let Some(after) = after {
                        if first && k > 0 && k < last && !has_text(after, "\n\n") {
                            parts.push(html! { <br/> });
                        }
                    }
                    first = false;
                    match after {
                        Some(after) => rest = after,
                        None => break,
                    }
                }
                VList::with_children(parts, None).into()
            }
            PromptPiece::Gap(number) if !(1..=blanks.len()).contains(&number) => html! {},
            PromptPiece::Gap(number) => {
                // A list fires `input` too, and its `value` reads as a text field's does.
                let oninput = {
                    let on_gap = on_gap.clone();
                    Callback::from(move |event: InputEvent| {
                        let input: HtmlInputElement = event.target_unchecked_into();
                        on_gap.emit((number - 1, input.value()));
                    })
                };
                let label = fill(gap_label, &[("number", &number.to_string())]);
                let choices = &blanks[number - 1].choices;
                if choices.is_empty() {
                    html! {
                        <input class="ap-input ap-gap" type="text" autocomplete="off" autocapitalize="off"
                            autocorrect="off" spellcheck="false" aria-label={label} {disabled} {oninput} />
                    }
                } else {
                    let mut options = Vec::with_capacity(choices.len());
                    for choice in choices {
                        options.push(html! {
                            <option value={choice.clone()}>{ plain_text_of_inlines(&parse_inline(choice)) }</option>
                        });
                    }
                    html! {
                        <select class="ap-select ap-gap" aria-label={label} {disabled} {oninput}>
                            // Chosen at first, as in matching's lists.
                            <option value="" selected=true>{ screen.words.choose() }</option>
                            { VList::with_children(options, None) }
                        </select>
                    }
                }
            }
        });
    }
    html! { <div class="ap-prompt ap-gaps" id="ap-prompt">{ VList::with_children(pieces, None) }</div> }
}

/// One item on screen: a plain function the practice screen calls, not a component of its own
/// (its state is the practice screen's, `use_item_view_state`).
pub fn item_view(props: &ItemViewProps) -> Html {
    let words = props.screen.words;
    let parts = props.item.parts();
    let part_index = props.part_index.min(parts.len().saturating_sub(1));
    let part = parts.get(part_index).copied();
    let blanks: &[Blank] = match part.map(|p| p.kind) {
        Some(ItemKind::FillBlanks { blanks }) => blanks,
        _ => &[],
    };
    let blank_count = blanks.len();
    let draft = &props.held.draft;
    let Some(part) = part else { return html! {} };
    let hints = part.hints;
    let kind = Rc::new(part.kind.clone());
    let (answered, given) = match props.phase {
        Phase::Answered { response, .. } => (true, Some(response.clone())),
        Phase::Answering { .. } => (false, None),
    };
    let unreadable = match props.phase {
        Phase::Answering { unreadable } => unreadable.as_ref(),
        Phase::Answered { .. } => None,
    };
    let order = current_order(&kind, props.seed, &mut draft.borrow_mut());
    let submit = {
        let draft = draft.clone();
        let dispatch = props.dispatch.clone();
        let kind = kind.clone();
        Callback::from(move |()| {
            let response = draft
                .borrow()
                .clone()
                .unwrap_or_else(|| empty_response(&kind, blank_count));
            dispatch.emit(PracticeAction::Submit(response));
        })
    };
    let handlers = AnswerFormHandlers::new(submit);
    let on_change = {
        let draft = draft.clone();
        Callback::from(move |response: Response| *draft.borrow_mut() = Some(response))
    };
    let on_gap = {
        let draft = draft.clone();
        Callback::from(move |(index, text): (usize, String)| {
            let mut draft = draft.borrow_mut();
            let gaps =
                draft.get_or_insert_with(|| Response::Blanks(vec![String::new(); blank_count]));
            if let Response::Blanks(gaps) = gaps {
                if let Some(gap) = gaps.get_mut(index) {
                    *gap = text;
                }
            }
        })
    };
    // A problem in steps shows its own question above the step, even when it has one step.
    let in_steps = matches!(props.item.kind, ItemKind::MultiStep { .. });
    let step_count_shown = parts.len() > 1;
    let prompt = match &*kind {
        ItemKind::FillBlanks { .. } => prompt_with_gaps(
            part.prompt,
            props.screen,
            blanks,
            answered,
            on_gap,
            words.gap_label(),
        ),
        _ => {
            html! { <div class="ap-prompt" id="ap-prompt">{ block_text(part.prompt, props.screen) }</div> }
        }
    };
    html! {
        <>
        <form key={props.revision} class="ap-item" id="ap-item-form" onsubmit={handlers.onsubmit} onkeydown={handlers.onkeydown} novalidate=true
            data-item-id={props.item.id.clone()} data-item-type={part.kind.type_name()} data-part={part_index.to_string()}>
            if in_steps {
                <div class="ap-problem">{ block_text(&props.item.prompt, props.screen) }</div>
            }
            if step_count_shown {
                <p class="ap-step-count">{ fill(words.step_of(), &[("step", &(part_index + 1).to_string()), ("steps", &parts.len().to_string())]) }</p>
            }
            { prompt }
            { answer_control(AnswerControlProps { kind: kind.clone(), seed: props.seed, disabled: answered, given,
                on_change, labelled_by: "ap-prompt".into(), screen: props.screen.clone(), order,
                render: props.held.scaffolds.render.clone() }) }
            if let Some(message) = unreadable {
                <p class="ap-unreadable" id="ap-unreadable" role="alert">{ words.unreadable(message) }</p>
            }
        </form>
        // Outside the form: a scaffold is a small form of its own. Check comes after the hints.
        { hint_list(&HintListProps { hints, shown: props.hints_shown, answered,
            seed: props.seed, list: props.held.hint_list.clone(), revision: props.revision, screen: props.screen,
            scaffolds: &props.held.scaffolds }) }
        if !answered {
            <button type="button" class="ap-button ap-check" part="button" onclick={handlers.onclick}>{ words.check() }</button>
        }
        </>
    }
}
