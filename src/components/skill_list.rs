//! The learner's progress: every skill with its state and mastery estimate.

use std::rc::Rc;

use adaptive_practice_engine::{IndexedBank, LearnerModel, SkillState, Timestamp};
use yew::prelude::*;

use crate::i18n::{fill, use_text};

#[derive(Properties, PartialEq)]
pub struct SkillListProps {
    pub bank: Rc<IndexedBank>,
    pub model: LearnerModel,
    pub now: Timestamp,
}

fn state_class(state: SkillState) -> &'static str {
    match state {
        SkillState::NotStarted => "ap-state-not-started",
        SkillState::Learning => "ap-state-learning",
        SkillState::Mastered => "ap-state-mastered",
        SkillState::DueForReview => "ap-state-review",
    }
}

#[component]
pub fn SkillList(props: &SkillListProps) -> Html {
    let text = use_text();
    let bank = &props.bank;
    html! {
        <section class="ap-skills" aria-labelledby="ap-progress-title">
            <h3 class="ap-skills-title" id="ap-progress-title">{ text.progress_title }</h3>
            <ul class="ap-skill-list">
                { for bank.bank.skills.iter().enumerate().map(|(position, skill)| {
                    let mastery = props.model.skill_mastery(bank, position, props.now);
                    let started = mastery.state != SkillState::NotStarted;
                    let percent = if started { (mastery.mastery * 100.0).round() as u32 } else { 0 };
                    let shown = if started { text.percent(mastery.mastery) } else { "–".to_string() };
                    html! {
                        <li class={classes!("ap-skill", state_class(mastery.state))} data-skill={skill.id.clone()}>
                            <span class="ap-skill-name">{ &skill.name }</span>
                            <span class="ap-badge">{ text.state(mastery.state) }</span>
                            <progress class="ap-meter" max="100" value={percent.to_string()}
                                aria-label={fill(text.mastery_label, &[("skill", &skill.name)])} />
                            <span class="ap-skill-mastery">{ shown }</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
