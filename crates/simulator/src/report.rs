//! The human-readable table for one bank, with paired comparisons of adaptive against the others.

use crate::run::{Policy, RunOutcome};
use crate::summary::{interval_of, Interval, PolicySummary};
use crate::BankSimulation;

fn interval_text(interval: Interval, decimals: usize) -> String {
    format!(
        "{:.*} ± {:.*}",
        decimals, interval.mean, decimals, interval.half_width
    )
}

/// The table: one row per policy, then paired differences (same learners) against adaptive.
pub fn format_bank_table(simulation: &BankSimulation, summaries: &[PolicySummary]) -> String {
    let mut lines = Vec::new();
    lines.push(format!(
        "Bank {} ({} skills), {} simulated learners per policy, cap {} items; ± is a 95% interval.",
        simulation.bank_id,
        simulation.skill_count,
        summaries.first().map_or(0, |s| s.learners),
        simulation.item_cap
    ));
    lines.push(format!(
        "{:<9} {:>22} {:>8} {:>16} {:>9} {:>15} {:>15} {:>15} {:>16}",
        "policy",
        "items→true mastery",
        "not@cap",
        "items practised",
        "rule@stop",
        "post-test",
        "retention 30d",
        "all true @stop",
        "false mastery"
    ));
    for summary in summaries {
        let false_mastery = match summary.false_mastery_rate {
            Some(rate) => format!(
                "{:.3} ({}/{})",
                rate, summary.false_mastery_claims, summary.mastery_claims
            ),
            None => "na".to_string(),
        };
        lines.push(format!(
            "{:<9} {:>22} {:>8} {:>16} {:>9} {:>15} {:>15} {:>15} {:>16}",
            summary.policy.name(),
            interval_text(summary.items_to_true_mastery, 1),
            summary.learners_not_truly_mastered_by_cap,
            interval_text(summary.items_practised, 1),
            format!("{}/{}", summary.learners_stopped_by_rule, summary.learners),
            interval_text(summary.post_test_accuracy, 3),
            interval_text(summary.retention_accuracy, 3),
            format!(
                "{}/{}",
                summary.learners_truly_mastered_at_stop, summary.learners
            ),
            false_mastery,
        ));
    }
    lines.push(
        "items→true mastery: items until the hidden truth first has every skill mastered (learners not there by the cap count as the cap: see not@cap).\n\
         rule@stop: learners stopped by the policy's rule before the cap (adaptive: the engine claimed every skill; others: truly mastered).\n\
         all true @stop: learners with every skill truly mastered when the policy stopped. false mastery: false claims / claims, up to the stop."
            .to_string(),
    );
    let adaptive = simulation
        .outcomes_by_policy
        .iter()
        .find(|(p, _)| *p == Policy::Adaptive);
    if let Some((_, adaptive_outcomes)) = adaptive {
        for (policy, other_outcomes) in &simulation.outcomes_by_policy {
            if *policy == Policy::Adaptive {
                continue;
            }
            lines.push(paired_comparison_line(
                *policy,
                adaptive_outcomes,
                other_outcomes,
                simulation.item_cap,
            ));
        }
    }
    lines.join("\n")
}

/// Adaptive minus another policy, learner by learner, for the headline and the retention.
fn paired_comparison_line(
    other: Policy,
    adaptive: &[RunOutcome],
    other_outcomes: &[RunOutcome],
    item_cap: usize,
) -> String {
    let to_mastery = |o: &RunOutcome| o.items_to_true_mastery.unwrap_or(item_cap) as f64;
    let item_differences: Vec<f64> = adaptive
        .iter()
        .zip(other_outcomes)
        .map(|(a, b)| to_mastery(a) - to_mastery(b))
        .collect();
    let retention_differences: Vec<f64> = adaptive
        .iter()
        .zip(other_outcomes)
        .map(|(a, b)| a.retention_accuracy - b.retention_accuracy)
        .collect();
    let post_test_differences: Vec<f64> = adaptive
        .iter()
        .zip(other_outcomes)
        .map(|(a, b)| a.post_test_accuracy - b.post_test_accuracy)
        .collect();
    let other_mean = interval_of(&other_outcomes.iter().map(to_mastery).collect::<Vec<_>>()).mean;
    let items = interval_of(&item_differences);
    format!(
        "adaptive - {}: items→true mastery {} ({:+.1}%), post-test {}, retention 30d {} (paired, same learners)",
        other.name(),
        interval_text(items, 1),
        100.0 * items.mean / other_mean,
        interval_text(interval_of(&post_test_differences), 3),
        interval_text(interval_of(&retention_differences), 3),
    )
}
