//! The defaults of a bank with no calibration, measured: `fit-defaults` (fitted on some learners,
//! scored on others, within and across datasets) and `small-class` (the defaults as the prior of
//! a small class's calibration).
//!
//! The defaults are `calibrated_model`'s global feature weights only, fitted by
//! `calibrated_model::fit_defaults`: no item or skill has an entry, as in a new bank. The shipped
//! ones are `calibrated_model::default_parameters`.

use std::path::{Path, PathBuf};

use adaptive_practice_engine::calibrated_model::{
    self, FittedParameters, ModelSettings, ObservedAnswer, GLOBAL_FEATURE_COUNT,
};

use adaptive_practice_engine::bank::Bank;

use crate::dataset::{read_dataset, Dataset, Vocabulary};
use crate::elo;
use crate::engine_model::{dataset_bank, fit_class_block, WidgetModelOnline};
use crate::knowledge_tracing::{observed_sequences, LearnerModelOnline};
use crate::metrics::area_under_roc_curve;
use crate::replay::replay_learners;
use crate::validation::split_for_validation;

#[cfg(test)]
mod tests;

/// `fit-defaults`: the train files whose fit-train learners the defaults are fitted on.
#[derive(Clone, Debug, PartialEq)]
pub struct FitDefaultsCommand {
    pub train_paths: Vec<PathBuf>,
    /// How many times each train file's learners count in the pooled fit (`--copies`), in the
    /// order of `train_paths`; a file not listed counts once.
    pub copies: Vec<usize>,
    pub settings: ModelSettings,
}

/// `small-class`: the train file whose fit-train learners make the classes, and the class sizes.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallClassCommand {
    pub train_path: PathBuf,
    pub class_sizes: Vec<usize>,
    /// How many disjoint classes of each size (consecutive fit-train learners in file order).
    pub class_count: usize,
    pub settings: ModelSettings,
}

/// One train file split for validation: defaults are fitted on `fit_train`, scored on
/// `validation`.
pub struct SplitFile {
    pub name: String,
    pub fit_train: Vec<Vec<ObservedAnswer>>,
    pub validation: Dataset,
    /// A bank of the file's items and skills, no difficulties, no block (`dataset_bank`).
    pub bank: Bank,
    /// How many times the file's fit-train learners count in the pooled defaults (1 as read).
    pub copies: usize,
}

/// Reads a train file (with its own vocabulary) and splits its learners for validation.
pub fn read_split_file(path: &Path) -> Result<SplitFile, String> {
    let mut vocabulary = Vocabulary::default();
    let train = read_dataset(path, &mut vocabulary).map_err(|error| error.to_string())?;
    let (fit_train, validation) = split_for_validation(train);
    let bank = dataset_bank(
        vocabulary.item_index_by_name.len(),
        vocabulary.skill_index_by_name.len(),
        &[&fit_train, &validation],
    );
    Ok(SplitFile {
        name: path.file_stem().map_or_else(
            || path.display().to_string(),
            |stem| stem.to_string_lossy().into(),
        ),
        fit_train: observed_sequences(&fit_train),
        validation,
        bank,
        copies: 1,
    })
}

/// The defaults fitted on the fit-train learners of every file, pooled (what is shipped).
pub fn fit_pooled_defaults(files: &[SplitFile], settings: ModelSettings) -> FittedParameters {
    calibrated_model::fit_defaults(&pooled_learners(files), settings)
}

/// The fit-train learners of every file, file after file, each file's `copies` times.
fn pooled_learners(files: &[SplitFile]) -> Vec<Vec<ObservedAnswer>> {
    files
        .iter()
        .flat_map(|file| (0..file.copies).flat_map(|_| file.fit_train.iter().cloned()))
        .collect()
}

/// AUC of `calibrated_model` with `parameters` on `scored`, every learner from scratch.
pub fn scored_auc(parameters: &FittedParameters, scored: &Dataset) -> f64 {
    let mut model = LearnerModelOnline::new(parameters.clone());
    let outcome = replay_learners(&mut model, scored);
    area_under_roc_curve(&outcome.predictions, &outcome.outcomes).unwrap_or(f64::NAN)
}

/// Fits the defaults on each file's fit-train learners and on all of them pooled, scores each on
/// every file's validation learners beside `elo-uncalibrated` and the shipped defaults, and
/// prints the pooled weights as the constants of `calibrated_model/defaults.rs`.
pub fn run_fit_defaults(command: &FitDefaultsCommand) -> Result<(), String> {
    let mut files = command
        .train_paths
        .iter()
        .map(|path| read_split_file(path))
        .collect::<Result<Vec<_>, _>>()?;
    for (file, &copies) in files.iter_mut().zip(&command.copies) {
        file.copies = copies;
    }
    let header: Vec<String> = files
        .iter()
        .map(|file| format!("{:>24}", file.name))
        .collect();
    println!("validation AUC (each file's validation learners, every learner from scratch)");
    println!("{:<40}{}", "model", header.join(""));
    let print_row = |label: &str, aucs: Vec<f64>| {
        let cells: Vec<String> = aucs.iter().map(|auc| format!("{auc:>24.4}")).collect();
        println!("{label:<40}{}", cells.join(""));
    };
    print_row(
        "elo-uncalibrated",
        files
            .iter()
            .map(|file| {
                let mut model = elo::TwoLevelElo::uncalibrated(elo::UNCALIBRATED_ELO_SETTINGS);
                let outcome = replay_learners(&mut model, &file.validation);
                area_under_roc_curve(&outcome.predictions, &outcome.outcomes).unwrap_or(f64::NAN)
            })
            .collect(),
    );
    let shipped = calibrated_model::default_parameters();
    print_row(
        "shipped defaults (default_parameters)",
        files
            .iter()
            .map(|file| scored_auc(&shipped, &file.validation))
            .collect(),
    );
    let pooled_learners = pooled_learners(&files);
    let mut sources: Vec<(String, &[Vec<ObservedAnswer>])> = files
        .iter()
        .map(|file| (file.name.clone(), file.fit_train.as_slice()))
        .collect();
    sources.push((
        format!("pooled, copies {}", copies_of(&files)),
        &pooled_learners,
    ));
    let mut pooled = None;
    for (source_name, learners) in &sources {
        let parameters = calibrated_model::fit_defaults(learners, command.settings);
        print_row(
            &format!("defaults fitted on {source_name}"),
            files
                .iter()
                .map(|file| scored_auc(&parameters, &file.validation))
                .collect(),
        );
        println!(
            "{:<40}item memory shifts (wrong, right): {:.2?}",
            "", parameters.item_memory_shifts
        );
        pooled = Some(parameters);
    }
    // The last source is the pooled one, fitted as `fit_pooled_defaults` does.
    let pooled = pooled.unwrap_or_else(|| fit_pooled_defaults(&files, command.settings));
    println!("\npooled global feature weights (calibrated_model/defaults.rs):");
    println!("{}", weights_as_source(&pooled.global_feature_weights));
    let context: Vec<String> = pooled
        .global_context_slopes
        .iter()
        .map(|slope| format!("{slope:.6}"))
        .collect();
    println!("global context slopes: [{}]", context.join(", "));
    println!(
        "item memory shifts: [{:.6}, {:.6}]",
        pooled.item_memory_shifts[0], pooled.item_memory_shifts[1]
    );
    println!("settings: {:?}", pooled.settings);
    Ok(())
}

/// The files' copies as `--copies` takes them: `2,1`.
fn copies_of(files: &[SplitFile]) -> String {
    let copies: Vec<String> = files.iter().map(|file| file.copies.to_string()).collect();
    copies.join(",")
}

/// The weights as a Rust array literal, 6 decimals, one per line.
pub fn weights_as_source(weights: &[f64; GLOBAL_FEATURE_COUNT]) -> String {
    let lines: Vec<String> = weights
        .iter()
        .map(|weight| format!("    {weight:.6},"))
        .collect();
    format!("[\n{}\n]", lines.join("\n"))
}

/// Calibrates small classes of the train file's fit-train learners, with and without the shipped
/// defaults as the prior mean of the global weights (`calibrated_model::fit_with_global_prior`
/// with the command's settings), and as the teacher page and `make calibrate` do
/// (`bank_calibration::fit_bank_calibration`: the block kept only when the class's held-out
/// answers gain, scored with the widget's model on the file's bank without difficulties), and
/// prints their mean validation AUC beside the bank without a block.
pub fn run_small_class(command: &SmallClassCommand) -> Result<(), String> {
    let file = read_split_file(&command.train_path)?;
    let shipped = calibrated_model::default_parameters();
    let widget_auc = |bank: Bank| {
        let mut model = WidgetModelOnline::new(bank);
        let outcome = replay_learners(&mut model, &file.validation);
        area_under_roc_curve(&outcome.predictions, &outcome.outcomes).unwrap_or(f64::NAN)
    };
    println!(
        "{}: {} fit-train learners; validation: {} learners; shipped defaults alone: valid AUC {:.4} (widget, bank without a block: {:.4})",
        file.name,
        file.fit_train.len(),
        file.validation.learners.len(),
        scored_auc(&shipped, &file.validation),
        widget_auc(file.bank.clone())
    );
    println!(
        "{:>8} {:>8} {:>14} {:>20} {:>22} {:>12} {:>12}",
        "learners",
        "classes",
        "fit, prior 0",
        "fit, prior defaults",
        "fit_bank_calibration",
        "blocks kept",
        "worst class"
    );
    for &size in &command.class_sizes {
        let classes: Vec<&[Vec<ObservedAnswer>]> = file
            .fit_train
            .chunks_exact(size.max(1))
            .take(command.class_count)
            .collect();
        if classes.is_empty() {
            return Err(format!(
                "{}: fewer than {size} fit-train learners",
                file.name
            ));
        }
        let mean_auc = |prior: &[f64; GLOBAL_FEATURE_COUNT]| {
            classes
                .iter()
                .map(|class| {
                    let parameters =
                        calibrated_model::fit_with_global_prior(class, command.settings, prior);
                    scored_auc(&parameters, &file.validation)
                })
                .sum::<f64>()
                / classes.len() as f64
        };
        let (mut kept, mut teacher_aucs) = (0, Vec::new());
        for class in &classes {
            let mut bank = file.bank.clone();
            bank.calibration = fit_class_block(class, &bank, ModelSettings::default());
            kept += usize::from(bank.calibration.is_some());
            teacher_aucs.push(widget_auc(bank));
        }
        println!(
            "{size:>8} {:>8} {:>14.4} {:>20.4} {:>22.4} {:>12} {:>12.4}",
            classes.len(),
            mean_auc(&[0.0; GLOBAL_FEATURE_COUNT]),
            mean_auc(&shipped.global_feature_weights),
            teacher_aucs.iter().sum::<f64>() / teacher_aucs.len() as f64,
            format!("{kept}/{}", classes.len()),
            teacher_aucs.iter().copied().fold(f64::INFINITY, f64::min),
        );
    }
    Ok(())
}
