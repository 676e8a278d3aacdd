//! Summaries over many simulated learners: means with 95% intervals, the one-line format
//! scripts read, and its parser.

use crate::run::{Policy, RunOutcome};

/// A mean and the half-width of its 95% interval (1.96 standard errors).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub mean: f64,
    pub half_width: f64,
}

/// The mean of `values` with a normal-approximation 95% interval: mean ± 1.96·sd/sqrt(n).
pub fn interval_of(values: &[f64]) -> Interval {
    let count = values.len();
    if count == 0 {
        return Interval {
            mean: f64::NAN,
            half_width: f64::NAN,
        };
    }
    let mean = values.iter().sum::<f64>() / count as f64;
    if count < 2 {
        return Interval {
            mean,
            half_width: f64::NAN,
        };
    }
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (count - 1) as f64;
    Interval {
        mean,
        half_width: 1.96 * variance.sqrt() / (count as f64).sqrt(),
    }
}

/// What one policy did on one bank over all simulated learners.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicySummary {
    pub bank_id: String,
    pub policy: Policy,
    pub learners: usize,
    /// Learners who never truly mastered every skill by the cap count as the cap (a lower bound).
    pub items_to_true_mastery: Interval,
    pub learners_not_truly_mastered_by_cap: usize,
    pub items_practised: Interval,
    pub post_test_accuracy: Interval,
    pub retention_accuracy: Interval,
    /// False claims / claims, pooled over learners; `None` for policies the engine does not stop.
    pub false_mastery_rate: Option<f64>,
    pub mastery_claims: u64,
    pub false_mastery_claims: u64,
    /// Learners whose policy stopped by its rule rather than at the cap (for adaptive: the engine
    /// claimed every skill).
    pub learners_stopped_by_rule: usize,
    /// Learners whose every skill was truly mastered when the policy stopped.
    pub learners_truly_mastered_at_stop: usize,
    pub skills_truly_mastered_at_stop: Interval,
}

pub fn summarize_outcomes(
    bank_id: &str,
    policy: Policy,
    outcomes: &[RunOutcome],
    item_cap: usize,
    skill_count: usize,
) -> PolicySummary {
    let to_mastery: Vec<f64> = outcomes
        .iter()
        .map(|o| o.items_to_true_mastery.unwrap_or(item_cap) as f64)
        .collect();
    let column = |pick: fn(&RunOutcome) -> f64| -> Interval {
        interval_of(&outcomes.iter().map(pick).collect::<Vec<_>>())
    };
    let mastery_claims: u64 = outcomes.iter().map(|o| u64::from(o.mastery_claims)).sum();
    let false_mastery_claims: u64 = outcomes
        .iter()
        .map(|o| u64::from(o.false_mastery_claims))
        .sum();
    PolicySummary {
        bank_id: bank_id.to_string(),
        policy,
        learners: outcomes.len(),
        items_to_true_mastery: interval_of(&to_mastery),
        learners_not_truly_mastered_by_cap: outcomes
            .iter()
            .filter(|o| o.items_to_true_mastery.is_none())
            .count(),
        items_practised: column(|o| o.items_practised as f64),
        post_test_accuracy: column(|o| o.post_test_accuracy),
        retention_accuracy: column(|o| o.retention_accuracy),
        false_mastery_rate: (policy == Policy::Adaptive && mastery_claims > 0)
            .then(|| false_mastery_claims as f64 / mastery_claims as f64),
        mastery_claims,
        false_mastery_claims,
        learners_stopped_by_rule: outcomes
            .iter()
            .filter(|o| match policy {
                Policy::Adaptive => o.engine_claimed_every_skill,
                Policy::Fixed | Policy::Random => o
                    .items_to_true_mastery
                    .is_some_and(|n| n == o.items_practised),
            })
            .count(),
        learners_truly_mastered_at_stop: outcomes
            .iter()
            .filter(|o| o.skills_truly_mastered_at_stop == skill_count)
            .count(),
        skills_truly_mastered_at_stop: column(|o| o.skills_truly_mastered_at_stop as f64),
    }
}

/// The line scripts read, exactly:
/// `bank=ID policy=NAME learners=N items_to_true_mastery=MEAN±HW items_practised=MEAN±HW
/// post_test=0.xxx±0.xxx retention_30d=0.xxx±0.xxx false_mastery_rate=0.xxx` (or `na`).
pub fn format_summary_line(summary: &PolicySummary) -> String {
    let rate = summary
        .false_mastery_rate
        .map_or_else(|| "na".to_string(), |r| format!("{r:.3}"));
    format!(
        "bank={} policy={} learners={} items_to_true_mastery={:.1}±{:.1} items_practised={:.1}±{:.1} post_test={:.3}±{:.3} retention_30d={:.3}±{:.3} false_mastery_rate={}",
        summary.bank_id,
        summary.policy.name(),
        summary.learners,
        summary.items_to_true_mastery.mean,
        summary.items_to_true_mastery.half_width,
        summary.items_practised.mean,
        summary.items_practised.half_width,
        summary.post_test_accuracy.mean,
        summary.post_test_accuracy.half_width,
        summary.retention_accuracy.mean,
        summary.retention_accuracy.half_width,
        rate,
    )
}

/// A summary line read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedSummaryLine {
    pub bank_id: String,
    pub policy_name: String,
    pub learners: usize,
    pub items_to_true_mastery: Interval,
    pub items_practised: Interval,
    pub post_test: Interval,
    pub retention_30d: Interval,
    pub false_mastery_rate: Option<f64>,
}

/// Reads a summary line; `None` unless every field is there, in order, and well formed.
pub fn parse_summary_line(line: &str) -> Option<ParsedSummaryLine> {
    let mut fields = line.trim().split(' ');
    let mut next_value = |key: &str| -> Option<String> {
        let field = fields.next()?;
        let (found_key, value) = field.split_once('=')?;
        (found_key == key && !value.is_empty()).then(|| value.to_string())
    };
    let bank_id = next_value("bank")?;
    let policy_name = next_value("policy")?;
    let learners = next_value("learners")?.parse().ok()?;
    let items_to_true_mastery = parse_interval(&next_value("items_to_true_mastery")?)?;
    let items_practised = parse_interval(&next_value("items_practised")?)?;
    let post_test = parse_interval(&next_value("post_test")?)?;
    let retention_30d = parse_interval(&next_value("retention_30d")?)?;
    let rate_text = next_value("false_mastery_rate")?;
    let false_mastery_rate = if rate_text == "na" {
        None
    } else {
        Some(rate_text.parse().ok()?)
    };
    if fields.next().is_some() {
        return None;
    }
    Some(ParsedSummaryLine {
        bank_id,
        policy_name,
        learners,
        items_to_true_mastery,
        items_practised,
        post_test,
        retention_30d,
        false_mastery_rate,
    })
}

fn parse_interval(text: &str) -> Option<Interval> {
    let (mean, half_width) = text.split_once('±')?;
    Some(Interval {
        mean: mean.parse().ok()?,
        half_width: half_width.parse().ok()?,
    })
}
