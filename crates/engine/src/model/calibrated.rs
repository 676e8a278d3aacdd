//! The learner model's predictions: success predictions (and so item choice and mastery) come
//! from `calibrated_model::predict` over the learner's `calibrated_model::LearnerState`, which
//! `LearnerModel` keeps beside its own records, with the bank's parameters (its calibration
//! block, or the shipped defaults).
//!
//! Architecture invariant: the calibrated state is never saved. After loading it is replayed
//! from saved progress's answer log when the log holds every answer (`prepare_calibrated_state`),
//! else rebuilt from what the skill records hold (`rebuild_state`: per skill attempts, right
//! answers, the current run of right answers, when last practised; no ability estimate).

use std::borrow::Cow;

use crate::bank_calibration::PositionedCalibration;
use crate::bank_index::IndexedBank;
use crate::calibrated_model::{self, LearnerState, PracticeSummary};
use crate::progress::{item_key, AnswerLog};

use super::{LearnerModel, SkillRecord, Timestamp};

/// The calibrated model's time: seconds.
pub(super) fn seconds(now: Timestamp) -> f64 {
    now.0 as f64 / 1000.0
}

/// The positions of the skills a part practises (skills the bank does not have are left out).
pub(super) fn skill_positions(bank: &IndexedBank, skills: &[String]) -> Vec<usize> {
    // A loop, not `filter_map` and `collect` (compiled with their adapters on their own).
    let mut positions = Vec::new();
    for skill in skills {
        if let Some(position) = bank.skill_position(skill) {
            positions.push(position);
        }
    }
    positions
}

/// The calibrated index of a part (`key`: the item id, or `item#part`).
pub(super) fn part_index(
    calibration: &PositionedCalibration,
    bank: &IndexedBank,
    key: &str,
) -> usize {
    calibration.item_index(key, bank.item_position(key))
}

/// The index of a skill's typical item (`calibrated_model::TYPICAL_ITEM`).
pub(super) const TYPICAL_ITEM: usize = calibrated_model::TYPICAL_ITEM;

impl LearnerModel {
    /// The calibrated state now: the one kept, or, before the first answer since loading, the
    /// one rebuilt from the skill records.
    pub(super) fn calibrated_state(&self, bank: &IndexedBank) -> Cow<'_, LearnerState> {
        match &self.calibrated {
            Some(state) => Cow::Borrowed(state),
            None => Cow::Owned(rebuild_state(self, bank)),
        }
    }

    /// The calibrated P(correct) of the part `item_index` practising `skills` (positions), the
    /// learner's last outcome on it being `last_outcome`.
    pub(super) fn calibrated_prediction(
        &self,
        calibration: &PositionedCalibration,
        bank: &IndexedBank,
        item_index: usize,
        skills: &[usize],
        now: Timestamp,
        last_outcome: Option<bool>,
    ) -> f64 {
        calibrated_model::predict(
            &calibration.parameters,
            &self.calibrated_state(bank),
            item_index,
            skills,
            seconds(now),
            last_outcome,
        )
    }

    /// Makes the calibrated state ready when it is missing (after
    /// loading, or taking in another tab's answers): replayed from the answer log when the log
    /// holds every answer (exactly the state the answers built, times to the second), else
    /// rebuilt from the skill records. Item choice (`session::advance`, `session::resume`) calls
    /// it first, so that its many predictions do not each rebuild it.
    pub fn prepare_calibrated_state(&mut self, bank: &IndexedBank, log: &AnswerLog) {
        if self.calibrated.is_none() {
            let calibration = bank.calibration();
            let state = replay_state(self, calibration, bank, log)
                .unwrap_or_else(|| rebuild_state(self, bank));
            self.calibrated = Some(state);
        }
    }

    /// Records an answer in the calibrated state (rebuilt first when missing). Hints do not
    /// change what it records: the calibration has seen right and wrong only.
    pub(super) fn record_calibrated_answer(
        &mut self,
        calibration: &PositionedCalibration,
        bank: &IndexedBank,
        item_index: usize,
        skills: &[usize],
        correct: bool,
        now: Timestamp,
    ) {
        if self.calibrated.is_none() {
            self.calibrated = Some(rebuild_state(self, bank));
        }
        if let Some(state) = self.calibrated.as_mut() {
            calibrated_model::update(
                &calibration.parameters,
                state,
                item_index,
                skills,
                correct,
                seconds(now),
            );
        }
    }
}

/// The calibrated state replayed from the answer log, or `None` when the log does not hold every
/// answer the model counted (it keeps the last `ANSWER_HISTORY_LIMIT`, and progress saved before
/// the log has none). An answer on an item the bank no longer has is passed over.
fn replay_state(
    model: &LearnerModel,
    calibration: &PositionedCalibration,
    bank: &IndexedBank,
    log: &AnswerLog,
) -> Option<LearnerState> {
    if log.len() != model.answer_count as usize {
        return None;
    }
    let mut state = LearnerState {
        overall: PracticeSummary::default(),
        skills: vec![PracticeSummary::default(); bank.skills().len()],
        ..LearnerState::default()
    };
    for answer in log.iter() {
        let Some(position) = bank.item_position(answer.item_id) else {
            continue;
        };
        let parts = bank.items()[position].parts();
        let Some(part) = parts.get(answer.part.unwrap_or(0) as usize) else {
            continue;
        };
        let key = item_key(answer.item_id, answer.part);
        calibrated_model::update(
            &calibration.parameters,
            &mut state,
            part_index(calibration, bank, &key),
            &skill_positions(bank, part.skills),
            answer.verdict.counts_as_right(),
            answer.at_seconds as f64,
        );
    }
    Some(state)
}

/// The calibrated state that what saved progress holds allows: per skill attempts, right
/// answers, the current run and when last practised; the overall summary from the answer counts
/// and the most recent skill. Abilities start at 0 (saved progress does not carry the answers
/// they follow from).
pub fn rebuild_state(model: &LearnerModel, bank: &IndexedBank) -> LearnerState {
    let mut state = LearnerState {
        overall: PracticeSummary {
            attempts: f64::from(model.answer_count),
            successes: f64::from(model.correct_count),
            ..PracticeSummary::default()
        },
        skills: vec![PracticeSummary::default(); bank.skills().len()],
        ..LearnerState::default()
    };
    let mut latest: Option<&SkillRecord> = None;
    for (id, record) in model.skills.iter() {
        let Some(position) = bank.skill_position(id) else {
            continue;
        };
        state.skills[position] = summary_of(record);
        if latest.is_none_or(|latest| record.last_practiced > latest.last_practiced) {
            latest = Some(record);
        }
    }
    if let Some(latest) = latest {
        let recent = summary_of(latest);
        state.overall.current_run = recent.current_run;
        state.overall.recent_outcome_bits = recent.recent_outcome_bits;
        state.overall.last_practice_time = recent.last_practice_time;
    }
    state
}

fn summary_of(record: &SkillRecord) -> PracticeSummary {
    let (current_run, recent_outcome_bits) = match (record.streak, record.attempts) {
        (0, 0) => (0.0, 0),
        // The last answer was wrong (or right after hints).
        (0, _) => (-1.0, 0),
        (streak, _) => (
            f64::from(streak),
            (1u16 << streak.min(8)).wrapping_sub(1) as u8,
        ),
    };
    PracticeSummary {
        attempts: f64::from(record.attempts),
        successes: f64::from(record.correct),
        ability: 0.0,
        recent_ability: 0.0,
        recent_outcome_bits,
        current_run,
        last_practice_time: seconds(record.last_practiced),
    }
}
