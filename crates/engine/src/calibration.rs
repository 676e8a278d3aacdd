//! Item calibration from a class's data: a Rasch model (P(correct) = sigmoid(ability − difficulty))
//! fitted by joint maximum likelihood on the learners' attempt counts, with a weak normal prior on
//! both sides so that perfect scores stay finite. The difficulties come out on the scale of the
//! bank's own (their mean is anchored to the mean of the bank's difficulties), ready to publish
//! back into the bank.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::math::sigmoid;
use crate::sorted_map::{sort_positions, IdPositions};

/// One learner's record on one item: how often answered, how often right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attempts {
    pub learner: usize,
    pub item: usize,
    pub attempts: u32,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CalibratedItem {
    pub id: String,
    pub difficulty: f64,
    /// Standard error of the difficulty, logits.
    pub standard_error: f64,
    /// How many answers it rests on.
    pub answers: u32,
}

/// Answers an item needs before a calibrated bank takes its fitted difficulty: with fewer, one or
/// two answers would rewrite the author's difficulty, so the item keeps the bank's own. (The
/// teacher page's "Hardest items" leaves such items out too: `FEWEST_ANSWERS_TO_RANK` in
/// www/teacher.js, the same number.)
pub const MIN_ANSWERS_TO_JUDGE: u32 = 5;

impl CalibratedItem {
    /// The difficulty a calibrated bank publishes for the item: the fitted one when it rests on
    /// at least [`MIN_ANSWERS_TO_JUDGE`] answers, else `None` (the item keeps the bank's own).
    /// The teacher page's calibrated bank and the bench's `widget` both write it through here.
    pub fn difficulty_to_publish(&self) -> Option<f64> {
        (self.answers >= MIN_ANSWERS_TO_JUDGE).then_some(self.difficulty)
    }
}

const PRIOR_PRECISION: f64 = 0.25;
const ITERATIONS: usize = 60;

/// Fits difficulties for `item_count` items from attempt counts of `learner_count` learners.
/// `anchor_mean` is the mean difficulty the result is shifted to (e.g. the bank's mean).
pub fn fit_difficulties(
    learner_count: usize,
    item_count: usize,
    data: &[Attempts],
    anchor_mean: f64,
) -> Vec<(f64, f64, u32)> {
    let mut ability = vec![0.0; learner_count];
    let mut difficulty = vec![0.0; item_count];
    let mut answers = vec![0u32; item_count];
    for record in data {
        if let Some(count) = answers.get_mut(record.item) {
            *count += record.attempts;
        }
    }
    let mut information = vec![PRIOR_PRECISION; item_count];
    for _ in 0..ITERATIONS {
        // One Newton step for every learner, then for every item (each with its prior).
        let mut gradient = vec![0.0; learner_count];
        let mut curvature = vec![PRIOR_PRECISION; learner_count];
        for record in data {
            let p = sigmoid(ability[record.learner] - difficulty[record.item]);
            gradient[record.learner] += f64::from(record.correct) - f64::from(record.attempts) * p;
            curvature[record.learner] += f64::from(record.attempts) * p * (1.0 - p);
        }
        for learner in 0..learner_count {
            ability[learner] +=
                (gradient[learner] - PRIOR_PRECISION * ability[learner]) / curvature[learner];
        }
        let mut gradient = vec![0.0; item_count];
        information = vec![PRIOR_PRECISION; item_count];
        for record in data {
            let p = sigmoid(ability[record.learner] - difficulty[record.item]);
            gradient[record.item] += f64::from(record.attempts) * p - f64::from(record.correct);
            information[record.item] += f64::from(record.attempts) * p * (1.0 - p);
        }
        for item in 0..item_count {
            difficulty[item] +=
                (gradient[item] - PRIOR_PRECISION * difficulty[item]) / information[item];
        }
    }
    let answered: Vec<usize> = (0..item_count).filter(|&i| answers[i] > 0).collect();
    let shift = if answered.is_empty() {
        0.0
    } else {
        anchor_mean - answered.iter().map(|&i| difficulty[i]).sum::<f64>() / answered.len() as f64
    };
    (0..item_count)
        .map(|i| {
            (
                difficulty[i] + shift,
                1.0 / information[i].sqrt(),
                answers[i],
            )
        })
        .collect()
}

/// Spearman's rank correlation of two equally long lists (average ranks for ties).
pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let ranks = |values: &[f64]| {
        let mut order: Vec<usize> = (0..values.len()).collect();
        sort_positions(&mut order, &|x, y| {
            values[x].total_cmp(&values[y]).then(x.cmp(&y))
        });
        let mut rank = vec![0.0; values.len()];
        let mut start = 0;
        while start < order.len() {
            let mut end = start;
            while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
                end += 1;
            }
            for &index in &order[start..=end] {
                rank[index] = (start + end) as f64 / 2.0;
            }
            start = end + 1;
        }
        rank
    };
    let (ra, rb) = (ranks(a), ranks(b));
    let n = a.len() as f64;
    let mean = (n - 1.0) / 2.0;
    let covariance: f64 = ra
        .iter()
        .zip(&rb)
        .map(|(x, y)| (x - mean) * (y - mean))
        .sum();
    let variance_a: f64 = ra.iter().map(|x| (x - mean).powi(2)).sum();
    let variance_b: f64 = rb.iter().map(|y| (y - mean).powi(2)).sum();
    covariance / (variance_a * variance_b).sqrt()
}

/// Calibrated difficulties for a bank's items from the items' records in learners' reports
/// (`reports[learner]` maps item id to (attempts, correct)). Items nobody answered keep no entry.
pub fn calibrate_bank_items(
    item_ids: &[String],
    prior_difficulties: &[f64],
    reports: &[BTreeMap<String, (u32, u32)>],
) -> Vec<CalibratedItem> {
    // A repeated id counts at its last position (as the map collected here before did).
    let position = IdPositions::new(item_ids.iter().map(String::as_str).collect());
    let mut data = Vec::new();
    for (learner, records) in reports.iter().enumerate() {
        for (id, &(attempts, correct)) in records {
            if let Some(item) = position.last(id) {
                if attempts > 0 {
                    data.push(Attempts {
                        learner,
                        item,
                        attempts,
                        correct: correct.min(attempts),
                    });
                }
            }
        }
    }
    let anchor = if prior_difficulties.is_empty() {
        0.0
    } else {
        prior_difficulties.iter().sum::<f64>() / prior_difficulties.len() as f64
    };
    fit_difficulties(reports.len(), item_ids.len(), &data, anchor)
        .into_iter()
        .enumerate()
        .filter(|(_, (_, _, answers))| *answers > 0)
        .map(
            |(i, (difficulty, standard_error, answers))| CalibratedItem {
                id: item_ids[i].clone(),
                difficulty: (difficulty * 100.0).round() / 100.0,
                standard_error: (standard_error * 100.0).round() / 100.0,
                answers,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests;
