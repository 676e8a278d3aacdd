//! Summaries over many simulated learners: one row per policy, truth model, bank and stop, with
//! 95% intervals, and the one-line format scripts read.

use serde::Serialize;

use crate::policy::Policy;
use crate::run::{RunOutcome, StopMeasure};
use crate::truth::TruthModel;

/// A mean and the half-width of its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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

/// A ratio of sums over learners (Σ part / Σ whole) with a 95% interval by the delta method,
/// learners being the independent units; 0 ± 0 when there is no whole.
pub fn ratio_interval(pairs: &[(f64, f64)]) -> Interval {
    let count = pairs.len() as f64;
    let whole: f64 = pairs.iter().map(|p| p.1).sum();
    if whole <= 0.0 {
        return Interval {
            mean: 0.0,
            half_width: 0.0,
        };
    }
    let ratio = pairs.iter().map(|p| p.0).sum::<f64>() / whole;
    let mean_whole = whole / count;
    let residuals = pairs
        .iter()
        .map(|(part, total)| (part - ratio * total).powi(2))
        .sum::<f64>();
    let variance = if count > 1.0 {
        residuals / (count * (count - 1.0)) / (mean_whole * mean_whole)
    } else {
        f64::NAN
    };
    Interval {
        mean: ratio,
        half_width: 1.96 * variance.sqrt(),
    }
}

/// Where a row's learners were stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StopRule {
    /// When the engine claimed every skill mastered: the same rule for every policy.
    Claim,
    /// When the hidden truth first had every skill mastered.
    Oracle,
}

impl StopRule {
    pub const ALL: [StopRule; 2] = [StopRule::Claim, StopRule::Oracle];

    pub fn name(self) -> &'static str {
        match self {
            StopRule::Claim => "claim",
            StopRule::Oracle => "oracle",
        }
    }

    pub fn measure_of(self, outcome: &RunOutcome) -> &StopMeasure {
        match self {
            StopRule::Claim => &outcome.claim,
            StopRule::Oracle => &outcome.oracle,
        }
    }
}

/// One row: a policy on a bank with a truth model, measured at one stop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowSummary {
    pub bank_id: String,
    pub truth: TruthModel,
    pub policy: Policy,
    pub stop: StopRule,
    pub learners: usize,
    /// Items until the stop; learners whose stop never came count as the cap (a lower bound).
    pub items: Interval,
    pub learners_not_stopped_by_cap: usize,
    pub post_test: Interval,
    pub retention: Interval,
    /// Of the skills the engine counts as mastered at the stop, the share truly not mastered.
    pub false_mastery: Interval,
    /// Of the engine's mastery claims up to the stop, the share not true right after the claim.
    pub false_claims_at_claim_moment: Interval,
    pub learners_truly_mastering_every_skill: usize,
    pub review_choices: Interval,
}

pub fn summarize_row(
    bank_id: &str,
    truth: TruthModel,
    policy: Policy,
    stop: StopRule,
    outcomes: &[RunOutcome],
) -> RowSummary {
    let measures: Vec<&StopMeasure> = outcomes.iter().map(|o| stop.measure_of(o)).collect();
    let column = |pick: fn(&StopMeasure) -> f64| -> Interval {
        interval_of(&measures.iter().map(|m| pick(m)).collect::<Vec<_>>())
    };
    RowSummary {
        bank_id: bank_id.to_string(),
        truth,
        policy,
        stop,
        learners: outcomes.len(),
        items: column(|m| m.items as f64),
        learners_not_stopped_by_cap: measures.iter().filter(|m| !m.reached).count(),
        post_test: column(|m| m.post_test),
        retention: column(|m| m.retention),
        false_mastery: ratio_interval(
            &measures
                .iter()
                .map(|m| (m.skills_claimed_truly_not as f64, m.skills_claimed as f64))
                .collect::<Vec<_>>(),
        ),
        false_claims_at_claim_moment: ratio_interval(
            &measures
                .iter()
                .map(|m| {
                    (
                        f64::from(m.false_mastery_claims),
                        f64::from(m.mastery_claims),
                    )
                })
                .collect::<Vec<_>>(),
        ),
        learners_truly_mastering_every_skill: measures
            .iter()
            .filter(|m| m.every_skill_truly_mastered)
            .count(),
        review_choices: column(|m| f64::from(m.review_choices)),
    }
}

/// The line scripts read, exactly: `policy=NAME truth=NAME bank=NAME stop=claim|oracle items=N.N
/// posttest=0.xxx retention30=0.xxx false_mastery=0.xxx`.
pub fn format_row_line(row: &RowSummary) -> String {
    format!(
        "policy={} truth={} bank={} stop={} items={:.1} posttest={:.3} retention30={:.3} false_mastery={:.3}",
        row.policy.name(),
        row.truth.name(),
        row.bank_id,
        row.stop.name(),
        row.items.mean,
        row.post_test.mean,
        row.retention.mean,
        row.false_mastery.mean,
    )
}

/// A row line read back.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRowLine {
    pub policy: Policy,
    pub truth: TruthModel,
    pub bank_id: String,
    pub stop: StopRule,
    pub items: f64,
    pub post_test: f64,
    pub retention30: f64,
    pub false_mastery: f64,
}

/// Reads a row line; `None` unless every field is there, in order, and well formed.
pub fn parse_row_line(line: &str) -> Option<ParsedRowLine> {
    let mut fields = line.trim().split(' ');
    let mut next_value = |key: &str| -> Option<String> {
        let (found_key, value) = fields.next()?.split_once('=')?;
        (found_key == key && !value.is_empty()).then(|| value.to_string())
    };
    let policy = Policy::from_name(&next_value("policy")?)?;
    let truth = TruthModel::from_name(&next_value("truth")?)?;
    let bank_id = next_value("bank")?;
    let stop_name = next_value("stop")?;
    let stop = StopRule::ALL.into_iter().find(|s| s.name() == stop_name)?;
    let parsed = ParsedRowLine {
        policy,
        truth,
        bank_id,
        stop,
        items: next_value("items")?.parse().ok()?,
        post_test: next_value("posttest")?.parse().ok()?,
        retention30: next_value("retention30")?.parse().ok()?,
        false_mastery: next_value("false_mastery")?.parse().ok()?,
    };
    fields.next().is_none().then_some(parsed)
}
