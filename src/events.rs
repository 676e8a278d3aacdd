//! DOM events the widget sends to its host page: `answer`, `skill-mastered`, `progress`, `error`.
//! They bubble and are composed (they cross the shadow root). Each `detail` is shaped as an xAPI
//! statement without an actor (the host knows who the learner is; the widget does not), so a host
//! can add the actor and forward it to a learning record store. The widget sends nothing anywhere.
//!
//! The builders are pure (the reducer calls them and returns the events as effects); `send` is
//! the one function that dispatches on the host element.

use adaptive_practice_engine::json::Json;
use adaptive_practice_engine::report::skill_state_name;
use adaptive_practice_engine::{AnswerReport, Diagnostic, IndexedBank, NextItem, Progress};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

#[cfg(test)]
mod tests;

const VERB_ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
const VERB_MASTERED: &str = "http://adlnet.gov/expapi/verbs/mastered";
const VERB_PROGRESSED: &str = "http://adlnet.gov/expapi/verbs/progressed";
const INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
const OBJECTIVE: &str = "http://adlnet.gov/expapi/activities/objective";
const ASSESSMENT: &str = "http://adlnet.gov/expapi/activities/assessment";

/// Events are named `adaptive-practice:NAME`, so they never collide with the DOM's own (`progress`,
/// `error`). The bare names are sent too, for one release, as deprecated aliases.
const EVENT_PREFIX: &str = "adaptive-practice:";

/// One DOM event for the host page: its name and its `detail`.
#[derive(Debug, Clone, PartialEq)]
pub struct HostEvent {
    pub name: &'static str,
    pub detail: Json,
}

/// Dispatches `event` on the host element (bubbling, composed).
pub fn send(host: &Element, event: &HostEvent) {
    let detail = to_js(&event.detail);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    for event_name in [
        format!("{EVENT_PREFIX}{}", event.name),
        event.name.to_string(),
    ] {
        if let Ok(dom_event) = CustomEvent::new_with_event_init_dict(&event_name, &init) {
            let _ = host.dispatch_event(&dom_event);
        }
    }
}

/// `millis` since the Unix epoch as ISO 8601 in UTC, the form of JavaScript's `toISOString`
/// (`2026-11-30T19:18:09.123Z`), for years 0 to 9999.
pub fn iso_timestamp(millis: i64) -> String {
    let days = millis.div_euclid(86_400_000);
    let in_day = millis.rem_euclid(86_400_000);
    // Howard Hinnant's `civil_from_days`.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

/// The activity id of the bank: its URL when it came from one, else a tag URI of its id.
pub fn bank_activity_id(bank: &IndexedBank, source_url: Option<&str>) -> String {
    match source_url {
        Some(url) => url.to_string(),
        None => format!("tag:adaptive-practice,2026:bank:{}", bank.id()),
    }
}

/// The detail as a plain JavaScript value (objects, arrays, strings, numbers), built with
/// `js_sys` rather than through serde.
fn to_js(value: &Json) -> JsValue {
    match value {
        Json::Null => JsValue::NULL,
        Json::Bool(flag) => JsValue::from_bool(*flag),
        Json::Number { value, .. } => JsValue::from_f64(*value),
        Json::String(text) => JsValue::from_str(text),
        Json::Array(elements) => {
            let array = js_sys::Array::new();
            for element in elements {
                array.push(&to_js(element));
            }
            array.into()
        }
        Json::Object(fields) => {
            let object = js_sys::Object::new();
            for (key, field) in fields {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &to_js(field));
            }
            object.into()
        }
    }
}

/// An object of `fields`: the array moved into a `Vec` (all that is compiled for each length),
/// then its keys owned in one loop.
fn object<const N: usize>(fields: [(&str, Json); N]) -> Json {
    object_of(Vec::from(fields))
}

fn object_of(fields: Vec<(&str, Json)>) -> Json {
    let mut owned = Vec::with_capacity(fields.len());
    for (key, value) in fields {
        owned.push((key.to_owned(), value));
    }
    Json::Object(owned)
}

fn text(value: impl Into<String>) -> Json {
    Json::String(value.into())
}

fn number(value: impl Into<f64>) -> Json {
    Json::Number {
        value: value.into(),
        integer: None,
    }
}

fn statement(
    verb: &str,
    verb_name: &str,
    object_of_statement: Json,
    result: Json,
    bank_activity: &str,
    now: i64,
) -> Json {
    let parent = object([
        ("id", text(bank_activity)),
        ("objectType", text("Activity")),
    ]);
    object([
        (
            "verb",
            object([
                ("id", text(verb)),
                ("display", object([("en-US", text(verb_name))])),
            ]),
        ),
        ("object", object_of_statement),
        ("result", result),
        (
            "context",
            object([(
                "contextActivities",
                object([("parent", Json::Array(vec![parent]))]),
            )]),
        ),
        ("timestamp", text(iso_timestamp(now))),
    ])
}

/// `answer` after each judged answer; then `skill-mastered` for each skill it mastered, and
/// `progress` with the state of every skill.
#[allow(clippy::too_many_arguments)] // Each is a field of the statements; a struct would only rename them.
pub fn answer_events(
    bank: &IndexedBank,
    bank_activity: &str,
    item: &NextItem,
    part_index: usize,
    report: &AnswerReport,
    progress: &Progress,
    now: i64,
) -> Vec<HostEvent> {
    let mut events = Vec::new();
    let activity = object([
        ("id", text(format!("{bank_activity}#{}", item.item_id))),
        ("objectType", text("Activity")),
        (
            "definition",
            object([
                ("type", text(INTERACTION)),
                (
                    "extensions",
                    object([(
                        "https://adaptive-practice.example/xapi/step",
                        number(part_index as f64),
                    )]),
                ),
            ]),
        ),
    ]);
    let result = object([
        ("success", Json::Bool(report.outcome.correct)),
        (
            "extensions",
            object([(
                "https://adaptive-practice.example/xapi/predicted-success",
                number(report.predicted_success),
            )]),
        ),
    ]);
    events.push(HostEvent {
        name: "answer",
        detail: statement(
            VERB_ANSWERED,
            "answered",
            activity,
            result,
            bank_activity,
            now,
        ),
    });
    for skill_id in &report.newly_mastered {
        let name = bank.skill_name(skill_id);
        let activity = object([
            ("id", text(format!("{bank_activity}#skill/{skill_id}"))),
            ("objectType", text("Activity")),
            (
                "definition",
                object([
                    ("type", text(OBJECTIVE)),
                    ("name", object([("und", text(name))])),
                ]),
            ),
        ]);
        events.push(HostEvent {
            name: "skill-mastered",
            detail: statement(
                VERB_MASTERED,
                "mastered",
                activity,
                object([("success", Json::Bool(true))]),
                bank_activity,
                now,
            ),
        });
    }
    events.push(progress_event(bank, bank_activity, progress, now));
    events
}

/// `progress`: the share of skills mastered as the score, every skill's state as an extension.
pub fn progress_event(
    bank: &IndexedBank,
    bank_activity: &str,
    progress: &Progress,
    now: i64,
) -> HostEvent {
    let model = &progress.model;
    let stamp = adaptive_practice_engine::Timestamp(now);
    let masteries = model.skill_masteries(bank, stamp);
    // In one loop: a `filter`, `count`, `map` and `collect` was compiled for this alone.
    let mut mastered = 0;
    let mut skills: Vec<Json> = Vec::with_capacity(masteries.len());
    for mastery in masteries {
        if mastery.state.counts_as_mastered() {
            mastered += 1;
        }
        skills.push(object([
            ("id", text(mastery.skill_id)),
            ("state", text(skill_state_name(mastery.state))),
            (
                "mastery",
                number((mastery.mastery * 1000.0).round() / 1000.0),
            ),
        ]));
    }
    let total = bank.skills().len().max(1);
    let activity = object([
        ("id", text(bank_activity)),
        ("objectType", text("Activity")),
        (
            "definition",
            object([
                ("type", text(ASSESSMENT)),
                ("name", object([("und", text(bank.title()))])),
            ]),
        ),
    ]);
    let score = object([
        ("scaled", number(mastered as f64 / total as f64)),
        ("raw", number(mastered as f64)),
        ("min", number(0)),
        ("max", number(total as f64)),
    ]);
    let result = object([
        ("score", score),
        ("completion", Json::Bool(mastered == total)),
        (
            "extensions",
            object([
                (
                    "https://adaptive-practice.example/xapi/answers",
                    number(model.answer_count),
                ),
                (
                    "https://adaptive-practice.example/xapi/correct",
                    number(model.correct_count),
                ),
                (
                    "https://adaptive-practice.example/xapi/skills",
                    Json::Array(skills),
                ),
            ]),
        ),
    ]);
    HostEvent {
        name: "progress",
        detail: statement(
            VERB_PROGRESSED,
            "progressed",
            activity,
            result,
            bank_activity,
            now,
        ),
    }
}

/// `error` when the bank cannot be loaded (not an xAPI statement: there is nothing to report).
pub fn error_event(message: &str, diagnostics: &[Diagnostic]) -> HostEvent {
    let mut listed = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics {
        listed.push(text(diagnostic.to_string()));
    }
    let diagnostics = listed;
    let detail = object([
        ("message", text(message)),
        ("diagnostics", Json::Array(diagnostics)),
    ]);
    HostEvent {
        name: "error",
        detail,
    }
}
