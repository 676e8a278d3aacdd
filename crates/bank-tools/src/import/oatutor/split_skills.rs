//! Skill names that OATutor's content tools split at their commas, joined again. The course's
//! skill “Use the distance, rate, and time formula” is three skills in `skillModel.json`
//! (`use_the_distance`, `rate`, `and_time_formula`), in its BKT parameters and in its lessons'
//! learning objectives; imported as they are, the bank would have three skills that always come
//! together, two of them named “Rate” and “And time formula”.
//!
//! A name is joined again only when the split is certain: its last part starts with `and_` or
//! `or_` (the end of a list written with commas), and every part is listed only right before the
//! next one, in every step that lists any of them.

use std::collections::BTreeMap;

use super::bank_parts::readable_skill_name;
use super::note;
use super::source::{BktParameters, Course};
use crate::import::{ImportNote, NoteKind};

/// One skill name found split: its parts in order, and the name joined again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SplitSkillName {
    pub parts: Vec<String>,
    pub joined: String,
}

/// The skill names of a skill model that were split at their commas, each part in one name only.
pub(super) fn find_split_skill_names(
    skill_model: &BTreeMap<String, Vec<String>>,
) -> Vec<SplitSkillName> {
    let lists: Vec<&Vec<String>> = skill_model.values().collect();
    let mut tails: Vec<&str> = lists
        .iter()
        .flat_map(|list| list.iter().map(String::as_str))
        .filter(|skill| is_end_of_a_list(skill))
        .collect();
    tails.sort_unstable();
    tails.dedup();
    let mut found: Vec<SplitSkillName> = tails
        .into_iter()
        .filter_map(|tail| parts_before(&lists, tail))
        .collect();
    // “a, and b, and c” is found from both tails: keep the longest name.
    found.sort_by_key(|name| std::cmp::Reverse(name.parts.len()));
    let mut kept: Vec<SplitSkillName> = Vec::new();
    for name in found {
        let overlaps = kept
            .iter()
            .any(|other| name.parts.iter().any(|part| other.parts.contains(part)));
        if !overlaps {
            kept.push(name);
        }
    }
    kept.sort_by(|a, b| a.joined.cmp(&b.joined));
    kept
}

/// Replaces each split name's parts with the joined name in the skill model, the BKT parameters
/// (when every part has the same ones) and the lessons' learning objectives (when every part is
/// an objective of the lesson with the same threshold), and says so in one note per name.
pub(super) fn join_split_skill_names(
    names: &[SplitSkillName],
    skill_model: &mut BTreeMap<String, Vec<String>>,
    bkt_parameters: &mut BTreeMap<String, BktParameters>,
    courses: &mut [Course],
) -> Vec<ImportNote> {
    let mut notes = Vec::new();
    for name in names {
        for skills in skill_model.values_mut() {
            *skills = joined_list(skills, name);
        }
        let parameters: Vec<Option<&BktParameters>> = name
            .parts
            .iter()
            .map(|part| bkt_parameters.get(part))
            .collect();
        if let [Some(first), rest @ ..] = parameters.as_slice() {
            let first = **first;
            if rest
                .iter()
                .all(|other| other.is_some_and(|o| same(o, &first)))
            {
                for part in &name.parts {
                    bkt_parameters.remove(part);
                }
                bkt_parameters.insert(name.joined.clone(), first);
            }
        }
        for lesson in courses
            .iter_mut()
            .flat_map(|course| course.lessons.iter_mut())
        {
            let thresholds: Vec<Option<f64>> = name
                .parts
                .iter()
                .map(|part| lesson.learning_objectives.get(part).copied())
                .collect();
            if let [Some(first), rest @ ..] = thresholds.as_slice() {
                let first = *first;
                if rest.iter().all(|other| *other == Some(first)) {
                    for part in &name.parts {
                        lesson.learning_objectives.remove(part);
                    }
                    lesson
                        .learning_objectives
                        .insert(name.joined.clone(), first);
                }
            }
        }
        let parts: Vec<String> = name.parts.iter().map(|part| format!("`{part}`")).collect();
        let message = format!(
            "the skills {} always come together, in this order, and the last one ends a list: \
             read as one skill name split at its commas, “{}”",
            parts.join(", "),
            readable_skill_name(&name.joined)
        );
        notes.push(note(NoteKind::Changed, "skillModel.json", message));
    }
    notes
}

/// `and_time_formula`, `or_more`: a part that ends a list written with commas.
fn is_end_of_a_list(skill: &str) -> bool {
    let lower = skill.trim().to_lowercase();
    ["and_", "or_"]
        .iter()
        .any(|start| lower.starts_with(start) && lower.len() > start.len())
}

/// The parts listed right before `tail` in every list that holds it, each listed nowhere else;
/// `None` when there is none.
fn parts_before(lists: &[&Vec<String>], tail: &str) -> Option<SplitSkillName> {
    let holders: Vec<(&Vec<String>, usize)> = lists
        .iter()
        .filter_map(|list| {
            let mut places = list.iter().enumerate().filter(|(_, s)| *s == tail);
            let (place, _) = places.next()?;
            Some((*list, place)).filter(|_| places.next().is_none())
        })
        .collect();
    let mut before: Vec<&str> = Vec::new();
    loop {
        let distance = before.len() + 1;
        let mut candidates = holders.iter().map(|(list, place)| {
            place
                .checked_sub(distance)
                .and_then(|at| list.get(at))
                .map(String::as_str)
        });
        let Some(Some(candidate)) = candidates.next() else {
            break;
        };
        if candidates.any(|other| other != Some(candidate))
            || candidate == tail
            || before.contains(&candidate)
        {
            break;
        }
        let listed_elsewhere = lists.iter().any(|list| {
            list.iter().enumerate().any(|(place, skill)| {
                skill == candidate && list.get(place + distance).map(String::as_str) != Some(tail)
            })
        });
        if listed_elsewhere {
            break;
        }
        before.push(candidate);
    }
    if before.is_empty() || holders.is_empty() {
        return None;
    }
    let parts: Vec<String> = before
        .iter()
        .rev()
        .copied()
        .chain([tail])
        .map(str::to_string)
        .collect();
    let joined = parts.join(",_");
    Some(SplitSkillName { parts, joined })
}

fn joined_list(skills: &[String], name: &SplitSkillName) -> Vec<String> {
    let mut joined = Vec::with_capacity(skills.len());
    let mut at = 0;
    while at < skills.len() {
        if skills[at..].starts_with(&name.parts) {
            joined.push(name.joined.clone());
            at += name.parts.len();
        } else {
            joined.push(skills[at].clone());
            at += 1;
        }
    }
    joined
}

fn same(a: &BktParameters, b: &BktParameters) -> bool {
    a.prob_mastery == b.prob_mastery
        && a.prob_transit == b.prob_transit
        && a.prob_slip == b.prob_slip
        && a.prob_guess == b.prob_guess
}
