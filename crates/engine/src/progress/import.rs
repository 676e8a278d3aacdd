//! Loading a progress file the learner chose ("Load progress from a file"): unlike the widget's
//! own stored copy, it comes from outside, so it is limited in size and must be plausible
//! (`plausibility.rs`). A refused file changes nothing; the refusal says why.

use super::plausibility::{check_progress, Implausible};
use super::{load_progress, Progress, ProgressError};
use crate::bank_index::IndexedBank;
use crate::model::Timestamp;

/// The largest progress file the widget loads, in bytes (2 MB). Progress stays far below it (a
/// 1,000-item bank after 100,000 answers: 64 KB), and a larger file would fill the browser's
/// storage, after which no save would work.
pub const PROGRESS_FILE_LIMIT_BYTES: usize = 2 * 1024 * 1024;

/// Why a progress file was not loaded.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ImportRefusal {
    /// Larger than `PROGRESS_FILE_LIMIT_BYTES` (at least `bytes` long).
    TooLarge { bytes: usize },
    /// Not progress on this bank (damaged, newer, another bank's).
    Unreadable(ProgressError),
    /// Progress no learner could have made (every reason found).
    Implausible(Vec<Implausible>),
}

impl std::fmt::Display for ImportRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportRefusal::TooLarge { .. } => write!(
                f,
                "the file is larger than {} MB, the most a progress file can be",
                PROGRESS_FILE_LIMIT_BYTES / (1024 * 1024)
            ),
            ImportRefusal::Unreadable(problem) => write!(f, "{problem}"),
            ImportRefusal::Implausible(reasons) => {
                f.write_str("it is not progress a learner could have made: ")?;
                for (index, reason) in reasons.iter().enumerate() {
                    if index > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{reason}")?;
                }
                Ok(())
            }
        }
    }
}

/// Reads a chosen progress file for `bank` at `now`: within the size limit, progress on this bank
/// in a released format, and plausible.
pub fn import_progress(
    text: &str,
    bank: &IndexedBank,
    now: Timestamp,
) -> Result<Progress, ImportRefusal> {
    if text.len() > PROGRESS_FILE_LIMIT_BYTES {
        return Err(ImportRefusal::TooLarge { bytes: text.len() });
    }
    let progress = load_progress(text, bank.id()).map_err(ImportRefusal::Unreadable)?;
    // The bank's evidence rule holds for progress made on this version of the bank.
    let least_answers = if progress.bank_version == bank.version() {
        bank.settings().min_evidence
    } else {
        1
    };
    let reasons = check_progress(&progress, least_answers, now);
    if reasons.is_empty() {
        Ok(progress)
    } else {
        Err(ImportRefusal::Implausible(reasons))
    }
}

#[cfg(test)]
mod tests;
