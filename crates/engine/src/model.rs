//! The learner model: one model for every bank. Success predictions (and so item choice and
//! mastery) come from the calibrated model (`calibrated_model::predict` over the learner's
//! `calibrated_model::LearnerState`, `model/calibrated.rs`) with the bank's parameters: its
//! calibration block when a class calibrated it, else the shipped defaults with the bank's own
//! difficulties (`bank_calibration::PositionedCalibration::defaults`).
//!
//! Beside that state, per skill: the mastery flag and its evidence (attempts, right answers in a
//! row), how sure the estimate is (a variance that each answer's information lowers and time
//! away raises), and the skill's memory (`memory.rs`: stability and difficulty, each answer a
//! review) that says when a mastered skill is due for review. Per
//! item: attempts and when last seen (fresh items first, no repeats), and the last outcome there,
//! the item memory every prediction of that item reads (`calibrated_model::item_memory_shift`).

use crate::sorted_map::SortedMap;

use serde::{Deserialize, Serialize};

use crate::bank::Item;
use crate::bank_calibration::PositionedCalibration;
use crate::bank_index::IndexedBank;
use crate::calibrated_model::{self, LearnerState, LearnerTerms};
use crate::math::{logit, sigmoid};
use crate::memory::{self, MemoryParameters, Rating};

mod calibrated;
pub use calibrated::rebuild_state as rebuild_calibrated_state;

/// A moment, in milliseconds since the Unix epoch. The engine never reads a clock: callers pass it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn days_since(self, earlier: Timestamp) -> f64 {
        ((self.0 - earlier.0) as f64 / 86_400_000.0).max(0.0)
    }
}

/// Everything the widget knows about one learner on one bank.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LearnerModel {
    pub skills: SortedMap<SkillRecord>,
    pub items: SortedMap<ItemRecord>,
    pub answer_count: u32,
    pub correct_count: u32,
    /// The ids of the last few items answered, oldest first.
    pub recent_items: Vec<String>,
    /// The calibrated model's state of this learner, which every prediction reads
    /// (`model/calibrated.rs`). Never saved; `None` after loading until replayed or rebuilt.
    pub calibrated: Option<LearnerState>,
}

/// What the model holds for one skill.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillRecord {
    /// The model's estimate on the skill's typical item after the last answer, in logits (the
    /// logit of its mastery then): what the memory curve erodes for `days_until_review`.
    pub ability: f64,
    /// Uncertainty of the estimate (variance, logits²): how sure a mastery claim is.
    pub variance: f64,
    /// The estimate after the skill's first answers: the learner's starting point; what was
    /// learned beyond it is what forgetting can take.
    pub entry_ability: Option<f64>,
    pub attempts: u32,
    pub correct: u32,
    /// Right answers in a row (without hints) on this skill.
    pub streak: u32,
    pub last_practiced: Timestamp,
    /// Set when the skill reached mastery; cleared when the learner clearly lost it.
    pub mastered: bool,
    /// The skill's memory stability (`memory.rs`): days after the last practice until
    /// predicted recall falls to 90%.
    pub stability_days: f64,
    /// The skill's memory difficulty (`memory.rs`), 1 (easy) to 10 (hard).
    pub memory_difficulty: f64,
}

/// What the model holds for one item (or one step, keyed `item#step`).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRecord {
    pub attempts: u32,
    pub correct: u32,
    pub last_seen: Timestamp,
    /// Whether the last answer to it was right (`Evidence::correct`); `None` in progress saved
    /// before it was kept.
    pub last_correct: Option<bool>,
}

/// The state a learner and a teacher read for a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SkillState {
    NotStarted,
    Learning,
    Mastered,
    DueForReview,
}

impl SkillState {
    /// Whether the skill counts as mastered (in goals, scores and reports): mastered, including
    /// when it is now due for review. `www/teacher.js` applies the same rule to report files.
    pub fn counts_as_mastered(self) -> bool {
        matches!(self, SkillState::Mastered | SkillState::DueForReview)
    }
}

/// A skill's mastery estimate, how sure it is, and its state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SkillMastery {
    pub skill_id: String,
    /// Probability of answering a typical item of the skill correctly now.
    pub mastery: f64,
    /// 0 (nothing known) to 1 (certain): 1 minus the ratio of the uncertainty to the prior's.
    pub certainty: f64,
    pub state: SkillState,
    pub attempts: u32,
    /// Predicted probability of recall now, from the memory model.
    pub recall: f64,
    /// Days from now until recall falls below the target retention (0 when already due).
    pub days_until_review: f64,
}

/// One judged answer, as the model sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence<'a> {
    /// What the difficulty is kept for: the item id, or `item#step` for a step.
    pub key: &'a str,
    /// The item the answer belongs to (for "no repeats").
    pub item_id: &'a str,
    pub skills: &'a [String],
    /// The bank's difficulty of the part (the model reads the bank's difficulties from its
    /// parameters; a merge of another tab's answers keeps it).
    pub prior_difficulty: f64,
    pub correct: bool,
    /// Hints (and scaffolds) opened before answering.
    pub hints_used: u32,
}

impl<'a> Evidence<'a> {
    /// The evidence of a whole single-part item answered without hints.
    pub fn of_item(item: &'a Item, correct: bool) -> Evidence<'a> {
        Evidence {
            key: &item.id,
            item_id: &item.id,
            skills: &item.skills,
            prior_difficulty: item.prior_difficulty(),
            correct,
            hints_used: 0,
        }
    }
}

/// Recall (the share of the learned gain still there) below which a mastered skill's estimate is
/// watched for a review; a review is due when the estimate itself falls under the threshold.
pub const TARGET_RETENTION: f64 = 0.9;
/// How many recent items are never repeated (fewer when the skill has fewer items).
pub const RECENT_LIMIT: usize = 3;

/// The uncertainty of a skill nobody has seen this learner practise.
const PRIOR_VARIANCE: f64 = 2.5;
/// Uncertainty added per day away from a skill.
const DAILY_DRIFT: f64 = 0.02;
/// How many answers make the "entry ability" of a skill.
const ENTRY_ANSWERS: u32 = 2;
/// Memory of what was learned: the half-life (days) of the learned gain after a first session,
/// how much a spaced session lengthens it (by 1 + growth · (1 − e^(−gap / half-life)), so massed
/// practice adds little), and what every answer adds.
const LONGEST_STABILITY_DAYS: f64 = 3650.0;
/// Mastery is claimed when the estimate minus this many standard deviations reaches the threshold.
const MASTERY_CONFIDENCE_Z: f64 = 0.5;
/// Mastery also needs this many right answers in a row (fewer when the bank asks for less evidence).
const MASTERY_STREAK: u32 = 3;
/// Mastery is withdrawn only when the estimate falls this far under the threshold.
const MASTERY_HYSTERESIS: f64 = 0.15;

/// Share of what was learned still there after `days` for a memory of the given stability:
/// the memory model's predicted recall (`memory::recall_probability`, its shipped parameters).
pub fn recall_probability(days: f64, stability_days: f64) -> f64 {
    memory::recall_probability(&MemoryParameters::default(), days.max(0.0), stability_days)
}

/// How an answer went, as a review of the skill's memory: wrong is a lapse, right after hints
/// a hard recall, right without hints a good one.
fn review_rating(correct: bool, hints_used: u32) -> Rating {
    match (correct, hints_used) {
        (false, _) => Rating::Again,
        (true, 0) => Rating::Good,
        (true, _) => Rating::Hard,
    }
}

impl SkillRecord {
    /// The ability learned on top of where the learner started: what forgetting erodes.
    fn learned_gain(&self) -> f64 {
        self.entry_ability
            .map_or(0.0, |entry| (self.ability - entry).max(0.0))
    }

    /// The ability `days` after the last practice: the learned gain fades with the memory curve.
    fn ability_after(&self, days: f64) -> f64 {
        self.ability - self.learned_gain() * (1.0 - recall_probability(days, self.stability_days))
    }

    /// Days after the last practice until a review is due: recall falls under the bank's target
    /// retention, or forgetting takes the estimate under the mastery threshold, whichever first.
    fn days_until_review(&self, bank: &IndexedBank) -> f64 {
        let settings = bank.settings();
        let parameters = MemoryParameters::default();
        let recall_days =
            memory::days_until_recall(&parameters, self.stability_days, settings.target_retention);
        recall_days.min(self.days_until_below(logit(settings.mastery_threshold)))
    }

    /// Days after the last practice until the estimate falls under `threshold` (0 if already).
    fn days_until_below(&self, threshold: f64) -> f64 {
        let gain = self.learned_gain();
        let margin = self.ability - threshold;
        if margin <= 0.0 {
            return 0.0;
        }
        if margin >= gain {
            return LONGEST_STABILITY_DAYS;
        }
        // ability − gain · (1 − r) = threshold  ⇔  r = 1 − margin / gain.
        let retained = 1.0 - margin / gain;
        memory::days_until_recall(&MemoryParameters::default(), self.stability_days, retained)
            .min(LONGEST_STABILITY_DAYS)
    }
}

impl LearnerModel {
    /// P(correct) for an item, now.
    pub fn predict_success(&self, bank: &IndexedBank, item: &Item, now: Timestamp) -> f64 {
        let calibration = bank.calibration();
        let index = calibrated::part_index(calibration, bank, &item.id);
        let skills = calibrated::skill_positions(bank, &item.skills);
        let last = self.last_outcome_on(calibration, &item.id);
        self.calibrated_prediction(calibration, bank, index, &skills, now, last)
    }

    /// The learner's last outcome on the item (or step) `key` as the `calibration` reads it:
    /// `None` when never answered, and not looked up where the calibration has no item memory
    /// (a bank that knows its items: item choice asks this of every item).
    fn last_outcome_on(&self, calibration: &PositionedCalibration, key: &str) -> Option<bool> {
        if !calibration.parameters.has_item_memory() {
            return None;
        }
        self.items.get(key).and_then(|record| record.last_correct)
    }

    /// P(correct) for one answerable part (a step, or the whole item), now.
    pub fn predict_evidence(
        &self,
        bank: &IndexedBank,
        evidence: &Evidence<'_>,
        now: Timestamp,
    ) -> f64 {
        let calibration = bank.calibration();
        let index = calibrated::part_index(calibration, bank, evidence.key);
        let skills = calibrated::skill_positions(bank, evidence.skills);
        let last = self.last_outcome_on(calibration, evidence.key);
        self.calibrated_prediction(calibration, bank, index, &skills, now, last)
    }

    /// What every prediction at `now` shares, computed once (item choice scores many items):
    /// read by `predict_from_terms` and `skill_masteries_given`.
    pub fn learner_terms(&self, bank: &IndexedBank, now: Timestamp) -> LearnerTerms {
        calibrated_model::learner_terms(
            &bank.calibration().parameters,
            &self.calibrated_state(bank),
            bank.skills().len(),
            calibrated::seconds(now),
        )
    }

    /// P(correct) for the item at `item_position` from the learner's `terms` at `now`: what
    /// `predict_success` gives, a few additions per item (and, with item memory, one look-up of its
    /// record).
    pub fn predict_from_terms(
        &self,
        bank: &IndexedBank,
        item_position: usize,
        terms: &LearnerTerms,
    ) -> f64 {
        let calibration = bank.calibration();
        let index = calibration.whole_item_index(item_position);
        let last = bank
            .items()
            .get(item_position)
            .and_then(|item| self.last_outcome_on(calibration, &item.id));
        calibrated_model::predict_from_terms(
            &calibration.parameters,
            terms,
            index,
            bank.skills_of_item(item_position),
            last,
        )
    }

    /// How many of the bank's skills count as mastered at `now`.
    pub fn mastered_skill_count(&self, bank: &IndexedBank, now: Timestamp) -> usize {
        let mut count = 0;
        for mastery in &self.skill_masteries(bank, now) {
            count += usize::from(mastery.state.counts_as_mastered());
        }
        count
    }

    /// Every skill's `skill_mastery`, in the bank's order, from the learner's terms computed
    /// once: what a loop over the skills calls, so that it stays linear in their number.
    pub fn skill_masteries(&self, bank: &IndexedBank, now: Timestamp) -> Vec<SkillMastery> {
        self.skill_masteries_given(bank, now, &self.learner_terms(bank, now))
    }

    /// `skill_masteries` with the learner's `terms` at `now` already computed.
    pub(crate) fn skill_masteries_given(
        &self,
        bank: &IndexedBank,
        now: Timestamp,
        terms: &LearnerTerms,
    ) -> Vec<SkillMastery> {
        let parameters = &bank.calibration().parameters;
        let records = bank.by_skill_position(&self.skills);
        let mut masteries = Vec::with_capacity(records.len());
        for (s, record) in records.into_iter().enumerate() {
            let mastery = calibrated_model::predict_from_terms(
                parameters,
                terms,
                calibrated::TYPICAL_ITEM,
                &[s],
                None,
            );
            masteries.push(self.mastery_of(bank, s, record, mastery, now));
        }
        masteries
    }

    /// The mastery estimate and state of one skill.
    pub fn skill_mastery(
        &self,
        bank: &IndexedBank,
        skill_position: usize,
        now: Timestamp,
    ) -> SkillMastery {
        let record = self.skills.get(&bank.skills()[skill_position].id);
        let mastery = self.typical_item_prediction(bank, skill_position, now);
        self.mastery_of(bank, skill_position, record, mastery, now)
    }

    /// P(correct) now on a typical item of the skill: an item the parameters do not know, of that
    /// skill only.
    fn typical_item_prediction(&self, bank: &IndexedBank, skill: usize, now: Timestamp) -> f64 {
        let typical = calibrated::TYPICAL_ITEM;
        self.calibrated_prediction(bank.calibration(), bank, typical, &[skill], now, None)
    }

    /// `skill_mastery` from the skill's record and its `mastery` (the typical item's prediction
    /// now), lowered to what forgetting leaves of the estimate since the last practice.
    fn mastery_of(
        &self,
        bank: &IndexedBank,
        skill_position: usize,
        record: Option<&SkillRecord>,
        mastery: f64,
        now: Timestamp,
    ) -> SkillMastery {
        let skill_id = bank.skills()[skill_position].id.clone();
        let Some(record) = record else {
            return SkillMastery {
                skill_id,
                mastery,
                certainty: 0.0,
                state: SkillState::NotStarted,
                attempts: 0,
                recall: 0.0,
                days_until_review: 0.0,
            };
        };
        let elapsed = now.days_since(record.last_practiced);
        // What the memory curve leaves of the estimate since the last practice, when lower.
        let mastery = mastery.min(sigmoid(record.ability_after(elapsed)));
        let variance = (record.variance + DAILY_DRIFT * elapsed).min(PRIOR_VARIANCE);
        let certainty = (1.0 - variance / PRIOR_VARIANCE).clamp(0.0, 1.0);
        let recall = recall_probability(elapsed, record.stability_days);
        let threshold = bank.settings().mastery_threshold;
        let state = if !record.mastered {
            SkillState::Learning
        } else if mastery < threshold {
            // Predicted to have slipped under mastery since the last practice.
            SkillState::DueForReview
        } else {
            SkillState::Mastered
        };
        SkillMastery {
            skill_id,
            mastery,
            certainty,
            state,
            attempts: record.attempts,
            recall,
            days_until_review: (record.days_until_review(bank) - elapsed).max(0.0),
        }
    }

    /// Updates the model with one judged answer (a whole item or one step of it). Returns the ids
    /// of skills mastered by it.
    pub fn record_answer(
        &mut self,
        bank: &IndexedBank,
        evidence: &Evidence<'_>,
        now: Timestamp,
    ) -> Vec<String> {
        let settings = &bank.settings();
        let correct = evidence.correct;
        let calibration = bank.calibration();
        let index = calibrated::part_index(calibration, bank, evidence.key);
        let skills = calibrated::skill_positions(bank, evidence.skills);
        let last = self.last_outcome_on(calibration, evidence.key);
        let expected = self.calibrated_prediction(calibration, bank, index, &skills, now, last);
        self.record_calibrated_answer(calibration, bank, index, &skills, correct, now);
        // Mastery is judged on the prediction of each skill's typical item after this answer.
        let mut masteries_after = Vec::with_capacity(evidence.skills.len());
        for id in evidence.skills.iter() {
            masteries_after.push(bank.skill_position(id).map_or(expected, |skill| {
                self.typical_item_prediction(bank, skill, now)
            }));
        }
        let share = 1.0 / evidence.skills.len().max(1) as f64;
        let information = expected * (1.0 - expected) * share * share;
        let threshold = logit(settings.mastery_threshold);
        let mut newly_mastered = Vec::new();
        for (skill_id, mastery_after) in evidence.skills.iter().zip(masteries_after) {
            let record = self.skills.get_or_insert_with(skill_id, || SkillRecord {
                ability: 0.0,
                variance: PRIOR_VARIANCE,
                entry_ability: None,
                attempts: 0,
                correct: 0,
                streak: 0,
                last_practiced: now,
                mastered: false,
                // Set by the first answer below (`memory::initial_state`).
                stability_days: 0.0,
                memory_difficulty: 0.0,
            });
            let elapsed = now.days_since(record.last_practiced);
            let prior_variance = (record.variance + DAILY_DRIFT * elapsed).min(PRIOR_VARIANCE);
            record.variance = 1.0 / (1.0 / prior_variance + information);
            // What is left of the gain after forgetting is what later forgetting can take.
            let remembered = record.ability_after(elapsed);
            if let Some(entry) = record.entry_ability.as_mut() {
                *entry = entry.min(remembered);
            }
            record.ability = logit(mastery_after);
            record.attempts += 1;
            if record.attempts == ENTRY_ANSWERS {
                record.entry_ability = Some(record.ability);
            }
            record.streak = if correct && evidence.hints_used == 0 {
                record.streak + 1
            } else {
                0
            };
            record.correct += u32::from(correct);
            // Each answer is a review of the skill's memory (`memory.rs`): spaced practice
            // strengthens it more than massed practice, a wrong answer is a lapse.
            let rating = review_rating(correct, evidence.hints_used);
            let parameters = MemoryParameters::default();
            let state = if record.attempts == 1 {
                memory::initial_state(&parameters, rating)
            } else {
                let before = memory::MemoryState {
                    stability: record.stability_days,
                    difficulty: record.memory_difficulty,
                };
                memory::next_state(&parameters, before, elapsed, rating)
            };
            record.stability_days = state.stability;
            record.memory_difficulty = state.difficulty;
            record.last_practiced = now;
            let confident =
                record.ability - MASTERY_CONFIDENCE_Z * record.variance.sqrt() >= threshold;
            let enough = record.attempts >= settings.min_evidence
                && record.streak >= MASTERY_STREAK.min(settings.min_evidence);
            if !record.mastered && confident && enough {
                record.mastered = true;
                newly_mastered.push(skill_id.clone());
            } else if record.mastered
                && mastery_after < settings.mastery_threshold - MASTERY_HYSTERESIS
            {
                record.mastered = false;
            }
        }
        let item_record = self.items.get_or_insert_with(evidence.key, || ItemRecord {
            attempts: 0,
            correct: 0,
            last_seen: now,
            last_correct: None,
        });
        item_record.attempts += 1;
        item_record.correct += u32::from(correct);
        item_record.last_seen = now;
        item_record.last_correct = Some(correct);
        self.answer_count += 1;
        self.correct_count += u32::from(correct);
        if self.recent_items.last().map(String::as_str) != Some(evidence.item_id) {
            self.recent_items.retain(|id| id != evidence.item_id);
            self.recent_items.push(evidence.item_id.to_string());
            if self.recent_items.len() > RECENT_LIMIT_STORED {
                self.recent_items.remove(0);
            }
        }
        newly_mastered
    }

    /// True when every prerequisite of the skill is mastered (a review being due does not lock).
    pub fn is_unlocked(&self, bank: &IndexedBank, skill_position: usize) -> bool {
        bank.skills()[skill_position]
            .prerequisites
            .iter()
            .all(|p| self.skills.get(p).is_some_and(|r| r.mastered))
    }
}

/// How many recent item ids are kept (more than are avoided, for variety scoring).
const RECENT_LIMIT_STORED: usize = 5;
