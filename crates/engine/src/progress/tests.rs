//! Saved formats (every released fixture loads) and the merge of two tabs' progress.

use crate::bank_check::load_bank;
use crate::bank_index::IndexedBank;
use crate::model::Timestamp;
use crate::progress::{
    answers_included, load_progress, merge_progress, save_progress, sync, Progress, SessionLog,
    SyncOutcome, ANSWER_LOG_LIMIT, SESSION_LIMIT,
};
use crate::session::{advance, new_progress, present, restart_progress, submit_session_answer};
use crate::{ChoiceOptions, Item, Response};

const BANK: &str = r#"{
  "id": "tiny", "version": "1", "title": "Tiny",
  "skills": [ { "id": "count", "name": "Counting" }, { "id": "add", "name": "Adding" } ],
  "items": [
    { "id": "c1", "skills": ["count"], "type": "numeric", "prompt": "1 + 0", "answer": 1 },
    { "id": "c2", "skills": ["count"], "type": "numeric", "prompt": "2 + 0", "answer": 2 },
    { "id": "c3", "skills": ["count"], "type": "numeric", "prompt": "3 + 0", "answer": 3 },
    { "id": "a1", "skills": ["add"], "type": "numeric", "prompt": "1 + 1", "answer": 2 },
    { "id": "a2", "skills": ["add"], "type": "numeric", "prompt": "2 + 3", "answer": 5 },
    { "id": "a3", "skills": ["add"], "type": "numeric", "prompt": "4 + 4", "answer": 8 }
  ]
}"#;

fn bank() -> IndexedBank {
    IndexedBank::new(load_bank(BANK).bank.expect("the test bank loads"))
}

fn right_answer(item: &Item) -> Response {
    item.kind.correct_response().expect("a one-part item")
}

/// A tab: its progress in memory, its session log, and the text it last wrote.
struct Tab {
    progress: Progress,
    log: SessionLog,
    written: Option<String>,
}

impl Tab {
    fn new(bank: &IndexedBank, session: &str) -> Tab {
        Tab {
            progress: new_progress(bank, 1),
            log: SessionLog::new(session.into()),
            written: None,
        }
    }

    fn answer(&mut self, bank: &IndexedBank, now: Timestamp, right: bool) {
        let next =
            advance(bank, &mut self.progress, now, &ChoiceOptions::default()).expect("an item");
        let item = present(bank, &next).expect("presentable");
        let response = if right {
            right_answer(&item)
        } else {
            Response::Text("999".into())
        };
        submit_session_answer(
            bank,
            &mut self.progress,
            &mut self.log,
            &item,
            0,
            &response,
            0,
            10.0,
            now,
        )
        .expect("readable");
    }

    /// What the widget does on a save: take in what is stored (`sync`), write.
    fn sync(&mut self, bank: &IndexedBank, stored: &mut Option<String>) {
        self.take_stored(bank, stored);
        let text = save_progress(&self.progress);
        *stored = Some(text.clone());
        self.written = Some(text);
    }

    /// What the widget does on a `storage` event: take in what another tab stored.
    fn take_stored(&mut self, bank: &IndexedBank, stored: &Option<String>) {
        let known = self.written.as_deref();
        match sync(bank, stored.as_deref(), known, &self.progress, &self.log) {
            SyncOutcome::Unchanged => {}
            SyncOutcome::Merged { progress, .. } => self.progress = progress,
            SyncOutcome::Unreadable(problem) => panic!("stored progress loads: {problem}"),
        }
    }
}

#[test]
fn every_saved_format_still_loads() {
    let first = load_progress(
        include_str!("../../tests/fixtures/progress-v1.json"),
        "fractions",
    )
    .expect("first release loads");
    assert_eq!((first.model.answer_count, first.sessions.len()), (3, 0));
    let with_sessions = load_progress(
        include_str!("../../tests/fixtures/progress-v1-sessions.json"),
        "fractions",
    )
    .expect("v1 with sessions loads");
    assert_eq!(with_sessions.model.answer_count, 5);
    assert_eq!(answers_included(&with_sessions, "tab-a"), 3);
    assert_eq!(answers_included(&with_sessions, "tab-b"), 2);
    assert_eq!(
        load_progress(&save_progress(&with_sessions), "fractions"),
        Ok(with_sessions.clone())
    );
    // Files without an answer log load with an empty one (the counts stay as they were).
    assert!(first.answer_log.is_empty() && with_sessions.answer_log.is_empty());
    let with_log = load_progress(
        include_str!("../../tests/fixtures/progress-v1-answer-log.json"),
        "fractions",
    )
    .expect("v1 with an answer log loads");
    assert_eq!(
        listed(&with_log),
        [
            "meaning-01 - Right 0 1763899880",
            "meaning-02 - Wrong 1 1763899940",
            "meaning-03 - Right 0 1763900000",
            "meaning-04 - Wrong 0 1763900060",
            "meaning-04 - Partial 0 1763900120",
        ]
    );
    assert_eq!(
        load_progress(&save_progress(&with_log), "fractions"),
        Ok(with_log.clone())
    );
    // A log this version cannot read is dropped; the rest of the file loads.
    let fixture = include_str!("../../tests/fixtures/progress-v1-answer-log.json");
    for changed in [
        fixture.replace(r#""version":1,"items""#, r#""version":2,"items""#),
        fixture.replace("AABABAD8B", "AABABAD8"),
    ] {
        let loaded = load_progress(&changed, "fractions").expect("loads without its log");
        assert!(loaded.answer_log.is_empty());
        assert_eq!(loaded.model, with_log.model);
    }
}

/// Each item's last outcome (`-` when the progress does not know it), in key order.
fn last_outcomes(progress: &Progress) -> String {
    progress
        .model
        .items
        .iter()
        .map(|(id, record)| match record.last_correct {
            Some(true) => format!("{id}:right"),
            Some(false) => format!("{id}:wrong"),
            None => format!("{id}:-"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_item_memory_loads_when_saved_and_is_unknown_in_older_files() {
    let older = load_progress(
        include_str!("../../tests/fixtures/progress-v1-answer-log.json"),
        "fractions",
    )
    .expect("v1 with an answer log loads");
    assert_eq!(
        last_outcomes(&older),
        "meaning-01:- meaning-02:- meaning-03:- meaning-04:-"
    );
    let fixture = include_str!("../../tests/fixtures/progress-v1-item-memory.json");
    let with_memory = load_progress(fixture, "fractions").expect("v1 with item memory loads");
    assert_eq!(
        last_outcomes(&with_memory),
        "meaning-01:right meaning-02:wrong meaning-03:- meaning-04:right"
    );
    // Apart from the item memory, the same progress as the file without it.
    let mut forgotten = with_memory.clone();
    for record in forgotten.model.items.values_mut() {
        record.last_correct = None;
    }
    assert_eq!(forgotten, older);
    let saved = save_progress(&with_memory);
    assert!(saved.contains(r#""lastCorrect":false"#), "{saved}");
    assert_eq!(load_progress(&saved, "fractions"), Ok(with_memory));
    // An outcome the counts rule out is dropped: no right answer to meaning-02, no wrong one to
    // meaning-01.
    let impossible = fixture
        .replace(r#"0.2,"lastCorrect":false"#, r#"0.2,"lastCorrect":true"#)
        .replace(
            r#"-0.04,"lastCorrect":true"#,
            r#"-0.04,"lastCorrect":false"#,
        );
    assert_eq!(
        last_outcomes(&load_progress(&impossible, "fractions").expect("loads")),
        "meaning-01:- meaning-02:- meaning-03:- meaning-04:right"
    );
}

/// The answers a progress lists one by one: `item part verdict hints seconds`.
fn listed(progress: &Progress) -> Vec<String> {
    progress
        .answer_log
        .iter()
        .map(|a| {
            let part = a.part.map_or("-".to_string(), |p| p.to_string());
            let verdict = format!("{:?}", a.verdict);
            format!(
                "{} {part} {verdict} {} {}",
                a.item_id, a.hints_used, a.at_seconds
            )
        })
        .collect()
}

/// What each tab's session answered, as `listed` writes it, in time order.
fn answered_in(tabs: &[&Tab]) -> Vec<String> {
    let mut answers: Vec<(i64, String)> = tabs
        .iter()
        .flat_map(|tab| tab.log.recent.iter())
        .map(|a| {
            let verdict = if a.correct { "Right" } else { "Wrong" };
            let seconds = a.at.0.div_euclid(1000);
            (seconds, format!("{} - {verdict} 0 {seconds}", a.item_id))
        })
        .collect();
    answers.sort();
    answers.into_iter().map(|(_, line)| line).collect()
}

#[test]
fn two_tabs_answering_between_each_others_saves_log_every_answer_once() {
    let bank = bank();
    let (mut a, mut b) = (Tab::new(&bank, "tab-a"), Tab::new(&bank, "tab-b"));
    let mut stored = None;
    let at = |n: i64| Timestamp(1_700_000_000_000 + n * 10_000);
    for round in 0..6 {
        // Both answer twice, their answers interleaved in time, before either saves.
        a.answer(&bank, at(4 * round), round % 2 == 0);
        b.answer(&bank, at(4 * round + 1), true);
        a.answer(&bank, at(4 * round + 2), false);
        b.answer(&bank, at(4 * round + 3), round % 3 == 0);
        if round % 2 == 0 {
            a.sync(&bank, &mut stored);
            b.sync(&bank, &mut stored);
            a.take_stored(&bank, &stored);
        } else {
            b.sync(&bank, &mut stored);
            a.sync(&bank, &mut stored);
            b.take_stored(&bank, &stored);
        }
    }
    let expected = answered_in(&[&a, &b]);
    assert_eq!(expected.len(), 24);
    let final_copy = load_progress(stored.as_deref().unwrap_or_default(), "tiny").expect("loads");
    for progress in [&a.progress, &b.progress, &final_copy] {
        assert_eq!(listed(progress), expected);
        assert_eq!(progress.model.answer_count, 24);
        assert_eq!(
            crate::progress::plausibility::check_progress(progress, 1, at(100)),
            vec![]
        );
    }
}

#[test]
fn two_tabs_answering_in_turn_keep_all_forty_answers() {
    let bank = bank();
    let (mut a, mut b) = (Tab::new(&bank, "tab-a"), Tab::new(&bank, "tab-b"));
    let mut stored = None;
    for round in 0..20 {
        let now = Timestamp(1_700_000_000_000 + round * 60_000);
        a.answer(&bank, now, round % 3 != 0);
        a.sync(&bank, &mut stored);
        b.take_stored(&bank, &stored); // the `storage` event
        b.answer(&bank, now, round % 2 == 0);
        b.sync(&bank, &mut stored);
        a.take_stored(&bank, &stored);
    }
    let correct = (0..20).filter(|r| r % 3 != 0).count() + (0..20).filter(|r| r % 2 == 0).count();
    for tab in [&a, &b] {
        assert_eq!(tab.progress.model.answer_count, 40);
        assert_eq!(tab.progress.model.correct_count as usize, correct);
        assert_eq!(tab.progress.time_on_task_seconds, 400.0);
    }
    let final_copy = load_progress(stored.as_deref().unwrap_or_default(), "tiny").expect("loads");
    assert_eq!(final_copy.model.answer_count, 40);
    assert_eq!(
        (
            answers_included(&final_copy, "tab-a"),
            answers_included(&final_copy, "tab-b")
        ),
        (20, 20)
    );
}

#[test]
fn a_lost_update_race_is_repaired_by_the_next_merge() {
    let bank = bank();
    let (mut a, mut b) = (Tab::new(&bank, "tab-a"), Tab::new(&bank, "tab-b"));
    let mut stored = None;
    let now = Timestamp(1_700_000_000_000);
    a.answer(&bank, now, true);
    a.sync(&bank, &mut stored);
    b.take_stored(&bank, &stored);
    // Both answer; both read the stored copy before either writes; B's write wins the race.
    a.answer(&bank, now, true);
    b.answer(&bank, now, false);
    let mut race = stored.clone();
    a.sync(&bank, &mut race);
    b.sync(&bank, &mut stored);
    assert_eq!(
        load_progress(stored.as_deref().unwrap_or_default(), "tiny").map(|p| p.model.answer_count),
        Ok(2)
    );
    // A's `storage` event for B's write: A re-applies its answer B lacked, and writes.
    a.sync(&bank, &mut stored);
    b.take_stored(&bank, &stored);
    assert_eq!(
        (a.progress.model.answer_count, b.progress.model.answer_count),
        (3, 3)
    );
    // All three answers, each once (all in the same second: in the order they were applied).
    for tab in [&a, &b] {
        let mut answers = listed(&tab.progress);
        answers.sort();
        assert_eq!(answers, answered_in(&[&a, &b]));
    }
}

#[test]
fn an_older_copy_without_sessions_gets_every_answer_of_this_session() {
    let bank = bank();
    let mut tab = Tab::new(&bank, "tab-a");
    let mut old = Tab::new(&bank, "old");
    old.answer(&bank, Timestamp(1_700_000_000_000), true);
    old.progress.sessions.clear();
    let mut stored = Some(save_progress(&old.progress));
    for n in 0..5 {
        tab.answer(&bank, Timestamp(1_700_000_100_000 + n), true);
    }
    tab.sync(&bank, &mut stored);
    assert_eq!(tab.progress.model.answer_count, 6);
    // Merging the same copy again adds nothing.
    let (again, replayed) = merge_progress(&bank, tab.progress.clone(), &tab.progress, &tab.log);
    assert_eq!((again.model.answer_count, replayed), (6, 0));
}

#[test]
fn starting_afresh_does_not_bring_other_tabs_answers_back() {
    let bank = bank();
    let (mut a, mut b) = (Tab::new(&bank, "tab-a"), Tab::new(&bank, "tab-b"));
    let mut stored = None;
    for n in 0..3 {
        b.answer(&bank, Timestamp(1_700_000_000_000 + n), true);
        b.sync(&bank, &mut stored);
        a.take_stored(&bank, &stored);
    }
    // The widget writes a fresh start without merging (the learner asked to drop it all).
    a.progress = restart_progress(&bank, &a.progress, 2);
    stored = Some(save_progress(&a.progress));
    a.written = stored.clone();
    b.take_stored(&bank, &stored);
    assert_eq!(
        (a.progress.model.answer_count, b.progress.model.answer_count),
        (0, 0)
    );
}

#[test]
fn the_session_list_and_the_answer_log_stay_bounded() {
    let bank = bank();
    let mut progress = new_progress(&bank, 1);
    for session in 0..(SESSION_LIMIT + 10) {
        let mut log = SessionLog::new(format!("s{session}"));
        let mut ours = progress.clone();
        let next = advance(
            &bank,
            &mut ours,
            Timestamp(session as i64),
            &ChoiceOptions::default(),
        )
        .expect("an item");
        let item = present(&bank, &next).expect("presentable");
        submit_session_answer(
            &bank,
            &mut ours,
            &mut log,
            &item,
            0,
            &right_answer(&item),
            0,
            1.0,
            Timestamp(session as i64),
        )
        .expect("readable");
        progress = merge_progress(&bank, progress, &ours, &log).0;
    }
    assert_eq!(progress.sessions.len(), SESSION_LIMIT);
    assert_eq!(
        progress.sessions.last().map(|s| s.session.as_str()),
        Some("s41")
    );
    assert_eq!(progress.model.answer_count as usize, SESSION_LIMIT + 10);

    let mut log = SessionLog::new("long".into());
    let mut long = new_progress(&bank, 1);
    for n in 0..(ANSWER_LOG_LIMIT + 5) {
        let next = advance(
            &bank,
            &mut long,
            Timestamp(n as i64),
            &ChoiceOptions::default(),
        )
        .expect("an item");
        let item = present(&bank, &next).expect("presentable");
        submit_session_answer(
            &bank,
            &mut long,
            &mut log,
            &item,
            0,
            &right_answer(&item),
            0,
            1.0,
            Timestamp(n as i64),
        )
        .expect("readable");
    }
    assert_eq!(log.recent.len(), ANSWER_LOG_LIMIT);
    assert_eq!(log.recent.first().map(|a| a.number), Some(6));
}

#[test]
fn sync_takes_in_only_what_someone_else_stored() {
    let bank = bank();
    let mut tab = Tab::new(&bank, "tab-a");
    tab.answer(&bank, Timestamp(1_700_000_000_000), true);
    let ours = save_progress(&tab.progress);
    let check = |stored: Option<&str>, known: Option<&str>| match sync(
        &bank,
        stored,
        known,
        &tab.progress,
        &tab.log,
    ) {
        SyncOutcome::Unchanged => "unchanged".to_string(),
        SyncOutcome::Merged { replayed, .. } => format!("merged, {replayed} replayed"),
        SyncOutcome::Unreadable(problem) => format!("unreadable: {problem}"),
    };
    assert_eq!(check(None, None), "unchanged");
    assert_eq!(check(Some(&ours), Some(&ours)), "unchanged");
    let fresh = save_progress(&new_progress(&bank, 2));
    assert_eq!(check(Some(&fresh), Some(&ours)), "merged, 1 replayed");
    assert!(check(Some("{not json"), None).starts_with("unreadable: "));
}
