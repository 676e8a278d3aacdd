//! The learner's goal (master N skills, tracked as they practise) and calm mode (scores hidden).
//! Both are the learner's preferences, kept on the device beside the progress.

use adaptive_practice_engine::preferences::{load_preferences, save_preferences, Preferences};
use adaptive_practice_engine::{IndexedBank, LearnerModel, SkillMastery, SkillState, Timestamp};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew::virtual_dom::VList;

use crate::i18n::{fill, Words};
use crate::storage;

/// The preferences stored under `key` (defaults when absent or unreadable).
pub fn load_stored_preferences(key: &str) -> Preferences {
    storage::read(key)
        .ok()
        .flatten()
        .and_then(|text| load_preferences(&text))
        .unwrap_or_default()
}

/// Stores them; a failure is not worth a message (the practice itself is saved elsewhere).
pub fn store_preferences(key: &str, preferences: &Preferences) {
    let _ = storage::write(key, &save_preferences(preferences));
}

/// What the panel shows, borrowed from the practice screen.
pub struct GoalPanelProps<'a> {
    pub bank: &'a IndexedBank,
    pub model: &'a LearnerModel,
    pub now: Timestamp,
    pub preferences: &'a Preferences,
    pub on_change: &'a Callback<Preferences>,
    pub words: &'static Words,
}

/// The panel, drawn as part of the practice screen each time it is (a plain function rather than
/// a component of its own: its `now` changed at every render of the screen, so it rendered then).
pub fn goal_panel(props: &GoalPanelProps<'_>) -> Html {
    let words = props.words;
    let skills = props.bank.skills().len() as u32;
    // The skills mastered, and the one not mastered nearest to it as the skill list shows them (a
    // skill not started at 0; the first in the bank's order of those as near): the goal counts any
    // skills, and this one is named as the next.
    let mut mastered = 0;
    let mut nearest: Option<(f64, &SkillMastery)> = None;
    let masteries = props.model.skill_masteries(props.bank, props.now);
    for mastery in &masteries {
        let shown = if mastery.state == SkillState::NotStarted {
            0.0
        } else {
            mastery.mastery
        };
        if mastery.state.counts_as_mastered() {
            mastered += 1;
        } else if nearest.is_none_or(|(near, _)| shown > near) {
            nearest = Some((shown, mastery));
        }
    }
    // One listener for both controls, on the panel (`change` bubbles): the goal's list or the
    // calm mode's box changed (one closure in the wasm, not one per control).
    let onchange = {
        let preferences = props.preferences.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let mut changed = preferences.clone();
            match event.target_dyn_into::<HtmlSelectElement>() {
                Some(select) => changed.goal_skills = select.value().parse().ok(),
                None => changed.calm = event.target_unchecked_into::<HtmlInputElement>().checked(),
            }
            on_change.emit(changed);
        })
    };
    let goal = props.preferences.goal_skills.map(|g| g.min(skills));
    // In a plain loop: a `for` over a `map` in html! is compiled for each closure.
    let mut options = Vec::new();
    for count in 1..=skills {
        options.push(html! {
            <option value={count.to_string()} selected={goal == Some(count)}>
                { fill(words.goal_skills_option(), &[("count", &count.to_string())]) }
            </option>
        });
    }
    html! {
        <section class="ap-goal" aria-label={words.goal_title()} {onchange}>
            <label class="ap-goal-choice">
                { words.goal_choose() }{ " " }
                <select class="ap-select ap-goal-select">
                    <option value="" selected={goal.is_none()}>{ words.goal_none() }</option>
                    { VList::with_children(options, None) }
                </select>
            </label>
            if let Some(goal) = goal {
                <p class="ap-goal-progress" role="status">
                    { fill(words.goal_progress(), &[("mastered", &mastered.min(goal).to_string()), ("goal", &goal.to_string())]) }
                    if mastered >= goal { { " " }<strong>{ words.goal_reached() }</strong> }
                </p>
                <progress class="ap-meter ap-goal-meter" max={goal.to_string()} value={mastered.min(goal).to_string()}
                    aria-label={words.goal_title()} />
                if let Some((_, nearest)) = nearest.filter(|_| mastered < goal) {
                    <p class="ap-hint ap-goal-nearest">{ fill(words.goal_nearest(), &[("skill", props.bank.skill_name(&nearest.skill_id))]) }</p>
                }
            }
            <label class="ap-calm">
                <input type="checkbox" checked={props.preferences.calm} />
                { " " }{ words.calm_mode() }
            </label>
        </section>
    }
}
