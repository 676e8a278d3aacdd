//! The learner's report for a teacher: progress on one bank (skills, states, evidence, time on
//! task), without the text of any answer. It is a file the learner chooses to hand over.
//!
//! Version 2 adds `answers`, the learner's answer log in its saved form (`SavedAnswerLogV1`:
//! per answer the item, the part, right, wrong or partial, the hints opened and the time, never
//! what was typed), for the teacher page's calibration and its answers download (`class_answers`).
//! Version 3 writes a report's skills and items as columns (`"skills": {"ids": […], "names":
//! […], "states": […], …}`, each list in the same order) instead of one object per skill: the
//! same figures in about 40% of the bytes, so a school's reports are read faster. Reports of
//! versions 1 and 2 (a list of objects) still read, and read the same.
//! Version 1 reports (no `answers`) still read.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::bank_index::IndexedBank;
use crate::model::{SkillState, Timestamp};
use crate::progress::{AnswerLog, Progress, SavedAnswerLogV1, ANSWER_LOG_VERSION};

pub const REPORT_FORMAT: &str = "adaptive-practice-report";
/// The version `learner_report` writes: 3, with the answer log, skills and items as columns.
pub const REPORT_VERSION: u32 = 3;

mod class_answers;
mod columns;
mod scan;
pub use class_answers::{class_answers, kt_answers_tsv, ClassAnswer};

#[cfg(test)]
mod tests;

/// Why a file cannot be used as a learner's report.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReportError {
    /// Not JSON at all (often a file cut short).
    NotJson,
    /// A bank file, handed in where a report was expected.
    Bank,
    /// JSON, but not a report of this format.
    NotAReport,
    /// A report whose figures are missing or out of range.
    Damaged,
    /// A report on another bank (`found` is its bank id).
    OtherBank { found: String },
}

impl ReportError {
    /// A short machine name for the kind of error (`notJson`, `bank`, …), for the teacher page.
    pub fn kind(&self) -> &'static str {
        match self {
            ReportError::NotJson => "notJson",
            ReportError::Bank => "bank",
            ReportError::NotAReport => "notAReport",
            ReportError::Damaged => "damaged",
            ReportError::OtherBank { .. } => "otherBank",
        }
    }
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::NotJson => write!(f, "a damaged file (it is not valid JSON)"),
            ReportError::Bank => write!(f, "a bank, not a report"),
            ReportError::NotAReport => write!(f, "not an adaptive-practice report"),
            ReportError::Damaged => {
                write!(
                    f,
                    "a damaged report (some of its figures are missing or wrong)"
                )
            }
            ReportError::OtherBank { found } => write!(f, "a report for another bank (“{found}”)"),
        }
    }
}

/// Reads a report file on any bank: the one reader of report files (the teacher page calls it
/// through the studio build's `readReports`, the calibration through `read_report_for`). The
/// report's texts are borrowed from `text` where the file writes them without escapes (nearly
/// always): a class of 1,000 reports of 500 skills is a million ids and names, read without
/// allocating one of them. `LearnerReport::into_owned` keeps a report beyond its text.
pub fn read_report(text: &str) -> Result<LearnerReport<'_>, ReportError> {
    // A report as the widget writes it, field by field in its order (`scan.rs`): most files.
    match scan::scan_report(text) {
        Some(report) => with_plausible_figures(report),
        None => read_any_report(text),
    }
}

/// `read_report` for any text: what `scan_report` leaves, and what it is checked against.
fn read_any_report(text: &str) -> Result<LearnerReport<'_>, ReportError> {
    // A report as the widget writes it is read in one typed pass (a class of 1,000 is read in
    // a fraction of the time `Value` takes); anything else goes through `Value`, which says why
    // it is not a report. What the typed pass reads, `Value` reads the same; it refuses what
    // `Value` would (duplicate fields included), and then `Value` decides. The one difference:
    // fields a report does not have are skipped unchecked (a number too large for `f64` in one
    // is no longer "not JSON").
    if let Ok(report) = serde_json::from_str::<LearnerReport>(text) {
        if report.format == REPORT_FORMAT {
            return with_plausible_figures(report);
        }
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| ReportError::NotJson)?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(REPORT_FORMAT) {
        let bank_like = value.get("skills").is_some_and(serde_json::Value::is_array)
            && value.get("items").is_some_and(serde_json::Value::is_array)
            && value.get("id").is_some_and(serde_json::Value::is_string);
        return Err(if bank_like {
            ReportError::Bank
        } else {
            ReportError::NotAReport
        });
    }
    // Read from the `Value`, whose texts live only here: the report keeps its own.
    let report = LearnerReport::deserialize(&value)
        .map_err(|_| ReportError::Damaged)?
        .into_owned();
    with_plausible_figures(report)
}

/// The report, unless a skill's figures are out of range.
fn with_plausible_figures(report: LearnerReport<'_>) -> Result<LearnerReport<'_>, ReportError> {
    let plausible = report
        .skills
        .iter()
        .all(|s| (0.0..=1.0).contains(&s.mastery) && s.certainty.is_finite());
    if !plausible {
        return Err(ReportError::Damaged);
    }
    Ok(report)
}

/// Reads a report file on the bank `bank_id`.
pub fn read_report_for<'a>(text: &'a str, bank_id: &str) -> Result<LearnerReport<'a>, ReportError> {
    let report = read_report(text)?;
    if report.bank_id != bank_id {
        return Err(ReportError::OtherBank {
            found: report.bank_id.into_owned(),
        });
    }
    Ok(report)
}

/// A learner's report. Its texts are `Cow`s: borrowed from the file's text when read (see
/// `read_report`), from the bank when written (`learner_report`); `into_owned` keeps it longer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LearnerReport<'a> {
    #[serde(borrow)]
    pub format: Cow<'a, str>,
    pub version: u32,
    #[serde(borrow)]
    pub bank_id: Cow<'a, str>,
    #[serde(borrow)]
    pub bank_version: Cow<'a, str>,
    /// The name the learner typed; the widget never knows who the learner is otherwise.
    #[serde(borrow)]
    pub learner: Cow<'a, str>,
    pub created_at: i64,
    pub answer_count: u32,
    pub correct_count: u32,
    pub time_on_task_seconds: u64,
    /// Written as columns (version 3); read as columns or as a list of objects (versions 1, 2).
    #[serde(
        borrow,
        serialize_with = "columns::write_skills",
        deserialize_with = "columns::read_skills"
    )]
    pub skills: Vec<SkillReport<'a>>,
    #[serde(
        borrow,
        serialize_with = "columns::write_items",
        deserialize_with = "columns::read_items"
    )]
    pub items: Vec<ItemReport<'a>>,
    /// Version 2: the answers one by one (none in a version 1 report, or a log of a version this
    /// code does not read).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "write_answers",
        deserialize_with = "read_answers"
    )]
    pub answers: Option<AnswerLog>,
}

fn write_answers<S: serde::Serializer>(
    log: &Option<AnswerLog>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    log.as_ref()
        .map(SavedAnswerLogV1::from)
        .serialize(serializer)
}

/// A report's answer log: a log of another version is left out; one that cannot be read makes
/// the report damaged.
fn read_answers<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<AnswerLog>, D::Error> {
    let saved = Option::<SavedAnswerLogV1>::deserialize(deserializer)?;
    match saved {
        Some(saved) if saved.version == ANSWER_LOG_VERSION => {
            saved.to_log().map(Some).map_err(serde::de::Error::custom)
        }
        _ => Ok(None),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillReport<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    pub state: SkillState,
    /// Probability of answering a typical item of the skill correctly.
    pub mastery: f64,
    pub certainty: f64,
    pub attempts: u32,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemReport<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    pub attempts: u32,
    pub correct: u32,
}

impl LearnerReport<'_> {
    /// The report with texts of its own, free of the text (or bank) it was read from.
    pub fn into_owned(self) -> LearnerReport<'static> {
        let own = |text: Cow<'_, str>| Cow::Owned(text.into_owned());
        LearnerReport {
            format: own(self.format),
            version: self.version,
            bank_id: own(self.bank_id),
            bank_version: own(self.bank_version),
            learner: own(self.learner),
            created_at: self.created_at,
            answer_count: self.answer_count,
            correct_count: self.correct_count,
            time_on_task_seconds: self.time_on_task_seconds,
            skills: self
                .skills
                .into_iter()
                .map(|skill| SkillReport {
                    id: own(skill.id),
                    name: own(skill.name),
                    state: skill.state,
                    mastery: skill.mastery,
                    certainty: skill.certainty,
                    attempts: skill.attempts,
                    correct: skill.correct,
                })
                .collect(),
            items: self
                .items
                .into_iter()
                .map(|item| ItemReport {
                    id: own(item.id),
                    attempts: item.attempts,
                    correct: item.correct,
                })
                .collect(),
            answers: self.answers,
        }
    }
}

/// The report of a learner's progress on `bank`, at `now` (its skills' ids and names borrowed
/// from the bank, its items' ids from the progress).
pub fn learner_report<'a>(
    bank: &'a IndexedBank,
    progress: &'a Progress,
    learner: &str,
    now: Timestamp,
) -> LearnerReport<'a> {
    let model = &progress.model;
    // Pushed in loops: a `map` and `collect` each compiled its own adapters.
    let mut skills = Vec::with_capacity(bank.skills().len());
    for (position, skill) in bank.skills().iter().enumerate() {
        let mastery = model.skill_mastery(bank, position, now);
        let record = model.skills.get(&skill.id);
        skills.push(SkillReport {
            id: Cow::Borrowed(skill.id.as_str()),
            name: Cow::Borrowed(skill.name.as_str()),
            state: mastery.state,
            mastery: round4(mastery.mastery),
            certainty: round4(mastery.certainty),
            attempts: record.map_or(0, |r| r.attempts),
            correct: record.map_or(0, |r| r.correct),
        });
    }
    let mut items = Vec::with_capacity(model.items.len());
    for (id, record) in model.items.iter() {
        items.push(ItemReport {
            id: Cow::Borrowed(id.as_str()),
            attempts: record.attempts,
            correct: record.correct,
        });
    }
    LearnerReport {
        format: Cow::Borrowed(REPORT_FORMAT),
        version: REPORT_VERSION,
        bank_id: Cow::Borrowed(bank.id()),
        bank_version: Cow::Borrowed(bank.version()),
        learner: Cow::Owned(learner.trim().chars().take(80).collect()),
        created_at: now.0,
        answer_count: model.answer_count,
        correct_count: model.correct_count,
        time_on_task_seconds: progress.time_on_task_seconds.round() as u64,
        skills,
        items,
        answers: Some(progress.answer_log.clone()),
    }
}

/// The report as the JSON text of its file, written with `crate::json` (the widget carries no
/// serde_json); the teacher page reads it with `read_report`.
pub fn report_text(report: &LearnerReport<'_>) -> String {
    // Written as it goes (`JsonText`): a `Json` tree of columns built with `collect`s compiled a
    // vector and its iterator adapters for each column.
    let mut w = crate::json::JsonText::default();
    w.open('{');
    w.key("format");
    w.string(&report.format);
    w.key("version");
    w.integer(report.version.into());
    w.key("bankId");
    w.string(&report.bank_id);
    w.key("bankVersion");
    w.string(&report.bank_version);
    w.key("learner");
    w.string(&report.learner);
    w.key("createdAt");
    w.integer(report.created_at.into());
    w.key("answerCount");
    w.integer(report.answer_count.into());
    w.key("correctCount");
    w.integer(report.correct_count.into());
    w.key("timeOnTaskSeconds");
    w.integer(report.time_on_task_seconds.into());
    let skills = &report.skills;
    w.key("skills");
    w.open('{');
    w.key("ids");
    w.open('[');
    for skill in skills {
        w.string(&skill.id);
    }
    w.close(']');
    w.key("names");
    w.open('[');
    for skill in skills {
        w.string(&skill.name);
    }
    w.close(']');
    w.key("states");
    w.open('[');
    for skill in skills {
        w.string(skill_state_name(skill.state));
    }
    w.close(']');
    w.key("mastery");
    w.open('[');
    for skill in skills {
        w.float(skill.mastery);
    }
    w.close(']');
    w.key("certainty");
    w.open('[');
    for skill in skills {
        w.float(skill.certainty);
    }
    w.close(']');
    w.key("attempts");
    w.open('[');
    for skill in skills {
        w.integer(skill.attempts.into());
    }
    w.close(']');
    w.key("correct");
    w.open('[');
    for skill in skills {
        w.integer(skill.correct.into());
    }
    w.close(']');
    w.close('}');
    let items = &report.items;
    w.key("items");
    w.open('{');
    w.key("ids");
    w.open('[');
    for item in items {
        w.string(&item.id);
    }
    w.close(']');
    w.key("attempts");
    w.open('[');
    for item in items {
        w.integer(item.attempts.into());
    }
    w.close(']');
    w.key("correct");
    w.open('[');
    for item in items {
        w.integer(item.correct.into());
    }
    w.close(']');
    w.close('}');
    if let Some(log) = &report.answers {
        w.key("answers");
        crate::progress::write_answer_log(&mut w, &SavedAnswerLogV1::from(log));
    }
    w.close('}');
    w.text()
}

/// A skill state as reports and events name it (`dueForReview`), as `SkillState`'s serde name.
pub fn skill_state_name(state: SkillState) -> &'static str {
    match state {
        SkillState::NotStarted => "notStarted",
        SkillState::Learning => "learning",
        SkillState::Mastered => "mastered",
        SkillState::DueForReview => "dueForReview",
    }
}

fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}
