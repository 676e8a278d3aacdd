//! The learner's report for a teacher: progress on one bank (skills, states, evidence, time on
//! task), without the text of any answer. It is a file the learner chooses to hand over.

use serde::{Deserialize, Serialize};

use crate::bank_index::IndexedBank;
use crate::model::{SkillState, Timestamp};
use crate::progress::Progress;

pub const REPORT_FORMAT: &str = "adaptive-practice-report";

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

fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}
