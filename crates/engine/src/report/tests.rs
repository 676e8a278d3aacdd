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
