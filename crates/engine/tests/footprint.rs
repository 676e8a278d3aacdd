//! Long use: a 100,000-answer simulated session on a 1,000-item, 50-skill bank keeps the saved
//! progress under `FOOTPRINT_LIMIT_BYTES` (the model is per skill and per item, so it is bounded
//! by the bank, not the history; the session counts are bounded by `SESSION_LIMIT`, the saved
//! answer log by `ANSWER_HISTORY_LIMIT` answers and the session's replay log, in memory only, by
//! `ANSWER_LOG_LIMIT`). The time per answer (model update, log,
//! next choice) for the first and the last 1,000 answers is printed, not asserted.

use std::time::Instant;

use adaptive_practice_engine::progress::{
    load_progress, save_progress, SessionLog, ANSWER_HISTORY_LIMIT, ANSWER_LOG_LIMIT,
};
use adaptive_practice_engine::session::submit_session_answer;
use adaptive_practice_engine::{
    advance, load_bank, new_progress, present, ChoiceOptions, IndexedBank, Response, Timestamp,
};
use serde_json::json;

/// The documented bound: 160 KB for a 1,000-item, 50-skill bank (about 125 bytes per item
/// record and 200 per skill record, whatever the number of answers), and 140 KB for the answer
/// log (`ANSWER_HISTORY_LIMIT` answers of about 6 characters, and its table of item ids).
const FOOTPRINT_LIMIT_BYTES: usize = 300 * 1024;
const ITEMS: usize = 1000;
const SKILLS: usize = 50;
const ANSWERS: usize = 100_000;

fn bank() -> IndexedBank {
    let skills: Vec<_> = (0..SKILLS)
        .map(|k| json!({ "id": format!("skill-{k:02}"), "name": format!("Skill {k}") }))
        .collect();
    let items: Vec<_> = (0..ITEMS)
        .map(|i| {
            json!({ "id": format!("item-{i:04}"), "skills": [format!("skill-{:02}", i % SKILLS)],
                    "difficulty": ((i * 37) % 101) as f64 / 20.0 - 2.5,
                    "type": "numeric", "prompt": format!("{i} + 1"), "answer": i + 1 })
        })
        .collect();
    let text = json!({ "id": "long-use", "version": "1", "title": "Long use", "skills": skills, "items": items }).to_string();
    let loaded = load_bank(&text);
    IndexedBank::new(loaded.bank.expect("the generated bank loads"))
}

#[test]
fn a_hundred_thousand_answers_keep_the_saved_progress_bounded() {
    let bank = bank();
    let mut progress = new_progress(&bank, 7);
    let mut log = SessionLog::new("long-session".into());
    let mut now = Timestamp(1_767_225_600_000);
    let mut largest = 0;
    let mut per_answer = Vec::with_capacity(ANSWERS);
    for n in 0..ANSWERS {
        let started = Instant::now();
        let next = advance(&bank, &mut progress, now, &ChoiceOptions::default())
            .expect("a non-empty bank always has an item");
        let item = present(&bank, &next).expect("numeric items present");
        let right = (n * 7919) % 10 < 7;
        let answer = if right {
            (next.item_position + 1).to_string()
        } else {
            "0".into()
        };
        submit_session_answer(
            &bank,
            &mut progress,
            &mut log,
            &item,
            0,
            &Response::Text(answer),
            0,
            20.0,
            now,
        )
        .expect("readable");
        per_answer.push(started.elapsed().as_secs_f64());
        now = Timestamp(now.0 + 20_000);
        if n % 10_000 == 9_999 {
            largest = largest.max(save_progress(&progress).len());
        }
    }
    let saved = save_progress(&progress);
    largest = largest.max(saved.len());
    let micros = |slice: &[f64]| slice.iter().sum::<f64>() / slice.len() as f64 * 1e6;
    println!(
        "footprint: {} bytes saved after {ANSWERS} answers (largest {largest}, limit {FOOTPRINT_LIMIT_BYTES}); {} items and {} skills recorded; answer log {} entries in memory",
        saved.len(),
        progress.model.items.len(),
        progress.model.skills.len(),
        log.recent.len()
    );
    println!(
        "time per answer: first 1,000 {:.1} µs, last 1,000 {:.1} µs",
        micros(&per_answer[..1000]),
        micros(&per_answer[ANSWERS - 1000..])
    );
    assert!(
        largest < FOOTPRINT_LIMIT_BYTES,
        "saved progress grew to {largest} bytes"
    );
    assert_eq!(log.recent.len(), ANSWER_LOG_LIMIT);
    assert_eq!(progress.answer_log.len(), ANSWER_HISTORY_LIMIT);
    assert_eq!(progress.model.answer_count as usize, ANSWERS);
    assert_eq!(
        load_progress(&saved, "long-use").map(|p| p.model.answer_count as usize),
        Ok(ANSWERS)
    );
    assert_eq!(
        load_progress(&saved, "long-use").map(|p| p.answer_log),
        Ok(progress.answer_log)
    );
}
