//! The learner's own data: save progress to a file and load it elsewhere, a report (file or short
//! code) for the teacher, and starting again after a confirmation.

use std::rc::Rc;

use adaptive_practice_engine::progress::save_progress;
use adaptive_practice_engine::report::{learner_report, report_text};
use adaptive_practice_engine::{IndexedBank, Progress};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::{download_text, now, read_file_text, short_code};
use crate::i18n::{fill, use_words};

#[derive(Properties)]
pub struct ProgressPanelProps {
    pub bank: Rc<IndexedBank>,
    pub progress: Progress,
    pub on_reset: Callback<()>,
    pub on_import: Callback<String>,
    /// What the last import did (a sentence), if anything.
    pub import_message: Option<String>,
}

/// Props are equal when they share the same bank (`Rc::ptr_eq`, as the practice screen's).
impl PartialEq for ProgressPanelProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bank, &other.bank)
            && self.progress == other.progress
            && self.on_reset == other.on_reset
            && self.on_import == other.on_import
            && self.import_message == other.import_message
    }
}

fn file_name(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[component]
pub fn ProgressPanel(props: &ProgressPanelProps) -> Html {
    let words = use_words();
    let confirming = use_state(|| false);
    let learner_name = use_state(String::new);
    // The short code, empty until made: a `String` state as the name's, not an `Option` (each
    // state type compiles Yew's state hook once more).
    let code = use_state(String::new);
    let bank_id = props.bank.id().to_string();

    let on_export = {
        let progress = props.progress.clone();
        let bank_id = bank_id.clone();
        Callback::from(move |_: MouseEvent| {
            download_text(
                &format!("{}-progress.json", file_name(&bank_id)),
                &save_progress(&progress),
                "application/json",
            );
        })
    };
    let on_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let on_import = on_import.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(content) = read_file_text(&input).await {
                    on_import.emit(content);
                }
                input.set_value("");
            });
        })
    };
    let on_name = {
        let learner_name = learner_name.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            learner_name.set(input.value());
        })
    };
    let on_report = {
        let bank = props.bank.clone();
        let progress = props.progress.clone();
        let learner_name = learner_name.clone();
        let code = code.clone();
        Callback::from(move |_: MouseEvent| {
            let report = learner_report(&bank, &progress, &learner_name, now());
            let json = report_text(&report);
            let name = if learner_name.trim().is_empty() {
                "learner".to_string()
            } else {
                file_name(learner_name.trim())
            };
            download_text(
                &format!("{}-report-{name}.json", file_name(bank.id())),
                &json,
                "application/json",
            );
            let code = code.clone();
            wasm_bindgen_futures::spawn_local(async move {
                code.set(short_code(&json).await.unwrap_or_default())
            });
        })
    };
    let ask_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let do_reset = {
        let confirming = confirming.clone();
        let on_reset = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_reset.emit(());
        })
    };
    html! {
        <details class="ap-data">
            <summary class="ap-data-title">{ words.data_title }</summary>
            <p class="ap-hint">{ words.data_explained }</p>
            <div class="ap-actions">
                <button type="button" class="ap-button ap-button-quiet ap-export" onclick={on_export}>{ words.export_progress }</button>
                <label class="ap-button ap-button-quiet ap-import">
                    { words.import_progress }
                    <input type="file" class="ap-file" accept=".json,application/json" onchange={on_file} />
                </label>
            </div>
            if let Some(message) = &props.import_message {
                <p class="ap-import-message" role="status">{ message.clone() }</p>
            }
            <div class="ap-report">
                <label class="ap-label" for="ap-learner-name">{ words.your_name }</label>
                <input id="ap-learner-name" class="ap-input" type="text" autocomplete="name" value={(*learner_name).clone()} oninput={on_name} />
                <button type="button" class="ap-button ap-button-quiet ap-make-report" onclick={on_report}>{ words.make_report }</button>
                if !code.is_empty() {
                    <label class="ap-label" for="ap-report-code">{ words.report_code }</label>
                    <textarea id="ap-report-code" class="ap-code" readonly=true rows="3" value={(*code).clone()} />
                }
            </div>
            if *confirming {
                <div class="ap-confirm" role="alertdialog" aria-labelledby="ap-reset-question">
                    <p id="ap-reset-question">{ words.reset_question }</p>
                    <div class="ap-actions">
                        <button type="button" class="ap-button ap-reset-confirm" onclick={do_reset}>{ words.reset_confirm }</button>
                        <button type="button" class="ap-button ap-button-quiet" onclick={cancel_reset}>{ words.cancel }</button>
                    </div>
                </div>
            } else {
                <button type="button" class="ap-button ap-button-quiet ap-reset" onclick={ask_reset}>{ words.reset_progress }</button>
            }
        </details>
    }
}

/// The sentence after an import: how many answers were loaded, or why nothing changed.
pub fn import_sentence(words: &crate::i18n::Words, result: &Result<u32, String>) -> String {
    match result {
        Ok(answers) => fill(words.imported, &[("answers", &answers.to_string())]),
        Err(problem) => fill(words.import_refused, &[("problem", problem)]),
    }
}
