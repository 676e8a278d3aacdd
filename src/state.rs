//! The practice flow's state and its one `Action` enum: a `Reducible` wrapper around the
//! engine's `Progress`. The reducer decides and performs no I/O: the clock, a seed and the stored
//! copy arrive in each action (`Outside`, read by the callback that dispatches it), and what
//! should happen (save, back up, send an event) leaves as `Effect`s, which `practice.rs` runs.

use std::rc::Rc;

use adaptive_practice_engine::progress::{
    adopt_progress, import_progress, load_progress, progress_from_earlier_copies,
    record_time_on_task, save_progress, sync, SessionLog, SyncOutcome,
};
use adaptive_practice_engine::session::{restart_progress, submit_session_answer};
use adaptive_practice_engine::{
    advance, another_variant, new_progress, present, resume, AnswerReport, ChoiceOptions,
    IndexedBank, Item, NextItem, Progress, Response, Timestamp, UnreadableReason,
};
use yew::Reducible;

use crate::events::{self, HostEvent};
use crate::i18n::{fill, Words};
use crate::storage::StorageProblem;

#[cfg(test)]
mod tests;

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

/// Whether progress is being saved, and what the learner must be told when it is not.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageStatus {
    /// Saves work (or none has been tried yet).
    Saving,
    /// The last save failed; said until a save works.
    NotSaved(StorageProblem),
    /// A stored copy that could not be read (`problem`) was kept under a backup key; the widget
    /// started afresh (`saved_answers: None`), or saved its progress of that many answers in its
    /// place.
    BackedUp {
        problem: String,
        saved_answers: Option<u32>,
    },
    /// A stored copy that could not be read could not be backed up either: it is never
    /// overwritten, until the learner starts afresh or imports a file.
    Kept { problem: String },
}

impl StorageStatus {
    /// False while an unreadable stored copy could not be backed up.
    pub fn may_write(&self) -> bool {
        !matches!(self, StorageStatus::Kept { .. })
    }

    /// The notice the learner sees, if any.
    pub fn notice(&self, words: &Words) -> Option<String> {
        match self {
            StorageStatus::Saving => None,
            StorageStatus::NotSaved(StorageProblem::Unavailable) => {
                Some(words.not_saved_unavailable().to_string())
            }
            StorageStatus::NotSaved(StorageProblem::WriteRefused(name)) => {
                Some(fill(words.not_saved_refused(), &[("name", name)]))
            }
            StorageStatus::BackedUp {
                problem,
                saved_answers: None,
            } => Some(fill(
                words.progress_unreadable_backed_up(),
                &[("problem", problem)],
            )),
            StorageStatus::BackedUp {
                problem,
                saved_answers: Some(answers),
            } => Some(fill(
                words.progress_unreadable_replaced(),
                &[("problem", problem), ("answers", &answers.to_string())],
            )),
            StorageStatus::Kept { problem } => Some(fill(
                words.progress_unreadable_kept(),
                &[("problem", problem)],
            )),
        }
    }
}

/// What should happen outside the reducer, in order. `practice.rs` runs them after the render
/// and reports what storage did with `PracticeAction::EffectsRan`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write `text` (saved progress) under `key`.
    Save { key: String, text: String },
    /// Keep `text`, an unreadable stored copy, aside from `key` as found at `at` (milliseconds;
    /// `storage::keep_aside`); then, if that worked and `then_save`, save progress.
    BackUp {
        key: String,
        at: i64,
        text: String,
        problem: String,
        then_save: bool,
    },
    /// Keep `text`, this device's progress an import replaces, aside from `key` as found at `at`
    /// (the same `storage::keep_aside` as an unreadable copy's), before the import is saved.
    KeepAside { key: String, at: i64, text: String },
    /// Send these events to the host page.
    Emit(Vec<HostEvent>),
}

/// What storage did with one effect.
#[derive(Debug, Clone, PartialEq)]
pub enum EffectResult {
    Saved {
        text: String,
        result: Result<(), StorageProblem>,
    },
    BackedUp {
        text: String,
        problem: String,
        then_save: bool,
        kept: bool,
    },
}

/// What the callback read outside the reducer when the learner (or another tab) acted.
#[derive(Debug, Clone, PartialEq)]
pub struct Outside {
    pub now: Timestamp,
    /// A fresh random seed (a fresh start's, a session nonce's).
    pub seed: u64,
    /// What is stored under the widget's key now.
    pub stored: Result<Option<String>, StorageProblem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PracticeState {
    pub bank: Rc<IndexedBank>,
    pub progress: Progress,
    pub on_screen: Option<OnScreen>,
    /// Shared, as the state is cloned at every action (with it the answer, its report and an
    /// unreadable answer's reason, each a clone compiled in for it).
    pub phase: Rc<Phase>,
    pub storage: StorageStatus,
    pub storage_key: String,
    /// The bank's activity id in events (its URL, or a tag URI for inline banks).
    pub bank_activity: String,
    /// When the current part was shown (for time on task).
    pub shown_at: Timestamp,
    /// Bumped on every change of item or step, so the view can reset and move focus.
    pub item_revision: u32,
    /// What the last import (or its undoing) did.
    pub import_result: Option<ImportResult>,
    /// The progress the last import replaced, while Undo can bring it back: until the next
    /// answer, a fresh start or another import (a copy stays aside in storage: `Effect::KeepAside`).
    pub replaced: Option<Rc<Progress>>,
    /// The skill the learner chose to practise; the widget chooses when `None`.
    pub focus_skill: Option<String>,
    /// This session's answers (a nonce and a counter each), to re-apply to another tab's progress.
    pub log: SessionLog,
    /// The stored text already taken into account (written, merged or backed up here): anything
    /// else found under the key was written by another tab or script, and is merged first.
    pub known_stored: Option<String>,
    /// Effects decided and not yet reported run; `effects_done` were run and dropped before them.
    /// Shared, as the state is cloned at every action: a clone of each effect's texts was
    /// compiled in for it.
    pub effects: Vec<Rc<Effect>>,
    pub effects_done: u64,
}

/// What the last import did, for the sentence the learner sees.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportResult {
    /// The file's progress, of this many answers, was loaded.
    Loaded(u32),
    /// The import was undone: the progress it replaced, of this many answers, is back.
    Undone(u32),
    /// Nothing changed, for this reason.
    Refused(String),
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
    /// Replace progress with an exported file's, if it is progress on this bank; else change
    /// nothing. Progress with answers that it replaces is kept aside, and can be brought back.
    Import(String),
    /// Bring back the progress the last import replaced (`PracticeState::replaced`).
    UndoImport,
    /// Practise this skill from now on (`None`: let the widget choose); moves to a new item
    /// unless the current one is already answered and waits for Next.
    ChooseSkill(Option<String>),
    /// Another tab changed the stored progress (the new text; `None`: removed).
    StorageChanged(Option<String>),
    /// The effects up to number `upto` (counted since the start) were run, with these results.
    EffectsRan {
        upto: u64,
        results: Vec<EffectResult>,
    },
}

/// An action with what its callback read outside the reducer.
pub struct Input {
    pub action: PracticeAction,
    pub outside: Outside,
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
    /// Loads the stored progress for the bank (or starts fresh) and shows the item to practise.
    /// An unreadable stored copy is backed up (an effect) before anything is written. When
    /// nothing is stored yet, the bank's progress among `earlier` copies (stored under a shared
    /// `storage-key` by earlier versions) is the start, saved under `storage_key` at once.
    pub fn start(
        bank: Rc<IndexedBank>,
        storage_key: String,
        source_url: Option<String>,
        outside: Outside,
        earlier: &[String],
    ) -> PracticeState {
        let Outside { now, seed, stored } = outside;
        let mut storage = StorageStatus::Saving;
        let mut effects = Vec::new();
        let mut known_stored = None;
        let mut carried_over = false;
        let mut progress = match stored {
            Ok(Some(text)) => match load_progress(&text, bank.id()) {
                Ok(progress) => {
                    known_stored = Some(text);
                    progress
                }
                Err(problem) => {
                    effects.push(Rc::new(Effect::BackUp {
                        key: storage_key.clone(),
                        at: now.0,
                        text,
                        problem: problem.to_string(),
                        then_save: false,
                    }));
                    new_progress(&bank, seed)
                }
            },
            Ok(None) => {
                match progress_from_earlier_copies(earlier.iter().map(String::as_str), bank.id()) {
                    Some(found) => {
                        carried_over = true;
                        found
                    }
                    None => new_progress(&bank, seed),
                }
            }
            Err(problem) => {
                storage = StorageStatus::NotSaved(problem);
                new_progress(&bank, seed)
            }
        };
        let choice = resume(&bank, &mut progress, now, &ChoiceOptions::default());
        let part_index = progress.current_part as usize;
        let mut state = PracticeState {
            on_screen: show(&bank, choice, part_index),
            bank_activity: events::bank_activity_id(&bank, source_url.as_deref()),
            shown_at: now,
            bank,
            progress,
            phase: Rc::new(Phase::Answering { unreadable: None }),
            storage,
            storage_key,
            item_revision: 0,
            import_result: None,
            replaced: None,
            focus_skill: None,
            log: SessionLog::new(format!("{:x}-{:x}", now.0, seed)),
            known_stored,
            effects,
            effects_done: 0,
        };
        if carried_over {
            // Under the bank's own key at once (the earlier copy stays as it is).
            state.write();
        }
        state
    }

    /// How many effects were ever decided: the run effect waits for this to grow.
    pub fn effects_decided(&self) -> u64 {
        self.effects_done + self.effects.len() as u64
    }

    /// The effects decided after the first `ran` ones.
    pub fn effects_after(&self, ran: u64) -> &[Rc<Effect>] {
        let skip = usize::try_from(ran.saturating_sub(self.effects_done)).unwrap_or(usize::MAX);
        self.effects.get(skip..).unwrap_or_default()
    }

    /// Saves progress, merged with whatever another tab stored meanwhile; never over a stored
    /// copy that could not be read nor backed up.
    fn save(&mut self, outside: &Outside) {
        if !self.storage.may_write() {
            return;
        }
        let stored = outside.stored.as_ref().ok().and_then(Option::as_deref);
        let known = self.known_stored.as_deref();
        match sync(&self.bank, stored, known, &self.progress, &self.log) {
            SyncOutcome::Unchanged => self.write(),
            SyncOutcome::Merged { progress, .. } => {
                self.progress = progress;
                self.known_stored = stored.map(str::to_string);
                self.write();
            }
            SyncOutcome::Unreadable(problem) => self.effects.push(Rc::new(Effect::BackUp {
                key: self.storage_key.clone(),
                at: outside.now.0,
                text: stored.unwrap_or_default().to_string(),
                problem: problem.to_string(),
                then_save: true,
            })),
        }
    }

    /// Writes progress as it is (no merge).
    fn write(&mut self) {
        self.effects.push(Rc::new(Effect::Save {
            key: self.storage_key.clone(),
            text: save_progress(&self.progress),
        }));
    }

    /// What storage did: the status to show, the text now known to be stored.
    fn take_result(&mut self, result: EffectResult) {
        match result {
            EffectResult::Saved { text, result } => match result {
                Ok(()) => {
                    self.known_stored = Some(text);
                    if matches!(self.storage, StorageStatus::NotSaved(_)) {
                        self.storage = StorageStatus::Saving;
                    }
                }
                Err(problem) => self.storage = StorageStatus::NotSaved(problem),
            },
            EffectResult::BackedUp {
                text,
                problem,
                then_save,
                kept,
            } => {
                self.known_stored = Some(text);
                if kept {
                    self.storage = StorageStatus::BackedUp {
                        problem,
                        saved_answers: then_save.then_some(self.progress.model.answer_count),
                    };
                    if then_save {
                        self.write();
                    }
                } else {
                    self.storage = StorageStatus::Kept { problem };
                }
            }
        }
    }

    /// Takes `new` (an imported file's progress, or the progress an import replaced) as this
    /// session's progress, shows where it left off, and writes it as it is: merging would bring
    /// back what it replaces.
    fn adopt(&mut self, new: Progress, now: Timestamp) {
        self.progress = adopt_progress(new, &self.progress, &self.log);
        if !self.storage.may_write() {
            self.storage = StorageStatus::Saving;
        }
        let choice = resume(
            &self.bank,
            &mut self.progress,
            now,
            &ChoiceOptions::default(),
        );
        let part_index = self.progress.current_part as usize;
        self.on_screen = show(&self.bank, choice, part_index);
        self.shown_anew(now);
        self.write();
    }

    fn next_item(&mut self, now: Timestamp) {
        let options = ChoiceOptions {
            focus_skill: self.focus_skill.clone(),
            target_success: None,
        };
        let choice = advance(&self.bank, &mut self.progress, now, &options);
        self.on_screen = show(&self.bank, choice, 0);
    }

    /// A new item or step is on screen from `now`.
    fn shown_anew(&mut self, now: Timestamp) {
        self.phase = Rc::new(Phase::Answering { unreadable: None });
        self.item_revision += 1;
        self.shown_at = now;
    }
}

impl Reducible for PracticeState {
    type Action = Input;

    fn reduce(self: Rc<Self>, input: Input) -> Rc<Self> {
        let Input { action, outside } = input;
        let now = outside.now;
        let mut next = (*self).clone();
        let answered = matches!(*self.phase, Phase::Answered { .. });
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
                let seconds = now.days_since(self.shown_at) * 86_400.0;
                let result = submit_session_answer(
                    &next.bank,
                    &mut next.progress,
                    &mut next.log,
                    item,
                    on_screen.part_index,
                    &response,
                    on_screen.hints_shown,
                    seconds,
                    now,
                );
                match result {
                    Ok(report) => {
                        // Undo would now drop this answer.
                        next.replaced = None;
                        next.save(&outside);
                        let events = events::answer_events(
                            &next.bank,
                            &next.bank_activity,
                            &on_screen.choice,
                            on_screen.part_index,
                            &report,
                            &next.progress,
                            now.0,
                        );
                        next.effects.push(Rc::new(Effect::Emit(events)));
                        next.phase = Rc::new(Phase::Answered { report, response });
                    }
                    Err(unreadable) => {
                        record_time_on_task(&mut next.progress, seconds);
                        next.phase = Rc::new(Phase::Answering {
                            unreadable: Some(unreadable.reason),
                        })
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
                    matches!(&*self.phase, Phase::Answered { report, .. } if report.more_parts);
                match (&mut next.on_screen, more_parts) {
                    (Some(on_screen), true) => {
                        on_screen.part_index += 1;
                        on_screen.hints_shown = 0;
                    }
                    _ => next.next_item(now),
                }
                next.shown_anew(now);
                next.save(&outside);
            }
            PracticeAction::Reset => {
                // The sessions counted stay counted, so no tab re-applies its answers to the fresh start.
                next.progress = restart_progress(&next.bank, &next.progress, outside.seed);
                next.replaced = None;
                next.storage = StorageStatus::Saving;
                next.next_item(now);
                next.shown_anew(now);
                // Written as it is: merging would bring back what the learner chose to drop.
                next.write();
            }
            PracticeAction::Import(content) => match import_progress(&content, &next.bank, now) {
                Ok(imported) => {
                    next.import_result = Some(ImportResult::Loaded(imported.model.answer_count));
                    // Nothing is lost: answers on this device are kept aside, and Undo brings
                    // them back.
                    next.replaced = None;
                    if self.progress.model.answer_count > 0 {
                        next.effects.push(Rc::new(Effect::KeepAside {
                            key: next.storage_key.clone(),
                            at: now.0,
                            text: save_progress(&self.progress),
                        }));
                        next.replaced = Some(Rc::new(self.progress.clone()));
                    }
                    next.adopt(imported, now);
                }
                Err(problem) => {
                    next.import_result = Some(ImportResult::Refused(problem.to_string()))
                }
            },
            PracticeAction::UndoImport => {
                let Some(replaced) = next.replaced.take() else {
                    return self;
                };
                next.import_result = Some(ImportResult::Undone(replaced.model.answer_count));
                next.adopt((*replaced).clone(), now);
            }
            PracticeAction::StorageChanged(Some(text)) => {
                // An unreadable copy is left alone here; the next save backs it up before writing.
                let known = self.known_stored.as_deref();
                let SyncOutcome::Merged { progress, replayed } =
                    sync(&self.bank, Some(&text), known, &self.progress, &self.log)
                else {
                    return self;
                };
                next.progress = progress;
                next.known_stored = Some(text);
                if replayed > 0 && next.storage.may_write() {
                    next.write();
                }
            }
            PracticeAction::StorageChanged(None) => {
                // Another tab or script removed our progress: put it back.
                next.known_stored = None;
                next.save(&outside);
            }
            PracticeAction::ChooseSkill(skill) => {
                next.focus_skill = skill;
                if !answered {
                    next.next_item(now);
                    next.shown_anew(now);
                }
            }
            PracticeAction::AnotherVariant => {
                let Some(on_screen) = &self.on_screen else {
                    return self;
                };
                let choice = another_variant(&mut next.progress, &on_screen.choice);
                next.on_screen = show(&next.bank, Some(choice), 0);
                next.shown_anew(now);
                next.save(&outside);
            }
            PracticeAction::EffectsRan { upto, results } => {
                let ran = usize::try_from(upto.saturating_sub(next.effects_done))
                    .unwrap_or(usize::MAX)
                    .min(next.effects.len());
                next.effects.drain(..ran);
                next.effects_done += ran as u64;
                for result in results {
                    next.take_result(result);
                }
            }
        }
        Rc::new(next)
    }
}
