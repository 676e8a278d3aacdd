//! Importing a progress file: limited in size, plausible, or refused with every reason; and the
//! copies stored before each bank had its own key under a `storage-key`.

use super::{import_progress, ImportRefusal, PROGRESS_FILE_LIMIT_BYTES};
use crate::model::Timestamp;
use crate::progress::plausibility::tests::{bank, practised};
use crate::progress::{progress_from_earlier_copies, save_progress, ProgressError};

const NOW: Timestamp = Timestamp(1_700_000_000_000 + 86_400_000);

fn refusal(text: &str) -> String {
    match import_progress(text, &bank(), NOW) {
        Ok(progress) => format!("loaded {} answers", progress.model.answer_count),
        Err(refusal) => refusal.to_string(),
    }
}

#[test]
fn a_real_export_loads() {
    let exported = save_progress(&practised(&bank(), 6));
    assert_eq!(refusal(&exported), "loaded 6 answers");
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let exported = save_progress(&practised(&bank(), 6));
    let padded = exported.replacen(
        '{',
        &format!("{{{}", " ".repeat(PROGRESS_FILE_LIMIT_BYTES)),
        1,
    );
    assert!(matches!(
        import_progress(&padded, &bank(), NOW),
        Err(ImportRefusal::TooLarge { .. })
    ));
    assert_eq!(
        refusal(&padded),
        "the file is larger than 2 MB, the most a progress file can be"
    );
}

#[test]
fn damaged_or_foreign_files_say_why() {
    assert_eq!(
        import_progress("{", &bank(), NOW),
        Err(ImportRefusal::Unreadable(ProgressError::Damaged(
            "EOF while parsing an object at line 1 column 1".into()
        )))
    );
    let foreign = save_progress(&practised(&bank(), 2)).replace("\"tiny\"", "\"other\"");
    assert_eq!(
        refusal(&foreign),
        "the saved progress belongs to another bank (\"other\")"
    );
}

#[test]
fn a_forged_file_is_refused_with_every_reason() {
    let mut forged = practised(&bank(), 6);
    for record in forged.model.skills.values_mut() {
        record.mastered = true;
    }
    forged.model.answer_count = 12_000;
    forged.time_on_task_seconds = 1.0;
    let text = save_progress(&forged);
    assert_eq!(
        refusal(&text),
        "it is not progress a learner could have made: \
         it claims 12000 answers in 1 second of practice, faster than anyone answers; \
         its answer count (12000) disagrees with the answers it lists per item (6)"
    );
    // Mastered on a skill with 1 answer: this bank version asks for 2 (`minEvidence`)...
    let mut thin = practised(&bank(), 1);
    for record in thin.model.skills.values_mut() {
        record.mastered = true;
    }
    assert_eq!(
        refusal(&save_progress(&thin)),
        "it is not progress a learner could have made: \
         skill “count” is marked mastered without the answers mastery takes (1 answer, 1 right)"
    );
    // ... which an earlier version of the bank may not have asked.
    thin.bank_version = "0.9".into();
    assert_eq!(refusal(&save_progress(&thin)), "loaded 1 answers");
}

#[test]
fn progress_stored_under_a_shared_storage_key_is_found_for_its_own_bank() {
    let fractions = include_str!("../../../tests/fixtures/progress-v1-sessions.json");
    let percentages = fractions.replace("\"fractions\"", "\"percentages\"");
    let found = |copies: &[&str], bank: &str| {
        progress_from_earlier_copies(copies.iter().copied(), bank).map(|p| p.model.answer_count)
    };
    // The shared key holds this bank's progress (the current release's format).
    assert_eq!(found(&[fractions], "fractions"), Some(5));
    // It holds another bank's: this bank's was moved aside; the damaged copy is passed over.
    assert_eq!(
        found(&[&percentages, "{damaged", fractions], "fractions"),
        Some(5)
    );
    assert_eq!(found(&[&percentages, "{damaged"], "fractions"), None);
    assert_eq!(found(&[], "fractions"), None);
}
