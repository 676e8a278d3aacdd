//! The widget's default learner model (`LearnerModel`) as an online model, on a bank calibrated with Rasch item difficulties only.

use std::collections::{BTreeSet, HashMap};

use adaptive_practice_engine::bank::{Bank, BankSettings, Item, ItemKind, Skill};
use adaptive_practice_engine::calibrated_model::ObservedAnswer;
use adaptive_practice_engine::calibration::{fit_difficulties, Attempts};
use adaptive_practice_engine::{Evidence, IndexedBank, LearnerModel, Timestamp};

use crate::replay::OnlineModel;

/// When the data has no time (timestamp 0), answers are taken to be this far apart.
const MILLISECONDS_BETWEEN_UNTIMED_ANSWERS: i64 = 60_000;

/// The bank built from the train file, the id of every dataset item and skill, and the state of
/// the current learner.
pub struct EngineModelOnline {
    bank: IndexedBank,
    /// `Some` for items of the bank (answered in the train file).
    item_difficulty: Vec<Option<f64>>,
    model: LearnerModel,
    answers_of_current_learner: i64,
}

/// Builds a bank whose skills are the dataset's skills and whose items are the train file's
/// items, each with the skills it was answered with and a Rasch difficulty fitted on the train
/// learners (`calibration::fit_difficulties`, the teacher page's calibration). The difficulties'
/// mean is anchored at 0 ("medium"); `LearnerModel` reads an item's difficulty relative to the
/// mean of its skills' items, so a common shift would change nothing for items with skills.
pub fn fit_engine_model(
    learner_sequences: &[Vec<ObservedAnswer>],
    item_count: usize,
    skill_count: usize,
) -> EngineModelOnline {
    let mut attempts_by_learner_and_item: HashMap<(usize, usize), (u32, u32)> = HashMap::new();
    let mut skills_of_item: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); item_count];
    for (learner, sequence) in learner_sequences.iter().enumerate() {
        for answer in sequence {
            let counts = attempts_by_learner_and_item
                .entry((learner, answer.item))
                .or_insert((0, 0));
            counts.0 += 1;
            counts.1 += u32::from(answer.correct);
            if let Some(skills) = skills_of_item.get_mut(answer.item) {
                skills.extend(answer.skills.iter().copied());
            }
        }
    }
    let mut attempts: Vec<Attempts> = attempts_by_learner_and_item
        .into_iter()
        .map(|((learner, item), (attempts, correct))| Attempts {
            learner,
            item,
            attempts,
            correct,
        })
        .collect();
    // The fit sums over records: a fixed order keeps the result independent of the hash order.
    attempts.sort_by_key(|record| (record.learner, record.item));
    let fitted = fit_difficulties(learner_sequences.len(), item_count, &attempts, 0.0);
    let item_difficulty: Vec<Option<f64>> = fitted
        .iter()
        .map(|&(difficulty, _, answers)| (answers > 0).then_some(difficulty))
        .collect();
    let bank = Bank {
        id: "evaluation".to_string(),
        version: "1".to_string(),
        title: "Items of the train file".to_string(),
        language: None,
        license: None,
        attribution: None,
        settings: BankSettings::default(),
        skills: (0..skill_count)
            .map(|skill| Skill {
                id: skill_id(skill),
                name: skill_id(skill),
                description: None,
                prerequisites: Vec::new(),
            })
            .collect(),
        items: item_difficulty
            .iter()
            .enumerate()
            .filter_map(|(item, difficulty)| {
                let difficulty = (*difficulty)?;
                Some(Item {
                    id: item_id(item),
                    skills: skills_of_item
                        .get(item)
                        .map(|skills| skills.iter().map(|&skill| skill_id(skill)).collect())
                        .unwrap_or_default(),
                    difficulty: Some(difficulty),
                    prompt: String::new(),
                    hints: Vec::new(),
                    solution: None,
                    template: None,
                    kind: ItemKind::SingleChoice {
                        choices: Vec::new(),
                        answer: 0,
                        shuffle: false,
                    },
                })
            })
            .collect(),
    };
    EngineModelOnline {
        bank: IndexedBank::new(bank),
        item_difficulty,
        model: LearnerModel::default(),
        answers_of_current_learner: 0,
    }
}

impl EngineModelOnline {
    /// The bank's difficulty of an item; for an item the bank lacks, the mean difficulty of its
    /// skills' items (an average item of its skills), as `ours` treats unknown items.
    fn difficulty_of(&self, item: usize, skill_ids: &[String]) -> f64 {
        if let Some(Some(difficulty)) = self.item_difficulty.get(item) {
            return *difficulty;
        }
        let references: Vec<f64> = skill_ids
            .iter()
            .filter_map(|skill| self.bank.skill_position(skill))
            .map(|position| self.bank.reference_difficulty(position))
            .collect();
        references.iter().sum::<f64>() / references.len().max(1) as f64
    }

    /// The dataset's time in milliseconds, or one minute after the learner's previous answer.
    fn timestamp_of(&self, now: f64) -> Timestamp {
        if now > 0.0 {
            Timestamp((now * 1000.0) as i64)
        } else {
            Timestamp(self.answers_of_current_learner * MILLISECONDS_BETWEEN_UNTIMED_ANSWERS)
        }
    }
}

impl OnlineModel for EngineModelOnline {
    fn start_learner(&mut self) {
        self.model = LearnerModel::default();
        self.answers_of_current_learner = 0;
    }

    fn predict(&self, item: usize, skills: &[usize], now: f64) -> f64 {
        let (key, skill_ids) = bank_ids(item, skills);
        let evidence = Evidence {
            key: &key,
            item_id: &key,
            skills: &skill_ids,
            prior_difficulty: self.difficulty_of(item, &skill_ids),
            correct: false,
            hints_used: 0,
        };
        self.model
            .predict_evidence(&self.bank, &evidence, self.timestamp_of(now))
    }

    fn update(&mut self, item: usize, skills: &[usize], correct: bool, now: f64) {
        let (key, skill_ids) = bank_ids(item, skills);
        let evidence = Evidence {
            key: &key,
            item_id: &key,
            skills: &skill_ids,
            prior_difficulty: self.difficulty_of(item, &skill_ids),
            correct,
            hints_used: 0,
        };
        let timestamp = self.timestamp_of(now);
        self.model.record_answer(&self.bank, &evidence, timestamp);
        self.answers_of_current_learner += 1;
    }
}

/// The bank's ids of a dataset's item and its skills.
fn bank_ids(item: usize, skills: &[usize]) -> (String, Vec<String>) {
    (
        item_id(item),
        skills.iter().map(|&skill| skill_id(skill)).collect(),
    )
}

fn item_id(item: usize) -> String {
    format!("item{item}")
}

fn skill_id(skill: usize) -> String {
    format!("skill{skill}")
}
