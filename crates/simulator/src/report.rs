//! The human-readable table of one bank and truth model: every policy at the claim stop and at
//! the oracle stop, the comparison at equal numbers of items, and the goals; and the README's
//! Markdown tables of a whole run.

use crate::goals::check_goals;
use crate::policy::Policy;
use crate::summary::{interval_of, Interval, RowSummary, StopRule};
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

/// The README's tables, in Markdown: per truth model, every bank and policy with the items to
/// true mastery (oracle stop) and, at the claim stop, items, post-test, 30-day retention and
/// false mastery; then the goals, cell by cell.
pub fn format_markdown(cells: &[(CellSimulation, Vec<RowSummary>)]) -> String {
    let mut lines = Vec::new();
    let mut truths: Vec<_> = cells.iter().map(|(cell, _)| cell.truth).collect();
    truths.dedup();
    for truth in truths {
        lines.push(format!(
            "\n**Truth `{}`** ({} learners per cell, ± 95% intervals; `(n)`: learners not there by the cap, counted at the cap):\n",
            truth.name(),
            cells.first().map_or(0, |(_, rows)| rows.first().map_or(0, |r| r.learners))
        ));
        lines.push("| bank | policy | items to true mastery | items to claim | post-test | retention 30 d | false mastery |".into());
        lines.push("|---|---|---|---|---|---|---|".into());
        for (cell, rows) in cells.iter().filter(|(cell, _)| cell.truth == truth) {
            for policy in Policy::ALL {
                let row = |stop| rows.iter().find(|r| r.policy == policy && r.stop == stop);
                let (Some(claim), Some(oracle)) = (row(StopRule::Claim), row(StopRule::Oracle))
                else {
                    continue;
                };
                let with_cap = |row: &RowSummary| {
                    let text = interval_text(row.items, 1);
                    match row.learners_not_stopped_by_cap {
                        0 => text,
                        n => format!("{text} ({n})"),
                    }
                };
                let name = if policy == Policy::Adaptive {
                    format!("**{}**", policy.name())
                } else {
                    policy.name().to_string()
                };
                lines.push(format!(
                    "| {} | {} | {} | {} | {} | {} | {:.1}% |",
                    cell.bank_id,
                    name,
                    with_cap(oracle),
                    with_cap(claim),
                    interval_text(claim.post_test, 3),
                    interval_text(claim.retention, 3),
                    100.0 * claim.false_mastery.mean,
                ));
            }
        }
    }
    lines.push("\n**Goals for adaptive** (same stop rule for every policy):\n".into());
    lines.push("| truth | bank | ≥ 30% fewer items than fixed | ≥ half the oracle's saving | post-test ≥ fixed | retention ≥ fixed | false mastery ≤ 5% |".into());
    lines.push("|---|---|---|---|---|---|---|".into());
    for (cell, _) in cells {
        let checks: Vec<String> = check_goals(cell)
            .iter()
            .map(|check| {
                format!(
                    "{} {}",
                    if check.met { "met:" } else { "**missed**:" },
                    check.measured
                )
            })
            .collect();
        lines.push(format!(
            "| {} | {} | {} |",
            cell.truth.name(),
            cell.bank_id,
            checks.join(" | ")
        ));
    }
    lines.join("\n")
}
