//! The browser half of the benchmark: the same answer loop as the native harness, timed inside
//! wasm with `performance.now()`. Built only for wasm32 (bench/build-wasm.sh), never shipped.

use wasm_bindgen::prelude::*;

use crate::{index_bank, SimulatedLearner};

/// `performance.now()` of the page (milliseconds), or `Date.now()` where there is none.
fn performance_now() -> f64 {
    let performance =
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance")).ok();
    let now = performance
        .as_ref()
        .and_then(|p| js_sys::Reflect::get(p, &JsValue::from_str("now")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (performance, now) {
        (Some(p), Some(now)) => now
            .call0(&p)
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or_else(js_sys::Date::now),
        _ => js_sys::Date::now(),
    }
}

/// Loads `bank_json`, lets the simulated learner give `answers` answers (model update + next
/// item choice each) and returns the mean time per answer in milliseconds. Loading the bank and
/// choosing the first item are not timed.
#[wasm_bindgen(js_name = benchAnswers)]
pub fn bench_answers(bank_json: &str, answers: u32) -> Result<f64, JsError> {
    let bank = index_bank(bank_json).map_err(|problems| JsError::new(&problems))?;
    let mut learner = SimulatedLearner::new(bank);
    let start = performance_now();
    for _ in 0..answers {
        if !learner.answer_one() {
            return Err(JsError::new("the bank ran out of items"));
        }
    }
    Ok((performance_now() - start) / f64::from(answers.max(1)))
}

/// Loads `bank_json` the way the widget does (`load_bank`, `IndexedBank::new`) and returns the
/// time it took in milliseconds.
#[wasm_bindgen(js_name = benchLoadBank)]
pub fn bench_load_bank(bank_json: &str) -> Result<f64, JsError> {
    let start = performance_now();
    let bank = index_bank(bank_json).map_err(|problems| JsError::new(&problems))?;
    let elapsed = performance_now() - start;
    drop(bank);
    Ok(elapsed)
}

/// Gives answers up to each of `checkpoints` (ascending), and at each times `save_progress` and
/// `load_progress` of the progress so far: returns `[saved bytes, save ms, load ms]` per checkpoint,
/// one after the other (means over `repeats` runs).
#[wasm_bindgen(js_name = benchStorage)]
pub fn bench_storage(
    bank_json: &str,
    checkpoints: Vec<u32>,
    repeats: u32,
) -> Result<Vec<f64>, JsError> {
    let bank = index_bank(bank_json).map_err(|problems| JsError::new(&problems))?;
    let mut learner = SimulatedLearner::new(bank);
    let mut answered = 0;
    let mut figures = Vec::new();
    for checkpoint in checkpoints {
        while answered < checkpoint {
            learner.answer_one();
            answered += 1;
        }
        // performance.now() is coarse (0.1 ms) in browsers: time `repeats` runs together.
        let repeats = repeats.max(1);
        let mut text = String::new();
        let start = performance_now();
        for _ in 0..repeats {
            text = adaptive_practice_engine::save_progress(&learner.progress);
        }
        let save_ms = (performance_now() - start) / f64::from(repeats);
        let start = performance_now();
        for _ in 0..repeats {
            if adaptive_practice_engine::load_progress(&text, &learner.bank.id()).is_err() {
                return Err(JsError::new("saved progress did not load"));
            }
        }
        let load_ms = (performance_now() - start) / f64::from(repeats);
        figures.extend([text.len() as f64, save_ms, load_ms]);
    }
    Ok(figures)
}
