//! A bank with the look-up tables that item choice and the learner model need, built once.

use crate::bank::{Bank, BankSettings, Item, Skill};
use crate::bank_calibration::PositionedCalibration;
use crate::sorted_map::{IdPositions, SortedMap};

/// A checked bank plus indexes: which items practise each skill, a skill's reference
/// difficulty, skills in prerequisite order.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedBank {
    /// The bank itself, read through the accessors (`skills()`, `items()`, `id()`, `bank()`).
    bank: Bank,
    skill_positions: IdPositions,
    item_positions: IdPositions,
    items_of_skill: Vec<Vec<usize>>,
    skills_of_item: Vec<Vec<usize>>,
    reference_difficulty: Vec<f64>,
    prerequisite_depth: Vec<usize>,
    prerequisites_of: Vec<Vec<usize>>,
    dependents_of: Vec<Vec<usize>>,
    /// The learner model's parameters: the bank's calibration block, or the shipped defaults.
    calibration: PositionedCalibration,
    has_calibration_block: bool,
}

impl IndexedBank {
    /// The bank's skills, in bank order (a skill's position is its index here).
    pub fn skills(&self) -> &[Skill] {
        &self.bank.skills
    }

    /// The bank's items, in bank order (an item's position is its index here).
    pub fn items(&self) -> &[Item] {
        &self.bank.items
    }

    pub fn id(&self) -> &str {
        &self.bank.id
    }

    pub fn version(&self) -> &str {
        &self.bank.version
    }

    pub fn title(&self) -> &str {
        &self.bank.title
    }

    pub fn language(&self) -> Option<&str> {
        self.bank.language.as_deref()
    }

    pub fn settings(&self) -> &BankSettings {
        &self.bank.settings
    }

    /// The whole bank, for what reads it as one (the language rules of answers, saving it).
    pub fn bank(&self) -> &Bank {
        &self.bank
    }

    /// The name of the skill `skill_id`, or the id itself when the bank has no such skill.
    pub fn skill_name<'a>(&'a self, skill_id: &'a str) -> &'a str {
        self.skill_position(skill_id)
            .map_or(skill_id, |s| self.bank.skills[s].name.as_str())
    }

    /// Indexes a bank that `load_bank` accepted (references are known to resolve).
    pub fn new(bank: Bank) -> IndexedBank {
        let skill_positions = positions_of_skills(&bank);
        let item_positions = positions_of_items(&bank);
        let mut items_of_skill = vec![Vec::new(); bank.skills.len()];
        let mut skills_of_item = Vec::with_capacity(bank.items.len());
        for (item_position, item) in bank.items.iter().enumerate() {
            let mut positions = Vec::with_capacity(item.skills.len());
            for skill in &item.skills {
                if let Some(s) = skill_positions.last(skill) {
                    items_of_skill[s].push(item_position);
                    positions.push(s);
                }
            }
            skills_of_item.push(positions);
        }
        // Loops, not `map`, `sum` and `collect`: each such chain is compiled on its own.
        let mut reference_difficulty = Vec::with_capacity(items_of_skill.len());
        for items in &items_of_skill {
            if items.is_empty() {
                reference_difficulty.push(0.0);
            } else {
                let mut sum = -0.0; // std's `sum` of f64 starts from -0.0
                for &i in items {
                    sum += bank.items[i].prior_difficulty();
                }
                reference_difficulty.push(sum / items.len() as f64);
            }
        }
        let prerequisite_depth = prerequisite_depths(&bank, &skill_positions);
        let mut prerequisites_of: Vec<Vec<usize>> = Vec::with_capacity(bank.skills.len());
        for skill in &bank.skills {
            let mut positions = Vec::with_capacity(skill.prerequisites.len());
            for id in &skill.prerequisites {
                if let Some(p) = skill_positions.last(id) {
                    positions.push(p);
                }
            }
            prerequisites_of.push(positions);
        }
        let mut dependents_of = vec![Vec::new(); bank.skills.len()];
        for (skill, prerequisites) in prerequisites_of.iter().enumerate() {
            for &prerequisite in prerequisites {
                dependents_of[prerequisite].push(skill);
            }
        }
        let calibration = match &bank.calibration {
            Some(calibration) => PositionedCalibration::new(&bank, calibration),
            None => PositionedCalibration::defaults(&bank, &reference_difficulty, &skills_of_item),
        };
        let has_calibration_block = bank.calibration.is_some();
        IndexedBank {
            bank,
            skill_positions,
            item_positions,
            items_of_skill,
            skills_of_item,
            reference_difficulty,
            prerequisite_depth,
            prerequisites_of,
            dependents_of,
            calibration,
            has_calibration_block,
        }
    }

    /// The learner model's parameters laid out by position: the bank's calibration block, or,
    /// for a bank without one, the shipped defaults with the bank's difficulties.
    pub fn calibration(&self) -> &PositionedCalibration {
        &self.calibration
    }

    /// Whether the bank carries a calibration block (fitted from a class's answers).
    pub fn has_calibration_block(&self) -> bool {
        self.has_calibration_block
    }

    pub fn skill_position(&self, skill_id: &str) -> Option<usize> {
        // A repeated id (which `load_bank` refuses) means its last skill, as it always has.
        self.skill_positions.last(skill_id)
    }

    pub fn item_position(&self, item_id: &str) -> Option<usize> {
        self.item_positions.last(item_id)
    }

    /// For each skill position, what `map` (keyed by skill id) holds for it: one pass, where a
    /// look-up per skill would search every time.
    pub fn by_skill_position<'a, V>(&self, map: &'a SortedMap<V>) -> Vec<Option<&'a V>> {
        self.skill_positions.values_by_position(map)
    }

    /// For each item position, what `map` (keyed by item id) holds for it, in one pass.
    pub fn by_item_position<'a, V>(&self, map: &'a SortedMap<V>) -> Vec<Option<&'a V>> {
        self.item_positions.values_by_position(map)
    }

    /// `skill_position` of each key of `map`, in the map's order, in one pass.
    pub fn skill_positions_of<V>(&self, map: &SortedMap<V>) -> Vec<Option<usize>> {
        self.skill_positions.last_positions_of(map)
    }

    /// Positions (in `bank.items`) of the items that practise the skill at `skill_position`.
    pub fn items_of_skill(&self, skill_position: usize) -> &[usize] {
        self.items_of_skill
            .get(skill_position)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Positions (in `bank.skills`) of the skills the item at `item_position` practises: item
    /// choice reads these instead of looking skill ids up for every item.
    pub fn skills_of_item(&self, item_position: usize) -> &[usize] {
        self.skills_of_item
            .get(item_position)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Positions of a skill's direct prerequisites that are in the bank, in the order it names them.
    pub fn prerequisites_of(&self, skill_position: usize) -> &[usize] {
        self.prerequisites_of
            .get(skill_position)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Positions of the skills that name this one as a direct prerequisite, in bank order.
    pub fn dependents_of(&self, skill_position: usize) -> &[usize] {
        self.dependents_of
            .get(skill_position)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// How many prerequisite steps lie under a skill (0 for a skill without prerequisites).
    pub fn prerequisite_depth(&self, skill_position: usize) -> usize {
        self.prerequisite_depth
            .get(skill_position)
            .copied()
            .unwrap_or(0)
    }

    /// The mean prior difficulty of a skill's items: mastery is judged against it.
    pub fn reference_difficulty(&self, skill_position: usize) -> f64 {
        self.reference_difficulty
            .get(skill_position)
            .copied()
            .unwrap_or(0.0)
    }
}

/// The bank's skills by id (one loop, not a `map` and `collect` compiled at every use).
pub(crate) fn positions_of_skills(bank: &Bank) -> IdPositions {
    let mut ids = Vec::with_capacity(bank.skills.len());
    for skill in &bank.skills {
        ids.push(skill.id.as_str());
    }
    IdPositions::new(ids)
}

/// The bank's items by id.
pub(crate) fn positions_of_items(bank: &Bank) -> IdPositions {
    let mut ids = Vec::with_capacity(bank.items.len());
    for item in &bank.items {
        ids.push(item.id.as_str());
    }
    IdPositions::new(ids)
}

/// Each skill's prerequisite depth: one more than its deepest prerequisite's. The bank loader
/// rejects cycles, so depths settle within as many rounds as there are skills.
fn prerequisite_depths(bank: &Bank, skill_positions: &IdPositions) -> Vec<usize> {
    let skill_count = bank.skills.len();
    let mut depths = vec![0usize; skill_count];
    for _ in 0..skill_count {
        let mut changed = false;
        for (position, skill) in bank.skills.iter().enumerate() {
            let mut deepest = 0;
            for id in &skill.prerequisites {
                if let Some(p) = skill_positions.last(id) {
                    deepest = deepest.max(depths[p] + 1);
                }
            }
            let deepest = deepest.min(skill_count);
            if deepest != depths[position] {
                depths[position] = deepest;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    depths
}
