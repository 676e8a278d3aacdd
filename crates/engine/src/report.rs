//! The learner's report for a teacher: progress on one bank (skills, states, evidence, time on
//! task), without the text of any answer. It is a file the learner chooses to hand over.

use serde::{Deserialize, Serialize};

use crate::bank_index::IndexedBank;
use crate::model::{SkillState, Timestamp};
use crate::progress::Progress;

pub const REPORT_FORMAT: &str = "adaptive-practice-report";

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
/// through the studio build's `readReport`, the calibration through `read_report_for`).
pub fn read_report(text: &str) -> Result<LearnerReport, ReportError> {
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
    let report: LearnerReport = serde_json::from_value(value).map_err(|_| ReportError::Damaged)?;
    with_plausible_figures(report)
}

/// The report, unless a skill's figures are out of range.
fn with_plausible_figures(report: LearnerReport) -> Result<LearnerReport, ReportError> {
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
pub fn read_report_for(text: &str, bank_id: &str) -> Result<LearnerReport, ReportError> {
    let report = read_report(text)?;
    if report.bank_id != bank_id {
        return Err(ReportError::OtherBank {
            found: report.bank_id,
        });
    }
    Ok(report)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LearnerReport {
    pub format: String,
    pub version: u32,
    pub bank_id: String,
    pub bank_version: String,
    /// The name the learner typed; the widget never knows who the learner is otherwise.
    pub learner: String,
    pub created_at: i64,
    pub answer_count: u32,
    pub correct_count: u32,
    pub time_on_task_seconds: u64,
    pub skills: Vec<SkillReport>,
    pub items: Vec<ItemReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillReport {
    pub id: String,
    pub name: String,
    pub state: SkillState,
    /// Probability of answering a typical item of the skill correctly.
    pub mastery: f64,
    pub certainty: f64,
    pub attempts: u32,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemReport {
    pub id: String,
    pub attempts: u32,
    pub correct: u32,
}

/// The report of a learner's progress on `bank`, at `now`.
pub fn learner_report(
    bank: &IndexedBank,
    progress: &Progress,
    learner: &str,
    now: Timestamp,
) -> LearnerReport {
    let model = &progress.model;
    let skills = bank
        .skills()
        .iter()
        .enumerate()
        .map(|(position, skill)| {
            let mastery = model.skill_mastery(bank, position, now);
            let record = model.skills.get(&skill.id);
            SkillReport {
                id: skill.id.clone(),
                name: skill.name.clone(),
                state: mastery.state,
                mastery: round4(mastery.mastery),
                certainty: round4(mastery.certainty),
                attempts: record.map_or(0, |r| r.attempts),
                correct: record.map_or(0, |r| r.correct),
            }
        })
        .collect();
    let items = model
        .items
        .iter()
        .map(|(id, record)| ItemReport {
            id: id.clone(),
            attempts: record.attempts,
            correct: record.correct,
        })
        .collect();
    LearnerReport {
        format: REPORT_FORMAT.into(),
        version: 1,
        bank_id: bank.id().to_string(),
        bank_version: bank.version().to_string(),
        learner: learner.trim().chars().take(80).collect(),
        created_at: now.0,
        answer_count: model.answer_count,
        correct_count: model.correct_count,
        time_on_task_seconds: progress.time_on_task_seconds.round() as u64,
        skills,
        items,
    }
}

/// The report as the JSON text of its file, written with `crate::json` (the widget carries no
/// serde_json); the teacher page reads it with `read_report`.
pub fn report_text(report: &LearnerReport) -> String {
    use crate::json::{to_text, Json};
    let text = |value: &str| Json::String(value.to_owned());
    let whole = |value: i128| Json::Number {
        value: value as f64,
        integer: Some(value),
    };
    let float = |value: f64| Json::Number {
        value,
        integer: None,
    };
    let object = |fields: Vec<(&str, Json)>| {
        Json::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    };
    let skills = report.skills.iter().map(|skill| {
        object(vec![
            ("id", text(&skill.id)),
            ("name", text(&skill.name)),
            ("state", text(skill_state_name(skill.state))),
            ("mastery", float(skill.mastery)),
            ("certainty", float(skill.certainty)),
            ("attempts", whole(skill.attempts.into())),
            ("correct", whole(skill.correct.into())),
        ])
    });
    let items = report.items.iter().map(|item| {
        object(vec![
            ("id", text(&item.id)),
            ("attempts", whole(item.attempts.into())),
            ("correct", whole(item.correct.into())),
        ])
    });
    to_text(&object(vec![
        ("format", text(&report.format)),
        ("version", whole(report.version.into())),
        ("bankId", text(&report.bank_id)),
        ("bankVersion", text(&report.bank_version)),
        ("learner", text(&report.learner)),
        ("createdAt", whole(report.created_at.into())),
        ("answerCount", whole(report.answer_count.into())),
        ("correctCount", whole(report.correct_count.into())),
        (
            "timeOnTaskSeconds",
            whole(report.time_on_task_seconds.into()),
        ),
        ("skills", Json::Array(skills.collect())),
        ("items", Json::Array(items.collect())),
    ]))
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
