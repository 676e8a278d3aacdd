//! The saved progress types to and from JSON by hand (`crate::json`), in place of serde on the
//! widget's path: the same field names and order as the serde derives of `SavedProgressV1`
//! (which stay for tools), and messages worded as serde's when a field is missing or mistyped.

use crate::sorted_map::SortedMap;

use super::{SavedAnswerLogV1, SavedItemV1, SavedProgressV1, SavedSessionV1, SavedSkillV1};
use crate::json::read::{
    list, map, read_bool, read_f64, read_i64, read_string, read_u32, read_u64, strings, Fields,
    Read,
};
use crate::json::{to_text, Json};

/// Reads a version 1 progress file (its `format` and `version` already looked at).
pub(super) fn read_progress_v1(value: &Json) -> Read<SavedProgressV1> {
    let mut f = Fields::of(value, "struct SavedProgressV1")?;
    let saved = SavedProgressV1 {
        format: f.required("format", read_string),
        version: f.required("version", read_u32),
        bank_id: f.required("bankId", read_string),
        bank_version: f.required("bankVersion", read_string),
        seed: f.required("seed", read_u64),
        answer_count: f.required("answerCount", read_u32),
        correct_count: f.required("correctCount", read_u32),
        recent_items: f.required("recentItems", strings),
        current_item: f.optional("currentItem", read_string),
        current_variant: f.or_default("currentVariant", read_u64),
        current_part: f.or_default("currentPart", read_u32),
        time_on_task_seconds: f.or_default("timeOnTaskSeconds", read_f64),
        skills: f.required("skills", |v| map(v, read_skill)),
        items: f.required("items", |v| map(v, read_item)),
        sessions: f.or_default("sessions", |v| list(v, read_session)),
        answer_log: f.optional("answerLog", read_answer_log),
    };
    f.finish(saved)
}

/// Reads a saved answer log (in a progress file or a report).
pub(crate) fn read_answer_log(value: &Json) -> Read<SavedAnswerLogV1> {
    let mut f = Fields::of(value, "struct SavedAnswerLogV1")?;
    let log = SavedAnswerLogV1 {
        version: f.required("version", read_u32),
        items: f.required("items", strings),
        start: f.required("start", read_i64),
        answers: f.required("answers", read_string),
    };
    f.finish(log)
}

/// The JSON of a saved answer log, fields in the order serde writes them.
pub(crate) fn write_answer_log(log: &SavedAnswerLogV1) -> Json {
    Json::Object(vec![
        field("version", integer(log.version)),
        field("items", texts(&log.items)),
        field("start", integer(log.start)),
        field("answers", text(&log.answers)),
    ])
}

fn read_skill(value: &Json) -> Read<SavedSkillV1> {
    let mut f = Fields::of(value, "struct SavedSkillV1")?;
    let skill = SavedSkillV1 {
        ability: f.required("ability", read_f64),
        variance: f.required("variance", read_f64),
        entry_ability: f.optional("entryAbility", read_f64),
        attempts: f.required("attempts", read_u32),
        correct: f.required("correct", read_u32),
        streak: f.or_default("streak", read_u32),
        last_practiced: f.required("lastPracticed", read_i64),
        mastered: f.required("mastered", read_bool),
        stability_days: f.required("stabilityDays", read_f64),
        memory_difficulty: f.optional("memoryDifficulty", read_f64),
    };
    f.finish(skill)
}

fn read_item(value: &Json) -> Read<SavedItemV1> {
    let mut f = Fields::of(value, "struct SavedItemV1")?;
    let item = SavedItemV1 {
        attempts: f.required("attempts", read_u32),
        correct: f.required("correct", read_u32),
        last_seen: f.required("lastSeen", read_i64),
        difficulty_offset: f.required("difficultyOffset", read_f64),
        last_correct: f.optional("lastCorrect", read_bool),
    };
    f.finish(item)
}

fn read_session(value: &Json) -> Read<SavedSessionV1> {
    let mut f = Fields::of(value, "struct SavedSessionV1")?;
    let session = SavedSessionV1 {
        id: f.required("id", read_string),
        answers: f.required("answers", read_u32),
        last_answer: f.required("lastAnswer", read_i64),
    };
    f.finish(session)
}

/// The JSON text of a version 1 progress file, fields in the order serde wrote them.
pub(super) fn write_progress_v1(saved: &SavedProgressV1) -> String {
    let mut fields = vec![
        field("format", text(&saved.format)),
        field("version", integer(saved.version)),
        field("bankId", text(&saved.bank_id)),
        field("bankVersion", text(&saved.bank_version)),
        field("seed", integer(saved.seed)),
        field("answerCount", integer(saved.answer_count)),
        field("correctCount", integer(saved.correct_count)),
        field("recentItems", texts(&saved.recent_items)),
        field(
            "currentItem",
            saved.current_item.as_deref().map_or(Json::Null, text),
        ),
        field("currentVariant", integer(saved.current_variant)),
        field("currentPart", integer(saved.current_part)),
        field("timeOnTaskSeconds", float(saved.time_on_task_seconds)),
        field("skills", entries(&saved.skills, write_skill)),
        field("items", entries(&saved.items, write_item)),
    ];
    if !saved.sessions.is_empty() {
        let mut sessions = Vec::with_capacity(saved.sessions.len());
        for session in &saved.sessions {
            sessions.push(write_session(session));
        }
        fields.push(field("sessions", Json::Array(sessions)));
    }
    if let Some(log) = &saved.answer_log {
        fields.push(field("answerLog", write_answer_log(log)));
    }
    to_text(&Json::Object(fields))
}

fn write_skill(skill: &SavedSkillV1) -> Json {
    let mut fields = vec![
        field("ability", float(skill.ability)),
        field("variance", float(skill.variance)),
        field(
            "entryAbility",
            skill.entry_ability.map_or(Json::Null, float),
        ),
        field("attempts", integer(skill.attempts)),
        field("correct", integer(skill.correct)),
        field("streak", integer(skill.streak)),
        field("lastPracticed", integer(skill.last_practiced)),
        field("mastered", Json::Bool(skill.mastered)),
        field("stabilityDays", float(skill.stability_days)),
    ];
    if let Some(difficulty) = skill.memory_difficulty {
        fields.push(field("memoryDifficulty", float(difficulty)));
    }
    Json::Object(fields)
}

fn write_item(item: &SavedItemV1) -> Json {
    let mut fields = vec![
        field("attempts", integer(item.attempts)),
        field("correct", integer(item.correct)),
        field("lastSeen", integer(item.last_seen)),
        field("difficultyOffset", float(item.difficulty_offset)),
    ];
    if let Some(right) = item.last_correct {
        fields.push(field("lastCorrect", Json::Bool(right)));
    }
    Json::Object(fields)
}

fn write_session(session: &SavedSessionV1) -> Json {
    Json::Object(vec![
        field("id", text(&session.id)),
        field("answers", integer(session.answers)),
        field("lastAnswer", integer(session.last_answer)),
    ])
}

fn entries<T>(map: &SortedMap<T>, write: fn(&T) -> Json) -> Json {
    let mut fields = Vec::with_capacity(map.len());
    for (id, value) in map.iter() {
        fields.push((id.clone(), write(value)));
    }
    Json::Object(fields)
}

/// A list of texts (item ids), in a loop rather than a `map` and `collect` for each list.
fn texts(list: &[String]) -> Json {
    let mut texts = Vec::with_capacity(list.len());
    for entry in list {
        texts.push(text(entry));
    }
    Json::Array(texts)
}

fn field(key: &str, value: Json) -> (String, Json) {
    (key.to_owned(), value)
}

fn text(value: &str) -> Json {
    Json::String(value.to_owned())
}

fn integer(value: impl Into<i128> + Copy) -> Json {
    let integer: i128 = value.into();
    Json::Number {
        value: integer as f64,
        integer: Some(integer),
    }
}

fn float(value: f64) -> Json {
    Json::Number {
        value,
        integer: None,
    }
}

#[cfg(test)]
mod tests;
