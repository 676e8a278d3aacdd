//! The learner's progress: every skill with its state and mastery estimate.

use adaptive_practice_engine::{IndexedBank, LearnerModel, SkillState, Timestamp};
use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::components::skill_map::{skill_map, SkillMapProps};
use crate::i18n::{fill, Words};

/// What the list shows, borrowed from the practice screen.
pub struct SkillListProps<'a> {
    pub bank: &'a IndexedBank,
    pub model: &'a LearnerModel,
    pub now: Timestamp,
    /// The skill the learner chose, if any.
    pub focus: &'a Option<String>,
    /// Calm mode: no percentages.
    pub calm: bool,
    pub words: &'static Words,
}

/// The row's class, set as the `className` property (`~className` below): `class={…}` goes
/// through Yew's `Classes`, an ordered set compiled in for it alone.
fn state_class(state: SkillState) -> &'static str {
    match state {
        SkillState::NotStarted => "ap-skill ap-state-not-started",
        SkillState::Learning => "ap-skill ap-state-learning",
        SkillState::Mastered => "ap-skill ap-state-mastered",
        SkillState::DueForReview => "ap-skill ap-state-review",
    }
}

/// The list, drawn as part of the practice screen each time it is (a plain function rather than a
/// component of its own: its `now` changed at every render of the screen, so it rendered then).
pub fn skill_list(props: &SkillListProps<'_>) -> Html {
    let words = props.words;
    let bank = &props.bank;
    let masteries = props.model.skill_masteries(bank, props.now);
    let settings = bank.settings();
    let threshold = (settings.mastery_threshold * 100.0).round() as u32;
    // A skill shown at the mastery level or above and still "Learning": what mastery needs is said.
    let mut learning_above = false;
    let mut rows = Vec::new();
    for (position, (skill, mastery)) in bank.skills().iter().zip(masteries).enumerate() {
        let started = mastery.state != SkillState::NotStarted;
        let percent = if started {
            (mastery.mastery * 100.0).round() as u32
        } else {
            0
        };
        learning_above |= mastery.state == SkillState::Learning && percent >= threshold;
        let shown = if started {
            words.percentage(mastery.mastery)
        } else {
            "–".to_string()
        };
        rows.push(html! {
            <li ~className={state_class(mastery.state)} data-skill={skill.id.clone()}>
                <span class="ap-skill-name">{ &skill.name }</span>
                <span class="ap-badge">{ words.state(mastery.state) }</span>
                <progress class="ap-meter" max="100" value={percent.to_string()}
                    aria-label={fill(words.mastery_label(), &[("skill", &skill.name)])} />
                <span class="ap-skill-mastery" hidden={props.calm}>{ shown }</span>
                if props.focus.as_deref() != Some(skill.id.as_str()) {
                    <button type="button" class="ap-choose" aria-label={fill(words.practise_label(), &[("skill", &skill.name)])}
                        title={(!props.model.is_unlocked(bank, position)).then(|| needs_first(bank, &skill.prerequisites, words))} data-do="choose">
                        { words.practise() }
                    </button>
                }
            </li>
        });
    }
    html! {
        <section class="ap-skills" aria-labelledby="ap-progress-title">
            <h3 class="ap-skills-title" id="ap-progress-title">{ words.progress_title() }</h3>
            { skill_map(&SkillMapProps { bank: props.bank, model: props.model, now: props.now }) }
            if let Some(focus) = props.focus {
                <p class="ap-focus">
                    { fill(words.practising_chosen(), &[("skill", bank.skill_position(focus).map_or(focus.as_str(), |i| bank.skills()[i].name.as_str()))]) }
                    { " " }
                    <button type="button" class="ap-button ap-button-quiet ap-let-choose" data-do="choose">
                        { words.let_widget_choose() }
                    </button>
                </p>
            }
            <ul class="ap-skill-list">
                { VList::with_children(rows, None) }
            </ul>
            if learning_above {
                <p class="ap-hint ap-mastery-needs">
                    { fill(words.mastery_needs(), &[("answers", &settings.min_evidence.to_string()), ("percent", &words.percentage(settings.mastery_threshold))]) }
                </p>
            }
        </section>
    }
}

/// The title of a skill not yet unlocked: the prerequisites to practise first, by name, in one
/// loop (a `filter_map`, `collect` and `join` was compiled for this alone).
fn needs_first(bank: &IndexedBank, prerequisites: &[String], words: &Words) -> String {
    let mut needs = String::new();
    let mut first = true;
    for prerequisite in prerequisites {
        if let Some(position) = bank.skill_position(prerequisite) {
            if !first {
                needs.push_str(", ");
            }
            first = false;
            needs.push_str(&bank.skills()[position].name);
        }
    }
    fill(words.needs_first(), &[("skills", &needs)])
}
