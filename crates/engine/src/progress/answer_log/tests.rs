//! The answer log: its text of numbers, its saved form, its time order and its limit.

use super::{
    decode_answers, encode_answers, AnswerEntry, AnswerLog, AnswerVerdict, SavedAnswerLogV1,
    ANSWER_HISTORY_LIMIT,
};
use AnswerVerdict::{Partial, Right, Wrong};

fn entry(
    item_id: &str,
    part: Option<u32>,
    verdict: AnswerVerdict,
    hints: u32,
    at: i64,
) -> AnswerEntry<'_> {
    AnswerEntry {
        item_id,
        part,
        verdict,
        hints_used: hints,
        at_seconds: at,
    }
}

/// The answers `log` lists, one line each: `item part verdict hints time`.
fn listed(log: &AnswerLog) -> Vec<String> {
    log.iter()
        .map(|a| {
            let part = a.part.map_or("-".to_string(), |p| p.to_string());
            format!(
                "{} {part} {:?} {} {}",
                a.item_id, a.verdict, a.hints_used, a.at_seconds
            )
        })
        .collect()
}

fn log_of(entries: &[AnswerEntry<'_>]) -> AnswerLog {
    let mut log = AnswerLog::default();
    for &answer in entries {
        log.record(answer);
    }
    log
}

fn check_numbers(numbers: &[u64], expected_text: &str) {
    let text = encode_answers(numbers);
    assert_eq!(text, expected_text);
    assert_eq!(decode_answers(&text), Ok(numbers.to_vec()));
}

#[test]
fn numbers_are_groups_of_five_bits_lowest_first() {
    check_numbers(&[], "");
    check_numbers(&[0, 1, 31], "ABf");
    check_numbers(&[32], "gB");
    check_numbers(&[1000], "of");
    check_numbers(&[60, 7], "8BH");
    check_numbers(&[u64::from(u32::MAX), 1 << 40], "______DggggggggB");
}

#[test]
fn text_that_is_not_numbers_says_why() {
    assert_eq!(
        decode_answers("AAg"),
        Err("the answer log is cut short".to_string())
    );
    assert_eq!(
        decode_answers("AA=B"),
        Err("the answer log has a character it does not use".to_string())
    );
    assert_eq!(
        decode_answers(&"g".repeat(14)),
        Err("a count beyond range in the answer log".to_string())
    );
}

fn check_saved(entries: &[AnswerEntry<'_>], expected: SavedAnswerLogV1) {
    let log = log_of(entries);
    let saved = SavedAnswerLogV1::from(&log);
    assert_eq!(saved, expected);
    assert_eq!(saved.to_log().map(|back| listed(&back)), Ok(listed(&log)));
}

#[test]
fn the_saved_form_numbers_items_by_first_mention_and_times_by_difference() {
    check_saved(
        &[],
        SavedAnswerLogV1 {
            version: 1,
            items: vec![],
            start: 0,
            answers: String::new(),
        },
    );
    check_saved(
        &[
            entry("b", None, Right, 0, 1_000),
            entry("a", Some(1), Wrong, 2, 1_060),
            entry("b", None, Partial, 1, 1_090),
        ],
        SavedAnswerLogV1 {
            version: 1,
            items: vec!["b".into(), "a".into()],
            start: 1_000,
            // b whole, right, at +0; a step 1, wrong + 3×2 hints, +60; b, partial + 3×1, +30.
            answers: "AABABCG8BAAFe".into(),
        },
    );
}

#[test]
fn answers_are_kept_in_time_order_and_the_oldest_go_beyond_the_limit() {
    let log = log_of(&[
        entry("a", None, Right, 0, 100),
        entry("b", None, Wrong, 0, 300),
        entry("c", None, Right, 1, 200),
        entry("d", None, Right, 0, 300),
    ]);
    assert_eq!(
        listed(&log),
        [
            "a - Right 0 100",
            "c - Right 1 200",
            "b - Wrong 0 300",
            "d - Right 0 300"
        ]
    );
    let ids: Vec<String> = (0..ANSWER_HISTORY_LIMIT + 3)
        .map(|n| format!("i{}", n % 7))
        .collect();
    let mut long = AnswerLog::default();
    for (n, id) in ids.iter().enumerate() {
        long.record(entry(id, None, Right, 0, n as i64));
    }
    assert_eq!(long.len(), ANSWER_HISTORY_LIMIT);
    assert_eq!(
        long.iter().next().map(|a| (a.item_id, a.at_seconds)),
        Some(("i3", 3))
    );
    let saved = SavedAnswerLogV1::from(&long);
    assert_eq!(saved.to_log().as_ref(), Ok(&long));
    assert_eq!(saved.items.first().map(String::as_str), Some("i3"));
    // Further on, past the answers the log holds beyond the limit before it drops them: still
    // the last answers; one older than every answer kept goes at once, one at the same second as
    // the oldest kept goes after it (and the oldest goes).
    let extra = ANSWER_HISTORY_LIMIT / 8;
    for n in 0..extra {
        let at = (ANSWER_HISTORY_LIMIT + 3 + n) as i64;
        long.record(entry("late", Some(1), Wrong, 1, at));
    }
    let first = |log: &AnswerLog| {
        log.iter()
            .next()
            .map(|a| (a.item_id.to_string(), a.at_seconds))
    };
    let oldest = (format!("i{}", (3 + extra) % 7), (3 + extra) as i64);
    assert_eq!(long.len(), ANSWER_HISTORY_LIMIT);
    assert_eq!(first(&long), Some(oldest.clone()));
    long.record(entry("old", None, Right, 0, 0));
    assert_eq!(long.len(), ANSWER_HISTORY_LIMIT);
    assert_eq!(first(&long), Some(oldest.clone()));
    long.record(entry("tie", None, Right, 0, oldest.1));
    assert_eq!(long.len(), ANSWER_HISTORY_LIMIT);
    assert_eq!(first(&long), Some(("tie".to_string(), oldest.1)));
    let saved = SavedAnswerLogV1::from(&long);
    assert_eq!(saved.to_log().as_ref(), Ok(&long));
}

#[test]
fn a_saved_log_that_cannot_be_read_says_why() {
    let saved = |items: &[&str], answers: &str| SavedAnswerLogV1 {
        version: 1,
        items: items.iter().map(|id| id.to_string()).collect(),
        start: 10,
        answers: answers.into(),
    };
    let why = |log: SavedAnswerLogV1| log.to_log().err().unwrap_or_default();
    assert_eq!(why(saved(&["a"], "AABAB")), "the answer log is cut short");
    assert_eq!(
        why(saved(&["a"], "BABA")),
        "an answer names an item the log does not list"
    );
    assert_eq!(
        why(saved(&["a", "a"], "AABA")),
        "the answer log names item \"a\" twice"
    );
    assert_eq!(why(saved(&["a"], "AABA")), "");
}
