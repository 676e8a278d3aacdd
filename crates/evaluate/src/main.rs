//! `evaluate`: measures next-answer prediction (`kt`) and recall prediction (`srs`) of the engine's models on real learner data.

mod baselines;
mod bkt;
mod dataset;
mod defaults;
mod elo;
mod engine_model;
mod knowledge_tracing;
mod metrics;
mod replay;
mod revlog;
mod setting;
mod spaced_repetition;
#[cfg(test)]
mod tests;
mod transfer;
mod validation;

use std::path::PathBuf;
use std::process::ExitCode;

use adaptive_practice_engine::calibrated_model::ModelSettings;
use adaptive_practice_engine::memory::MemoryFitSettings;

use defaults::{run_fit_defaults, run_small_class, FitDefaultsCommand, SmallClassCommand};
use knowledge_tracing::{
    run_knowledge_tracing, KnowledgeTracingCommand, ScoredOn, ALL_MODEL_NAMES, EXTRA_MODEL_NAMES,
};
use spaced_repetition::{run_spaced_repetition, SpacedRepetitionCommand};

const USAGE: &str = "usage: evaluate kt --train PATH (--test PATH | --validate) [--models mean,irt,elo,elo-uncalibrated,bkt,widget,widget-uncalibrated,ours,ours-defaults] [--set NAME=VALUE]... [--predictions PREFIX]
       evaluate srs --revlog PATH [--folds 5] [--validate] [--set NAME=VALUE]...
       evaluate tune-elo --train PATH [--train PATH]... [--uncalibrated]
       evaluate fit-defaults --train PATH [--train PATH]... [--copies 2,1] [--set NAME=VALUE]...
       evaluate small-class --train PATH [--learners 10,30] [--classes 5] [--set NAME=VALUE]...

kt fits every model on the train file, replays every test learner answer by answer (predict, then
update) and prints a table, then one line per model:
model=NAME auc=... logloss=... rmse=... us_per_answer=...
`widget` is the widget's LearnerModel on a bank of the dataset's items calibrated from the train
learners by the teacher page's calibration; `widget-uncalibrated` the same on the bank with no
difficulties; `elo` two-level Elo with item difficulties fitted on train, `elo-uncalibrated`
without; `ours` the engine's calibrated model; `ours-defaults` the same with the shipped defaults of a
bank with no calibration (nothing fitted on train, `calibrated_model::default_parameters`);
`widget-difficulties` (only when --models names it) the widget's model on the bank with the teacher
page's difficulties and no calibration block. `ours-transfer` (only when --models names it; an
experiment of issue 13, crates/evaluate/README.md, branch model13f) adds to `ours` an
item-to-item transfer term; the environment variable EVALUATE_TRANSFER sets it
(`name=value,...`, variants by `;`).
--validate fits on the fit-train learners of the train file and scores on its validation learners (a learner is a validation learner when the
FNV-1a hash of its user_id is 0 mod 5); the test file is then not read. --set overrides a
setting of `ours` (ability_step, ability_step_decay, recent_ability_step, item_precision,
item_slope_precision, skill_precision, skill_weight_precision, global_precision,
optimizer_iterations, cross_fit_folds, item_context_precision, global_context_precision,
factor_rank, factor_precision). --predictions PREFIX writes each model's predictions to
PREFIX.MODEL (tab-separated: learner, item_id, skill_id, correct, prediction; one answer a line).

srs predicts the recall of every review but a card's first from the reviews before it, with the
engine's memory model (default and fitted parameters) and the mean, in folds split by card, and
prints a table next to the published FSRS-6 figures, then one line per model:
model=NAME logloss=... auc=... rmse=...
--validate scores, in each fold, the train cards with (card index / folds) mod folds = 0 with
parameters fitted on the fold's other train cards: the held-out cards are not read. --set
overrides a setting of the memory fit (default_pull, iteration_limit).

tune-elo chooses the constants of two-level Elo (elo; elo-uncalibrated with --uncalibrated) by a
coordinate search on the mean AUC over the validation splits of the train files.

fit-defaults fits the defaults of a bank with no calibration (the global weights of `ours`, no
item or skill entries) on the fit-train learners of each train file and of all of them pooled,
prints each one's AUC on every file's validation learners, and the pooled weights (the shipped
defaults, `calibrated_model/defaults.rs`, are fitted this way on both shared train files, with
--copies 2,1). --copies N,N,... counts each train file's learners N times in the pooled fit.

small-class calibrates `ours` on small classes of a train file's fit-train learners (consecutive
learners in file order), with the prior mean of the global weights 0 or the shipped defaults, and
prints the mean validation AUC.";

/// A checked command line.
#[derive(Clone, Debug, PartialEq)]
enum Command {
    KnowledgeTracing(KnowledgeTracingCommand),
    SpacedRepetition(SpacedRepetitionCommand),
    TuneElo(TuneEloCommand),
    FitDefaults(FitDefaultsCommand),
    SmallClass(SmallClassCommand),
}

/// `tune-elo`: the train files whose validation splits the constants are chosen on.
#[derive(Clone, Debug, PartialEq)]
struct TuneEloCommand {
    train_paths: Vec<PathBuf>,
    uncalibrated: bool,
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
    let outcome = match &command {
        Command::KnowledgeTracing(command) => run_knowledge_tracing(command),
        Command::SpacedRepetition(command) => run_spaced_repetition(command),
        Command::TuneElo(command) => run_tune_elo(command),
        Command::FitDefaults(command) => run_fit_defaults(command),
        Command::SmallClass(command) => run_small_class(command),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("evaluate: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_command_line(arguments: &[String]) -> Result<Command, String> {
    match arguments.first().map(String::as_str) {
        Some("kt") => parse_knowledge_tracing(&arguments[1..]).map(Command::KnowledgeTracing),
        Some("srs") => parse_spaced_repetition(&arguments[1..]).map(Command::SpacedRepetition),
        Some("tune-elo") => parse_tune_elo(&arguments[1..]).map(Command::TuneElo),
        Some("fit-defaults") => parse_fit_defaults(&arguments[1..]).map(Command::FitDefaults),
        Some("small-class") => parse_small_class(&arguments[1..]).map(Command::SmallClass),
        Some(other) => Err(format!("unknown command `{other}`")),
        None => Err("missing command".to_string()),
    }
}

fn parse_knowledge_tracing(arguments: &[String]) -> Result<KnowledgeTracingCommand, String> {
    let (mut train_path, mut test_path, mut validate) = (None, None, false);
    let mut predictions_prefix = None;
    let mut model_names: Vec<String> = ALL_MODEL_NAMES
        .iter()
        .map(|name| name.to_string())
        .collect();
    let mut settings = ModelSettings::default();
    let mut remaining = arguments.iter();
    while let Some(flag) = remaining.next() {
        if flag == "--validate" {
            validate = true;
            continue;
        }
        let value = remaining
            .next()
            .ok_or_else(|| format!("`{flag}` needs a value"))?;
        match flag.as_str() {
            "--train" => train_path = Some(PathBuf::from(value)),
            "--test" => test_path = Some(PathBuf::from(value)),
            "--models" => {
                model_names = value
                    .split(',')
                    .map(|name| name.trim().to_string())
                    .collect();
                if let Some(unknown) = model_names.iter().find(|name| {
                    !ALL_MODEL_NAMES.contains(&name.as_str())
                        && !EXTRA_MODEL_NAMES.contains(&name.as_str())
                }) {
                    return Err(format!(
                        "unknown model `{unknown}` (known: {})",
                        ALL_MODEL_NAMES.join(", ")
                    ));
                }
            }
            "--set" => apply_setting(&mut settings, value)?,
            "--predictions" => predictions_prefix = Some(PathBuf::from(value)),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    let scored_on =
        match (test_path, validate) {
            (Some(_), true) => return Err(
                "`--validate` scores on the train file's validation learners: leave out `--test`"
                    .to_string(),
            ),
            (Some(test_path), false) => ScoredOn::Test(test_path),
            (None, true) => ScoredOn::Validation,
            (None, false) => return Err("missing `--test PATH` (or `--validate`)".to_string()),
        };
    Ok(KnowledgeTracingCommand {
        train_path: train_path.ok_or("missing `--train PATH`")?,
        scored_on,
        model_names,
        settings,
        predictions_prefix,
    })
}

/// Applies `NAME=VALUE` to the memory fit's settings (`default_pull`, `iteration_limit`).
fn set_memory_fit_setting(
    settings: &mut MemoryFitSettings,
    assignment: &str,
) -> Result<(), String> {
    let (name, number) = setting::read_number_setting(assignment)
        .ok()
        .filter(|(_, number)| *number >= 0.0)
        .ok_or_else(|| {
            format!("`--set {assignment}`: expected NAME=VALUE, a number of at least 0")
        })?;
    match name {
        "default_pull" => settings.default_pull = number,
        "iteration_limit" => settings.iteration_limit = number as usize,
        other => return Err(format!("`--set {assignment}`: unknown setting `{other}`")),
    }
    Ok(())
}

fn parse_spaced_repetition(arguments: &[String]) -> Result<SpacedRepetitionCommand, String> {
    let (mut revlog_path, mut fold_count) = (None, 5);
    let (mut validate, mut settings) = (false, MemoryFitSettings::default());
    let mut remaining = arguments.iter();
    while let Some(flag) = remaining.next() {
        if flag == "--validate" {
            validate = true;
            continue;
        }
        let value = remaining
            .next()
            .ok_or_else(|| format!("`{flag}` needs a value"))?;
        match flag.as_str() {
            "--revlog" => revlog_path = Some(PathBuf::from(value)),
            "--set" => set_memory_fit_setting(&mut settings, value)?,
            "--folds" => {
                fold_count = match value.trim().parse::<usize>() {
                    Ok(count) if count >= 2 => count,
                    _ => {
                        return Err(format!(
                            "`--folds {value}`: expected a whole number of at least 2"
                        ))
                    }
                }
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(SpacedRepetitionCommand {
        revlog_path: revlog_path.ok_or("missing `--revlog PATH`")?,
        fold_count,
        validate,
        settings,
    })
}

fn parse_tune_elo(arguments: &[String]) -> Result<TuneEloCommand, String> {
    let mut command = TuneEloCommand {
        train_paths: Vec::new(),
        uncalibrated: false,
    };
    let mut remaining = arguments.iter();
    while let Some(flag) = remaining.next() {
        match flag.as_str() {
            "--uncalibrated" => command.uncalibrated = true,
            "--train" => command.train_paths.push(PathBuf::from(
                remaining.next().ok_or("`--train` needs a value")?,
            )),
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if command.train_paths.is_empty() {
        return Err("missing `--train PATH` (one or more)".to_string());
    }
    Ok(command)
}

fn parse_fit_defaults(arguments: &[String]) -> Result<FitDefaultsCommand, String> {
    let mut command = FitDefaultsCommand {
        train_paths: Vec::new(),
        copies: Vec::new(),
        settings: ModelSettings::default(),
    };
    let mut remaining = arguments.iter();
    while let Some(flag) = remaining.next() {
        let value = remaining
            .next()
            .ok_or_else(|| format!("`{flag}` needs a value"))?;
        match flag.as_str() {
            "--train" => command.train_paths.push(PathBuf::from(value)),
            "--copies" => {
                command.copies = value
                    .split(',')
                    .map(|text| match text.trim().parse::<usize>() {
                        Ok(copies) if copies >= 1 => Ok(copies),
                        _ => Err(format!(
                            "`--copies {value}`: expected whole numbers of at least 1"
                        )),
                    })
                    .collect::<Result<_, _>>()?
            }
            "--set" => apply_setting(&mut command.settings, value)?,
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if command.train_paths.is_empty() {
        return Err("missing `--train PATH` (one or more)".to_string());
    }
    Ok(command)
}

fn parse_small_class(arguments: &[String]) -> Result<SmallClassCommand, String> {
    let mut command = SmallClassCommand {
        train_path: PathBuf::new(),
        class_sizes: vec![10, 30],
        class_count: 5,
        settings: ModelSettings::default(),
    };
    let mut train_path = None;
    let mut remaining = arguments.iter();
    let whole_number = |flag: &str, text: &str| match text.trim().parse::<usize>() {
        Ok(number) if number >= 1 => Ok(number),
        _ => Err(format!(
            "`{flag} {text}`: expected whole numbers of at least 1"
        )),
    };
    while let Some(flag) = remaining.next() {
        let value = remaining
            .next()
            .ok_or_else(|| format!("`{flag}` needs a value"))?;
        match flag.as_str() {
            "--train" => train_path = Some(PathBuf::from(value)),
            "--learners" => {
                command.class_sizes = value
                    .split(',')
                    .map(|size| whole_number(flag, size))
                    .collect::<Result<_, _>>()?
            }
            "--classes" => command.class_count = whole_number(flag, value)?,
            "--set" => apply_setting(&mut command.settings, value)?,
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    command.train_path = train_path.ok_or("missing `--train PATH`")?;
    Ok(command)
}

/// Chooses two-level Elo's constants on the validation split of the train files (never a test
/// file) and prints the search and the result.
fn run_tune_elo(command: &TuneEloCommand) -> Result<(), String> {
    let mut pairs = Vec::new();
    for path in &command.train_paths {
        let mut vocabulary = dataset::Vocabulary::default();
        let train = dataset::read_dataset(path, &mut vocabulary).map_err(|e| e.to_string())?;
        let (fit_train, validation) = validation::split_for_validation(train);
        pairs.push(elo::ValidationPair {
            name: path.display().to_string(),
            fit_train: knowledge_tracing::observed_sequences(&fit_train),
            validation,
        });
    }
    let (start, calibrated) = if command.uncalibrated {
        (elo::UNCALIBRATED_ELO_SETTINGS, false)
    } else {
        (elo::ELO_SETTINGS, true)
    };
    let (best, _) = elo::tune(&pairs, start, calibrated, &mut |line| println!("{line}"));
    for pair in &pairs {
        println!(
            "{}: validation AUC {:.4}",
            pair.name,
            elo::validation_auc(pair, best, calibrated)
        );
    }
    println!("chosen: {best:?}");
    Ok(())
}

fn apply_setting(settings: &mut ModelSettings, assignment: &str) -> Result<(), String> {
    let (name, value) = setting::read_number_setting(assignment)
        .map_err(|message| format!("`--set`: {message}"))?;
    let slot = match name {
        "ability_step" => &mut settings.ability_step,
        "ability_step_decay" => &mut settings.ability_step_decay,
        "recent_ability_step" => &mut settings.recent_ability_step,
        "item_slope_precision" => &mut settings.item_slope_precision,
        "item_precision" => &mut settings.item_precision,
        "skill_precision" => &mut settings.skill_precision,
        "skill_weight_precision" => &mut settings.skill_weight_precision,
        "global_precision" => &mut settings.global_precision,
        "item_context_precision" => &mut settings.item_context_precision,
        "global_context_precision" => &mut settings.global_context_precision,
        "factor_precision" => &mut settings.factor_precision,
        "factor_rank" => {
            settings.factor_rank = value.max(0.0) as usize;
            return Ok(());
        }
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
