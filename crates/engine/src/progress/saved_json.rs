//! The saved progress types to and from JSON by hand (`crate::json`), in place of serde on the
//! widget's path: the same field names and order as the serde derives of `SavedProgressV1`
//! (which stay for tools), and messages worded as serde's when a field is missing or mistyped.

use super::{SavedAnswerLogV1, SavedItemV1, SavedProgressV1, SavedSessionV1, SavedSkillV1};
use crate::json::read::{
    list, map, read_bool, read_f64, read_i64, read_string, read_u32, read_u64, strings, Fields,
    Read,
};
use crate::json::{Json, JsonText};

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

/// A saved answer log as the next value of `w`, fields in the order serde writes them.
pub(crate) fn write_answer_log(w: &mut JsonText, log: &SavedAnswerLogV1) {
    w.open('{');
    w.key("version");
    w.integer(log.version.into());
    w.key("items");
    strings_of(w, &log.items);
    w.key("start");
    w.integer(log.start.into());
    w.key("answers");
    w.string(&log.answers);
    w.close('}');
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
    let mut w = JsonText::default();
    w.open('{');
    w.key("format");
    w.string(&saved.format);
    w.key("version");
    w.integer(saved.version.into());
    w.key("bankId");
    w.string(&saved.bank_id);
    w.key("bankVersion");
    w.string(&saved.bank_version);
    w.key("seed");
    w.integer(saved.seed.into());
    w.key("answerCount");
    w.integer(saved.answer_count.into());
    w.key("correctCount");
    w.integer(saved.correct_count.into());
    w.key("recentItems");
    strings_of(&mut w, &saved.recent_items);
    w.key("currentItem");
    match &saved.current_item {
        Some(item) => w.string(item),
        None => w.literal("null"),
    }
    w.key("currentVariant");
    w.integer(saved.current_variant.into());
    w.key("currentPart");
    w.integer(saved.current_part.into());
    w.key("timeOnTaskSeconds");
    w.float(saved.time_on_task_seconds);
    w.key("skills");
    w.open('{');
    for (id, skill) in saved.skills.iter() {
        w.key(id);
        write_skill(&mut w, skill);
    }
    w.close('}');
    w.key("items");
    w.open('{');
    for (id, item) in saved.items.iter() {
        w.key(id);
        write_item(&mut w, item);
    }
    w.close('}');
    if !saved.sessions.is_empty() {
        w.key("sessions");
        w.open('[');
        for session in &saved.sessions {
            w.open('{');
            w.key("id");
            w.string(&session.id);
            w.key("answers");
            w.integer(session.answers.into());
            w.key("lastAnswer");
            w.integer(session.last_answer.into());
            w.close('}');
        }
        w.close(']');
    }
    if let Some(log) = &saved.answer_log {
        w.key("answerLog");
        write_answer_log(&mut w, log);
    }
    w.close('}');
    w.text()
}

fn strings_of(w: &mut JsonText, list: &[String]) {
    w.open('[');
    for entry in list {
        w.string(entry);
    }
    w.close(']');
}

fn optional_float(w: &mut JsonText, value: Option<f64>) {
    match value {
        Some(value) => w.float(value),
        None => w.literal("null"),
    }
}

fn boolean(w: &mut JsonText, flag: bool) {
    w.literal(if flag { "true" } else { "false" });
}

fn write_skill(w: &mut JsonText, skill: &SavedSkillV1) {
    w.open('{');
    w.key("ability");
    w.float(skill.ability);
    w.key("variance");
    w.float(skill.variance);
    w.key("entryAbility");
    optional_float(w, skill.entry_ability);
    w.key("attempts");
    w.integer(skill.attempts.into());
    w.key("correct");
    w.integer(skill.correct.into());
    w.key("streak");
    w.integer(skill.streak.into());
    w.key("lastPracticed");
    w.integer(skill.last_practiced.into());
    w.key("mastered");
    boolean(w, skill.mastered);
    w.key("stabilityDays");
    w.float(skill.stability_days);
    if let Some(difficulty) = skill.memory_difficulty {
        w.key("memoryDifficulty");
        w.float(difficulty);
    }
    w.close('}');
}

fn write_item(w: &mut JsonText, item: &SavedItemV1) {
    w.open('{');
    w.key("attempts");
    w.integer(item.attempts.into());
    w.key("correct");
    w.integer(item.correct.into());
    w.key("lastSeen");
    w.integer(item.last_seen.into());
    w.key("difficultyOffset");
    w.float(item.difficulty_offset);
    if let Some(right) = item.last_correct {
        w.key("lastCorrect");
        boolean(w, right);
    }
    w.close('}');
}

#[cfg(test)]
mod tests;
