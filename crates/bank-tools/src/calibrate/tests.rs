//! Reading an answer log and calibrating a bank from it.

use super::{calibrate, read_answer_log, with_calibration_block};
use crate::import::{bank_json, calibration_json};
use adaptive_practice_engine::load_bank;

const BANK: &str = r#"{ "id": "b", "version": "1", "title": "B", "settings": { "minEvidence": 1 },
  "skills": [ { "id": "s", "name": "S" }, { "id": "t", "name": "T" } ],
  "items": [
    { "id": "easy", "skills": ["s"], "type": "numeric", "prompt": "1?", "answer": 1 },
    { "id": "hard", "skills": ["s"], "type": "numeric", "prompt": "2?", "answer": 2 },
    { "id": "other", "skills": ["t"], "type": "numeric", "prompt": "3?", "answer": 3 }
  ] }"#;

/// Four learners; `easy` is right 7 times of 8, `hard` 1 of 8; one row of an item not in the bank.
const LOG: &str = "user_id\titem_id\ttimestamp\tcorrect\tskill_id
ana\teasy\t0\t1\ts
ana\thard\t0\t0\ts
ana\teasy\t0\t1\ts
ana\thard\t0\t0\ts
ben\teasy\t100\t1\ts
ben\thard\t160\t1\ts
ben\teasy\t220\t1\ts
ben\thard\t300\t0\ts
ben\tgone\t400\t1\ts
cleo\thard\t0\t0\ts
cleo\teasy\t0\t0\ts
cleo\thard\t0\t0\ts
cleo\teasy\t0\t1\ts
dan\teasy\t0\t1\ts
dan\thard\t0\t0\ts
dan\teasy\t0\t1\ts
dan\thard\t0\t0\ts
";

#[test]
fn a_log_calibrates_the_bank_and_the_block_reads_back() {
    let calibrated = calibrate(BANK, LOG).expect("calibrates");
    let summary = calibrated.summary();
    let lines: Vec<&str> = summary.lines().collect();
    assert_eq!(
        lines[0],
        "used 16 answer(s) of 4 learner(s) on 2 item(s); skipped 1 answer(s) of items not in the bank"
    );
    assert!(
        lines[1].starts_with("calibration block written: fitted without them, it predicts"),
        "{summary}"
    );
    assert!(calibrated.block_written);
    let block = calibrated.bank.calibration.as_ref().expect("a block");
    let keys: Vec<&String> = block.items.keys().collect();
    assert_eq!(keys, ["easy", "hard"]);
    assert!(
        block.items["easy"].ability_reference > block.items["hard"].ability_reference,
        "{:?}",
        block.items
    );
    assert_eq!((block.fitted.learners, block.fitted.answers), (4, 16));
    let text = bank_json(&calibrated.bank).expect("writes");
    assert!(
        text.contains("\n    \"items\": {\n      \"easy\": ["),
        "{text}"
    );
    let read = load_bank(&text);
    assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
    assert_eq!(read.bank.as_ref(), Some(&calibrated.bank));
}

/// A bank with a two-step item: its steps are answered (and calibrated) one by one.
const STEPS_BANK: &str = r#"{ "id": "m", "version": "1", "title": "M",
  "settings": { "minEvidence": 1 },
  "skills": [ { "id": "s", "name": "S" } ],
  "items": [
    { "id": "q#1", "skills": ["s"], "type": "numeric", "prompt": "1?", "answer": 1 },
    { "id": "two", "skills": ["s"], "type": "multiStep", "prompt": "Two steps.", "steps": [
      { "id": "a", "prompt": "a?", "type": "numeric", "answer": 1 },
      { "id": "b", "prompt": "b?", "type": "numeric", "answer": 2 } ] }
  ] }"#;

#[test]
fn steps_come_in_as_item_hash_step_and_a_byte_order_mark_is_skipped() {
    let log = "\u{feff}user_id\titem_id\ttimestamp\tcorrect\tskill_id
ana\ttwo#0\t0\t1\ts
ana\ttwo#1\t0\t0\ts
ana\tq#1\t0\t1\ts
ben\ttwo#0\t0\t1\ts
ben\ttwo#1\t0\t1\ts
";
    let answers = read_answer_log(log).expect("reads");
    let parts: Vec<(&str, Option<usize>)> = answers
        .iter()
        .map(|a| (a.item_id.as_str(), a.part))
        .collect();
    assert_eq!(
        parts,
        [
            ("two", Some(0)),
            ("two", Some(1)),
            ("q", Some(1)),
            ("two", Some(0)),
            ("two", Some(1))
        ]
    );
    let bank = load_bank(STEPS_BANK);
    assert!(bank.bank.is_some(), "{:?}", bank.diagnostics);
    // Two learners are too few to gain on the bank without a block: it is left unchanged.
    let unchanged = calibrate(STEPS_BANK, log).expect("calibrates");
    // `q#1` is an item of the bank: the whole item, not step 1 of `q`.
    assert_eq!(unchanged.used_answers, 5, "{}", unchanged.summary());
    assert_eq!(unchanged.bank.calibration, None);
    assert!(
        unchanged.summary().contains(
            "no calibration block written: the class's 5 answers are too few to improve on the bank without a block"
        ),
        "{}",
        unchanged.summary()
    );
    // Twelve learners, step 0 always right, step 1 always wrong: a block, keyed by step.
    let mut many = String::from("user_id\titem_id\ttimestamp\tcorrect\tskill_id\n");
    for learner in 0..12 {
        let right = u8::from(learner % 4 != 0);
        many += &format!("l{learner}\ttwo#0\t0\t1\ts\nl{learner}\ttwo#1\t0\t0\ts\nl{learner}\tq#1\t0\t{right}\ts\n");
        many += &format!("l{learner}\ttwo#0\t0\t1\ts\nl{learner}\ttwo#1\t0\t0\ts\n");
    }
    let calibrated = calibrate(STEPS_BANK, &many).expect("calibrates");
    let summary = calibrated.summary();
    let block = calibrated.bank.calibration.expect(&summary);
    let keys: Vec<&String> = block.items.keys().collect();
    assert_eq!(keys, ["q#1", "two#0", "two#1"]);
}

#[test]
fn bad_logs_are_refused_with_their_line() {
    let check = |log: &str, expected: &str| {
        assert_eq!(calibrate(BANK, log).unwrap_err(), expected, "{log}");
    };
    check("", "the answer log is empty (expected a header line)");
    check(
        "user\titem\n",
        "line 1: the header needs the tab-separated columns user_id, item_id, correct (and timestamp, skill_id); found \"user\\titem\"",
    );
    check(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\nana\teasy\t0\t1\ts\nana\teasy\t0\tyes\ts\n",
        "line 3: correct must be 0 or 1, found \"yes\"",
    );
    check(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n\nana\teasy\t0\t1\n",
        "line 3: expected 5 tab-separated fields like the header, found 4",
    );
    check(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\nana\teasy\tnoon\t1\ts\n",
        "line 2: timestamp must be a number of seconds, found \"noon\"",
    );
    check(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n",
        "the answer log has a header but no answers",
    );
    check(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\nana\tgone\t0\t1\ts\n",
        "none of the 1 answer(s) is on an item of the bank (item_id must be an item's id)",
    );
    assert!(calibrate("{}", LOG)
        .unwrap_err()
        .starts_with("the bank has errors:\n"));
    assert_eq!(
        read_answer_log("user_id\titem_id\tcorrect\nana\teasy\t1\n").map(|a| a.len()),
        Ok(1)
    );
}

#[test]
fn the_written_bank_is_the_authors_text_with_only_the_block_set() {
    let calibrated = calibrate(BANK, LOG).expect("calibrates");
    let block =
        calibration_json(calibrated.bank.calibration.as_ref().expect("a block")).expect("writes");
    let written = with_calibration_block(BANK, &block).expect("an object");
    // The author's text is kept as written (no defaults added, no `7` turned into `7.0`) ...
    let authors = BANK.trim_end().trim_end_matches('}').trim_end();
    assert_eq!(
        written,
        format!("{authors},\n  \"calibration\": {block}\n}}")
    );
    assert!(!written.contains("shuffle"), "{written}");
    // ... and reads back as the calibrated bank.
    let loaded = load_bank(&written).bank.expect("the written bank loads");
    assert_eq!(loaded.calibration, calibrated.bank.calibration);
    assert_eq!(loaded.items, calibrated.bank.items);
    // Calibrating again replaces the block (the last one, in place) instead of adding another.
    let again = with_calibration_block(&written, "{\"version\": 1}").expect("an object");
    assert_eq!(again.matches("\"calibration\"").count(), 1, "{again}");
    assert!(
        again.contains("\"calibration\": {\"version\": 1}\n}"),
        "{again}"
    );
    // Keys and strings with braces, commas and escaped quotes are skipped whole.
    let tricky = r#"{ "a": "x,}\"{", "b": [1, {"c": "]"}], "calibration": null, "d": 7 }"#;
    assert_eq!(
        with_calibration_block(tricky, "{}").as_deref(),
        Some(r#"{ "a": "x,}\"{", "b": [1, {"c": "]"}], "calibration": {}, "d": 7 }"#)
    );
    assert_eq!(with_calibration_block("[1]", "{}"), None);
    assert_eq!(
        with_calibration_block("{}", "{}").as_deref(),
        Some("{\n  \"calibration\": {}\n}")
    );
}
