//! The placement phase: for skills never practised, one probe item each at most, down the
//! prerequisite graph from the top, so that what a learner already knows is skipped.
//!
//! A skill is probed when it was never practised, is not provisionally known, and every skill
//! that builds on it directly has been practised (so probes go from the most advanced skills
//! down). A probe answered right (the skill's estimate at `PLACED_FROM` or more, or mastered)
//! makes every prerequisite below it that was never practised *provisionally known*: those are
//! skipped while other skills are open, and their dependents are open. A probe answered wrong
//! leaves the skill to learn and its prerequisites become the next probes. Everything here is
//! derived from the model's public skill states, so it needs no saved state of its own and
//! follows the learner: a skill that later falls under `PLACED_FROM` no longer vouches for its
//! prerequisites.

use crate::bank_index::IndexedBank;
use crate::model::SkillMastery;

/// The estimate at which a practised skill vouches for its never-practised prerequisites. A right
/// answer on a probe near 0.5 predicted success lifts a fresh estimate to about 0.68; a wrong one
/// lowers it to about 0.32.
pub const PLACED_FROM: f64 = 0.6;
/// The predicted success a probe aims at: where one answer says the most.
pub const PROBE_TARGET: f64 = 0.5;
/// A skill practised at least `DOUBT_AFTER_ATTEMPTS` times whose estimate is still under this
/// casts doubt on its provisionally known prerequisites: they are probed (a guessed probe, or a
/// gap the probe missed, must not leave a learner practising on a missing foundation).
pub const DOUBT_BELOW: f64 = 0.35;
pub const DOUBT_AFTER_ATTEMPTS: u32 = 2;

/// What the placement phase knows now, one entry per skill of the bank.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placement {
    /// Never practised, but a skill built on it was answered well: skipped while others are open.
    pub provisionally_known: Vec<bool>,
    /// Skills to probe now (never practised, not known, every direct dependent practised).
    pub to_probe: Vec<bool>,
}

/// The placement of a learner with these skill states (in bank order).
pub fn placement(bank: &IndexedBank, masteries: &[SkillMastery]) -> Placement {
    let skill_count = bank.skills().len();
    let practised = |s: usize| masteries[s].attempts > 0;
    let vouches = |s: usize| {
        practised(s)
            && (masteries[s].mastery >= PLACED_FROM || masteries[s].state.counts_as_mastered())
    };
    let mut provisionally_known = vec![false; skill_count];
    // Walk down from every skill that vouches: its never-practised prerequisites, transitively.
    let mut stack = Vec::new();
    for s in 0..skill_count {
        if vouches(s) {
            stack.push(s);
        }
    }
    while let Some(skill) = stack.pop() {
        for &prerequisite in bank.prerequisites_of(skill) {
            if !practised(prerequisite) && !provisionally_known[prerequisite] {
                provisionally_known[prerequisite] = true;
                stack.push(prerequisite);
            }
        }
    }
    // A struggling skill's provisionally known prerequisites are doubted: probed, not skipped.
    let struggling = |s: usize| {
        masteries[s].attempts >= DOUBT_AFTER_ATTEMPTS
            && masteries[s].mastery < DOUBT_BELOW
            && !masteries[s].state.counts_as_mastered()
    };
    let mut doubted = vec![false; skill_count];
    for skill in (0..skill_count).filter(|&s| struggling(s)) {
        for &prerequisite in bank.prerequisites_of(skill) {
            doubted[prerequisite] = !practised(prerequisite);
            provisionally_known[prerequisite] = false;
        }
    }
    let mut to_probe = Vec::with_capacity(skill_count);
    for s in 0..skill_count {
        to_probe.push(
            !practised(s)
                && !provisionally_known[s]
                && (doubted[s] || bank.dependents_of(s).iter().all(|&d| practised(d))),
        );
    }
    Placement {
        provisionally_known,
        to_probe,
    }
}
