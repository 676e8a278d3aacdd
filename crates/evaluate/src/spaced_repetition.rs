//! The `srs` command: recall prediction on a review log, cross-validated by card, next to the published FSRS-6 figures.

use std::path::PathBuf;
use std::time::Instant;

use adaptive_practice_engine::memory::{
    fit_memory_parameters_with, predicted_recalls, MemoryFitSettings, MemoryParameters, Review,
};

use crate::metrics::score_predictions;
use crate::revlog::read_review_log;

/// The command line of the `srs` command, checked.
#[derive(Clone, Debug, PartialEq)]
pub struct SpacedRepetitionCommand {
    pub revlog_path: PathBuf,
    pub fold_count: usize,
    /// Score a validation split of each fold's train cards instead of the held-out fold.
    pub validate: bool,
    pub settings: MemoryFitSettings,
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
    if command.validate {
        println!(
            "validation: each fold fits on its train cards but those with (card index / {fold_count}) \
             mod {fold_count} = 0, and scores those; no held-out card is read"
        );
    }
    let folds: Vec<FoldCards> = (0..fold_count)
        .map(|fold| fold_cards(&histories, fold_count, fold, command.validate))
        .collect();
    let started = Instant::now();
    let defaults = cross_validate(&folds, |_| MemoryParameters::default(), predicted_recalls);
    // The folds are fitted in parallel (the fit itself is the engine's plain, single-threaded function).
    let fitted_parameters: Vec<MemoryParameters> = std::thread::scope(|scope| {
        let fits: Vec<_> = folds
            .iter()
            .map(|fold| scope.spawn(|| fit_memory_parameters_with(&fold.fit, &command.settings)))
            .collect();
        fits.into_iter()
            .map(|fit| fit.join().unwrap_or_default())
            .collect()
    });
    let fit_seconds = started.elapsed().as_secs_f64();
    let fitted = cross_validate(&folds, |fold| fitted_parameters[fold], predicted_recalls);
    let mean = cross_validate(
        &folds,
        |fold| {
            let outcomes: Vec<bool> = folds[fold]
                .fit
                .iter()
                .flat_map(|card| card.iter().skip(1).map(|review| review.rating.recalled()))
                .collect();
            outcomes.iter().filter(|&&recalled| recalled).count() as f64
                / outcomes.len().max(1) as f64
        },
        |share: &f64, history: &[Review]| {
            history
                .iter()
                .skip(1)
                .map(|review| (*share, review.rating.recalled()))
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

/// The cards one fold fits on and the cards it scores.
struct FoldCards {
    fit: Vec<Vec<Review>>,
    scored: Vec<Vec<Review>>,
}

/// Fold `fold`: fits on every other fold's cards and scores its own; with `validate`, fits on
/// the other folds' cards but those with `(card / fold_count) % fold_count == 0`, and scores those.
fn fold_cards(
    histories: &[Vec<Review>],
    fold_count: usize,
    fold: usize,
    validate: bool,
) -> FoldCards {
    let mut cards = FoldCards {
        fit: Vec::new(),
        scored: Vec::new(),
    };
    for (card, history) in histories.iter().enumerate() {
        let held_out = card % fold_count == fold;
        let scored = if validate {
            !held_out && (card / fold_count).is_multiple_of(fold_count)
        } else {
            held_out
        };
        if scored {
            cards.scored.push(history.clone());
        } else if !held_out {
            cards.fit.push(history.clone());
        }
    }
    cards
}

/// For each fold, builds a model from `model_of_fold(fold)` and predicts that fold's scored cards
/// with `predict(model, history)`; the predictions come back fold after fold.
fn cross_validate<Model>(
    folds: &[FoldCards],
    model_of_fold: impl Fn(usize) -> Model,
    predict: impl Fn(&Model, &[Review]) -> Vec<(f64, bool)>,
) -> CrossValidated {
    let mut result = CrossValidated {
        predictions: Vec::new(),
        outcomes: Vec::new(),
    };
    for (fold, cards) in folds.iter().enumerate() {
        let model = model_of_fold(fold);
        for history in &cards.scored {
            for (prediction, outcome) in predict(&model, history) {
                result.predictions.push(prediction);
                result.outcomes.push(outcome);
            }
        }
    }
    result
}
