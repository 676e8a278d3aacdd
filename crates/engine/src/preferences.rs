//! The learner's preferences for one bank (a goal, calm mode) and their saved form. Like
//! progress, they cross into storage only as a versioned `Saved*` type; the first release wrote
//! them without a version (`{"goalSkills": 3, "calm": true}`), which still loads.

use serde::{Deserialize, Serialize};

use crate::json::{self, Json};

#[cfg(test)]
mod tests;

/// The value of the `format` field of saved preferences.
pub const PREFERENCES_FORMAT: &str = "adaptive-practice-preferences";
/// The newest version this code writes.
pub const CURRENT_PREFERENCES_VERSION: u32 = 1;

/// The learner's preferences for one bank.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preferences {
    /// How many skills the learner wants to master; no goal when `None`.
    pub goal_skills: Option<u32>,
    /// Hide scores and percentages.
    pub calm: bool,
}

/// Saved preferences, version 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedPreferencesV1 {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub goal_skills: Option<u32>,
    #[serde(default)]
    pub calm: bool,
}

impl From<&Preferences> for SavedPreferencesV1 {
    fn from(preferences: &Preferences) -> Self {
        SavedPreferencesV1 {
            format: PREFERENCES_FORMAT.into(),
            version: CURRENT_PREFERENCES_VERSION,
            goal_skills: preferences.goal_skills,
            calm: preferences.calm,
        }
    }
}

impl From<SavedPreferencesV1> for Preferences {
    fn from(saved: SavedPreferencesV1) -> Self {
        Preferences {
            goal_skills: saved.goal_skills,
            calm: saved.calm,
        }
    }
}

/// Writes preferences in the current format: the text of `SavedPreferencesV1::from(preferences)`,
/// written straight from `preferences`.
pub fn save_preferences(preferences: &Preferences) -> String {
    let mut w = json::JsonText::default();
    w.open('{');
    w.key("format");
    w.string(PREFERENCES_FORMAT);
    w.key("version");
    w.integer(CURRENT_PREFERENCES_VERSION.into());
    w.key("goalSkills");
    match preferences.goal_skills {
        Some(goal) => w.integer(goal.into()),
        None => w.literal("null"),
    }
    w.key("calm");
    w.literal(if preferences.calm { "true" } else { "false" });
    w.close('}');
    w.text()
}

/// Reads preferences in any released format; `None` when the text is none of them (a newer
/// version included: its preferences are then left alone, as defaults would be shown). The
/// unversioned form of the first release has every field optional; version 1 has its `format`.
/// Read field by field, without the messages of `json::read`: none of them would be shown.
pub fn load_preferences(text: &str) -> Option<Preferences> {
    let value = json::parse(text).ok()?;
    let Json::Object(_) = value else {
        return None;
    };
    match value.get("version").and_then(Json::as_u64) {
        None => {}
        Some(1) if value.get("format").and_then(Json::as_str) == Some(PREFERENCES_FORMAT) => {}
        Some(_) => return None,
    }
    let goal_skills = match value.get("goalSkills") {
        None | Some(Json::Null) => None,
        Some(goal) => Some(u32::try_from(goal.as_integer()?).ok()?),
    };
    let calm = match value.get("calm") {
        None => false,
        Some(Json::Bool(calm)) => *calm,
        Some(_) => return None,
    };
    Some(Preferences { goal_skills, calm })
}
