//! The learner model on a bank that carries a calibration block: success predictions (and so
//! item choice and mastery) come from `calibrated_model::predict` over the learner's
//! `calibrated_model::LearnerState`, which `LearnerModel` keeps beside its own records.
//!
//! Architecture invariant: the calibrated state is never saved. On load it is rebuilt from what
//! saved progress holds (`rebuild_state`: per skill attempts, right answers, the current run of
//! right answers, when last practised), with no ability estimate. An exact replay from the
//! answer log is the next step, once saved progress carries the log.

use std::borrow::Cow;

use crate::bank_calibration::PositionedCalibration;
use crate::bank_index::IndexedBank;
use crate::calibrated_model::{self, LearnerState, PracticeSummary};

use super::{LearnerModel, SkillRecord, Timestamp};

/// The calibrated model's time: seconds.
pub(super) fn seconds(now: Timestamp) -> f64 {
    now.0 as f64 / 1000.0
}

/// The positions of the skills a part practises (skills the bank does not have are left out).
pub(super) fn skill_positions(bank: &IndexedBank, skills: &[String]) -> Vec<usize> {
    skills
        .iter()
        .filter_map(|skill| bank.skill_position(skill))
        .collect()
}

/// The calibrated index of a part (`key`: the item id, or `item#part`).
pub(super) fn part_index(
    calibration: &PositionedCalibration,
    bank: &IndexedBank,
    key: &str,
) -> usize {
    calibration.item_index(key, bank.item_position(key))
}

/// The index of a skill's typical item: one the calibration does not know, an average item of
/// its skills.
pub(super) const TYPICAL_ITEM: usize = usize::MAX;

impl LearnerModel {
    /// The calibrated state now: the one kept, or, before the first answer since loading, the
    /// one rebuilt from the skill records.
    pub(super) fn calibrated_state(&self, bank: &IndexedBank) -> Cow<'_, LearnerState> {
        match &self.calibrated {
            Some(state) => Cow::Borrowed(state),
            None => Cow::Owned(rebuild_state(self, bank)),
        }
    }

    /// The calibrated P(correct) of the part `item_index` practising `skills` (positions).
    pub(super) fn calibrated_prediction(
        &self,
        calibration: &PositionedCalibration,
        bank: &IndexedBank,
        item_index: usize,
        skills: &[usize],
        now: Timestamp,
    ) -> f64 {
        calibrated_model::predict(
            &calibration.parameters,
            &self.calibrated_state(bank),
            item_index,
            skills,
            seconds(now),
        )
    }

    /// On a bank with a calibration, makes the calibrated state ready (rebuilt from the skill
    /// records when missing, as after loading), so that the many predictions of one item choice
    /// do not each rebuild it. Item choice (`session::advance`) calls it first.
    pub fn prepare_calibrated_state(&mut self, bank: &IndexedBank) {
        if bank.calibration().is_some() && self.calibrated.is_none() {
            self.calibrated = Some(rebuild_state(self, bank));
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
