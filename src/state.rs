//! The practice flow's state and its one `Action` enum: a `Reducible` wrapper around the
//! engine's `Progress`. The clock and storage are read here, at the edge; the engine stays pure.

use std::rc::Rc;

use adaptive_practice_engine::progress::{
    adopt_progress, load_progress, merge_progress, save_progress, ProgressError, SessionLog,
};
use adaptive_practice_engine::session::{
    record_time_on_task, restart_progress, submit_session_answer,
};
use adaptive_practice_engine::{
    advance, another_variant, new_progress, present, resume, AnswerReport, ChoiceOptions,
    IndexedBank, Item, NextItem, Progress, Response, Timestamp, UnreadableReason,
};
use yew::Reducible;

use crate::events;
use crate::i18n::{fill, Messages, Text};
use crate::storage::{self, StorageProblem};

/// Where the learner is on the current part of the item.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Answering {
        unreadable: Option<UnreadableReason>,
    },
    Answered {
        report: AnswerReport,
        response: Response,
    },
}

/// The item on screen: the engine's choice, the variant shown, the step reached.
#[derive(Debug, Clone, PartialEq)]
pub struct OnScreen {
    pub choice: NextItem,
    /// The item as presented (a template's variant), or why it cannot be shown.
    pub item: Result<Rc<Item>, String>,
    pub part_index: usize,
    /// Hints opened on this part.
    pub hints_shown: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PracticeState {
    pub bank: Rc<IndexedBank>,
    pub progress: Progress,
    pub on_screen: Option<OnScreen>,
    pub phase: Phase,
    /// A message about storage the learner must see (progress not saved, unreadable).
    pub storage_notice: Option<String>,
    pub storage_key: String,
    pub host: Option<web_sys::Element>,
    /// The bank's activity id in events (its URL, or a tag URI for inline banks).
    pub bank_activity: String,
    /// When the current part was shown (for time on task).
    pub shown_at: Timestamp,
    /// Bumped on every change of item or step, so the view can reset and move focus.
    pub item_revision: u32,
    /// False when the stored copy could not be read nor backed up: it is then never overwritten.
    pub may_write: bool,
    /// The interface's language.
    pub text: Text,
    /// Whether the notice on screen says progress is not being saved (cleared once a save works).
    pub showing_not_saved: bool,
    pub not_saved: bool,
    /// What the last import did: the answers loaded, or why nothing changed.
    pub import_result: Option<Result<u32, String>>,
    /// The skill the learner chose to practise; the widget chooses when `None`.
    pub focus_skill: Option<String>,
    /// This session's answers (a nonce and a counter each), to re-apply to another tab's progress.
    pub log: SessionLog,
    /// The stored text already taken into account (written, merged or backed up here): anything
    /// else found under the key was written by another tab or script, and is merged first.
    pub known_stored: Option<String>,
}

pub enum PracticeAction {
    Submit(Response),
    ShowHint,
    /// The next step of this item, or the next item.
    Next,
    /// Another variant of the current template item.
    AnotherVariant,
    /// Start afresh on this bank (the learner confirmed).
    Reset,
    /// Replace progress with an exported file's, if it is progress on this bank; else change nothing.
    Import(String),
    /// Practise this skill from now on (`None`: let the widget choose); moves to a new item
    /// unless the current one is already answered and waits for Next.
    ChooseSkill(Option<String>),
    /// Another tab changed the stored progress (the new text; `None`: removed).
    StorageChanged(Option<String>),
}

pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// Keeps an unreadable stored copy under a backup key; returns whether it was kept, and the
/// notice for the learner.
fn back_up_unreadable(
    storage_key: &str,
    text: &str,
    problem: &ProgressError,
    words: &'static Messages,
) -> (bool, String) {
    let backup_key = format!("{storage_key}/unreadable-{}", now().0);
    let kept = storage::write(&backup_key, text).is_ok();
    let template = if kept {
        words.progress_unreadable_backed_up
    } else {
        words.progress_unreadable_kept
    };
    (kept, fill(template, &[("problem", &problem.to_string())]))
}

fn show(bank: &IndexedBank, choice: Option<NextItem>, part_index: usize) -> Option<OnScreen> {
    choice.map(|choice| {
        let item = present(bank, &choice)
            .map(Rc::new)
            .map_err(|problem| problem.message);
        OnScreen {
            choice,
            item,
            part_index,
            hints_shown: 0,
        }
    })
}

impl PracticeState {
    /// Loads saved progress for the bank (or starts fresh) and shows the item to practise.
    pub fn start(
        bank: Rc<IndexedBank>,
        storage_key: String,
        host: Option<web_sys::Element>,
        source_url: Option<String>,
        words: &'static Messages,
    ) -> PracticeState {
        let mut storage_notice = None;
        let mut may_write = true;
        let mut storage_unavailable = false;
        let mut known_stored = None;
        let mut progress = match storage::read(&storage_key) {
            Ok(Some(text)) => match load_progress(&text, &bank.bank.id) {
                Ok(progress) => {
                    known_stored = Some(text);
                    progress
                }
                Err(problem) => {
                    // Keep the unreadable copy under a backup key before anything is written.
                    let (kept, notice) = back_up_unreadable(&storage_key, &text, &problem, words);
                    may_write = kept;
                    storage_notice = Some(notice);
                    known_stored = Some(text);
                    new_progress(&bank, random_seed())
                }
            },
            Ok(None) => new_progress(&bank, random_seed()),
            Err(_) => {
                storage_unavailable = true;
                storage_notice = Some(words.not_saved_unavailable.to_string());
                new_progress(&bank, random_seed())
            }
        };
        let choice = resume(&bank, &mut progress, now(), &ChoiceOptions::default());
        let part_index = progress.current_part as usize;
        PracticeState {
            on_screen: show(&bank, choice, part_index),
            bank_activity: events::bank_activity_id(&bank, source_url.as_deref()),
            shown_at: now(),
            bank,
            progress,
            phase: Phase::Answering { unreadable: None },
            storage_notice,
            storage_key,
            host,
            item_revision: 0,
            may_write,
            showing_not_saved: storage_unavailable,
            not_saved: storage_unavailable,
            import_result: None,
            focus_skill: None,
            text: Text(words),
            log: SessionLog::new(format!("{:x}-{:x}", now().0, random_seed())),
            known_stored,
        }
    }

    fn not_saved_notice(&mut self, notice: String) {
        self.storage_notice = Some(notice);
        self.showing_not_saved = true;
        self.not_saved = true;
    }

    /// Saves progress, merged with whatever another tab stored meanwhile; never over a stored
    /// copy that could not be read nor backed up.
    fn save(&mut self) {
        if self.may_write && self.merge_stored() {
            self.write();
        }
    }

    /// Takes in what another tab or script stored since this widget last looked: progress is
    /// merged (its answers and ours all kept); an unreadable copy is backed up. Returns false
    /// when that copy could not be backed up, and so must not be overwritten.
    fn merge_stored(&mut self) -> bool {
        let Ok(Some(text)) = storage::read(&self.storage_key) else {
            return true;
        };
        if self.known_stored.as_deref() == Some(text.as_str()) {
            return true;
        }
        match load_progress(&text, &self.bank.bank.id) {
            Ok(theirs) => {
                self.progress = merge_progress(&self.bank, theirs, &self.progress, &self.log).0;
            }
            Err(problem) => {
                let (kept, notice) =
                    back_up_unreadable(&self.storage_key, &text, &problem, self.text.0);
                self.storage_notice = Some(notice);
                self.showing_not_saved = false;
                if !kept {
                    self.may_write = false;
                    return false;
                }
            }
        }
        self.known_stored = Some(text);
        true
    }

    /// Writes progress as it is (no merge).
    fn write(&mut self) {
        let text = save_progress(&self.progress);
        match storage::write(&self.storage_key, &text) {
            Ok(()) => {
                self.known_stored = Some(text);
                self.not_saved = false;
                if self.showing_not_saved {
                    self.storage_notice = None;
                    self.showing_not_saved = false;
                }
            }
            Err(StorageProblem::Unavailable) => {
                self.not_saved_notice(self.text.0.not_saved_unavailable.to_string())
            }
            Err(StorageProblem::WriteRefused(name)) => {
                self.not_saved_notice(fill(self.text.0.not_saved_refused, &[("name", &name)]))
            }
        }
    }

    /// Another tab wrote `text` under our key: merge it in (writing back only what it lacked).
    fn take_stored(&mut self, text: String) {
        // An unreadable copy is left alone here; the next save backs it up before writing.
        if let Ok(theirs) = load_progress(&text, &self.bank.bank.id) {
            let (merged, replayed) = merge_progress(&self.bank, theirs, &self.progress, &self.log);
            self.progress = merged;
            self.known_stored = Some(text);
            if replayed > 0 && self.may_write {
                self.write();
            }
        }
    }

    fn next_item(&mut self) {
        let options = ChoiceOptions {
            focus_skill: self.focus_skill.clone(),
            target_success: None,
        };
        let choice = advance(&self.bank, &mut self.progress, now(), &options);
        self.on_screen = show(&self.bank, choice, 0);
    }
}

impl Reducible for PracticeState {
    type Action = PracticeAction;

    fn reduce(self: Rc<Self>, action: PracticeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let answered = matches!(self.phase, Phase::Answered { .. });
        match action {
            PracticeAction::Submit(response) => {
                let Some(on_screen) = &self.on_screen else {
                    return self;
                };
                let Ok(item) = &on_screen.item else {
                    return self;
                };
                if answered {
                    return self;
                }
                let answered_at = now();
                let seconds = answered_at.days_since(self.shown_at) * 86_400.0;
                let result = submit_session_answer(
                    &next.bank,
                    &mut next.progress,
                    &mut next.log,
                    item,
                    on_screen.part_index,
                    &response,
                    on_screen.hints_shown,
                    seconds,
                    answered_at,
                );
                if result.is_err() {
                    record_time_on_task(&mut next.progress, seconds);
                }
                match result {
                    Ok(report) => {
                        next.save();
                        if let Some(host) = &next.host {
                            events::dispatch_answer(
                                host,
                                &next.bank,
                                &next.bank_activity,
                                &on_screen.choice,
                                on_screen.part_index,
                                &report,
                                &next.progress,
                                answered_at.0,
                            );
                        }
                        next.phase = Phase::Answered { report, response };
                    }
                    Err(unreadable) => {
                        next.phase = Phase::Answering {
                            unreadable: Some(unreadable.reason),
                        }
                    }
                }
            }
            PracticeAction::ShowHint => {
                let Some(on_screen) = &mut next.on_screen else {
                    return self;
                };
                if answered {
                    return self;
                }
                on_screen.hints_shown += 1;
            }
            PracticeAction::Next => {
                let more_parts =
                    matches!(&self.phase, Phase::Answered { report, .. } if report.more_parts);
                match (&mut next.on_screen, more_parts) {
                    (Some(on_screen), true) => {
                        on_screen.part_index += 1;
                        on_screen.hints_shown = 0;
                    }
                    _ => next.next_item(),
                }
                next.phase = Phase::Answering { unreadable: None };
                next.item_revision += 1;
                next.shown_at = now();
                next.save();
            }
            PracticeAction::Reset => {
                // The sessions counted stay counted, so no tab re-applies its answers to the fresh start.
                next.progress = restart_progress(&next.bank, &next.progress, random_seed());
                next.may_write = true;
                next.storage_notice = None;
                next.showing_not_saved = false;
                next.next_item();
                next.phase = Phase::Answering { unreadable: None };
                next.item_revision += 1;
                next.shown_at = now();
                // Written as it is: merging would bring back what the learner chose to drop.
                next.write();
            }
            PracticeAction::Import(content) => match load_progress(&content, &next.bank.bank.id) {
                Ok(imported) => {
                    next.import_result = Some(Ok(imported.model.answer_count));
                    next.progress = adopt_progress(imported, &next.progress, &next.log);
                    next.may_write = true;
                    let choice = resume(
                        &next.bank,
                        &mut next.progress,
                        now(),
                        &ChoiceOptions::default(),
                    );
                    let part_index = next.progress.current_part as usize;
                    next.on_screen = show(&next.bank, choice, part_index);
                    next.phase = Phase::Answering { unreadable: None };
                    next.item_revision += 1;
                    next.shown_at = now();
                    // Written as it is: merging would bring back what the file replaces.
                    next.write();
                }
                Err(problem) => next.import_result = Some(Err(problem.to_string())),
            },
            PracticeAction::StorageChanged(Some(text)) => {
                if self.known_stored.as_deref() == Some(text.as_str()) {
                    return self;
                }
                next.take_stored(text);
            }
            PracticeAction::StorageChanged(None) => {
                // Another tab or script removed our progress: put it back.
                next.known_stored = None;
                next.save();
            }
            PracticeAction::ChooseSkill(skill) => {
                next.focus_skill = skill;
                if !answered {
                    next.next_item();
                    next.phase = Phase::Answering { unreadable: None };
                    next.item_revision += 1;
                    next.shown_at = now();
                }
            }
            PracticeAction::AnotherVariant => {
                let Some(on_screen) = &self.on_screen else {
                    return self;
                };
                let choice = another_variant(&mut next.progress, &on_screen.choice);
                next.on_screen = show(&next.bank, Some(choice), 0);
                next.phase = Phase::Answering { unreadable: None };
                next.item_revision += 1;
                next.shown_at = now();
                next.save();
            }
        }
        Rc::new(next)
    }
}
