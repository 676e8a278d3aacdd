//! Unit tests of the evaluation crate: metrics, the TSV and review-log parsers, the command line and the models on synthetic learners.

use std::path::Path;

use adaptive_practice_engine::calibrated_model::{self, ModelSettings};
use adaptive_practice_engine::memory::{Rating, Review};

use crate::baselines::{fit_mean_model, fit_rasch_model};
use crate::bkt::fit_knowledge_tracing_model;
use crate::dataset::{parse_dataset, Answer, Dataset, LearnerSequence, Vocabulary};
use crate::elo::{fit_two_level_elo, TwoLevelElo, ELO_SETTINGS, UNCALIBRATED_ELO_SETTINGS};
use crate::engine_model::{dataset_bank, fit_widget_model, WidgetModelOnline};
use crate::knowledge_tracing::{
    observed_sequences, result_line, score_models, LearnerModelOnline, ALL_MODEL_NAMES,
};
use crate::metrics::{area_under_roc_curve, log_loss, root_mean_squared_error};
use crate::parse_command_line;
use crate::replay::{replay_learners, OnlineModel};
use crate::revlog::parse_review_log;
use crate::transfer::learner_pass;
use crate::validation::{fnv1a_64, is_validation_learner, split_for_validation};

fn check_auc(predictions: &[f64], outcomes: &[u8], expected: Option<f64>) {
    let outcomes: Vec<bool> = outcomes.iter().map(|&outcome| outcome == 1).collect();
    let actual = area_under_roc_curve(predictions, &outcomes);
    match (actual, expected) {
        (Some(actual), Some(expected)) => assert!(
            (actual - expected).abs() < 1e-12,
            "AUC {actual}, expected {expected}"
        ),
        (actual, expected) => assert_eq!(actual, expected),
    }
}

#[test]
fn auc_of_a_perfect_ranking_is_one() {
    check_auc(&[0.1, 0.2, 0.8, 0.9], &[0, 0, 1, 1], Some(1.0));
}

#[test]
fn auc_of_a_reversed_ranking_is_zero() {
    check_auc(&[0.9, 0.8, 0.2, 0.1], &[0, 0, 1, 1], Some(0.0));
}

#[test]
fn auc_counts_a_tie_between_a_positive_and_a_negative_as_one_half() {
    // Pairs (positive, negative): (0.4, 0.1) 1, (0.4, 0.4) 1/2, (0.8, 0.1) 1, (0.8, 0.4) 1.
    check_auc(&[0.1, 0.4, 0.4, 0.8], &[0, 1, 0, 1], Some(3.5 / 4.0));
}

#[test]
fn auc_of_constant_predictions_is_one_half() {
    check_auc(&[0.3, 0.3, 0.3, 0.3, 0.3], &[0, 1, 1, 0, 1], Some(0.5));
}

#[test]
fn auc_with_ties_among_positives_and_several_groups() {
    // Positives 0.5, 0.5, 0.9; negatives 0.2, 0.5, 0.7.
    // 0.5 beats 0.2, ties 0.5, loses to 0.7: 1.5 each (twice); 0.9 beats all three: 3. Total 6 of 9.
    check_auc(
        &[0.5, 0.2, 0.5, 0.5, 0.7, 0.9],
        &[1, 0, 1, 0, 0, 1],
        Some(6.0 / 9.0),
    );
}

#[test]
fn auc_is_undefined_when_all_outcomes_are_equal() {
    check_auc(&[0.1, 0.7], &[1, 1], None);
    check_auc(&[], &[], None);
}

#[test]
fn log_loss_and_rmse_match_hand_computation() {
    let (predictions, outcomes) = ([0.8, 0.4], [true, false]);
    let expected_log_loss = -(0.8f64.ln() + 0.6f64.ln()) / 2.0;
    let expected_rmse = ((0.04 + 0.16) / 2.0f64).sqrt();
    assert!((log_loss(&predictions, &outcomes) - expected_log_loss).abs() < 1e-12);
    assert!((root_mean_squared_error(&predictions, &outcomes) - expected_rmse).abs() < 1e-12);
}

/// An expected answer: item, skills, timestamp, correct.
type ExpectedAnswer = (usize, Vec<usize>, f64, bool);

/// Expected learners with their answers, or the line number and a part of the error message.
type ExpectedParse<'a> = Result<Vec<(&'a str, Vec<ExpectedAnswer>)>, (usize, &'a str)>;

fn check_parse(text: &str, expected: ExpectedParse) {
    let mut vocabulary = Vocabulary::default();
    let actual = parse_dataset(Path::new("answers.tsv"), text, &mut vocabulary);
    match (actual, expected) {
        (Ok(dataset), Ok(expected_learners)) => {
            let expected_dataset = Dataset {
                learners: expected_learners
                    .into_iter()
                    .map(|(name, answers)| LearnerSequence {
                        learner_name: name.to_string(),
                        answers: answers
                            .into_iter()
                            .map(|(item, skills, timestamp, correct)| Answer {
                                item,
                                skills,
                                timestamp,
                                correct,
                            })
                            .collect(),
                    })
                    .collect(),
            };
            assert_eq!(dataset, expected_dataset);
        }
        (Err(error), Err((line_number, message_part))) => {
            assert_eq!(error.line_number, line_number, "{error}");
            let shown = error.to_string();
            assert!(shown.starts_with("answers.tsv"), "{shown}");
            assert!(
                shown.contains(message_part),
                "`{shown}` should mention `{message_part}`"
            );
        }
        (actual, expected) => panic!("parsed {actual:?}, expected {expected:?}"),
    }
}

#[test]
fn parser_reads_answers_grouped_by_learner_with_dense_indices() {
    check_parse(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n7\ta\t0\t1\t3\n8\tb\t12.5\t0\t3,4\r\n7\tb\t0\t0\t\n\n",
        Ok(vec![("7", vec![(0, vec![0], 0.0, true), (1, vec![], 0.0, false)]), ("8", vec![(1, vec![0, 1], 12.5, false)])]),
    );
}

#[test]
fn parser_accepts_columns_in_any_order() {
    check_parse(
        "correct\tskill_id\tuser_id\ttimestamp\titem_id\n1\t5\tu\t0\ti\n",
        Ok(vec![("u", vec![(0, vec![0], 0.0, true)])]),
    );
}

#[test]
fn parser_reports_a_bad_correct_value_with_its_line_number() {
    check_parse(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n1\t2\t0\t1\t3\n1\t2\t0\tyes\t3\n",
        Err((3, "`correct` must be 0 or 1, found `yes`")),
    );
}

#[test]
fn parser_reports_a_missing_field_with_its_line_number() {
    check_parse(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n1\t2\t0\t1\t3\n\n1\t2\t0\t1\n",
        Err((4, "expected 5 tab-separated fields")),
    );
}

#[test]
fn parser_reports_a_bad_timestamp() {
    check_parse(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n1\t2\tnoon\t1\t3\n",
        Err((2, "`timestamp` must be a number")),
    );
}

#[test]
fn parser_reports_a_header_without_a_required_column() {
    check_parse(
        "user\titem_id\ttimestamp\tcorrect\tskill_id\n1\t2\t0\t1\t3\n",
        Err((1, "no `user_id` column")),
    );
}

#[test]
fn parser_reports_an_empty_file_and_a_file_without_answers() {
    check_parse("", Err((0, "empty")));
    check_parse(
        "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n",
        Err((0, "no answers")),
    );
}

fn check_command_line(arguments: &[&str], expected_error_part: Option<&str>) {
    let arguments: Vec<String> = arguments
        .iter()
        .map(|argument| argument.to_string())
        .collect();
    match (parse_command_line(&arguments), expected_error_part) {
        (Ok(_), None) => {}
        (Err(message), Some(part)) => assert!(
            message.contains(part),
            "`{message}` should mention `{part}`"
        ),
        (actual, expected) => panic!("parsed {actual:?}, expected error {expected:?}"),
    }
}

#[test]
fn command_line_needs_both_files_and_known_names() {
    check_command_line(
        &[
            "kt",
            "--train",
            "a.tsv",
            "--test",
            "b.tsv",
            "--set",
            "item_precision=2",
        ],
        None,
    );
    check_command_line(&["kt", "--train", "a.tsv"], Some("--test"));
    check_command_line(
        &[
            "kt", "--train", "a.tsv", "--test", "b.tsv", "--models", "mean,dkt",
        ],
        Some("unknown model `dkt`"),
    );
    check_command_line(
        &[
            "kt", "--train", "a.tsv", "--test", "b.tsv", "--set", "speed=2",
        ],
        Some("unknown setting"),
    );
    check_command_line(&["kt", "--train", "a.tsv", "--validate"], None);
    check_command_line(
        &["kt", "--train", "a.tsv", "--validate", "--test", "b.tsv"],
        Some("leave out `--test`"),
    );
    check_command_line(&["kt", "--validate"], Some("--train"));
    check_command_line(&["fsrs"], Some("unknown command"));
    check_command_line(&["srs", "--revlog", "anki.tsv"], None);
    check_command_line(
        &["srs", "--revlog", "anki.tsv", "--folds", "1"],
        Some("at least 2"),
    );
    check_command_line(&["srs", "--folds", "5"], Some("--revlog"));
    check_command_line(
        &[
            "srs",
            "--revlog",
            "anki.tsv",
            "--validate",
            "--set",
            "default_pull=0.001",
        ],
        None,
    );
    check_command_line(
        &["srs", "--revlog", "anki.tsv", "--set", "decay=2"],
        Some("unknown setting `decay`"),
    );
    check_command_line(
        &["srs", "--revlog", "anki.tsv", "--set", "default_pull=-1"],
        Some("at least 0"),
    );
}

/// A deterministic generator (64-bit linear congruential), enough for synthetic data.
struct SyntheticRandom(u64);

impl SyntheticRandom {
    fn next_unit(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Learners of varied ability answer items of varied difficulty in 4 skills, getting better with
/// practice of a skill.
fn synthetic_dataset(learner_count: usize, answers_per_learner: usize, seed: u64) -> Dataset {
    let mut random = SyntheticRandom(seed);
    let item_count = 40;
    let item_difficulty: Vec<f64> = (0..item_count)
        .map(|item| (item as f64 / item_count as f64) * 4.0 - 2.0)
        .collect();
    let learners = (0..learner_count)
        .map(|learner| {
            let ability = random.next_unit() * 3.0 - 1.5;
            let mut practice = [0.0f64; 4];
            let answers = (0..answers_per_learner)
                .map(|_| {
                    let item =
                        ((random.next_unit() * item_count as f64) as usize).min(item_count - 1);
                    let skill = item % 4;
                    let logit =
                        ability - item_difficulty[item] + 0.4 * practice[skill].ln_1p() - 0.5;
                    let correct = random.next_unit() < 1.0 / (1.0 + (-logit).exp());
                    practice[skill] += 1.0;
                    Answer {
                        item,
                        skills: vec![skill],
                        timestamp: 0.0,
                        correct,
                    }
                })
                .collect();
            LearnerSequence {
                learner_name: learner.to_string(),
                answers,
            }
        })
        .collect();
    Dataset { learners }
}

fn check_beats_mean(
    model_name: &str,
    model: &mut dyn OnlineModel,
    mean_auc: f64,
    required_margin: f64,
    test: &Dataset,
) {
    let outcome = replay_learners(model, test);
    assert!(
        outcome
            .predictions
            .iter()
            .all(|prediction| (0.0..=1.0).contains(prediction)),
        "{model_name}: a probability out of [0, 1]"
    );
    let auc = area_under_roc_curve(&outcome.predictions, &outcome.outcomes).unwrap_or(0.0);
    assert!(
        auc > mean_auc + required_margin,
        "{model_name}: AUC {auc} should beat the mean's {mean_auc} by {required_margin}"
    );
}

#[test]
fn fitted_models_beat_the_mean_on_synthetic_learners() {
    let (train, test) = (synthetic_dataset(80, 40, 1), synthetic_dataset(30, 40, 2));
    let train_sequences = observed_sequences(&train);
    let mean_outcome = replay_learners(&mut fit_mean_model(&train_sequences), &test);
    let mean_auc =
        area_under_roc_curve(&mean_outcome.predictions, &mean_outcome.outcomes).unwrap_or(0.0);
    assert_eq!(mean_auc, 0.5);
    let settings = ModelSettings {
        cross_fit_folds: 2,
        ..ModelSettings::default()
    };
    let parameters = calibrated_model::fit(&train_sequences, settings);
    check_beats_mean(
        "ours",
        &mut LearnerModelOnline::new(parameters),
        mean_auc,
        0.2,
        &test,
    );
    let bank = dataset_bank(40, 4, &[&train, &test]);
    let mut widget = fit_widget_model(&train_sequences, bank.clone(), settings);
    // The block is checked against the bank as given (no difficulties), as the teacher page
    // does, not against difficulties fitted on the same learners: it is kept.
    assert!(
        widget.calibration_block().is_some(),
        "the class keeps its block"
    );
    check_beats_mean("widget", &mut widget, mean_auc, 0.2, &test);
    // Without difficulties it sees the learner and the skill only.
    check_beats_mean(
        "widget-uncalibrated",
        &mut WidgetModelOnline::new(bank),
        mean_auc,
        0.05,
        &test,
    );
    check_beats_mean(
        "irt",
        &mut fit_rasch_model(&train_sequences),
        mean_auc,
        0.2,
        &test,
    );
    check_beats_mean(
        "elo",
        &mut fit_two_level_elo(&train_sequences, ELO_SETTINGS),
        mean_auc,
        0.2,
        &test,
    );
    // Without item difficulties it sees the learner and the skill only.
    check_beats_mean(
        "elo-uncalibrated",
        &mut TwoLevelElo::uncalibrated(UNCALIBRATED_ELO_SETTINGS),
        mean_auc,
        0.05,
        &test,
    );
    // Knowledge tracing sees skills only, not the items' difficulty that drives these answers.
    check_beats_mean(
        "bkt",
        &mut fit_knowledge_tracing_model(&train_sequences),
        mean_auc,
        0.05,
        &test,
    );
}

/// Expected review histories as (days, rating number) pairs, or the line number and a part of the
/// error message.
type ExpectedReviews<'a> = Result<Vec<Vec<(f64, u32)>>, (usize, &'a str)>;

fn check_review_log(text: &str, expected: ExpectedReviews) {
    let actual = parse_review_log(Path::new("revlog.tsv"), text);
    match (actual, expected) {
        (Ok(histories), Ok(expected_histories)) => {
            let expected_histories: Vec<Vec<Review>> = expected_histories
                .into_iter()
                .map(|reviews| {
                    reviews
                        .into_iter()
                        .map(|(elapsed_days, number)| Review {
                            elapsed_days,
                            rating: Rating::from_number(number).unwrap_or(Rating::Again),
                        })
                        .collect()
                })
                .collect();
            assert_eq!(histories, expected_histories);
        }
        (Err(error), Err((line_number, message_part))) => {
            assert_eq!(error.line_number, line_number, "{error}");
            assert!(
                error.to_string().contains(message_part),
                "`{error}` should mention `{message_part}`"
            );
        }
        (actual, expected) => panic!("parsed {actual:?}, expected {expected:?}"),
    }
}

#[test]
fn review_log_becomes_one_history_per_card_ending_with_the_predicted_review() {
    check_review_log(
        "t_history\tr_history\tdelta_ts\tys\n0,3,5\t4,3,1\t3,5,1\t1,0,1\n0\t1\t2\t0\n",
        Ok(vec![
            vec![(0.0, 4), (3.0, 3), (5.0, 1), (1.0, 3)],
            vec![(0.0, 1), (2.0, 1)],
        ]),
    );
}

#[test]
fn review_log_reports_bad_lines() {
    let header = "t_history\tr_history\tdelta_ts\tys\n";
    check_review_log(
        &format!("{header}0,3\t4,5\t3,5\t1,1\n"),
        Err((2, "a rating is 1 to 4")),
    );
    check_review_log(
        &format!("{header}0,3\t4,3\t3\t1,1\n"),
        Err((2, "same length")),
    );
    check_review_log(
        &format!("{header}0\t4\t3\t2\n"),
        Err((2, "`ys` must be 0 or 1")),
    );
    check_review_log(&format!("{header}0\t4\tsoon\t1\n"), Err((2, "`delta_ts`")));
    check_review_log(
        "r_history\tdelta_ts\tys\n",
        Err((1, "no `t_history` column")),
    );
    check_review_log(header, Err((0, "no cards")));
}

#[test]
fn fnv1a_matches_the_published_test_vectors() {
    assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn validation_split_depends_on_the_learner_id_only() {
    // Fixed sides: a change of the rule would move these learners (and every validation figure).
    let validation: Vec<usize> = (0..40)
        .filter(|id| is_validation_learner(&id.to_string()))
        .collect();
    assert_eq!(validation, [3, 4, 17, 20, 25, 36]);
    let dataset = synthetic_dataset(200, 3, 7);
    let mut reversed = dataset.clone();
    reversed.learners.reverse();
    let (fit_train, held_out) = split_for_validation(dataset.clone());
    let (_, held_out_reversed) = split_for_validation(reversed);
    assert_eq!(fit_train.learners.len() + held_out.learners.len(), 200);
    assert!(
        (25..=55).contains(&held_out.learners.len()),
        "about one in five"
    );
    let names = |data: &Dataset| {
        let mut names: Vec<String> = data
            .learners
            .iter()
            .map(|learner| learner.learner_name.clone())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(&held_out), names(&held_out_reversed));
    assert!(held_out
        .learners
        .iter()
        .all(|learner| is_validation_learner(&learner.learner_name)));
    assert!(fit_train
        .learners
        .iter()
        .all(|learner| !is_validation_learner(&learner.learner_name)));
}

#[test]
fn elo_tuning_never_lowers_the_validation_auc_and_reads_no_test_learner() {
    let (fit_train, validation) = split_for_validation(synthetic_dataset(100, 30, 3));
    let pair = crate::elo::ValidationPair {
        name: "synthetic".to_string(),
        fit_train: observed_sequences(&fit_train),
        validation,
    };
    let start_auc = crate::elo::validation_auc(&pair, ELO_SETTINGS, true);
    let mut lines = Vec::new();
    let (chosen, chosen_auc) = crate::elo::tune(
        std::slice::from_ref(&pair),
        ELO_SETTINGS,
        true,
        &mut |line| lines.push(line),
    );
    assert!(chosen_auc >= start_auc - 1e-12);
    assert!((crate::elo::validation_auc(&pair, chosen, true) - chosen_auc).abs() < 1e-12);
    assert!(
        lines.len() >= 2,
        "the start and at least one round are reported"
    );
}

/// The text of an answer log holding `dataset` (learners named with `prefix`).
fn dataset_text(dataset: &Dataset, prefix: &str) -> String {
    let mut text = String::from("user_id\titem_id\ttimestamp\tcorrect\tskill_id\n");
    for learner in &dataset.learners {
        for answer in &learner.answers {
            let skills: Vec<String> = answer.skills.iter().map(|s| format!("s{s}")).collect();
            text.push_str(&format!(
                "{prefix}{}\ti{}\t0\t{}\t{}\n",
                learner.learner_name,
                answer.item,
                u8::from(answer.correct),
                skills.join(",")
            ));
        }
    }
    text
}

/// The result lines of `kt` as (name, [auc, logloss, rmse, us_per_answer]); panics on a line
/// that starts with `model=` but does not have exactly the stable format.
fn parse_result_lines(output: &str) -> Vec<(String, [f64; 4])> {
    output
        .lines()
        .filter(|line| line.starts_with("model="))
        .map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let keys = ["model", "auc", "logloss", "rmse", "us_per_answer"];
            assert_eq!(fields.len(), keys.len(), "`{line}`");
            let mut values = [0.0; 4];
            for (index, (field, key)) in fields.iter().zip(keys).enumerate().skip(1) {
                let value = field
                    .strip_prefix(&format!("{key}="))
                    .unwrap_or_else(|| panic!("`{line}`: expected `{key}=`"));
                values[index - 1] = value
                    .parse()
                    .unwrap_or_else(|_| panic!("`{line}`: `{value}` is not a number"));
            }
            let name = fields[0].strip_prefix("model=").unwrap().to_string();
            (name, values)
        })
        .collect()
}

#[test]
fn kt_prints_one_stable_result_line_per_model() {
    // Scripts and the README read these names: a rename must be deliberate.
    assert_eq!(
        ALL_MODEL_NAMES,
        [
            "mean",
            "irt",
            "elo",
            "elo-uncalibrated",
            "bkt",
            "widget",
            "widget-uncalibrated",
            "ours",
            "ours-defaults"
        ]
    );
    let mut vocabulary = Vocabulary::default();
    let train_text = dataset_text(&synthetic_dataset(60, 30, 11), "a");
    let test_text = dataset_text(&synthetic_dataset(20, 30, 12), "b");
    let train = parse_dataset(Path::new("train.tsv"), &train_text, &mut vocabulary).unwrap();
    let test = parse_dataset(Path::new("test.tsv"), &test_text, &mut vocabulary).unwrap();
    let names: Vec<String> = ALL_MODEL_NAMES.iter().map(|n| n.to_string()).collect();
    let settings = ModelSettings {
        cross_fit_folds: 2,
        optimizer_iterations: 50,
        ..ModelSettings::default()
    };
    let mut output = Vec::new();
    score_models(
        &mut output,
        &train,
        &test,
        "test",
        &vocabulary,
        &crate::knowledge_tracing::ModelsToScore {
            names: &names,
            settings,
            predictions_prefix: None,
        },
    )
    .unwrap();
    let output = String::from_utf8(output).unwrap();
    let results = parse_result_lines(&output);
    let printed: Vec<&str> = results.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(printed, ALL_MODEL_NAMES, "{output}");
    // The result lines come last, after the table and a blank line.
    let tail: Vec<&str> = output
        .lines()
        .rev()
        .take(ALL_MODEL_NAMES.len() + 1)
        .collect();
    assert_eq!(tail.last(), Some(&""), "{output}");
    for (name, [auc, log_loss, rmse, microseconds]) in &results {
        assert!((0.0..=1.0).contains(auc), "{name}: auc {auc}");
        assert!(
            *log_loss > 0.0 && *rmse > 0.0 && *microseconds >= 0.0,
            "{name}"
        );
    }
    let auc_of = |wanted: &str| results.iter().find(|(n, _)| n == wanted).unwrap().1[0];
    assert_eq!(auc_of("mean"), 0.5);
    assert!(auc_of("widget") > 0.6 && auc_of("elo") > 0.6, "{output}");
    // The shipped defaults, fitted on other data, still follow these learners.
    assert!(auc_of("ours-defaults") > 0.6, "{output}");
}

#[test]
fn result_line_has_the_documented_format() {
    assert_eq!(
        result_line("widget", 0.81234, 0.4, 0.35, 1.234),
        "model=widget auc=0.8123 logloss=0.4000 rmse=0.3500 us_per_answer=1.23"
    );
    assert_eq!(
        result_line("irt", 0.5, 0.69, 0.5, 18.7),
        "model=irt auc=0.5000 logloss=0.6900 rmse=0.5000 us_per_answer=19"
    );
}

#[test]
fn the_uncalibrated_bank_has_every_item_and_no_difficulty_and_calibration_fills_them() {
    let (train, test) = (synthetic_dataset(30, 20, 5), synthetic_dataset(10, 20, 6));
    let bank = dataset_bank(40, 4, &[&train, &test]);
    assert_eq!(bank.items.len(), 40);
    assert!(bank.items.iter().all(|item| item.difficulty.is_none()));
    assert!(bank.items.iter().all(|item| item.skills.len() == 1));
    let mut calibrated = bank.clone();
    let count = crate::engine_model::calibrate_like_the_teacher_page(
        &mut calibrated,
        &observed_sequences(&train),
    );
    let mut answers = std::collections::BTreeMap::<usize, u32>::new();
    for answer in train.learners.iter().flat_map(|learner| &learner.answers) {
        *answers.entry(answer.item).or_default() += 1;
    }
    assert_eq!(count, answers.len());
    // Only items with enough answers take their fitted difficulty, as on the teacher page.
    let judged = |position: usize| {
        answers.get(&position).copied().unwrap_or(0)
            >= adaptive_practice_engine::calibration::MIN_ANSWERS_TO_JUDGE
    };
    for (position, item) in calibrated.items.iter().enumerate() {
        assert_eq!(
            item.difficulty.is_some(),
            judged(position),
            "item {position}"
        );
    }
    // Items of synthetic_dataset get harder with their number.
    let first = calibrated.items[0].difficulty.unwrap_or(0.0);
    let last = calibrated.items[39].difficulty.unwrap_or(0.0);
    assert!(last > first + 1.0, "{first} vs {last}");
}

/// A small learner: items 0–2, outcomes mixed, offsets arbitrary.
fn transfer_learner() -> (LearnerSequence, Vec<f64>) {
    let outcomes = [
        (0, true),
        (1, false),
        (2, true),
        (0, false),
        (1, true),
        (2, true),
    ];
    let answers = outcomes
        .iter()
        .map(|&(item, correct)| Answer {
            item,
            skills: vec![0],
            timestamp: 0.0,
            correct,
        })
        .collect();
    let learner = LearnerSequence {
        learner_name: "a".to_string(),
        answers,
    };
    (learner, vec![0.3, -0.2, 0.5, 0.1, -0.4, 0.2])
}

#[test]
fn transfer_gradient_matches_finite_differences() {
    let (learner, offsets) = transfer_learner();
    let rank = 2;
    let decays = [0.7, 0.4];
    let embeddings: Vec<f64> = (0..3 * 2 * rank).map(|k| 0.1 * k as f64 - 0.5).collect();
    let loadings: Vec<f64> = (0..3 * rank).map(|k| 0.3 - 0.1 * k as f64).collect();
    let loss = |embeddings: &[f64], loadings: &[f64], scale: f64, shift: f64| {
        learner_pass(
            &learner,
            &offsets,
            embeddings,
            loadings,
            (scale, shift),
            &decays,
            None,
        )
    };
    let mut embedding_gradient = vec![0.0; embeddings.len()];
    let mut loading_gradient = vec![0.0; loadings.len()];
    let mut offset_gradient = [0.0; 2];
    let value = learner_pass(
        &learner,
        &offsets,
        &embeddings,
        &loadings,
        (1.2, -0.1),
        &decays,
        Some((
            &mut embedding_gradient,
            &mut loading_gradient,
            &mut offset_gradient,
        )),
    );
    assert!((value - loss(&embeddings, &loadings, 1.2, -0.1)).abs() < 1e-12);
    let step = 1e-6;
    for index in 0..embeddings.len() {
        let mut moved = embeddings.clone();
        moved[index] += step;
        let numeric = (loss(&moved, &loadings, 1.2, -0.1) - value) / step;
        assert!(
            (numeric - embedding_gradient[index]).abs() < 1e-4,
            "E[{index}]"
        );
    }
    for index in 0..loadings.len() {
        let mut moved = loadings.clone();
        moved[index] += step;
        let numeric = (loss(&embeddings, &moved, 1.2, -0.1) - value) / step;
        assert!(
            (numeric - loading_gradient[index]).abs() < 1e-4,
            "V[{index}]"
        );
    }
    let numeric_scale = (loss(&embeddings, &loadings, 1.2 + step, -0.1) - value) / step;
    let numeric_shift = (loss(&embeddings, &loadings, 1.2, -0.1 + step) - value) / step;
    assert!((numeric_scale - offset_gradient[0]).abs() < 1e-4);
    assert!((numeric_shift - offset_gradient[1]).abs() < 1e-4);
    // The first answer sees an empty state: its prediction is the offset's alone.
    let mut only_first = learner.clone();
    only_first.answers.truncate(1);
    let first = learner_pass(
        &only_first,
        &offsets,
        &embeddings,
        &loadings,
        (1.2, -0.1),
        &decays,
        None,
    );
    let probability = 1.0 / (1.0 + (-(1.2 * 0.3 - 0.1_f64)).exp());
    assert!((first + probability.ln()).abs() < 1e-12);
}

#[test]
fn one_reader_takes_every_name_value_setting() {
    use crate::setting::{read_number_setting, read_setting};
    assert_eq!(
        read_setting(" decays = 0.5:0.9"),
        Ok(("decays", vec![0.5, 0.9]))
    );
    assert_eq!(read_number_setting("rank=8"), Ok(("rank", 8.0)));
    assert!(read_number_setting("decays=0.5:0.9").is_err());
    assert!(read_setting("rank").is_err());
    assert!(read_setting("rank=eight").is_err());
    assert!(read_setting("rank=inf").is_err());
    let parsed =
        crate::transfer::TransferSettings::parse("rank=3, decays=0.5:0.7,,folds=4").expect("reads");
    assert_eq!(
        (parsed.rank, parsed.decays, parsed.folds),
        (3, vec![0.5, 0.7], 4)
    );
    assert!(crate::transfer::TransferSettings::parse("speed=1").is_err());
}

#[test]
fn predictions_are_written_one_answer_a_line_with_the_file_names() {
    let mut vocabulary = Vocabulary::default();
    let text = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n\
                u1\tq7\t0\t1\tadd,sub\nu1\tq3\t0\t0\t\nu2\tq7\t0\t0\tsub\n";
    let scored = parse_dataset(Path::new("answers.tsv"), text, &mut vocabulary).unwrap();
    assert_eq!(
        crate::knowledge_tracing::predictions_tsv(&scored, &vocabulary, &[0.25, 0.5, 0.875]),
        "learner\titem_id\tskill_id\tcorrect\tprediction\n\
         0\tq7\tadd,sub\t1\t0.25\n0\tq3\t\t0\t0.5\n1\tq7\tsub\t0\t0.875\n"
    );
}
