//! Engine tests: each is one call to a `check_*` helper with input and expected output.
//! Update the expected transcripts with `UPDATE_EXPECT=1 cargo test -p adaptive-practice-engine`.

use expect_test::{expect, Expect};

use crate::answer::{check_answer, parse_number, Response};
use crate::bank_check::{load_bank, Severity};
use crate::bank_index::IndexedBank;
use crate::choose::{choose_next_item, unit_hash, ChoiceOptions, ChoiceReason};
use crate::model::{SkillState, Timestamp};
use crate::progress::{load_progress, save_progress, ProgressError};
use crate::session::{advance, new_progress, submit_answer};

const FRACTIONS_BANK: &str = include_str!("../../../www/banks/fractions.json");

/// A small bank: two skills, the second needing the first.
const TINY_BANK: &str = r#"{
  "id": "tiny", "version": "1", "title": "Tiny",
  "settings": { "minEvidence": 3 },
  "skills": [
    { "id": "count", "name": "Counting" },
    { "id": "add", "name": "Adding", "prerequisites": ["count"] }
  ],
  "items": [
    { "id": "c1", "skills": ["count"], "difficulty": -1, "type": "numeric", "prompt": "1 + 0", "answer": 1 },
    { "id": "c2", "skills": ["count"], "difficulty": 0, "type": "numeric", "prompt": "2 + 0", "answer": 2 },
    { "id": "c3", "skills": ["count"], "difficulty": 1, "type": "singleChoice", "prompt": "3?",
      "choices": [ { "text": "3" }, { "text": "4", "feedback": "One too many." } ], "answer": 0 },
    { "id": "c4", "skills": ["count"], "difficulty": -0.5, "type": "numeric", "prompt": "4 + 0", "answer": "4" },
    { "id": "a1", "skills": ["add"], "difficulty": -1, "type": "numeric", "prompt": "1 + 1", "answer": 2,
      "misconceptions": [ { "answer": 11, "feedback": "That is 1 and 1 written side by side." } ] },
    { "id": "a2", "skills": ["add"], "difficulty": 0, "type": "numeric", "prompt": "2 + 3", "answer": 5 },
    { "id": "a3", "skills": ["add"], "difficulty": 1, "type": "numeric", "prompt": "1/2 + 1/4", "answer": "3/4", "tolerance": 0.001 },
    { "id": "a4", "skills": ["add", "count"], "difficulty": 0.5, "type": "numeric", "prompt": "7 + 8", "answer": 15 }
  ]
}"#;

fn indexed(text: &str) -> IndexedBank {
    let loaded = load_bank(text);
    let errors: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    IndexedBank::new(
        loaded
            .bank
            .unwrap_or_else(|| panic!("bank does not load: {errors:?}")),
    )
}

fn check_number(text: &str, expected: Option<f64>) {
    assert_eq!(parse_number(text), expected, "parsing {text:?}");
}

#[test]
fn numbers_are_read_as_people_write_them() {
    check_number("0.5", Some(0.5));
    check_number(".5", Some(0.5));
    check_number("0,5", Some(0.5));
    check_number(" 1/2 ", Some(0.5));
    check_number("1 1/2", Some(1.5));
    check_number("-3", Some(-3.0));
    check_number("−2/4", Some(-0.5));
    check_number("+7", Some(7.0));
    check_number("1/0", None);
    check_number("1//2", None);
    check_number("abc", None);
    check_number("1.2.3", None);
    check_number("", None);
    check_number(&"9".repeat(100_000), None);
}

fn check_verdict(bank: &IndexedBank, item_id: &str, response: Response, expect: Expect) {
    let item = &bank.items()[bank.item_position(item_id).unwrap()];
    let verdict = match check_answer(item, &response) {
        Ok(outcome) => format!(
            "correct={} feedback={:?} answer={}",
            outcome.correct, outcome.feedback, outcome.correct_answer
        ),
        Err(unreadable) => format!("unreadable: {}", unreadable.message()),
    };
    expect.assert_eq(&verdict);
}

#[test]
fn numeric_answers_are_checked_by_value_with_misconception_feedback() {
    let bank = indexed(TINY_BANK);
    check_verdict(
        &bank,
        "a3",
        Response::Text("3/4".into()),
        expect!["correct=true feedback=None answer=3/4"],
    );
    check_verdict(
        &bank,
        "a3",
        Response::Text("0,75".into()),
        expect!["correct=true feedback=None answer=3/4"],
    );
    check_verdict(
        &bank,
        "a3",
        Response::Text("6/8".into()),
        expect!["correct=true feedback=None answer=3/4"],
    );
    check_verdict(
        &bank,
        "a3",
        Response::Text("2/6".into()),
        expect!["correct=false feedback=None answer=3/4"],
    );
    check_verdict(
        &bank,
        "a1",
        Response::Text("11".into()),
        expect![[
            r#"correct=false feedback=Some("That is 1 and 1 written side by side.") answer=2"#
        ]],
    );
    check_verdict(
        &bank,
        "a1",
        Response::Text("two".into()),
        expect!["unreadable: “two” is not a number I can read. Write it like 3/4, 0.75 or 1 1/2."],
    );
    check_verdict(
        &bank,
        "a1",
        Response::Text("  ".into()),
        expect!["unreadable: Type an answer first."],
    );
}

#[test]
fn choice_answers_give_the_feedback_of_the_picked_choice() {
    let bank = indexed(TINY_BANK);
    check_verdict(
        &bank,
        "c3",
        Response::Choice(0),
        expect!["correct=true feedback=None answer=3"],
    );
    check_verdict(
        &bank,
        "c3",
        Response::Choice(1),
        expect![[r#"correct=false feedback=Some("One too many.") answer=3"#]],
    );
    check_verdict(
        &bank,
        "c3",
        Response::Choice(7),
        expect!["unreadable: Pick one of the choices."],
    );
}

fn check_diagnostics(text: &str, expect: Expect) {
    let loaded = load_bank(text);
    let lines: Vec<String> = loaded.diagnostics.iter().map(ToString::to_string).collect();
    let verdict = if loaded.bank.is_some() {
        "accepted"
    } else {
        "refused"
    };
    expect.assert_eq(&format!("{verdict}\n{}", lines.join("\n")));
}

#[test]
fn invalid_json_is_reported_with_its_line() {
    check_diagnostics(
        "{\n  \"id\": \"x\",\n  \"skills\": []\n  \"items\": []\n}",
        expect![[r#"
            refused
            error at line 4, column 3: the file is not valid JSON: expected `,` or `}`"#]],
    );
}

#[test]
fn a_web_page_instead_of_a_bank_says_to_check_the_address() {
    check_diagnostics(
        "\n<!doctype html>\n<title>Not found</title>",
        expect![[r#"
            refused
            error at line 2, column 1: the file is not valid JSON: it is a web page (HTML), not a bank: check the bank's address"#]],
    );
}

#[test]
fn every_problem_of_a_bank_is_reported_with_its_path() {
    check_diagnostics(
        r#"{ "id": "b", "version": "1", "title": "Broken",
             "skills": [ { "id": "s", "name": "S", "prerequisites": ["t"] },
                         { "id": "t", "name": "T", "prerequisites": ["s"] },
                         { "id": "s", "name": "S again" } ],
             "items": [
               { "id": "i1", "skills": ["nope"], "type": "numeric", "prompt": "?", "answer": 1 },
               { "id": "i1", "skills": ["s"], "type": "singleChoice", "prompt": "?", "choices": [ { "text": "a" }, { "text": "b" } ], "answer": 2 },
               { "id": "i3", "skills": ["t"], "type": "numeric", "prompt": "?", "answer": "one" },
               { "id": "i4", "skills": ["t"], "type": "numeric", "prompt": "?", "answer": 2, "misconceptions": [ { "answer": "4/2", "feedback": "same" } ] },
               { "id": "i5", "skills": ["t"], "type": "essay", "prompt": "?" }
             ] }"#,
        expect![[r#"
            refused
            error at $.items[2] ("i3"): cannot read "one" as a number
            error at $.items[4] ("i5"): unknown variant `essay`, expected one of `singleChoice`, `multipleResponse`, `numeric`, `mathExpression`, `shortText`, `ordering`, `fillBlanks`, `matching`, `multiStep`
            error at $.skills[2] ("s"): the skill id "s" is used twice
            error at $.skills: prerequisites form a cycle: s -> t -> s
            error at $.items[0] ("i1").skills[0]: unknown skill "nope"
            error at $.items[1] ("i1"): the item id "i1" is used twice
            error at $.items[1] ("i1").answer: the answer is choice 2 but there are only 2 choices (counted from 0)
            error at $.items[3] ("i4").misconceptions[0]: this wrong answer is equal to the correct answer
            warning at $.skills[0] ("s"): only 1 item(s) practise this skill; mastery needs 4 answers
            warning at $.skills[1] ("t"): only 1 item(s) practise this skill; mastery needs 4 answers
            warning at $.skills[2] ("s"): only 1 item(s) practise this skill; mastery needs 4 answers"#]],
    );
}

#[test]
fn the_sample_banks_load_without_errors() {
    for (name, text) in [
        ("fractions", FRACTIONS_BANK),
        (
            "percentages",
            include_str!("../../../www/banks/percentages.json"),
        ),
    ] {
        let loaded = load_bank(text);
        let errors: Vec<String> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(
            errors.is_empty() && loaded.bank.is_some(),
            "{name}: {errors:?}"
        );
    }
}

/// A choice's reason with its figures to two decimals, so that a transcript changes only when a
/// decision or a shown figure does (not at the sixteenth digit of an estimate).
fn rounded_reason(reason: &ChoiceReason) -> String {
    match reason {
        ChoiceReason::ReviewDue { skill_id, recall } => {
            format!("ReviewDue({skill_id}, {recall:.2})")
        }
        ChoiceReason::Learning { skill_id, mastery } => {
            format!("Learning({skill_id}, {mastery:.2})")
        }
        ChoiceReason::MasteryCheck { skill_id, mastery } => {
            format!("MasteryCheck({skill_id}, {mastery:.2})")
        }
        ChoiceReason::DelayedRecheck { skill_id, mastery } => {
            format!("DelayedRecheck({skill_id}, {mastery:.2})")
        }
        other => format!("{other:?}"),
    }
}

/// A scripted learner: answers from `script` ('1' correct, '0' wrong), one per item, one minute apart.
fn transcript(bank_text: &str, script: &str) -> String {
    let bank = indexed(bank_text);
    let mut progress = new_progress(&bank, 7);
    let mut now = Timestamp(1_700_000_000_000);
    let mut lines = Vec::new();
    for answer in script.chars() {
        let Some(next) = advance(&bank, &mut progress, now, &ChoiceOptions::default()) else {
            break;
        };
        let item = &bank.items()[next.item_position];
        let response = right_or_wrong_response(item, answer == '1');
        let report = submit_answer(
            &bank,
            &mut progress,
            &bank.items()[next.item_position],
            0,
            &response,
            0,
            now,
        )
        .unwrap();
        let states: Vec<String> = (0..bank.skills().len())
            .map(|s| {
                let m = progress.model.skill_mastery(&bank, s, now);
                format!("{}:{:?}:{:.2}", m.skill_id, m.state, m.mastery)
            })
            .collect();
        lines.push(format!(
            "{} p={:.2} {} -> {} | {}",
            item.id,
            next.predicted_success,
            rounded_reason(&next.reason),
            if report.outcome.correct {
                "right"
            } else {
                "wrong"
            },
            states.join(" ")
        ));
        now = Timestamp(now.0 + 60_000);
    }
    lines.join("\n")
}

fn right_or_wrong_response(item: &crate::bank::Item, right: bool) -> Response {
    crate::sample_response::response_for(&item.kind, right)
        .unwrap_or_else(|| panic!("the scripted learner does not answer multi-step items"))
}

#[test]
fn a_learner_who_answers_well_is_placed_on_adding_then_confirms_counting() {
    expect![[r#"
        a4 p=0.49 Placement { skill_id: "add", prerequisites: ["count"] } -> right | count:Learning:0.78 add:Learning:0.76
        c2 p=0.80 Learning(count, 0.78) -> right | count:Learning:0.83 add:Learning:0.76
        c3 p=0.66 MasteryCheck(count, 0.83) -> right | count:Learning:0.84 add:Learning:0.76
        c4 p=0.90 Learning(count, 0.84) -> right | count:Learning:0.86 add:Learning:0.76
        a3 p=0.68 Learning(add, 0.76) -> right | count:Learning:0.86 add:Learning:0.86
        a4 p=0.82 Learning(add, 0.86) -> right | count:Mastered:0.89 add:Learning:0.86
        a2 p=0.88 Learning(add, 0.86) -> right | count:Mastered:0.89 add:Learning:0.87
        a1 p=0.96 Learning(add, 0.87) -> right | count:Mastered:0.89 add:Mastered:0.88
        c3 p=0.78 KeepPractising { skill_id: "count" } -> right | count:Mastered:0.91 add:Mastered:0.88
        a3 p=0.79 KeepPractising { skill_id: "add" } -> right | count:Mastered:0.91 add:Mastered:0.90"#]].assert_eq(&transcript(TINY_BANK, "1111111111"));
}

#[test]
fn a_struggling_learner_is_probed_down_to_counting_and_stays_there() {
    expect![[r#"
        a4 p=0.49 Placement { skill_id: "add", prerequisites: ["count"] } -> wrong | count:Learning:0.47 add:Learning:0.44
        c1 p=0.69 Learning(count, 0.47) -> right | count:Learning:0.66 add:Learning:0.44
        c4 p=0.78 Learning(count, 0.66) -> wrong | count:Learning:0.54 add:Learning:0.44
        c2 p=0.52 Learning(count, 0.54) -> right | count:Learning:0.63 add:Learning:0.44
        c3 p=0.40 Learning(count, 0.63) -> wrong | count:Learning:0.56 add:Learning:0.44
        c1 p=0.77 Learning(count, 0.56) -> wrong | count:Learning:0.44 add:Learning:0.38
        c4 p=0.53 Learning(count, 0.44) -> right | count:Learning:0.57 add:Learning:0.44
        c2 p=0.60 Learning(count, 0.57) -> wrong | count:Learning:0.50 add:Learning:0.42
        c3 p=0.25 Learning(count, 0.50) -> right | count:Learning:0.58 add:Learning:0.44
        c1 p=0.80 Learning(count, 0.58) -> right | count:Learning:0.66 add:Learning:0.44"#]].assert_eq(&transcript(TINY_BANK, "0101001011"));
}

#[test]
fn a_locked_skill_is_chosen_only_as_a_placement_probe_or_when_the_learner_picks_it() {
    let bank = indexed(FRACTIONS_BANK);
    let mut progress = new_progress(&bank, 3);
    let now = Timestamp(1_700_000_000_000);
    for round in 0..20 {
        let next = advance(&bank, &mut progress, now, &ChoiceOptions::default()).unwrap();
        let item = &crate::session::present(&bank, &next).unwrap();
        let placement = crate::choose::placement(&bank, &masteries(&bank, &progress, now));
        for skill in &item.skills {
            let position = bank.skill_position(skill).unwrap();
            let placed = bank.skills()[position].prerequisites.iter().all(|p| {
                let p = bank.skill_position(p).unwrap();
                placement.provisionally_known[p]
                    || progress
                        .model
                        .skill_mastery(&bank, p, now)
                        .state
                        .counts_as_mastered()
            });
            assert!(
                placed || matches!(next.reason, ChoiceReason::Placement { .. }),
                "round {round}: {} is locked",
                skill
            );
        }
        let response = right_or_wrong_response(item, round % 3 == 0);
        submit_answer(&bank, &mut progress, item, 0, &response, 0, now).unwrap();
    }
    let chosen = ChoiceOptions {
        focus_skill: Some("add-subtract-unlike".into()),
        target_success: None,
    };
    let next = advance(&bank, &mut progress, now, &chosen).unwrap();
    assert!(bank.items()[next.item_position]
        .skills
        .contains(&"add-subtract-unlike".to_string()));
}

fn masteries(
    bank: &IndexedBank,
    progress: &crate::progress::Progress,
    now: Timestamp,
) -> Vec<crate::model::SkillMastery> {
    let one_by_one: Vec<_> = (0..bank.skills().len())
        .map(|s| progress.model.skill_mastery(bank, s, now))
        .collect();
    // The one-pass form item choice and the widget's lists use must say the same.
    assert_eq!(progress.model.skill_masteries(bank, now), one_by_one);
    one_by_one
}

/// One skill, 21 numeric items with difficulties evenly spread from -2.5 to 2.5.
fn ladder_bank() -> String {
    let items: Vec<String> = (0..21)
        .map(|i| {
            let difficulty = -2.5 + 0.25 * i as f64;
            format!(r#"{{ "id": "q{i}", "skills": ["s"], "difficulty": {difficulty}, "type": "numeric", "prompt": "{i}?", "answer": {i} }}"#)
        })
        .collect();
    format!(
        r#"{{ "id": "ladder", "version": "1", "title": "Ladder", "skills": [ {{ "id": "s", "name": "S" }} ], "items": [ {} ] }}"#,
        items.join(",")
    )
}

#[test]
fn the_next_item_gets_harder_after_right_answers_and_easier_after_wrong_ones() {
    let bank = indexed(&ladder_bank());
    let now = Timestamp(1_700_000_000_000);
    let difficulty_after = |right: bool| {
        let mut progress = new_progress(&bank, 11);
        for _ in 0..3 {
            let next = advance(&bank, &mut progress, now, &ChoiceOptions::default()).unwrap();
            // Template items are answered in the variant shown.
            let item = &crate::session::present(&bank, &next).unwrap();
            submit_answer(
                &bank,
                &mut progress,
                item,
                0,
                &right_or_wrong_response(item, right),
                0,
                now,
            )
            .unwrap();
        }
        let next = advance(&bank, &mut progress, now, &ChoiceOptions::default()).unwrap();
        (
            bank.items()[next.item_position].prior_difficulty(),
            next.predicted_success,
            next.reason,
        )
    };
    let (after_right, p_right, reason_right) = difficulty_after(true);
    let (after_wrong, p_wrong, _) = difficulty_after(false);
    assert!(
        after_right > after_wrong + 1.5,
        "after right answers {after_right}, after wrong {after_wrong}"
    );
    // The item chosen is one the learner can reach: near the 0.75 target (0.45 for the harder
    // item after a run of right answers, which the reason says: a mastery check), or, for a
    // learner below the whole bank, the easiest item not just seen.
    let target = if matches!(
        reason_right,
        crate::choose::ChoiceReason::MasteryCheck { .. }
    ) {
        0.45
    } else {
        0.75
    };
    assert!(
        (p_right - target).abs() < 0.1,
        "predicted {p_right} after right answers ({reason_right:?})"
    );
    assert!(
        after_wrong <= -1.75,
        "after wrong answers the item has difficulty {after_wrong} (predicted {p_wrong})"
    );
}

#[test]
fn a_mastered_skill_comes_back_for_review_when_recall_drops() {
    let bank = indexed(TINY_BANK);
    let mut progress = new_progress(&bank, 5);
    let mut now = Timestamp(1_700_000_000_000);
    let count = bank.skill_position("count").unwrap();
    while progress.model.skill_mastery(&bank, count, now).state != SkillState::Mastered {
        let next = advance(
            &bank,
            &mut progress,
            now,
            &ChoiceOptions {
                focus_skill: Some("count".into()),
                target_success: None,
            },
        )
        .unwrap();
        let item = &bank.items()[next.item_position];
        submit_answer(
            &bank,
            &mut progress,
            &bank.items()[next.item_position],
            0,
            &right_or_wrong_response(item, true),
            0,
            now,
        )
        .unwrap();
        now = Timestamp(now.0 + 60_000);
        assert!(
            progress.model.answer_count < 20,
            "counting was never mastered"
        );
    }
    let mastery = progress.model.skill_mastery(&bank, count, now);
    let later = Timestamp(now.0 + ((mastery.days_until_review + 0.5) * 86_400_000.0) as i64);
    // Then recall has fallen under the target retention (or the estimate under mastery).
    let mastery_later = progress.model.skill_mastery(&bank, count, later);
    assert!(
        mastery_later.recall < bank.settings().target_retention
            || mastery_later.state == SkillState::DueForReview,
        "{mastery_later:?}"
    );
    // Reviews are interleaved with new learning: one of the next two items is the review.
    let mut reasons = Vec::new();
    for _ in 0..2 {
        let next = advance(&bank, &mut progress, later, &ChoiceOptions::default()).unwrap();
        let item = &bank.items()[next.item_position];
        submit_answer(
            &bank,
            &mut progress,
            &bank.items()[next.item_position],
            0,
            &right_or_wrong_response(item, true),
            0,
            later,
        )
        .unwrap();
        reasons.push(next.reason);
    }
    assert!(
        reasons
            .iter()
            .any(|r| matches!(r, crate::choose::ChoiceReason::ReviewDue { .. })),
        "{reasons:?}"
    );
}

#[test]
fn seeded_random_sessions_keep_every_invariant() {
    let bank = indexed(FRACTIONS_BANK);
    for seed in 0..40u64 {
        let mut progress = new_progress(&bank, seed);
        let mut now = Timestamp(1_700_000_000_000);
        let skill_level = unit_hash(seed, 99) * 2.0 - 0.5;
        for step in 0..60u64 {
            let next = advance(&bank, &mut progress, now, &ChoiceOptions::default())
                .expect("a non-empty bank always has a next item");
            assert!(next.item_position < bank.items().len());
            let recent = &progress.model.recent_items[progress
                .model
                .recent_items
                .len()
                .saturating_sub(crate::model::RECENT_LIMIT)..];
            assert!(
                !recent.contains(&next.item_id),
                "seed {seed} step {step}: {} repeats a recent item",
                next.item_id
            );
            for item in bank.items() {
                let p = progress.model.predict_success(&bank, item, now);
                assert!((0.0..=1.0).contains(&p) && p.is_finite());
            }
            // Template items are answered in the variant shown.
            let item = &crate::session::present(&bank, &next).unwrap();
            let right =
                unit_hash(seed, step) < crate::math::sigmoid(skill_level - item.prior_difficulty());
            submit_answer(
                &bank,
                &mut progress,
                item,
                0,
                &right_or_wrong_response(item, right),
                0,
                now,
            )
            .unwrap();
            let reloaded = load_progress(&save_progress(&progress), bank.id()).unwrap();
            // The calibrated state is never saved: it is replayed or rebuilt after loading.
            let saved_part = crate::progress::Progress {
                model: crate::model::LearnerModel {
                    calibrated: None,
                    ..progress.model.clone()
                },
                ..progress.clone()
            };
            assert_eq!(
                reloaded, saved_part,
                "seed {seed} step {step}: progress changed through save and load"
            );
            now = Timestamp(now.0 + (unit_hash(seed ^ 5, step) * 3.0 * 86_400_000.0) as i64);
        }
    }
}

fn check_progress_refused(text: &str, expected: ProgressError) {
    assert_eq!(load_progress(text, "fractions"), Err(expected));
}

#[test]
fn damaged_foreign_or_newer_progress_is_refused() {
    check_progress_refused(
        "{\"format\":\"adaptive-practice-progress\",\"vers",
        ProgressError::Damaged("EOF while parsing a string at line 1 column 44".into()),
    );
    check_progress_refused(
        "[1,2]",
        ProgressError::Damaged("it is not an adaptive-practice progress file".into()),
    );
    check_progress_refused(
        r#"{"format":"adaptive-practice-progress","version":9}"#,
        ProgressError::NewerVersion { found: 9 },
    );
    let bank = indexed(TINY_BANK);
    let saved = save_progress(&new_progress(&bank, 1));
    check_progress_refused(
        &saved,
        ProgressError::OtherBank {
            found: "tiny".into(),
        },
    );
}

#[test]
fn the_first_saved_format_still_loads() {
    let fixture = include_str!("../tests/fixtures/progress-v1.json");
    let progress = load_progress(fixture, "fractions").expect("version 1 fixture loads");
    assert_eq!(progress.model.answer_count, 3);
    assert_eq!(progress.model.correct_count, 2);
    assert_eq!(progress.model.skills["fraction-meaning"].attempts, 3);
    assert_eq!(progress.current_item.as_deref(), Some("meaning-04"));
}

#[test]
fn choice_is_deterministic_for_a_given_state_time_and_seed() {
    let bank = indexed(FRACTIONS_BANK);
    let progress = new_progress(&bank, 1);
    let now = Timestamp(1_700_000_000_000);
    let first = choose_next_item(&bank, &progress.model, now, 42, &ChoiceOptions::default());
    let second = choose_next_item(&bank, &progress.model, now, 42, &ChoiceOptions::default());
    assert_eq!(first, second);
}

#[test]
fn a_prompt_reads_as_text_and_numbered_gaps() {
    use crate::gaps::{prompt_pieces, PromptPiece::*};
    let check = |prompt: &str, expected: &[crate::gaps::PromptPiece]| {
        assert_eq!(prompt_pieces(prompt), expected, "{prompt}");
    };
    check("no gaps", &[Text("no gaps")]);
    check(
        "[[1]] + [[ 2 ]] = 5",
        &[Text(""), Gap(1), Text(" + "), Gap(2), Text(" = 5")],
    );
    check("a [[x]] b [[1]]", &[Text("a [[x]] b [[1]]")]);
    check("a [[1]] b [[2", &[Text("a "), Gap(1), Text(" b [[2")]);
}

#[test]
fn a_bank_limited_to_skills_keeps_their_items_only() {
    let bank = load_bank(TINY_BANK).bank.expect("the test bank loads");
    let limited = bank.limited_to_skills(&["add".to_string()]);
    let skills: Vec<_> = limited
        .skills
        .iter()
        .map(|s| (s.id.as_str(), s.prerequisites.len()))
        .collect();
    let items: Vec<_> = limited.items.iter().map(|i| i.id.as_str()).collect();
    // The prerequisite outside the list is dropped; a4 needs counting too, and is left out.
    assert_eq!(skills, [("add", 0)]);
    assert_eq!(items, ["a1", "a2", "a3"]);
}
