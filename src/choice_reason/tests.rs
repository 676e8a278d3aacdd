//! The "why this item" sentence of a review says only what is true.

use adaptive_practice_engine::{load_bank, ChoiceReason, IndexedBank};

use super::why_this_item;
use crate::i18n::words_for;

const BANK: &str = r#"{
  "id": "tiny", "version": "1", "title": "Tiny",
  "skills": [ { "id": "count", "name": "Counting" } ],
  "items": [ { "id": "c1", "skills": ["count"], "type": "numeric", "prompt": "1 + 0", "answer": 1 } ]
}"#;

fn why_review(language: &str, recall: f64) -> String {
    let bank = IndexedBank::new(load_bank(BANK).bank.expect("the test bank loads"));
    let reason = ChoiceReason::ReviewDue {
        skill_id: "count".into(),
        recall,
    };
    why_this_item(words_for(Some(language)), &bank, &reason)
}

#[test]
fn a_review_never_says_recall_is_down_to_100_percent() {
    // Due right after practice (the estimate fell under the mastery level, recall rounds to 100%).
    assert_eq!(
        why_review("en", 0.996),
        "Review: you mastered “Counting”, and its estimate is now under the mastery level."
    );
    assert_eq!(
        why_review("fr", 0.93),
        "Révision : tu maîtrisais « Counting », et son estimation est maintenant sous le niveau de maîtrise."
    );
    // Recall under the target retention (90%) is said, rounded down: never "down to 90%".
    assert_eq!(
        why_review("en", 0.8999),
        "Review: you mastered “Counting”, and your predicted recall is down to 89%."
    );
    assert_eq!(
        why_review("en", 0.42),
        "Review: you mastered “Counting”, and your predicted recall is down to 42%."
    );
    for language in ["en", "fr", "ar"] {
        for recall in [0.9, 0.95, 0.995, 0.9999, 1.0] {
            let sentence = why_review(language, recall);
            assert!(
                !sentence.contains("100") && !sentence.contains("99"),
                "{sentence}"
            );
        }
    }
}

const CHAIN: &str = r#"{
  "id": "chain", "version": "1", "title": "Chain",
  "skills": [
    { "id": "count", "name": "Counting" },
    { "id": "add", "name": "Adding", "prerequisites": ["count"] },
    { "id": "multiply", "name": "Multiplying", "prerequisites": ["count", "add"] }
  ],
  "items": [ { "id": "c1", "skills": ["count"], "type": "numeric", "prompt": "1 + 0", "answer": 1 } ]
}"#;

fn why_new(after: &[&str], placed: &[&str]) -> String {
    why_new_in("en", after, placed)
}

fn why_new_in(language: &str, after: &[&str], placed: &[&str]) -> String {
    let bank = IndexedBank::new(load_bank(CHAIN).bank.expect("the test bank loads"));
    let ids = |list: &[&str]| list.iter().map(|id| id.to_string()).collect();
    let reason = ChoiceReason::NewSkill {
        skill_id: "multiply".into(),
        after: ids(after),
        placed: ids(placed),
    };
    why_this_item(words_for(Some(language)), &bank, &reason)
}

#[test]
fn a_list_of_skills_takes_the_quote_marks_of_the_sentence_language() {
    assert_eq!(
        why_new_in("fr", &["count", "add"], &[]),
        "Étape suivante : « Multiplying », maintenant que tu maîtrises « Counting » et « Adding »."
    );
    let arabic = why_new_in("ar", &["count", "add"], &[]);
    assert!(arabic.ends_with("«Counting» و«Adding»."), "{arabic}");
    assert!(!arabic.contains('“'), "{arabic}");
}

#[test]
fn a_new_skill_says_mastered_only_of_prerequisites_mastered() {
    assert_eq!(why_new(&[], &[]), "Starting “Multiplying”.");
    assert_eq!(
        why_new(&["count", "add"], &[]),
        "Next step: “Multiplying”, now that you have mastered “Counting” and “Adding”."
    );
    // Known only from placement answers: never "mastered".
    for (after, placed) in [(&[][..], &["count", "add"][..]), (&["count"], &["add"])] {
        let sentence = why_new(after, placed);
        assert!(!sentence.contains("mastered"), "{sentence}");
        assert_eq!(
            sentence,
            "Next step: “Multiplying”: your first answers suggest you already know “Counting” and “Adding”."
        );
    }
}
