//! Choosing the next item: the one that helps this learner most now.
//!
//! Due reviews come first (a mastered skill whose predicted recall fell below the bank's target
//! retention, or whose estimate slipped under mastery: at once after a wrong answer, else once a
//! session; interleaved: on every other answer while new learning waits), then the placement
//! phase (`placement.rs`: one probe per never-practised skill, from the most advanced down), then
//! skills being learned whose prerequisites are mastered or provisionally known (by placement,
//! or by their own answers, mostly right: `own_answers.rs`), the weakest of them first (and, once
//! everything is mastered, the weakest skill first), a skill with no prerequisite and none built
//! on it waiting while others are open once it is answered right 4 times in a row (that run is
//! its placement); within those, the item whose predicted success is closest to the target, never
//! one of the last few items (`spacing.rs`: the no-repeat window, at most a few items in a row
//! from one skill), with a small preference for a change of item type and for items seen less
//! often. A skill whose estimate nears mastery gets mastery checks: a harder item (target 0.6),
//! whose answer says more about whether the skill is mastered (probes and checks prefer an answer
//! neither guessed nor given step by step, `information.rs`), each after a delay of other skills'
//! items (a delayed re-check).
//! Once every skill not yet mastered gets mastery checks (the bank is nearly done), each mastered
//! skill not practised for a day and a half is checked once more on every other item (a closing
//! check), and due reviews come before the open skills.
//! Ties are broken by a hash of the seed, so the choice is a pure function of (model, bank, now,
//! seed, options).

use serde::{Deserialize, Serialize};

use crate::bank_index::IndexedBank;
use crate::calibrated_model::LearnerTerms;
use crate::model::{ItemRecord, LearnerModel, SkillMastery, SkillState, Timestamp};

mod information;
mod own_answers;
mod placement;
mod spacing;
#[cfg(test)]
mod tests;

pub use information::{chance_of_lucky_answer, share_given_in_steps, LUCK_WEIGHT, STEPS_WEIGHT};
pub use placement::{placement, Placement, PLACED_FROM, PROBE_TARGET};
pub use spacing::{window_size, MAX_SKILL_RUN, NO_REPEAT_WINDOW, RECHECK_DELAY_ITEMS};

/// What the learner asked for, beyond the bank's settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceOptions {
    /// Practise only this skill (the learner's choice), even if its prerequisites are not mastered.
    pub focus_skill: Option<String>,
    /// Overrides the bank's target success probability.
    pub target_success: Option<f64>,
}

/// The chosen item and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NextItem {
    pub item_position: usize,
    pub item_id: String,
    pub predicted_success: f64,
    pub reason: ChoiceReason,
    /// The seed of the variant to show, for template items (set by `session::advance`).
    #[serde(default)]
    pub variant_seed: u64,
}

/// Why an item was chosen, machine-readable (the widget turns it into a sentence).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ChoiceReason {
    /// The skill was mastered and predicted recall fell below the target retention.
    #[serde(rename_all = "camelCase")]
    ReviewDue { skill_id: String, recall: f64 },
    /// The learner chose this skill.
    #[serde(rename_all = "camelCase")]
    ChosenSkill { skill_id: String },
    /// A skill being learned, at a difficulty the learner can reach.
    #[serde(rename_all = "camelCase")]
    Learning { skill_id: String, mastery: f64 },
    /// A skill close to mastery, with a harder item: a right answer can confirm the mastery.
    #[serde(rename_all = "camelCase")]
    MasteryCheck { skill_id: String, mastery: f64 },
    /// A new skill, open because its prerequisites are mastered (`after`) or provisionally
    /// known (`placed`): from placement answers, or from their own answers, mostly right
    /// (`own_answers.rs`), before their claim.
    #[serde(rename_all = "camelCase")]
    NewSkill {
        skill_id: String,
        after: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        placed: Vec<String>,
    },
    /// A placement probe: a skill never practised, whose prerequisites a right answer lets the
    /// learner skip (a wrong one leads to them).
    #[serde(rename_all = "camelCase")]
    Placement {
        skill_id: String,
        prerequisites: Vec<String>,
    },
    /// A skill close to mastery, checked again after other skills' items: a right answer after
    /// the delay can confirm the mastery.
    #[serde(rename_all = "camelCase")]
    DelayedRecheck { skill_id: String, mastery: f64 },
    /// Everything is mastered and nothing is due: keep practising.
    #[serde(rename_all = "camelCase")]
    KeepPractising { skill_id: String },
    /// The item that was on screen when the learner left.
    Resumed,
}

/// A skill being learned whose estimate reaches this (and has this many answers) gets mastery
/// checks: items at `MASTERY_CHECK_TARGET` predicted success. Near 0.5 an answer carries the most
/// information; at 0.75 a learner who is truly at 0.9 needs many answers to show it. Simulated
/// classes: from 0.7 at 0.6, 5-7% fewer items to true mastery; 0.5 or from 0.6 raised false
/// mastery and hurt retention.
const MASTERY_CHECK_FROM: f64 = 0.7;
const MASTERY_CHECK_MIN_ATTEMPTS: u32 = 3;
const MASTERY_CHECK_TARGET: f64 = 0.6;
/// A skill answered right this many times in a row gets harder items (target
/// `INFORMATION_TARGET`): the learner may be ahead of the estimate (a skill learned all at once,
/// or known from the start), and a right answer on a harder item moves the estimate further
/// (the step grows with 1 − predicted success), so a known skill is recognised in fewer items.
/// Simulated classes (60 learners, fractions and percentages): 6-17% fewer items to true mastery
/// with `bkt` learners.
const STREAK_FOR_INFORMATION: u32 = 2;
const INFORMATION_TARGET: f64 = 0.45;
/// A skill that stands alone (no prerequisite, and none built on it: no placement probe can
/// vouch for it, as in a course of unrelated lessons) answered right this many times in a row is
/// held back while another skill is open, as a provisionally known skill is: the run of right
/// answers is its placement. It comes back for its checks and claim when nothing else is open.
/// Without this, its harder items (`INFORMATION_TARGET`) score better than an unknown skill's,
/// whose items are all far under the target. Simulated classes (seed 1, 200 learners, the OATutor
/// course, `bkt`): 1492.6 -> 1305.7 items to true mastery; `growth` 907.9 -> 913.9.
const STREAK_PLACES_ALONE: u32 = 4;
/// How much a skill's mastery estimate (0 to 1) adds to the score of its items when several
/// skills are open: enough that the weakest skill is practised first.
const WEAKEST_SKILL_WEIGHT: f64 = 1.0;
/// What each earlier attempt at an item adds to its score, up to `SEEN_ATTEMPTS_COUNTED`
/// attempts: fresh items first, but a bounded preference, so that a small skill can repeat.
const SEEN_WEIGHT: f64 = 0.05;
const SEEN_ATTEMPTS_COUNTED: u32 = 4;
/// What the same item type as the last item adds: a small preference for a change.
const SAME_TYPE_WEIGHT: f64 = 0.02;
/// A mastered skill whose estimate slipped under the mastery threshold and whose last answer was
/// right is due for review again only after this many days (a later session). Before, it was
/// due on every other item until its estimate climbed back, which a run of right answers on one
/// skill does slowly when other skills go badly: reviews were 18-24% of adaptive's items in
/// simulated classes (seed 2, 60 learners), most of them right answers.
const SLIPPED_REVIEW_GAP_DAYS: f64 = 0.5;
/// Before the last open skills are claimed (every skill not counted mastered is getting mastery
/// checks), each mastered skill not practised for this many days (before the day before) is
/// checked once more, on every other item, and due reviews come before the open skills: the
/// learner is told the whole bank is mastered only after a look back at what was learned in
/// earlier sessions, whose estimate the memory model may keep too high. Simulated classes (seed
/// 2, 60 learners): false mastery with `growth` on algebra 6.3% -> 3.7%, OATutor 7.2% -> 0.5%;
/// a gap of 0.5 day (every session) cost OATutor 6% more items to true mastery, 1.5 days saved
/// 16%, 2.5 days 14%.
const CLOSING_CHECK_GAP_DAYS: f64 = 1.5;
/// The most the seeded tie-break adds.
const TIE_BREAK_WEIGHT: f64 = 0.01;

/// Where the next item is taken from, in the order of `preferred_pool`.
#[derive(Clone, Copy, PartialEq)]
enum Pool {
    ClosingCheck,
    Review,
    Chosen,
    Placement,
    Open,
    All,
}

/// What the choice needs to know of the learner now, computed once per choice.
struct LearnerNow<'a> {
    model: &'a LearnerModel,
    masteries: Vec<SkillMastery>,
    /// Every prerequisite mastered or provisionally known (placement, or its own answers).
    unlocked: Vec<bool>,
    /// The skills of `Pool::Open`: unlocked and not mastered, without those held back
    /// (provisionally known, a run too long, a mastery check too soon) while others are open.
    open: Vec<bool>,
    /// Mastered, and predicted recall below the bank's target retention (or slipped under mastery).
    review_due: Vec<bool>,
    /// Every skill not counted mastered is getting mastery checks: the bank is nearly done.
    closing: bool,
    /// Mastered, not practised since an earlier session, while `closing`.
    closing_check: Vec<bool>,
    placement: Placement,
    /// Known by its own answers (`own_answers`): opens its dependents before its claim.
    known_by_answers: Vec<bool>,
    /// Practised in the last `RECHECK_DELAY_ITEMS` items (for the reason of a delayed re-check).
    practised_just_now: Vec<bool>,
    /// What every prediction now shares (`LearnerModel::learner_terms`), computed once.
    terms: LearnerTerms,
    /// The model's record of each item, by position (`None`: never answered whole).
    item_records: Vec<Option<&'a ItemRecord>>,
    /// Right answers in a row on each skill (0 for a skill never practised).
    streaks: Vec<u32>,
    focus: Option<usize>,
    last_type: Option<&'static str>,
}

impl LearnerNow<'_> {
    fn is_open(&self, skill: usize) -> bool {
        self.open[skill]
    }

    fn in_pool(&self, pool: Pool, skill: usize) -> bool {
        match pool {
            Pool::Chosen => Some(skill) == self.focus,
            Pool::ClosingCheck => self.closing_check[skill],
            Pool::Review => self.review_due[skill],
            Pool::Placement => self.placement.to_probe[skill],
            Pool::Open => self.is_open(skill),
            Pool::All => true,
        }
    }
}

/// Chooses the next item, or `None` for a bank with no items.
pub fn choose_next_item(
    bank: &IndexedBank,
    model: &LearnerModel,
    now: Timestamp,
    seed: u64,
    options: &ChoiceOptions,
) -> Option<NextItem> {
    let target = options
        .target_success
        .unwrap_or(bank.settings().target_success)
        .clamp(0.05, 0.95);
    let learner = learner_now(bank, model, now, options);
    let preferred = preferred_pool(&learner);
    // When the preferred pool has no item outside the no-repeat window, fall back to the open
    // skills, then to every skill.
    let (pool, position, main_skill) =
        [preferred, Pool::Open, Pool::All]
            .into_iter()
            .find_map(|pool| {
                best_item(bank, &learner, pool, target, seed)
                    .map(|(position, main_skill)| (pool, position, main_skill))
            })?;
    let item = &bank.items()[position];
    let predicted_success = model.predict_success(bank, item, now);
    let reason = reason(bank, &learner, pool, main_skill, predicted_success, target);
    Some(NextItem {
        item_position: position,
        item_id: item.id.clone(),
        predicted_success,
        reason,
        variant_seed: 0,
    })
}

/// For each skill, whether the choice counts it unlocked (every prerequisite mastered or
/// provisionally known) and open (learnable now, not held back): what `choose_next_item` sees,
/// for diagnostics (the simulator's `examples/`).
pub fn skills_unlocked_and_open(
    bank: &IndexedBank,
    model: &LearnerModel,
    now: Timestamp,
    options: &ChoiceOptions,
) -> (Vec<bool>, Vec<bool>) {
    let learner = learner_now(bank, model, now, options);
    (learner.unlocked, learner.open)
}

/// For each skill, what lets it open its dependents now: 'M' counted mastered, 'p' provisionally
/// known by placement, 'a' known by its own answers, '-' nothing (diagnostics).
pub fn what_opens_dependents(
    bank: &IndexedBank,
    model: &LearnerModel,
    now: Timestamp,
) -> Vec<char> {
    let learner = learner_now(bank, model, now, &ChoiceOptions::default());
    let mut opens = Vec::with_capacity(learner.masteries.len());
    for (s, mastery) in learner.masteries.iter().enumerate() {
        opens.push(if mastery.state.counts_as_mastered() {
            'M'
        } else if learner.placement.provisionally_known[s] {
            'p'
        } else if learner.known_by_answers[s] {
            'a'
        } else {
            '-'
        });
    }
    opens
}

fn learner_now<'a>(
    bank: &IndexedBank,
    model: &'a LearnerModel,
    now: Timestamp,
    options: &ChoiceOptions,
) -> LearnerNow<'a> {
    // Per skill, in plain loops: each `map` and `collect` is compiled on its own.
    let skill_count = bank.skills().len();
    let terms = model.learner_terms(bank, now);
    let masteries = model.skill_masteries_given(bank, now, &terms);
    let placement = placement::placement(bank, &masteries);
    let records = bank.by_skill_position(&model.skills);
    let target_retention = bank.settings().target_retention;
    let mut unlocked = Vec::with_capacity(skill_count);
    let mut review_due = Vec::with_capacity(skill_count);
    let mut streaks = Vec::with_capacity(skill_count);
    let mut learnable = Vec::with_capacity(skill_count);
    let item_records = bank.by_item_position(&model.items);
    let known_by_answers = own_answers::known_by_own_answers(
        bank,
        model,
        &item_records,
        &masteries,
        &placement.provisionally_known,
    );
    for (s, (record, mastery)) in records.iter().zip(&masteries).enumerate() {
        let skill_unlocked = bank.prerequisites_of(s).iter().all(|&p| {
            masteries[p].state.counts_as_mastered()
                || placement.provisionally_known[p]
                || known_by_answers[p]
        });
        unlocked.push(skill_unlocked);
        // A skill whose estimate slipped under mastery is reviewed while its last answer is wrong,
        // and once more after `SLIPPED_REVIEW_GAP_DAYS` (its estimate also slips when other
        // skills go badly: the model's overall ability).
        let slipped_review = mastery.state == SkillState::DueForReview
            && record.is_some_and(|r| {
                r.streak == 0 || now.days_since(r.last_practiced) >= SLIPPED_REVIEW_GAP_DAYS
            });
        review_due.push(
            slipped_review
                || (mastery.state.counts_as_mastered() && mastery.recall < target_retention),
        );
        streaks.push(record.map_or(0, |r| r.streak));
        learnable.push(
            skill_unlocked
                && matches!(mastery.state, SkillState::NotStarted | SkillState::Learning),
        );
    }
    let closing = masteries
        .iter()
        .zip(&unlocked)
        .all(|(m, &u)| m.state.counts_as_mastered() || (u && is_mastery_check(m)))
        && masteries.iter().any(|m| !m.state.counts_as_mastered());
    let mut closing_check = vec![false; skill_count];
    if closing {
        for (s, (record, mastery)) in records.iter().zip(&masteries).enumerate() {
            closing_check[s] = mastery.state == SkillState::Mastered
                && unlocked[s]
                && !review_due[s]
                && record
                    .is_some_and(|r| now.days_since(r.last_practiced) >= CLOSING_CHECK_GAP_DAYS);
        }
    }
    let practised_just_now = spacing::practised_just_now(bank, model, now);
    let runs = spacing::current_runs(bank, model);
    // Held back while another skill is open: a skill standing alone answered right
    // `STREAK_PLACES_ALONE` times in a row, provisionally known skills, a skill in a run of
    // `MAX_SKILL_RUN` items, and a skill near mastery practised just now (its re-check waits).
    // When that leaves nothing, the holds are lifted in that order.
    let stands_alone =
        |s: usize| bank.prerequisites_of(s).is_empty() && bank.dependents_of(s).is_empty();
    let held_back = |s: usize, holds: usize| {
        (holds >= 4 && streaks[s] >= STREAK_PLACES_ALONE && stands_alone(s))
            || (holds >= 3 && placement.provisionally_known[s])
            || (holds >= 2 && is_mastery_check(&masteries[s]) && practised_just_now[s])
            || (holds >= 1 && runs[s] >= MAX_SKILL_RUN)
    };
    // Without holds (the last round), the open skills are the learnable ones.
    let mut open = Vec::new();
    for holds in (0..=4).rev() {
        open.clear();
        for (s, &skill_learnable) in learnable.iter().enumerate() {
            open.push(skill_learnable && !held_back(s, holds));
        }
        if open.contains(&true) {
            break;
        }
    }
    LearnerNow {
        model,
        focus: options
            .focus_skill
            .as_deref()
            .and_then(|id| bank.skill_position(id)),
        last_type: model
            .recent_items
            .last()
            .and_then(|id| bank.item_position(id))
            .map(|i| bank.items()[i].type_name()),
        masteries,
        unlocked,
        open,
        review_due,
        closing,
        closing_check,
        placement,
        known_by_answers,
        practised_just_now,
        terms,
        item_records,
        streaks,
    }
}

/// The learner's choice first; then due reviews, interleaved with new learning (at most every
/// other item is a review); then open skills; then every skill.
fn preferred_pool(learner: &LearnerNow) -> Pool {
    let any_due = learner.review_due.iter().any(|&due| due);
    let any_open = (0..learner.masteries.len()).any(|s| learner.is_open(s));
    let any_probe = learner.placement.to_probe.iter().any(|&p| p);
    let every_other = learner.model.answer_count.is_multiple_of(2);
    if learner.focus.is_some() {
        Pool::Chosen
    } else if any_due && (learner.closing || every_other || !any_open) {
        Pool::Review
    } else if learner.closing_check.iter().any(|&c| c) && (every_other || !any_open) {
        Pool::ClosingCheck
    } else if any_probe {
        Pool::Placement
    } else if any_open {
        Pool::Open
    } else {
        Pool::All
    }
}

/// The items of `pool` with the skill that put each there, never one of the last few items
/// (`spacing::forbidden_items`).
fn pool_items(bank: &IndexedBank, learner: &LearnerNow, pool: Pool) -> Vec<(usize, usize)> {
    let mut recent = vec![false; bank.items().len()];
    for id in spacing::forbidden_items(learner.model, bank.items().len()) {
        if let Some(position) = bank.item_position(id) {
            recent[position] = true;
        }
    }
    // A loop, not `filter_map` and `collect`: each such chain is compiled on its own.
    let mut eligible = Vec::new();
    for (position, &seen_recently) in recent.iter().enumerate() {
        let skill_positions = bank.skills_of_item(position);
        let Some(&main_skill) = skill_positions.iter().find(|&&s| learner.in_pool(pool, s)) else {
            continue;
        };
        let locked = pool == Pool::Open && !skill_positions.iter().all(|&s| learner.unlocked[s]);
        if !locked && !seen_recently {
            eligible.push((position, main_skill));
        }
    }
    eligible
}

/// The item of `pool` with the lowest score, and its main skill.
fn best_item(
    bank: &IndexedBank,
    learner: &LearnerNow,
    pool: Pool,
    target: f64,
    seed: u64,
) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    for (position, main_skill) in pool_items(bank, learner, pool) {
        let score = item_score(bank, learner, pool, position, main_skill, target, seed);
        if best.is_none_or(|(best_score, _, _)| score < best_score) {
            best = Some((score, position, main_skill));
        }
    }
    best.map(|(_, position, main_skill)| (position, main_skill))
}

/// Lower is better: the distance of the predicted success from the target, plus the weighted
/// preferences (fresh items, a change of type, finishing a started skill, the weakest skill).
fn item_score(
    bank: &IndexedBank,
    learner: &LearnerNow,
    pool: Pool,
    position: usize,
    main_skill: usize,
    target: f64,
    seed: u64,
) -> f64 {
    let item = &bank.items()[position];
    let mastery = &learner.masteries[main_skill];
    let predicted = learner
        .model
        .predict_from_terms(bank, position, &learner.terms);
    let (item_target, for_information) = if pool == Pool::Placement {
        (PROBE_TARGET, true)
    } else if pool == Pool::ClosingCheck {
        (target.min(MASTERY_CHECK_TARGET), true)
    } else if pool == Pool::Open && learner.streaks[main_skill] >= STREAK_FOR_INFORMATION {
        (target.min(INFORMATION_TARGET), true)
    } else if pool == Pool::Open && is_mastery_check(mastery) {
        (target.min(MASTERY_CHECK_TARGET), true)
    } else {
        (target, false)
    };
    let mut score = (predicted - item_target).abs();
    if for_information {
        // A right answer by luck says nothing, and a step of a worked item says less than the
        // whole problem: a probe or a check prefers a typed answer given in one go.
        score += LUCK_WEIGHT * chance_of_lucky_answer(&item.kind)
            + STEPS_WEIGHT * share_given_in_steps(&item.kind);
    }
    let seen = learner.item_records[position].map_or(0, |r| r.attempts);
    score += SEEN_WEIGHT * seen.min(SEEN_ATTEMPTS_COUNTED) as f64;
    if Some(item.type_name()) == learner.last_type {
        score += SAME_TYPE_WEIGHT;
    }
    if matches!(pool, Pool::Open | Pool::All | Pool::ClosingCheck) {
        // The weakest skill first: it is furthest from mastery (or nearest to losing it).
        score += WEAKEST_SKILL_WEIGHT * mastery.mastery;
    }
    score + TIE_BREAK_WEIGHT * unit_hash(seed, position as u64)
}

fn reason(
    bank: &IndexedBank,
    learner: &LearnerNow,
    pool: Pool,
    main_skill: usize,
    predicted_success: f64,
    target: f64,
) -> ChoiceReason {
    let mastery = &learner.masteries[main_skill];
    let skill_id = bank.skills()[main_skill].id.clone();
    match pool {
        // A mastered skill checked after a pause (an earlier session) before the bank is done.
        Pool::ClosingCheck => ChoiceReason::DelayedRecheck {
            skill_id,
            mastery: mastery.mastery,
        },
        Pool::Review => ChoiceReason::ReviewDue {
            skill_id,
            recall: mastery.recall,
        },
        Pool::Chosen => ChoiceReason::ChosenSkill { skill_id },
        Pool::All => ChoiceReason::KeepPractising { skill_id },
        Pool::Placement => ChoiceReason::Placement {
            skill_id,
            prerequisites: bank.skills()[main_skill].prerequisites.clone(),
        },
        Pool::Open if mastery.state == SkillState::NotStarted => {
            // Only a prerequisite that counts as mastered is said to be mastered.
            let mut after = Vec::new();
            let mut placed = Vec::new();
            for &p in bank.prerequisites_of(main_skill) {
                let id = bank.skills()[p].id.clone();
                if learner.masteries[p].state.counts_as_mastered() {
                    after.push(id);
                } else {
                    placed.push(id);
                }
            }
            ChoiceReason::NewSkill {
                skill_id,
                after,
                placed,
            }
        }
        // After other skills' items came between: the re-check the claim waits for.
        Pool::Open if is_mastery_check(mastery) && !learner.practised_just_now[main_skill] => {
            ChoiceReason::DelayedRecheck {
                skill_id,
                mastery: mastery.mastery,
            }
        }
        // Only when the item is harder than usual: a small skill may have no hard item left. A
        // run of right answers asks for the same harder item (the learner may be ahead).
        Pool::Open
            if (is_mastery_check(mastery)
                || learner.streaks[main_skill] >= STREAK_FOR_INFORMATION)
                && predicted_success < target =>
        {
            ChoiceReason::MasteryCheck {
                skill_id,
                mastery: mastery.mastery,
            }
        }
        Pool::Open => ChoiceReason::Learning {
            skill_id,
            mastery: mastery.mastery,
        },
    }
}

/// True when a skill being learned is close enough to mastery for a harder, more telling item.
fn is_mastery_check(mastery: &SkillMastery) -> bool {
    mastery.state == SkillState::Learning
        && mastery.mastery >= MASTERY_CHECK_FROM
        && mastery.attempts >= MASTERY_CHECK_MIN_ATTEMPTS
}

/// Indexes `0..count` in an order fixed by `seed` (the shuffled choices and entries of an item,
/// a different order for each variant): by `unit_hash`, ties by index.
pub fn seeded_order(count: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    crate::sorted_map::sort_positions(&mut order, &|a, b| {
        unit_hash(seed, a as u64)
            .total_cmp(&unit_hash(seed, b as u64))
            .then(a.cmp(&b))
    });
    order
}

/// A number in [0, 1) from a seed and a value (SplitMix64 finalizer): deterministic tie-breaking.
pub fn unit_hash(seed: u64, value: u64) -> f64 {
    let mut z = seed ^ value.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}
