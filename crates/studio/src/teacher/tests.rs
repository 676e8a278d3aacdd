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
use adaptive_practice_engine::report::{class_answers, kt_answers_tsv};
use adaptive_practice_engine::{load_bank, IndexedBank, Timestamp};

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

/// A report on skills `skills` and items `items`, in that order.
fn report_on(skills: &[&str], items: &[&str]) -> String {
    let skills: Vec<String> = skills
        .iter()
        .map(|id| {
            format!(
                r#"{{"id":"{id}","name":"{id}","state":"learning","mastery":0.5,"certainty":0.1,"attempts":1,"correct":1}}"#
            )
        })
        .collect();
    let items: Vec<String> = items
        .iter()
        .map(|id| format!(r#"{{"id":"{id}","attempts":1,"correct":1}}"#))
        .collect();
    format!(
        r#"{{"format":"adaptive-practice-report","version":1,"bankId":"tiny","bankVersion":"1","learner":"Ada","createdAt":1700000000000,"answerCount":{n},"correctCount":{n},"timeOnTaskSeconds":{t},"skills":[{}],"items":[{}]}}"#,
        skills.join(","),
        items.join(","),
        n = items.len(),
        t = 40 * items.len(),
    )
}

#[test]
fn ids_are_numbered_in_the_order_met_whatever_order_each_report_lists_them() {
    let class = [
        (vec!["a", "b", "c"], vec!["a1", "b1", "c1"]),
        // Another order, a skill missing, an item added and one left out.
        (vec!["c", "a"], vec!["a1", "a2", "c1"]),
        // An id listed twice, an id the previous reports did not have, nothing at all.
        (vec!["b", "b", "d", "a"], vec![]),
        (vec![], vec!["c1", "b1"]),
        (vec!["a", "b", "c"], vec!["a1", "b1", "c1"]),
    ];
    let mut columns = Columns::default();
    for (skills, items) in &class {
        let reading = read_one(report_on(skills, items).as_bytes(), NOW, &mut columns);
        assert!(
            reading.report.is_some(),
            "{:?}",
            reading.error.map(|e| e.message)
        );
    }
    assert_eq!(columns.ids, ["a", "b", "c", "a1", "b1", "c1", "a2", "d"]);
    let named = |numbers: &[u32]| -> Vec<String> {
        numbers
            .iter()
            .map(|&n| columns.ids[n as usize].clone())
            .collect()
    };
    let skills: Vec<&str> = class.iter().flat_map(|(s, _)| s.iter().copied()).collect();
    let items: Vec<&str> = class.iter().flat_map(|(_, i)| i.iter().copied()).collect();
    assert_eq!(named(&columns.skill_ids), skills);
    assert_eq!(named(&columns.item_ids), items);
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

#[test]
fn the_class_s_answers_come_from_the_reports_a_calibration_uses() {
    use std::borrow::Cow;
    let v2 = include_str!("../../../engine/tests/fixtures/report-v2.json");
    let other_bank = v2.replace(r#""bankId":"tiny""#, r#""bankId":"other""#);
    let forged = v2.replace(r#""answerCount":4"#, r#""answerCount":2"#);
    let texts = [
        Cow::Borrowed(v2),
        Cow::Owned(other_bank),
        Cow::Owned(forged),
        Cow::Borrowed(REPORT),
        Cow::Borrowed(v2),
    ];
    let (used, skipped) = super::usable_reports(&texts, "tiny", NOW);
    let skipped: Vec<(usize, &str)> = skipped.iter().map(|s| (s.report, s.error.kind)).collect();
    assert_eq!(skipped, [(1, "otherBank"), (2, "implausible")]);
    let rows: Vec<(u32, &str, Option<u32>, bool, i64)> = class_answers(&used)
        .iter()
        .map(|a| (a.learner, a.item_id, a.part, a.correct, a.at_seconds))
        .collect();
    // Learners are numbered by their place among the reports used; the version 1 report (the
    // second used) lists no answers.
    assert_eq!(
        rows,
        [
            (1, "c1", None, false, 1_699_999_900),
            (1, "m", Some(0), true, 1_699_999_930),
            (1, "m", Some(1), true, 1_699_999_960),
            (3, "c1", None, false, 1_699_999_900),
            (3, "m", Some(0), true, 1_699_999_930),
            (3, "m", Some(1), true, 1_699_999_960),
        ]
    );
}

/// The report files of `learners` simulated learners practising the fractions bank (version 2,
/// with their answer logs), as the widget writes them, and a moment after their last answer.
fn simulated_class(learners: usize) -> (String, Vec<String>, Timestamp) {
    use adaptive_practice_engine::report::learner_report;
    use adaptive_practice_simulator::banks::index_bank_text;
    use adaptive_practice_simulator::{
        learner_seed, simulate_learner, Policy, SimulationParameters,
    };
    let bank_text = include_str!("../../../../www/banks/fractions.json").to_owned();
    let bank = index_bank_text(&bank_text, "fractions.json").unwrap_or_else(|e| panic!("{e}"));
    let parameters = SimulationParameters {
        item_cap: 40,
        ..SimulationParameters::default()
    };
    let runs: Vec<_> = (0..learners)
        .map(|k| simulate_learner(&bank, Policy::Adaptive, &parameters, learner_seed(13, k)))
        .collect();
    let last = runs
        .iter()
        .flat_map(|run| run.answers.iter().map(|a| a.timestamp.0))
        .max()
        .unwrap_or(0);
    let now = Timestamp(last + 86_400_000);
    let reports = runs
        .iter()
        .enumerate()
        .map(|(k, run)| {
            let report = learner_report(&bank, &run.progress_at_claim, &format!("L{k}"), now);
            serde_json::to_string(&report).unwrap_or_default()
        })
        .collect();
    (bank_text, reports, now)
}

/// `bank_text` with every item's difficulty negated: a bank whose author misjudged its items
/// (within each skill the easiest written hardest), so that a class simulated on the bank as it
/// was has something for a calibration block to correct. Ids and version are the same, so the
/// class's reports are of this bank.
fn misjudged(bank_text: &str) -> String {
    let mut bank: serde_json::Value = serde_json::from_str(bank_text).unwrap_or_default();
    let items = bank.get_mut("items").and_then(|v| v.as_array_mut());
    for item in items.into_iter().flatten() {
        if let Some(difficulty) = item.get("difficulty").and_then(serde_json::Value::as_f64) {
            item["difficulty"] = serde_json::json!(-difficulty);
        }
    }
    bank.to_string()
}

fn texts(reports: &[String]) -> Vec<std::borrow::Cow<'_, str>> {
    reports
        .iter()
        .map(|r| std::borrow::Cow::Borrowed(r.as_str()))
        .collect()
}

/// A version 2 report as a version 1 report: without its answer log.
fn without_answers(report: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(report).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        object.remove("answers");
        object.insert("version".into(), 1.into());
    }
    value.to_string()
}

fn calibrated(bank_text: &str, reports: &[String], now: Timestamp) -> super::Calibration {
    super::calibrate_bank_from_texts(bank_text, &texts(reports), now, &mut |_, _| {})
        .unwrap_or_else(|_| panic!("the bank is calibrated"))
}

#[test]
fn the_page_s_calibration_block_is_the_one_make_calibrate_fits_from_the_class_s_answers() {
    let (bank_text, reports, now) = simulated_class(6);
    // A bank that misjudged its items gains a block from the class; the bank as the class was
    // simulated on does not (the class check): the page and `make calibrate` agree on both.
    for (bank_text, keeps) in [(misjudged(&bank_text), true), (bank_text, false)] {
        let result = calibrated(&bank_text, &reports, now);
        let fit = result
            .class_fit
            .clone()
            .expect("the reports list their answers");
        assert_eq!(fit.learners, 6);
        assert_eq!(result.learners_with_answers, 6);
        assert_eq!(fit.kept, keeps, "{fit:?}");
        // The same reports as the answer log the page downloads, through `make calibrate`.
        let bank = IndexedBank::new(super::bank_of(&bank_text).unwrap_or_else(|_| panic!("bank")));
        let files = texts(&reports);
        let (used, _) = super::usable_reports(&files, bank.id(), now);
        let tsv = kt_answers_tsv(&bank, &class_answers(&used));
        let by_tool = adaptive_practice_bank_tools::calibrate::calibrate(&bank_text, &tsv)
            .unwrap_or_else(|e| panic!("{e}"));
        let block = result.bank.get("calibration").cloned();
        assert_eq!(block.is_some(), keeps);
        assert_eq!(
            block.unwrap_or_default(),
            serde_json::to_value(by_tool.bank.calibration).unwrap_or_default()
        );
        assert_eq!(fit.answers, by_tool.used_answers);
        assert!(fit.answers > 100, "{fit:?}");
        assert_eq!(fit.kept, by_tool.block_written);
        // The bank downloaded is one the widget reads, with the block when it was kept.
        let loaded = load_bank(&result.bank.to_string());
        let block = loaded.bank.and_then(|b| b.calibration);
        assert_eq!(block.is_some(), keeps, "{fit:?}");
    }
}

#[test]
fn a_class_the_bank_already_predicts_gets_no_block_and_the_check_says_why() {
    let (bank_text, reports, now) = simulated_class(6);
    let result = calibrated(&bank_text, &reports, now);
    let fit = result.class_fit.expect("the reports list their answers");
    let check = fit.check.expect("six learners are checked");
    assert!(!fit.kept);
    assert_eq!(check.checked, fit.answers);
    // The blocks fitted without each learner predicted them about as well as the bank as
    // written (within 1% of its log-loss): too little for the check to keep a block.
    assert!(check.block_log_loss.is_finite(), "{check:?}");
    assert!(
        check.without_block_log_loss - check.block_log_loss < 0.01 * check.without_block_log_loss,
        "{check:?}"
    );
    assert!(result.block.is_none());
    assert!(result.bank.get("calibration").is_none());
}

#[test]
fn a_class_s_block_replaces_the_bank_s_earlier_one() {
    let (bank_text, reports, now) = simulated_class(6);
    let bank_text = misjudged(&bank_text);
    let first = calibrated(&bank_text, &reports[..3], now);
    assert_eq!(
        first.block.map(|b| (b.source, b.learners)),
        Some(("class", 3))
    );
    // The bank as its author wrote it, with the first class's block.
    let mut earlier: serde_json::Value = serde_json::from_str(&bank_text).unwrap_or_default();
    earlier["calibration"] = first.bank.get("calibration").cloned().unwrap_or_default();
    let second = calibrated(&earlier.to_string(), &reports[3..], now);
    assert_eq!(
        second.block.map(|b| (b.source, b.learners)),
        Some(("class", 3))
    );
    let fresh = calibrated(&bank_text, &reports[3..], now);
    assert_eq!(
        second.bank.get("calibration"),
        fresh.bank.get("calibration")
    );
    assert_ne!(
        second.bank.get("calibration"),
        first.bank.get("calibration")
    );
}

#[test]
fn reports_without_answers_fit_no_block_and_a_bank_s_earlier_block_is_kept_and_said_so() {
    let (bank_text, reports, now) = simulated_class(4);
    let bank_text = misjudged(&bank_text);
    let old: Vec<String> = reports.iter().map(|r| without_answers(r)).collect();
    let plain = calibrated(&bank_text, &old, now);
    assert_eq!((plain.learners, plain.learners_with_answers), (4, 0));
    assert!(plain.block.is_none());
    assert!(plain.bank.get("calibration").is_none());
    let with_block = calibrated(&bank_text, &reports, now).bank;
    assert!(with_block.get("calibration").is_some(), "the class's block");
    let kept = calibrated(&with_block.to_string(), &old, now);
    let summary = kept.block.expect("the earlier block is described");
    assert_eq!((summary.source, summary.learners), ("earlier", 4));
    assert_eq!(kept.bank.get("calibration"), with_block.get("calibration"));
}

#[test]
fn prompts_are_listed_as_plain_text_on_one_line() {
    let cases = [
        (
            "What is **half** of $\\frac{1}{2}$?",
            "What is half of 1/2?",
        ),
        ("A list:\n\n- *one*\n- two", "A list: one two"),
        ("Plain", "Plain"),
    ];
    for (prompt, plain) in cases {
        assert_eq!(super::plain_prompt(prompt), plain, "{prompt:?}");
    }
}

#[test]
fn a_learner_s_saved_progress_says_to_make_a_report_instead() {
    let mut columns = Columns::default();
    let progress =
        r#"{"format":"adaptive-practice-progress","version":1,"bankId":"b","skills":{}}"#;
    let reading = read_one(progress.as_bytes(), NOW, &mut columns);
    let error = reading.error.expect("not a report");
    assert_eq!(error.kind, "progress");
    assert!(
        error.message.contains("“Make a report for my teacher”"),
        "{}",
        error.message
    );
    let other = read_one(br#"{"format":"something-else"}"#, NOW, &mut columns);
    assert_eq!(other.error.expect("not a report").kind, "notAReport");
}
