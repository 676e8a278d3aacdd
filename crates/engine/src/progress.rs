//! Saved progress: the versioned format a learner's progress is stored and exported in.
//!
//! The model's own types are never serialized directly: `SavedProgressV1` is the boundary, with
//! explicit conversions both ways. A later format adds `SavedProgressV2` and one migration step
//! from V1; every version ever released keeps loading. Fields added to version 1 since its first
//! release are optional, absent in older files, and ignored by older readers: `sessions`, then
//! `answerLog` (a file without it loads with an empty log).

use crate::sorted_map::SortedMap;

use serde::{Deserialize, Serialize};

use crate::json::{self, Json};
use crate::model::{ItemRecord, LearnerModel, SkillRecord, Timestamp};

mod answer_log;
mod earlier_copies;
mod import;
mod merge;
pub mod plausibility;
mod saved_json;
#[cfg(test)]
mod tests;

pub use answer_log::{
    decode_answers, encode_answers, item_key, AnswerEntry, AnswerLog, AnswerVerdict,
    SavedAnswerLogV1, ANSWER_HISTORY_LIMIT, ANSWER_LOG_VERSION,
};
pub use earlier_copies::progress_from_earlier_copies;
pub use import::{import_progress, ImportRefusal, PROGRESS_FILE_LIMIT_BYTES};
pub(crate) use saved_json::write_answer_log;

pub use merge::{
    adopt_progress, answers_included, merge_progress, record_session_answer, sync, LoggedAnswer,
    SessionLog, SyncOutcome, ANSWER_LOG_LIMIT, SESSION_LIMIT,
};

/// The value of the `format` field of every saved progress file.
pub const PROGRESS_FORMAT: &str = "adaptive-practice-progress";
/// The newest version this code writes.
pub const CURRENT_PROGRESS_VERSION: u32 = 1;

/// A learner's progress on one bank, as the widget holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub bank_id: String,
    pub bank_version: String,
    /// Chosen once per learner and bank; with the answer count it makes item choice repeatable.
    pub seed: u64,
    pub model: LearnerModel,
    /// The item on screen when progress was saved, so a reload shows the same item.
    pub current_item: Option<String>,
    /// The variant of that item (template items), and the step reached (multi-step items).
    pub current_variant: u64,
    pub current_part: u32,
    /// Time spent on items, in seconds (each answer counts at most a few minutes).
    pub time_on_task_seconds: f64,
    /// How many answers of each recent practice session (a tab, a widget) this progress includes,
    /// so that two tabs on one bank merge instead of overwriting each other. At most
    /// `SESSION_LIMIT`, the least recently active dropped first.
    pub sessions: Vec<SessionCount>,
    /// The last `ANSWER_HISTORY_LIMIT` answers one by one (item, part, verdict, hints, time).
    pub answer_log: AnswerLog,
}

/// The answers of one practice session included in a progress: its first `answers` answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionCount {
    /// A nonce the widget chose when the session started (the engine never draws one).
    pub session: String,
    pub answers: u32,
    pub last_answer: Timestamp,
}

/// Why saved progress could not be loaded. Loading never changes what is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProgressError {
    /// Not JSON, or JSON that is not progress (damaged or truncated).
    Damaged(String),
    /// Written by a newer version of the widget.
    NewerVersion { found: u32 },
    /// Progress for another bank.
    OtherBank { found: String },
}

impl std::fmt::Display for ProgressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProgressError::Damaged(detail) => write!(f, "the saved progress is damaged ({detail})"),
            ProgressError::NewerVersion { found } => write!(
                f,
                "the saved progress was written by a newer version of the widget (format {found}; this one reads up to {CURRENT_PROGRESS_VERSION})"
            ),
            ProgressError::OtherBank { found } => write!(f, "the saved progress belongs to another bank ({})", crate::quoted::quoted(found)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedProgressV1 {
    pub format: String,
    pub version: u32,
    pub bank_id: String,
    pub bank_version: String,
    pub seed: u64,
    pub answer_count: u32,
    pub correct_count: u32,
    pub recent_items: Vec<String>,
    pub current_item: Option<String>,
    #[serde(default)]
    pub current_variant: u64,
    #[serde(default)]
    pub current_part: u32,
    #[serde(default)]
    pub time_on_task_seconds: f64,
    pub skills: SortedMap<SavedSkillV1>,
    pub items: SortedMap<SavedItemV1>,
    /// Added after the first release (absent in older files): the sessions merged in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<SavedSessionV1>,
    /// Added after `sessions` (absent in older files): the answers one by one. A log of a
    /// version this code does not read, or one it cannot read, is dropped on loading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_log: Option<SavedAnswerLogV1>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedSessionV1 {
    pub id: String,
    pub answers: u32,
    pub last_answer: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedSkillV1 {
    pub ability: f64,
    pub variance: f64,
    #[serde(default)]
    pub entry_ability: Option<f64>,
    pub attempts: u32,
    pub correct: u32,
    #[serde(default)]
    pub streak: u32,
    pub last_practiced: i64,
    pub mastered: bool,
    pub stability_days: f64,
    /// The skill's memory difficulty (`memory.rs`); absent in progress saved before it, which
    /// then starts from a first good review's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_difficulty: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedItemV1 {
    pub attempts: u32,
    pub correct: u32,
    pub last_seen: i64,
    /// The earlier model's learner-specific difficulty correction: read and ignored, written 0.
    pub difficulty_offset: f64,
    /// Whether the last answer to the item was right (the model's item memory); absent in
    /// progress saved before it, which then predicts the item as never answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_correct: Option<bool>,
}

impl From<&Progress> for SavedProgressV1 {
    fn from(progress: &Progress) -> Self {
        let model = &progress.model;
        let mut sessions = Vec::with_capacity(progress.sessions.len());
        for s in &progress.sessions {
            sessions.push(SavedSessionV1 {
                id: s.session.clone(),
                answers: s.answers,
                last_answer: s.last_answer.0,
            });
        }
        SavedProgressV1 {
            format: PROGRESS_FORMAT.into(),
            version: 1,
            bank_id: progress.bank_id.clone(),
            bank_version: progress.bank_version.clone(),
            seed: progress.seed,
            answer_count: model.answer_count,
            correct_count: model.correct_count,
            recent_items: model.recent_items.clone(),
            current_item: progress.current_item.clone(),
            current_variant: progress.current_variant,
            current_part: progress.current_part,
            time_on_task_seconds: progress.time_on_task_seconds,
            skills: model.skills.map_values(&|s| SavedSkillV1 {
                ability: s.ability,
                variance: s.variance,
                entry_ability: s.entry_ability,
                attempts: s.attempts,
                correct: s.correct,
                streak: s.streak,
                last_practiced: s.last_practiced.0,
                mastered: s.mastered,
                stability_days: s.stability_days,
                memory_difficulty: Some(s.memory_difficulty),
            }),
            items: model.items.map_values(&|i| SavedItemV1 {
                attempts: i.attempts,
                correct: i.correct,
                last_seen: i.last_seen.0,
                // The earlier model's per-item correction: no longer kept.
                difficulty_offset: 0.0,
                last_correct: i.last_correct,
            }),
            sessions,
            answer_log: (!progress.answer_log.is_empty())
                .then(|| SavedAnswerLogV1::from(&progress.answer_log)),
        }
    }
}

impl From<SavedProgressV1> for Progress {
    fn from(saved: SavedProgressV1) -> Self {
        let sessions = saved
            .sessions
            .into_iter()
            .map(|s| SessionCount {
                session: s.id,
                answers: s.answers,
                last_answer: Timestamp(s.last_answer),
            })
            .collect();
        Progress {
            bank_id: saved.bank_id,
            bank_version: saved.bank_version,
            seed: saved.seed,
            current_item: saved.current_item,
            current_variant: saved.current_variant,
            current_part: saved.current_part,
            time_on_task_seconds: loaded_time_on_task(saved.time_on_task_seconds),
            sessions: latest_sessions(sessions),
            answer_log: loaded_answer_log(saved.answer_log),
            model: LearnerModel {
                skills: saved.skills.into_map_values(&loaded_skill),
                items: saved.items.into_map_values(&loaded_item),
                answer_count: saved.answer_count,
                correct_count: saved.correct_count.min(saved.answer_count),
                recent_items: saved.recent_items,
                calibrated: None,
            },
        }
    }
}

// What loading makes of each saved part, for `From<SavedProgressV1>` and for the widget's
// reader (`saved_json.rs`), which reads a file straight into a `Progress` with these.

/// A saved skill made safe for the model: estimates within their ranges, counts consistent.
fn loaded_skill(s: SavedSkillV1) -> SkillRecord {
    SkillRecord {
        ability: clamp_loaded_log_odds(s.ability),
        variance: if s.variance.is_finite() {
            s.variance.clamp(0.001, 10.0)
        } else {
            1.5
        },
        entry_ability: s.entry_ability.filter(|e| e.is_finite()),
        attempts: s.attempts,
        correct: s.correct.min(s.attempts),
        streak: s.streak.min(s.attempts),
        last_practiced: Timestamp(s.last_practiced),
        mastered: s.mastered,
        stability_days: if s.stability_days.is_finite() {
            s.stability_days.max(0.01)
        } else {
            0.5
        },
        memory_difficulty: s
            .memory_difficulty
            .filter(|d| d.is_finite())
            .unwrap_or_else(|| {
                let parameters = crate::memory::MemoryParameters::default();
                crate::memory::initial_state(&parameters, crate::memory::Rating::Good).difficulty
            })
            .clamp(
                crate::memory::EASIEST_DIFFICULTY,
                crate::memory::HARDEST_DIFFICULTY,
            ),
    }
}

/// A saved item with only a last outcome its counts allow: a right one needs a right answer, a
/// wrong one a wrong answer.
fn loaded_item(i: SavedItemV1) -> ItemRecord {
    let correct = i.correct.min(i.attempts);
    ItemRecord {
        attempts: i.attempts,
        correct,
        last_seen: Timestamp(i.last_seen),
        last_correct: i.last_correct.filter(|&right| {
            if right {
                correct > 0
            } else {
                correct < i.attempts
            }
        }),
    }
}

/// The last `SESSION_LIMIT` sessions, in their order.
fn latest_sessions(mut sessions: Vec<SessionCount>) -> Vec<SessionCount> {
    let dropped = sessions.len().saturating_sub(SESSION_LIMIT);
    sessions.drain(..dropped);
    sessions
}

/// Saved time on task, 0 when it is not a number of seconds.
fn loaded_time_on_task(seconds: f64) -> f64 {
    if seconds.is_finite() {
        seconds.max(0.0)
    } else {
        0.0
    }
}

/// The saved answer log, empty when absent or of a version or form this code cannot read.
fn loaded_answer_log(saved: Option<SavedAnswerLogV1>) -> AnswerLog {
    saved
        .filter(|log| log.version == ANSWER_LOG_VERSION)
        .and_then(|log| log.to_log().ok())
        .unwrap_or_default()
}

/// The largest log-odds a loaded ability or difficulty offset may have (e^20: a certainty).
const LOADED_LOG_ODDS_LIMIT: f64 = 20.0;

/// A log-odds read from a saved file, made safe for the model: within ±`LOADED_LOG_ODDS_LIMIT`,
/// and 0 (no information) when it is not a finite number.
fn clamp_loaded_log_odds(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(-LOADED_LOG_ODDS_LIMIT, LOADED_LOG_ODDS_LIMIT)
    } else {
        0.0
    }
}

/// The longest time one answer adds to time on task: beyond it the learner was surely elsewhere.
pub const MAX_SECONDS_PER_ANSWER: f64 = 300.0;

/// Adds the time spent on one answer (capped) to the learner's time on task.
pub fn record_time_on_task(progress: &mut Progress, seconds: f64) {
    if seconds.is_finite() && seconds > 0.0 {
        progress.time_on_task_seconds += seconds.min(MAX_SECONDS_PER_ANSWER);
    }
}

/// Writes progress in the current format.
pub fn save_progress(progress: &Progress) -> String {
    saved_json::write_progress_v1(progress)
}

/// Reads progress in any released format, for the bank with id `bank_id`.
pub fn load_progress(text: &str, bank_id: &str) -> Result<Progress, ProgressError> {
    let value = json::parse(text).map_err(|e| ProgressError::Damaged(e.to_string()))?;
    if value.get("format").and_then(Json::as_str) != Some(PROGRESS_FORMAT) {
        return Err(ProgressError::Damaged(
            "it is not an adaptive-practice progress file".into(),
        ));
    }
    let version = value.get("version").and_then(Json::as_u64).unwrap_or(0);
    let progress = match version {
        1 => saved_json::read_progress_v1(&value).map_err(ProgressError::Damaged)?,
        v if v > u64::from(CURRENT_PROGRESS_VERSION) => {
            return Err(ProgressError::NewerVersion {
                found: u32::try_from(v).unwrap_or(u32::MAX),
            })
        }
        _ => {
            return Err(ProgressError::Damaged(format!(
                "unknown format version {version}"
            )))
        }
    };
    if progress.bank_id != bank_id {
        return Err(ProgressError::OtherBank {
            found: progress.bank_id,
        });
    }
    Ok(progress)
}
