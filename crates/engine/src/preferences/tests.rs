//! Every released form of the preferences loads; the current one round-trips.

use super::{load_preferences, save_preferences, Preferences};

#[test]
fn every_saved_form_of_the_preferences_still_loads() {
    let unversioned = include_str!("../../tests/fixtures/preferences-v0.json");
    let expected = Preferences {
        goal_skills: Some(3),
        calm: true,
    };
    assert_eq!(load_preferences(unversioned), Some(expected.clone()));
    assert_eq!(
        load_preferences(&save_preferences(&expected)),
        Some(expected)
    );
    assert_eq!(load_preferences("{}"), Some(Preferences::default()));
}

#[test]
fn other_texts_are_not_preferences() {
    let check = |text: &str| assert_eq!(load_preferences(text), None, "{text}");
    check("not json");
    check(r#"{"format":"adaptive-practice-preferences","version":2,"calm":true}"#);
    check(r#"{"format":"something-else","version":1}"#);
    check(r#"{"goalSkills":"three"}"#);
}

#[test]
fn saved_preferences_are_the_text_serde_wrote() {
    for preferences in [
        Preferences::default(),
        Preferences {
            goal_skills: Some(4_000_000_000),
            calm: true,
        },
    ] {
        let saved = super::SavedPreferencesV1::from(&preferences);
        assert_eq!(
            save_preferences(&preferences),
            serde_json::to_string(&saved).unwrap()
        );
    }
    assert_eq!(
        load_preferences(r#"{"version":"1","calm":true}"#).map(|p| p.calm),
        Some(true)
    );
}
