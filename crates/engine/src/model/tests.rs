//! The claim rule: a long run of right answers claims a skill whose estimate lags.

use crate::bank::Item;
use crate::bank_check::load_bank;
use crate::bank_index::IndexedBank;
use crate::math::logit;
use crate::model::{Evidence, LearnerModel, Timestamp, LONG_RUN_STREAK, MASTERY_CONFIDENCE_Z};

/// One skill of four typed items, and a bank that asks for the usual evidence.
const BANK: &str = r#"{
  "id": "runs", "version": "1", "title": "Runs",
  "skills": [ { "id": "count", "name": "Counting" } ],
  "items": [
    { "id": "c1", "skills": ["count"], "difficulty": -1, "type": "numeric", "prompt": "1 + 0", "answer": 1 },
    { "id": "c2", "skills": ["count"], "difficulty": 0, "type": "numeric", "prompt": "2 + 0", "answer": 2 },
    { "id": "c3", "skills": ["count"], "difficulty": 0.5, "type": "numeric", "prompt": "3 + 0", "answer": 3 },
    { "id": "c4", "skills": ["count"], "difficulty": 1, "type": "numeric", "prompt": "4 + 0", "answer": 4 }
  ]
}"#;

/// Answers `wrong` times wrong, then right until the claim (at most 40 answers), a minute apart;
/// returns the right answers in a row at the claim and whether the estimate alone was confident.
fn claim_after_wrong_answers(wrong: usize) -> (u32, bool) {
    let bank = IndexedBank::new(load_bank(BANK).bank.expect("the bank loads"));
    let items: Vec<&Item> = bank.items().iter().collect();
    let mut model = LearnerModel::default();
    let threshold = logit(bank.settings().mastery_threshold);
    for k in 0..wrong + 40 {
        let now = Timestamp(1_700_000_000_000 + 60_000 * k as i64);
        let item = items[k % items.len()];
        let claimed = model.record_answer(&bank, &Evidence::of_item(item, k >= wrong), now);
        if !claimed.is_empty() {
            let record = model.skills.get("count").expect("practised");
            let confident =
                record.ability - MASTERY_CONFIDENCE_Z * record.variance.sqrt() >= threshold;
            return (record.streak, confident);
        }
    }
    panic!("never claimed after {wrong} wrong answers");
}

#[test]
fn a_long_run_of_right_answers_claims_a_skill_whose_estimate_lags() {
    // After many wrong answers the estimate lags: the run claims, not the estimate.
    let (streak, confident) = claim_after_wrong_answers(12);
    assert_eq!((streak, confident), (LONG_RUN_STREAK, false));
    // Without them the estimate claims first, after a short run.
    let (streak, confident) = claim_after_wrong_answers(0);
    assert!(confident && streak < LONG_RUN_STREAK, "streak {streak}");
}
