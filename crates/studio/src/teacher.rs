//! What the teacher page (www/teacher.html, through www/teacher-worker.js) asks of the engine:
//! a class's report files read with the engine's one reader and its plausibility rules, and
//! calibrated item difficulties from the reports used, as a bank file to publish back. Runs in
//! the teacher's browser, in workers.
//!
//! A school is 1,000 reports of 500 skills: what the page needs of them crosses into JS as a few
//! typed arrays per call, not as half a million objects, and each id as a number (its place in
//! the call's `ids`).

use std::collections::{BTreeMap, HashMap};

use adaptive_practice_engine::calibration::calibrate_bank_items;
use adaptive_practice_engine::progress::plausibility::check_report;
use adaptive_practice_engine::report::{read_report, read_report_for, LearnerReport, ReportError};
use adaptive_practice_engine::{load_bank, Severity, SkillState, Timestamp};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(test)]
mod tests;

/// The skill states in the order of their codes in `skillStates`.
const STATES: [SkillState; 4] = [
    SkillState::NotStarted,
    SkillState::Learning,
    SkillState::Mastered,
    SkillState::DueForReview,
];

fn state_code(state: SkillState) -> u8 {
    match state {
        SkillState::NotStarted => 0,
        SkillState::Learning => 1,
        SkillState::Mastered => 2,
        SkillState::DueForReview => 3,
    }
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

/// A report's own figures; its skills and items are in the call's arrays (`skills` and `items`
/// of them, after the previous reports').
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportSummary {
    format: String,
    version: u32,
    bank_id: String,
    bank_version: String,
    learner: String,
    created_at: i64,
    answer_count: u32,
    correct_count: u32,
    time_on_task_seconds: u64,
    skills: usize,
    items: usize,
}

/// One report file read: the report, or why it cannot be used; with the plausibility rules it
/// breaks (`implausible`, sentences; absent when none), which the page flags.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Reading {
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<ReportSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ReadingError>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    implausible: Vec<String>,
}

/// The small part of a `readReports` answer, as JSON text.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Readings {
    readings: Vec<Reading>,
    /// The skill and item ids the arrays refer to.
    ids: Vec<String>,
    /// The state names (as in reports) of the codes in `skillStates`.
    states: Vec<serde_json::Value>,
}

/// The figures of every report read in one call, one entry per skill (or item) of each report.
#[derive(Default)]
struct Columns {
    ids: Vec<String>,
    id_numbers: HashMap<String, u32>,
    /// The numbers of the first skill and the first item of the last report added: where the
    /// next report's lists most likely begin.
    first_skill: Option<u32>,
    first_item: Option<u32>,
    skill_ids: Vec<u32>,
    skill_states: Vec<u8>,
    skill_mastery: Vec<f64>,
    skill_attempts: Vec<u32>,
    skill_correct: Vec<u32>,
    item_ids: Vec<u32>,
    item_attempts: Vec<u32>,
    item_correct: Vec<u32>,
}

impl Columns {
    /// The number of `id`, `guess` when that is its number. Reports on one bank list their
    /// skills (and items) in the same order, so the number after the previous id's is nearly
    /// always right, and one comparison of strings replaces a look-up in the table. An id is
    /// copied (from the file's text, which the report borrows it from) only the first time it
    /// is met in a call.
    fn id_number(&mut self, id: &str, guess: Option<u32>) -> u32 {
        if let Some(guess) = guess {
            if self.ids.get(guess as usize).map(String::as_str) == Some(id) {
                return guess;
            }
        }
        if let Some(&number) = self.id_numbers.get(id) {
            return number;
        }
        let number = self.ids.len() as u32;
        self.ids.push(id.to_owned());
        self.id_numbers.insert(id.to_owned(), number);
        number
    }

    /// Adds the report's skills and items; returns what stays of it.
    fn add(&mut self, report: LearnerReport<'_>) -> ReportSummary {
        let (skills, items) = (report.skills.len(), report.items.len());
        let mut guess = self.first_skill;
        for (k, skill) in report.skills.iter().enumerate() {
            let id = self.id_number(&skill.id, guess);
            if k == 0 {
                self.first_skill = Some(id);
            }
            guess = Some(id + 1);
            self.skill_ids.push(id);
            self.skill_states.push(state_code(skill.state));
            self.skill_mastery.push(skill.mastery);
            self.skill_attempts.push(skill.attempts);
            self.skill_correct.push(skill.correct);
        }
        let mut guess = self.first_item;
        for (k, item) in report.items.iter().enumerate() {
            let id = self.id_number(&item.id, guess);
            if k == 0 {
                self.first_item = Some(id);
            }
            guess = Some(id + 1);
            self.item_ids.push(id);
            self.item_attempts.push(item.attempts);
            self.item_correct.push(item.correct);
        }
        ReportSummary {
            format: report.format.into_owned(),
            version: report.version,
            bank_id: report.bank_id.into_owned(),
            bank_version: report.bank_version.into_owned(),
            learner: report.learner.into_owned(),
            created_at: report.created_at,
            answer_count: report.answer_count,
            correct_count: report.correct_count,
            time_on_task_seconds: report.time_on_task_seconds,
            skills,
            items,
        }
    }
}

/// The teacher's clock, for the plausibility rules (no date in the future).
fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A file's text as the browser's `file.text()` reads it: without a byte order mark, and with
/// bytes that are not UTF-8 replaced.
fn file_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // `from_utf8` checks plain ASCII a word at a time; the lossy reading only when needed.
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Reads one file and adds it to `columns`.
fn read_one(bytes: &[u8], now: Timestamp, columns: &mut Columns) -> Reading {
    match read_report(&file_text(bytes)) {
        Ok(report) => {
            let implausible = check_report(&report, now)
                .iter()
                .map(ToString::to_string)
                .collect();
            Reading {
                report: Some(columns.add(report)),
                error: None,
                implausible,
            }
        }
        Err(error) => Reading {
            report: None,
            error: Some(error.into()),
            implausible: Vec::new(),
        },
    }
}

/// `readReports(bytes, ends)`: reads the report files laid end to end in `bytes` (file `i` ends
/// at `ends[i]`), on any bank, each with the engine's one reader and its plausibility rules.
/// Answers `{ json, skillIds, skillStates, skillMastery, skillAttempts, skillCorrect, itemIds,
/// itemAttempts, itemCorrect }`: `json` is `{ readings, ids, states }`, one reading per file,
/// `{ report }` (with `implausible: [reason, …]` when it breaks a plausibility rule) or
/// `{ error: { kind, message } }`; the arrays hold every report's skills and items in turn.
#[wasm_bindgen(js_name = readReports)]
pub fn read_reports(bytes: &[u8], ends: &[u32]) -> Result<JsValue, JsError> {
    let now = now();
    let mut columns = Columns::default();
    let readings: Vec<Reading> = files(bytes, ends)
        .map(|file| read_one(file, now, &mut columns))
        .collect();
    let json = serde_json::to_string(&Readings {
        readings,
        ids: std::mem::take(&mut columns.ids),
        states: STATES
            .iter()
            .map(|state| serde_json::to_value(state).unwrap_or_default())
            .collect(),
    })
    .map_err(|e| JsError::new(&e.to_string()))?;
    let answer = js_sys::Object::new();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&answer, &key.into(), &value);
    set("json", json.into())
        .and_then(|_| set("skillIds", u32s(&columns.skill_ids)))
        .and_then(|_| {
            set(
                "skillStates",
                js_sys::Uint8Array::from(&columns.skill_states[..]).into(),
            )
        })
        .and_then(|_| {
            set(
                "skillMastery",
                js_sys::Float64Array::from(&columns.skill_mastery[..]).into(),
            )
        })
        .and_then(|_| set("skillAttempts", u32s(&columns.skill_attempts)))
        .and_then(|_| set("skillCorrect", u32s(&columns.skill_correct)))
        .and_then(|_| set("itemIds", u32s(&columns.item_ids)))
        .and_then(|_| set("itemAttempts", u32s(&columns.item_attempts)))
        .and_then(|_| set("itemCorrect", u32s(&columns.item_correct)))
        .map_err(|_| JsError::new("readReports: the answer cannot be built"))?;
    Ok(answer.into())
}

fn u32s(values: &[u32]) -> JsValue {
    js_sys::Uint32Array::from(values).into()
}

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

/// A report file the calibration did not use: its position in the list given (from 0), and why.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Skipped {
    report: usize,
    error: ReadingError,
}

/// The files laid end to end in `bytes` (file `i` ends at `ends[i]`).
fn files<'a>(bytes: &'a [u8], ends: &'a [u32]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut start = 0;
    ends.iter().map(move |&end| {
        let end = (end as usize).clamp(start, bytes.len());
        let file = &bytes[start..end];
        start = end;
        file
    })
}

/// `calibrateBank(bankJson, bytes, ends)`: calibrates the difficulties of the bank's items from
/// the class's report files, laid end to end in `bytes` as for `readReports`. Answers `{ bank,
/// items, learners, skipped }`; refuses a bank the widget would refuse, with the first reason.
#[wasm_bindgen(js_name = calibrateBank)]
pub fn calibrate_bank(bank_json: &str, bytes: &[u8], ends: &[u32]) -> Result<JsValue, JsError> {
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
    for (index, file) in files(bytes, ends).enumerate() {
        match read_report_for(&file_text(file), &bank.id) {
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
                    .map(|i| (i.id.to_string(), (i.attempts, i.correct)))
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
