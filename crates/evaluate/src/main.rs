//! `evaluate`: measures next-answer prediction of the learner model and baselines on real learner data.

mod baselines;
mod bkt;
mod dataset;
mod learner_model;
mod metrics;
mod replay;
#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use dataset::{read_dataset, Dataset, Vocabulary};
use learner_model::{FittedParameters, LearnerState, ModelSettings, ObservedAnswer};
use replay::{replay_learners, OnlineModel};

const USAGE: &str = "usage: evaluate kt --train PATH --test PATH [--models mean,irt,elo,bkt,ours] [--set NAME=VALUE]...

Fits every model on the train file, replays every test learner answer by answer (predict, then
update) and prints a table, then one line per model:
model=NAME auc=... logloss=... rmse=... us_per_answer=...
--set overrides a setting of `ours` (ability_step, ability_step_decay, recent_ability_step,
item_precision, item_slope_precision, skill_precision, skill_weight_precision, global_precision,
optimizer_iterations, cross_fit_folds).";

const ALL_MODEL_NAMES: [&str; 5] = ["mean", "irt", "elo", "bkt", "ours"];

/// The command line of the `kt` command, checked.
#[derive(Clone, Debug, PartialEq)]
struct KnowledgeTracingCommand {
    train_path: PathBuf,
    test_path: PathBuf,
    model_names: Vec<String>,
    settings: ModelSettings,
}

/// `ours` as an online model: the fitted parameters and the state of the current learner.
struct LearnerModelOnline {
    parameters: FittedParameters,
    state: LearnerState,
}

impl OnlineModel for LearnerModelOnline {
    fn start_learner(&mut self) {
        self.state = LearnerState::default();
    }
    fn predict(&self, item: usize, skills: &[usize], now: f64) -> f64 {
        learner_model::predict(&self.parameters, &self.state, item, skills, now)
    }
    fn update(&mut self, item: usize, skills: &[usize], correct: bool, now: f64) {
        learner_model::update(&self.parameters, &mut self.state, item, skills, correct, now);
    }
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_command_line(&arguments) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("evaluate: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run_knowledge_tracing(&command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("evaluate: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_command_line(arguments: &[String]) -> Result<KnowledgeTracingCommand, String> {
    match arguments.first().map(String::as_str) {
        Some("kt") => {}
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("missing command".to_string()),
    }
    let (mut train_path, mut test_path) = (None, None);
    let mut model_names: Vec<String> = ALL_MODEL_NAMES.iter().map(|name| name.to_string()).collect();
    let mut settings = ModelSettings::default();
    let mut remaining = arguments[1..].iter();
    while let Some(flag) = remaining.next() {
        let value = remaining.next().ok_or_else(|| format!("`{flag}` needs a value"))?;
        match flag.as_str() {
            "--train" => train_path = Some(PathBuf::from(value)),
            "--test" => test_path = Some(PathBuf::from(value)),
            "--models" => {
                model_names = value.split(',').map(|name| name.trim().to_string()).collect();
                if let Some(unknown) = model_names.iter().find(|name| !ALL_MODEL_NAMES.contains(&name.as_str())) {
                    return Err(format!("unknown model `{unknown}` (known: {})", ALL_MODEL_NAMES.join(", ")));
                }
            }
            "--set" => apply_setting(&mut settings, value)?,
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(KnowledgeTracingCommand {
        train_path: train_path.ok_or("missing `--train PATH`")?,
        test_path: test_path.ok_or("missing `--test PATH`")?,
        model_names,
        settings,
    })
}

fn apply_setting(settings: &mut ModelSettings, assignment: &str) -> Result<(), String> {
    let (name, value_text) = assignment.split_once('=').ok_or_else(|| format!("`--set {assignment}`: expected NAME=VALUE"))?;
    let value: f64 = value_text.trim().parse().map_err(|_| format!("`--set {assignment}`: `{value_text}` is not a number"))?;
    let slot = match name.trim() {
        "ability_step" => &mut settings.ability_step,
        "ability_step_decay" => &mut settings.ability_step_decay,
        "recent_ability_step" => &mut settings.recent_ability_step,
        "item_slope_precision" => &mut settings.item_slope_precision,
        "item_precision" => &mut settings.item_precision,
        "skill_precision" => &mut settings.skill_precision,
        "skill_weight_precision" => &mut settings.skill_weight_precision,
        "global_precision" => &mut settings.global_precision,
        "optimizer_iterations" => {
            settings.optimizer_iterations = value.max(0.0) as usize;
            return Ok(());
        }
        "cross_fit_folds" => {
            settings.cross_fit_folds = value.max(1.0) as usize;
            return Ok(());
        }
        other => return Err(format!("`--set`: unknown setting `{other}`")),
    };
    *slot = value;
    Ok(())
}

fn run_knowledge_tracing(command: &KnowledgeTracingCommand) -> Result<(), String> {
    let mut vocabulary = Vocabulary::default();
    let train = read_dataset(&command.train_path, &mut vocabulary).map_err(|error| error.to_string())?;
    let train_item_count = vocabulary.item_count();
    let test = read_dataset(&command.test_path, &mut vocabulary).map_err(|error| error.to_string())?;
    println!(
        "train: {} learners, {} answers; test: {} learners, {} answers; items: {} ({} only in test); skills: {}",
        train.learners.len(),
        train.answer_count(),
        test.learners.len(),
        test.answer_count(),
        vocabulary.item_count(),
        vocabulary.item_count() - train_item_count,
        vocabulary.skill_count(),
    );
    let train_sequences = observed_sequences(&train);
    let mut result_lines = Vec::new();
    println!("{:<6} {:>8} {:>8} {:>8} {:>14} {:>9}", "model", "AUC", "logloss", "RMSE", "us/answer", "fit s");
    for model_name in &command.model_names {
        let fit_started = Instant::now();
        let mut model: Box<dyn OnlineModel> = match model_name.as_str() {
            "mean" => Box::new(baselines::fit_mean_model(&train_sequences)),
            "irt" => Box::new(baselines::fit_rasch_model(&train_sequences)),
            "elo" => Box::new(baselines::fit_elo_model(&train_sequences)),
            "bkt" => Box::new(bkt::fit_knowledge_tracing_model(&train_sequences)),
            _ => Box::new(LearnerModelOnline {
                parameters: learner_model::fit(&train_sequences, command.settings),
                state: LearnerState::default(),
            }),
        };
        let fit_seconds = fit_started.elapsed().as_secs_f64();
        let outcome = replay_learners(model.as_mut(), &test);
        let scores = metrics::score_predictions(&outcome.predictions, &outcome.outcomes);
        let auc = scores.auc.unwrap_or(f64::NAN);
        println!(
            "{:<6} {:>8.4} {:>8.4} {:>8.4} {:>14.3} {:>9.1}",
            model_name, auc, scores.log_loss, scores.root_mean_squared_error, outcome.microseconds_per_answer, fit_seconds
        );
        result_lines.push(format!(
            "model={model_name} auc={auc:.4} logloss={:.4} rmse={:.4} us_per_answer={}",
            scores.log_loss,
            scores.root_mean_squared_error,
            format_microseconds(outcome.microseconds_per_answer)
        ));
    }
    println!();
    for line in result_lines {
        println!("{line}");
    }
    Ok(())
}

fn observed_sequences(dataset: &Dataset) -> Vec<Vec<ObservedAnswer>> {
    dataset
        .learners
        .iter()
        .map(|learner| {
            learner
                .answers
                .iter()
                .map(|answer| ObservedAnswer { item: answer.item, skills: answer.skills.clone(), correct: answer.correct, now: answer.timestamp })
                .collect()
        })
        .collect()
}

/// Microseconds with two significant decimals below 10, whole above.
fn format_microseconds(microseconds: f64) -> String {
    if microseconds < 10.0 {
        format!("{microseconds:.2}")
    } else {
        format!("{microseconds:.0}")
    }
}
