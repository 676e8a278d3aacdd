//! The item-choice policies compared: the engine's own choice (`adaptive`), the bank's order
//! (`fixed`), `random`, and a learner-aware `oracle` that reads the hidden truth. Only `adaptive`
//! asks the engine; every policy's answers are recorded by the engine all the same, so that
//! every policy can be stopped by the engine's mastery claim.

use adaptive_practice_engine::{IndexedBank, Timestamp};
use serde::Serialize;

use crate::random::SplitMix64;
use crate::truth::HiddenLearner;

/// How the next item is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Policy {
    /// The engine's `advance`, unchanged.
    Adaptive,
    /// Every item in bank order, again and again.
    Fixed,
    /// A random item, never one of the last `NO_REPEAT_WINDOW`.
    Random,
    /// Knows the hidden truth: practises the weakest open skill (not truly mastered, its
    /// prerequisites truly mastered) first, with its item whose hidden P(correct) is closest to
    /// `ORACLE_TARGET_SUCCESS`; when no skill is open, the skill practised longest ago.
    Oracle,
}

impl Policy {
    pub const ALL: [Policy; 4] = [
        Policy::Adaptive,
        Policy::Fixed,
        Policy::Random,
        Policy::Oracle,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Policy::Adaptive => "adaptive",
            Policy::Fixed => "fixed",
            Policy::Random => "random",
            Policy::Oracle => "oracle",
        }
    }

    pub fn from_name(name: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// The random and oracle policies never choose one of the last this many items (when the bank
/// has more); the fixed order cannot, and the invariant tests hold the engine to it too.
pub const NO_REPEAT_WINDOW: usize = 3;
/// The hidden P(correct) the oracle aims its items at: hard enough to teach, easy enough to
/// succeed (with the `growth` truth a right answer teaches more than a wrong one).
pub const ORACLE_TARGET_SUCCESS: f64 = 0.7;

/// The items the window forbids now: the last `NO_REPEAT_WINDOW` practised (fewer when the bank
/// is too small to avoid them all).
pub fn recent_window(practised: &[usize], item_count: usize) -> &[usize] {
    let window = NO_REPEAT_WINDOW.min(item_count.saturating_sub(1));
    &practised[practised.len().saturating_sub(window)..]
}

/// The fixed order's next item: bank order, from the start again after the last.
pub fn fixed_choice(practised: &[usize], item_count: usize) -> Option<usize> {
    (item_count > 0).then(|| practised.len() % item_count)
}

/// A uniformly random item outside the window.
pub fn random_choice(
    practised: &[usize],
    item_count: usize,
    random: &mut SplitMix64,
) -> Option<usize> {
    let recent = recent_window(practised, item_count);
    let allowed: Vec<usize> = (0..item_count).filter(|i| !recent.contains(i)).collect();
    (!allowed.is_empty()).then(|| allowed[random.next_below(allowed.len())])
}

/// The oracle's choice (see `Policy::Oracle`). Skills are ranked open ones first, weakest first,
/// then the others, practised longest ago (or never) first; the first skill with an item outside
/// the window gives the item.
pub fn oracle_choice(
    bank: &IndexedBank,
    learner: &HiddenLearner,
    practised: &[usize],
    now: Timestamp,
) -> Option<usize> {
    let recent = recent_window(practised, bank.items().len());
    let last_practised = |skill: usize| {
        practised
            .iter()
            .rposition(|&item| bank.skills_of_item(item).contains(&skill))
            .map_or(-1.0, |position| position as f64)
    };
    let mut ranked: Vec<(bool, f64, usize)> = (0..bank.skills().len())
        .map(|skill| {
            let open = !learner.is_truly_mastered(skill, now)
                && learner.prerequisites_truly_mastered(skill, now);
            let rank = if open {
                learner.typical_success_probability(skill, now)
            } else {
                last_practised(skill)
            };
            (!open, rank, skill)
        })
        .collect();
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    ranked.iter().find_map(|&(_, _, skill)| {
        bank.items_of_skill(skill)
            .iter()
            .copied()
            .filter(|item| !recent.contains(item))
            .min_by(|&a, &b| {
                let distance =
                    |i: usize| (learner.success_probability(i, now) - ORACLE_TARGET_SUCCESS).abs();
                distance(a).total_cmp(&distance(b)).then(a.cmp(&b))
            })
    })
}
