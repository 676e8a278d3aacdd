//! The pure engine of adaptive-practice: the item bank format, answer checking, the learner
//! model, item choice and saved progress.
//!
//! It knows nothing of the web, the clock or randomness: callers pass `now` and a seed.

pub mod answer;
mod answer_check;
pub mod bank;
pub mod bank_calibration;
pub mod bank_check;
pub mod bank_index;
pub mod bank_read;
pub mod bank_subset;
pub mod calibrated_model;
pub mod calibration;
pub mod case_fold;
pub mod choose;
pub mod display_float;
pub mod equations;
pub mod expression;
pub mod find_text;
pub mod gaps;
pub mod json;
pub mod lists;
pub mod markup;
pub mod math;
pub mod memory;
pub mod model;
pub mod numbers;
pub mod optimize;
pub mod parse_float;
pub mod preferences;
pub mod progress;
pub mod quoted;
pub mod remainder;
pub mod report;
pub mod sample_response;
pub mod seeded;
pub mod session;
pub mod sorted_map;
pub mod template;
pub mod text_fields;
pub mod text_rules;
pub mod trigonometry;
pub mod units;

pub use answer::{
    check_answer, check_part, check_response, check_response_with, parse_number,
    response_from_line, verdict_names, Outcome, Reading, Response, UnreadableAnswer,
    UnreadableReason, Verdict, VerdictReason,
};
pub use bank::{Bank, BankSettings, Hint, Item, ItemKind, Part, Skill, Step};
pub use bank_check::{load_bank, BankLoad, Diagnostic, Severity};
pub use bank_index::IndexedBank;
pub use choose::{choose_next_item, ChoiceOptions, ChoiceReason, NextItem};
pub use model::{Evidence, LearnerModel, SkillMastery, SkillState, Timestamp};
pub use progress::{load_progress, save_progress, Progress, ProgressError};
pub use session::{
    advance, another_variant, new_progress, present, resume, submit_answer, AnswerReport,
};

#[cfg(test)]
mod tests;
