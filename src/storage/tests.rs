//! Every limit the widget and the teacher page enforce is stated in README's "Limits" (and the
//! size limits in SECURITY.md) with the figure the code uses.

use adaptive_practice_engine::markup::MAX_TEXT_CHARS;
use adaptive_practice_engine::progress::plausibility::{FREE_ANSWERS, LEAST_SECONDS_PER_ANSWER};
use adaptive_practice_engine::progress::{
    ANSWER_LOG_LIMIT, PROGRESS_FILE_LIMIT_BYTES, SESSION_LIMIT,
};
use adaptive_practice_engine::text_rules::MAX_ANSWER_LENGTH;

use crate::bank_source::MAX_BANK_BYTES;

const MEGABYTE: usize = 1024 * 1024;

/// `1000` as README writes it: `1,000`.
fn grouped(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (place, digit) in digits.chars().enumerate() {
        if place > 0 && (digits.len() - place).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The table row of `document` that starts with `| what |`.
fn row<'a>(document: &'a str, what: &str) -> &'a str {
    let start = format!("| {what} |");
    document
        .lines()
        .find(|line| line.starts_with(&start))
        .unwrap_or_else(|| panic!("no row {start}"))
}

#[test]
fn readme_and_security_state_every_limit_with_the_code_s_figure() {
    let readme = include_str!("../../README.md");
    let limits = readme
        .split("\n## Limits\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("README has a Limits section");
    let teacher_page = include_str!("../../www/teacher.js");
    let largest_report: usize = teacher_page
        .lines()
        .find_map(|line| line.strip_prefix("const LARGEST_REPORT_BYTES = "))
        .and_then(|value| value.trim_end_matches(';').replace('_', "").parse().ok())
        .expect("teacher.js names its largest report");
    assert_eq!(LEAST_SECONDS_PER_ANSWER, 1.0, "README says one per second");
    let expected = [
        (
            "a bank file",
            format!("| {} MB |", MAX_BANK_BYTES / MEGABYTE),
        ),
        (
            "one text of a bank",
            format!("| {} characters", grouped(MAX_TEXT_CHARS)),
        ),
        (
            "a typed answer",
            format!("| {MAX_ANSWER_LENGTH} characters |"),
        ),
        (
            "a progress file the learner loads",
            format!("| {} MB |", PROGRESS_FILE_LIMIT_BYTES / MEGABYTE),
        ),
        (
            "a progress file's plausibility",
            format!("| at most {FREE_ANSWERS} answers plus one per second of time on task"),
        ),
        (
            "a report on the teacher page",
            format!("| {} MB,", largest_report / 1_000_000),
        ),
        (
            "answers a tab keeps to merge with another tab",
            format!("| the last {} of its session", grouped(ANSWER_LOG_LIMIT)),
        ),
        (
            "practice sessions counted in progress",
            format!("| {SESSION_LIMIT} |"),
        ),
    ];
    for (what, figure) in expected {
        let line = row(limits, what);
        assert!(line.contains(&figure), "{figure:?} in {line:?}");
    }
    let security = include_str!("../../SECURITY.md");
    let bank = row(security, "a bank file");
    assert!(
        bank.contains(&format!("| {} MB", MAX_BANK_BYTES / MEGABYTE)),
        "{bank}"
    );
    let progress = row(security, "a progress file the learner loads");
    assert!(
        progress.contains(&format!("| {} MB", PROGRESS_FILE_LIMIT_BYTES / MEGABYTE)),
        "{progress}"
    );
}

/// `aside_keys_newest_first` on `keys` gives `expected`.
fn check_aside(keys: &[&str], expected: &[&str]) {
    let keys = keys.iter().map(|key| key.to_string()).collect();
    assert_eq!(
        super::aside_keys_newest_first(keys, "p/k/unreadable-"),
        expected
    );
}

#[test]
fn copies_moved_aside_come_newest_first() {
    check_aside(
        &[
            "p/k/unreadable-20",
            "p/k",
            "p/k/unreadable-300",
            "p/other/unreadable-400",
            "p/k/unreadable-x",
            "p/k/unreadable-",
            "p/k/unreadable--5",
            "p/k/unreadable-100",
        ],
        &[
            "p/k/unreadable-300",
            "p/k/unreadable-100",
            "p/k/unreadable-20",
            "p/k/unreadable--5",
        ],
    );
}

#[test]
fn copies_moved_aside_at_one_time_keep_the_order_given() {
    check_aside(
        &[
            "p/k/unreadable-07",
            "p/k/unreadable-8",
            "p/k/unreadable-7",
            "p/k/unreadable-+7",
            "p/k/unreadable-1",
            "p/k/unreadable-007",
        ],
        &[
            "p/k/unreadable-8",
            "p/k/unreadable-07",
            "p/k/unreadable-7",
            "p/k/unreadable-+7",
            "p/k/unreadable-007",
            "p/k/unreadable-1",
        ],
    );
    check_aside(&[], &[]);
}
