//! How likely a simulated learner is to answer right by luck. The responses it gives are the
//! engine's (`adaptive_practice_engine::sample_response`).

use adaptive_practice_engine::ItemKind;

/// P(correct) by luck: 1 / choices for a single choice, 1 / (2^choices - 1) for a multiple
/// response, 1 / n! (at most 1/2) for an ordering or matching, `typed` for typed answers.
pub fn guess_probability(kind: &ItemKind, typed: f64) -> f64 {
    match kind {
        ItemKind::SingleChoice { choices, .. } => 1.0 / choices.len().max(1) as f64,
        ItemKind::MultipleResponse { choices, .. } => {
            1.0 / (2f64.powi(choices.len().min(30) as i32) - 1.0).max(1.0)
        }
        ItemKind::Ordering { items } => 1.0 / factorial(items.len()).max(2.0),
        ItemKind::Matching { pairs, .. } => 1.0 / factorial(pairs.len()).max(2.0),
        ItemKind::MultiStep { steps } => steps
            .iter()
            .map(|s| guess_probability(&s.kind, typed))
            .product(),
        ItemKind::Numeric { .. }
        | ItemKind::MathExpression { .. }
        | ItemKind::ShortText { .. }
        | ItemKind::FillBlanks { .. } => typed,
    }
}

fn factorial(count: usize) -> f64 {
    (1..=count.min(20)).map(|k| k as f64).product()
}
