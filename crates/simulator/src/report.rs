//! The human-readable table of one bank and truth model: every policy at the claim stop and at
//! the oracle stop, the comparison at equal numbers of items, and the goals.

use crate::goals::check_goals;
use crate::policy::Policy;
use crate::summary::{interval_of, Interval, RowSummary};
use crate::CellSimulation;

fn interval_text(interval: Interval, decimals: usize) -> String {
    format!(
        "{:.*} ± {:.*}",
        decimals, interval.mean, decimals, interval.half_width
    )
}

/// The table of a cell, with the rows of `summarize_cell`.
pub fn format_cell_table(cell: &CellSimulation, rows: &[RowSummary]) -> String {
    let learners = rows.first().map_or(0, |r| r.learners);
    let mut lines = vec![
        format!(
            "Truth {}, bank {} ({} skills, {} items): {} simulated learners per policy, cap {} items; ± is a 95% interval.",
            cell.truth.name(),
            cell.bank_id,
            cell.skill_count,
            cell.item_count,
            learners,
            cell.item_cap
        ),
        format!(
            "{:<9} {:<7} {:>15} {:>8} {:>15} {:>15} {:>15} {:>9} {:>11}",
            "policy", "stop", "items", "not@cap", "post-test", "retention 30d", "false mastery", "all true", "reviews"
        ),
    ];
    for row in rows {
        lines.push(format!(
            "{:<9} {:<7} {:>15} {:>8} {:>15} {:>15} {:>15} {:>9} {:>11}",
            row.policy.name(),
            row.stop.name(),
            interval_text(row.items, 1),
            row.learners_not_stopped_by_cap,
            interval_text(row.post_test, 3),
            interval_text(row.retention, 3),
            interval_text(row.false_mastery, 3),
            format!(
                "{}/{}",
                row.learners_truly_mastering_every_skill, row.learners
            ),
            if row.policy == Policy::Adaptive {
                interval_text(row.review_choices, 1)
            } else {
                "-".to_string()
            },
        ));
    }
    lines.push(
        "stop claim: when the engine claims every skill mastered (the same rule for every policy); stop oracle: when the hidden truth first has every skill mastered (items = items to true mastery).\n\
         not@cap: learners whose stop had not come by the cap (counted at the cap). false mastery: of the skills the engine counts as mastered at the stop, the share truly not mastered.\n\
         all true: learners with every skill truly mastered at the stop. reviews: items the engine chose as due reviews up to the stop."
            .to_string(),
    );
    lines.push(equal_items_table(cell));
    lines.push(format!(
        "Goals for adaptive ({} truth, {}):",
        cell.truth.name(),
        cell.bank_id
    ));
    for check in check_goals(cell) {
        lines.push(format!(
            "  {:<46} {:<36} {}",
            check.goal,
            check.measured,
            if check.met { "met" } else { "MISSED" }
        ));
    }
    lines.join("\n")
}

/// Every policy after as many items as adaptive needed to claim mastery, learner by learner.
fn equal_items_table(cell: &CellSimulation) -> String {
    let budget = interval_of(
        &cell
            .outcomes_of(Policy::Adaptive)
            .iter()
            .filter_map(|o| o.budget.as_ref().map(|b| b.items as f64))
            .collect::<Vec<_>>(),
    );
    let mut lines = vec![format!(
        "At equal numbers of items (each learner, under each policy, stopped after as many items as adaptive needed to claim mastery: {}):",
        interval_text(budget, 1)
    )];
    for (policy, outcomes) in &cell.outcomes_by_policy {
        let budgets: Vec<_> = outcomes.iter().filter_map(|o| o.budget.as_ref()).collect();
        let column = |pick: fn(&crate::StopMeasure) -> f64| {
            interval_of(&budgets.iter().map(|m| pick(m)).collect::<Vec<_>>())
        };
        lines.push(format!(
            "  {:<9} post-test {:>15}  retention 30d {:>15}  skills truly mastered {:>6.1}%  all true {}/{}",
            policy.name(),
            interval_text(column(|m| m.post_test), 3),
            interval_text(column(|m| m.retention), 3),
            100.0 * column(|m| m.skills_truly_mastered as f64).mean / cell.skill_count.max(1) as f64,
            budgets.iter().filter(|m| m.every_skill_truly_mastered).count(),
            budgets.len(),
        ));
    }
    lines.join("\n")
}
