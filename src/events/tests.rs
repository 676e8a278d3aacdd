//! The event builders are pure: timestamps as JavaScript's `toISOString` writes them.

use super::iso_timestamp;

#[test]
fn timestamps_read_as_javascript_writes_them() {
    let check = |millis: i64, expected: &str| assert_eq!(iso_timestamp(millis), expected);
    check(0, "1970-01-01T00:00:00.000Z");
    check(1_796_066_289_123, "2026-11-30T19:18:09.123Z");
    check(951_782_400_000, "2000-02-29T00:00:00.000Z");
    check(-1, "1969-12-31T23:59:59.999Z");
    check(253_402_300_799_999, "9999-12-31T23:59:59.999Z");
}

/// The event's detail as compact JSON text, keys in the order they are sent.
fn detail_text(event: &super::HostEvent) -> String {
    adaptive_practice_engine::json::to_text(&event.detail)
}

#[test]
fn the_error_event_lists_every_diagnostic() {
    let loaded = adaptive_practice_engine::load_bank("{\"id\": 1}");
    let event = super::error_event("the bank has errors", &loaded.diagnostics);
    assert_eq!(event.name, "error");
    assert_eq!(
        detail_text(&event),
        r#"{"message":"the bank has errors","diagnostics":["error at $.id: `id` must be a non-empty string","error at $: the bank has no `version`","error at $: the bank has no `title`","error at $: the bank has no `skills` list","error at $: the bank has no `items` list"]}"#
    );
}

#[test]
fn the_progress_event_is_an_xapi_statement_with_every_skill() {
    let bank = adaptive_practice_engine::IndexedBank::new(
        adaptive_practice_engine::load_bank(
            r#"{"id": "b", "version": "1", "title": "Bank \"B\"",
                "skills": [{"id": "s", "name": "S"}, {"id": "t", "name": "T"}],
                "items": [{"id": "i", "skills": ["s", "t"], "type": "numeric", "prompt": "1?", "answer": 1}]}"#,
        )
        .bank
        .expect("the test bank loads"),
    );
    let progress = adaptive_practice_engine::new_progress(&bank, 7);
    let event = super::progress_event(&bank, "https://example.org/b.json", &progress, 0);
    assert_eq!(event.name, "progress");
    assert_eq!(
        detail_text(&event),
        concat!(
            r#"{"verb":{"id":"http://adlnet.gov/expapi/verbs/progressed","display":{"en-US":"progressed"}},"#,
            r#""object":{"id":"https://example.org/b.json","objectType":"Activity","definition":{"type":"http://adlnet.gov/expapi/activities/assessment","name":{"und":"Bank \"B\""}}},"#,
            r#""result":{"score":{"scaled":0,"raw":0,"min":0,"max":2},"completion":false,"extensions":{"https://adaptive-practice.example/xapi/answers":0,"https://adaptive-practice.example/xapi/correct":0,"https://adaptive-practice.example/xapi/skills":[{"id":"s","state":"notStarted","mastery":0.614},{"id":"t","state":"notStarted","mastery":0.614}]}},"#,
            r#""context":{"contextActivities":{"parent":[{"id":"https://example.org/b.json","objectType":"Activity"}]}},"#,
            r#""timestamp":"1970-01-01T00:00:00.000Z"}"#
        )
    );
}
