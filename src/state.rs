//! The practice flow's state and its one `Action` enum: a `Reducible` wrapper around the
//! engine's `Progress`. The clock and storage are read here, at the edge; the engine stays pure.

use std::rc::Rc;

use adaptive_practice_engine::progress::{load_progress, save_progress};
use adaptive_practice_engine::{
    advance, new_progress, resume, submit_answer, AnswerReport, ChoiceOptions, IndexedBank, NextItem, Progress,
    Response, Timestamp,
};
use yew::Reducible;

use crate::events;
use crate::messages;
use crate::storage::{self, StorageProblem};

/// Where the learner is on the current item.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Answering { unreadable: Option<String> },
    Answered { report: AnswerReport, response: Response },
}

#[derive(Debug, Clone, PartialEq)]
pub struct PracticeState {
    pub bank: Rc<IndexedBank>,
    pub progress: Progress,
    pub current: Option<NextItem>,
    pub phase: Phase,
    /// A message about storage the learner must see (progress not saved, unreadable).
    pub storage_notice: Option<String>,
    pub storage_key: String,
    pub host: Option<web_sys::Element>,
    /// Bumped on every change of item, so the view can move focus.
    pub item_revision: u32,
    /// False when the stored copy could not be read nor backed up: it is then never overwritten.
    pub may_write: bool,
}

pub enum PracticeAction {
    Submit(Response),
    Next,
}

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

impl PracticeState {
    /// Loads saved progress for the bank (or starts fresh) and shows the item to practise.
    pub fn start(bank: Rc<IndexedBank>, storage_key: String, host: Option<web_sys::Element>) -> PracticeState {
        let mut storage_notice = None;
        let mut may_write = true;
        let mut progress = match storage::read(&storage_key) {
            Ok(Some(text)) => match load_progress(&text, &bank.bank.id) {
                Ok(progress) => progress,
                Err(problem) => {
                    // Keep the unreadable copy under a backup key before anything is written.
                    let backup_key = format!("{storage_key}/unreadable-{}", now().0);
                    may_write = storage::write(&backup_key, &text).is_ok();
                    storage_notice = Some(messages::progress_unreadable(&problem.to_string(), may_write));
                    new_progress(&bank, random_seed())
                }
            },
            Ok(None) => new_progress(&bank, random_seed()),
            Err(_) => {
                storage_notice = Some(messages::NOT_SAVED_UNAVAILABLE.to_string());
                new_progress(&bank, random_seed())
            }
        };
        let current = resume(&bank, &mut progress, now(), &ChoiceOptions::default());
        PracticeState {
            bank,
            progress,
            current,
            phase: Phase::Answering { unreadable: None },
            storage_notice,
            storage_key,
            host,
            item_revision: 0,
            may_write,
        }
    }

    /// Saves progress, unless the stored copy could not be read nor backed up.
    fn save(&mut self) {
        if !self.may_write {
            return;
        }
        match storage::write(&self.storage_key, &save_progress(&self.progress)) {
            Ok(()) => {
                if matches!(&self.storage_notice, Some(n) if n.starts_with(messages::NOT_SAVED_PREFIX)) {
                    self.storage_notice = None;
                }
            }
            Err(StorageProblem::Unavailable) => self.storage_notice = Some(messages::NOT_SAVED_UNAVAILABLE.to_string()),
            Err(StorageProblem::WriteRefused(name)) => self.storage_notice = Some(messages::not_saved_refused(&name)),
        }
    }
}

impl Reducible for PracticeState {
    type Action = PracticeAction;

    fn reduce(self: Rc<Self>, action: PracticeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            PracticeAction::Submit(response) => {
                let Some(current) = &self.current else { return self };
                if matches!(self.phase, Phase::Answered { .. }) {
                    return self;
                }
                match submit_answer(&next.bank, &mut next.progress, current.item_position, &response, now()) {
                    Ok(report) => {
                        next.save();
                        if let Some(host) = &next.host {
                            events::dispatch_answer(host, &next.bank, current, &report, &next.progress);
                        }
                        next.phase = Phase::Answered { report, response };
                    }
                    Err(unreadable) => next.phase = Phase::Answering { unreadable: Some(unreadable.message) },
                }
            }
            PracticeAction::Next => {
                next.current = advance(&next.bank, &mut next.progress, now(), &ChoiceOptions::default());
                next.phase = Phase::Answering { unreadable: None };
                next.item_revision += 1;
                next.save();
            }
        }
        Rc::new(next)
    }
}
