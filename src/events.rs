//! DOM events the widget sends to its host page: `answer`, `skill-mastered`, `progress`, `error`.
//! They bubble and are composed (they cross the shadow root). Each `detail` is shaped as an xAPI
//! statement without an actor (the host knows who the learner is; the widget does not), so a host
//! can add the actor and forward it to a learning record store. The widget sends nothing anywhere.

use adaptive_practice_engine::{
    AnswerReport, Diagnostic, IndexedBank, NextItem, Progress, SkillState,
};
use serde::Serialize;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const VERB_MASTERED: &str = "http://adlnet.gov/expapi/verbs/mastered";
const VERB_PROGRESSED: &str = "http://adlnet.gov/expapi/verbs/progressed";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
const OBJECTIVE: &str = "http://adlnet.gov/expapi/activities/objective";
const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";

/// Events are named `adaptive-practice:NAME`, so they never collide with the DOM's own (`progress`,
/// `error`). The bare names are sent too, for one release, as deprecated aliases.
const EVENT_PREFIX: &str = "adaptive-practice:";

fn dispatch(host: &Element, name: &str, detail: &Value) {
    let Ok(detail) = detail.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) else {
        return;
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    for event_name in [format!("{EVENT_PREFIX}{name}"), name.to_string()] {
        if let Ok(event) = CustomEvent::new_with_event_init_dict(&event_name, &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}

fn timestamp(millis: i64) -> String {
    js_sys::Date::new(&JsValue::from_f64(millis as f64))
        .to_iso_string()
        .into()
}

/// The activity id of the bank: its URL when it came from one, else a tag URI of its id.
pub fn bank_activity_id(bank: &IndexedBank, source_url: Option<&str>) -> String {
    match source_url {
        Some(url) => url.to_string(),
        None => format!("tag:adaptive-practice,2026:bank:{}", bank.bank.id),
    }
}

fn statement(
    verb: &str,
    verb_name: &str,
    object: Value,
    result: Value,
    bank_activity: &str,
    now: i64,
) -> Value {
    json!({
        "verb": { "id": verb, "display": { "en-US": verb_name } },
        "object": object,
        "result": result,
        "context": { "contextActivities": { "parent": [{ "id": bank_activity, "objectType": "Activity" }] } },
        "timestamp": timestamp(now),
    })
}

/// `answer` after each judged answer; then `skill-mastered` for each skill it mastered, and
/// `progress` with the state of every skill.
#[allow(clippy::too_many_arguments)] // Each is one field of the statements; a struct would only rename them.
pub fn dispatch_answer(
    host: &Element,
    bank: &IndexedBank,
    bank_activity: &str,
    item: &NextItem,
    part_index: usize,
    report: &AnswerReport,
    progress: &Progress,
    now: i64,
) {
    let object = json!({
        "id": format!("{bank_activity}#{}", item.item_id),
        "objectType": "Activity",
        "definition": { "type": INTERACTION, "extensions": { "https://adaptive-practice.example/xapi/step": part_index } },
    });
    let result = json!({
        "success": report.outcome.correct,
        "extensions": { "https://adaptive-practice.example/xapi/predicted-success": report.predicted_success },
    });
    dispatch(
        host,
        "answer",
        &statement(
            VERB_ANSWERED,
            "answered",
            object,
            result,
            bank_activity,
            now,
        ),
    );
    for skill_id in &report.newly_mastered {
        let name = bank
            .bank
            .skills
            .iter()
            .find(|s| &s.id == skill_id)
            .map_or(skill_id.as_str(), |s| s.name.as_str());
        let object = json!({
            "id": format!("{bank_activity}#skill/{skill_id}"),
            "objectType": "Activity",
            "definition": { "type": OBJECTIVE, "name": { "und": name } },
        });
        dispatch(
            host,
            "skill-mastered",
            &statement(
                VERB_MASTERED,
                "mastered",
                object,
                json!({ "success": true }),
                bank_activity,
                now,
            ),
        );
    }
    dispatch_progress(host, bank, bank_activity, progress, now);
}

/// `progress`: the share of skills mastered as the score, every skill's state as an extension.
pub fn dispatch_progress(
    host: &Element,
    bank: &IndexedBank,
    bank_activity: &str,
    progress: &Progress,
    now: i64,
) {
    let model = &progress.model;
    let stamp = adaptive_practice_engine::Timestamp(now);
    let skills: Vec<Value> = (0..bank.bank.skills.len())
        .map(|s| {
            let mastery = model.skill_mastery(bank, s, stamp);
            json!({ "id": mastery.skill_id, "state": mastery.state, "mastery": (mastery.mastery * 1000.0).round() / 1000.0 })
        })
        .collect();
    let mastered = (0..bank.bank.skills.len())
        .filter(|&s| {
            matches!(
                model.skill_mastery(bank, s, stamp).state,
                SkillState::Mastered | SkillState::DueForReview
            )
        })
        .count();
    let total = bank.bank.skills.len().max(1);
    let object = json!({
        "id": bank_activity,
        "objectType": "Activity",
        "definition": { "type": ASSESSMENT, "name": { "und": bank.bank.title } },
    });
    let result = json!({
        "score": { "scaled": mastered as f64 / total as f64, "raw": mastered, "min": 0, "max": total },
        "completion": mastered == total,
        "extensions": {
            "https://adaptive-practice.example/xapi/answers": model.answer_count,
            "https://adaptive-practice.example/xapi/correct": model.correct_count,
            "https://adaptive-practice.example/xapi/skills": skills,
        },
    });
    dispatch(
        host,
        "progress",
        &statement(
            VERB_PROGRESSED,
            "progressed",
            object,
            result,
            bank_activity,
            now,
        ),
    );
}

/// `error` when the bank cannot be loaded (not an xAPI statement: there is nothing to report).
pub fn dispatch_error(host: &Element, message: &str, diagnostics: &[Diagnostic]) {
    let detail = json!({ "message": message, "diagnostics": diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>() });
    dispatch(host, "error", &detail);
}
