//! The benchmark's shared parts: synthetic banks of N items and S skills (JSON text), and the
//! simulated learner whose answer loop (model update + next item choice) is timed natively and,
//! built for wasm32, in the browser (`benchAnswers`).
//!
//! The loop is the widget's: `submit_answer` then `advance`, on an `IndexedBank` that
//! `load_bank` accepted. Answers are deterministic, so every run does the same work.

use adaptive_practice_engine::bank_calibration::CALIBRATION_VERSION;
use adaptive_practice_engine::calibrated_model::{
    CONTEXT_COUNT, GLOBAL_FEATURE_COUNT, SKILL_FEATURE_COUNT,
};
use adaptive_practice_engine::sample_response::response_for;
use adaptive_practice_engine::{
    advance, load_bank, new_progress, submit_answer, ChoiceOptions, IndexedBank, ItemKind,
    NextItem, Progress, Response, Timestamp,
};
use serde_json::{json, Value};

#[cfg(target_arch = "wasm32")]
mod wasm;

/// 2026-01-01T00:00:00Z, when every simulated learner starts.
pub const START_MILLIS: i64 = 1_767_225_600_000;
/// Simulated time between two answers.
pub const MILLIS_PER_ANSWER: i64 = 20_000;
/// How many skills lead nowhere but to their successor: skill k needs skill k − CHAINS.
pub const CHAINS: usize = 50;

/// A synthetic bank with `items` items over `skills` skills, as JSON text the engine accepts.
///
/// Skills form `CHAINS` prerequisite chains (skill k needs skill k − 50), so 50 skills are open at
/// the start and more open as they are mastered. Item i practises skill i mod S, every fifth item
/// a second skill too; difficulties are spread over −2.5 … +2.5; single-choice and numeric items
/// alternate.
pub fn generate_bank(items: usize, skills: usize) -> String {
    let skill_list: Vec<Value> = (0..skills)
        .map(|k| {
            let prerequisites: Vec<String> = if k >= CHAINS { vec![skill_id(k - CHAINS)] } else { Vec::new() };
            json!({ "id": skill_id(k), "name": format!("Skill {k}"), "prerequisites": prerequisites })
        })
        .collect();
    let item_list: Vec<Value> = (0..items).map(|i| generate_item(i, skills)).collect();
    let bank = json!({
        "id": format!("bench-{items}-{skills}"),
        "version": "1.0.0",
        "title": format!("Benchmark bank: {items} items, {skills} skills"),
        "language": "en",
        "license": "CC0-1.0",
        "settings": { "targetSuccess": 0.75, "masteryThreshold": 0.8, "minEvidence": 4 },
        "skills": skill_list,
        "items": item_list,
    });
    serde_json::to_string_pretty(&bank).unwrap_or_default()
}

/// The learner vector's rank of a calibrated benchmark bank: the rank `fit_bank_calibration`
/// fits (crates/evaluate, "Branch model13g").
pub const BENCH_FACTOR_RANK: usize = 16;

/// `generate_bank`'s bank with a calibration block of the newest layout, as a teacher page would
/// write it after a class: every item and skill has its parameters, every item its context
/// slopes and `BENCH_FACTOR_RANK` loadings on the learner vector, so each answer and each choice
/// does all the work the calibrated model can do. The numbers are spread deterministically, not
/// fitted: what is timed does not depend on their values.
pub fn generate_calibrated_bank(items: usize, skills: usize) -> String {
    let mut bank: Value = match serde_json::from_str(&generate_bank(items, skills)) {
        Ok(bank) => bank,
        Err(_) => return String::new(),
    };
    // Never 0: a zero loading or slope would be work the model skips.
    let small = |n: usize| (((n * 7_919) % 2_000) as f64 + 0.5) / 10_000.0 - 0.1;
    let skill_blocks: serde_json::Map<String, Value> = (0..skills)
        .map(|k| {
            let weights: Vec<f64> = (0..SKILL_FEATURE_COUNT).map(|f| small(k * 31 + f)).collect();
            let block = json!({ "easiness": small(k) * 5.0, "abilityReference": small(k + 1), "weights": weights });
            (skill_id(k), block)
        })
        .collect();
    let item_blocks: serde_json::Map<String, Value> = (0..items)
        .map(|i| {
            let difficulty = ((i * 37) % 101) as f64 / 20.0 - 2.5;
            let mut numbers = vec![-difficulty, 1.0 + small(i), small(i + 3)];
            numbers.extend((0..CONTEXT_COUNT + BENCH_FACTOR_RANK).map(|n| small(i * 29 + n)));
            (format!("i{i:05}"), json!(numbers))
        })
        .collect();
    let weights: Vec<f64> = (0..GLOBAL_FEATURE_COUNT).map(small).collect();
    bank["calibration"] = json!({
        "version": CALIBRATION_VERSION,
        "fitted": { "learners": 30, "answers": 15_000 },
        "settings": { "abilityStep": 0.8, "abilityStepDecay": 0.05, "recentAbilityStep": 0.3 },
        "weights": weights,
        "skills": skill_blocks,
        "items": item_blocks,
    });
    serde_json::to_string_pretty(&bank).unwrap_or_default()
}

fn skill_id(k: usize) -> String {
    format!("s{k:04}")
}

fn generate_item(i: usize, skills: usize) -> Value {
    let skills = skills.max(1);
    let mut item_skills = vec![skill_id(i % skills)];
    let second = (i / 5 + 7) % skills;
    if i.is_multiple_of(5) && second != i % skills {
        item_skills.push(skill_id(second));
    }
    let difficulty = ((i * 37) % 101) as f64 / 20.0 - 2.5;
    let (a, b) = (i % 17 + 2, i % 13 + 3);
    let solution = format!("Add the tens, then the ones: {a} + {b} = {}.", a + b);
    if i.is_multiple_of(2) {
        json!({
            "id": format!("i{i:05}"), "skills": item_skills, "difficulty": difficulty,
            "type": "singleChoice",
            "prompt": format!("Item {i}: what is {a} + {b}?"),
            "choices": [
                { "text": format!("{}", a + b) },
                { "text": format!("{}", a * b), "feedback": "This is the product, not the sum." },
                { "text": format!("{}", a + b + 1) }
            ],
            "answer": 0,
            "solution": solution,
        })
    } else {
        json!({
            "id": format!("i{i:05}"), "skills": item_skills, "difficulty": difficulty,
            "type": "numeric",
            "prompt": format!("Item {i}: work out {a} + {b}."),
            "answer": a + b, "tolerance": 0.0001,
            "misconceptions": [ { "answer": a * b, "feedback": "This is the product, not the sum." } ],
            "solution": solution,
        })
    }
}

/// A learner practising a bank: the widget's state minus the screen.
pub struct SimulatedLearner {
    pub bank: IndexedBank,
    pub progress: Progress,
    pub now: Timestamp,
    pub next: Option<NextItem>,
    /// The right and a wrong response for each item, worked out once (not timed).
    responses: Vec<(Response, Response)>,
}

/// Loads a bank the way the widget does (`load_bank`, then `IndexedBank::new`).
pub fn index_bank(bank_json: &str) -> Result<IndexedBank, String> {
    let loaded = load_bank(bank_json);
    match loaded.bank {
        Some(bank) => Ok(IndexedBank::new(bank)),
        None => Err(loaded
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")),
    }
}

impl SimulatedLearner {
    /// A new learner on `bank`, with the first item chosen.
    pub fn new(bank: IndexedBank) -> SimulatedLearner {
        let mut progress = new_progress(&bank, 0x5EED_0001);
        let now = Timestamp(START_MILLIS);
        let next = advance(&bank, &mut progress, now, &ChoiceOptions::default());
        let responses = bank
            .items()
            .iter()
            .map(|item| {
                (
                    simulated_response(&item.kind, true),
                    simulated_response(&item.kind, false),
                )
            })
            .collect();
        SimulatedLearner {
            bank,
            progress,
            now,
            next,
            responses,
        }
    }

    /// Answers the item on screen (right or wrong, by the simulated ability) and chooses the
    /// next one: exactly what is timed per answer. Returns false when the bank has no item.
    pub fn answer_one(&mut self) -> bool {
        let Some(next) = self.next.take() else {
            return false;
        };
        let item = &self.bank.items()[next.item_position];
        let count = self.progress.model.answer_count;
        // True ability grows with practice; P(right) = sigmoid(ability − difficulty).
        let ability = -0.5 + f64::from(count) * 0.004;
        let p = 1.0 / (1.0 + (item.prior_difficulty() - ability).exp());
        let correct = unit_hash(u64::from(count)) < p;
        let (right, wrong) = &self.responses[next.item_position];
        let response = if correct { right } else { wrong };
        let _ = submit_answer(
            &self.bank,
            &mut self.progress,
            item,
            0,
            response,
            0,
            self.now,
        );
        self.now = Timestamp(self.now.0 + MILLIS_PER_ANSWER);
        self.next = advance(
            &self.bank,
            &mut self.progress,
            self.now,
            &ChoiceOptions::default(),
        );
        true
    }
}

fn simulated_response(kind: &ItemKind, correct: bool) -> Response {
    response_for(kind, correct).unwrap_or(Response::Choice(0))
}

/// A hash of `n` mapped to [0, 1): the simulated learner's coin.
fn unit_hash(n: u64) -> f64 {
    let mut x = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^= x >> 31;
    (x >> 11) as f64 / (1u64 << 53) as f64
}

/// The median of `values` (0 when empty); sorts them.
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calibrated_bank_loads_with_every_item_calibrated_at_full_rank() {
        let bank = index_bank(&generate_calibrated_bank(200, 50)).expect("the bank loads");
        assert!(bank.has_calibration_block());
        let parameters = &bank.calibration().parameters;
        assert_eq!(parameters.factor_rank, BENCH_FACTOR_RANK);
        assert_eq!(parameters.item_loadings.len(), 200 * BENCH_FACTOR_RANK);
        assert!(parameters
            .item_loadings
            .iter()
            .all(|loading| *loading != 0.0));
        assert!(parameters
            .item_context_slopes
            .iter()
            .all(|slopes| slopes.iter().any(|s| *s != 0.0)));
        let mut learner = SimulatedLearner::new(bank);
        assert!((0..300).all(|_| learner.answer_one()));
    }
}
