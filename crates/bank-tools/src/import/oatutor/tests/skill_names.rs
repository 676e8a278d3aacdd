//! Skill names that OATutor's content tools split at their commas are joined again, and only
//! when the split is certain: a made-up course with one split name, one look-alike that is not
//! split (its parts are also listed alone) and one skill whose name starts with “and”.

use expect_test::expect;

use super::super::split_skills::find_split_skill_names;
use super::import_made_up;
use crate::import::NoteKind;

const COURSE: &[(&str, &str)] = &[
    (
        "skillModel.json",
        r#"{
        "d1a": ["use_the_speed", "time", "and_distance_formula"],
        "d2a": ["use_the_speed", "time", "and_distance_formula"],
        "m1a": ["mix_colours", "and_shapes"], "m2a": ["and_shapes"],
        "s1a": ["add_whole_numbers", "and_subtract_them"], "s2a": ["add_whole_numbers"]
        }"#,
    ),
    (
        "defaultBKTParams.json",
        r#"{ "use_the_speed": { "probMastery": 0.1, "probTransit": 0.2, "probSlip": 0.1, "probGuess": 0.2 },
             "time": { "probMastery": 0.1, "probTransit": 0.2, "probSlip": 0.1, "probGuess": 0.2 },
             "and_distance_formula": { "probMastery": 0.1, "probTransit": 0.2, "probSlip": 0.1, "probGuess": 0.2 } }"#,
    ),
    (
        "coursePlans.json",
        r#"[ { "courseName": "Made Up", "lessons": [ { "id": "L1", "name": "Lesson 1", "topics": "Speed",
             "learningObjectives": { "use_the_speed": 0.8, "time": 0.8, "and_distance_formula": 0.8 } } ] } ]"#,
    ),
    (
        "content-pool/d1/d1.json",
        r#"{ "id": "d1", "title": "Speed" }"#,
    ),
    (
        "content-pool/d1/steps/d1a/d1a.json",
        r#"{ "id": "d1a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["3"], "stepTitle": "6 km in 2 h: km/h?" }"#,
    ),
    (
        "content-pool/d2/d2.json",
        r#"{ "id": "d2", "title": "Time" }"#,
    ),
    (
        "content-pool/d2/steps/d2a/d2a.json",
        r#"{ "id": "d2a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["2"], "stepTitle": "6 km at 3 km/h: hours?" }"#,
    ),
    (
        "content-pool/m1/m1.json",
        r#"{ "id": "m1", "title": "Mix" }"#,
    ),
    (
        "content-pool/m1/steps/m1a/m1a.json",
        r#"{ "id": "m1a", "problemType": "TextBox", "answerType": "string", "stepAnswer": ["green"], "stepTitle": "Blue and yellow?" }"#,
    ),
    (
        "content-pool/m2/m2.json",
        r#"{ "id": "m2", "title": "Shapes" }"#,
    ),
    (
        "content-pool/m2/steps/m2a/m2a.json",
        r#"{ "id": "m2a", "problemType": "TextBox", "answerType": "string", "stepAnswer": ["square"], "stepTitle": "Four equal sides?" }"#,
    ),
    (
        "content-pool/s1/s1.json",
        r#"{ "id": "s1", "title": "Add" }"#,
    ),
    (
        "content-pool/s1/steps/s1a/s1a.json",
        r#"{ "id": "s1a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["1"], "stepTitle": "3 + 2 - 4" }"#,
    ),
    (
        "content-pool/s2/s2.json",
        r#"{ "id": "s2", "title": "Add again" }"#,
    ),
    (
        "content-pool/s2/steps/s2a/s2a.json",
        r#"{ "id": "s2a", "problemType": "TextBox", "answerType": "arithmetic", "stepAnswer": ["5"], "stepTitle": "3 + 2" }"#,
    ),
];

#[test]
fn a_skill_name_split_at_its_commas_is_one_skill() {
    let imported = import_made_up("oatutor-skill-names", COURSE);
    let notes: Vec<String> = imported
        .notes
        .iter()
        .filter(|note| note.kind != NoteKind::Decision)
        .map(ToString::to_string)
        .collect();
    expect![[r#"
        changed: skillModel.json: the skills `use_the_speed`, `time`, `and_distance_formula` always come together, in this order, and the last one ends a list: read as one skill name split at its commas, “Use the speed, time, and distance formula”
    "#]]
    .assert_eq(&(notes.join("\n") + "\n"));
    let skills: Vec<String> = imported
        .bank
        .skills
        .iter()
        .map(|skill| {
            let description = skill.description.as_deref().unwrap_or_default();
            format!("{} | {} | {description}", skill.id, skill.name)
        })
        .collect();
    expect![[r#"
        use-the-speed-time-and-distance-formula | Use the speed, time, and distance formula | OATutor skills `use_the_speed`, `time`, `and_distance_formula` (one name split at its commas), a learning objective of Lesson 1 (Speed).
        mix-colours | Mix colours | OATutor skill `mix_colours`.
        and-shapes | And shapes | OATutor skill `and_shapes`.
        add-whole-numbers | Add whole numbers | OATutor skill `add_whole_numbers`.
        and-subtract-them | And subtract them | OATutor skill `and_subtract_them`.
    "#]]
    .assert_eq(&(skills.join("\n") + "\n"));
    let item_skills: Vec<String> = imported
        .bank
        .items
        .iter()
        .map(|item| format!("{}: {}", item.id, item.skills.join(" ")))
        .collect();
    expect![[r#"
        d1: use-the-speed-time-and-distance-formula
        d2: use-the-speed-time-and-distance-formula
        m1: mix-colours and-shapes
        m2: and-shapes
        s1: add-whole-numbers and-subtract-them
        s2: add-whole-numbers
    "#]]
    .assert_eq(&(item_skills.join("\n") + "\n"));
}

#[test]
fn only_parts_always_listed_together_before_an_and_are_one_name() {
    let joined = |model: &[(&str, &[&str])]| -> Vec<String> {
        let model: std::collections::BTreeMap<String, Vec<String>> = model
            .iter()
            .map(|(step, skills)| {
                let skills = skills.iter().map(|skill| skill.to_string()).collect();
                (step.to_string(), skills)
            })
            .collect();
        find_split_skill_names(&model)
            .into_iter()
            .map(|name| name.joined)
            .collect()
    };
    // “Read, write, and count” and a skill listed before it that is also listed alone.
    assert_eq!(
        joined(&[
            ("a", &["order", "read", "write", "and_count"]),
            ("b", &["order"]),
            ("c", &["read", "write", "and_count"]),
        ]),
        ["read,_write,_and_count"]
    );
    // Two list ends in one name: the longest name wins, once.
    assert_eq!(
        joined(&[("a", &["sort", "and_group", "or_count"])]),
        ["sort,_and_group,_or_count"]
    );
    // A part listed after another name, or in another order, is no split name.
    assert!(joined(&[
        ("a", &["read", "and_count"]),
        ("b", &["write", "and_count"])
    ])
    .is_empty());
    assert!(joined(&[("a", &["and_count"])]).is_empty());
    assert!(joined(&[("a", &["read", "or_"])]).is_empty());
}
