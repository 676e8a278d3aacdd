//! What the teacher page (www/teacher.html) asks of the engine: calibrated item difficulties from
//! a class's report files, as a bank file to publish back. Runs in the teacher's browser.

use std::collections::BTreeMap;

use adaptive_practice_engine::calibration::calibrate_bank_items;
use adaptive_practice_engine::progress::plausibility::check_report;
use adaptive_practice_engine::report::{read_report, read_report_for, LearnerReport, ReportError};
use adaptive_practice_engine::{load_bank, Severity, Timestamp};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(test)]
mod tests;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Calibration {
    /// The bank with calibrated difficulties (items nobody answered keep theirs).
    bank: serde_json::Value,
    items: Vec<adaptive_practice_engine::calibration::CalibratedItem>,
    learners: usize,
    /// Report files that were not used, and why.
    skipped: Vec<Skipped>,
}

/// Why a report file cannot be used: `kind` for the page's logic, `message` for people.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReadingError {
    kind: &'static str,
    message: String,
}

impl From<ReportError> for ReadingError {
    fn from(error: ReportError) -> Self {
        ReadingError {
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}

/// A report file the calibration did not use: its position in the list given (from 0), and why.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Skipped {
    report: usize,
    error: ReadingError,
}

/// One report file read: the report, or why it cannot be used; with the plausibility rules it
/// breaks (`implausible`, sentences; absent when none), which the page flags.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reading {
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<LearnerReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ReadingError>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    implausible: Vec<String>,
}

/// The teacher's clock, for the plausibility rules (no date in the future).
fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// Reads one report file, on any bank, with the engine's one reader: `{ report }` (with
/// `implausible: [reason, …]` when it breaks a plausibility rule), or `{ error: { kind, message } }`.
#[wasm_bindgen(js_name = readReport)]
pub fn read_report_file(text: &str) -> Result<JsValue, JsError> {
    let reading = match read_report(text) {
        Ok(report) => Reading {
            implausible: check_report(&report, now())
                .iter()
                .map(ToString::to_string)
                .collect(),
            report: Some(report),
            error: None,
        },
        Err(error) => Reading {
            report: None,
            error: Some(error.into()),
            implausible: Vec::new(),
        },
    };
    reading
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Calibrates the difficulties of `bank_json`'s items from the class's `reports` (JSON texts).
#[wasm_bindgen(js_name = calibrateBank)]
pub fn calibrate_bank(bank_json: &str, reports: Vec<String>) -> Result<JsValue, JsError> {
    let loaded = load_bank(bank_json);
    let Some(bank) = loaded.bank else {
        let first = loaded
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .map(ToString::to_string);
        return Err(JsError::new(&format!(
            "the bank cannot be read: {}",
            first.unwrap_or_default()
        )));
    };
    let mut skipped = Vec::new();
    let mut records = Vec::new();
    let now = now();
    for (index, text) in reports.iter().enumerate() {
        match read_report_for(text, &bank.id) {
            // A report no learner could have made is not calibrated from (the page flags it).
            Ok(report) if !check_report(&report, now).is_empty() => skipped.push(Skipped {
                report: index,
                error: ReadingError {
                    kind: "implausible",
                    message: "not plausible".into(),
                },
            }),
            Ok(report) => records.push(
                report
                    .items
                    .iter()
                    .map(|i| (i.id.clone(), (i.attempts, i.correct)))
                    .collect::<BTreeMap<_, _>>(),
            ),
            Err(error) => skipped.push(Skipped {
                report: index,
                error: error.into(),
            }),
        }
    }
    let ids: Vec<String> = bank.items.iter().map(|i| i.id.clone()).collect();
    let priors: Vec<f64> = bank.items.iter().map(|i| i.prior_difficulty()).collect();
    let items = calibrate_bank_items(&ids, &priors, &records);
    let mut calibrated: serde_json::Value =
        serde_json::from_str(bank_json).map_err(|e| JsError::new(&e.to_string()))?;
    if let Some(list) = calibrated.get_mut("items").and_then(|v| v.as_array_mut()) {
        for entry in list.iter_mut() {
            let id = entry.get("id").and_then(|v| v.as_str()).map(str::to_owned);
            if let Some(found) = id.and_then(|id| items.iter().find(|c| c.id == id)) {
                entry["difficulty"] = serde_json::json!(found.difficulty);
            }
        }
    }
    let result = Calibration {
        bank: calibrated,
        items,
        learners: records.len(),
        skipped,
    };
    // JSON-compatible: maps become plain objects, so the page can `JSON.stringify` the bank.
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
