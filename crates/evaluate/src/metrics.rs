//! Scores of probabilistic predictions of binary outcomes: AUC, log-loss, RMSE.

/// The scores of one model over all predicted answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PredictionScores {
    /// Area under the ROC curve; `None` when all outcomes are equal.
    pub auc: Option<f64>,
    pub log_loss: f64,
    pub root_mean_squared_error: f64,
}

/// Probabilities are clipped to `[PROBABILITY_CLIP, 1 - PROBABILITY_CLIP]` for the log-loss.
pub const PROBABILITY_CLIP: f64 = 1e-15;

pub fn score_predictions(predictions: &[f64], outcomes: &[bool]) -> PredictionScores {
    PredictionScores {
        auc: area_under_roc_curve(predictions, outcomes),
        log_loss: log_loss(predictions, outcomes),
        root_mean_squared_error: root_mean_squared_error(predictions, outcomes),
    }
}

/// Exact AUC by ranks: the probability that a random positive is ranked above a random negative,
/// ties counting one half. Tied predictions get the average of their ranks. Predictions must not be
/// NaN (a NaN is ranked as the lowest value).
pub fn area_under_roc_curve(predictions: &[f64], outcomes: &[bool]) -> Option<f64> {
    let count = predictions.len().min(outcomes.len());
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by(|&left, &right| {
        let (left_value, right_value) = (
            nan_as_lowest(predictions[left]),
            nan_as_lowest(predictions[right]),
        );
        left_value.total_cmp(&right_value)
    });
    let positive_count = outcomes[..count].iter().filter(|&&outcome| outcome).count();
    let negative_count = count - positive_count;
    if positive_count == 0 || negative_count == 0 {
        return None;
    }
    let mut positive_rank_sum = 0.0;
    let mut group_start = 0;
    while group_start < count {
        let group_value = nan_as_lowest(predictions[order[group_start]]);
        let mut group_end = group_start + 1;
        while group_end < count && nan_as_lowest(predictions[order[group_end]]) == group_value {
            group_end += 1;
        }
        // Ranks are 1-based: the group holds ranks group_start+1 ..= group_end.
        let average_rank = (group_start + 1 + group_end) as f64 / 2.0;
        let positives_in_group = order[group_start..group_end]
            .iter()
            .filter(|&&index| outcomes[index])
            .count();
        positive_rank_sum += average_rank * positives_in_group as f64;
        group_start = group_end;
    }
    let positives = positive_count as f64;
    Some(
        (positive_rank_sum - positives * (positives + 1.0) / 2.0)
            / (positives * negative_count as f64),
    )
}

pub fn log_loss(predictions: &[f64], outcomes: &[bool]) -> f64 {
    let count = predictions.len().min(outcomes.len());
    if count == 0 {
        return f64::NAN;
    }
    let total: f64 = predictions
        .iter()
        .zip(outcomes)
        .map(|(&prediction, &outcome)| {
            let probability = prediction.clamp(PROBABILITY_CLIP, 1.0 - PROBABILITY_CLIP);
            if outcome {
                -probability.ln()
            } else {
                -(1.0 - probability).ln()
            }
        })
        .sum();
    total / count as f64
}

pub fn root_mean_squared_error(predictions: &[f64], outcomes: &[bool]) -> f64 {
    let count = predictions.len().min(outcomes.len());
    if count == 0 {
        return f64::NAN;
    }
    let total: f64 = predictions
        .iter()
        .zip(outcomes)
        .map(|(&prediction, &outcome)| {
            let error = prediction - if outcome { 1.0 } else { 0.0 };
            error * error
        })
        .sum();
    (total / count as f64).sqrt()
}

fn nan_as_lowest(value: f64) -> f64 {
    if value.is_nan() {
        f64::NEG_INFINITY
    } else {
        value
    }
}
