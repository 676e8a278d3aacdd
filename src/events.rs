//! DOM events the widget sends to its host page (bubbling, composed, so they cross the shadow root).

use adaptive_practice_engine::{AnswerReport, IndexedBank, NextItem, Progress};
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AnswerDetail<'a> {
    bank_id: &'a str,
    item_id: &'a str,
    correct: bool,
    predicted_success: f64,
    newly_mastered: &'a [String],
    answer_count: u32,
}

fn dispatch(host: &Element, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Sends `answer` after each judged answer.
pub fn dispatch_answer(host: &Element, bank: &IndexedBank, item: &NextItem, report: &AnswerReport, progress: &Progress) {
    let detail = AnswerDetail {
        bank_id: &bank.bank.id,
        item_id: &item.item_id,
        correct: report.outcome.correct,
        predicted_success: report.predicted_success,
        newly_mastered: &report.newly_mastered,
        answer_count: progress.model.answer_count,
    };
    if let Ok(value) = serde_wasm_bindgen::to_value(&detail) {
        dispatch(host, "answer", &value);
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ErrorDetail<'a> {
    message: &'a str,
    diagnostics: Vec<String>,
}

/// Sends `error` when the bank cannot be loaded.
pub fn dispatch_error(host: &Element, message: &str, diagnostics: &[adaptive_practice_engine::Diagnostic]) {
    let detail = ErrorDetail { message, diagnostics: diagnostics.iter().map(ToString::to_string).collect() };
    if let Ok(value) = serde_wasm_bindgen::to_value(&detail) {
        dispatch(host, "error", &value);
    }
}
