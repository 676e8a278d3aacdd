//! The answer log: every answer a progress (and a report) holds one by one, with what a
//! calibration needs and nothing a learner typed: the item, the part (step) answered, the
//! verdict, the hints opened before answering and the time, to the second.
//!
//! In memory, items are indexes into a table of the item ids the log has seen, so that a log of
//! `ANSWER_HISTORY_LIMIT` answers is one flat array. Saved (`SavedAnswerLogV1`), the table holds
//! the ids in the order the answers first name them, and the answers are one text of small
//! numbers (`encode_answers`): about five characters an answer.
//!
//! The log keeps the last `ANSWER_HISTORY_LIMIT` answers, in time order; the counts per skill and
//! per item stay exact beyond it. A log is complete when it holds as many answers as the
//! progress counts (`AnswerLog::len() == answer_count`): then its answers must agree with the
//! counts (`plausibility.rs`).

use serde::{Deserialize, Serialize};

use crate::sorted_map::SortedMap;

/// The most answers a log keeps: the oldest goes first. At about five characters an answer in
/// the saved form, a full log is about 100 KB of storage.
pub const ANSWER_HISTORY_LIMIT: usize = 20_000;
/// The version of the log's saved form (`SavedAnswerLogV1::version`) this code writes and reads.
pub const ANSWER_LOG_VERSION: u32 = 1;

/// What the widget judged an answer. A partial answer (the right value in another form than the
/// one asked) is logged as partial; it counts as right in every count, as the model counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerVerdict {
    Wrong,
    Right,
    Partial,
}

impl AnswerVerdict {
    /// Whether the answer counts as right (a partial answer does).
    pub fn counts_as_right(self) -> bool {
        self != AnswerVerdict::Wrong
    }

    fn code(self) -> u64 {
        match self {
            AnswerVerdict::Wrong => 0,
            AnswerVerdict::Right => 1,
            AnswerVerdict::Partial => 2,
        }
    }

    fn from_code(code: u64) -> AnswerVerdict {
        match code {
            0 => AnswerVerdict::Wrong,
            1 => AnswerVerdict::Right,
            _ => AnswerVerdict::Partial,
        }
    }
}

/// One answer of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerEntry<'a> {
    pub item_id: &'a str,
    /// The step answered (0 for the first) of an item in several parts; `None` for a whole item.
    pub part: Option<u32>,
    pub verdict: AnswerVerdict,
    /// Hints (and scaffolds) opened before this answer.
    pub hints_used: u32,
    /// When it was answered, in seconds since 1970 (the engine's `Timestamp`, to the second).
    pub at_seconds: i64,
}

/// The key the learner model keeps an item (`part` `None`) or one step of it under: `item` or
/// `item#step` (the one home of that form).
pub fn item_key(item_id: &str, part: Option<u32>) -> String {
    match part {
        Some(part) => format!("{item_id}#{part}"),
        None => item_id.to_owned(),
    }
}

/// The answers of a progress, oldest first, the last `ANSWER_HISTORY_LIMIT` of them.
#[derive(Debug, Clone, Default)]
pub struct AnswerLog {
    /// The item ids the log has named, by index, and the index of each.
    ids: Vec<String>,
    positions: SortedMap<u32>,
    /// The answers in time order; only the last `ANSWER_HISTORY_LIMIT` count (`kept`). The
    /// older ones go by `TRIM_SLACK` at a time, so that a full log does not move every answer
    /// at each new one (a plain `Vec`: a `VecDeque` was its own code in the wasm).
    entries: Vec<Entry>,
}

/// How many answers beyond `ANSWER_HISTORY_LIMIT` the log holds before it drops them.
const TRIM_SLACK: usize = ANSWER_HISTORY_LIMIT / 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    item: u32,
    /// 0 for a whole item, the step + 1 for a step.
    part: u32,
    verdict: AnswerVerdict,
    hints_used: u32,
    at_seconds: i64,
}

impl PartialEq for AnswerLog {
    /// Two logs are equal when they list the same answers (whatever their tables' order).
    fn eq(&self, other: &AnswerLog) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl AnswerLog {
    pub fn len(&self) -> usize {
        self.kept().len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The answers the log keeps: the last `ANSWER_HISTORY_LIMIT`.
    fn kept(&self) -> &[Entry] {
        &self.entries[self.entries.len().saturating_sub(ANSWER_HISTORY_LIMIT)..]
    }

    /// Drops the answers beyond the last `ANSWER_HISTORY_LIMIT`.
    fn trim(&mut self) {
        let excess = self.entries.len().saturating_sub(ANSWER_HISTORY_LIMIT);
        self.entries.copy_within(excess.., 0);
        self.entries.truncate(self.entries.len() - excess);
    }

    /// The answers, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = AnswerEntry<'_>> + '_ {
        self.kept().iter().map(|entry| AnswerEntry {
            item_id: self.ids[entry.item as usize].as_str(),
            part: entry.part.checked_sub(1),
            verdict: entry.verdict,
            hints_used: entry.hints_used,
            at_seconds: entry.at_seconds,
        })
    }

    /// Adds an answer in its place in time order (after every answer of the same second or
    /// earlier), dropping the oldest beyond `ANSWER_HISTORY_LIMIT`.
    pub fn record(&mut self, answer: AnswerEntry<'_>) {
        let item = match self.positions.get(answer.item_id) {
            Some(&index) => index,
            None => {
                let index = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                self.ids.push(answer.item_id.to_owned());
                self.positions.insert(answer.item_id.to_owned(), index);
                index
            }
        };
        let entry = Entry {
            item,
            part: answer.part.map_or(0, |p| p.saturating_add(1)),
            verdict: answer.verdict,
            hints_used: answer.hints_used,
            at_seconds: answer.at_seconds,
        };
        let place = self
            .entries
            .partition_point(|e| e.at_seconds <= entry.at_seconds);
        self.entries.insert(place, entry);
        if self.entries.len() > ANSWER_HISTORY_LIMIT + TRIM_SLACK {
            self.trim();
        }
    }
}

/// The log as saved in a progress file and a report: the item ids in the order the answers
/// first name them, the first answer's time, and the answers encoded by `encode_answers`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedAnswerLogV1 {
    pub version: u32,
    pub items: Vec<String>,
    /// The first answer's time, in seconds since 1970 (0 when there is none).
    pub start: i64,
    pub answers: String,
}

impl From<&AnswerLog> for SavedAnswerLogV1 {
    fn from(log: &AnswerLog) -> SavedAnswerLogV1 {
        let mut table: Vec<Option<u32>> = vec![None; log.ids.len()];
        let mut items = Vec::new();
        let mut numbers = Vec::with_capacity(log.len() * 4);
        let kept = log.kept();
        let start = kept.first().map_or(0, |e| e.at_seconds);
        let mut previous = start;
        for entry in kept {
            let index = *table[entry.item as usize].get_or_insert_with(|| {
                items.push(log.ids[entry.item as usize].clone());
                (items.len() - 1) as u32
            });
            numbers.push(u64::from(index));
            numbers.push(u64::from(entry.part));
            numbers.push(entry.verdict.code() + 3 * u64::from(entry.hints_used));
            numbers.push(entry.at_seconds.saturating_sub(previous).max(0) as u64);
            previous = entry.at_seconds;
        }
        SavedAnswerLogV1 {
            version: ANSWER_LOG_VERSION,
            items,
            start,
            answers: encode_answers(&numbers),
        }
    }
}

impl SavedAnswerLogV1 {
    /// The log it saves, or why it cannot be read (an item index beyond the table, a text cut
    /// short, a character outside the alphabet, a count beyond range). A log of another version
    /// is to be dropped by the caller, not read.
    pub fn to_log(&self) -> Result<AnswerLog, String> {
        let numbers = decode_answers(&self.answers)?;
        if numbers.len() % 4 != 0 {
            return Err("the answer log is cut short".into());
        }
        let mut log = AnswerLog::default();
        for id in &self.items {
            let index = u32::try_from(log.ids.len()).unwrap_or(u32::MAX);
            if log.positions.insert(id.clone(), index).is_some() {
                return Err(format!(
                    "the answer log names item {} twice",
                    crate::quoted::quoted(id)
                ));
            }
            log.ids.push(id.clone());
        }
        let mut at_seconds = self.start;
        for answer in numbers.chunks_exact(4) {
            let item = u32::try_from(answer[0])
                .ok()
                .filter(|&i| (i as usize) < log.ids.len())
                .ok_or("an answer names an item the log does not list")?;
            let small = |n: u64| u32::try_from(n).map_err(|_| "a count beyond range".to_string());
            let delta = i64::try_from(answer[3]).map_err(|_| "a time beyond range")?;
            at_seconds = at_seconds.checked_add(delta).ok_or("a time beyond range")?;
            log.entries.push(Entry {
                item,
                part: small(answer[1])?,
                verdict: AnswerVerdict::from_code(answer[2] % 3),
                hints_used: small(answer[2] / 3)?,
                at_seconds,
            });
        }
        log.trim();
        Ok(log)
    }
}

/// The characters of the saved answers, in the order of base64url (none needs escaping in JSON).
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/// A character's value below this is the number's last group of five bits; at or above it, more
/// groups follow.
const MORE: u8 = 32;

/// Numbers as text: each number written in groups of five bits, lowest first, one character a
/// group (`DIGITS`), the character of every group but the last raised by `MORE`. Each answer is
/// four numbers: its item's index in the table, its part (0 for a whole item, the step + 1), its
/// verdict + 3 × hints opened (verdict 0 wrong, 1 right, 2 partial), and the seconds since the
/// answer before it (the first: since `start`).
pub fn encode_answers(numbers: &[u64]) -> String {
    let mut text = String::with_capacity(numbers.len() * 2);
    for &number in numbers {
        let mut rest = number;
        loop {
            let group = (rest & 31) as u8;
            rest >>= 5;
            if rest == 0 {
                text.push(DIGITS[usize::from(group)] as char);
                break;
            }
            text.push(DIGITS[usize::from(group + MORE)] as char);
        }
    }
    text
}

/// The numbers `encode_answers` wrote, or why the text is not such numbers.
pub fn decode_answers(text: &str) -> Result<Vec<u64>, String> {
    let mut numbers = Vec::with_capacity(text.len() / 2);
    let mut number: u64 = 0;
    let mut shift = 0u32;
    let mut pending = false;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err("the answer log has a character it does not use".into()),
        };
        if shift > 60 {
            return Err("a count beyond range in the answer log".into());
        }
        number |= u64::from(value & 31) << shift;
        if value >= MORE {
            shift += 5;
            pending = true;
        } else {
            numbers.push(number);
            (number, shift, pending) = (0, 0, false);
        }
    }
    if pending {
        return Err("the answer log is cut short".into());
    }
    Ok(numbers)
}

#[cfg(test)]
mod tests;
