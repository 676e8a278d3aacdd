//! The `kt` command: fits every model on the train learners and replays the test learners answer by answer.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use adaptive_practice_engine::calibrated_model::{
    self, FittedParameters, LearnerState, ModelSettings, ObservedAnswer,
};

use crate::dataset::{read_dataset, Dataset, Vocabulary};
use crate::replay::{replay_learners, OnlineModel};
use crate::validation::split_for_validation;
use crate::{baselines, bkt, elo, engine_model, metrics, transfer};

/// Every model of `kt`, in the order of its table and result lines. Scripts read the names of
/// the result lines: keep them stable (a test pins them).
pub const ALL_MODEL_NAMES: [&str; 9] = [
    "mean",
    "irt",
    "elo",
    "elo-uncalibrated",
    "bkt",
    "widget",
    "widget-uncalibrated",
    "ours",
    "ours-defaults",
];

/// Models `kt` runs only when `--models` names them (experiments, not in the default table).
/// `widget-difficulties`: the widget's model on the dataset's bank with the teacher page's
/// difficulties but no calibration block (the shipped defaults with the bank's difficulties).
pub const EXTRA_MODEL_NAMES: [&str; 2] = ["widget-difficulties", "ours-transfer"];

/// The command line of the `kt` command, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct KnowledgeTracingCommand {
    pub train_path: PathBuf,
    /// Where the models are scored: the test file, or the validation learners of the train file.
    pub scored_on: ScoredOn,
    pub model_names: Vec<String>,
    pub settings: ModelSettings,
    /// `--predictions PREFIX`: each model's predictions written to `PREFIX.MODEL`
    /// ([`predictions_tsv`]), for analyses outside the bench.
    pub predictions_prefix: Option<PathBuf>,
}

/// The learners the models are scored on.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoredOn {
    /// The test file's learners; the models are fitted on every train learner.
    Test(PathBuf),
    /// The validation learners of the train file (`validation.rs`); the models are fitted on the
    /// other train learners and the test file is not read.
    Validation,
}

/// `ours` as an online model: the fitted parameters and the state of the current learner, with
/// the learner's last outcome on each item (the item memory the widget keeps in its records).
pub struct LearnerModelOnline {
    pub parameters: FittedParameters,
    pub state: LearnerState,
    pub last_outcomes: Vec<Option<bool>>,
}

impl LearnerModelOnline {
    pub fn new(parameters: FittedParameters) -> LearnerModelOnline {
        LearnerModelOnline {
            parameters,
            state: LearnerState::default(),
            last_outcomes: Vec::new(),
        }
    }
}

impl OnlineModel for LearnerModelOnline {
    fn start_learner(&mut self) {
        self.state = LearnerState::default();
        self.last_outcomes.iter_mut().for_each(|last| *last = None);
    }
    fn predict(&self, item: usize, skills: &[usize], now: f64) -> f64 {
        let last = self.last_outcomes.get(item).copied().flatten();
        calibrated_model::predict(&self.parameters, &self.state, item, skills, now, last)
    }
    fn update(&mut self, item: usize, skills: &[usize], correct: bool, now: f64) {
        calibrated_model::update(
            &self.parameters,
            &mut self.state,
            item,
            skills,
            correct,
            now,
        );
        if self.last_outcomes.len() <= item {
            self.last_outcomes.resize(item + 1, None);
        }
        self.last_outcomes[item] = Some(correct);
    }
}

pub fn run_knowledge_tracing(command: &KnowledgeTracingCommand) -> Result<(), String> {
    let mut vocabulary = Vocabulary::default();
    let train =
        read_dataset(&command.train_path, &mut vocabulary).map_err(|error| error.to_string())?;
    let (train, scored, scored_name) = match &command.scored_on {
        ScoredOn::Test(test_path) => {
            let test =
                read_dataset(test_path, &mut vocabulary).map_err(|error| error.to_string())?;
            (train, test, "test")
        }
        ScoredOn::Validation => {
            let (fit_train, validation) = split_for_validation(train);
            if fit_train.learners.is_empty() || validation.learners.is_empty() {
                return Err(format!(
                    "{}: the validation split needs learners on both sides (fit-train {}, validation {})",
                    command.train_path.display(),
                    fit_train.learners.len(),
                    validation.learners.len()
                ));
            }
            (fit_train, validation, "validation")
        }
    };
    let stdout = std::io::stdout();
    score_models(
        &mut stdout.lock(),
        &train,
        &scored,
        scored_name,
        &vocabulary,
        &ModelsToScore {
            names: &command.model_names,
            settings: command.settings,
            predictions_prefix: command.predictions_prefix.as_deref(),
        },
    )
    .map_err(|error| format!("cannot write the results: {error}"))
}

/// The models `score_models` fits and scores, their settings, and where their predictions go.
#[derive(Clone, Copy)]
pub struct ModelsToScore<'a> {
    pub names: &'a [String],
    /// The settings of `ours` (and of the calibration block of `widget`).
    pub settings: ModelSettings,
    /// `Some(PREFIX)`: each model's predictions written to `PREFIX.MODEL` ([`predictions_tsv`]).
    pub predictions_prefix: Option<&'a Path>,
}

/// Fits each named model on `train`, replays the `scored` learners (the test file or the
/// validation learners, named `scored_name`) and writes a table, then one line per model:
/// `model=NAME auc=… logloss=… rmse=… us_per_answer=…` (see [`result_line`]).
pub fn score_models(
    out: &mut dyn Write,
    train: &Dataset,
    scored: &Dataset,
    scored_name: &str,
    vocabulary: &Vocabulary,
    models: &ModelsToScore<'_>,
) -> std::io::Result<()> {
    let ModelsToScore {
        names: model_names,
        settings,
        predictions_prefix,
    } = *models;
    let train_item_count = count_items(train);
    writeln!(
        out,
        "scored on: {scored_name}; train: {} learners, {} answers; {scored_name}: {} learners, {} answers; items: {} ({} only in {scored_name}); skills: {}",
        train.learners.len(),
        train.answer_count(),
        scored.learners.len(),
        scored.answer_count(),
        vocabulary.item_count(),
        vocabulary.item_count() - train_item_count,
        vocabulary.skill_count(),
    )?;
    let train_sequences = observed_sequences(train);
    // The bank an author would ship: every item of the dataset with its skills, nothing fitted.
    let dataset_bank = || {
        engine_model::dataset_bank(
            vocabulary.item_count(),
            vocabulary.skill_count(),
            &[train, scored],
        )
    };
    let mut result_lines = Vec::new();
    writeln!(
        out,
        "{:<19} {:>8} {:>8} {:>8} {:>14} {:>9}",
        "model", "AUC", "logloss", "RMSE", "us/answer", "fit s"
    )?;
    for model_name in model_names {
        let fit_started = Instant::now();
        let mut models: Vec<(String, Box<dyn OnlineModel>)> = Vec::new();
        if model_name == "ours-transfer" {
            let variants = transfer_variants();
            let fitted =
                transfer::fit_transfer_models(train, vocabulary.item_count(), settings, &variants);
            for (index, model) in fitted.into_iter().enumerate() {
                let name = if index == 0 {
                    model_name.clone()
                } else {
                    format!("{model_name}{}", index + 1)
                };
                models.push((name, Box::new(model)));
            }
        } else {
            let model: Box<dyn OnlineModel> = match model_name.as_str() {
                "mean" => Box::new(baselines::fit_mean_model(&train_sequences)),
                "irt" => Box::new(baselines::fit_rasch_model(&train_sequences)),
                "elo" => Box::new(elo::fit_two_level_elo(&train_sequences, elo::ELO_SETTINGS)),
                "elo-uncalibrated" => Box::new(elo::TwoLevelElo::uncalibrated(
                    elo::UNCALIBRATED_ELO_SETTINGS,
                )),
                "bkt" => Box::new(bkt::fit_knowledge_tracing_model(&train_sequences)),
                "widget" => Box::new(engine_model::fit_widget_model(
                    &train_sequences,
                    dataset_bank(),
                    settings,
                )),
                "widget-uncalibrated" => {
                    Box::new(engine_model::WidgetModelOnline::new(dataset_bank()))
                }
                "widget-difficulties" => {
                    let mut bank = dataset_bank();
                    engine_model::calibrate_like_the_teacher_page(&mut bank, &train_sequences);
                    Box::new(engine_model::WidgetModelOnline::new(bank))
                }
                // The shipped defaults: nothing fitted here, no item or skill entries.
                "ours-defaults" => Box::new(LearnerModelOnline::new(
                    calibrated_model::default_parameters(),
                )),
                _ => Box::new(LearnerModelOnline::new(calibrated_model::fit(
                    &train_sequences,
                    settings,
                ))),
            };
            models.push((model_name.clone(), model));
        }
        let fit_seconds = fit_started.elapsed().as_secs_f64();
        for (model_name, mut model) in models {
            let outcome = replay_learners(model.as_mut(), scored);
            let scores = metrics::score_predictions(&outcome.predictions, &outcome.outcomes);
            if let Some(prefix) = predictions_prefix {
                let mut path = prefix.as_os_str().to_owned();
                path.push(format!(".{model_name}"));
                std::fs::write(
                    path,
                    predictions_tsv(scored, vocabulary, &outcome.predictions),
                )?;
            }
            let auc = scores.auc.unwrap_or(f64::NAN);
            writeln!(
                out,
                "{:<19} {:>8.4} {:>8.4} {:>8.4} {:>14.3} {:>9.1}",
                model_name,
                auc,
                scores.log_loss,
                scores.root_mean_squared_error,
                outcome.microseconds_per_answer,
                fit_seconds
            )?;
            result_lines.push(result_line(
                &model_name,
                auc,
                scores.log_loss,
                scores.root_mean_squared_error,
                outcome.microseconds_per_answer,
            ));
        }
    }
    writeln!(out)?;
    for line in result_lines {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// A model's predictions on the scored learners, one answer a line in replay order:
/// `learner` (its place among the scored learners), `item_id`, `skill_id` (the file's names, skills
/// separated by `,`), `correct` (0 or 1) and `prediction`, under that header.
pub fn predictions_tsv(scored: &Dataset, vocabulary: &Vocabulary, predictions: &[f64]) -> String {
    let mut item_names = vec![""; vocabulary.item_count()];
    for (name, &index) in &vocabulary.item_index_by_name {
        item_names[index] = name;
    }
    let mut skill_names = vec![""; vocabulary.skill_count()];
    for (name, &index) in &vocabulary.skill_index_by_name {
        skill_names[index] = name;
    }
    let mut text = String::from("learner\titem_id\tskill_id\tcorrect\tprediction\n");
    let answers = scored
        .learners
        .iter()
        .enumerate()
        .flat_map(|(learner, sequence)| {
            sequence.answers.iter().map(move |answer| (learner, answer))
        });
    for ((learner, answer), prediction) in answers.zip(predictions) {
        let skills: Vec<&str> = answer.skills.iter().map(|&s| skill_names[s]).collect();
        text += &format!(
            "{learner}\t{}\t{}\t{}\t{prediction}\n",
            item_names[answer.item],
            skills.join(","),
            u8::from(answer.correct)
        );
    }
    text
}

/// One model's result line, the stable format scripts read:
/// `model=NAME auc=0.1234 logloss=0.1234 rmse=0.1234 us_per_answer=1.23` (microseconds with two
/// decimals below 10, whole above).
pub fn result_line(
    model_name: &str,
    auc: f64,
    log_loss: f64,
    rmse: f64,
    microseconds_per_answer: f64,
) -> String {
    format!(
        "model={model_name} auc={auc:.4} logloss={log_loss:.4} rmse={rmse:.4} us_per_answer={}",
        format_microseconds(microseconds_per_answer)
    )
}

pub fn observed_sequences(dataset: &Dataset) -> Vec<Vec<ObservedAnswer>> {
    dataset
        .learners
        .iter()
        .map(|learner| {
            learner
                .answers
                .iter()
                .map(|answer| ObservedAnswer {
                    item: answer.item,
                    skills: answer.skills.clone(),
                    correct: answer.correct,
                    now: answer.timestamp,
                })
                .collect()
        })
        .collect()
}

/// How many distinct items the learners answered.
fn count_items(dataset: &Dataset) -> usize {
    let mut seen = std::collections::HashSet::new();
    for learner in &dataset.learners {
        for answer in &learner.answers {
            seen.insert(answer.item);
        }
    }
    seen.len()
}

/// Microseconds with two significant decimals below 10, whole above.
fn format_microseconds(microseconds: f64) -> String {
    if microseconds < 10.0 {
        format!("{microseconds:.2}")
    } else {
        format!("{microseconds:.0}")
    }
}

/// The settings of `ours-transfer`: `EVALUATE_TRANSFER` holds one variant's `name=value,...`
/// overrides of [`transfer::TransferSettings`], several separated by `;` (scored as
/// `ours-transfer`, `ours-transfer2`, ...); unset, the defaults.
fn transfer_variants() -> Vec<transfer::TransferSettings> {
    let text = std::env::var("EVALUATE_TRANSFER").unwrap_or_default();
    text.split(';')
        .map(|variant| {
            transfer::TransferSettings::parse(variant)
                .unwrap_or_else(|message| panic!("EVALUATE_TRANSFER: {message}"))
        })
        .collect()
}
