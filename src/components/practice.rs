//! The practice screen: the current item, feedback after Check, Next, and the learner's progress.
//! It also runs what the reducer decides (`Effect`s: saves, backups, events) after each render.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use adaptive_practice_engine::find_text::split_at_text;
use adaptive_practice_engine::preferences::Preferences;
use adaptive_practice_engine::text_rules::join_texts;
use adaptive_practice_engine::{IndexedBank, Reading, Verdict};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::browser::{now, random_seed};
use crate::choice_reason;
use crate::components::after_first_paint::{after_first_paint, use_after_first_paint};
use crate::components::goal_panel::{
    goal_panel, load_stored_preferences, store_preferences, GoalPanelProps,
};
use crate::components::item_view::{
    item_view, shown_hint_count, use_item_view_state, ItemViewHeld, ItemViewProps,
};
use crate::components::mount_effect::{use_effect_on, use_mount_effect};
use crate::components::progress_panel::{
    import_sentence, panel_click, progress_panel, use_progress_panel_state, ProgressPanelProps,
    ProgressPanelState,
};
use crate::components::rich_text::{
    block_text, inline_text, origin_of, use_wide_formulas_focusable, MediaBase,
};
use crate::components::skill_list::{skill_list, SkillListProps};
use crate::controls::SharedControls;
use crate::events;
use crate::i18n::{fill, Words};
use crate::state::{
    Effect, EffectResult, Input, Outside, Phase, PracticeAction, PracticeState, StorageStatus,
};
use crate::storage;
use crate::storage::StorageProblem;

#[derive(Properties)]
pub struct PracticeProps {
    pub bank: Rc<IndexedBank>,
    pub storage_key: String,
    /// The page's `storage-key`, when it gave one: earlier versions stored every bank's progress
    /// under it, where this bank's may still be.
    pub shared_storage_key: Option<String>,
    pub host: Option<web_sys::Element>,
    /// The bank's URL, when it came from one.
    pub source_url: Option<String>,
    /// Other origins media may be loaded from (`media-origins`), besides the bank's own.
    pub media_origins: Rc<Vec<String>>,
    pub controls: SharedControls,
    pub words: &'static Words,
    /// Whether the bank's texts have been checked (`app.rs`): until then no effect runs, so a
    /// bank refused after its first frame has stored nothing and told the host nothing.
    pub checked: bool,
}

/// Props are equal when they share the same bank (`Rc::ptr_eq`): the bank is read once and never
/// changes, and comparing two banks item by item compiled the whole bank's `PartialEq` in.
impl PartialEq for PracticeProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bank, &other.bank)
            && self.storage_key == other.storage_key
            && self.shared_storage_key == other.shared_storage_key
            && self.host == other.host
            && self.source_url == other.source_url
            && self.media_origins == other.media_origins
            && self.controls == other.controls
            && self.words == other.words
            && self.checked == other.checked
    }
}

/// What the practice screen gives every part inside it, in their props (not Yew's context: each
/// context type is a component of its own in the wasm): the interface's words and where bank
/// media may come from.
#[derive(Clone, PartialEq)]
pub struct ScreenContext {
    pub words: &'static Words,
    pub media: MediaBase,
    /// How the bank's typed answers are read (its language's numbers): a scaffold's too.
    pub reading: Reading,
}

/// What the practice screen and its parts keep between renders, in one `use_mut_ref`: a
/// `use_mut_ref` of each type was a hook compiled apart. A change to show is shown by a forced
/// render of the screen.
#[derive(Default)]
pub struct ScreenHeld {
    /// How many effects were run (`use_effects`).
    effects_ran: Rc<Cell<u64>>,
    /// Whether the screen's first frame was painted (`use_after_first_paint`).
    painted: Rc<Cell<bool>>,
    /// The learner's goal and calm mode, read from storage at the first render.
    preferences: RefCell<Option<Preferences>>,
    item: ItemViewHeld,
    /// The learner's data panel's: whether the question of starting again is shown, and the
    /// report's short code.
    panel: Rc<RefCell<(bool, String)>>,
}

/// What the learner is told about storage. In a frame sandboxed without `allow-same-origin` the
/// page's origin is opaque (`null`) and storage is refused: then the notice says what the frame
/// needs, for the learner to pass on.
fn storage_notice(status: &StorageStatus, words: &Words) -> Option<String> {
    let sandboxed = web_sys::window().is_some_and(|w| w.origin() == "null");
    match status {
        StorageStatus::NotSaved(StorageProblem::Unavailable) if sandboxed => {
            Some(words.not_saved_sandboxed().to_string())
        }
        _ => status.notice(words),
    }
}

/// The media base and allowed origins: the bank's URL (the page's for an inline bank), its origin
/// and the origins the host listed.
fn media_base(source_url: Option<&str>, listed: &[String]) -> MediaBase {
    let page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let base = source_url.map(str::to_owned).unwrap_or(page);
    let mut origins = Vec::with_capacity(listed.len() + 1);
    origins.extend(origin_of(&base));
    origins.extend_from_slice(listed);
    MediaBase {
        base: base.into(),
        origins: Rc::new(origins),
    }
}

/// What the reducer needs from outside, read when an action is dispatched: the clock, a seed,
/// and what is stored under `storage_key`.
fn read_outside(storage_key: &str) -> Outside {
    Outside {
        now: now(),
        seed: random_seed(),
        stored: storage::read(storage_key),
    }
}

/// Where the learner's preferences are kept: the progress key with its first `/progress/` as
/// `/prefs/` (`str::replacen` did it, compiling std's two-way text searcher in for it alone).
fn preferences_key(storage_key: &str) -> String {
    match split_at_text(storage_key, "/progress/") {
        Some((before, after)) => join_texts(&[before, after], "/prefs/"),
        None => storage_key.to_string(),
    }
}

/// The practice screen's one callback: dispatches the action it is given, with what it read
/// outside (todomvc's `make_callback`). One callback type for every action: a callback per
/// argument type (`Callback<Response>`, `Callback<String>`, …) was compiled once per type.
fn dispatch_callback(state: &UseReducerHandle<PracticeState>) -> Callback<PracticeAction> {
    let dispatcher = state.dispatcher();
    let storage_key = state.storage_key.clone();
    Callback::from(move |action| {
        dispatcher.dispatch(Input {
            action,
            outside: read_outside(&storage_key),
        })
    })
}

/// The practice screen's one click listener, on its card. Each of the screen's buttons but the
/// item's own (Check, a scaffold's Check, the Move buttons) says what it does in its `data-do`
/// attribute: one closure in the wasm for them all, not one per button.
fn on_card_click(
    state: &UseReducerHandle<PracticeState>,
    dispatch: &Callback<PracticeAction>,
    panel: &ProgressPanelState,
) -> Callback<MouseEvent> {
    let state = state.clone();
    let dispatch = dispatch.clone();
    let panel = panel.clone();
    Callback::from(move |event: MouseEvent| {
        let button = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|target| target.closest("[data-do]").ok().flatten());
        let Some(button) = button else {
            return;
        };
        let action = match button.get_attribute("data-do").unwrap_or_default().as_str() {
            "next" => PracticeAction::Next,
            "another" => PracticeAction::AnotherVariant,
            "hint" => PracticeAction::ShowHint,
            "undo-import" => PracticeAction::UndoImport,
            // A skill's row names the skill; Let the widget choose is in no row (`None`).
            "choose" => PracticeAction::ChooseSkill(
                button
                    .closest("[data-skill]")
                    .ok()
                    .flatten()
                    .and_then(|row| row.get_attribute("data-skill")),
            ),
            "reset" => {
                panel.set_confirming(false);
                PracticeAction::Reset
            }
            other => return panel_click(other, &state, &panel),
        };
        dispatch.emit(action);
    })
}

/// Runs one effect; what storage did, for the reducer.
fn run_effect(effect: &Effect, host: Option<&web_sys::Element>) -> Option<EffectResult> {
    match effect {
        Effect::Save { key, text } => Some(EffectResult::Saved {
            text: text.clone(),
            result: storage::write(key, text),
        }),
        Effect::BackUp {
            key,
            at,
            text,
            problem,
            then_save,
        } => Some(EffectResult::BackedUp {
            text: text.clone(),
            problem: problem.clone(),
            then_save: *then_save,
            kept: storage::keep_aside(key, *at, text).is_ok(),
        }),
        Effect::KeepAside { key, at, text } => {
            // Not kept (storage refused): Undo still brings it back while the page is open.
            let _ = storage::keep_aside(key, *at, text);
            None
        }
        Effect::Emit(host_events) => {
            for event in host_events.iter() {
                if let Some(host) = host {
                    events::send(host, event);
                }
            }
            None
        }
    }
}

/// The practice state: loaded from storage once, reachable from the JS handle (reset) and from
/// other tabs (`storage` events). `use_effects` runs what its reducer decides.
#[hook]
fn use_practice_state(props: &PracticeProps) -> UseReducerHandle<PracticeState> {
    let state = {
        let bank = props.bank.clone();
        let key = props.storage_key.clone();
        let source_url = props.source_url.clone();
        let shared_key = props.shared_storage_key.clone();
        use_reducer(move || {
            let outside = read_outside(&key);
            let earlier = match (&outside.stored, shared_key) {
                (Ok(None), Some(shared)) => storage::earlier_shared_copies(&shared),
                _ => Vec::new(),
            };
            PracticeState::start(bank, key, source_url, outside, &earlier)
        })
    };
    {
        // Let the JS handle reach this widget: its storage key, and a reset.
        let controls = props.controls.clone();
        let key = props.storage_key.clone();
        let reset = dispatch_callback(&state);
        use_mount_effect(Box::new(move || {
            *controls.0.storage_key.borrow_mut() = Some(key);
            *controls.0.reset.borrow_mut() = Some(reset);
            let controls = controls.clone();
            Box::new(move || {
                controls.0.reset.borrow_mut().take();
            })
        }));
    }
    {
        // Another tab changed this bank's stored progress: merge it in and show it. The storage
        // key never changes while the screen is up (the root's props never change: any change
        // of the element's attributes mounts the widget anew), so the listener is added once,
        // through the one boxed mount effect (no effect compiled for a `String` key). Listened
        // for from the second frame: Chromium spends milliseconds on a window's first `storage`
        // listener, and a change in between is merged anyway by the next save's `sync`.
        let dispatch = dispatch_callback(&state);
        let key = props.storage_key.clone();
        use_mount_effect(Box::new(move || {
            let listener = Rc::new(RefCell::new(None));
            let gone = Rc::new(Cell::new(false));
            {
                let (listener, gone) = (listener.clone(), gone.clone());
                after_first_paint(move || {
                    if !gone.get() {
                        *listener.borrow_mut() = storage::listen_for_changes(key, move |value| {
                            dispatch.emit(PracticeAction::StorageChanged(value))
                        });
                    }
                });
            }
            Box::new(move || {
                gone.set(true);
                drop(listener.borrow_mut().take());
            })
        }));
    }
    state
}

/// Runs the effects the reducer decided since the last run, after the render, and reports what
/// storage did (`PracticeAction::EffectsRan`), once the bank is `checked`. Declared after the
/// focus hook, so that focus moves before storage and the host page's event listeners are reached.
#[hook]
fn use_effects(
    state: &UseReducerHandle<PracticeState>,
    host: Option<web_sys::Element>,
    checked: bool,
    ran: &Rc<Cell<u64>>,
) {
    let ran = ran.clone();
    let handle = state.clone();
    let dispatch = dispatch_callback(state);
    let decided = state.effects_decided();
    // The key changes when either changes (the count of effects stays far below 2^63).
    let key = decided << 1 | u64::from(checked);
    use_effect_on(
        key,
        Box::new(move || {
            let done = ran.get();
            if checked && decided > done {
                let mut results = Vec::new();
                for effect in handle.effects_after(done) {
                    results.extend(run_effect(effect, host.as_ref()));
                }
                ran.set(decided);
                dispatch.emit(PracticeAction::EffectsRan {
                    upto: decided,
                    results,
                });
            }
            Box::new(|| ())
        }),
    );
}

/// The verdict, the item's feedback, the correct answer and skills newly mastered, as
/// sentences; and the worked solution to show (a step's own, or the item's at the end).
fn feedback(
    state: &PracticeState,
    screen: &ScreenContext,
) -> (Option<(bool, Html)>, Option<String>) {
    let words = screen.words;
    let Phase::Answered { report, .. } = &*state.phase else {
        return (None, None);
    };
    let bank = &state.bank;
    let verdict = match report.outcome.verdict {
        Verdict::Right => words.correct(),
        Verdict::Partial => words.partially_right(),
        Verdict::Wrong => words.incorrect(),
    };
    let mut sentences = vec![html! { <strong>{ verdict }</strong> }];
    if let Some(reason) = &report.outcome.reason {
        sentences.push(html! { <>{ words.verdict_reason(reason) }</> });
    }
    if let Some(extra) = &report.outcome.feedback {
        sentences.push(inline_text(extra, screen));
    }
    if !report.outcome.correct {
        let answer = words.correct_answer_sentence(&report.outcome.correct_answer);
        sentences.push(inline_text(&answer, screen));
    }
    if !report.newly_mastered.is_empty() {
        let mut names: Vec<&str> = Vec::with_capacity(report.newly_mastered.len());
        for id in &report.newly_mastered {
            names.push(bank.skill_name(id));
        }
        sentences.push(
            html! { <>{ fill(words.newly_mastered(), &[("names", &join_texts(&names, ", "))]) }</> },
        );
    }
    let shown_item = state.on_screen.as_ref().and_then(|s| s.item.as_ref().ok());
    let solution = shown_item.and_then(|item| {
        let parts = item.parts();
        let part_index = state.on_screen.as_ref().map_or(0, |s| s.part_index);
        let step_solution = parts
            .get(part_index)
            .and_then(|p| p.solution)
            .filter(|_| parts.len() > 1);
        step_solution.map(str::to_string).or_else(|| {
            if report.more_parts {
                None
            } else {
                item.solution.clone()
            }
        })
    });
    let mut spaced = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        spaced.push(html! { <>{ sentence }{ " " }</> });
    }
    let spaced: Html = VList::with_children(spaced, None).into();
    (Some((report.outcome.correct, spaced)), solution)
}

/// Moves keyboard focus: to Next after an answer, to the first control of a new item (a field, a
/// list, or an ordering item's first enabled Move button).
#[hook]
fn use_deliberate_focus(
    answered: bool,
    item_revision: u32,
    next_button: NodeRef,
    item_area: NodeRef,
) {
    // The key changes when either changes.
    let key = u64::from(item_revision) << 1 | u64::from(answered);
    use_effect_on(
        key,
        Box::new(move || {
            if answered {
                if let Some(button) = next_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            } else if item_revision > 0 {
                let first_input = item_area
                .cast::<web_sys::Element>()
                .and_then(|area| area.query_selector("form.ap-item input, form.ap-item select, form.ap-item button:not([disabled])").ok().flatten())
                .and_then(|input| input.dyn_into::<HtmlElement>().ok());
                if let Some(input) = first_input {
                    let _ = input.focus();
                }
            }
            Box::new(|| ())
        }),
    );
}

#[component]
pub fn Practice(props: &PracticeProps) -> Html {
    let state = use_practice_state(props);
    let held = use_mut_ref(ScreenHeld::default);
    let screen_held = held.borrow();
    let next_button = use_node_ref();
    let item_area = use_node_ref();
    let answered = matches!(*state.phase, Phase::Answered { .. });
    // The item view's state (a plain function's, held here): declared first, so that focus moves
    // to an opened hint before storage and events are reached, as when it was a component.
    let shown_hints = match &state.on_screen {
        Some(on_screen) => match &on_screen.item {
            Ok(item) => shown_hint_count(item, on_screen.part_index, on_screen.hints_shown),
            Err(_) => 0,
        },
        None => 0,
    };
    let item_view_state = use_item_view_state(state.item_revision, shown_hints, &screen_held.item);
    use_deliberate_focus(
        answered,
        state.item_revision,
        next_button.clone(),
        item_area.clone(),
    );
    use_effects(
        &state,
        props.host.clone(),
        props.checked,
        &screen_held.effects_ran,
    );
    let rest_shown = use_after_first_paint(&screen_held.painted);
    let card = use_node_ref();
    use_wide_formulas_focusable(&card, props.words.wide_formula());
    let panel_state = use_progress_panel_state(&screen_held.panel);

    let bank = &state.bank;
    let words = props.words;
    let model = &state.progress.model;
    let dispatch = dispatch_callback(&state);
    let on_click = on_card_click(&state, &dispatch, &panel_state);
    // The learner's goal and calm mode, kept beside the progress (`…/prefs/…`).
    let preferences_key = preferences_key(&props.storage_key);
    if screen_held.preferences.borrow().is_none() {
        *screen_held.preferences.borrow_mut() = Some(load_stored_preferences(&preferences_key));
    }
    let preferences = screen_held.preferences.borrow().clone().unwrap_or_default();
    let render = use_force_update();
    let on_preferences = {
        let held = held.clone();
        Callback::from(move |changed: Preferences| {
            store_preferences(&preferences_key, &changed);
            *held.borrow().preferences.borrow_mut() = Some(changed);
            render.force_update();
        })
    };
    let calm = preferences.calm;
    let screen = ScreenContext {
        words,
        media: media_base(props.source_url.as_deref(), &props.media_origins),
        reading: Reading::of_bank(bank.bank()),
    };
    let (feedback, solution) = feedback(&state, &screen);
    let is_template = state
        .on_screen
        .as_ref()
        .and_then(|s| bank.items().get(s.choice.item_position))
        .is_some_and(|item| item.template.is_some());
    let more_parts = matches!(&*state.phase, Phase::Answered { report, .. } if report.more_parts);
    // Set as the `className` property (`~className`), not through Yew's `Classes` (skill_list.rs).
    let feedback_class = match &feedback {
        Some((true, _)) => "ap-feedback ap-feedback-correct",
        Some((false, _)) => "ap-feedback ap-feedback-wrong",
        None => "ap-feedback",
    };
    html! {
        <section class="ap-card" part="card" aria-labelledby="ap-title" ref={card} onclick={on_click}>
            <header class="ap-header">
                <h2 class="ap-title" id="ap-title">{ bank.title() }</h2>
                <span class="ap-score" hidden={calm}>{ fill(words.answered_summary(), &[("answers", &model.answer_count.to_string()), ("correct", &model.correct_count.to_string())]) }</span>
            </header>
            if let Some(notice) = storage_notice(&state.storage, words) {
                <p class="ap-notice" role="alert">{ notice }</p>
            }
            <div class="ap-item-area" ref={item_area}>
                {
                    match &state.on_screen {
                        None => html! { <p>{ words.no_items() }</p> },
                        Some(on_screen) => match &on_screen.item {
                            Err(problem) => html! {
                                <p class="ap-notice" role="alert">{ format!("{} {problem}", words.item_broken()) }</p>
                            },
                            Ok(item) => html! {
                                <>
                                    { item_view(&ItemViewProps { item, revision: state.item_revision, part_index: on_screen.part_index,
                                        phase: &state.phase, hints_shown: on_screen.hints_shown, seed: on_screen.choice.variant_seed,
                                        dispatch: &dispatch, screen: &screen, held: &item_view_state }) }
                                    if !answered {
                                        <p class="ap-why">{ choice_reason::why_this_item(words, bank, &on_screen.choice.reason) }</p>
                                    }
                                </>
                            },
                        },
                    }
                }
            </div>
            <div ~className={feedback_class} part="feedback" role="status" aria-live="polite" aria-atomic="true">
                { feedback.map(|(_, text)| text).unwrap_or_default() }
            </div>
            if let Some(solution) = solution {
                <details class="ap-solution" open=true>
                    <summary>{ words.worked_solution() }</summary>
                    { block_text(&solution, &screen) }
                </details>
            }
            if answered {
                <div class="ap-actions">
                    <button type="button" class="ap-button ap-next" part="button" ref={next_button} data-do="next">
                        { if more_parts { words.next_step() } else { words.next_item() } }
                    </button>
                    if is_template && !more_parts {
                        <button type="button" class="ap-button ap-button-quiet ap-another" data-do="another">
                            { words.try_another() }
                        </button>
                    }
                </div>
            }
            // Below the item, built once the item is on screen (500 skill rows take longer than a frame).
            if rest_shown {
                { goal_panel(&GoalPanelProps { bank: &state.bank, model, now: now(), preferences: &preferences, on_change: &on_preferences, words }) }
                { skill_list(&SkillListProps { bank: &state.bank, model, now: now(), focus: &state.focus_skill, calm, words }) }
                { progress_panel(&ProgressPanelProps {
                    dispatch: &dispatch, import_message: state.import_result.as_ref().map(|r| import_sentence(words, r, state.replaced.as_deref())),
                    can_undo: state.replaced.is_some(), words, state: &panel_state }) }
            }
        </section>
    }
}
