//! The learner model. Per skill: an ability with its uncertainty (a Gaussian belief updated by a
//! Laplace step after every answer, an Elo whose step size is the uncertainty), kept relative to
//! the skill's typical item; a memory stability that lowers the estimate between sessions; a
//! mastery flag. Per learner: a general level (how far above an average learner, from the skills
//! started so far), where every new skill begins with its own easiness kept: a new skill's typical
//! item is predicted at sigmoid(general level − the skill's reference difficulty). Per item: a
//! small learner-specific difficulty correction on top of the bank's (calibrated) difficulty.
//!
//! Practice is expected to teach: after each answer the skill's estimate also moves up by the
//! learner's own learning trend (the gain per answer their estimates have shown so far, shrunk
//! toward none), so the estimate keeps up with a learner who improves fast instead of lagging a
//! logit or two behind; a learner who stops improving pulls the trend back down.
//!
//! P(correct) = sigmoid(mean over the part's skills of (reference + ability − forgetting) − difficulty).

use crate::sorted_map::SortedMap;

use serde::{Deserialize, Serialize};

use crate::bank::Item;
use crate::bank_index::IndexedBank;
use crate::calibrated_model::LearnerState;
use crate::math::{logit, sigmoid};

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
    /// On a bank with a calibration block: the calibrated model's state of this learner, which
    /// its predictions read (`model/calibrated.rs`). Never saved; `None` until the first answer
    /// since loading, and always on a bank without a calibration.
    pub calibrated: Option<LearnerState>,
}

/// What the model holds for one skill.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillRecord {
    /// Ability on this skill, in logits above its typical item (0: 50% on a typical item).
    pub ability: f64,
    /// Uncertainty of `ability` (variance, logits²).
    pub variance: f64,
    /// The ability estimate after the skill's first answers: the learner's starting point,
    /// which informs the prior of skills not started yet.
    pub entry_ability: Option<f64>,
    pub attempts: u32,
    pub correct: u32,
    /// Right answers in a row (without hints) on this skill.
    pub streak: u32,
    pub last_practiced: Timestamp,
    /// Set when the skill reached mastery; cleared when the learner clearly lost it.
    pub mastered: bool,
    /// Days until predicted recall falls to the target retention (memory stability).
    pub stability_days: f64,
}

/// What the model holds for one item (or one step, keyed `item#step`).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRecord {
    pub attempts: u32,
    pub correct: u32,
    pub last_seen: Timestamp,
    /// How much harder (positive) this item proved for this learner than the bank's difficulty.
    pub difficulty_offset: f64,
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

/// The belief about a skill nobody has seen this learner practise.
const PRIOR_VARIANCE: f64 = 2.5;
/// Learning between answers: the uncertainty grows by this much per answer (process noise), so
/// the estimate keeps following a learner who learns (0.03 let it lag far behind: learners
/// gain a few tenths of a logit per answer). The learning trend below carries most of that
/// following now; 0.1 without it, 0.06 with it (more noise with the trend raised false mastery).
const LEARNING_DRIFT: f64 = 0.06;
/// The learning trend: the share of the learner's observed gain per answer added to a skill's
/// estimate after each answer on it, and how many answers' worth of "no gain" it is shrunk with
/// (so two lucky answers do not make a trend). Simulated classes: a share of 1 raised false
/// mastery to 6-8%, 0.5 keeps it near 1-2%.
const LEARNING_TREND_SHARE: f64 = 0.5;
const LEARNING_TREND_PRIOR_ANSWERS: f64 = 10.0;
/// The weight (in units of precision, logits⁻²: an answer at 50% adds 0.25) with which the general
/// level is shrunk toward an average learner: two such answers. Fitted on the validation split of
/// both shared datasets (crates/evaluate/README.md): 0.5 beat 2, 5 and 20.
const GENERAL_LEVEL_PRIOR_WEIGHT: f64 = 0.5;
/// Uncertainty added per day away from a skill.
const DAILY_DRIFT: f64 = 0.02;
/// How many answers make the "entry ability" of a skill.
const ENTRY_ANSWERS: u32 = 2;
/// Memory of what was learned: the half-life (days) of the learned gain after a first session,
/// how much a spaced session lengthens it (by 1 + growth · (1 − e^(−gap / half-life)), so massed
/// practice adds little), and what every answer adds.
const INITIAL_STABILITY_DAYS: f64 = 2.0;
const STABILITY_GROWTH: f64 = 1.5;
const STABILITY_PER_ANSWER_DAYS: f64 = 0.05;
const LONGEST_STABILITY_DAYS: f64 = 3650.0;
/// Mastery is claimed when the estimate minus this many standard deviations reaches the threshold.
const MASTERY_CONFIDENCE_Z: f64 = 0.5;
/// Mastery also needs this many right answers in a row (fewer when the bank asks for less evidence).
const MASTERY_STREAK: u32 = 3;
/// Mastery is withdrawn only when the estimate falls this far under the threshold.
const MASTERY_HYSTERESIS: f64 = 0.15;
/// How much each hint lowers the credit of a right answer, and the least credit it keeps.
const HINT_DISCOUNT: f64 = 0.25;
const HINT_FLOOR: f64 = 0.4;
/// The learner-specific item correction: its step, shrinking with attempts.
const ITEM_STEP: f64 = 0.1;

/// Share of what was learned still there after `days` for a memory of the given stability
/// (half-life in days): a hyperbolic forgetting curve, 1 / (1 + days / stability).
pub fn recall_probability(days: f64, stability_days: f64) -> f64 {
    1.0 / (1.0 + days.max(0.0) / stability_days.max(0.01))
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
        // ability − gain · (1 − r) = threshold  ⇔  r = 1 − margin / gain; r = 1 / (1 + d / s).
        let retained = 1.0 - margin / gain;
        (self.stability_days * (1.0 / retained - 1.0)).min(LONGEST_STABILITY_DAYS)
    }
}

impl LearnerModel {
    /// The gain per answer this learner's skill estimates have shown since their entry answers,
    /// pooled over skills and shrunk toward 0; never negative (forgetting is modelled apart).
    pub fn learning_trend(&self) -> f64 {
        let (gain, answers) = self
            .skills
            .values()
            .fold((0.0, 0.0), |(gain, answers), record| {
                match record.entry_ability {
                    Some(entry) => (
                        gain + record.ability - entry,
                        answers + f64::from(record.attempts.saturating_sub(ENTRY_ANSWERS)),
                    ),
                    None => (gain, answers),
                }
            });
        (gain / (answers + LEARNING_TREND_PRIOR_ANSWERS)).max(0.0)
    }

    /// The learner's general level, in logits above an average learner: the mean level
    /// (reference difficulty plus ability) of the skills started so far, each weighted by the
    /// information its answers gave (its precision beyond the prior's), shrunk toward 0 with
    /// `GENERAL_LEVEL_PRIOR_WEIGHT`. Shared by every skill: a skill not started yet begins there.
    pub fn general_level(&self, bank: &IndexedBank) -> f64 {
        let prior_precision = 1.0 / PRIOR_VARIANCE;
        let (sum, weight) = self
            .skills
            .values()
            .zip(bank.skill_positions_of(&self.skills))
            .fold((0.0, 0.0), |(sum, weight), (record, position)| {
                let information = (1.0 / record.variance - prior_precision).max(0.0);
                let reference = position.map_or(0.0, |p| bank.reference_difficulty(p));
                let level = reference + record.ability;
                (sum + information * level, weight + information)
            });
        sum / (weight + GENERAL_LEVEL_PRIOR_WEIGHT)
    }

    /// Ability and variance of a skill at `now`, forgetting included. Only a skill not started
    /// yet reads the general level (a pass over the started skills), so a prediction on started
    /// skills stays independent of how many there are.
    fn belief(&self, bank: &IndexedBank, skill_id: &str, now: Timestamp) -> (f64, f64) {
        self.belief_of(
            bank,
            self.skills.get(skill_id),
            skill_reference(bank, skill_id),
            now,
            None,
        )
    }

    /// `belief` from the skill's record (`None`: not started) and reference difficulty, with the
    /// general level given when the caller already has it (`None`: computed here if needed).
    fn belief_of(
        &self,
        bank: &IndexedBank,
        record: Option<&SkillRecord>,
        reference: f64,
        now: Timestamp,
        general_level: Option<f64>,
    ) -> (f64, f64) {
        match record {
            // The skill's own easiness is kept: at the general level, an easy skill's typical
            // item is likelier right than a hard one's.
            None => (
                general_level.unwrap_or_else(|| self.general_level(bank)) - reference,
                PRIOR_VARIANCE,
            ),
            Some(record) => {
                let days = now.days_since(record.last_practiced);
                (
                    record.ability_after(days),
                    (record.variance + DAILY_DRIFT * days).min(PRIOR_VARIANCE),
                )
            }
        }
    }

    fn part_difficulty(&self, key: &str, prior_difficulty: f64) -> f64 {
        prior_difficulty + self.items.get(key).map_or(0.0, |r| r.difficulty_offset)
    }

    fn logit_for(
        &self,
        bank: &IndexedBank,
        key: &str,
        skills: &[String],
        difficulty: f64,
        now: Timestamp,
    ) -> f64 {
        let count = skills.len().max(1) as f64;
        let level: f64 = skills
            .iter()
            .map(|s| skill_reference(bank, s) + self.belief(bank, s, now).0)
            .sum::<f64>()
            / count;
        level - self.part_difficulty(key, difficulty)
    }

    /// P(correct) for the item at `item_position` from precomputed `skill_levels` (one per skill
    /// of the bank) and `general_level` (for an item of no skill): what `predict_success` gives,
    /// without a look-up per skill. Item choice uses it. On a calibrated bank the levels are not
    /// read: the calibrated model predicts at `now`.
    pub fn predict_from_levels(
        &self,
        bank: &IndexedBank,
        item_position: usize,
        skill_levels: &[f64],
        general_level: f64,
        item_record: Option<&ItemRecord>,
        now: Timestamp,
    ) -> f64 {
        let item = &bank.items()[item_position];
        let skills = bank.skills_of_item(item_position);
        if let Some(calibration) = bank.calibration() {
            let index = calibration.item_index(&item.id, Some(item_position));
            return self.calibrated_prediction(calibration, bank, index, skills, now);
        }
        let level = if skills.is_empty() {
            general_level
        } else {
            skills
                .iter()
                .map(|&s| skill_levels.get(s).copied().unwrap_or(0.0))
                .sum::<f64>()
                / skills.len() as f64
        };
        let offset = item_record.map_or(0.0, |r| r.difficulty_offset);
        sigmoid(level - (item.prior_difficulty() + offset))
    }

    /// P(correct) for an item, now.
    pub fn predict_success(&self, bank: &IndexedBank, item: &Item, now: Timestamp) -> f64 {
        if let Some(calibration) = bank.calibration() {
            let index = calibrated::part_index(calibration, bank, &item.id);
            let skills = calibrated::skill_positions(bank, &item.skills);
            return self.calibrated_prediction(calibration, bank, index, &skills, now);
        }
        sigmoid(self.logit_for(bank, &item.id, &item.skills, item.prior_difficulty(), now))
    }

    /// P(correct) for one answerable part (a step, or the whole item), now.
    pub fn predict_evidence(
        &self,
        bank: &IndexedBank,
        evidence: &Evidence<'_>,
        now: Timestamp,
    ) -> f64 {
        if let Some(calibration) = bank.calibration() {
            let index = calibrated::part_index(calibration, bank, evidence.key);
            let skills = calibrated::skill_positions(bank, evidence.skills);
            return self.calibrated_prediction(calibration, bank, index, &skills, now);
        }
        self.own_prediction(bank, evidence, now)
    }

    /// P(correct) for one part from the model's own records (the bank's difficulties), whether
    /// or not the bank carries a calibration: what updates those records.
    fn own_prediction(&self, bank: &IndexedBank, evidence: &Evidence<'_>, now: Timestamp) -> f64 {
        sigmoid(self.logit_for(
            bank,
            evidence.key,
            evidence.skills,
            evidence.prior_difficulty,
            now,
        ))
    }

    /// How many of the bank's skills count as mastered at `now`.
    pub fn mastered_skill_count(&self, bank: &IndexedBank, now: Timestamp) -> usize {
        self.skill_masteries(bank, now)
            .iter()
            .filter(|m| m.state.counts_as_mastered())
            .count()
    }

    /// Every skill's `skill_mastery`, in the bank's order, with the general level computed once
    /// (a pass over the started skills) rather than once per skill not started: what a loop over
    /// the skills calls, so that it stays linear in their number.
    pub fn skill_masteries(&self, bank: &IndexedBank, now: Timestamp) -> Vec<SkillMastery> {
        self.skill_masteries_given(bank, now, self.general_level(bank))
    }

    /// `skill_masteries` with the learner's `general_level` already computed.
    pub(crate) fn skill_masteries_given(
        &self,
        bank: &IndexedBank,
        now: Timestamp,
        general_level: f64,
    ) -> Vec<SkillMastery> {
        bank.by_skill_position(&self.skills)
            .into_iter()
            .enumerate()
            .map(|(s, record)| self.mastery_of(bank, s, record, now, Some(general_level)))
            .collect()
    }

    /// The mastery estimate and state of one skill.
    pub fn skill_mastery(
        &self,
        bank: &IndexedBank,
        skill_position: usize,
        now: Timestamp,
    ) -> SkillMastery {
        let record = self.skills.get(&bank.skills()[skill_position].id);
        self.mastery_of(bank, skill_position, record, now, None)
    }

    /// `skill_mastery` from the skill's record, and the general level when already computed.
    fn mastery_of(
        &self,
        bank: &IndexedBank,
        skill_position: usize,
        record: Option<&SkillRecord>,
        now: Timestamp,
        general_level: Option<f64>,
    ) -> SkillMastery {
        let skill_id = bank.skills()[skill_position].id.clone();
        let reference = bank.reference_difficulty(skill_position);
        let (ability, variance) = self.belief_of(bank, record, reference, now, general_level);
        // With a calibration: the calibrated prediction on the skill's typical item.
        let calibrated_mastery = bank.calibration().map(|calibration| {
            let skills = [skill_position];
            self.calibrated_prediction(calibration, bank, calibrated::TYPICAL_ITEM, &skills, now)
        });
        let mastery = calibrated_mastery.unwrap_or_else(|| sigmoid(ability));
        let certainty = (1.0 - variance / PRIOR_VARIANCE).clamp(0.0, 1.0);
        let Some(record) = record else {
            return SkillMastery {
                skill_id,
                mastery,
                certainty,
                state: SkillState::NotStarted,
                attempts: 0,
                recall: 0.0,
                days_until_review: 0.0,
            };
        };
        let elapsed = now.days_since(record.last_practiced);
        let recall = recall_probability(elapsed, record.stability_days);
        let threshold = logit(bank.settings().mastery_threshold);
        let state = if !record.mastered {
            SkillState::Learning
        } else if calibrated_mastery.map_or(ability < threshold, |mastery| {
            mastery < bank.settings().mastery_threshold
        }) {
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
            days_until_review: (record.days_until_below(threshold) - elapsed).max(0.0),
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
        let expected = self.own_prediction(bank, evidence, now);
        // With a calibration, mastery is judged on the calibrated prediction of each skill's
        // typical item after this answer.
        let calibrated_masteries: Vec<Option<f64>> = match bank.calibration() {
            None => vec![None; evidence.skills.len()],
            Some(calibration) => {
                let index = calibrated::part_index(calibration, bank, evidence.key);
                let skills = calibrated::skill_positions(bank, evidence.skills);
                self.record_calibrated_answer(calibration, bank, index, &skills, correct, now);
                evidence
                    .skills
                    .iter()
                    .map(|id| {
                        let skill = bank.skill_position(id)?;
                        let typical = calibrated::TYPICAL_ITEM;
                        Some(self.calibrated_prediction(calibration, bank, typical, &[skill], now))
                    })
                    .collect()
            }
        };
        // An answer found after hints is weaker evidence of knowing: it counts as partly right.
        let observed = if correct {
            (1.0 - HINT_DISCOUNT * f64::from(evidence.hints_used)).max(HINT_FLOOR)
        } else {
            0.0
        };
        let share = 1.0 / evidence.skills.len().max(1) as f64;
        let information = expected * (1.0 - expected) * share * share;
        // Read before this answer changes any estimate, and only when a skill is new.
        let general = if evidence.skills.iter().any(|s| self.skills.get(s).is_none()) {
            self.general_level(bank)
        } else {
            0.0
        };
        // Computed once, before this answer changes any estimate.
        let trend = LEARNING_TREND_SHARE * self.learning_trend();
        let threshold = logit(settings.mastery_threshold);
        let mut newly_mastered = Vec::new();
        for (skill_id, calibrated_mastery) in evidence.skills.iter().zip(calibrated_masteries) {
            let entry = general - skill_reference(bank, skill_id);
            let record = self.skills.get_or_insert_with(skill_id, || SkillRecord {
                ability: entry,
                variance: PRIOR_VARIANCE,
                entry_ability: None,
                attempts: 0,
                correct: 0,
                streak: 0,
                last_practiced: now,
                mastered: false,
                stability_days: INITIAL_STABILITY_DAYS,
            });
            let elapsed = now.days_since(record.last_practiced);
            // The belief moves from where forgetting left it, and the forgetting is kept: the
            // answer itself says whether the memory held.
            let forgotten = record.ability - record.ability_after(elapsed);
            let prior_variance =
                (record.variance + DAILY_DRIFT * elapsed + LEARNING_DRIFT).min(PRIOR_VARIANCE);
            let variance = 1.0 / (1.0 / prior_variance + information);
            let step = variance * share * (observed - expected);
            let before = record.ability - forgotten;
            // Practice teaches: past the entry answers, the estimate also moves by the trend.
            let practice_gain = if record.attempts >= ENTRY_ANSWERS {
                trend
            } else {
                0.0
            };
            record.ability = before + step + practice_gain;
            if let Some(entry) = record.entry_ability.as_mut() {
                // What is left of the gain is what later forgetting can take.
                *entry = entry.min(before);
            }
            record.variance = variance;
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
            // Spaced practice strengthens memory; massed practice adds little.
            let spacing = 1.0 - (-elapsed / record.stability_days.max(0.01)).exp();
            record.stability_days = (record.stability_days * (1.0 + STABILITY_GROWTH * spacing)
                + STABILITY_PER_ANSWER_DAYS)
                .min(LONGEST_STABILITY_DAYS);
            record.last_practiced = now;
            // The model's certainty rule, on the calibrated estimate when there is one.
            let estimate = calibrated_mastery.map_or(record.ability, logit);
            let confident = estimate - MASTERY_CONFIDENCE_Z * record.variance.sqrt() >= threshold;
            let enough = record.attempts >= settings.min_evidence
                && record.streak >= MASTERY_STREAK.min(settings.min_evidence);
            if !record.mastered && confident && enough {
                record.mastered = true;
                newly_mastered.push(skill_id.clone());
            } else if record.mastered
                && calibrated_mastery.unwrap_or_else(|| sigmoid(record.ability))
                    < settings.mastery_threshold - MASTERY_HYSTERESIS
            {
                record.mastered = false;
            }
        }
        let item_record = self.items.get_or_insert_with(evidence.key, || ItemRecord {
            attempts: 0,
            correct: 0,
            last_seen: now,
            difficulty_offset: 0.0,
        });
        item_record.difficulty_offset -=
            ITEM_STEP / (1.0 + item_record.attempts as f64) * (observed - expected);
        item_record.attempts += 1;
        item_record.correct += u32::from(correct);
        item_record.last_seen = now;
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

/// The reference difficulty of a skill (the mean prior difficulty of its items; 0 if unknown).
fn skill_reference(bank: &IndexedBank, skill_id: &str) -> f64 {
    bank.skill_position(skill_id)
        .map_or(0.0, |p| bank.reference_difficulty(p))
}

/// How many recent item ids are kept (more than are avoided, for variety scoring).
const RECENT_LIMIT_STORED: usize = 5;
