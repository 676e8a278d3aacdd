//! The pure engine of adaptive-practice: the item bank format, answer checking, the learner
//! model, item choice and saved progress.
//!
//! It knows nothing of the web, the clock or randomness: callers pass `now` and a seed.

pub mod answer;
pub mod bank;
pub mod bank_index;
pub mod choose;
pub mod model;
pub mod progress;
pub mod session;

pub use answer::{check_answer, parse_number, Outcome, Response, UnreadableAnswer};
pub use bank::{load_bank, Bank, BankLoad, BankSettings, Diagnostic, Item, ItemKind, Severity, Skill};
pub use bank_index::IndexedBank;
pub use choose::{choose_next_item, ChoiceOptions, ChoiceReason, NextItem};
pub use model::{LearnerModel, SkillMastery, SkillState, Timestamp};
pub use progress::{load_progress, save_progress, Progress, ProgressError};
pub use session::{advance, new_progress, resume, submit_answer, AnswerReport};

#[cfg(test)]
mod tests;
