//! The plausibility rules: what a learner's real practice gives passes; each forgery is named.

use super::{check_claims, check_progress, check_report, progress_claims, Claims};
use crate::bank_check::load_bank;
use crate::bank_index::IndexedBank;
use crate::model::{SkillState, Timestamp};
use crate::progress::{load_progress, Progress, SessionLog};
use crate::report::learner_report;
use crate::session::{advance, new_progress, present, submit_session_answer};
use crate::{ChoiceOptions, Response};

const BANK: &str = r#"{
  "id": "tiny", "version": "1", "title": "Tiny",
  "settings": { "minEvidence": 2 },
  "skills": [ { "id": "count", "name": "Counting" }, { "id": "add", "name": "Adding" } ],
  "items": [
    { "id": "c1", "skills": ["count"], "type": "numeric", "prompt": "1 + 0", "answer": 1 },
    { "id": "c2", "skills": ["count"], "type": "numeric", "prompt": "2 + 0", "answer": 2 },
    { "id": "a1", "skills": ["add"], "type": "numeric", "prompt": "1 + 1", "answer": 2 },
    { "id": "a2", "skills": ["add"], "type": "numeric", "prompt": "2 + 3", "answer": 5 }
  ]
}"#;
const START: i64 = 1_700_000_000_000;
/// A day after the practice: when the file is checked.
const NOW: Timestamp = Timestamp(START + 86_400_000);

pub(crate) fn bank() -> IndexedBank {
    IndexedBank::new(load_bank(BANK).bank.expect("the test bank loads"))
}

/// A learner's real practice: `answers` answers a minute apart, 12 seconds each, all right.
pub(crate) fn practised(bank: &IndexedBank, answers: i64) -> Progress {
    let mut progress = new_progress(bank, 3);
    let mut log = SessionLog::new("tab".into());
    for n in 0..answers {
        let now = Timestamp(START + n * 60_000);
        let next = advance(bank, &mut progress, now, &ChoiceOptions::default()).expect("an item");
        let item = present(bank, &next).expect("presentable");
        let response: Response = item.kind.correct_response().expect("one part");
        submit_session_answer(
            bank,
            &mut progress,
            &mut log,
            &item,
            0,
            &response,
            0,
            12.0,
            now,
        )
        .expect("readable");
    }
    progress
}

/// The reasons `claims` (the claims of 30 real answers, changed by `forge`) is refused for.
fn check(forge: impl Fn(&mut Claims), expected: &[&str]) {
    let progress = practised(&bank(), 30);
    let mut claims = progress_claims(&progress);
    forge(&mut claims);
    let found: Vec<String> = check_claims(&claims, 2, NOW)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn real_practice_and_every_released_fixture_are_plausible() {
    let bank = bank();
    for answers in [0, 1, 5, 30] {
        let progress = practised(&bank, answers);
        assert_eq!(
            check_progress(&progress, 2, NOW),
            vec![],
            "{answers} answers"
        );
        let report = learner_report(&bank, &progress, "Ada", NOW);
        assert_eq!(
            check_report(&report, NOW),
            vec![],
            "report of {answers} answers"
        );
    }
    for fixture in [
        include_str!("../../../tests/fixtures/progress-v1.json"),
        include_str!("../../../tests/fixtures/progress-v1-sessions.json"),
        include_str!("../../../tests/fixtures/progress-v1-answer-log.json"),
    ] {
        let progress = load_progress(fixture, "fractions").expect("the fixture loads");
        let later = Timestamp(1_800_000_000_000);
        assert_eq!(check_progress(&progress, 4, later), vec![]);
    }
}

#[test]
fn answers_faster_than_anyone_answers() {
    check(
        |c| c.seconds_on_task = 9.0,
        &["it claims 30 answers in 9 seconds of practice, faster than anyone answers"],
    );
    // 20 free answers, then one a second.
    check(|c| c.seconds_on_task = 10.0, &[]);
    check(
        |c| {
            c.answers = 12_000;
            c.item_answers = 12_000;
            c.seconds_on_task = 1.0;
        },
        &["it claims 12000 answers in 1 second of practice, faster than anyone answers"],
    );
    // Time on task 0: not recorded (the earliest versions), not compared.
    check(|c| c.seconds_on_task = 0.0, &[]);
}

#[test]
fn counts_that_disagree() {
    check(
        |c| c.answers = 31,
        &["its answer count (31) disagrees with the answers it lists per item (30)"],
    );
    check(|c| c.correct = 29, &[
        "its count of right answers (29) disagrees with the answers it lists (30 right per item)",
        "the answers it lists one by one disagree with its count of right answers",
    ]);
    check(
        |c| c.skills[0].attempts = 31,
        &["skill “add” has more answers, or more right answers, than the whole file"],
    );
    check(
        |c| c.skills[1].correct = c.skills[1].attempts + 1,
        &["skill “count” has more answers, or more right answers, than the whole file"],
    );
}

#[test]
fn states_the_evidence_does_not_support() {
    let add_one = |c: &mut Claims, state: SkillState, attempts: u32, correct: u32| {
        let mut skill = c.skills[0].clone();
        skill.id = "forged";
        skill.state = state;
        skill.attempts = attempts;
        skill.correct = correct;
        c.skills.push(skill);
    };
    check(|c| add_one(c, SkillState::Mastered, 0, 0), &[
        "skill “forged” is marked mastered without the answers mastery takes (0 answers, 0 right)",
    ]);
    // The bank asks for 2 answers (`minEvidence`), and mastery needs a right one.
    check(|c| add_one(c, SkillState::DueForReview, 1, 1), &[
        "skill “forged” is marked mastered without the answers mastery takes (1 answer, 1 right)",
    ]);
    check(|c| add_one(c, SkillState::Mastered, 2, 0), &[
        "skill “forged” is marked mastered without the answers mastery takes (2 answers, 0 right)",
    ]);
    check(|c| add_one(c, SkillState::Mastered, 2, 1), &[]);
    check(
        |c| add_one(c, SkillState::NotStarted, 3, 0),
        &["skill “forged” is marked not started but has answers"],
    );
}

#[test]
fn dates_in_the_future_or_out_of_order() {
    check(
        |c| c.dates.push(Timestamp(NOW.0 + 3 * 86_400_000)),
        &["it has a date 3 days in the future"],
    );
    // Two devices' clocks may disagree by up to a day.
    check(|c| c.dates.push(Timestamp(NOW.0 + 3_600_000)), &[]);
    check(
        |c| c.skills[0].last_practiced = Some(Timestamp(START + 3_600_000)),
        &["its dates contradict each other"],
    );
    check(
        |c| c.answer_times = vec![Timestamp(START + 60_000), Timestamp(START)],
        &["its dates contradict each other"],
    );
}

#[test]
fn a_list_of_answers_checked_against_the_counts_and_its_own_span() {
    let times = |count: i64, apart: i64| (0..count).map(|n| Timestamp(START + n * apart)).collect();
    check(|c| c.answer_times = times(30, 60_000), &[]);
    check(
        |c| c.answer_times = times(31, 60_000),
        &["it lists 31 answers but counts only 30"],
    );
    check(
        |c| c.answer_times = times(30, 100),
        &["it claims 30 answers in 3 seconds of practice, faster than anyone answers"],
    );
}

#[test]
fn a_list_of_every_answer_agrees_with_the_counts() {
    let progress = practised(&bank(), 30);
    let claims = progress_claims(&progress);
    assert_eq!(claims.logged_answers.len(), 30);
    let first = claims.logged_answers[0].item_id;
    let found = |forge: &dyn Fn(&mut Claims)| {
        let mut forged = claims.clone();
        forge(&mut forged);
        check_claims(&forged, 2, NOW)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found(&|c| c.logged_answers[0].right = false),
        [
            "the answers it lists one by one disagree with its count of right answers".to_string(),
            format!("the answers it lists one by one disagree with its counts for item “{first}”"),
        ]
    );
    assert_eq!(
        found(&|c| c.logged_answers[0].item_id = "zz"),
        [
            format!("the answers it lists one by one disagree with its counts for item “{first}”"),
            "the answers it lists one by one disagree with its counts for item “zz”".to_string(),
        ]
    );
    assert_eq!(
        found(&|c| c.logged_answers[0].part = Some(0)),
        [
            format!("the answers it lists one by one disagree with its counts for item “{first}”"),
            format!(
                "the answers it lists one by one disagree with its counts for item “{first}#0”"
            ),
        ]
    );
    // A list without the oldest answers (beyond the log's limit, or before the file had a log)
    // is not compared with the counts.
    assert_eq!(
        found(&|c| {
            c.logged_answers.remove(0);
            c.answer_times.remove(0);
            c.logged_answers[0].right = false;
        }),
        Vec::<String>::new()
    );
}
