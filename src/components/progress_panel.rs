//! The learner's own data: save progress to a file and load it elsewhere, a report (file or short
//! code) for the teacher, and starting again after a confirmation.

use std::cell::RefCell;
use std::rc::Rc;

use adaptive_practice_engine::progress::save_progress;
use adaptive_practice_engine::report::{learner_report, report_text};
use adaptive_practice_engine::text_rules::join_texts;
use adaptive_practice_engine::Progress;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::{download_text, now, read_file_text, short_code};
use crate::i18n::{fill, Words};
use crate::state::{ImportResult, PracticeAction, PracticeState};

/// What the learner's data panel is drawn from, borrowed from the practice screen at each of
/// its renders.
pub struct ProgressPanelProps<'a> {
    /// The practice screen's `dispatch_callback`: a chosen file is sent as `PracticeAction::Import`.
    pub dispatch: &'a Callback<PracticeAction>,
    /// What the last import did (a sentence), if anything.
    pub import_message: Option<String>,
    /// Whether the last import can be undone (Undo is shown).
    pub can_undo: bool,
    pub words: &'static Words,
    pub state: &'a ProgressPanelState,
}

/// The panel's own state, kept by the practice screen's hooks (`use_progress_panel_state`):
/// whether the question of starting again is shown, the report's short code (empty until made)
/// and the name field (it keeps what was typed; read when the report is made).
#[derive(Clone)]
pub struct ProgressPanelState {
    shown: PanelShown,
    name_field: NodeRef,
}

/// Whether the question is shown and the short code, in the screen's `ScreenHeld`, each change shown by a
/// forced render of the screen (`set`): no `use_state` of a `bool` and of a `String`, whose
/// reducers Yew compiles for each type.
#[derive(Clone)]
struct PanelShown {
    held: Rc<RefCell<(bool, String)>>,
    render: UseForceUpdateHandle,
}

impl PanelShown {
    fn set_code(&self, code: String) {
        self.held.borrow_mut().1 = code;
        self.render.force_update();
    }
}

impl ProgressPanelState {
    /// Shows or hides the question of starting again.
    pub fn set_confirming(&self, confirming: bool) {
        self.shown.held.borrow_mut().0 = confirming;
        self.shown.render.force_update();
    }
}

/// The panel's state, for a practice screen that draws it: `held` is the screen's (`ScreenHeld`).
#[hook]
pub fn use_progress_panel_state(held: &Rc<RefCell<(bool, String)>>) -> ProgressPanelState {
    ProgressPanelState {
        shown: PanelShown {
            held: held.clone(),
            render: use_force_update(),
        },
        name_field: use_node_ref(),
    }
}

fn file_name(text: &str) -> String {
    let mut name = String::with_capacity(text.len());
    for c in text.chars() {
        name.push(
            if adaptive_practice_engine::text_rules::is_letter_or_number(c) || c == '-' {
                c
            } else {
                '-'
            },
        );
    }
    name
}

/// The learner's data: a plain function the practice screen calls, not a component of its own
/// (its props held a copy of the progress made at each render of the screen).
pub fn progress_panel(props: &ProgressPanelProps) -> Html {
    let words = props.words;
    let shown = &props.state.shown;
    let (confirming, code) = shown.held.borrow().clone();
    let name_field = &props.state.name_field;

    let on_file = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let dispatch = dispatch.clone();
            read_file_text(
                &input.clone(),
                Box::new(move |content| {
                    if let Some(content) = content.as_string() {
                        dispatch.emit(PracticeAction::Import(content));
                    }
                    input.set_value("");
                }),
            );
        })
    };
    html! {
        <details class="ap-data">
            <summary class="ap-data-title">{ words.data_title() }</summary>
            <p class="ap-hint">{ words.data_explained() }</p>
            <div class="ap-actions">
                <button type="button" class="ap-button ap-button-quiet ap-export" data-do="export">{ words.export_progress() }</button>
                <label class="ap-button ap-button-quiet ap-import">
                    { words.import_progress() }
                    <input type="file" class="ap-file" accept=".json,application/json" onchange={on_file} />
                </label>
            </div>
            if let Some(message) = &props.import_message {
                <p class="ap-import-message" role="status">{ message.clone() }</p>
            }
            if props.can_undo {
                <button type="button" class="ap-button ap-button-quiet ap-undo-import" data-do="undo-import">{ words.undo_import() }</button>
            }
            <div class="ap-report">
                <label class="ap-label" for="ap-learner-name">{ words.your_name() }</label>
                <input id="ap-learner-name" class="ap-input" type="text" autocomplete="name" ref={name_field.clone()} />
                <button type="button" class="ap-button ap-button-quiet ap-make-report" data-do="report">{ words.make_report() }</button>
                if !code.is_empty() {
                    <label class="ap-label" for="ap-report-code">{ words.report_code() }</label>
                    <textarea id="ap-report-code" class="ap-code" readonly=true rows="3" value={code} />
                }
            </div>
            if confirming {
                <div class="ap-confirm" role="alertdialog" aria-labelledby="ap-reset-question">
                    <p id="ap-reset-question">{ words.reset_question() }</p>
                    <div class="ap-actions">
                        <button type="button" class="ap-button ap-reset-confirm" data-do="reset">{ words.reset_confirm() }</button>
                        <button type="button" class="ap-button ap-button-quiet" data-do="cancel-reset">{ words.cancel() }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="ap-button ap-button-quiet ap-reset" data-do="ask-reset">{ words.reset_progress() }</button>
            }
        </details>
    }
}

/// What the panel's button named `act` (its `data-do`) does, from the practice screen's one click
/// listener (Start again, which changes the practice state, is the screen's own). The practice
/// state's bank and progress are read then: no copy of the progress is made at each render.
pub fn panel_click(act: &str, practice: &PracticeState, panel: &ProgressPanelState) {
    match act {
        "export" => download_text(
            &format!("{}-progress.json", file_name(practice.bank.id())),
            &save_progress(&practice.progress),
            "application/json",
        ),
        "report" => {
            let learner_name = panel
                .name_field
                .cast::<HtmlInputElement>()
                .map(|field| field.value())
                .unwrap_or_default();
            let report = learner_report(&practice.bank, &practice.progress, &learner_name, now());
            let json = report_text(&report);
            let name = if learner_name.trim().is_empty() {
                "learner".to_string()
            } else {
                file_name(learner_name.trim())
            };
            download_text(
                &format!("{}-report-{name}.json", file_name(practice.bank.id())),
                &json,
                "application/json",
            );
            let shown = panel.shown.clone();
            short_code(
                &json,
                Box::new(move |code| shown.set_code(code.as_string().unwrap_or_default())),
            );
        }
        "ask-reset" => panel.set_confirming(true),
        "cancel-reset" => panel.set_confirming(false),
        _ => {}
    }
}

/// The sentence after an import: how many answers were loaded (and those it replaced kept aside,
/// while `replaced` can be brought back), that it was undone, or why nothing changed.
pub fn import_sentence(
    words: &crate::i18n::Words,
    result: &ImportResult,
    replaced: Option<&Progress>,
) -> String {
    match result {
        ImportResult::Loaded(answers) => {
            let loaded = fill(words.imported(), &[("answers", &answers.to_string())]);
            match replaced {
                Some(replaced) => {
                    let answers = replaced.model.answer_count.to_string();
                    join_texts(
                        &[
                            &loaded,
                            &fill(words.import_kept(), &[("answers", &answers)]),
                        ],
                        " ",
                    )
                }
                None => loaded,
            }
        }
        ImportResult::Undone(answers) => {
            fill(words.import_undone(), &[("answers", &answers.to_string())])
        }
        ImportResult::Refused(problem) => fill(words.import_refused(), &[("problem", problem)]),
    }
}
