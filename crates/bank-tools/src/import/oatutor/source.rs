//! OATutor's content files as they are in its folder, read leniently: a field that is missing gets its
//! default, and answers written as numbers are read as text.
//!
//! Layout: `content-pool/<problem>/<problem>.json`, `…/steps/<step>/<step>.json`,
//! `…/steps/<step>/tutoring/<step>DefaultPathway.json`, `…/figures/`, and at the top
//! `skillModel.json`, `defaultBKTParams.json` (or `bkt-params/defaultBKTParams.json`) and
//! `coursePlans.json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::import::source_files::SourceFiles;

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ProblemFile {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub variabilization: Value,
    #[serde(default)]
    pub oer: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
    #[serde(default)]
    pub lesson_id: Option<String>,
    #[serde(default)]
    pub course_name: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct StepFile {
    pub id: String,
    #[serde(default, deserialize_with = "texts")]
    pub step_answer: Vec<String>,
    #[serde(default)]
    pub problem_type: String,
    #[serde(default)]
    pub step_title: String,
    #[serde(default)]
    pub step_body: String,
    #[serde(default)]
    pub answer_type: Option<String>,
    #[serde(default)]
    pub variabilization: Value,
    #[serde(default, deserialize_with = "optional_texts")]
    pub choices: Option<Vec<String>>,
}

/// One entry of a step's default pathway: a hint, or a scaffold (a small question).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct TutoringEntry {
    pub id: String,
    #[serde(rename = "type", default)]
    pub entry_type: String,
    #[serde(default)]
    pub dependencies: Vec<String>,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub problem_type: Option<String>,
    #[serde(default)]
    pub answer_type: Option<String>,
    #[serde(default, deserialize_with = "texts")]
    pub hint_answer: Vec<String>,
    #[serde(default, deserialize_with = "optional_texts")]
    pub choices: Option<Vec<String>>,
    #[serde(default)]
    pub sub_hints: Vec<TutoringEntry>,
    #[serde(default)]
    pub variabilization: Value,
    #[serde(default)]
    pub oer: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Course {
    #[serde(default)]
    pub course_name: String,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub lessons: Vec<Lesson>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Lesson {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub topics: String,
    /// Skill to the mastery probability the lesson asks for.
    #[serde(default)]
    pub learning_objectives: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct BktParameters {
    pub prob_mastery: f64,
    pub prob_transit: f64,
    pub prob_slip: f64,
    pub prob_guess: f64,
}

/// A problem folder: the problem, and each step with its pathway.
#[derive(Debug, Clone)]
pub(super) struct ProblemFolder {
    /// The folder's path in the source (`content-pool/p1`).
    pub folder: String,
    pub problem: ProblemFile,
    pub steps: Vec<(StepFile, Vec<TutoringEntry>)>,
}

pub(super) fn read_json<T: serde::de::DeserializeOwned>(
    files: &SourceFiles,
    path: &str,
) -> Result<T, String> {
    let text = files
        .text(path)
        .map_err(|error| format!("cannot read {path}: {error}"))?;
    serde_json::from_str(text).map_err(|error| format!("cannot read {path}: {error}"))
}

/// The first of these files that exists, read; `None` when none does.
pub(super) fn read_first_json<T: serde::de::DeserializeOwned>(
    files: &SourceFiles,
    paths: &[&str],
) -> Option<Result<T, String>> {
    paths
        .iter()
        .find(|path| files.contains(path))
        .map(|path| read_json(files, path))
}

/// The sub-folders of a folder, in natural order (`add2` before `add10`), as source paths.
pub(super) fn sorted_subfolders(files: &SourceFiles, folder: &str) -> Vec<String> {
    let mut names = files.subfolders(folder);
    names.sort_by_key(|name| natural_key(name));
    names
        .into_iter()
        .map(|name| format!("{folder}/{name}"))
        .collect()
}

/// The last part of a source path.
pub(super) fn file_name(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// Reads one problem folder with its steps and pathways.
pub(super) fn read_problem_folder(
    files: &SourceFiles,
    folder: &str,
) -> Result<ProblemFolder, String> {
    let name = file_name(folder);
    let problem: ProblemFile = read_json(files, &format!("{folder}/{name}.json"))?;
    let mut steps = Vec::new();
    let steps_folder = format!("{folder}/steps");
    for step_folder in sorted_subfolders(files, &steps_folder) {
        let step_name = file_name(&step_folder);
        let step: StepFile = read_json(files, &format!("{step_folder}/{step_name}.json"))?;
        let pathway = format!("{step_folder}/tutoring/{step_name}DefaultPathway.json");
        let tutoring: Vec<TutoringEntry> = if files.contains(&pathway) {
            read_json(files, &pathway)?
        } else {
            Vec::new()
        };
        steps.push((step, tutoring));
    }
    Ok(ProblemFolder {
        folder: folder.to_string(),
        problem,
        steps,
    })
}

/// A sort key that orders runs of digits by their value.
pub(super) fn natural_key(text: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut letters = String::new();
    let mut digits = String::new();
    for character in text.chars() {
        if character.is_ascii_digit() {
            digits.push(character);
        } else {
            if !digits.is_empty() {
                key.push((
                    std::mem::take(&mut letters),
                    digits.parse().unwrap_or(u64::MAX),
                ));
                digits.clear();
            }
            letters.push(character);
        }
    }
    key.push((letters, digits.parse().unwrap_or(0)));
    key
}

fn texts<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let values = Vec::<Value>::deserialize(deserializer)?;
    Ok(values.iter().map(value_as_text).collect())
}

fn optional_texts<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<String>>, D::Error> {
    let values = Option::<Vec<Value>>::deserialize(deserializer)?;
    Ok(values.map(|values| values.iter().map(value_as_text).collect()))
}

fn value_as_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
