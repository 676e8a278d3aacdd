//! The reducer, natively: what it decides (state and effects) for what the callbacks read.

use std::rc::Rc;

use adaptive_practice_engine::progress::save_progress;
use adaptive_practice_engine::{load_bank, new_progress, IndexedBank, Response, Timestamp};
use yew::Reducible;

use super::{Effect, EffectResult, Input, Outside, PracticeAction, PracticeState, StorageStatus};
use crate::components::progress_panel::import_sentence;
use crate::i18n::words_for;
use crate::storage::StorageProblem;

const BANK: &str = r#"{
  "id": "tiny", "version": "1", "title": "Tiny",
  "skills": [ { "id": "count", "name": "Counting" } ],
  "items": [
    { "id": "c1", "skills": ["count"], "type": "numeric", "prompt": "1 + 0", "answer": 1 },
    { "id": "c2", "skills": ["count"], "type": "numeric", "prompt": "1 + 1", "answer": 2 }
  ]
}"#;
const KEY: &str = "adaptive-practice/progress/tiny";

fn bank() -> Rc<IndexedBank> {
    Rc::new(IndexedBank::new(
        load_bank(BANK).bank.expect("the test bank loads"),
    ))
}

fn outside(stored: Option<&str>) -> Outside {
    Outside {
        now: Timestamp(1_700_000_000_000),
        seed: 7,
        stored: Ok(stored.map(str::to_string)),
    }
}

fn start(stored: Option<&str>) -> Rc<PracticeState> {
    start_with_earlier(stored, &[])
}

fn start_with_earlier(stored: Option<&str>, earlier: &[String]) -> Rc<PracticeState> {
    Rc::new(PracticeState::start(
        bank(),
        KEY.into(),
        None,
        outside(stored),
        earlier,
    ))
}

fn act(
    state: Rc<PracticeState>,
    action: PracticeAction,
    stored: Option<&str>,
) -> Rc<PracticeState> {
    state.reduce(Input {
        action,
        outside: outside(stored),
    })
}

/// The effects' kinds, in order (`save`, `back up`, and each event's name).
/// `state` after `count` answers ("1") to the items shown, each followed by Next.
fn answered(mut state: Rc<PracticeState>, count: usize) -> Rc<PracticeState> {
    for _ in 0..count {
        state = act(
            state,
            PracticeAction::Submit(Response::Text("1".into())),
            None,
        );
        state = act(state, PracticeAction::Next, None);
    }
    state
}

fn effects(state: &PracticeState) -> Vec<String> {
    state
        .effects
        .iter()
        .flat_map(|effect| match &**effect {
            Effect::Save { .. } => vec!["save".to_string()],
            Effect::BackUp { then_save, .. } => vec![format!("back up (then save: {then_save})")],
            Effect::KeepAside { .. } => vec!["keep aside".to_string()],
            Effect::Emit(events) => events.iter().map(|e| e.name.to_string()).collect(),
        })
        .collect()
}

fn ran(state: Rc<PracticeState>, results: Vec<EffectResult>) -> Rc<PracticeState> {
    let upto = state.effects_decided();
    act(state, PracticeAction::EffectsRan { upto, results }, None)
}

#[test]
fn an_answer_is_saved_and_sent_to_the_page() {
    let state = start(None);
    assert_eq!(effects(&state), Vec::<String>::new());
    let state = act(
        state,
        PracticeAction::Submit(Response::Text("0".into())),
        None,
    );
    assert_eq!(effects(&state), ["save", "answer", "progress"]);
    assert_eq!(state.progress.model.answer_count, 1);
    let state = ran(state, Vec::new());
    assert_eq!((state.effects.len(), state.effects_decided()), (0, 2));
}

#[test]
fn a_refused_save_is_said_until_a_save_works() {
    let state = act(start(None), PracticeAction::Next, None);
    let Some(Effect::Save { text, .. }) = state.effects.first().map(|effect| (**effect).clone())
    else {
        panic!("a save: {:?}", state.effects);
    };
    let refused = EffectResult::Saved {
        text: text.clone(),
        result: Err(StorageProblem::WriteRefused("QuotaExceededError".into())),
    };
    let state = ran(state, vec![refused]);
    assert_eq!(
        state.storage,
        StorageStatus::NotSaved(StorageProblem::WriteRefused("QuotaExceededError".into()))
    );
    let state = act(state, PracticeAction::Next, None);
    let saved = EffectResult::Saved {
        text: text.clone(),
        result: Ok(()),
    };
    let state = ran(state, vec![saved]);
    assert_eq!(state.storage, StorageStatus::Saving);
    assert_eq!(state.known_stored.as_deref(), Some(text.as_str()));
}

#[test]
fn an_unreadable_copy_is_backed_up_before_anything_is_written() {
    let state = start(Some("{damaged"));
    assert_eq!(effects(&state), ["back up (then save: false)"]);
    let Some(Effect::BackUp { key, at, .. }) = state.effects.first().map(|effect| &**effect) else {
        panic!("a backup");
    };
    assert_eq!(
        crate::storage::aside_key(key, *at),
        format!("{KEY}/unreadable-1700000000000")
    );
    let not_kept = EffectResult::BackedUp {
        text: "{damaged".into(),
        problem: "damaged".into(),
        then_save: false,
        kept: false,
    };
    let state = ran(state, vec![not_kept]);
    assert!(!state.storage.may_write());
    // Never written over while it could not be backed up.
    let state = act(state, PracticeAction::Next, Some("{damaged"));
    assert_eq!(effects(&state), Vec::<String>::new());
    // Starting afresh writes (the learner chose to).
    let state = act(state, PracticeAction::Reset, Some("{damaged"));
    assert_eq!(effects(&state), ["save"]);
    assert_eq!(state.storage, StorageStatus::Saving);
}

#[test]
fn a_save_takes_in_what_another_tab_stored() {
    let bank = bank();
    let mut theirs = new_progress(&bank, 3);
    theirs.model.answer_count = 5;
    let stored = save_progress(&theirs);
    let state = act(start(None), PracticeAction::Next, Some(&stored));
    assert_eq!(state.progress.model.answer_count, 5);
    assert_eq!(state.known_stored.as_deref(), Some(stored.as_str()));
    assert_eq!(effects(&state), ["save"]);
    // A damaged copy found at save time is backed up first, then progress saved.
    let state = act(state, PracticeAction::Next, Some("{damaged"));
    assert_eq!(effects(&state), ["save", "back up (then save: true)"]);
}

#[test]
fn the_notice_after_a_backup_says_what_became_of_the_answers() {
    let words = words_for(Some("en"));
    // At the start: nothing could be loaded, the learner starts afresh.
    let state = start(Some("{damaged"));
    let state = ran(
        state,
        vec![EffectResult::BackedUp {
            text: "{damaged".into(),
            problem: "damaged".into(),
            then_save: false,
            kept: true,
        }],
    );
    assert_eq!(
        state.storage.notice(words).as_deref(),
        Some("Your saved progress could not be read (damaged), so you start fresh. The old copy is kept aside, untouched.")
    );
    // Mid-session: the widget's own answers are kept and saved in place of the damaged copy.
    let state = answered(start(None), 2);
    let state = act(state, PracticeAction::Next, Some("{damaged"));
    let state = ran(
        state,
        vec![EffectResult::BackedUp {
            text: "{damaged".into(),
            problem: "damaged".into(),
            then_save: true,
            kept: true,
        }],
    );
    assert_eq!(
        state.storage.notice(words).as_deref(),
        Some("Your saved progress could not be read (damaged). It is kept aside, untouched, and your 2 answers here were saved in its place.")
    );
    assert_eq!(effects(&state), ["save"]);
}

#[test]
fn a_bank_under_a_shared_storage_key_starts_from_its_own_earlier_copy() {
    let bank = bank();
    let mut ours = new_progress(&bank, 3);
    ours.model.answer_count = 4;
    ours.model.correct_count = 4;
    let mut other = ours.clone();
    other.bank_id = "another-bank".into();
    let earlier = [
        save_progress(&other),
        "{damaged".into(),
        save_progress(&ours),
    ];
    let state = start_with_earlier(None, &earlier);
    assert_eq!(state.progress.model.answer_count, 4);
    assert_eq!(state.storage, StorageStatus::Saving, "nothing to report");
    // Saved under the bank's own key at once; nothing moved aside, the earlier copies left alone.
    assert_eq!(effects(&state), ["save"]);
    let Some(Effect::Save { key, .. }) = state.effects.first().map(|effect| &**effect) else {
        panic!("a save: {:?}", state.effects);
    };
    assert_eq!(key, KEY);
    // Progress already under the bank's own key wins.
    let state = start_with_earlier(Some(&save_progress(&new_progress(&bank, 3))), &earlier);
    assert_eq!(state.progress.model.answer_count, 0);
    // Another bank's progress only: a fresh start, and no notice.
    let state = start_with_earlier(None, &earlier[..2]);
    assert_eq!(
        (state.progress.model.answer_count, &state.storage),
        (0, &StorageStatus::Saving)
    );
}

#[test]
fn an_import_keeps_the_answers_it_replaces_aside_and_undo_brings_them_back() {
    let words = words_for(Some("en"));
    let bank = bank();
    // A file of one answer, from another device.
    let elsewhere = act(
        start(None),
        PracticeAction::Submit(Response::Text("1".into())),
        None,
    );
    let file = save_progress(&elsewhere.progress);
    // Nothing on this device yet: nothing to keep aside, nothing to undo.
    let state = act(start(None), PracticeAction::Import(file.clone()), None);
    assert_eq!(effects(&state), ["save"]);
    assert_eq!(state.replaced, None);
    // Two answers here, then the file's one: the two are kept aside, then the file is saved.
    let state = answered(start(None), 2);
    let state = ran(state, Vec::new());
    let before = save_progress(&state.progress);
    let state = act(state, PracticeAction::Import(file), None);
    assert_eq!(effects(&state), ["keep aside", "save"]);
    let Some(Effect::KeepAside { key, at, text }) = state.effects.first().map(|effect| &**effect)
    else {
        panic!("kept aside first: {:?}", state.effects);
    };
    assert_eq!(
        (crate::storage::aside_key(key, *at), text),
        (format!("{KEY}/unreadable-1700000000000"), &before)
    );
    assert_eq!(state.progress.model.answer_count, 1);
    let sentence = |state: &PracticeState| {
        import_sentence(
            words,
            state.import_result.as_ref().expect("an import result"),
            state.replaced.as_deref(),
        )
    };
    assert_eq!(
        sentence(&state),
        "Progress loaded: 1 answer. Your earlier progress here (2 answers) is kept aside; Undo brings it back."
    );
    // Undo: the two answers are back, and saved.
    let state = act(ran(state, Vec::new()), PracticeAction::UndoImport, None);
    assert_eq!(state.progress.model.answer_count, 2);
    assert_eq!(effects(&state), ["save"]);
    assert_eq!(state.replaced, None);
    assert_eq!(
        sentence(&state),
        "Import undone: your earlier progress (2 answers) is back."
    );
    // Once the learner answers after an import, Undo is gone (it would drop that answer).
    let state = act(
        state,
        PracticeAction::Import(save_progress(&new_progress(&bank, 3))),
        None,
    );
    assert!(state.replaced.is_some());
    let state = act(
        state,
        PracticeAction::Submit(Response::Text("1".into())),
        None,
    );
    assert_eq!(state.replaced, None);
}
