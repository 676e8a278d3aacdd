//! The validation split: a fixed rule that splits a train file's learners into fit-train and validation learners.
//!
//! A learner is a validation learner when the 64-bit FNV-1a hash of their `user_id` (the text as
//! written in the file, UTF-8 bytes) is 0 modulo [`VALIDATION_MODULUS`]: about one learner in five.
//! The rule depends on the id only, not on the order of the file or on the other learners, so
//! the same learner is on the same side on every run and every machine. Every design choice and
//! constant of the models is judged on this split (`kt --validate`); the test file is read once,
//! for the final table.

use crate::dataset::Dataset;

/// One learner in this many (on average) is a validation learner.
pub const VALIDATION_MODULUS: u64 = 5;

/// 64-bit FNV-1a of the bytes.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Whether the learner with this `user_id` is held out for validation.
pub fn is_validation_learner(user_id: &str) -> bool {
    fnv1a_64(user_id.as_bytes()).is_multiple_of(VALIDATION_MODULUS)
}

/// The train file's learners split into (fit-train, validation), each in file order.
pub fn split_for_validation(train: Dataset) -> (Dataset, Dataset) {
    let (validation, fit_train) = train
        .learners
        .into_iter()
        .partition(|learner| is_validation_learner(&learner.learner_name));
    (
        Dataset {
            learners: fit_train,
        },
        Dataset {
            learners: validation,
        },
    )
}
