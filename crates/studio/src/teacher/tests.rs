//! The teacher page applies the engine's rules to report files: its copy must agree.

use adaptive_practice_engine::SkillState;

#[test]
fn the_teacher_page_counts_as_mastered_what_the_engine_does() {
    let page = include_str!("../../../../www/teacher.js");
    let line = page
        .lines()
        .find(|line| line.starts_with("const countsAsMastered"))
        .unwrap_or_default();
    let states = [
        SkillState::NotStarted,
        SkillState::Learning,
        SkillState::Mastered,
        SkillState::DueForReview,
    ];
    for state in states {
        let name = serde_json::to_value(state).unwrap_or_default();
        let quoted = format!("'{}'", name.as_str().unwrap_or_default());
        assert_eq!(
            line.contains(&quoted),
            state.counts_as_mastered(),
            "{quoted} in {line:?}"
        );
    }
}

use super::{files, read_one, Columns, STATES};
use adaptive_practice_engine::Timestamp;

const REPORT: &str = r#"{"format":"adaptive-practice-report","version":1,"bankId":"tiny",
  "bankVersion":"1","learner":"Ada","createdAt":1700000000000,"answerCount":3,"correctCount":1,
  "timeOnTaskSeconds":40,"skills":[{"id":"count","name":"Counting","state":"learning",
  "mastery":0.6123,"certainty":0.2,"attempts":3,"correct":1},{"id":"add","name":"Adding",
  "state":"notStarted","mastery":0.5,"certainty":0,"attempts":0,"correct":0}],
  "items":[{"id":"c1","attempts":2,"correct":1},{"id":"count","attempts":1,"correct":0}]}"#;

const NOW: Timestamp = Timestamp(1_700_000_100_000);

#[test]
fn a_class_read_in_one_call_has_each_id_once_and_every_figure_in_place() {
    let mut columns = Columns::default();
    let first = read_one(REPORT.as_bytes(), NOW, &mut columns);
    let with_mark = format!("\u{FEFF}{}", REPORT.replace("Ada", "Bea"));
    let second = read_one(with_mark.as_bytes(), NOW, &mut columns);
    let damaged = read_one(&REPORT.as_bytes()[..40], NOW, &mut columns);
    assert_eq!(
        first.report.map(|r| (r.learner, r.skills, r.items)),
        Some(("Ada".into(), 2, 2))
    );
    assert_eq!(
        second.report.map(|r| r.learner),
        Some("Bea".into()),
        "a byte order mark is skipped"
    );
    assert!(first.implausible.is_empty() && second.implausible.is_empty());
    assert_eq!(damaged.error.map(|e| e.kind), Some("notJson"));
    // A skill and an item may share an id: one number for both.
    assert_eq!(columns.ids, ["count", "add", "c1"]);
    assert_eq!(columns.skill_ids, [0, 1, 0, 1]);
    assert_eq!(columns.item_ids, [2, 0, 2, 0]);
    assert_eq!(columns.skill_mastery, [0.6123, 0.5, 0.6123, 0.5]);
    assert_eq!(columns.skill_attempts, [3, 0, 3, 0]);
    assert_eq!(columns.item_correct, [1, 0, 1, 0]);
    let states: Vec<SkillState> = columns
        .skill_states
        .iter()
        .map(|&c| STATES[c as usize])
        .collect();
    assert_eq!(states[..2], [SkillState::Learning, SkillState::NotStarted]);
}

#[test]
fn a_file_that_is_not_utf8_is_read_as_the_browser_reads_it() {
    let mut bytes = REPORT.replace("Ada", "Ad\u{e9}").into_bytes();
    let at = bytes.iter().position(|&b| b == 0xC3).unwrap_or_default();
    bytes[at] = 0xFF;
    bytes.remove(at + 1);
    let mut columns = Columns::default();
    let reading = read_one(&bytes, NOW, &mut columns);
    assert_eq!(reading.report.map(|r| r.learner), Some("Ad\u{FFFD}".into()));
}

#[test]
fn a_report_breaking_a_plausibility_rule_is_read_with_its_reasons() {
    let mut columns = Columns::default();
    let reading = read_one(
        REPORT
            .replace(r#""answerCount":3"#, r#""answerCount":900"#)
            .as_bytes(),
        NOW,
        &mut columns,
    );
    assert!(reading.report.is_some());
    assert!(!reading.implausible.is_empty(), "900 answers in 40 seconds");
}

#[test]
fn files_laid_end_to_end_are_cut_at_their_ends() {
    let cut: Vec<&[u8]> = files(b"abcdef", &[2, 2, 5, 99]).collect();
    assert_eq!(cut, [&b"ab"[..], b"", b"cde", b"f"]);
    assert_eq!(
        files(b"abc", &[3, 1]).collect::<Vec<_>>(),
        [&b"abc"[..], b""]
    );
}
