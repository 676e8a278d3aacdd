//! The calibration block: fitted from a seeded simulated class, written and read back, checked,
//! and used by the widget's model exactly as `calibrated_model` predicts.

use super::{
    fit_bank_calibration, BankCalibration, ClassAnswer, FittedCalibration, PositionedCalibration,
};
use crate::bank::Bank;
use crate::bank_check::{load_bank, Severity};
use crate::calibrated_model::{self, LearnerState, ModelSettings};
use crate::math::sigmoid;
use crate::model::{Evidence, LearnerModel, Timestamp};
use crate::progress::load_progress;
use crate::seeded::SeededSequence;
use crate::IndexedBank;

/// Two skills of four items each; items `e*` are easy, items `h*` hard.
fn class_bank() -> Bank {
    let item = |id: &str, skill: &str| {
        format!(
            r#"{{ "id": "{id}", "skills": ["{skill}"], "type": "numeric", "prompt": "{id}?", "answer": 1 }}"#
        )
    };
    let items: Vec<String> = ["e1", "e2", "h1", "h2"]
        .iter()
        .flat_map(|id| [item(&format!("a-{id}"), "a"), item(&format!("b-{id}"), "b")])
        .collect();
    let text = format!(
        r#"{{ "id": "class", "version": "1", "title": "Class",
             "skills": [ {{ "id": "a", "name": "A" }}, {{ "id": "b", "name": "B" }} ],
             "items": [ {} ] }}"#,
        items.join(", ")
    );
    load_bank(&text).bank.expect("the class bank loads")
}

/// A seeded class: each learner answers every item of the bank twice in a shuffled order, right
/// with probability sigmoid(ability + easiness), easy items 3 logits easier than hard ones.
fn simulated_class(bank: &Bank, learners: usize, seed: u64) -> Vec<ClassAnswer> {
    let mut random = SeededSequence(seed);
    let mut answers = Vec::new();
    for learner in 0..learners {
        let ability = 2.0 * random.unit() - 1.0;
        let mut order: Vec<usize> = (0..bank.items.len()).chain(0..bank.items.len()).collect();
        for index in (1..order.len()).rev() {
            order.swap(index, random.below(index as u64 + 1) as usize);
        }
        for (step, &position) in order.iter().enumerate() {
            let item = &bank.items[position];
            let easiness = if item.id.contains("-e") { 1.5 } else { -1.5 };
            answers.push(ClassAnswer {
                learner: format!("learner{learner}"),
                item_id: item.id.clone(),
                part: None,
                correct: random.unit() < sigmoid(ability + easiness),
                seconds: 1_000.0 + 30.0 * step as f64,
            });
        }
    }
    answers
}

fn fitted_class() -> (Bank, FittedCalibration, BankCalibration) {
    let mut bank = class_bank();
    let mut answers = simulated_class(&bank, 40, 7);
    answers.push(ClassAnswer {
        learner: "learner0".into(),
        item_id: "not-in-the-bank".into(),
        part: None,
        correct: true,
        seconds: 0.0,
    });
    let settings = ModelSettings {
        optimizer_iterations: 100,
        cross_fit_folds: 2,
        ..ModelSettings::default()
    };
    let fitted = fit_bank_calibration(&bank, &answers, settings, &mut |_, _| {})
        .expect("answers match items");
    let block = fitted
        .calibration
        .clone()
        .expect("the class's block predicts its held-out answers better than the bank without one");
    bank.calibration = Some(block.clone());
    (bank, fitted, block)
}

#[test]
fn a_seeded_class_makes_easy_items_come_out_easier() {
    let (bank, fitted, block) = fitted_class();
    assert_eq!(
        (
            fitted.used_answers,
            fitted.skipped_answers,
            fitted.learners,
            fitted.items
        ),
        (640, 1, 40, 8)
    );
    assert_eq!(block.fitted.learners, 40);
    assert_eq!(block.fitted.answers, 640);
    let indexed = IndexedBank::new(bank.clone());
    let new_learner = LearnerModel::default();
    let now = Timestamp(0);
    let predicted = |id: &str| {
        let item = bank.items.iter().find(|item| item.id == id).expect("item");
        new_learner.predict_success(&indexed, item, now)
    };
    for skill in ["a", "b"] {
        for easy in ["e1", "e2"] {
            for hard in ["h1", "h2"] {
                let (easy, hard) = (format!("{skill}-{easy}"), format!("{skill}-{hard}"));
                let reference = |id: &str| block.items[id].ability_reference;
                assert!(
                    reference(&easy) > reference(&hard) + 1.0,
                    "{easy} {} vs {hard} {}",
                    reference(&easy),
                    reference(&hard)
                );
                assert!(
                    predicted(&easy) > predicted(&hard) + 0.2,
                    "{easy} {} vs {hard} {}",
                    predicted(&easy),
                    predicted(&hard)
                );
            }
        }
    }
}

#[test]
fn the_block_round_trips_by_id_with_four_decimals() {
    let (bank, _, block) = fitted_class();
    let text = serde_json::to_string_pretty(&bank).expect("the bank writes");
    // Every number of the block has at most four decimals.
    let written = &text[text.find("\"calibration\"").expect("the block is written")..];
    for number in written.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')) {
        if let Some((_, decimals)) = number.split_once('.') {
            assert!(decimals.len() <= 4, "{number}");
        }
    }
    let read = load_bank(&text);
    assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
    assert_eq!(read.bank.as_ref(), Some(&bank));
    let by_serde: Bank = serde_json::from_str(&text).expect("serde reads the bank");
    assert_eq!(by_serde, bank);
    assert_eq!(
        block.items.keys().count(),
        8,
        "{:?}",
        block.items.keys().collect::<Vec<_>>()
    );
    // Reordered items keep their parameters: the block is keyed by id.
    let mut reordered = bank.clone();
    reordered.items.reverse();
    let positioned = PositionedCalibration::new(&reordered, &block);
    let last = reordered.items.len() - 1;
    assert_eq!(reordered.items[last].id, bank.items[0].id);
    assert_eq!(
        positioned.parameters.item_easiness[last],
        block.items[&bank.items[0].id].easiness
    );
}

/// Answers `script` (item id, right or wrong) on the calibrated bank with the widget's model and
/// with `calibrated_model` directly (keeping the last outcome on each item); both must predict the
/// same before every answer.
fn check_same_predictions(bank: &Bank, script: &[(&str, bool)]) {
    let indexed = IndexedBank::new(bank.clone());
    let parameters = &indexed.calibration().parameters;
    let mut model = LearnerModel::default();
    let mut state = LearnerState::default();
    let mut last_outcomes = vec![None; indexed.items().len()];
    for (step, &(id, correct)) in script.iter().enumerate() {
        let position = indexed.item_position(id).expect("item of the bank");
        let item = &indexed.items()[position];
        let now = Timestamp(1_700_000_000_000 + 90_000 * step as i64);
        let seconds = now.0 as f64 / 1000.0;
        let skills = indexed.skills_of_item(position).to_vec();
        let last = last_outcomes[position];
        let expected =
            calibrated_model::predict(parameters, &state, position, &skills, seconds, last);
        let evidence = Evidence::of_item(item, correct);
        assert_eq!(model.predict_evidence(&indexed, &evidence, now), expected);
        assert_eq!(model.predict_success(&indexed, item, now), expected);
        model.record_answer(&indexed, &evidence, now);
        calibrated_model::update(parameters, &mut state, position, &skills, correct, seconds);
        last_outcomes[position] = Some(correct);
    }
    assert_eq!(model.calibrated.as_ref(), Some(&state));
}

#[test]
fn a_calibrated_bank_predicts_exactly_as_the_calibrated_model() {
    let (bank, _, _) = fitted_class();
    check_same_predictions(&bank, &[("a-e1", true), ("a-h1", false), ("b-e2", true)]);
    check_same_predictions(
        &bank,
        &[
            ("b-h2", false),
            ("b-h2", false),
            ("a-e1", true),
            ("a-e2", true),
            ("a-h2", true),
            ("b-e1", true),
        ],
    );
}

#[test]
fn mastery_on_a_calibrated_bank_is_the_prediction_on_a_typical_item() {
    // A hand-made calibration: only ln(1 + right answers on the skill) counts, with weight 1.
    let mut bank = class_bank();
    let mut weights = vec![0.0; crate::calibrated_model::SKILL_FEATURE_COUNT];
    weights[1] = 1.0;
    let skill = super::SkillCalibration {
        easiness: 0.0,
        ability_reference: 0.0,
        weights,
    };
    bank.calibration = Some(super::BankCalibration {
        version: super::CALIBRATION_VERSION,
        fitted: super::CalibrationFitted {
            learners: 0,
            answers: 0,
        },
        settings: super::CalibrationSettings {
            ability_step: 0.8,
            ability_step_decay: 0.05,
            recent_ability_step: 0.3,
        },
        weights: vec![0.0; crate::calibrated_model::GLOBAL_FEATURE_COUNT],
        skills: [("a".to_string(), skill)].into_iter().collect(),
        items: Default::default(),
    });
    let indexed = IndexedBank::new(bank);
    let mut model = LearnerModel::default();
    let now = Timestamp(1_700_000_000_000);
    let mut masteries = Vec::new();
    for id in ["a-e1", "a-h1", "a-e2", "a-h2", "a-e1", "a-h1"] {
        let item = &indexed.items()[indexed.item_position(id).expect("item")];
        let mastered = model.record_answer(&indexed, &Evidence::of_item(item, true), now);
        let mastery = model.skill_mastery(&indexed, 0, now);
        masteries.push(format!(
            "{:.3} {:?} {mastered:?}",
            mastery.mastery, mastery.state
        ));
    }
    // sigmoid(ln(1 + n)) = (1 + n) / (2 + n); mastered once that estimate, less half a standard
    // deviation of the model's own uncertainty, reaches 0.8 (with the streak and the evidence).
    assert_eq!(
        masteries,
        [
            "0.667 Learning []",
            "0.750 Learning []",
            "0.800 Learning []",
            "0.833 Learning []",
            "0.857 Learning []",
            "0.875 Mastered [\"a\"]",
        ]
    );
}

#[test]
fn saved_progress_of_the_current_release_loads_with_a_calibrated_bank() {
    let bank_text = include_str!("../../../../www/banks/fractions.json");
    let mut bank = load_bank(bank_text).bank.expect("the sample bank loads");
    // Every other item always wrong: a block the class's held-out answers keep.
    let answers: Vec<ClassAnswer> = (0..12)
        .flat_map(|learner| {
            bank.items
                .iter()
                .take(8)
                .enumerate()
                .map(move |(position, item)| ClassAnswer {
                    learner: format!("{learner}"),
                    item_id: item.id.clone(),
                    part: None,
                    correct: position % 2 == 0 && (learner + position) % 5 != 0,
                    seconds: 0.0,
                })
        })
        .collect();
    let fitted = fit_bank_calibration(&bank, &answers, ModelSettings::default(), &mut |_, _| {})
        .expect("fits");
    bank.calibration = Some(fitted.calibration.expect("a block"));
    let indexed = IndexedBank::new(bank);
    for fixture in [
        include_str!("../../tests/fixtures/progress-v1.json"),
        include_str!("../../tests/fixtures/progress-v1-sessions.json"),
    ] {
        let mut progress = load_progress(fixture, "fractions").expect("the fixture loads");
        assert_eq!(progress.model.calibrated, None);
        let rebuilt = crate::model::rebuild_calibrated_state(&progress.model, &indexed);
        // Item choice rebuilds the state once, before its many predictions.
        let mut choosing = progress.clone();
        let choice_time = Timestamp(1_764_000_000_000);
        crate::session::advance(&indexed, &mut choosing, choice_time, &Default::default());
        assert_eq!(choosing.model.calibrated.as_ref(), Some(&rebuilt));
        let meaning = indexed.skill_position("fraction-meaning").expect("skill");
        let record = &progress.model.skills["fraction-meaning"];
        assert_eq!(rebuilt.skills[meaning].attempts, f64::from(record.attempts));
        assert_eq!(
            rebuilt.overall.attempts,
            f64::from(progress.model.answer_count)
        );
        let now = Timestamp(1_764_000_000_000);
        let item = &indexed.items()[0];
        let before = progress.model.predict_success(&indexed, item, now);
        assert!((0.0..=1.0).contains(&before), "{before}");
        progress
            .model
            .record_answer(&indexed, &Evidence::of_item(item, true), now);
        let state = progress
            .model
            .calibrated
            .as_ref()
            .expect("rebuilt, then updated");
        assert_eq!(state.overall.attempts, rebuilt.overall.attempts + 1.0);
    }
}

/// Loads `bank` with `block` as its calibration; returns each diagnostic as `severity path`.
fn check_block_diagnostics(block: &str, expected: &[&str]) {
    let text = format!(
        r#"{{ "id": "b", "version": "1", "title": "B",
             "skills": [ {{ "id": "s", "name": "S" }} ],
             "items": [ {{ "id": "i", "skills": ["s"], "type": "numeric", "prompt": "1?", "answer": 1 }} ],
             "calibration": {block} }}"#
    );
    let found: Vec<String> = load_bank(&text)
        .diagnostics
        .iter()
        .filter(|d| d.path.starts_with("$.calibration"))
        .map(|d| {
            let severity = if d.severity == Severity::Error {
                "error"
            } else {
                "warning"
            };
            format!("{severity} {}: {}", d.path, d.message)
        })
        .collect();
    assert_eq!(found, expected, "{block}");
}

fn block(skills: &str, items: &str) -> String {
    let weights = vec!["0"; calibrated_model::GLOBAL_FEATURE_COUNT].join(",");
    format!(
        r#"{{ "version": 1, "fitted": {{ "learners": 2, "answers": 9 }},
             "settings": {{ "abilityStep": 0.8, "abilityStepDecay": 0.05, "recentAbilityStep": 0.3 }},
             "weights": [{weights}], "skills": {skills}, "items": {items} }}"#
    )
}

#[test]
fn unknown_ids_are_warnings_and_a_malformed_block_an_error_with_its_path() {
    let skill_weights = vec!["0.5"; calibrated_model::SKILL_FEATURE_COUNT].join(",");
    let skill =
        format!(r#"{{ "easiness": 0.1, "abilityReference": 0, "weights": [{skill_weights}] }}"#);
    check_block_diagnostics(
        &block(
            &format!(r#"{{ "s": {skill} }}"#),
            r#"{ "i": [0.5, 0, 0.2] }"#,
        ),
        &[],
    );
    check_block_diagnostics(
        &block(
            &format!(r#"{{ "s": {skill}, "gone": {skill} }}"#),
            r#"{ "i": [0.5, 0, 0.2], "old": [1, 0, 1], "i#1": [1, 0, 1] }"#,
        ),
        &[
            "warning $.calibration.skills[\"gone\"]: the calibration has parameters for \"gone\", which is not a skill of the bank: they are ignored",
            "warning $.calibration.items[\"i#1\"]: the calibration has parameters for \"i#1\", which is not an item (or step) of the bank: they are ignored",
            "warning $.calibration.items[\"old\"]: the calibration has parameters for \"old\", which is not an item (or step) of the bank: they are ignored",
        ],
    );
    check_block_diagnostics(
        &block("{}", r#"{ "i": [0.5, 0] }"#),
        &["error $.calibration.items[\"i\"]: the calibration cannot be read: invalid length 2, expected 3 numbers"],
    );
    check_block_diagnostics(
        &block(r#"{ "s": { "easiness": 1 } }"#, "{}"),
        &["error $.calibration.skills[\"s\"]: the calibration cannot be read: missing field `abilityReference`"],
    );
    check_block_diagnostics(
        r#"{ "version": 3 }"#,
        &["error $.calibration.version: the calibration cannot be read: unknown calibration version 3, expected 1 to 2"],
    );
    check_block_diagnostics(
        r#"[1]"#,
        &["error $.calibration: the calibration cannot be read: invalid type: sequence, expected struct BankCalibration"],
    );
}

#[test]
fn an_item_entry_has_three_numbers_or_three_and_its_context_slopes() {
    use super::ItemCalibration;
    use calibrated_model::CONTEXT_COUNT;
    let slopes = ["0.25"; CONTEXT_COUNT].join(",");
    let with_slopes = format!("[0.5,0,0.2,{slopes}]");
    check_block_diagnostics(&block("{}", &format!(r#"{{ "i": {with_slopes} }}"#)), &[]);
    check_block_diagnostics(
        &block("{}", r#"{ "i": [0.5, 0, 0.2, 1] }"#),
        &["error $.calibration.items[\"i\"]: the calibration cannot be read: invalid length 4, expected 3 numbers"],
    );
    // serde (the bank tools) reads both and writes a block without slopes as before.
    let old: ItemCalibration = serde_json::from_str("[0.5,0,0.2]").expect("3 numbers read");
    assert_eq!(old.context_slopes, [0.0; CONTEXT_COUNT]);
    assert_eq!(
        serde_json::to_string(&old).expect("writes"),
        "[0.5,0.0,0.2]"
    );
    let new: ItemCalibration = serde_json::from_str(&with_slopes).expect("with slopes read");
    assert_eq!(new.context_slopes, [0.25; CONTEXT_COUNT]);
    let written = serde_json::to_string(&new).expect("writes");
    assert_eq!(
        serde_json::from_str::<ItemCalibration>(&written).ok(),
        Some(new)
    );
    assert!(serde_json::from_str::<ItemCalibration>("[0.5,0,0.2,1]").is_err());
}

#[test]
fn a_fitted_block_has_context_slopes_and_the_widget_reads_them() {
    let (bank, _, block) = fitted_class();
    assert!(block
        .items
        .values()
        .any(|item| item.context_slopes.iter().any(|slope| *slope != 0.0)));
    let positioned = PositionedCalibration::new(&bank, &block);
    for (position, item) in bank.items.iter().enumerate() {
        assert_eq!(
            positioned.parameters.item_context_slopes[position],
            block.items[&item.id].context_slopes
        );
    }
    // A block without them (written before them) gives none.
    let mut old = block.clone();
    old.items
        .values_mut()
        .for_each(|item| item.context_slopes = Default::default());
    assert!(PositionedCalibration::new(&bank, &old)
        .parameters
        .item_context_slopes
        .is_empty());
}

#[test]
fn the_block_holds_each_items_context_slopes_plus_the_global_ones() {
    use calibrated_model::CONTEXT_COUNT;
    let mut parameters = calibrated_model::default_parameters();
    parameters.global_context_slopes = [0.25; CONTEXT_COUNT];
    parameters.item_context_slopes = vec![[0.5, -0.5, 0.0, 1.0, 0.0]];
    assert_eq!(
        super::item_context_slopes(&parameters, 0),
        [0.75, -0.25, 0.25, 1.25, 0.25]
    );
    // An item the fit gave no slopes of its own gets the global ones.
    assert_eq!(
        super::item_context_slopes(&parameters, 1),
        [0.25; CONTEXT_COUNT]
    );
    // A fitted block's items carry them, and the bank with the block has no global ones (each
    // item's entry has them already).
    let (bank, _, block) = fitted_class();
    assert!(block
        .items
        .values()
        .all(|item| item.context_slopes != [0.0; CONTEXT_COUNT]));
    assert_eq!(
        PositionedCalibration::new(&bank, &block)
            .parameters
            .global_context_slopes,
        [0.0; CONTEXT_COUNT]
    );
}

#[test]
fn after_saving_and_loading_the_calibrated_state_is_replayed_from_the_answer_log() {
    replayed_after_saving_and_loading(fitted_class().0);
    replayed_after_saving_and_loading(class_with_loadings().0);
}

fn replayed_after_saving_and_loading(bank: Bank) {
    use crate::answer::Response;
    use crate::progress::save_progress;
    use crate::sample_response::response_for;
    use crate::session::{advance, new_progress, resume, submit_answer};

    let indexed = IndexedBank::new(bank);
    let mut progress = new_progress(&indexed, 3);
    let options = Default::default();
    // Whole seconds: the log keeps times to the second.
    let mut now = Timestamp(1_700_000_000_000);
    for step in 0..12 {
        let next = advance(&indexed, &mut progress, now, &options).expect("an item");
        let item = indexed.items()[next.item_position].clone();
        let response: Response = response_for(&item.kind, step % 3 != 0).expect("a response");
        submit_answer(&indexed, &mut progress, &item, 0, &response, 0, now).expect("judged");
        now = Timestamp(now.0 + 47_000);
    }
    let live = progress
        .model
        .calibrated
        .clone()
        .expect("kept while answering");
    let mut loaded = load_progress(&save_progress(&progress), indexed.id()).expect("loads");
    assert_eq!(loaded.model.calibrated, None, "never saved");
    resume(&indexed, &mut loaded, now, &options);
    assert_eq!(loaded.model.calibrated, Some(live.clone()));
    let meaning = &indexed.items()[0];
    assert_eq!(
        loaded.model.predict_success(&indexed, meaning, now),
        progress.model.predict_success(&indexed, meaning, now)
    );
    // An answer straight after loading (no choice in between) starts from the replayed state too.
    let mut answered = load_progress(&save_progress(&progress), indexed.id()).expect("loads");
    let item = indexed.items()[0].clone();
    let response: Response = response_for(&item.kind, true).expect("a response");
    for copy in [&mut progress, &mut answered] {
        submit_answer(&indexed, copy, &item, 0, &response, 0, now).expect("judged");
    }
    assert_eq!(answered.model.calibrated, progress.model.calibrated);
    // Without the log (progress saved before it), the state is rebuilt from the skill records.
    let mut without_log = loaded.clone();
    without_log.model.calibrated = None;
    without_log.answer_log = Default::default();
    resume(&indexed, &mut without_log, now, &options);
    assert_ne!(without_log.model.calibrated, Some(live));
}

#[test]
fn only_a_bank_that_knows_no_item_predicts_with_the_item_memory() {
    let bank = class_bank();
    let indexed = IndexedBank::new(bank.clone());
    assert_eq!(
        indexed.calibration().parameters.item_memory_shifts,
        calibrated_model::DEFAULT_ITEM_MEMORY_SHIFTS
    );
    check_same_predictions(
        &bank,
        &[
            ("b-h2", false),
            ("b-h2", false),
            ("a-e1", true),
            ("a-e1", true),
            ("b-h2", true),
        ],
    );
    // After a wrong answer to b-h2, it is predicted below b-h1 (never answered), and item
    // choice's path gives the same.
    let position = |id: &str| indexed.item_position(id).expect("item of the bank");
    let item = |id: &str| &indexed.items()[position(id)];
    let now = Timestamp(1_700_000_000_000);
    let mut model = LearnerModel::default();
    model.record_answer(&indexed, &Evidence::of_item(item("b-h2"), false), now);
    let repeat = model.predict_success(&indexed, item("b-h2"), now);
    let fresh = model.predict_success(&indexed, item("b-h1"), now);
    assert!(repeat < fresh - 0.05, "{repeat} vs {fresh}");
    let terms = model.learner_terms(&indexed, now);
    let from_terms = model.predict_from_terms(&indexed, position("b-h2"), &terms);
    assert!(
        (from_terms - repeat).abs() < 1e-12,
        "{from_terms} vs {repeat}"
    );
    // A calibrated bank, or one with difficulties, knows its items: no item memory.
    let (calibrated, _, _) = fitted_class();
    let mut with_difficulties = bank.clone();
    with_difficulties.items[0].difficulty = Some(1.0);
    for known in [calibrated, with_difficulties] {
        let shifts = IndexedBank::new(known)
            .calibration()
            .parameters
            .item_memory_shifts;
        assert_eq!(shifts, [0.0; 2]);
    }
}

/// The log-loss of `bank` (with its block, or without) on `answers`, each predicted by the
/// widget's model before it is recorded, every learner from scratch.
fn widget_log_loss(bank: &Bank, answers: &[ClassAnswer]) -> f64 {
    let indexed = IndexedBank::new(bank.clone());
    let mut learners: std::collections::BTreeMap<&str, LearnerModel> = Default::default();
    let mut loss = 0.0;
    for (step, answer) in answers.iter().enumerate() {
        let model = learners.entry(answer.learner.as_str()).or_default();
        let item = indexed
            .items()
            .iter()
            .find(|item| item.id == answer.item_id)
            .expect("an item of the bank");
        let now = Timestamp(1_000 * step as i64);
        let probability = model
            .predict_success(&indexed, item, now)
            .clamp(1e-6, 1.0 - 1e-6);
        loss -= if answer.correct {
            probability.ln()
        } else {
            (1.0 - probability).ln()
        };
        model.record_answer(&indexed, &Evidence::of_item(item, answer.correct), now);
    }
    loss / answers.len() as f64
}

/// Fits `learners` simulated learners (seed `seed`), and scores the bank it gives (with the
/// class's block, or unchanged) and the bank without a block on 60 new simulated learners:
/// the block is kept or not, and (log-loss with what the class gave, without a block).
fn class_against_new_learners(learners: usize, seed: u64) -> (bool, f64, f64) {
    let bank = class_bank();
    let class = simulated_class(&bank, learners, seed);
    let fitted = fit_bank_calibration(&bank, &class, ModelSettings::default(), &mut |_, _| {})
        .expect("answers match items");
    let mut given = bank.clone();
    given.calibration = fitted.calibration.clone();
    let new_learners = simulated_class(&bank, 60, seed + 1_000);
    (
        fitted.calibration.is_some(),
        widget_log_loss(&given, &new_learners),
        widget_log_loss(&bank, &new_learners),
    )
}

#[test]
fn what_a_class_gives_never_predicts_new_learners_worse_than_no_block() {
    let mut kept = Vec::new();
    for (learners, seed) in [(2, 1), (3, 2), (4, 3), (6, 4), (10, 5), (40, 6)] {
        let (block_kept, with_class, without_block) = class_against_new_learners(learners, seed);
        assert!(
            with_class <= without_block + 0.005,
            "{learners} learners: {with_class} vs {without_block} without a block"
        );
        kept.push(block_kept);
    }
    // Items 3 logits apart: a class of 40 gets its block.
    assert_eq!(kept.last(), Some(&true), "{kept:?}");
}

/// A seeded class whose answers the bank without a block predicts as well as anything can: each
/// learner answers every item twice in a shuffled order, right with the probability the widget's
/// model gives on the bank without a block.
fn class_of_the_defaults(bank: &Bank, learners: usize, seed: u64) -> Vec<ClassAnswer> {
    let indexed = IndexedBank::new(bank.clone());
    let mut random = SeededSequence(seed);
    let mut answers = Vec::new();
    for learner in 0..learners {
        let mut model = LearnerModel::default();
        let mut order: Vec<usize> = (0..bank.items.len()).chain(0..bank.items.len()).collect();
        for index in (1..order.len()).rev() {
            order.swap(index, random.below(index as u64 + 1) as usize);
        }
        for (step, &position) in order.iter().enumerate() {
            let item = &indexed.items()[position];
            let now = Timestamp(60_000 * step as i64);
            let correct = random.unit() < model.predict_success(&indexed, item, now);
            model.record_answer(&indexed, &Evidence::of_item(item, correct), now);
            answers.push(ClassAnswer {
                learner: format!("learner{learner}"),
                item_id: item.id.clone(),
                part: None,
                correct,
                seconds: 60.0 * step as f64,
            });
        }
    }
    answers
}

#[test]
fn a_small_class_the_defaults_already_predict_mostly_leaves_the_bank_without_a_block() {
    let bank = class_bank();
    let new_learners = class_of_the_defaults(&bank, 60, 99);
    let without_block = widget_log_loss(&bank, &new_learners);
    let mut blocks = 0;
    for (learners, seed) in [(3, 21), (6, 22), (10, 23), (10, 24), (10, 25), (10, 26)] {
        let answers = class_of_the_defaults(&bank, learners, seed);
        let fitted =
            fit_bank_calibration(&bank, &answers, ModelSettings::default(), &mut |_, _| {})
                .expect("answers match items");
        let check = fitted
            .check
            .expect("a class of several learners is checked");
        assert_eq!(check.answers, 16 * learners);
        assert_eq!(
            fitted.calibration.is_some(),
            check.without_block_log_loss - check.block_log_loss > 2.0 * check.standard_error,
            "{learners} learners: {check:?}"
        );
        let mut given = bank.clone();
        given.calibration = fitted.calibration.clone();
        blocks += usize::from(given.calibration.is_some());
        let with_class = widget_log_loss(&given, &new_learners);
        assert!(
            with_class <= without_block + 0.005,
            "{learners} learners: {with_class} vs {without_block}"
        );
    }
    assert_eq!(blocks, 0, "{blocks} blocks of 6 classes");
}

#[test]
fn one_learner_is_not_checked_and_gets_no_block() {
    let bank = class_bank();
    let answers = simulated_class(&bank, 1, 3);
    let fitted = fit_bank_calibration(&bank, &answers, ModelSettings::default(), &mut |_, _| {})
        .expect("answers match items");
    assert_eq!((fitted.check, fitted.calibration), (None, None));
    assert_eq!((fitted.learners, fitted.used_answers), (1, 16));
}

#[test]
fn the_fit_reports_its_progress_up_to_the_end() {
    let bank = class_bank();
    for learners in [1, 8, 40] {
        let answers = simulated_class(&bank, learners, 5);
        let mut reports: Vec<(usize, usize)> = Vec::new();
        fit_bank_calibration(
            &bank,
            &answers,
            ModelSettings::default(),
            &mut |done, total| reports.push((done, total)),
        )
        .expect("answers match items");
        let total = reports.first().map_or(0, |&(_, total)| total);
        assert!(total > 0, "{learners} learners: {reports:?}");
        assert!(
            reports.iter().all(|&(_, of)| of == total),
            "{learners}: {reports:?}"
        );
        assert!(
            reports.windows(2).all(|pair| pair[0].0 <= pair[1].0),
            "{learners} learners: {reports:?}"
        );
        assert_eq!(reports.last(), Some(&(total, total)));
        if learners > 1 {
            // Values between the start and the end, not just the end.
            let between = reports
                .iter()
                .filter(|&&(done, _)| done > 0 && done < total)
                .count();
            assert!(between >= 10, "{learners} learners: {reports:?}");
        }
    }
}

/// The fitted class's bank with loadings on a learner vector of rank 2 given to every item (easy
/// and hard items load in opposite directions), in a block of version 2.
fn class_with_loadings() -> (Bank, BankCalibration) {
    let (mut bank, _, mut block) = fitted_class();
    let keys: Vec<String> = block.items.keys().cloned().collect();
    for id in keys {
        let item = block.items.get_mut(&id).expect("a key of the block");
        item.loadings = if id.contains("-e") {
            vec![0.8, -0.4]
        } else {
            vec![-0.6, 0.5]
        };
    }
    block.version = super::CALIBRATION_VERSION;
    bank.calibration = Some(block.clone());
    (bank, block)
}

#[test]
fn a_block_of_version_2_carries_loadings_the_widget_reads_and_follows() {
    let (bank, block) = class_with_loadings();
    // Written and read back by the widget's reader (`bank_read.rs`) and by serde.
    let text = serde_json::to_string(&bank).expect("writes");
    assert!(text.contains(r#""version":2"#), "{text}");
    let loaded = load_bank(&text).bank.expect("the bank with loadings loads");
    assert_eq!(loaded.calibration.as_ref(), Some(&block));
    let positioned = PositionedCalibration::new(&loaded, &block);
    assert_eq!(positioned.parameters.factor_rank, 2);
    assert_eq!(
        &positioned.parameters.item_loadings[..2],
        &block.items[&bank.items[0].id].loadings[..]
    );
    check_same_predictions(
        &loaded,
        &[
            ("a-e1", true),
            ("a-h1", false),
            ("b-e2", true),
            ("b-h2", true),
        ],
    );
    // The learner vector moves the predictions: a learner right on easy items and wrong on hard
    // ones is predicted lower on a hard item than with the same block without loadings.
    let mut without = block.clone();
    without
        .items
        .values_mut()
        .for_each(|item| item.loadings.clear());
    let hard_after = |block: &BankCalibration| {
        let mut bank = bank.clone();
        bank.calibration = Some(block.clone());
        let indexed = IndexedBank::new(bank);
        let mut model = LearnerModel::default();
        let now = Timestamp(1_700_000_000_000);
        for (id, correct) in [
            ("a-e1", true),
            ("a-h1", false),
            ("b-e1", true),
            ("b-h1", false),
        ] {
            let item = &indexed.items()[indexed.item_position(id).expect("item")];
            model.record_answer(&indexed, &Evidence::of_item(item, correct), now);
        }
        let hard = &indexed.items()[indexed.item_position("a-h2").expect("item")];
        model.predict_success(&indexed, hard, now)
    };
    assert!(hard_after(&block) < hard_after(&without) - 0.01);
}

#[test]
fn a_block_of_version_1_reads_as_before_with_no_learner_vector() {
    // A block as the releases before loadings wrote it (version 1, items of 3 or 8 numbers).
    let skill_weights = vec!["0.5"; calibrated_model::SKILL_FEATURE_COUNT].join(",");
    let skill =
        format!(r#"{{ "easiness": 0.1, "abilityReference": 0, "weights": [{skill_weights}] }}"#);
    let old = block(
        &format!(r#"{{ "s": {skill} }}"#),
        r#"{ "i": [0.5, 0.1, 0.2, 0.3, 0, 0.1, 0, 0] }"#,
    );
    check_block_diagnostics(&old, &[]);
    let text = format!(
        r#"{{ "id": "b", "version": "1", "title": "B",
             "skills": [ {{ "id": "s", "name": "S" }} ],
             "items": [ {{ "id": "i", "skills": ["s"], "type": "numeric", "prompt": "1?", "answer": 1 }} ],
             "calibration": {old} }}"#
    );
    let bank = load_bank(&text).bank.expect("loads");
    let block = bank.calibration.clone().expect("a block");
    assert_eq!(block.version, 1);
    assert!(block.items["i"].loadings.is_empty());
    let positioned = PositionedCalibration::new(&bank, &block);
    assert_eq!(positioned.parameters.factor_rank, 0);
    assert!(positioned.parameters.item_loadings.is_empty());
    // serde writes it back as it was: version 1, 8 numbers.
    let written = serde_json::to_string(&block).expect("writes");
    assert!(
        written.contains(r#""version":1"#) && written.contains("[0.5,0.1,0.2,0.3,0.0,0.1,0.0,0.0]"),
        "{written}"
    );
    let mut state = LearnerState::default();
    calibrated_model::update(&positioned.parameters, &mut state, 0, &[0], true, 60.0);
    assert!(state.factor_mean.is_empty() && state.factor_covariance.is_empty());
}
