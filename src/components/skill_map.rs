//! The skill map: skills as boxes in columns by prerequisite depth, lines from each prerequisite,
//! coloured by state. A picture for sighted learners; the progress list below is the same map
//! for screen readers (the SVG is hidden from them).

use std::rc::Rc;

use adaptive_practice_engine::{IndexedBank, LearnerModel, SkillState, Timestamp};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SkillMapProps {
    pub bank: Rc<IndexedBank>,
    pub model: LearnerModel,
    pub now: Timestamp,
}

const BOX_WIDTH: usize = 150;
const BOX_HEIGHT: usize = 40;
const COLUMN_GAP: usize = 40;
const ROW_GAP: usize = 14;
/// Beyond this many skills a map is no longer readable (and costs start-up time): the list alone.
const MOST_SKILLS_DRAWN: usize = 40;

fn short(name: &str) -> String {
    if name.chars().count() <= 20 {
        name.to_string()
    } else {
        name.chars().take(19).collect::<String>() + "…"
    }
}

#[component]
pub fn SkillMap(props: &SkillMapProps) -> Html {
    let bank = &props.bank;
    if bank.bank.skills.len() > MOST_SKILLS_DRAWN {
        return html! {};
    }
    let depth: Vec<usize> = (0..bank.bank.skills.len())
        .map(|s| bank.prerequisite_depth(s))
        .collect();
    let mut row = vec![0usize; bank.bank.skills.len()];
    let mut rows_in_column = vec![0usize; depth.iter().max().map_or(1, |d| d + 1)];
    for (s, &d) in depth.iter().enumerate() {
        row[s] = rows_in_column[d];
        rows_in_column[d] += 1;
    }
    let position = |s: usize| {
        (
            depth[s] * (BOX_WIDTH + COLUMN_GAP),
            row[s] * (BOX_HEIGHT + ROW_GAP),
        )
    };
    let width = rows_in_column.len() * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP;
    let height =
        rows_in_column.iter().max().copied().unwrap_or(1) * (BOX_HEIGHT + ROW_GAP) - ROW_GAP;
    let lines = bank.bank.skills.iter().enumerate().flat_map(|(s, skill)| {
        skill
            .prerequisites
            .iter()
            .filter_map(|p| bank.skill_position(p))
            .map(move |p| (p, s))
            .collect::<Vec<_>>()
    });
    html! {
        // At its natural size (readable on a phone too): a wide map scrolls sideways.
        <div class="ap-map-scroll" aria-hidden="true">
        <svg class="ap-skill-map" viewBox={format!("-2 -2 {} {}", width + 4, height + 4)}
            width={(width + 4).to_string()} height={(height + 4).to_string()} focusable="false">
            { for lines.map(|(from, to)| {
                let (x1, y1) = position(from);
                let (x2, y2) = position(to);
                html! { <line class="ap-map-line" x1={(x1 + BOX_WIDTH).to_string()} y1={(y1 + BOX_HEIGHT / 2).to_string()}
                    x2={x2.to_string()} y2={(y2 + BOX_HEIGHT / 2).to_string()} /> }
            }) }
            { for bank.bank.skills.iter().enumerate().map(|(s, skill)| {
                let (x, y) = position(s);
                let state = match props.model.skill_mastery(bank, s, props.now).state {
                    SkillState::NotStarted => "ap-map-not-started",
                    SkillState::Learning => "ap-map-learning",
                    SkillState::Mastered => "ap-map-mastered",
                    SkillState::DueForReview => "ap-map-review",
                };
                html! {
                    <g class={classes!("ap-map-node", state)} data-skill={skill.id.clone()}>
                        <rect x={x.to_string()} y={y.to_string()} width={BOX_WIDTH.to_string()} height={BOX_HEIGHT.to_string()} rx="8" />
                        <text x={(x + BOX_WIDTH / 2).to_string()} y={(y + BOX_HEIGHT / 2 + 5).to_string()} text-anchor="middle">{ short(&skill.name) }</text>
                    </g>
                }
            }) }
        </svg>
        </div>
    }
}
