//! The shipped defaults are what `fit-defaults` fits on the shared data.

use std::path::PathBuf;

use adaptive_practice_engine::calibrated_model::{
    default_parameters, ModelSettings, ObservedAnswer,
};

use super::item_memory::{fit_item_memory_shifts, DefaultsWithItemMemory};
use super::{fit_pooled_defaults, read_split_file};
use crate::replay::OnlineModel;

/// The shared data, beside the repository (as `make evaluate` reads it).
const SHARED_KT_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/kt");

/// The two shared train files, or `None` when they are missing and a local run (`CI` unset) allows
/// it with `AP_ALLOW_MISSING_SAMPLES=1`; missing otherwise is a failure, as for the simulator's
/// OATutor sample.
fn shared_train_files() -> Option<[PathBuf; 2]> {
    let folder = PathBuf::from(SHARED_KT_DATA);
    let paths = [
        folder.join("statics_train.tsv"),
        folder.join("assistments09_train.tsv"),
    ];
    if paths.iter().all(|path| path.is_file()) {
        return Some(paths);
    }
    let allowed = std::env::var_os("AP_ALLOW_MISSING_SAMPLES").is_some_and(|v| v == "1")
        && std::env::var_os("CI").is_none();
    assert!(
        allowed,
        "the shared train files are not in {SHARED_KT_DATA} (AP_ALLOW_MISSING_SAMPLES=1 outside \
         CI leaves this test out of a local run)"
    );
    eprintln!("note: AP_ALLOW_MISSING_SAMPLES=1: no shared data at {SHARED_KT_DATA}, not checked");
    None
}

#[test]
fn shipped_defaults_are_what_fit_defaults_gives_on_the_shared_train_files() {
    let Some(paths) = shared_train_files() else {
        return;
    };
    let files: Vec<_> = paths
        .iter()
        .map(|path| read_split_file(path).unwrap())
        .collect();
    let fitted = fit_pooled_defaults(&files, ModelSettings::default());
    let shipped = default_parameters();
    assert_eq!(fitted.settings, shipped.settings);
    // The constants are printed with 6 decimals.
    for (column, (fitted, shipped)) in fitted
        .global_feature_weights
        .iter()
        .zip(&shipped.global_feature_weights)
        .enumerate()
    {
        assert!(
            (fitted - shipped).abs() < 2e-6,
            "global weight {column}: fitted {fitted:.6}, shipped {shipped:.6}"
        );
    }
}

/// Learners who answer items 0..4 twice each: the second answer repeats the first.
fn learners_who_repeat_themselves() -> Vec<Vec<ObservedAnswer>> {
    (0..20)
        .map(|learner| {
            (0..8)
                .map(|step| ObservedAnswer {
                    item: step % 4,
                    skills: vec![0],
                    correct: (learner + step % 4) % 2 == 0,
                    now: 0.0,
                })
                .collect()
        })
        .collect()
}

#[test]
fn item_memory_learns_that_learners_repeat_their_last_outcome_and_forgets_between_learners() {
    let parameters = default_parameters();
    let shifts = fit_item_memory_shifts(&parameters, &learners_who_repeat_themselves());
    assert!(shifts[0] < -2.0 && shifts[1] > 2.0, "{shifts:?}");
    let mut model = DefaultsWithItemMemory::new(parameters, shifts);
    model.start_learner();
    let first = model.predict(3, &[0], 0.0);
    model.update(3, &[0], false, 0.0);
    let unseen = model.predict(2, &[0], 0.0);
    assert!(model.predict(3, &[0], 0.0) < unseen - 0.3);
    model.start_learner();
    assert_eq!(model.predict(3, &[0], 0.0), first);
}
