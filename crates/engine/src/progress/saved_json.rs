//! Progress to and from JSON by hand (`crate::json`), in place of serde on the widget's path:
//! the text of `SavedProgressV1` (whose serde derives stay for tools), the same field names and
//! order, and messages worded as serde's when a field is missing or mistyped. It reads and
//! writes the live `Progress` directly, with the conversions of `progress.rs`.

use super::{
    latest_sessions, loaded_answer_log, loaded_item, loaded_skill, loaded_time_on_task, Progress,
    SavedAnswerLogV1, SavedItemV1, SavedSkillV1, SessionCount,
};
use crate::json::read::{
    list, map, read_bool, read_f64, read_i64, read_string, read_u32, read_u64, strings, Fields,
    Read,
};
use crate::json::{Json, JsonText};
use crate::model::{ItemRecord, LearnerModel, SkillRecord, Timestamp};

/// Reads a version 1 progress file (its `format` and `version` already looked at, so neither
/// can be wrong) straight into a `Progress`: each record read is made safe as it is read (the
/// `loaded_*` rules of `From<SavedProgressV1>`), with no `SavedProgressV1` in between.
pub(super) fn read_progress_v1(value: &Json) -> Read<Progress> {
    let mut f = Fields::of(value, "struct SavedProgressV1")?;
    let bank_id = f.required("bankId", read_string);
    let bank_version = f.required("bankVersion", read_string);
    let seed = f.required("seed", read_u64);
    let answer_count = f.required("answerCount", read_u32);
    let correct_count = f.required("correctCount", read_u32);
    let recent_items = f.required("recentItems", strings);
    let current_item = f.optional("currentItem", read_string);
    let current_variant = f.or_default("currentVariant", read_u64);
    let current_part = f.or_default("currentPart", read_u32);
    let time_on_task_seconds = f.or_default("timeOnTaskSeconds", read_f64);
    let skills = f.required("skills", |v| map(v, read_skill));
    let items = f.required("items", |v| map(v, read_item));
    let sessions = f.or_default("sessions", |v| list(v, read_session));
    let answer_log = f.optional("answerLog", read_answer_log);
    let progress = Progress {
        bank_id,
        bank_version,
        seed,
        current_item,
        current_variant,
        current_part,
        time_on_task_seconds: loaded_time_on_task(time_on_task_seconds),
        sessions: latest_sessions(sessions),
        answer_log: loaded_answer_log(answer_log),
        model: LearnerModel {
            skills,
            items,
            answer_count,
            correct_count: correct_count.min(answer_count),
            recent_items,
            calibrated: None,
        },
    };
    f.finish(progress)
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

fn read_skill(value: &Json) -> Read<SkillRecord> {
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
    f.finish(loaded_skill(skill))
}

fn read_item(value: &Json) -> Read<ItemRecord> {
    let mut f = Fields::of(value, "struct SavedItemV1")?;
    let item = SavedItemV1 {
        attempts: f.required("attempts", read_u32),
        correct: f.required("correct", read_u32),
        last_seen: f.required("lastSeen", read_i64),
        difficulty_offset: f.required("difficultyOffset", read_f64),
        last_correct: f.optional("lastCorrect", read_bool),
    };
    f.finish(loaded_item(item))
}

fn read_session(value: &Json) -> Read<SessionCount> {
    let mut f = Fields::of(value, "struct SavedSessionV1")?;
    let session = SessionCount {
        session: f.required("id", read_string),
        answers: f.required("answers", read_u32),
        last_answer: Timestamp(f.required("lastAnswer", read_i64)),
    };
    f.finish(session)
}

/// The JSON text of a version 1 progress file, written straight from `progress`: the text of
/// `SavedProgressV1::from(progress)`, fields in the order serde wrote them.
pub(super) fn write_progress_v1(progress: &Progress) -> String {
    let model = &progress.model;
    let mut w = JsonText::default();
    w.open('{');
    w.key("format");
    w.string(super::PROGRESS_FORMAT);
    w.key("version");
    w.integer(1);
    w.key("bankId");
    w.string(&progress.bank_id);
    w.key("bankVersion");
    w.string(&progress.bank_version);
    w.key("seed");
    w.integer(progress.seed.into());
    w.key("answerCount");
    w.integer(model.answer_count.into());
    w.key("correctCount");
    w.integer(model.correct_count.into());
    w.key("recentItems");
    strings_of(&mut w, &model.recent_items);
    w.key("currentItem");
    match &progress.current_item {
        Some(item) => w.string(item),
        None => w.literal("null"),
    }
    w.key("currentVariant");
    w.integer(progress.current_variant.into());
    w.key("currentPart");
    w.integer(progress.current_part.into());
    w.key("timeOnTaskSeconds");
    w.float(progress.time_on_task_seconds);
    w.key("skills");
    w.open('{');
    for (id, skill) in model.skills.iter() {
        w.key(id);
        write_skill(&mut w, skill);
    }
    w.close('}');
    w.key("items");
    w.open('{');
    for (id, item) in model.items.iter() {
        w.key(id);
        write_item(&mut w, item);
    }
    w.close('}');
    if !progress.sessions.is_empty() {
        w.key("sessions");
        w.open('[');
        for session in &progress.sessions {
            w.open('{');
            w.key("id");
            w.string(&session.session);
            w.key("answers");
            w.integer(session.answers.into());
            w.key("lastAnswer");
            w.integer(session.last_answer.0.into());
            w.close('}');
        }
        w.close(']');
    }
    if !progress.answer_log.is_empty() {
        w.key("answerLog");
        write_answer_log(&mut w, &SavedAnswerLogV1::from(&progress.answer_log));
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

fn write_skill(w: &mut JsonText, skill: &SkillRecord) {
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
    w.integer(skill.last_practiced.0.into());
    w.key("mastered");
    boolean(w, skill.mastered);
    w.key("stabilityDays");
    w.float(skill.stability_days);
    w.key("memoryDifficulty");
    w.float(skill.memory_difficulty);
    w.close('}');
}

fn write_item(w: &mut JsonText, item: &ItemRecord) {
    w.open('{');
    w.key("attempts");
    w.integer(item.attempts.into());
    w.key("correct");
    w.integer(item.correct.into());
    w.key("lastSeen");
    w.integer(item.last_seen.0.into());
    // The earlier model's per-item difficulty correction: no longer kept, written 0.
    w.key("difficultyOffset");
    w.float(0.0);
    if let Some(right) = item.last_correct {
        w.key("lastCorrect");
        boolean(w, right);
    }
    w.close('}');
}

#[cfg(test)]
mod tests;
