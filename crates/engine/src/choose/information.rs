//! How much one answer can tell: the chance of a right answer by luck, from the item's form
//! alone (one of n choices, an order of n parts), so that a probe or a check prefers an item
//! whose right answer is not a guess; and the share of an answer given step by step (a
//! multi-step item), so that it prefers an item answered in one go.
//!
//! This reads only the bank: a single choice of four is right by luck one time in four for any
//! learner. A typed answer (a number, an expression, a text) counts as never lucky.

use crate::bank::ItemKind;

/// What one point of luck (a certain guess) adds to a probe's or a check's score: a single
/// choice of four (luck 0.25) weighs like 0.125 of predicted success away from the target.
pub const LUCK_WEIGHT: f64 = 0.5;

/// P(right) by luck for an item of this form: 1 / choices for a single choice, 1 / (2^n − 1)
/// for a multiple response, 1 / n! for an ordering or matching, the product over the steps of
/// a multi-step item, 0 for a typed answer.
pub fn chance_of_lucky_answer(kind: &ItemKind) -> f64 {
    match kind {
        ItemKind::SingleChoice { choices, .. } => 1.0 / choices.len().max(1) as f64,
        ItemKind::MultipleResponse { choices, .. } => {
            1.0 / (2f64.powi(choices.len().min(30) as i32) - 1.0).max(1.0)
        }
        ItemKind::Ordering { items } => 1.0 / orderings(items.len()),
        ItemKind::Matching { pairs, .. } => 1.0 / orderings(pairs.len()),
        ItemKind::MultiStep { steps } => {
            // A loop from 1.0, as std's `product` starts: the same bits.
            let mut chance = 1.0;
            for step in steps {
                chance *= chance_of_lucky_answer(&step.kind);
            }
            chance
        }
        _ => 0.0,
    }
}

/// What a multi-step item adds to a probe's or a check's score, times the share of its answer
/// given step by step (1 − 1 / steps): a step of a worked item is easier than the whole
/// problem, so its right answers overstate the skill. Simulated classes (seed 1, 200 learners,
/// the two sample banks with multi-step items): false mastery at the claim with `growth` on
/// item-types 5.2% -> 3.7% and algebra 4.9% -> 3.8%, with `bkt` on algebra 4.6% -> 2.9%. A weight
/// of 1 did as well there but cost the OATutor course (nearly all multi-step) 19% more items to
/// true mastery with `growth` (seed 2, 60 learners); 0.5 costs it 6%, 0.1 nothing but helps less.
pub const STEPS_WEIGHT: f64 = 0.5;

/// The share of a multi-step item's answer given step by step: 1 − 1 / steps (0 for an item
/// answered in one go).
pub fn share_given_in_steps(kind: &ItemKind) -> f64 {
    match kind {
        ItemKind::MultiStep { steps } if steps.len() > 1 => 1.0 - 1.0 / steps.len() as f64,
        _ => 0.0,
    }
}

/// n! (at least 1; capped at 20! to stay finite).
fn orderings(count: usize) -> f64 {
    let mut product = 1.0;
    for k in 1..=count.min(20) {
        product *= k as f64;
    }
    product.max(1.0)
}
