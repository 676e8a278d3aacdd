//! The quick reading of a report file as the widget writes it (`report_text`): its fields in
//! their order, no whitespace, no escapes; skills and items as columns (version 3) or as the
//! objects of versions 1 and 2. A school's reports (1,000 files of 500 skills, 88 MB)
//! are nearly all in that shape; this reads them in one forward pass over the bytes, a few times
//! faster than serde's typed pass, which matches every field name against the struct's.
//!
//! It reads a subset of what `read_report` reads and nothing else: at the first byte it does not
//! expect (a space, an escape, a field out of order or unknown, a number with a sign or an
//! exponent, a format other than reports'), it gives up (`None`) and `read_report` reads the
//! text as before, so what it accepts, refuses and says stays serde's. What it reads it reads
//! as serde does: texts borrowed, numbers in range or given up, decimals correctly rounded (as
//! serde_json's `float_roundtrip` and Rust's `f64` parsing both round), and the answer log with
//! serde itself (`read_answers`), on exactly its bytes.

use std::borrow::Cow;

use super::{read_answers, ItemReport, LearnerReport, SkillReport, REPORT_FORMAT};
use crate::model::SkillState;
use crate::progress::AnswerLog;

/// The report in `text` when it is written as the widget writes reports; `None` otherwise (it
/// may still be a report: `read_report` decides).
pub(super) fn scan_report(text: &str) -> Option<LearnerReport<'_>> {
    let mut at = Cursor { text, at: 0 };
    at.expect(b"{\"format\":")?;
    let format = at.string()?;
    if format != REPORT_FORMAT {
        return None;
    }
    at.expect(b",\"version\":")?;
    let version = at.u32()?;
    at.expect(b",\"bankId\":")?;
    let bank_id = at.string()?;
    at.expect(b",\"bankVersion\":")?;
    let bank_version = at.string()?;
    at.expect(b",\"learner\":")?;
    let learner = at.string()?;
    at.expect(b",\"createdAt\":")?;
    // A date before 1970 (a sign) is left to serde: `-0` is a float to it.
    let created_at = i64::try_from(at.whole()?).ok()?;
    at.expect(b",\"answerCount\":")?;
    let answer_count = at.u32()?;
    at.expect(b",\"correctCount\":")?;
    let correct_count = at.u32()?;
    at.expect(b",\"timeOnTaskSeconds\":")?;
    let time_on_task_seconds = at.whole()?;
    at.expect(b",\"skills\":")?;
    // Columns (version 3), or one object per skill (versions 1 and 2).
    let skills = if at.rest().starts_with(b"{") {
        at.skill_columns()?
    } else {
        // About 130 bytes a skill as the widget wrote them.
        let capacity = text.len() / 160;
        at.list(capacity, Cursor::skill)?
    };
    at.expect(b",\"items\":")?;
    let items = if at.rest().starts_with(b"{") {
        at.item_columns()?
    } else {
        at.list(0, Cursor::item)?
    };
    let answers = if at.skip(b",\"answers\":") {
        at.answers()?
    } else {
        None
    };
    at.expect(b"}")?;
    // As serde: whitespace after the value, nothing else.
    if !text.as_bytes()[at.at..]
        .iter()
        .all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
    {
        return None;
    }
    Some(LearnerReport {
        format: Cow::Borrowed(format),
        version,
        bank_id: Cow::Borrowed(bank_id),
        bank_version: Cow::Borrowed(bank_version),
        learner: Cow::Borrowed(learner),
        created_at,
        answer_count,
        correct_count,
        time_on_task_seconds,
        skills,
        items,
        answers,
    })
}

/// The deepest an answer log's value may nest here (it nests two deep): deeper, serde reads it.
const ANSWERS_DEPTH: usize = 8;

/// A place in the text being read; every reading method answers `None` where the text is not
/// as the widget writes it.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a [u8] {
        self.text.as_bytes().get(self.at..).unwrap_or_default()
    }

    /// Steps over `bytes` when the text goes on with them.
    fn skip(&mut self, bytes: &[u8]) -> bool {
        let found = self.rest().starts_with(bytes);
        if found {
            self.at += bytes.len();
        }
        found
    }

    fn expect(&mut self, bytes: &[u8]) -> Option<()> {
        self.skip(bytes).then_some(())
    }

    /// A string without escapes or control characters, borrowed.
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b"\"")?;
        let start = self.at;
        let length = self
            .rest()
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)?;
        if self.rest()[length] != b'"' {
            return None;
        }
        self.at += length + 1;
        // Quotes are ASCII: both ends are on character boundaries.
        self.text.get(start..start + length)
    }

    /// The digits of a whole number as JSON writes it (no leading zero), up to `u64::MAX`.
    fn whole(&mut self) -> Option<u64> {
        let digits = self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let text = self.rest().get(..digits)?;
        if digits == 0 || (digits > 1 && text[0] == b'0') {
            return None;
        }
        let mut value: u64 = 0;
        for &digit in text {
            value = value
                .checked_mul(10)?
                .checked_add(u64::from(digit - b'0'))?;
        }
        self.at += digits;
        Some(value)
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.whole()?).ok()
    }

    /// A number without sign or exponent (`0.4321`, `1`), correctly rounded.
    fn number(&mut self) -> Option<f64> {
        let start = self.at;
        let whole = self.whole()?;
        if !self.skip(b".") {
            // As serde: a whole number becomes the nearest `f64`.
            return Some(whole as f64);
        }
        let fraction = self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if fraction == 0 {
            return None;
        }
        self.at += fraction;
        let text = &self.text[start..self.at];
        // Fewer than 16 digits and 22 decimals: both the digits and the power of ten are exact
        // in an `f64`, and one division rounds correctly.
        if text.len() <= 16 && fraction <= 22 {
            let mut digits: u64 = 0;
            for &byte in text.as_bytes() {
                if byte != b'.' {
                    digits = digits * 10 + u64::from(byte - b'0');
                }
            }
            return Some(digits as f64 / POWERS_OF_TEN[fraction]);
        }
        text.parse().ok()
    }

    fn state(&mut self) -> Option<SkillState> {
        Some(match self.string()? {
            "notStarted" => SkillState::NotStarted,
            "learning" => SkillState::Learning,
            "mastered" => SkillState::Mastered,
            "dueForReview" => SkillState::DueForReview,
            _ => return None,
        })
    }

    /// A list (`[…]`) of values each read by `one`.
    fn list<T>(&mut self, capacity: usize, one: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b"[")?;
        let mut values = Vec::with_capacity(capacity);
        if self.skip(b"]") {
            return Some(values);
        }
        loop {
            values.push(one(self)?);
            if self.skip(b"]") {
                return Some(values);
            }
            self.expect(b",")?;
        }
    }

    /// A version 3 report's skills, in columns of one length.
    fn skill_columns(&mut self) -> Option<Vec<SkillReport<'a>>> {
        self.expect(b"{\"ids\":")?;
        let ids = self.list(0, Cursor::string)?;
        let count = ids.len();
        self.expect(b",\"names\":")?;
        let names = self.list(count, Cursor::string)?;
        self.expect(b",\"states\":")?;
        let states = self.list(count, Cursor::state)?;
        self.expect(b",\"mastery\":")?;
        let mastery = self.list(count, Cursor::number)?;
        self.expect(b",\"certainty\":")?;
        let certainty = self.list(count, Cursor::number)?;
        self.expect(b",\"attempts\":")?;
        let attempts = self.list(count, Cursor::u32)?;
        self.expect(b",\"correct\":")?;
        let correct = self.list(count, Cursor::u32)?;
        self.expect(b"}")?;
        let lengths = [
            names.len(),
            states.len(),
            mastery.len(),
            certainty.len(),
            attempts.len(),
            correct.len(),
        ];
        if lengths.iter().any(|&length| length != count) {
            return None;
        }
        Some(
            (0..count)
                .map(|k| SkillReport {
                    id: Cow::Borrowed(ids[k]),
                    name: Cow::Borrowed(names[k]),
                    state: states[k],
                    mastery: mastery[k],
                    certainty: certainty[k],
                    attempts: attempts[k],
                    correct: correct[k],
                })
                .collect(),
        )
    }

    /// A version 3 report's items, in columns of one length.
    fn item_columns(&mut self) -> Option<Vec<ItemReport<'a>>> {
        self.expect(b"{\"ids\":")?;
        let ids = self.list(0, Cursor::string)?;
        let count = ids.len();
        self.expect(b",\"attempts\":")?;
        let attempts = self.list(count, Cursor::u32)?;
        self.expect(b",\"correct\":")?;
        let correct = self.list(count, Cursor::u32)?;
        self.expect(b"}")?;
        if attempts.len() != count || correct.len() != count {
            return None;
        }
        Some(
            (0..count)
                .map(|k| ItemReport {
                    id: Cow::Borrowed(ids[k]),
                    attempts: attempts[k],
                    correct: correct[k],
                })
                .collect(),
        )
    }

    fn skill(&mut self) -> Option<SkillReport<'a>> {
        self.expect(b"{\"id\":")?;
        let id = self.string()?;
        self.expect(b",\"name\":")?;
        let name = self.string()?;
        self.expect(b",\"state\":")?;
        let state = self.state()?;
        self.expect(b",\"mastery\":")?;
        let mastery = self.number()?;
        self.expect(b",\"certainty\":")?;
        let certainty = self.number()?;
        self.expect(b",\"attempts\":")?;
        let attempts = self.u32()?;
        self.expect(b",\"correct\":")?;
        let correct = self.u32()?;
        self.expect(b"}")?;
        Some(SkillReport {
            id: Cow::Borrowed(id),
            name: Cow::Borrowed(name),
            state,
            mastery,
            certainty,
            attempts,
            correct,
        })
    }

    fn item(&mut self) -> Option<ItemReport<'a>> {
        self.expect(b"{\"id\":")?;
        let id = self.string()?;
        self.expect(b",\"attempts\":")?;
        let attempts = self.u32()?;
        self.expect(b",\"correct\":")?;
        let correct = self.u32()?;
        self.expect(b"}")?;
        Some(ItemReport {
            id: Cow::Borrowed(id),
            attempts,
            correct,
        })
    }

    /// The answer log (`null`, or an object), read by serde on exactly its bytes, as the typed
    /// pass reads the field. `None` when its end is not found here or serde refuses it (then
    /// `read_report` reads the whole file again, and says why).
    fn answers(&mut self) -> Option<Option<AnswerLog>> {
        let start = self.at;
        if !self.skip(b"null") {
            if !self.rest().starts_with(b"{") {
                return None;
            }
            let mut depth = 0;
            loop {
                let byte = *self.rest().first()?;
                self.at += 1;
                match byte {
                    b'{' | b'[' => {
                        depth += 1;
                        if depth > ANSWERS_DEPTH {
                            return None;
                        }
                    }
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    b'"' => loop {
                        match *self.rest().first()? {
                            b'\\' => self.at += 2,
                            b'"' => {
                                self.at += 1;
                                break;
                            }
                            _ => self.at += 1,
                        }
                    },
                    _ if depth == 0 => return None,
                    _ => {}
                }
            }
        }
        let value = self.text.get(start..self.at)?;
        let mut reader = serde_json::Deserializer::from_str(value);
        let log = read_answers(&mut reader).ok()?;
        reader.end().ok()?;
        Some(log)
    }
}

const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
