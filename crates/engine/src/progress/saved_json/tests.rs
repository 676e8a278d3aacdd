//! The hand-written progress format against serde's derives of `SavedProgressV1` and its
//! conversions: we read what serde writes into the `Progress` that serde's reading and
//! `From<SavedProgressV1>` give, serde reads what we write as `SavedProgressV1::from`, and odd
//! values (seeds beyond 2^53, escapes, tiny floats, NaN, values loading makes safe) come back as
//! serde and the conversions would give them.

use crate::sorted_map::SortedMap;

use super::{read_progress_v1, write_progress_v1};
use crate::json::parse;
use crate::progress::{
    Progress, SavedAnswerLogV1, SavedItemV1, SavedProgressV1, SavedSessionV1, SavedSkillV1,
};

fn ours_read(text: &str) -> Result<Progress, String> {
    read_progress_v1(&parse(text).map_err(|e| e.to_string())?)
}

fn sample(seed: u64, name: &str, ability: f64) -> SavedProgressV1 {
    SavedProgressV1 {
        format: "adaptive-practice-progress".into(),
        version: 1,
        bank_id: name.into(),
        bank_version: "1.0.0".into(),
        seed,
        answer_count: 7,
        correct_count: 5,
        recent_items: vec![format!("{name}-1"), "b".into()],
        current_item: Some(name.into()),
        current_variant: u64::MAX,
        current_part: 2,
        time_on_task_seconds: 61.25,
        skills: SortedMap::from_iter([
            (
                name.to_string(),
                SavedSkillV1 {
                    ability,
                    variance: 1e-7,
                    entry_ability: Some(-0.0),
                    attempts: 4,
                    correct: 3,
                    streak: 2,
                    last_practiced: 1_800_000_000_123,
                    mastered: true,
                    stability_days: 123_456_789.5,
                    memory_difficulty: Some(6.25),
                },
            ),
            (
                "z".to_string(),
                SavedSkillV1 {
                    ability: 0.1 + 0.2,
                    variance: 1.5,
                    entry_ability: None,
                    attempts: 0,
                    correct: 0,
                    streak: 0,
                    last_practiced: -5,
                    mastered: false,
                    stability_days: 1e300,
                    memory_difficulty: None,
                },
            ),
        ]),
        items: SortedMap::from_iter([(
            "i".to_string(),
            SavedItemV1 {
                attempts: 1,
                correct: 1,
                last_seen: 0,
                difficulty_offset: -3.25e-12,
                last_correct: Some(true),
            },
        )]),
        sessions: vec![SavedSessionV1 {
            id: "tab \u{1}\"\\é😀".into(),
            answers: 3,
            last_answer: 17,
        }],
        answer_log: Some(SavedAnswerLogV1 {
            version: 1,
            items: vec![name.into(), "i".into()],
            start: 1_800_000_000,
            answers: "AABAIhABAAEC".into(),
        }),
    }
}

/// Serde's text of `saved` reads with us to what serde and `From<SavedProgressV1>` make of it;
/// that progress written by us reads with serde as `SavedProgressV1::from` it, and with us back
/// to itself.
fn check_both_ways(saved: &SavedProgressV1) {
    let theirs = serde_json::to_string(saved).unwrap();
    let reference = Progress::from(serde_json::from_str::<SavedProgressV1>(&theirs).unwrap());
    let printed = |p: &Progress| format!("{p:?}");
    assert_eq!(printed(&ours_read(&theirs).unwrap()), printed(&reference));
    let ours = write_progress_v1(&reference);
    let printed_saved = |p: &SavedProgressV1| format!("{p:?}");
    let as_saved = |text: &str| serde_json::from_str::<SavedProgressV1>(text).unwrap();
    let theirs_again = serde_json::to_string(&SavedProgressV1::from(&reference)).unwrap();
    assert_eq!(
        printed_saved(&as_saved(&ours)),
        printed_saved(&as_saved(&theirs_again)),
        "{ours}"
    );
    assert_eq!(printed(&ours_read(&ours).unwrap()), printed(&reference));
}

#[test]
fn our_text_and_serde_text_read_the_same_both_ways() {
    check_both_ways(&sample(u64::MAX, "fractions", 0.731_234_567_891_234_5));
    check_both_ways(&sample(9_007_199_254_740_993, "line\nbreak\ttab", -19.999));
    let mut no_sessions = sample(0, "a", 0.5);
    no_sessions.sessions.clear();
    no_sessions.current_item = None;
    no_sessions.answer_log = None;
    check_both_ways(&no_sessions);
    // Values out of range or inconsistent, made safe on loading the same way.
    let mut odd = sample(3, "b", 1e9);
    for skill in odd.skills.values_mut() {
        skill.correct = skill.attempts + 2;
        skill.streak = skill.attempts + 1;
        skill.variance = 1e308;
        skill.stability_days = -4.0;
        skill.memory_difficulty = Some(40.0);
    }
    odd.items = SortedMap::from_iter([(
        "i".to_string(),
        SavedItemV1 {
            attempts: 2,
            correct: 2,
            last_seen: 9,
            difficulty_offset: 1.0,
            last_correct: Some(false),
        },
    )]);
    odd.correct_count = 99;
    odd.time_on_task_seconds = -5.0;
    odd.sessions = (0..40)
        .map(|n| SavedSessionV1 {
            id: format!("tab-{n}"),
            answers: n,
            last_answer: n.into(),
        })
        .collect();
    odd.answer_log.as_mut().unwrap().version = 2;
    check_both_ways(&odd);
    // NaN is written `null` by both, which neither reads as a number: the file is damaged.
    let mut not_a_number = Progress::from(sample(0, "a", 0.5));
    for skill in not_a_number.model.skills.values_mut() {
        skill.ability = f64::NAN;
    }
    let ours = write_progress_v1(&not_a_number);
    let as_value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    let theirs = serde_json::to_string(&SavedProgressV1::from(&not_a_number)).unwrap();
    for text in [&ours, &theirs] {
        assert_eq!(
            as_value(text)["skills"]["a"]["ability"],
            serde_json::Value::Null
        );
    }
    assert!(ours_read(&ours).is_err() && serde_json::from_str::<SavedProgressV1>(&ours).is_err());
}

#[test]
fn the_released_fixtures_read_as_serde_reads_them() {
    for fixture in [
        include_str!("../../../tests/fixtures/progress-v1.json"),
        include_str!("../../../tests/fixtures/progress-v1-sessions.json"),
        include_str!("../../../tests/fixtures/progress-v1-answer-log.json"),
    ] {
        let theirs: SavedProgressV1 = serde_json::from_str(fixture).unwrap();
        assert_eq!(ours_read(fixture).unwrap(), Progress::from(theirs));
    }
}

#[test]
fn missing_and_mistyped_fields_say_which() {
    let text = write_progress_v1(&Progress::from(sample(1, "a", 0.5)));
    let without_seed = text.replace("\"seed\":1,", "");
    assert_eq!(
        ours_read(&without_seed).unwrap_err(),
        "missing field `seed`"
    );
    let negative = text.replace("\"answerCount\":7", "\"answerCount\":-7");
    assert_eq!(
        ours_read(&negative).unwrap_err(),
        "invalid value: integer `-7`, expected u32"
    );
    let text_ability = text.replace("\"ability\":0.5", "\"ability\":\"high\"");
    assert_eq!(
        ours_read(&text_ability).unwrap_err(),
        "invalid type: string \"high\", expected f64"
    );
    assert!(serde_json::from_str::<SavedProgressV1>(&text_ability).is_err());
}
