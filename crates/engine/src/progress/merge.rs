//! Merging the progress of two tabs (or two widgets) on one bank, instead of letting the last
//! writer win. Every answer belongs to a session (a nonce the widget draws) and has a number in
//! it; a saved progress records how many answers of each recent session it includes (the
//! answers of a session are always included as a prefix, 1..=n). To merge, a tab takes the
//! stored progress and re-applies, with `LearnerModel::record_answer`, the answers of its own
//! session the stored copy lacks, from its in-memory log of recent answers.
//!
//! A re-applied answer joins the stored copy's answer log too (in its place in time order), so
//! the log has each answer once: a tab adds only its own answers, and only those the stored copy
//! does not count yet.
//!
//! The footprint stays bounded: the saved form holds at most `SESSION_LIMIT` session counts and
//! the last `ANSWER_HISTORY_LIMIT` answers (item, part, verdict, hints, time: no evidence to
//! replay); only the widget's memory holds the last `ANSWER_LOG_LIMIT` answers of its own
//! session, with the evidence to replay them.

use super::{load_progress, AnswerEntry, AnswerVerdict, Progress, ProgressError, SessionCount};
use crate::bank_index::IndexedBank;
use crate::model::{Evidence, Timestamp};

/// The most session counts a saved progress keeps (the least recently active dropped first).
pub const SESSION_LIMIT: usize = 32;
/// The most answers a session keeps in memory for replay.
pub const ANSWER_LOG_LIMIT: usize = 1000;

/// One answer of this session, with what it takes to re-apply it to another tab's model.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedAnswer {
    /// 1 for the session's first answer, and so on: with the session, the answer's unique id.
    pub number: u32,
    pub key: String,
    pub item_id: String,
    pub skills: Vec<String>,
    pub prior_difficulty: f64,
    pub correct: bool,
    pub hints_used: u32,
    pub at: Timestamp,
    pub seconds_on_task: f64,
    /// What the answer log keeps of it: the part (of an item in several parts), the verdict as
    /// judged and the hints the learner opened (`hints_used` is the model's, a partial answer's
    /// discount added).
    pub part: Option<u32>,
    pub verdict: AnswerVerdict,
    pub hints_opened: u32,
}

impl LoggedAnswer {
    fn evidence(&self) -> Evidence<'_> {
        Evidence {
            key: &self.key,
            item_id: &self.item_id,
            skills: &self.skills,
            prior_difficulty: self.prior_difficulty,
            correct: self.correct,
            hints_used: self.hints_used,
        }
    }

    fn entry(&self) -> AnswerEntry<'_> {
        AnswerEntry {
            item_id: &self.item_id,
            part: self.part,
            verdict: self.verdict,
            hints_used: self.hints_opened,
            at_seconds: self.at.0.div_euclid(1000),
        }
    }
}

/// The answers given in this session (tab, widget), the most recent `ANSWER_LOG_LIMIT` kept.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionLog {
    pub session: String,
    /// Answers given in this session so far (the number of the last one).
    pub answers_given: u32,
    /// Oldest first (a plain `Vec`: a `VecDeque` was its own code in the wasm).
    pub recent: Vec<LoggedAnswer>,
}

impl SessionLog {
    /// A new session; `session` must be unique to it (the caller draws a nonce).
    pub fn new(session: String) -> SessionLog {
        SessionLog {
            session,
            answers_given: 0,
            recent: Vec::new(),
        }
    }
}

/// Notes in `progress` and in `log` one answer that was just applied to `progress.model` (and
/// logged in `progress.answer_log` as `entry`).
pub fn record_session_answer(
    progress: &mut Progress,
    log: &mut SessionLog,
    evidence: &Evidence<'_>,
    entry: AnswerEntry<'_>,
    seconds_on_task: f64,
    at: Timestamp,
) {
    log.answers_given = log.answers_given.saturating_add(1);
    log.recent.push(LoggedAnswer {
        number: log.answers_given,
        key: evidence.key.to_string(),
        item_id: evidence.item_id.to_string(),
        skills: evidence.skills.to_vec(),
        prior_difficulty: evidence.prior_difficulty,
        correct: evidence.correct,
        hints_used: evidence.hints_used,
        at,
        seconds_on_task: if seconds_on_task.is_finite() {
            seconds_on_task.clamp(0.0, super::MAX_SECONDS_PER_ANSWER)
        } else {
            0.0
        },
        part: entry.part,
        verdict: entry.verdict,
        hints_opened: entry.hints_used,
    });
    if log.recent.len() > ANSWER_LOG_LIMIT {
        log.recent.remove(0);
    }
    note_session(progress, &log.session, log.answers_given, at);
}

/// How many answers of `session` the progress includes.
pub fn answers_included(progress: &Progress, session: &str) -> u32 {
    progress
        .sessions
        .iter()
        .find(|s| s.session == session)
        .map_or(0, |s| s.answers)
}

/// The other tab's progress (`theirs`, as stored) with this session's answers it lacks
/// re-applied, and this tab's item on screen. Returns the merged progress and how many answers
/// were re-applied (0: `theirs` already had everything of ours).
pub fn merge_progress(
    bank: &IndexedBank,
    theirs: Progress,
    ours: &Progress,
    log: &SessionLog,
) -> (Progress, u32) {
    let included = answers_included(&theirs, &log.session);
    let mut merged = theirs;
    merged.seed = ours.seed;
    merged.current_item = ours.current_item.clone();
    merged.current_variant = ours.current_variant;
    merged.current_part = ours.current_part;
    let mut replayed = 0;
    for answer in log.recent.iter().filter(|a| a.number > included) {
        merged
            .model
            .record_answer(bank, &answer.evidence(), answer.at);
        merged.answer_log.record(answer.entry());
        merged.time_on_task_seconds += answer.seconds_on_task;
        note_session(&mut merged, &log.session, answer.number, answer.at);
        replayed += 1;
    }
    (merged, replayed)
}

fn note_session(progress: &mut Progress, session: &str, answers: u32, at: Timestamp) {
    let mut entry = match progress.sessions.iter().position(|s| s.session == session) {
        Some(place) => progress.sessions.remove(place),
        None => SessionCount {
            session: session.to_string(),
            answers: 0,
            last_answer: at,
        },
    };
    entry.answers = entry.answers.max(answers);
    entry.last_answer = entry.last_answer.max(at);
    // The most recently active session goes last; the least recently active is dropped first.
    progress.sessions.push(entry);
    let excess = progress.sessions.len().saturating_sub(SESSION_LIMIT);
    progress.sessions.drain(..excess);
}

/// `new` (an imported file, a fresh start) taken as this session's progress: the sessions `old`
/// counted, and this session's answers so far, stay counted, so that no tab re-applies its
/// answers to it.
pub fn adopt_progress(mut new: Progress, old: &Progress, log: &SessionLog) -> Progress {
    for counted in &old.sessions {
        if answers_included(&new, &counted.session) < counted.answers {
            note_session(
                &mut new,
                &counted.session,
                counted.answers,
                counted.last_answer,
            );
        }
    }
    let last = log.recent.last().map_or(Timestamp(0), |a| a.at);
    if log.answers_given > 0 {
        note_session(&mut new, &log.session, log.answers_given, last);
    }
    new
}

/// What a tab finds under its storage key before it writes, or when another tab wrote there.
// One outcome per sync, moved once: boxing the progress would save nothing worth a heap copy.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum SyncOutcome {
    /// Nothing is stored, or only the copy this tab already took into account: write ours as it is.
    Unchanged,
    /// Another tab or script stored progress on this bank: `progress` is that copy with the
    /// `replayed` answers of this session it lacked re-applied. It replaces ours, and is written.
    Merged { progress: Progress, replayed: u32 },
    /// The stored copy is not progress on this bank: it must be backed up before anything is
    /// written over it.
    Unreadable(ProgressError),
}

/// The merge protocol every tab follows: `stored` is what is under the key now, `known` the text
/// this tab last wrote, merged or backed up (anything else was written by someone else).
pub fn sync(
    bank: &IndexedBank,
    stored: Option<&str>,
    known: Option<&str>,
    ours: &Progress,
    log: &SessionLog,
) -> SyncOutcome {
    let Some(text) = stored.filter(|text| Some(*text) != known) else {
        return SyncOutcome::Unchanged;
    };
    match load_progress(text, bank.id()) {
        Ok(theirs) => {
            let (progress, replayed) = merge_progress(bank, theirs, ours, log);
            SyncOutcome::Merged { progress, replayed }
        }
        Err(problem) => SyncOutcome::Unreadable(problem),
    }
}
