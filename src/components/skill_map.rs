//! The skill map: skills as boxes coloured by state, with a line from each prerequisite. A
//! picture for sighted learners; the progress list below is the same map for screen readers (the
//! drawings are hidden from them).
//!
//! Two drawings of the same map, and the stylesheet shows the one that fits (a container query on
//! the scroller, keyed by the number of columns): *wide*, one column per prerequisite depth, and
//! *narrow* (phones), one skill per row in tree order, indented by depth. A map that fits neither
//! scrolls sideways in a scroller that the keyboard can reach and that carries the section's name.

use adaptive_practice_engine::{IndexedBank, LearnerModel, SkillState, Timestamp};
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VList, VTag};

/// What the map draws: the skill list's bank, model and moment, borrowed.
pub struct SkillMapProps<'a> {
    pub bank: &'a IndexedBank,
    pub model: &'a LearnerModel,
    pub now: Timestamp,
}

/// Room for two lines of a 13 px label.
const BOX_HEIGHT: usize = 44;
const LINE_HEIGHT: usize = 15;
const WIDE_BOX_WIDTH: usize = 150;
const WIDE_COLUMN_GAP: usize = 40;
const WIDE_ROW_GAP: usize = 14;
/// Characters on one line of a label (13 px text in a box this wide, with a little padding).
const WIDE_LABEL_CHARACTERS: usize = 19;
const NARROW_BOX_WIDTH: usize = 214;
const NARROW_INDENT: usize = 14;
const NARROW_ROW_GAP: usize = 8;
const NARROW_LABEL_CHARACTERS: usize = 26;
/// The stylesheet has a rule for maps of up to this many columns; deeper ones are always narrow.
const MOST_COLUMNS_STYLED: usize = 6;
/// Beyond this many skills a map is no longer readable (and costs start-up time): the list alone.
const MOST_SKILLS_DRAWN: usize = 40;
/// Room for the boxes' strokes around the drawing.
const MARGIN: usize = 2;

/// The map, drawn as part of the skill list each time the list is (a plain function rather than
/// a component of its own: the list's own props change whenever the map's would).
pub fn skill_map(props: &SkillMapProps<'_>) -> Html {
    let bank = &props.bank;
    let skill_count = bank.skills().len();
    if skill_count > MOST_SKILLS_DRAWN || skill_count == 0 {
        return html! {};
    }
    // Plain loops here and below: each iterator chain is compiled on its own into the wasm.
    let mut depth = Vec::with_capacity(skill_count);
    let mut nodes = Vec::with_capacity(skill_count);
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (s, skill) in bank.skills().iter().enumerate() {
        depth.push(bank.prerequisite_depth(s));
        nodes.push(Node {
            id: &skill.id,
            name: &skill.name,
            state: state_class(props, s),
        });
        for prerequisite in &skill.prerequisites {
            if let Some(p) = bank.skill_position(prerequisite) {
                edges.push((p, s));
            }
        }
    }
    let columns = largest(&depth) + 1;
    // Set as the `className` property (`~className`), not through Yew's `Classes` (skill_list.rs).
    let size_class = if columns <= MOST_COLUMNS_STYLED {
        format!("ap-map-columns-{columns}")
    } else {
        "ap-map-columns-many".to_string()
    };
    html! {
        // Focusable so that a map wider than the card can be scrolled with the arrow keys; named
        // by the section's heading.
        <div ~className={format!("ap-map-scroll {size_class}")} tabindex="0" role="region"
            aria-labelledby="ap-progress-title">
            { wide_map(&depth, &nodes, &edges) }
            { narrow_map(&depth, &nodes, &edges) }
        </div>
    }
}

/// The largest of `values`, 0 for none.
fn largest(values: &[usize]) -> usize {
    let mut most = 0;
    for &value in values {
        most = most.max(value);
    }
    most
}

fn state_class(props: &SkillMapProps<'_>, skill: usize) -> SkillState {
    props
        .model
        .skill_mastery(props.bank, skill, props.now)
        .state
}

/// A skill's name on at most two lines of at most `characters` characters, broken between words
/// where it can; what does not fit ends with "…".
fn label_lines(name: &str, characters: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = name.split_whitespace();
    while let Some(word) = words.next() {
        let joined =
            current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
        if joined <= characters {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        current.push_str(word);
        if lines.len() == 1 {
            // The last line takes the rest; it is shortened below if too long.
            for rest in words.by_ref() {
                current.push(' ');
                current.push_str(rest);
            }
        }
    }
    lines.push(current);
    lines.truncate(2);
    for line in &mut lines {
        if let Some((cut, _)) = line.char_indices().nth(characters) {
            // Longer than `characters`: the first `characters - 1` and "…".
            let keep = line[..cut].char_indices().last().map_or(0, |(at, _)| at);
            line.truncate(keep);
            line.push('…');
        }
    }
    lines
}

/// One column per prerequisite depth, skills stacked in each column in bank order.
fn wide_map(depth: &[usize], nodes: &[Node], edges: &[(usize, usize)]) -> Html {
    let mut row = vec![0usize; depth.len()];
    let mut rows_in_column = vec![0usize; largest(depth) + 1];
    for (s, &d) in depth.iter().enumerate() {
        row[s] = rows_in_column[d];
        rows_in_column[d] += 1;
    }
    let position = |s: usize| {
        (
            depth[s] * (WIDE_BOX_WIDTH + WIDE_COLUMN_GAP),
            row[s] * (BOX_HEIGHT + WIDE_ROW_GAP),
        )
    };
    let width = rows_in_column.len() * (WIDE_BOX_WIDTH + WIDE_COLUMN_GAP) - WIDE_COLUMN_GAP;
    let height = largest(&rows_in_column) * (BOX_HEIGHT + WIDE_ROW_GAP) - WIDE_ROW_GAP;
    let mut parts = Vec::with_capacity(edges.len() + nodes.len());
    for &(from, to) in edges {
        let (x1, y1) = position(from);
        let (x2, y2) = position(to);
        let points = format!(
            "{},{} {},{}",
            x1 + WIDE_BOX_WIDTH,
            y1 + BOX_HEIGHT / 2,
            x2,
            y2 + BOX_HEIGHT / 2
        );
        parts.push(html! { <polyline class="ap-map-line" points={points} /> });
    }
    for (s, node) in nodes.iter().enumerate() {
        let (x, y) = position(s);
        parts.push(node.draw(x, y, WIDE_BOX_WIDTH, WIDE_LABEL_CHARACTERS));
    }
    drawing(true, width, height, parts)
}

/// One skill per row, in tree order (each skill right under the deepest of its prerequisites'
/// subtrees), indented by depth; the line from that prerequisite runs down the indent.
fn narrow_map(depth: &[usize], nodes: &[Node], edges: &[(usize, usize)]) -> Html {
    // Each skill's parent in the tree: its first prerequisite one level up.
    let mut parent: Vec<Option<usize>> = vec![None; depth.len()];
    for &(p, child) in edges {
        if parent[child].is_none() && depth[p] + 1 == depth[child] {
            parent[child] = Some(p);
        }
    }
    let mut order = Vec::with_capacity(depth.len());
    let mut stack: Vec<usize> = Vec::new();
    for s in (0..depth.len()).rev() {
        if parent[s].is_none() {
            stack.push(s);
        }
    }
    while let Some(s) = stack.pop() {
        if order.contains(&s) {
            continue;
        }
        order.push(s);
        for c in (0..depth.len()).rev() {
            if parent[c] == Some(s) {
                stack.push(c);
            }
        }
    }
    let mut row = vec![0usize; depth.len()];
    for (r, &s) in order.iter().enumerate() {
        row[s] = r;
    }
    let position = |s: usize| {
        (
            depth[s] * NARROW_INDENT,
            row[s] * (BOX_HEIGHT + NARROW_ROW_GAP),
        )
    };
    let width = NARROW_BOX_WIDTH + largest(depth) * NARROW_INDENT;
    let height = order.len() * (BOX_HEIGHT + NARROW_ROW_GAP) - NARROW_ROW_GAP;
    let mut parts = Vec::with_capacity(edges.len() + nodes.len());
    for &(from, to) in edges {
        let (x1, y1) = position(from);
        let (x2, y2) = position(to);
        let x = x1 + NARROW_INDENT / 2;
        let points = format!(
            "{x},{} {x},{} {x2},{}",
            y1 + BOX_HEIGHT,
            y2 + BOX_HEIGHT / 2,
            y2 + BOX_HEIGHT / 2
        );
        parts.push(html! { <polyline class="ap-map-line" points={points} /> });
    }
    for (s, node) in nodes.iter().enumerate() {
        let (x, y) = position(s);
        parts.push(node.draw(x, y, width - x, NARROW_LABEL_CHARACTERS));
    }
    drawing(false, width, height, parts)
}

/// One skill as the drawings show it.
struct Node<'a> {
    id: &'a str,
    name: &'a str,
    state: SkillState,
}

impl Node<'_> {
    fn draw(&self, x: usize, y: usize, width: usize, label_characters: usize) -> Html {
        let lines = label_lines(self.name, label_characters);
        let centre = (x + width / 2).to_string();
        // Baselines: one line in the middle of the box, two around it.
        let first_baseline = y + BOX_HEIGHT / 2 + 5 - (lines.len() - 1) * LINE_HEIGHT / 2;
        let mut spans = Vec::with_capacity(lines.len());
        for (line, words) in lines.into_iter().enumerate() {
            spans.push(html! {
                <tspan x={centre.clone()} y={(first_baseline + line * LINE_HEIGHT).to_string()}>{ words }</tspan>
            });
        }
        let body = html! {
            <>
                <rect x={x.to_string()} y={y.to_string()} width={width.to_string()} height={BOX_HEIGHT.to_string()} rx="8" />
                <text text-anchor="middle">{ VList::with_children(spans, None) }</text>
            </>
        };
        // The class as an attribute of the node: `class={…}` in `html!` goes through Yew's
        // `Classes` (an ordered set, compiled in for it alone), and an SVG element has no
        // `className` to set as the HTML elements' `~className` does; one `<g>` per state was
        // four elements compiled.
        let class = match self.state {
            SkillState::NotStarted => "ap-map-node ap-map-not-started",
            SkillState::Learning => "ap-map-node ap-map-learning",
            SkillState::Mastered => "ap-map-node ap-map-mastered",
            SkillState::DueForReview => "ap-map-node ap-map-review",
        };
        let mut group = VTag::new("g");
        group.set_attributes(Attributes::Dynamic {
            // In the order `html!` sets them: the class last.
            keys: &["data-skill", "class"],
            values: Box::new([
                Some(AttributeOrProperty::Attribute(self.id.to_string().into())),
                Some(AttributeOrProperty::Attribute(class.into())),
            ]),
        });
        group.add_child(body);
        group.into()
    }
}

/// The wide drawing or the narrow one, by `wide`: its class written out for each, as a node's.
fn drawing(wide: bool, width: usize, height: usize, parts: Vec<Html>) -> Html {
    let (outer_width, outer_height) = (width + 2 * MARGIN, height + 2 * MARGIN);
    let view_box = format!("-{MARGIN} -{MARGIN} {outer_width} {outer_height}");
    let (width, height) = (outer_width.to_string(), outer_height.to_string());
    let parts = VList::with_children(parts, None);
    if wide {
        html! {
            <svg class="ap-skill-map ap-map-wide" aria-hidden="true" focusable="false"
                viewBox={view_box} {width} {height}>{ parts }</svg>
        }
    } else {
        html! {
            <svg class="ap-skill-map ap-map-narrow" aria-hidden="true" focusable="false"
                viewBox={view_box} {width} {height}>{ parts }</svg>
        }
    }
}
