//! The goals of issue 14, checked for one bank and truth model (the same stop rule for every
//! policy): items to true mastery at least 30% fewer than the fixed order and at least half the
//! oracle's saving; post-test and 30-day retention at the claim stop not worse than the fixed
//! order's (the paired 95% interval of adaptive - fixed reaches 0 or above); false mastery at the
//! claim stop at most 5%.

use crate::policy::Policy;
use crate::run::RunOutcome;
use crate::summary::{interval_of, ratio_interval, Interval};
use crate::CellSimulation;

/// One goal: what it asks, what was measured, and whether it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalCheck {
    pub goal: &'static str,
    pub measured: String,
    pub met: bool,
}

pub const ITEM_REDUCTION_GOAL: f64 = 0.30;
pub const ORACLE_SAVING_SHARE_GOAL: f64 = 0.5;
pub const FALSE_MASTERY_GOAL: f64 = 0.05;

fn items_to_true_mastery(outcomes: &[RunOutcome]) -> f64 {
    interval_of(
        &outcomes
            .iter()
            .map(|o| o.oracle.items as f64)
            .collect::<Vec<_>>(),
    )
    .mean
}

/// Adaptive minus fixed, learner by learner.
fn paired_difference(
    adaptive: &[RunOutcome],
    fixed: &[RunOutcome],
    pick: fn(&RunOutcome) -> f64,
) -> Interval {
    interval_of(
        &adaptive
            .iter()
            .zip(fixed)
            .map(|(a, f)| pick(a) - pick(f))
            .collect::<Vec<_>>(),
    )
}

/// The adaptive policy's goals in this cell.
pub fn check_goals(cell: &CellSimulation) -> Vec<GoalCheck> {
    let adaptive = cell.outcomes_of(Policy::Adaptive);
    let fixed = cell.outcomes_of(Policy::Fixed);
    let oracle = cell.outcomes_of(Policy::Oracle);
    let (adaptive_items, fixed_items, oracle_items) = (
        items_to_true_mastery(adaptive),
        items_to_true_mastery(fixed),
        items_to_true_mastery(oracle),
    );
    let reduction = 1.0 - adaptive_items / fixed_items;
    let oracle_saving = fixed_items - oracle_items;
    let saving_share = (fixed_items - adaptive_items) / oracle_saving;
    let post_test = paired_difference(adaptive, fixed, |o| o.claim.post_test);
    let retention = paired_difference(adaptive, fixed, |o| o.claim.retention);
    let false_mastery = ratio_interval(
        &adaptive
            .iter()
            .map(|o| {
                (
                    o.claim.skills_claimed_truly_not as f64,
                    o.claim.skills_claimed as f64,
                )
            })
            .collect::<Vec<_>>(),
    );
    vec![
        GoalCheck {
            goal: "items to true mastery >= 30% fewer than fixed",
            measured: format!(
                "{:.0}% {} ({adaptive_items:.1} vs {fixed_items:.1})",
                100.0 * reduction.abs(),
                if reduction >= 0.0 { "fewer" } else { "more" }
            ),
            met: reduction >= ITEM_REDUCTION_GOAL,
        },
        GoalCheck {
            goal: ">= half the oracle's saving",
            measured: if oracle_saving > 0.0 {
                format!(
                    "{:.0}% of it (oracle {oracle_items:.1})",
                    100.0 * saving_share
                )
            } else {
                format!("the oracle saves nothing (oracle {oracle_items:.1})")
            },
            met: oracle_saving <= 0.0 || saving_share >= ORACLE_SAVING_SHARE_GOAL,
        },
        GoalCheck {
            goal: "post-test >= fixed (claim stop)",
            measured: format!("{:+.3} ± {:.3}", post_test.mean, post_test.half_width),
            met: post_test.mean + post_test.half_width >= 0.0,
        },
        GoalCheck {
            goal: "30-day retention >= fixed (claim stop)",
            measured: format!("{:+.3} ± {:.3}", retention.mean, retention.half_width),
            met: retention.mean + retention.half_width >= 0.0,
        },
        GoalCheck {
            goal: "false mastery <= 5%",
            measured: format!("{:.1}%", 100.0 * false_mastery.mean),
            met: false_mastery.mean <= FALSE_MASTERY_GOAL,
        },
    ]
}
