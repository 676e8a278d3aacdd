//! What the teacher page (www/teacher.html, through www/teacher-worker.js) asks of the engine:
//! a class's report files read with the engine's one reader and its plausibility rules,
//! calibrated item difficulties from the reports used, as a bank file to publish back, and the
//! class's answers (version 2 reports) as an answer log in the kt format. Runs in the teacher's
//! browser, in workers.
//!
//! A school is 1,000 reports of 500 skills: what the page needs of them crosses into JS as a few
//! typed arrays per call, not as half a million objects, and each id as a number (its place in
//! the call's `ids`).

use std::collections::{BTreeMap, HashMap};

use adaptive_practice_engine::bank_calibration::{fit_bank_calibration, BankCalibration};
use adaptive_practice_engine::calibrated_model::ModelSettings;
use adaptive_practice_engine::calibration::{calibrate_bank_items, CalibratedItem};
use adaptive_practice_engine::markup::{parse_markup, plain_text};
use adaptive_practice_engine::progress::plausibility::check_report;
use adaptive_practice_engine::report::{
    class_answers, kt_answers_tsv, read_report, read_report_for, LearnerReport, ReportError,
};
use adaptive_practice_engine::{load_bank, Bank, IndexedBank, Severity, SkillState, Timestamp};
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
            error: Some(progress_not_report(bytes, &error).unwrap_or_else(|| error.into())),
            implausible: Vec::new(),
        },
    }
}

/// A learner's saved progress (the widget's "Save my progress" file) handed in instead of a
/// report: said as such, with the widget's button that makes the report (its English wording,
/// `make_report` in `src/i18n/catalogs/en.json`).
fn progress_not_report(bytes: &[u8], error: &ReportError) -> Option<ReadingError> {
    if *error != ReportError::NotAReport {
        return None;
    }
    let json: serde_json::Value = serde_json::from_str(&file_text(bytes)).ok()?;
    (json.get("format")?.as_str()? == adaptive_practice_engine::progress::PROGRESS_FORMAT).then(
        || ReadingError {
            kind: "progress",
            message: "a learner's saved progress, not a report: ask the learner for a report \
                      (“Make a report for my teacher” in the practice widget)"
                .into(),
        },
    )
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
    /// The bank with calibrated difficulties (items nobody answered keep theirs) and the
    /// calibration block `block` describes (none when `block` is absent).
    bank: serde_json::Value,
    items: Vec<adaptive_practice_engine::calibration::CalibratedItem>,
    learners: usize,
    /// Reports used that list their answers one by one (version 2).
    learners_with_answers: usize,
    /// The `calibration` block the bank holds, and where it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    block: Option<BlockSummary>,
    /// The block fitted from the class's answers, and whether the bank got it (absent when no
    /// answer of the reports used is on an item of the bank).
    #[serde(skip_serializing_if = "Option::is_none")]
    class_fit: Option<ClassFitSummary>,
    /// Report files that were not used, and why.
    skipped: Vec<Skipped>,
}

/// The `calibration` block of a calibrated bank: `source` is `"class"` when it was fitted from
/// the answers of the reports used, `"earlier"` when the bank given already had one and no
/// report used lists its answers (the block is then kept as it was, fitted on other learners,
/// and the page says so).
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
struct BlockSummary {
    source: &'static str,
    /// The learners and answers the block was fitted on (as its `fitted` says).
    learners: u32,
    answers: u32,
    /// Items (or steps) the block has parameters for.
    items: usize,
    /// Answers of the class on items (or steps) the bank does not have: not used.
    skipped_answers: usize,
}

/// What became of the block fitted from the class's answers
/// (`bank_calibration::fit_bank_calibration`): `kept` when, fitted without each learner, it
/// predicted their answers better than the bank without a block (mean log-loss over `checked`
/// answers); else the bank keeps what it had (its earlier block, or none) and the page says why.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
struct ClassFitSummary {
    kept: bool,
    learners: usize,
    answers: usize,
    /// `None` for a class of one learner, which cannot be checked (and gets no block).
    check: Option<CheckSummary>,
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
#[serde(rename_all = "camelCase")]
struct CheckSummary {
    checked: usize,
    block_log_loss: f64,
    without_block_log_loss: f64,
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

/// The bank in `bank_json`, or the first reason the widget would refuse it.
fn bank_of(bank_json: &str) -> Result<Bank, JsError> {
    let loaded = load_bank(bank_json);
    loaded.bank.ok_or_else(|| {
        let first = loaded
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .map(ToString::to_string);
        JsError::new(&format!(
            "the bank cannot be read: {}",
            first.unwrap_or_default()
        ))
    })
}

/// The texts of the files laid end to end in `bytes`, as the browser reads them.
fn file_texts<'a>(bytes: &'a [u8], ends: &'a [u32]) -> Vec<std::borrow::Cow<'a, str>> {
    files(bytes, ends).map(file_text).collect()
}

/// The reports among `texts` that a calibration uses (on the bank `bank_id`, plausible at
/// `now`), and the others with why not: the one rule of which reports count for the
/// calibration and the class's answers.
fn usable_reports<'a>(
    texts: &'a [std::borrow::Cow<'a, str>],
    bank_id: &str,
    now: Timestamp,
) -> (Vec<LearnerReport<'a>>, Vec<Skipped>) {
    let mut used = Vec::new();
    let mut skipped = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        match read_report_for(text, bank_id) {
            // A report no learner could have made is not used (the page flags it).
            Ok(report) if !check_report(&report, now).is_empty() => skipped.push(Skipped {
                report: index,
                error: ReadingError {
                    kind: "implausible",
                    message: "not plausible".into(),
                },
            }),
            Ok(report) => used.push(report),
            Err(error) => skipped.push(Skipped {
                report: index,
                error: error.into(),
            }),
        }
    }
    (used, skipped)
}

/// `calibrateBank(bankJson, bytes, ends, progress)`: calibrates the bank from the class's report
/// files,
/// laid end to end in `bytes` as for `readReports`: the difficulties of its items from every
/// report used, and its `calibration` block (`bank_calibration::fit_bank_calibration`, as
/// `make calibrate` fits it) from the answers of the reports used that list them. Answers
/// `{ bank, items, learners, learnersWithAnswers, block, classFit, skipped }` (`block`:
/// `BlockSummary`, absent when the bank has no block; `classFit`: `ClassFitSummary`); refuses a
/// bank the widget would refuse, with the first reason. `progress(done, total)`, when given, is
/// called as the block's fit advances, once per whole percent.
#[wasm_bindgen(js_name = calibrateBank)]
pub fn calibrate_bank(
    bank_json: &str,
    bytes: &[u8],
    ends: &[u32],
    progress: Option<js_sys::Function>,
) -> Result<JsValue, JsError> {
    let mut last_percent = None;
    let mut report = |done: usize, total: usize| {
        let percent = done * 100 / total.max(1);
        if let (Some(function), true) = (&progress, last_percent != Some(percent)) {
            last_percent = Some(percent);
            // A progress function that throws changes nothing of the calibration.
            let _ = function.call2(
                &JsValue::NULL,
                &JsValue::from(done as f64),
                &JsValue::from(total as f64),
            );
        }
    };
    let result =
        calibrate_bank_from_texts(bank_json, &file_texts(bytes, ends), now(), &mut report)?;
    // JSON-compatible: maps become plain objects, so the page can `JSON.stringify` the bank.
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `calibrateBank` on the files' texts, at `now`.
fn calibrate_bank_from_texts(
    bank_json: &str,
    texts: &[std::borrow::Cow<'_, str>],
    now: Timestamp,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Calibration, JsError> {
    let bank = bank_of(bank_json)?;
    let (used, skipped) = usable_reports(texts, &bank.id, now);
    let records: Vec<BTreeMap<String, (u32, u32)>> = used
        .iter()
        .map(|report| {
            report
                .items
                .iter()
                .map(|i| (i.id.to_string(), (i.attempts, i.correct)))
                .collect()
        })
        .collect();
    let ids: Vec<String> = bank.items.iter().map(|i| i.id.clone()).collect();
    let priors: Vec<f64> = bank.items.iter().map(|i| i.prior_difficulty()).collect();
    let items = calibrate_bank_items(&ids, &priors, &records);
    let mut calibrated: serde_json::Value =
        serde_json::from_str(bank_json).map_err(|e| JsError::new(&e.to_string()))?;
    if let Some(list) = calibrated.get_mut("items").and_then(|v| v.as_array_mut()) {
        for entry in list.iter_mut() {
            let id = entry.get("id").and_then(|v| v.as_str()).map(str::to_owned);
            // An item with too few answers keeps the author's difficulty
            // (`CalibratedItem::difficulty_to_publish`, the engine's one rule).
            let found = id.and_then(|id| items.iter().find(|c| c.id == id));
            if let Some(difficulty) = found.and_then(CalibratedItem::difficulty_to_publish) {
                entry["difficulty"] = serde_json::json!(difficulty);
            }
        }
    }
    let (block, summary, class_fit) = calibration_block(&bank, &used, progress);
    if let (Some(object), Some(block)) = (calibrated.as_object_mut(), block) {
        let value = serde_json::to_value(block).map_err(|e| JsError::new(&e.to_string()))?;
        object.insert("calibration".into(), value);
    }
    Ok(Calibration {
        bank: calibrated,
        items,
        learners: records.len(),
        learners_with_answers: used.iter().filter(|r| lists_answers(r)).count(),
        block: summary,
        class_fit,
        skipped,
    })
}

/// Whether a report lists its answers one by one (a version 2 report with at least one).
fn lists_answers(report: &LearnerReport<'_>) -> bool {
    report.answers.as_ref().is_some_and(|log| !log.is_empty())
}

/// The calibration block of the bank calibrated from `used`: fitted from their answers when any
/// lists them and kept when it predicts them better than the bank without one (replacing the
/// bank's own), else the bank's own block kept as it was (or none).
fn calibration_block(
    bank: &Bank,
    used: &[LearnerReport<'_>],
    progress: &mut dyn FnMut(usize, usize),
) -> (
    Option<BankCalibration>,
    Option<BlockSummary>,
    Option<ClassFitSummary>,
) {
    let answers: Vec<adaptive_practice_engine::bank_calibration::ClassAnswer> = class_answers(used)
        .iter()
        .map(adaptive_practice_engine::bank_calibration::ClassAnswer::from)
        .collect();
    let fitted = fit_bank_calibration(bank, &answers, ModelSettings::default(), progress);
    let class_fit = fitted.as_ref().map(|fitted| ClassFitSummary {
        kept: fitted.calibration.is_some(),
        learners: fitted.learners,
        answers: fitted.used_answers,
        check: fitted.check.map(|check| CheckSummary {
            checked: check.answers,
            block_log_loss: check.block_log_loss,
            without_block_log_loss: check.without_block_log_loss,
        }),
    });
    if let Some((Some(block), fitted)) = fitted.map(|fitted| (fitted.calibration.clone(), fitted)) {
        let summary = BlockSummary {
            source: "class",
            learners: block.fitted.learners,
            answers: block.fitted.answers,
            items: fitted.items,
            skipped_answers: fitted.skipped_answers,
        };
        return (Some(block), Some(summary), class_fit);
    }
    let earlier = bank.calibration.as_ref().map(|earlier| BlockSummary {
        source: "earlier",
        learners: earlier.fitted.learners,
        answers: earlier.fitted.answers,
        items: earlier.items.len(),
        // The class's answers: none on an item of the bank, or their block not kept.
        skipped_answers: answers.len(),
    });
    (None, earlier, class_fit)
}

/// `bankPrompts(bankJson)`: each item's prompt as plain text, in the bank's order, for the page's
/// lists: the markup read as the widget reads it (`markup::plain_text`, math written linearly,
/// `(x+1)/2`), on one line. Refuses a bank the widget would refuse, with the first reason.
#[wasm_bindgen(js_name = bankPrompts)]
pub fn bank_prompts(bank_json: &str) -> Result<Vec<String>, JsError> {
    let bank = bank_of(bank_json)?;
    Ok(bank
        .items
        .iter()
        .map(|item| plain_prompt(&item.prompt))
        .collect())
}

/// `plainPrompt(prompt)`: one prompt as `bankPrompts` gives each, for the authoring page's item
/// list (its Markdown escapes, `\\$2`, and LaTeX read as the widget reads them).
#[wasm_bindgen(js_name = plainPrompt)]
pub fn plain_prompt_js(prompt: &str) -> String {
    plain_prompt(prompt)
}

/// A prompt's markup as plain text on one line.
fn plain_prompt(prompt: &str) -> String {
    let text = plain_text(&parse_markup(prompt));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What `classAnswers` answers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClassAnswers {
    /// The answers in the kt format (`user_id item_id timestamp correct skill_id`).
    tsv: String,
    /// Reports used, and how many of them list answers (version 2).
    learners: usize,
    learners_with_answers: usize,
    answers: usize,
    skipped: Vec<Skipped>,
}

/// `classAnswers(bankJson, bytes, ends)`: the class's answers from its report files (laid end
/// to end as for `readReports`), learner by learner (each a number: the report's place among
/// those used, from 1, never the name typed), for the bank's calibration elsewhere: `{ tsv, learners,
/// learnersWithAnswers, answers, skipped }`, `tsv` an answer log in the kt format (the file
/// `make calibrate LOGS=…` reads). Reports are used as `calibrateBank` uses them.
#[wasm_bindgen(js_name = classAnswers)]
pub fn class_answers_tsv(bank_json: &str, bytes: &[u8], ends: &[u32]) -> Result<JsValue, JsError> {
    let bank = IndexedBank::new(bank_of(bank_json)?);
    let texts = file_texts(bytes, ends);
    let (used, skipped) = usable_reports(&texts, bank.id(), now());
    let answers = class_answers(&used);
    let result = ClassAnswers {
        tsv: kt_answers_tsv(&bank, &answers),
        learners: used.len(),
        learners_with_answers: used.iter().filter(|r| lists_answers(r)).count(),
        answers: answers.len(),
        skipped,
    };
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}
