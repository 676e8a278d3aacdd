//! The shipped defaults are what `fit-defaults` fits on the shared data.

use std::path::PathBuf;

use adaptive_practice_engine::calibrated_model::{default_parameters, ModelSettings};

use super::{fit_pooled_defaults, read_split_file};

/// The `--copies` of the shipped defaults, for the shared train files in the order Statics,
/// ASSISTments09: each Statics learner counts twice, so that the two files weigh about the
/// same in answers (234,908 against 172,521) instead of ASSISTments09 weighing 1.5 times as
/// much (crates/evaluate/README.md, "Branch model13d").
const SHIPPED_DEFAULTS_COPIES: [usize; 2] = [2, 1];

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
        .zip(SHIPPED_DEFAULTS_COPIES)
        .map(|(path, copies)| {
            let mut file = read_split_file(path).unwrap();
            file.copies = copies;
            file
        })
        .collect();
    let fitted = fit_pooled_defaults(&files, ModelSettings::default());
    let shipped = default_parameters();
    assert_eq!(fitted.settings, shipped.settings);
    // The constants are printed with 6 decimals.
    for (column, (fitted, shipped)) in fitted
        .global_feature_weights
        .iter()
        .chain(&fitted.item_memory_shifts)
        .chain(&fitted.global_context_slopes)
        .zip(
            shipped
                .global_feature_weights
                .iter()
                .chain(&shipped.item_memory_shifts)
                .chain(&shipped.global_context_slopes),
        )
        .enumerate()
    {
        assert!(
            (fitted - shipped).abs() < 2e-6,
            "global weight {column} (then the item memory shifts, the context slopes): fitted {fitted:.6}, \
             shipped {shipped:.6}"
        );
    }
}
