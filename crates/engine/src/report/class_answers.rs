//! A class's answers, from its reports' answer logs (version 2): the rows a calibration reads,
//! and the same rows as an answer log in the kt format (`user_id item_id timestamp correct
//! skill_id`, tab-separated), the file `make calibrate LOGS=…` takes.
//!
//! A learner is a number (the report's place in the list, from 1), never the name typed in the
//! report; no row holds what a learner typed, which no report holds either.

use super::LearnerReport;
use crate::bank_index::IndexedBank;
use crate::progress::item_key;

/// One answer of a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassAnswer<'a> {
    /// The report's place in the list given, from 1: a pseudonym.
    pub learner: u32,
    pub item_id: &'a str,
    /// The step answered, for an item in several parts.
    pub part: Option<u32>,
    /// Right or partial (a partial answer counts as right, as in every count).
    pub correct: bool,
    pub hints_used: u32,
    /// Seconds since 1970.
    pub at_seconds: i64,
}

/// Every answer the reports list, learner by learner in the order given, each learner's in the
/// order answered. A version 1 report lists none.
pub fn class_answers<'a>(reports: &'a [LearnerReport<'_>]) -> Vec<ClassAnswer<'a>> {
    let mut answers = Vec::new();
    for (place, report) in reports.iter().enumerate() {
        let learner = u32::try_from(place + 1).unwrap_or(u32::MAX);
        for answer in report.answers.iter().flat_map(|log| log.iter()) {
            answers.push(ClassAnswer {
                learner,
                item_id: answer.item_id,
                part: answer.part,
                correct: answer.verdict.counts_as_right(),
                hints_used: answer.hints_used,
                at_seconds: answer.at_seconds,
            });
        }
    }
    answers
}

/// The answers as a kt-format file: a header, then one line per answer. `item_id` is the key
/// the learner model keeps the item under (`item`, or `item#step` for a step), `skill_id` the
/// skills of the item (or step) in `bank`, separated by `,` (empty for an item the bank no
/// longer has), `correct` 1 or 0.
pub fn kt_answers_tsv(bank: &IndexedBank, answers: &[ClassAnswer<'_>]) -> String {
    let mut text = String::from("user_id\titem_id\ttimestamp\tcorrect\tskill_id\n");
    for answer in answers {
        let skills = bank
            .item_position(answer.item_id)
            .and_then(|position| {
                let parts = bank.items()[position].parts();
                let part = answer.part.map_or(0, |p| p as usize);
                parts.get(part).map(|part| part.skills.join(","))
            })
            .unwrap_or_default();
        let item = item_key(answer.item_id, answer.part);
        let line = format!(
            "{}\t{}\t{}\t{}\t{}\n",
            answer.learner,
            tsv_field(&item),
            answer.at_seconds,
            u8::from(answer.correct),
            tsv_field(&skills)
        );
        text.push_str(&line);
    }
    text
}

/// A field without the tabs and line breaks that would break the file's columns (bank ids have
/// none; a report is not trusted to).
fn tsv_field(value: &str) -> String {
    value.replace(['\t', '\n', '\r'], " ")
}
