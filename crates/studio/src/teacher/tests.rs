//! The teacher page applies the engine's rules to report files: its copy must agree.

use adaptive_practice_engine::SkillState;

#[test]
fn the_teacher_page_counts_as_mastered_what_the_engine_does() {
    let page = include_str!("../../../../www/teacher.js");
    let line = page
        .lines()
        .find(|line| line.starts_with("const countsAsMastered"))
        .unwrap_or_default();
    let states = [
        SkillState::NotStarted,
        SkillState::Learning,
        SkillState::Mastered,
        SkillState::DueForReview,
    ];
    for state in states {
        let name = serde_json::to_value(state).unwrap_or_default();
        let quoted = format!("'{}'", name.as_str().unwrap_or_default());
        assert_eq!(
            line.contains(&quoted),
            state.counts_as_mastered(),
            "{quoted} in {line:?}"
        );
    }
}
