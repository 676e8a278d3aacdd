//! The native half of `make bench`: per-answer time (model update + next item choice) for banks
//! of 100, 1,000 and 10,000 items with 500 skills, bank loading, and saved progress after 100,
//! 1,000 and 10,000 answers (bytes, of which the answer log, save and load time), and a
//! learner's report after 500 answers (bytes, of which the answers); per answer also on the
//! 10,000-item bank with a calibration block (`generate_calibrated_bank`), where the calibrated
//! model and its learner vector run. Prints one JSON object;
//! `bench/run.mjs` puts it in the table. Timed with `std::time::Instant`; figures are printed, never asserted.

use std::time::Instant;

use adaptive_practice_bench::{
    generate_bank, generate_calibrated_bank, index_bank, median, SimulatedLearner,
};
use adaptive_practice_engine::progress::SavedAnswerLogV1;
use adaptive_practice_engine::report::{learner_report, report_text};
use adaptive_practice_engine::{load_progress, save_progress};
use serde_json::json;

const SKILLS: usize = 500;
const BANK_SIZES: [usize; 3] = [100, 1_000, 10_000];
/// The size of the bank timed with a calibration block (`generate_calibrated_bank`).
const CALIBRATED_ITEMS: usize = 10_000;
const ANSWERS_TIMED: u32 = 1_000;
const RUNS: usize = 3;
const STORAGE_ANSWERS: [u32; 3] = [100, 1_000, 10_000];
const STORAGE_BANK_ITEMS: usize = 1_000;
const REPORT_ANSWERS: u32 = 500;

fn main() {
    let mut per_answer = Vec::new();
    let mut bank_load = Vec::new();
    for items in BANK_SIZES {
        let text = generate_bank(items, SKILLS);
        let mut load_ms = Vec::new();
        let mut answer_ms = Vec::new();
        for _ in 0..RUNS {
            let start = Instant::now();
            let bank = match index_bank(&text) {
                Ok(bank) => bank,
                Err(problems) => fail(&problems),
            };
            load_ms.push(elapsed_ms(start));
            let mut learner = SimulatedLearner::new(bank);
            let start = Instant::now();
            for _ in 0..ANSWERS_TIMED {
                learner.answer_one();
            }
            answer_ms.push(elapsed_ms(start) / f64::from(ANSWERS_TIMED));
        }
        per_answer.push(json!({ "items": items, "skills": SKILLS, "answers": ANSWERS_TIMED, "msPerAnswer": median(&mut answer_ms) }));
        bank_load.push(json!({ "items": items, "skills": SKILLS, "bytes": text.len(), "ms": median(&mut load_ms) }));
    }

    let calibrated = {
        let items = CALIBRATED_ITEMS;
        let text = generate_calibrated_bank(items, SKILLS);
        let mut answer_ms = Vec::new();
        for _ in 0..RUNS {
            let bank = index_bank(&text).unwrap_or_else(|problems| fail(&problems));
            let mut learner = SimulatedLearner::new(bank);
            let start = Instant::now();
            for _ in 0..ANSWERS_TIMED {
                learner.answer_one();
            }
            answer_ms.push(elapsed_ms(start) / f64::from(ANSWERS_TIMED));
        }
        json!({ "items": items, "skills": SKILLS, "answers": ANSWERS_TIMED, "msPerAnswer": median(&mut answer_ms) })
    };

    let text = generate_bank(STORAGE_BANK_ITEMS, SKILLS);
    let bank = index_bank(&text).unwrap_or_else(|problems| fail(&problems));
    let mut learner = SimulatedLearner::new(bank);
    let mut storage = Vec::new();
    let mut answered = 0;
    let mut report = json!(null);
    for target in STORAGE_ANSWERS {
        while answered < target {
            learner.answer_one();
            answered += 1;
            if answered == REPORT_ANSWERS {
                report = report_size(&learner);
            }
        }
        let mut save_ms = Vec::new();
        let mut load_ms = Vec::new();
        let mut saved = String::new();
        for _ in 0..20 {
            let start = Instant::now();
            saved = save_progress(&learner.progress);
            save_ms.push(elapsed_ms(start));
            let start = Instant::now();
            if load_progress(&saved, learner.bank.id()).is_err() {
                fail("saved progress did not load");
            }
            load_ms.push(elapsed_ms(start));
        }
        storage.push(json!({
            "answers": target, "bankItems": STORAGE_BANK_ITEMS, "bytes": saved.len(),
            "answerLogBytes": answer_log_bytes(&learner),
            "saveMs": median(&mut save_ms), "loadMs": median(&mut load_ms),
        }));
    }
    let report = json!({ "perAnswer": per_answer, "perAnswerCalibrated": calibrated, "bankLoad": bank_load, "storage": storage, "report": report });
    println!(
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
}

/// The bytes of the saved answer log's JSON (the `answerLog` field's value).
fn answer_log_bytes(learner: &SimulatedLearner) -> usize {
    let saved = SavedAnswerLogV1::from(&learner.progress.answer_log);
    serde_json::to_string(&saved).map_or(0, |text| text.len())
}

/// A report of the learner's progress so far: its bytes, and those of its answers.
fn report_size(learner: &SimulatedLearner) -> serde_json::Value {
    let mut report = learner_report(&learner.bank, &learner.progress, "Ada", learner.now);
    let with_answers = report_text(&report).len();
    report.answers = None;
    let without = report_text(&report).len();
    json!({ "answers": learner.progress.answer_log.len(), "bytes": with_answers, "answersBytes": with_answers - without })
}

fn elapsed_ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn fail(message: &str) -> ! {
    eprintln!("bench-native: {message}");
    std::process::exit(1);
}
