//! The `srs` command: recall prediction on a review log, cross-validated by card, next to the published FSRS-6 figures.

use std::path::PathBuf;
use std::time::Instant;

use adaptive_practice_engine::memory::{
    fit_memory_parameters, predicted_recalls, MemoryParameters, Review,
};

use crate::metrics::score_predictions;
use crate::revlog::read_review_log;

/// The command line of the `srs` command, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct SpacedRepetitionCommand {
    pub revlog_path: PathBuf,
    pub fold_count: usize,
}

/// Published on the same review log (5 folds split by card): name, log-loss, AUC, RMSE.
const REFERENCE_LINES: [(&str, &str, &str, &str); 3] = [
    ("fsrs6 (published)", "0.302", "0.720", "0.293"),
    ("fsrs6-defaults (published)", "0.313", "0.678", "-"),
    ("mean (published)", "0.330", "-", "-"),
];

/// The predictions of one model for every review of every card, fold after fold.
struct CrossValidated {
    predictions: Vec<f64>,
    outcomes: Vec<bool>,
}

pub fn run_spaced_repetition(command: &SpacedRepetitionCommand) -> Result<(), String> {
    let histories = read_review_log(&command.revlog_path).map_err(|error| error.to_string())?;
    let fold_count = command.fold_count.max(2);
    let prediction_count: usize = histories
        .iter()
        .map(|history| history.len().saturating_sub(1))
        .sum();
    println!(
        "review log: {} cards, {} predicted reviews; {} folds split by card (card index mod {})",
        histories.len(),
        prediction_count,
        fold_count,
        fold_count
    );
    let started = Instant::now();
    let defaults = cross_validate(
        &histories,
        fold_count,
        |_| MemoryParameters::default(),
        predicted_recalls,
    );
    // The folds are fitted in parallel (the fit itself is the engine's plain, single-threaded function).
    let fitted_parameters: Vec<MemoryParameters> = std::thread::scope(|scope| {
        let histories = &histories;
        let fits: Vec<_> = (0..fold_count)
            .map(|fold| {
                scope.spawn(move || {
                    fit_memory_parameters(&training_cards(histories, fold_count, fold))
                })
            })
            .collect();
        fits.into_iter()
            .map(|fit| fit.join().unwrap_or_default())
            .collect()
    });
    let fit_seconds = started.elapsed().as_secs_f64();
    let fitted = cross_validate(
        &histories,
        fold_count,
        |fold| fitted_parameters[fold],
        predicted_recalls,
    );
    let mean = cross_validate(
        &histories,
        fold_count,
        |fold| training_cards(&histories, fold_count, fold),
        |train: &Vec<Vec<Review>>, history: &[Review]| {
            let outcomes: Vec<bool> = train
                .iter()
                .flat_map(|card| card.iter().skip(1).map(|review| review.rating.recalled()))
                .collect();
            let share = outcomes.iter().filter(|&&recalled| recalled).count() as f64
                / outcomes.len().max(1) as f64;
            history
                .iter()
                .skip(1)
                .map(|review| (share, review.rating.recalled()))
                .collect()
        },
    );
    println!(
        "{:<28} {:>8} {:>8} {:>8}",
        "model", "logloss", "AUC", "RMSE"
    );
    let mut result_lines = Vec::new();
    for (name, outcome) in [
        ("ours-defaults", &defaults),
        ("ours-fitted", &fitted),
        ("mean", &mean),
    ] {
        let scores = score_predictions(&outcome.predictions, &outcome.outcomes);
        let auc = scores.auc.unwrap_or(f64::NAN);
        println!(
            "{:<28} {:>8.4} {:>8.4} {:>8.4}",
            name, scores.log_loss, auc, scores.root_mean_squared_error
        );
        result_lines.push(format!(
            "model={name} logloss={:.4} auc={auc:.4} rmse={:.4}",
            scores.log_loss, scores.root_mean_squared_error
        ));
    }
    for (name, log_loss, auc, rmse) in REFERENCE_LINES {
        println!("{name:<28} {log_loss:>8} {auc:>8} {rmse:>8}");
    }
    println!("(fitting {fold_count} folds took {fit_seconds:.1} s)");
    for (fold, parameters) in fitted_parameters.iter().enumerate() {
        println!("fold {fold} fitted: {parameters:?}");
    }
    println!();
    for line in result_lines {
        println!("{line}");
    }
    Ok(())
}

/// The cards of every fold but `held_out_fold`.
fn training_cards(
    histories: &[Vec<Review>],
    fold_count: usize,
    held_out_fold: usize,
) -> Vec<Vec<Review>> {
    histories
        .iter()
        .enumerate()
        .filter(|(card, _)| card % fold_count != held_out_fold)
        .map(|(_, history)| history.clone())
        .collect()
}

/// For each fold, builds a model from `model_of_fold(fold)` and predicts the cards of that fold
/// with `predict(model, history)`; the predictions come back in card order.
fn cross_validate<Model>(
    histories: &[Vec<Review>],
    fold_count: usize,
    model_of_fold: impl Fn(usize) -> Model,
    predict: impl Fn(&Model, &[Review]) -> Vec<(f64, bool)>,
) -> CrossValidated {
    let models: Vec<Model> = (0..fold_count).map(&model_of_fold).collect();
    let mut result = CrossValidated {
        predictions: Vec::new(),
        outcomes: Vec::new(),
    };
    for (card, history) in histories.iter().enumerate() {
        for (prediction, outcome) in predict(&models[card % fold_count], history) {
            result.predictions.push(prediction);
            result.outcomes.push(outcome);
        }
    }
    result
}
