//! The one reader of report files: what it accepts, and why it refuses the rest.

use super::{read_report, read_report_for, ReportError};

const REPORT: &str = r#"{"format":"adaptive-practice-report","version":1,"bankId":"tiny",
  "bankVersion":"1","learner":"Ada","createdAt":1700000000000,"answerCount":2,"correctCount":1,
  "timeOnTaskSeconds":40,"skills":[{"id":"count","name":"Counting","state":"learning",
  "mastery":0.61,"certainty":0.2,"attempts":2,"correct":1}],
  "items":[{"id":"c1","attempts":2,"correct":1}]}"#;

fn check(text: &str, expected: Result<&str, ReportError>) {
    let read = read_report(text).map(|report| report.learner);
    assert_eq!(read.as_deref().map_err(Clone::clone), expected, "{text}");
}

#[test]
fn a_report_reads_and_everything_else_says_why_not() {
    check(REPORT, Ok("Ada"));
    check(&REPORT[..REPORT.len() / 2], Err(ReportError::NotJson));
    check(
        r#"{"id":"tiny","skills":[],"items":[]}"#,
        Err(ReportError::Bank),
    );
    check(
        r#"{"format":"something-else"}"#,
        Err(ReportError::NotAReport),
    );
    check(&REPORT.replace("0.61", "1.5"), Err(ReportError::Damaged));
    check(
        &REPORT.replace(
            r#""attempts":2,"correct":1}]"#,
            r#""attempts":-2,"correct":1}]"#,
        ),
        Err(ReportError::Damaged),
    );
    check(
        &REPORT.replace(r#""learner":"Ada","#, ""),
        Err(ReportError::Damaged),
    );
}

#[test]
fn a_report_on_another_bank_names_it() {
    let refused = read_report_for(REPORT, "fractions").map(|r| r.learner);
    assert_eq!(
        refused,
        Err(ReportError::OtherBank {
            found: "tiny".into()
        })
    );
    assert_eq!(
        ReportError::OtherBank {
            found: "tiny".into()
        }
        .to_string(),
        "a report for another bank (“tiny”)"
    );
}

#[test]
fn the_written_report_reads_back_as_serde_wrote_it() {
    let mut report = read_report(REPORT).expect("the sample report reads");
    report.learner = "Zoë \"Z\" \\ \u{1}".into();
    report.skills[0].mastery = 1.0;
    report.time_on_task_seconds = u64::MAX;
    let written = super::report_text(&report);
    let serde_text = serde_json::to_string(&report).unwrap();
    let through_serde: super::LearnerReport = serde_json::from_str(&serde_text).unwrap();
    assert_eq!(
        serde_json::from_str::<super::LearnerReport>(&written).unwrap(),
        through_serde
    );
    assert_eq!(read_report(&written), Ok(report));
}

#[test]
fn every_skill_state_has_its_serde_name() {
    use crate::model::SkillState;
    for state in [
        SkillState::NotStarted,
        SkillState::Learning,
        SkillState::Mastered,
        SkillState::DueForReview,
    ] {
        assert_eq!(
            serde_json::to_string(&state).unwrap(),
            format!("\"{}\"", super::skill_state_name(state))
        );
    }
}

#[test]
fn the_typed_pass_and_the_value_pass_agree() {
    // A duplicate field: the typed pass refuses it, the `Value` pass keeps the last one.
    let twice = REPORT.replace(r#""learner":"Ada","#, r#""learner":"Bob","learner":"Ada","#);
    check(&twice, Ok("Ada"));
    // Another format in a file shaped like a report is not a report.
    check(
        &REPORT.replace("adaptive-practice-report", "other"),
        Err(ReportError::NotAReport),
    );
    // The one difference: a field the report does not have is skipped unchecked.
    check(
        &REPORT.replace(r#""version":1,"#, r#""version":1,"extra":1e400,"#),
        Ok("Ada"),
    );
    // Fields a later version adds are ignored either way.
    check(
        &REPORT.replace(r#""version":1,"#, r#""version":1,"extra":[1],"#),
        Ok("Ada"),
    );
}

const REPORT_V1: &str = include_str!("../../tests/fixtures/report-v1.json");
const REPORT_V2: &str = include_str!("../../tests/fixtures/report-v2.json");

/// The answers a report lists: `item part verdict hints seconds`.
fn listed(text: &str) -> Result<Vec<String>, ReportError> {
    let report = read_report(text)?;
    Ok(report
        .answers
        .iter()
        .flat_map(|log| log.iter())
        .map(|a| {
            let part = a.part.map_or("-".to_string(), |p| p.to_string());
            format!(
                "{} {part} {:?} {} {}",
                a.item_id, a.verdict, a.hints_used, a.at_seconds
            )
        })
        .collect())
}

#[test]
fn reports_of_every_version_read() {
    assert_eq!(listed(REPORT_V1), Ok(vec![]));
    assert_eq!(
        read_report(REPORT_V1).map(|r| r.answers.is_none()),
        Ok(true)
    );
    assert_eq!(
        listed(REPORT_V2),
        Ok(vec![
            "c1 - Wrong 0 1699999900".to_string(),
            "m 0 Right 1 1699999930".to_string(),
            "m 1 Partial 0 1699999960".to_string(),
        ])
    );
    let later = crate::model::Timestamp(1_800_000_000_000);
    for text in [REPORT_V1, REPORT_V2] {
        let report = read_report(text).expect("the fixture reads");
        assert_eq!(
            crate::progress::plausibility::check_report(&report, later),
            vec![]
        );
        assert_eq!(read_report(&super::report_text(&report)), Ok(report));
    }
    // A log of a version this reader does not know is left out; one it cannot read is damage.
    let newer = REPORT_V2.replace(r#""answers":{"version":1"#, r#""answers":{"version":2"#);
    assert_eq!(listed(&newer), Ok(vec![]));
    let cut = REPORT_V2.replace("AAAABBEeBCCe", "AAAABBEeBCC");
    assert_eq!(listed(&cut), Err(ReportError::Damaged));
    let unknown_item = REPORT_V2.replace(r#""items":["c1","m"]"#, r#""items":["c1"]"#);
    assert_eq!(listed(&unknown_item), Err(ReportError::Damaged));
}

const BANK: &str = r#"{
  "id": "tiny", "version": "1", "title": "Tiny",
  "skills": [ { "id": "count", "name": "Counting" }, { "id": "add", "name": "Adding" } ],
  "items": [
    { "id": "c1", "skills": ["count"], "type": "numeric", "prompt": "1 + 0", "answer": 1 },
    { "id": "m", "skills": ["add", "count"], "type": "multiStep", "prompt": "Two steps",
      "steps": [
        { "prompt": "2 + 2", "type": "numeric", "answer": 4, "skills": ["add"],
          "hints": [ { "text": "Count on." } ] },
        { "prompt": "4 + 1", "type": "numeric", "answer": 5 }
      ] }
  ]
}"#;

fn bank() -> crate::bank_index::IndexedBank {
    let loaded = crate::bank_check::load_bank(BANK);
    crate::bank_index::IndexedBank::new(loaded.bank.expect("the test bank loads"))
}

#[test]
fn a_class_s_answers_in_the_kt_format() {
    let reports = [
        read_report(REPORT_V1).expect("reads"),
        read_report(REPORT_V2).expect("reads"),
    ];
    let answers = super::class_answers(&reports);
    assert_eq!(
        super::kt_answers_tsv(&bank(), &answers),
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n\
         2\tc1\t1699999900\t0\tcount\n\
         2\tm#0\t1699999930\t1\tadd\n\
         2\tm#1\t1699999960\t1\tadd,count\n"
    );
    assert_eq!(
        answers.iter().map(|a| a.hints_used).collect::<Vec<_>>(),
        [0, 1, 0]
    );
}

#[test]
fn a_written_report_lists_every_answer_and_nothing_typed() {
    use crate::answer::Response;
    use crate::model::Timestamp;
    use crate::session::{new_progress, submit_answer};
    let bank = bank();
    let mut progress = new_progress(&bank, 1);
    let items = bank.items();
    let typed = [
        (&items[0], 0, "31337", 0, 10),
        (&items[0], 0, "1", 0, 40),
        (&items[1], 0, "4", 1, 70),
        (&items[1], 1, "271828", 0, 100),
        (&items[1], 1, "5", 0, 130),
    ];
    for (item, part, response, hints, seconds) in typed {
        let now = Timestamp(1_700_000_000_000 + seconds * 1000);
        let response = Response::Text(response.into());
        submit_answer(&bank, &mut progress, item, part, &response, hints, now).expect("readable");
    }
    let report = super::learner_report(&bank, &progress, "Ada", Timestamp(1_700_000_200_000));
    let text = super::report_text(&report);
    assert!(
        !text.contains("31337") && !text.contains("271828"),
        "{text}"
    );
    assert_eq!(
        listed(&text),
        Ok(vec![
            "c1 - Wrong 0 1700000010".to_string(),
            "c1 - Right 0 1700000040".to_string(),
            "m 0 Right 1 1700000070".to_string(),
            "m 1 Wrong 0 1700000100".to_string(),
            "m 1 Right 0 1700000130".to_string(),
        ])
    );
    let read = read_report(&text).expect("reads");
    assert_eq!(read.version, 3);
    let now = Timestamp(1_700_000_200_000);
    assert_eq!(
        crate::progress::plausibility::check_report(&read, now),
        vec![]
    );
}

/// Reports as the widget writes them (`report_text`, skills and items in columns): one with
/// its answers, and one without.
fn written_reports() -> Vec<String> {
    let v2 = read_report(REPORT_V2).expect("the fixture reads");
    let mut v1 = read_report(REPORT).expect("the sample reads").into_owned();
    v1.skills[0].certainty = 0.123_456_789_012_345_68;
    vec![super::report_text(&v2), super::report_text(&v1)]
}

#[test]
fn reports_as_the_widget_writes_them_are_read_quickly_and_the_same() {
    for text in written_reports() {
        let quick = super::scan::scan_report(&text).expect("the quick reading takes it");
        assert_eq!(Ok(quick), super::read_any_report(&text), "{text}");
    }
    // Bench reports (bench/teacher.mjs) are written by `JSON.stringify`: the same shape.
    let bench = r#"{"format":"adaptive-practice-report","version":1,"bankId":"b","bankVersion":"1.0.0","learner":"Learner 0001","createdAt":1793577600000,"answerCount":3,"correctCount":2,"timeOnTaskSeconds":120,"skills":[{"id":"s-0","name":"Skill 1","state":"learning","mastery":0.5331,"certainty":0.0878,"attempts":3,"correct":2},{"id":"s-1","name":"Skill 2","state":"notStarted","mastery":0.5,"certainty":0,"attempts":0,"correct":0}],"items":[{"id":"i-0-0","attempts":2,"correct":1},{"id":"i-0-1","attempts":1,"correct":1}]}"#;
    assert!(super::scan::scan_report(bench).is_some());
    assert_eq!(read_report(bench), super::read_any_report(bench));
    let bench = r#"{"format":"adaptive-practice-report","version":3,"bankId":"b","bankVersion":"1.0.0","learner":"Learner 0001","createdAt":1793577600000,"answerCount":3,"correctCount":2,"timeOnTaskSeconds":120,"skills":{"ids":["s-0","s-1"],"names":["Skill 1","Skill 2"],"states":["learning","notStarted"],"mastery":[0.5331,0.5],"certainty":[0.0878,0],"attempts":[3,0],"correct":[2,0]},"items":{"ids":["i-0-0","i-0-1"],"attempts":[2,1],"correct":[1,1]}}"#;
    assert!(super::scan::scan_report(bench).is_some());
    assert_eq!(read_report(bench), super::read_any_report(bench));
}

#[test]
fn skills_and_items_read_the_same_as_columns_and_as_objects() {
    // The version 2 fixture (one object per skill and item), and the same report as version 3
    // writes it (columns): the same figures.
    let objects = read_report(REPORT_V2).expect("the fixture reads");
    let text = super::report_text(&objects);
    assert!(text.contains(r#""skills":{"ids":["count","add"],"names":["Counting","Adding"],"states":["learning","learning"],"mastery":[0.61,0.7],"certainty":[0.2,0.2],"attempts":[2,2],"correct":[1,2]},"items":{"ids":["c1","m#0","m#1"],"attempts":[2,1,1],"correct":[1,1,1]}"#), "{text}");
    let columns = read_report(&text).expect("reads");
    assert_eq!(columns.skills, objects.skills);
    assert_eq!(columns.items, objects.items);
    // Through serde (`Value`), with a space the quick reading does not take, the same.
    let spaced = text.replace(r#""names":"#, r#" "names":"#);
    assert_eq!(super::scan::scan_report(&spaced), None);
    assert_eq!(read_report(&spaced), Ok(columns.clone()));
    // serde writes the columns too.
    let serde_text = serde_json::to_string(&columns).unwrap();
    assert_eq!(read_report(&serde_text), Ok(columns));
    // Columns of different lengths: a damaged report, whichever reader sees them.
    for short in [
        text.replace(r#""mastery":[0.61,0.7]"#, r#""mastery":[0.61]"#),
        text.replace(r#""correct":[1,1,1]"#, r#""correct":[1,1]"#),
        spaced.replace(
            r#""states":["learning","learning"]"#,
            r#""states":["learning"]"#,
        ),
    ] {
        assert_eq!(read_report(&short), Err(ReportError::Damaged), "{short}");
    }
}

#[test]
fn the_quick_reading_rounds_numbers_as_serde_does() {
    for number in [
        "0",
        "1",
        "0.5",
        "0.1",
        "0.4321",
        "0.30000000000000004",
        "0.123456789012345678901234",
        "1.0000000000000002",
        "0.999999999999999999",
        "7",
        "123456789012345678",
        "0.0000001",
    ] {
        let text = REPORT.replace(['\n', ' '], "").replace("0.2", number);
        let quick = super::scan::scan_report(&text).expect("the quick reading takes it");
        let serde: super::LearnerReport = serde_json::from_str(&text).unwrap();
        assert_eq!(
            quick.skills[0].certainty.to_bits(),
            serde.skills[0].certainty.to_bits(),
            "{number}"
        );
    }
}

#[test]
fn whatever_the_file_the_quick_reading_changes_nothing() {
    // Every text one change away from written reports (a byte dropped, doubled, or replaced by
    // one a reader trips on) reads as it would without the quick reading: the same report, or
    // the same refusal.
    let mut texts = written_reports();
    texts.push(
        REPORT
            .replace(['\n', ' '], "")
            .replace(r#""name":"Counting""#, r#""name":"Count\"ing""#),
    );
    for text in texts {
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            let mut variants = vec![
                [&bytes[..at], &bytes[at + 1..]].concat(),
                [&bytes[..at + 1], &bytes[at..]].concat(),
            ];
            for other in [b' ', b'\\', b'-', b'e', b'0', b'9', b'"', b'}', b',', b'\t'] {
                let mut changed = bytes.to_vec();
                changed[at] = other;
                variants.push(changed);
            }
            for variant in variants {
                let Ok(variant) = std::str::from_utf8(&variant) else {
                    continue;
                };
                assert_eq!(
                    read_report(variant),
                    super::read_any_report(variant),
                    "{variant}"
                );
            }
        }
    }
}
